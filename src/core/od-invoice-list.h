/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICE_LIST (od_invoice_list_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoiceList, od_invoice_list, OD, INVOICE_LIST, GObject)

/*
 * A GListModel of OdInvoice that pages from the store: it holds the
 * matching ids only (8 bytes a row) and loads rows a page at a time on
 * get_item, keeping a few pages cached. Empty until loaded.
 */
OdInvoiceList *od_invoice_list_new         (OdStore               *store);
OdStore       *od_invoice_list_get_store   (OdInvoiceList         *self);
gboolean       od_invoice_list_load        (OdInvoiceList         *self,
                                            const OdInvoiceQuery  *query,
                                            GError               **error);
void           od_invoice_list_load_async  (OdInvoiceList         *self,
                                            const OdInvoiceQuery  *query,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean       od_invoice_list_load_finish (OdInvoiceList         *self,
                                            GAsyncResult          *result,
                                            GError               **error);
/* Forget cached rows (after an edit) without changing the ids. */
void           od_invoice_list_invalidate  (OdInvoiceList         *self);

G_END_DECLS
