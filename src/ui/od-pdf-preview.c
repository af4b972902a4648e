/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <poppler.h>

#include "od-invoice-detail.h"
#include "od-pdf-preview.h"
#include "od-pdf-print.h"
#include "od-pdf-render.h"
#include "od-pdf.h"

/* Pixels per point of the preview: 1.5 reads well and stays sharp. */
#define PREVIEW_SCALE 1.5

struct _OdPdfPreview
{
  AdwWindow             parent_instance;

  OdContext            *context;
  char                 *number;
  char                 *customer_ref;
  GCancellable         *cancellable;
  OdPdfPreviewDocument  document;
  guint                 loading;
  GBytes               *bytes;
  PopplerDocument      *poppler;

  AdwWindowTitle       *title;
  GtkDropDown          *chooser;
  GtkStack             *stack;
  GtkBox               *pages;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toasts;
};

G_DEFINE_FINAL_TYPE (OdPdfPreview, od_pdf_preview, ADW_TYPE_WINDOW)

static const char *document_names[] = {
  N_("Invoice"), N_("Reminder Letter"), N_("Final Notice"), N_("Demand Letter"), N_("Statement"),
};

/* Loading: the PDF written and its pages rendered in a worker thread */

typedef struct
{
  OdPdfPreviewDocument  document;
  char                 *number;
  char                 *customer_ref;
  GBytes               *bytes;
  PopplerDocument      *poppler;
  GPtrArray            *pages;      /* OdPdfPage* */
} Job;

static void
job_free (Job *job)
{
  g_free (job->number);
  g_free (job->customer_ref);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->poppler);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job);
}

static gboolean
write_pdf (OdStore               *store,
           Job                   *job,
           GOutputStream         *stream,
           GError               **error)
{
  static const OdLetterKind kinds[] = { 0, OD_LETTER_REMINDER, OD_LETTER_FINAL_NOTICE, OD_LETTER_DEMAND };
  GDate today;

  od_invoice_business_today (store, &today);
  switch (job->document)
    {
    case OD_PDF_PREVIEW_INVOICE:
      return od_pdf_write_invoice (store, job->number, stream, error);
    case OD_PDF_PREVIEW_STATEMENT:
      return od_pdf_write_statement (store, job->customer_ref, &today, stream, error);
    default:
      return od_pdf_write_letter (store, job->number, kinds[job->document], &today, stream, error);
    }
}

/* Runs in a worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_PDF_PREVIEW (source_object)->context);
  Job *job = task_data;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GError *error = NULL;

  if (!write_pdf (store, job, stream, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  if ((job->poppler = poppler_document_new_from_bytes (job->bytes, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->pages = od_pdf_render_pages (job->bytes, PREVIEW_SCALE, cancellable, &error);
  if (job->pages == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
clear_pages (OdPdfPreview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_box_remove (self->pages, child);
}

static void
update_actions (OdPdfPreview *self)
{
  gboolean ready = self->loading == 0 && self->poppler != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", ready);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPdfPreview *self = OD_PDF_PREVIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;
  if (g_cancellable_is_cancelled (self->cancellable) || job->document != self->document)
    return;
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->poppler);
  self->bytes = g_steal_pointer (&job->bytes);
  self->poppler = g_steal_pointer (&job->poppler);
  clear_pages (self);
  for (guint i = 0; i < job->pages->len; i++)
    {
      g_autoptr(GdkTexture) texture = od_pdf_page_texture (g_ptr_array_index (job->pages, i));

      gtk_box_append (self->pages, od_pdf_sheet_new (texture, i, job->pages->len));
    }
  gtk_stack_set_visible_child_name (self->stack, "pages");
  update_actions (self);
}

static void
load (OdPdfPreview *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->document = self->document;
  job->number = g_strdup (self->number);
  job->customer_ref = g_strdup (self->customer_ref);
  self->loading++;
  g_clear_object (&self->poppler);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_actions (self);
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, load_thread);
}

static void
on_document_chosen (OdPdfPreview *self)
{
  od_pdf_preview_show (self, gtk_drop_down_get_selected (self->chooser));
}

/* Print */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               OdPdfPreview            *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OdPdfPreview *self = OD_PDF_PREVIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;

  if (self->poppler == NULL)
    return;
  /* Translators: the print job's name: "Final Notice INV-0042" */
  job_name = g_strdup_printf (_("%s %s"), _(document_names[self->document]), self->number);
  /* The operation keeps the document it prints, whatever is shown next. */
  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, g_object_ref (self->poppler));
  operation = od_pdf_print_operation_new (documents, job_name);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* Save As */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(OdPdfPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message = g_strdup (error->message);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Saved as %s"), name);
  if (!g_cancellable_is_cancelled (self->cancellable))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  OdPdfPreview    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->bytes != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                         self->cancellable, on_saved, g_object_ref (self));
  g_object_unref (chooser);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OdPdfPreview *self = OD_PDF_PREVIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: a file name: the document, then the invoice number */
  name = g_strdup_printf (_("%s %s.pdf"), _(document_names[self->document]), self->number);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
