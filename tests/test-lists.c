/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-customer-list.h"
#include "od-invoice-list.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *sqlite;
  OdStore       *store;
  OdCustomer    *customer;
  GArray        *changes;   /* position, removed, added triples */
} Fixture;

#define N_INVOICES 300

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sqlite = od_test_store_new (&f->tmpdir);
  f->store = OD_STORE (f->sqlite);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  f->customer = od_test_add_customer (f->store, "C1", "List Customer");

  g_assert_true (od_store_begin (f->store, &error));
  for (guint i = 0; i < N_INVOICES; i++)
    {
      g_autofree char *number = g_strdup_printf ("L-%05u", i);
      g_autoptr(OdInvoice) invoice = NULL;

      invoice = od_test_add_invoice (f->store, f->customer, number, "2024-01-01",
                                     i % 3 == 0 ? "2024-01-15" : "2024-03-01",
                                     100 + i, "EUR");
    }
  g_assert_true (od_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->customer);
  g_clear_object (&f->sqlite);
  g_clear_pointer (&f->changes, g_array_unref);
  od_test_tmpdir_free (f->tmpdir);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_array_append_val (f->changes, position);
  g_array_append_val (f->changes, removed);
  g_array_append_val (f->changes, added);
}

static void
assert_change (Fixture *f,
               guint    position,
               guint    removed,
               guint    added)
{
  g_assert_cmpuint (f->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (f->changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (f->changes, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, added);
  g_array_set_size (f->changes, 0);
}

static void
assert_number_at (GListModel *model,
                  guint       position,
                  const char *number)
{
  g_autoptr(OdInvoice) invoice = g_list_model_get_item (model, position);

  g_assert_nonnull (invoice);
  g_assert_cmpstr (od_invoice_get_number (invoice), ==, number);
}

static void
test_invoice_paging (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdInvoiceList) list = od_invoice_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL, .sort = OD_INVOICE_SORT_NUMBER };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoice) first = NULL;
  g_autoptr(OdInvoice) again = NULL;
  g_autoptr(OdInvoice) past = NULL;

  g_assert_true (od_invoice_list_get_store (list) == f->store);
  g_assert_true (g_list_model_get_item_type (model) == OD_TYPE_INVOICE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);

  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_no_error (error);
  assert_change (f, 0, 0, N_INVOICES);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_INVOICES);

  /* Around the page boundary, out of order, and back again. */
  assert_number_at (model, 128, "L-00128");
  assert_number_at (model, 127, "L-00127");
  assert_number_at (model, 129, "L-00129");
  assert_number_at (model, 0, "L-00000");
  assert_number_at (model, 255, "L-00255");
  assert_number_at (model, 256, "L-00256");
  assert_number_at (model, N_INVOICES - 1, "L-00299");
  past = g_list_model_get_item (model, N_INVOICES);
  g_assert_null (past);

  /* Rows come with their customer and lines, and a cached page gives
   * the same object again. */
  first = g_list_model_get_item (model, 0);
  again = g_list_model_get_item (model, 0);
  g_assert_true (first == again);
  g_assert_cmpstr (od_invoice_get_customer_name (first), ==, "List Customer");
  g_assert_cmpstr (od_invoice_get_customer_ref (first), ==, "C1");

  /* Descending: the same rows the other way round. */
  query.descending = TRUE;
  g_assert_true (od_invoice_list_load (list, &query, &error));
  assert_change (f, 0, N_INVOICES, N_INVOICES);
  assert_number_at (model, 0, "L-00299");
  assert_number_at (model, 128, "L-00171");
  assert_number_at (model, N_INVOICES - 1, "L-00000");

  /* A narrower query removes rows; one that matches nothing empties. */
  query.descending = FALSE;
  query.search = "L-002";
  g_assert_true (od_invoice_list_load (list, &query, &error));
  assert_change (f, 0, N_INVOICES, 100);
  assert_number_at (model, 0, "L-00200");
  query.search = "nothing";
  g_assert_true (od_invoice_list_load (list, &query, &error));
  assert_change (f, 0, 100, 0);
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* The same rows read again: only the pages handed out change, and
   * their rows are read anew. */
  query.search = NULL;
  g_assert_true (od_invoice_list_load (list, &query, &error));
  assert_change (f, 0, 0, N_INVOICES);
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  g_clear_object (&again);
  again = g_list_model_get_item (model, 200);
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (f->changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (f->changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, guint, 1), ==, 128);
  g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, 128);
  g_assert_cmpuint (g_array_index (f->changes, guint, 3), ==, 128);
  g_assert_cmpuint (g_array_index (f->changes, guint, 4), ==, 128);
  g_assert_cmpuint (g_array_index (f->changes, guint, 5), ==, 128);
  g_array_set_size (f->changes, 0);
  {
    g_autoptr(OdInvoice) fresh = g_list_model_get_item (model, 0);

    g_assert_true (fresh != first);
    g_assert_cmpstr (od_invoice_get_number (fresh), ==, "L-00000");
  }
  assert_number_at (model, 299, "L-00299");
}

