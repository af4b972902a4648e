/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-validate-private.h"

#include <string.h>

static gboolean
is_ascii_run (const char *text,
              gsize       len,
              gboolean  (*pred) (gchar))
{
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\0' || !pred (text[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_lower (gchar c)
{
  return c >= 'a' && c <= 'z';
}

static gboolean
is_upper (gchar c)
{
  return c >= 'A' && c <= 'Z';
}

static gboolean
is_digit (gchar c)
{
  return c >= '0' && c <= '9';
}

gboolean
_od_validate_is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

gboolean
_od_validate_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

gboolean
_od_validate_has_control_chars (const char *text)
{
  g_assert (text != NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

gboolean
_od_validate_country (const char *country)
{
  g_assert (country != NULL);

  return strlen (country) == 2 && is_ascii_run (country, 2, is_upper);
}

gboolean
_od_validate_language (const char *language)
{
  g_auto(GStrv) parts = NULL;
  guint n;
  guint i = 1;
  gsize len;

  g_assert (language != NULL);

  parts = g_strsplit (language, "-", -1);
  n = g_strv_length (parts);

  if (n == 0 || n > 3)
    return FALSE;

  len = strlen (parts[0]);
  if ((len != 2 && len != 3) || !is_ascii_run (parts[0], len, is_lower))
    return FALSE;

  if (i < n && strlen (parts[i]) == 4 &&
      is_upper (parts[i][0]) && is_ascii_run (parts[i] + 1, 3, is_lower))
    i++;

  if (i < n)
    {
      len = strlen (parts[i]);
      if (!(len == 2 && is_ascii_run (parts[i], 2, is_upper)) &&
          !(len == 3 && is_ascii_run (parts[i], 3, is_digit)))
        return FALSE;
      i++;
    }

  return i == n;
}

gboolean
_od_validate_time_zone (const char *identifier)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_assert (identifier != NULL);

  tz = g_time_zone_new_identifier (identifier);

  return tz != NULL;
}

gboolean
_od_validate_payment_link (const char *link)
{
  g_assert (link != NULL);

  return (g_str_has_prefix (link, "https://") && link[8] != '\0') ||
         (g_str_has_prefix (link, "http://") && link[7] != '\0');
}
