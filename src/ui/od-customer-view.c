/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <math.h>
#include <glib/gi18n.h>

#include "od-customer-detail.h"
#include "od-customer-policy-row.h"
#include "od-customer-view.h"
#include "od-money.h"
#include "od-ui-format.h"

/* At most this many invoices and messages are listed, the latest first. */
#define MAX_ROWS 50

struct _OdCustomerView
{
  AdwBin                parent_instance;

  OdContext            *context;
  OdCustomer           *customer;
  GCancellable         *cancellable;
  guint                 busy;
  guint                 generation;
  gboolean              setting_switches;

  OdReportRiskRow      *risk;
  GPtrArray            *invoices;
  guint                 n_messages;
  GPtrArray            *dynamic_rows;   /* (group, row) pairs to remove */

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *summary_group;
  GtkWidget            *unarchive_button;
  AdwActionRow         *ref_row;
  AdwActionRow         *address_row;
  AdwActionRow         *language_row;
  AdwActionRow         *time_zone_row;
  AdwPreferencesGroup  *risk_group;
  GtkLabel             *risk_badge;
  AdwActionRow         *days_late_row;
  AdwActionRow         *on_time_row;
  AdwActionRow         *promises_row;
  AdwActionRow         *credit_row;
  AdwPreferencesGroup  *contacts_group;
  OdCustomerPolicyRow  *policy_row;
  GtkSwitch            *chase_switch;
  AdwExpanderRow       *opt_out_row;
  GtkSwitch            *channel_switches[4];
  AdwPreferencesGroup  *invoices_group;
  AdwPreferencesGroup  *history_group;
};

G_DEFINE_FINAL_TYPE (OdCustomerView, od_customer_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const OdChannel channels[4] = {
  OD_CHANNEL_EMAIL, OD_CHANNEL_SMS, OD_CHANNEL_LETTER, OD_CHANNEL_CALL,
};


static void
set_value (AdwActionRow *row,
           const char   *value)
{
  /* Translators: shown where a customer's detail was never entered */
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not set"));
}

static GtkWidget *
add_row (OdCustomerView      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, group);
  g_ptr_array_add (self->dynamic_rows, row);
  return row;
}

static void
clear_rows (OdCustomerView *self)
{
  for (guint i = 0; i + 1 < self->dynamic_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->dynamic_rows, i),
                                  g_ptr_array_index (self->dynamic_rows, i + 1));
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static char *
format_share (gint bp)
{
  /* Translators: a share in percent, "83 %" */
  return bp < 0 ? g_strdup (_("No paid invoices yet"))
                : g_strdup_printf (_("%d %%"), (bp + 50) / 100);
}

