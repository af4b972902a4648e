/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <pango/pango.h>
#include <sqlite3.h>
#include <string.h>

#include "od-merge-values.h"
#include "od-policy.h"
#include "od-policy-step.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *sqlite;
  OdStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sqlite = od_test_store_new (&f->tmpdir);
  f->store = OD_STORE (f->sqlite);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sqlite);
  od_test_tmpdir_free (g_steal_pointer (&f->tmpdir));
}

static void
reopen (Fixture *f)
{
  g_autofree char *path = g_strdup (od_sqlite_store_get_path (f->sqlite));
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->sqlite);
  f->sqlite = od_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  f->store = OD_STORE (f->sqlite);
}

static void
exec_raw (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (od_sqlite_store_get_path (f->sqlite), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static OdTemplateEntry *
get (Fixture        *f,
     const char     *name,
     OdTemplatePart  part,
     const char     *language)
{
  g_autoptr(GError) error = NULL;
  OdTemplateEntry *entry = od_store_get_template (f->store, name, part, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

/* A new ledger holds every shipped part, marked default. */
static void
test_seeded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) shipped = od_template_get_defaults ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplateEntry) entry = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpuint (shipped->len, >=, 30);
  stored = od_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, shipped->len);
  for (guint i = 0; i < stored->len; i++)
    {
      OdTemplateEntry *a = g_ptr_array_index (stored, i);
      OdTemplateEntry *b = g_ptr_array_index (shipped, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->language, ==, b->language);
      g_assert_cmpint (a->part, ==, b->part);
      g_assert_cmpstr (a->body, ==, b->body);
      g_assert_true (a->is_default);
    }

  entry = get (f, "final-notice", OD_TEMPLATE_PART_SUBJECT, "en");
  body = od_template_get_default ("final-notice", "en", OD_TEMPLATE_PART_SUBJECT);
  g_assert_cmpstr (entry->body, ==, body);
  g_assert_nonnull (strstr (entry->body, "{{new_deadline}}"));
}

/* The customer's language, then its bare language, then the business's,
 * then English. */
static void
test_language_fallback (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) business = od_business_new ();
  OdTemplateEntry *entry;

  g_assert_true (od_store_set_template (f->store, "first-reminder", OD_TEMPLATE_PART_TEXT, "de",
                                        "Sehr geehrte(r) {{customer.contact}},", &error));
  g_assert_no_error (error);
  g_assert_true (od_store_set_template (f->store, "first-reminder", OD_TEMPLATE_PART_TEXT, "nl",
                                        "Beste {{customer.contact}},", &error));
  g_assert_no_error (error);

  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, "de");
  g_assert_cmpstr (entry->language, ==, "de");
  g_assert_false (entry->is_default);
  od_template_entry_free (entry);

  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, "de_AT");
  g_assert_cmpstr (entry->body, ==, "Sehr geehrte(r) {{customer.contact}},");
  od_template_entry_free (entry);

  /* Overdue writes French itself. */
  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, "fr_CA");
  g_assert_cmpstr (entry->language, ==, "fr");
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);

  /* No Italian one, no business language: English. */
  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, "it");
  g_assert_cmpstr (entry->language, ==, "en");
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);

  od_business_set_name (business, "Bakkerij");
  od_business_set_locale (business, "nl_NL.UTF-8");
  g_assert_true (od_store_set_business (f->store, business, &error));
  g_assert_no_error (error);

  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, "it");
  g_assert_cmpstr (entry->language, ==, "nl");
  od_template_entry_free (entry);
  entry = get (f, "first-reminder", OD_TEMPLATE_PART_TEXT, NULL);
  g_assert_cmpstr (entry->language, ==, "nl");
  od_template_entry_free (entry);
  /* A part the owner's Dutch lacks: English. */
  entry = get (f, "first-reminder", OD_TEMPLATE_PART_HTML, "nl");
  g_assert_cmpstr (entry->language, ==, "en");
  od_template_entry_free (entry);

  entry = od_store_get_template (f->store, "no-such-step", OD_TEMPLATE_PART_TEXT, "de", &error);
  g_assert_null (entry);
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-step (text)"));
}

/* A template that does not parse is not stored, and the message names
 * the line; the stored one stays. */
