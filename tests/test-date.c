/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-date.h"

#include <string.h>

static GDate
date_from_iso (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  od_date_parse_iso (iso, &date, &error);
  g_assert_no_error (error);

  return date;
}

static void
assert_date (const char *text,
             guint       year,
             guint       month,
             guint       day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  GDate date;

  g_assert_true (od_date_parse_iso (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);

  back = od_date_to_iso (&date);
  g_assert_cmpstr (back, ==, text);
}

static void
test_parse (void)
{
  assert_date ("2024-01-05", 2024, 1, 5);
  assert_date ("2024-12-31", 2024, 12, 31);
  assert_date ("2024-02-29", 2024, 2, 29);
  assert_date ("2000-02-29", 2000, 2, 29);
  assert_date ("0001-01-01", 1, 1, 1);
}

static void
test_parse_errors (void)
{
  static const char * const bad[] = {
    "", "2024", "2024-1-5", "2024-01-5", "24-01-05", "2024/01/05",
    "2024-01-05 ", " 2024-01-05", "2024-01-05T00:00", "2024-01-05x",
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
    "2024-04-31", "2024-01-00", "0000-01-01", "2024-0a-01", "+024-01-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_assert_false (od_date_parse_iso (bad[i], &date, &error));
      g_assert_error (error, OD_DATE_ERROR, OD_DATE_ERROR_PARSE);
      g_assert_false (g_date_valid (&date));
      /* The message names the text and the expected form. */
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
    }
}

static void
test_days_between (void)
{
  GDate a = date_from_iso ("2024-02-28");
  GDate b = date_from_iso ("2024-03-01");
  GDate c = date_from_iso ("2023-02-28");
  GDate d = date_from_iso ("2023-03-01");
  GDate e = date_from_iso ("2024-12-31");
  GDate f = date_from_iso ("2025-01-01");

  g_assert_cmpint (od_date_days_between (&a, &b), ==, 2);
  g_assert_cmpint (od_date_days_between (&b, &a), ==, -2);
  g_assert_cmpint (od_date_days_between (&c, &d), ==, 1);
  g_assert_cmpint (od_date_days_between (&e, &f), ==, 1);
  g_assert_cmpint (od_date_days_between (&a, &a), ==, 0);
  g_assert_cmpint (od_date_days_between (&c, &a), ==, 365);
  g_assert_cmpint (od_date_days_between (&a, &c), ==, -365);
}

static void
test_to_iso (void)
{
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 9, G_DATE_MARCH, 987);
  text = od_date_to_iso (&date);
  g_assert_cmpstr (text, ==, "0987-03-09");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/date/parse", test_parse);
  g_test_add_func ("/od/date/parse-errors", test_parse_errors);
  g_test_add_func ("/od/date/days-between", test_days_between);
  g_test_add_func ("/od/date/to-iso", test_to_iso);

  return g_test_run ();
}
