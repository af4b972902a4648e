/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reports on how customers pay: risk, behaviour, and which reminders work. */
#include <math.h>
#include <string.h>

#include "od-demo.h"
#include "od-dunning.h"
#include "od-payment.h"
#include "od-report-outcomes.h"
#include "od-report-risk.h"
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

static void
promise (OdStore    *store,
         OdInvoice  *invoice,
         const char *since,
         const char *until,
         gint64      amount)
{
  g_autoptr(GError) error = NULL;
  GDate from = od_test_date (since);
  GDate to = od_test_date (until);

  g_assert_cmpint (od_store_insert_pause (store, od_invoice_get_id (invoice), OD_PAUSE_KIND_PROMISE,
                                          &from, &to, amount, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
taken (OdStore    *store,
       OdInvoice  *invoice,
       const char *step,
       guint       repeat,
       const char *at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (at, utc);
  g_autoptr(GError) error = NULL;

  g_assert_true (od_store_add_history (store, od_invoice_get_id (invoice), step, repeat,
                                       OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, when, &error));
  g_assert_no_error (error);
}

#define UNREF(x) g_object_unref (x)

static OdInvoice *
settled (OdStore    *store,
         OdCustomer *customer,
         const char *number,
         const char *issue,
         const char *due,
         const char *paid)
{
  OdInvoice *invoice = od_test_add_invoice (store, customer, number, issue, due, 10000, "EUR");

  pay (store, invoice, paid, 10000, "transfer");
  return invoice;
}

static gboolean
has_reason (OdReportRiskRow  *row,
            OdRiskReasonKind  kind,
            OdRiskLevel       level)
{
  for (guint i = 0; i < row->reasons->len; i++)
    {
      OdRiskReason *reason = g_ptr_array_index (row->reasons, i);

      if (reason->kind == kind)
        {
          g_assert_cmpint (reason->level, ==, level);
          g_assert_true (reason->text != NULL && *reason->text != '\0');
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_credit_limit (OdStore    *store,
                  OdCustomer *customer,
                  gint64      limit)
{
  g_autoptr(GError) error = NULL;

  od_customer_set_credit_limit (customer, limit);
  od_customer_set_credit_currency (customer, "EUR");
  g_assert_true (od_store_update_customer (store, customer, &error));
  g_assert_no_error (error);
}

/*
 * Larry paid three invoices 40 days beyond terms each (70 days from
 * issue), the last in two parts; one more is 45 days past due on 06-30.
 * Polly broke two promises (a whole one paid half, one not paid at all)
 * and kept one (80.00 promised and paid), and has an open dispute. Carl
 * has 850.00 open against a 1000.00 limit (a USD invoice does not count).
 * Tina paid two invoices on time, then two 10 days late. Gail pays on time.
 */
static void
test_risk (Fixture       *fx,
           gconstpointer  data)
{
  OdStore *store = fx->store;
  g_autoptr(OdCustomer) larry = od_test_add_customer (store, "L", "Larry");
  g_autoptr(OdCustomer) polly = od_test_add_customer (store, "P", "Polly");
  g_autoptr(OdCustomer) carl = od_test_add_customer (store, "K", "Carl");
  g_autoptr(OdCustomer) tina = od_test_add_customer (store, "T", "Tina");
  g_autoptr(OdCustomer) gail = od_test_add_customer (store, "G", "Gail");
  g_autoptr(OdReportRisk) risk = NULL;
  g_autoptr(OdReportRisk) earlier = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = od_test_date ("2026-06-30");
  GDate april = od_test_date ("2026-04-01");
  GDate since = od_test_date ("2026-06-20");
  OdReportRiskRow *row;
  OdInvoice *inv;

  UNREF (settled (store, larry, "L1", "2026-01-01", "2026-01-31", "2026-03-12"));
  UNREF (settled (store, larry, "L2", "2026-02-01", "2026-03-03", "2026-04-12"));
  inv = od_test_add_invoice (store, larry, "L3", "2026-03-01", "2026-03-31", 10000, "EUR");
  pay (store, inv, "2026-05-01", 5000, "transfer");
  pay (store, inv, "2026-05-10", 5000, "transfer");
  UNREF (inv);
  UNREF (od_test_add_invoice (store, larry, "L4", "2026-04-16", "2026-05-16", 10000, "EUR"));

  inv = od_test_add_invoice (store, polly, "P1", "2026-05-01", "2026-05-31", 10000, "EUR");
  promise (store, inv, "2026-06-01", "2026-06-10", 0);
  pay (store, inv, "2026-06-08", 5000, "transfer");
  UNREF (inv);
  inv = od_test_add_invoice (store, polly, "P2", "2026-05-01", "2026-05-31", 20000, "EUR");
  promise (store, inv, "2026-06-01", "2026-06-15", 8000);
  pay (store, inv, "2026-06-14", 8000, "transfer");
  g_assert_cmpint (od_store_insert_pause (store, od_invoice_get_id (inv), OD_PAUSE_KIND_DISPUTE,
                                          &since, NULL, 0, "wrong amount", &error), >, 0);
  g_assert_no_error (error);
  UNREF (inv);
  inv = od_test_add_invoice (store, polly, "P3", "2026-05-05", "2026-06-04", 6000, "EUR");
  promise (store, inv, "2026-06-05", "2026-06-20", 0);
  UNREF (inv);

  set_credit_limit (store, carl, 100000);
  UNREF (od_test_add_invoice (store, carl, "K1", "2026-06-10", "2026-07-10", 85000, "EUR"));
  UNREF (od_test_add_invoice (store, carl, "K2", "2026-06-10", "2026-07-10", 500000, "USD"));

  UNREF (settled (store, tina, "T1", "2026-01-10", "2026-02-09", "2026-02-09"));
  UNREF (settled (store, tina, "T2", "2026-02-10", "2026-03-12", "2026-03-10"));
  UNREF (settled (store, tina, "T3", "2026-04-01", "2026-05-01", "2026-05-11"));
  UNREF (settled (store, tina, "T4", "2026-05-01", "2026-05-31", "2026-06-10"));

  UNREF (settled (store, gail, "G1", "2026-05-01", "2026-05-31", "2026-05-30"));

  risk = od_report_risk_new (store, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risk->rows->len, ==, 5);
  g_assert_cmpstr (((OdReportRiskRow *) risk->rows->pdata[0])->customer_ref, ==, "K");

  row = od_report_risk_find (risk, od_customer_get_id (larry));
  g_assert_cmpint (row->level, ==, OD_RISK_HIGH);
  g_assert_cmpuint (row->n_settled, ==, 3);
  g_assert_cmpfloat_with_epsilon (row->avg_days_to_pay, 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->avg_days_beyond, 40.0, 1e-9);
  g_assert_cmpint (row->on_time_bp, ==, 0);
  g_assert_cmpuint (row->n_past_due, ==, 1);
  g_assert_cmpint (row->max_days_past_due, ==, 45);
  g_assert_true (has_reason (row, OD_RISK_REASON_DAYS_BEYOND_TERMS, OD_RISK_HIGH));
  g_assert_true (has_reason (row, OD_RISK_REASON_OFTEN_LATE, OD_RISK_MEDIUM));
  g_assert_true (has_reason (row, OD_RISK_REASON_PAST_DUE, OD_RISK_MEDIUM));
  g_assert_false (has_reason (row, OD_RISK_REASON_GETTING_LATER, OD_RISK_MEDIUM));
  g_assert_cmpint (((OdRiskReason *) row->reasons->pdata[0])->level, ==, OD_RISK_HIGH);

  row = od_report_risk_find (risk, od_customer_get_id (polly));
  g_assert_cmpint (row->level, ==, OD_RISK_HIGH);
  g_assert_cmpuint (row->promises_due, ==, 3);
  g_assert_cmpuint (row->promises_kept, ==, 1);
  g_assert_cmpint (row->promise_kept_bp, ==, 3333);
  g_assert_cmpuint (row->open_disputes, ==, 1);
  g_assert_true (has_reason (row, OD_RISK_REASON_BROKEN_PROMISES, OD_RISK_HIGH));
  g_assert_true (has_reason (row, OD_RISK_REASON_DISPUTES, OD_RISK_MEDIUM));
  /* 30 days past due is not yet a reason. */
  g_assert_cmpint (row->max_days_past_due, ==, 30);
  g_assert_false (has_reason (row, OD_RISK_REASON_PAST_DUE, OD_RISK_MEDIUM));

  row = od_report_risk_find (risk, od_customer_get_id (carl));
  g_assert_cmpint (row->level, ==, OD_RISK_MEDIUM);
  g_assert_cmpint (row->credit_open, ==, 85000);
  g_assert_cmpint (row->credit_use_bp, ==, 8500);
  g_assert_true (has_reason (row, OD_RISK_REASON_NEAR_LIMIT, OD_RISK_MEDIUM));
  g_assert_cmpuint (row->reasons->len, ==, 1);

  row = od_report_risk_find (risk, od_customer_get_id (tina));
  g_assert_cmpint (row->level, ==, OD_RISK_MEDIUM);
  g_assert_cmpfloat_with_epsilon (row->avg_days_to_pay, 34.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->avg_days_beyond, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->recent_days_beyond, 10.0, 1e-9);
  g_assert_cmpint (row->on_time_bp, ==, 5000);
  g_assert_true (has_reason (row, OD_RISK_REASON_GETTING_LATER, OD_RISK_MEDIUM));
  g_assert_true (has_reason (row, OD_RISK_REASON_OFTEN_LATE, OD_RISK_MEDIUM));
  g_assert_false (has_reason (row, OD_RISK_REASON_DAYS_BEYOND_TERMS, OD_RISK_MEDIUM));

  row = od_report_risk_find (risk, od_customer_get_id (gail));
  g_assert_cmpint (row->level, ==, OD_RISK_LOW);
  g_assert_cmpuint (row->reasons->len, ==, 0);
  g_assert_cmpint (row->on_time_bp, ==, 10000);
  g_assert_cmpint (row->promise_kept_bp, ==, -1);
  g_assert_cmpint (row->credit_use_bp, ==, -1);

  /* On 04-01 Larry had paid one invoice, and L2 was 29 days late. */
  earlier = od_report_risk_new (store, &april, &error);
  g_assert_no_error (error);
  row = od_report_risk_find (earlier, od_customer_get_id (larry));
  g_assert_cmpuint (row->n_settled, ==, 1);
  g_assert_cmpint (row->max_days_past_due, ==, 29);
  g_assert_cmpint (row->level, ==, OD_RISK_LOW);
  row = od_report_risk_find (earlier, od_customer_get_id (polly));
  g_assert_cmpuint (row->promises_due, ==, 0);
  g_assert_cmpint (row->level, ==, OD_RISK_LOW);
}

/* Three medium reasons make a high risk. */
static void
test_risk_several (void)
{
  OdStoreBehaviourRow b = {
    .customer_id = 7, .customer_ref = "X", .customer_name = "X",
    .n_past_due = 1, .max_days_past_due = 40,
    .promises_due = 1, .promises_kept = 0,
    .open_disputes = 1,
  };
  OdReportRiskRow *row = od_report_risk_row_new (&b);

  g_assert_cmpint (row->level, ==, OD_RISK_HIGH);
  g_assert_cmpuint (row->reasons->len, ==, 4);
  g_assert_cmpint (((OdRiskReason *) row->reasons->pdata[0])->kind, ==, OD_RISK_REASON_SEVERAL);
  od_report_risk_row_free (row);
}

/* The first number "O-n" whose variant is @variant, after @after. */
static guint
next_number (guint variant,
             guint after,
             char  number[16])
{
  for (guint n = after + 1; ; n++)
    {
      g_snprintf (number, 16, "O-%u", n);
      if (od_dunning_variant_for_number (number) == variant)
        return n;
    }
}

static const char outcome_policy[] =
  "[Policy]\n"
  "Name=AB\n"
  "[Step first-reminder]\n"
  "Offset=1\n"
  "Channel=email\n"
  "Template=first-reminder;first-reminder-b\n"
  "[Step final-notice]\n"
  "Offset=11\n"
  "Channel=email\n"
  "Template=final-notice\n";

/*
 * first-reminder, taken on 06-01: variant A for a1 (paid 06-03, 2 days)
 * and a2 (paid 06-09, 8 days); variant B for b1 (paid 06-20, 19 days; its
 * repeat is not counted) and b2 (unpaid). x was paid on 06-02, before its
 * reminder on 06-05: left out. final-notice (one template, no split): a2
 * on 06-05 (paid 4 days later), b2 on 06-10 (unpaid).
 * Paid within 14 days: A 2 of 2, B 0 of 2: pooled 0.5, standard error
 * √(0.5 · 0.5 · (1/2 + 1/2)) = 0.5, z = (1 − 0) / 0.5 = 2, p = erfc (2/√2)
 * = 0.0455002638963584.
 */
static void
test_outcomes (Fixture       *fx,
               gconstpointer  data)
{
  OdStore *store = fx->store;
  g_autoptr(OdCustomer) customer = od_test_add_customer (store, "C", "Customer");
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(OdReportOutcomes) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = od_test_date ("2026-06-30");
  OdInvoice *a1, *a2, *b1, *b2, *x;
  OdReportOutcomeRow *row;
  OdReportOutcomeTest *test;
  char number[16];
  guint n;

  policy = od_policy_new_from_data (outcome_policy, -1, &error);
  g_assert_no_error (error);

  n = next_number (0, 0, number);
  a1 = od_test_add_invoice (store, customer, number, "2026-05-01", "2026-05-31", 10000, "EUR");
  n = next_number (0, n, number);
  a2 = od_test_add_invoice (store, customer, number, "2026-05-01", "2026-05-31", 10000, "EUR");
  n = next_number (1, 0, number);
  b1 = od_test_add_invoice (store, customer, number, "2026-05-01", "2026-05-31", 10000, "EUR");
  n = next_number (1, n, number);
  b2 = od_test_add_invoice (store, customer, number, "2026-05-01", "2026-05-31", 10000, "EUR");
  x = od_test_add_invoice (store, customer, "X-1", "2026-05-01", "2026-05-31", 10000, "EUR");

  taken (store, a1, "first-reminder", 0, "2026-06-01T08:00:00Z");
  taken (store, a2, "first-reminder", 0, "2026-06-01T08:00:00Z");
  taken (store, b1, "first-reminder", 0, "2026-06-01T08:00:00Z");
  taken (store, b1, "first-reminder", 1, "2026-06-08T08:00:00Z");
  taken (store, b2, "first-reminder", 0, "2026-06-01T08:00:00Z");
  taken (store, x, "first-reminder", 0, "2026-06-05T08:00:00Z");
  taken (store, a2, "final-notice", 0, "2026-06-05T08:00:00Z");
  taken (store, b2, "final-notice", 0, "2026-06-10T08:00:00Z");
  pay (store, a1, "2026-06-03", 10000, "transfer");
  pay (store, a2, "2026-06-09", 10000, "transfer");
  pay (store, b1, "2026-06-10", 4000, "transfer");
  pay (store, b1, "2026-06-20", 6000, "transfer");
  pay (store, x, "2026-06-02", 10000, "transfer");

  outcomes = od_report_outcomes_new (store, policy, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->rows->len, ==, 3);

  row = outcomes->rows->pdata[0];
  g_assert_cmpstr (row->step, ==, "first-reminder");
  g_assert_cmpuint (row->variant, ==, 0);
  g_assert_cmpstr (row->template_name, ==, "first-reminder");
  g_assert_cmpuint (row->n_invoices, ==, 2);
  g_assert_cmpuint (row->paid_3, ==, 1);
  g_assert_cmpuint (row->paid_7, ==, 1);
  g_assert_cmpuint (row->paid_14, ==, 2);
  g_assert_cmpuint (row->n_paid, ==, 2);
  g_assert_cmpfloat_with_epsilon (row->median_days, 5.0, 1e-9);

  row = outcomes->rows->pdata[1];
  g_assert_cmpstr (row->step, ==, "first-reminder");
  g_assert_cmpuint (row->variant, ==, 1);
  g_assert_cmpstr (row->template_name, ==, "first-reminder-b");
  g_assert_cmpuint (row->n_invoices, ==, 2);
  g_assert_cmpuint (row->paid_14, ==, 0);
  g_assert_cmpuint (row->n_paid, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->median_days, 19.0, 1e-9);

  row = outcomes->rows->pdata[2];
  g_assert_cmpstr (row->step, ==, "final-notice");
  g_assert_cmpuint (row->variant, ==, 0);
  g_assert_cmpuint (row->n_invoices, ==, 2);
  g_assert_cmpuint (row->paid_3, ==, 0);
  g_assert_cmpuint (row->paid_7, ==, 1);
  g_assert_cmpuint (row->n_paid, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->median_days, 4.0, 1e-9);

  g_assert_cmpuint (outcomes->tests->len, ==, 1);
  test = outcomes->tests->pdata[0];
  g_assert_cmpstr (test->step, ==, "first-reminder");
  g_assert_cmpfloat_with_epsilon (test->z, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (test->p_value, 0.0455002638963584, 1e-12);

  UNREF (a1);
  UNREF (a2);
  UNREF (b1);
  UNREF (b2);
  UNREF (x);
}

/*
 * 60 of 100 against 45 of 100: pooled p = 105/200 = 0.525, standard
 * error √(0.525 · 0.475 · (1/100 + 1/100)) = 0.0706223…, z = 0.15 / that
 * = 2.123976976214366, two-sided p = erfc (z/√2) = 0.03367206885634585
 * (worked by hand, checked with Python's math.erfc).
 */
static void
test_z_test (void)
{
  double p = 0;
  double z = od_report_two_proportion_z (60, 100, 45, 100, &p);

  g_assert_cmpfloat_with_epsilon (z, 2.123976976214366, 1e-12);
  g_assert_cmpfloat_with_epsilon (p, 0.03367206885634585, 1e-12);
  z = od_report_two_proportion_z (45, 100, 60, 100, &p);
  g_assert_cmpfloat_with_epsilon (z, -2.123976976214366, 1e-12);
  g_assert_cmpfloat_with_epsilon (p, 0.03367206885634585, 1e-12);
  /* Nothing to tell apart. */
  g_assert_cmpfloat (od_report_two_proportion_z (5, 5, 3, 3, &p), ==, 0.0);
  g_assert_cmpfloat (p, ==, 1.0);
  g_assert_cmpfloat (od_report_two_proportion_z (0, 0, 3, 9, &p), ==, 0.0);
  g_assert_cmpfloat (p, ==, 1.0);
}

/* The variant depends only on the number: these values are fixed forever
 * (computed once, independently, in Python), so no run, machine or
 * version flips an invoice to the other template. */
static void
test_variant_stable (void)
{
  static const guint expected[] = { 1, 1, 1, 1, 0, 0, 1, 1, 0, 1 };
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdPolicyStep) step = od_policy_step_new ("first-reminder");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint ones = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *number = g_strdup_printf ("INV-%04u", i + 1);

      g_assert_cmpuint (od_dunning_variant_for_number (number), ==, expected[i]);
      g_assert_cmpuint (od_dunning_variant_for_number (number), ==, expected[i]);
      g_assert_cmpuint (od_dunning_snapshot_add_invoice (snapshot, i + 1, number, 1)->variant,
                        ==, expected[i]);
    }

  /* Roughly half and half (502 of these 1000 exactly). */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *number = g_strdup_printf ("INV-%06u", i);

      ones += od_dunning_variant_for_number (number);
    }
  g_assert_cmpuint (ones, ==, 502);

  od_policy_step_set_template (step, "first-reminder; first-reminder-b");
  a = od_dunning_step_template (step, 0);
  b = od_dunning_step_template (step, 1);
  g_assert_cmpstr (a, ==, "first-reminder");
  g_assert_cmpstr (b, ==, "first-reminder-b");
  g_clear_pointer (&b, g_free);
  od_policy_step_set_template (step, "final-notice");
  b = od_dunning_step_template (step, 1);
  g_assert_cmpstr (b, ==, "final-notice");
}

/* The engine's actions carry their invoice's variant: INV-0001 is B and
 * INV-0005 is A (see test_variant_stable), on every step and repeat. */
static void
test_variant_in_plan (void)
{
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 7, 20, 12, 0, 0);
  g_autoptr(OdDunningPlan) plan = NULL;
  const char *numbers[] = { "INV-0001", "INV-0005" };
  guint seen[2] = { 0, 0 };

  od_dunning_snapshot_add_customer (snapshot, 1, "C", "Customer");
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_add_invoice (snapshot, i + 1, numbers[i], 1);

      invoice->issue_date = od_test_date ("2026-06-01");
      invoice->due_date = od_test_date ("2026-07-01");
      invoice->total = 100000;
    }
  plan = od_dunning_plan (snapshot, policy, utc, now);
  g_assert_cmpuint (plan->actions->len, >, 2);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      guint want = strcmp (action->invoice_number, "INV-0001") == 0 ? 1 : 0;

      g_assert_cmpuint (action->variant, ==, want);
      seen[want]++;
    }
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);
}

