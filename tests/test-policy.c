/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-policy.h"
#include "od-store.h"
#include "od-test-util.h"
#include "od-types.h"

#include <string.h>

#define assert_error_mentions(error, needle)                                 \
  G_STMT_START {                                                             \
    if (strstr ((error)->message, (needle)) == NULL)                         \
      g_error ("“%s” does not mention “%s”", (error)->message, (needle));    \
  } G_STMT_END

/* A policy that sets every key to something other than its default. */
static const char every_key[] =
  "[Policy]\n"
  "Name=Strict # for slow payers\n"
  "GraceDays=2\n"
  "MinimumAmount=12.345\n"
  "SendDays=Mon;Wed;Sat\n"
  "SendHours=08:30-18:15\n"
  "TimeZone=Europe/Berlin          # optional; default: the system's\n"
  "Holidays=2026-12-26;2026-12-25;2026-12-25\n"
  "RepeatEveryDays=5\n"
  "RepeatMax=4\n"
  "EarlyDiscountPercent=2.5\n"
  "EarlyDiscountDays=14\n"
  "InterestAnnualPercent=9.12\n"
  "FixedCompensation=40\n"
  "InstalmentGraceDays=3\n"
  "\n"
  "[Step final]\n"
  "Offset=20\n"
  "Channel=letter;email\n"
  "Template=final-notice\n"
  "Fee=7.5\n"
  "FeePercent=1.25\n"
  "Review=true\n"
  "\n"
  "[Step nudge]\n"
  "Offset=-2\n"
  "Channel=sms ; call  \n";

static const char minimal_head[] =
  "[Policy]\n"
  "Name=Test\n";

static const char one_step[] =
  "[Step first]\n"
  "Offset=1\n"
  "Channel=email\n";

static OdPolicy *
parse (const char  *text,
       GError     **error)
{
  return od_policy_new_from_data (text, -1, error);
}

static void
test_default (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  static const struct
  {
    const char *name;
    gint        offset;
    OdChannel   first;
    guint       n_channels;
    gint64      fee;
    gboolean    review;
  } steps[] = {
    { "pre-due", -3, OD_CHANNEL_EMAIL, 1, 0, FALSE },
    { "first-reminder", 1, OD_CHANNEL_EMAIL, 2, 0, FALSE },
    { "second-reminder", 6, OD_CHANNEL_EMAIL, 2, 0, FALSE },
    { "final-notice", 11, OD_CHANNEL_EMAIL, 2, 15000, FALSE },
    { "demand-letter", 30, OD_CHANNEL_LETTER, 1, 0, TRUE },
    { "agency-handoff", 60, OD_CHANNEL_CALL, 1, 0, TRUE },
  };
  const OdChannel *channels;
  guint n_channels;

  g_assert_nonnull (policy);
  g_assert_true (od_policy_validate (policy, NULL));
  g_assert_cmpstr (od_policy_get_name (policy), ==, "Standard");
  g_assert_cmpuint (od_policy_get_grace_days (policy), ==, 0);
  g_assert_cmpint (od_policy_get_minimum_milli (policy), ==, 5000);
  g_assert_cmpuint (od_policy_get_send_days (policy), ==, OD_SEND_DAYS_WEEKDAYS);
  g_assert_cmpuint (od_policy_get_send_start (policy), ==, 9 * 60);
  g_assert_cmpuint (od_policy_get_send_end (policy), ==, 17 * 60);
  g_assert_null (od_policy_get_time_zone (policy));
  g_assert_cmpuint (od_policy_get_repeat_every_days (policy), ==, 7);
  g_assert_cmpuint (od_policy_get_repeat_max (policy), ==, 3);
  g_assert_cmpint (od_policy_get_early_discount_bp (policy), ==, 200);
  g_assert_cmpuint (od_policy_get_early_discount_days (policy), ==, 10);
  g_assert_cmpint (od_policy_get_interest_annual_bp (policy), ==, 800);
  g_assert_cmpint (od_policy_get_fixed_compensation_milli (policy), ==, 40000);
  g_assert_cmpuint (od_policy_get_instalment_grace_days (policy), ==, 5);

  g_assert_cmpuint (od_policy_get_n_steps (policy), ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      OdPolicyStep *step = od_policy_get_step (policy, i);

      g_assert_cmpstr (od_policy_step_get_name (step), ==, steps[i].name);
      g_assert_cmpstr (od_policy_step_get_template (step), ==, steps[i].name);
      g_assert_cmpint (od_policy_step_get_offset_days (step), ==, steps[i].offset);
      channels = od_policy_step_get_channels (step, &n_channels);
      g_assert_cmpuint (n_channels, ==, steps[i].n_channels);
      g_assert_cmpint (channels[0], ==, steps[i].first);
      g_assert_cmpint (od_policy_step_get_fee_milli (step), ==, steps[i].fee);
      g_assert_cmpint (od_policy_step_get_fee_bp (step), ==, 0);
      g_assert_cmpint (od_policy_step_get_review (step), ==, steps[i].review);
    }

  channels = od_policy_step_get_channels (od_policy_find_step (policy, "final-notice"),
                                          &n_channels);
  g_assert_cmpint (channels[1], ==, OD_CHANNEL_LETTER);
  g_assert_null (od_policy_find_step (policy, "no-such-step"));
}

