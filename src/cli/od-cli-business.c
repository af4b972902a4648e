/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include <glib/gi18n.h>

#include "od-cli.h"

#define USAGE "overdue-cli [--db PATH] business import|export FILE"

static int
business_import (OdCli      *cli,
                 const char *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, &error))
    {
      g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
      return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
             ? OD_EXIT_FAILURE : OD_EXIT_DATA;
    }

  business = od_business_new_from_key_file (key_file, &error);
  if (business == NULL)
    {
      g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
      return OD_EXIT_DATA;
    }

  store = od_cli_open_store (cli, &error);
  if (store == NULL || !od_store_set_business (OD_STORE (store), business, &error))
    return od_cli_fail (cli, error);

  g_print (_("Business profile “%s” imported\n"), od_business_get_name (business));
  return OD_EXIT_OK;
}

static int
business_export (OdCli      *cli,
                 const char *path)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  business = od_store_get_business (OD_STORE (store), &error);
  if (business == NULL)
    {
      if (error != NULL)
        return od_cli_fail (cli, error);
      g_printerr (_("%s: the ledger has no business profile yet; import one with “business import FILE”\n"),
                  cli->program);
      return OD_EXIT_FAILURE;
    }

  key_file = od_business_to_key_file (business);
  data = g_key_file_to_data (key_file, &length, NULL);

  if (g_str_equal (path, "-"))
    {
      fwrite (data, 1, length, stdout);
      return OD_EXIT_OK;
    }
  if (!g_file_set_contents (path, data, length, &error))
    return od_cli_fail (cli, error);
  return OD_EXIT_OK;
}

int
od_cli_business (OdCli  *cli,
                 int     argc,
                 char  **argv)
{
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "import|export FILE",
                             _("Import or export the business profile ([Business] key file)."),
                             NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, USAGE, NULL);

  if (g_str_equal (argv[1], "import"))
    return business_import (cli, argv[2]);
  if (g_str_equal (argv[1], "export"))
    return business_export (cli, argv[2]);

  return od_cli_usage (cli, USAGE, _("say “import” or “export”"));
}
