/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The About window (AdwAboutWindow), transient for @parent; returns it. */
GtkWindow *od_about_present (GtkWindow *parent);

G_END_DECLS