static void
test_set_rejects (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplateEntry) before = get (f, "second-reminder", OD_TEMPLATE_PART_HTML, "en");
  g_autoptr(OdTemplateEntry) after = NULL;
  g_autoptr(OdTemplateEntry) edited = NULL;
  g_autoptr(OdTemplate) loaded = NULL;

  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_HTML, "en",
                                         "<p>Dear {{customer.contact}},</p>\n<p>{{#late_fee}}Fee {{late_fee}}</p>\n",
                                         &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "second-reminder (html): line 2, column 4: the section “late_fee” is not closed with “{{/late_fee}}”");
  g_clear_error (&error);

  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_HTML, "en",
                                         "Hi {{customer.nmae}}", &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_UNKNOWN_TAG);
  g_clear_error (&error);

  g_assert_false (od_store_set_template (f->store, "Second Reminder", OD_TEMPLATE_PART_HTML, "en",
                                         "Hi", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_HTML, "english",
                                         "Hi", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A letter must be markup the PDF can lay out, in every case. */
  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_LETTER, "en",
                                         "<b>Reminder\n\nDear {{customer.contact}},", &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "second-reminder (letter): the letter is not valid markup: "));
  g_clear_error (&error);
  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_LETTER, "en",
                                         "Dear {{customer.contact}},\n{{^late_fee}}Tom & Jerry{{/late_fee}}", &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_LETTER, "en",
                                         "{{#late_fee}}<i>Fee {{late_fee}}{{/late_fee}}</i>", &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX);
  g_clear_error (&error);
  {
    g_autoptr(OdTemplateEntry) letter = get (f, "second-reminder", OD_TEMPLATE_PART_LETTER, "en");

    g_assert_true (letter->is_default);
  }

  after = get (f, "second-reminder", OD_TEMPLATE_PART_HTML, "en");
  g_assert_cmpstr (after->body, ==, before->body);
  g_assert_true (after->is_default);

  /* A good one is stored, customised, and loads parsed. */
  g_assert_true (od_store_set_template (f->store, "second-reminder", OD_TEMPLATE_PART_HTML, "en",
                                        "<p>Dear {{customer.contact}}</p>", &error));
  g_assert_no_error (error);
  edited = get (f, "second-reminder", OD_TEMPLATE_PART_HTML, "en");
  g_assert_cmpstr (edited->body, ==, "<p>Dear {{customer.contact}}</p>");
  g_assert_false (edited->is_default);
  loaded = od_store_load_template (f->store, "second-reminder", OD_TEMPLATE_PART_HTML, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_template_get_source (loaded), ==, "<p>Dear {{customer.contact}}</p>");
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *shipped = od_template_get_default ("pre-due", "en", OD_TEMPLATE_PART_SMS);
  OdTemplateEntry *entry;

  g_assert_true (od_store_set_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "en",
                                        "Pay {{amount_due}} {{opt_out}}", &error));
  g_assert_true (od_store_reset_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "en", &error));
  g_assert_no_error (error);
  entry = get (f, "pre-due", OD_TEMPLATE_PART_SMS, "en");
  g_assert_cmpstr (entry->body, ==, shipped);
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);

  /* A shipped language comes back as shipped. */
  g_free (shipped);
  shipped = od_template_get_default ("pre-due", "de", OD_TEMPLATE_PART_SMS);
  g_assert_nonnull (shipped);
  g_assert_true (od_store_set_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "de",
                                        "Bitte {{amount_due}} {{opt_out}}", &error));
  g_assert_true (od_store_reset_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "de", &error));
  g_assert_no_error (error);
  entry = get (f, "pre-due", OD_TEMPLATE_PART_SMS, "de");
  g_assert_cmpstr (entry->language, ==, "de");
  g_assert_cmpstr (entry->body, ==, shipped);
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);

  /* A variant Overdue does not ship goes; English applies again. */
  g_assert_true (od_store_set_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "nl",
                                        "Betaal {{amount_due}} {{opt_out}}", &error));
  g_assert_true (od_store_reset_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "nl", &error));
  g_assert_no_error (error);
  entry = get (f, "pre-due", OD_TEMPLATE_PART_SMS, "nl");
  g_assert_cmpstr (entry->language, ==, "en");
  od_template_entry_free (entry);

  g_assert_false (od_store_reset_template (f->store, "pre-due", OD_TEMPLATE_PART_SMS, "nl", &error));
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND);
  g_free (shipped);
}

