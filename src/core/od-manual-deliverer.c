/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-manual-deliverer.h"

struct _OdManualDeliverer
{
  GObject parent_instance;
};

static void od_manual_deliverer_deliverer_init (OdDelivererInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdManualDeliverer, od_manual_deliverer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_DELIVERER,
                                                      od_manual_deliverer_deliverer_init))

static void
od_manual_deliverer_deliver (OdDeliverer  *deliverer,
                             OdOutboxRow  *row,
                             OdDelivery   *delivery,
                             GCancellable *cancellable)
{
  switch (row->channel)
    {
    case OD_CHANNEL_LETTER:
      delivery->outcome = OD_DELIVERY_SENT;
      delivery->detail = g_strdup (_("Letter queued for printing"));
      break;
    case OD_CHANNEL_CALL:
      delivery->outcome = OD_DELIVERY_SENT;
      delivery->detail = g_strdup (_("Call task made"));
      break;
    case OD_CHANNEL_EMAIL:
    case OD_CHANNEL_SMS:
    case OD_CHANNEL_NONE:
    default:
      delivery->outcome = OD_DELIVERY_PERMANENT;
      /* Translators: %s is a channel as the CLI spells it: email or sms */
      delivery->detail = g_strdup_printf (_("A %s cannot be handed to a person"),
                                          od_channel_to_string (row->channel));
      break;
    }
}

static void
od_manual_deliverer_deliverer_init (OdDelivererInterface *iface)
{
  iface->deliver = od_manual_deliverer_deliver;
}

static void
od_manual_deliverer_class_init (OdManualDelivererClass *klass)
{
}

static void
od_manual_deliverer_init (OdManualDeliverer *self)
{
}

OdDeliverer *
od_manual_deliverer_new (void)
{
  return g_object_new (OD_TYPE_MANUAL_DELIVERER, NULL);
}
