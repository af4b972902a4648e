/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-demo.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-window.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");

  fixture->store = od_test_store_new (&fixture->tmpdir);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @model has items, failing after 10 s. */
static void
wait_for_items (GListModel *model)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (g_list_model_get_n_items (model) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Saves what the window shows as a PNG in the build folder, for a person
 * to look at (and for the README's screenshot). */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* A page just shown may not have drawn yet: wait a few frames. */
  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle (50);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR") ? g_getenv ("OD_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Spins the main loop until @done says so, failing after 10 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
page_idle (gpointer data)
{
  return !od_invoices_page_is_loading (data);
}

static gboolean
view_idle (gpointer data)
{
  return !od_invoice_view_is_busy (data);
}

/* The window on @page, or on the page it opens on when @page is NULL. */
static OdWindow *
open_window_on (Fixture    *fixture,
                int         width,
                int         height,
                const char *page)
{
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_items (od_window_get_customers (window));
  wait_for_items (od_invoices_page_get_invoices (od_window_get_invoices_page (window)));
  wait_until (page_idle, od_window_get_invoices_page (window));
  if (page != NULL)
    {
      od_window_show_page (window, page);
      /* The page crossfades in. */
      settle (400);
    }
  return window;
}

/* Most of these tests are about invoices: the window on that page. */
static OdWindow *
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  return open_window_on (fixture, width, height, OD_WINDOW_PAGE_INVOICES);
}

/* The row of @list whose invoice is @id, or NULL. */
static OdInvoice *
find_in_list (GListModel *list,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OdInvoice) invoice = g_list_model_get_item (list, i);

      if (invoice != NULL && od_invoice_get_id (invoice) == id)
        return g_steal_pointer (&invoice);
    }
  return NULL;
}

