/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-money.h"

#include <string.h>

static void
assert_parses (const char *text,
               guint       digits,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -42;

  g_assert_true (od_amount_parse (text, digits, &minor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (minor, ==, expected);
}

static void
assert_parse_fails (const char *text,
                    guint       digits,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -42;

  g_assert_false (od_amount_parse (text, digits, &minor, &error));
  g_assert_error (error, OD_MONEY_ERROR, code);
  /* Parsing failures never touch the output. */
  g_assert_cmpint (minor, ==, -42);
}

static void
test_parse (void)
{
  assert_parses ("0", 2, 0);
  assert_parses ("12", 2, 1200);
  assert_parses ("12.5", 2, 1250);
  assert_parses ("12.50", 2, 1250);
  assert_parses ("1234.05", 2, 123405);
  assert_parses ("-0.05", 2, -5);
  assert_parses ("-0.00", 2, 0);
  assert_parses ("+7.10", 2, 710);
  assert_parses ("  3.20\t\n", 2, 320);
  assert_parses ("007", 2, 700);
  assert_parses ("1500", 0, 1500);
  assert_parses ("1.234", 3, 1234);
  assert_parses ("92233720368547758.07", 2, G_MAXINT64);
  assert_parses ("-92233720368547758.08", 2, G_MININT64);
  assert_parses ("9223372036854775807", 0, G_MAXINT64);
}

static void
test_parse_errors (void)
{
  g_autoptr(GError) error = NULL;

  assert_parse_fails ("", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("   ", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("-", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails (".", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("12.", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails (".5", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("abc", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("12abc", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("1,234.50", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("1 234", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("12,50", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("1e3", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("+-1", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("--1", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("0x10", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("NaN", 2, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("1.5", 0, OD_MONEY_ERROR_PARSE);
  assert_parse_fails ("92233720368547758.08", 2, OD_MONEY_ERROR_OVERFLOW);
  assert_parse_fails ("-92233720368547758.09", 2, OD_MONEY_ERROR_OVERFLOW);
  assert_parse_fails ("9223372036854775808", 0, OD_MONEY_ERROR_OVERFLOW);
  assert_parse_fails ("99999999999999999999999999", 2, OD_MONEY_ERROR_OVERFLOW);

  /* Never round silently, and say which value was refused. */
  g_assert_false (od_amount_parse ("1.005", 2, NULL, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "1.005"));
  g_clear_error (&error);

  g_assert_false (od_amount_parse ("12x", 2, NULL, &error));
  g_assert_nonnull (strstr (error->message, "12x"));
}

static void
test_money_parse (void)
{
  g_autoptr(GError) error = NULL;
  OdMoney money;

  g_assert_true (od_money_parse ("1500", "JPY", &money, &error));
  g_assert_no_error (error);
  g_assert_cmpint (money.minor, ==, 1500);
  g_assert_cmpstr (money.currency, ==, "JPY");

  g_assert_true (od_money_parse ("1.250", "BHD", &money, &error));
  g_assert_cmpint (money.minor, ==, 1250);

  g_assert_true (od_money_parse ("19.99", "EUR", &money, &error));
  g_assert_cmpint (money.minor, ==, 1999);
  g_assert_cmpstr (money.currency, ==, "EUR");

  g_assert_false (od_money_parse ("15.5", "JPY", &money, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (od_money_parse ("1.0001", "KWD", &money, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (od_money_parse ("1.00", "eur", &money, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY);
  g_assert_nonnull (strstr (error->message, "eur"));
  g_clear_error (&error);

  g_assert_false (od_money_parse ("1.00", NULL, &money, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY);
}

static void
test_currency (void)
{
  g_assert_true (od_currency_is_valid ("EUR"));
  g_assert_true (od_currency_is_valid ("XAF"));
  g_assert_false (od_currency_is_valid ("eur"));
  g_assert_false (od_currency_is_valid ("EU"));
  g_assert_false (od_currency_is_valid ("EURO"));
  g_assert_false (od_currency_is_valid ("E1R"));
  g_assert_false (od_currency_is_valid (""));
  g_assert_false (od_currency_is_valid (NULL));

  g_assert_cmpuint (od_currency_minor_digits ("EUR"), ==, 2);
  g_assert_cmpuint (od_currency_minor_digits ("USD"), ==, 2);
  g_assert_cmpuint (od_currency_minor_digits ("GBP"), ==, 2);
  g_assert_cmpuint (od_currency_minor_digits ("JPY"), ==, 0);
  g_assert_cmpuint (od_currency_minor_digits ("KRW"), ==, 0);
  g_assert_cmpuint (od_currency_minor_digits ("ISK"), ==, 0);
  g_assert_cmpuint (od_currency_minor_digits ("CLP"), ==, 0);
  g_assert_cmpuint (od_currency_minor_digits ("BHD"), ==, 3);
  g_assert_cmpuint (od_currency_minor_digits ("KWD"), ==, 3);
  g_assert_cmpuint (od_currency_minor_digits ("OMR"), ==, 3);
  g_assert_cmpuint (od_currency_minor_digits ("TND"), ==, 3);
}

static void
assert_amount_string (gint64      minor,
                      guint       digits,
                      const char *expected)
{
  g_autofree char *text = od_amount_to_string (minor, digits);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_to_string (void)
{
  OdMoney money;
  g_autofree char *eur = NULL;
  g_autofree char *jpy = NULL;
  g_autofree char *bhd = NULL;

  assert_amount_string (123450, 2, "1234.50");
  assert_amount_string (-5, 2, "-0.05");
  assert_amount_string (0, 2, "0.00");
  assert_amount_string (100, 0, "100");
  assert_amount_string (-100, 0, "-100");
  assert_amount_string (1, 3, "0.001");
  assert_amount_string (G_MAXINT64, 2, "92233720368547758.07");
  assert_amount_string (G_MININT64, 2, "-92233720368547758.08");

  money = od_money_init (199, "EUR");
  eur = od_money_to_string (&money);
  g_assert_cmpstr (eur, ==, "1.99");

  money = od_money_init (1500, "JPY");
  jpy = od_money_to_string (&money);
  g_assert_cmpstr (jpy, ==, "1500");

  money = od_money_init (-1250, "BHD");
  bhd = od_money_to_string (&money);
  g_assert_cmpstr (bhd, ==, "-1.250");
}

static void
test_round_trip (void)
{
  static const char * const texts[] = {
    "0.00", "0.01", "-0.01", "1234.56", "-98765.43", "92233720368547758.07",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      gint64 minor;

      g_assert_true (od_amount_parse (texts[i], 2, &minor, &error));
      g_assert_no_error (error);
      back = od_amount_to_string (minor, 2);
      g_assert_cmpstr (back, ==, texts[i]);
    }
}

static void
assert_format (gint64      minor,
               const char *currency,
               const char *expected)
{
  OdMoney money = od_money_init (minor, currency);
  g_autofree char *text = od_money_format (&money);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (123450, "EUR", "EUR 1,234.50");
  assert_format (-123450, "EUR", "EUR -1,234.50");
  assert_format (5, "EUR", "EUR 0.05");
  assert_format (99999, "EUR", "EUR 999.99");
  assert_format (100000, "EUR", "EUR 1,000.00");
  assert_format (1234567, "JPY", "JPY 1,234,567");
  assert_format (1234567, "KWD", "KWD 1,234.567");
}

static void
assert_round_div (gint64 numerator,
                  gint64 multiplier,
                  gint64 denominator,
                  gint64 expected)
{
  gint64 out = -42;

  g_assert_true (od_round_div (numerator, multiplier, denominator, &out));
  g_assert_cmpint (out, ==, expected);
}

static void
test_rounding (void)
{
  gint64 out = -42;

  /* Ties go away from zero, whatever the signs. */
  assert_round_div (1, 1, 2, 1);          /* 0.5 */
  assert_round_div (-1, 1, 2, -1);        /* -0.5 */
  assert_round_div (5, 1, 2, 3);          /* 2.5 */
  assert_round_div (-5, 1, 2, -3);        /* -2.5 */
  assert_round_div (5, 1, -2, -3);        /* 2.5 / -1 */
  assert_round_div (-5, -1, -2, -3);
  assert_round_div (3, 1, 2, 2);          /* 1.5 */
  assert_round_div (7, 1, 2, 4);          /* 3.5 */

  /* Not ties: nearest. */
  assert_round_div (4, 1, 10, 0);         /* 0.4 */
  assert_round_div (6, 1, 10, 1);         /* 0.6 */
  assert_round_div (-4, 1, 10, 0);
  assert_round_div (-6, 1, 10, -1);
  assert_round_div (10, 1, 3, 3);
  assert_round_div (20, 1, 3, 7);
  assert_round_div (0, 123, 7, 0);

  /* The product does not fit in 64 bits, the result does. */
  assert_round_div (G_MAXINT64, 1000, 1000, G_MAXINT64);
  assert_round_div (G_MININT64, 3, 3, G_MININT64);

  g_assert_false (od_round_div (G_MAXINT64, 2, 1, &out));
  g_assert_false (od_round_div (G_MININT64, -1, 1, &out));
  g_assert_false (od_round_div (1, 1, 0, &out));
  g_assert_cmpint (out, ==, -42);
}

static void
test_percent (void)
{
  gint64 out;

  g_assert_true (od_percent_bp (10000, 1900, &out));
  g_assert_cmpint (out, ==, 1900);

  /* 19 % of 0.50 is 0.095: a tie, away from zero. */
  g_assert_true (od_percent_bp (50, 1900, &out));
  g_assert_cmpint (out, ==, 10);
  g_assert_true (od_percent_bp (-50, 1900, &out));
  g_assert_cmpint (out, ==, -10);

  /* 7 % of 0.07 is 0.0049 */
  g_assert_true (od_percent_bp (7, 700, &out));
  g_assert_cmpint (out, ==, 0);

  g_assert_true (od_percent_bp (12345, 0, &out));
  g_assert_cmpint (out, ==, 0);

  g_assert_false (od_percent_bp (G_MAXINT64, 20000, &out));
}

static void
test_add (void)
{
  g_autoptr(GError) error = NULL;
  OdMoney a = od_money_init (1050, "EUR");
  OdMoney b = od_money_init (-2075, "EUR");
  OdMoney c = od_money_init (100, "USD");
  OdMoney max = od_money_init (G_MAXINT64, "EUR");
  OdMoney min = od_money_init (G_MININT64, "EUR");
  OdMoney one = od_money_init (1, "EUR");
  OdMoney out = od_money_init (7, "GBP");

  g_assert_true (od_money_add (&a, &b, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.minor, ==, -1025);
  g_assert_cmpstr (out.currency, ==, "EUR");

  g_assert_true (od_money_subtract (&a, &b, &out, &error));
  g_assert_cmpint (out.minor, ==, 3125);

  out = od_money_init (7, "GBP");
  g_assert_false (od_money_add (&a, &c, &out, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY_MISMATCH);
  g_assert_nonnull (strstr (error->message, "EUR"));
  g_assert_nonnull (strstr (error->message, "USD"));
  g_assert_cmpint (out.minor, ==, 7);
  g_clear_error (&error);

  g_assert_false (od_money_subtract (&c, &a, &out, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);

  g_assert_false (od_money_add (&max, &one, &out, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (od_money_subtract (&min, &one, &out, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_true (od_money_add (&max, &min, &out, &error));
  g_assert_cmpint (out.minor, ==, -1);
}

static void
test_boxed (void)
{
  OdMoney money = od_money_init (4200, "EUR");
  OdMoney other = od_money_init (4200, "USD");
  g_autoptr(OdMoney) copy = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  copy = od_money_copy (&money);
  g_assert_true (od_money_equal (&money, copy));
  g_assert_false (od_money_equal (&money, &other));

  g_value_init (&value, OD_TYPE_MONEY);
  g_value_set_boxed (&value, &money);
  g_assert_true (od_money_equal (g_value_get_boxed (&value), &money));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/money/parse", test_parse);
  g_test_add_func ("/od/money/parse-errors", test_parse_errors);
  g_test_add_func ("/od/money/money-parse", test_money_parse);
  g_test_add_func ("/od/money/currency", test_currency);
  g_test_add_func ("/od/money/to-string", test_to_string);
  g_test_add_func ("/od/money/round-trip", test_round_trip);
  g_test_add_func ("/od/money/format", test_format);
  g_test_add_func ("/od/money/rounding", test_rounding);
  g_test_add_func ("/od/money/percent", test_percent);
  g_test_add_func ("/od/money/add", test_add);
  g_test_add_func ("/od/money/boxed", test_boxed);

  return g_test_run ();
}
