/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Properties of the engine over random ledgers and random runs: each
 * pass's due and superseded actions go back into the history, as the
 * scheduler records them, and then no (invoice, step, repeat) is ever
 * due twice, and nothing is ever due for a paid invoice. Fixed seeds, so
 * a failure repeats. */

#include "od-dunning.h"

#define N_LEDGERS 60
#define N_PASSES  100

static const char * const zones[] = {
  NULL, "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney",
};

static void
add_step (OdPolicy   *policy,
          const char *name,
          gint        offset,
          OdChannel   first,
          OdChannel   second,
          gboolean    review)
{
  g_autoptr(OdPolicyStep) step = od_policy_step_new (name);
  OdChannel channels[2] = { first, second };

  od_policy_step_set_offset_days (step, offset);
  od_policy_step_set_channels (step, channels, second != OD_CHANNEL_NONE ? 2 : 1);
  od_policy_step_set_fee_milli (step, offset > 10 ? 15000 : 0);
  od_policy_step_set_review (step, review);
  od_policy_add_step (policy, step);
}

static OdPolicy *
random_policy (GRand *rand)
{
  OdPolicy *policy = od_policy_new ("Random");
  GDate holiday;

  od_policy_set_time_zone (policy, "Europe/Berlin");
  od_policy_set_send_days (policy, g_rand_boolean (rand) ? OD_SEND_DAYS_WEEKDAYS : 0x7f);
  od_policy_set_send_hours (policy, 60 * g_rand_int_range (rand, 6, 12),
                            60 * g_rand_int_range (rand, 13, 23));
  od_policy_set_grace_days (policy, g_rand_int_range (rand, 0, 4));
  od_policy_set_repeat (policy, g_rand_int_range (rand, 1, 10), g_rand_int_range (rand, 0, 4));
  od_policy_set_minimum_milli (policy, g_rand_boolean (rand) ? 5000 : 0);
  od_policy_set_instalment_grace_days (policy, g_rand_int_range (rand, 0, 6));
  od_policy_set_early_discount (policy, 200, 10);
  od_policy_set_interest_annual_bp (policy, 800);
  g_date_clear (&holiday, 1);
  g_date_set_dmy (&holiday, 1, G_DATE_MAY, 2024);
  od_policy_add_holiday (policy, &holiday);

  add_step (policy, "pre-due", -3, OD_CHANNEL_EMAIL, OD_CHANNEL_NONE, FALSE);
  add_step (policy, "first-reminder", 1, OD_CHANNEL_EMAIL, OD_CHANNEL_SMS, FALSE);
  add_step (policy, "second-reminder", g_rand_int_range (rand, 2, 9),
            OD_CHANNEL_SMS, OD_CHANNEL_EMAIL, FALSE);
  add_step (policy, "call", 10, OD_CHANNEL_CALL, OD_CHANNEL_NONE, FALSE);
  add_step (policy, "final-notice", 11, OD_CHANNEL_EMAIL, OD_CHANNEL_LETTER,
            g_rand_boolean (rand));

  return policy;
}

