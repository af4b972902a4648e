/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-policy-summary.h"

#include <glib/gi18n-lib.h>

static char *
format_milli (gint64 milli)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                          milli / 1000, (milli % 1000) / 10);
}

static char *
format_bp (gint bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%d", bp / 100);
  return g_strdup_printf ("%d.%02d", bp / 100, bp % 100);
}

static const char *
channel_label (OdChannel channel)
{
  switch (channel)
    {
    case OD_CHANNEL_EMAIL: return _("email");
    case OD_CHANNEL_SMS: return _("SMS");
    case OD_CHANNEL_LETTER: return _("letter");
    case OD_CHANNEL_CALL: return _("phone call");
    default: return "";
    }
}

static void
describe_step (GString *out, OdPolicyStep *step)
{
  gint offset = od_policy_step_get_offset_days (step);
  guint n = 0;
  const OdChannel *channels = od_policy_step_get_channels (step, &n);
  g_autoptr(GString) via = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between two channels of a step, "email or letter" */
        g_string_append (via, _(" or "));
      g_string_append (via, channel_label (channels[i]));
    }

  if (offset < 0)
    /* Translators: "3 days before the due date, "pre-due" by email." */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d day before the due date, “%s” by %s",
                                         "%d days before the due date, “%s” by %s", -offset),
                            -offset, od_policy_step_get_name (step), via->str);
  else if (offset == 0)
    g_string_append_printf (out, _("On the due date, “%s” by %s"),
                            od_policy_step_get_name (step), via->str);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d day after the due date, “%s” by %s",
                                         "%d days after the due date, “%s” by %s", offset),
                            offset, od_policy_step_get_name (step), via->str);

  if (od_policy_step_get_fee_milli (step) > 0)
    {
      g_autofree char *fee = format_milli (od_policy_step_get_fee_milli (step));
      g_string_append_printf (out, _(" with a %s fee"), fee);
    }
  if (od_policy_step_get_fee_bp (step) > 0)
    {
      g_autofree char *pct = format_bp (od_policy_step_get_fee_bp (step));
      g_string_append_printf (out, _(" with a fee of %s %% of what is owed"), pct);
    }
  if (od_policy_step_get_review (step))
    g_string_append (out, _(" (you review it first)"));
  g_string_append (out, ". ");
}

char *
od_policy_describe (const OdPolicy *policy)
{
  OdPolicy *self = (OdPolicy *) policy;
  GString *out = g_string_new (NULL);
  guint n_steps;

  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  n_steps = od_policy_get_n_steps (self);
  if (n_steps == 0)
    g_string_append (out, _("No reminders are sent. "));
  for (guint i = 0; i < n_steps; i++)
    describe_step (out, od_policy_get_step (self, i));

  if (od_policy_get_repeat_every_days (self) > 0 && od_policy_get_repeat_max (self) > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Then repeats every %u days, at most %u time. ",
                                         "Then repeats every %u days, at most %u times. ",
                                         od_policy_get_repeat_max (self)),
                            od_policy_get_repeat_every_days (self),
                            od_policy_get_repeat_max (self));

  {
    guint days = od_policy_get_send_days (self);
    guint start = od_policy_get_send_start (self);
    guint end = od_policy_get_send_end (self);
    const char *which = days == OD_SEND_DAYS_WEEKDAYS ? _("Mon–Fri")
                        : days == 0x7f ? _("every day") : _("on the chosen days");
    g_string_append_printf (out, _("Sends only %s %u:%02u–%u:%02u. "),
                            which, start / 60, start % 60, end / 60, end % 60);
  }

  if (od_policy_get_interest_annual_bp (self) > 0)
    {
      g_autofree char *rate = format_bp (od_policy_get_interest_annual_bp (self));
      g_string_append_printf (out, _("Interest: %s %% a year from the due date. "), rate);
    }
  if (od_policy_get_fixed_compensation_milli (self) > 0)
    {
      g_autofree char *amount = format_milli (od_policy_get_fixed_compensation_milli (self));
      /* Translators: the late-payment compensation of the EU directive */
      g_string_append_printf (out, _("Compensation: %s once an invoice is late. "), amount);
    }
  if (od_policy_get_minimum_milli (self) > 0)
    {
      g_autofree char *amount = format_milli (od_policy_get_minimum_milli (self));
      g_string_append_printf (out, _("Amounts under %s are not chased. "), amount);
    }
  if (od_policy_get_early_discount_bp (self) > 0)
    {
      g_autofree char *rate = format_bp (od_policy_get_early_discount_bp (self));
      g_string_append_printf (out, _("Discount: %s %% when paid within %u days. "),
                              rate, od_policy_get_early_discount_days (self));
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
