/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The consumer guardrail on calls, applied to a finished plan. */

#include "od-dunning-private.h"

#include <glib/gi18n-lib.h>

#define CALLS_PER_WEEK 7

static gboolean
within_week_before (GDateTime *task,
                    GDateTime *at)
{
  GTimeSpan span = g_date_time_difference (at, task);

  return span >= 0 && span < 7 * G_TIME_SPAN_DAY;
}

/* The guardrail on calls: at most seven call tasks for one customer in
 * any seven days, counting those already made and those this pass makes.
 * Runs over the sorted actions, so one customer's are together. */
void
_od_dunning_limit_calls (Planner *planner)
{
  g_autoptr(GPtrArray) planned = g_ptr_array_new ();
  OdDunningCustomer *customer = NULL;

  for (guint i = 0; i < planner->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (planner->actions, i);
      GDateTime *oldest = NULL;
      guint count = 0;

      if (customer == NULL || customer->id != action->customer_id)
        {
          customer = od_dunning_snapshot_get_customer (planner->snapshot,
                                                       action->customer_id);
          g_ptr_array_set_size (planned, 0);
        }

      if (action->status != OD_ACTION_DUE || action->channel != OD_CHANNEL_CALL)
        continue;

      for (guint j = 0; j < customer->call_tasks->len; j++)
        {
          GDateTime *task = g_ptr_array_index (customer->call_tasks, j);

          if (within_week_before (task, action->at))
            {
              count++;
              if (oldest == NULL || g_date_time_compare (task, oldest) < 0)
                oldest = task;
            }
        }
      for (guint j = 0; j < planned->len; j++)
        {
          GDateTime *task = g_ptr_array_index (planned, j);

          if (within_week_before (task, action->at) ||
              within_week_before (action->at, task))
            {
              count++;
              if (oldest == NULL || g_date_time_compare (task, oldest) < 0)
                oldest = task;
            }
        }

      if (count < CALLS_PER_WEEK)
        {
          g_ptr_array_add (planned, action->at);
          continue;
        }

      action->status = OD_ACTION_LIMITED;
      g_clear_pointer (&action->group, g_free);
      g_free (action->reason);
      action->reason = g_strdup (_("Seven calls to this customer in seven days already: the next waits"));
      if (oldest != NULL)
        {
          g_autoptr(GDateTime) free_again = g_date_time_add_days (oldest, 7);

          _od_dunning_note_wakeup (planner, free_again);
        }
    }
}
