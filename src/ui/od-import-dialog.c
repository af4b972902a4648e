/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n.h>

#include "od-import-dialog.h"
#include "od-import-preview.h"

#define N_KINDS 3

struct _OdImportDialog
{
  AdwWindow        parent_instance;

  OdContext       *context;
  GCancellable    *cancellable;
  GFile           *files[N_KINDS];
  OdImportPreview *previews[N_KINDS];
  gboolean         done[N_KINDS];     /* imported by this dialog */
  OdImporter      *importer;          /* the file being imported */
  int              current;           /* its kind, or -1 */
  guint            imported;
  gboolean         disposed;
  guint            imported_now[N_KINDS];
  GPtrArray       *problems;          /* of char*, as listed */
  char            *result_text;       /* for od_import_dialog_get_result() */

  GtkButton       *cancel_button;
  GtkButton       *import_button;
  AdwActionRow    *customers_row;
  AdwActionRow    *invoices_row;
  AdwActionRow    *payments_row;
  GtkWidget       *progress_box;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkLabel        *result_label;
  GtkLabel        *failure_label;
  GtkWidget       *problems_group;
  GtkListBox      *problems_list;
  GtkBox          *preview_box;
};

G_DEFINE_FINAL_TYPE (OdImportDialog, od_import_dialog, ADW_TYPE_WINDOW)

static const char *
kind_title (OdImportKind kind)
{
  switch (kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      return _("Customers");
    case OD_IMPORT_KIND_INVOICES:
      return _("Invoices");
    case OD_IMPORT_KIND_PAYMENTS:
    default:
      return _("Payments");
    }
}

static char *
kind_count (OdImportKind kind,
            guint        n)
{
  switch (kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      return g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
    case OD_IMPORT_KIND_INVOICES:
      return g_strdup_printf (ngettext ("%u invoice", "%u invoices", n), n);
    case OD_IMPORT_KIND_PAYMENTS:
    default:
      return g_strdup_printf (ngettext ("%u payment", "%u payments", n), n);
    }
}

static AdwActionRow *
kind_row (OdImportDialog *self,
          OdImportKind    kind)
{
  AdwActionRow *rows[N_KINDS] = { self->customers_row, self->invoices_row, self->payments_row };

  return rows[kind];
}

static gboolean
has_work (OdImportDialog *self)
{
  for (int i = 0; i < N_KINDS; i++)
    if (self->files[i] != NULL && !self->done[i])
      return TRUE;
  return FALSE;
}

static void
update_buttons (OdImportDialog *self)
{
  gboolean running = self->current >= 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !running && has_work (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !running);
  gtk_button_set_label (self->cancel_button,
                        running || self->imported == 0 ? _("_Cancel") : _("_Close"));
}

static void
clear_problems (OdImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  g_ptr_array_set_size (self->problems, 0);
  gtk_widget_set_visible (self->problems_group, FALSE);
}

static void
add_problem (OdImportDialog        *self,
             const OdImportProblem *problem,
             const char            *file_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *title = NULL;

  if (problem->column != NULL)
    /* Translators: where a rejected row is: line number and column name */
    title = g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column);
  else
    title = g_strdup_printf (_("Line %u"), problem->line);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problems, od_import_problem_to_string (problem, file_name));
}

/* What was imported, and in red what was not (either may be NULL). */
static void
show_result (OdImportDialog *self,
             const char     *summary,
             const char     *failure)
{
  gtk_label_set_text (self->result_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), summary != NULL);
  gtk_label_set_text (self->failure_label, failure != NULL ? failure : "");
  gtk_widget_set_visible (GTK_WIDGET (self->failure_label), failure != NULL);
}

/* What this run wrote, "Imported 3 customers and 2 invoices." */
static char *
imported_summary (OdImportDialog *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (int i = 0; i < N_KINDS; i++)
    if (self->imported_now[i] > 0)
      g_ptr_array_add (parts, kind_count (i, self->imported_now[i]));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: %s lists counts, "3 customers, 2 invoices" */
  return g_strdup_printf (_("Imported %s."), list);
}

