/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-export-dialog.h"
#include "od-exporter.h"

struct _OdExportDialog
{
  AdwWindow       parent_instance;

  OdContext      *context;
  GFile          *folder;
  GCancellable   *cancellable;

  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (OdExportDialog, od_export_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const file_names[] = {
  "customers.csv",
  "invoices.csv",
  "payments.csv",
  "communications.csv",
  NULL
};

static const OdExportKind kinds[] = {
  OD_EXPORT_KIND_CUSTOMERS,
  OD_EXPORT_KIND_INVOICES,
  OD_EXPORT_KIND_PAYMENTS,
  OD_EXPORT_KIND_COMMUNICATIONS,
};

typedef struct
{
  OdExportDialog *self;
  guint           done;
} Step;

static gboolean
step_cb (gpointer data)
{
  Step *step = data;
  OdExportDialog *self = step->self;

  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, step->done / (double) G_N_ELEMENTS (kinds));
  /* Translators: %s is a file name, "invoices.csv" */
  text = g_strdup_printf (_("Writing %s…"), file_names[step->done]);
  gtk_label_set_text (self->status_label, text);
  return G_SOURCE_REMOVE;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_object_unref (step->self);
  g_free (step);
}

/* Runs in a worker thread: one file per table, each renamed into place
 * only when complete. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OdExportDialog *self = source_object;
  OdStore *store = od_context_get_store (self->context);
  GMainContext *main_context = task_data;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->folder, file_names[i]);
      g_autoptr(GFileOutputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      Step *step = g_new (Step, 1);

      step->self = g_object_ref (self);
      step->done = i;
      g_main_context_invoke_full (main_context, G_PRIORITY_DEFAULT, step_cb, step, step_free);

      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
      if (stream == NULL ||
          !od_export_csv (store, kinds[i], G_OUTPUT_STREAM (stream), cancellable, &error))
        {
          if (stream != NULL)
            {
              g_autoptr(GCancellable) abandon = g_cancellable_new ();

              /* Closing with a cancelled cancellable drops the temporary file. */
              g_cancellable_cancel (abandon);
              g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
            }
          g_prefix_error (&error, "%s: ", file_names[i]);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
        {
          g_prefix_error (&error, "%s: ", file_names[i]);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  OdExportDialog *self = OD_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *folder_name = g_file_get_basename (self->folder);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (ok)
    /* Translators: %s is the folder's name */
    message = g_strdup_printf (_("Exported customers, invoices, payments and communications to “%s”"),
                               folder_name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Export cancelled"));
  else
    /* Translators: %s is an error message that names the file */
    message = g_strdup_printf (_("Could not export: %s"), error->message);

  g_signal_emit (self, signals[FINISHED], 0, ok, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked (OdExportDialog *self)
{
  od_export_dialog_cancel (self);
}

/* GObject */

static void
od_export_dialog_dispose (GObject *object)
{
  OdExportDialog *self = OD_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (od_export_dialog_parent_class)->dispose (object);
}

static void
od_export_dialog_finalize (GObject *object)
{
  OdExportDialog *self = OD_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (od_export_dialog_parent_class)->finalize (object);
}

static void
od_export_dialog_class_init (OdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_export_dialog_dispose;
  object_class->finalize = od_export_dialog_finalize;

  /* OdExportDialog::finished: (ok, message) */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
od_export_dialog_init (OdExportDialog *self)
{
  GtkWidget *box, *header, *cancel;

  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Exporting"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 360, -1);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (header, "flat");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Exporting"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  self->status_label = GTK_LABEL (gtk_label_new (_("Starting…")));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->progress_bar), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->progress_bar), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export progress"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  gtk_widget_set_margin_end (cancel, 18);
  gtk_widget_set_margin_bottom (cancel, 18);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (box), cancel);

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Choosing the folder */

typedef struct
{
  GtkWindow       *parent;
  OdContext       *context;
  AdwToastOverlay *toasts;
  GFile           *folder;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->context);
  g_clear_object (&choice->toasts);
  g_clear_object (&choice->folder);
  g_free (choice);
}

static void
on_export_finished (OdExportDialog *dialog,
                    gboolean        ok,
                    const char     *message,
                    gpointer        user_data)
{
  AdwToastOverlay *toasts = user_data;

  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
}

static void
start_export (Choice *choice)
{
  OdExportDialog *dialog = od_export_dialog_new (choice->parent, choice->context, choice->folder);

  if (choice->toasts != NULL)
    g_signal_connect_object (dialog, "finished", G_CALLBACK (on_export_finished), choice->toasts, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  od_export_dialog_start (dialog);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Choice *choice = user_data;

  /* Once: the dialog may say "cancel" again as it closes. */
  g_signal_handlers_disconnect_by_func (dialog, on_replace_response, user_data);
  if (g_strcmp0 (response, "replace") == 0)
    start_export (choice);
  choice_free (choice);
}

static void export_to_folder (Choice *choice);

static void
on_folder_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    choice->folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (choice->folder == NULL)
    {
      choice_free (choice);
      return;
    }
  export_to_folder (choice);
}

/* Takes @choice. */
static void
export_to_folder (Choice *choice)
{
  g_autoptr(GString) existing = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; file_names[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (choice->folder, file_names[i]);

      if (g_file_query_exists (file, NULL))
        g_string_append_printf (existing, "%s%s", existing->len > 0 ? ", " : "", file_names[i]);
    }
  if (existing->len == 0)
    {
      start_export (choice);
      choice_free (choice);
      return;
    }

  /* Replacing earlier files loses them: ask first. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (choice->parent, _("Replace Files?"), NULL));
  /* Translators: %s lists file names, "customers.csv, invoices.csv" */
  adw_message_dialog_format_body (dialog, _("The folder already holds %s. Exporting replaces them."),
                                  existing->str);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

void
od_export_dialog_choose_folder (GtkWindow       *parent,
                                OdContext       *context,
                                AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (OD_IS_CONTEXT (context));

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->context = g_object_ref (context);
  choice->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export to Folder"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
od_export_dialog_export_to (GtkWindow       *parent,
                            OdContext       *context,
                            GFile           *folder,
                            AdwToastOverlay *toasts)
{
  Choice *choice;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (OD_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (folder));

  choice = g_new0 (Choice, 1);
  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->context = g_object_ref (context);
  choice->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  choice->folder = g_object_ref (folder);
  export_to_folder (choice);
}

OdExportDialog *
od_export_dialog_new (GtkWindow *parent,
                      OdContext *context,
                      GFile     *folder)
{
  OdExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (OD_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->folder = g_object_ref (folder);
  return self;
}

void
od_export_dialog_start (OdExportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_EXPORT_DIALOG (self));

  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, od_export_dialog_start);
  g_task_set_task_data (task, g_main_context_ref_thread_default (),
                        (GDestroyNotify) g_main_context_unref);
  g_task_run_in_thread (task, export_thread);
}

void
od_export_dialog_cancel (OdExportDialog *self)
{
  g_return_if_fail (OD_IS_EXPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
}

const char * const *
od_export_dialog_file_names (void)
{
  return file_names;
}
