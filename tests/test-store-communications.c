/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-test-util.h"

typedef struct
{
  GPtrArray *lines;   /* "at|ref|name|number|channel|direction|outcome|summary" */
  GDateTime *last;
  gint64     customer_id;
  gint64     invoice_id;
  guint      stop_after;
} Collect;

static gboolean
collect_line (const OdStoreCommunication  *row,
              gpointer                     user_data,
              GError                     **error)
{
  Collect *collect = user_data;
  g_autofree char *at = NULL;

  g_assert_cmpint (row->id, >, 0);
  g_assert_nonnull (row->at);
  g_assert_nonnull (row->customer_ref);
  g_assert_nonnull (row->customer_name);
  g_assert_cmpstr (row->direction, ==, "outbound");
  g_assert_nonnull (row->outcome);
  g_assert_true (row->channel == OD_CHANNEL_EMAIL || row->channel == OD_CHANNEL_SMS ||
                 row->channel == OD_CHANNEL_LETTER || row->channel == OD_CHANNEL_CALL);
  g_assert_true ((row->invoice_id == 0) == (row->invoice_number == NULL));
  if (collect->customer_id != 0)
    g_assert_cmpint (row->customer_id, ==, collect->customer_id);
  if (collect->invoice_id != 0)
    g_assert_cmpint (row->invoice_id, ==, collect->invoice_id);

  /* Oldest first. */
  if (collect->last != NULL)
    g_assert_cmpint (g_date_time_compare (collect->last, row->at), <=, 0);
  g_clear_pointer (&collect->last, g_date_time_unref);
  collect->last = g_date_time_ref (row->at);

  at = g_date_time_format_iso8601 (row->at);
  g_ptr_array_add (collect->lines,
                   g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s", at, row->customer_ref,
                                    row->customer_name,
                                    row->invoice_number ? row->invoice_number : "",
                                    od_channel_to_string (row->channel), row->direction,
                                    row->outcome, row->summary ? row->summary : ""));

  if (collect->stop_after != 0 && collect->lines->len == collect->stop_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
      return FALSE;
    }
  return TRUE;
}

static void
collect_clear (Collect *collect)
{
  g_clear_pointer (&collect->lines, g_ptr_array_unref);
  g_clear_pointer (&collect->last, g_date_time_unref);
}

static gint64
count_sql (const char *path,
           const char *sql)
{
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

static OdSqliteStore *
demo_after_run (char **tmpdir)
{
  OdSqliteStore *store = od_test_store_new (tmpdir);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  OdCollectionSummary summary = { 0, };
  GDate today = od_test_date ("2026-11-23");

  g_assert_true (od_demo_populate (OD_STORE (store), &today, &error));
  g_assert_no_error (error);
  zone = od_collection_time_zone (OD_STORE (store));
  now = g_date_time_new (zone, 2026, 11, 23, 16, 0, 0);
  g_assert_true (od_collection_run (OD_STORE (store), zone, now, OD_COLLECTION_FLAGS_NONE,
                                    &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.delivery.sent, >, 0);
  od_collection_summary_clear (&summary);

  return store;
}

/* Every line the outbox logged comes back, in time order, with the
 * customer's and invoice's names joined in. */
static void
test_all_lines (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = demo_after_run (&tmpdir);
  g_autoptr(GError) error = NULL;
  const char *path = od_sqlite_store_get_path (store);
  Collect collect = { .lines = g_ptr_array_new_with_free_func (g_free) };
  gint64 n = count_sql (path, "SELECT count (*) FROM communications");
  gboolean sent = FALSE;

  g_assert_cmpint (n, >, 0);
  g_assert_true (od_store_foreach_communication (OD_STORE (store), 0, 0, collect_line,
                                                 &collect, &error));
  g_assert_no_error (error);
  g_assert_cmpint (collect.lines->len, ==, n);
  for (guint i = 0; i < collect.lines->len; i++)
    sent |= strstr (g_ptr_array_index (collect.lines, i), "|outbound|sent|") != NULL;
  g_assert_true (sent);

  collect_clear (&collect);
  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* A customer's or an invoice's lines only; a callback that says stop
 * stops the walk with its error. */
static void
test_filters_and_stop (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = demo_after_run (&tmpdir);
  g_autoptr(GError) error = NULL;
  const char *path = od_sqlite_store_get_path (store);
  gint64 customer_id = count_sql (path, "SELECT customer_id FROM communications"
                                        " GROUP BY customer_id ORDER BY count (*) DESC LIMIT 1");
  gint64 invoice_id = count_sql (path, "SELECT invoice_id FROM communications"
                                       " WHERE invoice_id IS NOT NULL LIMIT 1");
  g_autofree char *by_customer = g_strdup_printf ("SELECT count (*) FROM communications"
                                                  " WHERE customer_id = %" G_GINT64_FORMAT,
                                                  customer_id);
  g_autofree char *by_invoice = g_strdup_printf ("SELECT count (*) FROM communications"
                                                 " WHERE invoice_id = %" G_GINT64_FORMAT,
                                                 invoice_id);
  gint64 n_all = count_sql (path, "SELECT count (*) FROM communications");
  Collect collect = { .lines = g_ptr_array_new_with_free_func (g_free) };

  g_assert_cmpint (customer_id, >, 0);
  g_assert_cmpint (invoice_id, >, 0);

  collect.customer_id = customer_id;
  g_assert_true (od_store_foreach_communication (OD_STORE (store), customer_id, 0,
                                                 collect_line, &collect, &error));
  g_assert_no_error (error);
  g_assert_cmpint (collect.lines->len, ==, count_sql (path, by_customer));
  g_assert_cmpint (collect.lines->len, <, n_all);
  collect_clear (&collect);

  collect = (Collect) { .lines = g_ptr_array_new_with_free_func (g_free), .invoice_id = invoice_id };
  g_assert_true (od_store_foreach_communication (OD_STORE (store), 0, invoice_id,
                                                 collect_line, &collect, &error));
  g_assert_no_error (error);
  g_assert_cmpint (collect.lines->len, ==, count_sql (path, by_invoice));
  g_assert_cmpint (collect.lines->len, >, 0);
  collect_clear (&collect);

  /* Both: nothing when the invoice is not the customer's. */
  collect = (Collect) { .lines = g_ptr_array_new_with_free_func (g_free) };
  g_assert_true (od_store_foreach_communication (OD_STORE (store), G_MAXINT64, invoice_id,
                                                 collect_line, &collect, &error));
  g_assert_cmpuint (collect.lines->len, ==, 0);
  collect_clear (&collect);

  collect = (Collect) { .lines = g_ptr_array_new_with_free_func (g_free), .stop_after = 1 };
  g_assert_false (od_store_foreach_communication (OD_STORE (store), 0, 0,
                                                  collect_line, &collect, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (collect.lines->len, ==, 1);
  collect_clear (&collect);

  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* An empty ledger has an empty log. */
static void
test_empty (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(GError) error = NULL;
  Collect collect = { .lines = g_ptr_array_new_with_free_func (g_free) };

  g_assert_true (od_store_foreach_communication (OD_STORE (store), 0, 0, collect_line,
                                                 &collect, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collect.lines->len, ==, 0);
  collect_clear (&collect);

  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/store-communications/all-lines", test_all_lines);
  g_test_add_func ("/od/store-communications/filters-and-stop", test_filters_and_stop);
  g_test_add_func ("/od/store-communications/empty", test_empty);

  return g_test_run ();
}
