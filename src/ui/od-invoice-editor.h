/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_INVOICE_EDITOR (od_invoice_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdInvoiceEditor, od_invoice_editor, OD, INVOICE_EDITOR, AdwWindow)

/*
 * A new invoice, or a change to one, typed into a draft: the customer
 * (picked from the ledger's), the number (the next free one suggested),
 * the issue date, the due date or the terms in days, the currency and
 * the lines (description, quantity, unit price, tax rate), with the
 * totals worked out as they are typed. Amounts and quantities are read
 * in the user's locale. Nothing is stored until Save, which checks every
 * field first (the message sits under the field), then writes in a
 * worker thread with the audit entry, calls od_context_ledger_changed,
 * emits "saved" with the invoice's id and closes.
 *
 * Field keys: customer (its message only), number, issue-date, terms, due-date, currency; line keys:
 * description, quantity, unit-price, tax-rate.
 */
OdInvoiceEditor *od_invoice_editor_new             (OdContext       *context,
                                                    gint64           invoice_id);
/* Whether the customers (and the invoice being edited) are still read. */
gboolean         od_invoice_editor_is_loading      (OdInvoiceEditor *self);
gboolean         od_invoice_editor_is_saving       (OdInvoiceEditor *self);
/* Picks the customer @customer_id; FALSE when it is not in the list. */
gboolean         od_invoice_editor_set_customer    (OdInvoiceEditor *self,
                                                    gint64           customer_id);
AdwEntryRow     *od_invoice_editor_get_entry       (OdInvoiceEditor *self,
                                                    const char      *key);
const char      *od_invoice_editor_get_error       (OdInvoiceEditor *self,
                                                    const char      *key);
/* Appends an empty line; returns its index. */
guint            od_invoice_editor_add_line        (OdInvoiceEditor *self);
guint            od_invoice_editor_get_n_lines     (OdInvoiceEditor *self);
AdwEntryRow     *od_invoice_editor_get_line_entry  (OdInvoiceEditor *self,
                                                    guint            line,
                                                    const char      *key);
const char      *od_invoice_editor_get_line_error  (OdInvoiceEditor *self,
                                                    guint            line,
                                                    const char      *key);
/* The total shown, as od_ui_format_money writes it. */
const char      *od_invoice_editor_get_total_text  (OdInvoiceEditor *self);
/* Checks the fields; when they pass, saves as the Save button does.
 * Returns whether the fields passed. */
gboolean         od_invoice_editor_save            (OdInvoiceEditor *self);

G_END_DECLS
