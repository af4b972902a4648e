/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMER_POLICY_ROW (od_customer_policy_row_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomerPolicyRow, od_customer_policy_row, OD, CUSTOMER_POLICY_ROW, AdwComboRow)

/*
 * The reminder ladder of one customer, chosen among the ledger's:
 * "Automatic" (none of its own: the business ladder, or the high-risk
 * ladder while the customer's risk is high), the business ladder or the
 * high-risk ladder always (stored as the customer's own copy, named after
 * the customer), or the customer's own ladder as it stands. Reads and
 * writes in a worker thread; calls od_context_ledger_changed after a
 * change.
 */
OdCustomerPolicyRow *od_customer_policy_row_new          (void);
void                 od_customer_policy_row_set_customer (OdCustomerPolicyRow *self,
                                                          OdContext           *context,
                                                          gint64               customer_id,
                                                          const char          *customer_ref);
/* Whether a read or a write is under way. */
gboolean             od_customer_policy_row_is_busy      (OdCustomerPolicyRow *self);

G_END_DECLS