static void
test_every_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) policy = parse (every_key, &error);
  const OdChannel *channels;
  const GDate *holidays;
  guint n_channels;
  guint n_holidays;
  OdPolicyStep *step;
  GDate date;

  g_assert_no_error (error);
  g_assert_cmpstr (od_policy_get_name (policy), ==, "Strict");
  g_assert_cmpuint (od_policy_get_grace_days (policy), ==, 2);
  g_assert_cmpint (od_policy_get_minimum_milli (policy), ==, 12345);
  g_assert_cmpuint (od_policy_get_send_days (policy), ==,
                    OD_SEND_DAY (G_DATE_MONDAY) | OD_SEND_DAY (G_DATE_WEDNESDAY) |
                    OD_SEND_DAY (G_DATE_SATURDAY));
  g_assert_cmpuint (od_policy_get_send_start (policy), ==, 8 * 60 + 30);
  g_assert_cmpuint (od_policy_get_send_end (policy), ==, 18 * 60 + 15);
  g_assert_cmpstr (od_policy_get_time_zone (policy), ==, "Europe/Berlin");
  g_assert_cmpuint (od_policy_get_repeat_every_days (policy), ==, 5);
  g_assert_cmpuint (od_policy_get_repeat_max (policy), ==, 4);
  g_assert_cmpint (od_policy_get_early_discount_bp (policy), ==, 250);
  g_assert_cmpuint (od_policy_get_early_discount_days (policy), ==, 14);
  g_assert_cmpint (od_policy_get_interest_annual_bp (policy), ==, 912);
  g_assert_cmpint (od_policy_get_fixed_compensation_milli (policy), ==, 40000);
  g_assert_cmpuint (od_policy_get_instalment_grace_days (policy), ==, 3);

  holidays = od_policy_get_holidays (policy, &n_holidays);
  g_assert_cmpuint (n_holidays, ==, 2);
  g_assert_cmpint (g_date_get_day (&holidays[0]), ==, 25);
  g_assert_cmpint (g_date_get_day (&holidays[1]), ==, 26);
  date = od_test_date ("2026-12-26");
  g_assert_true (od_policy_is_holiday (policy, &date));
  date = od_test_date ("2026-12-24");
  g_assert_false (od_policy_is_holiday (policy, &date));

  /* Sorted by offset, whatever the file's order. */
  g_assert_cmpuint (od_policy_get_n_steps (policy), ==, 2);
  step = od_policy_get_step (policy, 0);
  g_assert_cmpstr (od_policy_step_get_name (step), ==, "nudge");
  g_assert_cmpint (od_policy_step_get_offset_days (step), ==, -2);
  g_assert_cmpstr (od_policy_step_get_template (step), ==, "nudge");
  channels = od_policy_step_get_channels (step, &n_channels);
  g_assert_cmpuint (n_channels, ==, 2);
  g_assert_cmpint (channels[0], ==, OD_CHANNEL_SMS);
  g_assert_cmpint (channels[1], ==, OD_CHANNEL_CALL);
  g_assert_false (od_policy_step_get_review (step));

  step = od_policy_get_step (policy, 1);
  g_assert_cmpstr (od_policy_step_get_name (step), ==, "final");
  g_assert_cmpstr (od_policy_step_get_template (step), ==, "final-notice");
  g_assert_cmpint (od_policy_step_get_fee_milli (step), ==, 7500);
  g_assert_cmpint (od_policy_step_get_fee_bp (step), ==, 125);
  g_assert_true (od_policy_step_get_review (step));
  channels = od_policy_step_get_channels (step, &n_channels);
  g_assert_cmpuint (n_channels, ==, 2);
  g_assert_cmpint (channels[0], ==, OD_CHANNEL_LETTER);
  g_assert_cmpint (channels[1], ==, OD_CHANNEL_EMAIL);
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (minimal_head, one_step, NULL);
  g_autoptr(OdPolicy) policy = parse (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (od_policy_get_send_days (policy), ==, OD_SEND_DAYS_WEEKDAYS);
  g_assert_cmpuint (od_policy_get_repeat_max (policy), ==, 0);
  g_assert_cmpuint (od_policy_get_instalment_grace_days (policy), ==, 5);
  g_assert_null (od_policy_get_time_zone (policy));
}

