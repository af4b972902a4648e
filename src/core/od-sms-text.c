/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-sms-text.h"
#include "od-types.h"

#define E164_MIN_DIGITS 7     /* +290 1234 (Saint Helena) is about the shortest */
#define E164_MAX_DIGITS 15    /* ITU-T E.164, section 6 */

/* The GSM 03.38 default alphabet outside ASCII, and the ASCII characters
 * it lacks. The extension table's characters are sent as an escape and a
 * second septet. */
static const char gsm7_basic_non_ascii[] =
  "£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà";
static const char gsm7_extension[] = "\f^{}\\[~]|€";

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID, message);

  return FALSE;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == '.' || c == '/' ||
         c == '(' || c == ')' || c == 0x2010 || c == 0x2011 || c == 0x2013;
}

/* Septets that @c takes in GSM-7, or 0 when it has no place there. */
static guint
gsm7_units (gunichar c)
{
  char utf8[7] = { 0 };

  if (c == '\n' || c == '\r')
    return 1;
  if (c >= 0x20 && c < 0x7f)
    {
      if (c == '`')
        return 0;
      return strchr ("^{}\\[~]|", (int) c) != NULL ? 2 : 1;
    }
  if (c == '\f')
    return 2;
  if (c < 0x80)
    return 0;

  g_unichar_to_utf8 (c, utf8);
  if (strstr (gsm7_basic_non_ascii, utf8) != NULL)
    return 1;
  if (strstr (gsm7_extension, utf8) != NULL)
    return 2;
  return 0;
}

static guint
ucs2_units (gunichar c)
{
  return c > 0xffff ? 2 : 1;
}

/* Packs the characters' unit counts into segments of @per_segment,
 * never splitting a character, and returns the number of segments;
 * *remaining receives what is left free in the last one. */
static guint
pack (const char *text,
      gboolean    gsm7,
      guint       per_segment,
      guint      *remaining)
{
  guint segments = 1;
  guint used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint n = gsm7 ? gsm7_units (c) : ucs2_units (c);

      if (used + n > per_segment)
        {
          segments++;
          used = 0;
        }
      used += n;
    }

  *remaining = per_segment - used;
  return segments;
}

static gboolean
normalize (const char  *number,
           const char  *default_calling_code,
           char       **out,
           GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *given = g_strstrip (g_strdup (number));
  g_autofree char *text = NULL;
  gboolean plus = FALSE;
  GString *trunk_free;

  if (*given == '\0')
    return invalid (error, "%s", _("The phone number is empty"));

  /* "+44 (0)20 …": the bracketed 0 is dialled only from inside the
   * country. */
  trunk_free = g_string_new (given);
  if (given[0] == '+' || g_str_has_prefix (given, "00"))
    g_string_replace (trunk_free, "(0)", "", 0);
  text = g_string_free (trunk_free, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (value >= 0)
        g_string_append_c (digits, (char) ('0' + value));
      else if (c == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (c == '+')
        return invalid (error, _("The phone number “%s” has a “+” that is not at its start"), given);
      else if (!is_separator (c))
        {
          char utf8[7] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          return invalid (error, _("The phone number “%s” holds “%s”, which is not a digit"), given, utf8);
        }
    }

  if (digits->len == 0)
    return invalid (error, _("The phone number “%s” holds no digits"), given);

  if (!plus && g_str_has_prefix (digits->str, "00"))
    g_string_erase (digits, 0, 2);
  else if (!plus && default_calling_code != NULL && *default_calling_code != '\0')
    {
      if (digits->str[0] == '0')
        g_string_erase (digits, 0, 1);
      g_string_prepend (digits, default_calling_code);
    }
  else if (!plus)
    return invalid (error, _("The phone number “%s” has no country code: write it with “+” and the country code, as in +44 20 7946 0958"), given);

  if (digits->str[0] == '0')
    return invalid (error, _("The phone number “%s” does not start with a country code: none starts with 0"), given);
  if (digits->len > E164_MAX_DIGITS)
    return invalid (error, _("The phone number “%s” has %u digits; an international number has at most %u"),
                    given, (guint) digits->len, E164_MAX_DIGITS);
  if (digits->len < E164_MIN_DIGITS)
    return invalid (error, _("The phone number “%s” has only %u digits, too few for a number with its country code"),
                    given, (guint) digits->len);

  g_string_prepend_c (digits, '+');
  *out = g_string_free (g_steal_pointer (&digits), FALSE);
  return TRUE;
}

/**
 * od_sms_text_normalize_number:
 * @number: a phone number as people write it
 * @default_calling_code: (nullable): the country calling code for
 *   national numbers, digits only
 * @error: return location for an OD_VALIDATION_ERROR
 *
 * Returns: (transfer full) (nullable): the number in E.164 form
 */
char *
od_sms_text_normalize_number (const char  *number,
                              const char  *default_calling_code,
                              GError     **error)
{
  char *out = NULL;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (number, -1, NULL), NULL);
  g_return_val_if_fail (default_calling_code == NULL ||
                        strspn (default_calling_code, "0123456789") == strlen (default_calling_code), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!normalize (number, default_calling_code, &out, error))
    return NULL;
  return out;
}

