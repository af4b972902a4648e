/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-test-util.h"
#include "od-csv-reader.h"
#include "od-importer.h"
#include "od-money.h"

typedef struct
{
  char    *tmpdir;
  OdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = OD_STORE (od_test_store_new (&fixture->tmpdir));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

/* Everything an import could change, to prove that a failed one did not. */
typedef struct
{
  gint64 n_customers;
  gint64 n_invoices;
  gint64 n_payments;
  gint64 totals;
  gint64 paid;
  gint64 payments;
} Snapshot;

static gboolean
sum_invoice (OdInvoice  *invoice,
             gpointer    user_data,
             GError    **error)
{
  Snapshot *snapshot = user_data;

  snapshot->totals += od_invoice_get_total (invoice);
  snapshot->paid += od_invoice_get_paid (invoice);
  return TRUE;
}

static gboolean
sum_payment (OdPayment  *payment,
             gpointer    user_data,
             GError    **error)
{
  Snapshot *snapshot = user_data;

  snapshot->n_payments++;
  snapshot->payments += od_payment_get_amount (payment);
  return TRUE;
}

static Snapshot
snapshot_take (OdStore *store)
{
  g_autoptr(GError) error = NULL;
  OdCustomerQuery customers = { .include_archived = TRUE };
  OdInvoiceQuery invoices = { .filter = OD_INVOICE_FILTER_ALL };
  Snapshot snapshot = { 0, };

  snapshot.n_customers = od_store_count_customers (store, &customers, &error);
  g_assert_no_error (error);
  snapshot.n_invoices = od_store_count_invoices (store, &invoices, &error);
  g_assert_no_error (error);
  od_store_foreach_invoice (store, sum_invoice, &snapshot, &error);
  g_assert_no_error (error);
  od_store_foreach_payment (store, sum_payment, &snapshot, &error);
  g_assert_no_error (error);
  return snapshot;
}

static void
assert_snapshot_equal (const Snapshot *a,
                       const Snapshot *b)
{
  g_assert_cmpint (a->n_customers, ==, b->n_customers);
  g_assert_cmpint (a->n_invoices, ==, b->n_invoices);
  g_assert_cmpint (a->n_payments, ==, b->n_payments);
  g_assert_cmpint (a->totals, ==, b->totals);
  g_assert_cmpint (a->paid, ==, b->paid);
  g_assert_cmpint (a->payments, ==, b->payments);
}

static OdImporter *
import_text (OdStore       *store,
             OdImportKind   kind,
             const char    *file_name,
             const char    *text,
             GError       **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  OdImporter *importer = od_importer_new (store, kind);

  od_importer_set_file_name (importer, file_name);
  od_importer_run (importer, stream, strlen (text), NULL, error);
  return importer;
}

/* A ledger with two customers, one invoice and part of it paid. */
static void
add_ledger (OdStore *store)
{
  g_autoptr(OdCustomer) acme = od_test_add_customer (store, "ACME", "Acme Ltd");
  g_autoptr(OdCustomer) bolt = od_test_add_customer (store, "BOLT", "Bolt GmbH");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (store, acme, "OLD-1", "2024-01-01",
                                                      "2024-01-31", 12000, "EUR");
  g_autoptr(OdPayment) payment = od_payment_new ();
  g_autoptr(GError) error = NULL;
  GDate date = od_test_date ("2024-01-15");

  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, &date);
  od_payment_set_amount (payment, 2000);
  od_payment_set_currency (payment, "EUR");
  od_store_insert_payment (store, payment, &error);
  g_assert_no_error (error);
}

