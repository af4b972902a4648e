/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-date.h"
#include "od-demo.h"

int
od_cli_init (OdCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  gboolean demo = FALSE;
  int exit_code = OD_EXIT_OK;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill the new ledger with a demo business"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Build the demo as of this date (YYYY-MM-DD) instead of today"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };

  if (!od_cli_parse_options (cli, NULL, _("Create the ledger, or check an existing one."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return od_cli_usage (cli, "overdue-cli init [--demo]", _("init takes no arguments"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (demo)
    {
      GDate today;

      if (today_text != NULL)
        {
          if (!od_date_parse_iso (today_text, &today, &error))
            {
              g_printerr ("%s: --today: %s\n", cli->program, error->message);
              return OD_EXIT_USAGE;
            }
        }
      else
        {
          g_date_clear (&today, 1);
          g_date_set_time_t (&today, time (NULL));
        }

      if (!od_demo_populate (OD_STORE (store), &today, &error))
        return od_cli_fail (cli, error);
      g_print (_("Created a demo ledger at %s\n"), cli->db_path);
    }
  else
    {
      g_print (_("Ledger ready at %s (schema version %u)\n"),
               cli->db_path, od_store_get_schema_version (OD_STORE (store)));
    }

  if (od_sqlite_store_get_backup_path (store) != NULL)
    g_print (_("The ledger was upgraded; the previous version was kept at %s\n"),
             od_sqlite_store_get_backup_path (store));

  return OD_EXIT_OK;
}
