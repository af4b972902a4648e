/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/run figure 6's baseline: the least a GTK 4 application does to
 * show a window, with the same first-frame line Overdue prints. */
#include <stdio.h>

#include <gtk/gtk.h>

static gint64 started_at;


/* After the first frame: the longest the main loop went without running
 * a 10 ms timeout over the next 8 s (pages filling, models loading). */
static gint64 watch_started, watch_last, watch_longest;

static gboolean
on_watch (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  watch_longest = MAX (watch_longest, now - watch_last);
  watch_last = now;
  if (now - watch_started < 8 * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  fprintf (stderr, "longest-stall %.3f\n", watch_longest / (double) G_USEC_PER_SEC);
  fflush (stderr);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  fprintf (stderr, "first-frame %.3f\n",
           (g_get_monotonic_time () - started_at) / (double) G_USEC_PER_SEC);
  fflush (stderr);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  watch_started = watch_last = g_get_monotonic_time ();
  g_timeout_add (10, on_watch, NULL);
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Overdue"));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;

  started_at = g_get_monotonic_time ();
  app = gtk_application_new ("io.github.overdue.RawWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
