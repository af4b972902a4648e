/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-page-cache.h"

typedef struct
{
  guint      index;
  GPtrArray *items;   /* one slot per id of the page; NULL for a gone row */
} Page;

struct _OdPageCache
{
  GListModel            *model;     /* owns the cache */
  GParamSpec            *n_items;
  OdStore               *store;
  const OdPageCacheKind *kind;
  GArray                *ids;
  GQueue                 pages;     /* most recently used first */
  guint                  serial;    /* the latest load; older ones are stale */
};

/* A copy of the query for the worker thread. */
typedef struct
{
  OdPageCache           *cache;   /* the model, the task's source, keeps it */
  const OdPageCacheKind *kind;    /* static; outlives the cache */
  gpointer               query;
  guint                  serial;
} LoadData;

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

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  load->kind->free_query (load->query);
  g_free (load);
}

static void
drop_pages (OdPageCache *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = ((const Page *) a)->index, y = ((const Page *) b)->index;

  return (x > y) - (x < y);
}

/* The same rows as before, read again: only the pages handed out can be
 * out of date, so only they are said to change. Replacing every row of a
 * column view costs GTK 4.8 a quarter of a second at 25,000 rows; the
 * view holds items only from recently used pages, which are all kept. */
static gboolean
refresh_same_ids (OdPageCache *self,
                  GArray      *ids)
{
  g_autoptr(GList) pages = NULL;

  if (ids == NULL || ids->len != self->ids->len || ids->len == 0 ||
      memcmp (ids->data, self->ids->data, ids->len * sizeof (gint64)) != 0)
    return FALSE;

  pages = g_list_sort (g_list_copy (self->pages.head), compare_pages);
  g_queue_init (&self->pages);
  g_array_unref (self->ids);
  self->ids = ids;
  for (GList *l = pages; l != NULL; l = l->next)
    {
      Page *page = l->data;
      guint start = page->index * OD_PAGE_CACHE_PAGE_SIZE;
      guint n = page->items->len;

      page_free (page);
      g_list_model_items_changed (self->model, start, n, n);
    }
  return TRUE;
}

/* Takes @ids (may be NULL for none) and drops every page. */
static void
swap_ids (OdPageCache *self,
          GArray      *ids)
{
  guint old = self->ids->len;
  guint n;

  if (refresh_same_ids (self, ids))
    return;
  drop_pages (self);
  g_array_unref (self->ids);
  self->ids = ids != NULL ? ids : g_array_new (FALSE, FALSE, sizeof (gint64));
  n = self->ids->len;

  if (old == 0 && n == 0)
    return;
  g_list_model_items_changed (self->model, 0, old, n);
  if (old != n)
    g_object_notify_by_pspec (G_OBJECT (self->model), self->n_items);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  OdPageCache *self = load->cache;
  GError *error = NULL;
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* self->store and self->kind never change after construction. */
  ids = self->kind->query_ids (self->store, load->query, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
load_in_thread_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (G_TASK (result));
  OdPageCache *self = load->cache;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (load->serial != self->serial)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("A newer load replaced this one"));
      return;
    }

  swap_ids (self, g_steal_pointer (&ids));
  g_task_return_boolean (task, TRUE);
}

OdPageCache *
_od_page_cache_new (GListModel            *model,
                    GParamSpec            *n_items,
                    OdStore               *store,
                    const OdPageCacheKind *kind)
{
  OdPageCache *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (n_items), NULL);
  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_new0 (OdPageCache, 1);
  self->model = model;
  self->n_items = n_items;
  self->store = g_object_ref (store);
  self->kind = kind;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->pages);
  return self;
}

void
_od_page_cache_free (OdPageCache *self)
{
  if (self == NULL)
    return;

  drop_pages (self);
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
  rows = self->kind->load (self->store, ids, n, &error);
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

      if (k < rows->len && self->kind->get_id (g_ptr_array_index (rows, k)) == ids[i])
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

gboolean
_od_page_cache_load (OdPageCache    *self,
                     gconstpointer   query,
                     GError        **error)
{
  GArray *ids;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  self->serial++;
  ids = self->kind->query_ids (self->store, query, error);
  if (ids == NULL)
    return FALSE;

  swap_ids (self, ids);
  return TRUE;
}

void
_od_page_cache_load_async (OdPageCache         *self,
                           gconstpointer        query,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadData *load;

  g_return_if_fail (self != NULL);
  g_return_if_fail (query != NULL);

  task = g_task_new (self->model, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  load = g_new0 (LoadData, 1);
  load->cache = self;
  load->kind = self->kind;
  load->query = self->kind->copy_query (query);
  load->serial = ++self->serial;

  worker = g_task_new (self->model, cancellable, load_in_thread_done,
                       g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_in_thread);
  g_task_set_task_data (worker, load, load_data_free);
  g_task_run_in_thread (worker, load_in_thread);
}

void
_od_page_cache_invalidate (OdPageCache *self)
{
  guint n;

  g_return_if_fail (self != NULL);

  drop_pages (self);
  n = self->ids->len;
  if (n > 0)
    g_list_model_items_changed (self->model, 0, n, n);
}
