/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <poppler.h>

#include "od-pdf.h"
#include "od-test-util.h"

/* Letters from the owner's templates, read back with poppler. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdCustomer    *customer;
  OdInvoice     *invoice;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OdBusiness) business = od_business_new ();
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(GError) error = NULL;

  f->store = od_test_store_new (&f->tmpdir);
  od_business_set_name (business, "Fenwick Joinery");
  od_business_set_address (business, "Fenwick Joinery\n12 Mill Lane\nLeeds LS1 4AB\nUnited Kingdom");
  od_business_set_iban (business, "GB33 BUKB 2020 1555 5555 55");
  od_business_set_paper_size (business, GPOINTER_TO_INT (data));
  od_business_set_locale (business, "en_GB.UTF-8");
  od_business_set_currency (business, "GBP");
  od_store_set_business (OD_STORE (f->store), business, &error);
  g_assert_no_error (error);

  f->customer = od_customer_new ();
  od_customer_set_ref (f->customer, "C7");
  od_customer_set_name (f->customer, "Harrow & Sons Ltd");
  od_customer_set_address (f->customer, "3 Station Road");
  od_customer_set_postcode (f->customer, "YO1 7HH");
  od_customer_set_city (f->customer, "York");
  od_customer_set_country (f->customer, "GB");
  od_contact_set_name (contact, "Priya Harrow");
  od_customer_add_contact (f->customer, contact);
  od_store_insert_customer (OD_STORE (f->store), f->customer, &error);
  g_assert_no_error (error);
  f->invoice = od_test_add_invoice (OD_STORE (f->store), f->customer, "FJ-1001",
                                    "2026-10-01", "2026-10-31", 48000, "GBP");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->invoice);
  g_clear_object (&f->customer);
  g_clear_object (&f->store);
  od_test_tmpdir_free (f->tmpdir);
}

static PopplerDocument *
letter_pdf (Fixture      *f,
            OdLetterKind  kind)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");
  PopplerDocument *document;

  od_pdf_write_letter (OD_STORE (f->store), "FJ-1001", kind, &today, stream, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
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
  return -1;
}

static void
set_letter (Fixture    *f,
            const char *name,
            const char *language,
            const char *body)
{
  g_autoptr(GError) error = NULL;

  od_store_set_template (OD_STORE (f->store), name, OD_TEMPLATE_PART_LETTER, language, body, &error);
  g_assert_no_error (error);
}

/* The shipped English words until the owner edits them; then the
 * owner's, merged, with the amounts table the template leaves out. */
static void
test_edited (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PopplerDocument) shipped = NULL;
  g_autoptr(PopplerDocument) edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* 23 days overdue: the shipped policy's second reminder. */
  shipped = letter_pdf (f, OD_LETTER_REMINDER);
  before = all_text (shipped);
  g_test_message ("%s", before);
  g_assert_nonnull (strstr (before, "Second payment reminder"));
  g_assert_nonnull (strstr (before, "Dear Priya Harrow,"));
  g_assert_null (strstr (before, "Kindly settle"));

  set_letter (f, "second-reminder", "en",
              "<b>A word about {{invoice.number}}</b>\n\n"
              "Dear {{customer.contact}},\n\n"
              "Kindly settle {{amount_due}} by {{new_deadline}}; R&amp;D thanks you.\n\n"
              "With our best wishes from the workshop.\n");
  edited = letter_pdf (f, OD_LETTER_REMINDER);
  after = all_text (edited);
  g_test_message ("%s", after);
  g_assert_null (strstr (after, "Second payment reminder"));
  g_assert_nonnull (strstr (after, "A word about FJ-1001"));
  g_assert_nonnull (strstr (after, "Dear Priya Harrow,"));
  g_assert_nonnull (strstr (after, "Kindly settle £480.00 by"));
  g_assert_nonnull (strstr (after, "R&D thanks you"));
  /* No amounts in the words: the table shows them. */
  g_assert_nonnull (strstr (after, "Outstanding"));
  g_assert_nonnull (strstr (after, "Total to pay"));
  /* The signature follows the template's last paragraph. */
  g_assert_cmpint (page_of (edited, "best wishes from the workshop"), ==, page_of (edited, "Yours sincerely"));
  g_assert_cmpint (page_of (edited, "Fenwick Joinery"), >=, 0);
}

