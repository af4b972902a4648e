/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-policy.h"

#define USAGE \
  "overdue-cli [--db PATH] policy import|export FILE [--customer REF | --high-risk]\n" \
  "       overdue-cli [--db PATH] policy remove --customer REF | --high-risk"

static char *
read_input (const char  *path,
            gsize       *length,
            GError     **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  char *data = NULL;

  if (!g_str_equal (path, "-"))
    return g_file_get_contents (path, &data, length, error) ? data : NULL;

  input = g_unix_input_stream_new (0, FALSE);
  output = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;

  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  /* NUL-terminated for the key-file parser. */
  data = g_malloc (*length + 1);
  memcpy (data, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)), *length);
  data[*length] = '\0';

  return data;
}

/* The customer's id for --customer REF, 0 without it; -1 when there is
 * no such customer or the store failed (reported; *@exit_code set). */
static gint64
customer_id_for_ref (OdCli       *cli,
                     OdStore     *store,
                     const char  *ref,
                     int         *exit_code)
{
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (ref == NULL)
    return 0;

  customer = od_store_find_customer (store, ref, &error);
  if (error != NULL)
    {
      *exit_code = od_cli_fail (cli, error);
      return -1;
    }
  if (customer == NULL)
    {
      g_printerr (_("%s: there is no customer with the reference “%s”\n"), cli->program, ref);
      *exit_code = OD_EXIT_DATA;
      return -1;
    }

  return od_customer_get_id (customer);
}

static int
policy_import (OdCli      *cli,
               const char *path,
               const char *ref,
               gboolean    high_risk)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 customer_id;
  int exit_code = OD_EXIT_OK;

  data = read_input (path, &length, &error);
  if (data == NULL)
    {
      g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
      return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
             ? OD_EXIT_FAILURE : OD_EXIT_DATA;
    }

  policy = od_policy_new_from_data (data, length, &error);
  if (policy == NULL)
    {
      g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
      return OD_EXIT_DATA;
    }

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  customer_id = high_risk ? OD_STORE_HIGH_RISK_POLICY
                          : customer_id_for_ref (cli, OD_STORE (store), ref, &exit_code);
  if (customer_id < 0 && !high_risk)
    return exit_code;

  if (!od_store_set_policy (OD_STORE (store), customer_id, policy, &error))
    {
      if (error->domain == OD_POLICY_ERROR)
        {
          g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
          return OD_EXIT_DATA;
        }
      return od_cli_fail (cli, error);
    }

  if (high_risk)
    g_print (_("Policy “%s” imported for customers whose risk is high (%u steps)\n"),
             od_policy_get_name (policy), od_policy_get_n_steps (policy));
  else if (ref != NULL)
    g_print (_("Policy “%s” imported for customer %s (%u steps)\n"),
             od_policy_get_name (policy), ref, od_policy_get_n_steps (policy));
  else
    g_print (_("Policy “%s” imported as the business default (%u steps)\n"),
             od_policy_get_name (policy), od_policy_get_n_steps (policy));

  return OD_EXIT_OK;
}

static int
policy_export (OdCli      *cli,
               const char *path,
               const char *ref,
               gboolean    high_risk)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 customer_id;
  int exit_code = OD_EXIT_OK;

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (high_risk)
    {
      /* There is no fallback to export: say so rather than print the
       * default as if it were the high-risk ladder. */
      policy = od_store_get_policy (OD_STORE (store), OD_STORE_HIGH_RISK_POLICY, &error);
      if (policy == NULL && error != NULL)
        return od_cli_fail (cli, error);
      if (policy == NULL)
        {
          g_printerr (_("%s: no policy is set for customers whose risk is high; "
                        "import one with “policy import FILE --high-risk”\n"), cli->program);
          return OD_EXIT_FAILURE;
        }
    }
  else
    {
      customer_id = customer_id_for_ref (cli, OD_STORE (store), ref, &exit_code);
      if (customer_id < 0)
        return exit_code;

      /* What applies: the customer's own, else the high-risk one for a
       * high-risk customer, else the default, else the one Overdue ships
       * with, so that an export is a starting point to edit. */
      policy = od_store_get_effective_policy (OD_STORE (store), customer_id, &error);
      if (policy == NULL)
        return od_cli_fail (cli, error);
    }

  data = od_policy_to_data (policy, &length);

  if (g_str_equal (path, "-"))
    {
      fwrite (data, 1, length, stdout);
      return OD_EXIT_OK;
    }
  if (!g_file_set_contents (path, data, length, &error))
    return od_cli_fail (cli, error);

  return OD_EXIT_OK;
}

/* The customer goes back to the default (or the high-risk ladder);
 * without the high-risk ladder, high-risk customers follow the default. */
static int
policy_remove (OdCli      *cli,
               const char *ref,
               gboolean    high_risk)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer_id;
  int exit_code = OD_EXIT_OK;

  if (ref == NULL && !high_risk)
    return od_cli_usage (cli, USAGE, _("say which: --customer REF or --high-risk"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  customer_id = high_risk ? OD_STORE_HIGH_RISK_POLICY
                          : customer_id_for_ref (cli, OD_STORE (store), ref, &exit_code);
  if (customer_id < 0 && !high_risk)
    return exit_code;
  if (!od_store_set_policy (OD_STORE (store), customer_id, NULL, &error))
    return od_cli_fail (cli, error);

  if (high_risk)
    g_print ("%s\n", _("High-risk customers now follow the business default policy."));
  else
    g_print (_("Customer %s now follows the business default policy.\n"), ref);
  return OD_EXIT_OK;
}

int
od_cli_policy (OdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *ref = NULL;
  gboolean high_risk = FALSE;
  GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &ref,
      N_("The customer whose own policy it is (default: the business’s)"), N_("REF") },
    { "high-risk", 0, 0, G_OPTION_ARG_NONE, &high_risk,
      N_("The stricter policy for customers whose risk is high (see “report risk”)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "import|export FILE | remove",
                             _("Import or export a collection policy ([Policy] and [Step NAME] key file; FILE “-” is standard input or output)."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (ref != NULL && high_risk)
    return od_cli_usage (cli, USAGE, _("--customer and --high-risk do not go together"));
  if (argc == 2 && g_str_equal (argv[1], "remove"))
    return policy_remove (cli, ref, high_risk);
  if (argc != 3)
    return od_cli_usage (cli, USAGE, NULL);

  if (g_str_equal (argv[1], "import"))
    return policy_import (cli, argv[2], ref, high_risk);
  if (g_str_equal (argv[1], "export"))
    return policy_export (cli, argv[2], ref, high_risk);

  return od_cli_usage (cli, USAGE, _("say “import”, “export” or “remove”"));
}
