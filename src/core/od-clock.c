/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-clock.h"

G_DEFINE_TYPE (OdClock, od_clock, G_TYPE_OBJECT)

static GDateTime *
od_clock_real_now (OdClock *self)
{
  return g_date_time_new_now_utc ();
}

/* A GLib timeout counts monotonic time, which on Linux stops during a
 * suspend: exactly the elapsed time this call promises. */
static GSource *
od_clock_real_sleep_until (OdClock   *self,
                           GDateTime *until)
{
  g_autoptr(GDateTime) now = od_clock_now (self);
  GTimeSpan span = g_date_time_difference (until, now);
  guint ms;

  if (span <= 0)
    ms = 0;
  else if (span >= (GTimeSpan) G_MAXUINT * G_TIME_SPAN_MILLISECOND)
    ms = G_MAXUINT;
  else  /* rounded up: never wake before @until */
    ms = (guint) ((span + G_TIME_SPAN_MILLISECOND - 1) / G_TIME_SPAN_MILLISECOND);

  return g_timeout_source_new (ms);
}

static void
od_clock_class_init (OdClockClass *klass)
{
  klass->now = od_clock_real_now;
  klass->sleep_until = od_clock_real_sleep_until;
}

static void
od_clock_init (OdClock *self)
{
}

/**
 * od_clock_new_system:
 *
 * Returns: (transfer full): the system's clock: g_get_real_time() for the
 *   wall clock and GLib timeouts for sleeping
 */
OdClock *
od_clock_new_system (void)
{
  return g_object_new (OD_TYPE_CLOCK, NULL);
}

/**
 * od_clock_now:
 * @self: a clock
 *
 * Returns: (transfer full): the wall-clock instant, in UTC
 */
GDateTime *
od_clock_now (OdClock *self)
{
  g_return_val_if_fail (OD_IS_CLOCK (self), NULL);

  return OD_CLOCK_GET_CLASS (self)->now (self);
}

/**
 * od_clock_sleep_until:
 * @self: a clock
 * @until: the wall-clock instant to wake at
 *
 * A new source (not attached) whose #GSourceFunc callback runs once the
 * elapsed time from now to @until has passed. Elapsed time stops while
 * the machine is suspended, so after a suspend the source fires later
 * than @until by the length of the suspend.
 *
 * Returns: (transfer full): the source
 */
GSource *
od_clock_sleep_until (OdClock   *self,
                      GDateTime *until)
{
  g_return_val_if_fail (OD_IS_CLOCK (self), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  return OD_CLOCK_GET_CLASS (self)->sleep_until (self, until);
}
