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

#undef ADD

  return g_test_run ();
}
