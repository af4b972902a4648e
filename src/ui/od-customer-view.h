/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-report-risk.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMER_VIEW (od_customer_view_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomerView, od_customer_view, OD, CUSTOMER_VIEW, AdwBin)

/*
 * One customer: details, contacts, the risk badge with its reasons (the
 * risk report's row for this customer), payment behaviour, chasing
 * (ladder, do-not-chase, channel opt-outs, written at once), its invoices
 * (activating one opens it through win.show-invoice) and its messages.
 * The figures are read in a worker thread after set_customer.
 * Its Edit and Delete buttons activate customers.edit and
 * customers.delete, which the customers page provides.
 */
OdCustomerView        *od_customer_view_new          (OdContext      *context);
/* Shows @customer at once and reads the rest; NULL clears the view. */
void                   od_customer_view_set_customer (OdCustomerView *self,
                                                      OdCustomer     *customer);
OdCustomer            *od_customer_view_get_customer (OdCustomerView *self);
/* Whether a read or a write is under way (tests wait for it to end). */
gboolean               od_customer_view_is_loading   (OdCustomerView *self);
/* What the view shows, for the tests: the risk row (NULL while loading),
 * the invoices listed (OdInvoice*), the history lines shown, the badge. */
const OdReportRiskRow *od_customer_view_get_risk     (OdCustomerView *self);
GPtrArray             *od_customer_view_get_invoices (OdCustomerView *self);
guint                  od_customer_view_get_n_messages (OdCustomerView *self);
GtkLabel              *od_customer_view_get_badge    (OdCustomerView *self);
/* Sets do-not-chase as the switch does, without asking (tests). */
void                   od_customer_view_set_do_not_chase (OdCustomerView *self,
                                                          gboolean        do_not_chase);

G_END_DECLS
