/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The policy's key file (DESIGN.md, "Policy file"): reading names the
 * group and key of whatever is wrong; writing gives back a file that
 * reads as an equal policy. */

#include "od-policy.h"

#include "od-core-resources.h"
#include "od-date.h"
#include "od-money.h"
#include "od-policy-private.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#define POLICY_GROUP "Policy"
#define STEP_PREFIX "Step"
#define DEFAULT_POLICY_PATH "/io/github/overdue/Overdue/policy/default.ini"

static const struct
{
  const char *abbrev;
  const char *full;
} day_names[] = {
  { "Mon", "Monday" },
  { "Tue", "Tuesday" },
  { "Wed", "Wednesday" },
  { "Thu", "Thursday" },
  { "Fri", "Friday" },
  { "Sat", "Saturday" },
  { "Sun", "Sunday" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (day_names) == 7);

static void set_key_error (GError      **error,
                           OdPolicyError code,
                           const char   *group,
                           const char   *key,
                           const char   *format,
                           ...) G_GNUC_PRINTF (5, 6);

static void
set_key_error (GError      **error,
               OdPolicyError code,
               const char   *group,
               const char   *key,
               const char   *format,
               ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OD_POLICY_ERROR, code, _("[%s] %s: %s"), group, key, why);
}

/* Drops an unquoted "# comment" tail (a '#' that starts the value or
 * follows a space), the surrounding blanks and one pair of enclosing
 * quotes. */
static char *
clean_value (const char *raw)
{
  gboolean quoted = FALSE;
  const char *p;
  char *text;
  gsize len;

  for (p = raw; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '#' && !quoted && (p == raw || g_ascii_isspace (p[-1])))
        break;
    }

  text = g_strstrip (g_strndup (raw, p - raw));
  len = strlen (text);
  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    {
      memmove (text, text + 1, len - 2);
      text[len - 2] = '\0';
    }

  return text;
}

/* *@out is NULL when the key is absent. */
static gboolean
lookup (GKeyFile    *key_file,
        const char  *group,
        const char  *key,
        char       **out,
        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;

  *out = NULL;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;

  raw = g_key_file_get_string (key_file, group, key, &local_error);
  if (raw == NULL)
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("the value has an invalid escape sequence (%s)"),
                     local_error->message);
      return FALSE;
    }

  *out = clean_value (raw);

  return TRUE;
}

static gboolean
parse_int (const char  *group,
           const char  *key,
           const char  *text,
           gint         min,
           gint         max,
           gboolean     days,
           gint        *out,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (g_ascii_string_to_signed (text, 10, min, max, &value, &local_error))
    {
      *out = (gint) value;
      return TRUE;
    }

  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR,
                       G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                   _("“%s” is out of range: use %d to %d"), text, min, max);
  else if (days)
    set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                   _("“%s” is not a whole number of days"), text);
  else
    set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                   _("“%s” is not a whole number"), text);

  return FALSE;
}

static gboolean
read_uint (GKeyFile    *key_file,
           const char  *group,
           const char  *key,
           gint         max,
           gboolean     days,
           guint       *out,
           GError     **error)
{
  g_autofree char *text = NULL;
  gint value;

  if (!lookup (key_file, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!parse_int (group, key, text, 0, max, days, &value, error))
    return FALSE;

  *out = (guint) value;

  return TRUE;
}

static gboolean
read_amount (GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             gint64      *out,
             GError     **error)
{
  g_autofree char *text = NULL;
  gint64 milli;

  if (!lookup (key_file, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!od_amount_parse (text, 3, &milli, NULL))
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("“%s” is not an amount such as 15.00 (at most three decimals)"),
                     text);
      return FALSE;
    }

  if (milli < 0)
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("“%s” is negative: use 0 for none"), text);
      return FALSE;
    }

  *out = milli;

  return TRUE;
}

