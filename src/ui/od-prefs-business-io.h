/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-business.h"
#include "od-store.h"

G_BEGIN_DECLS

/* The business page's reads and writes, in worker threads. */

/* A copy of @business, property by property; whether two are the same. */
OdBusiness *od_prefs_business_copy        (OdBusiness           *business);
gboolean    od_prefs_business_equal       (OdBusiness           *a,
                                           OdBusiness           *b);

/* Reads the profile; an empty one when the ledger has none yet. */
void        od_prefs_business_load_async  (OdStore              *store,
                                           gpointer              source_object,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
OdBusiness *od_prefs_business_load_finish (GAsyncResult         *result,
                                           GError              **error);

/* Stores @draft. A @new_logo file is first copied into Overdue's data
 * folder (a JPEG converted to PNG, which the documents can draw) and the
 * stored profile names the copy. Returns the profile as stored. */
void        od_prefs_business_save_async  (OdStore              *store,
                                           OdBusiness           *draft,
                                           const char           *new_logo,
                                           gpointer              source_object,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
OdBusiness *od_prefs_business_save_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
