/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-cli-report-table.h"
#include "od-date.h"
#include "od-money.h"
#include "od-report-aging.h"
#include "od-report-cei.h"
#include "od-report-dso.h"
#include "od-report-outcomes.h"
#include "od-report-risk.h"

#define USAGE "overdue-cli [--db PATH] report aging|dso|cei|risk|outcomes [--as-of WHEN] [--json|--csv]"

typedef struct
{
  OdStore    *store;
  GDate       as_of;
  GDate       from;
  guint       edges[OD_REPORT_AGING_MAX_EDGES];
  guint       n_edges;   /* 0 = the default buckets */
} ReportArgs;

static char *
money (gint64      minor,
       const char *currency)
{
  return od_amount_to_string (minor, od_currency_minor_digits (currency));
}

static char *
real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static char *
bp (gint64 value)
{
  return value < 0 ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Aging */

static void
aging_row (OdCliTable            *table,
           OdReportAging    *aging,
           OdReportAgingRow *row)
{
  char **cells = od_cli_table_row (table);
  guint c = 0;

  od_cli_table_set (cells, c++, g_strdup (row->customer_id != 0 ? "customer" : "total"));
  od_cli_table_set (cells, c++, g_strdup (row->customer_ref));
  od_cli_table_set (cells, c++, g_strdup (row->customer_name));
  od_cli_table_set (cells, c++, g_strdup (row->currency));
  for (guint b = 0; b < aging->n_buckets; b++)
    od_cli_table_set (cells, c++, money (row->buckets[b], row->currency));
  od_cli_table_set (cells, c++, money (row->open, row->currency));
  od_cli_table_set (cells, c++, g_strdup_printf ("%u", row->n_invoices));
}

static gboolean
report_aging (ReportArgs  *args,
              OdCliTable       *table,
              GError     **error)
{
  g_autoptr(OdReportAging) aging = od_report_aging_new (args->store, &args->as_of,
                                                        args->n_edges > 0 ? args->edges : NULL,
                                                        args->n_edges, error);

  if (aging == NULL)
    return FALSE;
  od_cli_table_column (table, "kind", "", OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "customer", _("Customer"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "name", _("Name"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "currency", _("Currency"), OD_CLI_CELL_TEXT);
  for (guint b = 0; b < aging->n_buckets; b++)
    {
      g_autofree char *key = od_report_aging_bucket_key (aging, b);

      od_cli_table_column (table, key, b == 0 ? _("Current") : key, OD_CLI_CELL_MONEY);
    }
  od_cli_table_column (table, "open", _("Open"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "invoices", _("Invoices"), OD_CLI_CELL_INT);

  for (guint i = 0; i < aging->rows->len; i++)
    aging_row (table, aging, g_ptr_array_index (aging->rows, i));
  for (guint i = 0; i < aging->totals->len; i++)
    aging_row (table, aging, g_ptr_array_index (aging->totals, i));
  return TRUE;
}

/* DSO and CEI */

static void
dso_row (OdCliTable       *table,
         const char  *kind,
         const char  *currency,
         const GDate *from,
         const GDate *to,
         gint64       receivables,
         gint64       sales,
         double       simple,
         double       countback)
{
  char **cells = od_cli_table_row (table);

  od_cli_table_set (cells, 0, g_strdup (kind));
  od_cli_table_set (cells, 1, g_strdup (currency));
  od_cli_table_set (cells, 2, od_date_to_iso (from));
  od_cli_table_set (cells, 3, od_date_to_iso (to));
  od_cli_table_set (cells, 4, g_strdup_printf ("%d", g_date_days_between (from, to) + 1));
  od_cli_table_set (cells, 5, money (receivables, currency));
  od_cli_table_set (cells, 6, money (sales, currency));
  od_cli_table_set (cells, 7, real (simple));
  od_cli_table_set (cells, 8, real (countback));
}

static gboolean
report_dso (ReportArgs  *args,
            OdCliTable       *table,
            GError     **error)
{
  g_autoptr(OdReportDso) dso = od_report_dso_new (args->store, &args->from, &args->as_of, error);

  if (dso == NULL)
    return FALSE;
  od_cli_table_column (table, "kind", "", OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "currency", _("Currency"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "from", _("From"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "to", _("To"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "days", _("Days"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "receivables", _("Receivables"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "sales", _("Credit sales"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "dso", _("DSO"), OD_CLI_CELL_REAL);
  od_cli_table_column (table, "countback_dso", _("Countback DSO"), OD_CLI_CELL_REAL);

  for (guint i = 0; i < dso->rows->len; i++)
    {
      OdReportDsoRow *row = &g_array_index (dso->rows, OdReportDsoRow, i);

      dso_row (table, "period", row->currency, &dso->from, &dso->to,
               row->receivables, row->sales, row->simple, row->countback);
      for (guint m = 0; m < OD_REPORT_DSO_MONTHS; m++)
        dso_row (table, "month", row->currency, &dso->month_start[m], &dso->month_end[m],
                 row->trend_receivables[m], row->trend_sales[m], row->trend[m], NAN);
    }
  g_string_append (table->notes,
                   _("DSO: receivables at the end ÷ credit sales × days; “month” rows are the trend.\n"));
  return TRUE;
}

static gboolean
report_cei (ReportArgs  *args,
            OdCliTable       *table,
            GError     **error)
{
  g_autoptr(OdReportCei) cei = od_report_cei_new (args->store, &args->from, &args->as_of, error);

  if (cei == NULL)
    return FALSE;
  od_cli_table_column (table, "currency", _("Currency"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "from", _("From"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "to", _("To"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "begin", _("Open at start"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "sales", _("Credit sales"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "end", _("Open at end"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "end_current", _("Of which current"), OD_CLI_CELL_MONEY);
  od_cli_table_column (table, "cei_bp", _("CEI (bp)"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "cei_percent", _("CEI %"), OD_CLI_CELL_TEXT);

  for (guint i = 0; i < cei->rows->len; i++)
    {
      OdReportCeiRow *row = &g_array_index (cei->rows, OdReportCeiRow, i);
      char **cells = od_cli_table_row (table);

      od_cli_table_set (cells, 0, g_strdup (row->currency));
      od_cli_table_set (cells, 1, od_date_to_iso (&cei->from));
      od_cli_table_set (cells, 2, od_date_to_iso (&cei->to));
      od_cli_table_set (cells, 3, money (row->begin, row->currency));
      od_cli_table_set (cells, 4, money (row->sales, row->currency));
      od_cli_table_set (cells, 5, money (row->end, row->currency));
      od_cli_table_set (cells, 6, money (row->end_current, row->currency));
      if (row->defined)
        {
          od_cli_table_set (cells, 7, bp (row->cei_bp));
          od_cli_table_set (cells, 8, od_amount_to_string (row->cei_bp, 2));
        }
    }
  g_string_append (table->notes,
                   _("CEI = (open at start + credit sales − open at end) ÷ (open at start + credit sales − current at end) × 100\n"));
  return TRUE;
}

/* Risk and outcomes */

static gboolean
report_risk (ReportArgs  *args,
             OdCliTable       *table,
             GError     **error)
{
  g_autoptr(OdReportRisk) risk = od_report_risk_new (args->store, &args->as_of, error);

  if (risk == NULL)
    return FALSE;
  od_cli_table_column (table, "customer", _("Customer"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "name", _("Name"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "level", _("Risk"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "paid_invoices", _("Paid"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "avg_days_to_pay", _("Days to pay"), OD_CLI_CELL_REAL);
  od_cli_table_column (table, "avg_days_beyond_terms", _("Beyond terms"), OD_CLI_CELL_REAL);
  od_cli_table_column (table, "on_time_bp", _("On time (bp)"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "past_due", _("Past due"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "oldest_days_past_due", _("Oldest"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "promise_kept_bp", _("Promises kept (bp)"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "open_disputes", _("Disputes"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "credit_use_bp", _("Credit used (bp)"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "reason_keys", "", OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "reasons", _("Reasons"), OD_CLI_CELL_TEXT);

  for (guint i = 0; i < risk->rows->len; i++)
    {
      OdReportRiskRow *row = g_ptr_array_index (risk->rows, i);
      g_autoptr(GString) keys = g_string_new (NULL);
      g_autoptr(GString) reasons = g_string_new (NULL);
      char **cells = od_cli_table_row (table);

      for (guint r = 0; r < row->reasons->len; r++)
        {
          OdRiskReason *reason = g_ptr_array_index (row->reasons, r);

          g_string_append_printf (keys, "%s%s", r > 0 ? ";" : "",
                                  od_risk_reason_kind_to_string (reason->kind));
          g_string_append_printf (reasons, "%s%s", r > 0 ? "; " : "", reason->text);
        }
      od_cli_table_set (cells, 0, g_strdup (row->customer_ref));
      od_cli_table_set (cells, 1, g_strdup (row->customer_name));
      od_cli_table_set (cells, 2, g_strdup (od_risk_level_to_string (row->level)));
      od_cli_table_set (cells, 3, g_strdup_printf ("%u", row->n_settled));
      od_cli_table_set (cells, 4, real (row->avg_days_to_pay));
      od_cli_table_set (cells, 5, real (row->avg_days_beyond));
      od_cli_table_set (cells, 6, bp (row->on_time_bp));
      od_cli_table_set (cells, 7, g_strdup_printf ("%u", row->n_past_due));
      od_cli_table_set (cells, 8, g_strdup_printf ("%d", row->max_days_past_due));
      od_cli_table_set (cells, 9, bp (row->promise_kept_bp));
      od_cli_table_set (cells, 10, g_strdup_printf ("%u", row->open_disputes));
      od_cli_table_set (cells, 11, bp (row->credit_use_bp));
      od_cli_table_set (cells, 12, g_strdup (keys->str));
      od_cli_table_set (cells, 13, g_strdup (reasons->str));
    }
  return TRUE;
}

static OdReportOutcomeTest *
find_test (OdReportOutcomes *outcomes,
           const char       *step)
{
  for (guint i = 0; i < outcomes->tests->len; i++)
    {
      OdReportOutcomeTest *test = g_ptr_array_index (outcomes->tests, i);

      if (strcmp (test->step, step) == 0)
        return test;
    }
  return NULL;
}

static gboolean
report_outcomes (ReportArgs  *args,
                 OdCliTable       *table,
                 GError     **error)
{
  g_autoptr(OdPolicy) policy = od_store_get_effective_policy (args->store, 0, error);
  g_autoptr(OdReportOutcomes) outcomes = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (policy == NULL)
    return FALSE;
  outcomes = od_report_outcomes_new (args->store, policy, &args->as_of, error);
  if (outcomes == NULL)
    return FALSE;
  od_cli_table_column (table, "step", _("Step"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "variant", _("Variant"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "template", _("Template"), OD_CLI_CELL_TEXT);
  od_cli_table_column (table, "invoices", _("Invoices"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "paid_3_days", _("Paid ≤3 d"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "paid_7_days", _("≤7 d"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "paid_14_days", _("≤14 d"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "paid", _("Paid"), OD_CLI_CELL_INT);
  od_cli_table_column (table, "median_days", _("Median days"), OD_CLI_CELL_REAL);
  od_cli_table_column (table, "z", "z", OD_CLI_CELL_REAL);
  od_cli_table_column (table, "p_value", "p", OD_CLI_CELL_REAL);

  for (guint i = 0; i < outcomes->rows->len; i++)
    {
      OdReportOutcomeRow *row = g_ptr_array_index (outcomes->rows, i);
      OdReportOutcomeTest *test = find_test (outcomes, row->step);
      char **cells = od_cli_table_row (table);

      od_cli_table_set (cells, 0, g_strdup (row->step));
      od_cli_table_set (cells, 1, g_strdup (row->variant == 0 ? "A" : "B"));
      od_cli_table_set (cells, 2, g_strdup (row->template_name));
      od_cli_table_set (cells, 3, g_strdup_printf ("%u", row->n_invoices));
      od_cli_table_set (cells, 4, g_strdup_printf ("%u", row->paid_3));
      od_cli_table_set (cells, 5, g_strdup_printf ("%u", row->paid_7));
      od_cli_table_set (cells, 6, g_strdup_printf ("%u", row->paid_14));
      od_cli_table_set (cells, 7, g_strdup_printf ("%u", row->n_paid));
      od_cli_table_set (cells, 8, real (row->median_days));
      if (test != NULL)
        {
          od_cli_table_set (cells, 9, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3f", test->z)));
          od_cli_table_set (cells, 10, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", test->p_value)));
        }
    }
  for (guint i = 0; i < outcomes->tests->len; i++)
    {
      OdReportOutcomeTest *test = g_ptr_array_index (outcomes->tests, i);

      g_string_append_printf (table->notes,
                              test->p_value < 0.05
                              ? _("%s: the variants differ in payment within 14 days more than chance would (p = %.3f)\n")
                              : _("%s: the difference between the variants may be chance (p = %.3f)\n"),
                              test->step, test->p_value);
    }
  return TRUE;
}

/* The as-of date: --as-of's day in the business time zone, else today. */
static gboolean
as_of_date (OdStore    *store,
            const char *text,
            GDate      *out)
{
  g_autoptr(GTimeZone) zone = od_cli_business_time_zone (store);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (text == NULL)
    {
      od_cli_today (store, out);
      return TRUE;
    }
  if (!od_cli_parse_when (text, zone, &when))
    return FALSE;
  local = g_date_time_to_timezone (when, zone);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return TRUE;
}

int
od_cli_report (OdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *as_of = NULL;
  g_autofree char *from = NULL;
  g_autofree char *buckets = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Report as of this day: a date, or an ISO 8601 date-time (default: today)"), N_("WHEN") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("dso, cei: the period's first day (default: 89 days before the as-of date)"), N_("DATE") },
    { "buckets", 0, 0, G_OPTION_ARG_STRING, &buckets,
      N_("aging: the upper edges of the past-due buckets but the last (default: 30,60,90)"), N_("DAYS,…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    G_OPTION_ENTRY_NULL
  };
  static const struct
  {
    const char *name;
    gboolean  (*run) (ReportArgs *args, OdCliTable *table, GError **error);
  } reports[] = {
    { "aging", report_aging },
    { "dso", report_dso },
    { "cei", report_cei },
    { "risk", report_risk },
    { "outcomes", report_outcomes },
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ReportArgs args = { NULL, };
  OdCliTable table;
  int exit_code = OD_EXIT_OK;
  guint which;

  if (!od_cli_parse_options (cli, "aging|dso|cei|risk|outcomes",
                             _("Reports on the ledger, per currency. Writes nothing."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return od_cli_usage (cli, USAGE, NULL);
  if (json && csv)
    return od_cli_usage (cli, USAGE, _("--json and --csv exclude each other"));
  for (which = 0; which < G_N_ELEMENTS (reports); which++)
    if (strcmp (argv[1], reports[which].name) == 0)
      break;
  if (which == G_N_ELEMENTS (reports))
    return od_cli_usage (cli, USAGE, _("unknown report"));
  if (buckets != NULL &&
      !od_report_aging_parse_edges (buckets, args.edges, &args.n_edges, &error))
    {
      g_printerr ("%s: --buckets: %s\n", cli->program, error->message);
      return OD_EXIT_USAGE;
    }

  /* Reports only read: they must not create a ledger that is not there. */
  if (!g_file_test (cli->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s: there is no ledger at “%s”; create one with “init”\n"),
                  cli->program, cli->db_path);
      return OD_EXIT_FAILURE;
    }
  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);
  args.store = OD_STORE (store);

  if (!as_of_date (args.store, as_of, &args.as_of))
    {
      g_printerr (_("%s: --as-of: “%s” is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time\n"),
                  cli->program, as_of);
      return OD_EXIT_DATA;
    }
  args.from = args.as_of;
  g_date_subtract_days (&args.from, 89);
  if (from != NULL && !od_date_parse_iso (from, &args.from, &error))
    {
      g_printerr ("%s: --from: %s\n", cli->program, error->message);
      return OD_EXIT_DATA;
    }
  if (g_date_compare (&args.from, &args.as_of) > 0)
    {
      g_printerr (_("%s: --from: the period must not start after the as-of date\n"), cli->program);
      return OD_EXIT_DATA;
    }

  od_cli_table_init (&table);
  if (!reports[which].run (&args, &table, &error))
    exit_code = od_cli_fail (cli, error);
  else if (json)
    od_cli_table_print_json (&table);
  else if (csv)
    {
      if (!od_cli_table_print_csv (&table, &error))
        exit_code = od_cli_fail (cli, error);
    }
  else
    od_cli_table_print_human (&table);
  od_cli_table_clear (&table);
  return exit_code;
}
