/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include "od-invoice-line.h"
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICE (od_invoice_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoice, od_invoice, OD, INVOICE, GObject)

/* Properties: id, number, customer-id, customer-ref and customer-name
 * (read from the store for lists; not written back), issue-date and
 * due-date (GDate boxed), currency, total (minor units, tax included),
 * paid (sum of payments, kept by the store), status.
 * Charges (fees, interest) are kept apart from the total. */
OdInvoice      *od_invoice_new               (void);
gint64          od_invoice_get_id            (OdInvoice       *self);
void            od_invoice_set_id            (OdInvoice       *self,
                                              gint64           id);
const char     *od_invoice_get_number        (OdInvoice       *self);
void            od_invoice_set_number        (OdInvoice       *self,
                                              const char      *number);
gint64          od_invoice_get_customer_id   (OdInvoice       *self);
void            od_invoice_set_customer_id   (OdInvoice       *self,
                                              gint64           customer_id);
const char     *od_invoice_get_customer_ref  (OdInvoice       *self);
void            od_invoice_set_customer_ref  (OdInvoice       *self,
                                              const char      *ref);
const char     *od_invoice_get_customer_name (OdInvoice       *self);
void            od_invoice_set_customer_name (OdInvoice       *self,
                                              const char      *name);
const GDate    *od_invoice_get_issue_date    (OdInvoice       *self);
void            od_invoice_set_issue_date    (OdInvoice       *self,
                                              const GDate     *date);
const GDate    *od_invoice_get_due_date      (OdInvoice       *self);
void            od_invoice_set_due_date      (OdInvoice       *self,
                                              const GDate     *date);
const char     *od_invoice_get_currency      (OdInvoice       *self);
void            od_invoice_set_currency      (OdInvoice       *self,
                                              const char      *currency);
gint64          od_invoice_get_total         (OdInvoice       *self);
void            od_invoice_set_total         (OdInvoice       *self,
                                              gint64           minor);
gint64          od_invoice_get_paid          (OdInvoice       *self);
void            od_invoice_set_paid          (OdInvoice       *self,
                                              gint64           minor);
/* total - paid (may be negative when overpaid). */
gint64          od_invoice_get_outstanding   (OdInvoice       *self);
OdInvoiceStatus od_invoice_get_status        (OdInvoice       *self);
void            od_invoice_set_status        (OdInvoice       *self,
                                              OdInvoiceStatus  status);

/* Lines: a GListModel of OdInvoiceLine owned by the invoice. */
GListModel     *od_invoice_get_lines         (OdInvoice       *self);
void            od_invoice_add_line          (OdInvoice       *self,
                                              OdInvoiceLine   *line);
void            od_invoice_clear_lines       (OdInvoice       *self);
/* Sets total from the lines (net + tax per line). */
gboolean        od_invoice_compute_total     (OdInvoice       *self,
                                              GError         **error);

/* Days past due on @today (negative before the due date). */
gint            od_invoice_days_overdue      (OdInvoice       *self,
                                              const GDate     *today);

gboolean        od_invoice_validate          (OdInvoice       *self,
                                              GError         **error);

G_END_DECLS
