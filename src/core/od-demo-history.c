/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo ledger's past chasing. A business that has used Overdue for
 * months has reminders behind every overdue invoice, not a first run that
 * catches up on everything at once; so the engine itself is run at the
 * end of each past day and what it took then is recorded as history. */

#include "od-collection.h"
#include "od-demo.h"
#include "od-demo-private.h"
#include "od-charge.h"
#include "od-dunning.h"

#include <glib/gi18n-lib.h>

/* How far back the demo's chasing goes: the oldest open invoice in the
 * demo is a few months overdue. */
#define HISTORY_DAYS 200

/* Demand letters and agency hand-offs wait for the owner's review; the
 * demo owner approved those older than this, so the recent ones are
 * still waiting on the first morning. */
#define REVIEWED_AFTER_DAYS 4

static GHashTable *
index_invoices (OdDunningSnapshot *snapshot)
{
  GHashTable *invoices = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

      g_hash_table_insert (invoices, &invoice->id, invoice);
    }

  return invoices;
}

static gboolean
charge (OdStore          *store,
        OdDunningInvoice *invoice,
        OdDunningAction  *action,
        OdChargeKind      kind,
        gint64            amount,
        const char       *description,
        GError          **error)
{
  g_autoptr(OdCharge) charge = od_charge_new ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (action->at),
                  (GDateMonth) g_date_time_get_month (action->at),
                  (GDateYear) g_date_time_get_year (action->at));
  od_charge_set_invoice_id (charge, invoice->id);
  od_charge_set_kind (charge, kind);
  od_charge_set_date (charge, &date);
  od_charge_set_amount (charge, amount);
  od_charge_set_currency (charge, invoice->currency);
  od_charge_set_description (charge, description);
  if (kind == OD_CHARGE_KIND_LATE_FEE)
    od_charge_set_step (charge, action->step);
  return od_store_insert_charge (store, charge, error);
}

/* A step taken charges its fee, and the first step after the due date
 * the fixed compensation, as a run does. */
static gboolean
take_charges (OdStore          *store,
              OdDunningInvoice *invoice,
              OdDunningAction  *action,
              GError          **error)
{
  if (action->fee > 0)
    {
      if (!charge (store, invoice, action, OD_CHARGE_KIND_LATE_FEE, action->fee,
                   _("Late fee"), error))
        return FALSE;
      invoice->fees_charged += action->fee;
    }

  if (action->compensation > 0 && !invoice->compensation_charged)
    {
      if (!charge (store, invoice, action, OD_CHARGE_KIND_COMPENSATION,
                   action->compensation, _("Fixed compensation for recovery costs"),
                   error))
        return FALSE;
      invoice->compensation_charged = TRUE;
    }

  return TRUE;
}

static gboolean
take (OdStore          *store,
      OdDunningInvoice *invoice,
      OdDunningAction  *action,
      OdHistoryState    state,
      GError          **error)
{
  if (!od_store_add_history (store, invoice->id, action->step, action->repeat,
                             state, action->channel, action->at, error))
    return FALSE;

  od_dunning_invoice_add_history (invoice, action->step, action->repeat,
                                  state, action->channel, action->at);
  return state != OD_HISTORY_TAKEN || take_charges (store, invoice, action, error);
}

static gboolean
record_day (OdStore        *store,
            GHashTable     *invoices,
            OdDunningPlan  *plan,
            gboolean        reviewed,
            GError        **error)
{
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      OdDunningInvoice *invoice = g_hash_table_lookup (invoices, &action->invoice_id);
      gboolean ok = TRUE;

      switch (action->status)
        {
        case OD_ACTION_DUE:
          ok = take (store, invoice, action, OD_HISTORY_TAKEN, error);
          break;
        case OD_ACTION_AWAITING_REVIEW:
          if (reviewed)
            ok = take (store, invoice, action, OD_HISTORY_TAKEN, error);
          break;
        case OD_ACTION_SUPERSEDED:
          ok = take (store, invoice, action, OD_HISTORY_SUPERSEDED, error);
          break;
        case OD_ACTION_SCHEDULED:
        case OD_ACTION_DISPUTED:
        case OD_ACTION_PROMISED:
        case OD_ACTION_HELD:
        case OD_ACTION_DO_NOT_CHASE:
        case OD_ACTION_OPTED_OUT:
        case OD_ACTION_BELOW_MINIMUM:
        case OD_ACTION_LIMITED:
        default:
          break;
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

gboolean
_od_demo_add_history (OdStore      *store,
                      const GDate  *today,
                      const char   *time_zone,
                      GError      **error)
{
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GHashTable) invoices = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);
  GDate day = *today;

  if (zone == NULL)
    zone = g_time_zone_new_local ();

  snapshot = od_store_load_dunning_snapshot (store, error);
  if (snapshot == NULL)
    return FALSE;
  policy = od_store_get_effective_policy (store, 0, error);
  if (policy == NULL)
    return FALSE;
  invoices = index_invoices (snapshot);

  g_date_subtract_days (&day, HISTORY_DAYS);
  for (guint i = 0; i < HISTORY_DAYS; i++, g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) end = g_date_time_new (zone, g_date_get_year (&day),
                                                  g_date_get_month (&day),
                                                  g_date_get_day (&day), 23, 59, 59);
      g_autoptr(OdDunningPlan) plan = od_dunning_plan_full (snapshot, policy, zone, end,
                                                            OD_DUNNING_WHOLE_DAY);

      if (!record_day (store, invoices, plan,
                       HISTORY_DAYS - i > REVIEWED_AFTER_DAYS, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
od_demo_run_today (OdStore      *store,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (OD_DEMO_TIME_ZONE);
  g_autoptr(GDateTime) morning = NULL;
  OdCollectionSummary summary = { 0, };

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  morning = g_date_time_new (zone, g_date_get_year (today), g_date_get_month (today),
                             g_date_get_day (today), 9, 0, 0);
  return od_collection_run (store, zone, morning, OD_COLLECTION_WHOLE_DAY, &summary, NULL, error);
}
