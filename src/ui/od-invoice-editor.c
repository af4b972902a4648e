/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-date.h"
#include "od-invoice-detail.h"
#include "od-editor-field.h"
#include "od-invoice-editor-private.h"
#include "od-store.h"
#include "od-ui-format.h"

static const char *field_keys[N_FIELDS] = { "number", "issue-date", "terms", "due-date", "currency" };
static const char *field_titles[N_FIELDS] = {
  N_("Number"),
  /* Translators: the date fields take ISO dates, shown as an example */
  N_("Issue Date (e.g. 2026-11-23)"),
  N_("Terms in Days (e.g. 30)"),
  N_("Due Date (empty: issue date + terms)"),
  N_("Currency (e.g. EUR)"),
};

G_DEFINE_FINAL_TYPE (OdInvoiceEditor, od_invoice_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_INVOICE_ID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Fields */

void
od_invoice_editor_entry_changed (GtkEditable     *editable,
                  OdInvoiceEditor *self)
{
  Field *field = g_object_get_data (G_OBJECT (editable), "od-field");

  od_editor_field_set_message (field, NULL);
  od_invoice_editor_update_totals (self);
}

/* The draft */

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  if (od_date_parse_iso (text, out, NULL))
    return TRUE;
  /* The locale's own way of writing a date. */
  g_date_set_parse (out, text);
  return g_date_valid (out);
}

/* The draft as an invoice, or NULL with the messages shown. */
static OdInvoice *
build_invoice (OdInvoiceEditor *self)
{
  g_autoptr(OdInvoice) invoice = od_invoice_new ();
  g_autofree char *texts[N_FIELDS] = { NULL };
  g_autofree char *messages[N_FIELDS] = { NULL };
  GtkWidget *first_bad = NULL;
  guint customer = adw_combo_row_get_selected (self->customer_row);
  guint64 terms = 0;
  GDate issue, due;

  for (guint f = 0; f < N_FIELDS; f++)
    texts[f] = od_editor_field_text (&self->fields[f]);
  g_date_clear (&issue, 1);
  g_date_clear (&due, 1);
  if (texts[F_NUMBER] == NULL)
    messages[F_NUMBER] = g_strdup (_("A number is needed, such as INV-0042"));
  if (texts[F_ISSUE_DATE] == NULL || !parse_date (texts[F_ISSUE_DATE], &issue))
    messages[F_ISSUE_DATE] = g_strdup (_("Type the date the invoice was issued, such as 2026-11-23"));
  if (texts[F_TERMS] != NULL && !g_ascii_string_to_unsigned (texts[F_TERMS], 10, 0, 3660, &terms, NULL))
    messages[F_TERMS] = g_strdup (_("Type the days the customer has to pay, such as 30"));
  if (texts[F_DUE_DATE] != NULL)
    {
      if (!parse_date (texts[F_DUE_DATE], &due))
        messages[F_DUE_DATE] = g_strdup (_("Type the date payment is due, such as 2026-12-23"));
      else if (g_date_valid (&issue) && g_date_compare (&due, &issue) < 0)
        messages[F_DUE_DATE] = g_strdup (_("The due date is before the issue date"));
    }
  else if (texts[F_TERMS] == NULL)
    messages[F_DUE_DATE] = g_strdup (_("Type a due date, or the terms in days above"));
  else if (messages[F_TERMS] == NULL && g_date_valid (&issue))
    {
      due = issue;
      g_date_add_days (&due, (guint) terms);
    }
  if (texts[F_CURRENCY] == NULL || !od_currency_is_valid (texts[F_CURRENCY]))
    messages[F_CURRENCY] = g_strdup (_("Use the three capital letters of the currency, such as EUR"));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      od_editor_field_set_message (&self->fields[f], messages[f]);
      if (messages[f] != NULL && first_bad == NULL)
        first_bad = GTK_WIDGET (self->fields[f].entry);
    }
  /* Item 0 is "Choose the customer…": no customer yet. */
  if (customer == GTK_INVALID_LIST_POSITION || customer == 0 || customer >= self->customer_ids->len)
    {
      gtk_widget_set_visible (self->customer_message_row, TRUE);
      first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (self->customer_row);
    }
  if (self->lines->len == 0 && self->original == NULL)
    {
      gtk_label_set_label (self->error_label, _("Add at least one line: what was sold, and its price"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (self->totals_group);
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      g_autoptr(OdInvoiceLine) item = NULL;

      if (od_invoice_editor_check_line (self, line, TRUE, &item) > 0)
        {
          for (guint f = 0; f < N_LINE_FIELDS && first_bad == NULL; f++)
            if (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (line->fields[f].message))))
              first_bad = GTK_WIDGET (line->fields[f].entry);
          first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (line->group);
        }
      else
        od_invoice_add_line (invoice, item);
    }
  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return NULL;
    }

  if (self->original != NULL)
    {
      od_invoice_set_id (invoice, od_invoice_get_id (self->original));
      od_invoice_set_status (invoice, od_invoice_get_status (self->original));
      od_invoice_set_total (invoice, od_invoice_get_total (self->original));
    }
  od_invoice_set_number (invoice, texts[F_NUMBER]);
  od_invoice_set_customer_id (invoice, g_array_index (self->customer_ids, gint64, customer));
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, texts[F_CURRENCY]);
  if (self->lines->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!od_invoice_compute_total (invoice, &error))
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return NULL;
        }
    }
  if (od_invoice_get_total (invoice) < self->paid)
    {
      g_autofree char *paid = od_ui_format_amount (self->paid, texts[F_CURRENCY]);
      g_autofree char *message = g_strdup_printf (_("The total is less than the %s already paid"), paid);

      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return NULL;
    }
  return g_steal_pointer (&invoice);
}

