/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <poppler.h>

#include "od-epc-qr.h"
#include "od-pdf.h"
#include "od-pdf-doc.h"
#include "od-pdf-page.h"
#include "od-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdCustomer    *customer;
} Fixture;

static void
set_business (OdStore     *store,
              OdPaperSize  paper,
              const char  *logo)
{
  g_autoptr(OdBusiness) business = od_business_new ();
  g_autoptr(GError) error = NULL;

  od_business_set_name (business, "Łódź Design Studio");
  od_business_set_address (business, "Łódź Design Studio\nPiotrkowska 1\n90-001 Łódź\nPoland");
  od_business_set_email (business, "studio@example.com");
  od_business_set_phone (business, "+48 42 555 0000");
  od_business_set_iban (business, "DE89 3704 0044 0532 0130 00");
  od_business_set_bic (business, "COBADEFFXXX");
  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.number}}?a={{amount_due}}");
  od_business_set_paper_size (business, paper);
  od_business_set_locale (business, "pl_PL.UTF-8");
  od_business_set_currency (business, "EUR");
  od_business_set_logo (business, logo);
  od_store_set_business (store, business, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(GError) error = NULL;

  f->store = od_test_store_new (&f->tmpdir);
  set_business (OD_STORE (f->store), GPOINTER_TO_INT (data), NULL);
  f->customer = od_customer_new ();
  od_customer_set_ref (f->customer, "C1");
  od_customer_set_name (f->customer, "Zoë Ångström Fotografi");
  od_customer_set_address (f->customer, "Hornsgatan 42");
  od_customer_set_postcode (f->customer, "118 21");
  od_customer_set_city (f->customer, "Stockholm");
  od_customer_set_country (f->customer, "SE");
  od_contact_set_name (contact, "山田 太郎");
  od_contact_set_email (contact, "yamada@example.com");
  od_customer_add_contact (f->customer, contact);
  od_store_insert_customer (OD_STORE (f->store), f->customer, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->customer);
  g_clear_object (&f->store);
  od_test_tmpdir_free (f->tmpdir);
}

static OdInvoice *
add_invoice (Fixture    *f,
             const char *number,
             guint       n_lines,
             const char *issue,
             const char *due)
{
  g_autoptr(GError) error = NULL;
  GDate issue_date = od_test_date (issue);
  GDate due_date = od_test_date (due);
  OdInvoice *invoice = od_invoice_new ();

  od_invoice_set_number (invoice, number);
  od_invoice_set_customer_id (invoice, od_customer_get_id (f->customer));
  od_invoice_set_issue_date (invoice, &issue_date);
  od_invoice_set_due_date (invoice, &due_date);
  od_invoice_set_currency (invoice, "EUR");
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(OdInvoiceLine) line = od_invoice_line_new ();
      g_autofree char *text = g_strdup_printf ("Line %u: portrait session, Łódź studio", i + 1);

      od_invoice_line_set_description (line, text);
      od_invoice_line_set_quantity_milli (line, 1500);
      od_invoice_line_set_unit_price (line, 10000);
      od_invoice_line_set_tax_rate_bp (line, 1900);
      od_invoice_add_line (invoice, line);
    }
  od_invoice_compute_total (invoice, &error);
  g_assert_no_error (error);
  od_store_insert_invoice (OD_STORE (f->store), invoice, &error);
  g_assert_no_error (error);
  return invoice;
}

static PopplerDocument *
read_back (GMemoryOutputStream *stream)
{
  g_autoptr(GBytes) bytes = g_memory_output_stream_steal_as_bytes (stream);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);

  return poppler_page_get_text (page);
}

static char *
all_text (PopplerDocument *document)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Every place @needle appears on page @index lies inside the rectangle
 * (points from the top left). */
