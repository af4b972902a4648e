/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"

#define USAGE \
  "overdue-cli [--db PATH] customer opt-out|opt-in REF --channel email|sms|letter|call\n" \
  "       overdue-cli [--db PATH] customer do-not-chase|chase REF"

/* Saves @customer's flags and notes @action in the audit log, both or
 * neither. */
static int
save_customer (OdCli       *cli,
               OdStore     *store,
               OdCustomer  *customer,
               const char  *action,
               const char  *detail)
{
  g_autoptr(GError) error = NULL;

  if (!od_store_begin (store, &error))
    return od_cli_fail (cli, error);
  if (!od_store_update_customer (store, customer, &error) ||
      !od_store_add_audit (store, od_customer_get_id (customer), 0, action, detail, &error) ||
      !od_store_commit (store, &error))
    {
      od_store_rollback (store);
      return od_cli_fail (cli, error);
    }
  return OD_EXIT_OK;
}

int
od_cli_customer (OdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *channel_text = NULL;
  GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel_text,
      N_("The channel (opt-out, opt-in): email, sms, letter or call"), N_("CHANNEL") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  OdChannel channel = OD_CHANNEL_NONE;
  gboolean per_channel;
  const char *action;
  const char *ref;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "opt-out|opt-in|do-not-chase|chase REF",
                             _("Stop or allow chasing a customer, on one channel or on all."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, USAGE, NULL);
  action = argv[1];
  ref = argv[2];

  per_channel = g_str_equal (action, "opt-out") || g_str_equal (action, "opt-in");
  if (!per_channel && !g_str_equal (action, "do-not-chase") && !g_str_equal (action, "chase"))
    return od_cli_usage (cli, USAGE, _("say opt-out, opt-in, do-not-chase or chase"));
  if (per_channel && channel_text == NULL)
    return od_cli_usage (cli, USAGE, _("--channel CHANNEL is required"));
  if (!per_channel && channel_text != NULL)
    return od_cli_usage (cli, USAGE, _("--channel belongs to opt-out and opt-in"));
  if (per_channel && !od_channel_from_string (channel_text, &channel))
    {
      g_printerr (_("%s: --channel: “%s” is not a channel; say email, sms, letter or call\n"),
                  cli->program, channel_text);
      return OD_EXIT_DATA;
    }

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);
  customer = od_store_find_customer (OD_STORE (store), ref, &error);
  if (error != NULL)
    return od_cli_fail (cli, error);
  if (customer == NULL)
    {
      g_printerr (_("%s: there is no customer with the reference “%s”\n"), cli->program, ref);
      return OD_EXIT_DATA;
    }

  if (g_str_equal (action, "opt-out"))
    {
      od_customer_set_opted_out (customer, od_customer_get_opted_out (customer) | channel);
      exit_code = save_customer (cli, OD_STORE (store), customer, action, channel_text);
      if (exit_code == OD_EXIT_OK)
        g_print (_("Customer %s opted out of %s: other channels are used instead\n"),
                 ref, channel_text);
    }
  else if (g_str_equal (action, "opt-in"))
    {
      od_customer_set_opted_out (customer, od_customer_get_opted_out (customer) & ~channel);
      exit_code = save_customer (cli, OD_STORE (store), customer, action, channel_text);
      if (exit_code == OD_EXIT_OK)
        g_print (_("Customer %s may be reached by %s again\n"), ref, channel_text);
    }
  else if (g_str_equal (action, "do-not-chase"))
    {
      od_customer_set_do_not_chase (customer, TRUE);
      exit_code = save_customer (cli, OD_STORE (store), customer, action, NULL);
      if (exit_code == OD_EXIT_OK)
        g_print (_("Customer %s is no longer chased\n"), ref);
    }
  else
    {
      od_customer_set_do_not_chase (customer, FALSE);
      exit_code = save_customer (cli, OD_STORE (store), customer, action, NULL);
      if (exit_code == OD_EXIT_OK)
        g_print (_("Customer %s is chased again\n"), ref);
    }

  return exit_code;
}