static OdDunningSnapshot *
random_ledger (GRand *rand)
{
  OdDunningSnapshot *snapshot = od_dunning_snapshot_new ();
  guint n_customers = g_rand_int_range (rand, 1, 4);
  gint64 invoice_id = 1;

  for (guint c = 1; c <= n_customers; c++)
    {
      g_autofree char *ref = g_strdup_printf ("C%u", c);
      OdDunningCustomer *customer;
      guint n_invoices = g_rand_int_range (rand, 1, 8);

      customer = od_dunning_snapshot_add_customer (snapshot, c, ref, ref);
      customer->time_zone = g_strdup (zones[g_rand_int_range (rand, 0, G_N_ELEMENTS (zones))]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        customer->opted_out = OD_CHANNEL_EMAIL;
      customer->do_not_chase = g_rand_int_range (rand, 0, 10) == 0;

      for (guint i = 0; i < n_invoices; i++, invoice_id++)
        {
          g_autofree char *number = g_strdup_printf ("INV-%03" G_GINT64_FORMAT, invoice_id);
          OdDunningInvoice *invoice;

          invoice = od_dunning_snapshot_add_invoice (snapshot, invoice_id, number, c);
          g_date_set_dmy (&invoice->issue_date, 1, G_DATE_JANUARY, 2024);
          g_date_add_days (&invoice->issue_date, g_rand_int_range (rand, 0, 90));
          invoice->due_date = invoice->issue_date;
          g_date_add_days (&invoice->due_date, g_rand_int_range (rand, 0, 45));
          invoice->total = g_rand_int_range (rand, 100, 500000);

          if (g_rand_int_range (rand, 0, 5) == 0)
            {
              GDate first = invoice->due_date;
              gint64 part = invoice->total / 3;

              g_date_add_days (&first, 20);
              for (guint k = 0; k < 3; k++)
                {
                  od_dunning_invoice_add_instalment (invoice, &first,
                                                     k < 2 ? part : invoice->total - 2 * part,
                                                     0);
                  g_date_add_days (&first, 30);
                }
            }
          if (g_rand_int_range (rand, 0, 6) == 0)
            {
              GDate since = invoice->due_date;
              GDate until = invoice->due_date;

              g_date_add_days (&since, g_rand_int_range (rand, 0, 20));
              g_date_add_days (&until, g_rand_int_range (rand, 20, 60));
              od_dunning_invoice_add_pause (invoice,
                                            g_rand_int_range (rand, 0, 3),
                                            &since,
                                            g_rand_boolean (rand) ? &until : NULL);
            }
        }
    }

  return snapshot;
}

static gint64
outstanding (OdDunningInvoice *invoice)
{
  return invoice->total - od_dunning_invoice_get_paid (invoice) - invoice->credits;
}

/* Returns how many actions were due, so that the test can tell it
 * exercised something. */
static guint
run_ledger (guint32 seed)
{
  guint n_due = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(OdPolicy) policy = random_policy (rand);
  g_autoptr(OdDunningSnapshot) snapshot = random_ledger (rand);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);

  for (guint pass = 0; pass < N_PASSES; pass++)
    {
      g_autoptr(OdDunningPlan) plan = NULL;
      GDateTime *later;
      GDate today;

      later = g_date_time_add_seconds (now, g_rand_int_range (rand, 3600, 4 * 24 * 3600));
      g_date_time_unref (now);
      now = later;

      /* Payments and pauses change between runs. */
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
        {
          OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);
          guint dice = g_rand_int_range (rand, 0, 80);

          if (outstanding (invoice) <= 0)
            continue;
          if (dice == 0)
            od_dunning_invoice_add_payment (invoice, &today, outstanding (invoice));
          else if (dice == 1)
            od_dunning_invoice_add_payment (invoice, &today, outstanding (invoice) / 2);
          else if (dice == 2)
            invoice->status = OD_INVOICE_STATUS_PAID;
          else if (dice == 3 && invoice->pauses->len > 0)
            ((OdDunningPause *) g_ptr_array_index (invoice->pauses, 0))->resolved = TRUE;
        }

      plan = od_dunning_plan (snapshot, policy, utc, now);

      if (plan->next_wakeup != NULL)
        g_assert_cmpint (g_date_time_compare (plan->next_wakeup, now), >, 0);

      for (guint i = 0; i < plan->actions->len; i++)
        {
          OdDunningAction *action = g_ptr_array_index (plan->actions, i);
          OdDunningInvoice *invoice = NULL;
          g_autofree char *key = NULL;

          for (guint j = 0; j < od_dunning_snapshot_get_n_invoices (snapshot); j++)
            if (od_dunning_snapshot_get_invoice (snapshot, j)->id == action->invoice_id)
              invoice = od_dunning_snapshot_get_invoice (snapshot, j);
          g_assert_nonnull (invoice);

          /* Sorted by customer, then invoice. */
          if (i > 0)
            {
              OdDunningAction *prev = g_ptr_array_index (plan->actions, i - 1);

              g_assert_cmpint (g_strcmp0 (prev->customer_ref, action->customer_ref), <=, 0);
            }

          if (action->status != OD_ACTION_DUE && action->status != OD_ACTION_SUPERSEDED)
            continue;

          key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%u",
                                 action->invoice_id, action->step, action->repeat);
          if (action->status == OD_ACTION_DUE)
            {
              g_assert_true (invoice->status == OD_INVOICE_STATUS_OPEN);
              g_assert_cmpint (outstanding (invoice), >, 0);
              g_assert_cmpint (action->amount_due, >, 0);
              g_assert_cmpint (g_date_time_compare (action->at, now), <=, 0);
              g_assert_nonnull (action->group);
              if (g_hash_table_contains (taken, key))
                g_error ("seed %u pass %u: %s due twice", seed, pass, key);
              g_hash_table_add (taken, g_steal_pointer (&key));
              n_due++;
              if (action->channel == OD_CHANNEL_CALL)
                g_ptr_array_add (od_dunning_snapshot_get_customer (snapshot, action->customer_id)->call_tasks,
                                 g_date_time_ref (now));
            }

          od_dunning_invoice_add_history (invoice, action->step, action->repeat,
                                          action->status == OD_ACTION_DUE
                                            ? OD_HISTORY_TAKEN : OD_HISTORY_SUPERSEDED,
                                          action->channel, now);
        }
    }

  return n_due;
}

static void
test_never_twice (void)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func ((GDestroyNotify) g_time_zone_unref);
  guint n_due = 0;

  /* GLib reuses a zone while someone holds it; without this every plan
   * would parse the zone files again, and that is nearly all the time. */
  for (guint i = 1; i < G_N_ELEMENTS (zones); i++)
    g_ptr_array_add (held, g_time_zone_new_identifier (zones[i]));

  for (guint32 seed = 1; seed <= N_LEDGERS; seed++)
    n_due += run_ledger (seed);

  g_test_message ("%u actions due", n_due);
  g_assert_cmpuint (n_due, >, 5 * N_LEDGERS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/dunning-property/never-twice", test_never_twice);

  return g_test_run ();
}
