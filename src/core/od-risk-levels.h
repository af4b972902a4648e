/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/* The ledger setting holding the day (ISO 8601) the customers' stored
 * risk levels were last computed for. */
#define OD_RISK_LEVELS_AS_OF_KEY "risk-levels-as-of"

/* Computes every customer's risk level as of @as_of (the risk report)
 * and stores it, so that the dunning snapshot can give high-risk
 * customers the high-risk ladder. Unless @force, does nothing when the
 * levels were already computed for @as_of: the collection pass calls it
 * at each run and it costs a scan of the ledger once a day.
 * *@refreshed (may be NULL) says whether it computed them. */
gboolean od_risk_levels_refresh (OdStore      *store,
                                 const GDate  *as_of,
                                 gboolean      force,
                                 gboolean     *refreshed,
                                 GError      **error);

G_END_DECLS
