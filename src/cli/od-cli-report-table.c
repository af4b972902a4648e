/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "od-cli-report-table.h"
#include "od-csv-writer.h"

static void
column_free (OdCliColumn *column)
{
  g_free (column->key);
  g_free (column->title);
  g_free (column);
}

void
od_cli_table_init (OdCliTable *table)
{
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->notes = g_string_new (NULL);
}

void
od_cli_table_clear (OdCliTable *table)
{
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_string_free (table->notes, TRUE);
}

void
od_cli_table_column (OdCliTable      *table,
                     const char *key,
                     const char *title,
                     OdCliCellKind    kind)
{
  OdCliColumn *column = g_new0 (OdCliColumn, 1);

  column->key = g_strdup (key);
  column->title = g_strdup (title);
  column->kind = kind;
  g_ptr_array_add (table->columns, column);
}

char **
od_cli_table_row (OdCliTable *table)
{
  char **row = g_new0 (char *, table->columns->len + 1);

  for (guint i = 0; i < table->columns->len; i++)
    row[i] = g_strdup ("");
  g_ptr_array_add (table->rows, row);
  return row;
}

void
od_cli_table_set (char **row,
                  guint   index,
                  char   *text)
{
  g_free (row[index]);
  row[index] = text != NULL ? text : g_strdup ("");
}

gboolean
od_cli_table_print_csv (OdCliTable   *table,
                        GError **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(OdCsvWriter) writer = od_csv_writer_new (stream);
  g_autofree const char **header = g_new0 (const char *, table->columns->len + 1);

  for (guint c = 0; c < table->columns->len; c++)
    header[c] = ((OdCliColumn *) g_ptr_array_index (table->columns, c))->key;
  if (!od_csv_writer_write_row (writer, header, table->columns->len, NULL, error))
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    if (!od_csv_writer_write_row (writer, g_ptr_array_index (table->rows, r),
                                  table->columns->len, NULL, error))
      return FALSE;
  return od_csv_writer_flush (writer, NULL, error);
}

void
od_cli_table_print_json (OdCliTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      json_builder_begin_object (builder);
      for (guint c = 0; c < table->columns->len; c++)
        {
          OdCliColumn *column = g_ptr_array_index (table->columns, c);

          json_builder_set_member_name (builder, column->key);
          if (*cells[c] == '\0')
            json_builder_add_null_value (builder);
          else if (column->kind == OD_CLI_CELL_INT)
            json_builder_add_int_value (builder, g_ascii_strtoll (cells[c], NULL, 10));
          else if (column->kind == OD_CLI_CELL_REAL)
            json_builder_add_double_value (builder, g_ascii_strtod (cells[c], NULL));
          else
            json_builder_add_string_value (builder, cells[c]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Columns as wide as their widest cell (in characters); numbers to the
 * right. Columns without a title (keys for machines) are left out. */
void
od_cli_table_print_human (OdCliTable *table)
{
  g_autofree int *width = g_new0 (int, table->columns->len);

  for (guint c = 0; c < table->columns->len; c++)
    {
      OdCliColumn *column = g_ptr_array_index (table->columns, c);

      width[c] = (int) g_utf8_strlen (column->title, -1);
      for (guint r = 0; r < table->rows->len; r++)
        width[c] = MAX (width[c], (int) g_utf8_strlen (((char **) g_ptr_array_index (table->rows, r))[c], -1));
    }

  for (guint r = 0; r <= table->rows->len; r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->columns->len; c++)
        {
          OdCliColumn *column = g_ptr_array_index (table->columns, c);
          const char *cell = r == 0 ? column->title
                                    : ((char **) g_ptr_array_index (table->rows, r - 1))[c];
          int pad = width[c] - (int) g_utf8_strlen (cell, -1);

          if (*column->title == '\0' && !(c == 0 && strcmp (column->key, "kind") == 0))
            continue;
          if (column->kind == OD_CLI_CELL_TEXT)
            g_string_append_printf (line, "%s%*s  ", cell, pad, "");
          else
            g_string_append_printf (line, "%*s%s  ", pad, "", cell);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
  if (table->rows->len == 0)
    g_print ("%s\n", _("Nothing to report."));
  if (table->notes->len > 0)
    g_print ("\n%s", table->notes->str);
}