static void
test_customers_good (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(OdBusiness) business = od_business_new ();
  OdContact *contact;

  od_business_set_name (business, "Studio");
  od_business_set_currency (business, "JPY");
  od_store_set_business (fixture->store, business, &error);
  g_assert_no_error (error);

  importer = import_text (fixture->store, OD_IMPORT_KIND_CUSTOMERS, "customers.csv",
                          "\xef\xbb\xbfref,name,email,phone,address,city,postcode,country,language,credit_limit\r\n"
                          "C1,Acme Ltd,ap@acme.example,+49 30 1234567,\"Hauptstr. 1\nHof 2\",Berlin,10115,DE,de,5000\r\n"
                          "C2,\"Bolt, Nut & Co\",,,,,,,,\r\n",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 2);
  g_assert_cmpuint (od_importer_get_n_problems (importer), ==, 0);
  g_assert_cmpfloat (od_importer_get_progress (importer), ==, 1.0);

  customer = od_store_find_customer (fixture->store, "C1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (customer);
  g_assert_cmpstr (od_customer_get_name (customer), ==, "Acme Ltd");
  g_assert_cmpstr (od_customer_get_address (customer), ==, "Hauptstr. 1\nHof 2");
  g_assert_cmpstr (od_customer_get_country (customer), ==, "DE");
  g_assert_cmpint (od_customer_get_credit_limit (customer), ==, 5000);
  g_assert_cmpstr (od_customer_get_credit_currency (customer), ==, "JPY");
  contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);
  g_assert_nonnull (contact);
  g_assert_cmpstr (od_contact_get_email (contact), ==, "ap@acme.example");
  g_assert_cmpstr (od_contact_get_phone (contact), ==, "+49 30 1234567");
  g_clear_object (&customer);

  customer = od_store_find_customer (fixture->store, "C2", &error);
  g_assert_nonnull (customer);
  g_assert_cmpstr (od_customer_get_name (customer), ==, "Bolt, Nut & Co");
  g_assert_null (od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING));
}

static void
test_invoices_good (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdInvoice) dollars = NULL;

  add_ledger (fixture->store);
  importer = import_text (fixture->store, OD_IMPORT_KIND_INVOICES, "invoices.csv",
                          "number,customer_ref,issue_date,due_date,total,currency\n"
                          "INV-1,ACME,2024-03-01,2024-03-31,1234.50,\n"
                          "INV-2,BOLT,2024-03-02,2024-03-02,99,USD\n"
                          "INV-3,ACME,2024-03-03,2024-04-02,0.05,EUR",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 3);

  invoice = od_store_find_invoice (fixture->store, "INV-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_invoice_get_total (invoice), ==, 123450);
  /* No business profile: euros. */
  g_assert_cmpstr (od_invoice_get_currency (invoice), ==, "EUR");
  g_assert_cmpstr (od_invoice_get_customer_ref (invoice), ==, "ACME");
  dollars = od_store_find_invoice (fixture->store, "INV-2", &error);
  g_assert_cmpint (od_invoice_get_total (dollars), ==, 9900);
  g_assert_cmpstr (od_invoice_get_currency (dollars), ==, "USD");
}

static void
test_payments_good (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  Snapshot snapshot;

  add_ledger (fixture->store);
  /* 100.00 of 120.00 are still owed: two payments that add up to it. */
  importer = import_text (fixture->store, OD_IMPORT_KIND_PAYMENTS, "payments.csv",
                          "invoice_number,date,amount,method,reference\n"
                          "OLD-1,2024-02-01,60.00,transfer,REF 1\n"
                          "OLD-1,2024-02-02,40,,\n",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 2);

  invoice = od_store_find_invoice (fixture->store, "OLD-1", &error);
  g_assert_cmpint (od_invoice_get_paid (invoice), ==, 12000);
  g_assert_cmpint (od_invoice_get_status (invoice), ==, OD_INVOICE_STATUS_PAID);
  snapshot = snapshot_take (fixture->store);
  g_assert_cmpint (snapshot.n_payments, ==, 3);
}

static void
test_header_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  GDate due = od_test_date ("2024-05-31");

  add_ledger (fixture->store);
  importer = import_text (fixture->store, OD_IMPORT_KIND_INVOICES, "invoices.csv",
                          " Total ,NOTES,Due_Date,Customer_Ref,number,ISSUE_DATE\n"
                          "  10.00 ,anything at all,2024-05-31, BOLT ,  N-9 ,2024-05-01\n",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 1);

  invoice = od_store_find_invoice (fixture->store, "N-9", &error);
  g_assert_nonnull (invoice);
  g_assert_cmpint (od_invoice_get_total (invoice), ==, 1000);
  g_assert_cmpstr (od_invoice_get_customer_ref (invoice), ==, "BOLT");
  g_assert_cmpint (g_date_compare (od_invoice_get_due_date (invoice), &due), ==, 0);
}

