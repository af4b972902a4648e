/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-csv-reader.h"
#include "od-date.h"
#include "od-importer.h"
#include "od-money.h"
#include "od-policy.h"

OdSqliteStore *
od_cli_open_store (OdCli   *cli,
                   GError **error)
{
  return od_sqlite_store_new (cli->db_path, error);
}

int
od_cli_exit_for_error (const GError *error)
{
  if (error == NULL)
    return OD_EXIT_OK;

  if (error->domain == OD_IMPORT_ERROR ||
      error->domain == OD_CSV_ERROR ||
      error->domain == OD_VALIDATION_ERROR ||
      error->domain == OD_MONEY_ERROR ||
      error->domain == OD_DATE_ERROR ||
      error->domain == OD_POLICY_ERROR ||
      error->domain == G_KEY_FILE_ERROR ||
      g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE) ||
      g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
    return OD_EXIT_DATA;

  if (g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_BUSY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return OD_EXIT_TEMPFAIL;

  return OD_EXIT_FAILURE;
}

int
od_cli_fail (OdCli        *cli,
             const GError *error)
{
  /* A failure that forgot its error is a bug, but still a failure. */
  g_return_val_if_fail (error != NULL, OD_EXIT_FAILURE);

  g_printerr ("%s: %s\n", cli->program, error->message);
  return od_cli_exit_for_error (error);
}

int
od_cli_usage (OdCli      *cli,
              const char *usage,
              const char *message)
{
  if (message != NULL)
    g_printerr ("%s: %s\n", cli->program, message);
  /* Translators: %s is a command line synopsis */
  g_printerr (_("Usage: %s\n"), usage);
  return OD_EXIT_USAGE;
}

/* Parses a command's own options. On --help it prints the help and sets
 * @exit_code to 0; on a bad option it sets it to 2. Returns FALSE when
 * the command should return *exit_code at once. */
gboolean
od_cli_parse_options (OdCli         *cli,
                      const char    *parameter,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv,
                      int           *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s: %s\n", cli->program, error->message);
      *exit_code = OD_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}
