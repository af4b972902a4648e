/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-report-risk.h"
#include "od-store.h"

G_BEGIN_DECLS

/* What the customer page shows of one customer, read in a worker thread. */

typedef struct
{
  char      *title;
  char      *channel;     /* translated */
  char      *invoice;     /* may be NULL */
  char      *outcome;     /* translated; may be NULL */
  GDateTime *at;          /* local */
} OdCustomerMessage;

typedef struct
{
  gint64           customer_id;
  guint            generation;     /* the caller's, to drop stale reads */
  OdCustomer      *customer;
  OdReportRiskRow *risk;           /* as of today; NULL when archived */
  GPtrArray       *invoices;       /* OdInvoice*, latest due first, at most max_rows */
  gint64           n_invoices;     /* all of them */
  GPtrArray       *messages;       /* OdCustomerMessage*, latest first, at most max_rows */
} OdCustomerDetail;

OdCustomerDetail *od_customer_detail_read (OdStore          *store,
                                           gint64            customer_id,
                                           guint             max_rows,
                                           GError          **error);
void              od_customer_detail_free (OdCustomerDetail *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCustomerDetail, od_customer_detail_free)

G_END_DECLS
