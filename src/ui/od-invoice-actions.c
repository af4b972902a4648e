/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-arrangement-dialog.h"
#include "od-collection-now.h"
#include "od-date.h"
#include "od-invoice-delete.h"
#include "od-invoice-detail.h"
#include "od-invoice-editor.h"
#include "od-invoice-view-private.h"
#include "od-payment-dialog.h"
#include "od-pdf-preview.h"
#include "od-reason-dialog.h"

static void
save_payment_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  OdInvoiceEdit *edit = od_invoice_edit_new (OD_INVOICE_EDIT_PAYMENT);
  const char *date = NULL;

  g_variant_get (parameter, "(x&s)", &edit->amount, &date);
  if (edit->amount <= 0 || !od_date_parse_iso (date, &edit->date, NULL))
    {
      g_warning ("invoice.save-payment: %s is not a payment", g_variant_print (parameter, TRUE));
      od_invoice_edit_free (edit);
      return;
    }
  od_invoice_view_run_edit (self, edit);
}

static void
save_pause_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  OdInvoiceEdit *edit = od_invoice_edit_new (OD_INVOICE_EDIT_PAUSE);
  const char *kind = NULL;
  const char *reason = NULL;

  g_variant_get (parameter, "(&s&s)", &kind, &reason);
  edit->reason = g_strdup (reason);
  if (!od_pause_kind_from_string (kind, &edit->pause) || edit->pause == OD_PAUSE_KIND_PROMISE)
    {
      g_warning ("invoice.save-pause: “%s” is not dispute or hold", kind);
      od_invoice_edit_free (edit);
      return;
    }
  od_invoice_view_run_edit (self, edit);
}

static void
resume_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  od_invoice_view_run_edit (OD_INVOICE_VIEW (widget), od_invoice_edit_new (OD_INVOICE_EDIT_RESUME));
}

static void
on_payment_chosen (OdPaymentDialog *dialog,
                   OdInvoiceView   *self)
{
  g_autofree char *date = od_date_to_iso (od_payment_dialog_get_date (dialog));

  gtk_widget_activate_action (GTK_WIDGET (self), "invoice.save-payment", "(xs)",
                              od_payment_dialog_get_amount (dialog), date);
}

static void
record_payment_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OdPaymentDialog *dialog;
  GDate today;

  od_invoice_business_today (od_context_get_store (self->context), &today);
  dialog = od_payment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->invoice, &today);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_payment_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reason_chosen (OdReasonDialog *dialog,
                  OdInvoiceView  *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "od-pause");

  gtk_widget_activate_action (GTK_WIDGET (self), "invoice.save-pause", "(ss)",
                              kind, od_reason_dialog_get_reason (dialog));
}

static void
ask_reason (OdInvoiceView *self,
            OdPauseKind    kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  OdReasonDialog *dialog;
  g_autofree char *body = NULL;

  if (kind == OD_PAUSE_KIND_DISPUTE)
    {
      body = g_strdup_printf (_("Chasing invoice %s pauses until the dispute is resolved."),
                              od_invoice_get_number (self->invoice));
      dialog = od_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     _("Dispute Invoice?"), body, _("_Dispute"));
    }
  else
    {
      body = g_strdup_printf (_("No reminders go out for invoice %s until it is resumed."),
                              od_invoice_get_number (self->invoice));
      dialog = od_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     _("Put Invoice on Hold?"), body, _("_Hold"));
    }
  g_object_set_data (G_OBJECT (dialog), "od-pause", (gpointer) od_pause_kind_to_string (kind));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_reason_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dispute_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ask_reason (OD_INVOICE_VIEW (widget), OD_PAUSE_KIND_DISPUTE);
}

static void
hold_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_reason (OD_INVOICE_VIEW (widget), OD_PAUSE_KIND_HOLD);
}

