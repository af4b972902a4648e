/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-aging-table.h"
#include "od-csv-writer.h"
#include "od-date.h"
#include "od-money.h"

/* A column's cell: the customer, a bucket, the open amount, the count. */
#define CELL_CUSTOMER 0
#define CELL_BUCKET   1    /* CELL_BUCKET + b for bucket b */

struct _OdAgingTable
{
  AdwBin          parent_instance;

  OdReportAging  *aging;
  GListStore     *store;      /* GObject with "od-row" → OdReportAgingRow* */
  GtkSortListModel *sorted;
  GPtrArray      *columns;    /* GtkColumnViewColumn* made for the report */
  GtkFileChooserNative *chooser;

  GtkLabel       *as_of_label;
  GtkColumnView  *column_view;
  GtkNoSelection *selection;
  GtkLabel       *totals_label;
};

G_DEFINE_FINAL_TYPE (OdAgingTable, od_aging_table, ADW_TYPE_BIN)

static OdReportAgingRow *
row_of (gpointer item)
{
  return g_object_get_data (G_OBJECT (item), "od-row");
}

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

/* "Current", "1–30 days", …, "91+ days". */
static char *
bucket_title (OdReportAging *aging,
              guint          bucket)
{
  g_autofree char *key = od_report_aging_bucket_key (aging, bucket);

  if (bucket == 0)
    return g_strdup (_("Current"));
  g_strdelimit (key, "-", '\0');
  if (bucket + 1 == aging->n_buckets)
    return g_strdup_printf (_("%s days"), key);
  return g_strdup_printf (_("%s–%s days"), key, key + strlen (key) + 1);
}

static gint64
cell_amount (OdReportAgingRow *row,
             guint             cell,
             guint             n_buckets)
{
  if (cell >= CELL_BUCKET && cell < CELL_BUCKET + n_buckets)
    return row->buckets[cell - CELL_BUCKET];
  if (cell == CELL_BUCKET + n_buckets)
    return row->open;
  return row->n_invoices;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  OdAgingTable *self = g_object_get_data (G_OBJECT (column), "od-table");
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "od-cell"));
  OdReportAgingRow *x = row_of ((gpointer) a);
  OdReportAgingRow *y = row_of ((gpointer) b);
  int order;
  gint64 p, q;

  if (cell == CELL_CUSTOMER)
    {
      order = g_utf8_collate (x->customer_name != NULL ? x->customer_name : "",
                              y->customer_name != NULL ? y->customer_name : "");
      return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER
                                                          : GTK_ORDERING_EQUAL;
    }
  /* Amounts in different currencies are not compared: by currency first. */
  order = strcmp (x->currency, y->currency);
  if (order != 0)
    return order < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  p = cell_amount (x, cell, self->aging->n_buckets);
  q = cell_amount (y, cell, self->aging->n_buckets);
  return p < q ? GTK_ORDERING_SMALLER : p > q ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  GtkWidget *label = gtk_label_new (NULL);

  /* Names may be cut short, amounts never: the table scrolls instead. */
  if (cell == CELL_CUSTOMER)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), cell == CELL_CUSTOMER ? 0.0 : 1.0);
  if (cell != CELL_CUSTOMER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           OdAgingTable             *self)
{
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  OdReportAgingRow *row = row_of (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint n_buckets = self->aging->n_buckets;
  g_autofree char *text = NULL;

  if (cell == CELL_CUSTOMER)
    gtk_label_set_label (label, row->customer_name);
  else if (cell <= CELL_BUCKET + n_buckets)
    {
      gint64 amount = cell_amount (row, cell, n_buckets);

      text = amount != 0 ? format_amount (amount, row->currency) : g_strdup ("–");
      gtk_label_set_label (label, text);
    }
  else
    {
      text = g_strdup_printf ("%u", row->n_invoices);
      gtk_label_set_label (label, text);
    }
}

static void
add_column (OdAgingTable *self,
            const char   *title,
            guint         cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "od-cell", GUINT_TO_POINTER (cell));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, cell == CELL_CUSTOMER);
  g_object_set_data (G_OBJECT (column), "od-table", self);
  g_object_set_data (G_OBJECT (column), "od-cell", GUINT_TO_POINTER (cell));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, column, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->columns, g_steal_pointer (&column));
}

