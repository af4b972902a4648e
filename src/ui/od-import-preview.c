/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-csv-reader.h"
#include "od-import-preview.h"

struct _OdImportPreview
{
  GtkBox        parent_instance;

  GCancellable *cancellable;
  GtkWidget    *title_label;
  GtkWidget    *body;
  gboolean      loading;
  guint         n_rows;
};

G_DEFINE_FINAL_TYPE (OdImportPreview, od_import_preview, GTK_TYPE_BOX)

/* Runs in a worker thread: the header and the first few records. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(OdCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  reader = od_csv_reader_new (G_INPUT_STREAM (stream));
  while (rows->len <= OD_IMPORT_PREVIEW_ROWS &&
         od_csv_reader_next (reader, &fields, &line, cancellable, &error))
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < fields->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (fields, i));
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  /* A syntax error after the rows shown is the import's to report. */
  if (error != NULL && rows->len == 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
cell_new (const char *text,
          gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Narrow windows scroll the table sideways rather than squeeze it
   * to a few letters a column. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (text, -1) + 1, 15));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
show_rows (OdImportPreview *self,
           GPtrArray       *rows)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      for (guint c = 0; fields[c] != NULL; c++)
        gtk_grid_attach (GTK_GRID (grid), cell_new (fields[c], r == 0), c, r, 1, 1);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self), scroller);
  self->body = scroller;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  OdImportPreview *self;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = OD_IMPORT_PREVIEW (source);
  self->loading = FALSE;
  if (rows == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (self), label);
      self->body = label;
      return;
    }
  self->n_rows = rows->len;
  show_rows (self, rows);
}

/* GObject */

static void
od_import_preview_dispose (GObject *object)
{
  OdImportPreview *self = OD_IMPORT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (od_import_preview_parent_class)->dispose (object);
}

static void
od_import_preview_finalize (GObject *object)
{
  OdImportPreview *self = OD_IMPORT_PREVIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (od_import_preview_parent_class)->finalize (object);
}

static void
od_import_preview_class_init (OdImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_import_preview_dispose;
  object_class->finalize = od_import_preview_finalize;
}

static void
od_import_preview_init (OdImportPreview *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}

/* Public API */

OdImportPreview *
od_import_preview_new (const char *title,
                       GFile      *file)
{
  OdImportPreview *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (OD_TYPE_IMPORT_PREVIEW, NULL);
  self->title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (self), self->title_label);

  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, on_read, NULL);
  g_task_set_source_tag (task, od_import_preview_new);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
  return self;
}

gboolean
od_import_preview_is_loading (OdImportPreview *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_PREVIEW (self), FALSE);

  return self->loading;
}

guint
od_import_preview_get_n_rows (OdImportPreview *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_PREVIEW (self), 0);

  return self->n_rows;
}
