/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-store.h"

/* The report half of the OdStore interface: aggregates the backend
 * computes where the data lives, so that a report's memory follows the
 * number of customers (or steps), never the number of invoices. */

/**
 * od_store_foreach_aging:
 *
 * Returns: %FALSE with @error set when reading failed or @func did
 */
gboolean
od_store_foreach_aging (OdStore           *self,
                        const GDate       *as_of,
                        const guint       *edges,
                        guint              n_edges,
                        OdStoreAgingFunc   func,
                        gpointer           user_data,
                        GError           **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (edges != NULL || n_edges == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_edges; i++)
    g_return_val_if_fail (edges[i] > 0 && (i == 0 || edges[i] > edges[i - 1]), FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_aging (self, as_of, edges, n_edges,
                                                   func, user_data, error);
}

/**
 * od_store_sum_receivables:
 *
 * Returns: (transfer full) (element-type OdStoreCurrencySum): the sums,
 * or %NULL with @error set
 */
GArray *
od_store_sum_receivables (OdStore      *self,
                          const GDate  *as_of,
                          GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->sum_receivables (self, as_of, error);
}

/**
 * od_store_sum_receivables_at:
 *
 * Returns: (transfer full) (element-type GArray): per date, its sums
 * (as od_store_sum_receivables() gives them), or %NULL with @error set
 */
GPtrArray *
od_store_sum_receivables_at (OdStore      *self,
                             const GDate  *dates,
                             guint         n_dates,
                             GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (dates != NULL && n_dates > 0 && n_dates <= 64, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_dates; i++)
    g_return_val_if_fail (g_date_valid (&dates[i]), NULL);

  return OD_STORE_GET_IFACE (self)->sum_receivables_at (self, dates, n_dates, error);
}

/**
 * od_store_sum_sales:
 *
 * Returns: (transfer full) (element-type OdStoreCurrencySum): the sums,
 * or %NULL with @error set
 */
GArray *
od_store_sum_sales (OdStore      *self,
                    const GDate  *from,
                    const GDate  *to,
                    GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->sum_sales (self, from, to, error);
}

gboolean
od_store_foreach_behaviour (OdStore               *self,
                            const GDate           *as_of,
                            gint64                 customer_id,
                            OdStoreBehaviourFunc   func,
                            gpointer               user_data,
                            GError               **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (customer_id >= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_behaviour (self, as_of, customer_id, func, user_data, error);
}

gboolean
od_store_foreach_outcome (OdStore             *self,
                          const GDate         *as_of,
                          OdStoreOutcomeFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_outcome (self, as_of, func, user_data, error);
}