/* Opening the ledger with a newer Overdue: rows still at their default
 * take the shipped text, edited rows stay, missing ones come back. */
static void
test_upgrade_refresh (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shipped = od_template_get_default ("first-reminder", "en", OD_TEMPLATE_PART_SUBJECT);
  OdTemplateEntry *entry;

  g_assert_true (od_store_set_template (f->store, "final-notice", OD_TEMPLATE_PART_SUBJECT, "en",
                                        "Last call: {{invoice.number}}", &error));
  g_assert_no_error (error);

  /* As an older Overdue left them. */
  exec_raw (f,
            "UPDATE templates SET body = 'Old text {{invoice.number}}'"
            " WHERE name = 'first-reminder' AND part = 'subject';"
            "DELETE FROM templates WHERE name = 'instalment' AND part = 'sms';");
  reopen (f);

  entry = get (f, "first-reminder", OD_TEMPLATE_PART_SUBJECT, "en");
  g_assert_cmpstr (entry->body, ==, shipped);
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);

  entry = get (f, "final-notice", OD_TEMPLATE_PART_SUBJECT, "en");
  g_assert_cmpstr (entry->body, ==, "Last call: {{invoice.number}}");
  g_assert_false (entry->is_default);
  od_template_entry_free (entry);

  entry = get (f, "instalment", OD_TEMPLATE_PART_SMS, "en");
  g_assert_true (entry->is_default);
  od_template_entry_free (entry);
}

/* A ledger made when Overdue shipped only English: opening it adds the
 * German and French defaults, and leaves the owner's own German text
 * (edited before Overdue shipped one) as it was. */
static void
test_upgrade_languages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shipped = od_template_get_defaults ();
  g_autoptr(GPtrArray) stored = NULL;
  guint per_language[3] = { 0, };
  const char *languages[] = { "en", "de", "fr" };
  OdTemplateEntry *entry;

  for (guint i = 0; i < shipped->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      if (g_str_equal (((OdTemplateEntry *) g_ptr_array_index (shipped, i))->language, languages[l]))
        per_language[l]++;
  /* Every shipped language has every part English has. */
  g_assert_cmpuint (per_language[0], ==, 33);
  g_assert_cmpuint (per_language[1], ==, per_language[0]);
  g_assert_cmpuint (per_language[2], ==, per_language[0]);
  g_assert_cmpuint (shipped->len, ==, 3 * per_language[0]);

  exec_raw (f,
            "DELETE FROM templates WHERE language <> 'en';"
            "INSERT INTO templates (name, language, part, body, is_default)"
            " VALUES ('final-notice', 'de', 'subject', 'Unsere letzte Mahnung {{invoice.number}}', 0);");
  reopen (f);

  stored = od_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, shipped->len);
  entry = get (f, "final-notice", OD_TEMPLATE_PART_SUBJECT, "de");
  g_assert_cmpstr (entry->body, ==, "Unsere letzte Mahnung {{invoice.number}}");
  g_assert_false (entry->is_default);
  od_template_entry_free (entry);
  entry = get (f, "final-notice", OD_TEMPLATE_PART_LETTER, "de");
  g_assert_true (entry->is_default);
  g_assert_nonnull (strstr (entry->body, "Letzte Mahnung"));
  od_template_entry_free (entry);
  entry = get (f, "demand-letter", OD_TEMPLATE_PART_LETTER, "fr");
  g_assert_true (entry->is_default);
  g_assert_nonnull (strstr (entry->body, "mise en demeure"));
  od_template_entry_free (entry);
}

