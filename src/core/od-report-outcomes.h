/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/*
 * What works: for each policy step (repeats not counted) and, where the
 * step names two templates, each template variant, how many invoices
 * were paid in full within 3, 7 and 14 days after the step was taken,
 * and the median days to payment of those paid by the as-of date. For
 * a step with two variants, a two-proportion z-test on "paid within 14
 * days" says whether the difference is more than chance.
 */

typedef struct
{
  char    *step;
  guint    variant;         /* 0 (A) or 1 (B); 0 for a step with one template */
  char    *template_name;   /* NULL when the step is not in the policy */
  guint    n_invoices;      /* invoices the step was taken for */
  guint    paid_3;          /* paid in full within 3 days after it */
  guint    paid_7;
  guint    paid_14;
  guint    n_paid;          /* paid in full by the as-of date */
  double   median_days;     /* of those; NAN when none */
} OdReportOutcomeRow;

typedef struct
{
  char    *step;
  double   z;               /* A's share − B's share, in standard errors */
  double   p_value;         /* two-sided */
} OdReportOutcomeTest;

typedef struct
{
  GDate      as_of;
  GPtrArray *rows;          /* OdReportOutcomeRow*, in the policy's order, then by name */
  GPtrArray *tests;         /* OdReportOutcomeTest*, one per step with two variants */
} OdReportOutcomes;

/* @policy: the steps' order and templates (NULL: by name, no variants). */
OdReportOutcomes *od_report_outcomes_new  (OdStore           *store,
                                           OdPolicy          *policy,
                                           const GDate       *as_of,
                                           GError           **error);
void              od_report_outcomes_free (OdReportOutcomes  *self);
/* The two-proportion z-test with a pooled standard error: @x1 of @n1
 * against @x2 of @n2. Returns z and sets *@p_value to the two-sided
 * p-value erfc (|z| / √2); z = 0 and p = 1 when it cannot tell (an
 * empty group, or every invoice alike). */
double            od_report_two_proportion_z (guint           x1,
                                              guint           n1,
                                              guint           x2,
                                              guint           n2,
                                              double         *p_value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdReportOutcomes, od_report_outcomes_free)

G_END_DECLS
