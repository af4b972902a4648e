/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Parsing never rounds and never goes through a double: the largest
 * scale we accept keeps 10^digits inside a gint64. */
#define OD_MAX_DIGITS 18

G_DEFINE_QUARK (od-money-error-quark, od_money_error)

G_DEFINE_BOXED_TYPE (OdMoney, od_money, od_money_copy, od_money_free)

OdMoney *
od_money_copy (const OdMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);

  return g_memdup2 (money, sizeof *money);
}

void
od_money_free (OdMoney *money)
{
  g_free (money);
}

typedef struct
{
  const char *code;
  guint       digits;
} OdCurrencyDigits;

/* ISO 4217 currencies whose minor unit is not the hundredth. */
static const OdCurrencyDigits currency_digits[] = {
  { "BIF", 0 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 }, { "ISK", 0 },
  { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 }, { "PYG", 0 }, { "RWF", 0 },
  { "UGX", 0 }, { "UYI", 0 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 },
  { "XOF", 0 }, { "XPF", 0 },
  { "BHD", 3 }, { "IQD", 3 }, { "JOD", 3 }, { "KWD", 3 }, { "LYD", 3 },
  { "OMR", 3 }, { "TND", 3 },
};

gboolean
od_currency_is_valid (const char *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (code[i] < 'A' || code[i] > 'Z')
        return FALSE;
    }

  return code[3] == '\0';
}

guint
od_currency_minor_digits (const char *code)
{
  g_return_val_if_fail (code != NULL, 2);

  for (gsize i = 0; i < G_N_ELEMENTS (currency_digits); i++)
    {
      if (strcmp (currency_digits[i].code, code) == 0)
        return currency_digits[i].digits;
    }

  return 2;
}

OdMoney
od_money_init (gint64      minor,
               const char *currency)
{
  OdMoney money = { minor, { 0 } };

  if (currency != NULL)
    g_strlcpy (money.currency, currency, sizeof money.currency);

  return money;
}

gboolean
od_amount_parse (const char  *text,
                 guint        digits,
                 gint64      *out_minor,
                 GError     **error)
{
  /* The magnitude may reach 2^63 so that G_MININT64 parses. */
  const __int128 limit = (__int128) G_MAXINT64 + 1;
  g_autofree char *trimmed = NULL;
  const char *p;
  gboolean negative = FALSE;
  guint int_digits = 0;
  guint frac_digits = 0;
  __int128 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (digits <= OD_MAX_DIGITS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;

  if (*p == '\0')
    {
      g_set_error_literal (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE,
                           _("Amount is empty: expected a number such as 12.50"));
      return FALSE;
    }

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++, int_digits++)
    {
      value = value * 10 + (*p - '0');
      if (value > limit)
        goto overflow;
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, frac_digits++)
        {
          if (frac_digits == digits)
            {
              if (digits == 0)
                g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE,
                             _("Amount “%s” has decimals, but this currency has no minor unit"),
                             text);
              else
                g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "Amount “%s” has more than %u decimal",
                                          "Amount “%s” has more than %u decimals",
                                          digits),
                             text, digits);
              return FALSE;
            }

          value = value * 10 + (*p - '0');
          if (value > limit)
            goto overflow;
        }

      if (frac_digits == 0)
        goto invalid;
    }

  if (*p != '\0' || int_digits == 0)
    goto invalid;

  for (; frac_digits < digits; frac_digits++)
    {
      value *= 10;
      if (value > limit)
        goto overflow;
    }

  if (negative)
    value = -value;
  else if (value > G_MAXINT64)
    goto overflow;

  if (out_minor != NULL)
    *out_minor = (gint64) value;

  return TRUE;

invalid:
  g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE,
               _("Amount “%s” is not a number: expected digits with an optional dot, such as 1234.50"),
               text);
  return FALSE;

overflow:
  g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW,
               _("Amount “%s” is too large"),
               text);
  return FALSE;
}

gboolean
od_money_parse (const char  *text,
                const char  *currency,
                OdMoney     *out,
                GError     **error)
{
  gint64 minor;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!od_currency_is_valid (currency))
    {
      g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY,
                   _("Currency “%s” is not a three-letter ISO 4217 code"),
                   currency != NULL ? currency : "");
      return FALSE;
    }

  if (!od_amount_parse (text, od_currency_minor_digits (currency), &minor, error))
    return FALSE;

  if (out != NULL)
    *out = od_money_init (minor, currency);

  return TRUE;
}

