/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-activity-item.h"

G_BEGIN_DECLS

#define OD_TYPE_MESSAGE_VIEW (od_message_view_get_type ())
G_DECLARE_FINAL_TYPE (OdMessageView, od_message_view, OD, MESSAGE_VIEW, AdwBin)

/*
 * One outbox message as it was (or will be) sent: subject, recipient,
 * state with what it means, the text, and its facts (customer, invoices,
 * history, error, message id). Its buttons name the Activity page's
 * actions (activity.approve, …), which the page enables.
 */
OdMessageView  *od_message_view_new      (void);
void            od_message_view_set_item (OdMessageView  *self,
                                          OdActivityItem *item);
OdActivityItem *od_message_view_get_item (OdMessageView  *self);

G_END_DECLS