static void
test_percents_and_amounts (void)
{
  static const struct
  {
    const char *text;
    gint        bp;
  } percents[] = {
    { "8.0", 800 }, { "2", 200 }, { "2.5", 250 }, { "0.01", 1 },
    { "100", 10000 }, { "2.5%", 250 }, { "0", 0 },
  };
  static const struct
  {
    const char *text;
    gint64      milli;
  } amounts[] = {
    { "15.00", 15000 }, { "15", 15000 }, { "0.001", 1 }, { "1.5", 1500 },
    { "  2.25   # two and a quarter", 2250 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%sInterestAnnualPercent=%s\n%s",
                                               minimal_head, percents[i].text,
                                               one_step);
      g_autoptr(OdPolicy) policy = parse (text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (od_policy_get_interest_annual_bp (policy), ==, percents[i].bp);
    }

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%sMinimumAmount=%s\n%s",
                                               minimal_head, amounts[i].text,
                                               one_step);
      g_autoptr(OdPolicy) policy = parse (text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (od_policy_get_minimum_milli (policy), ==, amounts[i].milli);
    }
}

typedef struct
{
  const char *policy_keys;  /* lines added to [Policy] */
  const char *steps;        /* NULL: one good step */
  gint        code;
  const char *message;      /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "", "[Step final-notice]\nOffset=eleven\nChannel=email\n",
    OD_POLICY_ERROR_INVALID,
    "[Step final-notice] Offset: “eleven” is not a whole number of days" },
  { "", "[Step first]\nOffset=1\nChannel=email;fax\n",
    OD_POLICY_ERROR_INVALID,
    "[Step first] Channel: “fax” is not a channel: use email, sms, letter or call" },
  { "", "[Step first]\nOffset=1\nChannel=email;email\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Channel: “email” is named twice" },
  { "", "[Step first]\nOffset=1\nChannel=\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Channel: at least one channel" },
  { "", "[Step first]\nOffset=1\n",
    OD_POLICY_ERROR_MISSING, "[Step first] Channel: missing" },
  { "", "[Step first]\nChannel=sms\n",
    OD_POLICY_ERROR_MISSING, "[Step first] Offset: missing" },
  { "", "[Step a]\nOffset=5\nChannel=email\n[Step b]\nOffset=5\nChannel=sms\n",
    OD_POLICY_ERROR_OVERLAP, "[Step a] and [Step b] Offset: both are on day 5" },
  { "SendHours=9-17\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendHours: “9-17” is not a time range" },
  { "SendHours=09:00-25:00\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendHours: “09:00-25:00” is not a time range" },
  { "SendHours=17:00-09:00\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendHours: “17:00-09:00” must start before it ends" },
  { "SendHours=09:00-09:00\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendHours: “09:00-09:00” must start before it ends" },
  { "SendDays=Mon;Funday\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendDays: “Funday” is not a day" },
  { "SendDays=\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] SendDays: at least one day" },
  { "TimeZone=Mars/Olympus_Mons\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] TimeZone: “Mars/Olympus_Mons” is not a known IANA time zone" },
  { "", "[Step first]\nOffset=1\nChannel=email\nFee=-1.00\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Fee: “-1.00” is negative" },
  { "", "[Step first]\nOffset=1\nChannel=email\nFee=1.0001\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Fee: “1.0001” is not an amount" },
  { "", "[Step first]\nOffset=1\nChannel=email\nFeePercent=-2\n",
    OD_POLICY_ERROR_INVALID, "[Step first] FeePercent: “-2” is negative" },
  { "", "[Step first]\nOffset=1\nChannel=email\nReview=maybe\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Review: “maybe” is neither true nor false" },
  { "", "[Step first]\nOffset=1\nChannel=email\nTemplate=\n",
    OD_POLICY_ERROR_INVALID, "[Step first] Template: the template name is empty" },
  { "InterestAnnualPercent=100.5\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] InterestAnnualPercent: “100.5” is more than 100 percent" },
  { "EarlyDiscountPercent=2.125\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] EarlyDiscountPercent: “2.125” is not a percentage" },
  { "MinimumAmount=five\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] MinimumAmount: “five” is not an amount" },
  { "FixedCompensation=-40\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] FixedCompensation: “-40” is negative" },
  { "RepeatMax=3\n", NULL,
    OD_POLICY_ERROR_MISSING, "[Policy] RepeatMax: repeating needs RepeatEveryDays" },
  { "RepeatMax=three\nRepeatEveryDays=7\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] RepeatMax: “three” is not a whole number" },
  { "GraceDays=-1\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] GraceDays: “-1” is out of range" },
  { "Holidays=2026-12-25;Christmas\n", NULL,
    OD_POLICY_ERROR_INVALID, "[Policy] Holidays: “Christmas” is not a date" },
  { "", "",
    OD_POLICY_ERROR_MISSING, "The policy has no steps" },
  { "", "[Step ]\nOffset=1\nChannel=email\n",
    OD_POLICY_ERROR_INVALID, "A step needs a name" },
};

