/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The collection engine, scenario by scenario: each a small ledger, a
 * policy built in code, an instant, and the actions a careful clerk would
 * take. Instants are written with their UTC offset so that a DST change
 * shows as a changed offset with the same wall-clock time. */

#include "od-date.h"
#include "od-dunning.h"
#include "od-money.h"

#include <string.h>

#define ANY (-1)

typedef struct
{
  const char     *invoice;
  const char     *step;
  guint           repeat;
  OdActionStatus  status;
  const char     *channel;
  const char     *at;
  gint64          amount_due;  /* ANY: not checked */
  gint64          fee;         /* ANY: not checked */
} Expect;

typedef struct
{
  const char *path;
  void      (*build) (OdDunningSnapshot *snapshot,
                      OdPolicy          *policy);
  const char *now;
  const char *wakeup;          /* NULL: none expected */
  Expect      expect[6];
} Scenario;

static GDate
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate out;

  od_date_parse_iso (iso, &out, &error);
  g_assert_no_error (error);
  return out;
}

static GDateTime *
instant (const char *iso)
{
  GDateTime *out = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (out);
  return out;
}

static char *
format_instant (GDateTime *at)
{
  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_step (OdPolicy   *policy,
          const char *name,
          gint        offset,
          const char *channels,
          gint64      fee_milli,
          gint        fee_bp,
          gboolean    review)
{
  g_autoptr(OdPolicyStep) step = od_policy_step_new (name);
  g_auto(GStrv) names = g_strsplit (channels, ";", -1);
  OdChannel list[4];
  guint n = 0;

  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (od_channel_from_string (names[i], &list[n++]));

  od_policy_step_set_offset_days (step, offset);
  od_policy_step_set_channels (step, list, n);
  od_policy_step_set_fee_milli (step, fee_milli);
  od_policy_step_set_fee_bp (step, fee_bp);
  od_policy_step_set_review (step, review);
  od_policy_add_step (policy, step);
}

/* Mon–Fri 09:00–17:00 in Berlin: a nudge three days before, reminders
 * after 1 and 6 days, a final notice with a 15.00 fee after 11. */
static OdPolicy *
standard_policy (void)
{
  OdPolicy *policy = od_policy_new ("Standard");

  od_policy_set_time_zone (policy, "Europe/Berlin");
  od_policy_set_send_days (policy, OD_SEND_DAYS_WEEKDAYS);
  od_policy_set_send_hours (policy, 9 * 60, 17 * 60);
  add_step (policy, "pre-due", -3, "email", 0, 0, FALSE);
  add_step (policy, "first-reminder", 1, "email", 0, 0, FALSE);
  add_step (policy, "second-reminder", 6, "email", 0, 0, FALSE);
  add_step (policy, "final-notice", 11, "email;letter", 15000, 0, FALSE);

  return policy;
}

static OdDunningInvoice *
add_invoice (OdDunningSnapshot *snapshot,
             gint64             id,
             const char        *number,
             gint64             customer_id,
             const char        *issue,
             const char        *due,
             gint64             total)
{
  OdDunningInvoice *invoice = od_dunning_snapshot_add_invoice (snapshot, id, number,
                                                               customer_id);

  invoice->issue_date = date (issue);
  invoice->due_date = date (due);
  invoice->total = total;
  return invoice;
}

/* One customer, one invoice of 1000.00 due Monday 2024-06-03. */
static OdDunningInvoice *
one_invoice (OdDunningSnapshot *snapshot)
{
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  return add_invoice (snapshot, 1, "INV-1", 1, "2024-05-04", "2024-06-03", 100000);
}

static OdDunningPlan *
plan_at (OdDunningSnapshot *snapshot,
         OdPolicy          *policy,
         const char        *now)
{
  g_autoptr(GDateTime) when = instant (now);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return od_dunning_plan (snapshot, policy, utc, when);
}

static void
check_action (OdDunningAction *action,
              const Expect    *expect)
{
  g_autofree char *at = format_instant (action->at);

  g_test_message ("%s %s#%u %s %s %s", action->invoice_number, action->step,
                  action->repeat, od_action_status_to_string (action->status),
                  od_channel_to_string (action->channel), at);

  g_assert_cmpstr (action->invoice_number, ==, expect->invoice);
  g_assert_cmpstr (action->step, ==, expect->step);
  g_assert_cmpuint (action->repeat, ==, expect->repeat);
  g_assert_cmpstr (od_action_status_to_string (action->status), ==,
                   od_action_status_to_string (expect->status));
  g_assert_cmpstr (od_channel_to_string (action->channel), ==, expect->channel);
  g_assert_cmpstr (at, ==, expect->at);
  if (expect->amount_due != ANY)
    g_assert_cmpint (action->amount_due, ==, expect->amount_due);
  if (expect->fee != ANY)
    g_assert_cmpint (action->fee, ==, expect->fee);
  if (action->status != OD_ACTION_DUE && action->status != OD_ACTION_SCHEDULED &&
      action->status != OD_ACTION_SUPERSEDED)
    g_assert_nonnull (action->reason);
}

static void
check_plan (OdDunningPlan *plan,
            const Expect  *expect,
            guint          n_expect,
            const char    *wakeup)
{
  for (guint i = 0; i < MIN (plan->actions->len, n_expect); i++)
    check_action (g_ptr_array_index (plan->actions, i), &expect[i]);
  g_assert_cmpuint (plan->actions->len, ==, n_expect);

  if (wakeup == NULL)
    {
      g_assert_null (plan->next_wakeup);
    }
  else
    {
      g_autoptr(GDateTime) expected = instant (wakeup);

      g_assert_nonnull (plan->next_wakeup);
      g_assert_true (g_date_time_equal (plan->next_wakeup, expected));
    }
}

/* Scenario builders. */

static void
build_one (OdDunningSnapshot *snapshot,
           OdPolicy          *policy)
{
  one_invoice (snapshot);
}

static void
build_partial (OdDunningSnapshot *snapshot,
               OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate paid = date ("2024-06-01");

  od_dunning_invoice_add_payment (invoice, &paid, 40000);
}

static void
build_paid (OdDunningSnapshot *snapshot,
            OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate paid = date ("2024-06-05");

  od_dunning_invoice_add_payment (invoice, &paid, 60000);
  invoice->credits = 40000;
}

static void
build_void (OdDunningSnapshot *snapshot,
            OdPolicy          *policy)
{
  one_invoice (snapshot)->status = OD_INVOICE_STATUS_VOID;
}

static void
build_grace (OdDunningSnapshot *snapshot,
             OdPolicy          *policy)
{
  od_policy_set_grace_days (policy, 3);
  one_invoice (snapshot);
}

static void
build_tokyo (OdDunningSnapshot *snapshot,
             OdPolicy          *policy)
{
  one_invoice (snapshot);
  od_dunning_snapshot_get_customer (snapshot, 1)->time_zone = g_strdup ("Asia/Tokyo");
}

static void
build_wide_hours (OdDunningSnapshot *snapshot,
                  OdPolicy          *policy)
{
  od_policy_set_send_hours (policy, 6 * 60, 23 * 60);
  one_invoice (snapshot);
}

static void
build_weekend_holiday (OdDunningSnapshot *snapshot,
                       OdPolicy          *policy)
{
  GDate whit_monday = date ("2024-05-20");

  od_policy_add_holiday (policy, &whit_monday);
  od_policy_remove_step (policy, "pre-due");
  od_policy_remove_step (policy, "first-reminder");
  od_policy_remove_step (policy, "second-reminder");
  od_policy_remove_step (policy, "final-notice");
  add_step (policy, "nudge", 2, "email", 0, 0, FALSE);
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-04-16", "2024-05-16", 100000);
}

static void
build_berlin_spring (OdDunningSnapshot *snapshot,
                     OdPolicy          *policy)
{
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-02-28", "2024-03-28", 100000);
}

static void
build_berlin_autumn (OdDunningSnapshot *snapshot,
                     OdPolicy          *policy)
{
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-09-24", "2024-10-24", 100000);
}

static void
build_new_york_spring (OdDunningSnapshot *snapshot,
                       OdPolicy          *policy)
{
  od_policy_set_time_zone (policy, "America/New_York");
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme Inc.");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-02-07", "2024-03-07", 100000);
}

