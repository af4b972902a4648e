/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The collection engine: for every open invoice, which step of the ladder
 * is due now, which are passed over, and when the next one comes. A pure
 * function of its arguments; the send window is in od-dunning-window.c,
 * the amounts in od-dunning-amounts.c, the pauses in od-dunning-pauses.c
 * and the snapshot in od-dunning-snapshot.c. */

#include "od-dunning-private.h"
#include "od-date.h"
#include "od-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One (step, repeat) occurrence for one invoice, or an instalment
 * reminder. */
typedef struct
{
  char         *name;
  guint         repeat;
  OdPolicyStep *step;          /* NULL for an instalment reminder */
  gint          offset;
  GDate         date;
  GDateTime    *instant;       /* the opening of @date's send window */
  gint64        amount_due;
  guint         order;         /* ties on @instant: ladder order */
} Instance;


static void
instance_free (gpointer data)
{
  Instance *instance = data;

  g_free (instance->name);
  g_clear_pointer (&instance->instant, g_date_time_unref);
  g_free (instance);
}

static int
instance_compare (gconstpointer a,
                  gconstpointer b)
{
  const Instance *ia = *(const Instance * const *) a;
  const Instance *ib = *(const Instance * const *) b;
  int cmp = g_date_time_compare (ia->instant, ib->instant);

  if (cmp != 0)
    return cmp;

  return (ia->order > ib->order) - (ia->order < ib->order);
}

/* A day's window opening depends only on the policy, the zone and the
 * day; a ledger's invoices share a few hundred due dates, so each is
 * worked out once per pass. */
typedef struct
{
  OdPolicy  *policy;
  GTimeZone *zone;
  guint32    julian;
} OpeningKey;

static guint
opening_key_hash (gconstpointer data)
{
  const OpeningKey *key = data;

  return g_direct_hash (key->policy) ^ (g_direct_hash (key->zone) * 31) ^
         (key->julian * 2654435761u);
}

static gboolean
opening_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const OpeningKey *ka = a;
  const OpeningKey *kb = b;

  return ka->policy == kb->policy && ka->zone == kb->zone &&
         ka->julian == kb->julian;
}

/* The opening of @date's send window (or the next one), as
 * _od_dunning_date_opening(), from the pass's cache. Returns a borrowed
 * reference, valid for the pass. */
static GDateTime *
date_opening (Planner     *planner,
              OdPolicy    *policy,
              GTimeZone   *zone,
              const GDate *date)
{
  OpeningKey key = { policy, zone, g_date_get_julian (date) };
  GDateTime *opening = g_hash_table_lookup (planner->openings, &key);

  if (opening == NULL)
    {
      opening = _od_dunning_date_opening (policy, zone, date);
      g_hash_table_insert (planner->openings, g_memdup2 (&key, sizeof key), opening);
    }
  return opening;
}

/* Sets the planner's today, next opening and today's opening for
 * (@policy, @zone), unless they are those of the last invoice. */
static void
prepare_day (Planner   *planner,
             OdPolicy  *policy,
             GTimeZone *zone)
{
  if (planner->day_opening != NULL &&
      planner->day_policy == policy && planner->day_zone == zone)
    return;

  g_clear_pointer (&planner->day_opening, g_date_time_unref);
  planner->day_policy = policy;
  planner->day_zone = zone;
  _od_dunning_local_date (planner->now, zone, &planner->day_today);
  planner->day_opening = _od_dunning_next_opening (policy, zone, planner->now);
  planner->day_today_opening = date_opening (planner, policy, zone, &planner->day_today);
}

/* A ladder's steps mostly come in date order already; sorting costs
 * more than checking. */
static gboolean
instances_sorted (GPtrArray *instances)
{
  for (guint i = 1; i < instances->len; i++)
    {
      if (instance_compare (&g_ptr_array_index (instances, i - 1),
                            &g_ptr_array_index (instances, i)) > 0)
        return FALSE;
    }
  return TRUE;
}

