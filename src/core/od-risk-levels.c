/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-risk-levels.h"

#include "od-date.h"
#include "od-report-risk.h"

static OdStoreRiskLevel
store_level (OdRiskLevel level)
{
  switch (level)
    {
    case OD_RISK_HIGH:
      return OD_STORE_RISK_HIGH;
    case OD_RISK_MEDIUM:
      return OD_STORE_RISK_MEDIUM;
    case OD_RISK_LOW:
    default:
      return OD_STORE_RISK_LOW;
    }
}

gboolean
od_risk_levels_refresh (OdStore      *store,
                        const GDate  *as_of,
                        gboolean      force,
                        gboolean     *refreshed,
                        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *last = NULL;
  g_autoptr(OdReportRisk) report = NULL;
  g_autoptr(GArray) levels = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (refreshed != NULL)
    *refreshed = FALSE;

  day = od_date_to_iso (as_of);
  last = od_store_get_setting (store, OD_RISK_LEVELS_AS_OF_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!force && g_strcmp0 (last, day) == 0)
    return TRUE;

  report = od_report_risk_new (store, as_of, error);
  if (report == NULL)
    return FALSE;

  levels = g_array_sized_new (FALSE, FALSE, sizeof (OdStoreRiskEntry), report->rows->len);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const OdReportRiskRow *row = g_ptr_array_index (report->rows, i);
      OdStoreRiskEntry entry = { row->customer_id, store_level (row->level) };

      g_array_append_val (levels, entry);
    }

  /* The day is recorded after the levels: a pass interrupted between
   * the two computes them again rather than trusting half a refresh. */
  if (!od_store_set_risk_levels (store, levels, error) ||
      !od_store_set_setting (store, OD_RISK_LEVELS_AS_OF_KEY, day, error))
    return FALSE;

  if (refreshed != NULL)
    *refreshed = TRUE;
  return TRUE;
}
