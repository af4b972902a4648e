/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The scheduler against the real engine on a small ledger, with a clock
 * the test moves and a fake logind on a private D-Bus. The work function
 * plans and records each due step as taken, as a run does, so the next
 * instant always comes from real data.
 */
#include "od-date.h"
#include "od-scheduler.h"
#include "od-test-clock.h"
#include "od-test-util.h"

#define ZONE "Europe/Berlin"

/* Berlin time, 09:00-17:00 on weekdays; no repeats so that what is taken
 * is exactly the steps. */
static const char policy_text[] =
  "[Policy]\n"
  "Name=Test\n"
  "SendDays=Mon;Tue;Wed;Thu;Fri\n"
  "SendHours=09:00-17:00\n"
  "TimeZone=" ZONE "\n"
  "RepeatMax=0\n"
  "[Step first-reminder]\nOffset=1\nChannel=email\nTemplate=first-reminder\n"
  "[Step second-reminder]\nOffset=5\nChannel=email\nTemplate=second-reminder\n"
  "[Step final-notice]\nOffset=6\nChannel=email\nTemplate=final-notice\n";

typedef struct
{
  GMutex     lock;
  GCond      cond;
  GPtrArray *taken;       /* "NUMBER:step@pass instant (UTC)" */
  int        active;
  int        max_active;
  guint      entered;
  gboolean   gated;       /* the work waits until the gate opens */
  gboolean   gate_open;
} WorkState;

typedef struct
{
  char            *tmpdir;
  OdSqliteStore   *sqlite;
  OdStore         *store;
  OdTestClock     *clock;
  OdScheduler     *scheduler;
  WorkState        work;
  GDBusConnection *bus;       /* the scheduler's "system bus" */
  GDBusConnection *logind;    /* the fake logind's connection */
  guint            owner_id;
  guint            finished;
  guint            failed;
} Fixture;

static GTestDBus *test_bus;

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  GDateTime *instant = g_date_time_new_from_iso8601 (iso, zone);

  g_assert_nonnull (instant);
  return instant;
}

static void
work_wait_gate (WorkState    *state,
                GCancellable *cancellable)
{
  /* Polls so that a cancel ends the wait as it would end an SMTP read. */
  g_mutex_lock (&state->lock);
  while (state->gated && !state->gate_open && !g_cancellable_is_cancelled (cancellable))
    {
      gint64 until = g_get_monotonic_time () + G_TIME_SPAN_MILLISECOND;

      g_cond_wait_until (&state->cond, &state->lock, until);
    }
  g_mutex_unlock (&state->lock);
}

/* Runs in the scheduler's worker thread: plan, take what is due. */
static gboolean
plan_work (OdStore        *store,
           GDateTime      *now,
           OdPassSummary  *summary,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  WorkState *state = user_data;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  gboolean ok = FALSE;

  g_mutex_lock (&state->lock);
  state->entered++;
  state->active++;
  state->max_active = MAX (state->max_active, state->active);
  g_mutex_unlock (&state->lock);

  work_wait_gate (state, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  snapshot = od_store_load_dunning_snapshot (store, error);
  if (snapshot == NULL)
    goto out;
  policy = od_store_get_effective_policy (store, 0, error);
  if (policy == NULL)
    goto out;
  plan = od_dunning_plan_full (snapshot, policy, zone, now, OD_DUNNING_FLAGS_NONE);

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      OdHistoryState history;

      if (action->status == OD_ACTION_DUE)
        history = OD_HISTORY_TAKEN;
      else if (action->status == OD_ACTION_SUPERSEDED)
        history = OD_HISTORY_SUPERSEDED;
      else
        continue;
      if (!od_store_add_history (store, action->invoice_id, action->step, action->repeat,
                                 history, action->channel, now, error))
        goto out;
      if (history == OD_HISTORY_TAKEN)
        {
          g_autofree char *at = g_date_time_format_iso8601 (now);

          summary->taken++;
          g_mutex_lock (&state->lock);
          g_ptr_array_add (state->taken, g_strdup_printf ("%s:%s@%s", action->invoice_number,
                                                          action->step, at));
          g_mutex_unlock (&state->lock);
        }
      else
        summary->superseded++;
    }
  od_pass_summary_due_at (summary, plan->next_wakeup);
  ok = TRUE;

out:
  g_mutex_lock (&state->lock);
  state->active--;
  g_mutex_unlock (&state->lock);
  return ok;
}

