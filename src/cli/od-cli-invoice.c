/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-date.h"
#include "od-money.h"

#define USAGE \
  "overdue-cli [--db PATH] invoice dispute NUMBER --reason TEXT\n" \
  "       overdue-cli [--db PATH] invoice promise NUMBER --date DATE [--amount X]\n" \
  "       overdue-cli [--db PATH] invoice hold NUMBER --reason TEXT [--until DATE]\n" \
  "       overdue-cli [--db PATH] invoice resume NUMBER\n" \
  "       overdue-cli [--db PATH] invoice instalments NUMBER --count N --every DAYS [--first DATE]"

typedef struct
{
  char *reason;
  char *date;
  char *amount;
  char *until;
  char *first;
  char *count;
  char *every;
} InvoiceOptions;

static void
invoice_options_clear (InvoiceOptions *options)
{
  g_clear_pointer (&options->reason, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->amount, g_free);
  g_clear_pointer (&options->until, g_free);
  g_clear_pointer (&options->first, g_free);
  g_clear_pointer (&options->count, g_free);
  g_clear_pointer (&options->every, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceOptions, invoice_options_clear)

/* The open invoice numbered @number, or NULL with the exit code in
 * *@exit_code and the reason printed. */
static OdInvoice *
find_open_invoice (OdCli       *cli,
                   OdStore     *store,
                   const char  *number,
                   int         *exit_code)
{
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = od_store_find_invoice (store, number, &error);
  if (error != NULL)
    {
      *exit_code = od_cli_fail (cli, error);
      return NULL;
    }
  if (invoice == NULL)
    {
      g_printerr (_("%s: there is no invoice numbered “%s”\n"), cli->program, number);
      *exit_code = OD_EXIT_DATA;
      return NULL;
    }
  if (od_invoice_get_status (invoice) != OD_INVOICE_STATUS_OPEN)
    {
      /* Translators: the third %s is the status as the CSV spells it: paid or void */
      g_printerr (_("%s: invoice “%s” is %s, not open: there is nothing to chase\n"),
                  cli->program, number,
                  od_invoice_status_to_string (od_invoice_get_status (invoice)));
      *exit_code = OD_EXIT_DATA;
      return NULL;
    }
  return g_steal_pointer (&invoice);
}

/* Parses the date option @option_name; NULL text leaves @out invalid. */
static gboolean
parse_date_option (OdCli       *cli,
                   const char  *option_name,
                   const char  *text,
                   GDate       *out)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  if (!od_date_parse_iso (text, out, &error))
    {
      g_printerr (_("%s: %s: “%s” is not a date (YYYY-MM-DD)\n"),
                  cli->program, option_name, text);
      return FALSE;
    }
  return TRUE;
}

/* Pauses @invoice and records why in the audit log, both or neither. */
static int
pause_invoice (OdCli        *cli,
               OdStore      *store,
               OdInvoice    *invoice,
               OdPauseKind   kind,
               const GDate  *since,
               const GDate  *until,
               gint64        promised_minor,
               const char   *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 invoice_id = od_invoice_get_id (invoice);

  if (!od_store_begin (store, &error))
    return od_cli_fail (cli, error);
  if (od_store_insert_pause (store, invoice_id, kind, since, until,
                             promised_minor, reason, &error) == 0 ||
      !od_store_add_audit (store, 0, invoice_id, od_pause_kind_to_string (kind),
                           reason, &error) ||
      !od_store_commit (store, &error))
    {
      od_store_rollback (store);
      return od_cli_fail (cli, error);
    }
  return OD_EXIT_OK;
}

static int
invoice_dispute (OdCli          *cli,
                 OdStore        *store,
                 OdInvoice      *invoice,
                 InvoiceOptions *options)
{
  GDate today;
  int exit_code;

  od_cli_today (store, &today);
  exit_code = pause_invoice (cli, store, invoice, OD_PAUSE_KIND_DISPUTE,
                             &today, NULL, 0, options->reason);
  if (exit_code == OD_EXIT_OK)
    g_print (_("Invoice %s is disputed: chasing it is paused until the dispute is resolved (“invoice resume”)\n"),
             od_invoice_get_number (invoice));
  return exit_code;
}