static void
show_static (OdCustomerView *self)
{
  OdCustomer *customer = self->customer;
  g_autoptr(GString) address = g_string_new (NULL);
  const char *parts[3];
  g_autofree char *heading = g_markup_escape_text (od_customer_get_name (customer), -1);
  GListModel *contacts;
  guint n;

  adw_preferences_group_set_title (self->summary_group, heading);
  adw_preferences_group_set_description (self->summary_group,
                                         od_customer_get_archived (customer)
                                         ? _("Archived: hidden from lists and not chased") : NULL);
  gtk_widget_set_visible (self->unarchive_button, od_customer_get_archived (customer));
  set_value (self->ref_row, od_customer_get_ref (customer));
  if (od_customer_get_address (customer) != NULL)
    g_string_append (address, od_customer_get_address (customer));
  parts[0] = od_customer_get_postcode (customer);
  parts[1] = od_customer_get_city (customer);
  parts[2] = od_customer_get_country (customer);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (address->len > 0)
        g_string_append (address, i == 1 && parts[0] != NULL && *parts[0] != '\0' ? " " : ", ");
      g_string_append (address, parts[i]);
    }
  set_value (self->address_row, address->str);
  /* Translators: a customer without a language of their own */
  adw_action_row_set_subtitle (self->language_row,
                               od_customer_get_language (customer) != NULL
                               ? od_customer_get_language (customer) : _("The business’s language"));
  /* Translators: a customer without a time zone of their own */
  adw_action_row_set_subtitle (self->time_zone_row,
                               od_customer_get_time_zone (customer) != NULL
                               ? od_customer_get_time_zone (customer) : _("The business’s time zone"));

  contacts = od_customer_get_contacts (customer);
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdContact) contact = g_list_model_get_item (contacts, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      const char *name = od_contact_get_name (contact);
      const char *role = od_contact_get_role (contact) == OD_CONTACT_ROLE_ESCALATION
                         /* Translators: who gets the final notices */
                         ? _("Escalation") : _("Billing");

      /* Translators: a contact's name and role, "Ann Smith (Billing)" */
      title = g_strdup_printf (_("%s (%s)"), name != NULL && *name != '\0' ? name : _("Unnamed"), role);
      if (od_contact_get_email (contact) != NULL)
        g_string_append (subtitle, od_contact_get_email (contact));
      if (od_contact_get_phone (contact) != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                od_contact_get_phone (contact));
      add_row (self, self->contacts_group, title, subtitle->str, NULL);
    }
  if (n == 0)
    add_row (self, self->contacts_group, _("No contacts"),
             _("Reminders need an email address, a phone number or an address"), NULL);

  self->setting_switches = TRUE;
  gtk_switch_set_active (self->chase_switch, od_customer_get_do_not_chase (customer));
  gtk_switch_set_state (self->chase_switch, od_customer_get_do_not_chase (customer));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_switch_set_active (self->channel_switches[i],
                           (od_customer_get_opted_out (customer) & channels[i]) == 0);
  self->setting_switches = FALSE;
}

static void
on_invoice_activated (AdwActionRow *row,
                      OdInvoice    *invoice)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-invoice", "s",
                              od_invoice_get_number (invoice));
}

