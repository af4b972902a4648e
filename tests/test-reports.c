/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reports on the ledger: aging, DSO and CEI, against figures worked by hand. */
#include <math.h>
#include <string.h>

#include "od-payment.h"
#include "od-report-aging.h"
#include "od-report-cei.h"
#include "od-report-dso.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *sqlite;
  OdStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->sqlite = od_test_store_new (&fx->tmpdir);
  fx->store = OD_STORE (fx->sqlite);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->sqlite);
  od_test_tmpdir_free (fx->tmpdir);
}

static void
pay (OdStore    *store,
     OdInvoice  *invoice,
     const char *date,
     gint64      amount,
     const char *method)
{
  g_autoptr(OdPayment) payment = od_payment_new ();
  g_autoptr(GError) error = NULL;
  GDate day = od_test_date (date);

  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, &day);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, od_invoice_get_currency (invoice));
  od_payment_set_method (payment, method);
  g_assert_true (od_store_insert_payment (store, payment, &error));
  g_assert_no_error (error);
}

#define UNREF(x) g_object_unref (x)

/*
 * The aging ledger, as of 2026-06-30 (days past due in brackets):
 *
 *   Alpha  INV-1  EUR 500.00 due 05-31 [30]: paid 200.00 06-10, credit note
 *                 100.00 06-20, paid 200.00 07-05 (after) → 200.00 in 1–30
 *          INV-2  EUR 300.00 due 07-15: current
 *          INV-3  EUR 100.00 due 03-31 [91] → 91+
 *          INV-4  USD 250.00 due 05-01 [60] → 31–60
 *   Beta   INV-5  EUR 400.00 due 04-30, paid in full 05-20 → nothing open
 *          INV-6  EUR 999.00 issued 07-01: does not exist yet
 *          INV-7  EUR 150.00 due 04-30 [61]: paid 50.00 05-10 → 100.00 in 61–90
 *          INV-8  JPY 12000 due 06-20 [10] → 1–30
 */
static void
add_aging_ledger (OdStore *store)
{
  OdCustomer *alpha = od_test_add_customer (store, "A1", "Alpha");
  OdCustomer *beta = od_test_add_customer (store, "B1", "Beta");
  OdInvoice *inv;

  inv = od_test_add_invoice (store, alpha, "INV-1", "2026-05-01", "2026-05-31", 50000, "EUR");
  pay (store, inv, "2026-06-10", 20000, "transfer");
  pay (store, inv, "2026-06-20", 10000, "credit");
  pay (store, inv, "2026-07-05", 20000, "transfer");
  UNREF (inv);
  UNREF (od_test_add_invoice (store, alpha, "INV-2", "2026-06-15", "2026-07-15", 30000, "EUR"));
  UNREF (od_test_add_invoice (store, alpha, "INV-3", "2026-03-01", "2026-03-31", 10000, "EUR"));
  UNREF (od_test_add_invoice (store, alpha, "INV-4", "2026-04-01", "2026-05-01", 25000, "USD"));
  inv = od_test_add_invoice (store, beta, "INV-5", "2026-04-10", "2026-04-30", 40000, "EUR");
  pay (store, inv, "2026-05-20", 40000, "card");
  UNREF (inv);
  UNREF (od_test_add_invoice (store, beta, "INV-6", "2026-07-01", "2026-07-31", 99900, "EUR"));
  inv = od_test_add_invoice (store, beta, "INV-7", "2026-04-01", "2026-04-30", 15000, "EUR");
  pay (store, inv, "2026-05-10", 5000, "transfer");
  UNREF (inv);
  UNREF (od_test_add_invoice (store, beta, "INV-8", "2026-06-01", "2026-06-20", 12000, "JPY"));
  UNREF (alpha);
  UNREF (beta);
}

static void
assert_row (OdReportAgingRow *row,
            const char       *ref,
            const char       *currency,
            const gint64     *buckets,
            guint             n_buckets,
            guint             n_invoices)
{
  gint64 sum = 0;

  g_assert_cmpstr (row->customer_ref, ==, ref);
  g_assert_cmpstr (row->currency, ==, currency);
  for (guint i = 0; i < n_buckets; i++)
    {
      g_assert_cmpint (row->buckets[i], ==, buckets[i]);
      sum += buckets[i];
    }
  g_assert_cmpint (row->open, ==, sum);
  g_assert_cmpuint (row->n_invoices, ==, n_invoices);
}

