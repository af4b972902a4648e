/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "od-report-dso.h"

#define COUNTBACK_MONTHS 24

typedef struct
{
  GDate    start;
  GDate    end;
  guint    days;
  GArray  *sales;   /* OdStoreCurrencySum */
} Month;

static gint64
sum_for (GArray     *sums,
         const char *currency)
{
  for (guint i = 0; i < sums->len; i++)
    {
      OdStoreCurrencySum *sum = &g_array_index (sums, OdStoreCurrencySum, i);

      if (strcmp (sum->currency, currency) == 0)
        return sum->amount;
    }
  return 0;
}

static OdReportDsoRow *
row_for (OdReportDso *self,
         const char  *currency)
{
  OdReportDsoRow row = { { 0, }, };
  guint i;

  for (i = 0; i < self->rows->len; i++)
    {
      OdReportDsoRow *r = &g_array_index (self->rows, OdReportDsoRow, i);
      int cmp = strcmp (r->currency, currency);

      if (cmp == 0)
        return r;
      if (cmp > 0)
        break;
    }
  g_strlcpy (row.currency, currency, sizeof row.currency);
  row.simple = NAN;
  row.countback = NAN;
  for (guint m = 0; m < OD_REPORT_DSO_MONTHS; m++)
    row.trend[m] = NAN;
  g_array_insert_val (self->rows, i, row);
  return &g_array_index (self->rows, OdReportDsoRow, i);
}

static double
simple_dso (gint64 receivables,
            gint64 sales,
            guint  days)
{
  if (sales <= 0)
    return NAN;
  return (double) receivables / (double) sales * (double) days;
}

/* Month @back (0 = the one holding @to) before @to, clipped at @to. */
static void
month_window (const GDate *to,
              guint        back,
              Month       *month)
{
  g_date_clear (&month->start, 1);
  g_date_set_dmy (&month->start, 1, g_date_get_month (to), g_date_get_year (to));
  g_date_subtract_months (&month->start, back);
  if (back == 0)
    month->end = *to;
  else
    {
      month->end = month->start;
      g_date_add_months (&month->end, 1);
      g_date_subtract_days (&month->end, 1);
    }
  month->days = (guint) (g_date_days_between (&month->start, &month->end) + 1);
}

static void
month_clear (Month *month)
{
  g_clear_pointer (&month->sales, g_array_unref);
}

static gboolean
countback (OdReportDso  *self,
           OdStore      *store,
           Month        *months,
           GError      **error)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      OdReportDsoRow *row = &g_array_index (self->rows, OdReportDsoRow, i);
      gint64 remaining = row->receivables;
      double days = 0;

      for (guint m = 0; m < COUNTBACK_MONTHS && remaining > 0; m++)
        {
          gint64 sales;

          if (months[m].sales == NULL)
            {
              month_window (&self->to, m, &months[m]);
              months[m].sales = od_store_sum_sales (store, &months[m].start,
                                                    &months[m].end, error);
              if (months[m].sales == NULL)
                return FALSE;
            }
          sales = sum_for (months[m].sales, row->currency);
          if (remaining >= sales)
            {
              days += months[m].days;
              remaining -= sales;
            }
          else
            {
              days += (double) remaining / (double) sales * months[m].days;
              remaining = 0;
            }
        }
      row->countback = days;
    }
  return TRUE;
}

/**
 * od_report_dso_new:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
OdReportDso *
od_report_dso_new (OdStore      *store,
                   const GDate  *from,
                   const GDate  *to,
                   GError      **error)
{
  g_autoptr(OdReportDso) self = NULL;
  g_autoptr(GPtrArray) opens = NULL;
  g_autoptr(GArray) sales = NULL;
  GArray *receivables;
  GDate ends[OD_REPORT_DSO_MONTHS];
  Month months[COUNTBACK_MONTHS] = { { { 0, }, }, };
  gboolean ok = TRUE;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (OdReportDso, 1);
  self->from = *from;
  self->to = *to;
  self->days = (guint) (g_date_days_between (from, to) + 1);
  self->rows = g_array_new (FALSE, TRUE, sizeof (OdReportDsoRow));

  /* What was open at each month's end (@to for this month), in one
   * pass over the ledger; index = months back. */
  for (guint back = 0; back < OD_REPORT_DSO_MONTHS; back++)
    {
      month_window (to, back, &months[back]);
      ends[back] = months[back].end;
    }
  opens = od_store_sum_receivables_at (store, ends, OD_REPORT_DSO_MONTHS, error);
  if (opens == NULL)
    return NULL;
  receivables = g_ptr_array_index (opens, 0);
  sales = od_store_sum_sales (store, from, to, error);
  if (sales == NULL)
    return NULL;

  for (guint i = 0; i < receivables->len; i++)
    {
      OdStoreCurrencySum *sum = &g_array_index (receivables, OdStoreCurrencySum, i);

      row_for (self, sum->currency)->receivables = sum->amount;
    }
  for (guint i = 0; i < sales->len; i++)
    {
      OdStoreCurrencySum *sum = &g_array_index (sales, OdStoreCurrencySum, i);

      row_for (self, sum->currency)->sales = sum->amount;
    }

  /* The trend's months, oldest first; their sales serve the countback. */
  for (guint k = 0; ok && k < OD_REPORT_DSO_MONTHS; k++)
    {
      guint back = OD_REPORT_DSO_MONTHS - 1 - k;
      GArray *open = g_ptr_array_index (opens, back);

      month_window (to, back, &months[back]);
      self->month_start[k] = months[back].start;
      self->month_end[k] = months[back].end;
      months[back].sales = od_store_sum_sales (store, &months[back].start,
                                               &months[back].end, error);
      ok = months[back].sales != NULL;
      for (guint i = 0; ok && i < months[back].sales->len; i++)
        row_for (self, g_array_index (months[back].sales, OdStoreCurrencySum, i).currency);
      for (guint i = 0; ok && i < open->len; i++)
        row_for (self, g_array_index (open, OdStoreCurrencySum, i).currency);
      for (guint i = 0; ok && i < self->rows->len; i++)
        {
          OdReportDsoRow *row = &g_array_index (self->rows, OdReportDsoRow, i);

          row->trend_receivables[k] = sum_for (open, row->currency);
          row->trend_sales[k] = sum_for (months[back].sales, row->currency);
          row->trend[k] = simple_dso (row->trend_receivables[k], row->trend_sales[k],
                                      months[back].days);
        }
    }

  if (ok)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          OdReportDsoRow *row = &g_array_index (self->rows, OdReportDsoRow, i);

          row->simple = simple_dso (row->receivables, row->sales, self->days);
        }
      ok = countback (self, store, months, error);
    }

  for (guint m = 0; m < COUNTBACK_MONTHS; m++)
    month_clear (&months[m]);
  return ok ? g_steal_pointer (&self) : NULL;
}

void
od_report_dso_free (OdReportDso *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}