static void
screenshots (GtkWidget  *window,
             const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  settle (300);
  save_screenshot (window, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

typedef struct
{
  GListModel *customers;
  gint64      expected;
} Narrowed;

static gboolean
list_narrowed (gpointer data)
{
  Narrowed *narrowed = data;
  guint n = g_list_model_get_n_items (narrowed->customers);

  return n > 0 && n < narrowed->expected;
}

static void
test_window_lists_customers (Fixture       *fixture,
                             gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 1100, 700);
  GListModel *customers = od_window_get_customers (window);
  g_autoptr(OdCustomer) first = NULL;
  OdCustomerQuery query = { NULL, FALSE };
  Narrowed narrowed;
  gint64 expected;

  expected = od_store_count_customers (OD_STORE (fixture->store), &query, NULL);
  g_assert_cmpint (g_list_model_get_n_items (customers), ==, expected);
  first = g_list_model_get_item (customers, 0);
  g_assert_true (OD_IS_CUSTOMER (first));
  g_assert_nonnull (od_customer_get_name (first));

  /* Searching narrows the list to the customer searched for. */
  od_customers_page_set_search (od_window_get_customers_page (window), od_customer_get_ref (first));
  /* The list is read again in a thread: wait for the narrower one. */
  narrowed.customers = customers;
  narrowed.expected = expected;
  wait_until (list_narrowed, &narrowed);
  g_assert_cmpuint (g_list_model_get_n_items (customers), <, expected);
  od_customers_page_set_search (od_window_get_customers_page (window), "");
  settle (200);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "customers");
  g_assert_cmpstr (od_window_get_visible_page (window), ==, "customers");
  od_customers_page_select (od_window_get_customers_page (window), 0);
  screenshots (GTK_WIDGET (window), "customers-wide");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  settle (300);
  screenshots (GTK_WIDGET (window), "customers-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *pages[] = { "today", "invoices", "customers", "activity", "letters", "reports" };
  OdWindow *window = open_window_on (fixture, 1100, 700, NULL);

  g_assert_cmpstr (od_window_get_visible_page (window), ==, "today");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s-wide", pages[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      g_assert_cmpstr (od_window_get_visible_page (window), ==, pages[i]);
      if (i == 1 || i == 0)
        screenshots (GTK_WIDGET (window), name);
    }

  /* Narrow, the sidebar folds away behind a back button. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "invoices");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  screenshots (GTK_WIDGET (window), "page-invoices-narrow");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  screenshots (GTK_WIDGET (window), "sidebar-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_invoice_search (Fixture       *fixture,
                            gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 1100, 700);
  OdInvoicesPage *page = od_window_get_invoices_page (window);
  GListModel *invoices = od_invoices_page_get_invoices (page);
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_OPEN };
  g_autoptr(OdInvoice) last = NULL;
  guint n = g_list_model_get_n_items (invoices);

  /* Open invoices at first, as many as the store has. */
  query.today = od_test_date ("2026-11-23");
  g_assert_cmpint (n, ==, od_store_count_invoices (OD_STORE (fixture->store), &query, NULL));
  g_assert_cmpuint (n, >, 1);

  last = g_list_model_get_item (invoices, n - 1);
  od_invoices_page_set_search (page, od_invoice_get_number (last));
  wait_until (page_idle, page);
  g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 1);
  {
    g_autoptr(OdInvoice) found = g_list_model_get_item (invoices, 0);

    g_assert_cmpstr (od_invoice_get_number (found), ==, od_invoice_get_number (last));
  }

  od_invoices_page_set_search (page, "no such invoice anywhere");
  wait_until (page_idle, page);
  g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 0);
  screenshots (GTK_WIDGET (window), "invoices-no-match");

  /* Every invoice, then only the paid ones. */
  od_invoices_page_set_search (page, NULL);
  od_invoices_page_set_filter (page, OD_INVOICE_FILTER_ALL);
  wait_until (page_idle, page);
  query.filter = OD_INVOICE_FILTER_ALL;
  g_assert_cmpint (g_list_model_get_n_items (invoices), ==,
                   od_store_count_invoices (OD_STORE (fixture->store), &query, NULL));
  od_invoices_page_set_filter (page, OD_INVOICE_FILTER_PAID);
  wait_until (page_idle, page);
  query.filter = OD_INVOICE_FILTER_PAID;
  g_assert_cmpint (g_list_model_get_n_items (invoices), ==,
                   od_store_count_invoices (OD_STORE (fixture->store), &query, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_record_payment (Fixture       *fixture,
                            gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 1100, 800);
  OdInvoicesPage *page = od_window_get_invoices_page (window);
  OdInvoiceView *view = od_invoices_page_get_view (page);
  GListModel *invoices = od_invoices_page_get_invoices (page);
  g_autoptr(OdInvoice) before = NULL;
  g_autoptr(OdInvoice) after = NULL;
  g_autoptr(OdInvoice) row = NULL;
  gint64 outstanding, part;

  /* The most overdue open invoice. */
  od_invoices_page_open (page, 0);
  wait_until (view_idle, view);
  before = od_store_get_invoice (OD_STORE (fixture->store), od_invoice_view_get_id (view), NULL);
  g_assert_nonnull (before);
  outstanding = od_invoice_get_outstanding (before);
  g_assert_cmpint (outstanding, >, 1);
  screenshots (GTK_WIDGET (window), "invoice-view-wide");

  /* Part of it, through the action the dialog uses. */
  part = outstanding / 2;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "invoice.save-payment",
                                             "(xs)", part, "2026-11-23"));
  g_assert_true (od_invoice_view_is_busy (view));
  wait_until (view_idle, view);
  wait_until (page_idle, page);

  after = od_store_get_invoice (OD_STORE (fixture->store), od_invoice_get_id (before), NULL);
  g_assert_cmpint (od_invoice_get_outstanding (after), ==, outstanding - part);
  row = find_in_list (invoices, od_invoice_get_id (before));
  g_assert_nonnull (row);
  g_assert_cmpint (od_invoice_get_outstanding (row), ==, outstanding - part);

  /* A hold, written with its audit entry, then resumed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "invoice.save-pause",
                                             "(ss)", "hold", "Waiting for the customer's budget"));
  wait_until (view_idle, view);
  {
    g_autoptr(GPtrArray) pauses = od_store_list_pauses (OD_STORE (fixture->store),
                                                        od_invoice_get_id (before), TRUE, NULL);

    g_assert_cmpuint (pauses->len, ==, 1);
  }
  screenshots (GTK_WIDGET (window), "invoice-view-held");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "invoice.resume", NULL));
  wait_until (view_idle, view);
  {
    g_autoptr(GPtrArray) pauses = od_store_list_pauses (OD_STORE (fixture->store),
                                                        od_invoice_get_id (before), TRUE, NULL);

    g_assert_cmpuint (pauses->len, ==, 0);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  screenshots (GTK_WIDGET (window), "invoice-view-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_empty_ledger (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autoptr(OdContext) context = od_context_new (OD_STORE (store));
  OdWindow *window;
  GtkStack *stack;
  gboolean timed_out = FALSE;
  guint id;

  window = g_object_new (OD_TYPE_WINDOW, "context", context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (od_window_get_customers_page (window)),
                                                    OD_TYPE_CUSTOMERS_PAGE, "stack"));

  /* The empty ledger shows the status page once the load has finished. */
  id = g_timeout_add_seconds (10, on_timeout, &timed_out);
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (od_window_get_customers (window)), ==, 0);
  wait_until (page_idle, od_window_get_invoices_page (window));
  settle (200);
  save_screenshot (GTK_WIDGET (window), "invoices-empty");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  /* What AdwApplication loads from its resource base path. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/window/lists-customers", Fixture, NULL,
              fixture_setup, test_window_lists_customers, fixture_teardown);
  g_test_add ("/od/window/pages", Fixture, NULL,
              fixture_setup, test_window_pages, fixture_teardown);
  g_test_add ("/od/window/invoice-search", Fixture, NULL,
              fixture_setup, test_window_invoice_search, fixture_teardown);
  g_test_add ("/od/window/record-payment", Fixture, NULL,
              fixture_setup, test_window_record_payment, fixture_teardown);
  g_test_add_func ("/od/window/empty-ledger", test_window_empty_ledger);

  return g_test_run ();
}