static OdTemplateValues *
full_values (gboolean    several,
             const char *language)
{
  g_autoptr(OdBusiness) business = od_business_new ();
  g_autoptr(OdCustomer) customer = od_customer_new ();
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2024-03-01");
  OdTemplateValues *values;
  OdMergeAmounts amounts;

  od_business_set_name (business, "Acme Plumbing & Heating Ltd");
  od_business_set_email (business, "accounts@acme.example");
  od_business_set_phone (business, "+44 20 7946 0000");
  od_business_set_iban (business, "GB29NWBK60161331926819");
  od_business_set_bic (business, "NWBKGB2L");
  od_business_set_payment_link (business, "https://pay.acme.example/i/{{invoice.number}}?amount={{amount_due}}");
  od_customer_set_ref (customer, "C-1");
  od_customer_set_name (customer, "Zoë <Ångström> & Co");
  od_customer_set_address (customer, "1 High Street");
  od_customer_set_city (customer, "Leeds");
  od_contact_set_name (contact, "Anna O'Neil");
  od_customer_add_contact (customer, contact);

  for (guint i = 0; i < (several ? 3 : 1); i++)
    {
      g_autofree char *number = g_strdup_printf ("INV-2024-%03u", i + 1);
      OdInvoice *invoice = od_invoice_new ();
      GDate issue = od_test_date ("2024-01-10");
      GDate due = od_test_date ("2024-02-09");

      od_invoice_set_number (invoice, number);
      od_invoice_set_issue_date (invoice, &issue);
      od_invoice_set_due_date (invoice, &due);
      od_invoice_set_currency (invoice, "GBP");
      od_invoice_set_total (invoice, 123456);
      g_ptr_array_add (invoices, invoice);
    }

  od_merge_amounts_init (&amounts);
  amounts.late_fee = 1500;
  amounts.interest = 812;
  amounts.interest_rate_bp = 800;
  amounts.interest_days = 21;
  amounts.compensation = 4000;
  amounts.discount_amount = 2469;
  amounts.discount_until = od_test_date ("2024-03-05");
  amounts.new_deadline = od_test_date ("2024-03-15");
  amounts.instalment_number = 2;
  amounts.instalment_count = 3;
  amounts.instalment_amount = 41152;
  amounts.instalment_due_date = od_test_date ("2024-03-10");

  values = od_merge_values_new_for_language (business, customer, invoices, &amounts, language,
                                             &today, &error);
  g_assert_no_error (error);
  return values;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every shipped part parses, and renders with a full set of values,
 * one invoice or several, into what its target expects. */
static void
test_defaults_render (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) shipped = od_template_get_defaults ();

  for (guint s = 0; s < 2; s++)
    {
      for (guint i = 0; i < shipped->len; i++)
        {
          OdTemplateEntry *entry = g_ptr_array_index (shipped, i);
          /* The values as a message in the template's language has them. */
          g_autoptr(OdTemplateValues) values = full_values (s == 1, entry->language);
          g_autofree char *origin = od_template_entry_origin (entry->name, entry->part);
          g_autofree char *opt_out = g_strconcat (od_template_values_lookup (values, "opt_out"), "\n", NULL);
          g_autofree char *html_lang = g_strdup_printf ("<html lang=\"%s\">", entry->language);
          /* French letters and formal emails greet "Madame, Monsieur,"
           * (the address names the person); the rest name the contact. */
          gboolean formal = g_str_equal (entry->language, "fr") &&
                            (entry->part == OD_TEMPLATE_PART_LETTER ||
                             g_str_equal (entry->name, "final-notice") ||
                             g_str_equal (entry->name, "demand-letter"));
          g_autoptr(GError) error = NULL;
          g_autoptr(OdTemplate) template = od_template_new (entry->body, origin, &error);
          g_autofree char *out = NULL;

          g_assert_no_error (error);
          g_assert_true (od_template_check_part (template, entry->part, origin, &error));
          g_assert_no_error (error);
          out = od_template_render (template, values, od_template_part_get_target (entry->part));
          g_test_message ("%s/%s:\n%s", entry->language, origin, out);
          g_assert_null (strstr (out, "{{"));
          g_assert_null (strstr (out, "}}"));
          if (entry->part != OD_TEMPLATE_PART_SUBJECT && entry->part != OD_TEMPLATE_PART_SMS)
            {
              /* Grouped messages name every invoice. */
              gboolean all = s == 1 && !g_str_equal (entry->name, "instalment");

              g_assert_nonnull (strstr (out, all ? "INV-2024-003" : "INV-2024-001"));
            }
          /* No blank line pile-ups from sections. */
          g_assert_null (strstr (out, "\n\n\n"));

          switch (entry->part)
            {
            case OD_TEMPLATE_PART_SUBJECT:
              g_assert_null (strpbrk (out, "\r\n"));
              g_assert_cmpuint (strlen (out), <=, 120);
              break;
            case OD_TEMPLATE_PART_SMS:
              /* Two segments at most (GSM-7), ending with the opt-out. */
              g_assert_cmpuint (g_utf8_strlen (out, -1), <=, 306);
              g_assert_true (g_str_has_suffix (out, opt_out));
              break;
            case OD_TEMPLATE_PART_LETTER:
              g_assert_true (pango_parse_markup (out, -1, 0, NULL, NULL, NULL, &error));
              g_assert_no_error (error);
              if (formal)
                g_assert_nonnull (strstr (out, "Madame, Monsieur,"));
              else if (!g_str_equal (entry->name, "agency-handoff"))
                g_assert_nonnull (strstr (out, "Anna O&apos;Neil"));
              break;
            case OD_TEMPLATE_PART_HTML:
              g_assert_true (g_str_has_prefix (out, "<!DOCTYPE html>"));
              g_assert_cmpuint (count (out, "<p"), ==, count (out, "</p>"));
              g_assert_cmpuint (count (out, "<table"), ==, count (out, "</table>"));
              g_assert_null (strstr (out, "<img"));
              g_assert_nonnull (strstr (out, formal ? "Madame, Monsieur," : "Anna O&#39;Neil"));
              g_assert_nonnull (strstr (out, html_lang));
              break;
            case OD_TEMPLATE_PART_TEXT:
            default:
              g_assert_null (strstr (out, "<p"));
              g_assert_null (strstr (out, "<b>"));
              break;
            }
        }
    }
}

