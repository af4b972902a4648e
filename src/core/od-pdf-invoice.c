/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include <string.h>

#include "od-date.h"
#include "od-epc-qr.h"
#include "od-money.h"
#include "od-pdf-private.h"

#define QR_SIZE (32.0 * OD_PDF_MM)

typedef struct
{
  gint   rate_bp;
  gint64 net;
  gint64 tax;
} TaxSum;

static char *
quantity_text (const char *language,
               gint64      milli)
{
  g_autofree char *text = od_amount_to_string (milli, 3);
  char *end = text + strlen (text) - 1;
  char *point;

  /* "1.500" -> "1.5", "2.000" -> "2" */
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  /* "1,5" where the reader writes a decimal comma. */
  point = strchr (text, '.');
  if (point != NULL && language != NULL)
    *point = od_language_money_style (language)->decimal_point[0];
  return g_steal_pointer (&text);
}

static void
add_tax (GArray *sums,
         gint    rate_bp,
         gint64  net,
         gint64  tax)
{
  TaxSum sum = { rate_bp, net, tax };

  for (guint i = 0; i < sums->len; i++)
    {
      TaxSum *s = &g_array_index (sums, TaxSum, i);

      if (s->rate_bp == rate_bp)
        {
          s->net += net;
          s->tax += tax;
          return;
        }
    }
  g_array_append_val (sums, sum);
}

static void
draw_header (OdPdfDoc         *doc,
             OdPdfInvoiceData *data,
             gboolean          copy)
{
  const char *lang = od_pdf_doc_get_language (doc);
  OdInvoice *invoice = data->invoice;
  OdBusiness *business = od_pdf_doc_get_business (doc);
  g_autofree char *address = _od_pdf_recipient (lang, business, data->customer);
  g_autofree char *issued = _od_pdf_date (lang, od_invoice_get_issue_date (invoice));
  g_autofree char *due = _od_pdf_date (lang, od_invoice_get_due_date (invoice));
  g_autofree char *title = copy
    /* Translators: the heading of an invoice attached to a letter */
    ? g_strdup_printf (_od_pdf_text (doc, N_("Invoice %s (copy)")), od_invoice_get_number (invoice))
    : g_strdup_printf (_od_pdf_text (doc, N_("Invoice %s")), od_invoice_get_number (invoice));
  const char *labels[] = { _od_pdf_text (doc, N_("Invoice no.")), _od_pdf_text (doc, N_("Invoice date")),
                           _od_pdf_text (doc, N_("Due date")), _od_pdf_text (doc, N_("Customer no.")),
                           _od_pdf_text (doc, N_("Our tax ID")) };
  const char *values[] = { od_invoice_get_number (invoice), issued, due,
                           od_customer_get_ref (data->customer), od_business_get_tax_id (business) };

  od_pdf_doc_begin_section (doc, title, OD_PDF_SECTION_NONE);
  od_pdf_doc_address (doc, address);
  od_pdf_doc_info (doc, labels, values, values[4] != NULL ? 5 : 4);
  od_pdf_doc_text (doc, title, OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 4.0 * OD_PDF_MM);
}

static gboolean
draw_lines (OdPdfDoc         *doc,
            OdPdfInvoiceData *data,
            GArray           *sums,
            double            amount_width,
            GError          **error)
{
  const char *lang = od_pdf_doc_get_language (doc);
  OdInvoice *invoice = data->invoice;
  const char *currency = od_invoice_get_currency (invoice);
  GListModel *lines = od_invoice_get_lines (invoice);
  double width = od_pdf_geometry_body_width (od_pdf_doc_get_geometry (doc));
  OdPdfColumn columns[] = {
    { _od_pdf_text (doc, N_("Description")), 0, FALSE },
    { _od_pdf_text (doc, N_("Quantity")), 17.0 * OD_PDF_MM, TRUE },
    { _od_pdf_text (doc, N_("Unit price")), 25.0 * OD_PDF_MM, TRUE },
    { _od_pdf_text (doc, N_("Tax")), 15.0 * OD_PDF_MM, TRUE },
    /* Translators: the column of line amounts; %s is a currency code */
    { NULL, amount_width, TRUE },
  };
  g_autofree char *amount_title = g_strdup_printf (_od_pdf_text (doc, N_("Amount (%s)")), currency);
  guint n = g_list_model_get_n_items (lines);

  columns[4].title = amount_title;
  columns[0].width = width - columns[1].width - columns[2].width - columns[3].width - columns[4].width;
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdInvoiceLine) line = g_list_model_get_item (lines, i);
      gint64 net = 0, tax = 0;
      g_autofree char *quantity = NULL;
      g_autofree char *price = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *amount = NULL;
      const char *cells[5];

      if (!od_invoice_line_compute (line, &net, &tax, error))
        {
          od_pdf_doc_table_end (doc);
          return FALSE;
        }
      add_tax (sums, od_invoice_line_get_tax_rate_bp (line), net, tax);
      quantity = quantity_text (lang, od_invoice_line_get_quantity_milli (line));
      price = _od_pdf_amount (lang, od_invoice_line_get_unit_price (line),
                              currency);
      rate = _od_pdf_percent (lang, od_invoice_line_get_tax_rate_bp (line));
      amount = _od_pdf_amount (lang, net, currency);
      cells[0] = od_invoice_line_get_description (line);
      cells[1] = quantity;
      cells[2] = price;
      cells[3] = rate;
      cells[4] = amount;
      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  if (n == 0)
    {
      /* An invoice imported from CSV has a total and no lines. */
      g_autofree char *amount = _od_pdf_amount (lang, od_invoice_get_total (invoice),
                                                currency);
      const char *cells[] = { _od_pdf_text (doc, N_("Invoice total as agreed")), "", "", "", amount };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  od_pdf_doc_table_end (doc);
  return TRUE;
}

