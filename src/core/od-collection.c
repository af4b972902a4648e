/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-account.h"
#include "od-collection.h"
#include "od-demo-deliverer.h"
#include "od-risk-levels.h"
#include "od-email-deliverer.h"
#include "od-manual-deliverer.h"
#include "od-sms-deliverer.h"

static void
due_at (GDateTime **next,
        GDateTime  *instant)
{
  if (instant == NULL)
    return;
  if (*next == NULL || g_date_time_compare (instant, *next) < 0)
    {
      g_clear_pointer (next, g_date_time_unref);
      *next = g_date_time_ref (instant);
    }
}

void
od_collection_summary_clear (OdCollectionSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->next_due, g_date_time_unref);
  memset (summary, 0, sizeof *summary);
}

/**
 * od_collection_time_zone:
 *
 * Returns: (transfer full): the zone
 */
GTimeZone *
od_collection_time_zone (OdStore *store)
{
  g_autoptr(OdBusiness) business = NULL;
  const char *identifier;
  GTimeZone *zone = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  business = od_store_get_business (store, NULL);
  identifier = business != NULL ? od_business_get_time_zone (business) : NULL;
  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

/**
 * od_collection_plan:
 * @snapshot: (out) (transfer full):
 *
 * Returns: (transfer full) (nullable): the plan
 */
OdDunningPlan *
od_collection_plan (OdStore             *store,
                    GTimeZone           *zone,
                    GDateTime           *now,
                    OdCollectionFlags    flags,
                    OdDunningSnapshot  **snapshot,
                    GError             **error)
{
  g_autoptr(OdDunningSnapshot) loaded = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) own_zone = NULL;
  OdDunningPlan *plan;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL && snapshot != NULL, NULL);

  if (zone == NULL)
    zone = own_zone = od_collection_time_zone (store);
  loaded = od_store_load_dunning_snapshot (store, error);
  if (loaded == NULL)
    return NULL;
  policy = od_store_get_effective_policy (store, 0, error);
  if (policy == NULL)
    return NULL;
  plan = od_dunning_plan_full (loaded, policy, zone, now,
                               (flags & OD_COLLECTION_WHOLE_DAY) ? OD_DUNNING_WHOLE_DAY
                                                                 : OD_DUNNING_FLAGS_NONE);
  *snapshot = g_steal_pointer (&loaded);
  return plan;
}

static gboolean
demo_mode_on (OdStore  *store,
              gboolean *on,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = od_store_get_setting (store, OD_COLLECTION_DEMO_MODE_KEY, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *on = g_strcmp0 (value, "1") == 0;
  return TRUE;
}

gboolean
od_collection_is_demo (OdStore  *store,
                       GError  **error)
{
  g_autoptr(OdSmtpAccount) smtp = NULL;
  g_autoptr(OdSmsAccount) sms = NULL;
  gboolean on = FALSE;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);

  if (!demo_mode_on (store, &on, error))
    return FALSE;
  if (on)
    return TRUE;
  smtp = od_smtp_account_load (store, NULL);
  sms = smtp == NULL ? od_sms_account_load (store, NULL) : NULL;
  return smtp == NULL && sms == NULL;
}

