/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-date.h"
#include "od-date-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (od-date-error-quark, od_date_error)

static gboolean
parse_number (const char *text,
              guint       len,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
od_date_parse_iso (const char  *text,
                   GDate       *out,
                   GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Exactly YYYY-MM-DD: dates are keys in files and the database, and a
   * lenient parser would let "2024-1-5" and "2024-01-05" disagree. */
  if (strlen (text) != 10 ||
      text[4] != '-' || text[7] != '-' ||
      !parse_number (text, 4, &year) ||
      !parse_number (text + 5, 2, &month) ||
      !parse_number (text + 8, 2, &day))
    {
      g_set_error (error, OD_DATE_ERROR, OD_DATE_ERROR_PARSE,
                   _("“%s” is not a date of the form YYYY-MM-DD"),
                   text);
      return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, OD_DATE_ERROR, OD_DATE_ERROR_PARSE,
                   _("“%s” is not a date in the calendar (expected YYYY-MM-DD)"),
                   text);
      return FALSE;
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

char *
od_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gint
od_date_days_between (const GDate *from,
                      const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return (gint) g_date_get_julian (to) - (gint) g_date_get_julian (from);
}

gboolean
_od_date_assign (GDate       *field,
                 const GDate *date)
{
  gboolean was_set;
  gboolean is_set;

  g_assert (field != NULL);

  was_set = g_date_valid (field);
  is_set = date != NULL && g_date_valid (date);

  if (!was_set && !is_set)
    return FALSE;
  if (was_set && is_set && g_date_compare (field, date) == 0)
    return FALSE;

  if (is_set)
    *field = *date;
  else
    g_date_clear (field, 1);

  return TRUE;
}
