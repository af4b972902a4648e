/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-charge.h"
#include "od-contact.h"
#include "od-customer.h"
#include "od-date.h"
#include "od-enums.h"
#include "od-invoice.h"
#include "od-money.h"
#include "od-payment.h"
#include "od-types.h"

#include <string.h>

static GDate
date_from_iso (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  od_date_parse_iso (iso, &date, &error);
  g_assert_no_error (error);

  return date;
}

/* Validation must fail with @code and a message mentioning @needle (the
 * field or the offending value). */
#define assert_invalid(validate, object, code, needle)                       \
  G_STMT_START {                                                             \
    g_autoptr(GError) _error = NULL;                                         \
    g_assert_false (validate (object, &_error));                             \
    g_assert_error (_error, OD_VALIDATION_ERROR, (int) (code));              \
    if (strstr (_error->message, (needle)) == NULL)                          \
      g_error ("“%s” does not mention “%s”", _error->message, (needle));     \
  } G_STMT_END

#define assert_valid(validate, object)                                       \
  G_STMT_START {                                                             \
    g_autoptr(GError) _error = NULL;                                         \
    g_assert_true (validate (object, &_error));                              \
    g_assert_no_error (_error);                                              \
  } G_STMT_END

static void
test_type_names (void)
{
  OdChannel channel;
  OdContactRole role;
  OdInvoiceStatus status;
  OdChargeKind kind;
  OdPauseKind pause;
  OdPaperSize paper;

  g_assert_cmpstr (od_channel_to_string (OD_CHANNEL_EMAIL), ==, "email");
  g_assert_cmpstr (od_channel_to_string (OD_CHANNEL_SMS), ==, "sms");
  g_assert_cmpstr (od_channel_to_string (OD_CHANNEL_LETTER), ==, "letter");
  g_assert_cmpstr (od_channel_to_string (OD_CHANNEL_CALL), ==, "call");
  g_assert_null (od_channel_to_string (OD_CHANNEL_NONE));
  g_assert_true (od_channel_from_string ("letter", &channel));
  g_assert_cmpint (channel, ==, OD_CHANNEL_LETTER);
  g_assert_false (od_channel_from_string ("Email", &channel));
  g_assert_false (od_channel_from_string (NULL, &channel));

  g_assert_cmpstr (od_contact_role_to_string (OD_CONTACT_ROLE_BILLING), ==, "billing");
  g_assert_cmpstr (od_contact_role_to_string (OD_CONTACT_ROLE_ESCALATION), ==, "escalation");
  g_assert_true (od_contact_role_from_string ("escalation", &role));
  g_assert_cmpint (role, ==, OD_CONTACT_ROLE_ESCALATION);

  g_assert_cmpstr (od_invoice_status_to_string (OD_INVOICE_STATUS_OPEN), ==, "open");
  g_assert_cmpstr (od_invoice_status_to_string (OD_INVOICE_STATUS_PAID), ==, "paid");
  g_assert_cmpstr (od_invoice_status_to_string (OD_INVOICE_STATUS_VOID), ==, "void");
  g_assert_true (od_invoice_status_from_string ("void", &status));
  g_assert_cmpint (status, ==, OD_INVOICE_STATUS_VOID);
  g_assert_false (od_invoice_status_from_string ("closed", &status));

  g_assert_cmpstr (od_charge_kind_to_string (OD_CHARGE_KIND_LATE_FEE), ==, "late-fee");
  g_assert_cmpstr (od_charge_kind_to_string (OD_CHARGE_KIND_INTEREST), ==, "interest");
  g_assert_cmpstr (od_charge_kind_to_string (OD_CHARGE_KIND_COMPENSATION), ==, "compensation");
  g_assert_true (od_charge_kind_from_string ("interest", &kind));
  g_assert_cmpint (kind, ==, OD_CHARGE_KIND_INTEREST);

  g_assert_cmpstr (od_pause_kind_to_string (OD_PAUSE_KIND_DISPUTE), ==, "dispute");
  g_assert_cmpstr (od_pause_kind_to_string (OD_PAUSE_KIND_PROMISE), ==, "promise");
  g_assert_cmpstr (od_pause_kind_to_string (OD_PAUSE_KIND_HOLD), ==, "hold");
  g_assert_true (od_pause_kind_from_string ("hold", &pause));
  g_assert_cmpint (pause, ==, OD_PAUSE_KIND_HOLD);

  g_assert_cmpstr (od_paper_size_to_string (OD_PAPER_SIZE_A4), ==, "A4");
  g_assert_cmpstr (od_paper_size_to_string (OD_PAPER_SIZE_LETTER), ==, "Letter");
  g_assert_true (od_paper_size_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, OD_PAPER_SIZE_LETTER);
  g_assert_false (od_paper_size_from_string ("a4", &paper));

  g_assert_true (G_TYPE_IS_FLAGS (OD_TYPE_CHANNEL));
  g_assert_true (G_TYPE_IS_ENUM (OD_TYPE_INVOICE_STATUS));
}