static void
on_editor_saved (OdInvoiceView *self,
                 gint64         invoice_id)
{
  /* The editor told the context; the view reads the invoice again. */
  if (invoice_id == self->invoice_id)
    od_invoice_view_read (self);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OdInvoiceEditor *editor = od_invoice_editor_new (self->context, self->invoice_id);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Delete: refused (with Void on offer) for an invoice with payments or
 * sent messages, else hidden at once for the Undo toast. */

typedef struct
{
  gint64           invoice_id;
  char            *number;
  char            *refusal;
  OdInvoiceStatus  status;
} DeleteJob;

static void
delete_job_free (DeleteJob *job)
{
  g_free (job->number);
  g_free (job->refusal);
  g_free (job);
}

/* Runs in a worker thread. */
static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_INVOICE_VIEW (source_object)->context);
  DeleteJob *job = task_data;
  GError *error = NULL;

  job->refusal = od_invoice_delete_refusal (store, job->invoice_id, &job->number, &error);
  if (job->refusal == NULL ||
      (*job->refusal == '\0' && !od_invoice_delete_hide (store, job->invoice_id, &job->status, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_void_response (AdwMessageDialog *dialog,
                  const char       *response,
                  OdInvoiceView    *self)
{
  if (g_str_equal (response, "void"))
    gtk_widget_activate_action (GTK_WIDGET (self), "invoice.void", NULL);
}

static void
on_delete_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (source);
  DeleteJob *job = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      od_invoice_view_update_actions (self);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("Could Not Delete"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  od_invoice_view_update_actions (self);
  if (*job->refusal == '\0')
    {
      od_invoice_view_emit_deleted (self, job->invoice_id, job->number, job->status);
      return;
    }
  /* Kept short: the number and the reason are in the body. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Cannot Delete Invoice"), job->refusal));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "void", _("_Void Invoice"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  g_autoptr(GTask) task = NULL;
  DeleteJob *job = g_new0 (DeleteJob, 1);

  job->invoice_id = self->invoice_id;
  self->busy++;
  od_invoice_view_update_actions (self);
  task = g_task_new (self, NULL, on_delete_checked, NULL);
  g_task_set_source_tag (task, delete_activated);
  g_task_set_task_data (task, job, (GDestroyNotify) delete_job_free);
  g_task_run_in_thread (task, delete_thread);
}

static void
void_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  od_invoice_view_run_edit (OD_INVOICE_VIEW (widget), od_invoice_edit_new (OD_INVOICE_EDIT_VOID));
}

/* Promise to pay, payment plan */

static void
save_promise_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OdInvoiceEdit *edit = od_invoice_edit_new (OD_INVOICE_EDIT_PROMISE);
  const char *date = NULL;

  g_variant_get (parameter, "(x&s)", &edit->amount, &date);
  if (edit->amount < 0 || !od_date_parse_iso (date, &edit->date, NULL))
    {
      g_warning ("invoice.save-promise: %s is not a promise", g_variant_print (parameter, TRUE));
      od_invoice_edit_free (edit);
      return;
    }
  od_invoice_view_run_edit (OD_INVOICE_VIEW (widget), edit);
}

static void
save_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdInvoiceEdit *edit = od_invoice_edit_new (OD_INVOICE_EDIT_PLAN);
  const char *date = NULL;

  g_variant_get (parameter, "(uu&s)", &edit->count, &edit->every_days, &date);
  if (edit->count < 1 || edit->every_days < 1 || !od_date_parse_iso (date, &edit->date, NULL))
    {
      g_warning ("invoice.save-plan: %s is not a plan", g_variant_print (parameter, TRUE));
      od_invoice_edit_free (edit);
      return;
    }
  od_invoice_view_run_edit (OD_INVOICE_VIEW (widget), edit);
}

static void
on_arrangement_chosen (OdArrangementDialog *dialog,
                       OdInvoiceView       *self)
{
  g_autofree char *date = od_date_to_iso (od_arrangement_dialog_get_date (dialog));

  if (g_object_get_data (G_OBJECT (dialog), "od-plan") != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "invoice.save-plan", "(uus)",
                                od_arrangement_dialog_get_count (dialog),
                                od_arrangement_dialog_get_every (dialog), date);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "invoice.save-promise", "(xs)",
                                od_arrangement_dialog_get_amount (dialog), date);
}

static void
ask_arrangement (OdInvoiceView *self,
                 gboolean       plan)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  OdArrangementDialog *dialog;
  GDate today;

  od_invoice_business_today (od_context_get_store (self->context), &today);
  dialog = plan ? od_arrangement_dialog_new_plan (parent, self->invoice, &today)
                : od_arrangement_dialog_new_promise (parent, self->invoice, &today);
  if (plan)
    g_object_set_data (G_OBJECT (dialog), "od-plan", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_arrangement_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
promise_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ask_arrangement (OD_INVOICE_VIEW (widget), FALSE);
}

static void
plan_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_arrangement (OD_INVOICE_VIEW (widget), TRUE);
}

