/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-charge.h"
#include "od-language-format.h"
#include "od-merge-values.h"
#include "od-test-util.h"

static OdBusiness *
make_business (const char *payment_link)
{
  OdBusiness *business = od_business_new ();

  od_business_set_name (business, "Acme & Söhne GmbH");
  od_business_set_address (business, "Hauptstr. 1\n10115 Berlin");
  od_business_set_email (business, "billing@acme.example");
  od_business_set_phone (business, "+49 30 1234567");
  od_business_set_iban (business, "DE89370400440532013000");
  od_business_set_bic (business, "COBADEFFXXX");
  od_business_set_tax_id (business, "DE123456789");
  od_business_set_payment_link (business, payment_link);
  return business;
}

static OdCustomer *
make_customer (const char *contact_name)
{
  OdCustomer *customer = od_customer_new ();

  od_customer_set_ref (customer, "C-7");
  od_customer_set_name (customer, "Zoë Ångström AB");
  od_customer_set_address (customer, "Storgatan 3");
  od_customer_set_postcode (customer, "111 22");
  od_customer_set_city (customer, "Stockholm");
  od_customer_set_country (customer, "SE");
  if (contact_name != NULL)
    {
      g_autoptr(OdContact) escalation = od_contact_new ();
      g_autoptr(OdContact) billing = od_contact_new ();

      od_contact_set_name (escalation, "The Boss");
      od_contact_set_role (escalation, OD_CONTACT_ROLE_ESCALATION);
      od_customer_add_contact (customer, escalation);
      od_contact_set_name (billing, contact_name);
      od_contact_set_email (billing, "anna@zoe.example");
      od_contact_set_role (billing, OD_CONTACT_ROLE_BILLING);
      od_customer_add_contact (customer, billing);
    }
  return customer;
}

static OdInvoice *
make_invoice (const char *number,
              const char *due,
              gint64      total,
              gint64      paid)
{
  OdInvoice *invoice = od_invoice_new ();
  GDate issue = od_test_date ("2024-01-10");
  GDate due_date = od_test_date (due);

  od_invoice_set_number (invoice, number);
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due_date);
  od_invoice_set_currency (invoice, "EUR");
  od_invoice_set_total (invoice, total);
  od_invoice_set_paid (invoice, paid);
  return invoice;
}

static char *
render (const char       *source,
        OdTemplateValues *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplate) template = od_template_new (source, "test", &error);

  g_assert_no_error (error);
  return od_template_render (template, values, OD_TEMPLATE_TARGET_TEXT);
}

#define assert_value(values, name, expected) \
  g_assert_cmpstr (od_template_values_lookup ((values), (name)), ==, (expected))

/* A final notice for two invoices: every amount where the template
 * expects it, the list per invoice, the contact by name. */