/* Importing, one file after the other */

static void import_next (OdImportDialog *self);

static void
on_progress (OdImporter     *importer,
             GParamSpec     *pspec,
             OdImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, od_importer_get_progress (importer));
}

static void
finish_run (OdImportDialog *self,
            const char     *failure)
{
  g_autofree char *summary = imported_summary (self);

  self->current = -1;
  gtk_widget_set_visible (self->progress_box, FALSE);
  show_result (self, summary, failure);
  update_buttons (self);
  /* Every page reads the ledger again. */
  if (summary != NULL)
    od_context_ledger_changed (self->context);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OdImportDialog) self = user_data;
  OdImporter *importer = OD_IMPORTER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *failure = NULL;
  g_autofree char *text = NULL;
  const char *name = od_importer_get_file_name (importer);
  OdImportKind kind = self->current;

  g_signal_handlers_disconnect_by_func (importer, on_progress, self);
  if (self->disposed)
    {
      /* Closed while importing: the file was cancelled, or had just
       * committed; the pages still hear of what was written. */
      if (od_importer_run_finish (importer, result, NULL))
        od_context_ledger_changed (self->context);
      g_clear_object (&self->importer);
      return;
    }
  if (od_importer_run_finish (importer, result, &error))
    {
      guint n = od_importer_get_imported (importer);

      self->done[kind] = TRUE;
      self->imported += n;
      self->imported_now[kind] = n;
      count = kind_count (kind, n);
      /* Translators: "customers.csv: 40 customers imported" */
      text = g_strdup_printf (_("%s: %s imported"), name, count);
      adw_action_row_set_subtitle (kind_row (self, kind), text);
      g_clear_object (&self->importer);
      import_next (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      /* Translators: %s is a file name */
      failure = g_strdup_printf (_("Import cancelled: nothing was written from %s."), name);
    }
  else
    {
      GPtrArray *problems = od_importer_get_problems (importer);

      for (guint i = 0; i < problems->len; i++)
        add_problem (self, g_ptr_array_index (problems, i), name);
      gtk_widget_set_visible (self->problems_group, problems->len > 0);
      if (problems->len > 0)
        /* Translators: the core's "3 rows were rejected; nothing was imported", then a file name */
        failure = g_strdup_printf (_("%s from %s. Fix the rows below and import again."),
                                   error->message, name);
      else
        failure = g_strdup_printf (_("Nothing was imported: %s"), error->message);
    }
  g_clear_object (&self->importer);
  finish_run (self, failure);
}

static void
import_next (OdImportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  int kind = -1;

  for (int i = 0; i < N_KINDS && kind < 0; i++)
    if (self->files[i] != NULL && !self->done[i])
      kind = i;
  if (kind < 0 || g_cancellable_is_cancelled (self->cancellable))
    {
      finish_run (self, NULL);
      return;
    }

  self->current = kind;
  name = g_file_get_basename (self->files[kind]);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Importing %s…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->progress_box, TRUE);

  self->importer = od_importer_new (od_context_get_store (self->context), kind);
  g_signal_connect (self->importer, "notify::progress", G_CALLBACK (on_progress), self);
  od_importer_run_async (self->importer, self->files[kind], self->cancellable,
                         on_imported, g_object_ref (self));
}

/* Callbacks */

static void
on_import_clicked (OdImportDialog *self)
{
  od_import_dialog_start (self);
}