static void
make_columns (OdAgingTable *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->columns, i));
  g_ptr_array_set_size (self->columns, 0);

  add_column (self, _("Customer"), CELL_CUSTOMER);
  for (guint b = 0; b < self->aging->n_buckets; b++)
    {
      g_autofree char *title = bucket_title (self->aging, b);

      add_column (self, title, CELL_BUCKET + b);
    }
  add_column (self, _("Open"), CELL_BUCKET + self->aging->n_buckets);
  add_column (self, _("Invoices"), CELL_BUCKET + self->aging->n_buckets + 1);
}

/* The CSV's records, as overdue-cli report aging --csv writes them. */
static GStrv
record_end (GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (cells, FALSE);
}

static GPtrArray *
csv_records (OdReportAging *aging)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *header = g_ptr_array_new ();

  g_ptr_array_add (header, g_strdup ("kind"));
  g_ptr_array_add (header, g_strdup ("customer"));
  g_ptr_array_add (header, g_strdup ("name"));
  g_ptr_array_add (header, g_strdup ("currency"));
  for (guint b = 0; b < aging->n_buckets; b++)
    g_ptr_array_add (header, od_report_aging_bucket_key (aging, b));
  g_ptr_array_add (header, g_strdup ("open"));
  g_ptr_array_add (header, g_strdup ("invoices"));
  g_ptr_array_add (records, record_end (header));

  for (guint t = 0; t < 2; t++)
    {
      GPtrArray *rows = t == 0 ? aging->rows : aging->totals;

      for (guint i = 0; i < rows->len; i++)
        {
          OdReportAgingRow *row = g_ptr_array_index (rows, i);
          guint digits = od_currency_minor_digits (row->currency);
          GPtrArray *cells = g_ptr_array_new ();

          g_ptr_array_add (cells, g_strdup (t == 0 ? "customer" : "total"));
          g_ptr_array_add (cells, g_strdup (row->customer_ref != NULL ? row->customer_ref : ""));
          g_ptr_array_add (cells, g_strdup (row->customer_name != NULL ? row->customer_name : ""));
          g_ptr_array_add (cells, g_strdup (row->currency));
          for (guint b = 0; b < aging->n_buckets; b++)
            g_ptr_array_add (cells, od_amount_to_string (row->buckets[b], digits));
          g_ptr_array_add (cells, od_amount_to_string (row->open, digits));
          g_ptr_array_add (cells, g_strdup_printf ("%u", row->n_invoices));
          g_ptr_array_add (records, record_end (cells));
        }
    }
  return records;
}

