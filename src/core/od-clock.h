/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * OdClock: what the scheduler knows of time, injected so that tests move
 * time (across DST, a suspend, a restart) without waiting. The base class
 * is the system's clock; a test subclasses it.
 *
 * Two clocks are at work, as in GLib itself: the wall clock (now), which
 * jumps when the owner or NTP sets it and moves on during a suspend, and
 * elapsed time, which timers count and which stops while the machine is
 * suspended. od_clock_sleep_until() counts elapsed time, so its source
 * fires late if the machine sleeps meanwhile; callers keep sleeps short.
 */

#define OD_TYPE_CLOCK (od_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (OdClock, od_clock, OD, CLOCK, GObject)

struct _OdClockClass
{
  GObjectClass parent_class;

  /* A new reference to the wall-clock instant, in UTC. */
  GDateTime *(*now)         (OdClock   *self);
  /* A new source whose callback (a GSourceFunc) runs once the elapsed
   * time from now to @until has passed; at once if @until is past. */
  GSource   *(*sleep_until) (OdClock   *self,
                             GDateTime *until);

  gpointer padding[6];
};

OdClock   *od_clock_new_system (void);
GDateTime *od_clock_now        (OdClock   *self);
GSource   *od_clock_sleep_until (OdClock  *self,
                                 GDateTime *until);

G_END_DECLS
