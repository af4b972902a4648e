/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-payment.h"

#include "od-date-private.h"
#include "od-money.h"
#include "od-types.h"
#include "od-validate-private.h"

#include <glib/gi18n-lib.h>

struct _OdPayment
{
  GObject parent_instance;

  gint64  id;
  gint64  invoice_id;
  char   *invoice_number;
  GDate   date;
  gint64  amount;
  char   *currency;
  char   *method;
  char   *reference;
};

G_DEFINE_FINAL_TYPE (OdPayment, od_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INVOICE_ID,
  PROP_INVOICE_NUMBER,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_METHOD,
  PROP_REFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
od_payment_finalize (GObject *object)
{
  OdPayment *self = OD_PAYMENT (object);

  g_clear_pointer (&self->invoice_number, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (od_payment_parent_class)->finalize (object);
}

static void
od_payment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OdPayment *self = OD_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, od_payment_get_id (self));
      break;

    case PROP_INVOICE_ID:
      g_value_set_int64 (value, od_payment_get_invoice_id (self));
      break;

    case PROP_INVOICE_NUMBER:
      g_value_set_string (value, od_payment_get_invoice_number (self));
      break;

    case PROP_DATE:
      g_value_set_boxed (value, od_payment_get_date (self));
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, od_payment_get_amount (self));
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, od_payment_get_currency (self));
      break;

    case PROP_METHOD:
      g_value_set_string (value, od_payment_get_method (self));
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, od_payment_get_reference (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_payment_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OdPayment *self = OD_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_payment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_INVOICE_ID:
      od_payment_set_invoice_id (self, g_value_get_int64 (value));
      break;

    case PROP_INVOICE_NUMBER:
      od_payment_set_invoice_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      od_payment_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_AMOUNT:
      od_payment_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      od_payment_set_currency (self, g_value_get_string (value));
      break;

    case PROP_METHOD:
      od_payment_set_method (self, g_value_get_string (value));
      break;

    case PROP_REFERENCE:
      od_payment_set_reference (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_payment_class_init (OdPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_payment_finalize;
  object_class->get_property = od_payment_get_property;
  object_class->set_property = od_payment_set_property;

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

  properties[PROP_INVOICE_NUMBER] =
    g_param_spec_string ("invoice-number", NULL, NULL,
                         NULL,
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

  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_payment_init (OdPayment *self)
{
  g_date_clear (&self->date, 1);
}

OdPayment *
od_payment_new (void)
{
  return g_object_new (OD_TYPE_PAYMENT, NULL);
}

gint64
od_payment_get_id (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), 0);

  return self->id;
}

void
od_payment_set_id (OdPayment *self,
                   gint64     id)
{
  g_return_if_fail (OD_IS_PAYMENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
od_payment_get_invoice_id (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), 0);

  return self->invoice_id;
}

void
od_payment_set_invoice_id (OdPayment *self,
                           gint64     invoice_id)
{
  g_return_if_fail (OD_IS_PAYMENT (self));
  g_return_if_fail (invoice_id >= 0);

  if (self->invoice_id == invoice_id)
    return;

  self->invoice_id = invoice_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE_ID]);
}

const char *
od_payment_get_invoice_number (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), NULL);

  return self->invoice_number;
}

void
od_payment_set_invoice_number (OdPayment  *self,
                               const char *number)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (g_strcmp0 (self->invoice_number, number) == 0)
    return;

  g_free (self->invoice_number);
  self->invoice_number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE_NUMBER]);
}

const GDate *
od_payment_get_date (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

void
od_payment_set_date (OdPayment   *self,
                     const GDate *date)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (!_od_date_assign (&self->date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
od_payment_get_amount (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), 0);

  return self->amount;
}

void
od_payment_set_amount (OdPayment *self,
                       gint64     minor)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (self->amount == minor)
    return;

  self->amount = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
od_payment_get_currency (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), NULL);

  return self->currency;
}

void
od_payment_set_currency (OdPayment  *self,
                         const char *currency)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
od_payment_get_method (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), NULL);

  return self->method;
}

void
od_payment_set_method (OdPayment  *self,
                       const char *method)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (g_strcmp0 (self->method, method) == 0)
    return;

  g_free (self->method);
  self->method = g_strdup (method);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

const char *
od_payment_get_reference (OdPayment *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), NULL);

  return self->reference;
}

void
od_payment_set_reference (OdPayment  *self,
                          const char *reference)
{
  g_return_if_fail (OD_IS_PAYMENT (self));

  if (g_strcmp0 (self->reference, reference) == 0)
    return;

  g_free (self->reference);
  self->reference = g_strdup (reference);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

gboolean
od_payment_validate (OdPayment  *self,
                     GError    **error)
{
  g_return_val_if_fail (OD_IS_PAYMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An import knows the invoice by number before the store knows its id. */
  if (self->invoice_id <= 0 && !_od_validate_is_set (self->invoice_number))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Payment invoice is required"));
      return FALSE;
    }

  if (!g_date_valid (&self->date))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Payment date is required"));
      return FALSE;
    }

  if (self->amount <= 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Payment amount must be greater than zero"));
      return FALSE;
    }

  if (!od_currency_is_valid (self->currency))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Payment currency “%s” is not a three-letter ISO 4217 code"),
                   self->currency != NULL ? self->currency : "");
      return FALSE;
    }

  return TRUE;
}