static void
test_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat (minimal_head, bad->policy_keys,
                                           bad->steps != NULL ? bad->steps : one_step,
                                           NULL);
      g_autoptr(OdPolicy) policy = parse (text, &error);

      g_test_message ("case %u: %s", i, bad->message);
      g_assert_null (policy);
      g_assert_error (error, OD_POLICY_ERROR, bad->code);
      assert_error_mentions (error, bad->message);
    }
}

static void
test_bad_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) policy = NULL;

  policy = parse ("[Step first]\nOffset=1\nChannel=email\n", &error);
  g_assert_null (policy);
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING);
  assert_error_mentions (error, "[Policy]");
  g_clear_error (&error);

  policy = parse ("[Step first]\nOffset=1\n[Step first]\nChannel=email\n[Policy\n", &error);
  g_assert_null (policy);
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID);
  g_clear_error (&error);

  policy = parse ("[Policy]\nGraceDays=2\n[Step first]\nOffset=1\nChannel=email\n", &error);
  g_assert_null (policy);
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING);
  assert_error_mentions (error, "[Policy] Name");
}

static void
assert_round_trip (OdPolicy *policy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = od_policy_to_key_file (policy);
  g_autoptr(OdPolicy) again = od_policy_new_from_key_file (key_file, &error);
  g_autofree char *text = od_policy_to_data (policy, NULL);
  g_autoptr(OdPolicy) from_text = parse (text, &error);
  g_autoptr(OdPolicy) copy = od_policy_copy (policy);

  g_assert_no_error (error);
  g_assert_true (od_policy_equal (policy, again));
  g_assert_true (od_policy_equal (policy, from_text));
  g_assert_true (od_policy_equal (policy, copy));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) standard = od_policy_new_default ();
  g_autoptr(OdPolicy) strict = parse (every_key, &error);
  g_autoptr(OdPolicy) quoted = NULL;
  g_autoptr(OdPolicy) other = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  assert_round_trip (standard);
  assert_round_trip (strict);

  /* A name with a '#' survives the comment stripping. */
  quoted = od_policy_copy (strict);
  od_policy_set_name (quoted, "Team #2 \"slow\"");
  assert_round_trip (quoted);

  text = od_policy_to_data (strict, NULL);
  g_assert_nonnull (strstr (text, "SendDays=Mon;Wed;Sat\n"));
  g_assert_nonnull (strstr (text, "MinimumAmount=12.345\n"));
  g_assert_nonnull (strstr (text, "FixedCompensation=40.00\n"));
  g_assert_nonnull (strstr (text, "InterestAnnualPercent=9.12\n"));
  g_assert_nonnull (strstr (text, "EarlyDiscountPercent=2.5\n"));
  g_assert_nonnull (strstr (text, "Channel=letter;email\n"));

  g_assert_false (od_policy_equal (standard, strict));
  other = od_policy_copy (standard);
  od_policy_step_set_fee_bp (od_policy_find_step (other, "final-notice"), 100);
  g_assert_false (od_policy_equal (standard, other));
}