/* Every step of the shipped policy has a template for each channel it
 * may use, and a letter for when the customer opted out of them. */
static void
test_defaults_cover_policy (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OdPolicy) policy = od_policy_new_default ();
  const char *extra[] = { "instalment" };
  const char *languages[] = { "en", "de", "fr" };
  guint n_names = od_policy_get_n_steps (policy) + G_N_ELEMENTS (extra);

  /* Every shipped language covers them all. */
  for (guint k = 0; k < G_N_ELEMENTS (languages) * n_names; k++)
    {
      guint l = k / n_names;
      guint i = k % n_names;
      const char *name;
      OdChannel channels = OD_CHANNEL_LETTER;

      if (i < od_policy_get_n_steps (policy))
        {
          OdPolicyStep *step = od_policy_get_step (policy, i);
          const OdChannel *list;
          guint n;

          name = od_policy_step_get_template (step);
          list = od_policy_step_get_channels (step, &n);
          for (guint j = 0; j < n; j++)
            channels |= list[j];
        }
      else
        {
          name = extra[i - od_policy_get_n_steps (policy)];
          channels |= OD_CHANNEL_EMAIL | OD_CHANNEL_SMS;
        }

      g_test_message ("%s/%s", languages[l], name);
      if (channels & OD_CHANNEL_EMAIL)
        {
          g_autofree char *html = od_template_get_default (name, languages[l], OD_TEMPLATE_PART_HTML);

          g_assert_nonnull (html);
        }
      if (channels & (OD_CHANNEL_EMAIL | OD_CHANNEL_CALL))
        {
          g_autofree char *text = od_template_get_default (name, languages[l], OD_TEMPLATE_PART_TEXT);
          g_autofree char *subject = od_template_get_default (name, languages[l], OD_TEMPLATE_PART_SUBJECT);

          g_assert_nonnull (text);
          g_assert_nonnull (subject);
        }
      if (channels & OD_CHANNEL_SMS)
        {
          g_autofree char *sms = od_template_get_default (name, languages[l], OD_TEMPLATE_PART_SMS);

          g_assert_nonnull (sms);
        }
      {
        g_autofree char *letter = od_template_get_default (name, languages[l], OD_TEMPLATE_PART_LETTER);

        g_assert_nonnull (letter);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/od/template-store/seeded", test_seeded);
  ADD ("/od/template-store/language-fallback", test_language_fallback);
  ADD ("/od/template-store/set-rejects", test_set_rejects);
  ADD ("/od/template-store/reset", test_reset);
  ADD ("/od/template-store/upgrade-refresh", test_upgrade_refresh);
  ADD ("/od/template-store/upgrade-languages", test_upgrade_languages);
  ADD ("/od/template-store/defaults-render", test_defaults_render);
  ADD ("/od/template-store/defaults-cover-policy", test_defaults_cover_policy);

#undef ADD

  return g_test_run ();
}
