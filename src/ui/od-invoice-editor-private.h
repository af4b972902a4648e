/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-editor-field.h"
#include "od-invoice-editor.h"

G_BEGIN_DECLS

/* Shared by od-invoice-editor.c (the window, the invoice's fields,
 * loading and saving) and od-invoice-editor-lines.c (its lines and
 * totals). */

typedef enum
{
  F_NUMBER, F_ISSUE_DATE, F_TERMS, F_DUE_DATE, F_CURRENCY,
  N_FIELDS
} FieldId;

typedef enum
{
  L_DESCRIPTION, L_QUANTITY, L_UNIT_PRICE, L_TAX_RATE,
  N_LINE_FIELDS
} LineFieldId;

typedef OdEditorField Field;

typedef struct
{
  AdwPreferencesGroup *group;
  Field                fields[N_LINE_FIELDS];
} Line;

struct _OdInvoiceEditor
{
  AdwWindow             parent_instance;

  OdContext            *context;
  gint64                invoice_id;    /* 0 for a new invoice */
  OdInvoice            *original;
  GCancellable         *cancellable;
  GArray               *customer_ids;
  GPtrArray            *lines;         /* Line* */
  gboolean              loading;
  gboolean              saving;
  gint64                paid;

  AdwWindowTitle       *window_title;
  GtkLabel             *error_label;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *invoice_group;
  AdwPreferencesGroup  *totals_group;
  AdwComboRow          *customer_row;
  GtkWidget            *customer_message_row;
  GtkStringList        *customer_names;
  GtkLabel             *net_label;
  GtkLabel             *tax_label;
  GtkLabel             *total_label;
  Field                 fields[N_FIELDS];
};

extern const char *od_invoice_editor_line_titles[N_LINE_FIELDS];

void       od_invoice_editor_entry_changed (GtkEditable     *editable,
                                            OdInvoiceEditor *self);
const char *od_invoice_editor_currency     (OdInvoiceEditor *self);
Line      *od_invoice_editor_append_line   (OdInvoiceEditor *self);
void       od_invoice_editor_fill_line     (OdInvoiceEditor *self,
                                            OdInvoiceLine   *item,
                                            const char      *currency);
/* Checks one line, showing the messages when @show; fills @out when it
 * passes. Returns the number of fields that failed. */
guint      od_invoice_editor_check_line    (OdInvoiceEditor *self,
                                            Line            *line,
                                            gboolean         show,
                                            OdInvoiceLine  **out);
void       od_invoice_editor_update_totals (OdInvoiceEditor *self);

G_END_DECLS
