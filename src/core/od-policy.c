/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-policy.h"

#include "od-money.h"
#include "od-policy-private.h"

#include <glib/gi18n-lib.h>

#define MINUTES_PER_DAY (24 * 60)

struct _OdPolicy
{
  GObject parent_instance;

  gint64     id;
  char      *name;
  guint      grace_days;
  gint64     minimum_milli;
  guint      send_days;
  guint      send_start;
  guint      send_end;
  char      *time_zone;
  guint      repeat_every_days;
  guint      repeat_max;
  gint       early_discount_bp;
  guint      early_discount_days;
  gint       interest_annual_bp;
  gint64     fixed_compensation_milli;
  guint      instalment_grace_days;
  GArray    *holidays;  /* GDate, sorted, unique */
  GPtrArray *steps;     /* OdPolicyStep, sorted by offset */
};

G_DEFINE_FINAL_TYPE (OdPolicy, od_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GRACE_DAYS,
  PROP_MINIMUM_MILLI,
  PROP_SEND_DAYS,
  PROP_SEND_START,
  PROP_SEND_END,
  PROP_TIME_ZONE,
  PROP_REPEAT_EVERY_DAYS,
  PROP_REPEAT_MAX,
  PROP_EARLY_DISCOUNT_BP,
  PROP_EARLY_DISCOUNT_DAYS,
  PROP_INTEREST_ANNUAL_BP,
  PROP_FIXED_COMPENSATION_MILLI,
  PROP_INSTALMENT_GRACE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (od-policy-error-quark, od_policy_error)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static void
set_guint (OdPolicy *self,
           guint    *field,
           guint     value,
           guint     prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_gint (OdPolicy *self,
          gint     *field,
          gint      value,
          guint     prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_gint64 (OdPolicy *self,
            gint64   *field,
            gint64    value,
            guint     prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
check_percent (gint         basis_points,
               const char  *group,
               const char  *key,
               GError     **error)
{
  g_autofree char *text = NULL;

  if (basis_points >= 0 && basis_points <= OD_POLICY_MAX_BP)
    return TRUE;

  text = _od_policy_format_percent (basis_points);
  if (basis_points < 0)
    g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                 _("[%s] %s: %s%% is negative: use 0 for none"),
                 group, key, text);
  else
    g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                 _("[%s] %s: %s%% is more than 100%%"),
                 group, key, text);

  return FALSE;
}

static gboolean
check_amount (gint64       milli,
              const char  *group,
              const char  *key,
              GError     **error)
{
  g_autofree char *text = NULL;

  if (milli >= 0)
    return TRUE;

  text = _od_policy_format_amount (milli);
  g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
               _("[%s] %s: %s is negative: use 0 for none"),
               group, key, text);

  return FALSE;
}

static gboolean
check_days (guint        days,
            const char  *group,
            const char  *key,
            GError     **error)
{
  if (days <= OD_POLICY_MAX_DAYS)
    return TRUE;

  g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
               _("[%s] %s: %u days is more than %d"),
               group, key, days, OD_POLICY_MAX_DAYS);

  return FALSE;
}

static gboolean
check_step (OdPolicyStep  *step,
            GError       **error)
{
  g_autofree char *group = g_strdup_printf ("Step %s",
                                            od_policy_step_get_name (step));
  gint offset = od_policy_step_get_offset_days (step);

  if (offset < -OD_POLICY_MAX_DAYS || offset > OD_POLICY_MAX_DAYS)
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("[%s] %s: %d days is more than %d days from the due date"),
                   group, "Offset", offset, OD_POLICY_MAX_DAYS);
      return FALSE;
    }

  if (is_blank (od_policy_step_get_template (step)))
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING,
                   _("[%s] %s: a template is required, e.g. %s"),
                   group, "Template", od_policy_step_get_name (step));
      return FALSE;
    }

  return check_amount (od_policy_step_get_fee_milli (step), group, "Fee", error) &&
         check_percent (od_policy_step_get_fee_bp (step), group, "FeePercent", error);
}

static gint
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

static void
od_policy_finalize (GObject *object)
{
  OdPolicy *self = OD_POLICY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (od_policy_parent_class)->finalize (object);
}

