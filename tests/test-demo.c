/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-demo.h"
#include "od-date.h"
#include "od-dunning.h"
#include "od-outbox-row.h"
#include "od-test-util.h"

#include <sqlite3.h>

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
} Ledger;

static Ledger *
ledger_new (const char *today_iso)
{
  g_autoptr(GError) error = NULL;
  Ledger *ledger = g_new0 (Ledger, 1);
  GDate today = od_test_date (today_iso);

  ledger->store = od_test_store_new (&ledger->tmpdir);
  g_assert_true (od_demo_populate (OD_STORE (ledger->store), &today, &error));
  g_assert_no_error (error);

  return ledger;
}

static void
ledger_free (Ledger *ledger)
{
  g_clear_object (&ledger->store);
  od_test_tmpdir_free (ledger->tmpdir);
  g_free (ledger);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ledger, ledger_free)

/* Everything a ledger exports, one line per row, in store order. */
static gboolean
dump_customer (OdCustomer  *customer,
               gpointer     user_data,
               GError     **error)
{
  GListModel *contacts = od_customer_get_contacts (customer);

  g_string_append_printf (user_data, "C %s|%s|%s|%s|%d|%u|%u\n",
                          od_customer_get_ref (customer),
                          od_customer_get_name (customer),
                          od_customer_get_city (customer),
                          od_customer_get_country (customer),
                          od_customer_get_do_not_chase (customer),
                          (guint) od_customer_get_opted_out (customer),
                          g_list_model_get_n_items (contacts));
  return TRUE;
}

static gboolean
dump_invoice (OdInvoice  *invoice,
              gpointer    user_data,
              GError    **error)
{
  g_autofree char *issue = od_date_to_iso (od_invoice_get_issue_date (invoice));
  g_autofree char *due = od_date_to_iso (od_invoice_get_due_date (invoice));

  g_string_append_printf (user_data,
                          "I %s|%" G_GINT64_FORMAT "|%s|%s|%s|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%d\n",
                          od_invoice_get_number (invoice),
                          od_invoice_get_customer_id (invoice),
                          issue, due,
                          od_invoice_get_currency (invoice),
                          od_invoice_get_total (invoice),
                          od_invoice_get_paid (invoice),
                          (int) od_invoice_get_status (invoice));
  return TRUE;
}

static gboolean
dump_payment (OdPayment  *payment,
              gpointer    user_data,
              GError    **error)
{
  g_autofree char *date = od_date_to_iso (od_payment_get_date (payment));

  g_string_append_printf (user_data, "P %" G_GINT64_FORMAT "|%s|%"
                          G_GINT64_FORMAT "|%s|%s\n",
                          od_payment_get_invoice_id (payment),
                          date,
                          od_payment_get_amount (payment),
                          od_payment_get_method (payment),
                          od_payment_get_reference (payment));
  return TRUE;
}

static char *
ledger_dump (Ledger *ledger)
{
  g_autoptr(GError) error = NULL;
  OdStore *store = OD_STORE (ledger->store);
  GString *dump = g_string_new (NULL);

  g_assert_true (od_store_foreach_customer (store, dump_customer, dump, &error));
  g_assert_true (od_store_foreach_invoice (store, dump_invoice, dump, &error));
  g_assert_true (od_store_foreach_payment (store, dump_payment, dump, &error));
  g_assert_no_error (error);

  return g_string_free (dump, FALSE);
}

