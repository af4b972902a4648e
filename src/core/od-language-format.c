/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "od-language-format.h"
#include "od-language-private.h"
#include "od-money.h"

typedef struct
{
  const char         *code;
  const char * const *months;
  const char * const *short_months;
  OdMoneyStyle        money;
  const char         *percent_space;   /* between a rate and "%" */
} Language;

static const char * const en_months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};
static const char * const en_short_months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun",
  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char * const de_months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni",
  "Juli", "August", "September", "Oktober", "November", "Dezember",
};
static const char * const fr_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
};

/* en first: the fallback. French groups digits with U+202F (narrow
 * no-break space) and puts U+202F before "%"; German a U+00A0. */
static const Language languages[] = {
  { "en", en_months, en_short_months, { ".", ",", TRUE, FALSE, TRUE }, "" },
  { "de", de_months, NULL, { ",", ".", FALSE, TRUE, TRUE }, "\u00a0" },
  { "fr", fr_months, NULL, { ",", "\u202f", FALSE, TRUE, TRUE }, "\u202f" },
};

/* The table entry for @language's bare code, or NULL. */
static const Language *
find (const char *language)
{
  gsize n;

  if (language == NULL)
    return NULL;
  n = strcspn (language, "_-.@");
  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    if (n == 2 && g_ascii_strncasecmp (language, languages[i].code, 2) == 0)
      return &languages[i];
  return NULL;
}

static const Language *
lookup (const char *language)
{
  const Language *found = find (language);

  return found != NULL ? found : &languages[0];
}

gboolean
od_language_format_supported (const char *language)
{
  return find (language) != NULL;
}

const char *
od_language_format_pick (const char *language,
                         const char *fallback)
{
  const Language *found = find (language);

  if (found == NULL)
    found = find (fallback);
  return found != NULL ? found->code : languages[0].code;
}

char *
od_language_format_date (const char  *language,
                         const GDate *date)
{
  const Language *lang = lookup (language);
  guint day, year;
  const char *month;

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("—");
  day = g_date_get_day (date);
  year = g_date_get_year (date);
  month = lang->months[g_date_get_month (date) - 1];
  if (g_str_equal (lang->code, "de"))
    return g_strdup_printf ("%u. %s %u", day, month, year);
  /* "1er novembre 2026" */
  if (g_str_equal (lang->code, "fr") && day == 1)
    return g_strdup_printf ("1er %s %u", month, year);
  return g_strdup_printf ("%u %s %u", day, month, year);
}

char *
od_language_format_date_short (const char  *language,
                               const GDate *date)
{
  const Language *lang = lookup (language);

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("—");
  if (g_str_equal (lang->code, "de"))
    return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date),
                            g_date_get_month (date), g_date_get_year (date));
  if (g_str_equal (lang->code, "fr"))
    return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date),
                            g_date_get_month (date), g_date_get_year (date));
  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          lang->short_months[g_date_get_month (date) - 1],
                          g_date_get_year (date));
}

const OdMoneyStyle *
od_language_money_style (const char *language)
{
  return &lookup (language)->money;
}

char *
od_language_format_money (const char *language,
                          gint64      minor,
                          const char *currency)
{
  OdMoney money;

  g_return_val_if_fail (currency != NULL, NULL);

  money = od_money_init (minor, currency);
  return od_money_format_style (&money, od_language_money_style (language));
}

/* Digits grouped by threes with @style's separators. */
static char *
format_number (const OdMoneyStyle *style,
               gint64              minor,
               guint               digits)
{
  g_autofree char *text = od_amount_to_string (minor, digits);
  const char *plain = text[0] == '-' ? text + 1 : text;
  gsize int_len = digits > 0 ? strlen (plain) - digits - 1 : strlen (plain);
  GString *out = g_string_new (NULL);

  if (minor < 0)
    g_string_append (out, "−");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, style->group_separator);
      g_string_append_c (out, plain[i]);
    }
  if (digits > 0)
    {
      g_string_append (out, style->decimal_point);
      g_string_append (out, plain + int_len + 1);
    }
  return g_string_free (out, FALSE);
}

char *
od_language_format_amount (const char *language,
                           gint64      minor,
                           const char *currency)
{
  g_return_val_if_fail (currency != NULL, NULL);

  return format_number (od_language_money_style (language), minor,
                        od_currency_minor_digits (currency));
}

char *
od_language_format_percent (const char *language,
                            gint        basis_points)
{
  const Language *lang = lookup (language);
  g_autofree char *number = format_number (&lang->money, basis_points, 2);
  const char *point = lang->money.decimal_point;
  char *end = number + strlen (number) - 1;

  /* "8.00" to "8", "8.50" to "8.5". */
  while (end > number && *end == '0')
    *end-- = '\0';
  if (g_str_has_suffix (number, point))
    number[strlen (number) - strlen (point)] = '\0';
  return g_strdup_printf ("%s%s%%", number, lang->percent_space);
}

const char *
od_language_text (const char *language,
                  const char *msgid)
{
  const Language *lang;
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  lang = lookup (language);
  text = _od_language_lookup (lang->code, msgid);
  return text != NULL ? text : msgid;
}

const char *
od_language_ntext (const char *language,
                   const char *singular,
                   const char *plural,
                   gulong      n)
{
  const Language *lang;

  g_return_val_if_fail (singular != NULL && plural != NULL, NULL);

  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, singular, plural, n);
  lang = lookup (language);
  /* French counts 0 with 1; English and German with the rest. */
  if (n == 1 || (n == 0 && g_str_equal (lang->code, "fr")))
    return od_language_text (language, singular);
  return od_language_text (language, plural);
}