static void
test_aging (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(OdReportAging) aging = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = od_test_date ("2026-06-30");
  g_autofree char *key0 = NULL, *key1 = NULL, *key4 = NULL;

  add_aging_ledger (fx->store);
  aging = od_report_aging_new (fx->store, &as_of, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aging->n_buckets, ==, 5);
  key0 = od_report_aging_bucket_key (aging, 0);
  key1 = od_report_aging_bucket_key (aging, 1);
  key4 = od_report_aging_bucket_key (aging, 4);
  g_assert_cmpstr (key0, ==, "current");
  g_assert_cmpstr (key1, ==, "1-30");
  g_assert_cmpstr (key4, ==, "91+");

  g_assert_cmpuint (aging->rows->len, ==, 4);
  assert_row (aging->rows->pdata[0], "A1", "EUR", (gint64[]) { 30000, 20000, 0, 0, 10000 }, 5, 3);
  assert_row (aging->rows->pdata[1], "A1", "USD", (gint64[]) { 0, 0, 25000, 0, 0 }, 5, 1);
  assert_row (aging->rows->pdata[2], "B1", "EUR", (gint64[]) { 0, 0, 0, 10000, 0 }, 5, 1);
  assert_row (aging->rows->pdata[3], "B1", "JPY", (gint64[]) { 0, 12000, 0, 0, 0 }, 5, 1);

  /* Per currency, never added across. */
  g_assert_cmpuint (aging->totals->len, ==, 3);
  assert_row (aging->totals->pdata[0], NULL, "EUR", (gint64[]) { 30000, 20000, 0, 10000, 10000 }, 5, 4);
  assert_row (aging->totals->pdata[1], NULL, "JPY", (gint64[]) { 0, 12000, 0, 0, 0 }, 5, 1);
  assert_row (aging->totals->pdata[2], NULL, "USD", (gint64[]) { 0, 0, 25000, 0, 0 }, 5, 1);
}

