/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "od-outbox-row.h"

G_BEGIN_DECLS

#define OD_TYPE_ACTIVITY_ITEM (od_activity_item_get_type ())
G_DECLARE_FINAL_TYPE (OdActivityItem, od_activity_item, OD, ACTIVITY_ITEM, GObject)

/*
 * One outbox row as an item of a GListModel (the Activity and Letters
 * pages list them). The row is read once and never changes: a decision
 * reads the list again.
 */
OdActivityItem *od_activity_item_new         (OdOutboxRow    *row);
OdOutboxRow    *od_activity_item_get_row     (OdActivityItem *self);
gint64          od_activity_item_get_id      (OdActivityItem *self);
/* What the state means to a person: "Waiting for review", "To print", … */
const char     *od_activity_item_state_label (OdActivityItem *self);
/* The style class of the state's pill ("od-pill-warning", …). */
const char     *od_activity_item_state_style (OdActivityItem *self);
/* The channel's name, translated. */
const char     *od_activity_item_channel_label (OdActivityItem *self);
/* Whether a letter is still to print and post. */
gboolean        od_activity_item_is_to_print (OdActivityItem *self);
/* @at in local time for people, "1 Nov 2026, 09:00"; NULL for NULL. */
char           *od_activity_item_format_instant (GDateTime  *at);

G_END_DECLS