static void
on_cancel_clicked (OdImportDialog *self)
{
  if (self->current >= 0)
    od_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  OdImportDialog *self = OD_IMPORT_DIALOG (user_data);
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "od-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        od_import_dialog_set_file (self, kind, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdImportDialog *self = OD_IMPORT_DIALOG (widget);
  int kind = g_variant_get_int32 (parameter);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  g_return_if_fail (kind >= 0 && kind < N_KINDS);

  /* Translators: the file chooser's title, %s is "Customers", "Invoices" or "Payments" */
  title = g_strdup_printf (_("Choose a CSV File of %s"), kind_title (kind));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "od-kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
od_import_dialog_dispose (GObject *object)
{
  OdImportDialog *self = OD_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  for (int i = 0; i < N_KINDS; i++)
    g_clear_object (&self->files[i]);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (od_import_dialog_parent_class)->dispose (object);
}

static void
od_import_dialog_finalize (GObject *object)
{
  OdImportDialog *self = OD_IMPORT_DIALOG (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->result_text, g_free);

  G_OBJECT_CLASS (od_import_dialog_parent_class)->finalize (object);
}

static void
od_import_dialog_class_init (OdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_import_dialog_dispose;
  object_class->finalize = od_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, customers_row);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, invoices_row);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, payments_row);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, failure_label);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, OdImportDialog, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "import.choose", "i", choose_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_import_dialog_init (OdImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->current = -1;
  for (int i = 0; i < N_KINDS; i++)
    adw_action_row_set_subtitle (kind_row (self, i), _("No file chosen"));
  update_buttons (self);
}

/* Public API */

OdImportDialog *
od_import_dialog_new (GtkWindow *parent,
                      OdContext *context)
{
  OdImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  self = g_object_new (OD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  return self;
}

void
od_import_dialog_set_file (OdImportDialog *self,
                           OdImportKind    kind,
                           GFile          *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *after = NULL;

  g_return_if_fail (OD_IS_IMPORT_DIALOG (self));
  g_return_if_fail (kind < N_KINDS);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->current < 0);

  g_set_object (&self->files[kind], file);
  self->done[kind] = FALSE;
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (kind_row (self, kind), name);

  if (self->previews[kind] != NULL)
    gtk_box_remove (self->preview_box, GTK_WIDGET (self->previews[kind]));
  /* Translators: a preview's heading, "First rows of customers.csv" */
  title = g_strdup_printf (_("First rows of %s"), name);
  self->previews[kind] = od_import_preview_new (title, file);
  /* In the order they import. */
  for (int i = kind - 1; i >= 0 && after == NULL; i--)
    if (self->previews[i] != NULL)
      after = GTK_WIDGET (self->previews[i]);
  gtk_box_insert_child_after (self->preview_box, GTK_WIDGET (self->previews[kind]), after);

  clear_problems (self);
  show_result (self, NULL, NULL);
  update_buttons (self);
}

void
od_import_dialog_start (OdImportDialog *self)
{
  g_return_if_fail (OD_IS_IMPORT_DIALOG (self));

  if (self->current >= 0 || !has_work (self))
    return;
  clear_problems (self);
  show_result (self, NULL, NULL);
  memset (self->imported_now, 0, sizeof self->imported_now);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  import_next (self);
  update_buttons (self);
}

void
od_import_dialog_cancel (OdImportDialog *self)
{
  g_return_if_fail (OD_IS_IMPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
od_import_dialog_is_busy (OdImportDialog *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_DIALOG (self), FALSE);

  if (self->current >= 0)
    return TRUE;
  for (int i = 0; i < N_KINDS; i++)
    if (self->previews[i] != NULL && od_import_preview_is_loading (self->previews[i]))
      return TRUE;
  return FALSE;
}

GPtrArray *
od_import_dialog_get_problems (OdImportDialog *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_DIALOG (self), NULL);

  return self->problems;
}

guint
od_import_dialog_get_imported (OdImportDialog *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_DIALOG (self), 0);

  return self->imported;
}

const char *
od_import_dialog_get_result (OdImportDialog *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_DIALOG (self), NULL);

  g_free (self->result_text);
  self->result_text = NULL;
  if (gtk_widget_get_visible (GTK_WIDGET (self->result_label)) ||
      gtk_widget_get_visible (GTK_WIDGET (self->failure_label)))
    self->result_text = g_strjoin ("\n", gtk_label_get_text (self->result_label),
                                   gtk_label_get_text (self->failure_label), NULL);
  return self->result_text;
}