static void
od_policy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OdPolicy *self = OD_POLICY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GRACE_DAYS:
      g_value_set_uint (value, self->grace_days);
      break;

    case PROP_MINIMUM_MILLI:
      g_value_set_int64 (value, self->minimum_milli);
      break;

    case PROP_SEND_DAYS:
      g_value_set_uint (value, self->send_days);
      break;

    case PROP_SEND_START:
      g_value_set_uint (value, self->send_start);
      break;

    case PROP_SEND_END:
      g_value_set_uint (value, self->send_end);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_REPEAT_EVERY_DAYS:
      g_value_set_uint (value, self->repeat_every_days);
      break;

    case PROP_REPEAT_MAX:
      g_value_set_uint (value, self->repeat_max);
      break;

    case PROP_EARLY_DISCOUNT_BP:
      g_value_set_int (value, self->early_discount_bp);
      break;

    case PROP_EARLY_DISCOUNT_DAYS:
      g_value_set_uint (value, self->early_discount_days);
      break;

    case PROP_INTEREST_ANNUAL_BP:
      g_value_set_int (value, self->interest_annual_bp);
      break;

    case PROP_FIXED_COMPENSATION_MILLI:
      g_value_set_int64 (value, self->fixed_compensation_milli);
      break;

    case PROP_INSTALMENT_GRACE_DAYS:
      g_value_set_uint (value, self->instalment_grace_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_policy_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OdPolicy *self = OD_POLICY (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_policy_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      od_policy_set_name (self, g_value_get_string (value));
      break;

    case PROP_GRACE_DAYS:
      od_policy_set_grace_days (self, g_value_get_uint (value));
      break;

    case PROP_MINIMUM_MILLI:
      od_policy_set_minimum_milli (self, g_value_get_int64 (value));
      break;

    case PROP_SEND_DAYS:
      od_policy_set_send_days (self, g_value_get_uint (value));
      break;

    case PROP_SEND_START:
      set_guint (self, &self->send_start, g_value_get_uint (value), PROP_SEND_START);
      break;

    case PROP_SEND_END:
      set_guint (self, &self->send_end, g_value_get_uint (value), PROP_SEND_END);
      break;

    case PROP_TIME_ZONE:
      od_policy_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_REPEAT_EVERY_DAYS:
      set_guint (self, &self->repeat_every_days, g_value_get_uint (value),
                 PROP_REPEAT_EVERY_DAYS);
      break;

    case PROP_REPEAT_MAX:
      set_guint (self, &self->repeat_max, g_value_get_uint (value), PROP_REPEAT_MAX);
      break;

    case PROP_EARLY_DISCOUNT_BP:
      set_gint (self, &self->early_discount_bp, g_value_get_int (value),
                PROP_EARLY_DISCOUNT_BP);
      break;

    case PROP_EARLY_DISCOUNT_DAYS:
      set_guint (self, &self->early_discount_days, g_value_get_uint (value),
                 PROP_EARLY_DISCOUNT_DAYS);
      break;

    case PROP_INTEREST_ANNUAL_BP:
      od_policy_set_interest_annual_bp (self, g_value_get_int (value));
      break;

    case PROP_FIXED_COMPENSATION_MILLI:
      od_policy_set_fixed_compensation_milli (self, g_value_get_int64 (value));
      break;

    case PROP_INSTALMENT_GRACE_DAYS:
      od_policy_set_instalment_grace_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_policy_class_init (OdPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                            G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = od_policy_finalize;
  object_class->get_property = od_policy_get_property;
  object_class->set_property = od_policy_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GRACE_DAYS] =
    g_param_spec_uint ("grace-days", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MINIMUM_MILLI] =
    g_param_spec_int64 ("minimum-milli", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SEND_DAYS] =
    g_param_spec_uint ("send-days", NULL, NULL,
                       0, 0x7f, OD_SEND_DAYS_WEEKDAYS, flags);
  properties[PROP_SEND_START] =
    g_param_spec_uint ("send-start", NULL, NULL,
                       0, MINUTES_PER_DAY, 9 * 60, flags);
  properties[PROP_SEND_END] =
    g_param_spec_uint ("send-end", NULL, NULL,
                       0, MINUTES_PER_DAY, 17 * 60, flags);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);
  properties[PROP_REPEAT_EVERY_DAYS] =
    g_param_spec_uint ("repeat-every-days", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REPEAT_MAX] =
    g_param_spec_uint ("repeat-max", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EARLY_DISCOUNT_BP] =
    g_param_spec_int ("early-discount-bp", NULL, NULL,
                      G_MININT, G_MAXINT, 0, flags);
  properties[PROP_EARLY_DISCOUNT_DAYS] =
    g_param_spec_uint ("early-discount-days", NULL, NULL,
                       0, G_MAXUINT, 0, flags);
  properties[PROP_INTEREST_ANNUAL_BP] =
    g_param_spec_int ("interest-annual-bp", NULL, NULL,
                      G_MININT, G_MAXINT, 0, flags);
  properties[PROP_FIXED_COMPENSATION_MILLI] =
    g_param_spec_int64 ("fixed-compensation-milli", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_INSTALMENT_GRACE_DAYS] =
    g_param_spec_uint ("instalment-grace-days", NULL, NULL,
                       0, G_MAXUINT, 5, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_policy_init (OdPolicy *self)
{
  self->send_days = OD_SEND_DAYS_WEEKDAYS;
  self->send_start = 9 * 60;
  self->send_end = 17 * 60;
  self->instalment_grace_days = 5;
  self->holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * od_policy_new:
 * @name: what the owner calls the policy
 *
 * Returns: (transfer full): a policy without steps that sends on
 *   weekdays from 09:00 to 17:00 and charges nothing
 */
OdPolicy *
od_policy_new (const char *name)
{
  return g_object_new (OD_TYPE_POLICY, "name", name, NULL);
}

/**
 * od_policy_validate:
 * @self: a policy
 * @error: return location for an error
 *
 * Checks the rules a policy must keep whatever it was built from. The
 * message names the key-file group and key to fix.
 *
 * Returns: %TRUE when the engine can follow the policy
 */
gboolean
od_policy_validate (OdPolicy  *self,
                    GError   **error)
{
  g_return_val_if_fail (OD_IS_POLICY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->name))
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING,
                   _("[%s] %s: a name is required, e.g. Standard"),
                   "Policy", "Name");
      return FALSE;
    }

  if (!check_days (self->grace_days, "Policy", "GraceDays", error) ||
      !check_amount (self->minimum_milli, "Policy", "MinimumAmount", error))
    return FALSE;

  if (self->send_days == 0 || self->send_days > 0x7f)
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("[%s] %s: at least one day is needed, e.g. Mon;Tue;Wed;Thu;Fri"),
                   "Policy", "SendDays");
      return FALSE;
    }

  if (self->send_start >= self->send_end || self->send_end > MINUTES_PER_DAY)
    {
      g_autofree char *hours = _od_policy_format_hours (self->send_start,
                                                        self->send_end);

      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("[%s] %s: “%s” must start before it ends, within one day, e.g. 09:00-17:00"),
                   "Policy", "SendHours", hours);
      return FALSE;
    }

  if (self->time_zone != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (self->time_zone);

      if (tz == NULL)
        {
          g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                       _("[%s] %s: “%s” is not a known IANA time zone such as Europe/Berlin"),
                       "Policy", "TimeZone", self->time_zone);
          return FALSE;
        }
    }

  if (!check_days (self->repeat_every_days, "Policy", "RepeatEveryDays", error))
    return FALSE;

  if (self->repeat_max > OD_POLICY_MAX_REPEATS)
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_INVALID,
                   _("[%s] %s: %u repeats is more than %d"),
                   "Policy", "RepeatMax", self->repeat_max, OD_POLICY_MAX_REPEATS);
      return FALSE;
    }

  if (self->repeat_max > 0 && self->repeat_every_days == 0)
    {
      g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING,
                   _("[%s] %s: repeating needs RepeatEveryDays, the days between repeats"),
                   "Policy", "RepeatMax");
      return FALSE;
    }

  if (!check_percent (self->early_discount_bp, "Policy", "EarlyDiscountPercent", error) ||
      !check_days (self->early_discount_days, "Policy", "EarlyDiscountDays", error) ||
      !check_percent (self->interest_annual_bp, "Policy", "InterestAnnualPercent", error) ||
      !check_amount (self->fixed_compensation_milli, "Policy", "FixedCompensation", error) ||
      !check_days (self->instalment_grace_days, "Policy", "InstalmentGraceDays", error))
    return FALSE;

  if (self->steps->len == 0)
    {
      g_set_error_literal (error, OD_POLICY_ERROR, OD_POLICY_ERROR_MISSING,
                           _("The policy has no steps: add a [Step NAME] group with an Offset and a Channel"));
      return FALSE;
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      OdPolicyStep *step = g_ptr_array_index (self->steps, i);

      if (!check_step (step, error))
        return FALSE;

      /* Sorted by offset, so a shared offset sits next door. */
      if (i > 0)
        {
          OdPolicyStep *previous = g_ptr_array_index (self->steps, i - 1);
          gint offset = od_policy_step_get_offset_days (step);

          if (od_policy_step_get_offset_days (previous) == offset)
            {
              g_set_error (error, OD_POLICY_ERROR, OD_POLICY_ERROR_OVERLAP,
                           _("[Step %s] and [Step %s] %s: both are on day %d from the due date; give each step a day of its own"),
                           od_policy_step_get_name (previous),
                           od_policy_step_get_name (step),
                           "Offset", offset);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gint64
od_policy_get_id (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->id;
}

void
od_policy_set_id (OdPolicy *self,
                  gint64    id)
{
  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (id >= 0);

  set_gint64 (self, &self->id, id, PROP_ID);
}

const char *
od_policy_get_name (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  return self->name;
}

void
od_policy_set_name (OdPolicy   *self,
                    const char *name)
{
  g_return_if_fail (OD_IS_POLICY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
od_policy_get_grace_days (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->grace_days;
}

void
od_policy_set_grace_days (OdPolicy *self,
                          guint     days)
{
  g_return_if_fail (OD_IS_POLICY (self));

  set_guint (self, &self->grace_days, days, PROP_GRACE_DAYS);
}

gint64
od_policy_get_minimum_milli (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->minimum_milli;
}

void
od_policy_set_minimum_milli (OdPolicy *self,
                             gint64    milli)
{
  g_return_if_fail (OD_IS_POLICY (self));

  set_gint64 (self, &self->minimum_milli, milli, PROP_MINIMUM_MILLI);
}

guint
od_policy_get_send_days (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->send_days;
}

void
od_policy_set_send_days (OdPolicy *self,
                         guint     days)
{
  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (days <= 0x7f);

  set_guint (self, &self->send_days, days, PROP_SEND_DAYS);
}

guint
od_policy_get_send_start (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->send_start;
}

guint
od_policy_get_send_end (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->send_end;
}

/**
 * od_policy_set_send_hours:
 * @self: a policy
 * @start_minute: minutes after midnight when sending may start
 * @end_minute: minutes after midnight when it stops (up to 1440)
 */
void
od_policy_set_send_hours (OdPolicy *self,
                          guint     start_minute,
                          guint     end_minute)
{
  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (start_minute <= MINUTES_PER_DAY);
  g_return_if_fail (end_minute <= MINUTES_PER_DAY);

  g_object_freeze_notify (G_OBJECT (self));
  set_guint (self, &self->send_start, start_minute, PROP_SEND_START);
  set_guint (self, &self->send_end, end_minute, PROP_SEND_END);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
od_policy_get_time_zone (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  return self->time_zone;
}

/**
 * od_policy_set_time_zone:
 * @self: a policy
 * @identifier: (nullable): an IANA time zone, or %NULL (or "") for the
 *   system's
 */
void
od_policy_set_time_zone (OdPolicy   *self,
                         const char *identifier)
{
  g_return_if_fail (OD_IS_POLICY (self));

  if (identifier != NULL && identifier[0] == '\0')
    identifier = NULL;

  if (g_strcmp0 (self->time_zone, identifier) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (identifier);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

guint
od_policy_get_repeat_every_days (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->repeat_every_days;
}

guint
od_policy_get_repeat_max (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->repeat_max;
}

void
od_policy_set_repeat (OdPolicy *self,
                      guint     every_days,
                      guint     max)
{
  g_return_if_fail (OD_IS_POLICY (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_guint (self, &self->repeat_every_days, every_days, PROP_REPEAT_EVERY_DAYS);
  set_guint (self, &self->repeat_max, max, PROP_REPEAT_MAX);
  g_object_thaw_notify (G_OBJECT (self));
}

gint
od_policy_get_early_discount_bp (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->early_discount_bp;
}

guint
od_policy_get_early_discount_days (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->early_discount_days;
}

void
od_policy_set_early_discount (OdPolicy *self,
                              gint      basis_points,
                              guint     days)
{
  g_return_if_fail (OD_IS_POLICY (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_gint (self, &self->early_discount_bp, basis_points, PROP_EARLY_DISCOUNT_BP);
  set_guint (self, &self->early_discount_days, days, PROP_EARLY_DISCOUNT_DAYS);
  g_object_thaw_notify (G_OBJECT (self));
}

gint
od_policy_get_interest_annual_bp (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->interest_annual_bp;
}

void
od_policy_set_interest_annual_bp (OdPolicy *self,
                                  gint      basis_points)
{
  g_return_if_fail (OD_IS_POLICY (self));

  set_gint (self, &self->interest_annual_bp, basis_points, PROP_INTEREST_ANNUAL_BP);
}

gint64
od_policy_get_fixed_compensation_milli (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->fixed_compensation_milli;
}

void
od_policy_set_fixed_compensation_milli (OdPolicy *self,
                                        gint64    milli)
{
  g_return_if_fail (OD_IS_POLICY (self));

  set_gint64 (self, &self->fixed_compensation_milli, milli,
              PROP_FIXED_COMPENSATION_MILLI);
}

guint
od_policy_get_instalment_grace_days (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->instalment_grace_days;
}

void
od_policy_set_instalment_grace_days (OdPolicy *self,
                                     guint     days)
{
  g_return_if_fail (OD_IS_POLICY (self));

  set_guint (self, &self->instalment_grace_days, days, PROP_INSTALMENT_GRACE_DAYS);
}

/**
 * od_policy_get_holidays:
 * @self: a policy
 * @n_holidays: (out): how many dates
 *
 * Returns: (array length=n_holidays) (transfer none): the dates, sorted
 */
const GDate *
od_policy_get_holidays (OdPolicy *self,
                        guint    *n_holidays)
{
  g_return_val_if_fail (OD_IS_POLICY (self), NULL);
  g_return_val_if_fail (n_holidays != NULL, NULL);

  *n_holidays = self->holidays->len;

  return (const GDate *) (gpointer) self->holidays->data;
}

void
od_policy_add_holiday (OdPolicy    *self,
                       const GDate *date)
{
  guint index = 0;

  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_array_binary_search (self->holidays, date, compare_dates, &index))
    return;

  for (index = 0; index < self->holidays->len; index++)
    {
      if (g_date_compare (&g_array_index (self->holidays, GDate, index), date) > 0)
        break;
    }

  g_array_insert_val (self->holidays, index, *date);
}

gboolean
od_policy_is_holiday (OdPolicy    *self,
                      const GDate *date)
{
  g_return_val_if_fail (OD_IS_POLICY (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_array_binary_search (self->holidays, date, compare_dates, NULL);
}

guint
od_policy_get_n_steps (OdPolicy *self)
{
  g_return_val_if_fail (OD_IS_POLICY (self), 0);

  return self->steps->len;
}

/**
 * od_policy_get_step:
 * @self: a policy
 * @index: from 0, in offset order
 *
 * Returns: (transfer none): the step
 */
OdPolicyStep *
od_policy_get_step (OdPolicy *self,
                    guint     index)
{
  g_return_val_if_fail (OD_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

/**
 * od_policy_find_step:
 * @self: a policy
 * @name: a step's name
 *
 * Returns: (transfer none) (nullable): the step, or %NULL
 */
OdPolicyStep *
od_policy_find_step (OdPolicy   *self,
                     const char *name)
{
  g_return_val_if_fail (OD_IS_POLICY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      OdPolicyStep *step = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (od_policy_step_get_name (step), name) == 0)
        return step;
    }

  return NULL;
}

/**
 * od_policy_add_step:
 * @self: a policy
 * @step: (transfer none): a step whose name the policy does not have yet
 *
 * Inserts @step in offset order, after any step with the same offset
 * (which od_policy_validate() then reports). Set the step's offset before
 * adding it.
 */
void
od_policy_add_step (OdPolicy     *self,
                    OdPolicyStep *step)
{
  gint offset;
  guint index;

  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (OD_IS_POLICY_STEP (step));
  g_return_if_fail (od_policy_find_step (self, od_policy_step_get_name (step)) == NULL);

  offset = od_policy_step_get_offset_days (step);
  for (index = 0; index < self->steps->len; index++)
    {
      OdPolicyStep *other = g_ptr_array_index (self->steps, index);

      if (od_policy_step_get_offset_days (other) > offset)
        break;
    }

  g_ptr_array_insert (self->steps, index, g_object_ref (step));
}

void
od_policy_remove_step (OdPolicy   *self,
                       const char *name)
{
  OdPolicyStep *step;

  g_return_if_fail (OD_IS_POLICY (self));
  g_return_if_fail (name != NULL);

  step = od_policy_find_step (self, name);
  if (step != NULL)
    g_ptr_array_remove (self->steps, step);
}

/**
 * od_policy_milli_to_minor:
 * @milli: an amount in thousandths of a major unit
 * @currency: an ISO 4217 code
 *
 * Returns: the amount in @currency's minor units, rounded half away
 *   from zero (saturated at the gint64 limits)
 */
gint64
od_policy_milli_to_minor (gint64      milli,
                          const char *currency)
{
  guint digits;
  gint64 scale = 1;
  gint64 minor;

  g_return_val_if_fail (currency != NULL, 0);

  digits = od_currency_minor_digits (currency);
  for (guint i = 0; i < digits; i++)
    scale *= 10;

  if (!od_round_div (milli, scale, 1000, &minor))
    return milli < 0 ? G_MININT64 : G_MAXINT64;

  return minor;
}

/**
 * od_policy_equal:
 * @a: a policy
 * @b: another policy
 *
 * Returns: whether the two have the same rules and steps (the store's
 *   id is not compared)
 */
gboolean
od_policy_equal (OdPolicy *a,
                 OdPolicy *b)
{
  g_return_val_if_fail (OD_IS_POLICY (a), FALSE);
  g_return_val_if_fail (OD_IS_POLICY (b), FALSE);

  if (g_strcmp0 (a->name, b->name) != 0 ||
      a->grace_days != b->grace_days ||
      a->minimum_milli != b->minimum_milli ||
      a->send_days != b->send_days ||
      a->send_start != b->send_start ||
      a->send_end != b->send_end ||
      g_strcmp0 (a->time_zone, b->time_zone) != 0 ||
      a->repeat_every_days != b->repeat_every_days ||
      a->repeat_max != b->repeat_max ||
      a->early_discount_bp != b->early_discount_bp ||
      a->early_discount_days != b->early_discount_days ||
      a->interest_annual_bp != b->interest_annual_bp ||
      a->fixed_compensation_milli != b->fixed_compensation_milli ||
      a->instalment_grace_days != b->instalment_grace_days ||
      a->holidays->len != b->holidays->len ||
      a->steps->len != b->steps->len)
    return FALSE;

  for (guint i = 0; i < a->holidays->len; i++)
    {
      if (g_date_compare (&g_array_index (a->holidays, GDate, i),
                          &g_array_index (b->holidays, GDate, i)) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->steps->len; i++)
    {
      if (!od_policy_step_equal (g_ptr_array_index (a->steps, i),
                                 g_ptr_array_index (b->steps, i)))
        return FALSE;
    }

  return TRUE;
}

/**
 * od_policy_copy:
 * @self: a policy
 *
 * Returns: (transfer full): an independent policy with the same id,
 *   rules and (copied) steps
 */
OdPolicy *
od_policy_copy (OdPolicy *self)
{
  OdPolicy *copy;

  g_return_val_if_fail (OD_IS_POLICY (self), NULL);

  copy = od_policy_new (self->name);
  copy->id = self->id;
  copy->grace_days = self->grace_days;
  copy->minimum_milli = self->minimum_milli;
  copy->send_days = self->send_days;
  copy->send_start = self->send_start;
  copy->send_end = self->send_end;
  copy->time_zone = g_strdup (self->time_zone);
  copy->repeat_every_days = self->repeat_every_days;
  copy->repeat_max = self->repeat_max;
  copy->early_discount_bp = self->early_discount_bp;
  copy->early_discount_days = self->early_discount_days;
  copy->interest_annual_bp = self->interest_annual_bp;
  copy->fixed_compensation_milli = self->fixed_compensation_milli;
  copy->instalment_grace_days = self->instalment_grace_days;
  g_array_append_vals (copy->holidays, self->holidays->data, self->holidays->len);

  for (guint i = 0; i < self->steps->len; i++)
    g_ptr_array_add (copy->steps, od_policy_step_copy (g_ptr_array_index (self->steps, i)));

  return copy;
}
