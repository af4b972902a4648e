/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "od-application.h"

/* bench/run's figure 6 times the window from start to its first frame:
 * with OVERDUE_BENCH_FIRST_FRAME set, the first paint of the first window
 * prints one line on standard error, the seconds since main() began. */
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
  fprintf (stderr, "overdue-bench longest-stall %.3f\n", watch_longest / (double) G_USEC_PER_SEC);
  fflush (stderr);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  fprintf (stderr, "overdue-bench first-frame %.3f\n",
           (g_get_monotonic_time () - started_at) / (double) G_USEC_PER_SEC);
  fflush (stderr);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  watch_started = watch_last = g_get_monotonic_time ();
  g_timeout_add (10, on_watch, NULL);
}

static void
on_window_realize (GtkWidget *window,
                   gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
  g_signal_handlers_disconnect_by_func (app, on_window_added, user_data);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OdApplication) app = NULL;

  started_at = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = od_application_new ();
  if (g_getenv ("OVERDUE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
