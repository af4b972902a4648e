/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-aging-chart.h"
#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_TODAY_PAGE (od_today_page_get_type ())
G_DECLARE_FINAL_TYPE (OdTodayPage, od_today_page, OD, TODAY_PAGE, AdwBin)

/*
 * The dashboard: outstanding, overdue and DSO per currency, the aging
 * chart, what needs the owner (reviews, letters, calls, failed and
 * unknown sends, broken promises; each row goes where it is acted on)
 * and what goes out next. Read in one worker thread when the page is
 * shown; od_today_page_reload() reads it again, at once if the page is
 * shown, else when it next is (the window calls it when the ledger
 * changes).
 *
 * Its action "today.open-invoice" (x) shows an invoice on the window's
 * invoices page.
 */
OdTodayPage  *od_today_page_new             (OdContext   *context);
void          od_today_page_reload          (OdTodayPage *self);
/* Whether a load is under way or waits for the page to be shown (tests
 * wait for it to end). */
gboolean      od_today_page_is_loading      (OdTodayPage *self);
/* What the page shows for @currency, in minor units (0 when none). */
gint64        od_today_page_get_outstanding (OdTodayPage *self,
                                             const char  *currency);
gint64        od_today_page_get_overdue     (OdTodayPage *self,
                                             const char  *currency);
/* The aging chart of the @index-th currency (by code), or NULL. */
OdAgingChart *od_today_page_get_aging_chart (OdTodayPage *self,
                                             guint        index);
/* How many rows "Needs you" and "Next out" show. */
guint         od_today_page_get_n_needs     (OdTodayPage *self);
guint         od_today_page_get_n_next      (OdTodayPage *self);

G_END_DECLS
