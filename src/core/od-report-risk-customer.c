/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-report-risk.h"

/* One customer's risk, for the customer page: the same store query, read
 * for that customer only, and the same judgement (od_report_risk_row_new)
 * as the whole-ledger report, so the page and "overdue-cli report risk"
 * never disagree. */

typedef struct
{
  gint64           customer_id;
  OdReportRiskRow *row;
} FindData;

static gboolean
find_behaviour (const OdStoreBehaviourRow  *behaviour,
                gpointer                    user_data,
                GError                    **error)
{
  FindData *data = user_data;

  if (behaviour->customer_id != data->customer_id)
    return TRUE;
  data->row = od_report_risk_row_new (behaviour);
  return FALSE;
}

/**
 * od_report_risk_row_for_customer:
 *
 * Returns: (transfer full) (nullable): the row of @customer_id as of
 *   @as_of, or %NULL without an error when the customer is archived or
 *   unknown
 */
OdReportRiskRow *
od_report_risk_row_for_customer (OdStore      *store,
                                 const GDate  *as_of,
                                 gint64        customer_id,
                                 GError      **error)
{
  FindData data = { customer_id, NULL };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Stopping early is how the callback says it found the row. */
  if (!od_store_foreach_behaviour (store, as_of, customer_id, find_behaviour, &data, &local_error) &&
      local_error != NULL)
    {
      g_clear_pointer (&data.row, od_report_risk_row_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return data.row;
}
