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
/* The store's query_*_ids for one kind of row; @query is its query. */
typedef GArray    *(*OdPageCacheQueryFunc) (OdStore       *store,
                                            gconstpointer  query,
                                            GError       **error);

/*
 * What a paged list model tells the cache about its kind of row: the
 * store calls that read the ids and the rows, how to read a row's id,
 * and how to copy a query (with its strings) for a worker thread.
 */
typedef struct
{
  OdPageCacheQueryFunc   query_ids;
  OdPageCacheLoadFunc    load;
  OdPageCacheIdFunc      get_id;
  gpointer             (*copy_query) (gconstpointer query);
  GDestroyNotify         free_query;
} OdPageCacheKind;

/*
 * What the paged list models share: the ids of the rows in list order,
 * the few most recently used pages of loaded rows, and the loads that
 * replace the ids. The cache emits items-changed on @model and notifies
 * its @n_items property; @model owns the cache, and @kind is static. Not
 * thread-safe: it belongs to the list model's thread.
 */
typedef struct _OdPageCache OdPageCache;

OdPageCache *_od_page_cache_new         (GListModel            *model,
                                         GParamSpec            *n_items,
                                         OdStore               *store,
                                         const OdPageCacheKind *kind);
void         _od_page_cache_free        (OdPageCache           *self);
guint        _od_page_cache_get_n_items (OdPageCache           *self);
gint64       _od_page_cache_get_id      (OdPageCache           *self,
                                         guint                  position);
/* The row at @position (a new reference), loading its page if needed;
 * NULL past the end, or when the row has gone since the ids were read. */
gpointer     _od_page_cache_get_item    (OdPageCache           *self,
                                         guint                  position);
/* Reads the ids matching @query and swaps them in. */
gboolean     _od_page_cache_load        (OdPageCache           *self,
                                         gconstpointer          query,
                                         GError               **error);
/* The same in a worker thread; the ids are swapped in on the calling
 * thread's main context before @callback runs, whose result belongs to
 * the model (tagged @source_tag) and holds a boolean. A later load, or
 * @cancellable, makes this one fail with %G_IO_ERROR_CANCELLED. */
void         _od_page_cache_load_async  (OdPageCache           *self,
                                         gconstpointer          query,
                                         gpointer               source_tag,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
/* Forgets the loaded rows, keeping the ids. */
void         _od_page_cache_invalidate  (OdPageCache           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdPageCache, _od_page_cache_free)

G_END_DECLS