static void
test_email (void)
{
  static const char * const good[] = {
    "anna@example.com", "a.b+c@mail.example.co.uk", "zoë@example.de",
    "x@y.z",
  };
  static const char * const bad[] = {
    "", "anna", "@example.com", "anna@", "anna@example", "anna@@example.com",
    "an na@example.com", "anna@exa mple.com", "a@b@example.com",
    "anna@.example.com", "anna@example.com.", "anna@example..com",
    "anna\t@example.com", "anna@example.com\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (od_email_is_valid (good[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (od_email_is_valid (bad[i]))
        g_error ("“%s” accepted as an email address", bad[i]);
    }
  g_assert_false (od_email_is_valid (NULL));
}

static void
test_phone (void)
{
  g_assert_true (od_phone_is_valid ("+49 30 1234567"));
  g_assert_true (od_phone_is_valid ("(030) 123-45/67"));
  g_assert_true (od_phone_is_valid ("12345"));
  g_assert_false (od_phone_is_valid ("1234"));
  g_assert_false (od_phone_is_valid ("+49 30 CALL-ME"));
  g_assert_false (od_phone_is_valid ("030.123.456"));
  g_assert_false (od_phone_is_valid (""));
  g_assert_false (od_phone_is_valid (NULL));
}

static void
test_contact_validate (void)
{
  g_autoptr(OdContact) contact = od_contact_new ();

  /* Nothing set is still a valid contact: a name for a letter. */
  assert_valid (od_contact_validate, contact);

  od_contact_set_email (contact, "anna@example");
  assert_invalid (od_contact_validate, contact,
                  OD_VALIDATION_ERROR_INVALID, "anna@example");
  od_contact_set_email (contact, "anna@example.com");
  assert_valid (od_contact_validate, contact);

  od_contact_set_phone (contact, "12-34");
  assert_invalid (od_contact_validate, contact,
                  OD_VALIDATION_ERROR_INVALID, "Phone");
  od_contact_set_phone (contact, "+49 30 1234567");
  assert_valid (od_contact_validate, contact);

  od_contact_set_email (contact, "");
  od_contact_set_phone (contact, "");
  assert_valid (od_contact_validate, contact);
}

static guint notify_count;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  notify_count++;
}

static void
test_contact_properties (void)
{
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autofree char *name = NULL;
  OdContactRole role;

  g_signal_connect (contact, "notify", G_CALLBACK (on_notify), NULL);
  notify_count = 0;

  od_contact_set_name (contact, "Anna");
  od_contact_set_name (contact, "Anna");
  g_assert_cmpuint (notify_count, ==, 1);

  od_contact_set_role (contact, OD_CONTACT_ROLE_ESCALATION);
  od_contact_set_role (contact, OD_CONTACT_ROLE_ESCALATION);
  g_assert_cmpuint (notify_count, ==, 2);

  od_contact_set_id (contact, 7);
  od_contact_set_customer_id (contact, 3);
  g_assert_cmpuint (notify_count, ==, 4);

  g_object_get (contact, "name", &name, "role", &role, NULL);
  g_assert_cmpstr (name, ==, "Anna");
  g_assert_cmpint (role, ==, OD_CONTACT_ROLE_ESCALATION);
  g_assert_cmpint (od_contact_get_id (contact), ==, 7);
  g_assert_cmpint (od_contact_get_customer_id (contact), ==, 3);
}