/* The customer page's row, read for that customer only, is the report's
 * row: every figure, the level and the reasons, for every customer of the
 * demo ledger, as of today and as of a date in the past. */
static void
test_risk_one_customer (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate dates[2] = { od_test_date ("2026-11-23"), od_test_date ("2026-08-31") };

  g_assert_true (od_demo_populate (fx->store, &dates[0], &error));
  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(OdReportRisk) report = od_report_risk_new (fx->store, &dates[d], &error);
      guint high = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (report->rows->len, >, 10);
      for (guint i = 0; i < report->rows->len; i++)
        {
          OdReportRiskRow *all = g_ptr_array_index (report->rows, i);
          OdReportRiskRow *one = od_report_risk_row_for_customer (fx->store, &dates[d],
                                                                  all->customer_id, &error);

          g_assert_no_error (error);
          g_assert_nonnull (one);
          g_assert_cmpint (one->customer_id, ==, all->customer_id);
          g_assert_cmpstr (one->customer_ref, ==, all->customer_ref);
          g_assert_cmpint (one->level, ==, all->level);
          g_assert_cmpuint (one->reasons->len, ==, all->reasons->len);
          for (guint r = 0; r < one->reasons->len; r++)
            g_assert_cmpstr (((OdRiskReason *) one->reasons->pdata[r])->text, ==,
                             ((OdRiskReason *) all->reasons->pdata[r])->text);
          g_assert_cmpuint (one->n_settled, ==, all->n_settled);
          g_assert_true ((isnan (one->avg_days_to_pay) && isnan (all->avg_days_to_pay)) ||
                        one->avg_days_to_pay == all->avg_days_to_pay);
          g_assert_true ((isnan (one->recent_days_beyond) && isnan (all->recent_days_beyond)) ||
                        one->recent_days_beyond == all->recent_days_beyond);
          g_assert_cmpint (one->on_time_bp, ==, all->on_time_bp);
          g_assert_cmpuint (one->n_past_due, ==, all->n_past_due);
          g_assert_cmpint (one->max_days_past_due, ==, all->max_days_past_due);
          g_assert_cmpuint (one->promises_due, ==, all->promises_due);
          g_assert_cmpuint (one->promises_kept, ==, all->promises_kept);
          g_assert_cmpuint (one->open_disputes, ==, all->open_disputes);
          g_assert_cmpint (one->credit_open, ==, all->credit_open);
          g_assert_cmpint (one->credit_use_bp, ==, all->credit_use_bp);
          high += all->level == OD_RISK_HIGH;
          od_report_risk_row_free (one);
        }
      /* Not a ledger of blank rows: the demo has paying and late customers. */
      if (d == 0)
        g_assert_cmpuint (high, >, 0);
    }
  /* Unknown: no row, no error. */
  g_assert_null (od_report_risk_row_for_customer (fx->store, &dates[0], 999999, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/od/reports-behaviour/risk", Fixture, NULL, fixture_set_up, test_risk, fixture_tear_down);
  g_test_add_func ("/od/reports-behaviour/risk-several", test_risk_several);
  g_test_add ("/od/reports-behaviour/risk-one-customer", Fixture, NULL, fixture_set_up,
              test_risk_one_customer, fixture_tear_down);
  g_test_add ("/od/reports-behaviour/outcomes", Fixture, NULL, fixture_set_up, test_outcomes, fixture_tear_down);
  g_test_add_func ("/od/reports-behaviour/z-test", test_z_test);
  g_test_add_func ("/od/reports-behaviour/variant-stable", test_variant_stable);
  g_test_add_func ("/od/reports-behaviour/variant-in-plan", test_variant_in_plan);

  return g_test_run ();
}