static void
on_customer_picked (OdInvoiceEditor *self)
{
  guint picked = adw_combo_row_get_selected (self->customer_row);

  if (picked != GTK_INVALID_LIST_POSITION && picked > 0 && picked < self->customer_ids->len)
    gtk_widget_set_visible (self->customer_message_row, FALSE);
}

/* Reading: the customers, a number for a new invoice, the invoice to edit */

typedef struct
{
  GPtrArray *customers;
  OdInvoice *invoice;
  char      *number;
  char      *currency;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->customers, g_ptr_array_unref);
  g_clear_object (&loaded->invoice);
  g_free (loaded->number);
  g_free (loaded->currency);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* Runs in a worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdInvoiceEditor *self = source_object;
  OdStore *store = od_context_get_store (self->context);
  OdCustomerQuery query = { NULL, FALSE };
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  if ((ids = od_store_query_customer_ids (store, &query, &error)) == NULL ||
      (loaded->customers = od_store_load_customers (store, (gint64 *) ids->data, ids->len, &error)) == NULL ||
      (self->invoice_id > 0
       ? (loaded->invoice = od_store_get_invoice (store, self->invoice_id, &error)) == NULL
       : (loaded->number = od_invoice_suggest_number (store, &error)) == NULL))
    {
      g_task_return_error (task, error);
      return;
    }
  loaded->currency = g_strdup (business != NULL && od_business_get_currency (business) != NULL
                               ? od_business_get_currency (business) : "EUR");
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (source);
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer_id = 0;
  GDate today;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->loading = FALSE;
  if (loaded == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  /* A first item that picks no one: a combo row always shows an item, and
   * libadwaita 1.6+ selects the first one whatever was asked, so a real
   * customer there would be picked without the owner choosing it. */
  {
    gint64 none = 0;

    g_array_append_val (self->customer_ids, none);
    gtk_string_list_append (self->customer_names, _("Choose the customer…"));
  }
  for (guint i = 0; i < loaded->customers->len; i++)
    {
      OdCustomer *customer = g_ptr_array_index (loaded->customers, i);
      g_autofree char *name = g_strdup_printf ("%s (%s)", od_customer_get_name (customer),
                                               od_customer_get_ref (customer));
      gint64 id = od_customer_get_id (customer);

      g_array_append_val (self->customer_ids, id);
      gtk_string_list_append (self->customer_names, name);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);

  if (loaded->invoice == NULL)
    {
      g_autofree char *issue = NULL;

      od_invoice_business_today (od_context_get_store (self->context), &today);
      issue = od_date_to_iso (&today);

      gtk_editable_set_text (GTK_EDITABLE (self->fields[F_NUMBER].entry), loaded->number);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[F_ISSUE_DATE].entry), issue);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[F_TERMS].entry), "30");
      gtk_editable_set_text (GTK_EDITABLE (self->fields[F_CURRENCY].entry), loaded->currency);
      adw_combo_row_set_selected (self->customer_row, 0);
      od_invoice_editor_append_line (self);
      od_invoice_editor_update_totals (self);
      return;
    }

  self->original = g_object_ref (loaded->invoice);
  self->paid = od_invoice_get_paid (self->original);
  adw_window_title_set_subtitle (self->window_title, od_invoice_get_number (self->original));
  {
    g_autofree char *issue = od_date_to_iso (od_invoice_get_issue_date (self->original));
    g_autofree char *due = od_date_to_iso (od_invoice_get_due_date (self->original));
    const char *currency = od_invoice_get_currency (self->original);
    GListModel *lines = od_invoice_get_lines (self->original);
    g_autofree char *terms = g_strdup_printf ("%d", g_date_days_between (od_invoice_get_issue_date (self->original),
                                                                        od_invoice_get_due_date (self->original)));

    gtk_editable_set_text (GTK_EDITABLE (self->fields[F_NUMBER].entry), od_invoice_get_number (self->original));
    gtk_editable_set_text (GTK_EDITABLE (self->fields[F_ISSUE_DATE].entry), issue);
    gtk_editable_set_text (GTK_EDITABLE (self->fields[F_DUE_DATE].entry), due);
    gtk_editable_set_text (GTK_EDITABLE (self->fields[F_TERMS].entry), terms);
    gtk_editable_set_text (GTK_EDITABLE (self->fields[F_CURRENCY].entry), currency);
    for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr(OdInvoiceLine) item = g_list_model_get_item (lines, i);

        od_invoice_editor_fill_line (self, item, currency);
      }
  }
  customer_id = od_invoice_get_customer_id (self->original);
  od_invoice_editor_set_customer (self, customer_id);
  od_invoice_editor_update_totals (self);
}

