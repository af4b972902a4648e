/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <poppler.h>

#include "od-invoice-detail.h"
#include "od-pdf-preview.h"
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
  GPtrArray            *surfaces;   /* cairo_surface_t* */
} Job;

static void
job_free (Job *job)
{
  g_free (job->number);
  g_free (job->customer_ref);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->poppler);
  g_clear_pointer (&job->surfaces, g_ptr_array_unref);
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
  job->surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  for (int i = 0; i < poppler_document_get_n_pages (job->poppler); i++)
    {
      PopplerPage *page = poppler_document_get_page (job->poppler, i);
      cairo_surface_t *surface;
      cairo_t *cr;
      double width, height;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_object_unref (page);
          break;
        }
      poppler_page_get_size (page, &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * PREVIEW_SCALE + 0.5),
                                            (int) (height * PREVIEW_SCALE + 0.5));
      cr = cairo_create (surface);
      /* Paper is white whatever the style. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_object_unref (page);
      g_ptr_array_add (job->surfaces, surface);
    }
  g_task_return_boolean (task, TRUE);
}

static GdkTexture *
texture_for (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
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
  for (guint i = 0; i < job->surfaces->len; i++)
    {
      g_autoptr(GdkTexture) texture = texture_for (g_ptr_array_index (job->surfaces, i));
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, job->surfaces->len);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages, picture);
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
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PopplerDocument   *document)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* Full page, in points: fit the page to the paper chosen. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

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
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;

  if (self->poppler == NULL)
    return;
  /* Translators: the print job's name: "Final Notice INV-0042" */
  job_name = g_strdup_printf (_("%s %s"), _(document_names[self->document]), self->number);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* The operation keeps the document it prints, whatever is shown next. */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (self->poppler), (GClosureNotify) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (self->poppler), (GClosureNotify) g_object_unref, 0);
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
