/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The waiting and screenshot helpers of test-invoice-editor.c and
 * test-invoice-actions.c: a fixture on the demo ledger. */

#include <adwaita.h>

#include "od-context.h"
#include "od-demo.h"
#include "od-test-ui.h"
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

static void
settle (guint ms)
{
  od_test_ui_settle (ms);
}

/* Spins the main loop until @done says so, failing after 20 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  od_test_ui_wait_until_seconds (done, data, 20);
}

G_GNUC_UNUSED static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Saves what @widget shows as a PNG in the build folder, to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  od_test_ui_save_screenshot (widget, name);
}

/* Scrolls the first scrolled window under @widget to its end. */
G_GNUC_UNUSED static gboolean
scroll_to_end (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment));
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && scroll_to_end (child))
      return TRUE;
  return FALSE;
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
  settle (300);
}

static void
ui_test_init (int    *argc,
              char ***argv)
{
  GtkCssProvider *css;

  gtk_test_init (argc, argv, NULL);

  od_test_ui_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);
}
