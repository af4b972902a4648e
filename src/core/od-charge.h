/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_CHARGE (od_charge_get_type ())
G_DECLARE_FINAL_TYPE (OdCharge, od_charge, OD, CHARGE, GObject)

/* A late fee, interest or fixed compensation on an invoice, kept apart
 * from the invoice total. Properties: id, invoice-id, kind, date (GDate
 * boxed), amount (minor units), currency, description, step (the policy
 * step that charged it, or NULL). */
OdCharge     *od_charge_new             (void);
gint64        od_charge_get_id          (OdCharge     *self);
void          od_charge_set_id          (OdCharge     *self,
                                         gint64        id);
gint64        od_charge_get_invoice_id  (OdCharge     *self);
void          od_charge_set_invoice_id  (OdCharge     *self,
                                         gint64        invoice_id);
OdChargeKind  od_charge_get_kind        (OdCharge     *self);
void          od_charge_set_kind        (OdCharge     *self,
                                         OdChargeKind  kind);
const GDate  *od_charge_get_date        (OdCharge     *self);
void          od_charge_set_date        (OdCharge     *self,
                                         const GDate  *date);
gint64        od_charge_get_amount      (OdCharge     *self);
void          od_charge_set_amount      (OdCharge     *self,
                                         gint64        minor);
const char   *od_charge_get_currency    (OdCharge     *self);
void          od_charge_set_currency    (OdCharge     *self,
                                         const char   *currency);
const char   *od_charge_get_description (OdCharge     *self);
void          od_charge_set_description (OdCharge     *self,
                                         const char   *description);
const char   *od_charge_get_step        (OdCharge     *self);
void          od_charge_set_step        (OdCharge     *self,
                                         const char   *step);
gboolean      od_charge_validate        (OdCharge     *self,
                                         GError      **error);

G_END_DECLS
