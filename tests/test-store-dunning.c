/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *sqlite;
  OdStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sqlite = od_test_store_new (&f->tmpdir);
  f->store = OD_STORE (f->sqlite);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sqlite);
  od_test_tmpdir_free (g_steal_pointer (&f->tmpdir));
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (od_sqlite_store_get_path (f->sqlite), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
add_payment (Fixture    *f,
             OdInvoice  *invoice,
             const char *date,
             gint64      amount)
{
  g_autoptr(OdPayment) payment = od_payment_new ();
  g_autoptr(GError) error = NULL;
  GDate day = od_test_date (date);

  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, &day);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, od_invoice_get_currency (invoice));
  g_assert_true (od_store_insert_payment (f->store, payment, &error));
  g_assert_no_error (error);
}

static void
add_charge (Fixture      *f,
            OdInvoice    *invoice,
            OdChargeKind  kind,
            const char   *step,
            gint64        amount)
{
  g_autoptr(OdCharge) charge = od_charge_new ();
  g_autoptr(GError) error = NULL;
  GDate day = od_test_date ("2026-03-01");

  od_charge_set_invoice_id (charge, od_invoice_get_id (invoice));
  od_charge_set_kind (charge, kind);
  od_charge_set_date (charge, &day);
  od_charge_set_amount (charge, amount);
  od_charge_set_currency (charge, "EUR");
  od_charge_set_step (charge, step);
  g_assert_true (od_store_insert_charge (f->store, charge, &error));
  g_assert_no_error (error);
}

static void
add_contact (Fixture    *f,
             OdCustomer *customer,
             const char *email,
             const char *phone)
{
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(GError) error = NULL;

  od_contact_set_name (contact, "Accounts");
  od_contact_set_email (contact, email);
  od_contact_set_phone (contact, phone);
  od_customer_add_contact (customer, contact);
  g_assert_true (od_store_update_customer (f->store, customer, &error));
  g_assert_no_error (error);
}

static OdDunningInvoice *
find_in_snapshot (OdDunningSnapshot *snapshot,
                  const char        *number)
{
  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

      if (g_str_equal (invoice->number, number))
        return invoice;
    }
  return NULL;
}

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (iso, zone);
}

/* History */

