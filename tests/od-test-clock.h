/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-clock.h"

G_BEGIN_DECLS

/*
 * A clock the test moves. It keeps the two clocks a machine has: the
 * wall clock and elapsed time (what GLib's timers count). Advancing moves
 * both; a suspend, or the owner setting the clock, moves only the wall
 * clock, so a sleeping source fires as late as a real one would. Sources
 * fire when the thread-default main context is iterated.
 */

#define OD_TYPE_TEST_CLOCK (od_test_clock_get_type ())
G_DECLARE_FINAL_TYPE (OdTestClock, od_test_clock, OD, TEST_CLOCK, OdClock)

OdTestClock *od_test_clock_new               (GDateTime   *start);
/* Moves the wall clock and elapsed time by @span. */
void         od_test_clock_advance           (OdTestClock *self,
                                              GTimeSpan    span);
/* Moves only the wall clock (a suspend: forward; set by hand: either). */
void         od_test_clock_jump              (OdTestClock *self,
                                              GTimeSpan    span);
/* The longest sleep asked for since the last reset, and how many. */
GTimeSpan    od_test_clock_get_longest_sleep (OdTestClock *self);
guint        od_test_clock_get_n_sleeps      (OdTestClock *self);
void         od_test_clock_reset_sleeps      (OdTestClock *self);
/* Elapsed time until the earliest live sleep fires, or -1 if none. */
GTimeSpan    od_test_clock_time_to_next      (OdTestClock *self);

G_END_DECLS
