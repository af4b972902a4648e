/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-collection.h"
#include "od-demo.h"
#include "od-test-util.h"

/* The scheduler's work on the demo ledger: what the pass summary says,
 * and that a second pass at the same instant finds nothing to do. */
static void
test_work_fills_summary (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(OdPassSummary) first = NULL;
  g_autoptr(OdPassSummary) second = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");
  OdOutboxCounts counts;

  g_assert_true (od_demo_populate (OD_STORE (store), &today, &error));
  g_assert_no_error (error);
  zone = od_collection_time_zone (OD_STORE (store));
  now = g_date_time_new (zone, 2026, 11, 23, 16, 0, 0);

  first = od_pass_summary_new (now);
  g_assert_true (od_collection_work (OD_STORE (store), now, first, NULL, NULL, &error));
  g_assert_no_error (error);
  /* No account: demo. Everything taken was either sent or waits for review. */
  g_assert_cmpuint (first->taken, >, 0);
  g_assert_cmpuint (first->sent, >, 0);
  g_assert_cmpuint (first->sent + first->awaiting_review, ==, first->taken);
  g_assert_cmpuint (first->failed, ==, 0);
  g_assert_cmpuint (first->unknown, ==, 0);
  g_assert_nonnull (first->next_due);
  g_assert_cmpint (g_date_time_compare (first->next_due, now), >, 0);

  g_assert_true (od_store_outbox_count (OD_STORE (store), &counts, &error));
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_SENT], ==, first->sent);
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_AWAITING_REVIEW], ==, first->awaiting_review);
  g_assert_cmpint (counts.next_attempt, ==, 0);

  second = od_pass_summary_new (now);
  g_assert_true (od_collection_work (OD_STORE (store), now, second, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second->taken, ==, 0);
  g_assert_cmpuint (second->sent, ==, 0);
  g_assert_cmpuint (second->awaiting_review, ==, first->awaiting_review);
  g_assert_true (g_date_time_equal (second->next_due, first->next_due));

  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* A cancelled pass stops before it delivers. */
static void
test_work_cancelled (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(OdPassSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");
  OdOutboxCounts counts;

  g_assert_true (od_demo_populate (OD_STORE (store), &today, &error));
  now = g_date_time_new_utc (2026, 11, 23, 16, 0, 0);
  summary = od_pass_summary_new (now);
  g_cancellable_cancel (cancellable);
  g_assert_false (od_collection_work (OD_STORE (store), now, summary, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (od_store_outbox_count (OD_STORE (store), &counts, NULL));
  g_assert_cmpuint (counts.states[OD_OUTBOX_STATE_SENT], ==, 0);

  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/collection/work-fills-summary", test_work_fills_summary);
  g_test_add_func ("/od/collection/work-cancelled", test_work_cancelled);

  return g_test_run ();
}
