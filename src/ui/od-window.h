/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_WINDOW (od_window_get_type ())
G_DECLARE_FINAL_TYPE (OdWindow, od_window, OD, WINDOW, AdwApplicationWindow)

OdWindow   *od_window_new           (AdwApplication *application,
                                     OdContext      *context);
OdContext  *od_window_get_context   (OdWindow       *self);
/* The customers shown (a GListModel of OdCustomer), for tests. */
GListModel *od_window_get_customers (OdWindow       *self);

G_END_DECLS
