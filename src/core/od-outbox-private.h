/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-outbox.h"

G_BEGIN_DECLS

/* The message of @actions (OdDunningAction*, one customer, one channel)
 * from the template the step names (its A/B variant), in @customer's
 * language: for email *@subject, *@text and *@html, for SMS *@text.
 * FALSE without an error when there is no template for the step, so the
 * caller writes the plain message instead. */
gboolean _od_outbox_render (OdStore     *store,
                            OdBusiness  *business,
                            OdCustomer  *customer,
                            GPtrArray   *actions,
                            OdChannel    channel,
                            char       **subject,
                            char       **text,
                            char       **html,
                            GError     **error);

G_END_DECLS
