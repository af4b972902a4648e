/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_BUSINESS_PAGE (od_prefs_business_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsBusinessPage, od_prefs_business_page, OD, PREFS_BUSINESS_PAGE, AdwPreferencesPage)

/* The business profile as a draft: nothing reaches the ledger until
 * Save (or the window closes with a draft that is valid). */
OdPrefsBusinessPage *od_prefs_business_page_new        (OdContext           *context);
/* Whether a load or a save is running. */
gboolean             od_prefs_business_page_is_busy    (OdPrefsBusinessPage *self);
/* Whether the draft differs from what the ledger holds. */
gboolean             od_prefs_business_page_is_dirty   (OdPrefsBusinessPage *self);
/* For the window's close-request: TRUE when @window may close now;
 * otherwise the page saves the draft and closes @window once it is saved,
 * or (a draft with mistakes) asks whether to discard it. */
gboolean             od_prefs_business_page_close      (OdPrefsBusinessPage *self,
                                                        GtkWindow           *window);

G_END_DECLS