static gboolean
read_percent (GKeyFile    *key_file,
              const char  *group,
              const char  *key,
              gint        *out,
              GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  gint64 basis_points;

  if (!lookup (key_file, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* "2.5%" reads as "2.5". */
  number = g_strdup (text);
  if (g_str_has_suffix (number, "%"))
    number[strlen (number) - 1] = '\0';

  if (!od_amount_parse (number, 2, &basis_points, NULL))
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("“%s” is not a percentage such as 2 or 2.5 (at most two decimals)"),
                     text);
      return FALSE;
    }

  if (basis_points < 0)
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("“%s” is negative: use 0 for none"), text);
      return FALSE;
    }

  if (basis_points > OD_POLICY_MAX_BP)
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, key,
                     _("“%s” is more than 100 percent"), text);
      return FALSE;
    }

  *out = (gint) basis_points;

  return TRUE;
}

/* The items of a ;-list, blanks trimmed, empty items dropped. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
read_send_days (GKeyFile    *key_file,
                OdPolicy    *policy,
                GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) items = NULL;
  guint days = 0;

  if (!lookup (key_file, POLICY_GROUP, "SendDays", &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  items = split_list (text);
  for (guint i = 0; items[i] != NULL; i++)
    {
      guint day;

      for (day = 0; day < G_N_ELEMENTS (day_names); day++)
        {
          if (g_ascii_strcasecmp (items[i], day_names[day].abbrev) == 0 ||
              g_ascii_strcasecmp (items[i], day_names[day].full) == 0)
            break;
        }

      if (day == G_N_ELEMENTS (day_names))
        {
          set_key_error (error, OD_POLICY_ERROR_INVALID, POLICY_GROUP, "SendDays",
                         _("“%s” is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
                         items[i]);
          return FALSE;
        }

      days |= 1u << day;
    }

  od_policy_set_send_days (policy, days);

  return TRUE;
}

/* "9:00", "09:30", "24:00" */
static gboolean
parse_clock (const char *text,
             guint      *out_minute)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 hour;
  guint64 minute;

  if (g_strv_length (parts) != 2)
    return FALSE;

  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  if (strlen (parts[0]) < 1 || strlen (parts[0]) > 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &hour, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minute, NULL) ||
      (hour == 24 && minute != 0))
    return FALSE;

  *out_minute = (guint) (hour * 60 + minute);

  return TRUE;
}

static gboolean
read_send_hours (GKeyFile    *key_file,
                 OdPolicy    *policy,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  guint start;
  guint end;

  if (!lookup (key_file, POLICY_GROUP, "SendHours", &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) != 2 ||
      !parse_clock (parts[0], &start) ||
      !parse_clock (parts[1], &end))
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, POLICY_GROUP, "SendHours",
                     _("“%s” is not a time range such as 09:00-17:00"), text);
      return FALSE;
    }

  /* Start ≥ end is od_policy_validate()'s to report. */
  od_policy_set_send_hours (policy, start, end);

  return TRUE;
}