static void
build_new_york_autumn (OdDunningSnapshot *snapshot,
                       OdPolicy          *policy)
{
  od_policy_set_time_zone (policy, "America/New_York");
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme Inc.");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-10-01", "2024-10-31", 100000);
}

static void
build_minimum (OdDunningSnapshot *snapshot,
               OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate paid = date ("2024-06-01");

  od_policy_set_minimum_milli (policy, 5000);
  od_dunning_invoice_add_payment (invoice, &paid, 100000 - 499);
}

static void
build_review (OdDunningSnapshot *snapshot,
              OdPolicy          *policy)
{
  add_step (policy, "demand-letter", 30, "letter", 0, 0, TRUE);
  one_invoice (snapshot);
}

static void
build_dispute (OdDunningSnapshot *snapshot,
               OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate since = date ("2024-06-04");
  OdDunningPause *pause;

  pause = od_dunning_invoice_add_pause (invoice, OD_PAUSE_KIND_DISPUTE, &since, NULL);
  pause->reason = g_strdup ("Wrong quantity");
}

static void
build_dispute_resolved (OdDunningSnapshot *snapshot,
                        OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate since = date ("2024-06-04");

  od_dunning_invoice_add_pause (invoice, OD_PAUSE_KIND_DISPUTE, &since, NULL)->resolved = TRUE;
}

static void
build_promise (OdDunningSnapshot *snapshot,
               OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate since = date ("2024-06-04");
  GDate until = date ("2024-06-12");

  od_dunning_invoice_add_pause (invoice, OD_PAUSE_KIND_PROMISE, &since, &until);
}

static void
build_hold (OdDunningSnapshot *snapshot,
            OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate since = date ("2024-06-04");
  GDate until = date ("2024-06-20");

  od_dunning_invoice_add_pause (invoice, OD_PAUSE_KIND_HOLD, &since, &until);
}

static void
build_hold_open (OdDunningSnapshot *snapshot,
                 OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate since = date ("2024-06-04");

  od_dunning_invoice_add_pause (invoice, OD_PAUSE_KIND_HOLD, &since, NULL);
}

static void
build_do_not_chase (OdDunningSnapshot *snapshot,
                    OdPolicy          *policy)
{
  one_invoice (snapshot);
  od_dunning_snapshot_get_customer (snapshot, 1)->do_not_chase = TRUE;
}

static void
build_opt_out_sms (OdDunningSnapshot *snapshot,
                   OdPolicy          *policy)
{
  od_policy_remove_step (policy, "first-reminder");
  add_step (policy, "first-reminder", 1, "email;sms", 0, 0, FALSE);
  one_invoice (snapshot);
  od_dunning_snapshot_get_customer (snapshot, 1)->opted_out = OD_CHANNEL_EMAIL;
}

static void
build_opt_out_letter (OdDunningSnapshot *snapshot,
                      OdPolicy          *policy)
{
  OdDunningCustomer *customer;

  od_policy_remove_step (policy, "first-reminder");
  add_step (policy, "first-reminder", 1, "email;sms", 0, 0, FALSE);
  one_invoice (snapshot);
  customer = od_dunning_snapshot_get_customer (snapshot, 1);
  customer->opted_out = OD_CHANNEL_EMAIL;
  customer->reachable = OD_CHANNEL_EMAIL | OD_CHANNEL_LETTER;
}

static void
build_opt_out_all (OdDunningSnapshot *snapshot,
                   OdPolicy          *policy)
{
  OdDunningCustomer *customer;

  one_invoice (snapshot);
  customer = od_dunning_snapshot_get_customer (snapshot, 1);
  customer->opted_out = OD_CHANNEL_EMAIL | OD_CHANNEL_LETTER;
}