static OdCustomer *
valid_customer (void)
{
  OdCustomer *customer = od_customer_new ();

  od_customer_set_ref (customer, "C001");
  od_customer_set_name (customer, "Łódź Bakery");
  return customer;
}

static void
test_customer_validate (void)
{
  g_autoptr(OdCustomer) customer = valid_customer ();
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autofree char *long_ref = g_strnfill (65, 'x');
  g_autofree char *max_ref = g_strnfill (64, 'x');

  assert_valid (od_customer_validate, customer);

  /* ref */
  od_customer_set_ref (customer, NULL);
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_REQUIRED, "reference");
  od_customer_set_ref (customer, "  ");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_REQUIRED, "reference");
  od_customer_set_ref (customer, "C\n01");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "reference");
  od_customer_set_ref (customer, long_ref);
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_RANGE, "reference");
  od_customer_set_ref (customer, max_ref);
  assert_valid (od_customer_validate, customer);
  /* 64 characters, not bytes. */
  od_customer_set_ref (customer, "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ");
  assert_valid (od_customer_validate, customer);
  od_customer_set_ref (customer, "C001");

  /* name */
  od_customer_set_name (customer, "");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_REQUIRED, "name");
  od_customer_set_name (customer, "Zoë Ångström");
  assert_valid (od_customer_validate, customer);

  /* country */
  od_customer_set_country (customer, "de");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "Country");
  od_customer_set_country (customer, "DEU");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "DEU");
  od_customer_set_country (customer, "DE");
  assert_valid (od_customer_validate, customer);

  /* language */
  od_customer_set_language (customer, "de-at");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "Language");
  od_customer_set_language (customer, "german");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "german");
  od_customer_set_language (customer, "de_AT");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "de_AT");
  od_customer_set_language (customer, "en");
  assert_valid (od_customer_validate, customer);
  od_customer_set_language (customer, "de-AT");
  assert_valid (od_customer_validate, customer);
  od_customer_set_language (customer, "sr-Latn-RS");
  assert_valid (od_customer_validate, customer);

  /* time zone */
  od_customer_set_time_zone (customer, "Europe/Atlantis");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "Europe/Atlantis");
  od_customer_set_time_zone (customer, "Europe/Berlin");
  assert_valid (od_customer_validate, customer);

  /* credit limit */
  od_customer_set_credit_limit (customer, -1);
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_RANGE, "Credit limit");
  od_customer_set_credit_limit (customer, 500000);
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_REQUIRED, "Credit currency");
  od_customer_set_credit_currency (customer, "Euro");
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "Euro");
  od_customer_set_credit_currency (customer, "EUR");
  assert_valid (od_customer_validate, customer);

  /* contacts */
  od_contact_set_email (contact, "not an address");
  od_customer_add_contact (customer, contact);
  assert_invalid (od_customer_validate, customer,
                  OD_VALIDATION_ERROR_INVALID, "not an address");
  od_contact_set_email (contact, "billing@example.com");
  assert_valid (od_customer_validate, customer);
}

