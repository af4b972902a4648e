/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <adwaita.h>

/*
 * One warning that is libadwaita's, not ours. From libadwaita 1.6 on
 * (Debian 13, the GNOME 48+ Flatpak runtimes) the deprecated
 * AdwMessageDialog measures its large, unwrapped heading label for the
 * dialog's minimum width before it switches to the wrapping small one,
 * and GTK 4.18 warns "Trying to measure GtkLabel ... for width of N, but
 * it needs at least M" about it. The dialog lays out and draws correctly.
 * The replacement, AdwAlertDialog, does not exist in libadwaita 1.2,
 * which Overdue pins. The UI tests run with G_DEBUG=fatal-warnings; this
 * writer drops that warning only when the label is a message dialog's
 * heading, so every other warning still fails the test.
 */
static inline gboolean
od_test_ui_is_dialog_heading_warning (const char *message)
{
  const char *at = message != NULL ? strstr (message, "Trying to measure GtkLabel 0x") : NULL;
  GtkWidget *label;
  GtkRoot *root;

  if (at == NULL)
    return FALSE;
  label = GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (at + strlen ("Trying to measure GtkLabel "), NULL, 16));
  if (!GTK_IS_LABEL (label))
    return FALSE;
  root = gtk_widget_get_root (label);
  return ADW_IS_MESSAGE_DIALOG (root) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)),
                    adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (root))) == 0;
}

static inline GLogWriterOutput
od_test_ui_log_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          od_test_ui_is_dialog_heading_warning (fields[i].value))
        return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Call once, right after gtk_test_init (). */
static inline void
od_test_ui_init (void)
{
  g_log_set_writer_func (od_test_ui_log_writer, NULL, NULL);
}

static inline gboolean
od_test_ui_on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop for @ms milliseconds. */
static inline void
od_test_ui_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, od_test_ui_on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins the main loop until @done says so, failing after @seconds. */
static inline void
od_test_ui_wait_until_seconds (gboolean (*done) (gpointer),
                               gpointer   data,
                               guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, od_test_ui_on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* The same, failing after 10 s. */
static inline void
od_test_ui_wait_until (gboolean (*done) (gpointer),
                       gpointer   data)
{
  od_test_ui_wait_until_seconds (done, data, 10);
}

/* Saves what @widget shows as $OD_TEST_BUILDDIR/screenshots/@name.png,
 * for a person to look at. */
static inline void
od_test_ui_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int width = 0;
  int height = 0;

  /* A page just shown may not be laid out or drawn yet: wait a few frames. */
  for (guint i = 0; i < 60 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width == 0 || height == 0)
        {
          od_test_ui_settle (50);
          continue;
        }
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        od_test_ui_settle (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR") ? g_getenv ("OD_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* @name-light.png and @name-dark.png. */
static inline void
od_test_ui_screenshots (GtkWidget  *widget,
                        const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);
  AdwStyleManager *style = adw_style_manager_get_default ();

  od_test_ui_settle (300);
  od_test_ui_save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  od_test_ui_settle (300);
  od_test_ui_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}