static void
show_detail (OdCustomerView *self,
             OdCustomerDetail *detail)
{
  const OdReportRiskRow *risk = detail->risk;
  g_autofree char *invoices_title = NULL;
  const char *level_class[] = { "od-pill-success", "od-pill-warning", NULL };

  g_set_object (&self->customer, detail->customer);
  clear_rows (self);
  show_static (self);

  g_clear_pointer (&self->risk, od_report_risk_row_free);
  self->risk = g_steal_pointer (&detail->risk);
  risk = self->risk;
  gtk_widget_remove_css_class (GTK_WIDGET (self->risk_badge), "od-pill-success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->risk_badge), "od-pill-warning");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_group), risk != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->days_late_row), risk != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->on_time_row), risk != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->promises_row), risk != NULL);
  if (risk != NULL)
    {
      /* Translators: the customer page's risk badge */
      const char *badge[] = { N_("Low risk"), N_("Medium risk"), N_("High risk") };
      g_autofree char *days = NULL;
      g_autofree char *on_time = NULL;
      g_autofree char *kept = NULL;

      gtk_label_set_label (self->risk_badge, _(badge[risk->level]));
      if (level_class[risk->level] != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->risk_badge), level_class[risk->level]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->risk_badge),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(badge[risk->level]), -1);
      for (guint i = 0; i < risk->reasons->len; i++)
        {
          OdRiskReason *reason = g_ptr_array_index (risk->reasons, i);

          add_row (self, self->risk_group, reason->text, NULL, NULL);
        }
      if (risk->reasons->len == 0)
        add_row (self, self->risk_group, _("Nothing points to late payment"), NULL, NULL);

      if (isnan (risk->avg_days_beyond))
        days = g_strdup (_("No paid invoices yet"));
      else
        /* Translators: average days paid after the due date, "4.5 days" */
        days = g_strdup_printf (_("%.1f days"), risk->avg_days_beyond);
      adw_action_row_set_subtitle (self->days_late_row, days);
      on_time = format_share (risk->on_time_bp);
      adw_action_row_set_subtitle (self->on_time_row, on_time);
      kept = risk->promise_kept_bp < 0 ? g_strdup (_("No promises due yet"))
                                       : format_share (risk->promise_kept_bp);
      adw_action_row_set_subtitle (self->promises_row, kept);
    }

  if (od_customer_get_credit_limit (self->customer) > 0)
    {
      const char *currency = od_customer_get_credit_currency (self->customer);
      OdMoney limit = od_money_init (od_customer_get_credit_limit (self->customer),
                                     risk != NULL ? risk->credit_currency
                                     : currency != NULL ? currency : "EUR");
      g_autofree char *limit_text = od_ui_format_money (&limit);
      g_autofree char *text = NULL;

      if (risk != NULL && risk->credit_use_bp >= 0)
        {
          OdMoney open = od_money_init (risk->credit_open, risk->credit_currency);
          g_autofree char *open_text = od_ui_format_money (&open);

          /* Translators: credit limit and its use, "€5,000.00 · €4,100.00 open (82 %)" */
          text = g_strdup_printf (_("%s · %s open (%d %%)"), limit_text, open_text,
                                  (risk->credit_use_bp + 50) / 100);
        }
      adw_action_row_set_subtitle (self->credit_row, text != NULL ? text : limit_text);
    }
  else
    /* Translators: a customer without a credit limit */
    adw_action_row_set_subtitle (self->credit_row, _("None"));


  g_clear_pointer (&self->invoices, g_ptr_array_unref);
  self->invoices = g_steal_pointer (&detail->invoices);
  if (detail->n_invoices > self->invoices->len)
    /* Translators: the customer's invoices group, "Invoices (latest 50 of 230)" */
    invoices_title = g_strdup_printf (_("Invoices (latest %u of %" PRId64 ")"),
                                      self->invoices->len, detail->n_invoices);
  adw_preferences_group_set_title (self->invoices_group,
                                   invoices_title != NULL ? invoices_title : _("Invoices"));
  for (guint i = 0; i < self->invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (self->invoices, i);
      OdInvoiceStatus status = od_invoice_get_status (invoice);
      OdMoney amount = od_money_init (status == OD_INVOICE_STATUS_OPEN
                                      ? od_invoice_get_outstanding (invoice)
                                      : od_invoice_get_total (invoice),
                                      od_invoice_get_currency (invoice));
      g_autofree char *money = od_ui_format_money (&amount);
      g_autofree char *due = od_ui_format_date (od_invoice_get_due_date (invoice));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (status == OD_INVOICE_STATUS_OPEN)
        /* Translators: an open invoice in the customer's list, "Due 3 Nov 2026 · open" */
        subtitle = g_strdup_printf (_("Due %s · open"), due);
      else if (status == OD_INVOICE_STATUS_PAID)
        subtitle = g_strdup_printf (_("Due %s · paid"), due);
      else
        subtitle = g_strdup_printf (_("Due %s · void"), due);
      row = add_row (self, self->invoices_group, od_invoice_get_number (invoice), subtitle, money);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_invoice_activated), invoice, 0);
    }
  if (self->invoices->len == 0)
    add_row (self, self->invoices_group, _("No invoices"), NULL, NULL);

  self->n_messages = detail->messages->len;
  for (guint i = 0; i < detail->messages->len; i++)
    {
      OdCustomerMessage *message = g_ptr_array_index (detail->messages, i);
      g_autoptr(GString) subtitle = g_string_new (message->channel);
      g_autofree char *date = NULL;
      g_autofree char *time = g_date_time_format (message->at, "%H:%M");
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (message->at),
                      g_date_time_get_month (message->at), g_date_time_get_year (message->at));
      date = od_ui_format_date (&day);
      g_string_append_printf (subtitle, " · %s %s", date, time);
      if (message->invoice != NULL)
        g_string_append_printf (subtitle, " · %s", message->invoice);
      if (message->outcome != NULL)
        g_string_append_printf (subtitle, " · %s", message->outcome);
      add_row (self, self->history_group, message->title, subtitle->str, NULL);
    }
  if (self->n_messages == 0)
    add_row (self, self->history_group, _("Nothing sent yet"), NULL, NULL);
}