static void
test_customer_contacts (void)
{
  g_autoptr(OdCustomer) customer = valid_customer ();
  g_autoptr(OdContact) billing = od_contact_new ();
  g_autoptr(OdContact) boss = od_contact_new ();
  GListModel *contacts = od_customer_get_contacts (customer);
  OdChannel opted_out;

  g_assert_null (od_customer_get_contact_for_role (customer,
                                                   OD_CONTACT_ROLE_BILLING));

  od_contact_set_role (boss, OD_CONTACT_ROLE_ESCALATION);
  od_customer_add_contact (customer, boss);
  /* No billing contact: the first one will do. */
  g_assert_true (od_customer_get_contact_for_role (customer,
                                                   OD_CONTACT_ROLE_BILLING) == boss);

  od_customer_add_contact (customer, billing);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  g_assert_true (od_customer_get_contact_for_role (customer,
                                                   OD_CONTACT_ROLE_BILLING) == billing);
  g_assert_true (od_customer_get_contact_for_role (customer,
                                                   OD_CONTACT_ROLE_ESCALATION) == boss);

  od_customer_clear_contacts (customer);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);

  od_customer_set_opted_out (customer, OD_CHANNEL_EMAIL | OD_CHANNEL_SMS);
  g_object_get (customer, "opted-out", &opted_out, NULL);
  g_assert_cmpint (opted_out, ==, OD_CHANNEL_EMAIL | OD_CHANNEL_SMS);

  g_object_set (customer, "do-not-chase", TRUE, "archived", TRUE, NULL);
  g_assert_true (od_customer_get_do_not_chase (customer));
  g_assert_true (od_customer_get_archived (customer));
}

static OdInvoiceLine *
line_new (const char *description,
          gint64      quantity_milli,
          gint64      unit_price,
          gint        tax_rate_bp)
{
  OdInvoiceLine *line = od_invoice_line_new ();

  od_invoice_line_set_description (line, description);
  od_invoice_line_set_quantity_milli (line, quantity_milli);
  od_invoice_line_set_unit_price (line, unit_price);
  od_invoice_line_set_tax_rate_bp (line, tax_rate_bp);
  return line;
}

static void
test_line_compute (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoiceLine) line = NULL;
  gint64 net;
  gint64 tax;

  line = line_new ("Design", 1500, 8000, 1900);
  g_assert_true (od_invoice_line_compute (line, &net, &tax, &error));
  g_assert_no_error (error);
  g_assert_cmpint (net, ==, 12000);
  g_assert_cmpint (tax, ==, 2280);
  g_clear_object (&line);

  /* 0.333 × 1.00 = 0.333 -> 0.33; 19 % of 0.33 = 0.0627 -> 0.06 */
  line = line_new ("Hours", 333, 100, 1900);
  g_assert_true (od_invoice_line_compute (line, &net, &tax, &error));
  g_assert_cmpint (net, ==, 33);
  g_assert_cmpint (tax, ==, 6);
  g_clear_object (&line);

  /* 0.5 × 0.01 = 0.005: a tie, rounded up once. */
  line = line_new ("Stamp", 500, 1, 0);
  g_assert_true (od_invoice_line_compute (line, &net, &tax, &error));
  g_assert_cmpint (net, ==, 1);
  g_assert_cmpint (tax, ==, 0);
  g_clear_object (&line);

  line = line_new ("Too much", G_MAXINT64, G_MAXINT64, 1900);
  g_assert_false (od_invoice_line_compute (line, &net, &tax, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW);
}

static void
test_line_validate (void)
{
  g_autoptr(OdInvoiceLine) line = line_new ("Logo", 1000, 45000, 1900);

  assert_valid (od_invoice_line_validate, line);

  od_invoice_line_set_quantity_milli (line, 0);
  assert_invalid (od_invoice_line_validate, line,
                  OD_VALIDATION_ERROR_RANGE, "quantity");
  od_invoice_line_set_quantity_milli (line, -1000);
  assert_invalid (od_invoice_line_validate, line,
                  OD_VALIDATION_ERROR_RANGE, "quantity");
  od_invoice_line_set_quantity_milli (line, 1);
  assert_valid (od_invoice_line_validate, line);

  od_invoice_line_set_unit_price (line, -100);
  assert_invalid (od_invoice_line_validate, line,
                  OD_VALIDATION_ERROR_RANGE, "unit price");
  od_invoice_line_set_unit_price (line, 0);
  assert_valid (od_invoice_line_validate, line);

  od_invoice_line_set_tax_rate_bp (line, -1);
  assert_invalid (od_invoice_line_validate, line,
                  OD_VALIDATION_ERROR_RANGE, "tax rate");
  od_invoice_line_set_tax_rate_bp (line, 10001);
  assert_invalid (od_invoice_line_validate, line,
                  OD_VALIDATION_ERROR_RANGE, "tax rate");
  od_invoice_line_set_tax_rate_bp (line, 10000);
  assert_valid (od_invoice_line_validate, line);
  od_invoice_line_set_tax_rate_bp (line, 0);
  assert_valid (od_invoice_line_validate, line);
}