static gint64
count_rows (Ledger     *ledger,
            const char *sql)
{
  const char *path = od_sqlite_store_get_path (ledger->store);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
test_counts (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2025-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) business = NULL;
  OdStore *store = OD_STORE (ledger->store);
  OdCustomerQuery customers = { NULL, TRUE };
  OdInvoiceQuery all = { 0, };
  OdInvoiceQuery paid = { 0, };
  OdInvoiceQuery overdue = { 0, };
  gint64 n_customers;
  gint64 n_invoices;
  gint64 n_paid;
  gint64 n_overdue;

  n_customers = od_store_count_customers (store, &customers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_customers, >=, 35);
  g_assert_cmpint (n_customers, <=, 45);

  all.filter = OD_INVOICE_FILTER_ALL;
  g_date_clear (&all.today, 1);
  n_invoices = od_store_count_invoices (store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_invoices, >=, 280);
  g_assert_cmpint (n_invoices, <=, 320);

  /* Most customers pay. */
  paid.filter = OD_INVOICE_FILTER_PAID;
  g_date_clear (&paid.today, 1);
  n_paid = od_store_count_invoices (store, &paid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_paid, >, n_invoices * 7 / 10);

  overdue.filter = OD_INVOICE_FILTER_OVERDUE;
  overdue.today = od_test_date ("2025-06-15");
  n_overdue = od_store_count_invoices (store, &overdue, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_overdue, >=, 15);

  business = od_store_get_business (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_business_get_currency (business), ==, "EUR");
  g_assert_cmpstr (od_business_get_time_zone (business), ==, "Europe/Berlin");
  g_assert_true (od_iban_is_valid (od_business_get_iban (business)));
  g_assert_true (od_business_validate (business, NULL));

  /* One of each special case. */
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM pauses WHERE kind = 'dispute'"), ==, 1);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM pauses WHERE kind = 'promise'"), ==, 1);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM payment_plans"), ==, 1);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM instalments"), ==, 3);
  g_assert_cmpint (count_rows (ledger, "SELECT count(*) FROM customers WHERE do_not_chase"), ==, 1);
}

typedef struct
{
  GDate today;
  guint bands[7];
  guint partly_paid;
  guint late;
  guint non_ascii_names;
} Census;

static guint
band_for (gint days_overdue)
{
  if (days_overdue < -3)
    return 0;          /* not yet due */
  if (days_overdue < 0)
    return 1;          /* due in 1-3 days */
  if (days_overdue <= 5)
    return 2;          /* includes due today */
  if (days_overdue <= 10)
    return 3;
  if (days_overdue <= 29)
    return 4;
  if (days_overdue <= 59)
    return 5;
  return 6;
}

static gboolean
census_invoice (OdInvoice  *invoice,
                gpointer    user_data,
                GError    **error)
{
  Census *census = user_data;

  if (od_invoice_get_status (invoice) != OD_INVOICE_STATUS_OPEN)
    return TRUE;

  census->bands[band_for (od_invoice_days_overdue (invoice, &census->today))]++;
  if (od_invoice_get_paid (invoice) > 0)
    census->partly_paid++;

  return TRUE;
}

