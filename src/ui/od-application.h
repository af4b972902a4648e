/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_APPLICATION (od_application_get_type ())
G_DECLARE_FINAL_TYPE (OdApplication, od_application, OD, APPLICATION, AdwApplication)

OdApplication *od_application_new (void);

G_END_DECLS
