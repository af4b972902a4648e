/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-date.h"

GTimeZone *
od_cli_business_time_zone (OdStore *store)
{
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);
  const char *identifier = business != NULL ? od_business_get_time_zone (business) : NULL;
  GTimeZone *zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* Whether @text is a bare date, which stands for the whole of that day. */
gboolean
od_cli_when_is_day (const char *text)
{
  GDate date;

  return text != NULL && strlen (text) == 10 && od_date_parse_iso (text, &date, NULL);
}

gboolean
od_cli_parse_when (const char  *text,
                   GTimeZone   *zone,
                   GDateTime  **out)
{
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* A bare date means the whole of that day: its last second. */
  if (od_cli_when_is_day (text) && od_date_parse_iso (text, &date, NULL))
    *out = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 23, 59, 59);
  else
    *out = g_date_time_new_from_iso8601 (text, zone);
  return *out != NULL;
}

void
od_cli_today (OdStore *store,
              GDate   *out)
{
  g_autoptr(GTimeZone) zone = od_cli_business_time_zone (store);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}
