/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-invoice-detail.h"
#include "od-invoice-edit.h"
#include "od-invoice-timeline.h"
#include "od-invoice-view-private.h"
#include "od-money.h"

G_DEFINE_FINAL_TYPE (OdInvoiceView, od_invoice_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint signals[OD_INVOICE_VIEW_N_SIGNALS];

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static void
add_row (OdInvoiceView       *self,
         AdwPreferencesGroup *group,
         const char          *icon_name,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (OdInvoiceView *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

void
od_invoice_view_update_actions (OdInvoiceView *self)
{
  gboolean open = self->invoice != NULL && self->busy == 0 &&
                  od_invoice_get_status (self->invoice) == OD_INVOICE_STATUS_OPEN;
  gboolean shown = self->invoice != NULL && self->busy == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.delete", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.void",
                                 shown && od_invoice_get_status (self->invoice) != OD_INVOICE_STATUS_VOID);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.record-payment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save-payment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.dispute", open && !self->state.disputed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.hold", open && !self->state.held);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save-pause", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.resume", open && self->state.paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.send-now", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.preview", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.promise", open && !self->state.promised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save-promise", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.plan", open && !self->state.on_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.save-plan", open);
}

static void
add_timeline_row (gpointer    user_data,
                  const char *icon_name,
                  const char *title,
                  const char *subtitle,
                  const char *value)
{
  OdInvoiceView *self = user_data;

  add_row (self, self->timeline_group, icon_name, title, subtitle, value);
}

static void
show_detail (OdInvoiceView   *self,
             OdInvoiceDetail *detail)
{
  OdInvoice *invoice = detail->invoice;
  const char *currency = od_invoice_get_currency (invoice);
  g_autofree char *total = format_amount (od_invoice_get_total (invoice), currency);
  g_autofree char *paid = format_amount (od_invoice_get_paid (invoice), currency);
  g_autofree char *outstanding = format_amount (od_invoice_get_outstanding (invoice), currency);
  g_autofree char *issued = od_ui_format_date_long (od_invoice_get_issue_date (invoice));
  g_autofree char *due = od_ui_format_date_long (od_invoice_get_due_date (invoice));
  g_autofree char *dates = NULL;
  g_autofree char *customer = NULL;
  GListModel *lines = od_invoice_get_lines (invoice);

  g_set_object (&self->invoice, invoice);
  clear_rows (self);

  adw_preferences_group_set_title (self->summary_group, od_invoice_get_number (invoice));
  customer = g_strdup_printf ("%s (%s)", od_invoice_get_customer_name (invoice),
                              od_invoice_get_customer_ref (invoice));
  adw_action_row_set_subtitle (self->customer_row, customer);
  /* Translators: an invoice's issue and due dates */
  dates = g_strdup_printf (_("%s, due %s"), issued, due);
  adw_action_row_set_subtitle (self->dates_row, dates);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->paid_label, paid);
  gtk_label_set_label (self->outstanding_label, outstanding);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(OdInvoiceLine) line = g_list_model_get_item (lines, i);
      g_autofree char *price = format_amount (od_invoice_line_get_unit_price (line), currency);
      g_autofree char *quantity = od_amount_to_string (od_invoice_line_get_quantity_milli (line), 3);
      g_autofree char *subtitle = NULL;

      /* Drop the zeros a whole quantity does not need. */
      if (g_str_has_suffix (quantity, ".000"))
        quantity[strlen (quantity) - 4] = '\0';
      /* Translators: an invoice line's quantity and unit price: "3 × EUR 12.50" */
      subtitle = g_strdup_printf (_("%s × %s"), quantity, price);
      add_row (self, self->lines_group, NULL, od_invoice_line_get_description (line), subtitle, NULL);
    }
  if (g_list_model_get_n_items (lines) == 0)
    add_row (self, self->lines_group, NULL, _("No lines: only the total was imported"), NULL, NULL);

  for (guint i = 0; i < detail->payments->len; i++)
    {
      OdPayment *payment = g_ptr_array_index (detail->payments, i);
      g_autofree char *date = od_ui_format_date_long (od_payment_get_date (payment));
      g_autofree char *amount = format_amount (od_payment_get_amount (payment),
                                               od_payment_get_currency (payment));

      add_row (self, self->payments_group, NULL, date, od_payment_get_method (payment), amount);
    }
  if (detail->payments->len == 0)
    add_row (self, self->payments_group, NULL, _("No payments yet"), NULL, NULL);

  for (guint i = 0; i < detail->charges->len; i++)
    {
      OdCharge *charge = g_ptr_array_index (detail->charges, i);
      g_autofree char *date = od_ui_format_date_long (od_charge_get_date (charge));
      g_autofree char *amount = format_amount (od_charge_get_amount (charge),
                                               od_charge_get_currency (charge));
      const char *description = od_charge_get_description (charge);

      add_row (self, self->charges_group, NULL,
               description != NULL ? description : od_charge_kind_to_string (od_charge_get_kind (charge)),
               date, amount);
    }
  if (detail->charges->len == 0)
    add_row (self, self->charges_group, NULL, _("No fees or interest charged"), NULL, NULL);

  od_invoice_timeline_build (detail, add_timeline_row, self, &self->state);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  od_invoice_view_update_actions (self);
}

