/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-store.h"

/**
 * od_store_outbox_enqueue:
 * @entries: (element-type OdOutboxEntry): the messages
 * @superseded: (element-type OdOutboxItem) (nullable): steps passed over
 */
gboolean
od_store_outbox_enqueue (OdStore    *self,
                         GPtrArray  *entries,
                         GPtrArray  *superseded,
                         GDateTime  *now,
                         guint      *n_added,
                         GError    **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL && now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->outbox_enqueue (self, entries, superseded, now, n_added, error);
}

/**
 * od_store_outbox_claim:
 *
 * Returns: (transfer container) (element-type OdOutboxRow) (nullable): the claimed rows
 */
GPtrArray *
od_store_outbox_claim (OdStore     *self,
                       const char  *owner,
                       GDateTime   *now,
                       guint        limit,
                       GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (owner != NULL && now != NULL && limit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->outbox_claim (self, owner, now, limit, error);
}

gboolean
od_store_outbox_finish (OdStore            *self,
                        gint64              id,
                        const char         *owner,
                        OdDeliveryOutcome   outcome,
                        gboolean            demo,
                        const char         *message_id,
                        const char         *detail,
                        GDateTime          *now,
                        GError            **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0 && owner != NULL && now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->outbox_finish (self, id, owner, outcome, demo,
                                                   message_id, detail, now, error);
}

gboolean
od_store_outbox_decide (OdStore           *self,
                        gint64             id,
                        OdOutboxDecision   decision,
                        const char        *detail,
                        GDateTime         *now,
                        GError           **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0 && now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->outbox_decide (self, id, decision, detail, now, error);
}

/**
 * od_store_outbox_list:
 *
 * Returns: (transfer container) (element-type OdOutboxRow) (nullable): the rows
 */
GPtrArray *
od_store_outbox_list (OdStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->outbox_list (self, id, error);
}

gboolean
od_store_outbox_count (OdStore         *self,
                       OdOutboxCounts  *counts,
                       GError         **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->outbox_count (self, counts, error);
}
