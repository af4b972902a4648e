/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-collection-now.h"
#include "od-collection.h"
#include "od-demo.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdStore       *s;
  GDateTime     *now;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");

  fixture->store = od_test_store_new (&fixture->tmpdir);
  fixture->s = OD_STORE (fixture->store);
  g_assert_true (od_demo_populate (fixture->s, &today, &error));
  g_assert_no_error (error);
  zone = od_collection_time_zone (fixture->s);
  fixture->now = g_date_time_new (zone, 2026, 11, 23, 16, 0, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->now, g_date_time_unref);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

/* An open invoice whose next step is planned for later, not due now. */
static OdInvoice *
scheduled_invoice (Fixture *fixture)
{
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;

  plan = od_collection_plan (fixture->s, NULL, fixture->now, OD_COLLECTION_FLAGS_NONE, &snapshot, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == OD_ACTION_SUPERSEDED || g_hash_table_contains (seen, &action->invoice_id))
        continue;
      g_hash_table_add (seen, &action->invoice_id);
      if (action->status == OD_ACTION_SCHEDULED && !g_str_has_prefix (action->step, "instalment"))
        return od_store_get_invoice (fixture->s, action->invoice_id, &error);
    }
  g_assert_not_reached ();
}

static guint
rows_about (OdStore    *store,
            const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (store, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->invoices != NULL && g_strv_contains ((const char * const *) row->invoices, number))
        n++;
    }
  return n;
}

/* The step planned for later goes into the outbox now, recorded as
 * taken: the plan no longer has it. */
static void
test_now_queues_next_step (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(OdInvoice) invoice = scheduled_invoice (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *step = NULL;
  const char *number = od_invoice_get_number (invoice);
  guint before = rows_about (fixture->s, number);

  g_assert_true (od_collection_send_next_now (fixture->s, od_invoice_get_id (invoice), fixture->now,
                                              &step, &error));
  g_assert_no_error (error);
  g_assert_nonnull (step);
  g_assert_cmpuint (rows_about (fixture->s, number), ==, before + 1);
}

/* A dispute, a customer not to chase, a paid invoice: nothing queued,
 * and the error says why. */
static void
test_now_respects_the_engine (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(OdInvoice) invoice = scheduled_invoice (fixture);
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = od_invoice_get_number (invoice);
  gint64 id = od_invoice_get_id (invoice);
  guint before = rows_about (fixture->s, number);
  guint n_resolved = 0;
  GDate today = od_test_date ("2026-11-23");

  g_assert_cmpint (od_store_insert_pause (fixture->s, id, OD_PAUSE_KIND_DISPUTE, &today, NULL, 0,
                                          "Wrong amount", &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (od_collection_send_next_now (fixture->s, id, fixture->now, NULL, &error));
  g_assert_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, number));
  g_clear_error (&error);
  g_assert_cmpuint (rows_about (fixture->s, number), ==, before);
  g_assert_true (od_store_resolve_pauses (fixture->s, id, OD_PAUSE_KIND_DISPUTE, TRUE, &n_resolved, &error));

  customer = od_store_get_customer (fixture->s, od_invoice_get_customer_id (invoice), &error);
  g_assert_no_error (error);
  od_customer_set_do_not_chase (customer, TRUE);
  g_assert_true (od_store_update_customer (fixture->s, customer, &error));
  g_assert_false (od_collection_send_next_now (fixture->s, id, fixture->now, NULL, &error));
  g_assert_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_BLOCKED);
  g_clear_error (&error);
  g_assert_cmpuint (rows_about (fixture->s, number), ==, before);

  od_invoice_set_status (invoice, OD_INVOICE_STATUS_VOID);
  g_assert_true (od_store_update_invoice (fixture->s, invoice, &error));
  g_assert_false (od_collection_send_next_now (fixture->s, id, fixture->now, NULL, &error));
  g_assert_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_NOT_OPEN);
  g_assert_cmpuint (rows_about (fixture->s, number), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/od/collection-now/queues-next-step", Fixture, NULL,
              fixture_setup, test_now_queues_next_step, fixture_teardown);
  g_test_add ("/od/collection-now/respects-the-engine", Fixture, NULL,
              fixture_setup, test_now_respects_the_engine, fixture_teardown);

  return g_test_run ();
}
