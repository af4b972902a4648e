/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/*
 * The aging of receivables on a date: what each customer had open, in
 * buckets by days past due, and the totals, per currency (never added
 * across currencies). Amounts are minor units.
 */

#define OD_REPORT_AGING_MAX_EDGES 8

typedef struct
{
  gint64   customer_id;   /* 0 in a total */
  char    *customer_ref;  /* NULL in a total */
  char    *customer_name;
  char     currency[4];
  gint64  *buckets;       /* n_buckets amounts: current, then by age */
  gint64   open;          /* the buckets' sum */
  guint    n_invoices;
} OdReportAgingRow;

typedef struct
{
  GDate      as_of;
  guint      edges[OD_REPORT_AGING_MAX_EDGES];
  guint      n_edges;
  guint      n_buckets;   /* n_edges + 2 */
  GPtrArray *rows;        /* OdReportAgingRow*, by customer name, then currency */
  GPtrArray *totals;      /* OdReportAgingRow*, one per currency, by code */
} OdReportAging;

/* @edges: ascending upper edges of the past-due buckets but the last
 * (NULL: 30, 60, 90 — current, 1–30, 31–60, 61–90, 91+). */
OdReportAging *od_report_aging_new          (OdStore        *store,
                                             const GDate    *as_of,
                                             const guint    *edges,
                                             guint           n_edges,
                                             GError        **error);
void           od_report_aging_free         (OdReportAging  *self);
/* "current", "1-30", …, "91+": stable keys for CSV and JSON. */
char          *od_report_aging_bucket_key   (OdReportAging  *self,
                                             guint           bucket);
/* Parses "30,60,90" into @edges (at most OD_REPORT_AGING_MAX_EDGES). */
gboolean       od_report_aging_parse_edges  (const char     *text,
                                             guint          *edges,
                                             guint          *n_edges,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdReportAging, od_report_aging_free)

G_END_DECLS
