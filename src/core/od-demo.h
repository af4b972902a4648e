/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/* Fills an empty ledger with a believable small business: about 40
 * customers and 300 invoices over the 18 months before @today, paid on
 * time, paid late, partly paid, overdue at every stage, one disputed, one
 * on a payment plan. The same @today always gives the same ledger. */
gboolean od_demo_populate (OdStore      *store,
                           const GDate  *today,
                           GError      **error);
/* The demo business's collection run of @today's morning (09:00, the
 * whole day's steps): the outbox holds messages kept in demo mode, steps
 * waiting for review, letters to print and calls to make, whatever the
 * hour the demo is first opened. Taking a step twice does nothing. */
gboolean od_demo_run_today (OdStore      *store,
                            const GDate  *today,
                            GError      **error);

G_END_DECLS
