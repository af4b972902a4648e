/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-report-aging.h"

static const guint default_edges[] = { 30, 60, 90 };

static OdReportAgingRow *
row_new (OdReportAging *self,
         gint64         customer_id,
         const char    *ref,
         const char    *name,
         const char    *currency)
{
  OdReportAgingRow *row = g_new0 (OdReportAgingRow, 1);

  row->customer_id = customer_id;
  row->customer_ref = g_strdup (ref);
  row->customer_name = g_strdup (name);
  g_strlcpy (row->currency, currency != NULL ? currency : "", sizeof row->currency);
  row->buckets = g_new0 (gint64, self->n_buckets);
  return row;
}

static void
row_free (OdReportAgingRow *row)
{
  g_free (row->customer_ref);
  g_free (row->customer_name);
  g_free (row->buckets);
  g_free (row);
}

static OdReportAgingRow *
total_for (OdReportAging *self,
           const char    *currency)
{
  OdReportAgingRow *total;
  guint i;

  for (i = 0; i < self->totals->len; i++)
    {
      int cmp;

      total = g_ptr_array_index (self->totals, i);
      cmp = strcmp (total->currency, currency);

      if (cmp == 0)
        return total;
      if (cmp > 0)
        break;
    }
  total = row_new (self, 0, NULL, NULL, currency);
  g_ptr_array_insert (self->totals, (gint) i, total);
  return total;
}

/* Rows come by customer, currency and bucket, so a new row starts
 * whenever the (customer, currency) pair changes. */
static gboolean
add_aging_row (const OdStoreAgingRow *aging,
               gpointer               user_data,
               GError               **error)
{
  OdReportAging *self = user_data;
  OdReportAgingRow *row = NULL;
  OdReportAgingRow *total;
  guint bucket = MIN (aging->bucket, self->n_buckets - 1);
  const char *currency = aging->currency != NULL ? aging->currency : "";

  if (self->rows->len > 0)
    row = g_ptr_array_index (self->rows, self->rows->len - 1);
  if (row == NULL || row->customer_id != aging->customer_id ||
      strcmp (row->currency, currency) != 0)
    {
      row = row_new (self, aging->customer_id, aging->customer_ref,
                     aging->customer_name, currency);
      g_ptr_array_add (self->rows, row);
    }

  total = total_for (self, currency);
  row->buckets[bucket] += aging->open;
  row->open += aging->open;
  row->n_invoices += aging->n_invoices;
  total->buckets[bucket] += aging->open;
  total->open += aging->open;
  total->n_invoices += aging->n_invoices;
  return TRUE;
}

/**
 * od_report_aging_new:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
OdReportAging *
od_report_aging_new (OdStore      *store,
                     const GDate  *as_of,
                     const guint  *edges,
                     guint         n_edges,
                     GError      **error)
{
  OdReportAging *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (n_edges <= OD_REPORT_AGING_MAX_EDGES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (edges == NULL)
    {
      edges = default_edges;
      n_edges = G_N_ELEMENTS (default_edges);
    }

  self = g_new0 (OdReportAging, 1);
  self->as_of = *as_of;
  memcpy (self->edges, edges, n_edges * sizeof (guint));
  self->n_edges = n_edges;
  self->n_buckets = n_edges + 2;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->totals = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  if (!od_store_foreach_aging (store, as_of, self->edges, n_edges,
                               add_aging_row, self, error))
    {
      od_report_aging_free (self);
      return NULL;
    }
  return self;
}

void
od_report_aging_free (OdReportAging *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->totals);
  g_free (self);
}

/**
 * od_report_aging_bucket_key:
 *
 * Returns: (transfer full): the bucket's key
 */
char *
od_report_aging_bucket_key (OdReportAging *self,
                            guint          bucket)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bucket < self->n_buckets, NULL);

  if (bucket == 0)
    return g_strdup ("current");
  if (bucket == self->n_buckets - 1)
    return g_strdup_printf ("%u+", (bucket >= 2 ? self->edges[bucket - 2] : 0) + 1);
  return g_strdup_printf ("%u-%u", (bucket >= 2 ? self->edges[bucket - 2] : 0) + 1,
                          self->edges[bucket - 1]);
}

gboolean
od_report_aging_parse_edges (const char  *text,
                             guint       *edges,
                             guint       *n_edges,
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (edges != NULL && n_edges != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value = 0;
      const char *part = g_strstrip (parts[i]);

      if (n == OD_REPORT_AGING_MAX_EDGES ||
          !g_ascii_string_to_unsigned (part, 10, 1, 36500, &value, NULL) ||
          (n > 0 && value <= edges[n - 1]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Bucket edges “%s”: give up to %d ascending numbers of days, such as “30,60,90”"),
                       text, OD_REPORT_AGING_MAX_EDGES);
          return FALSE;
        }
      edges[n++] = (guint) value;
    }
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Bucket edges “%s”: give up to %d ascending numbers of days, such as “30,60,90”"),
                   text, OD_REPORT_AGING_MAX_EDGES);
      return FALSE;
    }
  *n_edges = n;
  return TRUE;
}
