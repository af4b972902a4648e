/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-date.h"
#include "od-pdf-private.h"

#define N_BUCKETS 5

typedef struct
{
  char    currency[4];
  gint64  total;
  gint64  paid;
  gint64  outstanding;
  gint64  buckets[N_BUCKETS];
} CurrencySum;

typedef struct
{
  OdCustomer *customer;
  GPtrArray  *invoices;
  GDate       today;
} StatementData;

static guint
bucket_for (gint days_overdue)
{
  if (days_overdue <= 0)
    return 0;
  if (days_overdue <= 30)
    return 1;
  if (days_overdue <= 60)
    return 2;
  if (days_overdue <= 90)
    return 3;
  return 4;
}

static GArray *
currencies_of (GPtrArray *invoices)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (CurrencySum));

  for (guint i = 0; i < invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (invoices, i);
      gboolean seen = FALSE;

      for (guint c = 0; c < list->len && !seen; c++)
        seen = g_str_equal (g_array_index (list, CurrencySum, c).currency,
                            od_invoice_get_currency (invoice));
      if (!seen)
        {
          CurrencySum sum = { { 0, }, };

          g_strlcpy (sum.currency, od_invoice_get_currency (invoice), sizeof sum.currency);
          g_array_append_val (list, sum);
        }
    }
  return list;
}

static void
draw_currency (OdPdfDoc    *doc,
               GPtrArray   *invoices,
               CurrencySum *sum,
               const GDate *today)
{
  const char *lang = od_pdf_doc_get_language (doc);
  double width = od_pdf_geometry_body_width (od_pdf_doc_get_geometry (doc));
  double money = 23.0 * OD_PDF_MM;
  OdPdfColumn columns[] = {
    { _od_pdf_text (doc, N_("Invoice")), 0, FALSE },
    { _od_pdf_text (doc, N_("Issued")), 25.0 * OD_PDF_MM, FALSE },
    { _od_pdf_text (doc, N_("Due")), 25.0 * OD_PDF_MM, FALSE },
    { _od_pdf_text (doc, N_("Total")), money, TRUE },
    { _od_pdf_text (doc, N_("Paid")), money, TRUE },
    { _od_pdf_text (doc, N_("Outstanding")), money, TRUE },
    /* Wide enough for the title on one line. */
    { _od_pdf_text (doc, N_("Days overdue")), 21.0 * OD_PDF_MM, TRUE },
  };
  const char *bucket_titles[N_BUCKETS] = {
    _od_pdf_text (doc, N_("Current")), _od_pdf_text (doc, N_("1–30 days")),
    _od_pdf_text (doc, N_("31–60 days")), _od_pdf_text (doc, N_("61–90 days")),
    _od_pdf_text (doc, N_("91+ days")),
  };
  OdPdfColumn aging[N_BUCKETS + 1];
  g_autofree char *total = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *heading = NULL;

  columns[0].width = width;
  for (guint i = 1; i < G_N_ELEMENTS (columns); i++)
    columns[0].width -= columns[i].width;

  /* Translators: the heading of a statement's table; %s is a currency code */
  heading = g_strdup_printf (_od_pdf_text (doc, N_("Open items in %s")), sum->currency);
  od_pdf_doc_ensure_space (doc, 40);
  od_pdf_doc_text (doc, heading, OD_PDF_STYLE_BOLD);
  od_pdf_doc_space (doc, 1.5 * OD_PDF_MM);
  od_pdf_doc_table_begin (doc, columns, G_N_ELEMENTS (columns), TRUE, FALSE);
  for (guint i = 0; i < invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (invoices, i);
      gint days;
      g_autofree char *issued = NULL;
      g_autofree char *due = NULL;
      g_autofree char *t = NULL;
      g_autofree char *p = NULL;
      g_autofree char *o = NULL;
      g_autofree char *d = NULL;
      const char *cells[7];

      if (!g_str_equal (od_invoice_get_currency (invoice), sum->currency))
        continue;
      days = od_invoice_days_overdue (invoice, today);
      sum->total += od_invoice_get_total (invoice);
      sum->paid += od_invoice_get_paid (invoice);
      sum->outstanding += od_invoice_get_outstanding (invoice);
      sum->buckets[bucket_for (days)] += od_invoice_get_outstanding (invoice);

      issued = _od_pdf_date (lang, od_invoice_get_issue_date (invoice));
      due = _od_pdf_date (lang, od_invoice_get_due_date (invoice));
      t = _od_pdf_amount (lang, od_invoice_get_total (invoice), sum->currency);
      p = _od_pdf_amount (lang, od_invoice_get_paid (invoice), sum->currency);
      o = _od_pdf_amount (lang, od_invoice_get_outstanding (invoice), sum->currency);
      d = days > 0 ? g_strdup_printf ("%d", days) : g_strdup ("—");
      cells[0] = od_invoice_get_number (invoice);
      cells[1] = issued;
      cells[2] = due;
      cells[3] = t;
      cells[4] = p;
      cells[5] = o;
      cells[6] = d;
      od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_NONE);
    }
  total = _od_pdf_amount (lang, sum->total, sum->currency);
  paid = _od_pdf_amount (lang, sum->paid, sum->currency);
  outstanding = _od_pdf_amount (lang, sum->outstanding, sum->currency);
  {
    const char *cells[] = { _od_pdf_text (doc, N_("Total")), "", "", total, paid, outstanding, "" };

    od_pdf_doc_table_row (doc, cells, OD_PDF_ROW_BOLD | OD_PDF_ROW_RULE_ABOVE);
  }
  od_pdf_doc_table_end (doc);

  /* Aging: what is outstanding, by how late it is. */
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_ensure_space (doc, 45);
  /* Translators: %s is a currency code */
  g_free (heading);
  heading = g_strdup_printf (_od_pdf_text (doc, N_("Aging of the outstanding %s")), sum->currency);
  od_pdf_doc_text (doc, heading, OD_PDF_STYLE_BOLD);
  od_pdf_doc_space (doc, 1.5 * OD_PDF_MM);
  for (guint i = 0; i < N_BUCKETS; i++)
    aging[i] = (OdPdfColumn) { bucket_titles[i], width / (N_BUCKETS + 1), TRUE };
  aging[N_BUCKETS] = (OdPdfColumn) { _od_pdf_text (doc, N_("Total")), width / (N_BUCKETS + 1), TRUE };
  od_pdf_doc_table_begin (doc, aging, N_BUCKETS + 1, TRUE, FALSE);
  {
    char *texts[N_BUCKETS + 1];

    for (guint i = 0; i < N_BUCKETS; i++)
      texts[i] = _od_pdf_amount (lang, sum->buckets[i], sum->currency);
    texts[N_BUCKETS] = _od_pdf_amount (lang, sum->outstanding, sum->currency);
    od_pdf_doc_table_row (doc, (const char * const *) texts, OD_PDF_ROW_BOLD);
    for (guint i = 0; i <= N_BUCKETS; i++)
      g_free (texts[i]);
  }
  od_pdf_doc_table_end (doc);
  od_pdf_doc_space (doc, 7.0 * OD_PDF_MM);
}

