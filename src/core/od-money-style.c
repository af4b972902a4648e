/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-money-style.h"

#include <string.h>

/* Signs that name one currency to a reader anywhere; "$" and "kr" do not
 * ("$" is also CAD, AUD, MXN…), so those codes keep their letters
 * unless the code is the only one the sign could mean in context. */
static const struct
{
  const char *code;
  const char *symbol;
} symbols[] = {
  { "EUR", "€" },
  { "GBP", "£" },
  { "ILS", "₪" },
  { "INR", "₹" },
  { "JPY", "¥" },
  { "KRW", "₩" },
  { "NGN", "₦" },
  { "PHP", "₱" },
  { "PLN", "zł" },
  { "UAH", "₴" },
  { "USD", "$" },
  { "VND", "₫" },
};

const char *
od_currency_symbol (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (symbols[i].code, code) == 0)
      return symbols[i].symbol;
  return code;
}

char *
od_money_format_style (const OdMoney      *money,
                       const OdMoneyStyle *style)
{
  guint digits;
  g_autofree char *text = NULL;
  const char *plain;
  const char *sign;
  const char *space;
  GString *str;
  gsize int_len;

  g_return_val_if_fail (money != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  digits = od_currency_minor_digits (money->currency);
  text = od_amount_to_string (money->minor, digits);
  plain = text[0] == '-' ? text + 1 : text;
  sign = style->use_symbol ? od_currency_symbol (money->currency) : money->currency;
  /* Letters always need a space from the digits; a sign like "€" only
   * where the language puts one. U+00A0 keeps them on one line. */
  space = (style->symbol_space || !style->use_symbol ||
           strcmp (sign, money->currency) == 0) ? "\u00a0" : "";

  str = g_string_new (NULL);
  if (money->minor < 0)
    g_string_append (str, "−");
  if (style->symbol_first)
    g_string_append_printf (str, "%s%s", sign, space);

  int_len = digits > 0 ? strlen (plain) - digits - 1 : strlen (plain);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0 && style->group_separator != NULL)
        g_string_append (str, style->group_separator);
      g_string_append_c (str, plain[i]);
    }
  if (digits > 0)
    {
      g_string_append (str, style->decimal_point != NULL && *style->decimal_point != '\0'
                            ? style->decimal_point : ".");
      g_string_append (str, plain + int_len + 1);
    }

  if (!style->symbol_first)
    g_string_append_printf (str, "%s%s", space, sign);
  return g_string_free (str, FALSE);
}

/* Accepts what a user of @style types: "1.234,50" or "1234,5" with a
 * comma decimal point, "1,234.50" with a point; group separators
 * (and spaces, including no-break ones) are dropped, nothing rounds. */
gboolean
od_amount_parse_style (const char          *text,
                       guint                digits,
                       const OdMoneyStyle  *style,
                       gint64              *out_minor,
                       GError             **error)
{
  const char *point;
  const char *group;
  GString *plain;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  point = style->decimal_point != NULL && *style->decimal_point != '\0'
          ? style->decimal_point : ".";
  group = style->group_separator != NULL ? style->group_separator : "";

  plain = g_string_new (NULL);
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      gsize point_len = strlen (point);
      gsize group_len = strlen (group);

      if (strncmp (p, point, point_len) == 0)
        {
          g_string_append_c (plain, '.');
          p += point_len;
          continue;
        }
      if (group_len > 0 && strncmp (p, group, group_len) == 0)
        {
          p += group_len;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (c == 0x2212) /* minus sign */
        g_string_append_c (plain, '-');
      else
        g_string_append_unichar (plain, c);
      p = g_utf8_next_char (p);
    }

  ok = od_amount_parse (plain->str, digits, out_minor, error);
  g_string_free (plain, TRUE);
  return ok;
}