typedef struct
{
  const char   *name;
  OdImportKind  kind;
  const char   *text;
  guint         line;
  const char   *column;
  const char   *message;  /* a part of it */
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-customer", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,NOBODY,2024-03-01,2024-03-31,10\n",
    3, "customer_ref", "“NOBODY”" },
  { "duplicate-in-file", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,ACME,2024-03-01,2024-03-31,10\n"
    "A1,BOLT,2024-03-01,2024-03-31,10\n",
    4, "number", "already appears on line 2" },
  { "duplicate-in-ledger", OD_IMPORT_KIND_INVOICES,
    "Number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "OLD-1,ACME,2024-03-01,2024-03-31,10\n",
    3, "Number", "already in the ledger" },
  { "bad-date", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,ACME,2024-03-01,2024-13-01,10\n",
    3, "due_date", "“2024-13-01” is not a date (YYYY-MM-DD)" },
  { "negative-amount", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,ACME,2024-03-01,2024-03-31,-5.00\n",
    3, "total", "negative" },
  { "non-numeric-amount", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,ACME,2024-03-01,2024-03-31,12;50\n",
    3, "total", "not an amount" },
  { "comma-decimal", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A2,ACME,2024-03-01,2024-03-31,\"12,50\"\n",
    2, "total", "not an amount" },
  { "wrong-field-count", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "\"A\n2\",ACME,2024-03-01,2024-03-31\n",
    3, NULL, "expected 5 fields, found 4" },
  { "due-before-issue", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A1,ACME,2024-03-01,2024-03-31,10\n"
    "A2,ACME,2024-03-01,2024-02-28,10\n",
    3, "due_date", "before the issue date" },
  { "missing-value", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total\n"
    "A2,ACME,2024-03-01,2024-03-31,  \n",
    2, "total", "required" },
  { "bad-currency", OD_IMPORT_KIND_INVOICES,
    "number,customer_ref,issue_date,due_date,total,currency\n"
    "A2,ACME,2024-03-01,2024-03-31,1,EURO\n",
    2, "currency", "“EURO”" },
  { "overpayment", OD_IMPORT_KIND_PAYMENTS,
    "invoice_number,date,amount\n"
    "OLD-1,2024-02-01,20.00\n"
    "OLD-1,2024-02-02,500\n",
    3, "amount", "payment 500.00 exceeds the 80.00 still owed on invoice OLD-1" },
  { "unknown-invoice", OD_IMPORT_KIND_PAYMENTS,
    "invoice_number,date,amount\n"
    "OLD-1,2024-02-01,20.00\n"
    "NOPE,2024-02-02,5\n",
    3, "invoice_number", "“NOPE”" },
  { "payment-currency", OD_IMPORT_KIND_PAYMENTS,
    "invoice_number,date,amount,currency\n"
    "OLD-1,2024-02-01,20.00,EUR\n"
    "OLD-1,2024-02-02,5,USD\n",
    3, "currency", "USD" },
  { "payment-bad-date", OD_IMPORT_KIND_PAYMENTS,
    "invoice_number,date,amount\n"
    "OLD-1,2024-02-30,20.00\n",
    2, "date", "not a date" },
  { "customer-in-ledger", OD_IMPORT_KIND_CUSTOMERS,
    "ref,name\n"
    "NEW,New Ltd\n"
    "ACME,Acme again\n",
    3, "ref", "already in the ledger" },
  { "customer-duplicate-in-file", OD_IMPORT_KIND_CUSTOMERS,
    "ref,name\n"
    "NEW,New Ltd\n"
    "NEW,New again\n",
    3, "ref", "already appears on line 2" },
  { "customer-email", OD_IMPORT_KIND_CUSTOMERS,
    "ref,name,email\n"
    "NEW,New Ltd,not-an-address\n",
    2, "email", "not an email address" },
  { "customer-credit-limit", OD_IMPORT_KIND_CUSTOMERS,
    "ref,name,credit_limit\n"
    "NEW,New Ltd,lots\n",
    2, "credit_limit", "not an amount" },
};