static void
on_pass_finished (OdScheduler   *scheduler,
                  OdPassSummary *summary,
                  Fixture       *f)
{
  g_assert_nonnull (summary->now);
  f->finished++;
}

static void
on_pass_failed (OdScheduler  *scheduler,
                const GError *error,
                Fixture      *f)
{
  g_test_message ("pass failed: %s", error->message);
  f->failed++;
}

static GDBusConnection *
connect_test_bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
new_scheduler (Fixture *f)
{
  g_clear_object (&f->scheduler);
  f->scheduler = od_scheduler_new (f->store, OD_CLOCK (f->clock));
  od_scheduler_set_work (f->scheduler, plan_work, &f->work, NULL);
  od_scheduler_set_system_bus (f->scheduler, f->bus);
  g_signal_connect (f->scheduler, "pass-finished", G_CALLBACK (on_pass_finished), f);
  g_signal_connect (f->scheduler, "pass-failed", G_CALLBACK (on_pass_failed), f);
}

static void
add_customer (Fixture *f)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "ACME", "Acme GmbH");
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(GError) error = NULL;

  od_contact_set_name (contact, "Accounts");
  od_contact_set_email (contact, "accounts@acme.example");
  od_customer_add_contact (customer, contact);
  g_assert_true (od_store_update_customer (f->store, customer, &error));
  g_assert_no_error (error);
}

static void
add_invoice (Fixture    *f,
             const char *number,
             const char *due_date)
{
  g_autoptr(OdCustomer) customer = od_store_find_customer (f->store, "ACME", NULL);
  g_autoptr(OdInvoice) invoice = NULL;
  GDate due = od_test_date (due_date);
  GDate issue = due;
  g_autofree char *issue_text = NULL;

  g_assert_nonnull (customer);
  g_date_subtract_days (&issue, 30);
  issue_text = od_date_to_iso (&issue);
  invoice = od_test_add_invoice (f->store, customer, number, issue_text, due_date, 10000, "EUR");
}

static void
set_policy (Fixture    *f,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) policy = od_policy_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (od_store_set_policy (f->store, 0, policy, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) start = utc (data != NULL ? data : "2026-03-03T06:00:00Z");
  gboolean acquired = FALSE;

  g_mutex_init (&f->work.lock);
  g_cond_init (&f->work.cond);
  f->work.taken = g_ptr_array_new_with_free_func (g_free);
  f->sqlite = od_test_store_new (&f->tmpdir);
  f->store = OD_STORE (f->sqlite);
  f->clock = od_test_clock_new (start);
  set_policy (f, policy_text);
  add_customer (f);

  f->bus = connect_test_bus ();
  f->logind = connect_test_bus ();
  f->owner_id = g_bus_own_name_on_connection (f->logind, "org.freedesktop.login1",
                                              G_BUS_NAME_OWNER_FLAGS_NONE,
                                              on_name_acquired, NULL, &acquired, NULL);
  while (!acquired)
    g_main_context_iteration (NULL, TRUE);
  new_scheduler (f);
}

