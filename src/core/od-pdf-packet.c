/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-csv-writer.h"
#include "od-date.h"
#include "od-money.h"
#include "od-pdf-private.h"

/* The collection agency's packet: what is owed, what was sent (the
 * steps the policy took, and the contact log: every attempt to reach the
 * customer and what it came to), and the invoices themselves. */
typedef struct
{
  OdStore           *store;
  GTimeZone         *zone;          /* the business's: contact log times */
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
          g_autoptr(GDateTime) local = g_date_time_to_timezone (entry->at, packet->zone);
          g_autofree char *date = history_date (local);
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

typedef struct
{
  Packet   *packet;
  OdPdfDoc *doc;
  guint     rows;
} ContactLog;

static const char *
outcome_label (const char *outcome)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "sent", N_("sent") },
    { "delivered", N_("delivered") },
    { "failed", N_("failed") },
    { "paid", N_("paid") },
    { "promise", N_("promised to pay") },
    { "dispute", N_("disputed") },
    { "no-answer", N_("no answer") },
    { "other", N_("other") },
  };

  for (guint i = 0; outcome != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (outcome, labels[i].key))
      return _(labels[i].label);
  return outcome != NULL ? outcome : "";
}

static gboolean
draw_contact (const OdStoreCommunication  *line,
              gpointer                     user_data,
              GError                     **error)
{
  ContactLog *log = user_data;
  g_autoptr(GDateTime) local = g_date_time_to_timezone (line->at, log->packet->zone);
  g_autofree char *date = history_date (local);
  g_autofree char *channel = od_pdf_channel_label (line->channel);
  const char *cells[] = {
    date, line->invoice_number != NULL ? line->invoice_number : "—", channel,
    outcome_label (line->outcome), line->summary != NULL ? line->summary : "",
  };

  od_pdf_doc_table_row (log->doc, cells, OD_PDF_ROW_NONE);
  log->rows++;
  return TRUE;
}

/* Read from the communications log as the table is drawn: a customer
 * chased for years never sits in memory whole. */
static gboolean
draw_contact_log (OdPdfDoc  *doc,
                  Packet    *packet,
                  GError   **error)
{
  OdPdfColumn columns[] = {
    { _("Date"), 34.0 * OD_PDF_MM, FALSE },
    { _("Invoice"), 26.0 * OD_PDF_MM, FALSE },
    { _("Sent by"), 22.0 * OD_PDF_MM, FALSE },
    { _("Outcome"), 24.0 * OD_PDF_MM, FALSE },
    { _("Note"), 59.0 * OD_PDF_MM, FALSE },
  };
  ContactLog log = { packet, doc, 0 };
  gboolean ok;

  od_pdf_doc_space (doc, 8.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, _("Contact log"), OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 3.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, _("Every attempt to reach the customer — email, text message, letter or call — "
                          "and what it came to, oldest first."),
                   OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 4.0 * OD_PDF_MM);
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  ok = od_store_foreach_communication (packet->store, od_customer_get_id (packet->customer), 0,
                                       draw_contact, &log, error);
  if (ok && log.rows == 0)
    {
      const char *cells[] = { "—", "", "", "", _("no contact logged yet") };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  od_pdf_doc_table_end (doc);
  return ok;
}

static gboolean
render_packet (OdPdfDoc  *doc,
               gpointer   user_data,
               GError   **error)
{
  Packet *packet = user_data;

  _od_pdf_draw_statement (doc, packet->customer, packet->invoices, &packet->today);
  draw_history (doc, packet);
  if (!draw_contact_log (doc, packet, error))
    return FALSE;
  for (guint i = 0; i < packet->attachments->len; i++)
    if (!_od_pdf_draw_invoice (doc, g_ptr_array_index (packet->attachments, i), TRUE, error))
      return FALSE;
  return TRUE;
}

#define N_CSV_COLUMNS 17

typedef struct
{
  Packet      *packet;
  OdCsvWriter *writer;
} ContactCsv;

static gboolean
write_contact (const OdStoreCommunication  *line,
               gpointer                     user_data,
               GError                     **error)
{
  ContactCsv *csv = user_data;
  g_autofree char *at = g_date_time_format (line->at, "%Y-%m-%dT%H:%M:%SZ");
  const char *row[N_CSV_COLUMNS] = {
    "contact", line->customer_ref, line->customer_name, line->invoice_number, "", "", "",
    "", "", "", "", at, "", od_channel_to_string (line->channel), line->outcome,
    line->direction, line->summary,
  };

  return od_csv_writer_write_row (csv->writer, row, N_CSV_COLUMNS, NULL, error);
}

/* The open items, each with the steps taken for it ("history"), then
 * the contact log ("contact", from the communications, times in UTC). */
static gboolean
write_csv (Packet         *packet,
           GOutputStream  *stream,
           GError        **error)
{
  g_autoptr(OdCsvWriter) writer = od_csv_writer_new (stream);
  const char *header[N_CSV_COLUMNS] = {
    "record", "customer_ref", "customer_name", "invoice", "issue_date", "due_date", "currency",
    "total", "paid", "outstanding", "days_overdue", "at", "step", "channel", "status",
    "direction", "summary",
  };
  ContactCsv contacts = { packet, writer };

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
      const char *row[N_CSV_COLUMNS] = {
        "open-item", od_customer_get_ref (packet->customer), od_customer_get_name (packet->customer),
        od_invoice_get_number (invoice), issued, due, currency, total, paid, open, days, "", "", "", "open",
        "", "",
      };

      if (!od_csv_writer_write_row (writer, row, G_N_ELEMENTS (row), NULL, error))
        return FALSE;
      for (guint h = 0; history != NULL && h < history->len; h++)
        {
          OdDunningHistory *entry = g_ptr_array_index (history, h);
          g_autofree char *at = g_date_time_format_iso8601 (entry->at);
          const char *channel = od_channel_to_string (entry->channel);
          const char *event[N_CSV_COLUMNS] = {
            "history", od_customer_get_ref (packet->customer), od_customer_get_name (packet->customer),
            od_invoice_get_number (invoice), "", "", currency, "", "", "", "", at, entry->step,
            channel != NULL ? channel : "", entry->state == OD_HISTORY_TAKEN ? "sent" : "superseded",
            "", "",
          };

          if (!od_csv_writer_write_row (writer, event, G_N_ELEMENTS (event), NULL, error))
            return FALSE;
        }
    }
  if (!od_store_foreach_communication (packet->store, od_customer_get_id (packet->customer), 0,
                                       write_contact, &contacts, error))
    return FALSE;
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
  g_autoptr(GTimeZone) zone = NULL;
  const char *zone_name;
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

  zone_name = od_business_get_time_zone (business);
  if (zone_name != NULL && *zone_name != '\0')
    zone = g_time_zone_new_identifier (zone_name);
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  packet.store = store;
  packet.zone = zone;
  packet.customer = customer;
  packet.invoices = invoices;
  packet.attachments = attachments;
  packet.snapshot = snapshot;
  _od_pdf_today (today, &packet.today);
  if (!od_pdf_doc_render (business, render_packet, &packet, pdf, NULL, error))
    return FALSE;
  return csv == NULL || write_csv (&packet, csv, error);
}