static int
invoice_promise (OdCli          *cli,
                 OdStore        *store,
                 OdInvoice      *invoice,
                 InvoiceOptions *options)
{
  const char *currency = od_invoice_get_currency (invoice);
  g_autofree char *date_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outstanding = od_invoice_get_total (invoice) - od_invoice_get_paid (invoice);
  gint64 amount = 0;
  GDate today, date;
  int exit_code;

  if (!parse_date_option (cli, "--date", options->date, &date))
    return OD_EXIT_DATA;
  od_cli_today (store, &today);
  if (g_date_compare (&date, &today) < 0)
    {
      g_printerr (_("%s: --date: the promised date %s is in the past\n"),
                  cli->program, options->date);
      return OD_EXIT_DATA;
    }

  if (options->amount != NULL)
    {
      if (!od_amount_parse (options->amount, od_currency_minor_digits (currency),
                            &amount, &error) || amount <= 0)
        {
          g_printerr (_("%s: --amount: “%s” is not a positive amount in %s\n"),
                      cli->program, options->amount, currency);
          return OD_EXIT_DATA;
        }
      if (amount > outstanding)
        {
          g_autofree char *left = od_amount_to_string (outstanding, od_currency_minor_digits (currency));

          g_printerr (_("%s: --amount: %s is more than the %s %s outstanding\n"),
                      cli->program, options->amount, left, currency);
          return OD_EXIT_DATA;
        }
      if (amount == outstanding)
        amount = 0;
    }

  date_text = od_date_to_iso (&date);
  amount_text = od_amount_to_string (amount > 0 ? amount : outstanding,
                                     od_currency_minor_digits (currency));
  /* Translators: the reason recorded for a promise to pay */
  reason = g_strdup_printf (_("Promised to pay %s %s by %s"), amount_text, currency, date_text);

  exit_code = pause_invoice (cli, store, invoice, OD_PAUSE_KIND_PROMISE,
                             &today, &date, amount, reason);
  if (exit_code == OD_EXIT_OK)
    g_print (_("Invoice %s: %s; chasing resumes after that day if it is not paid\n"),
             od_invoice_get_number (invoice), reason);
  return exit_code;
}

static int
invoice_hold (OdCli          *cli,
              OdStore        *store,
              OdInvoice      *invoice,
              InvoiceOptions *options)
{
  GDate today, until;
  int exit_code;

  if (!parse_date_option (cli, "--until", options->until, &until))
    return OD_EXIT_DATA;
  od_cli_today (store, &today);
  if (g_date_valid (&until) && g_date_compare (&until, &today) < 0)
    {
      g_printerr (_("%s: --until: %s is in the past\n"), cli->program, options->until);
      return OD_EXIT_DATA;
    }

  exit_code = pause_invoice (cli, store, invoice, OD_PAUSE_KIND_HOLD,
                             &today, &until, 0, options->reason);
  if (exit_code != OD_EXIT_OK)
    return exit_code;
  if (g_date_valid (&until))
    g_print (_("Invoice %s is on hold until %s\n"), od_invoice_get_number (invoice), options->until);
  else
    g_print (_("Invoice %s is on hold until it is resumed (“invoice resume”)\n"),
             od_invoice_get_number (invoice));
  return OD_EXIT_OK;
}

static int
invoice_resume (OdCli     *cli,
                OdStore   *store,
                OdInvoice *invoice)
{
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  gint64 invoice_id = od_invoice_get_id (invoice);
  guint n_resolved = 0;

  if (!od_store_begin (store, &error))
    return od_cli_fail (cli, error);

  active = od_store_list_pauses (store, invoice_id, TRUE, &error);
  if (active == NULL)
    goto fail;
  if (active->len == 0)
    {
      od_store_rollback (store);
      g_printerr (_("%s: invoice “%s” is not paused: there is nothing to resume\n"),
                  cli->program, od_invoice_get_number (invoice));
      return OD_EXIT_DATA;
    }

  /* Translators: the audit log's note of what "invoice resume" ended */
  g_string_append (detail, _("Ended:"));
  for (guint i = 0; i < active->len; i++)
    {
      OdDunningPause *pause = g_ptr_array_index (active, i);

      g_string_append_printf (detail, "%s %s", i > 0 ? ";" : "",
                              od_pause_kind_to_string (pause->kind));
      if (pause->reason != NULL)
        g_string_append_printf (detail, " (%s)", pause->reason);
    }

  if (!od_store_resolve_pauses (store, invoice_id, OD_PAUSE_KIND_DISPUTE, TRUE,
                                &n_resolved, &error) ||
      !od_store_add_audit (store, 0, invoice_id, "resume", detail->str, &error) ||
      !od_store_commit (store, &error))
    goto fail;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Invoice %s: %u pause ended; chasing resumes\n",
                        "Invoice %s: %u pauses ended; chasing resumes\n",
                        n_resolved),
           od_invoice_get_number (invoice), n_resolved);
  return OD_EXIT_OK;

fail:
  od_store_rollback (store);
  return od_cli_fail (cli, error);
}