static void
test_aging_as_of_and_edges (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(OdReportAging) later = NULL;
  g_autoptr(OdReportAging) custom = NULL;
  g_autoptr(GError) error = NULL;
  GDate july = od_test_date ("2026-07-10");
  GDate june = od_test_date ("2026-06-30");
  guint edges[OD_REPORT_AGING_MAX_EDGES];
  guint n_edges = 0;
  g_autofree char *key = NULL;

  add_aging_ledger (fx->store);

  /* On 07-10 INV-1 is settled (07-05) and INV-6 exists (current). */
  later = od_report_aging_new (fx->store, &july, NULL, 0, &error);
  g_assert_no_error (error);
  assert_row (later->rows->pdata[0], "A1", "EUR", (gint64[]) { 30000, 0, 0, 0, 10000 }, 5, 2);
  assert_row (later->rows->pdata[2], "B1", "EUR", (gint64[]) { 99900, 0, 0, 10000, 0 }, 5, 2);

  g_assert_true (od_report_aging_parse_edges ("15", edges, &n_edges, &error));
  g_assert_no_error (error);
  custom = od_report_aging_new (fx->store, &june, edges, n_edges, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (custom->n_buckets, ==, 3);
  key = od_report_aging_bucket_key (custom, 2);
  g_assert_cmpstr (key, ==, "16+");
  assert_row (custom->rows->pdata[0], "A1", "EUR", (gint64[]) { 30000, 0, 30000 }, 3, 3);
  assert_row (custom->rows->pdata[3], "B1", "JPY", (gint64[]) { 0, 12000, 0 }, 3, 1);

  g_assert_false (od_report_aging_parse_edges ("60,30", edges, &n_edges, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "60,30"));
}

static OdReportDsoRow *
dso_row (OdReportDso *dso,
         const char  *currency)
{
  for (guint i = 0; i < dso->rows->len; i++)
    if (strcmp (g_array_index (dso->rows, OdReportDsoRow, i).currency, currency) == 0)
      return &g_array_index (dso->rows, OdReportDsoRow, i);
  g_assert_not_reached ();
}

/*
 * DSO for 2026-04-01 .. 06-30 (91 days). EUR: open at the end 700.00,
 * issued in the period INV-1, 2, 5, 7 = 1350.00: simple 70000/135000 × 91
 * = 47.185…; countback: June's 300.00 is covered (30 days, 400.00 left),
 * May's 500.00 takes 400/500 × 31 = 24.8: 54.8 days. USD: 250.00 open of
 * April's 250.00 sales: simple 91; countback June and May had no sales
 * (30 + 31) and April is covered (30): 91. JPY: June's 12000 all open:
 * simple 91, countback 30. Trend (EUR): June 70000/30000 × 30 = 70, May
 * 70000/50000 × 31 = 43.4, April 65000/55000 × 30 = 35.45…, March
 * 10000/10000 × 31 = 31, months before without sales.
 */
static void
test_dso (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(OdReportDso) dso = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = od_test_date ("2026-04-01");
  GDate to = od_test_date ("2026-06-30");
  OdReportDsoRow *eur, *usd, *jpy;

  add_aging_ledger (fx->store);
  dso = od_report_dso_new (fx->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dso->days, ==, 91);
  g_assert_cmpuint (dso->rows->len, ==, 3);
  eur = dso_row (dso, "EUR");
  usd = dso_row (dso, "USD");
  jpy = dso_row (dso, "JPY");

  g_assert_cmpint (eur->receivables, ==, 70000);
  g_assert_cmpint (eur->sales, ==, 135000);
  g_assert_cmpfloat_with_epsilon (eur->simple, 70000.0 / 135000.0 * 91.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eur->countback, 54.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (usd->simple, 91.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (usd->countback, 91.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (jpy->simple, 91.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (jpy->countback, 30.0, 1e-9);

  g_assert_cmpint (g_date_get_month (&dso->month_end[11]), ==, G_DATE_JUNE);
  g_assert_cmpint (g_date_get_day (&dso->month_end[10]), ==, 31);
  g_assert_cmpfloat_with_epsilon (eur->trend[11], 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eur->trend[10], 43.4, 1e-9);
  g_assert_cmpint (eur->trend_receivables[10], ==, 70000);
  g_assert_cmpint (eur->trend_sales[10], ==, 50000);
  g_assert_cmpint (g_date_get_day (&dso->month_start[10]), ==, 1);
  g_assert_cmpfloat_with_epsilon (eur->trend[9], 65000.0 / 55000.0 * 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eur->trend[8], 31.0, 1e-9);
  g_assert_true (isnan (eur->trend[7]));
  g_assert_true (isnan (eur->trend[0]));
}

/*
 * CEI for 2026-05-01 .. 06-30, EUR: begin (open 04-30) INV-3 100.00 +
 * INV-5 400.00 + INV-7 150.00 = 650.00; sales INV-1 + INV-2 = 800.00; end
 * 700.00 of which current (INV-2) 300.00:
 * (650 + 800 − 700) ÷ (650 + 800 − 300) = 750/1150 = 65.217… % → 6522 bp.
 * USD: (250 + 0 − 250) ÷ (250 − 0) = 0. JPY: (0 + 12000 − 12000) ÷ 12000 = 0.
 */
static void
test_cei (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(OdReportCei) cei = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = od_test_date ("2026-05-01");
  GDate to = od_test_date ("2026-06-30");
  OdReportCeiRow *eur;

  add_aging_ledger (fx->store);
  cei = od_report_cei_new (fx->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cei->rows->len, ==, 3);
  eur = &g_array_index (cei->rows, OdReportCeiRow, 0);
  g_assert_cmpstr (eur->currency, ==, "EUR");
  g_assert_cmpint (eur->begin, ==, 65000);
  g_assert_cmpint (eur->sales, ==, 80000);
  g_assert_cmpint (eur->end, ==, 70000);
  g_assert_cmpint (eur->end_current, ==, 30000);
  g_assert_true (eur->defined);
  g_assert_cmpint (eur->cei_bp, ==, 6522);
  for (guint i = 1; i < 3; i++)
    {
      OdReportCeiRow *row = &g_array_index (cei->rows, OdReportCeiRow, i);

      g_assert_true (row->defined);
      g_assert_cmpint (row->cei_bp, ==, 0);
    }
  g_assert_cmpstr (g_array_index (cei->rows, OdReportCeiRow, 1).currency, ==, "JPY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/od/reports/aging", Fixture, NULL, fixture_set_up, test_aging, fixture_tear_down);
  g_test_add ("/od/reports/aging-as-of-and-edges", Fixture, NULL, fixture_set_up,
              test_aging_as_of_and_edges, fixture_tear_down);
  g_test_add ("/od/reports/dso", Fixture, NULL, fixture_set_up, test_dso, fixture_tear_down);
  g_test_add ("/od/reports/cei", Fixture, NULL, fixture_set_up, test_cei, fixture_tear_down);

  return g_test_run ();
}
