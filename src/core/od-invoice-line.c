/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-invoice-line.h"

#include "od-money.h"
#include "od-types.h"

#include <glib/gi18n-lib.h>

struct _OdInvoiceLine
{
  GObject parent_instance;

  char   *description;
  gint64  quantity_milli;
  gint64  unit_price;
  gint    tax_rate_bp;
};

G_DEFINE_FINAL_TYPE (OdInvoiceLine, od_invoice_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_QUANTITY_MILLI,
  PROP_UNIT_PRICE,
  PROP_TAX_RATE_BP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
od_invoice_line_finalize (GObject *object)
{
  OdInvoiceLine *self = OD_INVOICE_LINE (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (od_invoice_line_parent_class)->finalize (object);
}

static void
od_invoice_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdInvoiceLine *self = OD_INVOICE_LINE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, od_invoice_line_get_description (self));
      break;

    case PROP_QUANTITY_MILLI:
      g_value_set_int64 (value, od_invoice_line_get_quantity_milli (self));
      break;

    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, od_invoice_line_get_unit_price (self));
      break;

    case PROP_TAX_RATE_BP:
      g_value_set_int (value, od_invoice_line_get_tax_rate_bp (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdInvoiceLine *self = OD_INVOICE_LINE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      od_invoice_line_set_description (self, g_value_get_string (value));
      break;

    case PROP_QUANTITY_MILLI:
      od_invoice_line_set_quantity_milli (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_PRICE:
      od_invoice_line_set_unit_price (self, g_value_get_int64 (value));
      break;

    case PROP_TAX_RATE_BP:
      od_invoice_line_set_tax_rate_bp (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_line_class_init (OdInvoiceLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_invoice_line_finalize;
  object_class->get_property = od_invoice_line_get_property;
  object_class->set_property = od_invoice_line_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_QUANTITY_MILLI] =
    g_param_spec_int64 ("quantity-milli", NULL, NULL,
                        G_MININT64, G_MAXINT64, 1000,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_TAX_RATE_BP] =
    g_param_spec_int ("tax-rate-bp", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_invoice_line_init (OdInvoiceLine *self)
{
  self->quantity_milli = 1000;
}

OdInvoiceLine *
od_invoice_line_new (void)
{
  return g_object_new (OD_TYPE_INVOICE_LINE, NULL);
}

const char *
od_invoice_line_get_description (OdInvoiceLine *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), NULL);

  return self->description;
}

void
od_invoice_line_set_description (OdInvoiceLine *self,
                                 const char    *description)
{
  g_return_if_fail (OD_IS_INVOICE_LINE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
od_invoice_line_get_quantity_milli (OdInvoiceLine *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), 0);

  return self->quantity_milli;
}

void
od_invoice_line_set_quantity_milli (OdInvoiceLine *self,
                                    gint64         quantity_milli)
{
  g_return_if_fail (OD_IS_INVOICE_LINE (self));

  if (self->quantity_milli == quantity_milli)
    return;

  self->quantity_milli = quantity_milli;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY_MILLI]);
}

gint64
od_invoice_line_get_unit_price (OdInvoiceLine *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), 0);

  return self->unit_price;
}

void
od_invoice_line_set_unit_price (OdInvoiceLine *self,
                                gint64         minor)
{
  g_return_if_fail (OD_IS_INVOICE_LINE (self));

  if (self->unit_price == minor)
    return;

  self->unit_price = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_PRICE]);
}

gint
od_invoice_line_get_tax_rate_bp (OdInvoiceLine *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), 0);

  return self->tax_rate_bp;
}

void
od_invoice_line_set_tax_rate_bp (OdInvoiceLine *self,
                                 gint           basis_points)
{
  g_return_if_fail (OD_IS_INVOICE_LINE (self));

  if (self->tax_rate_bp == basis_points)
    return;

  self->tax_rate_bp = basis_points;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_RATE_BP]);
}

/**
 * od_invoice_line_compute:
 * @self: a line
 * @net: (out) (optional): quantity × unit price, in minor units
 * @tax: (out) (optional): @net × the tax rate, in minor units
 * @error: return location for an error
 *
 * Each amount is rounded once, half away from zero, so that a line
 * prints the same figures that add up to the invoice total.
 *
 * Returns: %FALSE when an amount does not fit in 64 bits
 */
gboolean
od_invoice_line_compute (OdInvoiceLine  *self,
                         gint64         *net,
                         gint64         *tax,
                         GError        **error)
{
  gint64 line_net;
  gint64 line_tax;

  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!od_round_div (self->quantity_milli, self->unit_price, 1000, &line_net) ||
      !od_percent_bp (line_net, self->tax_rate_bp, &line_tax))
    {
      g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW,
                   _("Line “%s”: quantity × unit price is too large"),
                   self->description != NULL ? self->description : "");
      return FALSE;
    }

  if (net != NULL)
    *net = line_net;
  if (tax != NULL)
    *tax = line_tax;

  return TRUE;
}

gboolean
od_invoice_line_validate (OdInvoiceLine  *self,
                          GError        **error)
{
  g_return_val_if_fail (OD_IS_INVOICE_LINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->quantity_milli <= 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Line quantity must be greater than zero"));
      return FALSE;
    }

  /* Credits are separate documents; a negative price on a line would
   * let a total hide a refund. */
  if (self->unit_price < 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Line unit price must not be negative"));
      return FALSE;
    }

  if (self->tax_rate_bp < 0 || self->tax_rate_bp > 10000)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Line tax rate must be between 0 and 100 percent"));
      return FALSE;
    }

  return od_invoice_line_compute (self, NULL, NULL, error);
}
