/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-template-editor.h"
#include "od-template-parts.h"
#include "od-template-sample.h"

struct _OdTemplateEditor
{
  AdwWindow          parent_instance;

  OdContext         *context;
  GCancellable      *cancellable;
  char              *name;
  char              *language;
  OdTemplatePart     part;
  gboolean           with_subject;   /* an email body: its subject is edited too */
  GPtrArray         *samples;        /* OdTemplateSample* */
  OdTemplateValues  *values;
  char              *error;
  guint              pending;        /* tasks running */
  gboolean           loaded;

  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwToastOverlay   *toast_overlay;
  AdwEntryRow       *subject_row;
  GtkTextView       *body_view;
  GtkLabel          *error_label;
  AdwComboRow       *invoice_row;
  GtkLabel          *preview_subject_label;
  GtkLabel          *preview_label;
  GtkTextTag        *error_tag;
};

G_DEFINE_FINAL_TYPE (OdTemplateEditor, od_template_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
part_label (OdTemplatePart part)
{
  switch (part)
    {
    case OD_TEMPLATE_PART_SUBJECT: return _("Email subject");
    case OD_TEMPLATE_PART_TEXT: return _("Email");
    case OD_TEMPLATE_PART_HTML: return _("Email (HTML)");
    case OD_TEMPLATE_PART_SMS: return _("Text message");
    case OD_TEMPLATE_PART_LETTER: return _("Letter");
    default: return "";
    }
}

static char *
get_body (OdTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_error (OdTemplateEditor *self,
           const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_save (OdTemplateEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->loaded && self->error == NULL && self->pending == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reset",
                                 self->loaded && self->pending == 0);
}

/* Marks every "{{tag}}" of the body the core does not know. */
static void
mark_unknown_tags (OdTemplateEditor *self,
                   const char       *body)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr(GArray) spans = od_template_sample_unknown_tags (body);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
  for (guint i = 0; i + 1 < spans->len; i += 2)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (spans, gint, i));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (spans, gint, i + 1));
      gtk_text_buffer_apply_tag (buffer, self->error_tag, &start, &end);
    }
}

static char *
render (OdTemplateEditor  *self,
        OdTemplate        *template,
        OdTemplatePart     part)
{
  g_autoptr(OdTemplateValues) empty = od_template_values_new ();

  return od_template_render (template, self->values != NULL ? self->values : empty,
                             od_template_part_get_target (part));
}

/* Parses the subject and the body as the store will, shows the first
 * error (the core's message names the line and column) and renders the
 * preview. */
static void
check (OdTemplateEditor *self)
{
  g_autofree char *body = get_body (self);
  g_autofree char *origin = od_template_entry_origin (self->name, self->part);
  g_autofree char *subject_origin = od_template_entry_origin (self->name, OD_TEMPLATE_PART_SUBJECT);
  g_autoptr(OdTemplate) subject = NULL;
  g_autoptr(OdTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  mark_unknown_tags (self, body);
  if (self->with_subject)
    {
      subject = od_template_new (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                 subject_origin, &error);
      if (subject == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->subject_row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->subject_row), "error");
    }
  if (error == NULL)
    {
      template = od_template_new (body, origin, &error);
      if (template != NULL && !od_template_check_part (template, self->part, origin, &error))
        g_clear_object (&template);
    }
  set_error (self, error != NULL ? error->message : NULL);

  if (subject != NULL)
    {
      g_autofree char *text = render (self, subject, OD_TEMPLATE_PART_SUBJECT);

      gtk_label_set_text (self->preview_subject_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_subject_label), subject != NULL);
  if (template != NULL)
    {
      g_autofree char *text = render (self, template, self->part);

      if (self->part == OD_TEMPLATE_PART_LETTER)
        gtk_label_set_markup (self->preview_label, text);
      else if (self->part == OD_TEMPLATE_PART_HTML)
        {
          /* As the reader sees it, without the markup. */
          g_autofree char *plain = od_template_sample_html_to_text (text);

          gtk_label_set_text (self->preview_label, plain);
        }
      else
        gtk_label_set_text (self->preview_label, text);
    }
  gtk_widget_set_opacity (GTK_WIDGET (self->preview_label), template != NULL ? 1.0 : 0.5);
  update_save (self);
}

