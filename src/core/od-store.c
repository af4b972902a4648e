/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-store.h"

/**
 * OdStore:
 *
 * The ledger, reached through one interface so that SQLite (the embedded
 * default) and a server database can stand behind the same calls.
 */

G_DEFINE_QUARK (od-store-error-quark, od_store_error)

G_DEFINE_INTERFACE (OdStore, od_store, G_TYPE_OBJECT)

static void
od_store_default_init (OdStoreInterface *iface)
{
}

/**
 * od_store_begin:
 *
 * Starts a unit of work on the calling thread's behalf; other threads
 * wait until od_store_commit() or od_store_rollback() ends it. Nested
 * begins fail with %OD_STORE_ERROR_TRANSACTION.
 */
gboolean
od_store_begin (OdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->begin (self, error);
}

/**
 * od_store_commit:
 *
 * Ends the unit of work started by od_store_begin(), keeping its
 * changes. On failure the changes are rolled back and the unit of work
 * is over.
 */
gboolean
od_store_commit (OdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->commit (self, error);
}

/**
 * od_store_rollback:
 *
 * Ends the unit of work started by od_store_begin(), dropping its
 * changes.
 */
void
od_store_rollback (OdStore  *self)
{
  g_return_if_fail (OD_IS_STORE (self));

  OD_STORE_GET_IFACE (self)->rollback (self);
}

guint
od_store_get_schema_version (OdStore  *self)
{
  g_return_val_if_fail (OD_IS_STORE (self), 0);

  return OD_STORE_GET_IFACE (self)->get_schema_version (self);
}

/**
 * od_store_get_business:
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with no
 * error when none was set
 */
OdBusiness *
od_store_get_business (OdStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->get_business (self, error);
}

gboolean
od_store_set_business (OdStore     *self,
                       OdBusiness  *business,
                       GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_BUSINESS (business), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->set_business (self, business, error);
}

char *
od_store_get_setting (OdStore     *self,
                      const char  *key,
                      GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL && *key != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->get_setting (self, key, error);
}

gboolean
od_store_set_setting (OdStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->set_setting (self, key, value, error);
}

gboolean
od_store_insert_customer (OdStore     *self,
                          OdCustomer  *customer,
                          GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->insert_customer (self, customer, error);
}

