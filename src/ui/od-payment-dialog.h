/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-invoice.h"

G_BEGIN_DECLS

#define OD_TYPE_PAYMENT_DIALOG (od_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdPaymentDialog, od_payment_dialog, OD, PAYMENT_DIALOG, AdwMessageDialog)

/* Asks for a payment's amount (in the invoice's currency, the outstanding
 * amount offered) and date; emits "chosen" when the owner records it. */
OdPaymentDialog *od_payment_dialog_new        (GtkWindow       *parent,
                                               OdInvoice       *invoice,
                                               const GDate     *today);
gint64           od_payment_dialog_get_amount (OdPaymentDialog *self);
const GDate     *od_payment_dialog_get_date   (OdPaymentDialog *self);

G_END_DECLS