static void
test_full (void)
{
  g_autoptr(OdBusiness) business = make_business ("https://pay.example/{{invoice.number}}?amount={{amount_due}}&cur={{currency}}");
  g_autoptr(OdCustomer) customer = make_customer ("Anna Berg");
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OdTemplateValues) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  GDate today = od_test_date ("2024-03-01");
  OdMergeAmounts amounts;

  g_ptr_array_add (invoices, make_invoice ("2024/001 A&B", "2024-02-09", 100000, 25000));
  g_ptr_array_add (invoices, make_invoice ("2024-002", "2024-02-20", 5050, 0));

  od_merge_amounts_init (&amounts);
  amounts.late_fee = 1500;
  amounts.interest = 912;
  amounts.interest_rate_bp = 812;
  amounts.interest_days = 21;
  amounts.compensation = 4000;
  amounts.new_deadline = od_test_date ("2024-03-15");

  values = od_merge_values_new (business, customer, invoices, &amounts, &today, &error);
  g_assert_no_error (error);

  assert_value (values, "business.name", "Acme & Söhne GmbH");
  assert_value (values, "business.iban", "DE89370400440532013000");
  assert_value (values, "customer.name", "Zoë Ångström AB");
  assert_value (values, "customer.contact", "Anna Berg");
  assert_value (values, "customer.email", "anna@zoe.example");
  assert_value (values, "customer.ref", "C-7");
  assert_value (values, "customer.address", "Storgatan 3\n111 22 Stockholm\nSE");
  assert_value (values, "invoice.number", "2024/001 A&B");
  assert_value (values, "invoice.issue_date", "10 January 2024");
  assert_value (values, "invoice.due_date", "9 February 2024");
  assert_value (values, "invoice.total", "€1,000.00");
  /* 750.00 + 50.50 outstanding, plus 15.00 + 9.12 + 40.00. */
  assert_value (values, "amount_due", "€800.50");
  assert_value (values, "late_fee", "€15.00");
  assert_value (values, "interest", "€9.12");
  assert_value (values, "interest_rate", "8.12%");
  assert_value (values, "interest_days", "21");
  assert_value (values, "compensation", "€40.00");
  assert_value (values, "total_due", "€864.62");
  assert_value (values, "days_overdue", "21");
  assert_value (values, "new_deadline", "15 March 2024");
  assert_value (values, "today", "1 March 2024");
  assert_value (values, "discount_amount", NULL);
  g_assert_nonnull (od_template_values_lookup (values, "opt_out"));
  /* The top link pays the whole demand; the invoice number is encoded. */
  assert_value (values, "payment_link",
                "https://pay.example/2024%2F001%20A%26B?amount=864.62&cur=EUR");

  list = render ("{{#invoices}}{{invoice.number}}|{{amount_due}}|{{days_overdue}}|{{payment_link}}\n{{/invoices}}",
                 values);
  g_assert_cmpstr (list, ==,
                   "2024/001 A&B|€750.00|21|https://pay.example/2024%2F001%20A%26B?amount=750.00&cur=EUR\n"
                   "2024-002|€50.50|10|https://pay.example/2024-002?amount=50.50&cur=EUR\n");
}

/* Before the due date: no lateness, the discount and its date; no
 * contact person: the customer's name; no payment link: none. */
static void
test_pre_due (void)
{
  g_autoptr(OdBusiness) business = make_business (NULL);
  g_autoptr(OdCustomer) customer = make_customer (NULL);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OdTemplateValues) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate today = od_test_date ("2024-02-06");
  OdMergeAmounts amounts;

  g_ptr_array_add (invoices, make_invoice ("A-1", "2024-02-09", 10000, 0));
  od_merge_amounts_init (&amounts);
  amounts.discount_amount = 200;
  amounts.discount_until = od_test_date ("2024-02-07");

  values = od_merge_values_new (business, customer, invoices, &amounts, &today, &error);
  g_assert_no_error (error);
  assert_value (values, "customer.contact", "Zoë Ångström AB");
  assert_value (values, "amount_due", "€100.00");
  assert_value (values, "total_due", "€100.00");
  assert_value (values, "discount_amount", "€2.00");
  assert_value (values, "discount_until", "7 February 2024");
  assert_value (values, "days_overdue", NULL);
  assert_value (values, "late_fee", NULL);
  assert_value (values, "interest", NULL);
  assert_value (values, "interest_rate", NULL);
  assert_value (values, "payment_link", NULL);

  text = render ("{{#days_overdue}}late{{/days_overdue}}{{^days_overdue}}due {{invoice.due_date}}{{/days_overdue}}"
                 "{{#discount_amount}}, {{discount_amount}} off until {{discount_until}}{{/discount_amount}}"
                 "{{#payment_link}} {{payment_link}}{{/payment_link}}",
                 values);
  g_assert_cmpstr (text, ==, "due 9 February 2024, €2.00 off until 7 February 2024");
}

static void
test_instalment (void)
{
  g_autoptr(OdBusiness) business = make_business ("https://pay.example/?i={{invoice.number}}&a={{amount_due}}");
  g_autoptr(OdCustomer) customer = make_customer ("Anna");
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OdTemplateValues) values = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2024-05-01");
  OdMergeAmounts amounts;

  g_ptr_array_add (invoices, make_invoice ("A-9", "2024-02-09", 90000, 30000));
  od_merge_amounts_init (&amounts);
  amounts.instalment_number = 2;
  amounts.instalment_count = 3;
  amounts.instalment_amount = 30000;
  amounts.instalment_due_date = od_test_date ("2024-05-04");

  values = od_merge_values_new (business, customer, invoices, &amounts, &today, &error);
  g_assert_no_error (error);
  assert_value (values, "instalment.number", "2");
  assert_value (values, "instalment.count", "3");
  assert_value (values, "instalment.amount", "€300.00");
  assert_value (values, "instalment.due_date", "4 May 2024");
  assert_value (values, "payment_link", "https://pay.example/?i=A-9&a=300.00");
}

