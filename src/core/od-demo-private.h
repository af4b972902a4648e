/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/* Where the demo business is. */
#define OD_DEMO_TIME_ZONE "Europe/Berlin"

/* od-demo-history.c: the reminders the demo business already sent. */
gboolean _od_demo_add_history (OdStore      *store,
                               const GDate  *today,
                               const char   *time_zone,
                               GError      **error);

G_END_DECLS
