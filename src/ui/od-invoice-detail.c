/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-invoice-detail.h"

void
od_invoice_detail_free (OdInvoiceDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_object (&detail->invoice);
  g_clear_pointer (&detail->payments, g_ptr_array_unref);
  g_clear_pointer (&detail->charges, g_ptr_array_unref);
  g_clear_pointer (&detail->pauses, g_ptr_array_unref);
  g_clear_pointer (&detail->plan, od_dunning_plan_free);
  g_clear_pointer (&detail->snapshot, od_dunning_snapshot_free);
  g_free (detail);
}

GTimeZone *
od_invoice_business_zone (OdStore *store)
{
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);
  const char *identifier = business != NULL ? od_business_get_time_zone (business) : NULL;
  GTimeZone *zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

void
od_invoice_business_today (OdStore *store,
                           GDate   *out)
{
  g_autoptr(GTimeZone) zone = od_invoice_business_zone (store);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

/* Runs in a worker thread. */
OdInvoiceDetail *
od_invoice_detail_read (OdStore  *store,
                        gint64    invoice_id,
                        GError  **error)
{
  g_autoptr(OdInvoiceDetail) detail = g_new0 (OdInvoiceDetail, 1);
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  detail->invoice_id = invoice_id;
  if ((detail->invoice = od_store_get_invoice (store, invoice_id, error)) == NULL ||
      (detail->payments = od_store_list_payments (store, invoice_id, error)) == NULL ||
      (detail->charges = od_store_list_charges (store, invoice_id, error)) == NULL ||
      (detail->pauses = od_store_list_pauses (store, invoice_id, FALSE, error)) == NULL)
    return NULL;

  /* The plan as overdue-cli plan shows it now, from the snapshot of this
   * invoice and its customer alone: the same answer for it. */
  if (od_invoice_get_status (detail->invoice) == OD_INVOICE_STATUS_OPEN)
    {
      detail->snapshot = od_store_load_dunning_snapshot_for_invoice (store, invoice_id, error);
      if (detail->snapshot == NULL ||
          (policy = od_store_get_effective_policy (store, 0, error)) == NULL)
        return NULL;
      zone = od_invoice_business_zone (store);
      now = g_date_time_new_now (zone);
      detail->plan = od_dunning_plan_full (detail->snapshot, policy, zone, now,
                                           OD_DUNNING_FLAGS_NONE);
    }
  else
    detail->snapshot = od_dunning_snapshot_new ();

  return g_steal_pointer (&detail);
}

/* The number after the latest invoice's: its trailing digits counted
 * up, keeping their width ("INV-0099" gives "INV-0100"), the first free. */
char *
od_invoice_suggest_number (OdStore  *store,
                           GError  **error)
{
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL, .sort = OD_INVOICE_SORT_ISSUE_DATE,
                           .descending = TRUE };
  g_autoptr(GArray) ids = od_store_query_invoice_ids (store, &query, error);
  g_autoptr(OdInvoice) latest = NULL;
  g_autofree char *prefix = NULL;
  const char *number, *digits;
  guint64 value = 0;
  int width;

  if (ids == NULL)
    return NULL;
  if (ids->len == 0)
    return g_strdup ("INV-0001");
  if ((latest = od_store_get_invoice (store, g_array_index (ids, gint64, 0), error)) == NULL)
    return NULL;
  number = od_invoice_get_number (latest);
  for (digits = number + strlen (number); digits > number && g_ascii_isdigit (digits[-1]); digits--)
    ;
  prefix = g_strndup (number, digits - number);
  width = (int) strlen (digits);
  if (width == 0 || width > 18)
    {
      g_free (prefix);
      prefix = g_strconcat (number, "-", NULL);
      width = 1;
    }
  else
    value = g_ascii_strtoull (digits, NULL, 10);
  for (guint tries = 0; tries < 1000; tries++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, width, ++value);
      g_autoptr(OdInvoice) taken = od_store_find_invoice (store, candidate, error);

      if (taken == NULL && error != NULL && *error != NULL)
        return NULL;
      if (taken == NULL)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("");
}
