/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_WELCOME_PAGE (od_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (OdWelcomePage, od_welcome_page, OD, WELCOME_PAGE, AdwBin)

/*
 * The first run's page, shown while no ledger exists: "Try the Demo" or
 * "Start Fresh". Emits "chosen" (gboolean demo) when one is clicked; the
 * window creates the ledger and calls od_welcome_page_set_busy() meanwhile.
 */
OdWelcomePage *od_welcome_page_new      (void);
/* @message: what is being done ("Creating the demo ledger…"), shown with
 * a pulsing bar and the buttons insensitive; NULL: idle again. */
void           od_welcome_page_set_busy (OdWelcomePage *self,
                                         const char    *message);
gboolean       od_welcome_page_is_busy  (OdWelcomePage *self);

G_END_DECLS