static gboolean
read_holidays (GKeyFile    *key_file,
               OdPolicy    *policy,
               GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) items = NULL;

  if (!lookup (key_file, POLICY_GROUP, "Holidays", &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  items = split_list (text);
  for (guint i = 0; items[i] != NULL; i++)
    {
      GDate date;

      if (!od_date_parse_iso (items[i], &date, NULL))
        {
          set_key_error (error, OD_POLICY_ERROR_INVALID, POLICY_GROUP, "Holidays",
                         _("“%s” is not a date such as 2026-12-25"), items[i]);
          return FALSE;
        }

      od_policy_add_holiday (policy, &date);
    }

  return TRUE;
}

static gboolean
read_policy_group (GKeyFile  *key_file,
                   OdPolicy  *policy,
                   GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *time_zone = NULL;
  guint grace_days = od_policy_get_grace_days (policy);
  gint64 minimum = od_policy_get_minimum_milli (policy);
  guint every = od_policy_get_repeat_every_days (policy);
  guint max = od_policy_get_repeat_max (policy);
  gint discount_bp = od_policy_get_early_discount_bp (policy);
  guint discount_days = od_policy_get_early_discount_days (policy);
  gint interest_bp = od_policy_get_interest_annual_bp (policy);
  gint64 compensation = od_policy_get_fixed_compensation_milli (policy);
  guint instalment_grace = od_policy_get_instalment_grace_days (policy);

  if (!lookup (key_file, POLICY_GROUP, "Name", &name, error) ||
      !read_uint (key_file, POLICY_GROUP, "GraceDays", OD_POLICY_MAX_DAYS, TRUE, &grace_days, error) ||
      !read_amount (key_file, POLICY_GROUP, "MinimumAmount", &minimum, error) ||
      !read_send_days (key_file, policy, error) ||
      !read_send_hours (key_file, policy, error) ||
      !lookup (key_file, POLICY_GROUP, "TimeZone", &time_zone, error) ||
      !read_holidays (key_file, policy, error) ||
      !read_uint (key_file, POLICY_GROUP, "RepeatEveryDays", OD_POLICY_MAX_DAYS, TRUE, &every, error) ||
      !read_uint (key_file, POLICY_GROUP, "RepeatMax", OD_POLICY_MAX_REPEATS, FALSE, &max, error) ||
      !read_percent (key_file, POLICY_GROUP, "EarlyDiscountPercent", &discount_bp, error) ||
      !read_uint (key_file, POLICY_GROUP, "EarlyDiscountDays", OD_POLICY_MAX_DAYS, TRUE, &discount_days, error) ||
      !read_percent (key_file, POLICY_GROUP, "InterestAnnualPercent", &interest_bp, error) ||
      !read_amount (key_file, POLICY_GROUP, "FixedCompensation", &compensation, error) ||
      !read_uint (key_file, POLICY_GROUP, "InstalmentGraceDays", OD_POLICY_MAX_DAYS, TRUE, &instalment_grace, error))
    return FALSE;

  od_policy_set_name (policy, name);
  od_policy_set_grace_days (policy, grace_days);
  od_policy_set_minimum_milli (policy, minimum);
  od_policy_set_time_zone (policy, time_zone);
  od_policy_set_repeat (policy, every, max);
  od_policy_set_early_discount (policy, discount_bp, discount_days);
  od_policy_set_interest_annual_bp (policy, interest_bp);
  od_policy_set_fixed_compensation_milli (policy, compensation);
  od_policy_set_instalment_grace_days (policy, instalment_grace);

  return TRUE;
}

static gboolean
read_channels (GKeyFile      *key_file,
               const char    *group,
               OdPolicyStep  *step,
               GError       **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) items = NULL;
  OdChannel channels[4];
  guint n_channels = 0;

  if (!lookup (key_file, group, "Channel", &text, error))
    return FALSE;

  if (text == NULL)
    {
      set_key_error (error, OD_POLICY_ERROR_MISSING, group, "Channel",
                     _("missing: name email, sms, letter or call, in fallback order"));
      return FALSE;
    }

  items = split_list (text);
  if (items[0] == NULL)
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, "Channel",
                     _("at least one channel is needed: email, sms, letter or call"));
      return FALSE;
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (items[i], -1);
      OdChannel channel;

      if (!od_channel_from_string (lower, &channel) ||
          (channel != OD_CHANNEL_EMAIL && channel != OD_CHANNEL_SMS &&
           channel != OD_CHANNEL_LETTER && channel != OD_CHANNEL_CALL))
        {
          set_key_error (error, OD_POLICY_ERROR_INVALID, group, "Channel",
                         _("“%s” is not a channel: use email, sms, letter or call"),
                         items[i]);
          return FALSE;
        }

      for (guint j = 0; j < n_channels; j++)
        {
          if (channels[j] == channel)
            {
              set_key_error (error, OD_POLICY_ERROR_INVALID, group, "Channel",
                             _("“%s” is named twice"), items[i]);
              return FALSE;
            }
        }

      channels[n_channels++] = channel;
    }

  od_policy_step_set_channels (step, channels, n_channels);

  return TRUE;
}