static void
test_invoice_invalidate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OdInvoiceList) list = od_invoice_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL, .sort = OD_INVOICE_SORT_NUMBER };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdInvoice) cached = NULL;
  g_autoptr(OdInvoice) fresh = NULL;

  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);

  invoice = g_list_model_get_item (model, 130);
  od_invoice_set_total (invoice, 99999);
  g_assert_true (od_store_update_invoice (f->store, invoice, &error));
  g_assert_no_error (error);

  /* The page is cached until the list is told. */
  cached = g_list_model_get_item (model, 130);
  g_assert_true (cached == invoice);

  od_invoice_list_invalidate (list);
  assert_change (f, 0, N_INVOICES, N_INVOICES);
  fresh = g_list_model_get_item (model, 130);
  g_assert_false (fresh == invoice);
  g_assert_cmpint (od_invoice_get_total (fresh), ==, 99999);
  g_assert_cmpstr (od_invoice_get_number (fresh), ==, "L-00130");
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  guint      n_items;
  guint      pending;
} AsyncData;

static void
invoice_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = od_invoice_list_load_finish (OD_INVOICE_LIST (object), result, &error);

  /* The ids are in before the callback runs. */
  data->n_items = g_list_model_get_n_items (G_LIST_MODEL (object));
  if (!ok)
    {
      g_clear_error (&data->error);
      data->error = g_steal_pointer (&error);
    }
  else
    data->ok = TRUE;
  if (--data->pending == 0)
    g_main_loop_quit (data->loop);
}

static void
test_invoice_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OdInvoiceList) list = od_invoice_list_new (f->store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_OVERDUE, .sort = OD_INVOICE_SORT_NUMBER };
  AsyncData ad = { .loop = loop };
  char *search = g_strdup ("L-001");

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);

  /* The query is copied: its search string may go at once. */
  query.today = od_test_date ("2024-02-01");
  query.search = search;
  ad.pending = 1;
  od_invoice_list_load_async (list, &query, NULL, invoice_loaded, &ad);
  g_free (search);
  query.search = NULL;
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  /* L-00100..L-00199 due 2024-01-15: every third. */
  g_assert_cmpuint (ad.n_items, ==, 33);
  assert_change (f, 0, 0, 33);
  assert_number_at (G_LIST_MODEL (list), 0, "L-00102");

  /* Cancelled: an error and the list as it was. */
  ad = (AsyncData) { .loop = loop, .pending = 1 };
  query.filter = OD_INVOICE_FILTER_ALL;
  g_cancellable_cancel (cancellable);
  od_invoice_list_load_async (list, &query, cancellable, invoice_loaded, &ad);
  g_main_loop_run (loop);
  g_assert_error (ad.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&ad.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 33);
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* Two loads at once: the later one wins, the earlier reports it. */
  ad = (AsyncData) { .loop = loop, .pending = 2 };
  od_invoice_list_load_async (list, &query, NULL, invoice_loaded, &ad);
  query.search = "L-0000";
  od_invoice_list_load_async (list, &query, NULL, invoice_loaded, &ad);
  g_main_loop_run (loop);
  g_assert_error (ad.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&ad.error);
  g_assert_true (ad.ok);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  assert_change (f, 0, 33, 10);
}

static void
customer_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncData *data = user_data;

  data->ok = od_customer_list_load_finish (OD_CUSTOMER_LIST (object), result, &data->error);
  data->n_items = g_list_model_get_n_items (G_LIST_MODEL (object));
  g_main_loop_quit (data->loop);
}

