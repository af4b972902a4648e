/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-preferences-window.h"
#include "od-test-shot.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-window.h"

typedef struct
{
  char     *tmpdir;
  char     *path;
  OdWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->tmpdir = od_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->tmpdir, "ledger.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The window, and whatever it opened (preferences, dialogs). */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  od_test_settle (50);
  g_free (fixture->path);
  od_test_tmpdir_free (fixture->tmpdir);
}

static gboolean
is_welcome (gpointer data)
{
  return g_strcmp0 (od_window_get_mode (data), "welcome") == 0;
}

static gboolean
is_ledger (gpointer data)
{
  return g_strcmp0 (od_window_get_mode (data), "ledger") == 0;
}

static gboolean
strip_idle (gpointer data)
{
  return !od_demo_strip_is_busy (od_window_get_demo_strip (data));
}

static OdWindow *
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  /* Shown before anything is read from the disk. */
  g_assert_cmpstr (od_window_get_mode (window), ==, "loading");
  od_window_open_ledger (window, fixture->path, OD_LEDGER_OPEN_NONE);
  g_assert_cmpstr (od_window_get_mode (window), ==, "loading");
  od_test_wait_until (is_welcome, window, 10);
  return window;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static void
test_welcome_demo (Fixture       *fixture,
                   gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 1000, 700);
  OdWelcomePage *welcome = od_window_get_welcome_page (window);
  OdCustomerQuery query = { NULL, FALSE };
  OdContext *context;
  OdOutboxCounts counts = { 0 };
  guint in_outbox = 0;
  g_autofree char *demo_mode = NULL;

  /* The welcome page asks before anything is created. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_null (od_window_get_context (window));
  od_test_save_screenshots (GTK_WIDGET (window), "first-run-welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.try-demo", NULL));
  g_assert_true (od_welcome_page_is_busy (welcome));
  od_test_save_screenshot (GTK_WIDGET (window), "first-run-creating-demo");
  od_test_wait_until (is_ledger, window, 30);

  context = od_window_get_context (window);
  g_assert_nonnull (context);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (od_store_count_customers (od_context_get_store (context), &query, NULL), >=, 30);
  demo_mode = od_store_get_setting (od_context_get_store (context), OD_COLLECTION_DEMO_MODE_KEY, NULL);
  g_assert_cmpstr (demo_mode, ==, "1");
  /* This morning's run took place: something waits for the owner. */
  g_assert_true (od_store_outbox_count (od_context_get_store (context), &counts, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (counts.states); i++)
    in_outbox += counts.states[i];
  g_assert_cmpuint (in_outbox, >, 0);

  /* Demo mode is shown while on. */
  od_test_wait_until (strip_idle, window, 10);
  g_assert_true (od_demo_strip_is_shown (od_window_get_demo_strip (window)));
  od_test_settle (600);
  od_test_save_screenshots (GTK_WIDGET (window), "first-run-demo-strip");
}