static guint
count_inside (PopplerDocument *document,
              int              index,
              const char      *needle,
              double           x,
              double           y,
              double           width,
              double           height)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  GList *found = poppler_page_find_text (page, needle);
  double page_width, page_height;
  guint n = 0;

  poppler_page_get_size (page, &page_width, &page_height);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;

      n += r->x1 >= x && r->x2 <= x + width &&
           page_height - r->y2 >= y && page_height - r->y1 <= y + height;
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return n;
}

static void
assert_inside (PopplerDocument *document,
               int              index,
               const char      *needle,
               double           x,
               double           y,
               double           width,
               double           height)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  GList *found = poppler_page_find_text (page, needle);
  double page_width, page_height;

  poppler_page_get_size (page, &page_width, &page_height);
  if (found == NULL)
    g_error ("“%s” is not on page %d", needle, index + 1);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* find_text counts y from the bottom edge. */
      double top = page_height - r->y2;
      double bottom = page_height - r->y1;

      g_test_message ("%s: x %.1f..%.1f y %.1f..%.1f", needle, r->x1, r->x2, top, bottom);
      g_assert_cmpfloat (r->x1, >=, x);
      g_assert_cmpfloat (r->x2, <=, x + width);
      g_assert_cmpfloat (top, >=, y);
      g_assert_cmpfloat (bottom, <=, y + height);
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

static PopplerDocument *
invoice_pdf (Fixture    *f,
             const char *number)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  od_pdf_write_invoice (OD_STORE (f->store), number, stream, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  return read_back (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_invoice_a4 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OdInvoice) invoice = add_invoice (f, "INV-0042", 3, "2026-10-01", "2026-10-31");
  g_autoptr(PopplerDocument) document = invoice_pdf (f, "INV-0042");
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = all_text (document);
  double width, height;

  /* 3 x 1.5 x 100.00 = 450.00 net, 85.50 tax, 535.50 total. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  g_assert_nonnull (strstr (text, "Invoice INV-0042"));
  g_assert_nonnull (strstr (text, "Zoë Ångström Fotografi"));
  g_assert_nonnull (strstr (text, "山田 太郎"));
  g_assert_nonnull (strstr (text, "Łódź Design Studio"));
  g_assert_nonnull (strstr (text, "1 Oct 2026"));
  g_assert_nonnull (strstr (text, "31 Oct 2026"));
  g_assert_nonnull (strstr (text, "Line 3: portrait session"));
  g_assert_nonnull (strstr (text, "150.00"));
  g_assert_nonnull (strstr (text, "450.00"));
  g_assert_nonnull (strstr (text, "85.50"));
  g_assert_nonnull (strstr (text, "535.50"));
  g_assert_nonnull (strstr (text, "19%"));
  g_assert_nonnull (strstr (text, "https://pay.example.com/INV-0042?a=535.50"));
  g_assert_nonnull (strstr (text, "DE89 3704 0044 0532 0130 00"));
  /* The shipped policy's early discount: 2 % within 10 days. */
  g_assert_nonnull (strstr (text, "11 Oct 2026"));
  g_assert_null (strstr (text, "Page 1 of"));

  /* DIN 5008 form B window: 20 mm from the left, 45 mm from the top, 85 x 45 mm. */
  assert_inside (document, 0, "Zoë Ångström Fotografi", 20 * OD_PDF_MM, 45 * OD_PDF_MM, 85 * OD_PDF_MM, 45 * OD_PDF_MM);
  assert_inside (document, 0, "Hornsgatan 42", 20 * OD_PDF_MM, 45 * OD_PDF_MM, 85 * OD_PDF_MM, 45 * OD_PDF_MM);
  assert_inside (document, 0, "118 21 Stockholm", 20 * OD_PDF_MM, 45 * OD_PDF_MM, 85 * OD_PDF_MM, 45 * OD_PDF_MM);
  assert_inside (document, 0, "SWEDEN", 20 * OD_PDF_MM, 45 * OD_PDF_MM, 85 * OD_PDF_MM, 45 * OD_PDF_MM);
  /* The return line sits in the window's top 5 mm. */
  g_assert_cmpuint (count_inside (document, 0, "Piotrkowska 1", 20 * OD_PDF_MM, 45 * OD_PDF_MM,
                                  85 * OD_PDF_MM, 5 * OD_PDF_MM), ==, 1);
}

