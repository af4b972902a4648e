/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-policy.h"

G_BEGIN_DECLS

/* A plain-language summary of what @policy's ladder will do: one
 * sentence per step, then the repeat rule, the send window, interest and
 * the early-payment discount. Fixed amounts are written without a
 * currency (they apply in each invoice's own). Free with g_free(). */
char *od_policy_describe (const OdPolicy *policy);

G_END_DECLS
