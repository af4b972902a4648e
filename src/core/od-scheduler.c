/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * OdScheduler: one timer, armed for the next instant anything is due and
 * never longer than OD_SCHEDULER_MAX_SLEEP, runs the collection pass in a
 * worker thread. A pass also runs at start (catch-up), on resume from a
 * suspend (logind's PrepareForSleep), shortly after the data changed, and
 * at least once an hour (another process, such as overdue-cli run from a
 * systemd timer, may have changed the ledger meanwhile). Never two passes
 * at once: what asks for a pass while one runs gets one after it.
 */
#include <glib/gi18n-lib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "od-scheduler.h"

/* Edits come in bursts (an import, a dialog saving several rows): one
 * pass after they settle. */
#define SETTLE_DELAY   (2 * G_TIME_SPAN_SECOND)
#define REFRESH_EVERY  G_TIME_SPAN_HOUR
#define RETRY_AFTER    OD_SCHEDULER_MAX_SLEEP
/* A work function that says something is due at once would otherwise
 * make the scheduler spin. */
#define MIN_GAP        G_TIME_SPAN_SECOND

#define LOGIN1_NAME      "org.freedesktop.login1"
#define LOGIN1_PATH      "/org/freedesktop/login1"
#define LOGIN1_INTERFACE "org.freedesktop.login1.Manager"

struct _OdScheduler
{
  GObject              parent_instance;

  OdStore             *store;
  OdClock             *clock;
  OdSchedulerWorkFunc  work;
  gpointer             work_data;
  GDestroyNotify       work_destroy;

  GMainContext        *context;
  GCancellable        *cancellable;
  GSource             *timer;
  GDateTime           *wakeup;      /* what the timer is armed for */
  GDateTime           *next_due;    /* from the last pass */
  GDateTime           *pending_at;  /* a pass asked for, at or after this */
  GDateTime           *last_pass;   /* the instant the last pass ran at */
  gboolean             started;
  gboolean             running;
  guint                n_passes;

  GDBusConnection     *bus;
  gboolean             bus_given;
  guint                sleep_subscription;

  /* Workers still inside the work function; od_scheduler_stop() waits
   * for them so nothing writes to the ledger after shutdown. */
  GMutex               lock;
  GCond                idle;
  guint                workers;
};

G_DEFINE_FINAL_TYPE (OdScheduler, od_scheduler, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (OdPassSummary, od_pass_summary,
                     od_pass_summary_copy, od_pass_summary_free)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_NEXT_DUE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PASS_FINISHED,
  PASS_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  OdStore             *store;
  GDateTime           *now;
  OdSchedulerWorkFunc  work;
  gpointer             work_data;
} PassData;

static void arm (OdScheduler *self);

static void
pass_data_free (PassData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_free (data);
}

static void
set_instant (GDateTime **slot,
             GDateTime  *instant)
{
  if (instant != NULL)
    g_date_time_ref (instant);
  g_clear_pointer (slot, g_date_time_unref);
  *slot = instant;
}

static GDateTime *
earliest (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return g_date_time_compare (a, b) <= 0 ? a : b;
}

static void
disarm (OdScheduler *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  g_clear_pointer (&self->wakeup, g_date_time_unref);
}

static void
set_running (OdScheduler *self,
             gboolean     running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Runs in a worker thread. */
static void
pass_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdScheduler *self = source_object;
  PassData *data = task_data;
  g_autoptr(OdPassSummary) summary = od_pass_summary_new (data->now);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    ok = FALSE;
  else if (data->work == NULL)
    ok = TRUE;
  else
    ok = data->work (data->store, data->now, summary, data->work_data,
                     cancellable, &error);

  if (!ok && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The collection pass failed without saying why"));
#ifdef __GLIBC__
  /* A pass over a large ledger frees a plan's worth of memory in this
   * thread's malloc arena, which glibc keeps mapped; between passes the
   * application sits in the background for hours, so give it back. */
  malloc_trim (0);
#endif
  if (ok)
    g_task_return_pointer (task, g_steal_pointer (&summary),
                           (GDestroyNotify) od_pass_summary_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));

  g_mutex_lock (&self->lock);
  self->workers--;
  g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
}

static void
pass_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdScheduler *self = OD_SCHEDULER (object);
  g_autoptr(OdPassSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  set_running (self, FALSE);

  if (summary == NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      g_autoptr(GDateTime) retry = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->started)
        return;
      /* The ledger is locked or the disk is full: try again later, and
       * keep the instants of the last good pass meanwhile. */
      now = od_clock_now (self->clock);
      retry = g_date_time_add (now, RETRY_AFTER);
      set_instant (&self->pending_at, earliest (self->pending_at, retry));
      g_signal_emit (self, signals[PASS_FAILED], 0, error);
      arm (self);
      return;
    }

  /* A next instant no later than the pass itself would make us spin. */
  if (summary->next_due != NULL &&
      g_date_time_difference (summary->next_due, summary->now) < MIN_GAP)
    {
      g_autoptr(GDateTime) floor = g_date_time_add (summary->now, MIN_GAP);

      set_instant (&summary->next_due, floor);
    }

  if (!(self->next_due == NULL && summary->next_due == NULL) &&
      (self->next_due == NULL || summary->next_due == NULL ||
       !g_date_time_equal (self->next_due, summary->next_due)))
    {
      set_instant (&self->next_due, summary->next_due);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
    }

  self->n_passes++;
  g_signal_emit (self, signals[PASS_FINISHED], 0, summary);
  if (self->started)
    arm (self);
}