static void
test_invoice_letter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdInvoice) invoice = add_invoice (f, "US-7", 1, "2026-10-01", "2026-10-31");
  g_autoptr(PopplerDocument) document = invoice_pdf (f, "US-7");
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  double width, height;

  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
  /* #10 window: 7/8 in from the left, 2 in from the top, 4 1/2 x 1 1/8 in. */
  assert_inside (document, 0, "Zoë Ångström Fotografi", 0.875 * 72, 2 * 72, 4.5 * 72, 1.125 * 72);
  assert_inside (document, 0, "Hornsgatan 42", 0.875 * 72, 2 * 72, 4.5 * 72, 1.125 * 72);
  assert_inside (document, 0, "SWEDEN", 0.875 * 72, 2 * 72, 4.5 * 72, 1.125 * 72);
}

static void
test_invoice_paginates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(OdInvoice) invoice = add_invoice (f, "INV-LONG", 40, "2026-10-01", "2026-10-31");
  g_autoptr(PopplerDocument) document = invoice_pdf (f, "INV-LONG");
  int n = poppler_document_get_n_pages (document);
  g_autofree char *text = all_text (document);

  g_assert_cmpint (n, >=, 2);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *page = page_text (document, i);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i + 1, n);

      g_assert_nonnull (strstr (page, label));
      /* The table header repeats on every page the lines run over. */
      if (i < n - 1 || strstr (page, "Line 40") != NULL)
        g_assert_nonnull (strstr (page, "Description"));
    }
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *line = g_strdup_printf ("Line %u: portrait", i);

      g_assert_nonnull (strstr (text, line));
    }
  /* 40 x 150.00 = 6,000.00 net, 1,140.00 tax, 7,140.00 total. */
  g_assert_nonnull (strstr (text, "6,000.00"));
  g_assert_nonnull (strstr (text, "1,140.00"));
  g_assert_nonnull (strstr (text, "7,140.00"));
}

static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OdInvoice) a = add_invoice (f, "S-1", 1, "2026-06-01", "2026-07-01");
  g_autoptr(OdInvoice) b = add_invoice (f, "S-2", 2, "2026-10-01", "2026-11-10");
  g_autoptr(OdInvoice) c = add_invoice (f, "S-3", 1, "2026-11-20", "2026-12-20");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  GDate today = od_test_date ("2026-11-23");

  od_pdf_write_statement (OD_STORE (f->store), "C1", &today, stream, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  document = read_back (G_MEMORY_OUTPUT_STREAM (stream));
  text = all_text (document);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Statement of account"));
  g_assert_nonnull (strstr (text, "23 November 2026"));
  g_assert_nonnull (strstr (text, "S-1"));
  g_assert_nonnull (strstr (text, "S-2"));
  g_assert_nonnull (strstr (text, "S-3"));
  /* S-1 is 145 days overdue (91+), S-2 13 days (1-30), S-3 current. */
  g_assert_nonnull (strstr (text, "145"));
  g_assert_nonnull (strstr (text, "91+ days"));
  g_assert_nonnull (strstr (text, "178.50"));
  g_assert_nonnull (strstr (text, "357.00"));
  g_assert_nonnull (strstr (text, "714.00"));
  assert_inside (document, 0, "Hornsgatan 42", 20 * OD_PDF_MM, 45 * OD_PDF_MM, 85 * OD_PDF_MM, 45 * OD_PDF_MM);
}

