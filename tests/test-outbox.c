/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "od-demo-deliverer.h"
#include "od-manual-deliverer.h"
#include "od-outbox.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdCustomer    *customer;
  OdInvoice     *invoice;
  OdInvoice     *other;
} Fixture;

#define ME "me"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = od_test_store_new (&f->tmpdir);
  f->customer = od_test_add_customer (OD_STORE (f->store), "C1", "Kiosk Müller");
  f->invoice = od_test_add_invoice (OD_STORE (f->store), f->customer, "INV-1",
                                    "2026-01-01", "2026-01-31", 10000, "EUR");
  f->other = od_test_add_invoice (OD_STORE (f->store), f->customer, "INV-2",
                                  "2026-01-05", "2026-02-04", 5000, "EUR");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->invoice);
  g_clear_object (&f->other);
  g_clear_object (&f->customer);
  g_clear_object (&f->store);
  od_test_tmpdir_free (g_steal_pointer (&f->tmpdir));
}

static OdStore *
store (Fixture *f)
{
  return OD_STORE (f->store);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (od_sqlite_store_get_path (f->store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GDateTime *
at (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *when = g_date_time_new_from_iso8601 (iso, utc);

  g_assert_nonnull (when);
  return when;
}

/* A message about @invoice's @step (repeat 0) with a fee of @fee. */
static OdOutboxEntry *
entry_for (OdInvoice     *invoice,
           const char    *step,
           OdChannel      channel,
           OdOutboxState  state,
           gint64         fee,
           gint64         compensation)
{
  g_autoptr(GDateTime) when = at ("2026-03-02T09:00:00Z");
  OdOutboxEntry *entry = od_outbox_entry_new (od_invoice_get_customer_id (invoice), channel, state);
  OdOutboxItem *item = od_outbox_item_new (od_invoice_get_id (invoice), step, 0, when);

  memcpy (item->currency, "EUR", 4);
  item->fee = fee;
  item->compensation = compensation;
  g_ptr_array_add (entry->items, item);
  entry->step = g_strdup (step);
  entry->payload = g_strdup ("{\"subject\":\"Overdue\",\"body\":\"Please pay.\"}");
  return entry;
}

static guint
enqueue (Fixture       *f,
         OdOutboxEntry *entry)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_entry_free);
  g_autoptr(GDateTime) now = at ("2026-03-02T09:00:00Z");
  g_autoptr(GError) error = NULL;
  guint added = 99;

  g_ptr_array_add (entries, entry);
  g_assert_true (od_store_outbox_enqueue (store (f), entries, NULL, now, &added, &error));
  g_assert_no_error (error);
  return added;
}

static GPtrArray *
claim (Fixture    *f,
       const char *owner,
       const char *when)
{
  g_autoptr(GDateTime) now = at (when);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = od_store_outbox_claim (store (f), owner, now, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static OdOutboxRow *
get_row (Fixture *f,
         gint64   id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = od_store_outbox_list (store (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_ptr_array_steal_index (rows, 0);
}

static void
finish (Fixture           *f,
        gint64             id,
        OdDeliveryOutcome  outcome,
        const char        *when)
{
  g_autoptr(GDateTime) now = at (when);
  g_autoptr(GError) error = NULL;

  g_assert_true (od_store_outbox_finish (store (f), id, ME, outcome, FALSE, "<m@x>",
                                         outcome == OD_DELIVERY_SENT ? NULL : "421 try later",
                                         now, &error));
  g_assert_no_error (error);
}

static void
decide (Fixture          *f,
        gint64            id,
        OdOutboxDecision  decision,
        gboolean          allowed)
{
  g_autoptr(GDateTime) now = at ("2026-03-03T09:00:00Z");
  g_autoptr(GError) error = NULL;
  gboolean ok = od_store_outbox_decide (store (f), id, decision, NULL, now, &error);

  if (allowed)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED);
      g_assert_false (ok);
    }
}

/* Enqueueing records the step as taken, linked to the row, and charges
 * the fee and the compensation once; the same entry again adds nothing. */
static void
test_enqueue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(OdOutboxRow) row = NULL;

  g_assert_cmpuint (enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL,
                                           OD_OUTBOX_STATE_QUEUED, 500, 4000)), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'queued'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dunning_history WHERE status = 'taken'"
                                 " AND outbox_id = (SELECT id FROM outbox)"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT sum(amount_minor) FROM charges WHERE kind = 'late-fee'"), ==, 500);
  g_assert_cmpint (query_int (f, "SELECT sum(amount_minor) FROM charges WHERE kind = 'compensation'"), ==, 4000);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox_invoices"), ==, 1);

  /* Idempotent: the same message, or any message taking the same step. */
  g_assert_cmpuint (enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL,
                                           OD_OUTBOX_STATE_QUEUED, 500, 4000)), ==, 0);
  g_assert_cmpuint (enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_LETTER,
                                           OD_OUTBOX_STATE_QUEUED, 500, 4000)), ==, 0);
  /* A later step charges its own fee but the compensation only once. */
  g_assert_cmpuint (enqueue (f, entry_for (f->invoice, "final", OD_CHANNEL_EMAIL,
                                           OD_OUTBOX_STATE_QUEUED, 700, 4000)), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT sum(amount_minor) FROM charges WHERE kind = 'late-fee'"), ==, 1200);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM charges WHERE kind = 'compensation'"), ==, 1);

  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (row->customer_ref, ==, "C1");
  g_assert_cmpstr (row->invoices[0], ==, "INV-1");
  g_assert_null (row->invoices[1]);
  g_assert_true (g_str_has_prefix (row->idempotency_key, "email-"));
}