static void
draw_totals (OdPdfDoc         *doc,
             OdPdfInvoiceData *data,
             GArray           *sums,
             double            amount_width)
{
  const char *lang = od_pdf_doc_get_language (doc);
  OdInvoice *invoice = data->invoice;
  const char *currency = od_invoice_get_currency (invoice);
  OdPdfColumn columns[] = {
    { "", 62.0 * OD_PDF_MM, FALSE },
    { "", amount_width, TRUE },
  };
  gint64 net = 0;
  gint64 paid = od_invoice_get_paid (invoice);

  od_pdf_doc_space (doc, 1.0 * OD_PDF_MM);
  od_pdf_doc_ensure_space (doc, 20.0 * OD_PDF_MM + 14.0 * sums->len);
  od_pdf_doc_table_begin (doc, columns, 2, FALSE, TRUE);
  for (guint i = 0; i < sums->len; i++)
    net += g_array_index (sums, TaxSum, i).net;
  if (sums->len > 0)
    {
      g_autofree char *text = _od_pdf_amount (lang, net, currency);
      const char *cells[] = { _od_pdf_text (doc, N_("Net amount")), text };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  for (guint i = 0; i < sums->len; i++)
    {
      TaxSum *s = &g_array_index (sums, TaxSum, i);
      g_autofree char *rate = _od_pdf_percent (lang, s->rate_bp);
      g_autofree char *base = _od_pdf_amount (lang, s->net, currency);
      /* Translators: a tax line of the totals: rate and the net it is on */
      g_autofree char *label = g_strdup_printf (_od_pdf_text (doc, N_("Tax %s on %s")), rate, base);
      g_autofree char *text = _od_pdf_amount (lang, s->tax, currency);
      const char *cells[] = { label, text };

      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  {
    g_autofree char *total = _od_pdf_money (lang, od_invoice_get_total (invoice), currency);
    const char *cells[] = { _od_pdf_text (doc, N_("Total")), total };

    od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_BOLD | OD_PDF_ROW_RULE_ABOVE);
  }
  if (paid != 0)
    {
      g_autofree char *paid_text = _od_pdf_amount (lang, -paid, currency);
      g_autofree char *due = _od_pdf_money (lang, od_invoice_get_outstanding (invoice),
                                            currency);
      const char *paid_cells[] = { _od_pdf_text (doc, N_("Paid")), paid_text };
      const char *due_cells[] = { _od_pdf_text (doc, N_("Amount due")), due };

      od_pdf_doc_table_row (doc, paid_cells, OD_PDF_ROW_NONE);
      od_pdf_doc_table_row (doc, due_cells, OD_PDF_ROW_BOLD | OD_PDF_ROW_RULE_ABOVE);
    }
  od_pdf_doc_table_end (doc);
}

/* A copy (sent with a later letter) leaves out the early-payment
 * discount: its date has long passed. */
static char *
payment_text (OdPdfDoc         *doc,
              OdPdfInvoiceData *data,
              gboolean          copy)
{
  const char *lang = od_pdf_doc_get_language (doc);
  OdInvoice *invoice = data->invoice;
  OdBusiness *business = od_pdf_doc_get_business (doc);
  const char *currency = od_invoice_get_currency (invoice);
  gint64 due_amount = od_invoice_get_outstanding (invoice);
  g_autofree char *due = _od_pdf_money (lang, due_amount, currency);
  g_autofree char *due_date = _od_pdf_date (lang, od_invoice_get_due_date (invoice));
  g_autofree char *link = _od_pdf_payment_link (business, invoice);
  gint days = od_date_days_between (od_invoice_get_issue_date (invoice), od_invoice_get_due_date (invoice));
  gint discount_bp = data->policy != NULL ? od_policy_get_early_discount_bp (data->policy) : 0;
  guint discount_days = data->policy != NULL ? od_policy_get_early_discount_days (data->policy) : 0;
  GString *out = g_string_new (NULL);

  if (due_amount <= 0)
    {
      g_string_append (out, _od_pdf_text (doc, N_("This invoice is paid in full. Thank you.")));
      return g_string_free (out, FALSE);
    }
  /* Translators: payment terms: amount, due date, days from the invoice date */
  g_string_append_printf (out, lang != NULL
                          ? od_language_ntext (lang, "Please pay %s by %s (%d day net).",
                                               "Please pay %s by %s (%d days net).", days)
                          : g_dngettext (GETTEXT_PACKAGE, "Please pay %s by %s (%d day net).",
                                         "Please pay %s by %s (%d days net).", days),
                          due, due_date, days);
  if (!copy && discount_bp > 0 && discount_days > 0 && od_invoice_get_paid (invoice) == 0)
    {
      GDate until = *od_invoice_get_issue_date (invoice);
      gint64 discount = 0;
      g_autofree char *percent = _od_pdf_percent (lang, discount_bp);
      g_autofree char *until_text = NULL;
      g_autofree char *discount_text = NULL;
      g_autofree char *net_text = NULL;

      g_date_add_days (&until, discount_days);
      od_percent_bp (due_amount, discount_bp, &discount);
      until_text = _od_pdf_date (lang, &until);
      discount_text = _od_pdf_money (lang, discount, currency);
      net_text = _od_pdf_money (lang, due_amount - discount, currency);
      g_string_append_c (out, '\n');
      /* Translators: early-payment discount terms */
      g_string_append_printf (out, _od_pdf_text (doc, N_("Early payment: if we receive your payment by %s (%u days from the invoice date), "
                                     "you may deduct %s (%s) and pay %s.")),
                              until_text, discount_days, percent, discount_text, net_text);
    }
  if (od_business_get_iban (business) != NULL)
    {
      g_autofree char *iban = _od_pdf_iban (od_business_get_iban (business));

      g_string_append_c (out, '\n');
      /* Translators: the second %s is the IBAN with its label, "IBAN DE89 3704 …" */
      g_string_append_printf (out, _od_pdf_text (doc, N_("Bank transfer to %s, %s")),
                              od_business_get_name (business), iban);
      if (od_business_get_bic (business) != NULL)
        g_string_append_printf (out, _od_pdf_text (doc, N_(", BIC %s")), od_business_get_bic (business));
      g_string_append_printf (out, _od_pdf_text (doc, N_(", reference %s.")), od_invoice_get_number (invoice));
    }
  if (link != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _od_pdf_text (doc, N_("Or pay online: %s")), link);
    }
  return g_string_free (out, FALSE);
}