gboolean
od_sms_text_is_e164 (const char *number)
{
  gsize n;

  if (number == NULL || number[0] != '+' || number[1] < '1' || number[1] > '9')
    return FALSE;

  n = strlen (number + 1);
  return n >= E164_MIN_DIGITS && n <= E164_MAX_DIGITS &&
         strspn (number + 1, "0123456789") == n;
}

gboolean
od_sms_text_is_gsm7 (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (gsm7_units (g_utf8_get_char (p)) == 0)
      return FALSE;

  return TRUE;
}

void
od_sms_text_measure (const char   *text,
                     OdSmsMeasure *measure)
{
  gboolean gsm7;
  guint single, multi;
  guint units = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (g_utf8_validate (text, -1, NULL));
  g_return_if_fail (measure != NULL);

  gsm7 = od_sms_text_is_gsm7 (text);
  single = gsm7 ? 160 : 70;
  multi = gsm7 ? 153 : 67;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      units += gsm7 ? gsm7_units (c) : ucs2_units (c);
    }

  measure->encoding = gsm7 ? OD_SMS_ENCODING_GSM7 : OD_SMS_ENCODING_UCS2;
  measure->units = units;
  if (units <= single)
    {
      measure->segments = 1;
      measure->per_segment = single;
      measure->remaining = single - units;
    }
  else
    {
      measure->segments = pack (text, gsm7, multi, &measure->remaining);
      measure->per_segment = multi;
    }
}

char *
od_sms_measure_describe (const OdSmsMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, NULL);

  if (measure->encoding == OD_SMS_ENCODING_GSM7)
    /* Translators: the encoding of a text message that holds only
     * characters of the basic GSM alphabet */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment (GSM-7)", "%u segments (GSM-7)",
                                         measure->segments),
                            measure->segments);

  /* Translators: the encoding of a text message with other characters,
   * which makes each segment hold 70 characters instead of 160 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment (Unicode)", "%u segments (Unicode)",
                                       measure->segments),
                          measure->segments);
}

const char *
od_sms_text_opt_out_line (void)
{
  /* Translators: the last line of every reminder sent by text message;
   * the gateway unsubscribes a customer who answers STOP, so keep the
   * word STOP as it is unless your gateway takes another keyword */
  return _("Reply STOP to opt out");
}

char *
od_sms_text_append_opt_out (const char *body)
{
  const char *line = od_sms_text_opt_out_line ();
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (body, -1, NULL), NULL);

  trimmed = g_strchomp (g_strdup (body));
  if (g_str_has_suffix (trimmed, line))
    return g_steal_pointer (&trimmed);
  if (*trimmed == '\0')
    return g_strdup (line);

  return g_strconcat (trimmed, "\n", line, NULL);
}
