/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-dunning.h"
#include "od-dunning-private.h"

#include <string.h>

struct _OdDunningSnapshot
{
  GPtrArray  *customers;   /* OdDunningCustomer* */
  GHashTable *by_id;       /* gint64* → OdDunningCustomer* (borrowed) */
  GPtrArray  *invoices;    /* OdDunningInvoice* */
};

static void
pause_free (gpointer data)
{
  OdDunningPause *pause = data;

  g_free (pause->reason);
  g_free (pause);
}

static void
history_free (gpointer data)
{
  OdDunningHistory *history = data;

  g_free (history->step);
  g_clear_pointer (&history->at, g_date_time_unref);
  g_free (history);
}

static void
customer_free (gpointer data)
{
  OdDunningCustomer *customer = data;

  g_free (customer->ref);
  g_free (customer->name);
  g_free (customer->time_zone);
  g_clear_object (&customer->policy);
  g_clear_pointer (&customer->call_tasks, g_ptr_array_unref);
  g_free (customer);
}

static void
invoice_free (gpointer data)
{
  OdDunningInvoice *invoice = data;

  g_free (invoice->number);
  g_clear_pointer (&invoice->payments, g_array_unref);
  g_clear_pointer (&invoice->pauses, g_ptr_array_unref);
  g_clear_pointer (&invoice->instalments, g_array_unref);
  g_clear_pointer (&invoice->history, g_ptr_array_unref);
  g_free (invoice);
}

/**
 * od_dunning_snapshot_new:
 *
 * Returns: (transfer full): an empty ledger snapshot
 */
OdDunningSnapshot *
od_dunning_snapshot_new (void)
{
  OdDunningSnapshot *self = g_new0 (OdDunningSnapshot, 1);

  self->customers = g_ptr_array_new_with_free_func (customer_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->invoices = g_ptr_array_new_with_free_func (invoice_free);

  return self;
}

void
od_dunning_snapshot_free (OdDunningSnapshot *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->invoices);
  g_ptr_array_unref (self->customers);
  g_free (self);
}

/**
 * od_dunning_snapshot_add_customer:
 *
 * Adds a customer reachable on every channel, opted out of none, in the
 * policy's time zone; the caller narrows that down from its contact data.
 *
 * Returns: (transfer none): the new customer, owned by @self
 */
OdDunningCustomer *
od_dunning_snapshot_add_customer (OdDunningSnapshot *self,
                                  gint64             id,
                                  const char        *ref,
                                  const char        *name)
{
  OdDunningCustomer *customer;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!g_hash_table_contains (self->by_id, &id), NULL);

  customer = g_new0 (OdDunningCustomer, 1);
  customer->id = id;
  customer->ref = g_strdup (ref);
  customer->name = g_strdup (name);
  customer->reachable = OD_CHANNEL_EMAIL | OD_CHANNEL_SMS |
                        OD_CHANNEL_LETTER | OD_CHANNEL_CALL;
  customer->opted_out = OD_CHANNEL_NONE;
  customer->call_tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  g_ptr_array_add (self->customers, customer);
  g_hash_table_insert (self->by_id, &customer->id, customer);

  return customer;
}

/**
 * od_dunning_snapshot_add_invoice:
 *
 * Adds an open invoice in EUR with no amounts and invalid dates; the
 * caller sets the dates, currency and total.
 *
 * Returns: (transfer none): the new invoice, owned by @self
 */
OdDunningInvoice *
od_dunning_snapshot_add_invoice (OdDunningSnapshot *self,
                                 gint64             id,
                                 const char        *number,
                                 gint64             customer_id)
{
  OdDunningInvoice *invoice;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  invoice = g_new0 (OdDunningInvoice, 1);
  invoice->id = id;
  invoice->number = g_strdup (number);
  invoice->customer_id = customer_id;
  invoice->variant = od_dunning_variant_for_number (number);
  g_date_clear (&invoice->issue_date, 1);
  g_date_clear (&invoice->due_date, 1);
  memcpy (invoice->currency, "EUR", 4);
  invoice->status = OD_INVOICE_STATUS_OPEN;
  invoice->payments = g_array_new (FALSE, TRUE, sizeof (OdDunningPaymentEntry));
  invoice->pauses = g_ptr_array_new_with_free_func (pause_free);
  invoice->instalments = g_array_new (FALSE, TRUE, sizeof (OdDunningInstalment));
  invoice->history = g_ptr_array_new_with_free_func (history_free);

  g_ptr_array_add (self->invoices, invoice);

  return invoice;
}

OdDunningCustomer *
od_dunning_snapshot_get_customer (OdDunningSnapshot *self,
                                  gint64             id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->by_id, &id);
}

guint
od_dunning_snapshot_get_n_invoices (OdDunningSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->invoices->len;
}

OdDunningInvoice *
od_dunning_snapshot_get_invoice (OdDunningSnapshot *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->invoices->len, NULL);

  return g_ptr_array_index (self->invoices, index);
}

static int
payment_compare (gconstpointer a,
                 gconstpointer b)
{
  const OdDunningPaymentEntry *pa = a;
  const OdDunningPaymentEntry *pb = b;

  return g_date_compare (&pa->date, &pb->date);
}

