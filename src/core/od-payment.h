/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OD_TYPE_PAYMENT (od_payment_get_type ())
G_DECLARE_FINAL_TYPE (OdPayment, od_payment, OD, PAYMENT, GObject)

/* Properties: id, invoice-id, invoice-number (read from the store),
 * date (GDate boxed), amount (minor units), currency, method, reference. */
OdPayment   *od_payment_new                (void);
gint64       od_payment_get_id             (OdPayment   *self);
void         od_payment_set_id             (OdPayment   *self,
                                            gint64       id);
gint64       od_payment_get_invoice_id     (OdPayment   *self);
void         od_payment_set_invoice_id     (OdPayment   *self,
                                            gint64       invoice_id);
const char  *od_payment_get_invoice_number (OdPayment   *self);
void         od_payment_set_invoice_number (OdPayment   *self,
                                            const char  *number);
const GDate *od_payment_get_date           (OdPayment   *self);
void         od_payment_set_date           (OdPayment   *self,
                                            const GDate *date);
gint64       od_payment_get_amount         (OdPayment   *self);
void         od_payment_set_amount         (OdPayment   *self,
                                            gint64       minor);
const char  *od_payment_get_currency       (OdPayment   *self);
void         od_payment_set_currency       (OdPayment   *self,
                                            const char  *currency);
const char  *od_payment_get_method         (OdPayment   *self);
void         od_payment_set_method         (OdPayment   *self,
                                            const char  *method);
const char  *od_payment_get_reference      (OdPayment   *self);
void         od_payment_set_reference      (OdPayment   *self,
                                            const char  *reference);
gboolean     od_payment_validate           (OdPayment   *self,
                                            GError     **error);

G_END_DECLS
