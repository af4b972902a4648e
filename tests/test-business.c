/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-business.h"
#include "od-enums.h"
#include "od-types.h"

#include <string.h>

#define assert_error_mentions(error, needle)                                 \
  G_STMT_START {                                                             \
    if (strstr ((error)->message, (needle)) == NULL)                         \
      g_error ("“%s” does not mention “%s”", (error)->message, (needle));    \
  } G_STMT_END

static OdBusiness *
valid_business (void)
{
  OdBusiness *business = od_business_new ();

  od_business_set_name (business, "Lindqvist & Weber Design");
  return business;
}

static void
test_defaults (void)
{
  g_autoptr(OdBusiness) business = od_business_new ();

  g_assert_cmpstr (od_business_get_currency (business), ==, "EUR");
  g_assert_cmpint (od_business_get_paper_size (business), ==, OD_PAPER_SIZE_A4);
  g_assert_null (od_business_get_time_zone (business));
}

static void
test_iban (void)
{
  g_assert_true (od_iban_is_valid ("DE89370400440532013000"));
  g_assert_true (od_iban_is_valid ("DE89 3704 0044 0532 0130 00"));
  g_assert_true (od_iban_is_valid ("GB82 WEST 1234 5698 7654 32"));
  g_assert_true (od_iban_is_valid ("gb82 west 1234 5698 7654 32"));
  g_assert_true (od_iban_is_valid ("NO93 8601 1117 947"));

  g_assert_false (od_iban_is_valid ("DE88 3704 0044 0532 0130 00"));
  g_assert_false (od_iban_is_valid ("DE89 3704 0044 0532 0130 01"));
  g_assert_false (od_iban_is_valid ("DE00 1234"));
  g_assert_false (od_iban_is_valid ("DE89-3704-0044-0532-0130-00"));
  g_assert_false (od_iban_is_valid ("1289 3704 0044 0532 0130 00"));
  g_assert_false (od_iban_is_valid ("DEXX 3704 0044 0532 0130 00"));
  g_assert_false (od_iban_is_valid ("DE89 3704 0044 0532 0130 0000 0000 0000 0000"));
  g_assert_false (od_iban_is_valid (""));
  g_assert_false (od_iban_is_valid (NULL));
}

static void
assert_business_invalid (OdBusiness  *business,
                         int          code,
                         const char  *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (od_business_validate (business, &error));
  g_assert_error (error, OD_VALIDATION_ERROR, code);
  assert_error_mentions (error, needle);
}

static void
assert_business_valid (OdBusiness *business)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (od_business_validate (business, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  g_autoptr(OdBusiness) business = valid_business ();

  assert_business_valid (business);

  od_business_set_name (business, " ");
  assert_business_invalid (business, OD_VALIDATION_ERROR_REQUIRED, "name");
  od_business_set_name (business, "Lindqvist & Weber Design");

  od_business_set_currency (business, NULL);
  assert_business_invalid (business, OD_VALIDATION_ERROR_REQUIRED, "currency");
  od_business_set_currency (business, "Euro");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "Euro");
  od_business_set_currency (business, "CHF");
  assert_business_valid (business);

  od_business_set_email (business, "invoices@");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "invoices@");
  od_business_set_email (business, "invoices@lindqvist-weber.example");
  assert_business_valid (business);

  od_business_set_iban (business, "DE00 1234");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "IBAN");
  od_business_set_iban (business, "DE89 3704 0044 0532 0130 00");
  assert_business_valid (business);

  od_business_set_payment_link (business, "pay.example.com/x");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "Payment link");
  od_business_set_payment_link (business, "ftp://pay.example.com");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "ftp://");
  od_business_set_payment_link (business, "https://");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "https://");
  od_business_set_payment_link (business, "http://pay.example.com/{{invoice.number}}");
  assert_business_valid (business);
  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.number}}");
  assert_business_valid (business);

  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.nubmer}}");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "line 1, column 25: unknown tag “invoice.nubmer”");
  od_business_set_payment_link (business, "https://pay.example.com/{{customer.name}}");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "customer.name");
  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.number}}?a={{amount_due}}");
  assert_business_valid (business);
  od_business_set_time_zone (business, "Mars/Olympus_Mons");
  assert_business_invalid (business, OD_VALIDATION_ERROR_INVALID, "Mars/Olympus_Mons");
  od_business_set_time_zone (business, "Europe/Berlin");
  assert_business_valid (business);
}

