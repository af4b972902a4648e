/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/*
 * Days sales outstanding, per currency, over a period [from, to]:
 *
 * - simple: receivables open at the end ÷ credit sales (invoices issued)
 *   in the period × the period's days;
 * - countback: the receivables at the end are matched against the sales
 *   of the most recent calendar months, walking back (the month of @to
 *   counts from its first day to @to): a month whose sales the remaining
 *   receivables cover adds all its days, the month that covers the rest
 *   adds its share of its days. At most 24 months are walked; a month
 *   without sales adds all its days.
 * - trend: the simple DSO of each of the 12 calendar months up to @to
 *   (receivables at each month's end ÷ that month's sales × its days).
 *
 * Days are doubles (they are not money); NAN when there were no sales.
 */

#define OD_REPORT_DSO_MONTHS 12

typedef struct
{
  char     currency[4];
  gint64   receivables;     /* open at @to, minor units */
  gint64   sales;           /* issued in the period */
  double   simple;
  double   countback;
  double   trend[OD_REPORT_DSO_MONTHS];  /* oldest month first */
  gint64   trend_receivables[OD_REPORT_DSO_MONTHS];  /* open at each month's end */
  gint64   trend_sales[OD_REPORT_DSO_MONTHS];        /* issued in each month */
} OdReportDsoRow;

typedef struct
{
  GDate      from;
  GDate      to;
  guint      days;                          /* from .. to inclusive */
  GDate      month_start[OD_REPORT_DSO_MONTHS];  /* the trend's months, oldest first */
  GDate      month_end[OD_REPORT_DSO_MONTHS];    /* the last is @to */
  GArray    *rows;                          /* OdReportDsoRow, by currency */
} OdReportDso;

OdReportDso *od_report_dso_new  (OdStore      *store,
                                 const GDate  *from,
                                 const GDate  *to,
                                 GError      **error);
void         od_report_dso_free (OdReportDso  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdReportDso, od_report_dso_free)

G_END_DECLS
