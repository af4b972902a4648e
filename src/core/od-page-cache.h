/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

/* Rows a page holds, and how many pages stay loaded. */
#define OD_PAGE_CACHE_PAGE_SIZE 128
#define OD_PAGE_CACHE_N_PAGES   8

/* The store's load_* for one kind of row, and how to read a row's id. */
typedef GPtrArray *(*OdPageCacheLoadFunc) (OdStore       *store,
                                           const gint64  *ids,
                                           guint          n_ids,
                                           GError       **error);
typedef gint64     (*OdPageCacheIdFunc)   (gpointer       item);

/*
 * What the paged list models share: the ids of the rows in list order
 * and the few most recently used pages of loaded rows. Not thread-safe:
 * it belongs to the list model's thread.
 */
typedef struct _OdPageCache OdPageCache;

OdPageCache *_od_page_cache_new         (OdStore              *store,
                                         OdPageCacheLoadFunc   load,
                                         OdPageCacheIdFunc     get_id);
void         _od_page_cache_free        (OdPageCache          *self);
guint        _od_page_cache_get_n_items (OdPageCache          *self);
gint64       _od_page_cache_get_id      (OdPageCache          *self,
                                         guint                 position);
/* Takes @ids (may be NULL for none), drops every page and returns the
 * number of items before. */
guint        _od_page_cache_set_ids     (OdPageCache          *self,
                                         GArray               *ids);
void         _od_page_cache_drop_pages  (OdPageCache          *self);
/* The row at @position (a new reference), loading its page if needed;
 * NULL past the end, or when the row has gone since the ids were read. */
gpointer     _od_page_cache_get_item    (OdPageCache          *self,
                                         guint                 position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdPageCache, _od_page_cache_free)

G_END_DECLS