/* Saving */

/* Runs in a worker thread. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_INVOICE_EDITOR (source_object)->context);
  OdInvoice *invoice = task_data;
  g_autoptr(GError) error = NULL;
  gboolean is_new = od_invoice_get_id (invoice) == 0;

  if (!od_store_begin (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!(is_new ? od_store_insert_invoice (store, invoice, &error)
               : od_store_update_invoice (store, invoice, &error)) ||
      !od_store_add_audit (store, 0, od_invoice_get_id (invoice),
                           is_new ? "invoice-add" : "invoice-edit",
                           od_invoice_get_number (invoice), &error) ||
      !od_store_commit (store, &error))
    {
      od_store_rollback (store);
      if (is_new)
        od_invoice_set_id (invoice, 0);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (source);
  OdInvoice *invoice = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE))
        od_editor_field_set_message (&self->fields[F_NUMBER], _("Another invoice has this number"));
      else
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  od_context_ledger_changed (self->context);
  g_signal_emit (self, signals[SAVED], 0, od_invoice_get_id (invoice));
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  od_invoice_editor_save (OD_INVOICE_EDITOR (widget));
}

static void
add_line_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (widget);
  Line *line = od_invoice_editor_append_line (self);

  gtk_widget_grab_focus (GTK_WIDGET (line->fields[L_DESCRIPTION].entry));
}

static gboolean
od_invoice_editor_close_request (GtkWindow *window)
{
  /* The focused entry hears it lose the focus before it goes. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (od_invoice_editor_parent_class)->close_request (window);
}

/* GObject */