/* Until no pass runs and nothing is ready to dispatch. */
static void
settle (Fixture *f)
{
  while (od_scheduler_get_running (f->scheduler) || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  od_scheduler_stop (f->scheduler);
  settle (f);
  g_clear_object (&f->scheduler);
  g_bus_unown_name (f->owner_id);
  g_clear_object (&f->logind);
  g_clear_object (&f->bus);
  g_clear_object (&f->clock);
  g_clear_object (&f->sqlite);
  od_test_tmpdir_free (g_steal_pointer (&f->tmpdir));
  g_ptr_array_unref (f->work.taken);
  g_mutex_clear (&f->work.lock);
  g_cond_clear (&f->work.cond);
}

static GDateTime *
clock_now (Fixture *f)
{
  return od_clock_now (OD_CLOCK (f->clock));
}

/* Moves time from timer to timer, as a running machine would, up to and
 * including @iso, and never past a wake-up without dispatching it. */
static void
run_until (Fixture    *f,
           const char *iso)
{
  g_autoptr(GDateTime) target = utc (iso);

  settle (f);
  for (;;)
    {
      g_autoptr(GDateTime) now = clock_now (f);
      GTimeSpan left = g_date_time_difference (target, now);
      GTimeSpan next = od_test_clock_time_to_next (f->clock);

      g_assert_nonnull (od_scheduler_get_wakeup (f->scheduler));
      /* The rule that makes suspends harmless. */
      g_assert_cmpint (next, >=, 0);
      g_assert_cmpint (next, <=, OD_SCHEDULER_MAX_SLEEP);
      if (next > left)
        {
          od_test_clock_advance (f->clock, MAX (0, left));
          settle (f);
          return;
        }
      od_test_clock_advance (f->clock, next);
      settle (f);
    }
}

/* The worker thread does not wake the main loop when it blocks. */
static void
wait_entered (Fixture *f)
{
  for (;;)
    {
      guint entered;

      g_mutex_lock (&f->work.lock);
      entered = f->work.entered;
      g_mutex_unlock (&f->work.lock);
      if (entered > 0)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
assert_taken (Fixture    *f,
              guint       index,
              const char *expected)
{
  g_assert_cmpuint (f->work.taken->len, >, index);
  g_assert_cmpstr (g_ptr_array_index (f->work.taken, index), ==, expected);
}

static void
assert_next_due (Fixture    *f,
                 const char *iso)
{
  g_autoptr(GDateTime) expected = utc (iso);
  GDateTime *next_due = od_scheduler_get_next_due (f->scheduler);

  g_assert_nonnull (next_due);
  if (!g_date_time_equal (next_due, expected))
    {
      g_autofree char *text = g_date_time_format_iso8601 (next_due);

      g_error ("next due %s, expected %s", text, iso);
    }
}

static void
emit_prepare_for_sleep (Fixture  *f,
                        gboolean  going_to_sleep)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (f->logind, NULL, "/org/freedesktop/login1",
                                 "org.freedesktop.login1.Manager", "PrepareForSleep",
                                 g_variant_new ("(b)", going_to_sleep), &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (f->logind, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Iterates, without moving the test clock, until a pass has finished. */
static void
wait_for_pass (Fixture    *f,
               guint       finished_before,
               const char *what)
{
  guint timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) what);

  while (f->finished == finished_before)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  settle (f);
}

static void
test_fires_on_time (Fixture       *f,
                    gconstpointer  data)
{
  add_invoice (f, "INV-1", "2026-03-02");
  od_scheduler_start (f->scheduler);
  settle (f);

  /* The catch-up pass at start found the reminder for 09:00 Berlin. */
  g_assert_cmpuint (f->finished, ==, 1);
  assert_next_due (f, "2026-03-03T08:00:00Z");

  run_until (f, "2026-03-03T07:59:59Z");
  g_assert_cmpuint (f->work.taken->len, ==, 0);
  /* Two hours in timers of at most five minutes. */
  g_assert_cmpint (od_test_clock_get_longest_sleep (f->clock), <=, OD_SCHEDULER_MAX_SLEEP);
  g_assert_cmpuint (od_test_clock_get_n_sleeps (f->clock), >=, 24);

  run_until (f, "2026-03-03T08:00:00Z");
  g_assert_cmpuint (f->work.taken->len, ==, 1);
  assert_taken (f, 0, "INV-1:first-reminder@2026-03-03T08:00:00Z");
  /* Next: the second reminder on Sat 7 March waits for Monday's window. */
  assert_next_due (f, "2026-03-09T08:00:00Z");
  g_assert_cmpuint (f->failed, ==, 0);
}

static void
test_empty_ledger (Fixture       *f,
                   gconstpointer  data)
{
  od_scheduler_start (f->scheduler);
  run_until (f, "2026-03-04T06:00:00Z");

  g_assert_null (od_scheduler_get_next_due (f->scheduler));
  g_assert_cmpint (od_test_clock_get_longest_sleep (f->clock), ==, OD_SCHEDULER_MAX_SLEEP);
  g_assert_cmpuint (od_test_clock_get_n_sleeps (f->clock), >=, 24 * 12);
  /* The hourly refresh, not a pass per wake-up. */
  g_assert_cmpuint (f->finished, >=, 24);
  g_assert_cmpuint (f->finished, <=, 26);
}

static void
test_weekend_window (Fixture       *f,
                     gconstpointer  data)
{
  /* Due Friday: the first reminder falls on Saturday, sent Monday 09:00. */
  add_invoice (f, "INV-1", "2026-03-06");
  od_scheduler_start (f->scheduler);
  run_until (f, "2026-03-09T07:59:59Z");
  g_assert_cmpuint (f->work.taken->len, ==, 0);
  run_until (f, "2026-03-09T08:00:00Z");
  assert_taken (f, 0, "INV-1:first-reminder@2026-03-09T08:00:00Z");
}

/* DST: the window opens at 09:00 local time on both sides of the change. */
static void
test_dst (Fixture       *f,
          gconstpointer  data)
{
  gboolean spring = g_str_has_prefix (data, "2026-03");
  const char *due = spring ? "2026-03-27" : "2026-10-23";
  const char *before = spring ? "2026-03-30T06:59:59Z" : "2026-10-26T07:59:59Z";
  const char *at = spring ? "2026-03-30T07:00:00Z" : "2026-10-26T08:00:00Z";
  g_autofree char *expected = g_strdup_printf ("INV-1:first-reminder@%s", at);

  add_invoice (f, "INV-1", due);
  od_scheduler_start (f->scheduler);
  run_until (f, before);
  g_assert_cmpuint (f->work.taken->len, ==, 0);
  run_until (f, at);
  assert_taken (f, 0, expected);
}

static void
test_data_changed (Fixture       *f,
                   gconstpointer  data)
{
  static const char sooner[] =
    "[Policy]\nName=Sooner\nSendDays=Mon;Tue;Wed;Thu;Fri\nSendHours=09:00-17:00\n"
    "TimeZone=" ZONE "\nRepeatMax=0\n"
    "[Step first-reminder]\nOffset=0\nChannel=email\nTemplate=first-reminder\n";
  guint finished;

  add_invoice (f, "INV-1", "2026-03-02");
  od_scheduler_start (f->scheduler);
  settle (f);
  /* Monday 2 March, 08:30 Berlin: tomorrow's reminder is next. */
  assert_next_due (f, "2026-03-03T08:00:00Z");

  /* The owner makes the reminder go out on the due date itself. */
  set_policy (f, sooner);
  finished = f->finished;
  od_scheduler_data_changed (f->scheduler);
  settle (f);
  g_assert_cmpuint (f->finished, ==, finished);  /* settling first */
  od_test_clock_advance (f->clock, 2 * G_TIME_SPAN_SECOND);
  settle (f);
  g_assert_cmpuint (f->finished, ==, finished + 1);
  assert_next_due (f, "2026-03-02T08:00:00Z");

  run_until (f, "2026-03-02T07:59:59Z");
  g_assert_cmpuint (f->work.taken->len, ==, 0);
  run_until (f, "2026-03-02T08:00:00Z");
  assert_taken (f, 0, "INV-1:first-reminder@2026-03-02T08:00:00Z");
}

/* Friday evening to Tuesday: the second reminder (Monday) and the final
 * notice (Tuesday) came due while asleep; only the final notice goes. */
static void
test_suspend (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) resumed = utc ("2026-03-10T09:00:00Z");
  g_autoptr(GDateTime) now = NULL;
  guint finished;

  add_invoice (f, "INV-1", "2026-03-04");
  od_scheduler_start (f->scheduler);
  run_until (f, "2026-03-06T17:00:00Z");
  g_assert_cmpuint (f->work.taken->len, ==, 1);
  assert_taken (f, 0, "INV-1:first-reminder@2026-03-05T08:00:00Z");

  emit_prepare_for_sleep (f, TRUE);
  now = clock_now (f);
  od_test_clock_jump (f->clock, g_date_time_difference (resumed, now));
  /* The timer lost the time asleep: nothing fires by itself yet. */
  finished = f->finished;
  settle (f);
  g_assert_cmpuint (f->finished, ==, finished);

  emit_prepare_for_sleep (f, FALSE);
  wait_for_pass (f, finished, "the pass on resume");
  g_assert_cmpuint (f->work.taken->len, ==, 2);
  assert_taken (f, 1, "INV-1:final-notice@2026-03-10T09:00:00Z");
  g_assert_cmpuint (f->failed, ==, 0);
}

/* Without logind the five-minute timer notices the resume. */
static void
test_suspend_without_logind (Fixture       *f,
                             gconstpointer  data)
{
  add_invoice (f, "INV-1", "2026-03-02");
  od_scheduler_start (f->scheduler);
  run_until (f, "2026-03-02T20:00:00Z");
  od_test_clock_jump (f->clock, 12 * G_TIME_SPAN_HOUR);
  settle (f);
  g_assert_cmpuint (f->work.taken->len, ==, 0);
  od_test_clock_advance (f->clock, OD_SCHEDULER_MAX_SLEEP);
  settle (f);
  assert_taken (f, 0, "INV-1:first-reminder@2026-03-03T08:05:00Z");
}

static void
test_clock_backwards (Fixture       *f,
                      gconstpointer  data)
{
  add_invoice (f, "INV-1", "2026-03-02");
  od_scheduler_start (f->scheduler);
  run_until (f, "2026-03-03T08:30:00Z");
  g_assert_cmpuint (f->work.taken->len, ==, 1);

  /* Someone sets the clock back two hours: the reminder is not re-sent. */
  od_test_clock_jump (f->clock, -2 * G_TIME_SPAN_HOUR);
  run_until (f, "2026-03-03T10:00:00Z");
  g_assert_cmpuint (f->work.taken->len, ==, 1);
  g_assert_cmpuint (f->failed, ==, 0);
  assert_next_due (f, "2026-03-09T08:00:00Z");
}

/* Three weeks off: a new scheduler on the same ledger catches up once,
 * with only the latest step. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) back = utc ("2026-03-23T10:00:00Z");
  g_autoptr(GDateTime) now = NULL;

  add_invoice (f, "INV-1", "2026-03-02");
  od_scheduler_start (f->scheduler);
  settle (f);
  od_scheduler_stop (f->scheduler);
  settle (f);
  g_assert_cmpuint (f->work.taken->len, ==, 0);

  now = clock_now (f);
  od_test_clock_advance (f->clock, g_date_time_difference (back, now));
  settle (f);
  g_assert_cmpuint (f->work.entered, ==, 1);  /* a stopped scheduler stays stopped */

  new_scheduler (f);
  od_scheduler_start (f->scheduler);
  settle (f);
  g_assert_cmpuint (f->work.taken->len, ==, 1);
  assert_taken (f, 0, "INV-1:final-notice@2026-03-23T10:00:00Z");

  run_until (f, "2026-03-31T10:00:00Z");
  g_assert_cmpuint (f->work.taken->len, ==, 1);
  g_assert_null (od_scheduler_get_next_due (f->scheduler));
}

static void
on_test_sleep_signal (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
open_gate (WorkState *state)
{
  g_mutex_lock (&state->lock);
  state->gate_open = TRUE;
  g_cond_broadcast (&state->cond);
  g_mutex_unlock (&state->lock);
}

/* Everything that asks for a pass while one runs gets one pass after it. */
static void
test_no_overlap (Fixture       *f,
                 gconstpointer  data)
{
  gboolean heard = FALSE;
  guint subscription;

  subscription = g_dbus_connection_signal_subscribe (f->bus, NULL, "org.freedesktop.login1.Manager",
                                                     "PrepareForSleep", NULL, NULL,
                                                     G_DBUS_SIGNAL_FLAGS_NONE,
                                                     on_test_sleep_signal, &heard, NULL);
  add_invoice (f, "INV-1", "2026-03-02");
  f->work.gated = TRUE;
  od_scheduler_start (f->scheduler);
  wait_entered (f);
  g_assert_true (od_scheduler_get_running (f->scheduler));

  od_scheduler_check_now (f->scheduler);
  od_scheduler_data_changed (f->scheduler);
  emit_prepare_for_sleep (f, FALSE);
  while (!heard)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  od_test_clock_advance (f->clock, G_TIME_SPAN_MINUTE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (f->work.entered, ==, 1);
  g_assert_null (od_scheduler_get_wakeup (f->scheduler));

  open_gate (&f->work);
  settle (f);
  g_assert_cmpuint (f->finished, ==, 2);
  g_assert_cmpint (f->work.max_active, ==, 1);
  g_assert_nonnull (od_scheduler_get_wakeup (f->scheduler));
  g_dbus_connection_signal_unsubscribe (f->bus, subscription);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  add_invoice (f, "INV-1", "2026-03-02");
  f->work.gated = TRUE;
  od_scheduler_start (f->scheduler);
  wait_entered (f);

  /* Shutdown: stop returns once the work has given up. */
  od_scheduler_stop (f->scheduler);
  g_assert_cmpint (f->work.active, ==, 0);
  settle (f);
  g_assert_false (od_scheduler_get_running (f->scheduler));
  g_assert_null (od_scheduler_get_wakeup (f->scheduler));
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_cmpuint (f->failed, ==, 0);

  od_test_clock_advance (f->clock, G_TIME_SPAN_DAY);
  settle (f);
  g_assert_cmpuint (f->work.entered, ==, 1);
  g_assert_cmpuint (f->work.taken->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);

#define ADD(path, start, func) \
  g_test_add ("/od/scheduler/" path, Fixture, start, fixture_set_up, func, fixture_tear_down)
  ADD ("fires-on-time", "2026-03-03T06:00:00Z", test_fires_on_time);
  ADD ("empty-ledger", "2026-03-03T06:00:00Z", test_empty_ledger);
  ADD ("weekend-window", "2026-03-06T16:00:00Z", test_weekend_window);
  ADD ("dst-spring", "2026-03-27T12:00:00Z", test_dst);
  ADD ("dst-autumn", "2026-10-23T12:00:00Z", test_dst);
  ADD ("data-changed", "2026-03-02T07:30:00Z", test_data_changed);
  ADD ("suspend", "2026-03-05T07:00:00Z", test_suspend);
  ADD ("suspend-without-logind", "2026-03-02T12:00:00Z", test_suspend_without_logind);
  ADD ("clock-backwards", "2026-03-03T06:00:00Z", test_clock_backwards);
  ADD ("restart", "2026-03-01T10:00:00Z", test_restart);
  ADD ("no-overlap", "2026-03-02T10:00:00Z", test_no_overlap);
  ADD ("cancel", "2026-03-02T10:00:00Z", test_cancel);
#undef ADD

  status = g_test_run ();
  g_test_dbus_down (test_bus);
  g_object_unref (test_bus);
  return status;
}