static void
test_build (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new ("Built");
  g_autoptr(OdPolicyStep) late = od_policy_step_new ("late");
  g_autoptr(OdPolicyStep) early = od_policy_step_new ("early");
  g_autoptr(OdPolicyStep) same = od_policy_step_new ("same");
  g_autoptr(GError) error = NULL;
  const OdChannel channels[] = { OD_CHANNEL_SMS, OD_CHANNEL_SMS, OD_CHANNEL_LETTER };
  const OdChannel *got;
  guint n_got;

  g_assert_false (od_policy_validate (policy, &error));
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING);
  g_clear_error (&error);

  od_policy_step_set_offset_days (late, 10);
  od_policy_step_set_offset_days (early, -1);
  od_policy_step_set_channels (early, channels, G_N_ELEMENTS (channels));
  od_policy_add_step (policy, late);
  od_policy_add_step (policy, early);
  g_assert_cmpstr (od_policy_step_get_name (od_policy_get_step (policy, 0)), ==, "early");
  got = od_policy_step_get_channels (early, &n_got);
  g_assert_cmpuint (n_got, ==, 2);
  g_assert_cmpint (got[1], ==, OD_CHANNEL_LETTER);
  g_assert_true (od_policy_validate (policy, &error));
  g_assert_no_error (error);

  od_policy_step_set_offset_days (same, 10);
  od_policy_add_step (policy, same);
  g_assert_false (od_policy_validate (policy, &error));
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_OVERLAP);
  assert_error_mentions (error, "[Step late] and [Step same]");
  g_clear_error (&error);
  od_policy_remove_step (policy, "same");
  g_assert_cmpuint (od_policy_get_n_steps (policy), ==, 2);

  od_policy_set_send_hours (policy, 17 * 60, 17 * 60);
  g_assert_false (od_policy_validate (policy, &error));
  assert_error_mentions (error, "[Policy] SendHours");
  g_clear_error (&error);
  od_policy_set_send_hours (policy, 0, 24 * 60);

  od_policy_set_early_discount (policy, 10001, 10);
  g_assert_false (od_policy_validate (policy, &error));
  assert_error_mentions (error, "[Policy] EarlyDiscountPercent: 100.01% is more than 100%");
  g_clear_error (&error);
  od_policy_set_early_discount (policy, 0, 0);

  od_policy_step_set_fee_milli (late, -1);
  g_assert_false (od_policy_validate (policy, &error));
  assert_error_mentions (error, "[Step late] Fee");
  g_clear_error (&error);
  od_policy_step_set_fee_milli (late, 0);

  od_policy_set_time_zone (policy, "Not/AZone");
  g_assert_false (od_policy_validate (policy, &error));
  assert_error_mentions (error, "[Policy] TimeZone");
  g_clear_error (&error);
  od_policy_set_time_zone (policy, "");
  g_assert_null (od_policy_get_time_zone (policy));

  assert_round_trip (policy);
}

