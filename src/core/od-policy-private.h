/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-policy.h"

G_BEGIN_DECLS

/* The longest offset, grace or repeat interval a policy may name: ten
 * years is beyond any ladder, and keeps date arithmetic far from gint's
 * limits. */
#define OD_POLICY_MAX_DAYS 3650
#define OD_POLICY_MAX_REPEATS 100
#define OD_POLICY_MAX_BP 10000

/* "15.00", "15.125": thousandths as the key file writes them. */
char *_od_policy_format_amount  (gint64  milli);
/* "8", "2.5", "0.25": basis points as a percentage. */
char *_od_policy_format_percent (gint    basis_points);
/* "09:00-17:00" */
char *_od_policy_format_hours   (guint   start_minute,
                                 guint   end_minute);

G_END_DECLS
