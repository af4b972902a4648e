/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Asks the Background portal to let the application run without a window
 * and, with @autostart, to start it hidden at login ("overdue
 * --background"); without, to stop starting it. No portal (a bare
 * session, a test) is not an error: the app still runs while the session
 * does. Fire and forget: the answer is only logged. */
void od_background_request (GApplication *application,
                            gboolean      autostart);

G_END_DECLS