static gboolean
read_review (GKeyFile      *key_file,
             const char    *group,
             OdPolicyStep  *step,
             GError       **error)
{
  g_autofree char *text = NULL;

  if (!lookup (key_file, group, "Review", &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0 ||
      g_ascii_strcasecmp (text, "yes") == 0 ||
      g_strcmp0 (text, "1") == 0)
    od_policy_step_set_review (step, TRUE);
  else if (g_ascii_strcasecmp (text, "false") == 0 ||
           g_ascii_strcasecmp (text, "no") == 0 ||
           g_strcmp0 (text, "0") == 0)
    od_policy_step_set_review (step, FALSE);
  else
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, "Review",
                     _("“%s” is neither true nor false"), text);
      return FALSE;
    }

  return TRUE;
}

static OdPolicyStep *
read_step (GKeyFile    *key_file,
           const char  *group,
           GError     **error)
{
  g_autoptr(OdPolicyStep) step = NULL;
  g_autofree char *name = NULL;
  g_autofree char *offset_text = NULL;
  g_autofree char *template_name = NULL;
  gint offset;
  gint64 fee = 0;
  gint fee_bp = 0;

  name = g_strstrip (g_strdup (group + strlen (STEP_PREFIX)));
  if (name[0] == '\0')
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("[%s] A step needs a name, e.g. [Step final-notice]"), group);
      return NULL;
    }

  step = od_policy_step_new (name);

  if (!lookup (key_file, group, "Offset", &offset_text, error))
    return NULL;

  if (offset_text == NULL)
    {
      set_key_error (error, OD_POLICY_ERROR_MISSING, group, "Offset",
                     _("missing: the days from the due date, e.g. 11, or -3 for before it"));
      return NULL;
    }

  if (!parse_int (group, "Offset", offset_text,
                  -OD_POLICY_MAX_DAYS, OD_POLICY_MAX_DAYS, TRUE, &offset, error) ||
      !read_channels (key_file, group, step, error) ||
      !lookup (key_file, group, "Template", &template_name, error) ||
      !read_amount (key_file, group, "Fee", &fee, error) ||
      !read_percent (key_file, group, "FeePercent", &fee_bp, error) ||
      !read_review (key_file, group, step, error))
    return NULL;

  if (template_name != NULL && template_name[0] == '\0')
    {
      set_key_error (error, OD_POLICY_ERROR_INVALID, group, "Template",
                     _("the template name is empty: leave the key out to use “%s”"),
                     name);
      return NULL;
    }

  od_policy_step_set_offset_days (step, offset);
  if (template_name != NULL)
    od_policy_step_set_template (step, template_name);
  od_policy_step_set_fee_milli (step, fee);
  od_policy_step_set_fee_bp (step, fee_bp);

  return g_steal_pointer (&step);
}

static gboolean
is_step_group (const char *group)
{
  return g_str_has_prefix (group, STEP_PREFIX) &&
         (group[strlen (STEP_PREFIX)] == '\0' ||
          g_ascii_isspace (group[strlen (STEP_PREFIX)]));
}

/* A string written so that clean_value() gives it back. */
static void
set_string (GKeyFile   *key_file,
            const char *group,
            const char *key,
            const char *value)
{
  gsize len = strlen (value);

  if (strchr (value, '#') != NULL || value[0] == '"' ||
      (len > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1]))))
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", value);

      g_key_file_set_string (key_file, group, key, quoted);
    }
  else
    g_key_file_set_string (key_file, group, key, value);
}

/* "Mon;Tue", without GKeyFile's trailing separator. */
static void
set_list (GKeyFile     *key_file,
          const char   *group,
          const char   *key,
          GStrvBuilder *builder)
{
  g_auto(GStrv) items = g_strv_builder_end (builder);
  g_autofree char *text = g_strjoinv (";", items);

  g_key_file_set_value (key_file, group, key, text);
}

