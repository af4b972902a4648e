/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-clock.h"
#include "od-store.h"

G_BEGIN_DECLS

/* The longest the scheduler's timer sleeps: GLib's timers do not count
 * time while the machine is suspended, so a longer one would fire late. */
#define OD_SCHEDULER_MAX_SLEEP (5 * G_TIME_SPAN_MINUTE)

/*
 * What one collection pass did, and what waits for a person after it.
 * The counts of work for a person are totals (all letters waiting to be
 * printed), not what this pass added: a notification shows the total.
 */
typedef struct
{
  GDateTime *now;              /* the instant the pass ran at */
  GDateTime *next_due;         /* the next instant anything is due (a step,
                                * a retry, a send window opening), or NULL */
  guint      taken;            /* steps taken: queued, letter made, task made */
  guint      superseded;       /* steps a catch-up passed over */
  guint      sent;             /* messages that left in this pass */
  guint      awaiting_review;  /* steps waiting for the owner's review */
  guint      letters_to_print;
  guint      calls_to_make;
  guint      failed;           /* permanent failures for the owner to see */
  guint      unknown;          /* sends whose fate is unknown */
} OdPassSummary;

#define OD_TYPE_PASS_SUMMARY (od_pass_summary_get_type ())
GType          od_pass_summary_get_type (void) G_GNUC_CONST;
OdPassSummary *od_pass_summary_new      (GDateTime           *now);
OdPassSummary *od_pass_summary_copy     (const OdPassSummary *self);
void           od_pass_summary_free     (OdPassSummary       *self);
/* Sets the summary's next due instant to @instant if that is earlier. */
void           od_pass_summary_due_at   (OdPassSummary       *self,
                                         GDateTime           *instant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdPassSummary, od_pass_summary_free)

/*
 * The collection pass. Runs in a worker thread: it must not touch the
 * main loop, and must return soon (with G_IO_ERROR_CANCELLED) once
 * @cancellable is cancelled. It fills @summary, including next_due.
 */
typedef gboolean (*OdSchedulerWorkFunc) (OdStore       *store,
                                         GDateTime     *now,
                                         OdPassSummary *summary,
                                         gpointer       user_data,
                                         GCancellable  *cancellable,
                                         GError       **error);

#define OD_TYPE_SCHEDULER (od_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (OdScheduler, od_scheduler, OD, SCHEDULER, GObject)

OdScheduler *od_scheduler_new            (OdStore             *store,
                                          OdClock             *clock);
void         od_scheduler_set_work       (OdScheduler         *self,
                                          OdSchedulerWorkFunc  work,
                                          gpointer             user_data,
                                          GDestroyNotify       destroy);
void         od_scheduler_set_system_bus (OdScheduler         *self,
                                          GDBusConnection     *bus);
void         od_scheduler_start          (OdScheduler         *self);
void         od_scheduler_stop           (OdScheduler         *self);
void         od_scheduler_data_changed   (OdScheduler         *self);
void         od_scheduler_check_now      (OdScheduler         *self);
OdStore     *od_scheduler_get_store      (OdScheduler         *self);
OdClock     *od_scheduler_get_clock      (OdScheduler         *self);
GDateTime   *od_scheduler_get_next_due   (OdScheduler         *self);
GDateTime   *od_scheduler_get_wakeup     (OdScheduler         *self);
gboolean     od_scheduler_get_running    (OdScheduler         *self);
guint        od_scheduler_get_n_passes   (OdScheduler         *self);

G_END_DECLS
