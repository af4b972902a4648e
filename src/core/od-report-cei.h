/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/*
 * The collection effectiveness index of a period [from, to], per
 * currency:
 *
 *   CEI = (begin + sales − end) ÷ (begin + sales − end current) × 100
 *
 * begin: receivables open at the end of the day before @from; sales:
 * invoices issued in the period; end: open at @to; end current: of
 * those, not yet due at @to. Kept in basis points (10000 = 100 %),
 * rounded with od_round_div(); the parts are kept too, so the exact
 * fraction is at hand.
 */

typedef struct
{
  char      currency[4];
  gint64    begin;
  gint64    sales;
  gint64    end;
  gint64    end_current;
  gboolean  defined;     /* FALSE when the denominator is not positive */
  gint64    cei_bp;
} OdReportCeiRow;

typedef struct
{
  GDate      from;
  GDate      to;
  GArray    *rows;       /* OdReportCeiRow, by currency */
} OdReportCei;

OdReportCei *od_report_cei_new  (OdStore      *store,
                                 const GDate  *from,
                                 const GDate  *to,
                                 GError      **error);
void         od_report_cei_free (OdReportCei  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdReportCei, od_report_cei_free)

G_END_DECLS
