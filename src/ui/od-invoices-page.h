/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-invoice-view.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICES_PAGE (od_invoices_page_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoicesPage, od_invoices_page, OD, INVOICES_PAGE, AdwBin)

/*
 * The invoices in a column view over the store's paged list: sorted by
 * the clicked column through the list's query (never in memory), one
 * filter at a time, searched by number or customer. Activating a row
 * opens its OdInvoiceView. Emits "ledger-changed" after an edit made in
 * the view.
 */
OdInvoicesPage *od_invoices_page_new          (OdContext       *context);
/* The invoices shown (a GListModel of OdInvoice). */
GListModel     *od_invoices_page_get_invoices (OdInvoicesPage  *self);
OdInvoiceView  *od_invoices_page_get_view     (OdInvoicesPage  *self);
void            od_invoices_page_set_filter   (OdInvoicesPage  *self,
                                               OdInvoiceFilter  filter);
/* Searches at once (typing waits for a pause first). */
void            od_invoices_page_set_search   (OdInvoicesPage  *self,
                                               const char      *text);
void            od_invoices_page_focus_search (OdInvoicesPage  *self);
/* Shows the invoice at @position in the view. */
void            od_invoices_page_open         (OdInvoicesPage  *self,
                                               guint            position);
/* Shows the invoice @invoice_id in the view. */
void            od_invoices_page_show_invoice (OdInvoicesPage  *self,
                                               gint64           invoice_id);
/* Whether a load is under way (tests wait for it to end). */
gboolean        od_invoices_page_is_loading   (OdInvoicesPage  *self);

G_END_DECLS
