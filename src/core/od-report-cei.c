/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-money.h"
#include "od-report-cei.h"

typedef enum
{
  PART_BEGIN,
  PART_SALES,
  PART_END,
} Part;

static OdReportCeiRow *
row_for (OdReportCei *self,
         const char  *currency)
{
  OdReportCeiRow row = { { 0, }, };
  guint i;

  for (i = 0; i < self->rows->len; i++)
    {
      OdReportCeiRow *r = &g_array_index (self->rows, OdReportCeiRow, i);
      int cmp = strcmp (r->currency, currency);

      if (cmp == 0)
        return r;
      if (cmp > 0)
        break;
    }
  g_strlcpy (row.currency, currency, sizeof row.currency);
  g_array_insert_val (self->rows, i, row);
  return &g_array_index (self->rows, OdReportCeiRow, i);
}

static void
add_sums (OdReportCei *self,
          GArray      *sums,
          Part         part)
{
  for (guint i = 0; i < sums->len; i++)
    {
      OdStoreCurrencySum *sum = &g_array_index (sums, OdStoreCurrencySum, i);
      OdReportCeiRow *row = row_for (self, sum->currency);

      switch (part)
        {
        case PART_BEGIN:
          row->begin = sum->amount;
          break;
        case PART_SALES:
          row->sales = sum->amount;
          break;
        case PART_END:
        default:
          row->end = sum->amount;
          row->end_current = sum->current;
          break;
        }
    }
}

/**
 * od_report_cei_new:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
OdReportCei *
od_report_cei_new (OdStore      *store,
                   const GDate  *from,
                   const GDate  *to,
                   GError      **error)
{
  g_autoptr(OdReportCei) self = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GArray) sales = NULL;
  GDate dates[2];

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (OdReportCei, 1);
  self->from = *from;
  self->to = *to;
  self->rows = g_array_new (FALSE, TRUE, sizeof (OdReportCeiRow));

  /* What was open the day before @from and on @to, in one pass. */
  dates[0] = *from;
  g_date_subtract_days (&dates[0], 1);
  dates[1] = *to;
  if ((open = od_store_sum_receivables_at (store, dates, 2, error)) == NULL ||
      (sales = od_store_sum_sales (store, from, to, error)) == NULL)
    return NULL;
  add_sums (self, g_ptr_array_index (open, 0), PART_BEGIN);
  add_sums (self, sales, PART_SALES);
  add_sums (self, g_ptr_array_index (open, 1), PART_END);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OdReportCeiRow *row = &g_array_index (self->rows, OdReportCeiRow, i);
      gint64 collectable = row->begin + row->sales - row->end_current;

      row->defined = collectable > 0 &&
                     od_round_div (row->begin + row->sales - row->end, 10000,
                                   collectable, &row->cei_bp);
    }
  return g_steal_pointer (&self);
}

void
od_report_cei_free (OdReportCei *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}
