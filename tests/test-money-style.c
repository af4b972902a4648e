/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-money-style.h"

static const OdMoneyStyle english = { ".", ",", TRUE, FALSE, TRUE };
static const OdMoneyStyle german = { ",", ".", FALSE, TRUE, TRUE };
static const OdMoneyStyle french = { ",", "\u202f", FALSE, TRUE, TRUE };
static const OdMoneyStyle neutral = { ".", ",", TRUE, TRUE, FALSE };

static void
check (const OdMoneyStyle *style,
       gint64              minor,
       const char         *currency,
       const char         *expected)
{
  OdMoney money = od_money_init (minor, currency);
  g_autofree char *text = od_money_format_style (&money, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  check (&english, 123450, "EUR", "€1,234.50");
  check (&german, 123450, "EUR", "1.234,50\u00a0€");
  check (&french, 123456789, "EUR", "1\u202f234\u202f567,89\u00a0€");
  check (&neutral, 123450, "EUR", "EUR\u00a01,234.50");
  /* No sign for the currency: its letters, spaced. */
  check (&english, 5000, "CHF", "CHF\u00a050.00");
  check (&german, -5, "EUR", "−0,05\u00a0€");
  check (&english, 1234, "JPY", "¥1,234");
  check (&english, G_MININT64, "JPY", "−¥9,223,372,036,854,775,808");
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  g_assert_true (od_amount_parse_style ("1.234,5", 2, &german, &minor, NULL));
  g_assert_cmpint (minor, ==, 123450);
  g_assert_true (od_amount_parse_style ("1\u202f234,56", 2, &french, &minor, NULL));
  g_assert_cmpint (minor, ==, 123456);
  g_assert_true (od_amount_parse_style ("1,234.50", 2, &english, &minor, NULL));
  g_assert_cmpint (minor, ==, 123450);
  g_assert_true (od_amount_parse_style ("−3,00", 2, &german, &minor, NULL));
  g_assert_cmpint (minor, ==, -300);
  /* More decimals than the currency has is an error, not a rounding. */
  g_assert_false (od_amount_parse_style ("1,234", 2, &german, &minor, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/od/money-style/format", test_format);
  g_test_add_func ("/od/money-style/parse", test_parse);
  return g_test_run ();
}
