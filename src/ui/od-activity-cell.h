/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Activity page's columns, in their order in the column view. */
typedef enum
{
  OD_ACTIVITY_CELL_STATE,
  OD_ACTIVITY_CELL_CHANNEL,
  OD_ACTIVITY_CELL_CUSTOMER,
  OD_ACTIVITY_CELL_INVOICES,
  OD_ACTIVITY_CELL_STEP,
  OD_ACTIVITY_CELL_WHEN,
  OD_ACTIVITY_CELL_ATTEMPTS,
  OD_ACTIVITY_CELL_ERROR,
} OdActivityCell;

/* A factory of @kind's cells over OdActivityItem rows. */
GtkListItemFactory *od_activity_cell_factory_new (OdActivityCell kind);

G_END_DECLS