static void
test_history_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "K1", "Kunde Eins");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, "R-1", "2026-01-05",
                                                      "2026-01-19", 10000, "EUR");
  g_autoptr(GDateTime) at = utc ("2026-01-20T09:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 id = od_invoice_get_id (invoice);

  g_assert_true (od_store_add_history (f->store, id, "first-reminder", 0,
                                       OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, at, &error));
  g_assert_no_error (error);

  /* Taken at most once, ever: whatever the state or channel says. */
  g_assert_false (od_store_add_history (f->store, id, "first-reminder", 0,
                                        OD_HISTORY_SUPERSEDED, OD_CHANNEL_LETTER, at, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "first-reminder"));
  g_clear_error (&error);

  /* A repeat is its own instance. */
  g_assert_true (od_store_add_history (f->store, id, "first-reminder", 1,
                                       OD_HISTORY_TAKEN, OD_CHANNEL_NONE, at, &error));
  g_assert_no_error (error);

  /* Inside a unit of work the duplicate fails alone; the rest commits. */
  g_assert_true (od_store_begin (f->store, &error));
  g_assert_true (od_store_add_history (f->store, id, "second-reminder", 0,
                                       OD_HISTORY_SUPERSEDED, OD_CHANNEL_EMAIL, at, &error));
  g_assert_false (od_store_add_history (f->store, id, "first-reminder", 1,
                                        OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, at, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (od_store_commit (f->store, &error));

  g_assert_false (od_store_add_history (f->store, 9999, "first-reminder", 0,
                                        OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, at, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM dunning_history"), ==, 3);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM dunning_history WHERE step = 'first-reminder'"
                               " AND repeat = 0 AND status = 'taken' AND channel = 'email'"
                               " AND at = '2026-01-20T09:00:00Z'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM dunning_history WHERE repeat = 1"
                               " AND channel IS NULL"), ==, 1);
}

/* Pauses */

static void
test_pauses_resolve (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "K1", "Kunde Eins");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, "R-1", "2026-01-05",
                                                      "2026-01-19", 10000, "EUR");
  g_autoptr(GPtrArray) pauses = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = od_invoice_get_id (invoice);
  GDate since = od_test_date ("2026-02-01");
  GDate until = od_test_date ("2026-03-01");
  OdDunningPause *pause;
  guint n = 99;

  g_assert_cmpint (od_store_insert_pause (f->store, id, OD_PAUSE_KIND_DISPUTE, &since, NULL,
                                          0, "Wrong quantity", &error), >, 0);
  g_assert_cmpint (od_store_insert_pause (f->store, id, OD_PAUSE_KIND_HOLD, &since, &until,
                                          0, "Owner on holiday", &error), >, 0);
  g_assert_no_error (error);

  pauses = od_store_list_pauses (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pauses->len, ==, 2);
  pause = g_ptr_array_index (pauses, 0);
  g_assert_cmpint (pause->kind, ==, OD_PAUSE_KIND_DISPUTE);
  g_assert_cmpstr (pause->reason, ==, "Wrong quantity");
  g_assert_false (g_date_valid (&pause->until));
  g_assert_false (pause->resolved);
  pause = g_ptr_array_index (pauses, 1);
  g_assert_cmpint (pause->kind, ==, OD_PAUSE_KIND_HOLD);
  g_assert_cmpint (g_date_compare (&pause->until, &until), ==, 0);
  g_clear_pointer (&pauses, g_ptr_array_unref);

  /* Resolving the dispute leaves the hold. */
  g_assert_true (od_store_resolve_pauses (f->store, id, OD_PAUSE_KIND_DISPUTE, FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  pauses = od_store_list_pauses (f->store, id, TRUE, &error);
  g_assert_cmpuint (pauses->len, ==, 1);
  g_assert_cmpint (((OdDunningPause *) g_ptr_array_index (pauses, 0))->kind, ==, OD_PAUSE_KIND_HOLD);
  g_clear_pointer (&pauses, g_ptr_array_unref);

  /* Resolving again finds nothing of that kind: not an error. */
  g_assert_true (od_store_resolve_pauses (f->store, id, OD_PAUSE_KIND_DISPUTE, FALSE, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (od_store_resolve_pauses (f->store, id, OD_PAUSE_KIND_DISPUTE, TRUE, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  pauses = od_store_list_pauses (f->store, id, TRUE, &error);
  g_assert_cmpuint (pauses->len, ==, 0);
  g_clear_pointer (&pauses, g_ptr_array_unref);

  /* Ended pauses stay on record. */
  pauses = od_store_list_pauses (f->store, id, FALSE, &error);
  g_assert_cmpuint (pauses->len, ==, 2);
  g_assert_true (((OdDunningPause *) g_ptr_array_index (pauses, 0))->resolved);
  g_assert_true (((OdDunningPause *) g_ptr_array_index (pauses, 1))->resolved);
  g_clear_pointer (&pauses, g_ptr_array_unref);

  g_assert_false (od_store_resolve_pauses (f->store, 9999, OD_PAUSE_KIND_HOLD, TRUE, &n, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (od_store_list_pauses (f->store, 9999, FALSE, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

/* Audit */

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "K1", "Kunde Eins");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, "R-1", "2026-01-05",
                                                      "2026-01-19", 10000, "EUR");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (od_store_add_audit (f->store, 0, od_invoice_get_id (invoice), "dispute",
                                     "Wrong quantity", &error));
  g_assert_true (od_store_add_audit (f->store, od_customer_get_id (customer), 0, "opt-out",
                                     "email", &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE customer_id = %" G_GINT64_FORMAT,
                         od_customer_get_id (customer));
  g_assert_cmpint (raw_int (f, sql), ==, 2);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM audit_log WHERE action = 'dispute'"
                               " AND detail = 'Wrong quantity' AND invoice_id IS NOT NULL"), ==, 1);

  g_assert_false (od_store_add_audit (f->store, 0, 9999, "hold", NULL, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

/* The snapshot */

static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OdCustomer) mail = od_test_add_customer (f->store, "MAIL", "Mail & Post GmbH");
  g_autoptr(OdCustomer) phone = od_test_add_customer (f->store, "PHONE", "Phone Only Ltd");
  g_autoptr(OdCustomer) settled = od_test_add_customer (f->store, "PAID", "Always Pays AG");
  g_autoptr(OdInvoice) m1 = NULL;
  g_autoptr(OdInvoice) m2 = NULL;
  g_autoptr(OdInvoice) p1 = NULL;
  g_autoptr(OdInvoice) s1 = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) at = utc ("2026-02-02T10:00:00Z");
  g_autoptr(GError) error = NULL;
  OdDunningInvoice *invoice;
  OdDunningCustomer *customer;
  OdDunningHistory *history;
  OdDunningPause *pause;
  GDate since = od_test_date ("2026-02-03");
  GDate first = od_test_date ("2026-03-01");

  od_customer_set_address (mail, "Hauptstraße 1");
  od_customer_set_city (mail, "Berlin");
  od_customer_set_postcode (mail, "10115");
  od_customer_set_time_zone (mail, "Europe/Berlin");
  od_customer_set_opted_out (mail, OD_CHANNEL_SMS);
  add_contact (f, mail, "ap@mail.example", NULL);
  /* No city: a letter cannot reach them. */
  od_customer_set_address (phone, "Somewhere 5");
  od_customer_set_do_not_chase (phone, TRUE);
  add_contact (f, phone, NULL, "+44 20 7946 0000");

  m1 = od_test_add_invoice (f->store, mail, "M-1", "2026-01-05", "2026-01-19", 10000, "EUR");
  m2 = od_test_add_invoice (f->store, mail, "M-2", "2026-01-06", "2026-01-20", 5000, "EUR");
  p1 = od_test_add_invoice (f->store, phone, "P-1", "2026-01-07", "2026-01-21", 30000, "GBP");
  s1 = od_test_add_invoice (f->store, settled, "S-1", "2026-01-08", "2026-01-22", 2000, "EUR");

  add_payment (f, m2, "2026-01-25", 5000);   /* paid in full: not read */
  add_payment (f, s1, "2026-01-10", 2000);   /* its customer has nothing open */
  add_payment (f, p1, "2026-01-28", 1000);
  add_payment (f, p1, "2026-01-26", 500);

  g_assert_true (od_store_add_history (f->store, od_invoice_get_id (m1), "first-reminder", 0,
                                       OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, at, &error));
  g_assert_true (od_store_add_history (f->store, od_invoice_get_id (m2), "first-reminder", 0,
                                       OD_HISTORY_TAKEN, OD_CHANNEL_EMAIL, at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_store_insert_pause (f->store, od_invoice_get_id (m1), OD_PAUSE_KIND_DISPUTE,
                                          &since, NULL, 0, "Wrong quantity", &error), >, 0);
  g_assert_cmpint (od_store_insert_pause (f->store, od_invoice_get_id (m1), OD_PAUSE_KIND_PROMISE,
                                          &since, &first, 4000, "Promised", &error), >, 0);
  g_assert_true (od_store_resolve_pauses (f->store, od_invoice_get_id (m1), OD_PAUSE_KIND_PROMISE,
                                          FALSE, NULL, &error));
  add_charge (f, m1, OD_CHARGE_KIND_LATE_FEE, "final-notice", 1500);
  add_charge (f, m1, OD_CHARGE_KIND_INTEREST, NULL, 123);
  add_charge (f, m1, OD_CHARGE_KIND_COMPENSATION, NULL, 4000);
  g_assert_cmpint (od_store_insert_payment_plan (f->store, od_invoice_get_id (p1), 3, 30,
                                                 &first, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(OdPolicy) own = od_policy_new_default ();

    od_policy_set_name (own, "Gentle");
    g_assert_true (od_store_set_policy (f->store, od_customer_get_id (phone), own, &error));
    g_assert_no_error (error);
  }

  snapshot = od_store_load_dunning_snapshot (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);

  /* Only the open invoices. */
  g_assert_cmpuint (od_dunning_snapshot_get_n_invoices (snapshot), ==, 2);
  g_assert_null (find_in_snapshot (snapshot, "M-2"));
  g_assert_null (find_in_snapshot (snapshot, "S-1"));
  g_assert_null (od_dunning_snapshot_get_customer (snapshot, od_customer_get_id (settled)));

  invoice = find_in_snapshot (snapshot, "M-1");
  g_assert_nonnull (invoice);
  g_assert_cmpint (invoice->customer_id, ==, od_customer_get_id (mail));
  g_assert_cmpint (invoice->total, ==, 10000);
  g_assert_cmpstr (invoice->currency, ==, "EUR");
  g_assert_cmpint (g_date_get_day (&invoice->due_date), ==, 19);
  g_assert_cmpint (g_date_get_day (&invoice->issue_date), ==, 5);
  g_assert_cmpint (invoice->status, ==, OD_INVOICE_STATUS_OPEN);
  g_assert_cmpuint (invoice->payments->len, ==, 0);
  g_assert_cmpuint (invoice->instalments->len, ==, 0);
  g_assert_false (invoice->plan_broken);
  g_assert_cmpint (invoice->fees_charged, ==, 1500);
  g_assert_true (invoice->compensation_charged);

  g_assert_cmpuint (invoice->history->len, ==, 1);
  history = g_ptr_array_index (invoice->history, 0);
  g_assert_cmpstr (history->step, ==, "first-reminder");
  g_assert_cmpuint (history->repeat, ==, 0);
  g_assert_cmpint (history->state, ==, OD_HISTORY_TAKEN);
  g_assert_cmpint (history->channel, ==, OD_CHANNEL_EMAIL);
  g_assert_true (g_date_time_equal (history->at, at));

  /* The active dispute and the ended promise. */
  g_assert_cmpuint (invoice->pauses->len, ==, 2);
  pause = g_ptr_array_index (invoice->pauses, 0);
  g_assert_cmpint (pause->kind, ==, OD_PAUSE_KIND_DISPUTE);
  g_assert_false (pause->resolved);
  g_assert_cmpstr (pause->reason, ==, "Wrong quantity");
  g_assert_cmpint (g_date_compare (&pause->since, &since), ==, 0);
  pause = g_ptr_array_index (invoice->pauses, 1);
  g_assert_cmpint (pause->kind, ==, OD_PAUSE_KIND_PROMISE);
  g_assert_true (pause->resolved);
  g_assert_cmpint (pause->promised_minor, ==, 4000);
  g_assert_cmpint (g_date_compare (&pause->until, &first), ==, 0);

  invoice = find_in_snapshot (snapshot, "P-1");
  g_assert_nonnull (invoice);
  g_assert_cmpstr (invoice->currency, ==, "GBP");
  g_assert_cmpuint (invoice->payments->len, ==, 2);
  g_assert_cmpint (od_dunning_invoice_get_paid (invoice), ==, 1500);
  g_assert_cmpint (invoice->fees_charged, ==, 0);
  g_assert_false (invoice->compensation_charged);
  g_assert_cmpuint (invoice->history->len, ==, 0);
  g_assert_cmpuint (invoice->instalments->len, ==, 3);
  {
    OdDunningInstalment *one = &g_array_index (invoice->instalments, OdDunningInstalment, 0);
    OdDunningInstalment *three = &g_array_index (invoice->instalments, OdDunningInstalment, 2);

    g_assert_cmpint (g_date_compare (&one->due_date, &first), ==, 0);
    g_assert_cmpint (one->amount, ==, 9500);
    g_assert_cmpint (three->amount, ==, 28500 - 2 * 9500);
    g_assert_cmpint (g_date_get_month (&three->due_date), ==, 4);
    g_assert_cmpint (g_date_get_day (&three->due_date), ==, 30);
  }

  /* Customers: flags, zone and the channels their contact data reaches. */
  customer = od_dunning_snapshot_get_customer (snapshot, od_customer_get_id (mail));
  g_assert_nonnull (customer);
  g_assert_cmpstr (customer->ref, ==, "MAIL");
  g_assert_cmpstr (customer->name, ==, "Mail & Post GmbH");
  g_assert_cmpstr (customer->time_zone, ==, "Europe/Berlin");
  g_assert_false (customer->do_not_chase);
  g_assert_cmpint (customer->opted_out, ==, OD_CHANNEL_SMS);
  g_assert_cmpint (customer->reachable, ==, OD_CHANNEL_EMAIL | OD_CHANNEL_LETTER);
  g_assert_null (customer->policy);

  customer = od_dunning_snapshot_get_customer (snapshot, od_customer_get_id (phone));
  g_assert_nonnull (customer);
  g_assert_null (customer->time_zone);
  g_assert_true (customer->do_not_chase);
  g_assert_cmpint (customer->opted_out, ==, OD_CHANNEL_NONE);
  g_assert_cmpint (customer->reachable, ==, OD_CHANNEL_SMS | OD_CHANNEL_CALL);
  g_assert_nonnull (customer->policy);
  g_assert_cmpstr (od_policy_get_name (customer->policy), ==, "Gentle");
}

static void
test_snapshot_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = od_store_load_dunning_snapshot (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_dunning_snapshot_get_n_invoices (snapshot), ==, 0);
}

/* The plan of one invoice from its own snapshot is the full snapshot's
 * plan for it; an invoice that is not open gives an empty snapshot. */
static void
plan_one (OdStore       *store,
          const char    *number,
          OdDunningPlan *full,
          OdPolicy      *policy,
          GTimeZone     *zone,
          GDateTime     *now)
{
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdDunningSnapshot) one = NULL;
  g_autoptr(GError) error = NULL;
  OdDunningPlan *plan;
  guint n = 0;

  invoice = od_store_find_invoice (store, number, &error);
  g_assert_no_error (error);
  one = od_store_load_dunning_snapshot_for_invoice (store, od_invoice_get_id (invoice), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_dunning_snapshot_get_n_invoices (one), ==, 1);
  g_assert_cmpstr (od_dunning_snapshot_get_invoice (one, 0)->number, ==, number);

  plan = od_dunning_plan_full (one, policy, zone, now, OD_DUNNING_WHOLE_DAY);
  for (guint i = 0; i < full->actions->len; i++)
    {
      OdDunningAction *want = g_ptr_array_index (full->actions, i);
      OdDunningAction *got;

      if (want->invoice_id != od_invoice_get_id (invoice))
        continue;
      g_assert_cmpuint (n, <, plan->actions->len);
      got = g_ptr_array_index (plan->actions, n++);
      g_assert_cmpint (got->invoice_id, ==, want->invoice_id);
      g_assert_cmpint (got->customer_id, ==, want->customer_id);
      g_assert_cmpstr (got->step, ==, want->step);
      g_assert_cmpuint (got->repeat, ==, want->repeat);
      g_assert_cmpint (got->channel, ==, want->channel);
      g_assert_true ((got->at == NULL) == (want->at == NULL));
      g_assert_true (got->at == NULL || g_date_time_equal (got->at, want->at));
      g_assert_cmpint (got->amount_due, ==, want->amount_due);
      g_assert_cmpint (got->fee, ==, want->fee);
      g_assert_cmpint (got->interest, ==, want->interest);
      g_assert_cmpint (got->compensation, ==, want->compensation);
      g_assert_cmpint (got->status, ==, want->status);
      g_assert_cmpstr (got->reason, ==, want->reason);
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, plan->actions->len);
  od_dunning_plan_free (plan);
}

static void
test_snapshot_for_invoice (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(OdDunningSnapshot) full = NULL;
  g_autoptr(OdDunningSnapshot) paid = NULL;
  g_autoptr(OdInvoice) m2 = NULL;
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  OdDunningPlan *plan;

  test_snapshot (f, data);
  full = od_store_load_dunning_snapshot (f->store, &error);
  g_assert_no_error (error);
  plan = od_dunning_plan_full (full, policy, zone, now, OD_DUNNING_WHOLE_DAY);
  plan_one (f->store, "M-1", plan, policy, zone, now);
  plan_one (f->store, "P-1", plan, policy, zone, now);
  od_dunning_plan_free (plan);

  m2 = od_store_find_invoice (f->store, "M-2", &error);
  g_assert_no_error (error);
  paid = od_store_load_dunning_snapshot_for_invoice (f->store, od_invoice_get_id (m2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_dunning_snapshot_get_n_invoices (paid), ==, 0);
  g_assert_null (od_dunning_snapshot_get_customer (paid, od_invoice_get_customer_id (m2)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/od/store-dunning/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("history-once", test_history_once);
  ADD ("pauses-resolve", test_pauses_resolve);
  ADD ("audit", test_audit);
  ADD ("snapshot", test_snapshot);
  ADD ("snapshot-empty", test_snapshot_empty);
  ADD ("snapshot-for-invoice", test_snapshot_for_invoice);

#undef ADD

  return g_test_run ();
}
