/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "od-money.h"
#include "od-policy-field.h"

/* Thousandths: three digits. */
#define MILLI_DIGITS 3

char *
od_policy_field_format_milli (gint64 milli)
{
  const char *point = localeconv ()->decimal_point;
  g_autofree char *text = NULL;
  char *dot;

  if (milli == 0)
    return g_strdup ("");
  text = od_amount_to_string (milli % 10 == 0 ? milli / 10 : milli, milli % 10 == 0 ? 2 : MILLI_DIGITS);
  dot = strchr (text, '.');
  if (dot == NULL || point == NULL || g_str_equal (point, "."))
    return g_steal_pointer (&text);
  *dot = '\0';
  return g_strconcat (text, point, dot + 1, NULL);
}

gboolean
od_policy_field_parse_milli (const char *text,
                             gint64     *out_milli)
{
  g_autofree char *copy = NULL;
  const char *point = localeconv ()->decimal_point;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_milli != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      *out_milli = 0;
      return TRUE;
    }
  /* The locale's decimal point, or a dot typed by habit. */
  if (point != NULL && !g_str_equal (point, "."))
    {
      g_auto(GStrv) parts = g_strsplit (copy, point, 2);

      if (parts[1] != NULL)
        {
          g_free (copy);
          copy = g_strconcat (parts[0], ".", parts[1], NULL);
        }
    }
  return od_amount_parse (copy, MILLI_DIGITS, out_milli, NULL) && *out_milli >= 0;
}

/* The label of a key of the policy file, as the page names the field. */
static const char *
field_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "Offset", N_("Days from the due date") },
    { "Template", N_("Template") },
    { "Fee", N_("Late fee") },
    { "FeePercent", N_("Late fee") },
    { "GraceDays", N_("Grace days") },
    { "MinimumAmount", N_("Smallest amount chased") },
    { "RepeatEveryDays", N_("Repeat the last step every") },
    { "RepeatMax", N_("Repeat at most") },
    { "SendDays", N_("Send days") },
    { "SendHours", N_("Send hours") },
    { "InterestAnnualPercent", N_("Yearly interest") },
    { "FixedCompensation", N_("Late-payment compensation") },
    { "EarlyDiscountPercent", N_("Early-payment discount") },
    { "EarlyDiscountDays", N_("Discount if paid within") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].key, key) == 0)
      return _(labels[i].label);
  return key;
}

gboolean
od_policy_field_parse_error (const char  *message,
                             char       **key,
                             GStrv       *steps,
                             char       **text)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *head = NULL;
  const char *colon;
  const char *p;

  g_return_val_if_fail (message != NULL, FALSE);

  colon = strchr (message, ']');
  colon = colon != NULL ? strstr (colon, ": ") : NULL;
  if (message[0] != '[' || colon == NULL)
    return FALSE;
  head = g_strndup (message, colon - message);
  p = strrchr (head, ']');
  *key = g_strstrip (g_strdup (p + 1));
  *text = g_strdup_printf ("%s: %s", field_label (*key), colon + 2);
  for (p = strstr (head, "[Step "); p != NULL; p = strstr (p + 1, "[Step "))
    {
      const char *end = strchr (p, ']');

      g_autofree char *name = end != NULL ? g_strndup (p + 6, end - p - 6) : NULL;

      if (name != NULL)
        g_strv_builder_add (names, name);
    }
  *steps = g_strv_builder_end (names);
  return TRUE;
}

/* "09:00" for minutes after midnight. */
static gboolean
on_time_output (GtkSpinButton *spin)
{
  gint minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gint
on_time_input (GtkSpinButton *spin,
               double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint hours = 0;
  guint minutes = 0;

  if (sscanf (text, "%u:%u", &hours, &minutes) < 1 || hours > 24 || minutes > 59 ||
      hours * 60 + minutes > 24 * 60)
    return GTK_INPUT_ERROR;
  *new_value = hours * 60 + minutes;
  return TRUE;
}

void
od_policy_field_show_time (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  g_signal_connect (spin, "output", G_CALLBACK (on_time_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input), NULL);
}