od_pdf_preview_dispose (GObject *object)
{
  OdPdfPreview *self = OD_PDF_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (od_pdf_preview_parent_class)->dispose (object);
}

static void
od_pdf_preview_finalize (GObject *object)
{
  OdPdfPreview *self = OD_PDF_PREVIEW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->poppler);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->number);
  g_free (self->customer_ref);

  G_OBJECT_CLASS (od_pdf_preview_parent_class)->finalize (object);
}

static void
od_pdf_preview_class_init (OdPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_pdf_preview_dispose;
  object_class->finalize = od_pdf_preview_finalize;

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "preview.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
header_button (const char *icon_name,
               const char *label,
               const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
od_pdf_preview_init (OdPdfPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (document_names); i++)
    gtk_string_list_append (names, _(document_names[i]));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Preview"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->chooser = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chooser), _("Document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which document to show"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->chooser));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), header_button ("printer-symbolic", _("Print… (Ctrl+P)"), "preview.print"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), header_button ("document-save-as-symbolic", _("Save As… (Shift+Ctrl+S)"), "preview.save"));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("Cannot Show the Document"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  self->pages = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->pages), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->pages), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->pages), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->pages), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->pages));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "pages");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 860);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
  update_actions (self);
}

/* Public API */

OdPdfPreview *
od_pdf_preview_new (OdContext  *context,
                    const char *invoice_number,
                    const char *customer_ref)
{
  OdPdfPreview *self;

  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (invoice_number != NULL && customer_ref != NULL, NULL);

  self = g_object_new (OD_TYPE_PDF_PREVIEW, NULL);
  self->context = g_object_ref (context);
  self->number = g_strdup (invoice_number);
  self->customer_ref = g_strdup (customer_ref);
  adw_window_title_set_subtitle (self->title, invoice_number);
  gtk_window_set_title (GTK_WINDOW (self), _("Preview"));
  load (self);
  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (on_document_chosen), self);
  return self;
}

void
od_pdf_preview_show (OdPdfPreview         *self,
                     OdPdfPreviewDocument  document)
{
  g_return_if_fail (OD_IS_PDF_PREVIEW (self));
  g_return_if_fail (document <= OD_PDF_PREVIEW_STATEMENT);

  if (gtk_drop_down_get_selected (self->chooser) != document)
    {
      /* The drop-down's handler comes back here. */
      gtk_drop_down_set_selected (self->chooser, document);
      return;
    }
  self->document = document;
  load (self);
}

gboolean
od_pdf_preview_is_loading (OdPdfPreview *self)
{
  g_return_val_if_fail (OD_IS_PDF_PREVIEW (self), FALSE);

  return self->loading > 0;
}

guint
od_pdf_preview_get_n_pages (OdPdfPreview *self)
{
  g_return_val_if_fail (OD_IS_PDF_PREVIEW (self), 0);

  return self->loading == 0 && self->poppler != NULL ? (guint) poppler_document_get_n_pages (self->poppler) : 0;
}

GBytes *
od_pdf_preview_get_bytes (OdPdfPreview *self)
{
  g_return_val_if_fail (OD_IS_PDF_PREVIEW (self), NULL);

  return self->bytes;
}
