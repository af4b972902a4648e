/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-test-clock.h"

struct _OdTestClock
{
  OdClock    parent_instance;

  GMutex     lock;
  GDateTime *wall;
  GTimeSpan  elapsed;
  GTimeSpan  longest_sleep;
  guint      n_sleeps;
  GList     *sources;  /* SleepSource*, unowned: each removes itself */
};

G_DEFINE_FINAL_TYPE (OdTestClock, od_test_clock, OD_TYPE_CLOCK)

typedef struct
{
  GSource      source;
  OdTestClock *clock;
  GTimeSpan    deadline;  /* in elapsed time */
} SleepSource;

static gboolean
sleep_source_ready (GSource *source)
{
  SleepSource *sleep = (SleepSource *) source;
  gboolean ready;

  g_mutex_lock (&sleep->clock->lock);
  ready = sleep->clock->elapsed >= sleep->deadline;
  g_mutex_unlock (&sleep->clock->lock);
  return ready;
}

static gboolean
sleep_source_prepare (GSource *source,
                      gint    *timeout)
{
  *timeout = -1;
  return sleep_source_ready (source);
}

static gboolean
sleep_source_check (GSource *source)
{
  return sleep_source_ready (source);
}

static gboolean
sleep_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  return callback != NULL ? callback (user_data) : G_SOURCE_REMOVE;
}

static void
sleep_source_finalize (GSource *source)
{
  SleepSource *sleep = (SleepSource *) source;

  g_mutex_lock (&sleep->clock->lock);
  sleep->clock->sources = g_list_remove (sleep->clock->sources, sleep);
  g_mutex_unlock (&sleep->clock->lock);
  g_clear_object (&sleep->clock);
}

static GSourceFuncs sleep_source_funcs = {
  sleep_source_prepare,
  sleep_source_check,
  sleep_source_dispatch,
  sleep_source_finalize,
  NULL, NULL,
};

static GDateTime *
od_test_clock_now (OdClock *clock)
{
  OdTestClock *self = OD_TEST_CLOCK (clock);
  GDateTime *now;

  g_mutex_lock (&self->lock);
  now = g_date_time_ref (self->wall);
  g_mutex_unlock (&self->lock);
  return now;
}

static GSource *
od_test_clock_sleep_until (OdClock   *clock,
                           GDateTime *until)
{
  OdTestClock *self = OD_TEST_CLOCK (clock);
  GSource *source = g_source_new (&sleep_source_funcs, sizeof (SleepSource));
  SleepSource *sleep = (SleepSource *) source;
  GTimeSpan span;

  g_mutex_lock (&self->lock);
  span = MAX (0, g_date_time_difference (until, self->wall));
  sleep->clock = g_object_ref (self);
  sleep->deadline = self->elapsed + span;
  self->longest_sleep = MAX (self->longest_sleep, span);
  self->n_sleeps++;
  self->sources = g_list_prepend (self->sources, sleep);
  g_mutex_unlock (&self->lock);
  return source;
}

static void
od_test_clock_finalize (GObject *object)
{
  OdTestClock *self = OD_TEST_CLOCK (object);

  g_clear_pointer (&self->wall, g_date_time_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (od_test_clock_parent_class)->finalize (object);
}

static void
od_test_clock_class_init (OdTestClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OdClockClass *clock_class = OD_CLOCK_CLASS (klass);

  object_class->finalize = od_test_clock_finalize;
  clock_class->now = od_test_clock_now;
  clock_class->sleep_until = od_test_clock_sleep_until;
}

static void
od_test_clock_init (OdTestClock *self)
{
  g_mutex_init (&self->lock);
}

OdTestClock *
od_test_clock_new (GDateTime *start)
{
  OdTestClock *self = g_object_new (OD_TYPE_TEST_CLOCK, NULL);

  self->wall = g_date_time_to_utc (start);
  return self;
}

static void
move (OdTestClock *self,
      GTimeSpan    wall,
      GTimeSpan    elapsed)
{
  GDateTime *moved;

  g_mutex_lock (&self->lock);
  moved = g_date_time_add (self->wall, wall);
  g_date_time_unref (self->wall);
  self->wall = moved;
  self->elapsed += elapsed;
  g_mutex_unlock (&self->lock);
  g_main_context_wakeup (NULL);
}

void
od_test_clock_advance (OdTestClock *self,
                       GTimeSpan    span)
{
  g_return_if_fail (span >= 0);
  move (self, span, span);
}

void
od_test_clock_jump (OdTestClock *self,
                    GTimeSpan    span)
{
  move (self, span, 0);
}

GTimeSpan
od_test_clock_get_longest_sleep (OdTestClock *self)
{
  return self->longest_sleep;
}

guint
od_test_clock_get_n_sleeps (OdTestClock *self)
{
  return self->n_sleeps;
}

void
od_test_clock_reset_sleeps (OdTestClock *self)
{
  self->longest_sleep = 0;
  self->n_sleeps = 0;
}

GTimeSpan
od_test_clock_time_to_next (OdTestClock *self)
{
  GTimeSpan next = -1;

  g_mutex_lock (&self->lock);
  for (GList *l = self->sources; l != NULL; l = l->next)
    {
      SleepSource *sleep = l->data;
      GTimeSpan span;

      if (g_source_is_destroyed ((GSource *) sleep))
        continue;
      span = MAX (0, sleep->deadline - self->elapsed);
      if (next < 0 || span < next)
        next = span;
    }
  g_mutex_unlock (&self->lock);
  return next;
}
