/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICE_VIEW (od_invoice_view_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoiceView, od_invoice_view, OD, INVOICE_VIEW, AdwBin)

/*
 * One invoice: its amounts, lines, payments and charges, and a timeline
 * of its pauses (disputes, holds, promises to pay), its payment plan's
 * instalments and the collection steps taken and planned. Its actions
 * ("invoice.*", in od-invoice-actions.c) record a payment, dispute, hold,
 * resume, promise to pay (invoice.promise), set up a payment plan
 * (invoice.plan), void, through the store in a worker thread with the
 * audit entry overdue-cli writes; each emits "invoice-changed" once
 * saved, and the view reads itself again. invoice.edit opens the
 * OdInvoiceEditor; invoice.send-now queues the next planned step now
 * (od_collection_send_next_now) and says so in a toast that leads to
 * Activity; invoice.preview opens the OdPdfPreview of its documents.
 *
 * invoice.delete hides an invoice that may be deleted (see
 * od-invoice-delete.h) and emits "deleted" (id, number, the status it
 * had): whoever shows the view offers Undo and deletes it for good after.
 * An invoice with payments or sent messages is not deleted: a dialog
 * says why and offers to void it.
 *
 * invoice.save-payment takes (amount in minor units, ISO date);
 * invoice.save-pause takes (kind "dispute" or "hold", reason);
 * invoice.save-promise takes (amount in minor units, 0 = all of it, ISO
 * date); invoice.save-plan takes (instalments, days between, ISO first
 * due date).
 */
OdInvoiceView *od_invoice_view_new        (OdContext     *context);
/* Reads and shows the invoice @invoice_id. */
void           od_invoice_view_show       (OdInvoiceView *self,
                                           gint64         invoice_id);
gint64         od_invoice_view_get_id     (OdInvoiceView *self);
/* Whether a read or an edit is under way (tests wait for it to end). */
gboolean       od_invoice_view_is_busy    (OdInvoiceView *self);

G_END_DECLS