static GTimeZone *
lookup_zone (Planner    *planner,
             const char *identifier)
{
  GTimeZone *zone;

  if (identifier == NULL || *identifier == '\0')
    return NULL;

  zone = g_hash_table_lookup (planner->zones, identifier);
  if (zone == NULL)
    {
      /* An unknown identifier falls through to the next zone in line
       * rather than silently becoming UTC. */
      zone = g_time_zone_new_identifier (identifier);
      if (zone == NULL)
        return NULL;
      g_hash_table_insert (planner->zones, g_strdup (identifier), zone);
    }

  return zone;
}

void
_od_dunning_note_wakeup (Planner   *planner,
                         GDateTime *instant)
{
  if (instant == NULL || g_date_time_compare (instant, planner->now) <= 0)
    return;

  if (planner->next_wakeup == NULL ||
      g_date_time_compare (instant, planner->next_wakeup) < 0)
    {
      g_clear_pointer (&planner->next_wakeup, g_date_time_unref);
      planner->next_wakeup = g_date_time_ref (instant);
    }
}

/* The wake-up for a pause that ends after @last_day. */
void
_od_dunning_note_wakeup_after (InvoiceCtx  *ctx,
                               const GDate *last_day)
{
  GDate next = *last_day;

  g_date_add_days (&next, 1);
  _od_dunning_note_wakeup (ctx->planner,
                           date_opening (ctx->planner, ctx->policy, ctx->zone, &next));
}

