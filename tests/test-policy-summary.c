/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-policy-summary.h"

static void
test_default (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  g_autofree char *text = od_policy_describe (policy);

  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==, "3 days before the due date, “pre-due” by email. "
                   "1 day after the due date, “first-reminder” by email or SMS. "
                   "6 days after the due date, “second-reminder” by email or SMS. "
                   "11 days after the due date, “final-notice” by email or letter with a 15.00 fee. "
                   "30 days after the due date, “demand-letter” by letter (you review it first). "
                   "60 days after the due date, “agency-handoff” by phone call (you review it first). "
                   "Then repeats every 7 days, at most 3 times. "
                   "Sends only Mon–Fri 9:00–17:00. "
                   "Interest: 8 % a year from the due date. "
                   "Compensation: 40.00 once an invoice is late. "
                   "Amounts under 5.00 are not chased. "
                   "Discount: 2 % when paid within 10 days.");
}

static void
test_custom (void)
{
  g_autoptr(OdPolicy) policy = od_policy_new ("Custom");
  g_autoptr(OdPolicyStep) first = od_policy_step_new ("friendly");
  g_autoptr(OdPolicyStep) last = od_policy_step_new ("final");
  const OdChannel email = OD_CHANNEL_EMAIL;
  const OdChannel both[] = { OD_CHANNEL_EMAIL, OD_CHANNEL_LETTER };
  g_autofree char *text = NULL;

  od_policy_step_set_offset_days (first, -3);
  od_policy_step_set_channels (first, &email, 1);
  od_policy_step_set_template (first, "pre-due");
  od_policy_add_step (policy, first);
  od_policy_step_set_offset_days (last, 30);
  od_policy_step_set_channels (last, both, 2);
  od_policy_step_set_template (last, "final-notice");
  od_policy_step_set_fee_milli (last, 40000);
  od_policy_step_set_review (last, TRUE);
  od_policy_add_step (policy, last);
  od_policy_set_repeat (policy, 14, 3);
  od_policy_set_send_days (policy, OD_SEND_DAYS_WEEKDAYS);
  od_policy_set_send_hours (policy, 9 * 60, 17 * 60);
  od_policy_set_interest_annual_bp (policy, 912);
  od_policy_set_early_discount (policy, 200, 10);

  text = od_policy_describe (policy);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==, "3 days before the due date, “friendly” by email. "
                   "30 days after the due date, “final” by email or letter with a 40.00 fee (you review it first). "
                   "Then repeats every 14 days, at most 3 times. "
                   "Sends only Mon–Fri 9:00–17:00. "
                   "Interest: 9.12 % a year from the due date. "
                   "Discount: 2 % when paid within 10 days.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/od/policy-summary/default", test_default);
  g_test_add_func ("/od/policy-summary/custom", test_custom);
  return g_test_run ();
}