static void
start_pass (OdScheduler *self)
{
  g_autoptr(GTask) task = NULL;
  PassData *data;

  g_assert (!self->running);

  disarm (self);
  g_clear_pointer (&self->pending_at, g_date_time_unref);

  data = g_new0 (PassData, 1);
  data->store = g_object_ref (self->store);
  data->now = od_clock_now (self->clock);
  data->work = self->work;
  data->work_data = self->work_data;
  set_instant (&self->last_pass, data->now);

  g_mutex_lock (&self->lock);
  self->workers++;
  g_mutex_unlock (&self->lock);

  set_running (self, TRUE);
  task = g_task_new (self, self->cancellable, pass_done, NULL);
  g_task_set_source_tag (task, start_pass);
  g_task_set_task_data (task, data, (GDestroyNotify) pass_data_free);
  g_task_run_in_thread (task, pass_thread);
}

static gboolean
on_timer (gpointer user_data)
{
  OdScheduler *self = user_data;
  g_autoptr(GDateTime) now = od_clock_now (self->clock);
  g_autoptr(GDateTime) refresh = NULL;
  GDateTime *want;

  g_clear_pointer (&self->timer, g_source_unref);
  g_clear_pointer (&self->wakeup, g_date_time_unref);

  if (self->last_pass != NULL)
    refresh = g_date_time_add (self->last_pass, REFRESH_EVERY);
  want = earliest (earliest (self->next_due, self->pending_at), refresh);

  /* Due, or the wall clock went back behind the last pass (set by hand,
   * or a restore): plan again rather than trust old instants. */
  if (want == NULL || g_date_time_compare (now, want) >= 0 ||
      (self->last_pass != NULL && g_date_time_compare (now, self->last_pass) < 0))
    start_pass (self);
  else
    arm (self);

  return G_SOURCE_REMOVE;
}

/* Arms the one timer for the earliest of what is due, a pass asked for
 * and the hourly refresh, but never further than OD_SCHEDULER_MAX_SLEEP. */
static void
arm (OdScheduler *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) cap = NULL;
  g_autoptr(GDateTime) refresh = NULL;
  GDateTime *target;

  disarm (self);
  if (!self->started || self->running)
    return;

  now = od_clock_now (self->clock);
  cap = g_date_time_add (now, OD_SCHEDULER_MAX_SLEEP);
  if (self->last_pass != NULL)
    refresh = g_date_time_add (self->last_pass, REFRESH_EVERY);
  target = earliest (earliest (earliest (self->next_due, self->pending_at), refresh), cap);

  self->wakeup = g_date_time_ref (target);
  self->timer = od_clock_sleep_until (self->clock, target);
  g_source_set_name (self->timer, "OdScheduler timer");
  g_source_set_callback (self->timer, on_timer, self, NULL);
  g_source_attach (self->timer, self->context);
}

