/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-policy-step.h"

#include <string.h>

/* email, sms, letter, call: a fallback list names each at most once. */
#define MAX_CHANNELS 4

struct _OdPolicyStep
{
  GObject parent_instance;

  char      *name;
  gint       offset_days;
  OdChannel  channels[MAX_CHANNELS];
  guint      n_channels;
  char      *template_name;
  gint64     fee_milli;
  gint       fee_bp;
  gboolean   review;
};

G_DEFINE_FINAL_TYPE (OdPolicyStep, od_policy_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OFFSET_DAYS,
  PROP_TEMPLATE,
  PROP_FEE_MILLI,
  PROP_FEE_BP,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
od_policy_step_finalize (GObject *object)
{
  OdPolicyStep *self = OD_POLICY_STEP (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->template_name, g_free);

  G_OBJECT_CLASS (od_policy_step_parent_class)->finalize (object);
}

static void
od_policy_step_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OdPolicyStep *self = OD_POLICY_STEP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OFFSET_DAYS:
      g_value_set_int (value, self->offset_days);
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, self->template_name);
      break;

    case PROP_FEE_MILLI:
      g_value_set_int64 (value, self->fee_milli);
      break;

    case PROP_FEE_BP:
      g_value_set_int (value, self->fee_bp);
      break;

    case PROP_REVIEW:
      g_value_set_boolean (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_policy_step_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OdPolicyStep *self = OD_POLICY_STEP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_OFFSET_DAYS:
      od_policy_step_set_offset_days (self, g_value_get_int (value));
      break;

    case PROP_TEMPLATE:
      od_policy_step_set_template (self, g_value_get_string (value));
      break;

    case PROP_FEE_MILLI:
      od_policy_step_set_fee_milli (self, g_value_get_int64 (value));
      break;

    case PROP_FEE_BP:
      od_policy_step_set_fee_bp (self, g_value_get_int (value));
      break;

    case PROP_REVIEW:
      od_policy_step_set_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_policy_step_class_init (OdPolicyStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_policy_step_finalize;
  object_class->get_property = od_policy_step_get_property;
  object_class->set_property = od_policy_step_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_OFFSET_DAYS] =
    g_param_spec_int ("offset-days", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                      G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FEE_MILLI] =
    g_param_spec_int64 ("fee-milli", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                        G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FEE_BP] =
    g_param_spec_int ("fee-bp", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                      G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REVIEW] =
    g_param_spec_boolean ("review", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_policy_step_init (OdPolicyStep *self)
{
  self->channels[0] = OD_CHANNEL_EMAIL;
  self->n_channels = 1;
}

/**
 * od_policy_step_new:
 * @name: the step's name, e.g. "final-notice"
 *
 * Returns: (transfer full): a step at offset 0 that sends an email with
 *   the template of the same name, without fee or review
 */
OdPolicyStep *
od_policy_step_new (const char *name)
{
  OdPolicyStep *self;

  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);

  self = g_object_new (OD_TYPE_POLICY_STEP, "name", name, NULL);
  self->template_name = g_strdup (name);

  return self;
}

const char *
od_policy_step_get_name (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), NULL);

  return self->name;
}

gint
od_policy_step_get_offset_days (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), 0);

  return self->offset_days;
}

void
od_policy_step_set_offset_days (OdPolicyStep *self,
                                gint          days)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));

  if (self->offset_days == days)
    return;

  self->offset_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_DAYS]);
}

/**
 * od_policy_step_get_channels:
 * @self: a step
 * @n_channels: (out): how many channels
 *
 * Returns: (array length=n_channels) (transfer none): the channels in
 *   fallback order
 */
const OdChannel *
od_policy_step_get_channels (OdPolicyStep *self,
                             guint        *n_channels)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), NULL);
  g_return_val_if_fail (n_channels != NULL, NULL);

  *n_channels = self->n_channels;

  return self->channels;
}

