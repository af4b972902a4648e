/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-dunning.h"
#include "od-store.h"

G_BEGIN_DECLS

/*
 * What the invoice view shows of one invoice, read in a worker thread:
 * the invoice, its payments, charges and pauses, and (when it is open)
 * its dunning snapshot and the plan as overdue-cli plan shows it now.
 */
typedef struct
{
  gint64             invoice_id;
  OdInvoice         *invoice;
  GPtrArray         *payments;
  GPtrArray         *charges;
  GPtrArray         *pauses;
  OdDunningSnapshot *snapshot;
  OdDunningPlan     *plan;
} OdInvoiceDetail;

OdInvoiceDetail *od_invoice_detail_read     (OdStore          *store,
                                             gint64            invoice_id,
                                             GError          **error);
void             od_invoice_detail_free     (OdInvoiceDetail  *detail);

/* The business's time zone (the local one when it has none). */
GTimeZone       *od_invoice_business_zone   (OdStore          *store);
/* Today in the business's time zone. */
void             od_invoice_business_today  (OdStore          *store,
                                             GDate            *out);

/* A number for a new invoice: the latest invoice's with its trailing
 * digits counted up to the first free one. Runs in a worker thread. */
char            *od_invoice_suggest_number  (OdStore          *store,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInvoiceDetail, od_invoice_detail_free)

G_END_DECLS
