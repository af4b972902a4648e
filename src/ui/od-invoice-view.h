/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICE_VIEW (od_invoice_view_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoiceView, od_invoice_view, OD, INVOICE_VIEW, AdwBin)

/*
 * One invoice: its amounts, lines, payments and charges, and a timeline
 * of the collection steps taken and planned. Its actions ("invoice.*")
 * record a payment, dispute, hold and resume through the store in a
 * worker thread, with the audit entry overdue-cli writes; each emits
 * "invoice-changed" once saved, and the view reads itself again.
 *
 * invoice.delete hides an invoice that may be deleted (see
 * od-invoice-delete.h) and emits "deleted" (id, number, the status it
 * had): whoever shows the view offers Undo and deletes it for good after.
 * An invoice with payments or sent messages is not deleted: a dialog
 * says why and offers to void it.
 *
 * invoice.save-payment takes (amount in minor units, ISO date);
 * invoice.save-pause takes (kind "dispute" or "hold", reason).
 */
OdInvoiceView *od_invoice_view_new        (OdContext     *context);
/* Reads and shows the invoice @invoice_id. */
void           od_invoice_view_show       (OdInvoiceView *self,
                                           gint64         invoice_id);
gint64         od_invoice_view_get_id     (OdInvoiceView *self);
/* Whether a read or an edit is under way (tests wait for it to end). */
gboolean       od_invoice_view_is_busy    (OdInvoiceView *self);

G_END_DECLS