/* The customer's language first, English when it has none; markup the
 * owner got wrong is shown as written rather than dropped. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) english = NULL;
  g_autoptr(PopplerDocument) german = NULL;
  g_autofree char *en = NULL;
  g_autofree char *de = NULL;

  set_letter (f, "final-notice", "de",
              "<b>Letzte Mahnung</b>\n\nSehr geehrte Frau {{customer.contact}},\n\n"
              "bitte zahlen Sie {{total_due}}.\n\nMit freundlichen Grüßen");
  english = letter_pdf (f, OD_LETTER_FINAL_NOTICE);
  en = all_text (english);
  g_assert_null (strstr (en, "Letzte Mahnung"));
  g_assert_nonnull (strstr (en, "Final notice"));

  od_customer_set_language (f->customer, "de");
  od_store_update_customer (OD_STORE (f->store), f->customer, &error);
  g_assert_no_error (error);
  german = letter_pdf (f, OD_LETTER_FINAL_NOTICE);
  de = all_text (german);
  g_test_message ("%s", de);
  g_assert_nonnull (strstr (de, "Letzte Mahnung"));
  /* The whole debt, as the message states it (480.00, the 15.00 fee,
   * the 40.00 compensation and the interest), written the German way
   * around the template too; poppler reads the no-break space as a
   * space. */
  g_assert_nonnull (strstr (de, "bitte zahlen Sie 537,42 £."));
  g_assert_nonnull (strstr (de, "Kundennr."));
  g_assert_nonnull (strstr (de, "23.11.2026"));
  g_assert_nonnull (strstr (de, "z. Hd. Priya Harrow"));
  /* {{total_due}} in the words: no amounts table repeating it. */
  g_assert_null (strstr (de, "Total to pay"));
}

/* A letter whose closing would fall alone on the next page takes the
 * template's last paragraph with it, wherever the page ends. */
static void
test_keep (Fixture       *f,
           gconstpointer  data)
{
  guint two_pages = 0;

  for (guint n = 10; n < 46; n++)
    {
      g_autoptr(GString) body = g_string_new ("Dear {{customer.contact}},\n\n");
      g_autoptr(PopplerDocument) document = NULL;
      int closing;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (body, "Filler line %u of the long paragraph.\n", i);
      g_string_append (body, "\nLastpara one.\nLastpara two.\nLastpara three.\n");
      set_letter (f, "second-reminder", "en", body->str);
      document = letter_pdf (f, OD_LETTER_REMINDER);
      closing = page_of (document, "Yours sincerely");
      g_assert_cmpint (closing, >=, 0);
      if (page_of (document, "Lastpara three") != closing || page_of (document, "Fenwick Joinery\n") < 0)
        g_error ("%u filler lines: the closing is on page %d without the paragraph before it", n, closing + 1);
      two_pages += poppler_document_get_n_pages (document) == 2;
    }
  g_assert_cmpuint (two_pages, >, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, paper, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (paper), fixture_set_up, func, fixture_tear_down)
  ADD ("/od/pdf-letter/edited", OD_PAPER_SIZE_A4, test_edited);
  ADD ("/od/pdf-letter/language", OD_PAPER_SIZE_A4, test_language);
  ADD ("/od/pdf-letter/keep", OD_PAPER_SIZE_A4, test_keep);
  ADD ("/od/pdf-letter/keep-us-letter", OD_PAPER_SIZE_LETTER, test_keep);
#undef ADD

  return g_test_run ();
}