static void
set_amount (GKeyFile   *key_file,
            const char *group,
            const char *key,
            gint64      milli)
{
  g_autofree char *text = _od_policy_format_amount (milli);

  g_key_file_set_value (key_file, group, key, text);
}

static void
set_percent (GKeyFile   *key_file,
             const char *group,
             const char *key,
             gint        basis_points)
{
  g_autofree char *text = _od_policy_format_percent (basis_points);

  g_key_file_set_value (key_file, group, key, text);
}

char *
_od_policy_format_amount (gint64 milli)
{
  if (milli % 10 == 0)
    return od_amount_to_string (milli / 10, 2);

  return od_amount_to_string (milli, 3);
}

char *
_od_policy_format_percent (gint basis_points)
{
  char *text;
  gsize len;

  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d", basis_points / 100);

  text = od_amount_to_string (basis_points, 2);
  len = strlen (text);
  if (len > 0 && text[len - 1] == '0')
    text[len - 1] = '\0';

  return text;
}

char *
_od_policy_format_hours (guint start_minute,
                         guint end_minute)
{
  return g_strdup_printf ("%02u:%02u-%02u:%02u",
                          start_minute / 60, start_minute % 60,
                          end_minute / 60, end_minute % 60);
}

/**
 * od_policy_new_default:
 *
 * Returns: (transfer full): the policy that ships with Overdue
 */
OdPolicy *
od_policy_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  OdPolicy *policy;
  gconstpointer data;
  gsize size;

  /* Looked up in our own GResource, which also keeps it linked in from
   * the static library. */
  bytes = g_resource_lookup_data (od_core_get_resource (), DEFAULT_POLICY_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The shipped policy is missing: %s", error->message);

  data = g_bytes_get_data (bytes, &size);
  policy = od_policy_new_from_data (data, size, &error);
  if (policy == NULL)
    g_error ("The shipped policy does not read: %s", error->message);

  return policy;
}

/**
 * od_policy_new_from_key_file:
 * @key_file: a key file with a [Policy] group and [Step NAME] groups
 * @error: return location for an error
 *
 * Keys not named in DESIGN.md are ignored, so that newer files still
 * read; missing keys take od_policy_new()'s values.
 *
 * Returns: (transfer full) (nullable): a valid policy, or %NULL
 */
OdPolicy *
od_policy_new_from_key_file (GKeyFile  *key_file,
                             GError   **error)
{
  g_autoptr(OdPolicy) policy = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_has_group (key_file, POLICY_GROUP))
    {
      g_set_error_literal (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING,
                           _("[Policy] The group is missing: a policy file starts with [Policy] and its Name"));
      return NULL;
    }

  policy = od_policy_new (NULL);
  if (!read_policy_group (key_file, policy, error))
    return NULL;

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(OdPolicyStep) step = NULL;

      if (!is_step_group (groups[i]))
        continue;

      step = read_step (key_file, groups[i], error);
      if (step == NULL)
        return NULL;

      od_policy_add_step (policy, step);
    }

  if (!od_policy_validate (policy, error))
    return NULL;

  return g_steal_pointer (&policy);
}

/**
 * od_policy_new_from_data:
 * @data: the key file's text
 * @length: its length, or -1 when NUL-terminated
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a valid policy, or %NULL
 */
OdPolicy *
od_policy_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE,
                                  &local_error))
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("Not a policy key file: %s"), local_error->message);
      return NULL;
    }

  return od_policy_new_from_key_file (key_file, error);
}

/**
 * od_policy_to_key_file:
 * @self: a policy
 *
 * Returns: (transfer full): the policy as DESIGN.md writes it
 */