static void
append_magnitude (GString *str,
                  gint64   minor,
                  guint    digits,
                  gboolean group)
{
  /* Unsigned, so that G_MININT64 has a magnitude. */
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  char buf[32];
  char *end = buf + sizeof buf;
  char *p = end;
  gsize len;
  gsize int_len;

  /* The decimal digits, at least one before the point, written from the
   * end of @buf without printf: plan and report writers call this for
   * every amount of a large ledger. */
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0 || (gsize) (end - p) < digits + 1);
  len = (gsize) (end - p);
  int_len = len - digits;

  if (minor < 0)
    g_string_append_c (str, '-');

  if (!group)
    g_string_append_len (str, p, (gssize) int_len);
  else
    {
      for (gsize i = 0; i < int_len; i++)
        {
          if (i > 0 && (int_len - i) % 3 == 0)
            g_string_append_c (str, ',');
          g_string_append_c (str, p[i]);
        }
    }

  if (digits > 0)
    {
      g_string_append_c (str, '.');
      g_string_append_len (str, p + int_len, (gssize) digits);
    }
}

char *
od_amount_to_string (gint64 minor,
                     guint  digits)
{
  GString *str;

  g_return_val_if_fail (digits <= OD_MAX_DIGITS, NULL);

  str = g_string_new (NULL);
  append_magnitude (str, minor, digits, FALSE);

  return g_string_free (str, FALSE);
}

/* As od_amount_to_string(), appended to @str: for writers of many
 * amounts that would rather not allocate one string each. */
void
od_amount_append (GString *str,
                  gint64   minor,
                  guint    digits)
{
  g_return_if_fail (str != NULL);
  g_return_if_fail (digits <= OD_MAX_DIGITS);

  append_magnitude (str, minor, digits, FALSE);
}

char *
od_money_to_string (const OdMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);

  return od_amount_to_string (money->minor,
                              od_currency_minor_digits (money->currency));
}

char *
od_money_format (const OdMoney *money)
{
  GString *str;

  g_return_val_if_fail (money != NULL, NULL);

  str = g_string_new (money->currency);
  g_string_append_c (str, ' ');
  append_magnitude (str, money->minor,
                    od_currency_minor_digits (money->currency), TRUE);

  return g_string_free (str, FALSE);
}

static gboolean
check_same_currency (const OdMoney  *a,
                     const OdMoney  *b,
                     GError        **error)
{
  if (strcmp (a->currency, b->currency) == 0)
    return TRUE;

  g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY_MISMATCH,
               _("Cannot combine amounts in %s and %s"),
               a->currency, b->currency);
  return FALSE;
}

gboolean
od_money_add (const OdMoney  *a,
              const OdMoney  *b,
              OdMoney        *out,
              GError        **error)
{
  gint64 sum;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_currency (a, b, error))
    return FALSE;

  if (__builtin_add_overflow (a->minor, b->minor, &sum))
    {
      g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW,
                   _("The sum of the %s amounts is too large"),
                   a->currency);
      return FALSE;
    }

  if (out != NULL)
    *out = od_money_init (sum, a->currency);

  return TRUE;
}

gboolean
od_money_subtract (const OdMoney  *a,
                   const OdMoney  *b,
                   OdMoney        *out,
                   GError        **error)
{
  gint64 difference;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_currency (a, b, error))
    return FALSE;

  if (__builtin_sub_overflow (a->minor, b->minor, &difference))
    {
      g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW,
                   _("The difference of the %s amounts is too large"),
                   a->currency);
      return FALSE;
    }

  if (out != NULL)
    *out = od_money_init (difference, a->currency);

  return TRUE;
}

gboolean
od_money_equal (const OdMoney *a,
                const OdMoney *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->minor == b->minor && strcmp (a->currency, b->currency) == 0;
}

gboolean
od_round_div (gint64  numerator,
              gint64  multiplier,
              gint64  denominator,
              gint64 *out)
{
  __int128 product;
  __int128 quotient;
  __int128 remainder;
  __int128 abs_remainder;
  __int128 abs_denominator;

  if (denominator == 0)
    return FALSE;

  /* Two gint64 always fit in 128 bits, so the product is exact. */
  product = (__int128) numerator * multiplier;
  quotient = product / denominator;
  remainder = product % denominator;
  abs_remainder = remainder < 0 ? -remainder : remainder;
  abs_denominator = denominator < 0 ? -(__int128) denominator : denominator;

  /* Half away from zero: a tie moves the result away from zero, in the
   * direction of the exact quotient's sign. */
  if (abs_remainder * 2 >= abs_denominator)
    quotient += ((product < 0) == (denominator < 0)) ? 1 : -1;

  if (quotient > G_MAXINT64 || quotient < G_MININT64)
    return FALSE;

  if (out != NULL)
    *out = (gint64) quotient;

  return TRUE;
}

gboolean
od_percent_bp (gint64  amount,
               gint64  basis_points,
               gint64 *out)
{
  return od_round_div (amount, basis_points, 10000, out);
}