static gboolean
in_history (OdDunningInvoice *invoice,
            const char       *name,
            guint             repeat)
{
  for (guint i = 0; i < invoice->history->len; i++)
    {
      const OdDunningHistory *entry = g_ptr_array_index (invoice->history, i);

      if (entry->repeat == repeat && g_strcmp0 (entry->step, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_instance (InvoiceCtx   *ctx,
              GPtrArray    *instances,
              const char   *name,
              guint         repeat,
              OdPolicyStep *step,
              gint          offset,
              const GDate  *date,
              gint64        amount_due)
{
  Instance *instance;

  if (in_history (ctx->invoice, name, repeat))
    return;

  instance = g_new0 (Instance, 1);
  instance->name = g_strdup (name);
  instance->repeat = repeat;
  instance->step = step;
  instance->offset = offset;
  instance->date = *date;
  instance->instant = g_date_time_ref (date_opening (ctx->planner, ctx->policy, ctx->zone, date));
  instance->amount_due = amount_due;
  instance->order = instances->len;
  g_ptr_array_add (instances, instance);
}

static void
add_ladder (InvoiceCtx *ctx,
            GPtrArray  *instances)
{
  OdPolicy *policy = ctx->policy;
  guint n_steps = od_policy_get_n_steps (policy);
  guint grace = od_policy_get_grace_days (policy);
  guint every = od_policy_get_repeat_every_days (policy);
  guint max = od_policy_get_repeat_max (policy);
  const OdDunningHistory *base = NULL;
  OdPolicyStep *last;

  for (guint i = 0; i < n_steps; i++)
    {
      OdPolicyStep *step = od_policy_get_step (policy, i);
      gint offset = od_policy_step_get_offset_days (step);
      GDate date = ctx->invoice->due_date;

      if (offset < 0)
        g_date_subtract_days (&date, (guint) -offset);
      else if (offset > 0)
        g_date_add_days (&date, (guint) offset + grace);

      add_instance (ctx, instances, od_policy_step_get_name (step), 0, step,
                    offset, &date, ctx->outstanding);
    }

  if (n_steps == 0 || every == 0 || max == 0)
    return;

  /* Repeats follow the last step once it was taken, each counted from
   * the date the previous one was actually taken, so that a late run
   * does not bunch them up. */
  last = od_policy_get_step (policy, n_steps - 1);
  for (guint i = 0; i < ctx->invoice->history->len; i++)
    {
      const OdDunningHistory *entry = g_ptr_array_index (ctx->invoice->history, i);

      if (entry->state != OD_HISTORY_TAKEN ||
          g_strcmp0 (entry->step, od_policy_step_get_name (last)) != 0)
        continue;
      if (base == NULL || entry->repeat > base->repeat)
        base = entry;
    }

  if (base == NULL)
    return;

  for (guint k = base->repeat + 1; k <= max; k++)
    {
      GDate date;

      if (base->at != NULL)
        _od_dunning_local_date (base->at, ctx->zone, &date);
      else
        date = ctx->today;
      g_date_add_days (&date, (k - base->repeat) * every);

      add_instance (ctx, instances, od_policy_step_get_name (last), k, last,
                    od_policy_step_get_offset_days (last), &date,
                    ctx->outstanding);
    }
}

static void
add_instalments (InvoiceCtx *ctx,
                 GPtrArray  *instances)
{
  GArray *instalments = ctx->invoice->instalments;

  for (guint i = 0; i < instalments->len; i++)
    {
      const OdDunningInstalment *instalment =
        &g_array_index (instalments, OdDunningInstalment, i);
      g_autofree char *name = NULL;
      GDate date = instalment->due_date;

      gint64 paid = ctx->instalment_paid[i];

      if (paid >= instalment->amount)
        continue;

      /* A gentle reminder the day after the instalment falls due. */
      name = g_strdup_printf ("instalment-%u", i + 1);
      g_date_add_days (&date, 1);
      add_instance (ctx, instances, name, 0, NULL, 1, &date,
                    MIN (instalment->amount - paid, ctx->outstanding));
    }
}

/* The first missed instalment beyond grace, or -1. */
static gint
missed_instalment (InvoiceCtx *ctx)
{
  GArray *instalments = ctx->invoice->instalments;
  guint grace = od_policy_get_instalment_grace_days (ctx->policy);

  for (guint i = 0; i < instalments->len; i++)
    {
      const OdDunningInstalment *instalment =
        &g_array_index (instalments, OdDunningInstalment, i);
      GDate last_day = instalment->due_date;

      g_date_add_days (&last_day, grace);
      if (ctx->instalment_paid[i] < instalment->amount &&
          g_date_compare (&ctx->today, &last_day) > 0)
        return (gint) i;
    }

  return -1;
}

static gboolean
pick_channel (OdDunningCustomer *customer,
              const OdChannel   *channels,
              guint              n_channels,
              OdChannel         *out)
{
  OdChannel usable = customer->reachable & ~customer->opted_out;

  for (guint i = 0; i < n_channels; i++)
    {
      if ((usable & channels[i]) != 0)
        {
          *out = channels[i];
          return TRUE;
        }
    }

  if ((usable & OD_CHANNEL_LETTER) != 0)
    {
      *out = OD_CHANNEL_LETTER;
      return TRUE;
    }

  return FALSE;
}

/* The channels an instance would use, before opt-outs: the step's, or
 * for an instalment the first channel of the first step after the due
 * date (the policy's ordinary reminder channel). */
static const OdChannel *
instance_channels (InvoiceCtx *ctx,
                   Instance   *instance,
                   guint      *n_channels)
{
  static const OdChannel email = OD_CHANNEL_EMAIL;
  guint n_steps;

  if (instance->step != NULL)
    return od_policy_step_get_channels (instance->step, n_channels);

  n_steps = od_policy_get_n_steps (ctx->policy);
  for (guint i = 0; i < n_steps; i++)
    {
      OdPolicyStep *step = od_policy_get_step (ctx->policy, i);
      const OdChannel *channels;
      guint n = 0;

      if (od_policy_step_get_offset_days (step) <= 0)
        continue;

      channels = od_policy_step_get_channels (step, &n);
      if (n > 0)
        {
          *n_channels = 1;
          return channels;
        }
    }

  *n_channels = 1;
  return &email;
}

static OdDunningAction *
make_action (InvoiceCtx     *ctx,
             Instance       *instance,
             OdActionStatus  status,
             GDateTime      *at,
             const char     *reason)
{
  OdDunningInvoice *invoice = ctx->invoice;
  OdDunningAction *action = g_new0 (OdDunningAction, 1);
  const OdChannel *channels;
  guint n_channels = 0;
  GDate date;
  gboolean chasing = status == OD_ACTION_DUE ||
                     status == OD_ACTION_SCHEDULED ||
                     status == OD_ACTION_AWAITING_REVIEW;

  action->invoice_id = invoice->id;
  action->invoice_number = g_strdup (invoice->number);
  action->customer_id = invoice->customer_id;
  action->customer_ref = g_strdup (ctx->customer->ref);
  action->step = g_strdup (instance->name);
  action->repeat = instance->repeat;
  action->variant = invoice->variant;
  action->at = g_date_time_to_timezone (at, ctx->zone);
  memcpy (action->currency, invoice->currency, sizeof action->currency);
  action->amount_due = instance->amount_due;
  action->days_overdue = MAX (0, od_date_days_between (&invoice->due_date,
                                                      &ctx->today));
  g_date_clear (&action->discount_until, 1);

  channels = instance_channels (ctx, instance, &n_channels);
  action->channel = n_channels > 0 ? channels[0] : OD_CHANNEL_EMAIL;
  if (chasing && !pick_channel (ctx->customer, channels, n_channels,
                                &action->channel))
    {
      status = OD_ACTION_OPTED_OUT;
      reason = _("The customer cannot be reached on any channel of this step, nor by letter");
      chasing = FALSE;
    }

  action->status = status;
  action->reason = g_strdup (reason);

  if (status == OD_ACTION_SUPERSEDED)
    return action;

  _od_dunning_local_date (action->at, ctx->zone, &date);

  /* A fee is charged once, with the step itself, never with repeats. */
  if (chasing && instance->step != NULL && instance->repeat == 0)
    action->fee = _od_dunning_step_fee (instance->step, invoice->currency,
                                        ctx->outstanding);

  action->interest = od_dunning_interest (ctx->outstanding,
                                          od_policy_get_interest_annual_bp (ctx->policy),
                                          &ctx->interest_from, &date,
                                          &action->interest_days);

  if (chasing && !invoice->compensation_charged && !ctx->compensation_given &&
      g_date_compare (&date, &invoice->due_date) > 0 &&
      od_policy_get_fixed_compensation_milli (ctx->policy) > 0)
    {
      action->compensation =
        od_policy_milli_to_minor (od_policy_get_fixed_compensation_milli (ctx->policy),
                                  invoice->currency);
      ctx->compensation_given = TRUE;
    }

  if (instance->step != NULL && instance->offset < 0 &&
      !_od_dunning_discount (ctx->policy, invoice, ctx->outstanding, &date,
                             &action->discounted, &action->discount_until))
    {
      action->discounted = 0;
      g_date_clear (&action->discount_until, 1);
    }

  if (status == OD_ACTION_DUE)
    {
      g_autofree char *iso = od_date_to_iso (&date);

      action->group = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%s",
                                       invoice->customer_id,
                                       od_channel_to_string (action->channel),
                                       iso);
    }

  return action;
}

/* The last instance at or before @horizon, and the first after it. */
static void
split_instances (GPtrArray  *instances,
                 GDateTime  *horizon,
                 Instance  **latest,
                 Instance  **next)
{
  *latest = NULL;
  *next = NULL;

  for (guint i = 0; i < instances->len; i++)
    {
      Instance *instance = g_ptr_array_index (instances, i);

      if (g_date_time_compare (instance->instant, horizon) <= 0)
        {
          *latest = instance;
        }
      else if (*next == NULL)
        {
          *next = instance;
        }
    }
}

/* Every instance before @latest in the sorted list is passed over. */
static void
add_superseded (InvoiceCtx *ctx,
                GPtrArray  *instances,
                Instance   *latest,
                const char *reason)
{
  for (guint i = 0; i < instances->len; i++)
    {
      Instance *instance = g_ptr_array_index (instances, i);

      if (instance == latest)
        break;
      g_ptr_array_add (ctx->planner->actions,
                       make_action (ctx, instance, OD_ACTION_SUPERSEDED,
                                    instance->instant, reason));
    }
}

static void
plan_invoice (Planner          *planner,
              OdDunningInvoice *invoice)
{
  g_autoptr(GPtrArray) instances = NULL;
  g_autofree char *pause_reason = NULL;
  InvoiceCtx ctx = { 0, };
  OdActionStatus pause_status;
  Instance *latest = NULL;
  Instance *next = NULL;
  gint missed = -1;

  ctx.planner = planner;
  ctx.invoice = invoice;
  ctx.customer = od_dunning_snapshot_get_customer (planner->snapshot,
                                                   invoice->customer_id);
  if (ctx.customer == NULL || !g_date_valid (&invoice->due_date))
    return;

  if (invoice->status != OD_INVOICE_STATUS_OPEN)
    return;

  ctx.policy = ctx.customer->policy != NULL ? ctx.customer->policy
                                            : planner->default_policy;
  ctx.zone = lookup_zone (planner, ctx.customer->time_zone);
  if (ctx.zone == NULL)
    ctx.zone = lookup_zone (planner, od_policy_get_time_zone (ctx.policy));
  if (ctx.zone == NULL)
    ctx.zone = planner->local_zone;

  prepare_day (planner, ctx.policy, ctx.zone);
  ctx.today = planner->day_today;
  ctx.outstanding = invoice->total - od_dunning_invoice_get_paid (invoice) -
                    invoice->credits;
  if (ctx.outstanding <= 0 || _od_dunning_settled_by_discount (ctx.policy, invoice))
    return;

  ctx.interest_from = invoice->due_date;
  g_date_add_days (&ctx.interest_from, od_policy_get_grace_days (ctx.policy));

  instances = g_ptr_array_new_with_free_func (instance_free);
  ctx.instalment_paid = _od_dunning_allocate_instalments (invoice);

  if (invoice->instalments->len > 0 && !invoice->plan_broken)
    missed = missed_instalment (&ctx);

  if (invoice->instalments->len > 0 && !invoice->plan_broken && missed < 0)
    {
      add_instalments (&ctx, instances);
    }
  else
    {
      if (missed >= 0)
        {
          const OdDunningInstalment *instalment =
            &g_array_index (invoice->instalments, OdDunningInstalment, missed);
          g_autofree char *date = od_date_to_iso (&instalment->due_date);

          ctx.resume_reason_owned =
            g_strdup_printf (_("Instalment %d due %s was missed: the payment plan is broken and the reminders resume"),
                             missed + 1, date);
          ctx.resume_reason = ctx.resume_reason_owned;
        }
      add_ladder (&ctx, instances);
    }

  if (!instances_sorted (instances))
    g_ptr_array_sort (instances, instance_compare);

  split_instances (instances, planner->now, &latest, &next);

  if (_od_dunning_find_pause (&ctx, &pause_status, &pause_reason))
    {
      Instance *candidate = latest != NULL ? latest : next;

      if (candidate != NULL)
        g_ptr_array_add (planner->actions,
                         make_action (&ctx, candidate, pause_status,
                                      candidate->instant, pause_reason));
      goto out;
    }

  if (latest != NULL)
    {
      GDateTime *opening = planner->day_opening;
      GDateTime *today_opening = planner->day_today_opening;
      gboolean open = g_date_time_equal (opening, planner->now);

      /* A whole day: the window that opened earlier today counts. */
      if (!open && (planner->flags & OD_DUNNING_WHOLE_DAY) != 0)
        {
          GDate opening_day;

          _od_dunning_local_date (today_opening, ctx.zone, &opening_day);
          open = g_date_compare (&opening_day, &ctx.today) == 0 &&
                 g_date_time_compare (today_opening, planner->now) <= 0;
        }

      if (open)
        {
          GDateTime *at = g_date_time_compare (latest->instant, today_opening) > 0
            ? latest->instant : today_opening;
          OdActionStatus status = OD_ACTION_DUE;

          /* Catch-up: only the latest step that has come due goes out;
           * the ones it passes over are recorded, never sent late. */
          add_superseded (&ctx, instances, latest,
                          _("Passed over: a later step is due"));

          if (latest->step != NULL && od_policy_step_get_review (latest->step))
            status = OD_ACTION_AWAITING_REVIEW;

          g_ptr_array_add (planner->actions,
                           make_action (&ctx, latest, status, at,
                                        status == OD_ACTION_AWAITING_REVIEW
                                          ? _("Needs the owner’s review before it goes out")
                                          : ctx.resume_reason));
        }
      else
        {
          gboolean waiting;

          /* The window is closed: what has come due by its next opening
           * goes then, the latest of it only. */
          split_instances (instances, opening, &latest, &next);
          waiting = g_date_time_compare (latest->instant, planner->now) <= 0;
          add_superseded (&ctx, instances, latest,
                          _("Passed over: a later step comes due when the send window opens"));
          g_ptr_array_add (planner->actions,
                           make_action (&ctx, latest, OD_ACTION_SCHEDULED,
                                        opening,
                                        waiting ? _("Waiting for the send window to open")
                                                : ctx.resume_reason));
          _od_dunning_note_wakeup (planner, opening);
        }
    }

  if (next != NULL)
    {
      g_ptr_array_add (planner->actions,
                       make_action (&ctx, next, OD_ACTION_SCHEDULED,
                                    next->instant, ctx.resume_reason));
      _od_dunning_note_wakeup (planner, next->instant);
    }

out:
  g_free (ctx.instalment_paid);
  g_free (ctx.resume_reason_owned);
}

static int
action_compare (gconstpointer a,
                gconstpointer b)
{
  const OdDunningAction *aa = *(const OdDunningAction * const *) a;
  const OdDunningAction *ab = *(const OdDunningAction * const *) b;
  int cmp;

  cmp = g_strcmp0 (aa->customer_ref, ab->customer_ref);
  if (cmp != 0)
    return cmp;
  cmp = (aa->customer_id > ab->customer_id) - (aa->customer_id < ab->customer_id);
  if (cmp != 0)
    return cmp;
  cmp = g_strcmp0 (aa->invoice_number, ab->invoice_number);
  if (cmp != 0)
    return cmp;
  cmp = (aa->invoice_id > ab->invoice_id) - (aa->invoice_id < ab->invoice_id);
  if (cmp != 0)
    return cmp;
  return g_date_time_compare (aa->at, ab->at);
}

/**
 * od_dunning_plan:
 * @snapshot: the open invoices, their customers and dunning history
 * @default_policy: the policy for customers without their own
 * @local_zone: the zone when neither customer nor policy names one
 * @now: the instant to plan at
 *
 * Returns: (transfer full): the actions, sorted by customer, invoice
 *   number and time, and the next instant anything becomes due
 */
OdDunningPlan *
od_dunning_plan (OdDunningSnapshot *snapshot,
                 OdPolicy          *default_policy,
                 GTimeZone         *local_zone,
                 GDateTime         *now)
{
  return od_dunning_plan_full (snapshot, default_policy, local_zone, now,
                               OD_DUNNING_FLAGS_NONE);
}

/**
 * od_dunning_plan_full:
 * @snapshot: the open invoices, their customers and dunning history
 * @default_policy: the policy for customers without their own
 * @local_zone: the zone when neither customer nor policy names one
 * @now: the instant to plan at
 * @flags: %OD_DUNNING_WHOLE_DAY to plan for the whole of @now's day
 *
 * Returns: (transfer full): as od_dunning_plan()
 */
OdDunningPlan *
od_dunning_plan_full (OdDunningSnapshot *snapshot,
                      OdPolicy          *default_policy,
                      GTimeZone         *local_zone,
                      GDateTime         *now,
                      OdDunningFlags     flags)
{
  Planner planner = { 0, };
  OdDunningPlan *plan;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (OD_IS_POLICY (default_policy), NULL);
  g_return_val_if_fail (local_zone != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  planner.snapshot = snapshot;
  planner.default_policy = default_policy;
  planner.local_zone = local_zone;
  planner.now = now;
  planner.flags = flags;
  planner.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_time_zone_unref);
  planner.openings = g_hash_table_new_full (opening_key_hash, opening_key_equal, g_free,
                                            (GDestroyNotify) g_date_time_unref);
  planner.actions = g_ptr_array_new_with_free_func ((GDestroyNotify) _od_dunning_action_free);

  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
    plan_invoice (&planner, od_dunning_snapshot_get_invoice (snapshot, i));

  g_ptr_array_sort (planner.actions, action_compare);
  _od_dunning_limit_calls (&planner);

  g_clear_pointer (&planner.day_opening, g_date_time_unref);
  g_hash_table_unref (planner.openings);
  g_hash_table_unref (planner.zones);

  plan = g_new0 (OdDunningPlan, 1);
  plan->actions = planner.actions;
  plan->next_wakeup = planner.next_wakeup;

  return plan;
}
