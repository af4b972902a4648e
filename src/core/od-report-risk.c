/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-money.h"
#include "od-report-risk.h"

/*
 * The thresholds. A customer's level is the gravest of its reasons; three
 * or more medium reasons together make it high. Only reasons that raise
 * the level are listed: a low-risk customer has none.
 *
 *   average days beyond terms (at least 2 invoices paid):
 *                               ≥ 30 days high, ≥ 10 days medium
 *   getting later: the invoices paid in the last 90 days ran at least
 *     7 days further beyond terms on average than the earlier ones
 *     (at least 2 of each):     medium
 *   share paid late (at least 3 invoices paid): ≥ 50 % medium
 *   currently past due: oldest > 60 days high, > 30 days medium
 *   broken promises (a promise whose date passed unpaid):
 *                               ≥ 2 high, 1 medium
 *   disputes open on the date:  ≥ 1 medium
 *   credit limit: open in its currency ≥ 100 % high (over the limit),
 *                 ≥ 80 % medium (near the limit)
 */
#define MIN_SETTLED_FOR_DAYS   2
#define DAYS_BEYOND_HIGH       30
#define DAYS_BEYOND_MEDIUM     10
#define MIN_EACH_FOR_TREND     2
#define TREND_DAYS_MEDIUM      7
#define MIN_SETTLED_FOR_SHARE  3
#define LATE_SHARE_MEDIUM_BP   5000
#define PAST_DUE_HIGH          60
#define PAST_DUE_MEDIUM        30
#define BROKEN_PROMISES_HIGH   2
#define CREDIT_NEAR_BP         8000
#define MEDIUM_REASONS_HIGH    3

static void
reason_free (OdRiskReason *reason)
{
  g_free (reason->text);
  g_free (reason);
}

static void
add_reason (OdReportRiskRow  *row,
            OdRiskReasonKind  kind,
            OdRiskLevel       level,
            char             *text)
{
  OdRiskReason *reason = g_new0 (OdRiskReason, 1);

  reason->kind = kind;
  reason->level = level;
  reason->text = text;
  g_ptr_array_add (row->reasons, reason);
  row->level = MAX (row->level, level);
}

static gint
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const OdRiskReason *ra = *(OdRiskReason * const *) a;
  const OdRiskReason *rb = *(OdRiskReason * const *) b;

  if (ra->level != rb->level)
    return ra->level > rb->level ? -1 : 1;
  return (gint) ra->kind - (gint) rb->kind;
}

static gint
share_bp (gint64 part,
          gint64 whole)
{
  gint64 bp = -1;

  if (whole <= 0 || !od_round_div (part, 10000, whole, &bp))
    return -1;
  return (gint) bp;
}

static void
judge_payment_days (OdReportRiskRow           *row,
                    const OdStoreBehaviourRow *b)
{
  guint n_earlier = b->n_settled - b->n_recent;
  gint64 earlier_sum = b->days_beyond_sum - b->recent_beyond_sum;

  if (b->n_settled >= MIN_SETTLED_FOR_DAYS)
    {
      OdRiskLevel level = OD_RISK_LOW;

      if (b->days_beyond_sum >= (gint64) DAYS_BEYOND_HIGH * b->n_settled)
        level = OD_RISK_HIGH;
      else if (b->days_beyond_sum >= (gint64) DAYS_BEYOND_MEDIUM * b->n_settled)
        level = OD_RISK_MEDIUM;
      if (level > OD_RISK_LOW)
        add_reason (row, OD_RISK_REASON_DAYS_BEYOND_TERMS, level,
                    g_strdup_printf (_("Pays %.0f days beyond terms on average"),
                                     row->avg_days_beyond));
    }

  /* recent / n_recent − earlier / n_earlier ≥ 7, without dividing. */
  if (b->n_recent >= MIN_EACH_FOR_TREND && n_earlier >= MIN_EACH_FOR_TREND &&
      b->recent_beyond_sum * n_earlier - earlier_sum * b->n_recent >=
        (gint64) TREND_DAYS_MEDIUM * b->n_recent * n_earlier)
    add_reason (row, OD_RISK_REASON_GETTING_LATER, OD_RISK_MEDIUM,
                g_strdup_printf (_("Paying later: %.0f days beyond terms lately, %.0f before"),
                                 row->recent_days_beyond,
                                 (double) earlier_sum / n_earlier));

  if (b->n_settled >= MIN_SETTLED_FOR_SHARE &&
      (gint64) b->n_late * 10000 >= (gint64) LATE_SHARE_MEDIUM_BP * b->n_settled)
    add_reason (row, OD_RISK_REASON_OFTEN_LATE, OD_RISK_MEDIUM,
                g_strdup_printf (_("Paid %u of %u invoices late"),
                                 b->n_late, b->n_settled));
}