static gboolean
draw_payment (OdPdfDoc         *doc,
              OdPdfInvoiceData *data,
              gboolean          copy,
              GError          **error)
{
  OdInvoice *invoice = data->invoice;
  OdBusiness *business = od_pdf_doc_get_business (doc);
  const OdPdfGeometry *geo = od_pdf_doc_get_geometry (doc);
  gint64 due_amount = od_invoice_get_outstanding (invoice);
  g_autofree char *text = payment_text (doc, data, copy);
  g_autofree char *payload = NULL;
  double width = od_pdf_geometry_body_width (geo);
  double left = od_pdf_geometry_body_left (geo);
  double text_width, height, top;

  if (od_business_get_iban (business) != NULL && due_amount > 0 &&
      g_strcmp0 (od_invoice_get_currency (invoice), "EUR") == 0)
    {
      /* Translators: the remittance text in the payment QR code */
      g_autofree char *remittance = g_strdup_printf (_od_pdf_text (doc, N_("Invoice %s")),
                                                     od_invoice_get_number (invoice));

      payload = od_epc_qr_payload (od_business_get_bic (business), od_business_get_name (business),
                                   od_business_get_iban (business), due_amount, remittance, error);
      if (payload == NULL)
        return FALSE;
    }

  text_width = payload != NULL ? width - QR_SIZE - 6.0 * OD_PDF_MM : width;
  height = od_pdf_doc_measure (doc, _od_pdf_text (doc, N_("Payment")), OD_PDF_STYLE_BOLD, text_width) + 2.0
           + od_pdf_doc_measure (doc, text, OD_PDF_STYLE_BODY, text_width);
  if (payload != NULL)
    height = MAX (height, QR_SIZE + 5.0 * OD_PDF_MM);

  od_pdf_doc_space (doc, 6.0 * OD_PDF_MM);
  od_pdf_doc_ensure_space (doc, height);
  top = od_pdf_doc_get_y (doc);
  {
    double y = top;

    y += od_pdf_doc_text_at (doc, _od_pdf_text (doc, N_("Payment")), OD_PDF_STYLE_BOLD,
                             left, y, text_width, FALSE) + 2.0;
    y += od_pdf_doc_text_at (doc, text, OD_PDF_STYLE_BODY, left, y, text_width, FALSE);
    (void) y;
  }
  if (payload != NULL)
    {
      double x = left + width - QR_SIZE;

      if (!od_epc_qr_draw (od_pdf_doc_get_cairo (doc), payload, x, top, QR_SIZE, error))
        return FALSE;
      /* Translators: under the payment QR code */
      od_pdf_doc_text_at (doc, _od_pdf_text (doc, N_("Scan to pay by bank transfer")), OD_PDF_STYLE_SMALL,
                          x - 5.0 * OD_PDF_MM, top + QR_SIZE, QR_SIZE + 5.0 * OD_PDF_MM, TRUE);
    }
  od_pdf_doc_set_y (doc, top + height);
  return TRUE;
}

