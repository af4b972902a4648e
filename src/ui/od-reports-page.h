/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-aging-table.h"
#include "od-context.h"
#include "od-trend-chart.h"

G_BEGIN_DECLS

#define OD_TYPE_REPORTS_PAGE (od_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (OdReportsPage, od_reports_page, OD, REPORTS_PAGE, AdwBin)

/*
 * The reports, as overdue-cli report shows them, in four views: the
 * aging table (sortable, exportable), DSO with its 12-month trend and
 * the CEI, every customer's risk with its reasons, and what works (paid
 * within 3, 7 and 14 days after each step and variant). Read in one
 * worker thread when the page is shown; od_reports_page_reload() reads
 * again (at once if shown, else when next shown).
 */
OdReportsPage *od_reports_page_new             (OdContext     *context);
void           od_reports_page_reload          (OdReportsPage *self);
/* Whether a load is under way or waits for the page to be shown. */
gboolean       od_reports_page_is_loading      (OdReportsPage *self);
OdAgingTable  *od_reports_page_get_aging_table (OdReportsPage *self);
OdTrendChart  *od_reports_page_get_trend_chart (OdReportsPage *self);
/* How many customers the risk list and rows the outcomes list show. */
guint          od_reports_page_get_n_risks     (OdReportsPage *self);
guint          od_reports_page_get_n_outcomes  (OdReportsPage *self);
/* Shows one view: "aging", "dso", "risk" or "outcomes". */
void           od_reports_page_show_view       (OdReportsPage *self,
                                                const char    *name);

G_END_DECLS