/* Send the next reminder now; preview the PDFs */

/* Runs in a worker thread. */
static void
send_now_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_INVOICE_VIEW (source_object)->context);
  g_autoptr(GTimeZone) zone = od_invoice_business_zone (store);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  GError *error = NULL;
  char *step = NULL;

  if (od_collection_send_next_now (store, *(gint64 *) task_data, now, &step, &error))
    g_task_return_pointer (task, step, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_sent_now (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *step = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (step == NULL)
    {
      escaped = g_markup_escape_text (error->message, -1);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      od_invoice_view_update_actions (self);
      return;
    }
  escaped = g_markup_escape_text (step, -1);
  /* Translators: %s is the step's name, e.g. "first-reminder" */
  toast = adw_toast_new_format (_("“%s” is in the outbox"), escaped);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("activity"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  od_context_ledger_changed (self->context);
  od_invoice_view_read (self);
}

static void
send_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  g_autoptr(GTask) task = NULL;

  self->busy++;
  od_invoice_view_update_actions (self);
  task = g_task_new (self, NULL, on_sent_now, NULL);
  g_task_set_source_tag (task, send_now_activated);
  g_task_set_task_data (task, g_memdup2 (&self->invoice_id, sizeof self->invoice_id), g_free);
  g_task_run_in_thread (task, send_now_thread);
}

static void
preview_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OdInvoiceView *self = OD_INVOICE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OdPdfPreview *preview = od_pdf_preview_new (self->context, od_invoice_get_number (self->invoice),
                                              od_invoice_get_customer_ref (self->invoice));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (root));
  g_object_set_data (G_OBJECT (self), "od-preview", preview);
  gtk_window_present (GTK_WINDOW (preview));
}

void
od_invoice_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "invoice.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "invoice.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "invoice.void", NULL, void_activated);
  gtk_widget_class_install_action (widget_class, "invoice.send-now", NULL, send_now_activated);
  gtk_widget_class_install_action (widget_class, "invoice.preview", NULL, preview_activated);
  gtk_widget_class_install_action (widget_class, "invoice.promise", NULL, promise_activated);
  gtk_widget_class_install_action (widget_class, "invoice.save-promise", "(xs)", save_promise_activated);
  gtk_widget_class_install_action (widget_class, "invoice.plan", NULL, plan_activated);
  gtk_widget_class_install_action (widget_class, "invoice.save-plan", "(uus)", save_plan_activated);
  gtk_widget_class_install_action (widget_class, "invoice.record-payment", NULL, record_payment_activated);
  gtk_widget_class_install_action (widget_class, "invoice.save-payment", "(xs)", save_payment_activated);
  gtk_widget_class_install_action (widget_class, "invoice.dispute", NULL, dispute_activated);
  gtk_widget_class_install_action (widget_class, "invoice.hold", NULL, hold_activated);
  gtk_widget_class_install_action (widget_class, "invoice.save-pause", "(ss)", save_pause_activated);
  gtk_widget_class_install_action (widget_class, "invoice.resume", NULL, resume_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "invoice.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "invoice.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "invoice.record-payment", NULL);
}
