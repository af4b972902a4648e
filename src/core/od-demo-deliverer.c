/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-demo-deliverer.h"

struct _OdDemoDeliverer
{
  GObject parent_instance;
};

static void od_demo_deliverer_deliverer_init (OdDelivererInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdDemoDeliverer, od_demo_deliverer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_DELIVERER,
                                                      od_demo_deliverer_deliverer_init))

static void
od_demo_deliverer_deliver (OdDeliverer  *deliverer,
                           OdOutboxRow  *row,
                           OdDelivery   *delivery,
                           GCancellable *cancellable)
{
  delivery->outcome = OD_DELIVERY_SENT;
  delivery->demo = TRUE;
  delivery->message_id = g_strdup_printf ("<%s@demo.invalid>", row->idempotency_key);
  delivery->detail = g_strdup_printf (_("%s kept here (demo): nothing left this computer"),
                                      od_channel_to_string (row->channel));
}

static void
od_demo_deliverer_deliverer_init (OdDelivererInterface *iface)
{
  iface->deliver = od_demo_deliverer_deliver;
}

static void
od_demo_deliverer_class_init (OdDemoDelivererClass *klass)
{
}

static void
od_demo_deliverer_init (OdDemoDeliverer *self)
{
}

OdDeliverer *
od_demo_deliverer_new (void)
{
  return g_object_new (OD_TYPE_DEMO_DELIVERER, NULL);
}