static OdInvoice *
valid_invoice (void)
{
  OdInvoice *invoice = od_invoice_new ();
  GDate issue = date_from_iso ("2024-02-01");
  GDate due = date_from_iso ("2024-02-29");

  od_invoice_set_number (invoice, "2024-0001");
  od_invoice_set_customer_id (invoice, 1);
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, "EUR");
  od_invoice_set_total (invoice, 11900);
  return invoice;
}

static void
test_invoice_validate (void)
{
  g_autoptr(OdInvoice) invoice = valid_invoice ();
  g_autoptr(OdInvoiceLine) line = line_new ("Poster", 2000, 5000, 1900);
  g_autoptr(OdInvoiceLine) bad_line = line_new ("Refund", 1000, -5, 0);
  GDate early = date_from_iso ("2024-01-31");
  GDate same = date_from_iso ("2024-02-01");
  GDate due = date_from_iso ("2024-02-29");

  assert_valid (od_invoice_validate, invoice);

  /* number */
  od_invoice_set_number (invoice, "");
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_REQUIRED, "number");
  od_invoice_set_number (invoice, "2024-0001");

  /* customer: by id or by reference */
  od_invoice_set_customer_id (invoice, 0);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_REQUIRED, "customer");
  od_invoice_set_customer_ref (invoice, "C001");
  assert_valid (od_invoice_validate, invoice);
  od_invoice_set_customer_ref (invoice, NULL);
  od_invoice_set_customer_id (invoice, 1);

  /* dates */
  od_invoice_set_issue_date (invoice, NULL);
  g_assert_null (od_invoice_get_issue_date (invoice));
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_REQUIRED, "issue date");
  od_invoice_set_issue_date (invoice, &same);
  od_invoice_set_due_date (invoice, NULL);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_REQUIRED, "due date");
  od_invoice_set_due_date (invoice, &early);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_RANGE, "2024-01-31");
  od_invoice_set_due_date (invoice, &same);
  assert_valid (od_invoice_validate, invoice);
  od_invoice_set_due_date (invoice, &due);

  /* currency */
  od_invoice_set_currency (invoice, NULL);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_INVALID, "currency");
  od_invoice_set_currency (invoice, "EURO");
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_INVALID, "EURO");
  od_invoice_set_currency (invoice, "EUR");

  /* total */
  od_invoice_set_total (invoice, -1);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_RANGE, "total");
  od_invoice_set_total (invoice, 0);
  assert_valid (od_invoice_validate, invoice);

  /* With lines, the total is theirs. */
  od_invoice_add_line (invoice, line);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_INVALID, "119.00");
  od_invoice_set_total (invoice, 11900);
  assert_valid (od_invoice_validate, invoice);

  od_invoice_add_line (invoice, bad_line);
  assert_invalid (od_invoice_validate, invoice,
                  OD_VALIDATION_ERROR_RANGE, "line 2");
}

