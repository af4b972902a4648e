/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-collection-now.h"
#include "od-collection.h"

G_DEFINE_QUARK (od-collection-now-error-quark, od_collection_now_error)

static OdPolicy *
policy_for (OdDunningSnapshot *snapshot,
            OdPolicy          *fallback,
            OdDunningAction   *action)
{
  OdDunningCustomer *customer = od_dunning_snapshot_get_customer (snapshot, action->customer_id);

  return customer != NULL && customer->policy != NULL ? customer->policy : fallback;
}

/* Whether the customer's policy (or @fallback) asks for review of @step. */
static gboolean
step_needs_review (OdDunningSnapshot *snapshot,
                   OdPolicy          *fallback,
                   OdDunningAction   *action)
{
  OdPolicyStep *step = od_policy_find_step (policy_for (snapshot, fallback, action), action->step);

  return step != NULL && od_policy_step_get_review (step);
}

/* The planned step's amounts were worked out for its own day: interest
 * and the fixed compensation are as of @today instead. */
static void
amounts_as_of (OdDunningSnapshot *snapshot,
               OdPolicy          *fallback,
               OdDunningAction   *action,
               OdInvoice         *invoice,
               const GDate       *today)
{
  OdPolicy *policy = policy_for (snapshot, fallback, action);
  GDate from = *od_invoice_get_due_date (invoice);
  /* As the engine: interest runs on what is outstanding, instalment or not. */
  gint64 principal = g_str_has_prefix (action->step, "instalment-") ? od_invoice_get_outstanding (invoice)
                                                                    : action->amount_due;

  g_date_add_days (&from, od_policy_get_grace_days (policy));
  action->interest = od_dunning_interest (principal, od_policy_get_interest_annual_bp (policy),
                                          &from, today, &action->interest_days);
  if (g_date_compare (today, od_invoice_get_due_date (invoice)) <= 0)
    action->compensation = 0;
}

gboolean
od_collection_send_next_now (OdStore     *store,
                             gint64       invoice_id,
                             GDateTime   *now,
                             char       **out_step,
                             GError     **error)
{
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(OdOutbox) outbox = NULL;
  OdDunningAction *chosen = NULL;
  guint added = 0;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if ((invoice = od_store_get_invoice (store, invoice_id, error)) == NULL)
    return FALSE;
  if (od_invoice_get_status (invoice) != OD_INVOICE_STATUS_OPEN)
    {
      g_set_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_NOT_OPEN,
                   _("Invoice %s is not open: there is nothing to chase"),
                   od_invoice_get_number (invoice));
      return FALSE;
    }
  if ((snapshot = od_store_load_dunning_snapshot_for_invoice (store, invoice_id, error)) == NULL ||
      (policy = od_store_get_effective_policy (store, 0, error)) == NULL)
    return FALSE;
  zone = od_collection_time_zone (store);
  plan = od_dunning_plan_full (snapshot, policy, zone, now, OD_DUNNING_FLAGS_NONE);

  /* The first step the engine would take, or what stops it. */
  for (guint i = 0; i < plan->actions->len && chosen == NULL; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->invoice_id != invoice_id || action->status == OD_ACTION_SUPERSEDED)
        continue;
      if (action->status != OD_ACTION_DUE && action->status != OD_ACTION_SCHEDULED &&
          action->status != OD_ACTION_AWAITING_REVIEW)
        {
          /* Translators: the invoice number, then the engine's reason, e.g. "Disputed: wrong amount" */
          g_set_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_BLOCKED,
                       _("Invoice %s is not chased now: %s"), od_invoice_get_number (invoice),
                       action->reason != NULL ? action->reason : od_action_status_to_string (action->status));
          return FALSE;
        }
      chosen = action;
    }
  if (chosen == NULL)
    {
      g_set_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_NOTHING_PLANNED,
                   _("Nothing more is planned for invoice %s"), od_invoice_get_number (invoice));
      return FALSE;
    }

  /* The plan keeps that step only, taken now. */
  for (guint i = plan->actions->len; i > 0; i--)
    if (g_ptr_array_index (plan->actions, i - 1) != chosen)
      g_ptr_array_remove_index (plan->actions, i - 1);
  if (chosen->status == OD_ACTION_SCHEDULED)
    {
      chosen->status = step_needs_review (snapshot, policy, chosen) ? OD_ACTION_AWAITING_REVIEW
                                                                    : OD_ACTION_DUE;
      g_clear_pointer (&chosen->reason, g_free);
      if (chosen->status == OD_ACTION_AWAITING_REVIEW)
        chosen->reason = g_strdup (_("Needs the owner’s review before it goes out"));
      g_date_time_unref (chosen->at);
      chosen->at = g_date_time_ref (now);
      {
        g_autoptr(GDateTime) local = g_date_time_to_timezone (now, zone);
        GDate today;

        g_date_clear (&today, 1);
        g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                        g_date_time_get_month (local), g_date_time_get_year (local));
        amounts_as_of (snapshot, policy, chosen, invoice, &today);
      }
    }

  outbox = od_outbox_new (store);
  if (!od_outbox_enqueue_plan (outbox, snapshot, plan, now, &added, error))
    return FALSE;
  if (added == 0)
    {
      g_set_error (error, OD_COLLECTION_NOW_ERROR, OD_COLLECTION_NOW_ERROR_QUEUED,
                   _("The next step for invoice %s is already in the outbox"),
                   od_invoice_get_number (invoice));
      return FALSE;
    }
  if (out_step != NULL)
    *out_step = g_strdup (chosen->step);
  return TRUE;
}