static void
test_bands (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2025-03-01");
  g_autoptr(GError) error = NULL;
  Census census = { 0, };

  census.today = od_test_date ("2025-03-01");
  g_assert_true (od_store_foreach_invoice (OD_STORE (ledger->store),
                                           census_invoice, &census, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (census.bands); i++)
    {
      g_test_message ("band %u: %u open invoices", i, census.bands[i]);
      g_assert_cmpuint (census.bands[i], >=, 1);
    }
  g_assert_cmpuint (census.partly_paid, >=, 2);
}

static gboolean
check_customer (OdCustomer  *customer,
                gpointer     user_data,
                GError     **error)
{
  Census *census = user_data;
  const char *name = od_customer_get_name (customer);

  g_assert_true (od_customer_validate (customer, NULL));
  g_assert_nonnull (od_customer_get_contact_for_role (customer,
                                                      OD_CONTACT_ROLE_BILLING));
  if (!g_str_is_ascii (name))
    census->non_ascii_names++;

  return TRUE;
}

static void
test_customers (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2024-02-29");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCustomer) first = NULL;
  Census census = { 0, };

  g_assert_true (od_store_foreach_customer (OD_STORE (ledger->store),
                                            check_customer, &census, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (census.non_ascii_names, >=, 3);

  first = od_store_find_customer (OD_STORE (ledger->store), "C001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
}

/* The demo looks like a business that has used Overdue for months: the
 * overdue invoices have their reminders behind them, so the first morning
 * shows that day's work, not a catch-up over the whole ledger. */
static void
test_history (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2026-11-23");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) end = g_date_time_new (zone, 2026, 11, 23, 23, 59, 59);
  guint due = 0, review = 0, superseded = 0, taken = 0;

  snapshot = od_store_load_dunning_snapshot (OD_STORE (ledger->store), &error);
  g_assert_no_error (error);
  policy = od_store_get_effective_policy (OD_STORE (ledger->store), 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

      for (guint j = 0; j < invoice->history->len; j++)
        {
          OdDunningHistory *entry = g_ptr_array_index (invoice->history, j);

          taken += entry->state == OD_HISTORY_TAKEN;
          /* Nothing was taken on or after the demo's today. */
          g_assert_cmpint (g_date_time_get_year (entry->at) * 10000 +
                           g_date_time_get_month (entry->at) * 100 +
                           g_date_time_get_day_of_month (entry->at), <, 20261123);
        }
    }
  g_assert_cmpuint (taken, >, 20);

  plan = od_dunning_plan_full (snapshot, policy, zone, end, OD_DUNNING_WHOLE_DAY);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      due += action->status == OD_ACTION_DUE;
      review += action->status == OD_ACTION_AWAITING_REVIEW;
      superseded += action->status == OD_ACTION_SUPERSEDED;
    }
  g_assert_cmpuint (due, >, 0);
  g_assert_cmpuint (review, >, 0);
  g_assert_cmpuint (superseded, ==, 0);
}

static void
test_deterministic (void)
{
  g_autoptr(Ledger) a = ledger_new ("2025-01-31");
  g_autoptr(Ledger) b = ledger_new ("2025-01-31");
  g_autoptr(Ledger) c = ledger_new ("2025-02-01");
  g_autofree char *dump_a = ledger_dump (a);
  g_autofree char *dump_b = ledger_dump (b);
  g_autofree char *dump_c = ledger_dump (c);

  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  /* Dates follow today. */
  g_assert_cmpstr (dump_a, !=, dump_c);
}

static void
test_refuses_nonempty (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2025-06-15");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ledger_dump (ledger);
  g_autofree char *after = NULL;
  GDate today = od_test_date ("2025-06-16");

  g_assert_false (od_demo_populate (OD_STORE (ledger->store), &today, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);

  after = ledger_dump (ledger);
  g_assert_cmpstr (before, ==, after);
}

/* This morning's run: something for every page of the window to show,
 * nothing really sent, and a second run adds nothing. */
static void
test_run_today (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("2026-11-23");
  OdStore *store = OD_STORE (ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate today = od_test_date ("2026-11-23");
  OdOutboxCounts counts = { { 0, }, };
  guint sent = 0;

  rows = od_store_outbox_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (od_demo_run_today (store, &today, &error));
  g_assert_no_error (error);
  g_assert_true (od_store_outbox_count (store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_AWAITING_REVIEW], >, 0);
  rows = od_store_outbox_list (store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->state == OD_OUTBOX_STATE_SENT && row->channel == OD_CHANNEL_EMAIL)
        {
          /* Kept on the machine: the demo's customers are made up. */
          g_assert_true (row->demo);
          sent++;
        }
    }
  g_assert_cmpuint (sent, >, 0);

  g_assert_true (od_demo_run_today (store, &today, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = od_store_outbox_list (store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, rows->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/demo/counts", test_counts);
  g_test_add_func ("/od/demo/bands", test_bands);
  g_test_add_func ("/od/demo/customers", test_customers);
  g_test_add_func ("/od/demo/history", test_history);
  g_test_add_func ("/od/demo/deterministic", test_deterministic);
  g_test_add_func ("/od/demo/refuses-nonempty", test_refuses_nonempty);
  g_test_add_func ("/od/demo/run-today", test_run_today);

  return g_test_run ();
}