static void
test_customer_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OdCustomerList) list = od_customer_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  OdCustomerQuery query = { 0 };
  AsyncData ad = { .loop = loop };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCustomer) first = NULL;
  g_autoptr(OdCustomer) last = NULL;
  g_autoptr(OdCustomer) archived = NULL;

  g_assert_true (g_list_model_get_item_type (model) == OD_TYPE_CUSTOMER);
  g_assert_true (od_customer_list_get_store (list) == f->store);

  /* 200 more customers, named in reverse of their refs. */
  g_assert_true (od_store_begin (f->store, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *ref = g_strdup_printf ("R%03u", i);
      g_autofree char *name = g_strdup_printf ("Name %03u", 199 - i);
      g_autoptr(OdCustomer) c = od_test_add_customer (f->store, ref, name);

      if (i == 7)
        archived = g_object_ref (c);
    }
  od_customer_set_archived (archived, TRUE);
  g_assert_true (od_store_update_customer (f->store, archived, &error));
  g_assert_true (od_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_true (od_customer_list_load (list, &query, &error));
  g_assert_no_error (error);
  assert_change (f, 0, 0, 200);   /* 201 less the archived one */

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (od_customer_get_name (first), ==, "List Customer");
  last = g_list_model_get_item (model, 199);
  g_assert_cmpstr (od_customer_get_ref (last), ==, "R000");
  g_clear_object (&first);
  first = g_list_model_get_item (model, 128);
  g_assert_cmpstr (od_customer_get_name (first), ==, "Name 127");

  query.include_archived = TRUE;
  query.search = "Name 19";
  od_customer_list_load_async (list, &query, NULL, customer_loaded, &ad);
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  g_assert_cmpuint (ad.n_items, ==, 10);
  assert_change (f, 0, 200, 10);

  od_customer_list_invalidate (list);
  assert_change (f, 0, 10, 10);
}

/* Names sort as a person reads them: accents and case come second. */
static void
test_customer_order (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(OdCustomerList) list = od_customer_list_new (OD_STORE (store));
  const char *names[] = { "bistro Nord", "Zoë Ångström", "Bäckerei Kowalski",
                          "Atelier Beaumont", "Bistro Süd", "Ölmühle" };
  const char *expected[] = { "Atelier Beaumont", "Bäckerei Kowalski", "bistro Nord",
                             "Bistro Süd", "Ölmühle", "Zoë Ångström" };
  OdCustomerQuery query = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *ref = g_strdup_printf ("K%u", i);
      g_autoptr(OdCustomer) c = od_test_add_customer (OD_STORE (store), ref, names[i]);
    }

  g_assert_true (od_customer_list_load (list, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(OdCustomer) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (od_customer_get_name (c), ==, expected[i]);
    }

  g_clear_object (&list);
  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* 20,000 invoices in one unit of work, listed and paged in due order. */
static void
test_large (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) sqlite = od_test_store_new (&tmpdir);
  OdStore *store = OD_STORE (sqlite);
  g_autoptr(OdCustomer) a = od_test_add_customer (store, "A", "Alpha");
  g_autoptr(OdCustomer) b = od_test_add_customer (store, "B", "Beta");
  g_autoptr(OdInvoiceList) list = od_invoice_list_new (store);
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL, .sort = OD_INVOICE_SORT_DUE_DATE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GDate issue = od_test_date ("2023-01-01");
  GDate previous;
  gint64 previous_id = 0;
  gint64 start;
  const guint n = 20000;

  start = g_get_monotonic_time ();
  g_assert_true (od_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdInvoice) invoice = od_invoice_new ();
      char number[32];
      GDate due = issue;

      g_snprintf (number, sizeof number, "BIG-%06u", i);
      g_date_add_days (&due, (i * 7919u) % 365u);
      od_invoice_set_number (invoice, number);
      od_invoice_set_customer_id (invoice, od_customer_get_id (i % 2 ? a : b));
      od_invoice_set_issue_date (invoice, &issue);
      od_invoice_set_due_date (invoice, &due);
      od_invoice_set_currency (invoice, "EUR");
      od_invoice_set_total (invoice, 1000 + i);
      if (!od_store_insert_invoice (store, invoice, &error))
        break;
    }
  g_assert_no_error (error);
  g_assert_true (od_store_commit (store, &error));
  g_test_message ("inserted %u invoices in %.0f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  ids = od_store_query_invoice_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n);
  g_test_message ("query_invoice_ids: %u ids in %.1f ms", ids->len,
                  (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  /* Every row, page by page: due dates ascending, ties by id. */
  g_date_clear (&previous, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (list), i);
      const GDate *due = od_invoice_get_due_date (invoice);

      g_assert_cmpint (od_invoice_get_id (invoice), ==, g_array_index (ids, gint64, i));
      if (g_date_valid (&previous))
        {
          int cmp = g_date_compare (&previous, due);

          g_assert_cmpint (cmp, <=, 0);
          if (cmp == 0)
            g_assert_cmpint (previous_id, <, od_invoice_get_id (invoice));
        }
      previous = *due;
      previous_id = od_invoice_get_id (invoice);
    }
  g_test_message ("paged through %u rows in %.0f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);

  /* Jumping about (as a scrolled view does) still gives the right row. */
  for (guint i = 0; i < 50; i++)
    {
      guint position = (i * 4099u) % n;
      g_autoptr(OdInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (list), position);

      g_assert_cmpint (od_invoice_get_id (invoice), ==, g_array_index (ids, gint64, position));
    }

  g_clear_object (&list);
  g_clear_object (&sqlite);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* The filters on pauses and plans: only open invoices with an unresolved
 * dispute or hold, or an active plan, and a resolved one drops out. */
static void
test_invoice_paused_filters (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(OdInvoiceList) list = od_invoice_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_DISPUTED, .sort = OD_INVOICE_SORT_NUMBER };
  g_autoptr(OdInvoice) disputed = od_store_find_invoice (f->store, "L-00007", NULL);
  g_autoptr(OdInvoice) held = od_store_find_invoice (f->store, "L-00011", NULL);
  g_autoptr(OdInvoice) planned = od_store_find_invoice (f->store, "L-00013", NULL);
  g_autoptr(GError) error = NULL;
  GDate since = od_test_date ("2024-02-01");
  GDate first = od_test_date ("2024-04-01");
  guint n_resolved = 0;

  g_assert_cmpint (od_store_insert_pause (f->store, od_invoice_get_id (disputed),
                                          OD_PAUSE_KIND_DISPUTE, &since, NULL, 0,
                                          "wrong amount", &error), >, 0);
  g_assert_cmpint (od_store_insert_pause (f->store, od_invoice_get_id (held),
                                          OD_PAUSE_KIND_HOLD, &since, NULL, 0,
                                          "asked us to wait", &error), >, 0);
  g_assert_cmpint (od_store_insert_payment_plan (f->store, od_invoice_get_id (planned),
                                                 2, 30, &first, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assert_number_at (model, 0, "L-00007");

  query.filter = OD_INVOICE_FILTER_ON_HOLD;
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assert_number_at (model, 0, "L-00011");

  query.filter = OD_INVOICE_FILTER_ON_PLAN;
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assert_number_at (model, 0, "L-00013");
  g_assert_cmpint (od_store_count_invoices (f->store, &query, &error), ==, 1);

  /* Resolved: no longer disputed. */
  g_assert_true (od_store_resolve_pauses (f->store, od_invoice_get_id (disputed),
                                          OD_PAUSE_KIND_DISPUTE, FALSE, &n_resolved, &error));
  g_assert_cmpuint (n_resolved, ==, 1);
  query.filter = OD_INVOICE_FILTER_DISPUTED;
  g_assert_true (od_invoice_list_load (list, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/od/lists/invoice/paging", test_invoice_paging);
  ADD ("/od/lists/invoice/invalidate", test_invoice_invalidate);
  ADD ("/od/lists/invoice/async", test_invoice_async);
  ADD ("/od/lists/invoice/paused-filters", test_invoice_paused_filters);
  ADD ("/od/lists/customer", test_customer_list);
  g_test_add_func ("/od/lists/customer-order", test_customer_order);
  g_test_add_func ("/od/lists/large", test_large);

  return g_test_run ();
}