GKeyFile *
od_policy_to_key_file (OdPolicy *self)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GStrvBuilder) days = NULL;
  g_autofree char *hours = NULL;
  const GDate *holidays;
  guint n_holidays;

  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  key_file = g_key_file_new ();

  set_string (key_file, POLICY_GROUP, "Name",
              od_policy_get_name (self) != NULL ? od_policy_get_name (self) : "");
  g_key_file_set_uint64 (key_file, POLICY_GROUP, "GraceDays",
                         od_policy_get_grace_days (self));
  set_amount (key_file, POLICY_GROUP, "MinimumAmount",
              od_policy_get_minimum_milli (self));

  days = g_strv_builder_new ();
  for (guint day = 0; day < G_N_ELEMENTS (day_names); day++)
    {
      if (od_policy_get_send_days (self) & (1u << day))
        g_strv_builder_add (days, day_names[day].abbrev);
    }
  set_list (key_file, POLICY_GROUP, "SendDays", days);

  hours = _od_policy_format_hours (od_policy_get_send_start (self),
                                   od_policy_get_send_end (self));
  g_key_file_set_value (key_file, POLICY_GROUP, "SendHours", hours);

  if (od_policy_get_time_zone (self) != NULL)
    g_key_file_set_string (key_file, POLICY_GROUP, "TimeZone",
                           od_policy_get_time_zone (self));

  holidays = od_policy_get_holidays (self, &n_holidays);
  if (n_holidays > 0)
    {
      g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

      for (guint i = 0; i < n_holidays; i++)
        {
          g_autofree char *iso = od_date_to_iso (&holidays[i]);

          g_strv_builder_add (dates, iso);
        }

      set_list (key_file, POLICY_GROUP, "Holidays", dates);
    }

  g_key_file_set_uint64 (key_file, POLICY_GROUP, "RepeatEveryDays",
                         od_policy_get_repeat_every_days (self));
  g_key_file_set_uint64 (key_file, POLICY_GROUP, "RepeatMax",
                         od_policy_get_repeat_max (self));
  set_percent (key_file, POLICY_GROUP, "EarlyDiscountPercent",
               od_policy_get_early_discount_bp (self));
  g_key_file_set_uint64 (key_file, POLICY_GROUP, "EarlyDiscountDays",
                         od_policy_get_early_discount_days (self));
  set_percent (key_file, POLICY_GROUP, "InterestAnnualPercent",
               od_policy_get_interest_annual_bp (self));
  set_amount (key_file, POLICY_GROUP, "FixedCompensation",
              od_policy_get_fixed_compensation_milli (self));
  g_key_file_set_uint64 (key_file, POLICY_GROUP, "InstalmentGraceDays",
                         od_policy_get_instalment_grace_days (self));

  for (guint i = 0; i < od_policy_get_n_steps (self); i++)
    {
      OdPolicyStep *step = od_policy_get_step (self, i);
      g_autofree char *group = g_strdup_printf (STEP_PREFIX " %s",
                                                od_policy_step_get_name (step));
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      const OdChannel *channels;
      guint n_channels;

      g_key_file_set_integer (key_file, group, "Offset",
                              od_policy_step_get_offset_days (step));

      channels = od_policy_step_get_channels (step, &n_channels);
      for (guint j = 0; j < n_channels; j++)
        g_strv_builder_add (names, od_channel_to_string (channels[j]));
      set_list (key_file, group, "Channel", names);

      set_string (key_file, group, "Template",
                  od_policy_step_get_template (step) != NULL
                    ? od_policy_step_get_template (step) : "");
      set_amount (key_file, group, "Fee", od_policy_step_get_fee_milli (step));
      set_percent (key_file, group, "FeePercent", od_policy_step_get_fee_bp (step));
      g_key_file_set_boolean (key_file, group, "Review",
                              od_policy_step_get_review (step));
    }

  return g_steal_pointer (&key_file);
}

/**
 * od_policy_to_data:
 * @self: a policy
 * @length: (out) (optional): the text's length
 *
 * Returns: (transfer full): the policy's key file text
 */
char *
od_policy_to_data (OdPolicy *self,
                   gsize    *length)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  key_file = od_policy_to_key_file (self);

  return g_key_file_to_data (key_file, length, NULL);
}
