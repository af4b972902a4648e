/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-store.h"

G_BEGIN_DECLS

/*
 * Deleting an invoice, in steps that run in worker threads (or, for
 * od_invoice_delete_commit as the window closes, on the main thread).
 *
 * An invoice the customer has paid something on, or has been sent
 * reminders about, is part of the books: it is voided (kept, no longer
 * chased or counted), never deleted. Any other is hidden at once (voided,
 * so that nothing chases it while Undo is on offer), then deleted for
 * good when the Undo toast goes away; Undo puts its status back. A crash
 * in between leaves a void invoice, never a lost one.
 */

/* Why @invoice_id cannot be deleted, or NULL (and FALSE set in @error
 * only on a read error: then NULL with @error set). Sets @out_number. */
char     *od_invoice_delete_refusal (OdStore          *store,
                                     gint64            invoice_id,
                                     char            **out_number,
                                     GError          **error);
/* Voids the invoice for its pending delete; @out_status: what it was. */
gboolean  od_invoice_delete_hide    (OdStore          *store,
                                     gint64            invoice_id,
                                     OdInvoiceStatus  *out_status,
                                     GError          **error);
/* Undo: the invoice gets @status back. */
gboolean  od_invoice_delete_unhide  (OdStore          *store,
                                     gint64            invoice_id,
                                     OdInvoiceStatus   status,
                                     GError          **error);
/* Deletes the (hidden) invoice for good, with the audit entry. */
gboolean  od_invoice_delete_commit  (OdStore          *store,
                                     gint64            invoice_id,
                                     GError          **error);

/* The deletes waiting on their Undo toast, shown in @overlay (whose
 * widget has the action "invoices.undo-delete" (x) that calls
 * od_invoice_deletes_undo). A toast that goes without Undo deletes its
 * invoice for good in a thread; od_invoice_deletes_free deletes those
 * still waiting. Each write calls od_context_ledger_changed. */
typedef struct _OdInvoiceDeletes OdInvoiceDeletes;

OdInvoiceDeletes *od_invoice_deletes_new  (OdContext        *context,
                                           AdwToastOverlay  *overlay);
void              od_invoice_deletes_add  (OdInvoiceDeletes *self,
                                           gint64            invoice_id,
                                           const char       *number,
                                           OdInvoiceStatus   status);
/* Whether @invoice_id was waiting (it is then put back). */
gboolean          od_invoice_deletes_undo (OdInvoiceDeletes *self,
                                           gint64            invoice_id);
void              od_invoice_deletes_free (OdInvoiceDeletes *self);

G_END_DECLS
