/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_PREFS_LOGO_ROW (od_prefs_logo_row_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsLogoRow, od_prefs_logo_row, OD, PREFS_LOGO_ROW, AdwActionRow)

/* A row that shows the business logo (a small preview and the file's
 * name), picks a PNG, JPEG or SVG file with the system's file chooser,
 * and removes it. Its "path" is only a draft: the page saves it. */
GtkWidget  *od_prefs_logo_row_new      (void);
const char *od_prefs_logo_row_get_path (OdPrefsLogoRow *self);
void        od_prefs_logo_row_set_path (OdPrefsLogoRow *self,
                                        const char     *path);

G_END_DECLS
