/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

#define OD_TYPE_CONTEXT (od_context_get_type ())
G_DECLARE_FINAL_TYPE (OdContext, od_context, OD, CONTEXT, GObject)

/* The application's services: the store now; the HTTP session, the
 * secret store and the scheduler as they arrive. Created once by the
 * application (or the CLI) and handed to every window and page. */
OdContext *od_context_new       (OdStore   *store);
OdStore   *od_context_get_store (OdContext *self);

/* Whoever writes to the ledger from the window calls this on the main
 * thread once the write has committed; every page listening to
 * "ledger-changed" reloads what it shows. */
void       od_context_ledger_changed (OdContext *self);

G_END_DECLS
