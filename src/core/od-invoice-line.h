/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OD_TYPE_INVOICE_LINE (od_invoice_line_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoiceLine, od_invoice_line, OD, INVOICE_LINE, GObject)

/* Properties: description, quantity-milli (1.5 units = 1500),
 * unit-price (minor units), tax-rate-bp (basis points, 1900 = 19 %). */
OdInvoiceLine *od_invoice_line_new                (void);
const char    *od_invoice_line_get_description    (OdInvoiceLine *self);
void           od_invoice_line_set_description    (OdInvoiceLine *self,
                                                   const char    *description);
gint64         od_invoice_line_get_quantity_milli (OdInvoiceLine *self);
void           od_invoice_line_set_quantity_milli (OdInvoiceLine *self,
                                                   gint64         quantity_milli);
gint64         od_invoice_line_get_unit_price     (OdInvoiceLine *self);
void           od_invoice_line_set_unit_price     (OdInvoiceLine *self,
                                                   gint64         minor);
gint           od_invoice_line_get_tax_rate_bp    (OdInvoiceLine *self);
void           od_invoice_line_set_tax_rate_bp    (OdInvoiceLine *self,
                                                   gint           basis_points);
/* Net = quantity x unit price, tax = net x rate; each rounded once. */
gboolean       od_invoice_line_compute            (OdInvoiceLine *self,
                                                   gint64        *net,
                                                   gint64        *tax,
                                                   GError       **error);
gboolean       od_invoice_line_validate           (OdInvoiceLine *self,
                                                   GError       **error);

G_END_DECLS