static void
test_milli_to_minor (void)
{
  g_assert_cmpint (od_policy_milli_to_minor (15000, "EUR"), ==, 1500);
  g_assert_cmpint (od_policy_milli_to_minor (12345, "EUR"), ==, 1235);
  g_assert_cmpint (od_policy_milli_to_minor (12344, "EUR"), ==, 1234);
  g_assert_cmpint (od_policy_milli_to_minor (-12345, "EUR"), ==, -1235);
  g_assert_cmpint (od_policy_milli_to_minor (15000, "JPY"), ==, 15);
  g_assert_cmpint (od_policy_milli_to_minor (15500, "JPY"), ==, 16);
  g_assert_cmpint (od_policy_milli_to_minor (15499, "JPY"), ==, 15);
  g_assert_cmpint (od_policy_milli_to_minor (15000, "BHD"), ==, 15000);
  g_assert_cmpint (od_policy_milli_to_minor (1, "BHD"), ==, 1);
  g_assert_cmpint (od_policy_milli_to_minor (0, "JPY"), ==, 0);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new ("Notify");
  guint count = 0;

  g_signal_connect_swapped (policy, "notify::grace-days",
                            G_CALLBACK (count_notify), &count);
  od_policy_set_grace_days (policy, 3);
  od_policy_set_grace_days (policy, 3);
  g_object_set (policy, "grace-days", 4, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
assert_stored (OdStore  *store,
               gint64    customer_id,
               OdPolicy *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) stored = od_store_get_policy (store, customer_id, &error);

  g_assert_no_error (error);
  if (expected == NULL)
    {
      g_assert_null (stored);
      return;
    }

  g_assert_nonnull (stored);
  g_assert_true (od_policy_equal (stored, expected));
  g_assert_cmpint (od_policy_get_id (stored), >, 0);
}

static void
assert_effective (OdStore  *store,
                  gint64    customer_id,
                  OdPolicy *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdPolicy) effective = od_store_get_effective_policy (store, customer_id, &error);

  g_assert_no_error (error);
  g_assert_true (od_policy_equal (effective, expected));
}

