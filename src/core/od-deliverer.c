/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-deliverer.h"

G_DEFINE_INTERFACE (OdDeliverer, od_deliverer, G_TYPE_OBJECT)

static void
od_deliverer_default_init (OdDelivererInterface *iface)
{
}

void
od_delivery_clear (OdDelivery *delivery)
{
  g_clear_pointer (&delivery->message_id, g_free);
  g_clear_pointer (&delivery->detail, g_free);
}

/**
 * od_deliverer_deliver:
 * @row: a claimed row
 * @delivery: (out caller-allocates): filled with the outcome
 *
 * Never leaves @delivery empty: a deliverer that fails to say sets a
 * temporary failure.
 */
void
od_deliverer_deliver (OdDeliverer  *self,
                      OdOutboxRow  *row,
                      OdDelivery   *delivery,
                      GCancellable *cancellable)
{
  g_return_if_fail (OD_IS_DELIVERER (self));
  g_return_if_fail (row != NULL && delivery != NULL);

  *delivery = (OdDelivery) { .outcome = OD_DELIVERY_TEMPORARY };
  OD_DELIVERER_GET_IFACE (self)->deliver (self, row, delivery, cancellable);
  if (delivery->outcome != OD_DELIVERY_SENT && delivery->detail == NULL)
    delivery->detail = g_strdup (_("The deliverer gave no reason"));
}

gboolean
od_deliverer_opt_out_customer (OdStore     *store,
                               gint64       customer_id,
                               OdChannel    channel,
                               const char  *action,
                               const char  *detail,
                               GError     **error)
{
  g_autoptr(OdCustomer) customer = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!od_store_begin (store, error))
    return FALSE;
  customer = od_store_get_customer (store, customer_id, error);
  if (customer == NULL)
    goto fail;
  od_customer_set_opted_out (customer, od_customer_get_opted_out (customer) | channel);
  if (!od_store_update_customer (store, customer, error) ||
      !od_store_add_audit (store, customer_id, 0, action, detail, error))
    goto fail;
  return od_store_commit (store, error);

fail:
  od_store_rollback (store);
  return FALSE;
}
