/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-customer-list.h"
#include "od-page-cache.h"

struct _OdCustomerList
{
  GObject      parent_instance;

  OdStore     *store;
  OdPageCache *cache;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void od_customer_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdCustomerList, od_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      od_customer_list_model_init))

static GArray *
query_ids (OdStore        *store,
           gconstpointer   query,
           GError        **error)
{
  return od_store_query_customer_ids (store, query, error);
}

static gint64
item_id (gpointer item)
{
  return od_customer_get_id (item);
}

/* The query and a copy of the strings it points to. */
static gpointer
copy_query (gconstpointer data)
{
  const OdCustomerQuery *query = data;
  OdCustomerQuery *copy = g_new (OdCustomerQuery, 1);

  *copy = *query;
  copy->search = g_strdup (query->search);
  return copy;
}

static void
free_query (gpointer data)
{
  OdCustomerQuery *query = data;

  g_free ((char *) query->search);
  g_free (query);
}

static const OdPageCacheKind customer_kind = {
  .query_ids = query_ids,
  .load = od_store_load_customers,
  .get_id = item_id,
  .copy_query = copy_query,
  .free_query = free_query,
};

/* GListModel */

static GType
od_customer_list_get_item_type (GListModel *model)
{
  return OD_TYPE_CUSTOMER;
}

static guint
od_customer_list_get_n_items (GListModel *model)
{
  return _od_page_cache_get_n_items (OD_CUSTOMER_LIST (model)->cache);
}

static gpointer
od_customer_list_get_item (GListModel *model,
                           guint       position)
{
  return _od_page_cache_get_item (OD_CUSTOMER_LIST (model)->cache, position);
}

static void
od_customer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = od_customer_list_get_item_type;
  iface->get_n_items = od_customer_list_get_n_items;
  iface->get_item = od_customer_list_get_item;
}

/* GObject */

static void
od_customer_list_constructed (GObject *object)
{
  OdCustomerList *self = OD_CUSTOMER_LIST (object);

  G_OBJECT_CLASS (od_customer_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->cache = _od_page_cache_new (G_LIST_MODEL (self),
                                    properties[PROP_N_ITEMS],
                                    self->store, &customer_kind);
}

static void
od_customer_list_finalize (GObject *object)
{
  OdCustomerList *self = OD_CUSTOMER_LIST (object);

  g_clear_pointer (&self->cache, _od_page_cache_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (od_customer_list_parent_class)->finalize (object);
}

static void
od_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdCustomerList *self = OD_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, _od_page_cache_get_n_items (self->cache));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdCustomerList *self = OD_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_list_class_init (OdCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = od_customer_list_constructed;
  object_class->finalize = od_customer_list_finalize;
  object_class->get_property = od_customer_list_get_property;
  object_class->set_property = od_customer_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         OD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_customer_list_init (OdCustomerList *self)
{
}

/* Public API */

/**
 * od_customer_list_new:
 * @store: the ledger
 *
 * Returns: (transfer full): an empty list; call od_customer_list_load()
 */
OdCustomerList *
od_customer_list_new (OdStore *store)
{
  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  return g_object_new (OD_TYPE_CUSTOMER_LIST,
                       "store", store,
                       NULL);
}

OdStore *
od_customer_list_get_store (OdCustomerList *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_LIST (self), NULL);

  return self->store;
}

gboolean
od_customer_list_load (OdCustomerList         *self,
                       const OdCustomerQuery  *query,
                       GError                **error)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _od_page_cache_load (self->cache, query, error);
}

/**
 * od_customer_list_load_async:
 *
 * Reads the ids matching @query in a worker thread and swaps them in on
 * the calling thread's main context, before @callback runs. A later
 * load, or @cancellable, makes this one fail with %G_IO_ERROR_CANCELLED
 * and leaves the list as it is.
 */
void
od_customer_list_load_async (OdCustomerList        *self,
                             const OdCustomerQuery *query,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_return_if_fail (OD_IS_CUSTOMER_LIST (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _od_page_cache_load_async (self->cache, query, od_customer_list_load_async,
                             cancellable, callback, user_data);
}

gboolean
od_customer_list_load_finish (OdCustomerList  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
od_customer_list_invalidate (OdCustomerList *self)
{
  g_return_if_fail (OD_IS_CUSTOMER_LIST (self));

  _od_page_cache_invalidate (self->cache);
}