static void
test_demand (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(OdInvoice) a = add_invoice (f, "D-1", 1, "2026-06-01", "2026-07-01");
  g_autoptr(OdInvoice) b = add_invoice (f, "D-2", 1, "2026-07-01", "2026-08-01");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  GDate today = od_test_date ("2026-11-23");
  GDate from = od_test_date ("2026-07-01");
  guint days = 0;
  gint64 interest;
  g_autofree char *interest_text = NULL;
  g_autofree char *days_text = NULL;

  od_pdf_write_letter (OD_STORE (f->store), "D-1", OD_LETTER_DEMAND, &today, stream, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  document = read_back (G_MEMORY_OUTPUT_STREAM (stream));
  text = all_text (document);
  g_test_message ("%s", text);

  /* The shipped policy: 8 % a year, 40.00 compensation. */
  interest = od_dunning_interest (17850, 800, &from, &today, &days);
  interest_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", interest / 100, (int) (interest % 100));
  /* The words are the shipped demand-letter template's. */
  days_text = g_strdup_printf ("Interest at 8%% a year for %u days", days);
  g_assert_cmpuint (days, ==, 145);
  g_assert_nonnull (strstr (text, "Formal demand for payment"));
  g_assert_nonnull (strstr (text, "Principal outstanding"));
  g_assert_nonnull (strstr (text, "178.50"));
  g_assert_nonnull (strstr (text, days_text));
  g_assert_nonnull (strstr (text, interest_text));
  g_assert_nonnull (strstr (text, "Fixed compensation"));
  g_assert_nonnull (strstr (text, "40.00"));
  /* Ten days to pay. */
  g_assert_nonnull (strstr (text, "3 December 2026"));
  /* The open invoices are attached, each its own document, without the
   * early-payment discount whose date has long passed (the original
   * offers it). */
  g_assert_nonnull (strstr (text, "Invoice D-1 (copy)"));
  g_assert_nonnull (strstr (text, "Invoice D-2 (copy)"));
  g_assert_null (strstr (text, "Early payment"));
  {
    g_autoptr(PopplerDocument) original = invoice_pdf (f, "D-1");
    g_autofree char *original_text = all_text (original);

    g_assert_nonnull (strstr (original_text, "Early payment"));
  }
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 3);
}

static void
test_bad_logo (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *bad = od_test_write_file (f->tmpdir, "logo.png", "not a png");
  g_autoptr(OdInvoice) invoice = add_invoice (f, "L-1", 1, "2026-10-01", "2026-10-31");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  set_business (OD_STORE (f->store), OD_PAPER_SIZE_A4, bad);
  g_test_expect_message ("Overdue", G_LOG_LEVEL_WARNING, "*logo*could not be read*");
  document = invoice_pdf (f, "L-1");
  g_test_assert_expected_messages ();
  text = all_text (document);
  g_assert_nonnull (strstr (text, "Invoice L-1"));
}

