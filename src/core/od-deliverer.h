/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-outbox-row.h"
#include "od-store.h"

G_BEGIN_DECLS

/* What one attempt came to. @detail is for the communications log and
 * the owner: the error, or what was done ("queued for printing"). */
typedef struct
{
  OdDeliveryOutcome  outcome;
  gboolean           demo;        /* nothing left the machine */
  char              *message_id;
  char              *detail;
} OdDelivery;

void od_delivery_clear (OdDelivery *delivery);

#define OD_TYPE_DELIVERER (od_deliverer_get_type ())
G_DECLARE_INTERFACE (OdDeliverer, od_deliverer, OD, DELIVERER, GObject)

/*
 * One way a message leaves: email, SMS, the print queue, a call task, a
 * demo that keeps it here. OdOutbox hands each claimed row ('sending') to
 * the deliverer of its channel and records the outcome. deliver() may
 * block (a network round trip): the app calls it from a worker thread.
 * It must say UNKNOWN, never SENT or TEMPORARY, when the message may have
 * been handed over without a reply.
 */
struct _OdDelivererInterface
{
  GTypeInterface parent_iface;

  void (*deliver) (OdDeliverer   *self,
                   OdOutboxRow   *row,
                   OdDelivery    *delivery,
                   GCancellable  *cancellable);
};

void od_deliverer_deliver (OdDeliverer   *self,
                           OdOutboxRow   *row,
                           OdDelivery    *delivery,
                           GCancellable  *cancellable);

/* For deliverers whose server refused a customer's address or number
 * for good: opts the customer out of @channel and records @action with
 * @detail in the audit log, both or neither, so that the engine falls
 * back to another channel until the owner fixes it and opts back in. */
gboolean od_deliverer_opt_out_customer (OdStore     *store,
                                        gint64       customer_id,
                                        OdChannel    channel,
                                        const char  *action,
                                        const char  *detail,
                                        GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OdDelivery, od_delivery_clear)

G_END_DECLS