gboolean
od_store_update_customer (OdStore     *self,
                          OdCustomer  *customer,
                          GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (od_customer_get_id (customer) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->update_customer (self, customer, error);
}

gboolean
od_store_delete_customer (OdStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->delete_customer (self, id, error);
}

OdCustomer *
od_store_get_customer (OdStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->get_customer (self, id, error);
}

OdCustomer *
od_store_find_customer (OdStore     *self,
                        const char  *ref,
                        GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->find_customer (self, ref, error);
}

gint64
od_store_count_customers (OdStore                *self,
                          const OdCustomerQuery  *query,
                          GError                **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return OD_STORE_GET_IFACE (self)->count_customers (self, query, error);
}

/**
 * od_store_query_customer_ids:
 *
 * Returns: (transfer full) (element-type gint64): the matching ids in
 * list order
 */
GArray *
od_store_query_customer_ids (OdStore                *self,
                             const OdCustomerQuery  *query,
                             GError                **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->query_customer_ids (self, query, error);
}

/**
 * od_store_load_customers:
 *
 * Returns: (transfer full) (element-type OdCustomer): the customers
 * with @ids, in the order of @ids; ids no longer present are skipped
 */
GPtrArray *
od_store_load_customers (OdStore       *self,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->load_customers (self, ids, n_ids, error);
}

gboolean
od_store_foreach_customer (OdStore              *self,
                           OdStoreCustomerFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_customer (self,
                                                      func,
                                                      user_data,
                                                      error);
}

gboolean
od_store_insert_invoice (OdStore    *self,
                         OdInvoice  *invoice,
                         GError    **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->insert_invoice (self, invoice, error);
}

gboolean
od_store_update_invoice (OdStore    *self,
                         OdInvoice  *invoice,
                         GError    **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (od_invoice_get_id (invoice) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->update_invoice (self, invoice, error);
}

gboolean
od_store_delete_invoice (OdStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->delete_invoice (self, id, error);
}

OdInvoice *
od_store_get_invoice (OdStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->get_invoice (self, id, error);
}

OdInvoice *
od_store_find_invoice (OdStore     *self,
                       const char  *number,
                       GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->find_invoice (self, number, error);
}

gint64
od_store_count_invoices (OdStore               *self,
                         const OdInvoiceQuery  *query,
                         GError               **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return OD_STORE_GET_IFACE (self)->count_invoices (self, query, error);
}

/**
 * od_store_query_invoice_ids:
 *
 * Returns: (transfer full) (element-type gint64): the matching ids in
 * list order
 */
GArray *
od_store_query_invoice_ids (OdStore               *self,
                            const OdInvoiceQuery  *query,
                            GError               **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->query_invoice_ids (self, query, error);
}

/**
 * od_store_load_invoices:
 *
 * Returns: (transfer full) (element-type OdInvoice): the invoices
 * with @ids, in the order of @ids; ids no longer present are skipped
 */
GPtrArray *
od_store_load_invoices (OdStore       *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->load_invoices (self, ids, n_ids, error);
}

gboolean
od_store_foreach_invoice (OdStore             *self,
                          OdStoreInvoiceFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_invoice (self,
                                                     func,
                                                     user_data,
                                                     error);
}

gboolean
od_store_insert_payment (OdStore    *self,
                         OdPayment  *payment,
                         GError    **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_PAYMENT (payment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->insert_payment (self, payment, error);
}

GPtrArray *
od_store_list_payments (OdStore  *self,
                        gint64    invoice_id,
                        GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (invoice_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->list_payments (self, invoice_id, error);
}

gboolean
od_store_foreach_payment (OdStore             *self,
                          OdStorePaymentFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_payment (self,
                                                     func,
                                                     user_data,
                                                     error);
}

gboolean
od_store_insert_charge (OdStore   *self,
                        OdCharge  *charge,
                        GError   **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (OD_IS_CHARGE (charge), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->insert_charge (self, charge, error);
}

GPtrArray *
od_store_list_charges (OdStore  *self,
                       gint64    invoice_id,
                       GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (invoice_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->list_charges (self, invoice_id, error);
}

gint64
od_store_insert_pause (OdStore      *self,
                       gint64        invoice_id,
                       OdPauseKind   kind,
                       const GDate  *since,
                       const GDate  *until,
                       gint64        promised_minor,
                       const char   *reason,
                       GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), 0);
  g_return_val_if_fail (invoice_id > 0, 0);
  g_return_val_if_fail ((guint) kind <= OD_PAUSE_KIND_HOLD, 0);
  g_return_val_if_fail (promised_minor >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return OD_STORE_GET_IFACE (self)->insert_pause (self,
                                                  invoice_id,
                                                  kind,
                                                  since,
                                                  until,
                                                  promised_minor,
                                                  reason,
                                                  error);
}

gint64
od_store_insert_payment_plan (OdStore      *self,
                              gint64        invoice_id,
                              guint         count,
                              guint         every_days,
                              const GDate  *first_due,
                              GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), 0);
  g_return_val_if_fail (invoice_id > 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return OD_STORE_GET_IFACE (self)->insert_payment_plan (self,
                                                         invoice_id,
                                                         count,
                                                         every_days,
                                                         first_due,
                                                         error);
}

gboolean
od_store_resolve_pauses (OdStore      *self,
                         gint64        invoice_id,
                         OdPauseKind   kind,
                         gboolean      all_kinds,
                         guint        *n_resolved,
                         GError      **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (invoice_id > 0, FALSE);
  g_return_val_if_fail (all_kinds || (guint) kind <= OD_PAUSE_KIND_HOLD, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->resolve_pauses (self,
                                                    invoice_id,
                                                    kind,
                                                    all_kinds,
                                                    n_resolved,
                                                    error);
}

GPtrArray *
od_store_list_pauses (OdStore   *self,
                      gint64     invoice_id,
                      gboolean   active_only,
                      GError   **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (invoice_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->list_pauses (self, invoice_id, active_only, error);
}

gboolean
od_store_add_history (OdStore         *self,
                      gint64           invoice_id,
                      const char      *step,
                      guint            repeat,
                      OdHistoryState   state,
                      OdChannel        channel,
                      GDateTime       *at,
                      GError         **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (invoice_id > 0, FALSE);
  g_return_val_if_fail (step != NULL && *step != '\0', FALSE);
  g_return_val_if_fail (state == OD_HISTORY_TAKEN || state == OD_HISTORY_SUPERSEDED, FALSE);
  g_return_val_if_fail (at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->add_history (self,
                                                 invoice_id,
                                                 step,
                                                 repeat,
                                                 state,
                                                 channel,
                                                 at,
                                                 error);
}

gboolean
od_store_add_audit (OdStore     *self,
                    gint64       customer_id,
                    gint64       invoice_id,
                    const char  *action,
                    const char  *detail,
                    GError     **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_id > 0 || invoice_id > 0, FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->add_audit (self,
                                               customer_id,
                                               invoice_id,
                                               action,
                                               detail,
                                               error);
}

/**
 * od_store_get_policy:
 * @self: a store
 * @customer_id: a customer's id, or 0 for the business default
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the stored policy, or %NULL
 */
OdPolicy *
od_store_get_policy (OdStore  *self,
                     gint64    customer_id,
                     GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_id >= 0 || customer_id == OD_STORE_HIGH_RISK_POLICY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->get_policy (self, customer_id, error);
}

/**
 * od_store_set_policy:
 * @self: a store
 * @customer_id: a customer's id, or 0 for the business default
 * @policy: (nullable): the new policy, or %NULL to remove the stored one
 * @error: return location for an error
 *
 * On success @policy's id is the new row's.
 *
 * Returns: %TRUE on success
 */
gboolean
od_store_set_policy (OdStore   *self,
                     gint64     customer_id,
                     OdPolicy  *policy,
                     GError   **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_id >= 0 || customer_id == OD_STORE_HIGH_RISK_POLICY, FALSE);
  g_return_val_if_fail (policy == NULL || OD_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->set_policy (self, customer_id, policy, error);
}

/**
 * od_store_get_effective_policy:
 * @self: a store
 * @customer_id: a customer's id, or 0 for the business
 * @error: return location for an error
 *
 * Returns: (transfer full): the policy that applies, or %NULL with
 *   @error set
 */
OdPolicy *
od_store_get_effective_policy (OdStore  *self,
                               gint64    customer_id,
                               GError  **error)
{
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GError) local_error = NULL;

  OdStoreRiskLevel level = OD_STORE_RISK_UNKNOWN;

  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  policy = od_store_get_policy (self, customer_id, &local_error);
  if (policy == NULL && local_error == NULL && customer_id != 0 &&
      od_store_get_risk_level (self, customer_id, &level, &local_error) &&
      level == OD_STORE_RISK_HIGH)
    policy = od_store_get_policy (self, OD_STORE_HIGH_RISK_POLICY, &local_error);
  if (policy == NULL && local_error == NULL && customer_id != 0)
    policy = od_store_get_policy (self, 0, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (policy == NULL)
    policy = od_policy_new_default ();

  return g_steal_pointer (&policy);
}

gboolean
od_store_set_risk_levels (OdStore       *self,
                          const GArray  *levels,
                          GError       **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (levels != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->set_risk_levels (self, levels, error);
}

gboolean
od_store_get_risk_level (OdStore           *self,
                         gint64             customer_id,
                         OdStoreRiskLevel  *out,
                         GError           **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_id > 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->get_risk_level (self, customer_id, out, error);
}

/**
 * od_store_load_dunning_snapshot:
 *
 * Reads, in one consistent view of the ledger, what the dunning engine
 * needs: the open invoices only, so that its cost follows what can be
 * due and not the size of the ledger.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
OdDunningSnapshot *
od_store_load_dunning_snapshot (OdStore  *self,
                                GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->load_dunning_snapshot (self, error);
}

/**
 * od_store_load_dunning_snapshot_for_invoice:
 *
 * Returns: (transfer full): the snapshot of @invoice_id (empty when it
 * is not open), or %NULL with @error set
 */
OdDunningSnapshot *
od_store_load_dunning_snapshot_for_invoice (OdStore  *self,
                                            gint64    invoice_id,
                                            GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (invoice_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->load_dunning_snapshot_for_invoice (self, invoice_id, error);
}

/**
 * od_store_foreach_communication:
 * @customer_id: the customer's lines only, or 0 for every customer
 * @invoice_id: the invoice's lines only, or 0 for every invoice
 *
 * Streams the communications log, oldest first: every attempt the
 * outbox made and what it came to.
 *
 * Returns: %TRUE when every line was passed to @func
 */
gboolean
od_store_foreach_communication (OdStore                  *self,
                                gint64                    customer_id,
                                gint64                    invoice_id,
                                OdStoreCommunicationFunc  func,
                                gpointer                  user_data,
                                GError                  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_id >= 0 && invoice_id >= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return OD_STORE_GET_IFACE (self)->foreach_communication (self, customer_id, invoice_id,
                                                           func, user_data, error);
}