static GKeyFile *
key_file_from_data (const char *data)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&key_file);
}

static void
test_key_file_parse (void)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GError) error = NULL;

  key_file = key_file_from_data (
    "[Business]\n"
    "Name=Lindqvist & Weber Design\n"
    "Address=Oranienstraße 12\\n10999 Berlin\\nGermany\n"
    "Email=invoices@lindqvist-weber.example\n"
    "Phone=+49 30 1234567\n"
    "TaxId=DE123456789\n"
    "Iban=DE89 3704 0044 0532 0130 00\n"
    "Bic=COBADEFFXXX\n"
    "PaymentLink=https://pay.example.com/{{invoice.number}}\n"
    "PaperSize=Letter\n"
    "Locale=de_DE.UTF-8\n"
    "Currency=EUR\n"
    "Logo=/home/anna/logo.svg\n"
    "TimeZone=Europe/Berlin\n"
    "Motto=ignored, from a newer version\n"
    "\n"
    "[Other]\n"
    "Name=not ours\n");

  business = od_business_new_from_key_file (key_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (business);

  g_assert_cmpstr (od_business_get_name (business), ==, "Lindqvist & Weber Design");
  g_assert_cmpstr (od_business_get_address (business), ==,
                   "Oranienstraße 12\n10999 Berlin\nGermany");
  g_assert_cmpstr (od_business_get_email (business), ==, "invoices@lindqvist-weber.example");
  g_assert_cmpstr (od_business_get_phone (business), ==, "+49 30 1234567");
  g_assert_cmpstr (od_business_get_tax_id (business), ==, "DE123456789");
  g_assert_cmpstr (od_business_get_iban (business), ==, "DE89 3704 0044 0532 0130 00");
  g_assert_cmpstr (od_business_get_bic (business), ==, "COBADEFFXXX");
  g_assert_cmpstr (od_business_get_payment_link (business), ==,
                   "https://pay.example.com/{{invoice.number}}");
  g_assert_cmpint (od_business_get_paper_size (business), ==, OD_PAPER_SIZE_LETTER);
  g_assert_cmpstr (od_business_get_locale (business), ==, "de_DE.UTF-8");
  g_assert_cmpstr (od_business_get_currency (business), ==, "EUR");
  g_assert_cmpstr (od_business_get_logo (business), ==, "/home/anna/logo.svg");
  g_assert_cmpstr (od_business_get_time_zone (business), ==, "Europe/Berlin");
}

static void
test_key_file_minimal (void)
{
  g_autoptr(GKeyFile) key_file = key_file_from_data ("[Business]\nName=Solo\n");
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GError) error = NULL;

  business = od_business_new_from_key_file (key_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_business_get_currency (business), ==, "EUR");
  g_assert_cmpint (od_business_get_paper_size (business), ==, OD_PAPER_SIZE_A4);
  g_assert_null (od_business_get_iban (business));
}

static void
assert_key_file_error (const char *data,
                       int         code,
                       const char *needle)
{
  g_autoptr(GKeyFile) key_file = key_file_from_data (data);
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GError) error = NULL;

  business = od_business_new_from_key_file (key_file, &error);
  g_assert_null (business);
  g_assert_error (error, OD_VALIDATION_ERROR, code);
  assert_error_mentions (error, needle);
}