static void
test_bad_case (Fixture       *fixture,
               gconstpointer  data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  g_autofree char *text = NULL;
  OdImportProblem *problem;
  Snapshot before, after;

  add_ledger (fixture->store);
  before = snapshot_take (fixture->store);

  importer = import_text (fixture->store, bad->kind, "bad.csv", bad->text, &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1 row was rejected; nothing was imported");
  g_assert_cmpuint (od_importer_get_n_problems (importer), ==, 1);
  g_assert_cmpuint (od_importer_get_problems (importer)->len, ==, 1);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 0);

  problem = g_ptr_array_index (od_importer_get_problems (importer), 0);
  text = od_import_problem_to_string (problem, "bad.csv");
  g_test_message ("%s", text);
  g_assert_cmpuint (problem->line, ==, bad->line);
  g_assert_cmpstr (problem->column, ==, bad->column);
  if (strstr (problem->message, bad->message) == NULL)
    g_error ("“%s” does not contain “%s”", problem->message, bad->message);

  after = snapshot_take (fixture->store);
  assert_snapshot_equal (&before, &after);
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;

  add_ledger (fixture->store);
  importer = import_text (fixture->store, OD_IMPORT_KIND_INVOICES, "invoices.csv",
                          "number,customer_ref,issue_date,total\n"
                          "A1,ACME,2024-03-01,10\n",
                          &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==, "invoices.csv: the required column “due_date” is missing");
}

static void
test_header_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) twice = NULL;
  g_autoptr(OdImporter) empty = NULL;
  g_autoptr(OdImporter) blank = NULL;

  twice = import_text (fixture->store, OD_IMPORT_KIND_CUSTOMERS, "c.csv",
                       "ref,name,REF\nA,B,C\n", &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“ref” appears twice"));
  g_clear_error (&error);

  empty = import_text (fixture->store, OD_IMPORT_KIND_CUSTOMERS, "c.csv", "", &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  blank = import_text (fixture->store, OD_IMPORT_KIND_CUSTOMERS, "c.csv", "\xef\xbb\xbf\r\n\r\n", &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_EMPTY);
}

static void
test_syntax_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  Snapshot before, after;

  add_ledger (fixture->store);
  before = snapshot_take (fixture->store);
  importer = import_text (fixture->store, OD_IMPORT_KIND_CUSTOMERS, "customers.csv",
                          "ref,name\nN1,One\nN2,Two \"quoted\"\n", &error);
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "customers.csv: line 3, column 8: "));
  after = snapshot_take (fixture->store);
  assert_snapshot_equal (&before, &after);
}

static void
test_many_problems (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("number,customer_ref,issue_date,due_date,total\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  OdImportProblem *last;

  add_ledger (fixture->store);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "X%u,NOBODY,2024-01-01,2024-01-31,1\n", i);

  importer = import_text (fixture->store, OD_IMPORT_KIND_INVOICES, "invoices.csv",
                          text->str, &error);
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1500 rows were rejected; nothing was imported");
  g_assert_cmpuint (od_importer_get_n_problems (importer), ==, 1500);
  g_assert_cmpuint (od_importer_get_problems (importer)->len, ==, 1000);
  last = g_ptr_array_index (od_importer_get_problems (importer), 999);
  g_assert_cmpuint (last->line, ==, 1001);
}