/**
 * od_policy_step_set_channels:
 * @self: a step
 * @channels: (array length=n_channels): single channels, in fallback order
 * @n_channels: 1 to 4
 *
 * A channel named twice is kept at its first place only.
 */
void
od_policy_step_set_channels (OdPolicyStep    *self,
                             const OdChannel *channels,
                             guint            n_channels)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));
  g_return_if_fail (channels != NULL || n_channels == 0);
  g_return_if_fail (n_channels >= 1);

  self->n_channels = 0;

  for (guint i = 0; i < n_channels; i++)
    {
      gboolean seen = FALSE;

      g_return_if_fail (channels[i] == OD_CHANNEL_EMAIL ||
                        channels[i] == OD_CHANNEL_SMS ||
                        channels[i] == OD_CHANNEL_LETTER ||
                        channels[i] == OD_CHANNEL_CALL);

      for (guint j = 0; j < self->n_channels; j++)
        seen = seen || self->channels[j] == channels[i];

      if (!seen)
        self->channels[self->n_channels++] = channels[i];
    }
}

const char *
od_policy_step_get_template (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), NULL);

  return self->template_name;
}

void
od_policy_step_set_template (OdPolicyStep *self,
                             const char   *template_name)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));

  if (g_strcmp0 (self->template_name, template_name) == 0)
    return;

  g_free (self->template_name);
  self->template_name = g_strdup (template_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

gint64
od_policy_step_get_fee_milli (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), 0);

  return self->fee_milli;
}

void
od_policy_step_set_fee_milli (OdPolicyStep *self,
                              gint64        fee_milli)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));

  if (self->fee_milli == fee_milli)
    return;

  self->fee_milli = fee_milli;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE_MILLI]);
}

gint
od_policy_step_get_fee_bp (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), 0);

  return self->fee_bp;
}

void
od_policy_step_set_fee_bp (OdPolicyStep *self,
                           gint          basis_points)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));

  if (self->fee_bp == basis_points)
    return;

  self->fee_bp = basis_points;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE_BP]);
}

gboolean
od_policy_step_get_review (OdPolicyStep *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (self), FALSE);

  return self->review;
}

void
od_policy_step_set_review (OdPolicyStep *self,
                           gboolean      review)
{
  g_return_if_fail (OD_IS_POLICY_STEP (self));

  review = !!review;
  if (self->review == review)
    return;

  self->review = review;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

/**
 * od_policy_step_copy:
 * @self: a step
 *
 * Returns: (transfer full): an independent step with the same values
 */
OdPolicyStep *
od_policy_step_copy (OdPolicyStep *self)
{
  OdPolicyStep *copy;

  g_return_val_if_fail (OD_IS_POLICY_STEP (self), NULL);

  copy = g_object_new (OD_TYPE_POLICY_STEP, "name", self->name, NULL);
  copy->offset_days = self->offset_days;
  memcpy (copy->channels, self->channels, sizeof self->channels);
  copy->n_channels = self->n_channels;
  copy->template_name = g_strdup (self->template_name);
  copy->fee_milli = self->fee_milli;
  copy->fee_bp = self->fee_bp;
  copy->review = self->review;

  return copy;
}

/**
 * od_policy_step_equal:
 * @a: a step
 * @b: another step
 *
 * Returns: whether the two steps have the same values
 */
gboolean
od_policy_step_equal (OdPolicyStep *a,
                      OdPolicyStep *b)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP (a), FALSE);
  g_return_val_if_fail (OD_IS_POLICY_STEP (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         a->offset_days == b->offset_days &&
         a->n_channels == b->n_channels &&
         memcmp (a->channels, b->channels,
                 a->n_channels * sizeof a->channels[0]) == 0 &&
         g_strcmp0 (a->template_name, b->template_name) == 0 &&
         a->fee_milli == b->fee_milli &&
         a->fee_bp == b->fee_bp &&
         a->review == b->review;
}