static void
build_percent_fee_tie (OdDunningSnapshot *snapshot,
                       OdPolicy          *policy)
{
  od_policy_remove_step (policy, "first-reminder");
  /* 2.5 % of 1000.20 is 25.005: the tie rounds away from zero. */
  add_step (policy, "first-reminder", 1, "email", 15000, 250, FALSE);
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-05-04", "2024-06-03", 100020);
}

static void
build_history_taken (OdDunningSnapshot *snapshot,
                     OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  g_autoptr(GDateTime) at = instant ("2024-06-04T09:00:00+02:00");

  od_dunning_invoice_add_history (invoice, "pre-due", 0, OD_HISTORY_SUPERSEDED,
                                  OD_CHANNEL_EMAIL, at);
  od_dunning_invoice_add_history (invoice, "first-reminder", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
}

static void
build_repeat (OdDunningSnapshot *snapshot,
              OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  g_autoptr(GDateTime) at = instant ("2024-06-14T09:00:00+02:00");

  od_policy_set_repeat (policy, 7, 2);
  od_dunning_invoice_add_history (invoice, "pre-due", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
  od_dunning_invoice_add_history (invoice, "first-reminder", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
  od_dunning_invoice_add_history (invoice, "second-reminder", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
  od_dunning_invoice_add_history (invoice, "final-notice", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
}

static void
build_repeat_done (OdDunningSnapshot *snapshot,
                   OdPolicy          *policy)
{
  g_autoptr(GDateTime) at = instant ("2024-06-28T09:00:00+02:00");

  build_repeat (snapshot, policy);
  od_dunning_invoice_add_history (od_dunning_snapshot_get_invoice (snapshot, 0),
                                  "final-notice", 1, OD_HISTORY_SUPERSEDED,
                                  OD_CHANNEL_EMAIL, at);
  od_dunning_invoice_add_history (od_dunning_snapshot_get_invoice (snapshot, 0),
                                  "final-notice", 2, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
}

static void
build_discount (OdDunningSnapshot *snapshot,
                OdPolicy          *policy)
{
  od_policy_set_early_discount (policy, 200, 14);
  od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  add_invoice (snapshot, 1, "INV-1", 1, "2024-05-01", "2024-05-15", 100000);
}

static void
build_discount_settled (OdDunningSnapshot *snapshot,
                        OdPolicy          *policy)
{
  GDate paid = date ("2024-05-10");

  build_discount (snapshot, policy);
  od_dunning_invoice_add_payment (od_dunning_snapshot_get_invoice (snapshot, 0),
                                  &paid, 98000);
}

static void
build_plan (OdDunningSnapshot *snapshot,
            OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate first = date ("2024-06-10");
  GDate second = date ("2024-07-10");

  od_policy_set_instalment_grace_days (policy, 5);
  od_dunning_invoice_add_instalment (invoice, &first, 50000, 0);
  od_dunning_invoice_add_instalment (invoice, &second, 50000, 0);
}

static void
build_plan_first_paid (OdDunningSnapshot *snapshot,
                       OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate first = date ("2024-06-10");
  GDate second = date ("2024-07-10");
  g_autoptr(GDateTime) at = instant ("2024-06-05T09:00:00+02:00");

  od_policy_set_instalment_grace_days (policy, 5);
  od_dunning_invoice_add_payment (invoice, &first, 50000);
  od_dunning_invoice_add_instalment (invoice, &first, 50000, 50000);
  od_dunning_invoice_add_instalment (invoice, &second, 50000, 0);
  od_dunning_invoice_add_history (invoice, "first-reminder", 0, OD_HISTORY_TAKEN,
                                  OD_CHANNEL_EMAIL, at);
}

/* The store does not record what was paid towards an instalment: the
 * engine allocates the payments made since the plan began, in order. */
static void
build_plan_paid_unallocated (OdDunningSnapshot *snapshot,
                             OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate first = date ("2024-06-10");
  GDate second = date ("2024-07-10");
  GDate paid_on = date ("2024-06-09");

  od_policy_set_instalment_grace_days (policy, 5);
  od_dunning_invoice_add_payment (invoice, &paid_on, 50000);
  od_dunning_invoice_add_instalment (invoice, &first, 50000, 0);
  od_dunning_invoice_add_instalment (invoice, &second, 50000, 0);
}

/* A payment before the plan was made is not an instalment payment: the
 * plan split only what was left (40,000 of 100,000 were paid before). */
static void
build_plan_after_partial (OdDunningSnapshot *snapshot,
                          OdPolicy          *policy)
{
  OdDunningInvoice *invoice = one_invoice (snapshot);
  GDate before = date ("2024-06-01");
  GDate first = date ("2024-06-10");
  GDate second = date ("2024-07-10");
  GDate paid_on = date ("2024-06-10");

  od_policy_set_instalment_grace_days (policy, 5);
  od_dunning_invoice_add_payment (invoice, &before, 40000);
  od_dunning_invoice_add_payment (invoice, &paid_on, 20000);
  od_dunning_invoice_add_instalment (invoice, &first, 30000, 0);
  od_dunning_invoice_add_instalment (invoice, &second, 30000, 0);
}

static const Scenario scenarios[] = {
  { "/od/dunning/pre-due-scheduled", build_one, "2024-05-20T10:00:00+02:00",
    "2024-05-31T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SCHEDULED, "email", "2024-05-31T09:00:00+02:00", 100000, 0 },
    } },
  { "/od/dunning/shutdown-restart", build_one, "2024-06-24T10:00:00+02:00", NULL, {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
      { "INV-1", "final-notice", 0, OD_ACTION_DUE, "email", "2024-06-24T09:00:00+02:00", 100000, 1500 },
    } },
  { "/od/dunning/partial-payment", build_partial, "2024-06-05T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-06-05T09:00:00+02:00", 60000, 0 },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", 60000, 0 },
    } },
  { "/od/dunning/paid-with-credit", build_paid, "2024-06-24T10:00:00+02:00", NULL, { { NULL } } },
  { "/od/dunning/void", build_void, "2024-06-24T10:00:00+02:00", NULL, { { NULL } } },
  { "/od/dunning/history-not-again", build_history_taken, "2024-06-05T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/grace", build_grace, "2024-06-05T10:00:00+02:00",
    "2024-06-07T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_DUE, "email", "2024-06-05T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-07T09:00:00+02:00", ANY, ANY },
    } },
  /* Saturday: the first reminder waits for Monday's opening, where the
   * second comes due too (and will pass it over then). */
  { "/od/dunning/window/weekend-now", build_history_taken, "2024-06-08T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  /* The window closed for the day: the first reminder goes at the next
   * opening and the nudge it passes over is never sent. */
  { "/od/dunning/window/evening", build_one, "2024-06-04T18:00:00+02:00",
    "2024-06-05T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-05T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  /* Due Thursday, +2 is Saturday; Monday is Whit Monday: Tuesday. */
  { "/od/dunning/window/weekend-and-holiday", build_weekend_holiday, "2024-05-17T10:00:00+02:00",
    "2024-05-21T09:00:00+02:00", {
      { "INV-1", "nudge", 0, OD_ACTION_SCHEDULED, "email", "2024-05-21T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/window/holiday-now", build_weekend_holiday, "2024-05-20T10:00:00+02:00",
    "2024-05-21T09:00:00+02:00", {
      { "INV-1", "nudge", 0, OD_ACTION_SCHEDULED, "email", "2024-05-21T09:00:00+02:00", ANY, ANY },
    } },
  /* The policy says 06:00–23:00; the guardrail says 08:00–21:00. */
  { "/od/dunning/window/consumer-guardrail", build_wide_hours, "2024-06-04T22:00:00+02:00",
    "2024-06-05T08:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T08:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-05T08:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T08:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/window/customer-zone", build_tokyo, "2024-06-04T01:00:00Z",
    "2024-06-10T00:00:00Z", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+09:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-06-04T09:00:00+09:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+09:00", ANY, ANY },
    } },
  { "/od/dunning/dst/berlin-spring", build_berlin_spring, "2024-03-29T12:00:00+01:00",
    "2024-04-03T07:00:00Z", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-03-25T09:00:00+01:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-03-29T09:00:00+01:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-04-03T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/dst/berlin-autumn", build_berlin_autumn, "2024-10-25T12:00:00+02:00",
    "2024-10-30T08:00:00Z", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-10-21T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-10-25T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-10-30T09:00:00+01:00", ANY, ANY },
    } },
  { "/od/dunning/dst/new-york-spring", build_new_york_spring, "2024-03-08T12:00:00-05:00",
    "2024-03-13T13:00:00Z", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-03-04T09:00:00-05:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-03-08T09:00:00-05:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-03-13T09:00:00-04:00", ANY, ANY },
    } },
  { "/od/dunning/dst/new-york-autumn", build_new_york_autumn, "2024-11-01T12:00:00-04:00",
    "2024-11-06T14:00:00Z", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-10-28T09:00:00-04:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-11-01T09:00:00-04:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-11-06T09:00:00-05:00", ANY, ANY },
    } },
  { "/od/dunning/minimum", build_minimum, "2024-06-05T10:00:00+02:00", NULL, {
      { "INV-1", "first-reminder", 0, OD_ACTION_BELOW_MINIMUM, "email", "2024-06-04T09:00:00+02:00", 499, ANY },
    } },
  { "/od/dunning/review", build_review, "2024-07-04T10:00:00+02:00", NULL, {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
      { "INV-1", "final-notice", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-14T09:00:00+02:00", ANY, ANY },
      { "INV-1", "demand-letter", 0, OD_ACTION_AWAITING_REVIEW, "letter", "2024-07-04T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/dispute", build_dispute, "2024-06-24T10:00:00+02:00", NULL, {
      { "INV-1", "final-notice", 0, OD_ACTION_DISPUTED, "email", "2024-06-14T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/dispute-resolved", build_dispute_resolved, "2024-06-05T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-06-05T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/promise", build_promise, "2024-06-11T10:00:00+02:00",
    "2024-06-13T09:00:00+02:00", {
      { "INV-1", "second-reminder", 0, OD_ACTION_PROMISED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/hold", build_hold, "2024-06-11T10:00:00+02:00",
    "2024-06-21T09:00:00+02:00", {
      { "INV-1", "second-reminder", 0, OD_ACTION_HELD, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/hold-open", build_hold_open, "2024-08-11T10:00:00+02:00", NULL, {
      { "INV-1", "final-notice", 0, OD_ACTION_HELD, "email", "2024-06-14T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/pause/do-not-chase", build_do_not_chase, "2024-06-11T10:00:00+02:00", NULL, {
      { "INV-1", "second-reminder", 0, OD_ACTION_DO_NOT_CHASE, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/channel/fallback", build_opt_out_sms, "2024-06-04T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "sms", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "letter", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/channel/letter", build_opt_out_letter, "2024-06-04T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "letter", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "letter", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/channel/opted-out", build_opt_out_all, "2024-06-04T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_OPTED_OUT, "email", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_OPTED_OUT, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
    } },
  { "/od/dunning/fee/percent-tie", build_percent_fee_tie, "2024-06-04T10:00:00+02:00",
    "2024-06-10T09:00:00+02:00", {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, 0 },
      { "INV-1", "first-reminder", 0, OD_ACTION_DUE, "email", "2024-06-04T09:00:00+02:00", 100020, 1500 + 2501 },
      { "INV-1", "second-reminder", 0, OD_ACTION_SCHEDULED, "email", "2024-06-10T09:00:00+02:00", ANY, 0 },
    } },
  { "/od/dunning/repeat/first", build_repeat, "2024-06-21T10:00:00+02:00",
    "2024-06-28T09:00:00+02:00", {
      { "INV-1", "final-notice", 1, OD_ACTION_DUE, "email", "2024-06-21T09:00:00+02:00", ANY, 0 },
      { "INV-1", "final-notice", 2, OD_ACTION_SCHEDULED, "email", "2024-06-28T09:00:00+02:00", ANY, 0 },
    } },
  { "/od/dunning/repeat/catch-up", build_repeat, "2024-07-10T10:00:00+02:00", NULL, {
      { "INV-1", "final-notice", 1, OD_ACTION_SUPERSEDED, "email", "2024-06-21T09:00:00+02:00", ANY, ANY },
      { "INV-1", "final-notice", 2, OD_ACTION_DUE, "email", "2024-07-10T09:00:00+02:00", ANY, 0 },
    } },
  { "/od/dunning/repeat/at-most", build_repeat_done, "2024-08-10T10:00:00+02:00", NULL, { { NULL } } },
  { "/od/dunning/discount/settled", build_discount_settled, "2024-06-24T10:00:00+02:00", NULL, { { NULL } } },
  { "/od/dunning/plan/instalment", build_plan, "2024-06-11T10:00:00+02:00",
    "2024-07-11T09:00:00+02:00", {
      { "INV-1", "instalment-1", 0, OD_ACTION_DUE, "email", "2024-06-11T09:00:00+02:00", 50000, 0 },
      { "INV-1", "instalment-2", 0, OD_ACTION_SCHEDULED, "email", "2024-07-11T09:00:00+02:00", 50000, 0 },
    } },
  /* Paid on time without the store noting it on the instalment: no
   * reminder for it, and the plan is not broken after grace. */
  { "/od/dunning/plan/allocated-payment", build_plan_paid_unallocated, "2024-06-20T10:00:00+02:00",
    "2024-07-11T09:00:00+02:00", {
      { "INV-1", "instalment-2", 0, OD_ACTION_SCHEDULED, "email", "2024-07-11T09:00:00+02:00", 50000, 0 },
    } },
  /* 20,000 of the first 30,000 instalment paid: the rest is chased. */
  { "/od/dunning/plan/partly-paid-instalment", build_plan_after_partial, "2024-06-11T10:00:00+02:00",
    "2024-07-11T09:00:00+02:00", {
      { "INV-1", "instalment-1", 0, OD_ACTION_DUE, "email", "2024-06-11T09:00:00+02:00", 10000, 0 },
      { "INV-1", "instalment-2", 0, OD_ACTION_SCHEDULED, "email", "2024-07-11T09:00:00+02:00", 30000, 0 },
    } },
  { "/od/dunning/plan/next-instalment", build_plan_first_paid, "2024-07-11T10:00:00+02:00", NULL, {
      { "INV-1", "instalment-2", 0, OD_ACTION_DUE, "email", "2024-07-11T09:00:00+02:00", 50000, 0 },
    } },
  /* Instalment 1 unpaid five days past grace: the plan breaks and the
   * ladder resumes, its latest step due. */
  { "/od/dunning/plan/broken", build_plan, "2024-06-17T10:00:00+02:00", NULL, {
      { "INV-1", "pre-due", 0, OD_ACTION_SUPERSEDED, "email", "2024-05-31T09:00:00+02:00", ANY, ANY },
      { "INV-1", "first-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-04T09:00:00+02:00", ANY, ANY },
      { "INV-1", "second-reminder", 0, OD_ACTION_SUPERSEDED, "email", "2024-06-10T09:00:00+02:00", ANY, ANY },
      { "INV-1", "final-notice", 0, OD_ACTION_DUE, "email", "2024-06-17T09:00:00+02:00", 100000, 1500 },
    } },
};

static void
test_scenario (gconstpointer data)
{
  const Scenario *scenario = data;
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  guint n_expect = 0;

  scenario->build (snapshot, policy);
  plan = plan_at (snapshot, policy, scenario->now);

  while (n_expect < G_N_ELEMENTS (scenario->expect) &&
         scenario->expect[n_expect].invoice != NULL)
    n_expect++;

  check_plan (plan, scenario->expect, n_expect, scenario->wakeup);
}

static OdDunningAction *
find_action (OdDunningPlan  *plan,
             const char     *invoice,
             OdActionStatus  status)
{
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (g_strcmp0 (action->invoice_number, invoice) == 0 && action->status == status)
        return action;
    }

  return NULL;
}

/* 1–5 days overdue: first reminder, 6–10: second, 11+: final notice. */
static void
test_ladder (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();

  od_policy_set_send_days (policy, 0x7f);
  one_invoice (snapshot);

  for (guint days = 1; days <= 15; days++)
    {
      g_autoptr(OdDunningPlan) plan = NULL;
      g_autofree char *now = g_strdup_printf ("2024-06-%02uT12:00:00+02:00", 3 + days);
      OdDunningAction *due;
      const char *expected = days <= 5 ? "first-reminder"
                           : days <= 10 ? "second-reminder"
                           : "final-notice";

      plan = plan_at (snapshot, policy, now);
      due = find_action (plan, "INV-1", OD_ACTION_DUE);
      g_assert_nonnull (due);
      g_assert_cmpstr (due->step, ==, expected);
      g_assert_cmpint (due->days_overdue, ==, days);
    }
}

/* A payment arrives between two runs: the second plans nothing. */
static void
test_payment_between_runs (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) first = NULL;
  g_autoptr(OdDunningPlan) second = NULL;
  OdDunningInvoice *invoice = one_invoice (snapshot);
  OdDunningAction *due;
  GDate paid = date ("2024-06-06");

  first = plan_at (snapshot, policy, "2024-06-04T10:00:00+02:00");
  due = find_action (first, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->step, ==, "first-reminder");
  g_assert_nonnull (first->next_wakeup);
  od_dunning_invoice_add_history (invoice, due->step, 0, OD_HISTORY_TAKEN,
                                  due->channel, due->at);

  od_dunning_invoice_add_payment (invoice, &paid, 100000);
  second = plan_at (snapshot, policy, "2024-06-10T10:00:00+02:00");
  g_assert_cmpuint (second->actions->len, ==, 0);
  g_assert_null (second->next_wakeup);
}

/* Five overdue invoices of one customer: one message. */
static void
test_grouping (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  static const char * const due_dates[] = {
    "2024-06-03", "2024-06-05", "2024-06-07", "2024-06-10", "2024-06-12",
  };
  guint n_due = 0;

  od_dunning_snapshot_add_customer (snapshot, 7, "BETA", "Beta AG");
  od_dunning_snapshot_add_customer (snapshot, 8, "GAMMA", "Gamma KG");
  for (guint i = 0; i < G_N_ELEMENTS (due_dates); i++)
    {
      g_autofree char *number = g_strdup_printf ("INV-%u", i + 1);

      add_invoice (snapshot, i + 1, number, 7, "2024-05-01", due_dates[i], 10000 * (i + 1));
    }
  add_invoice (snapshot, 10, "INV-10", 8, "2024-05-01", "2024-06-03", 5000);

  plan = plan_at (snapshot, policy, "2024-06-24T10:00:00+02:00");
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status != OD_ACTION_DUE)
        {
          g_assert_null (action->group);
          continue;
        }
      if (action->customer_id == 7)
        {
          g_assert_cmpstr (action->group, ==, "7:email:2024-06-24");
          n_due++;
        }
      else
        {
          g_assert_cmpstr (action->group, ==, "8:email:2024-06-24");
        }
    }
  g_assert_cmpuint (n_due, ==, 5);

  /* Sorted by customer, then invoice number, then time. */
  g_assert_cmpstr (((OdDunningAction *) g_ptr_array_index (plan->actions, 0))->customer_ref, ==, "BETA");
  g_assert_cmpstr (((OdDunningAction *) g_ptr_array_index (plan->actions,
                                                          plan->actions->len - 1))->customer_ref, ==, "GAMMA");
}

/* Due dates at month and year ends: the first reminder the day after. */
static void
test_month_ends (void)
{
  static const struct {
    const char *due;
    const char *first;
    gint        overdue;  /* at 2025-01-06 */
  } cases[] = {
    { "2024-01-31", "2024-02-01T09:00:00+01:00", 341 },
    { "2023-02-28", "2023-03-01T09:00:00+01:00", 678 },
    { "2024-02-28", "2024-02-29T09:00:00+01:00", 313 },
    { "2024-02-29", "2024-03-01T09:00:00+01:00", 312 },
    /* New Year's Day is a holiday here: the 2nd. */
    { "2024-12-31", "2025-01-02T09:00:00+01:00", 6 },
  };
  GDate new_year = date ("2025-01-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OdPolicy) policy = standard_policy ();
      g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
      g_autoptr(OdDunningPlan) plan = NULL;
      g_autoptr(OdDunningPlan) later = NULL;
      g_autofree char *now = g_strdup_printf ("%sT12:00:00+01:00", cases[i].due);
      g_autofree char *at = NULL;
      OdDunningAction *scheduled;

      od_policy_add_holiday (policy, &new_year);
      od_policy_remove_step (policy, "pre-due");
      od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
      add_invoice (snapshot, 1, "INV-1", 1, "2023-01-01", cases[i].due, 100000);

      plan = plan_at (snapshot, policy, now);
      g_assert_cmpuint (plan->actions->len, ==, 1);
      scheduled = g_ptr_array_index (plan->actions, 0);
      g_assert_cmpstr (scheduled->step, ==, "first-reminder");
      g_assert_cmpint (scheduled->status, ==, OD_ACTION_SCHEDULED);
      at = format_instant (scheduled->at);
      g_assert_cmpstr (at, ==, cases[i].first);

      later = plan_at (snapshot, policy, "2025-01-06T10:00:00+01:00");
      scheduled = find_action (later, "INV-1", OD_ACTION_DUE);
      g_assert_nonnull (scheduled);
      g_assert_cmpint (scheduled->days_overdue, ==, cases[i].overdue);
    }
}

/* 10 000.00 at 8 % from 2023-12-01 to 2024-03-01: 30 days of 2023
 * (1/365 each) and 61 of 2024 (1/366 each).
 * 1 000 000 × 0.08 × (30/365 + 61/366) = 80 000 × 33 245 / 133 590
 * = 19 908.68 → 19 909 minor units (199.09). */
static void
test_interest_leap_year (void)
{
  GDate from = date ("2023-12-01");
  GDate to = date ("2024-03-01");
  GDate year_end = date ("2023-12-31");
  GDate leap_end = date ("2024-12-31");
  GDate common_end = date ("2025-12-31");
  GDate new_year = date ("2024-01-01");
  guint days = 0;

  g_assert_cmpint (od_dunning_interest (1000000, 800, &from, &to, &days), ==, 19909);
  g_assert_cmpuint (days, ==, 91);

  /* A whole leap year and a whole common year: exactly 8 % each. */
  g_assert_cmpint (od_dunning_interest (1000000, 800, &year_end, &leap_end, &days), ==, 80000);
  g_assert_cmpuint (days, ==, 366);
  g_assert_cmpint (od_dunning_interest (1000000, 800, &leap_end, &common_end, &days), ==, 80000);
  g_assert_cmpuint (days, ==, 365);

  /* Nothing before or on the start day. */
  g_assert_cmpint (od_dunning_interest (1000000, 800, &to, &from, &days), ==, 0);
  g_assert_cmpuint (days, ==, 0);

  /* Half a minor unit rounds away from zero: 18 300 × 1 % × 1/366 = 0.5. */
  g_assert_cmpint (od_dunning_interest (18300, 100, &year_end, &new_year, NULL), ==, 1);
}

/* On an action: interest from the due date after grace to the action's
 * date, and the fixed compensation once. */
static void
test_interest_and_compensation (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdDunningPlan) again = NULL;
  OdDunningInvoice *invoice = one_invoice (snapshot);
  OdDunningAction *due;
  OdDunningAction *scheduled;
  GDate from = date ("2024-06-03");
  GDate to = date ("2024-06-24");

  od_policy_set_interest_annual_bp (policy, 800);
  od_policy_set_fixed_compensation_milli (policy, 40000);

  plan = plan_at (snapshot, policy, "2024-06-24T10:00:00+02:00");
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (due);
  g_assert_cmpuint (due->interest_days, ==, 21);
  /* 100 000 × 0.08 × 21/366 = 459.02 → 459. */
  g_assert_cmpint (due->interest, ==, 459);
  g_assert_cmpint (due->interest, ==, od_dunning_interest (100000, 800, &from, &to, NULL));
  g_assert_cmpint (due->compensation, ==, 4000);

  invoice->compensation_charged = TRUE;
  again = plan_at (snapshot, policy, "2024-06-24T10:00:00+02:00");
  due = find_action (again, "INV-1", OD_ACTION_DUE);
  g_assert_cmpint (due->compensation, ==, 0);

  /* Before the due date: no interest, no compensation. */
  g_clear_pointer (&plan, od_dunning_plan_free);
  invoice->compensation_charged = FALSE;
  plan = plan_at (snapshot, policy, "2024-05-20T10:00:00+02:00");
  scheduled = find_action (plan, "INV-1", OD_ACTION_SCHEDULED);
  g_assert_cmpint (scheduled->interest, ==, 0);
  g_assert_cmpint (scheduled->compensation, ==, 0);
}

/* The pre-due nudge within the discount window names the amount that
 * settles; the invoice paid at that amount in time is settled. */
static void
test_discount (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autofree char *until = NULL;
  g_autofree char *at = NULL;
  OdDunningAction *due;

  build_discount (snapshot, policy);
  plan = plan_at (snapshot, policy, "2024-05-13T10:00:00+02:00");
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->step, ==, "pre-due");
  /* The 12th is a Sunday: Monday's opening. */
  at = format_instant (due->at);
  g_assert_cmpstr (at, ==, "2024-05-13T09:00:00+02:00");
  g_assert_cmpint (due->discounted, ==, 98000);
  until = od_date_to_iso (&due->discount_until);
  g_assert_cmpstr (until, ==, "2024-05-15");

  /* Post-due reminders do not offer it. */
  g_clear_pointer (&plan, od_dunning_plan_free);
  plan = plan_at (snapshot, policy, "2024-05-16T10:00:00+02:00");
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_cmpstr (due->step, ==, "first-reminder");
  g_assert_cmpint (due->discounted, ==, 0);
  g_assert_false (g_date_valid (&due->discount_until));
}

/* A kept promise pauses; a broken one resumes with the reason. */
static void
test_promise_broken (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  OdDunningAction *due;

  build_promise (snapshot, policy);
  plan = plan_at (snapshot, policy, "2024-06-13T10:00:00+02:00");
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->step, ==, "second-reminder");
  g_assert_nonnull (due->reason);
  g_assert_nonnull (strstr (due->reason, "2024-06-12"));
}

static void
test_plan_broken_reason (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdDunningPlan) within = NULL;
  OdDunningAction *due;

  build_plan (snapshot, policy);
  plan = plan_at (snapshot, policy, "2024-06-17T10:00:00+02:00");
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (due->reason);
  g_assert_nonnull (strstr (due->reason, "2024-06-10"));

  /* Still within grace on the 14th: the instalment, not the ladder. */
  within = plan_at (snapshot, policy, "2024-06-14T10:00:00+02:00");
  due = find_action (within, "INV-1", OD_ACTION_DUE);
  g_assert_cmpstr (due->step, ==, "instalment-1");
}

/* "plan --as-of DATE" stands for the whole day: at 23:59:59 the window
 * has closed, yet what went out that day is due, at the day's opening.
 * Without the flag the same instant waits for tomorrow's window. */
static void
test_whole_day (void)
{
  g_autoptr(OdPolicy) policy = standard_policy ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) exact = NULL;
  g_autoptr(OdDunningPlan) day = NULL;
  g_autoptr(OdDunningPlan) saturday = NULL;
  g_autoptr(GDateTime) now = instant ("2024-06-05T23:59:59+02:00");
  g_autoptr(GDateTime) sat = instant ("2024-06-08T23:59:59+02:00");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  OdDunningAction *action;
  g_autofree char *at = NULL;

  build_one (snapshot, policy);

  exact = od_dunning_plan (snapshot, policy, zone, now);
  g_assert_null (find_action (exact, "INV-1", OD_ACTION_DUE));
  action = find_action (exact, "INV-1", OD_ACTION_SCHEDULED);
  g_assert_cmpstr (action->step, ==, "first-reminder");

  day = od_dunning_plan_full (snapshot, policy, zone, now, OD_DUNNING_WHOLE_DAY);
  action = find_action (day, "INV-1", OD_ACTION_DUE);
  g_assert_nonnull (action);
  g_assert_cmpstr (action->step, ==, "first-reminder");
  at = g_date_time_format_iso8601 (action->at);
  g_assert_cmpstr (at, ==, "2024-06-05T09:00:00+02");
  g_assert_nonnull (find_action (day, "INV-1", OD_ACTION_SUPERSEDED));

  /* A Saturday has no window at all: nothing is due that day. */
  saturday = od_dunning_plan_full (snapshot, policy, zone, sat, OD_DUNNING_WHOLE_DAY);
  g_assert_null (find_action (saturday, "INV-1", OD_ACTION_DUE));
}

/* At most seven call tasks per customer in any seven days. */
static void
test_call_limit (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new ("Calls");
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  OdDunningCustomer *customer;
  guint n_due = 0, n_limited = 0;

  od_policy_set_time_zone (policy, "Europe/Berlin");
  od_policy_set_send_days (policy, 0x7f);
  od_policy_set_send_hours (policy, 9 * 60, 17 * 60);
  add_step (policy, "call", 1, "call", 0, 0, FALSE);

  customer = od_dunning_snapshot_add_customer (snapshot, 1, "ACME", "Acme GmbH");
  /* Five tasks this week, one eight days ago (outside the seven days). */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *iso = g_strdup_printf ("2024-06-%02uT10:00:00+02:00",
                                              i == 0 ? 16u : 18 + i);

      g_ptr_array_add (customer->call_tasks, instant (iso));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *number = g_strdup_printf ("INV-%u", i + 1);

      add_invoice (snapshot, i + 1, number, 1, "2024-05-01", "2024-06-03", 10000);
    }

  plan = plan_at (snapshot, policy, "2024-06-24T10:00:00+02:00");
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      g_assert_cmpint (action->channel, ==, OD_CHANNEL_CALL);
      if (action->status == OD_ACTION_DUE)
        n_due++;
      else if (action->status == OD_ACTION_LIMITED)
        {
          g_assert_null (action->group);
          g_assert_nonnull (action->reason);
          n_limited++;
        }
    }
  g_assert_cmpuint (n_due, ==, 2);
  g_assert_cmpuint (n_limited, ==, 2);
  /* The oldest counted task, 2024-06-20 10:00, falls out a week later. */
  g_assert_nonnull (plan->next_wakeup);
}

/* The design's key file, as the policy import reads it. */
static void
test_key_file_policy (void)
{
  static const char data[] =
    "[Policy]\n"
    "Name=Standard\n"
    "GraceDays=0\n"
    "MinimumAmount=5.00\n"
    "SendDays=Mon;Tue;Wed;Thu;Fri\n"
    "SendHours=09:00-17:00\n"
    "TimeZone=Europe/Berlin\n"
    "InterestAnnualPercent=8.0\n"
    "FixedCompensation=40.00\n"
    "\n"
    "[Step first-reminder]\n"
    "Offset=1\n"
    "Channel=email\n"
    "Template=first-reminder\n"
    "\n"
    "[Step final-notice]\n"
    "Offset=11\n"
    "Channel=email;letter\n"
    "Template=final-notice\n"
    "Fee=15.00\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) policy = od_policy_new_from_data (data, -1, &error);
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  OdDunningAction *due;

  g_assert_no_error (error);
  one_invoice (snapshot);
  plan = plan_at (snapshot, policy, "2024-06-24T10:00:00+02:00");
  g_assert_cmpuint (plan->actions->len, ==, 2);
  due = find_action (plan, "INV-1", OD_ACTION_DUE);
  g_assert_cmpstr (due->step, ==, "final-notice");
  g_assert_cmpint (due->fee, ==, 1500);
  g_assert_cmpint (due->compensation, ==, 4000);
  /* 100 000 × 0.08 × 21/366 = 459.02. */
  g_assert_cmpint (due->interest, ==, 459);
  g_assert_null (plan->next_wakeup);
}

/* The shipped policy: 35 days overdue, the demand letter waits for the
 * owner; a customer without a postal address who opted out of email
 * still gets the first reminder by SMS. */
static void
test_default_policy (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdDunningPlan) early = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = instant ("2024-07-08T10:00:00+02:00");
  g_autoptr(GDateTime) then = instant ("2024-06-04T10:00:00+02:00");
  OdDunningCustomer *customer;
  OdDunningAction *action;

  one_invoice (snapshot);
  customer = od_dunning_snapshot_add_customer (snapshot, 2, "SMS", "Text Only");
  customer->reachable = OD_CHANNEL_EMAIL | OD_CHANNEL_SMS;
  customer->opted_out = OD_CHANNEL_EMAIL;
  add_invoice (snapshot, 2, "INV-2", 2, "2024-05-04", "2024-06-03", 100000);

  plan = od_dunning_plan (snapshot, policy, berlin, now);
  action = find_action (plan, "INV-1", OD_ACTION_AWAITING_REVIEW);
  g_assert_nonnull (action);
  g_assert_cmpstr (action->step, ==, "demand-letter");
  g_assert_cmpint (action->channel, ==, OD_CHANNEL_LETTER);
  g_assert_cmpint (action->days_overdue, ==, 35);

  early = od_dunning_plan (snapshot, policy, berlin, then);
  action = find_action (early, "INV-2", OD_ACTION_DUE);
  g_assert_cmpstr (action->step, ==, "first-reminder");
  g_assert_cmpint (action->channel, ==, OD_CHANNEL_SMS);
  g_assert_cmpstr (action->group, ==, "2:sms:2024-06-04");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    g_test_add_data_func (scenarios[i].path, &scenarios[i], test_scenario);

  g_test_add_func ("/od/dunning/ladder", test_ladder);
  g_test_add_func ("/od/dunning/payment-between-runs", test_payment_between_runs);
  g_test_add_func ("/od/dunning/grouping", test_grouping);
  g_test_add_func ("/od/dunning/month-ends", test_month_ends);
  g_test_add_func ("/od/dunning/interest/leap-year", test_interest_leap_year);
  g_test_add_func ("/od/dunning/interest/on-action", test_interest_and_compensation);
  g_test_add_func ("/od/dunning/discount/pre-due", test_discount);
  g_test_add_func ("/od/dunning/pause/promise-broken", test_promise_broken);
  g_test_add_func ("/od/dunning/plan/broken-reason", test_plan_broken_reason);
  g_test_add_func ("/od/dunning/call-limit", test_call_limit);
  g_test_add_func ("/od/dunning/window/whole-day", test_whole_day);
  g_test_add_func ("/od/dunning/policy/key-file", test_key_file_policy);
  g_test_add_func ("/od/dunning/policy/default", test_default_policy);

  return g_test_run ();
}