static void
test_problem_to_string (void)
{
  OdImportProblem with_column = { 12, (char *) "due_date", (char *) "“2024-13-01” is not a date (YYYY-MM-DD)" };
  OdImportProblem whole_row = { 3, NULL, (char *) "expected 5 fields, found 4" };
  g_autofree char *a = od_import_problem_to_string (&with_column, "invoices.csv");
  g_autofree char *b = od_import_problem_to_string (&whole_row, "invoices.csv");
  OdImportKind kind;

  g_assert_cmpstr (a, ==, "invoices.csv:12: column “due_date”: “2024-13-01” is not a date (YYYY-MM-DD)");
  g_assert_cmpstr (b, ==, "invoices.csv:3: expected 5 fields, found 4");

  g_assert_true (od_import_kind_from_string ("customers", &kind));
  g_assert_cmpint (kind, ==, OD_IMPORT_KIND_CUSTOMERS);
  g_assert_true (od_import_kind_from_string ("invoices", &kind));
  g_assert_cmpint (kind, ==, OD_IMPORT_KIND_INVOICES);
  g_assert_true (od_import_kind_from_string ("payments", &kind));
  g_assert_cmpint (kind, ==, OD_IMPORT_KIND_PAYMENTS);
  g_assert_false (od_import_kind_from_string ("communications", &kind));
  g_assert_false (od_import_kind_from_string (NULL, &kind));
}

static char *
invoices_text (guint n)
{
  GString *text = g_string_sized_new (n * 48);

  g_string_append (text, "number,customer_ref,issue_date,due_date,total,currency\r\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "INV-%07u,%s,2024-01-%02u,2024-02-%02u,%u.%02u,EUR\r\n",
                            i, i % 2 ? "ACME" : "BOLT", 1 + i % 28, 1 + i % 28,
                            i % 5000, i % 100);
  return g_string_free (text, FALSE);
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  guint n = 100000;
  g_autofree char *text = invoices_text (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImporter) importer = NULL;
  gint64 start;
  double seconds;
  Snapshot snapshot;

  add_ledger (fixture->store);
  start = g_get_monotonic_time ();
  importer = import_text (fixture->store, OD_IMPORT_KIND_INVOICES, "invoices.csv",
                          text, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, n);
  g_test_message ("imported %u invoices in %.2f s (%.0f rows/s)", n, seconds, n / seconds);
  g_assert_cmpfloat (seconds, <, 20.0);

  snapshot = snapshot_take (fixture->store);
  g_assert_cmpint (snapshot.n_invoices, ==, n + 1);
}

/* A stream that cancels its reader halfway through. */
#define OD_TYPE_CANCELLING_STREAM (od_cancelling_stream_get_type ())
G_DECLARE_FINAL_TYPE (OdCancellingStream, od_cancelling_stream, OD, CANCELLING_STREAM, GInputStream)

struct _OdCancellingStream
{
  GInputStream  parent_instance;
  char         *data;
  gsize         len;
  gsize         pos;
  gboolean      at_end;     /* cancel once everything is read */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (OdCancellingStream, od_cancelling_stream, G_TYPE_INPUT_STREAM)

static gssize
od_cancelling_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  OdCancellingStream *self = OD_CANCELLING_STREAM (stream);
  gsize n = MIN (MIN (count, 4096), self->len - self->pos);

  if (self->at_end ? n == 0 : self->pos >= self->len / 2)
    g_cancellable_cancel (self->cancellable);
  memcpy (buffer, self->data + self->pos, n);
  self->pos += n;
  return n;
}

static void
od_cancelling_stream_finalize (GObject *object)
{
  OdCancellingStream *self = OD_CANCELLING_STREAM (object);

  g_free (self->data);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (od_cancelling_stream_parent_class)->finalize (object);
}

static void
od_cancelling_stream_class_init (OdCancellingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = od_cancelling_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = od_cancelling_stream_read;
}

static void
od_cancelling_stream_init (OdCancellingStream *self)
{
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OdCancellingStream *stream = g_object_new (OD_TYPE_CANCELLING_STREAM, NULL);
  g_autoptr(GInputStream) input = G_INPUT_STREAM (stream);
  g_autoptr(OdImporter) importer = od_importer_new (fixture->store, OD_IMPORT_KIND_INVOICES);
  g_autoptr(GError) error = NULL;
  Snapshot before, after;

  add_ledger (fixture->store);
  before = snapshot_take (fixture->store);

  stream->data = invoices_text (20000);
  stream->len = strlen (stream->data);
  stream->cancellable = g_object_ref (cancellable);

  g_assert_false (od_importer_run (importer, input, stream->len, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stream->pos, <, stream->len);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 0);

  after = snapshot_take (fixture->store);
  assert_snapshot_equal (&before, &after);
}

