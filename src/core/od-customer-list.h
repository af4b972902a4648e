/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMER_LIST (od_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomerList, od_customer_list, OD, CUSTOMER_LIST, GObject)

/*
 * A GListModel of OdCustomer that pages from the store: it holds the
 * matching ids only (8 bytes a row) and loads rows a page at a time on
 * get_item, keeping a few pages cached. Empty until loaded.
 */
OdCustomerList *od_customer_list_new         (OdStore               *store);
OdStore       *od_customer_list_get_store   (OdCustomerList         *self);
gboolean       od_customer_list_load        (OdCustomerList         *self,
                                            const OdCustomerQuery *query,
                                            GError               **error);
void           od_customer_list_load_async  (OdCustomerList         *self,
                                            const OdCustomerQuery *query,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean       od_customer_list_load_finish (OdCustomerList         *self,
                                            GAsyncResult          *result,
                                            GError               **error);
/* Forget cached rows (after an edit) without changing the ids. */
void           od_customer_list_invalidate  (OdCustomerList         *self);

G_END_DECLS
