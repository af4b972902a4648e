/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_DEMO_STRIP (od_demo_strip_get_type ())
G_DECLARE_FINAL_TYPE (OdDemoStrip, od_demo_strip, OD, DEMO_STRIP, AdwBin)

/*
 * The strip under the header bar while nothing leaves the machine
 * (od_collection_is_demo): "Demo mode: nothing is sent to customers" and
 * a "Turn Off" that asks first, or, with demo mode off but no email or
 * SMS account, a note whose "Set Up" opens Preferences on its Accounts
 * page. Read again on every "ledger-changed", in a worker thread.
 */
OdDemoStrip *od_demo_strip_new         (void);
void         od_demo_strip_set_context (OdDemoStrip *self,
                                        OdContext   *context);
/* Whether the strip shows (for tests). */
gboolean     od_demo_strip_is_shown    (OdDemoStrip *self);
/* Whether a read or a write is in flight (for tests). */
gboolean     od_demo_strip_is_busy     (OdDemoStrip *self);

G_END_DECLS