static void
test_invoice_total (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoice) invoice = valid_invoice ();
  g_autoptr(OdInvoiceLine) a = line_new ("Logo", 1000, 45000, 1900);
  g_autoptr(OdInvoiceLine) b = line_new ("Hours", 2500, 8000, 1900);
  g_autoptr(OdInvoiceLine) huge = line_new ("Huge", 1000, G_MAXINT64 / 2, 0);

  od_invoice_set_total (invoice, 1);
  od_invoice_add_line (invoice, a);
  od_invoice_add_line (invoice, b);
  g_assert_cmpuint (g_list_model_get_n_items (od_invoice_get_lines (invoice)), ==, 2);

  g_assert_true (od_invoice_compute_total (invoice, &error));
  g_assert_no_error (error);
  /* 450.00 + 85.50 tax, 200.00 + 38.00 tax */
  g_assert_cmpint (od_invoice_get_total (invoice), ==, 53550 + 23800);
  assert_valid (od_invoice_validate, invoice);

  od_invoice_set_paid (invoice, 50000);
  g_assert_cmpint (od_invoice_get_outstanding (invoice), ==, 27350);
  od_invoice_set_paid (invoice, 80000);
  g_assert_cmpint (od_invoice_get_outstanding (invoice), ==, -2650);

  od_invoice_add_line (invoice, huge);
  od_invoice_add_line (invoice, huge);
  od_invoice_add_line (invoice, huge);
  g_assert_false (od_invoice_compute_total (invoice, &error));
  g_assert_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW);

  od_invoice_clear_lines (invoice);
  g_assert_cmpuint (g_list_model_get_n_items (od_invoice_get_lines (invoice)), ==, 0);
}

static void
test_invoice_days_overdue (void)
{
  g_autoptr(OdInvoice) invoice = valid_invoice ();
  GDate before = date_from_iso ("2024-02-27");
  GDate on = date_from_iso ("2024-02-29");
  GDate after = date_from_iso ("2024-03-01");
  GDate next_year = date_from_iso ("2025-02-28");

  g_assert_cmpint (od_invoice_days_overdue (invoice, &before), ==, -2);
  g_assert_cmpint (od_invoice_days_overdue (invoice, &on), ==, 0);
  g_assert_cmpint (od_invoice_days_overdue (invoice, &after), ==, 1);
  g_assert_cmpint (od_invoice_days_overdue (invoice, &next_year), ==, 365);
}

static void
test_invoice_properties (void)
{
  g_autoptr(OdInvoice) invoice = valid_invoice ();
  GDate due = date_from_iso ("2024-02-29");
  GDate later = date_from_iso ("2024-03-15");
  g_autofree GDate *got = NULL;
  OdInvoiceStatus status;
  gint64 outstanding;

  g_signal_connect (invoice, "notify::due-date", G_CALLBACK (on_notify), NULL);
  notify_count = 0;

  od_invoice_set_due_date (invoice, &due);
  g_assert_cmpuint (notify_count, ==, 0);
  od_invoice_set_due_date (invoice, &later);
  g_assert_cmpuint (notify_count, ==, 1);

  g_object_get (invoice, "due-date", &got, "status", &status,
                "outstanding", &outstanding, NULL);
  g_assert_cmpint (g_date_compare (got, &later), ==, 0);
  g_assert_cmpint (status, ==, OD_INVOICE_STATUS_OPEN);
  g_assert_cmpint (outstanding, ==, 11900);

  g_signal_connect (invoice, "notify::outstanding", G_CALLBACK (on_notify), NULL);
  notify_count = 0;
  od_invoice_set_paid (invoice, 100);
  g_assert_cmpuint (notify_count, ==, 1);

  od_invoice_set_status (invoice, OD_INVOICE_STATUS_PAID);
  g_assert_cmpint (od_invoice_get_status (invoice), ==, OD_INVOICE_STATUS_PAID);
}