static void
request_pass (OdScheduler *self,
              GTimeSpan    delay)
{
  g_autoptr(GDateTime) now = od_clock_now (self->clock);
  g_autoptr(GDateTime) at = g_date_time_add (now, delay);

  set_instant (&self->pending_at, earliest (self->pending_at, at));
  /* While a pass runs, pass_done arms for the pending one. */
  if (self->started && !self->running)
    arm (self);
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  OdScheduler *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &going_to_sleep);
  /* Woken up: the timer lost the time the machine slept. */
  if (!going_to_sleep && self->started)
    request_pass (self, 0);
}

static void
subscribe (OdScheduler *self)
{
  g_assert (self->bus != NULL);

  if (self->sleep_subscription != 0)
    return;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->bus, LOGIN1_NAME, LOGIN1_INTERFACE,
                                        "PrepareForSleep", LOGIN1_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep, self, NULL);
}

static void
unsubscribe (OdScheduler *self)
{
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->sleep_subscription);
  self->sleep_subscription = 0;
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OdScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* Containers and build machines have no system bus: the 5-minute
       * timer still catches a resume, only later. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("No system bus (%s): a resume from suspend is noticed within %d minutes, not at once",
                   error->message, (int) (OD_SCHEDULER_MAX_SLEEP / G_TIME_SPAN_MINUTE));
      return;
    }
  g_clear_object (&self->bus);
  self->bus = bus;
  if (self->started)
    subscribe (self);
}

static void
od_scheduler_dispose (GObject *object)
{
  OdScheduler *self = OD_SCHEDULER (object);

  od_scheduler_stop (self);
  g_clear_object (&self->bus);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  if (self->work_destroy != NULL)
    g_clear_pointer (&self->work_data, self->work_destroy);
  self->work = NULL;

  G_OBJECT_CLASS (od_scheduler_parent_class)->dispose (object);
}

static void
od_scheduler_finalize (GObject *object)
{
  OdScheduler *self = OD_SCHEDULER (object);

  g_clear_pointer (&self->next_due, g_date_time_unref);
  g_clear_pointer (&self->pending_at, g_date_time_unref);
  g_clear_pointer (&self->last_pass, g_date_time_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (od_scheduler_parent_class)->finalize (object);
}

static void
od_scheduler_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OdScheduler *self = OD_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_NEXT_DUE:
      g_value_set_boxed (value, self->next_due);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_scheduler_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OdScheduler *self = OD_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      if (self->clock == NULL)
        self->clock = od_clock_new_system ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_scheduler_class_init (OdSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_scheduler_dispose;
  object_class->finalize = od_scheduler_finalize;
  object_class->get_property = od_scheduler_get_property;
  object_class->set_property = od_scheduler_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, OD_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEXT_DUE] =
    g_param_spec_boxed ("next-due", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OdScheduler::pass-finished:
   * @summary: what the pass did and what waits for a person
   */
  signals[PASS_FINISHED] =
    g_signal_new ("pass-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  OD_TYPE_PASS_SUMMARY | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * OdScheduler::pass-failed:
   * @error: why; the scheduler tries again within OD_SCHEDULER_MAX_SLEEP
   */
  signals[PASS_FAILED] =
    g_signal_new ("pass-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
od_scheduler_init (OdScheduler *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
}

/**
 * od_pass_summary_new:
 * @now: the instant the pass runs at
 *
 * Returns: (transfer full): an empty summary
 */
OdPassSummary *
od_pass_summary_new (GDateTime *now)
{
  OdPassSummary *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (OdPassSummary, 1);
  self->now = g_date_time_ref (now);
  return self;
}

OdPassSummary *
od_pass_summary_copy (const OdPassSummary *self)
{
  OdPassSummary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->now = g_date_time_ref (self->now);
  if (self->next_due != NULL)
    copy->next_due = g_date_time_ref (self->next_due);
  return copy;
}

void
od_pass_summary_free (OdPassSummary *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->next_due, g_date_time_unref);
  g_free (self);
}

void
od_pass_summary_due_at (OdPassSummary *self,
                        GDateTime     *instant)
{
  g_return_if_fail (self != NULL);

  if (instant != NULL)
    set_instant (&self->next_due, earliest (self->next_due, instant));
}

/**
 * od_scheduler_new:
 * @store: the ledger
 * @clock: (nullable): the clock; %NULL for the system's
 *
 * Returns: (transfer full): a scheduler, not yet started
 */
OdScheduler *
od_scheduler_new (OdStore *store,
                  OdClock *clock)
{
  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || OD_IS_CLOCK (clock), NULL);

  return g_object_new (OD_TYPE_SCHEDULER, "store", store, "clock", clock, NULL);
}

/**
 * od_scheduler_set_work:
 * @self: a scheduler
 * @work: (nullable): the collection pass
 * @user_data: passed to @work, in a worker thread
 * @destroy: (nullable): frees @user_data
 *
 * Sets the pass each wake runs. Set it before od_scheduler_start().
 */
void
od_scheduler_set_work (OdScheduler         *self,
                       OdSchedulerWorkFunc  work,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));
  g_return_if_fail (!self->started);

  if (self->work_destroy != NULL)
    g_clear_pointer (&self->work_data, self->work_destroy);
  self->work = work;
  self->work_data = user_data;
  self->work_destroy = destroy;
}