/* Runs in a worker thread. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *records = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "od-file");
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(OdCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  writer = od_csv_writer_new (G_OUTPUT_STREAM (stream));
  for (guint i = 0; i < records->len; i++)
    {
      const char * const *cells = g_ptr_array_index (records, i);

      if (!od_csv_writer_write_row (writer, cells, g_strv_length ((char **) cells), cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (!od_csv_writer_flush (writer, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Callbacks */

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  OdAgingTable *self = OD_AGING_TABLE (source);
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (od_aging_table_export_finish (self, result, &error))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Export the Aging Report"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     OdAgingTable    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    od_aging_table_export_async (self, file, NULL, on_exported, NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdAgingTable *self = OD_AGING_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (self->aging == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Aging Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  date = od_date_to_iso (&self->aging->as_of);
  /* Translators: the suggested file name of the exported aging report */
  name = g_strdup_printf (_("aging-%s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
od_aging_table_dispose (GObject *object)
{
  OdAgingTable *self = OD_AGING_TABLE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_AGING_TABLE);

  G_OBJECT_CLASS (od_aging_table_parent_class)->dispose (object);
}

static void
od_aging_table_finalize (GObject *object)
{
  OdAgingTable *self = OD_AGING_TABLE (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->aging, od_report_aging_free);

  G_OBJECT_CLASS (od_aging_table_parent_class)->finalize (object);
}

static void
od_aging_table_class_init (OdAgingTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_aging_table_dispose;
  object_class->finalize = od_aging_table_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-aging-table.ui");
  gtk_widget_class_bind_template_child (widget_class, OdAgingTable, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, OdAgingTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, OdAgingTable, selection);
  gtk_widget_class_bind_template_child (widget_class, OdAgingTable, totals_label);

  gtk_widget_class_install_action (widget_class, "aging.export", NULL, export_activated);
}

static void
od_aging_table_init (OdAgingTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->store = g_list_store_new (G_TYPE_OBJECT);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aging.export", FALSE);
}

/* Public API */

OdAgingTable *
od_aging_table_new (void)
{
  return g_object_new (OD_TYPE_AGING_TABLE, NULL);
}

void
od_aging_table_set_report (OdAgingTable  *self,
                           OdReportAging *aging)
{
  g_autoptr(GString) totals = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same_buckets;
  char date[64] = "";

  g_return_if_fail (OD_IS_AGING_TABLE (self));
  g_return_if_fail (aging != NULL);

  /* The rows point into the report: drop them before it goes. */
  g_list_store_remove_all (self->store);
  same_buckets = self->aging != NULL && self->aging->n_buckets == aging->n_buckets;
  g_clear_pointer (&self->aging, od_report_aging_free);
  self->aging = aging;
  if (!same_buckets)
    make_columns (self);

  for (guint i = 0; i < aging->rows->len; i++)
    {
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (item, "od-row", g_ptr_array_index (aging->rows, i));
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, 0, items->pdata, items->len);

  for (guint i = 0; i < aging->totals->len; i++)
    {
      OdReportAgingRow *total = g_ptr_array_index (aging->totals, i);
      g_autofree char *open = format_amount (total->open, total->currency);
      g_autofree char *late = format_amount (total->open - total->buckets[0], total->currency);

      if (i > 0)
        g_string_append_c (totals, '\n');
      /* Translators: the aging table's totals: "Total EUR 117,800.17, of which EUR 58,218.62 overdue · 40 invoices" */
      g_string_append_printf (totals, g_dngettext (GETTEXT_PACKAGE,
                                                   "Total %s, of which %s overdue · %u invoice",
                                                   "Total %s, of which %s overdue · %u invoices",
                                                   total->n_invoices),
                              open, late, total->n_invoices);
    }
  gtk_label_set_label (self->totals_label, totals->len > 0 ? totals->str : _("Nothing is open."));
  /* Translators: a date in the reports, see strftime(3) */
  g_date_strftime (date, sizeof date, _("%-d %b %Y"), &aging->as_of);
  {
    g_autofree char *text = g_strdup_printf (_("Open amounts by customer as of %s"), date);

    gtk_label_set_label (self->as_of_label, text);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aging.export", TRUE);
}

GListModel *
od_aging_table_get_rows (OdAgingTable *self)
{
  g_return_val_if_fail (OD_IS_AGING_TABLE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

const char *
od_aging_table_row_name (GObject *row)
{
  g_return_val_if_fail (G_IS_OBJECT (row), NULL);

  return row_of (row)->customer_name;
}

GtkColumnView *
od_aging_table_get_column_view (OdAgingTable *self)
{
  g_return_val_if_fail (OD_IS_AGING_TABLE (self), NULL);

  return self->column_view;
}

void
od_aging_table_export_async (OdAgingTable        *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_AGING_TABLE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->aging != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_aging_table_export_async);
  g_task_set_task_data (task, csv_records (self->aging), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (task), "od-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
od_aging_table_export_finish (OdAgingTable  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (OD_IS_AGING_TABLE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
