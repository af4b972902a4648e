/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-pdf-private.h"

/* One letter about one invoice, as PDF: what od_pdf_write_letter()
 * loads from the store before it draws. */

/* The history of @invoice_id in @snapshot, or NULL. */
GPtrArray *
_od_pdf_snapshot_history (OdDunningSnapshot *snapshot,
                          gint64             invoice_id)
{
  for (guint i = 0; snapshot != NULL && i < od_dunning_snapshot_get_n_invoices (snapshot); i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

      if (invoice->id == invoice_id)
        return invoice->history;
    }
  return NULL;
}

typedef struct
{
  OdPdfLetter *letter;
  GPtrArray   *attachments;   /* OdPdfInvoiceData*: the demand letter's copies */
} SingleLetter;

static gboolean
render_single (OdPdfDoc  *doc,
               gpointer   user_data,
               GError   **error)
{
  SingleLetter *single = user_data;

  _od_pdf_letter_draw (doc, single->letter, FALSE);
  for (guint i = 0; i < single->attachments->len; i++)
    if (!_od_pdf_draw_invoice (doc, g_ptr_array_index (single->attachments, i), TRUE, error))
      return FALSE;
  return TRUE;
}

static void
invoice_data_free (gpointer data)
{
  _od_pdf_invoice_data_clear (data);
  g_free (data);
}

/* Copies of @customer's open invoices, for a demand letter. */
GPtrArray *
_od_pdf_load_attachments (OdStore     *store,
                          OdCustomer  *customer,
                          GError     **error)
{
  g_autoptr(GPtrArray) invoices = _od_pdf_open_invoices (store, od_customer_get_id (customer), error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (invoice_data_free);

  if (invoices == NULL)
    return NULL;
  for (guint i = 0; i < invoices->len; i++)
    {
      OdPdfInvoiceData *data = g_new0 (OdPdfInvoiceData, 1);

      g_ptr_array_add (list, data);
      if (!_od_pdf_invoice_data_load (store, g_ptr_array_index (invoices, i), customer, data, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
od_pdf_write_letter (OdStore        *store,
                     const char     *number,
                     OdLetterKind    kind,
                     const GDate    *today,
                     GOutputStream  *stream,
                     GError        **error)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autofree char *template = NULL;
  SingleLetter single = { 0, };
  GDate day;
  gboolean ok;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  _od_pdf_today (today, &day);
  business = _od_pdf_get_business (store, error);
  if (business == NULL)
    return FALSE;
  invoice = _od_pdf_find_invoice (store, number, error);
  if (invoice == NULL)
    return FALSE;
  customer = od_store_get_customer (store, od_invoice_get_customer_id (invoice), error);
  if (customer == NULL)
    return FALSE;
  policy = od_store_get_effective_policy (store, od_customer_get_id (customer), error);
  if (policy == NULL)
    return FALSE;
  charges = od_store_list_charges (store, od_invoice_get_id (invoice), error);
  if (charges == NULL)
    return FALSE;
  if (kind == OD_LETTER_DEMAND)
    {
      snapshot = od_store_load_dunning_snapshot (store, error);
      if (snapshot == NULL)
        return FALSE;
      attachments = _od_pdf_load_attachments (store, customer, error);
      if (attachments == NULL)
        return FALSE;
    }
  else
    attachments = g_ptr_array_new ();

  single.letter = _od_pdf_letter_new (kind, customer, policy, &day);
  single.attachments = attachments;
  _od_pdf_letter_add_invoice (single.letter, invoice, NULL, charges,
                              _od_pdf_snapshot_history (snapshot, od_invoice_get_id (invoice)));
  template = _od_pdf_letter_template_name (policy, kind, invoice, &day);
  ok = _od_pdf_letter_use_template (single.letter, store, business, template, error) &&
       od_pdf_doc_render (business, render_single, &single, stream, NULL, error);
  _od_pdf_letter_free (single.letter);
  return ok;
}