static int
invoice_instalments (OdCli          *cli,
                     OdStore        *store,
                     OdInvoice      *invoice,
                     InvoiceOptions *options)
{
  g_autofree char *detail = NULL;
  g_autofree char *first_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 invoice_id = od_invoice_get_id (invoice);
  guint64 count = 0, every = 0;
  GDate first;

  if (!g_ascii_string_to_unsigned (options->count, 10, 1, 1000, &count, NULL))
    {
      g_printerr (_("%s: --count: “%s” is not a number of instalments from 1 to 1000\n"),
                  cli->program, options->count);
      return OD_EXIT_DATA;
    }
  if (!g_ascii_string_to_unsigned (options->every, 10, 1, 3660, &every, NULL))
    {
      g_printerr (_("%s: --every: “%s” is not a number of days between instalments (1 or more)\n"),
                  cli->program, options->every);
      return OD_EXIT_DATA;
    }
  if (!parse_date_option (cli, "--first", options->first, &first))
    return OD_EXIT_DATA;
  if (!g_date_valid (&first))
    {
      od_cli_today (store, &first);
      g_date_add_days (&first, (guint) every);
    }

  first_text = od_date_to_iso (&first);
  /* Translators: the audit log's note of a payment plan */
  detail = g_strdup_printf (_("%u instalments every %u days from %s"),
                            (guint) count, (guint) every, first_text);

  if (!od_store_begin (store, &error))
    return od_cli_fail (cli, error);
  if (od_store_insert_payment_plan (store, invoice_id, (guint) count,
                                    (guint) every, &first, &error) == 0 ||
      !od_store_add_audit (store, 0, invoice_id, "instalments", detail, &error) ||
      !od_store_commit (store, &error))
    {
      od_store_rollback (store);
      return od_cli_fail (cli, error);
    }

  g_print (_("Invoice %s: %s; the instalments are chased instead of the invoice\n"),
           od_invoice_get_number (invoice), detail);
  return OD_EXIT_OK;
}

int
od_cli_invoice (OdCli  *cli,
                int     argc,
                char  **argv)
{
  g_auto(InvoiceOptions) options = { NULL, };
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options.reason, N_("Why (dispute, hold)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date, N_("The promised date (promise)"), N_("DATE") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &options.amount, N_("The promised amount (promise; default: all of it)"), N_("X") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &options.until, N_("The last day of the hold (hold; default: until resumed)"), N_("DATE") },
    { "count", 0, 0, G_OPTION_ARG_STRING, &options.count, N_("How many instalments (instalments)"), N_("N") },
    { "every", 0, 0, G_OPTION_ARG_STRING, &options.every, N_("Days between instalments (instalments)"), N_("DAYS") },
    { "first", 0, 0, G_OPTION_ARG_STRING, &options.first, N_("The first instalment's due date (instalments)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "dispute|promise|hold|resume|instalments NUMBER",
                             _("Pause chasing an invoice, resume it, or split it into instalments."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, USAGE, NULL);
  action = argv[1];

  /* Usage first: a missing required option is caught before the
   * ledger is opened. */
  if (g_str_equal (action, "dispute") || g_str_equal (action, "hold"))
    {
      if (options.reason == NULL || *g_strstrip (options.reason) == '\0')
        return od_cli_usage (cli, USAGE, _("--reason TEXT is required"));
    }
  else if (g_str_equal (action, "promise"))
    {
      if (options.date == NULL)
        return od_cli_usage (cli, USAGE, _("--date DATE is required"));
    }
  else if (g_str_equal (action, "instalments"))
    {
      if (options.count == NULL)
        return od_cli_usage (cli, USAGE, _("--count N is required"));
      if (options.every == NULL)
        return od_cli_usage (cli, USAGE, _("--every DAYS is required"));
    }
  else if (!g_str_equal (action, "resume"))
    return od_cli_usage (cli, USAGE, _("say dispute, promise, hold, resume or instalments"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);
  invoice = find_open_invoice (cli, OD_STORE (store), argv[2], &exit_code);
  if (invoice == NULL)
    return exit_code;

  if (g_str_equal (action, "dispute"))
    return invoice_dispute (cli, OD_STORE (store), invoice, &options);
  if (g_str_equal (action, "promise"))
    return invoice_promise (cli, OD_STORE (store), invoice, &options);
  if (g_str_equal (action, "hold"))
    return invoice_hold (cli, OD_STORE (store), invoice, &options);
  if (g_str_equal (action, "resume"))
    return invoice_resume (cli, OD_STORE (store), invoice);
  return invoice_instalments (cli, OD_STORE (store), invoice, &options);
}
