/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <poppler.h>

#include "od-dunning.h"
#include "od-outbox-private.h"
#include "od-pdf.h"
#include "od-test-util.h"

/*
 * A final notice in the customer's language, as the engine plans it on
 * 23 November 2026: the email (rendered as the outbox queues it) and the
 * letter (read back with poppler), for a German, a French and an English
 * customer of the same German business. Both state the deadline a week
 * later, 30 November 2026, and the same total.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  const char *language;
  const char *deadline;     /* the new deadline, as words */
  const char *principal;    /* 1,234.50 as the language writes it */
  const char *total_label;  /* the line that states the total, in both */
  const char *total;        /* 1,234.50 + 15.00 fee + 40.00 + 11 days at 8 %: 1,292.48 */
  const char *words[3];     /* wording of the email and the letter */
} Case;

static const Case cases[] = {
  { "de", "30. November 2026", "1.234,50\u00a0€", "Gesamtbetrag:", "1.292,48 €",
    { "Der jetzt fällige Betrag", "Guten Tag Erika Muster,", "Verzugspauschale nach § 288 Abs. 5 BGB" } },
  { "fr-FR", "30 novembre 2026", "1\u202f234,50\u00a0€", "Total dû\u00a0:", "1 292,48 €",
    { "Le montant désormais dû", "Madame, Monsieur,",
      "Indemnité forfaitaire pour frais de recouvrement" } },
  { "en", "30 November 2026", "€1,234.50", "Total due:", "€1,292.48",
    { "The amount now due", "Dear Erika Muster,", "Fixed compensation for recovery costs" } },
};

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdBusiness    *business;
  OdCustomer    *customer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  f->store = od_test_store_new (&f->tmpdir);
  f->business = od_business_new ();
  od_business_set_name (f->business, "Tischlerei Weber");
  od_business_set_address (f->business, "Tischlerei Weber\nLindenstraße 4\n10969 Berlin");
  od_business_set_iban (f->business, "DE89370400440532013000");
  od_business_set_locale (f->business, "de_DE.UTF-8");
  od_business_set_currency (f->business, "EUR");
  od_store_set_business (OD_STORE (f->store), f->business, &error);
  g_assert_no_error (error);

  f->customer = od_customer_new ();
  od_customer_set_ref (f->customer, "K1");
  od_customer_set_name (f->customer, "Muster & Partner");
  od_customer_set_address (f->customer, "Hauptstraße 1");
  od_customer_set_postcode (f->customer, "80331");
  od_customer_set_city (f->customer, "München");
  od_customer_set_country (f->customer, "DE");
  od_customer_set_language (f->customer, c->language);
  od_customer_set_time_zone (f->customer, "Europe/Berlin");
  od_contact_set_name (contact, "Erika Muster");
  od_contact_set_email (contact, "erika@muster.example");
  od_contact_set_role (contact, OD_CONTACT_ROLE_BILLING);
  od_customer_add_contact (f->customer, contact);
  od_store_insert_customer (OD_STORE (f->store), f->customer, &error);
  g_assert_no_error (error);
  /* Due 12 November: the final notice (11 days on) is due on the 23rd. */
  invoice = od_test_add_invoice (OD_STORE (f->store), f->customer, "R-2026-0163",
                                 "2026-10-13", "2026-11-12", 123450, "EUR");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->customer);
  g_clear_object (&f->business);
  g_clear_object (&f->store);
  od_test_tmpdir_free (f->tmpdir);
}

static GDateTime *
planned_at (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  return g_date_time_new (zone, 2026, 11, 23, 10, 0, 0);
}

/* The engine's plan for the day, as `run` and the letters batch see it. */
static OdDunningPlan *
plan_day (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = od_store_load_dunning_snapshot (OD_STORE (f->store), &error);
  g_autoptr(OdPolicy) policy = od_store_get_effective_policy (OD_STORE (f->store), 0, &error);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = planned_at ();

  g_assert_no_error (error);
  return od_dunning_plan_full (snapshot, policy, zone, now, OD_DUNNING_WHOLE_DAY);
}

static char *
email_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  OdDunningPlan *plan = plan_day (f);
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autofree char *html = NULL;
  char *text = NULL;

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == OD_ACTION_DUE && g_str_equal (action->step, "final-notice"))
        g_ptr_array_add (actions, action);
    }
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (_od_outbox_render (OD_STORE (f->store), f->business, f->customer, actions,
                                    OD_CHANNEL_EMAIL, &subject, &text, &html, &error));
  g_assert_no_error (error);
  g_test_message ("%s\n%s", subject, text);
  od_dunning_plan_free (plan);
  return text;
}