typedef struct
{
  gint64 customer_id;
  guint  generation;
} ReadRequest;

/* Runs in a worker thread. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_CUSTOMER_VIEW (source_object)->context);
  ReadRequest *request = task_data;
  OdCustomerDetail *detail;
  GError *error = NULL;

  detail = od_customer_detail_read (store, request->customer_id, MAX_ROWS, &error);
  if (detail == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  detail->generation = request->generation;
  g_task_return_pointer (task, detail, (GDestroyNotify) od_customer_detail_free);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (source);
  g_autoptr(OdCustomerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;

  detail = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (detail == NULL)
    {
      /* Deleted meanwhile: the page clears the view on its reload. */
      if (!g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the customer: %s", error->message);
      return;
    }
  /* Another customer was asked for meanwhile. */
  if (detail->generation != self->generation)
    return;
  show_detail (self, detail);
}

static void
read_customer (OdCustomerView *self)
{
  g_autoptr(GTask) task = NULL;
  ReadRequest *request = g_new0 (ReadRequest, 1);

  request->customer_id = od_customer_get_id (self->customer);
  request->generation = ++self->generation;
  self->busy++;
  task = g_task_new (self, NULL, on_read, NULL);
  g_task_set_source_tag (task, read_customer);
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, read_thread);
}

/* Writes: one field of the stored customer, read again in the thread so
 * that nothing else the view holds is written back. */

typedef struct
{
  gint64    customer_id;
  gboolean  do_not_chase;
  gboolean  set_chase;
  OdChannel opted_out;
} Write;

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_CUSTOMER_VIEW (source_object)->context);
  Write *write = task_data;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (!od_store_begin (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if ((customer = od_store_get_customer (store, write->customer_id, &error)) == NULL)
    goto fail;
  if (write->set_chase)
    od_customer_set_do_not_chase (customer, write->do_not_chase);
  else
    od_customer_set_opted_out (customer, write->opted_out);
  if (!od_store_update_customer (store, customer, &error) ||
      !od_store_add_audit (store, write->customer_id, 0,
                           write->set_chase ? "do-not-chase" : "opt-out",
                           write->set_chase ? (write->do_not_chase ? "on" : "off") : NULL,
                           &error) ||
      !od_store_commit (store, &error))
    goto fail;
  g_task_return_boolean (task, TRUE);
  return;

fail:
  od_store_rollback (store);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (source);
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not change the customer: %s", error->message);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  /* The page reloads the list and shows this customer again. */
  od_context_ledger_changed (self->context);
}

static void
write_customer (OdCustomerView *self,
                Write          *write)
{
  g_autoptr(GTask) task = NULL;

  write->customer_id = od_customer_get_id (self->customer);
  self->busy++;
  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, write_customer);
  g_task_set_task_data (task, g_memdup2 (write, sizeof *write), g_free);
  g_task_run_in_thread (task, write_thread);
}

static void
set_do_not_chase (OdCustomerView *self,
                  gboolean        do_not_chase)
{
  Write write = { 0, do_not_chase, TRUE, 0 };

  gtk_switch_set_state (self->chase_switch, do_not_chase);
  write_customer (self, &write);
}

static void
on_chase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   OdCustomerView   *self)
{
  gboolean confirmed = g_strcmp0 (response, "stop") == 0;

  if (confirmed)
    set_do_not_chase (self, TRUE);
  else
    {
      self->setting_switches = TRUE;
      gtk_switch_set_active (self->chase_switch, FALSE);
      self->setting_switches = FALSE;
    }
}