static void
test_turn_off_demo (Fixture       *fixture,
                    gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 1000, 700);
  AdwMessageDialog *dialog;
  OdStore *store;
  g_autofree char *demo_mode = NULL;

  gtk_widget_activate_action (GTK_WIDGET (od_window_get_welcome_page (window)), "welcome.try-demo", NULL);
  od_test_wait_until (is_ledger, window, 30);
  od_test_wait_until (strip_idle, window, 10);
  store = od_context_get_store (od_window_get_context (window));

  /* "Turn Off" asks first; cancelling changes nothing. */
  g_signal_emit_by_name (od_test_find_button (GTK_WIDGET (od_window_get_demo_strip (window)), "Turn Off"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  od_test_settle (100);
  g_assert_false (od_demo_strip_is_busy (od_window_get_demo_strip (window)));
  demo_mode = od_store_get_setting (store, OD_COLLECTION_DEMO_MODE_KEY, NULL);
  g_assert_cmpstr (demo_mode, ==, "1");
  g_clear_pointer (&demo_mode, g_free);

  g_signal_emit_by_name (od_test_find_button (GTK_WIDGET (od_window_get_demo_strip (window)), "Turn Off"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "turn-off");
  gtk_window_destroy (GTK_WINDOW (dialog));
  od_test_wait_until (strip_idle, window, 10);
  demo_mode = od_store_get_setting (store, OD_COLLECTION_DEMO_MODE_KEY, NULL);
  g_assert_cmpstr (demo_mode, ==, "0");
  /* Still no account to send with: the strip says so instead. */
  g_assert_true (od_demo_strip_is_shown (od_window_get_demo_strip (window)));
  /* "Set Up" opens the preferences, to add an account. */
  g_assert_null (find_toplevel (OD_TYPE_PREFERENCES_WINDOW));
  g_signal_emit_by_name (od_test_find_button (GTK_WIDGET (od_window_get_demo_strip (window)), "Set Up"), "clicked");
  g_assert_nonnull (find_toplevel (OD_TYPE_PREFERENCES_WINDOW));
}

static void
test_start_fresh (Fixture       *fixture,
                  gconstpointer  data)
{
  OdWindow *window = open_window (fixture, 360, 640);
  OdCustomerQuery query = { NULL, FALSE };
  OdInvoiceQuery invoice_query = { 0 };
  OdStore *store;

  od_test_settle (300);
  od_test_save_screenshot (GTK_WIDGET (window), "first-run-welcome-narrow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (od_window_get_welcome_page (window)),
                                             "welcome.start-fresh", NULL));
  od_test_wait_until (is_ledger, window, 10);

  store = od_context_get_store (od_window_get_context (window));
  g_assert_cmpint (od_store_count_customers (store, &query, NULL), ==, 0);
  g_assert_cmpint (od_store_count_invoices (store, &invoice_query, NULL), ==, 0);
  /* The business profile comes first. */
  g_assert_nonnull (find_toplevel (OD_TYPE_PREFERENCES_WINDOW));
  od_test_wait_until (strip_idle, window, 10);
  g_assert_true (od_demo_strip_is_shown (od_window_get_demo_strip (window)));
  gtk_window_destroy (find_toplevel (OD_TYPE_PREFERENCES_WINDOW));
  od_test_settle (600);
  od_test_save_screenshot (GTK_WIDGET (window), "first-run-fresh-narrow");
}

static gboolean
is_error (gpointer data)
{
  return g_strcmp0 (od_window_get_mode (data), "error") == 0;
}

static void
test_existing_ledger (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSqliteStore) store = od_sqlite_store_new (fixture->path, &error);
  g_autoptr(OdCustomer) customer = NULL;
  OdWindow *window;

  g_assert_no_error (error);

  /* An empty ledger (a first run closed before its choice) asks again. */
  window = g_object_new (OD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  od_window_open_ledger (window, fixture->path, OD_LEDGER_OPEN_NONE);
  od_test_wait_until (is_welcome, window, 10);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A ledger with a customer opens without the welcome page. */
  customer = od_test_add_customer (OD_STORE (store), "ACME", "Acme Ltd");
  g_clear_object (&store);
  window = g_object_new (OD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  od_window_open_ledger (window, fixture->path, OD_LEDGER_OPEN_NONE);
  od_test_wait_until (is_ledger, window, 10);
  g_assert_nonnull (od_window_get_context (window));
}

static void
test_open_error (Fixture       *fixture,
                 gconstpointer  data)
{
  OdWindow *window;

  /* A folder where the ledger should be: the window says so. */
  g_mkdir (fixture->path, 0755);
  window = g_object_new (OD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  od_window_open_ledger (window, fixture->path, OD_LEDGER_OPEN_NONE);
  od_test_wait_until (is_error, window, 10);
  g_assert_null (od_window_get_context (window));
  od_test_settle (300);
  od_test_save_screenshot (GTK_WIDGET (window), "first-run-open-error");
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = NULL;
  OdWindow *window;
  GtkMenuButton *button;
  GMenuModel *menu;
  GtkWindow *about;
  const char * const actions[] = {
    "win.import", "win.export", "win.preferences", "win.show-help-overlay", "win.about", "app.quit",
  };

  window = open_window (fixture, 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (od_window_get_welcome_page (window)), "welcome.try-demo", NULL);
  od_test_wait_until (is_ledger, window, 30);

  button = od_window_get_menu_button (window);
  menu = gtk_menu_button_get_menu_model (button);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (menu_has_action (menu, actions[i]));

  gtk_menu_button_popup (button);
  od_test_settle (300);
  od_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "first-run-menu-open");
  gtk_menu_button_popdown (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  /* The import dialog opens from the menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  g_assert_nonnull (find_toplevel (g_type_from_name ("OdImportDialog")));

  /* The shortcuts window builds, and lists the menu's shortcuts. */
  builder = gtk_builder_new_from_resource ("/io/github/overdue/Overdue/gtk/help-overlay.ui");
  g_assert_nonnull (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_present (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  od_test_settle (300);
  od_test_save_screenshot (GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")), "first-run-shortcuts");
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  od_test_load_app_style ();

  g_test_add ("/od/first-run/welcome-demo", Fixture, NULL,
              fixture_setup, test_welcome_demo, fixture_teardown);
  g_test_add ("/od/first-run/turn-off-demo", Fixture, NULL,
              fixture_setup, test_turn_off_demo, fixture_teardown);
  g_test_add ("/od/first-run/start-fresh", Fixture, NULL,
              fixture_setup, test_start_fresh, fixture_teardown);
  g_test_add ("/od/first-run/existing-ledger", Fixture, NULL,
              fixture_setup, test_existing_ledger, fixture_teardown);
  g_test_add ("/od/first-run/open-error", Fixture, NULL,
              fixture_setup, test_open_error, fixture_teardown);
  g_test_add ("/od/first-run/menu", Fixture, NULL,
              fixture_setup, test_menu, fixture_teardown);

  return g_test_run ();
}