/* queued -> sending -> sent, logged; nothing is claimed twice. */
static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(OdOutboxRow) row = NULL;
  g_autoptr(GDateTime) now = at ("2026-03-02T09:01:00Z");
  g_autoptr(GError) error = NULL;

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 1);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_SENDING);
  g_assert_cmpstr (row->claim_owner, ==, ME);
  g_assert_cmpuint (row->attempts, ==, 1);

  /* A second sender (alive: it is this process) finds nothing. */
  again = claim (f, od_outbox_owner_self (), "2026-03-02T09:00:30Z");
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_SENDING);

  /* Only the claimer may finish it. */
  g_assert_false (od_store_outbox_finish (store (f), 1, "someone else", OD_DELIVERY_SENT,
                                          FALSE, NULL, NULL, now, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);

  finish (f, 1, OD_DELIVERY_SENT, "2026-03-02T09:01:00Z");
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_SENT);
  g_assert_cmpstr (row->message_id, ==, "<m@x>");
  g_assert_nonnull (row->sent_at);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM communications WHERE outbox_id = 1"
                                 " AND outcome = 'sent'"), ==, 1);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = claim (f, ME, "2026-03-09T09:00:00Z");
  g_assert_cmpuint (again->len, ==, 0);
  /* Sent is final. */
  decide (f, 1, OD_OUTBOX_RETRY, FALSE);
  decide (f, 1, OD_OUTBOX_CANCEL, FALSE);
}

/* Temporary failures wait 1, 5, 30 minutes, then an hour each time,
 * and give up after 72 hours; the settings change both. */
static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  static const int waits[] = { 1, 5, 30, 60, 60 };
  g_autoptr(GDateTime) now = at ("2026-03-02T09:00:00Z");
  guint tries = 0;

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));

  for (;;)
    {
      g_autofree char *when = g_date_time_format_iso8601 (now);
      g_autoptr(GPtrArray) rows = claim (f, ME, when);
      g_autoptr(OdOutboxRow) row = NULL;
      g_autoptr(GDateTime) early = NULL;
      g_autofree char *early_text = NULL;
      GTimeSpan wait;

      g_assert_cmpuint (rows->len, ==, 1);
      finish (f, 1, OD_DELIVERY_TEMPORARY, when);
      tries++;
      row = get_row (f, 1);
      g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_FAILED);
      g_assert_cmpstr (row->last_error, !=, NULL);
      if (row->permanent)
        {
          g_assert_null (row->next_attempt_at);
          g_assert_nonnull (strstr (row->last_error, "gave up after 72 hours"));
          break;
        }
      wait = g_date_time_difference (row->next_attempt_at, now);
      if (tries <= G_N_ELEMENTS (waits))
        g_assert_cmpint (wait, ==, waits[tries - 1] * G_TIME_SPAN_MINUTE);
      else
        g_assert_cmpint (wait, ==, 60 * G_TIME_SPAN_MINUTE);

      /* Not a second early. */
      early = g_date_time_add_seconds (row->next_attempt_at, -1);
      early_text = g_date_time_format_iso8601 (early);
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = claim (f, ME, early_text);
      g_assert_cmpuint (rows->len, ==, 0);

      g_date_time_unref (now);
      now = g_date_time_ref (row->next_attempt_at);
      g_assert_cmpuint (tries, <, 100);
    }
  /* At 0, 1, 6 and 36 minutes, then hourly: the 75th try, at 71 h 36 min,
   * would wait past 72 hours, so it is the last. */
  g_assert_cmpuint (tries, ==, 75);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM communications WHERE outbox_id = 1"
                                 " AND outcome = 'failed'"), ==, 75);

  /* The owner may try once more. */
  decide (f, 1, OD_OUTBOX_RETRY, TRUE);
  g_assert_cmpint (query_int (f, "SELECT state = 'queued' FROM outbox WHERE id = 1"), ==, 1);
}