void
_od_pdf_draw_statement (OdPdfDoc    *doc,
                        OdCustomer  *customer,
                        GPtrArray   *invoices,
                        const GDate *today)
{
  const char *lang = od_pdf_doc_get_language (doc);
  OdBusiness *business = od_pdf_doc_get_business (doc);
  g_autofree char *address = _od_pdf_recipient (lang, business, customer);
  g_autofree char *date = _od_pdf_date (lang, today);
  g_autofree char *long_date = _od_pdf_long_date (lang, today);
  g_autofree char *intro = NULL;
  g_autoptr(GArray) sums = currencies_of (invoices);
  const char *labels[] = { _od_pdf_text (doc, N_("Customer no.")),
                           _od_pdf_text (doc, N_("Statement date")) };
  const char *values[] = { od_customer_get_ref (customer), date };

  od_pdf_doc_begin_section (doc, _od_pdf_text (doc, N_("Statement of account")), OD_PDF_SECTION_NONE);
  od_pdf_doc_address (doc, address);
  od_pdf_doc_info (doc, labels, values, G_N_ELEMENTS (labels));
  od_pdf_doc_text (doc, _od_pdf_text (doc, N_("Statement of account")), OD_PDF_STYLE_HEADING);
  od_pdf_doc_space (doc, 3.0 * OD_PDF_MM);
  if (invoices->len == 0)
    /* Translators: %s is a date */
    intro = g_strdup_printf (_od_pdf_text (doc, N_("On %s your account has no open items. Thank you.")),
                             long_date);
  else
    intro = g_strdup_printf (_od_pdf_text (doc, N_("These are the open items on your account on %s. "
                               "Payments made after that date are not shown.")), long_date);
  od_pdf_doc_text (doc, intro, OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);

  for (guint c = 0; c < sums->len; c++)
    draw_currency (doc, invoices, &g_array_index (sums, CurrencySum, c), today);

  if (invoices->len > 0)
    {
      od_pdf_doc_ensure_space (doc, 30);
      od_pdf_doc_text (doc, _od_pdf_text (doc, N_("Please pay the overdue amounts now, quoting the invoice numbers. "
                              "If you have paid in the meantime, thank you, and please ignore this statement. "
                              "If an item is not right, tell us, and we will look into it at once.")),
                       OD_PDF_STYLE_BODY);
    }
}

static gboolean
render_statement (OdPdfDoc  *doc,
                  gpointer   user_data,
                  GError   **error)
{
  StatementData *data = user_data;

  /* The customer's own statement speaks their language; the one in an
   * agency's packet, the user's. */
  od_pdf_doc_set_language (doc, _od_pdf_customer_language (od_pdf_doc_get_business (doc),
                                                           data->customer));
  _od_pdf_draw_statement (doc, data->customer, data->invoices, &data->today);
  return TRUE;
}

gboolean
od_pdf_write_statement (OdStore        *store,
                        const char     *customer_ref,
                        const GDate    *today,
                        GOutputStream  *stream,
                        GError        **error)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  StatementData data;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (customer_ref != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  business = _od_pdf_get_business (store, error);
  if (business == NULL)
    return FALSE;
  customer = _od_pdf_find_customer (store, customer_ref, error);
  if (customer == NULL)
    return FALSE;
  invoices = _od_pdf_open_invoices (store, od_customer_get_id (customer), error);
  if (invoices == NULL)
    return FALSE;

  data.customer = customer;
  data.invoices = invoices;
  _od_pdf_today (today, &data.today);
  return od_pdf_doc_render (business, render_statement, &data, stream, NULL, error);
}
