/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Letters page's actions on the queue: print all, save as one PDF,
 * mark as posted (od-letters-page.c keeps the list and the preview). */
#include <glib/gi18n.h>

#include "od-activity-item.h"
#include "od-letter-queue.h"
#include "od-letters-page-private.h"
#include "od-pdf-print.h"

static void mark_posted (OdLettersPage *self,
                         GArray        *ids);

static void
on_mark_printed_response (AdwMessageDialog *dialog,
                          const char       *response,
                          OdLettersPage    *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "od-ids");

  if (g_strcmp0 (response, "posted") == 0)
    mark_posted (self, ids);
}

static void
ask_mark_posted (OdLettersPage *self,
                 GArray        *ids,
                 const char    *heading,
                 const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Not Yet"),
                                    "posted", _("_Mark as Posted"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "posted",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "posted");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "od-ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_mark_printed_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               OdLettersPage           *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_steal_pointer (&self->printed);

  g_clear_pointer (&self->printing, g_ptr_array_unref);
  _od_letters_page_update_actions (self);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || ids == NULL || ids->len == 0)
    return;
  ask_mark_posted (self, ids, _("Mark the Letters as Posted?"),
                   _("Once the printed letters are in the post, Overdue takes them out of the print queue. "
                     "Do this after posting them."));
}

static void
on_print_documents (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  documents = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (documents == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      _od_letters_page_update_actions (self);
      return;
    }

  self->printing = g_steal_pointer (&documents);
  operation = od_pdf_print_operation_new (self->printing, _("Overdue letters"));
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  _od_letters_page_update_actions (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

void
_od_letters_page_print_all_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdLettersPage *self = OD_LETTERS_PAGE (widget);
  g_autoptr(GPtrArray) rows = NULL;

  /* What is printed now is what may be marked as posted afterwards. */
  g_clear_pointer (&self->printed, g_array_unref);
  self->printed = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows = _od_letters_page_queued_rows (self, self->printed);
  _od_letters_page_run_documents (self, NULL, on_print_documents);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  documents = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  _od_letters_page_update_actions (self);
  if (documents == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter saved", "%u letters saved",
                                       documents->len), documents->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  OdLettersPage   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    _od_letters_page_run_documents (self, file, on_saved);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_od_letters_page_save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OdLettersPage *self = OD_LETTERS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Letters as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the saved letters; keep the date and .pdf */
  name = g_date_time_format (now, _("letters-%Y-%m-%d.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Runs in a worker thread. */
static void
posted_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_LETTERS_PAGE (source_object)->context);
  GArray *ids = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    if (!od_store_outbox_decide (store, g_array_index (ids, gint64, i), OD_OUTBOX_MARK_SENT,
                                 NULL, now, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  g_task_return_boolean (task, TRUE);
}

static void
on_posted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source);
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      _od_letters_page_load (self);
      return;
    }
  /* Today, the invoices and this page reload from the signal. */
  od_context_ledger_changed (self->context);
}

static void
mark_posted (OdLettersPage *self,
             GArray        *ids)
{
  g_autoptr(GTask) task = NULL;

  self->busy++;
  _od_letters_page_update_actions (self);
  task = g_task_new (self, self->cancellable, on_posted, NULL);
  g_task_set_source_tag (task, mark_posted);
  g_task_set_task_data (task, g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, posted_thread);
}

void
_od_letters_page_mark_posted_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OdLettersPage *self = OD_LETTERS_PAGE (widget);
  OdActivityItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *body = NULL;
  gint64 id;

  if (item == NULL)
    return;
  id = od_activity_item_get_id (item);
  g_array_append_val (ids, id);
  /* Translators: asked before a letter leaves the print queue */
  body = g_strdup_printf (_("The letter to %s leaves the print queue and counts as delivered. "
                            "Do this once it is in the post."),
                          od_activity_item_get_row (item)->customer_name);
  ask_mark_posted (self, ids, _("Mark the Letter as Posted?"), body);
}

void
_od_letters_page_save_posted_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (ids, id);
  mark_posted (OD_LETTERS_PAGE (widget), ids);
}