/* Every page's text; poppler gives a no-break space back as a space. */
static char *
pdf_text (GOutputStream *stream)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  GString *text = g_string_new (NULL);

  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static char *
letter_text (Fixture *f)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");
  char *text;

  od_pdf_write_letter (OD_STORE (f->store), "R-2026-0163", OD_LETTER_FINAL_NOTICE, &today, stream, &error);
  g_assert_no_error (error);
  text = pdf_text (stream);
  g_test_message ("%s", text);
  return text;
}

/* The letters batch of the day: the letter `letters` prints. */
static char *
batch_text (Fixture *f)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = planned_at ();
  guint n = 0;

  /* Post only: the step falls back to a letter. */
  od_customer_set_opted_out (f->customer, OD_CHANNEL_EMAIL | OD_CHANNEL_SMS);
  od_store_update_customer (OD_STORE (f->store), f->customer, &error);
  g_assert_no_error (error);
  od_pdf_write_letters (OD_STORE (f->store), now, TRUE, stream, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  return pdf_text (stream);
}

/* @text with no-break spaces as spaces (as poppler reads them). */
static char *
plain_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* What follows @label on its line, without spaces at the ends. */
static char *
value_after (const char *text,
             const char *label)
{
  const char *start = strstr (text, label);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (label);
  end = strchr (start, '\n');
  return g_strstrip (g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start)));
}

static void
test_final_notice (Fixture       *f,
                   gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *email = email_text (f);
  g_autofree char *letter = letter_text (f);
  g_autofree char *batch = NULL;
  g_autofree char *plain_email = plain_spaces (email);
  g_autofree char *plain_label = plain_spaces (c->total_label);
  g_autofree char *plain_principal = plain_spaces (c->principal);
  g_autofree char *email_total = NULL;
  g_autofree char *letter_total = NULL;
  g_autofree char *batch_total = NULL;

  /* The email: exact characters, no-break spaces included. */
  g_assert_nonnull (strstr (email, c->deadline));
  g_assert_nonnull (strstr (email, c->principal));
  g_assert_null (strstr (email, "2026-11-30"));
  g_assert_false (g_regex_match_simple ("\\bEUR\\b", email, 0, 0));
  for (guint i = 0; i < G_N_ELEMENTS (c->words); i++)
    g_assert_nonnull (strstr (email, c->words[i]));

  /* The letter: the same words around the template's, in print. */
  g_assert_nonnull (strstr (letter, c->deadline));
  g_assert_nonnull (strstr (letter, plain_principal));
  g_assert_false (g_regex_match_simple ("\\bEUR\\b", letter, 0, 0));
  for (guint i = 0; i < G_N_ELEMENTS (c->words); i++)
    g_assert_nonnull (strstr (letter, c->words[i]));

  /* One total: the principal, the 15.00 fee, the 40.00 compensation
   * and the interest accrued, in the email and in both letters. */
  email_total = value_after (plain_email, plain_label);
  letter_total = value_after (letter, plain_label);
  g_test_message ("email %s, letter %s", email_total, letter_total);
  g_assert_cmpstr (letter_total, ==, email_total);
  g_assert_cmpstr (email_total, ==, c->total);

  batch = batch_text (f);
  batch_total = value_after (batch, plain_label);
  g_assert_cmpstr (batch_total, ==, email_total);
}

/* The words of the page around the template speak the language too. */
static void
test_letter_frame (Fixture       *f,
                   gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *letter = letter_text (f);
  static const struct { const char *language; const char *words[4]; } frames[] = {
    { "de", { "Kundennr.", "23.11.2026", "z. Hd. Erika Muster", "Mit freundlichen Grüßen" } },
    { "fr", { "N° client", "23/11/2026", "À l’attention de Erika Muster",
              "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées." } },
    { "en", { "Customer no.", "23 Nov 2026", "Attn. Erika Muster", "Yours sincerely," } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      if (!g_str_has_prefix (c->language, frames[i].language))
        continue;
      for (guint w = 0; w < G_N_ELEMENTS (frames[i].words); w++)
        {
          g_autofree char *plain = plain_spaces (frames[i].words[w]);

          g_test_message ("%s", plain);
          g_assert_nonnull (strstr (letter, plain));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *final = g_strdup_printf ("/od/documents-language/%s/final-notice", cases[i].language);
      g_autofree char *frame = g_strdup_printf ("/od/documents-language/%s/letter-frame", cases[i].language);

      g_test_add (final, Fixture, &cases[i], fixture_set_up, test_final_notice, fixture_tear_down);
      g_test_add (frame, Fixture, &cases[i], fixture_set_up, test_letter_frame, fixture_tear_down);
    }

  return g_test_run ();
}