static void
test_schedule_settings (void)
{
  g_autoptr(OdOutboxSchedule) schedule = NULL;
  g_autoptr(GDateTime) first = at ("2026-03-02T09:00:00Z");
  g_autoptr(GDateTime) now = at ("2026-03-02T10:00:00Z");
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;

  schedule = od_outbox_schedule_parse ("2, 10", "2", "5", &error);
  g_assert_no_error (error);
  next = od_outbox_schedule_next (schedule, 1, first, now);
  g_assert_cmpint (g_date_time_difference (next, now), ==, 2 * G_TIME_SPAN_MINUTE);
  g_clear_pointer (&next, g_date_time_unref);
  next = od_outbox_schedule_next (schedule, 7, first, now);
  g_assert_cmpint (g_date_time_difference (next, now), ==, 10 * G_TIME_SPAN_MINUTE);
  g_clear_pointer (&next, g_date_time_unref);
  g_date_time_unref (now);
  now = at ("2026-03-02T10:55:00Z");
  g_assert_null (od_outbox_schedule_next (schedule, 7, first, now));
  g_assert_cmpuint (schedule->lease_minutes, ==, 5);

  g_clear_pointer (&schedule, od_outbox_schedule_free);
  schedule = od_outbox_schedule_parse ("1,x", NULL, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, OD_OUTBOX_SETTING_RETRY));
}

static void
test_permanent_and_unknown (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(OdOutboxRow) row = NULL;

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  enqueue (f, entry_for (f->other, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 2);
  finish (f, 1, OD_DELIVERY_PERMANENT, "2026-03-02T09:00:01Z");
  finish (f, 2, OD_DELIVERY_UNKNOWN, "2026-03-02T09:00:02Z");

  later = claim (f, ME, "2026-03-05T09:00:00Z");
  g_assert_cmpuint (later->len, ==, 0);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_FAILED);
  g_assert_true (row->permanent);
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 2);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_UNKNOWN);

  /* The owner decides: it did arrive; the other did not. */
  decide (f, 1, OD_OUTBOX_MARK_SENT, FALSE);
  decide (f, 2, OD_OUTBOX_MARK_SENT, TRUE);
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 2);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_SENT);
  decide (f, 2, OD_OUTBOX_MARK_FAILED, FALSE);
}

/* A sender that died mid-send leaves its rows 'unknown', never re-sent;
 * a claim from another machine holds until its lease runs out. */
