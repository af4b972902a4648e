/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFERENCES_WINDOW (od_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (OdPreferencesWindow, od_preferences_window, OD, PREFERENCES_WINDOW, AdwPreferencesWindow)

OdPreferencesWindow *od_preferences_window_new         (GtkWindow           *parent);
OdContext           *od_preferences_window_get_context (OdPreferencesWindow *self);
void                 od_preferences_window_show_page   (OdPreferencesWindow *self,
                                                        const char          *name);

G_END_DECLS