static void
test_store_default (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) sqlite = od_test_store_new (&tmpdir);
  OdStore *store = OD_STORE (sqlite);
  g_autoptr(OdPolicy) shipped = od_policy_new_default ();
  g_autoptr(OdPolicy) strict = parse (every_key, NULL);
  g_autoptr(OdPolicy) lenient = od_policy_copy (shipped);
  g_autoptr(OdCustomer) customer = od_test_add_customer (store, "ACME", "Acme Ltd");
  g_autoptr(GError) error = NULL;

  assert_stored (store, 0, NULL);
  assert_effective (store, 0, shipped);
  assert_effective (store, od_customer_get_id (customer), shipped);

  g_assert_true (od_store_set_policy (store, 0, strict, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_policy_get_id (strict), >, 0);
  assert_stored (store, 0, strict);
  assert_effective (store, 0, strict);
  assert_effective (store, od_customer_get_id (customer), strict);

  /* Replacing the default, even with a policy of the same name. */
  od_policy_set_name (lenient, "Strict");
  od_policy_set_grace_days (lenient, 9);
  g_assert_true (od_store_set_policy (store, 0, lenient, &error));
  g_assert_no_error (error);
  assert_stored (store, 0, lenient);

  g_assert_true (od_store_set_policy (store, 0, NULL, &error));
  g_assert_no_error (error);
  assert_stored (store, 0, NULL);
  assert_effective (store, od_customer_get_id (customer), shipped);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_store_customer (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) sqlite = od_test_store_new (&tmpdir);
  OdStore *store = OD_STORE (sqlite);
  g_autoptr(OdPolicy) shipped = od_policy_new_default ();
  g_autoptr(OdPolicy) strict = parse (every_key, NULL);
  g_autoptr(OdCustomer) acme = od_test_add_customer (store, "ACME", "Acme Ltd");
  g_autoptr(OdCustomer) globex = od_test_add_customer (store, "GLOBEX", "Globex");
  gint64 acme_id = od_customer_get_id (acme);
  gint64 globex_id = od_customer_get_id (globex);
  g_autoptr(GError) error = NULL;

  g_assert_true (od_store_set_policy (store, 0, shipped, &error));
  g_assert_no_error (error);

  /* Two customers may have policies of the same name as the default. */
  od_policy_set_name (strict, "Standard");
  g_assert_true (od_store_set_policy (store, acme_id, strict, &error));
  g_assert_no_error (error);
  g_assert_true (od_store_set_policy (store, globex_id, strict, &error));
  g_assert_no_error (error);
  assert_stored (store, acme_id, strict);
  assert_stored (store, globex_id, strict);
  assert_stored (store, 0, shipped);
  assert_effective (store, acme_id, strict);

  /* NULL: back to the default. */
  g_assert_true (od_store_set_policy (store, acme_id, NULL, &error));
  g_assert_no_error (error);
  assert_stored (store, acme_id, NULL);
  assert_effective (store, acme_id, shipped);
  assert_stored (store, globex_id, strict);

  /* Unknown customers. */
  g_assert_null (od_store_get_policy (store, 999, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (od_store_get_effective_policy (store, 999, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (od_store_set_policy (store, 999, strict, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Inside begin/commit, the change is seen and undone with the rest. */
  g_assert_true (od_store_begin (store, &error));
  g_assert_true (od_store_set_policy (store, acme_id, strict, &error));
  assert_stored (store, acme_id, strict);
  od_store_rollback (store);
  assert_stored (store, acme_id, NULL);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_store_bad_policy (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) sqlite = od_test_store_new (&tmpdir);
  OdStore *store = OD_STORE (sqlite);
  g_autoptr(OdPolicy) strict = parse (every_key, NULL);
  g_autoptr(OdPolicy) bad = od_policy_copy (strict);
  g_autoptr(OdPolicyStep) clash = od_policy_step_new ("clash");
  g_autoptr(OdCustomer) acme = od_test_add_customer (store, "ACME", "Acme Ltd");
  g_autoptr(GError) error = NULL;

  g_assert_true (od_store_set_policy (store, 0, strict, &error));
  g_assert_true (od_store_set_policy (store, od_customer_get_id (acme), strict, &error));
  g_assert_no_error (error);

  od_policy_step_set_offset_days (clash, 20);
  od_policy_add_step (bad, clash);
  od_policy_set_id (bad, 0);

  g_assert_false (od_store_set_policy (store, 0, bad, &error));
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_false (od_store_set_policy (store, od_customer_get_id (acme), bad, &error));
  g_assert_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_cmpint (od_policy_get_id (bad), ==, 0);

  assert_stored (store, 0, strict);
  assert_stored (store, od_customer_get_id (acme), strict);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/policy/default", test_default);
  g_test_add_func ("/od/policy/every-key", test_every_key);
  g_test_add_func ("/od/policy/minimal", test_minimal);
  g_test_add_func ("/od/policy/percents-and-amounts", test_percents_and_amounts);
  g_test_add_func ("/od/policy/bad-input", test_bad_input);
  g_test_add_func ("/od/policy/bad-file", test_bad_file);
  g_test_add_func ("/od/policy/round-trip", test_round_trip);
  g_test_add_func ("/od/policy/build", test_build);
  g_test_add_func ("/od/policy/milli-to-minor", test_milli_to_minor);
  g_test_add_func ("/od/policy/notify", test_notify);
  g_test_add_func ("/od/policy/store-default", test_store_default);
  g_test_add_func ("/od/policy/store-customer", test_store_customer);
  g_test_add_func ("/od/policy/store-bad-policy", test_store_bad_policy);

  return g_test_run ();
}
