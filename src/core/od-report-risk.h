/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/*
 * Every customer's risk of paying late, with the reasons that made it,
 * and the behaviour figures a customer page shows (average days to pay,
 * on-time share, promise-kept rate). Shares are basis points. The
 * thresholds are listed in od-report-risk.c.
 *
 * The levels feed the engine: od_risk_levels_refresh() stores them in
 * customers.risk_level once a day (the collection pass calls it), and the
 * dunning snapshot gives a high-risk customer without a policy of its own
 * the high-risk ladder (od_store_set_policy (OD_STORE_HIGH_RISK_POLICY),
 * "overdue-cli policy import FILE --high-risk") when one is set.
 */

typedef enum
{
  OD_RISK_LOW,
  OD_RISK_MEDIUM,
  OD_RISK_HIGH,
} OdRiskLevel;

typedef enum
{
  OD_RISK_REASON_DAYS_BEYOND_TERMS,
  OD_RISK_REASON_GETTING_LATER,
  OD_RISK_REASON_OFTEN_LATE,
  OD_RISK_REASON_PAST_DUE,
  OD_RISK_REASON_BROKEN_PROMISES,
  OD_RISK_REASON_DISPUTES,
  OD_RISK_REASON_OVER_LIMIT,
  OD_RISK_REASON_NEAR_LIMIT,
  OD_RISK_REASON_SEVERAL,
} OdRiskReasonKind;

typedef struct
{
  OdRiskReasonKind  kind;
  OdRiskLevel       level;
  char             *text;     /* translated, for people */
} OdRiskReason;

typedef struct
{
  gint64       customer_id;
  char        *customer_ref;
  char        *customer_name;
  OdRiskLevel  level;
  GPtrArray   *reasons;       /* OdRiskReason*, gravest first */

  guint        n_settled;     /* invoices paid in full */
  double       avg_days_to_pay;     /* issue to payment; NAN without any */
  double       avg_days_beyond;     /* beyond the due date (0 when on time); NAN without any */
  double       recent_days_beyond;  /* of those paid in the last 90 days; NAN without any */
  gint         on_time_bp;          /* -1 without any */
  guint        n_past_due;
  gint         max_days_past_due;
  guint        promises_due;
  guint        promises_kept;
  gint         promise_kept_bp;     /* -1 without any promise due */
  guint        open_disputes;
  gint64       credit_limit;        /* minor units of credit_currency; 0 = none */
  char         credit_currency[4];
  gint64       credit_open;
  gint         credit_use_bp;       /* -1 without a limit */
} OdReportRiskRow;

typedef struct
{
  GDate       as_of;
  GPtrArray  *rows;           /* OdReportRiskRow*, by customer name */
  GHashTable *by_id;          /* customer id → row */
} OdReportRisk;

OdReportRisk    *od_report_risk_new               (OdStore          *store,
                                                   const GDate      *as_of,
                                                   GError          **error);
void             od_report_risk_free              (OdReportRisk     *self);
/* The row of @customer_id, or NULL (archived or unknown). */
OdReportRiskRow *od_report_risk_find              (OdReportRisk     *self,
                                                   gint64            customer_id);
/* The row of one customer (the same figures, without the ledger's other
 * rows); NULL without an error when archived or unknown. */
OdReportRiskRow *od_report_risk_row_for_customer  (OdStore          *store,
                                                   const GDate      *as_of,
                                                   gint64            customer_id,
                                                   GError          **error);
/* Judges one customer from the store's figures (exposed for the tests). */
OdReportRiskRow *od_report_risk_row_new           (const OdStoreBehaviourRow *behaviour);
void             od_report_risk_row_free          (OdReportRiskRow  *row);
const char      *od_risk_level_to_string          (OdRiskLevel       level);
const char      *od_risk_reason_kind_to_string    (OdRiskReasonKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdReportRisk, od_report_risk_free)

G_END_DECLS
