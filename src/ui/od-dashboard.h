/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-report-aging.h"
#include "od-report-dso.h"

G_BEGIN_DECLS

/*
 * What the Today page shows, read from the store at @now: the aging and
 * DSO reports, what needs the owner (messages awaiting approval, letters
 * to print, calls to make, failed and unknown sends from the outbox;
 * steps awaiting review and broken promises from the plan) and the next
 * actions the plan will take. Blocking: call it in a worker thread.
 */

/* A row of "Needs you" or "Next out": it leads to a page, or an invoice. */
typedef struct
{
  const char *icon;
  char       *title;
  char       *subtitle;
  const char *page;        /* a window page name; NULL: the invoice */
  gint64      invoice_id;
} OdDashboardItem;

typedef struct
{
  GDate          today;
  OdReportAging *aging;
  OdReportDso   *dso;       /* the last 90 days */
  GPtrArray     *needs;     /* OdDashboardItem* */
  GPtrArray     *next;      /* OdDashboardItem*, at most five, soonest first */
} OdDashboard;

OdDashboard *od_dashboard_read (OdStore     *store,
                                GTimeZone   *zone,
                                GDateTime   *now,
                                GError     **error);
void         od_dashboard_free (OdDashboard *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdDashboard, od_dashboard_free)

G_END_DECLS