static void
test_payment_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  g_autofree char *none = NULL;
  char *bad;

  link = od_merge_values_payment_link ("https://x.example/p?n={{invoice.number}}&a={{amount_due}}",
                                       "Ä 1\r\n?", 123456, "JPY", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link, ==, "https://x.example/p?n=%C3%84%201%0D%0A%3F&a=123456");

  none = od_merge_values_payment_link ("", "A-1", 1, "EUR", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  bad = od_merge_values_payment_link ("https://x.example/{{invoice.nubmer}}", "A-1", 1, "EUR", &error);
  g_assert_null (bad);
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_UNKNOWN_TAG);
  g_assert_nonnull (strstr (error->message, "line 1, column 19: unknown tag “invoice.nubmer”"));
  g_clear_error (&error);

  bad = od_merge_values_payment_link ("https://x.example/{{customer.name}}", "A-1", 1, "EUR", &error);
  g_assert_null (bad);
  g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_UNKNOWN_TAG);
  g_assert_nonnull (strstr (error->message, "customer.name"));
  g_clear_error (&error);

  /* A bad pattern fails the values too, naming the link. */
  {
    g_autoptr(OdBusiness) business = make_business ("https://x.example/{{#invoices}}");
    g_autoptr(OdCustomer) customer = make_customer (NULL);
    g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
    OdTemplateValues *values;
    OdMergeAmounts amounts;

    g_ptr_array_add (invoices, make_invoice ("A-1", "2024-02-09", 100, 0));
    od_merge_amounts_init (&amounts);
    values = od_merge_values_new (business, customer, invoices, &amounts, NULL, &error);
    g_assert_null (values);
    g_assert_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX);
    g_assert_true (g_str_has_prefix (error->message, "payment link: line 1, column 19"));
  }
}

