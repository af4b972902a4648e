/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-cli.h"

typedef struct
{
  const char   *name;
  OdCliCommand  run;
  const char   *synopsis;
} OdCliEntry;

static const OdCliEntry commands[] = {
  { "init",     od_cli_init,     N_("init [--demo]                       create the ledger (with a demo business)") },
  { "business", od_cli_business, N_("business import|export FILE         the business profile key file") },
  { "policy",   od_cli_policy,   N_("policy import|export FILE [--customer REF|--high-risk], policy remove --customer REF|--high-risk  the collection policy key file") },
  { "template", od_cli_template, N_("template list|export|import|reset NAME [FILE] [--part PART] [--language LANG]  the message and letter templates") },
  { "import",   od_cli_import,   N_("import customers|invoices|payments FILE.csv") },
  { "export",   od_cli_export,   N_("export customers|invoices|payments|communications FILE.csv") },
  { "invoice",  od_cli_invoice,  N_("invoice dispute|promise|hold|resume|instalments NUMBER [options]") },
  { "customer", od_cli_customer, N_("customer opt-out|opt-in|do-not-chase|chase REF [--channel CHANNEL]") },
  { "plan",     od_cli_plan,     N_("plan [--as-of WHEN] [--json]          what the collection policy would do") },
  { "run",      od_cli_run,      N_("run [--as-of WHEN] [--dry-run]        take what is due into the outbox and deliver it") },
  { "outbox",   od_cli_outbox,   N_("outbox [--json], outbox show|approve|skip|retry|cancel|mark-sent|mark-failed ID") },
  { "pdf",      od_cli_pdf,      N_("pdf invoice|reminder|final-notice|demand NUMBER -o FILE, pdf statement|packet REF -o FILE") },
  { "letters",  od_cli_letters,  N_("letters [--as-of WHEN] -o FILE        every letter due to be posted, in one PDF") },
  { "report",   od_cli_report,   N_("report aging|dso|cei|risk|outcomes [--as-of WHEN] [--json|--csv]  what is late, who pays late, what works") },
  { "account",  od_cli_account,  N_("account smtp|sms set [options], account smtp test, account demo [on|off]  the mail and SMS accounts (secrets read from standard input), demo mode") },
};

static void
print_help (FILE *out)
{
  g_autofree char *db = od_sqlite_store_default_path ();

  fprintf (out, "%s\n\n", _("Usage: overdue-cli [--db PATH] COMMAND [ARGS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", _(commands[i].synopsis));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db PATH   %s\n", _("the ledger file"));
  fprintf (out, "              (%s: %s)\n", _("default"), db);
  fprintf (out, "  --version   %s\n", _("print the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 success, 1 failure, 2 usage, 65 bad input data (nothing written), 75 temporary failure (try again)."));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  OdCli cli = { NULL, "overdue-cli" };
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return OD_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("overdue-cli %s\n", PACKAGE_VERSION);
          return OD_EXIT_OK;
        }
      else
        {
          g_printerr (_("%s: unknown option “%s”\n"), cli.program, argv[i]);
          print_help (stderr);
          return OD_EXIT_USAGE;
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      return OD_EXIT_USAGE;
    }

  if (db_path == NULL)
    db_path = od_sqlite_store_default_path ();
  cli.db_path = db_path;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&cli, argc - i, argv + i);

  g_printerr (_("%s: unknown command “%s”\n"), cli.program, argv[i]);
  print_help (stderr);
  return OD_EXIT_USAGE;
}