static void
test_key_file_errors (void)
{
  assert_key_file_error ("[Company]\nName=Wrong group\n",
                         OD_VALIDATION_ERROR_REQUIRED, "[Business]");
  assert_key_file_error ("[Business]\nEmail=a@example.com\n",
                         OD_VALIDATION_ERROR_REQUIRED, "[Business] Name");
  assert_key_file_error ("[Business]\nName=\n",
                         OD_VALIDATION_ERROR_REQUIRED, "[Business] Name");
  assert_key_file_error ("[Business]\nName=X\nIban=DE00 1234\n",
                         OD_VALIDATION_ERROR_INVALID,
                         "[Business] Iban: “DE00 1234” is not a valid IBAN");
  assert_key_file_error ("[Business]\nName=X\nCurrency=euro\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] Currency: “euro”");
  assert_key_file_error ("[Business]\nName=X\nEmail=x@y\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] Email: “x@y”");
  assert_key_file_error ("[Business]\nName=X\nPaymentLink=www.example.com\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] PaymentLink");
  assert_key_file_error ("[Business]\nName=X\nPaperSize=A5\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] PaperSize: “A5”");
  assert_key_file_error ("[Business]\nName=X\nTimeZone=Berlin\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] TimeZone: “Berlin”");
  assert_key_file_error ("[Business]\nName=X\nAddress=bad \\q escape\n",
                         OD_VALIDATION_ERROR_INVALID, "[Business] Address");
}

static void
test_key_file_round_trip (void)
{
  g_autoptr(OdBusiness) business = valid_business ();
  g_autoptr(OdBusiness) back = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GKeyFile) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  static const char * const properties[] = {
    "name", "address", "email", "phone", "tax-id", "iban", "bic",
    "payment-link", "locale", "currency", "logo", "time-zone",
  };

  od_business_set_address (business, "Oranienstraße 12\n10999 Berlin");
  od_business_set_email (business, "hallo@lw-design.example");
  od_business_set_phone (business, "+49 30 1234567");
  od_business_set_tax_id (business, "DE123456789");
  od_business_set_iban (business, "DE89 3704 0044 0532 0130 00");
  od_business_set_bic (business, "COBADEFFXXX");
  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.number}}");
  od_business_set_paper_size (business, OD_PAPER_SIZE_LETTER);
  od_business_set_locale (business, "de_DE.UTF-8");
  od_business_set_currency (business, "CHF");
  od_business_set_logo (business, "/tmp/logo with spaces.png");
  od_business_set_time_zone (business, "Europe/Zurich");
  /* Empty values are not written. */
  od_business_set_bic (business, "");

  key_file = od_business_to_key_file (business);
  g_assert_false (g_key_file_has_key (key_file, "Business", "Bic", NULL));
  g_assert_true (g_key_file_has_key (key_file, "Business", "Iban", NULL));
  data = g_key_file_to_data (key_file, NULL, NULL);
  /* The newline is escaped, the address stays one key. */
  g_assert_nonnull (strstr (data, "Address=Oranienstraße 12\\n10999 Berlin\n"));

  reread = key_file_from_data (data);
  back = od_business_new_from_key_file (reread, &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_object_get (business, properties[i], &a, NULL);
      g_object_get (back, properties[i], &b, NULL);
      if (g_strcmp0 (a, "") == 0)
        g_assert_null (b);
      else
        g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpint (od_business_get_paper_size (back), ==, OD_PAPER_SIZE_LETTER);

  g_clear_pointer (&key_file, g_key_file_free);
  key_file = od_business_to_key_file (back);
  data_again = g_key_file_to_data (key_file, NULL, NULL);
  g_assert_cmpstr (data, ==, data_again);
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
test_notify (void)
{
  g_autoptr(OdBusiness) business = valid_business ();

  g_signal_connect (business, "notify", G_CALLBACK (on_notify), NULL);
  notify_count = 0;

  od_business_set_name (business, "Lindqvist & Weber Design");
  od_business_set_currency (business, "EUR");
  od_business_set_paper_size (business, OD_PAPER_SIZE_A4);
  g_assert_cmpuint (notify_count, ==, 0);

  od_business_set_paper_size (business, OD_PAPER_SIZE_LETTER);
  g_object_set (business, "currency", "USD", NULL);
  g_assert_cmpuint (notify_count, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/business/defaults", test_defaults);
  g_test_add_func ("/od/business/iban", test_iban);
  g_test_add_func ("/od/business/validate", test_validate);
  g_test_add_func ("/od/business/key-file-parse", test_key_file_parse);
  g_test_add_func ("/od/business/key-file-minimal", test_key_file_minimal);
  g_test_add_func ("/od/business/key-file-errors", test_key_file_errors);
  g_test_add_func ("/od/business/key-file-round-trip", test_key_file_round_trip);
  g_test_add_func ("/od/business/notify", test_notify);

  return g_test_run ();
}