static void
od_invoice_editor_constructed (GObject *object)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (object);
  g_autoptr(GTask) task = NULL;
  const char *title = self->invoice_id > 0 ? _("Edit Invoice") : _("New Invoice");

  G_OBJECT_CLASS (od_invoice_editor_parent_class)->constructed (object);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->loading = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, od_invoice_editor_constructed);
  g_task_run_in_thread (task, load_thread);
}

static void
od_invoice_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_INVOICE_ID:
      g_value_set_int64 (value, self->invoice_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_INVOICE_ID:
      self->invoice_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_editor_dispose (GObject *object)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_INVOICE_EDITOR);

  G_OBJECT_CLASS (od_invoice_editor_parent_class)->dispose (object);
}

static void
od_invoice_editor_finalize (GObject *object)
{
  OdInvoiceEditor *self = OD_INVOICE_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_object (&self->original);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->customer_ids, g_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (od_invoice_editor_parent_class)->finalize (object);
}

static void
od_invoice_editor_class_init (OdInvoiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = od_invoice_editor_constructed;
  object_class->get_property = od_invoice_editor_get_property;
  object_class->set_property = od_invoice_editor_set_property;
  object_class->dispose = od_invoice_editor_dispose;
  object_class->finalize = od_invoice_editor_finalize;
  window_class->close_request = od_invoice_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOICE_ID] =
    g_param_spec_int64 ("invoice-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-invoice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, page);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, invoice_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, totals_group);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, customer_row);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, customer_message_row);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picked);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, customer_names);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, net_label);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, tax_label);
  gtk_widget_class_bind_template_child (widget_class, OdInvoiceEditor, total_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_invoice_editor_init (OdInvoiceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->lines = g_ptr_array_new_with_free_func (g_free);
  for (guint f = 0; f < N_FIELDS; f++)
    od_editor_field_init (&self->fields[f], self->invoice_group, _(field_titles[f]),
                          G_CALLBACK (od_invoice_editor_entry_changed), self);
}

/* Public API */

OdInvoiceEditor *
od_invoice_editor_new (OdContext *context,
                       gint64     invoice_id)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (invoice_id >= 0, NULL);

  return g_object_new (OD_TYPE_INVOICE_EDITOR, "context", context, "invoice-id", invoice_id, NULL);
}

gboolean
od_invoice_editor_is_loading (OdInvoiceEditor *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), FALSE);

  return self->loading;
}

gboolean
od_invoice_editor_is_saving (OdInvoiceEditor *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), FALSE);

  return self->saving;
}

gboolean
od_invoice_editor_set_customer (OdInvoiceEditor *self,
                                gint64           customer_id)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), FALSE);

  for (guint i = 1; i < self->customer_ids->len; i++)
    if (g_array_index (self->customer_ids, gint64, i) == customer_id)
      {
        adw_combo_row_set_selected (self->customer_row, i);
        return TRUE;
      }
  return FALSE;
}

static Field *
find_field (OdInvoiceEditor *self,
            const char      *key)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_str_equal (field_keys[f], key))
      return &self->fields[f];
  g_return_val_if_reached (NULL);
}

AdwEntryRow *
od_invoice_editor_get_entry (OdInvoiceEditor *self,
                             const char      *key)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), NULL);

  return find_field (self, key)->entry;
}

const char *
od_invoice_editor_get_error (OdInvoiceEditor *self,
                             const char      *key)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), NULL);

  if (g_str_equal (key, "customer"))
    return gtk_widget_get_visible (self->customer_message_row) ? _("Pick the customer the invoice is for") : NULL;
  return od_editor_field_get_message (find_field (self, key));
}

gboolean
od_invoice_editor_save (OdInvoiceEditor *self)
{
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), FALSE);

  if (self->saving || self->loading)
    return !self->loading;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if ((invoice = build_invoice (self)) == NULL)
    return FALSE;

  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  task = g_task_new (self, NULL, on_saved, NULL);
  g_task_set_source_tag (task, od_invoice_editor_save);
  g_task_set_task_data (task, g_steal_pointer (&invoice), g_object_unref);
  g_task_run_in_thread (task, save_thread);
  return TRUE;
}
