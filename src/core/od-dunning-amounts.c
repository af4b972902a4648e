/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Interest, fees and the early-payment discount: all in gint64 minor
 * units, every rounding through od_round_div(). */

#include "od-dunning-private.h"
#include "od-money.h"

/**
 * od_dunning_interest:
 * @principal: the outstanding principal, minor units
 * @annual_bp: the annual rate in basis points
 * @from: the last day without interest (the due date after grace)
 * @to: the last day with interest
 * @days: (out) (optional): the number of interest days
 *
 * Simple interest, accrued daily on an actual/365 basis where a day of a
 * leap year counts 1/366 of the annual rate.
 *
 * Rounding: the days are split into those of common years (n365) and
 * those of leap years (n366), and the interest is the single rational
 * principal × bp × (n365/365 + n366/366) / 10000, that is
 * principal × bp × (366·n365 + 365·n366) / (10000 × 365 × 366),
 * rounded once, half away from zero, by od_round_div(). Rounding per day
 * or per year span would drift by up to a minor unit per rounding.
 *
 * Returns: the interest in minor units
 */
gint64
od_dunning_interest (gint64       principal,
                     gint         annual_bp,
                     const GDate *from,
                     const GDate *to,
                     guint       *days)
{
  gint64 n365 = 0;
  gint64 n366 = 0;
  gint64 interest = 0;
  guint first_year, last_year;
  guint32 first_julian, last_julian;

  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (days != NULL)
    *days = 0;

  if (g_date_compare (to, from) <= 0)
    return 0;

  first_julian = g_date_get_julian (from) + 1;
  last_julian = g_date_get_julian (to);
  first_year = g_date_get_year (from);
  last_year = g_date_get_year (to);

  for (guint year = first_year; year <= last_year; year++)
    {
      GDate jan1, dec31;
      guint32 lo, hi;

      g_date_clear (&jan1, 1);
      g_date_clear (&dec31, 1);
      g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, (GDateYear) year);
      g_date_set_dmy (&dec31, 31, G_DATE_DECEMBER, (GDateYear) year);
      lo = MAX (first_julian, g_date_get_julian (&jan1));
      hi = MIN (last_julian, g_date_get_julian (&dec31));
      if (hi < lo)
        continue;

      if (g_date_is_leap_year ((GDateYear) year))
        n366 += hi - lo + 1;
      else
        n365 += hi - lo + 1;
    }

  if (days != NULL)
    *days = (guint) (n365 + n366);

  if (principal <= 0 || annual_bp <= 0)
    return 0;

  if (!od_round_div (principal,
                     (gint64) annual_bp * (366 * n365 + 365 * n366),
                     (gint64) 10000 * 365 * 366,
                     &interest))
    return 0;

  return interest;
}

/* The step's fee: the fixed part in the invoice currency plus a percent
 * of the outstanding amount, each rounded on its own so that the letter
 * can name both parts and they add up. */
gint64
_od_dunning_step_fee (OdPolicyStep *step,
                      const char   *currency,
                      gint64        outstanding)
{
  gint64 fixed = 0;
  gint64 percent = 0;
  gint64 fee_milli = od_policy_step_get_fee_milli (step);
  gint fee_bp = od_policy_step_get_fee_bp (step);

  if (fee_milli > 0)
    fixed = od_policy_milli_to_minor (fee_milli, currency);

  if (fee_bp > 0 && outstanding > 0)
    od_percent_bp (outstanding, fee_bp, &percent);

  return fixed + percent;
}

static gboolean
discount_window (OdPolicy         *policy,
                 OdDunningInvoice *invoice,
                 GDate            *until)
{
  if (od_policy_get_early_discount_bp (policy) <= 0 ||
      od_policy_get_early_discount_days (policy) == 0 ||
      !g_date_valid (&invoice->issue_date))
    return FALSE;

  *until = invoice->issue_date;
  g_date_add_days (until, od_policy_get_early_discount_days (policy));
  return TRUE;
}

/* The amount that settles the invoice when paid on or before @on, if
 * @on is within the early-payment discount window. */
gboolean
_od_dunning_discount (OdPolicy         *policy,
                      OdDunningInvoice *invoice,
                      gint64            outstanding,
                      const GDate      *on,
                      gint64           *discounted,
                      GDate            *until)
{
  gint64 discount = 0;

  if (!discount_window (policy, invoice, until))
    return FALSE;

  if (g_date_compare (on, until) > 0)
    return FALSE;

  od_percent_bp (invoice->total, od_policy_get_early_discount_bp (policy),
                 &discount);
  *discounted = MAX (outstanding - discount, 0);
  return TRUE;
}

/* Whether the payments made within the discount window reach the
 * discounted total: then nothing more is owed. */
gboolean
_od_dunning_settled_by_discount (OdPolicy         *policy,
                                 OdDunningInvoice *invoice)
{
  GDate until;
  gint64 discount = 0;
  gint64 paid = 0;

  if (!discount_window (policy, invoice, &until))
    return FALSE;

  for (guint i = 0; i < invoice->payments->len; i++)
    {
      const OdDunningPaymentEntry *entry =
        &g_array_index (invoice->payments, OdDunningPaymentEntry, i);

      if (g_date_compare (&entry->date, &until) <= 0)
        paid += entry->amount;
    }

  if (paid <= 0)
    return FALSE;

  od_percent_bp (invoice->total, od_policy_get_early_discount_bp (policy),
                 &discount);
  return paid >= invoice->total - invoice->credits - discount;
}

/* What has been paid towards each instalment of an active plan. The plan
 * split what was outstanding when it was made, so the payments since then
 * are everything paid beyond (total − credits − the plan's sum); they
 * settle the instalments in order. A paid amount the store recorded on an
 * instalment itself is kept when it is more. */
gint64 *
_od_dunning_allocate_instalments (OdDunningInvoice *invoice)
{
  GArray *instalments = invoice->instalments;
  gint64 *paid = g_new0 (gint64, MAX (instalments->len, 1));
  gint64 planned = 0;
  gint64 pool;

  for (guint i = 0; i < instalments->len; i++)
    planned += g_array_index (instalments, OdDunningInstalment, i).amount;

  pool = od_dunning_invoice_get_paid (invoice) + invoice->credits -
         (invoice->total - planned);

  for (guint i = 0; i < instalments->len; i++)
    {
      const OdDunningInstalment *instalment =
        &g_array_index (instalments, OdDunningInstalment, i);
      gint64 share = CLAMP (pool, 0, instalment->amount);

      paid[i] = MAX (share, instalment->paid);
      pool -= share;
    }

  return paid;
}