static void
test_rate (void)
{
  static const struct { guint bp; const char *text; } cases[] = {
    { 800, "8%" }, { 812, "8.12%" }, { 850, "8.5%" }, { 5, "0.05%" }, { 0, "0%" }, { 1000, "10%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = od_merge_values_format_rate (cases[i].bp);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The customer's language writes the dates, the amounts, the rate and
 * the opt-out line; the machine parts (the link's amount) stay plain. */
static void
test_languages (void)
{
  static const struct
  {
    const char *language;
    const char *business_locale;
    const char *deadline;
    const char *total;
    const char *rate;
    const char *issued;
    const char *opt_out;
  } cases[] = {
    { "de", NULL, "30. November 2026", "1.234,50\u00a0€", "8,12\u00a0%", "1. Oktober 2026", "Abbestellen: Antworten Sie STOP" },
    { "de_AT", NULL, "30. November 2026", "1.234,50\u00a0€", "8,12\u00a0%", "1. Oktober 2026", "Abbestellen: Antworten Sie STOP" },
    { "fr", NULL, "30 novembre 2026", "1\u202f234,50\u00a0€", "8,12\u202f%", "1er octobre 2026", "Désinscription" },
    { "en", "de_DE.UTF-8", "30 November 2026", "€1,234.50", "8.12%", "1 October 2026", "Reply STOP" },
    /* Nothing Overdue writes: the business's language, else English. */
    { "nl", "fr_FR.UTF-8", "30 novembre 2026", "1\u202f234,50\u00a0€", "8,12\u202f%", "1er octobre 2026", "Désinscription" },
    { NULL, NULL, "30 November 2026", "€1,234.50", "8.12%", "1 October 2026", "Reply STOP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OdBusiness) business = make_business ("https://pay.example/?a={{amount_due}}");
      g_autoptr(OdCustomer) customer = make_customer ("Anna Berg");
      g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(OdTemplateValues) values = NULL;
      g_autoptr(GError) error = NULL;
      GDate today = od_test_date ("2026-11-23");
      GDate issue = od_test_date ("2026-10-01");
      OdMergeAmounts amounts;
      OdInvoice *invoice;

      g_test_message ("%s", cases[i].language != NULL ? cases[i].language : "(none)");
      od_customer_set_language (customer, cases[i].language);
      od_business_set_locale (business, cases[i].business_locale);
      invoice = make_invoice ("2026-0163", "2026-10-31", 123450, 0);
      od_invoice_set_issue_date (invoice, &issue);
      g_ptr_array_add (invoices, invoice);
      od_merge_amounts_init (&amounts);
      amounts.interest = 912;
      amounts.interest_rate_bp = 812;
      amounts.interest_days = 23;
      amounts.total = 123450;
      amounts.new_deadline = od_test_date ("2026-11-30");

      values = od_merge_values_new (business, customer, invoices, &amounts, &today, &error);
      g_assert_no_error (error);
      assert_value (values, "new_deadline", cases[i].deadline);
      assert_value (values, "total_due", cases[i].total);
      assert_value (values, "interest_rate", cases[i].rate);
      assert_value (values, "invoice.issue_date", cases[i].issued);
      g_assert_true (g_str_has_prefix (od_template_values_lookup (values, "opt_out"), cases[i].opt_out));
      assert_value (values, "payment_link", "https://pay.example/?a=1234.50");
    }

  /* The language asked for wins over the customer's: the template's. */
  {
    g_autoptr(OdBusiness) business = make_business (NULL);
    g_autoptr(OdCustomer) customer = make_customer ("Anna Berg");
    g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(OdTemplateValues) values = NULL;
    g_autoptr(GError) error = NULL;
    OdMergeAmounts amounts;

    od_customer_set_language (customer, "fr");
    g_ptr_array_add (invoices, make_invoice ("A-1", "2026-11-30", 123450, 0));
    od_merge_amounts_init (&amounts);
    values = od_merge_values_new_for_language (business, customer, invoices, &amounts, "de", NULL, &error);
    g_assert_no_error (error);
    assert_value (values, "invoice.due_date", "30. November 2026");
    assert_value (values, "amount_due", "1.234,50\u00a0€");
  }
}

static OdCharge *
make_charge (OdChargeKind  kind,
             const char   *step,
             gint64        amount)
{
  OdCharge *charge = od_charge_new ();

  od_charge_set_kind (charge, kind);
  od_charge_set_step (charge, step);
  od_charge_set_amount (charge, amount);
  return charge;
}

/* The one rule for a step's total: earlier steps' fees and the
 * compensation they charged count; the step's own stored fee is its
 * action's fee, not twice; stored interest is not accrued interest. */
static void
test_add_action (void)
{
  g_autoptr(GPtrArray) charges = g_ptr_array_new_with_free_func (g_object_unref);
  OdDunningAction action = { 0, };
  OdMergeAmounts amounts;

  g_ptr_array_add (charges, make_charge (OD_CHARGE_KIND_LATE_FEE, "second-reminder", 500));
  g_ptr_array_add (charges, make_charge (OD_CHARGE_KIND_COMPENSATION, "second-reminder", 4000));
  g_ptr_array_add (charges, make_charge (OD_CHARGE_KIND_LATE_FEE, "final-notice", 1500));
  g_ptr_array_add (charges, make_charge (OD_CHARGE_KIND_INTEREST, "final-notice", 700));

  action.step = (char *) "final-notice";
  action.amount_due = 368020 - 2000;
  action.fee = 1500;
  action.interest = 964;
  action.interest_days = 40;

  od_merge_amounts_init (&amounts);
  od_merge_amounts_add_action (&amounts, &action, charges);
  g_assert_cmpint (amounts.principal, ==, 366020);
  g_assert_cmpint (amounts.late_fee, ==, 2000);
  g_assert_cmpint (amounts.interest, ==, 964);
  g_assert_cmpuint (amounts.interest_days, ==, 40);
  g_assert_cmpint (amounts.compensation, ==, 4000);

  /* A step that brings the compensation itself: once, not twice. */
  action.compensation = 4000;
  od_merge_amounts_add_action (&amounts, &action, charges);
  g_assert_cmpint (amounts.compensation, ==, 8000);
  g_assert_cmpint (amounts.late_fee, ==, 4000);

  /* Nothing charged yet. */
  od_merge_amounts_init (&amounts);
  od_merge_amounts_add_action (&amounts, &action, NULL);
  g_assert_cmpint (amounts.late_fee, ==, 1500);
  g_assert_cmpint (amounts.compensation, ==, 4000);
}

/* The formats themselves, per language, without any locale. */
static void
test_language_format (void)
{
  GDate first = od_test_date ("2026-12-01");
  GDate last = od_test_date ("2026-03-31");
  static const struct
  {
    const char *language;
    const char *first_long;
    const char *last_short;
    const char *negative;
    const char *yen;
    const char *franc;
    const char *amount;
    const char *rate;
  } cases[] = {
    { "en", "1 December 2026", "31 Mar 2026", "−€1,234.50", "¥1,234,567", "CHF\u00a01,234.50", "1,234,567.89", "8.5%" },
    { "de-CH", "1. Dezember 2026", "31.03.2026", "−1.234,50\u00a0€", "1.234.567\u00a0¥", "1.234,50\u00a0CHF", "1.234.567,89", "8,5\u00a0%" },
    { "fr_BE.UTF-8", "1er décembre 2026", "31/03/2026", "−1\u202f234,50\u00a0€", "1\u202f234\u202f567\u00a0¥",
      "1\u202f234,50\u00a0CHF", "1\u202f234\u202f567,89", "8,5\u202f%" },
    /* Not one Overdue writes: English. */
    { "sv", "1 December 2026", "31 Mar 2026", "−€1,234.50", "¥1,234,567", "CHF\u00a01,234.50", "1,234,567.89", "8.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first_long = od_language_format_date (cases[i].language, &first);
      g_autofree char *last_short = od_language_format_date_short (cases[i].language, &last);
      g_autofree char *negative = od_language_format_money (cases[i].language, -123450, "EUR");
      g_autofree char *yen = od_language_format_money (cases[i].language, 1234567, "JPY");
      g_autofree char *franc = od_language_format_money (cases[i].language, 123450, "CHF");
      g_autofree char *amount = od_language_format_amount (cases[i].language, 123456789, "EUR");
      g_autofree char *rate = od_language_format_percent (cases[i].language, 850);

      g_test_message ("%s", cases[i].language);
      g_assert_cmpstr (first_long, ==, cases[i].first_long);
      g_assert_cmpstr (last_short, ==, cases[i].last_short);
      g_assert_cmpstr (negative, ==, cases[i].negative);
      g_assert_cmpstr (yen, ==, cases[i].yen);
      g_assert_cmpstr (franc, ==, cases[i].franc);
      g_assert_cmpstr (amount, ==, cases[i].amount);
      g_assert_cmpstr (rate, ==, cases[i].rate);
    }

  g_assert_cmpstr (od_language_format_pick ("de_AT", NULL), ==, "de");
  g_assert_cmpstr (od_language_format_pick ("nl", "fr_FR.UTF-8"), ==, "fr");
  g_assert_cmpstr (od_language_format_pick ("german", "xx"), ==, "en");
  g_assert_cmpstr (od_language_format_pick (NULL, NULL), ==, "en");
  g_assert_true (od_language_format_supported ("fr-CA"));
  g_assert_false (od_language_format_supported ("frr"));
  /* The words: the table, else the English text. */
  g_assert_cmpstr (od_language_text ("de", "Total to pay"), ==, "Zu zahlender Gesamtbetrag");
  g_assert_cmpstr (od_language_text ("fr", "Page %u of %u"), ==, "Page %u sur %u");
  g_assert_cmpstr (od_language_text ("it", "Total to pay"), ==, "Total to pay");
  g_assert_cmpstr (od_language_text ("de", "No such words"), ==, "No such words");
  g_assert_cmpstr (od_language_ntext ("fr", "%u day", "%u days", 0), ==, "%u day");
  g_assert_cmpstr (od_language_ntext ("de", "Interest at %s a year for %u day",
                                      "Interest at %s a year for %u days", 0), ==,
                   "Verzugszinsen (%s p. a.) für %u Tage");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/merge-values/full", test_full);
  g_test_add_func ("/od/merge-values/pre-due", test_pre_due);
  g_test_add_func ("/od/merge-values/instalment", test_instalment);
  g_test_add_func ("/od/merge-values/payment-link", test_payment_link);
  g_test_add_func ("/od/merge-values/rate", test_rate);
  g_test_add_func ("/od/merge-values/languages", test_languages);
  g_test_add_func ("/od/merge-values/add-action", test_add_action);
  g_test_add_func ("/od/merge-values/language-format", test_language_format);

  return g_test_run ();
}