static gboolean
on_chase_state_set (OdCustomerView *self,
                    gboolean        state)
{
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->setting_switches || self->customer == NULL)
    return FALSE;
  if (!state)
    {
      set_do_not_chase (self, FALSE);
      return TRUE;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is the customer's name */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Stop Chasing %s?"), od_customer_get_name (self->customer));
  adw_message_dialog_format_body (dialog,
                                  _("No reminders, letters or calls will go to %s for any of "
                                    "its invoices, including those already due, until you turn "
                                    "this off. Overdue will not tell you when they become late."),
                                  od_customer_get_name (self->customer));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "stop", _("_Stop Chasing"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_chase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_channel_active (GtkSwitch      *button,
                   GParamSpec     *pspec,
                   OdCustomerView *self)
{
  Write write = { 0, FALSE, FALSE, 0 };

  if (self->setting_switches || self->customer == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (!gtk_switch_get_active (self->channel_switches[i]))
      write.opted_out |= channels[i];
  write_customer (self, &write);
}

/* GObject */

static void
od_customer_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_view_dispose (GObject *object)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (object);

  /* Nothing may call back into a view that is going away. */
  g_cancellable_cancel (self->cancellable);
  g_ptr_array_set_size (self->dynamic_rows, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_CUSTOMER_VIEW);

  G_OBJECT_CLASS (od_customer_view_parent_class)->dispose (object);
}

static void
od_customer_view_finalize (GObject *object)
{
  OdCustomerView *self = OD_CUSTOMER_VIEW (object);

  g_clear_object (&self->customer);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->risk, od_report_risk_row_free);
  g_clear_pointer (&self->invoices, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (od_customer_view_parent_class)->finalize (object);
}

static void
od_customer_view_class_init (OdCustomerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = od_customer_view_get_property;
  object_class->set_property = od_customer_view_set_property;
  object_class->dispose = od_customer_view_dispose;
  object_class->finalize = od_customer_view_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OD_TYPE_CUSTOMER_POLICY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-customer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, page);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, unarchive_button);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, ref_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, address_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, language_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, risk_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, risk_badge);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, days_late_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, on_time_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, promises_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, credit_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, policy_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, chase_switch);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, opt_out_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, invoices_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerView, history_group);
  gtk_widget_class_bind_template_callback (widget_class, on_chase_state_set);
}

static void
od_customer_view_init (OdCustomerView *self)
{
  const char *names[4] = { N_("Email"), N_("Text Messages"), N_("Letters"), N_("Calls") };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->dynamic_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(names[i]));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (self->opt_out_row, row);
      self->channel_switches[i] = GTK_SWITCH (button);
      g_signal_connect_object (button, "notify::active", G_CALLBACK (on_channel_active), self, 0);
    }
}

/* Public API */

OdCustomerView *
od_customer_view_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_CUSTOMER_VIEW, "context", context, NULL);
}

void
od_customer_view_set_customer (OdCustomerView *self,
                               OdCustomer     *customer)
{
  g_return_if_fail (OD_IS_CUSTOMER_VIEW (self));
  g_return_if_fail (customer == NULL || OD_IS_CUSTOMER (customer));

  g_set_object (&self->customer, customer);
  self->generation++;
  clear_rows (self);
  if (customer == NULL)
    return;
  show_static (self);
  read_customer (self);
  od_customer_policy_row_set_customer (self->policy_row, self->context,
                                       od_customer_get_id (customer), od_customer_get_ref (customer));
}

OdCustomer *
od_customer_view_get_customer (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), NULL);

  return self->customer;
}

gboolean
od_customer_view_is_loading (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), FALSE);

  return self->busy > 0 || od_customer_policy_row_is_busy (self->policy_row);
}

const OdReportRiskRow *
od_customer_view_get_risk (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), NULL);

  return self->risk;
}

GPtrArray *
od_customer_view_get_invoices (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), NULL);

  return self->invoices;
}

guint
od_customer_view_get_n_messages (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), 0);

  return self->n_messages;
}

GtkLabel *
od_customer_view_get_badge (OdCustomerView *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_VIEW (self), NULL);

  return self->risk_badge;
}

void
od_customer_view_set_do_not_chase (OdCustomerView *self,
                                   gboolean        do_not_chase)
{
  g_return_if_fail (OD_IS_CUSTOMER_VIEW (self));
  g_return_if_fail (self->customer != NULL);

  self->setting_switches = TRUE;
  gtk_switch_set_active (self->chase_switch, do_not_chase);
  self->setting_switches = FALSE;
  set_do_not_chase (self, do_not_chase);
}