gboolean
_od_pdf_draw_invoice (OdPdfDoc         *doc,
                      OdPdfInvoiceData *data,
                      gboolean          copy,
                      GError          **error)
{
  g_autoptr(GArray) sums = g_array_new (FALSE, FALSE, sizeof (TaxSum));
  double amount_width = 28.0 * OD_PDF_MM;

  /* An invoice speaks its customer's language. */
  od_pdf_doc_set_language (doc, _od_pdf_customer_language (od_pdf_doc_get_business (doc), data->customer));
  draw_header (doc, data, copy);
  if (!draw_lines (doc, data, sums, amount_width, error))
    return FALSE;
  draw_totals (doc, data, sums, amount_width);
  if (!draw_payment (doc, data, copy, error))
    return FALSE;
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, _od_pdf_text (doc, N_("Thank you for your business.")), OD_PDF_STYLE_BODY);
  return TRUE;
}

gboolean
_od_pdf_invoice_data_load (OdStore          *store,
                           OdInvoice        *invoice,
                           OdCustomer       *customer,
                           OdPdfInvoiceData *data,
                           GError          **error)
{
  *data = (OdPdfInvoiceData) { 0, };
  data->invoice = g_object_ref (invoice);
  data->customer = customer != NULL
                   ? g_object_ref (customer)
                   : od_store_get_customer (store, od_invoice_get_customer_id (invoice), error);
  if (data->customer == NULL)
    return FALSE;
  data->policy = od_store_get_effective_policy (store, od_customer_get_id (data->customer), error);
  if (data->policy == NULL)
    return FALSE;
  data->charges = od_store_list_charges (store, od_invoice_get_id (invoice), error);
  return data->charges != NULL;
}

void
_od_pdf_invoice_data_clear (OdPdfInvoiceData *data)
{
  g_clear_object (&data->invoice);
  g_clear_object (&data->customer);
  g_clear_object (&data->policy);
  g_clear_pointer (&data->charges, g_ptr_array_unref);
}

static gboolean
render_invoice (OdPdfDoc  *doc,
                gpointer   user_data,
                GError   **error)
{
  return _od_pdf_draw_invoice (doc, user_data, FALSE, error);
}

gboolean
od_pdf_write_invoice (OdStore        *store,
                      const char     *number,
                      GOutputStream  *stream,
                      GError        **error)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  OdPdfInvoiceData data;
  gboolean ok;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  business = _od_pdf_get_business (store, error);
  if (business == NULL)
    return FALSE;
  invoice = _od_pdf_find_invoice (store, number, error);
  if (invoice == NULL)
    return FALSE;
  ok = _od_pdf_invoice_data_load (store, invoice, NULL, &data, error) &&
       od_pdf_doc_render (business, render_invoice, &data, stream, NULL, error);
  _od_pdf_invoice_data_clear (&data);
  return ok;
}
