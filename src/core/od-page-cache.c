/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-page-cache.h"

typedef struct
{
  guint      index;
  GPtrArray *items;   /* one slot per id of the page; NULL for a gone row */
} Page;

struct _OdPageCache
{
  OdStore             *store;
  OdPageCacheLoadFunc  load;
  OdPageCacheIdFunc    get_id;
  GArray              *ids;
  GQueue               pages;   /* most recently used first */
};

static void
unref_if_set (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

OdPageCache *
_od_page_cache_new (OdStore             *store,
                    OdPageCacheLoadFunc  load,
                    OdPageCacheIdFunc    get_id)
{
  OdPageCache *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (load != NULL, NULL);
  g_return_val_if_fail (get_id != NULL, NULL);

  self = g_new0 (OdPageCache, 1);
  self->store = g_object_ref (store);
  self->load = load;
  self->get_id = get_id;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->pages);
  return self;
}

void
_od_page_cache_free (OdPageCache *self)
{
  if (self == NULL)
    return;

  _od_page_cache_drop_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->store);
  g_free (self);
}

guint
_od_page_cache_get_n_items (OdPageCache *self)
{
  return self->ids->len;
}

gint64
_od_page_cache_get_id (OdPageCache *self,
                       guint        position)
{
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

guint
_od_page_cache_set_ids (OdPageCache *self,
                        GArray      *ids)
{
  guint old = self->ids->len;

  _od_page_cache_drop_pages (self);
  g_array_unref (self->ids);
  self->ids = ids != NULL ? ids : g_array_new (FALSE, FALSE, sizeof (gint64));
  return old;
}

void
_od_page_cache_drop_pages (OdPageCache *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static Page *
load_page (OdPageCache *self,
           guint        index)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *ids;
  guint start = index * OD_PAGE_CACHE_PAGE_SIZE;
  guint n = MIN (OD_PAGE_CACHE_PAGE_SIZE, self->ids->len - start);
  Page *page;
  guint k = 0;

  ids = &g_array_index (self->ids, gint64, start);
  rows = self->load (self->store, ids, n, &error);
  if (rows == NULL)
    {
      g_warning ("Could not load rows %u to %u: %s", start, start + n - 1, error->message);
      return NULL;
    }

  /* load_* keeps the order of the ids and skips rows deleted since the
   * ids were read: walk both to leave a hole for each of those. */
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (n, unref_if_set);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = NULL;

      if (k < rows->len && self->get_id (g_ptr_array_index (rows, k)) == ids[i])
        item = g_object_ref (g_ptr_array_index (rows, k++));
      g_ptr_array_add (page->items, item);
    }
  return page;
}

gpointer
_od_page_cache_get_item (OdPageCache *self,
                         guint        position)
{
  guint index = position / OD_PAGE_CACHE_PAGE_SIZE;
  gpointer item;
  Page *page = NULL;

  if (position >= self->ids->len)
    return NULL;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      if (((Page *) l->data)->index == index)
        {
          page = l->data;
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          break;
        }
    }

  if (page == NULL)
    {
      page = load_page (self, index);
      if (page == NULL)
        return NULL;
      g_queue_push_head (&self->pages, page);
      while (self->pages.length > OD_PAGE_CACHE_N_PAGES)
        page_free (g_queue_pop_tail (&self->pages));
    }

  item = g_ptr_array_index (page->items, position % OD_PAGE_CACHE_PAGE_SIZE);
  return item != NULL ? g_object_ref (item) : NULL;
}