/* A toast of @text (not markup) and, if any, @detail after a colon. */
static void
toast (OdTemplateEditor *self,
       const char       *text,
       const char       *detail)
{
  g_autofree char *full = detail != NULL ? g_strdup_printf ("%s: %s", text, detail) : g_strdup (text);
  g_autofree char *escaped = g_markup_escape_text (full, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Callbacks */

static void load (OdTemplateEditor *self);

static void
on_values (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (source);
  g_autoptr(GError) error = NULL;
  OdTemplateValues *values = od_template_sample_values_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (values == NULL)
    toast (self, _("Could not read the invoice"), error->message);
  g_clear_pointer (&self->values, od_template_values_unref);
  self->values = values;
  check (self);
}

static void
on_invoice_selected (OdTemplateEditor *self)
{
  guint position = adw_combo_row_get_selected (self->invoice_row);
  OdTemplateSample *sample;

  if (self->samples == NULL || position >= self->samples->len)
    return;
  sample = g_ptr_array_index (self->samples, position);
  self->pending++;
  update_save (self);
  od_template_sample_values_async (self, od_context_get_store (self->context), sample->invoice_id,
                                   self->name, self->language, self->cancellable, on_values, NULL);
}

static void
on_samples (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *samples = od_template_sample_list_finish (result, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (samples == NULL)
    {
      toast (self, _("Could not list the invoices"), error->message);
      update_save (self);
      return;
    }
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  self->samples = samples;
  for (guint i = 0; i < samples->len; i++)
    gtk_string_list_append (labels, ((OdTemplateSample *) g_ptr_array_index (samples, i))->label);
  adw_combo_row_set_model (self->invoice_row, G_LIST_MODEL (labels));
  if (samples->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->invoice_row), _("No open invoice to preview with"));
  on_invoice_selected (self);
  update_save (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (source);
  g_autoptr(GError) error = NULL;
  OdTemplateParts *content = od_template_parts_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (content == NULL)
    {
      toast (self, _("Could not read the template"), error->message);
      update_save (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), content->subject != NULL ? content->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), content->body, -1);
  od_template_parts_free (content);
  self->loaded = TRUE;
  check (self);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (source);
  gboolean reset = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  if (!od_template_parts_save_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->pending--;
      set_error (self, error->message);
      update_save (self);
      return;
    }
  self->pending--;
  od_context_ledger_changed (self->context);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  if (reset)
    {
      toast (self, _("The template is back to Overdue’s wording"), NULL);
      load (self);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_save (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (widget);
  OdTemplateParts parts = { NULL, NULL };
  g_autofree char *body = NULL;

  check (self);
  if (self->error != NULL || !self->loaded || self->pending > 0)
    return;
  body = get_body (self);
  parts.subject = self->with_subject ? (char *) gtk_editable_get_text (GTK_EDITABLE (self->subject_row)) : NULL;
  parts.body = body;
  self->pending++;
  update_save (self);
  od_template_parts_save_async (self, od_context_get_store (self->context), self->name, self->part,
                                self->language, &parts, self->cancellable, on_written, GINT_TO_POINTER (FALSE));
}

static void
on_reset_response (AdwMessageDialog *dialog,
                   const char       *response,
                   OdTemplateEditor *self)
{
  if (!g_str_equal (response, "reset"))
    return;
  self->pending++;
  update_save (self);
  od_template_parts_save_async (self, od_context_get_store (self->context), self->name, self->part,
                                self->language, NULL, self->cancellable, on_written, GINT_TO_POINTER (TRUE));
}

static void
on_reset (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reset Template?"), NULL));
  /* Translators: %s is a template's name, e.g. first-reminder */
  adw_message_dialog_format_body (dialog, _("“%s” goes back to the wording Overdue ships with. Your changes to it are lost."),
                                  self->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Reset"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load (OdTemplateEditor *self)
{
  self->loaded = FALSE;
  self->pending++;
  update_save (self);
  od_template_parts_load_async (self, od_context_get_store (self->context), self->name, self->part,
                                self->language, self->with_subject, self->cancellable, on_loaded, NULL);
}

/* GObject */

static void
od_template_editor_dispose (GObject *object)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->values, od_template_values_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (od_template_editor_parent_class)->dispose (object);
}

static void
od_template_editor_finalize (GObject *object)
{
  OdTemplateEditor *self = OD_TEMPLATE_EDITOR (object);

  g_free (self->name);
  g_free (self->language);
  g_free (self->error);

  G_OBJECT_CLASS (od_template_editor_parent_class)->finalize (object);
}

static void
od_template_editor_class_init (OdTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_template_editor_dispose;
  object_class->finalize = od_template_editor_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, preview_subject_label);
  gtk_widget_class_bind_template_child (widget_class, OdTemplateEditor, preview_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save);
  gtk_widget_class_install_action (widget_class, "editor.reset", NULL, on_reset);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_template_editor_init (OdTemplateEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  buffer = gtk_text_view_get_buffer (self->body_view);
  self->error_tag = gtk_text_buffer_create_tag (buffer, "unknown-tag",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                "foreground", "#e01b24",
                                                NULL);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->subject_row, "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->invoice_row, "notify::selected", G_CALLBACK (on_invoice_selected), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reset", FALSE);
}

/* Public API */

OdTemplateEditor *
od_template_editor_new (GtkWindow      *parent,
                        OdContext      *context,
                        const char     *name,
                        OdTemplatePart  part,
                        const char     *language)
{
  OdTemplateEditor *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (name != NULL && language != NULL, NULL);

  self = g_object_new (OD_TYPE_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->name = g_strdup (name);
  self->language = g_strdup (language);
  self->part = part;
  self->with_subject = part == OD_TEMPLATE_PART_TEXT || part == OD_TEMPLATE_PART_HTML;
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), self->with_subject);

  adw_window_title_set_title (self->window_title, name);
  /* Translators: the template editor's subtitle: "Email · de" */
  subtitle = g_strdup_printf (_("%s · %s"), part_label (part), language);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  load (self);
  self->pending++;
  od_template_sample_list_async (self, od_context_get_store (context), language, 30,
                                 self->cancellable, on_samples, NULL);

  return self;
}

gboolean
od_template_editor_is_idle (OdTemplateEditor *self)
{
  g_return_val_if_fail (OD_IS_TEMPLATE_EDITOR (self), FALSE);

  return self->loaded && self->pending == 0;
}

char *
od_template_editor_get_preview (OdTemplateEditor *self)
{
  g_return_val_if_fail (OD_IS_TEMPLATE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->preview_subject_label)))
    return g_strdup (gtk_label_get_text (self->preview_label));
  return g_strconcat (gtk_label_get_text (self->preview_subject_label), "\n\n",
                      gtk_label_get_text (self->preview_label), NULL);
}

const char *
od_template_editor_get_error (OdTemplateEditor *self)
{
  g_return_val_if_fail (OD_IS_TEMPLATE_EDITOR (self), NULL);

  return self->error;
}
