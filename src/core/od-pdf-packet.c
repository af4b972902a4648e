/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-csv-writer.h"
#include "od-date.h"
#include "od-money.h"
#include "od-pdf-private.h"

/* The collection agency's packet: what is owed, what was sent, and the
 * invoices themselves. */
typedef struct
{
  OdCustomer        *customer;
  GPtrArray         *invoices;
  GPtrArray         *attachments;   /* OdPdfInvoiceData* */
  OdDunningSnapshot *snapshot;
  GDate              today;
} Packet;

static char *
history_date (GDateTime *at)
{
  return g_date_time_format (at, "%Y-%m-%d %H:%M");
}

static void
draw_history (OdPdfDoc *doc,
              Packet   *packet)
{
  OdPdfColumn columns[] = {
    { _("Date"), 34.0 * OD_PDF_MM, FALSE },
    { _("Invoice"), 36.0 * OD_PDF_MM, FALSE },
    { _("Step"), 45.0 * OD_PDF_MM, FALSE },
    { _("Sent by"), 22.0 * OD_PDF_MM, FALSE },
    { _("Status"), 28.0 * OD_PDF_MM, FALSE },
  };
  guint rows = 0;

  od_pdf_doc_begin_section (doc, _("Collection history"), OD_PDF_SECTION_NONE);
  od_pdf_doc_text (doc, _("Collection history"), OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 3.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, _("Every reminder, notice and letter the collection policy took for the open invoices, "
                          "by email, text message, post or telephone, oldest first."),
                   OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 4.0 * OD_PDF_MM);
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  for (guint i = 0; i < packet->invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (packet->invoices, i);
      GPtrArray *history = _od_pdf_snapshot_history (packet->snapshot, od_invoice_get_id (invoice));

      for (guint h = 0; history != NULL && h < history->len; h++)
        {
          OdDunningHistory *entry = g_ptr_array_index (history, h);
          g_autofree char *date = history_date (entry->at);
          g_autofree char *step = od_pdf_step_label (entry->step);
          g_autofree char *channel = od_pdf_channel_label (entry->channel);
          const char *cells[] = {
            date, od_invoice_get_number (invoice), step, channel,
            entry->state == OD_HISTORY_TAKEN ? _("sent") : _("passed over"),
          };

          od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
          rows++;
        }
    }
  if (rows == 0)
    {
      const char *cells[] = { "—", "", _("nothing sent yet"), "", "" };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  od_pdf_doc_table_end (doc);
}

static gboolean
render_packet (OdPdfDoc  *doc,
               gpointer   user_data,
               GError   **error)
{
  Packet *packet = user_data;

  _od_pdf_draw_statement (doc, packet->customer, packet->invoices, &packet->today);
  draw_history (doc, packet);
  for (guint i = 0; i < packet->attachments->len; i++)
    if (!_od_pdf_draw_invoice (doc, g_ptr_array_index (packet->attachments, i), TRUE, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_csv (Packet         *packet,
           GOutputStream  *stream,
           GError        **error)
{
  g_autoptr(OdCsvWriter) writer = od_csv_writer_new (stream);
  const char *header[] = {
    "record", "customer_ref", "customer_name", "invoice", "issue_date", "due_date", "currency",
    "total", "paid", "outstanding", "days_overdue", "at", "step", "channel", "status",
  };

  if (!od_csv_writer_write_row (writer, header, G_N_ELEMENTS (header), NULL, error))
    return FALSE;
  for (guint i = 0; i < packet->invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (packet->invoices, i);
      const char *currency = od_invoice_get_currency (invoice);
      guint digits = od_currency_minor_digits (currency);
      g_autofree char *issued = od_date_to_iso (od_invoice_get_issue_date (invoice));
      g_autofree char *due = od_date_to_iso (od_invoice_get_due_date (invoice));
      g_autofree char *total = od_amount_to_string (od_invoice_get_total (invoice), digits);
      g_autofree char *paid = od_amount_to_string (od_invoice_get_paid (invoice), digits);
      g_autofree char *open = od_amount_to_string (od_invoice_get_outstanding (invoice), digits);
      g_autofree char *days = g_strdup_printf ("%d", MAX (od_invoice_days_overdue (invoice, &packet->today), 0));
      GPtrArray *history = _od_pdf_snapshot_history (packet->snapshot, od_invoice_get_id (invoice));
      const char *row[] = {
        "open-item", od_customer_get_ref (packet->customer), od_customer_get_name (packet->customer),
        od_invoice_get_number (invoice), issued, due, currency, total, paid, open, days, "", "", "", "open",
      };

      if (!od_csv_writer_write_row (writer, row, G_N_ELEMENTS (row), NULL, error))
        return FALSE;
      for (guint h = 0; history != NULL && h < history->len; h++)
        {
          OdDunningHistory *entry = g_ptr_array_index (history, h);
          g_autofree char *at = g_date_time_format_iso8601 (entry->at);
          const char *channel = od_channel_to_string (entry->channel);
          const char *event[] = {
            "history", od_customer_get_ref (packet->customer), od_customer_get_name (packet->customer),
            od_invoice_get_number (invoice), "", "", currency, "", "", "", "", at, entry->step,
            channel != NULL ? channel : "", entry->state == OD_HISTORY_TAKEN ? "sent" : "superseded",
          };

          if (!od_csv_writer_write_row (writer, event, G_N_ELEMENTS (event), NULL, error))
            return FALSE;
        }
    }
  return od_csv_writer_flush (writer, NULL, error);
}

gboolean
od_pdf_write_packet (OdStore        *store,
                     const char     *customer_ref,
                     const GDate    *today,
                     GOutputStream  *pdf,
                     GOutputStream  *csv,
                     GError        **error)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  Packet packet;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (customer_ref != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (pdf), FALSE);
  g_return_val_if_fail (csv == NULL || G_IS_OUTPUT_STREAM (csv), FALSE);

  business = od_store_get_business (store, error);
  if (business == NULL)
    return FALSE;
  customer = _od_pdf_find_customer (store, customer_ref, error);
  if (customer == NULL)
    return FALSE;
  invoices = _od_pdf_open_invoices (store, od_customer_get_id (customer), error);
  if (invoices == NULL)
    return FALSE;
  attachments = _od_pdf_load_attachments (store, customer, error);
  if (attachments == NULL)
    return FALSE;
  snapshot = od_store_load_dunning_snapshot (store, error);
  if (snapshot == NULL)
    return FALSE;

  packet.customer = customer;
  packet.invoices = invoices;
  packet.attachments = attachments;
  packet.snapshot = snapshot;
  _od_pdf_today (today, &packet.today);
  if (!od_pdf_doc_render (business, render_packet, &packet, pdf, NULL, error))
    return FALSE;
  return csv == NULL || write_csv (&packet, csv, error);
}
