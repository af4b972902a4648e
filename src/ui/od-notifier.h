/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-scheduler.h"

G_BEGIN_DECLS

/*
 * OdNotifier: tells the owner when a person is needed, one notification
 * per kind of work, updated in place under the same id and withdrawn when
 * the work is done. Each opens its page in the window through the
 * application action "app.show-page" with the page's name (the OD_PAGE_*
 * names below).
 */

/* The window's pages (OD_WINDOW_PAGE_* in od-window.h, which this GIO-only
 * file cannot include): what needs a person today, letters, activity. */
#define OD_PAGE_REVIEW   "today"     /* steps waiting for the owner's review */
#define OD_PAGE_CALLS    "today"     /* calls to make */
#define OD_PAGE_LETTERS  "letters"   /* letters to print */
#define OD_PAGE_OUTBOX   "activity"  /* failed and unknown sends */
#define OD_PAGE_ACTIVITY "activity"  /* what was sent */

typedef enum
{
  OD_NOTIFY_REVIEW,
  OD_NOTIFY_LETTERS,
  OD_NOTIFY_CALLS,
  OD_NOTIFY_FAILED,
  OD_NOTIFY_UNKNOWN,
  OD_NOTIFY_SUMMARY,
  OD_NOTIFY_N_KINDS
} OdNotifyKind;

/* The hour (local time) from which the day's summary is shown. */
#define OD_NOTIFIER_SUMMARY_HOUR 17

#define OD_TYPE_NOTIFIER (od_notifier_get_type ())
G_DECLARE_FINAL_TYPE (OdNotifier, od_notifier, OD, NOTIFIER, GObject)

OdNotifier *od_notifier_new           (GApplication        *application);
void        od_notifier_set_time_zone (OdNotifier          *self,
                                       GTimeZone           *zone);
void        od_notifier_update        (OdNotifier          *self,
                                       const OdPassSummary *summary);
/* The notification id of @kind ("overdue-review", …). */
const char *od_notifier_kind_id       (OdNotifyKind         kind);

G_END_DECLS