/**
 * od_scheduler_set_system_bus:
 * @self: a scheduler
 * @bus: (nullable): where logind's PrepareForSleep comes from
 *
 * Tests give a private bus; without one, od_scheduler_start() looks up
 * the system bus. Set it before od_scheduler_start().
 */
void
od_scheduler_set_system_bus (OdScheduler     *self,
                             GDBusConnection *bus)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));
  g_return_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus));
  g_return_if_fail (!self->started);

  g_set_object (&self->bus, bus);
  self->bus_given = bus != NULL;
}

/**
 * od_scheduler_start:
 * @self: a scheduler
 *
 * Starts in the thread-default main context: a pass at once (catch-up),
 * then the timer, and listens for the machine waking up.
 */
void
od_scheduler_start (OdScheduler *self)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->bus != NULL)
    subscribe (self);
  else if (!self->bus_given)
    g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, g_object_ref (self));

  request_pass (self, 0);
}

/**
 * od_scheduler_stop:
 * @self: a scheduler
 *
 * Disarms the timer, cancels a pass that runs and waits until its work
 * function has returned, so nothing touches the ledger afterwards.
 */
void
od_scheduler_stop (OdScheduler *self)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));

  if (!self->started)
    return;
  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  disarm (self);
  unsubscribe (self);
  g_clear_pointer (&self->pending_at, g_date_time_unref);

  g_mutex_lock (&self->lock);
  while (self->workers > 0)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}

/**
 * od_scheduler_data_changed:
 * @self: a scheduler
 *
 * The ledger changed (an edit, an import, a policy): plan again once the
 * burst of changes has settled, which re-arms the timer.
 */
void
od_scheduler_data_changed (OdScheduler *self)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));

  request_pass (self, SETTLE_DELAY);
}

/**
 * od_scheduler_check_now:
 * @self: a scheduler
 *
 * Runs a pass at once (after the one that runs, if any).
 */
void
od_scheduler_check_now (OdScheduler *self)
{
  g_return_if_fail (OD_IS_SCHEDULER (self));

  request_pass (self, 0);
}

OdStore *
od_scheduler_get_store (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), NULL);

  return self->store;
}

OdClock *
od_scheduler_get_clock (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), NULL);

  return self->clock;
}

/**
 * od_scheduler_get_next_due:
 * @self: a scheduler
 *
 * Returns: (transfer none) (nullable): the next instant anything is due,
 *   as the last pass found it
 */
GDateTime *
od_scheduler_get_next_due (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), NULL);

  return self->next_due;
}

/**
 * od_scheduler_get_wakeup:
 * @self: a scheduler
 *
 * Returns: (transfer none) (nullable): the instant the timer is armed for;
 *   %NULL while a pass runs or when stopped
 */
GDateTime *
od_scheduler_get_wakeup (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), NULL);

  return self->wakeup;
}

gboolean
od_scheduler_get_running (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), FALSE);

  return self->running;
}

/* Passes that finished, for tests and the "last checked" line. */
guint
od_scheduler_get_n_passes (OdScheduler *self)
{
  g_return_val_if_fail (OD_IS_SCHEDULER (self), 0);

  return self->n_passes;
}
