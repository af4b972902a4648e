/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-ui-format.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>

#include "od-money-style.h"

/* The locale's monetary conventions. The C locale has none: it keeps the
 * neutral "EUR 1,234.50" the command line prints. */
static void
locale_style (OdMoneyStyle *style)
{
  const struct lconv *conv = localeconv ();
  gboolean known = conv->p_cs_precedes != CHAR_MAX &&
                   conv->mon_decimal_point != NULL && *conv->mon_decimal_point != '\0';

  style->decimal_point = known ? conv->mon_decimal_point : ".";
  style->group_separator = known ? conv->mon_thousands_sep : ",";
  style->symbol_first = known ? conv->p_cs_precedes != 0 : TRUE;
  style->symbol_space = known ? conv->p_sep_by_space != 0 : TRUE;
  style->use_symbol = known;
}

char *
od_ui_format_money (const OdMoney *money)
{
  OdMoneyStyle style;

  g_return_val_if_fail (money != NULL, NULL);

  locale_style (&style);
  return od_money_format_style (money, &style);
}

char *
od_ui_format_amount (gint64      minor,
                     const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  char buf[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

char *
od_ui_format_date (const GDate *date)
{
  /* Translators: a short date in lists, as strftime() writes it,
   * e.g. "%-d %b %Y" gives "7 Nov 2026"; "%-d. %b %Y" for German. */
  return format_date (date, _("%-d %b %Y"));
}

char *
od_ui_format_date_long (const GDate *date)
{
  /* Translators: a date in full, as strftime() writes it, e.g.
   * "%-d %B %Y" gives "7 November 2026"; "%-d. %B %Y" for German. */
  return format_date (date, _("%-d %B %Y"));
}

gboolean
od_ui_parse_amount (const char  *text,
                    const char  *currency,
                    gint64      *out_minor,
                    GError     **error)
{
  OdMoneyStyle style;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);

  locale_style (&style);
  /* Without a locale, "," is taken as a group separator; "1234,5" typed
   * by habit is then an error rather than 12345. */
  return od_amount_parse_style (text, od_currency_minor_digits (currency),
                                &style, out_minor, error);
}
