/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

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
  assert_value (values, "invoice.issue_date", "2024-01-10");
  assert_value (values, "invoice.due_date", "2024-02-09");
  assert_value (values, "invoice.total", "EUR 1,000.00");
  /* 750.00 + 50.50 outstanding, plus 15.00 + 9.12 + 40.00. */
  assert_value (values, "amount_due", "EUR 800.50");
  assert_value (values, "late_fee", "EUR 15.00");
  assert_value (values, "interest", "EUR 9.12");
  assert_value (values, "interest_rate", "8.12%");
  assert_value (values, "interest_days", "21");
  assert_value (values, "compensation", "EUR 40.00");
  assert_value (values, "total_due", "EUR 864.62");
  assert_value (values, "days_overdue", "21");
  assert_value (values, "new_deadline", "2024-03-15");
  assert_value (values, "today", "2024-03-01");
  assert_value (values, "discount_amount", NULL);
  g_assert_nonnull (od_template_values_lookup (values, "opt_out"));
  /* The top link pays the whole demand; the invoice number is encoded. */
  assert_value (values, "payment_link",
                "https://pay.example/2024%2F001%20A%26B?amount=864.62&cur=EUR");

  list = render ("{{#invoices}}{{invoice.number}}|{{amount_due}}|{{days_overdue}}|{{payment_link}}\n{{/invoices}}",
                 values);
  g_assert_cmpstr (list, ==,
                   "2024/001 A&B|EUR 750.00|21|https://pay.example/2024%2F001%20A%26B?amount=750.00&cur=EUR\n"
                   "2024-002|EUR 50.50|10|https://pay.example/2024-002?amount=50.50&cur=EUR\n");
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
  assert_value (values, "amount_due", "EUR 100.00");
  assert_value (values, "total_due", "EUR 100.00");
  assert_value (values, "discount_amount", "EUR 2.00");
  assert_value (values, "discount_until", "2024-02-07");
  assert_value (values, "days_overdue", NULL);
  assert_value (values, "late_fee", NULL);
  assert_value (values, "interest", NULL);
  assert_value (values, "interest_rate", NULL);
  assert_value (values, "payment_link", NULL);

  text = render ("{{#days_overdue}}late{{/days_overdue}}{{^days_overdue}}due {{invoice.due_date}}{{/days_overdue}}"
                 "{{#discount_amount}}, {{discount_amount}} off until {{discount_until}}{{/discount_amount}}"
                 "{{#payment_link}} {{payment_link}}{{/payment_link}}",
                 values);
  g_assert_cmpstr (text, ==, "due 2024-02-09, EUR 2.00 off until 2024-02-07");
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
  assert_value (values, "instalment.amount", "EUR 300.00");
  assert_value (values, "instalment.due_date", "2024-05-04");
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

  return g_test_run ();
}