static void
test_svg_logo (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *svg = od_test_write_file (f->tmpdir, "logo.svg",
                                             "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'>"
                                             "<rect width='120' height='40' fill='#3465a4'/></svg>");
  g_autoptr(OdInvoice) invoice = add_invoice (f, "L-2", 1, "2026-10-01", "2026-10-31");
  g_autoptr(PopplerDocument) document = NULL;

  set_business (OD_STORE (f->store), OD_PAPER_SIZE_A4, svg);
  document = invoice_pdf (f, "L-2");
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (od_pdf_write_invoice (OD_STORE (f->store), "NOPE", stream, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (od_pdf_write_statement (OD_STORE (f->store), "NOPE", NULL, stream, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

/* A page of filler paragraphs, then a six-line paragraph and a closing
 * kept with it. */
typedef struct
{
  guint    n_fillers;
  gboolean keep;
  guint    p_lines;
} KeepCase;

static gboolean
render_keep (OdPdfDoc  *doc,
             gpointer   user_data,
             GError   **error)
{
  KeepCase *c = user_data;
  g_autoptr(GString) para = g_string_new (NULL);

  od_pdf_doc_begin_section (doc, "A title long enough to need more than the half of the header line "
                            "that is left beside the business name, so it must be shortened", 0);
  for (guint i = 0; i < c->n_fillers; i++)
    {
      g_autofree char *text = g_strdup_printf ("Filler %u.", i);

      od_pdf_doc_text (doc, text, OD_PDF_STYLE_BODY);
    }
  for (guint i = 1; i <= c->p_lines; i++)
    g_string_append_printf (para, "%sParaline%u of the paragraph.", i > 1 ? "\n" : "", i);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  if (c->keep)
    od_pdf_doc_keep_begin (doc);
  od_pdf_doc_text (doc, para->str, OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, "Closingwords, please contact us.", OD_PDF_STYLE_BODY);
  od_pdf_doc_space (doc, 5.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, "Yours sincerely,", OD_PDF_STYLE_BODY);
  od_pdf_doc_signature_space (doc, 14.0 * OD_PDF_MM);
  od_pdf_doc_text (doc, "Signername", OD_PDF_STYLE_BODY);
  if (c->keep)
    od_pdf_doc_keep_end (doc);
  return TRUE;
}

static int
page_of (PopplerDocument *document,
         const char      *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      if (strstr (text, needle) != NULL)
        return i;
    }
  g_error ("“%s” is on no page", needle);
}

/* Renders @c; TRUE when the closing is on a page without the
 * paragraph's last two lines, or the paragraph is split with fewer than
 * two lines on its first page. */
static gboolean
keep_broken (Fixture  *f,
             KeepCase *c,
             guint    *n_pages)
{
  g_autoptr(OdBusiness) business = od_store_get_business (OD_STORE (f->store), NULL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = g_strdup_printf ("Paraline%u ", c->p_lines);
  g_autofree char *before_last = g_strdup_printf ("Paraline%u ", c->p_lines - 1);
  int closing, signer;

  od_pdf_doc_render (business, render_keep, c, stream, n_pages, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  document = read_back (G_MEMORY_OUTPUT_STREAM (stream));
  closing = page_of (document, "Closingwords");
  signer = page_of (document, "Signername");
  return closing != signer ||
         page_of (document, last) != closing ||
         page_of (document, before_last) != closing ||
         page_of (document, "Paraline1 ") != page_of (document, "Paraline2 ");
}

static void
test_keep_together (Fixture       *f,
                    gconstpointer  data)
{
  guint broken_without = 0;
  guint two_pages = 0;

  /* One filler line at a time moves the block over every place the page
   * can end: short paragraphs move whole, long ones split 2 + rest. */
  for (guint p_lines = 2; p_lines <= 6; p_lines += 4)
    for (guint n = 30; n < 62; n++)
      {
        KeepCase kept = { n, TRUE, p_lines };
        KeepCase loose = { n, FALSE, p_lines };
        guint pages = 0;

        if (keep_broken (f, &kept, &pages))
          g_error ("%u fillers, %u lines: the closing is parted from its paragraph", n, p_lines);
        two_pages += pages == 2;
        broken_without += keep_broken (f, &loose, NULL);
      }
  /* The sweep reaches page 2, and without keeping the closing does fall
   * alone: the test can fail. */
  g_assert_cmpuint (two_pages, >, 10);
  g_assert_cmpuint (broken_without, >, 0);
}

static void
test_running_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdBusiness) business = od_store_get_business (OD_STORE (f->store), NULL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KeepCase c = { 80, TRUE, 2 };
  OdPdfGeometry geometry;
  double band;

  od_pdf_doc_render (business, render_keep, &c, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  document = read_back (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  /* Page 2's header: the title cut short on one line, above the body. */
  text = page_text (document, 1);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "A title long enough"));
  /* Cairo keeps the cut words as the ellipsis's ActualText, so the text
   * is all there; where it is drawn shows whether it wrapped. */
  od_pdf_geometry_init (&geometry, OD_PAPER_SIZE_A4);
  band = geometry.margin_top + 2.0 * OD_PDF_MM + 12.0;
  assert_inside (document, 1, "A title long enough", 0, 0, geometry.width - geometry.margin_right, band);
  assert_inside (document, 1, "shortened", 0, 0, geometry.width - geometry.margin_right, band);
}

static void
test_step_labels (void)
{
  const char *cases[][2] = {
    { "pre-due", "Courtesy reminder" },
    { "first-reminder", "Payment reminder" },
    { "second-reminder", "Second reminder" },
    { "final-notice", "Final notice" },
    { "demand-letter", "Demand letter" },
    { "late-call", "Late call" },
    { "ärger-brief", "Ärger brief" },
    { "x", "X" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = od_pdf_step_label (cases[i][0]);

      g_assert_cmpstr (label, ==, cases[i][1]);
    }
  {
    g_autofree char *one = od_pdf_channel_label (OD_CHANNEL_SMS);
    g_autofree char *two = od_pdf_channel_label (OD_CHANNEL_EMAIL | OD_CHANNEL_LETTER);
    g_autofree char *none = od_pdf_channel_label (OD_CHANNEL_NONE);

    g_assert_cmpstr (one, ==, "Text message");
    g_assert_cmpstr (two, ==, "Email, Letter");
    g_assert_cmpstr (none, ==, "—");
  }
}

static void
test_epc_payload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *long_name = NULL;

  payload = od_epc_qr_payload ("COBADEFFXXX", "Lindqvist & Weber Design", "DE89 3704 0044 0532 0130 00",
                               218769, "Invoice 2026-0059", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==,
                   "BCD\n002\n1\nSCT\nCOBADEFFXXX\nLindqvist & Weber Design\nDE89370400440532013000\n"
                   "EUR2187.69\n\n\nInvoice 2026-0059");
  g_clear_pointer (&payload, g_free);

  /* No BIC; a name cut to 70 characters; line breaks never split a field. */
  long_name = g_strnfill (80, 'x');
  payload = od_epc_qr_payload (NULL, long_name, "DE89370400440532013000", 1, "a\nb", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (payload, "BCD\n002\n1\nSCT\n\nxxxxxxxxxx"));
  g_assert_nonnull (strstr (payload, "\nEUR0.01\n\n\na b"));
  g_assert_null (strstr (payload, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
  g_clear_pointer (&payload, g_free);

  g_assert_null (od_epc_qr_payload (NULL, "X", "DE00 0000", 100, "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (od_epc_qr_payload (NULL, "X", "DE89370400440532013000", 0, "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, paper, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (paper), fixture_set_up, func, fixture_tear_down)
  ADD ("/od/pdf/invoice-a4", OD_PAPER_SIZE_A4, test_invoice_a4);
  ADD ("/od/pdf/invoice-letter", OD_PAPER_SIZE_LETTER, test_invoice_letter);
  ADD ("/od/pdf/invoice-paginates", OD_PAPER_SIZE_A4, test_invoice_paginates);
  ADD ("/od/pdf/statement", OD_PAPER_SIZE_A4, test_statement);
  ADD ("/od/pdf/demand", OD_PAPER_SIZE_A4, test_demand);
  ADD ("/od/pdf/bad-logo", OD_PAPER_SIZE_A4, test_bad_logo);
  ADD ("/od/pdf/svg-logo", OD_PAPER_SIZE_A4, test_svg_logo);
  ADD ("/od/pdf/unknown", OD_PAPER_SIZE_A4, test_unknown);
  ADD ("/od/pdf/keep-together", OD_PAPER_SIZE_A4, test_keep_together);
  ADD ("/od/pdf/keep-together-letter", OD_PAPER_SIZE_LETTER, test_keep_together);
  ADD ("/od/pdf/running-header", OD_PAPER_SIZE_A4, test_running_header);
#undef ADD
  g_test_add_func ("/od/pdf/step-labels", test_step_labels);
  g_test_add_func ("/od/pdf/epc-payload", test_epc_payload);

  return g_test_run ();
}