static void
test_payment_validate (void)
{
  g_autoptr(OdPayment) payment = od_payment_new ();
  GDate date = date_from_iso ("2024-03-01");

  od_payment_set_invoice_id (payment, 4);
  od_payment_set_date (payment, &date);
  od_payment_set_amount (payment, 5000);
  od_payment_set_currency (payment, "EUR");
  od_payment_set_method (payment, "transfer");
  od_payment_set_reference (payment, "RF18 5390 0754 7034");
  assert_valid (od_payment_validate, payment);

  od_payment_set_invoice_id (payment, 0);
  assert_invalid (od_payment_validate, payment,
                  OD_VALIDATION_ERROR_REQUIRED, "invoice");
  od_payment_set_invoice_number (payment, "2024-0001");
  assert_valid (od_payment_validate, payment);

  od_payment_set_date (payment, NULL);
  g_assert_null (od_payment_get_date (payment));
  assert_invalid (od_payment_validate, payment,
                  OD_VALIDATION_ERROR_REQUIRED, "date");
  od_payment_set_date (payment, &date);

  od_payment_set_amount (payment, 0);
  assert_invalid (od_payment_validate, payment,
                  OD_VALIDATION_ERROR_RANGE, "amount");
  od_payment_set_amount (payment, -5);
  assert_invalid (od_payment_validate, payment,
                  OD_VALIDATION_ERROR_RANGE, "amount");
  od_payment_set_amount (payment, 1);

  od_payment_set_currency (payment, "€");
  assert_invalid (od_payment_validate, payment,
                  OD_VALIDATION_ERROR_INVALID, "currency");
  od_payment_set_currency (payment, "JPY");
  assert_valid (od_payment_validate, payment);
}

static void
test_charge_validate (void)
{
  g_autoptr(OdCharge) charge = od_charge_new ();
  GDate date = date_from_iso ("2024-03-01");
  OdChargeKind kind;

  od_charge_set_invoice_id (charge, 4);
  od_charge_set_kind (charge, OD_CHARGE_KIND_COMPENSATION);
  od_charge_set_date (charge, &date);
  od_charge_set_amount (charge, 4000);
  od_charge_set_currency (charge, "EUR");
  od_charge_set_description (charge, "Flat-rate compensation (§ 288 (5) BGB)");
  od_charge_set_step (charge, "final-notice");
  assert_valid (od_charge_validate, charge);

  g_object_get (charge, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, OD_CHARGE_KIND_COMPENSATION);
  g_assert_cmpstr (od_charge_get_step (charge), ==, "final-notice");

  od_charge_set_invoice_id (charge, 0);
  assert_invalid (od_charge_validate, charge,
                  OD_VALIDATION_ERROR_REQUIRED, "invoice");
  od_charge_set_invoice_id (charge, 4);

  od_charge_set_date (charge, NULL);
  assert_invalid (od_charge_validate, charge,
                  OD_VALIDATION_ERROR_REQUIRED, "date");
  od_charge_set_date (charge, &date);

  od_charge_set_amount (charge, 0);
  assert_invalid (od_charge_validate, charge,
                  OD_VALIDATION_ERROR_RANGE, "amount");
  od_charge_set_amount (charge, 4000);

  od_charge_set_currency (charge, "");
  assert_invalid (od_charge_validate, charge,
                  OD_VALIDATION_ERROR_INVALID, "currency");
  od_charge_set_currency (charge, "EUR");
  assert_valid (od_charge_validate, charge);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/domain/type-names", test_type_names);
  g_test_add_func ("/od/domain/email", test_email);
  g_test_add_func ("/od/domain/phone", test_phone);
  g_test_add_func ("/od/domain/contact-validate", test_contact_validate);
  g_test_add_func ("/od/domain/contact-properties", test_contact_properties);
  g_test_add_func ("/od/domain/customer-validate", test_customer_validate);
  g_test_add_func ("/od/domain/customer-contacts", test_customer_contacts);
  g_test_add_func ("/od/domain/line-compute", test_line_compute);
  g_test_add_func ("/od/domain/line-validate", test_line_validate);
  g_test_add_func ("/od/domain/invoice-validate", test_invoice_validate);
  g_test_add_func ("/od/domain/invoice-total", test_invoice_total);
  g_test_add_func ("/od/domain/invoice-days-overdue", test_invoice_days_overdue);
  g_test_add_func ("/od/domain/invoice-properties", test_invoice_properties);
  g_test_add_func ("/od/domain/payment-validate", test_payment_validate);
  g_test_add_func ("/od/domain/charge-validate", test_charge_validate);

  return g_test_run ();
}
