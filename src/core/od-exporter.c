/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-exporter.h"
#include "od-csv-writer.h"
#include "od-date.h"
#include "od-money.h"

typedef struct
{
  OdCsvWriter  *writer;
  GCancellable *cancellable;
  guint         n_rows;
} Export;

/* How often a long export looks at its cancellable. */
#define CHECK_EVERY 4096

static const char * const customer_header[] = {
  "ref", "name", "email", "phone", "address", "city", "postcode", "country",
  "language", "credit_limit",
};

static const char * const invoice_header[] = {
  "number", "customer_ref", "issue_date", "due_date", "total", "currency",
  "paid", "status",
};

static const char * const payment_header[] = {
  "invoice_number", "date", "amount", "method", "reference", "currency",
};

static const char * const communication_header[] = {
  "at", "customer_ref", "customer_name", "invoice_number", "channel",
  "direction", "outcome", "summary",
};

static gboolean
write_row (Export              *export,
           const char * const  *cells,
           guint                n_cells,
           GError             **error)
{
  if (++export->n_rows % CHECK_EVERY == 0 &&
      g_cancellable_set_error_if_cancelled (export->cancellable, error))
    return FALSE;

  return od_csv_writer_write_row (export->writer, cells, n_cells,
                                  export->cancellable, error);
}

static char *
date_or_empty (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return od_date_to_iso (date);
}

static gboolean
write_customer (OdCustomer  *customer,
                gpointer     user_data,
                GError     **error)
{
  Export *export = user_data;
  OdContact *contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);
  gint64 limit = od_customer_get_credit_limit (customer);
  const char *currency = od_customer_get_credit_currency (customer);
  g_autofree char *limit_text = NULL;
  const char *cells[G_N_ELEMENTS (customer_header)];

  if (limit != 0)
    limit_text = od_amount_to_string (limit, currency != NULL
                                             ? od_currency_minor_digits (currency)
                                             : 2);

  cells[0] = od_customer_get_ref (customer);
  cells[1] = od_customer_get_name (customer);
  cells[2] = contact != NULL ? od_contact_get_email (contact) : NULL;
  cells[3] = contact != NULL ? od_contact_get_phone (contact) : NULL;
  cells[4] = od_customer_get_address (customer);
  cells[5] = od_customer_get_city (customer);
  cells[6] = od_customer_get_postcode (customer);
  cells[7] = od_customer_get_country (customer);
  cells[8] = od_customer_get_language (customer);
  cells[9] = limit_text;

  return write_row (export, cells, G_N_ELEMENTS (cells), error);
}

static gboolean
write_invoice (OdInvoice  *invoice,
               gpointer    user_data,
               GError    **error)
{
  Export *export = user_data;
  const char *currency = od_invoice_get_currency (invoice);
  guint digits = od_currency_minor_digits (currency);
  g_autofree char *issue = date_or_empty (od_invoice_get_issue_date (invoice));
  g_autofree char *due = date_or_empty (od_invoice_get_due_date (invoice));
  g_autofree char *total = od_amount_to_string (od_invoice_get_total (invoice), digits);
  g_autofree char *paid = od_amount_to_string (od_invoice_get_paid (invoice), digits);
  const char *cells[G_N_ELEMENTS (invoice_header)];

  cells[0] = od_invoice_get_number (invoice);
  cells[1] = od_invoice_get_customer_ref (invoice);
  cells[2] = issue;
  cells[3] = due;
  cells[4] = total;
  cells[5] = currency;
  cells[6] = paid;
  cells[7] = od_invoice_status_to_string (od_invoice_get_status (invoice));

  return write_row (export, cells, G_N_ELEMENTS (cells), error);
}

static gboolean
write_payment (OdPayment  *payment,
               gpointer    user_data,
               GError    **error)
{
  Export *export = user_data;
  const char *currency = od_payment_get_currency (payment);
  g_autofree char *date = date_or_empty (od_payment_get_date (payment));
  g_autofree char *amount = od_amount_to_string (od_payment_get_amount (payment),
                                                 od_currency_minor_digits (currency));
  const char *cells[G_N_ELEMENTS (payment_header)];

  cells[0] = od_payment_get_invoice_number (payment);
  cells[1] = date;
  cells[2] = amount;
  cells[3] = od_payment_get_method (payment);
  cells[4] = od_payment_get_reference (payment);
  cells[5] = currency;

  return write_row (export, cells, G_N_ELEMENTS (cells), error);
}

static gboolean
write_communication (const OdStoreCommunication  *row,
                     gpointer                     user_data,
                     GError                     **error)
{
  Export *export = user_data;
  g_autofree char *at = g_date_time_format (row->at, "%Y-%m-%dT%H:%M:%SZ");
  const char *cells[G_N_ELEMENTS (communication_header)];

  cells[0] = at;
  cells[1] = row->customer_ref;
  cells[2] = row->customer_name;
  cells[3] = row->invoice_number;
  cells[4] = od_channel_to_string (row->channel);
  cells[5] = row->direction;
  cells[6] = row->outcome;
  cells[7] = row->summary;

  return write_row (export, cells, G_N_ELEMENTS (cells), error);
}

gboolean
od_export_csv (OdStore        *store,
               OdExportKind    kind,
               GOutputStream  *stream,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(OdCsvWriter) writer = NULL;
  Export export = { 0, };
  gboolean ok;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind <= OD_EXPORT_KIND_COMMUNICATIONS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = od_csv_writer_new (stream);
  export.writer = writer;
  export.cancellable = cancellable;

  switch (kind)
    {
    case OD_EXPORT_KIND_CUSTOMERS:
      ok = od_csv_writer_write_row (writer, customer_header,
                                    G_N_ELEMENTS (customer_header),
                                    cancellable, error) &&
           od_store_foreach_customer (store, write_customer, &export, error);
      break;

    case OD_EXPORT_KIND_INVOICES:
      ok = od_csv_writer_write_row (writer, invoice_header,
                                    G_N_ELEMENTS (invoice_header),
                                    cancellable, error) &&
           od_store_foreach_invoice (store, write_invoice, &export, error);
      break;

    case OD_EXPORT_KIND_COMMUNICATIONS:
      ok = od_csv_writer_write_row (writer, communication_header,
                                    G_N_ELEMENTS (communication_header),
                                    cancellable, error) &&
           od_store_foreach_communication (store, 0, 0, write_communication,
                                           &export, error);
      break;

    case OD_EXPORT_KIND_PAYMENTS:
    default:
      ok = od_csv_writer_write_row (writer, payment_header,
                                    G_N_ELEMENTS (payment_header),
                                    cancellable, error) &&
           od_store_foreach_payment (store, write_payment, &export, error);
      break;
    }

  return ok && od_csv_writer_flush (writer, cancellable, error);
}

gboolean
od_export_kind_from_string (const char   *text,
                            OdExportKind *out)
{
  static const char * const names[] = {
    "customers", "invoices", "payments", "communications",
  };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *out = (OdExportKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
