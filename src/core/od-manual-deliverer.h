/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-deliverer.h"

G_BEGIN_DECLS

#define OD_TYPE_MANUAL_DELIVERER (od_manual_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (OdManualDeliverer, od_manual_deliverer, OD, MANUAL_DELIVERER, GObject)

/*
 * Letters and calls go to a person. Delivering one is handing it over:
 * the row becomes 'sent' at once (a letter is in the print queue, a call
 * is on the to-do list) and stays "to do" until the owner marks it done
 * (done_at: printed and posted, or called). So the print queue is the
 * sent letters not yet done, and the call list the sent calls not yet
 * done; the communications log says which ("queued for printing",
 * "call task made").
 */
OdDeliverer *od_manual_deliverer_new (void);

G_END_DECLS
