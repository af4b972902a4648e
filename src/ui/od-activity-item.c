/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-activity-item.h"

struct _OdActivityItem
{
  GObject      parent_instance;

  OdOutboxRow *row;
};

G_DEFINE_FINAL_TYPE (OdActivityItem, od_activity_item, G_TYPE_OBJECT)

/* GObject */

static void
od_activity_item_finalize (GObject *object)
{
  OdActivityItem *self = OD_ACTIVITY_ITEM (object);

  g_clear_pointer (&self->row, od_outbox_row_free);

  G_OBJECT_CLASS (od_activity_item_parent_class)->finalize (object);
}

static void
od_activity_item_class_init (OdActivityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_activity_item_finalize;
}

static void
od_activity_item_init (OdActivityItem *self)
{
}

/* Public API */

/**
 * od_activity_item_new:
 * @row: (transfer full): the row
 */
OdActivityItem *
od_activity_item_new (OdOutboxRow *row)
{
  OdActivityItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (OD_TYPE_ACTIVITY_ITEM, NULL);
  self->row = row;
  return self;
}

OdOutboxRow *
od_activity_item_get_row (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), NULL);

  return self->row;
}

gint64
od_activity_item_get_id (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), 0);

  return self->row->id;
}

gboolean
od_activity_item_is_to_print (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), FALSE);

  return self->row->channel == OD_CHANNEL_LETTER &&
         self->row->state == OD_OUTBOX_STATE_SENT &&
         self->row->done_at == NULL;
}

const char *
od_activity_item_state_label (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), NULL);

  switch (self->row->state)
    {
    case OD_OUTBOX_STATE_QUEUED:
      return C_("outbox state", "Queued");
    case OD_OUTBOX_STATE_SENDING:
      return C_("outbox state", "Sending");
    case OD_OUTBOX_STATE_SENT:
      if (self->row->done_at == NULL && self->row->channel == OD_CHANNEL_LETTER)
        return C_("outbox state", "To print");
      if (self->row->done_at == NULL && self->row->channel == OD_CHANNEL_CALL)
        return C_("outbox state", "To call");
      if (self->row->demo)
        return C_("outbox state", "Sent (demo)");
      return C_("outbox state", "Sent");
    case OD_OUTBOX_STATE_FAILED:
      return self->row->permanent ? C_("outbox state", "Failed")
                                  : C_("outbox state", "Will retry");
    case OD_OUTBOX_STATE_UNKNOWN:
      return C_("outbox state", "Unknown");
    case OD_OUTBOX_STATE_AWAITING_REVIEW:
      return C_("outbox state", "Review");
    case OD_OUTBOX_STATE_CANCELLED:
    default:
      return C_("outbox state", "Cancelled");
    }
}

const char *
od_activity_item_state_style (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), NULL);

  switch (self->row->state)
    {
    case OD_OUTBOX_STATE_SENT:
      return self->row->done_at == NULL &&
             (self->row->channel == OD_CHANNEL_LETTER || self->row->channel == OD_CHANNEL_CALL)
             ? "od-pill-accent" : "od-pill-success";
    case OD_OUTBOX_STATE_FAILED:
    case OD_OUTBOX_STATE_UNKNOWN:
      return "od-pill-error";
    case OD_OUTBOX_STATE_AWAITING_REVIEW:
      return "od-pill-warning";
    case OD_OUTBOX_STATE_QUEUED:
    case OD_OUTBOX_STATE_SENDING:
      return "od-pill-accent";
    case OD_OUTBOX_STATE_CANCELLED:
    default:
      return "od-pill-dim";
    }
}

const char *
od_activity_item_channel_label (OdActivityItem *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_ITEM (self), NULL);

  switch (self->row->channel)
    {
    case OD_CHANNEL_EMAIL:
      return C_("channel", "Email");
    case OD_CHANNEL_SMS:
      return C_("channel", "SMS");
    case OD_CHANNEL_LETTER:
      return C_("channel", "Letter");
    case OD_CHANNEL_CALL:
      return C_("channel", "Call");
    case OD_CHANNEL_NONE:
    default:
      return "";
    }
}

char *
od_activity_item_format_instant (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return NULL;
  local = g_date_time_to_local (at);
  /* Translators: when a message was sent or tried, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}
