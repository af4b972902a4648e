/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Invoices page's columns, in the column view's order. */
typedef enum
{
  OD_INVOICE_CELL_NUMBER,
  OD_INVOICE_CELL_CUSTOMER,
  OD_INVOICE_CELL_ISSUE_DATE,
  OD_INVOICE_CELL_DUE_DATE,
  OD_INVOICE_CELL_TOTAL,
  OD_INVOICE_CELL_OUTSTANDING,
  OD_INVOICE_CELL_STATUS,
  OD_INVOICE_N_CELLS
} OdInvoiceCell;

/* The cells of column @kind for OdInvoice items: dates and money as the
 * user's locale writes them, the status with its days overdue as of
 * *@today (read at each bind; it must outlive the factory). */
GtkListItemFactory *od_invoice_cell_factory_new (OdInvoiceCell  kind,
                                                 const GDate   *today);

G_END_DECLS