static void
test_abandoned (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GStrv) self = g_strsplit (od_outbox_owner_self (), " ", 4);
  g_autofree char *dead = g_strdup_printf ("%s %s 999999999 1", self[0], self[1]);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(OdOutboxRow) row = NULL;

  g_assert_true (od_outbox_owner_is_alive (od_outbox_owner_self ()));
  g_assert_false (od_outbox_owner_is_alive (dead));
  g_assert_true (od_outbox_owner_is_alive ("elsewhere.example boot 1 1"));

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  enqueue (f, entry_for (f->other, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  rows = claim (f, dead, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* Row 2 was claimed by another machine. */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (od_sqlite_store_get_path (f->store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE outbox SET claim_owner = 'elsewhere.example b 7 7'"
                                       " WHERE id = 2", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  rows = claim (f, ME, "2026-03-02T09:01:00Z");
  g_assert_cmpuint (rows->len, ==, 0);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_UNKNOWN);
  g_assert_nonnull (row->last_error);
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 2);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_SENDING);

  /* 15 minutes (the default lease) later it is given up on too. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = claim (f, ME, "2026-03-02T09:16:00Z");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 2);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_UNKNOWN);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM communications WHERE outcome = 'other'"), ==, 2);

  /* The late sender cannot finish what it lost. */
  {
    g_autoptr(GDateTime) now = at ("2026-03-02T09:17:00Z");
    g_autoptr(GError) error = NULL;

    g_assert_false (od_store_outbox_finish (store (f), 1, dead, OD_DELIVERY_SENT, FALSE,
                                            NULL, NULL, now, &error));
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  }
  /* The owner may send it again on purpose. */
  decide (f, 1, OD_OUTBOX_RETRY, TRUE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = claim (f, ME, "2026-03-02T09:20:00Z");
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  enqueue (f, entry_for (f->invoice, "demand", OD_CHANNEL_LETTER,
                         OD_OUTBOX_STATE_AWAITING_REVIEW, 1500, 0));
  enqueue (f, entry_for (f->other, "demand", OD_CHANNEL_LETTER,
                         OD_OUTBOX_STATE_AWAITING_REVIEW, 1500, 0));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM charges WHERE kind = 'late-fee'"), ==, 2);
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 0);

  decide (f, 1, OD_OUTBOX_MARK_SENT, FALSE);
  decide (f, 1, OD_OUTBOX_APPROVE, TRUE);
  decide (f, 2, OD_OUTBOX_SKIP, TRUE);
  decide (f, 2, OD_OUTBOX_APPROVE, FALSE);
  /* Skipped: never sent, the engine passes it over, its fee taken back. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE id = 2 AND state = 'cancelled'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT status = 'skipped' FROM dunning_history WHERE outbox_id = 2"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM charges WHERE kind = 'late-fee'"), ==, 1);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((OdOutboxRow *) g_ptr_array_index (rows, 0))->id, ==, 1);
}

static void
add_payment (Fixture   *f,
             OdInvoice *invoice,
             gint64     amount)
{
  g_autoptr(OdPayment) payment = od_payment_new ();
  g_autoptr(GError) error = NULL;
  GDate day = od_test_date ("2026-03-02");

  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, &day);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, "EUR");
  g_assert_true (od_store_insert_payment (store (f), payment, &error));
  g_assert_no_error (error);
}

/* A payment in full cancels what waits about the invoice, at once; a
 * part payment does not. */
static void
test_payment_cancels (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(OdOutboxRow) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  enqueue (f, entry_for (f->other, "demand", OD_CHANNEL_LETTER, OD_OUTBOX_STATE_AWAITING_REVIEW, 0, 0));
  add_payment (f, f->invoice, 4000);
  g_assert_cmpint (query_int (f, "SELECT state = 'queued' FROM outbox WHERE id = 1"), ==, 1);
  add_payment (f, f->invoice, 6000);
  add_payment (f, f->other, 5000);
  row = get_row (f, 1);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_CANCELLED);
  g_assert_nonnull (strstr (row->last_error, "paid"));
  g_clear_pointer (&row, od_outbox_row_free);
  row = get_row (f, 2);
  g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_CANCELLED);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM dunning_history WHERE status = 'skipped'"), ==, 2);
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The claim checks again: settled (here marked paid behind the store's
 * back, so the trigger did not see it), paused, opted out or not to be
 * chased: cancelled with the reason. */
static void
test_ineligible (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OdInvoice) third = od_test_add_invoice (store (f), f->customer, "INV-3",
                                                    "2026-01-05", "2026-02-04", 5000, "EUR");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GDate since = od_test_date ("2026-03-01");
  GDate until = od_test_date ("2026-03-10");
  sqlite3 *db;

  enqueue (f, entry_for (f->invoice, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  enqueue (f, entry_for (f->other, "reminder", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  enqueue (f, entry_for (third, "reminder", OD_CHANNEL_SMS, OD_OUTBOX_STATE_QUEUED, 0, 0));

  g_assert_cmpint (od_store_insert_pause (store (f), od_invoice_get_id (f->invoice),
                                          OD_PAUSE_KIND_DISPUTE, &since, NULL, 0, "Wrong goods",
                                          &error), >, 0);
  g_assert_cmpint (od_store_insert_pause (store (f), od_invoice_get_id (f->other),
                                          OD_PAUSE_KIND_PROMISE, &since, &until, 0, NULL,
                                          &error), >, 0);
  g_assert_no_error (error);
  od_customer_set_opted_out (f->customer, OD_CHANNEL_SMS);
  g_assert_true (od_store_update_customer (store (f), f->customer, &error));
  g_assert_no_error (error);

  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'cancelled'"
                                 " AND last_error LIKE '%INV-1 is disputed'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'cancelled'"
                                 " AND last_error LIKE '%INV-2 has a promise%'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'cancelled'"
                                 " AND last_error LIKE '%opted out of sms'"), ==, 1);

  /* Settled without the trigger (as another program might). */
  enqueue (f, entry_for (third, "final", OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED, 0, 0));
  g_assert_cmpint (sqlite3_open (od_sqlite_store_get_path (f->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER outbox_cancel_when_settled;"
                                     "UPDATE invoices SET paid_minor = total_minor WHERE number = 'INV-3'",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = claim (f, ME, "2026-03-02T09:00:00Z");
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'cancelled'"
                                 " AND last_error LIKE '%INV-3 is settled'"), ==, 1);
}

/* OdOutbox end to end: the engine's plan into the outbox, the demo and
 * the letter deliverer, once; the second pass does nothing. */
static void
test_plan_and_deliver (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(OdOutbox) outbox = od_outbox_new (store (f));
  g_autoptr(OdDeliverer) demo = od_demo_deliverer_new ();
  g_autoptr(OdDeliverer) manual = od_manual_deliverer_new ();
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = at ("2026-02-12T23:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  OdOutboxRunStats stats;
  OdOutboxCounts counts;
  guint added = 0, due = 0;

  g_autoptr(OdContact) contact = od_contact_new ();

  od_contact_set_email (contact, "info@kiosk.example");
  od_customer_add_contact (f->customer, contact);
  g_assert_true (od_store_update_customer (store (f), f->customer, &error));
  g_assert_no_error (error);

  od_outbox_set_deliverer (outbox, OD_CHANNEL_EMAIL, demo);
  od_outbox_set_deliverer (outbox, OD_CHANNEL_SMS, demo);
  od_outbox_set_deliverer (outbox, OD_CHANNEL_LETTER, manual);
  od_outbox_set_deliverer (outbox, OD_CHANNEL_CALL, manual);

  snapshot = od_store_load_dunning_snapshot (store (f), &error);
  g_assert_no_error (error);
  policy = od_store_get_effective_policy (store (f), 0, &error);
  g_assert_no_error (error);
  plan = od_dunning_plan_full (snapshot, policy, utc, now, OD_DUNNING_WHOLE_DAY);
  for (guint i = 0; i < plan->actions->len; i++)
    due += ((OdDunningAction *) g_ptr_array_index (plan->actions, i))->status == OD_ACTION_DUE;
  g_assert_cmpuint (due, >, 0);

  g_assert_true (od_outbox_enqueue_plan (outbox, snapshot, plan, now, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (added, <=, due);
  g_assert_true (od_outbox_enqueue_plan (outbox, snapshot, plan, now, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  g_assert_true (od_outbox_deliver_due (outbox, now, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.sent, >, 0);
  g_assert_cmpuint (stats.failed_temporary + stats.failed_permanent + stats.unknown, ==, 0);
  g_assert_true (od_store_outbox_count (store (f), &counts, &error));
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_SENT], ==, stats.sent);
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_QUEUED], ==, 0);

  rows = od_store_outbox_list (store (f), 0, &error);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);
      g_autofree char *body = od_outbox_payload_get (row->payload, "body");

      g_assert_nonnull (body);
      g_assert_nonnull (strstr (body, "Kiosk Müller"));
      g_assert_nonnull (strstr (body, row->invoices[0]));
      g_assert_true (row->demo == (row->channel == OD_CHANNEL_EMAIL || row->channel == OD_CHANNEL_SMS));
    }

  /* A new plan at the same time takes nothing more; a second pass sends nothing. */
  g_clear_pointer (&snapshot, od_dunning_snapshot_free);
  g_clear_pointer (&plan, od_dunning_plan_free);
  snapshot = od_store_load_dunning_snapshot (store (f), &error);
  plan = od_dunning_plan_full (snapshot, policy, utc, now, OD_DUNNING_WHOLE_DAY);
  g_assert_true (od_outbox_enqueue_plan (outbox, snapshot, plan, now, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (od_outbox_deliver_due (outbox, now, &stats, NULL, &error));
  g_assert_cmpuint (stats.sent, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/od/outbox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("enqueue", test_enqueue);
  ADD ("send", test_send);
  ADD ("backoff", test_backoff);
  ADD ("permanent-and-unknown", test_permanent_and_unknown);
  ADD ("abandoned", test_abandoned);
  ADD ("review", test_review);
  ADD ("payment-cancels", test_payment_cancels);
  ADD ("ineligible", test_ineligible);
  ADD ("plan-and-deliver", test_plan_and_deliver);
#undef ADD
  g_test_add_func ("/od/outbox/schedule-settings", test_schedule_settings);

  return g_test_run ();
}
