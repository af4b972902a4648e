/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-exporter.h"
#include "od-importer.h"

#define IMPORT_USAGE "overdue-cli [--db PATH] import customers|invoices|payments FILE.csv"
#define EXPORT_USAGE "overdue-cli [--db PATH] export customers|invoices|payments|communications FILE.csv"

/* How many rejected rows to print before summarising the rest. */
#define MAX_PRINTED_PROBLEMS 200

static void
on_progress (OdImporter *importer,
             GParamSpec *pspec,
             gpointer    user_data)
{
  int percent = (int) (od_importer_get_progress (importer) * 100.0);
  int *last = user_data;

  if (percent != *last)
    {
      *last = percent;
      /* Translators: progress of an import on a terminal */
      g_printerr (_("\rImporting… %d %%"), percent);
    }
}

static const char *
kind_plural (OdImportKind kind)
{
  switch (kind)
    {
    case OD_IMPORT_KIND_CUSTOMERS:
      return _("customers");
    case OD_IMPORT_KIND_INVOICES:
      return _("invoices");
    case OD_IMPORT_KIND_PAYMENTS:
      return _("payments");
    default:
      g_assert_not_reached ();
    }
}

int
od_cli_import (OdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  OdImportKind kind;
  gboolean ok;
  int exit_code = OD_EXIT_OK;
  int last_percent = -1;

  if (!od_cli_parse_options (cli, "customers|invoices|payments FILE.csv",
                             _("Import a CSV file, all or nothing."),
                             NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, IMPORT_USAGE, NULL);
  if (!od_import_kind_from_string (argv[1], &kind))
    return od_cli_usage (cli, IMPORT_USAGE, _("import customers, invoices or payments"));

  file = g_file_new_for_commandline_arg (argv[2]);
  basename = g_file_get_basename (file);
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    return od_cli_fail (cli, error);
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  importer = od_importer_new (OD_STORE (store), kind);
  if (isatty (STDERR_FILENO))
    g_signal_connect (importer, "notify::progress", G_CALLBACK (on_progress), &last_percent);

  ok = od_importer_run (importer, G_INPUT_STREAM (stream),
                        info != NULL ? g_file_info_get_size (info) : -1,
                        NULL, &error);
  if (last_percent >= 0)
    g_printerr ("\n");

  if (!ok)
    {
      GPtrArray *problems = od_importer_get_problems (importer);
      guint n_problems = od_importer_get_n_problems (importer);

      for (guint i = 0; problems != NULL && i < problems->len && i < MAX_PRINTED_PROBLEMS; i++)
        {
          g_autofree char *line = od_import_problem_to_string (g_ptr_array_index (problems, i), argv[2]);

          g_printerr ("%s\n", line);
        }
      if (n_problems > MAX_PRINTED_PROBLEMS)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "… and %u more rejected row\n",
                                 "… and %u more rejected rows\n",
                                 n_problems - MAX_PRINTED_PROBLEMS),
                    n_problems - MAX_PRINTED_PROBLEMS);

      if (g_error_matches (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID))
        {
          g_printerr ("%s: %s\n", cli->program, error->message);
          return OD_EXIT_DATA;
        }
      g_printerr ("%s: %s: %s\n", cli->program, argv[2], error->message);
      return od_cli_exit_for_error (error);
    }

  /* Translators: "Imported 12 invoices from invoices.csv" */
  g_print (_("Imported %u %s from %s\n"), od_importer_get_imported (importer),
           kind_plural (kind), basename);
  return OD_EXIT_OK;
}

int
od_cli_export (OdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  OdExportKind kind;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "customers|invoices|payments|communications FILE.csv",
                             _("Export a table as CSV (“-” writes to standard output)."),
                             NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, EXPORT_USAGE, NULL);
  if (!od_export_kind_from_string (argv[1], &kind))
    return od_cli_usage (cli, EXPORT_USAGE, _("export customers, invoices, payments or communications"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (g_str_equal (argv[2], "-"))
    {
      stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);

      /* g_file_replace writes a temporary file and renames it on close,
       * so a failed export never leaves half a file behind. */
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (stream == NULL)
        return od_cli_fail (cli, error);
    }

  if (!od_export_csv (OD_STORE (store), kind, stream, NULL, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (stream, abandon, NULL);
      return od_cli_fail (cli, error);
    }
  if (!g_output_stream_close (stream, NULL, &error))
    return od_cli_fail (cli, error);

  return OD_EXIT_OK;
}
