/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Why chasing an invoice stops for now: do-not-chase, a dispute, a hold,
 * a promise to pay, or an amount too small to chase. Each with the human
 * reason the owner reads, and the wake-up for pauses that end on a date. */

#include "od-dunning-private.h"
#include "od-date.h"
#include "od-money.h"

#include <glib/gi18n-lib.h>

static gboolean
pause_started (InvoiceCtx           *ctx,
               const OdDunningPause *pause)
{
  return !g_date_valid (&pause->since) ||
         g_date_compare (&pause->since, &ctx->today) <= 0;
}

/* Whether chasing is paused, and why. Also arms the wake-up for pauses
 * that end on a date, and notes a broken promise. */
gboolean
_od_dunning_find_pause (InvoiceCtx     *ctx,
                        OdActionStatus *status,
                        char          **reason)
{
  OdDunningInvoice *invoice = ctx->invoice;
  const OdDunningPause *dispute = NULL;
  const OdDunningPause *hold = NULL;
  const OdDunningPause *promise = NULL;
  const OdDunningPause *broken = NULL;
  gint64 minimum;

  for (guint i = 0; i < invoice->pauses->len; i++)
    {
      const OdDunningPause *pause = g_ptr_array_index (invoice->pauses, i);
      gboolean ended;

      if (pause->resolved || !pause_started (ctx, pause))
        continue;

      ended = g_date_valid (&pause->until) &&
              g_date_compare (&pause->until, &ctx->today) < 0;

      switch (pause->kind)
        {
        case OD_PAUSE_KIND_DISPUTE:
          dispute = pause;
          break;
        case OD_PAUSE_KIND_HOLD:
          if (!ended)
            hold = pause;
          break;
        case OD_PAUSE_KIND_PROMISE:
          if (!ended)
            promise = pause;
          else
            broken = pause;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (hold != NULL && g_date_valid (&hold->until))
    _od_dunning_note_wakeup_after (ctx, &hold->until);
  if (promise != NULL && g_date_valid (&promise->until))
    _od_dunning_note_wakeup_after (ctx, &promise->until);

  if (broken != NULL && promise == NULL)
    {
      g_autofree char *date = od_date_to_iso (&broken->until);

      g_free (ctx->resume_reason_owned);
      ctx->resume_reason_owned =
        g_strdup_printf (_("The promise to pay by %s was broken; chasing resumes"),
                         date);
      ctx->resume_reason = ctx->resume_reason_owned;
    }

  if (ctx->customer->do_not_chase)
    {
      *status = OD_ACTION_DO_NOT_CHASE;
      *reason = g_strdup (_("The customer is marked do-not-chase"));
      return TRUE;
    }

  if (dispute != NULL)
    {
      *status = OD_ACTION_DISPUTED;
      *reason = dispute->reason != NULL && *dispute->reason != '\0'
        ? g_strdup_printf (_("Disputed until resolved: %s"), dispute->reason)
        : g_strdup (_("Disputed until resolved"));
      return TRUE;
    }

  if (hold != NULL)
    {
      g_autofree char *until = g_date_valid (&hold->until)
        ? od_date_to_iso (&hold->until) : NULL;

      *status = OD_ACTION_HELD;
      if (until != NULL)
        *reason = g_strdup_printf (_("On hold until %s"), until);
      else
        *reason = g_strdup (_("On hold until resumed"));
      if (hold->reason != NULL && *hold->reason != '\0')
        {
          char *full = g_strdup_printf ("%s: %s", *reason, hold->reason);

          g_free (*reason);
          *reason = full;
        }
      return TRUE;
    }

  if (promise != NULL)
    {
      g_autofree char *until = g_date_valid (&promise->until)
        ? od_date_to_iso (&promise->until) : NULL;

      *status = OD_ACTION_PROMISED;
      *reason = until != NULL
        ? g_strdup_printf (_("Promised to pay by %s"), until)
        : g_strdup (_("Promised to pay"));
      return TRUE;
    }

  minimum = od_policy_milli_to_minor (od_policy_get_minimum_milli (ctx->policy),
                                      invoice->currency);
  if (ctx->outstanding < minimum)
    {
      g_autofree char *text = od_amount_to_string (minimum,
                                                   od_currency_minor_digits (invoice->currency));

      *status = OD_ACTION_BELOW_MINIMUM;
      *reason = g_strdup_printf (_("Less than the minimum worth chasing (%s %s)"),
                                 text, invoice->currency);
      return TRUE;
    }

  return FALSE;
}
