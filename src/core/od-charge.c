/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-charge.h"

#include "od-date-private.h"
#include "od-enums.h"
#include "od-money.h"

#include <glib/gi18n-lib.h>

struct _OdCharge
{
  GObject parent_instance;

  gint64        id;
  gint64        invoice_id;
  OdChargeKind  kind;
  GDate         date;
  gint64        amount;
  char         *currency;
  char         *description;
  char         *step;
};

G_DEFINE_FINAL_TYPE (OdCharge, od_charge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INVOICE_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_DESCRIPTION,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
od_charge_finalize (GObject *object)
{
  OdCharge *self = OD_CHARGE (object);

  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->step, g_free);

  G_OBJECT_CLASS (od_charge_parent_class)->finalize (object);
}

static void
od_charge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OdCharge *self = OD_CHARGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, od_charge_get_id (self));
      break;

    case PROP_INVOICE_ID:
      g_value_set_int64 (value, od_charge_get_invoice_id (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, od_charge_get_kind (self));
      break;

    case PROP_DATE:
      g_value_set_boxed (value, od_charge_get_date (self));
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, od_charge_get_amount (self));
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, od_charge_get_currency (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, od_charge_get_description (self));
      break;

    case PROP_STEP:
      g_value_set_string (value, od_charge_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_charge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OdCharge *self = OD_CHARGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_charge_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_INVOICE_ID:
      od_charge_set_invoice_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      od_charge_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_DATE:
      od_charge_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_AMOUNT:
      od_charge_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      od_charge_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      od_charge_set_description (self, g_value_get_string (value));
      break;

    case PROP_STEP:
      od_charge_set_step (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_charge_class_init (OdChargeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_charge_finalize;
  object_class->get_property = od_charge_get_property;
  object_class->set_property = od_charge_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_INVOICE_ID] =
    g_param_spec_int64 ("invoice-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       OD_TYPE_CHARGE_KIND, OD_CHARGE_KIND_LATE_FEE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_charge_init (OdCharge *self)
{
  g_date_clear (&self->date, 1);
}

OdCharge *
od_charge_new (void)
{
  return g_object_new (OD_TYPE_CHARGE, NULL);
}

gint64
od_charge_get_id (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), 0);

  return self->id;
}

void
od_charge_set_id (OdCharge *self,
                  gint64    id)
{
  g_return_if_fail (OD_IS_CHARGE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
od_charge_get_invoice_id (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), 0);

  return self->invoice_id;
}

void
od_charge_set_invoice_id (OdCharge *self,
                          gint64    invoice_id)
{
  g_return_if_fail (OD_IS_CHARGE (self));
  g_return_if_fail (invoice_id >= 0);

  if (self->invoice_id == invoice_id)
    return;

  self->invoice_id = invoice_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE_ID]);
}

OdChargeKind
od_charge_get_kind (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), OD_CHARGE_KIND_LATE_FEE);

  return self->kind;
}

void
od_charge_set_kind (OdCharge     *self,
                    OdChargeKind  kind)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const GDate *
od_charge_get_date (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

void
od_charge_set_date (OdCharge    *self,
                    const GDate *date)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (!_od_date_assign (&self->date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
od_charge_get_amount (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), 0);

  return self->amount;
}

void
od_charge_set_amount (OdCharge *self,
                      gint64    minor)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (self->amount == minor)
    return;

  self->amount = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
od_charge_get_currency (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), NULL);

  return self->currency;
}

void
od_charge_set_currency (OdCharge   *self,
                        const char *currency)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
od_charge_get_description (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), NULL);

  return self->description;
}

void
od_charge_set_description (OdCharge   *self,
                           const char *description)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
od_charge_get_step (OdCharge *self)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), NULL);

  return self->step;
}

void
od_charge_set_step (OdCharge   *self,
                    const char *step)
{
  g_return_if_fail (OD_IS_CHARGE (self));

  if (g_strcmp0 (self->step, step) == 0)
    return;

  g_free (self->step);
  self->step = g_strdup (step);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

gboolean
od_charge_validate (OdCharge  *self,
                    GError   **error)
{
  g_return_val_if_fail (OD_IS_CHARGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->invoice_id <= 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Charge invoice is required"));
      return FALSE;
    }

  if (!g_date_valid (&self->date))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Charge date is required"));
      return FALSE;
    }

  if (self->amount <= 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Charge amount must be greater than zero"));
      return FALSE;
    }

  if (!od_currency_is_valid (self->currency))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Charge currency “%s” is not a three-letter ISO 4217 code"),
                   self->currency != NULL ? self->currency : "");
      return FALSE;
    }

  return TRUE;
}
