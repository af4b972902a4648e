/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The send window: which instants a message may go out at. All
 * arithmetic is on local dates and wall-clock minutes in the customer's
 * zone, turned into instants by GDateTime, so that 09:00 stays 09:00
 * across a DST change while the UTC offset moves. */

#include "od-dunning-private.h"

/* A window always opens within a week unless every day is a holiday;
 * a year and a bit bounds the search on a pathological holiday list. */
#define MAX_DAYS_AHEAD 400

void
_od_dunning_local_date (GDateTime *instant,
                        GTimeZone *zone,
                        GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, zone);
  gint year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static GDateTime *
local_instant (GTimeZone   *zone,
               const GDate *date,
               guint        minute)
{
  return g_date_time_new (zone,
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date),
                          (gint) (minute / 60),
                          (gint) (minute % 60),
                          0);
}

GDateTime *
_od_dunning_day_start (GTimeZone   *zone,
                       const GDate *date)
{
  return local_instant (zone, date, 0);
}

static void
window_minutes (OdPolicy *policy,
                guint    *start,
                guint    *end)
{
  guint s = od_policy_get_send_start (policy);
  guint e = od_policy_get_send_end (policy);

  /* Clamp to the guardrail; a policy window wholly outside it (say
   * 22:00–23:00) leaves nothing, and then the guardrail itself is the
   * window rather than never sending at all. */
  s = MAX (s, OD_DUNNING_EARLIEST_MINUTE);
  e = MIN (e, OD_DUNNING_LATEST_MINUTE);
  if (s >= e)
    {
      s = OD_DUNNING_EARLIEST_MINUTE;
      e = OD_DUNNING_LATEST_MINUTE;
    }

  *start = s;
  *end = e;
}

static gboolean
is_send_day (OdPolicy    *policy,
             const GDate *date)
{
  guint days = od_policy_get_send_days (policy);

  /* No send days at all would stop every message; read it as "any day". */
  if ((days & 0x7f) == 0)
    days = 0x7f;

  if ((days & OD_SEND_DAY (g_date_get_weekday (date))) == 0)
    return FALSE;

  return !od_policy_is_holiday (policy, date);
}

/* The first instant ≥ @from inside the send window, in @zone. */
GDateTime *
_od_dunning_next_opening (OdPolicy  *policy,
                          GTimeZone *zone,
                          GDateTime *from)
{
  GDate day;
  guint start, end;

  g_assert (OD_IS_POLICY (policy));
  g_assert (zone != NULL);
  g_assert (from != NULL);

  window_minutes (policy, &start, &end);
  _od_dunning_local_date (from, zone, &day);

  for (guint i = 0; i < MAX_DAYS_AHEAD; i++, g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) open = NULL;
      g_autoptr(GDateTime) close = NULL;

      if (!is_send_day (policy, &day))
        continue;

      open = local_instant (zone, &day, start);
      close = local_instant (zone, &day, end);

      if (g_date_time_compare (from, close) >= 0)
        continue;

      if (g_date_time_compare (from, open) <= 0)
        return g_steal_pointer (&open);

      return g_date_time_to_timezone (from, zone);
    }

  /* Every day for a year is a holiday: send at the next day's opening
   * anyway rather than dropping the message. */
  _od_dunning_local_date (from, zone, &day);
  g_date_add_days (&day, 1);
  return local_instant (zone, &day, start);
}

/* The opening of @date's send window, or the next one after it. */
GDateTime *
_od_dunning_date_opening (OdPolicy    *policy,
                          GTimeZone   *zone,
                          const GDate *date)
{
  g_autoptr(GDateTime) midnight = _od_dunning_day_start (zone, date);

  return _od_dunning_next_opening (policy, zone, midnight);
}