void
od_dunning_invoice_add_payment (OdDunningInvoice *invoice,
                                const GDate      *date,
                                gint64            amount)
{
  OdDunningPaymentEntry entry;

  g_return_if_fail (invoice != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  entry.date = *date;
  entry.amount = amount;
  g_array_append_val (invoice->payments, entry);
  /* Stable, so same-day payments keep the order they were added in. */
  g_array_sort (invoice->payments, payment_compare);
}

/**
 * od_dunning_invoice_add_pause:
 * @until: (nullable): the last day of the pause, or %NULL for open-ended
 *
 * Returns: (transfer none): the pause, to fill in reason or amount
 */
OdDunningPause *
od_dunning_invoice_add_pause (OdDunningInvoice *invoice,
                              OdPauseKind       kind,
                              const GDate      *since,
                              const GDate      *until)
{
  OdDunningPause *pause;

  g_return_val_if_fail (invoice != NULL, NULL);

  pause = g_new0 (OdDunningPause, 1);
  pause->kind = kind;
  g_date_clear (&pause->since, 1);
  g_date_clear (&pause->until, 1);
  if (since != NULL && g_date_valid (since))
    pause->since = *since;
  if (until != NULL && g_date_valid (until))
    pause->until = *until;
  g_ptr_array_add (invoice->pauses, pause);

  return pause;
}

void
od_dunning_invoice_add_instalment (OdDunningInvoice *invoice,
                                   const GDate      *due_date,
                                   gint64            amount,
                                   gint64            paid)
{
  OdDunningInstalment instalment;

  g_return_if_fail (invoice != NULL);
  g_return_if_fail (due_date != NULL && g_date_valid (due_date));

  instalment.due_date = *due_date;
  instalment.amount = amount;
  instalment.paid = paid;
  g_array_append_val (invoice->instalments, instalment);
}

/**
 * od_dunning_invoice_add_history:
 * @at: (nullable): when it was taken; the history keeps a reference
 */
void
od_dunning_invoice_add_history (OdDunningInvoice *invoice,
                                const char       *step,
                                guint             repeat,
                                OdHistoryState    state,
                                OdChannel         channel,
                                GDateTime        *at)
{
  OdDunningHistory *history;

  g_return_if_fail (invoice != NULL);
  g_return_if_fail (step != NULL);

  history = g_new0 (OdDunningHistory, 1);
  history->step = g_strdup (step);
  history->repeat = repeat;
  history->state = state;
  history->channel = channel;
  history->at = at != NULL ? g_date_time_ref (at) : NULL;
  g_ptr_array_add (invoice->history, history);
}

gint64
od_dunning_invoice_get_paid (OdDunningInvoice *invoice)
{
  gint64 paid = 0;

  g_return_val_if_fail (invoice != NULL, 0);

  for (guint i = 0; i < invoice->payments->len; i++)
    paid += g_array_index (invoice->payments, OdDunningPaymentEntry, i).amount;

  return paid;
}

void
_od_dunning_action_free (OdDunningAction *action)
{
  if (action == NULL)
    return;

  g_free (action->invoice_number);
  g_free (action->customer_ref);
  g_free (action->step);
  g_clear_pointer (&action->at, g_date_time_unref);
  g_free (action->reason);
  g_free (action->group);
  g_free (action);
}

void
od_dunning_plan_free (OdDunningPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->actions, g_ptr_array_unref);
  g_clear_pointer (&plan->next_wakeup, g_date_time_unref);
  g_free (plan);
}

const char *
od_action_status_to_string (OdActionStatus status)
{
  switch (status)
    {
    case OD_ACTION_DUE:             return "due";
    case OD_ACTION_SCHEDULED:       return "scheduled";
    case OD_ACTION_SUPERSEDED:      return "superseded";
    case OD_ACTION_AWAITING_REVIEW: return "awaiting-review";
    case OD_ACTION_DISPUTED:        return "disputed";
    case OD_ACTION_PROMISED:        return "promised";
    case OD_ACTION_HELD:            return "held";
    case OD_ACTION_DO_NOT_CHASE:    return "do-not-chase";
    case OD_ACTION_OPTED_OUT:       return "opted-out";
    case OD_ACTION_BELOW_MINIMUM:   return "below-minimum";
    case OD_ACTION_LIMITED:         return "limited";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * od_dunning_variant_for_number:
 *
 * Returns: 0 or 1, the same for the same @number on every machine
 */
guint
od_dunning_variant_for_number (const char *number)
{
  guint32 hash = 2166136261u;

  g_return_val_if_fail (number != NULL, 0);

  for (const guchar *p = (const guchar *) number; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  hash *= 0xc2b2ae35u;
  hash ^= hash >> 16;
  return hash & 1;
}

/**
 * od_dunning_step_template:
 *
 * Returns: (transfer full) (nullable): the template's name
 */
char *
od_dunning_step_template (OdPolicyStep *step,
                          guint         variant)
{
  const char *names;
  g_auto(GStrv) parts = NULL;
  guint n;

  g_return_val_if_fail (OD_IS_POLICY_STEP (step), NULL);

  names = od_policy_step_get_template (step);
  if (names == NULL)
    return NULL;
  parts = g_strsplit (names, ";", 3);
  n = g_strv_length (parts);
  if (n == 0)
    return NULL;
  return g_strstrip (g_strdup (parts[variant > 0 && n > 1 ? 1 : 0]));
}