static void
judge_open (OdReportRiskRow           *row,
            const OdStoreBehaviourRow *b)
{
  guint broken = b->promises_due - b->promises_kept;

  if (b->n_past_due > 0 && b->max_days_past_due > PAST_DUE_MEDIUM)
    add_reason (row, OD_RISK_REASON_PAST_DUE,
                b->max_days_past_due > PAST_DUE_HIGH ? OD_RISK_HIGH : OD_RISK_MEDIUM,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u invoice past due, the oldest by %d days",
                                              "%u invoices past due, the oldest by %d days",
                                              b->n_past_due),
                                 b->n_past_due, b->max_days_past_due));
  if (broken > 0)
    add_reason (row, OD_RISK_REASON_BROKEN_PROMISES,
                broken >= BROKEN_PROMISES_HIGH ? OD_RISK_HIGH : OD_RISK_MEDIUM,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Broke %u promise to pay",
                                              "Broke %u promises to pay", broken),
                                 broken));
  if (b->open_disputes > 0)
    add_reason (row, OD_RISK_REASON_DISPUTES, OD_RISK_MEDIUM,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u open dispute", "%u open disputes",
                                              b->open_disputes),
                                 b->open_disputes));
  if (row->credit_use_bp >= 10000)
    add_reason (row, OD_RISK_REASON_OVER_LIMIT, OD_RISK_HIGH,
                g_strdup_printf (_("Over the credit limit: %d %% used"),
                                 row->credit_use_bp / 100));
  else if (row->credit_use_bp >= CREDIT_NEAR_BP)
    add_reason (row, OD_RISK_REASON_NEAR_LIMIT, OD_RISK_MEDIUM,
                g_strdup_printf (_("Near the credit limit: %d %% used"),
                                 row->credit_use_bp / 100));
}

static gboolean
add_behaviour (const OdStoreBehaviourRow *behaviour,
               gpointer                   user_data,
               GError                   **error)
{
  OdReportRisk *self = user_data;
  OdReportRiskRow *row = od_report_risk_row_new (behaviour);

  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->by_id, &row->customer_id, row);
  return TRUE;
}

/**
 * od_report_risk_new:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
OdReportRisk *
od_report_risk_new (OdStore      *store,
                    const GDate  *as_of,
                    GError      **error)
{
  OdReportRisk *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (OdReportRisk, 1);
  self->as_of = *as_of;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) od_report_risk_row_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!od_store_foreach_behaviour (store, as_of, 0, add_behaviour, self, error))
    {
      od_report_risk_free (self);
      return NULL;
    }
  return self;
}

void
od_report_risk_free (OdReportRisk *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

OdReportRiskRow *
od_report_risk_find (OdReportRisk *self,
                     gint64        customer_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->by_id, &customer_id);
}

/**
 * od_report_risk_row_new:
 *
 * Returns: (transfer full): the customer's figures, level and reasons
 */
OdReportRiskRow *
od_report_risk_row_new (const OdStoreBehaviourRow *b)
{
  OdReportRiskRow *row;
  guint medium = 0;

  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (b->n_recent <= b->n_settled && b->n_late <= b->n_settled, NULL);
  g_return_val_if_fail (b->promises_kept <= b->promises_due, NULL);

  row = g_new0 (OdReportRiskRow, 1);
  row->customer_id = b->customer_id;
  row->customer_ref = g_strdup (b->customer_ref);
  row->customer_name = g_strdup (b->customer_name);
  row->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);
  row->level = OD_RISK_LOW;

  row->n_settled = b->n_settled;
  row->avg_days_to_pay = b->n_settled > 0 ? (double) b->days_to_pay_sum / b->n_settled : NAN;
  row->avg_days_beyond = b->n_settled > 0 ? (double) b->days_beyond_sum / b->n_settled : NAN;
  row->recent_days_beyond = b->n_recent > 0 ? (double) b->recent_beyond_sum / b->n_recent : NAN;
  row->on_time_bp = share_bp (b->n_settled - b->n_late, b->n_settled);
  row->n_past_due = b->n_past_due;
  row->max_days_past_due = b->n_past_due > 0 ? b->max_days_past_due : 0;
  row->promises_due = b->promises_due;
  row->promises_kept = b->promises_kept;
  row->promise_kept_bp = share_bp (b->promises_kept, b->promises_due);
  row->open_disputes = b->open_disputes;
  row->credit_limit = b->credit_limit;
  g_strlcpy (row->credit_currency, b->credit_currency != NULL ? b->credit_currency : "",
             sizeof row->credit_currency);
  row->credit_open = b->credit_open;
  row->credit_use_bp = b->credit_limit > 0 ? share_bp (b->credit_open, b->credit_limit) : -1;

  judge_payment_days (row, b);
  judge_open (row, b);

  for (guint i = 0; i < row->reasons->len; i++)
    if (((OdRiskReason *) g_ptr_array_index (row->reasons, i))->level == OD_RISK_MEDIUM)
      medium++;
  if (row->level == OD_RISK_MEDIUM && medium >= MEDIUM_REASONS_HIGH)
    add_reason (row, OD_RISK_REASON_SEVERAL, OD_RISK_HIGH,
                g_strdup_printf (_("%u warning signs at once"), medium));

  g_ptr_array_sort (row->reasons, compare_reasons);
  return row;
}

void
od_report_risk_row_free (OdReportRiskRow *row)
{
  if (row == NULL)
    return;
  g_free (row->customer_ref);
  g_free (row->customer_name);
  g_ptr_array_unref (row->reasons);
  g_free (row);
}

const char *
od_risk_level_to_string (OdRiskLevel level)
{
  switch (level)
    {
    case OD_RISK_HIGH:
      return "high";
    case OD_RISK_MEDIUM:
      return "medium";
    case OD_RISK_LOW:
    default:
      return "low";
    }
}

const char *
od_risk_reason_kind_to_string (OdRiskReasonKind kind)
{
  static const char * const names[] = {
    "days-beyond-terms", "getting-later", "often-late", "past-due",
    "broken-promises", "disputes", "over-limit", "near-limit", "several",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}
