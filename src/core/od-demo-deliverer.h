/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-deliverer.h"

G_BEGIN_DECLS

#define OD_TYPE_DEMO_DELIVERER (od_demo_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (OdDemoDeliverer, od_demo_deliverer, OD, DEMO_DELIVERER, GObject)

/* With no account set up: every message is kept as "sent (demo)" and
 * nothing leaves the machine; the message stays readable in the outbox. */
OdDeliverer *od_demo_deliverer_new (void);

G_END_DECLS
