/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-test-ui.h"

/* Main-loop helpers and screenshots for the first-run and import tests. */

/* The shared helpers of od-test-ui.h, under the names these tests use. */

static inline void
od_test_settle (guint ms)
{
  od_test_ui_settle (ms);
}

static inline void
od_test_wait_until (gboolean  (*done) (gpointer),
                    gpointer    data,
                    guint       seconds)
{
  od_test_ui_wait_until_seconds (done, data, seconds);
}

static inline void
od_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  od_test_ui_save_screenshot (widget, name);
}

/* @name-light.png and @name-dark.png. */
static inline void
od_test_save_screenshots (GtkWidget  *widget,
                          const char *name)
{
  od_test_ui_screenshots (widget, name);
}

/* What the application does at startup for the window's looks. */
static inline void
od_test_load_app_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/overdue/Overdue/icons");
}

/* The first button under @root whose label, mnemonic underscores left
 * out, is @label; NULL if none. */
static inline GtkWidget *
od_test_find_button (GtkWidget  *root,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        {
          g_autoptr(GString) text = g_string_new (gtk_button_get_label (GTK_BUTTON (child)));

          g_string_replace (text, "_", "", 0);
          if (g_str_equal (text->str, label) && gtk_widget_get_visible (child))
            return child;
        }
      found = od_test_find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}