gboolean
od_collection_set_up_deliverers (OdOutbox   *outbox,
                                 OdStore    *store,
                                 OdSecrets  *secrets,
                                 gboolean   *demo,
                                 GError    **error)
{
  g_autoptr(OdSmtpAccount) smtp = NULL;
  g_autoptr(OdSmsAccount) sms = NULL;
  g_autoptr(OdDeliverer) manual = od_manual_deliverer_new ();
  g_autoptr(OdSecrets) own_secrets = NULL;

  g_return_val_if_fail (OD_IS_OUTBOX (outbox), FALSE);
  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (demo != NULL, FALSE);

  smtp = od_smtp_account_load (store, error);
  if (smtp == NULL && error != NULL && *error != NULL)
    return FALSE;
  sms = od_sms_account_load (store, error);
  if (sms == NULL && error != NULL && *error != NULL)
    return FALSE;

  /* With no account of either kind the ledger is a demo or a trial:
   * nothing leaves the machine. Once one is set up, a channel without
   * its account fails for now (and is retried) rather than pretending. */
  if (!demo_mode_on (store, demo, error))
    return FALSE;
  *demo = *demo || (smtp == NULL && sms == NULL);
  if (*demo)
    {
      g_autoptr(OdDeliverer) keep = od_demo_deliverer_new ();

      od_outbox_set_deliverer (outbox, OD_CHANNEL_EMAIL, keep);
      od_outbox_set_deliverer (outbox, OD_CHANNEL_SMS, keep);
    }
  else
    {
      if (secrets == NULL)
        secrets = own_secrets = od_secrets_new ();
      if (smtp != NULL)
        {
          g_autoptr(OdDeliverer) email = od_email_deliverer_new (store, smtp, secrets);

          od_outbox_set_deliverer (outbox, OD_CHANNEL_EMAIL, email);
        }
      if (sms != NULL)
        {
          g_autoptr(OdDeliverer) text = od_sms_deliverer_new (store, sms, secrets);

          od_outbox_set_deliverer (outbox, OD_CHANNEL_SMS, text);
        }
    }
  od_outbox_set_deliverer (outbox, OD_CHANNEL_LETTER, manual);
  od_outbox_set_deliverer (outbox, OD_CHANNEL_CALL, manual);
  return TRUE;
}

/* The customers' risk levels, which choose the high-risk ladder, are
 * computed for the day of the pass once a day. */
static gboolean
refresh_risk_levels (OdStore    *store,
                     GTimeZone  *zone,
                     GDateTime  *now,
                     GError    **error)
{
  g_autoptr(GDateTime) local = zone != NULL ? g_date_time_to_timezone (now, zone)
                                            : g_date_time_ref (now);
  GDate today;
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return od_risk_levels_refresh (store, &today, FALSE, NULL, error);
}

gboolean
od_collection_run (OdStore              *store,
                   GTimeZone            *zone,
                   GDateTime            *now,
                   OdCollectionFlags     flags,
                   OdCollectionSummary  *summary,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdOutbox) outbox = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL && summary != NULL, FALSE);

  od_collection_summary_clear (summary);
  if (!refresh_risk_levels (store, zone, now, error))
    return FALSE;
  plan = od_collection_plan (store, zone, now, flags, &snapshot, error);
  if (plan == NULL)
    return FALSE;
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == OD_ACTION_SUPERSEDED)
        summary->superseded++;
    }

  outbox = od_outbox_new (store);
  if (!od_collection_set_up_deliverers (outbox, store, NULL, &summary->demo, error) ||
      !od_outbox_enqueue_plan (outbox, snapshot, plan, now, &summary->queued, error) ||
      !od_outbox_deliver_due (outbox, now, &summary->delivery, cancellable, error) ||
      !od_store_outbox_count (store, &summary->totals, error))
    return FALSE;

  due_at (&summary->next_due, plan->next_wakeup);
  if (summary->totals.next_attempt > 0)
    {
      g_autoptr(GDateTime) retry = g_date_time_new_from_unix_utc (summary->totals.next_attempt);

      due_at (&summary->next_due, retry);
    }
  return TRUE;
}

gboolean
od_collection_work (OdStore        *store,
                    GDateTime      *now,
                    OdPassSummary  *summary,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  OdCollectionSummary pass = { 0, };
  gboolean ok;

  ok = od_collection_run (store, NULL, now, OD_COLLECTION_FLAGS_NONE, &pass, cancellable, error);
  if (ok)
    {
      summary->taken = pass.queued;
      summary->superseded = pass.superseded;
      summary->sent = pass.delivery.sent;
      summary->awaiting_review = pass.totals.states[OD_OUTBOX_STATE_AWAITING_REVIEW];
      summary->letters_to_print = pass.totals.letters_to_print;
      summary->calls_to_make = pass.totals.calls_to_make;
      summary->failed = pass.totals.failed_permanent;
      summary->unknown = pass.totals.states[OD_OUTBOX_STATE_UNKNOWN];
      od_pass_summary_due_at (summary, pass.next_due);
    }
  od_collection_summary_clear (&pass);
  return ok;
}
