/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-demo.h"
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
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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

static void
test_window_lists_customers (Fixture       *fixture,
                             gconstpointer  data)
{
  OdWindow *window;
  GListModel *customers;
  g_autoptr(OdCustomer) first = NULL;
  OdCustomerQuery query = { NULL, FALSE };
  gint64 expected;

  window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));

  customers = od_window_get_customers (window);
  wait_for_items (customers);

  expected = od_store_count_customers (OD_STORE (fixture->store), &query, NULL);
  g_assert_cmpint (g_list_model_get_n_items (customers), ==, expected);
  first = g_list_model_get_item (customers, 0);
  g_assert_true (OD_IS_CUSTOMER (first));
  g_assert_nonnull (od_customer_get_name (first));

  settle (300);
  save_screenshot (GTK_WIDGET (window), "window-light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (GTK_WIDGET (window), "window-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  settle (300);
  save_screenshot (GTK_WIDGET (window), "window-narrow");

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
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), OD_TYPE_WINDOW, "stack"));

  /* The empty ledger shows the status page once the load has finished. */
  id = g_timeout_add_seconds (10, on_timeout, &timed_out);
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (od_window_get_customers (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/od/window/lists-customers", Fixture, NULL,
              fixture_setup, test_window_lists_customers, fixture_teardown);
  g_test_add_func ("/od/window/empty-ledger", test_window_empty_ledger);

  return g_test_run ();
}
