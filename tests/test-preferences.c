/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-preferences-window.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
  OdStore       *s;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_set_time_t (&today, time (NULL));
  fixture->store = od_test_store_new (&fixture->tmpdir);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
  fixture->s = OD_STORE (fixture->store);
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

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
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
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

/* The first descendant of @widget of @type whose GtkBuildable id (or,
 * failing that, widget name) is @id. */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            GType       type,
            const char *id)
{
  const char *bid = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (g_strcmp0 (bid, id) == 0 || g_strcmp0 (gtk_widget_get_name (widget), id) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, type, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
setting (Fixture    *fixture,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = od_store_get_setting (fixture->s, key, &error);

  g_assert_no_error (error);
  return value;
}

static OdPreferencesWindow *
open_preferences (Fixture    *fixture,
                  const char *page,
                  int         width)
{
  OdPreferencesWindow *window = g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                                              "context", fixture->context,
                                              NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  od_preferences_window_show_page (window, page);
  gtk_window_present (GTK_WINDOW (window));
  settle (200);
  return window;
}

/* The demo ledger starts in demo mode; the switch turns the ledger
 * setting off and on again, and the page reads it back when reopened. */
static void
test_preferences_demo_mode (Fixture       *fixture,
                            gconstpointer  data)
{
  OdPreferencesWindow *window = open_preferences (fixture, "sending", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  GtkWidget *row = find_by_id (page, ADW_TYPE_ACTION_ROW, "demo_row");
  GtkSwitch *demo = GTK_SWITCH (find_by_id (page, GTK_TYPE_SWITCH, "demo_switch"));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (page)), ==, "sending");
  g_assert_nonnull (row);
  g_assert_nonnull (demo);
  wait_until (is_sensitive, row);
  g_assert_cmpint (gtk_switch_get_active (demo), ==, g_strcmp0 (before, "1") == 0);
  g_assert_true (gtk_switch_get_active (demo));

  gtk_switch_set_active (demo, FALSE);
  g_assert_false (gtk_widget_get_sensitive (row));
  wait_until (is_sensitive, row);
  after = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (after, ==, "0");

  gtk_switch_set_active (demo, TRUE);
  wait_until (is_sensitive, row);
  again = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (again, ==, "1");
  g_assert_true (od_collection_is_demo (fixture->s, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/preferences/demo-mode", Fixture, NULL,
              fixture_setup, test_preferences_demo_mode, fixture_teardown);

  return g_test_run ();
}
