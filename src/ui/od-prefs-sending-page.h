/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_SENDING_PAGE (od_prefs_sending_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsSendingPage, od_prefs_sending_page, OD, PREFS_SENDING_PAGE, AdwPreferencesPage)

OdPrefsSendingPage *od_prefs_sending_page_new (OdContext *context);

G_END_DECLS