/* Runs in a worker thread. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_INVOICE_VIEW (source_object)->context);
  GError *error = NULL;
  OdInvoiceDetail *detail = od_invoice_detail_read (store, *(gint64 *) task_data, &error);

  if (detail == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, detail, (GDestroyNotify) od_invoice_detail_free);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (source);
  g_autoptr(OdInvoiceDetail) detail = NULL;
  g_autoptr(GError) error = NULL;

  detail = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  /* Another invoice was asked for meanwhile. */
  if (detail != NULL && detail->invoice_id != self->invoice_id)
    return;

  gtk_spinner_stop (self->spinner);
  if (detail == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_clear_object (&self->invoice);
      od_invoice_view_update_actions (self);
      return;
    }
  show_detail (self, detail);
}

void
od_invoice_view_read (OdInvoiceView *self)
{
  g_autoptr(GTask) task = NULL;

  self->busy++;
  od_invoice_view_update_actions (self);
  task = g_task_new (self, NULL, on_read, NULL);
  g_task_set_source_tag (task, od_invoice_view_read);
  g_task_set_task_data (task, g_memdup2 (&self->invoice_id, sizeof self->invoice_id), g_free);
  g_task_run_in_thread (task, read_thread);
}

/* Runs in a worker thread. */
static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_INVOICE_VIEW (source_object)->context);
  GError *error = NULL;

  if (od_invoice_edit_apply (task_data, store, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_edited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (source);
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      od_invoice_view_update_actions (self);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("Could Not Save"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_signal_emit (self, signals[OD_INVOICE_VIEW_INVOICE_CHANGED], 0);
  od_invoice_view_read (self);
}

void
od_invoice_view_run_edit (OdInvoiceView *self,
                          OdInvoiceEdit *edit)
{
  g_autoptr(GTask) task = NULL;

  edit->invoice_id = self->invoice_id;
  edit->currency = g_strdup (od_invoice_get_currency (self->invoice));
  self->busy++;
  od_invoice_view_update_actions (self);
  task = g_task_new (self, NULL, on_edited, NULL);
  g_task_set_source_tag (task, od_invoice_view_run_edit);
  g_task_set_task_data (task, edit, (GDestroyNotify) od_invoice_edit_free);
  g_task_run_in_thread (task, edit_thread);
}

/* GObject */

static void
od_invoice_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (object);

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
od_invoice_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (object);

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
od_invoice_view_dispose (GObject *object)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (object);

  /* The tasks hold the view; this tells them not to touch its widgets. */
  g_cancellable_cancel (self->cancellable);
  g_ptr_array_set_size (self->rows, 0);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_INVOICE_VIEW);

  G_OBJECT_CLASS (od_invoice_view_parent_class)->dispose (object);
}

static void
od_invoice_view_finalize (GObject *object)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (object);

  g_clear_object (&self->invoice);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (od_invoice_view_parent_class)->finalize (object);
}

static void
od_invoice_view_class_init (OdInvoiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = od_invoice_view_get_property;
  object_class->set_property = od_invoice_view_set_property;
  object_class->dispose = od_invoice_view_dispose;
  object_class->finalize = od_invoice_view_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OD_INVOICE_VIEW_INVOICE_CHANGED] =
    g_signal_new ("invoice-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[OD_INVOICE_VIEW_DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-invoice-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, stack);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, error_page);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, lines_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, payments_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, charges_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, customer_row);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, dates_row);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, total_label);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, paid_label);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceView, outstanding_label);

  od_invoice_view_class_add_actions (widget_class);
}

static void
od_invoice_view_init (OdInvoiceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  od_invoice_view_update_actions (self);
}

/* Public API */

OdInvoiceView *
od_invoice_view_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_INVOICE_VIEW, "context", context, NULL);
}

void
od_invoice_view_show (OdInvoiceView *self,
                      gint64         invoice_id)
{
  g_return_if_fail (OD_IS_INVOICE_VIEW (self));
  g_return_if_fail (invoice_id > 0);

  self->invoice_id = invoice_id;
  g_clear_object (&self->invoice);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  od_invoice_view_read (self);
}

gint64
od_invoice_view_get_id (OdInvoiceView *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_VIEW (self), 0);

  return self->invoice_id;
}

gboolean
od_invoice_view_is_busy (OdInvoiceView *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_VIEW (self), FALSE);

  return self->busy > 0;
}

void
od_invoice_view_emit_deleted (OdInvoiceView   *self,
                              gint64           invoice_id,
                              const char      *number,
                              OdInvoiceStatus  status)
{
  g_signal_emit (self, signals[OD_INVOICE_VIEW_DELETED], 0, invoice_id, number, (int) status);
}