/* A cancel after the importer's last check (it looks every 1,024 rows):
 * a small file read to its end, then cancelled, still writes nothing. */
static void
test_cancel_at_end (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OdCancellingStream *stream = g_object_new (OD_TYPE_CANCELLING_STREAM, NULL);
  g_autoptr(GInputStream) input = G_INPUT_STREAM (stream);
  g_autoptr(OdImporter) importer = od_importer_new (fixture->store, OD_IMPORT_KIND_INVOICES);
  g_autoptr(GError) error = NULL;
  Snapshot before, after;

  add_ledger (fixture->store);
  before = snapshot_take (fixture->store);

  stream->data = invoices_text (100);
  stream->len = strlen (stream->data);
  stream->at_end = TRUE;
  stream->cancellable = g_object_ref (cancellable);

  g_assert_false (od_importer_run (importer, input, stream->len, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stream->pos, ==, stream->len);
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 0);

  after = snapshot_take (fixture->store);
  assert_snapshot_equal (&before, &after);
}

typedef struct
{
  GMainLoop  *loop;
  GThread    *thread;
  guint       n_notifies;
  double      last;
  gboolean    done;
  GError     *error;
} AsyncState;

static void
progress_cb (OdImporter *importer,
             GParamSpec *pspec,
             AsyncState *state)
{
  double progress = od_importer_get_progress (importer);

  g_assert_true (g_thread_self () == state->thread);
  g_assert_cmpfloat (progress, >=, state->last);
  state->last = progress;
  state->n_notifies++;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  od_importer_run_finish (OD_IMPORTER (object), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *text = invoices_text (50000);
  g_autofree char *path = od_test_write_file (fixture->tmpdir, "big-invoices.csv", text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OdImporter) importer = od_importer_new (fixture->store, OD_IMPORT_KIND_INVOICES);
  AsyncState state = { 0, };

  add_ledger (fixture->store);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.thread = g_thread_self ();
  g_signal_connect (importer, "notify::progress", G_CALLBACK (progress_cb), &state);

  od_importer_run_async (importer, file, NULL, run_done_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.done);
  g_assert_cmpstr (od_importer_get_file_name (importer), ==, "big-invoices.csv");
  g_assert_cmpuint (od_importer_get_imported (importer), ==, 50000);
  g_assert_cmpfloat (od_importer_get_progress (importer), ==, 1.0);
  g_assert_cmpfloat (state.last, ==, 1.0);
  g_test_message ("%u progress notifications", state.n_notifies);
}

static void
test_async_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = od_test_write_file (fixture->tmpdir, "payments.csv",
                                              "invoice_number,date\nX,2024-01-01\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OdImporter) importer = od_importer_new (fixture->store, OD_IMPORT_KIND_PAYMENTS);
  AsyncState state = { 0, };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.thread = g_thread_self ();
  od_importer_run_async (importer, file, NULL, run_done_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_error (state.error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (state.error->message, ==, "payments.csv: the required column “amount” is missing");
  g_clear_error (&state.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/od/import/customers/good", test_customers_good, NULL);
  ADD ("/od/import/invoices/good", test_invoices_good, NULL);
  ADD ("/od/import/payments/good", test_payments_good, NULL);
  ADD ("/od/import/header/order-and-case", test_header_order, NULL);
  ADD ("/od/import/header/missing-column", test_missing_column, NULL);
  ADD ("/od/import/header/errors", test_header_errors, NULL);
  ADD ("/od/import/syntax-error", test_syntax_error, NULL);
  ADD ("/od/import/many-problems", test_many_problems, NULL);
  ADD ("/od/import/large", test_large, NULL);
  ADD ("/od/import/cancel", test_cancel, NULL);
  ADD ("/od/import/cancel-at-end", test_cancel_at_end, NULL);
  ADD ("/od/import/async", test_async, NULL);
  ADD ("/od/import/async-errors", test_async_errors, NULL);
  g_test_add_func ("/od/import/problem-to-string", test_problem_to_string);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/od/import/bad/%s", bad_cases[i].name);

      ADD (path, test_bad_case, &bad_cases[i]);
    }

#undef ADD

  return g_test_run ();
}
