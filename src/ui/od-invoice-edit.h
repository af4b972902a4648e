/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

typedef enum
{
  OD_INVOICE_EDIT_PAYMENT,
  OD_INVOICE_EDIT_PAUSE,       /* dispute or hold */
  OD_INVOICE_EDIT_RESUME,
  OD_INVOICE_EDIT_PROMISE,
  OD_INVOICE_EDIT_PLAN,
  OD_INVOICE_EDIT_VOID,
} OdInvoiceEditKind;

/* One change the invoice view makes to an invoice. */
typedef struct
{
  OdInvoiceEditKind kind;
  gint64            invoice_id;
  char             *currency;
  gint64            amount;     /* payment; promise (0 = all of it) */
  GDate             date;       /* payment; promise: the promised day; plan: first due */
  OdPauseKind       pause;      /* pause */
  char             *reason;     /* pause */
  guint             count;      /* plan: instalments */
  guint             every_days; /* plan */
} OdInvoiceEdit;

OdInvoiceEdit *od_invoice_edit_new   (OdInvoiceEditKind  kind);
void           od_invoice_edit_free  (OdInvoiceEdit     *edit);
/* Makes @edit through the store calls overdue-cli makes, with the same
 * audit entries, all or nothing. Runs in a worker thread. */
gboolean       od_invoice_edit_apply (OdInvoiceEdit     *edit,
                                      OdStore           *store,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInvoiceEdit, od_invoice_edit_free)

G_END_DECLS
