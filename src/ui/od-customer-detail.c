/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-customer-detail.h"

static void
message_free (OdCustomerMessage *message)
{
  g_free (message->title);
  g_free (message->channel);
  g_free (message->invoice);
  g_free (message->outcome);
  g_date_time_unref (message->at);
  g_free (message);
}

void
od_customer_detail_free (OdCustomerDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_object (&detail->customer);
  g_clear_pointer (&detail->risk, od_report_risk_row_free);
  g_clear_pointer (&detail->invoices, g_ptr_array_unref);
  g_clear_pointer (&detail->messages, g_ptr_array_unref);
  g_free (detail);
}

static const char *
outcome_text (const char *outcome)
{
  static const struct { const char *id; const char *text; } outcomes[] = {
    /* Translators: what came of a message or call, in the customer's history */
    { "sent", N_("sent") },
    { "delivered", N_("delivered") },
    { "failed", N_("failed") },
    { "paid", N_("paid") },
    { "promise", N_("promised to pay") },
    { "dispute", N_("disputed") },
    { "no-answer", N_("no answer") },
    { "other", N_("other") },
  };

  for (guint i = 0; outcome != NULL && i < G_N_ELEMENTS (outcomes); i++)
    if (g_str_equal (outcome, outcomes[i].id))
      return _(outcomes[i].text);
  return outcome;
}

typedef struct
{
  GPtrArray *messages;
  guint      max_rows;
} Collect;

static gboolean
collect_message (const OdStoreCommunication  *row,
                 gpointer                     user_data,
                 GError                     **error)
{
  Collect *collect = user_data;
  OdCustomerMessage *message = g_new0 (OdCustomerMessage, 1);
  const char *channel;

  switch (row->channel)
    {
    case OD_CHANNEL_SMS: channel = _("Text message"); break;
    case OD_CHANNEL_LETTER: channel = _("Letter"); break;
    case OD_CHANNEL_CALL: channel = _("Call"); break;
    default: channel = _("Email"); break;
    }
  message->title = g_strdup (row->summary != NULL && *row->summary != '\0' ? row->summary : channel);
  message->channel = g_strdup (channel);
  message->invoice = g_strdup (row->invoice_number);
  message->outcome = g_strdup (outcome_text (row->outcome));
  message->at = g_date_time_to_local (row->at);
  /* The latest first, at most max_rows of them. */
  g_ptr_array_insert (collect->messages, 0, message);
  if (collect->messages->len > collect->max_rows)
    g_ptr_array_set_size (collect->messages, collect->max_rows);
  return TRUE;
}

/**
 * od_customer_detail_read:
 *
 * Reads @customer_id, its latest invoices and messages and its risk, in
 * the calling (worker) thread.
 *
 * Returns: (transfer full) (nullable): the detail, or %NULL with @error
 */
OdCustomerDetail *
od_customer_detail_read (OdStore  *store,
                         gint64    customer_id,
                         guint     max_rows,
                         GError  **error)
{
  g_autoptr(OdCustomerDetail) detail = g_new0 (OdCustomerDetail, 1);
  g_autoptr(GArray) ids = NULL;
  OdInvoiceQuery query = { 0 };
  Collect collect;
  GDate today;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (max_rows > 0, NULL);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  query.filter = OD_INVOICE_FILTER_ALL;
  query.sort = OD_INVOICE_SORT_DUE_DATE;
  query.descending = TRUE;
  query.customer_id = customer_id;
  detail->customer_id = customer_id;
  detail->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  collect.messages = detail->messages;
  collect.max_rows = max_rows;
  if ((detail->customer = od_store_get_customer (store, customer_id, error)) == NULL ||
      (ids = od_store_query_invoice_ids (store, &query, error)) == NULL ||
      (detail->invoices = od_store_load_invoices (store, (const gint64 *) ids->data,
                                                  MIN (ids->len, max_rows), error)) == NULL ||
      !od_store_foreach_communication (store, customer_id, 0, collect_message, &collect, error))
    return NULL;
  detail->n_invoices = ids->len;
  {
    GError *local_error = NULL;

    detail->risk = od_report_risk_row_for_customer (store, &today, customer_id, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  return g_steal_pointer (&detail);
}
