/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *sqlite;
  OdStore       *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sqlite = od_test_store_new (&f->tmpdir);
  f->store = OD_STORE (f->sqlite);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->sqlite);
  od_test_tmpdir_free (f->tmpdir);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
count_invoices (OdStore *store)
{
  g_autoptr(GError) error = NULL;
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL };
  gint64 n = od_store_count_invoices (store, &query, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_customers (OdStore *store)
{
  g_autoptr(GError) error = NULL;
  OdCustomerQuery query = { .include_archived = TRUE };
  gint64 n = od_store_count_customers (store, &query, &error);

  g_assert_no_error (error);
  return n;
}

/* Opening */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  const char *path = od_sqlite_store_get_path (f->sqlite);
  g_autofree char *mode = raw_text (path, "PRAGMA journal_mode");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (od_store_get_schema_version (f->store), ==, 5);
  g_assert_cmpuint (OD_SQLITE_STORE_SCHEMA_VERSION, ==, 5);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_null (od_sqlite_store_get_backup_path (f->sqlite));
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND name IN ('business', 'settings', 'customers',"
                                  " 'contacts', 'invoices', 'invoice_lines', 'payments',"
                                  " 'charges', 'policies', 'policy_steps', 'dunning_history',"
                                  " 'pauses', 'payment_plans', 'instalments', 'outbox',"
                                  " 'outbox_invoices', 'communications', 'audit_log')"), ==, 18);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                  " AND name = 'pauses_open'"), ==, 1);

  /* foreign_keys is on: an invoice for a missing customer is refused. */
  {
    g_autoptr(OdInvoice) invoice = od_invoice_new ();
    GDate date = od_test_date ("2024-01-10");

    od_invoice_set_number (invoice, "F-1");
    od_invoice_set_customer_id (invoice, 999);
    od_invoice_set_issue_date (invoice, &date);
    od_invoice_set_due_date (invoice, &date);
    od_invoice_set_currency (invoice, "EUR");
    od_invoice_set_total (invoice, 100);
    g_assert_false (od_store_insert_invoice (f->store, invoice, &error));
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "999"));
    g_assert_cmpint (od_invoice_get_id (invoice), ==, 0);
  }
  g_assert_cmpint (count_invoices (f->store), ==, 0);
}

static void
test_reopen (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "sub", "dir", "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
  g_autoptr(OdCustomer) customer = NULL;
  g_autofree char *default_path = od_sqlite_store_default_path ();

  g_assert_no_error (error);
  customer = od_test_add_customer (OD_STORE (store), "C1", "Acme");
  g_clear_object (&store);

  store = od_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (od_sqlite_store_get_backup_path (store));
  g_assert_cmpint (count_customers (OD_STORE (store)), ==, 1);
  g_clear_object (&store);

  g_assert_true (g_str_has_suffix (default_path, "/overdue/ledger.db"));
  g_assert_true (g_str_has_prefix (default_path, g_get_user_data_dir ()));

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_corrupt (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = od_test_write_file (tmpdir, "ledger.db",
                                              "This is a shopping list, not a ledger.\n"
                                              "Eggs, milk, flour, sugar, butter, lemons.\n"
                                              "0123456789012345678901234567890123456789\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* Business and settings */

static void
test_business (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdBusiness) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  read = od_store_get_business (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (read);

  business = od_business_new ();
  od_business_set_name (business, "Mustermann GmbH");
  od_business_set_address (business, "Hauptstr. 1\n10115 Berlin");
  od_business_set_email (business, "billing@example.com");
  od_business_set_phone (business, "+49 30 123456");
  od_business_set_tax_id (business, "DE123456789");
  od_business_set_iban (business, "DE89370400440532013000");
  od_business_set_bic (business, "COBADEFFXXX");
  od_business_set_payment_link (business, "https://pay.example.com/{{invoice.number}}");
  od_business_set_paper_size (business, OD_PAPER_SIZE_LETTER);
  od_business_set_locale (business, "de_DE");
  od_business_set_currency (business, "EUR");
  od_business_set_logo (business, "/tmp/logo.png");
  od_business_set_time_zone (business, "Europe/Berlin");
  g_assert_true (od_store_set_business (f->store, business, &error));
  g_assert_no_error (error);

  read = od_store_get_business (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_business_get_name (read), ==, "Mustermann GmbH");
  g_assert_cmpstr (od_business_get_address (read), ==, "Hauptstr. 1\n10115 Berlin");
  g_assert_cmpstr (od_business_get_email (read), ==, "billing@example.com");
  g_assert_cmpstr (od_business_get_phone (read), ==, "+49 30 123456");
  g_assert_cmpstr (od_business_get_tax_id (read), ==, "DE123456789");
  g_assert_cmpstr (od_business_get_iban (read), ==, "DE89370400440532013000");
  g_assert_cmpstr (od_business_get_bic (read), ==, "COBADEFFXXX");
  g_assert_cmpstr (od_business_get_payment_link (read), ==, "https://pay.example.com/{{invoice.number}}");
  g_assert_cmpint (od_business_get_paper_size (read), ==, OD_PAPER_SIZE_LETTER);
  g_assert_cmpstr (od_business_get_locale (read), ==, "de_DE");
  g_assert_cmpstr (od_business_get_currency (read), ==, "EUR");
  g_assert_cmpstr (od_business_get_logo (read), ==, "/tmp/logo.png");
  g_assert_cmpstr (od_business_get_time_zone (read), ==, "Europe/Berlin");
  g_clear_object (&read);

  /* A second set replaces the single row. */
  od_business_set_name (business, "Mustermann AG");
  g_assert_true (od_store_set_business (f->store, business, &error));
  read = od_store_get_business (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_business_get_name (read), ==, "Mustermann AG");
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM business"), ==, 1);

  value = od_store_get_setting (f->store, "ui.sort", &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_true (od_store_set_setting (f->store, "ui.sort", "due", &error));
  g_assert_true (od_store_set_setting (f->store, "ui.sort", "number", &error));
  value = od_store_get_setting (f->store, "ui.sort", &error);
  g_assert_cmpstr (value, ==, "number");
  g_clear_pointer (&value, g_free);
  g_assert_true (od_store_set_setting (f->store, "ui.sort", NULL, &error));
  value = od_store_get_setting (f->store, "ui.sort", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

/* Customers */

static OdCustomer *
full_customer (const char *ref)
{
  OdCustomer *customer = od_customer_new ();
  g_autoptr(OdContact) billing = od_contact_new ();
  g_autoptr(OdContact) escalation = od_contact_new ();

  od_customer_set_ref (customer, ref);
  od_customer_set_name (customer, "Beispiel & Söhne KG");
  od_customer_set_address (customer, "Am Markt 3");
  od_customer_set_city (customer, "Köln");
  od_customer_set_postcode (customer, "50667");
  od_customer_set_country (customer, "DE");
  od_customer_set_language (customer, "de-AT");
  od_customer_set_time_zone (customer, "Europe/Vienna");
  od_customer_set_credit_limit (customer, 500000);
  od_customer_set_credit_currency (customer, "EUR");
  od_customer_set_notes (customer, "Pays late in August.");
  od_customer_set_do_not_chase (customer, TRUE);
  od_customer_set_opted_out (customer, OD_CHANNEL_SMS | OD_CHANNEL_CALL);
  od_customer_set_archived (customer, FALSE);

  od_contact_set_name (billing, "Anna Beispiel");
  od_contact_set_email (billing, "anna@example.com");
  od_contact_set_phone (billing, "+49 221 555 0101");
  od_contact_set_role (billing, OD_CONTACT_ROLE_BILLING);
  od_customer_add_contact (customer, billing);
  od_contact_set_name (escalation, "Bernd Beispiel");
  od_contact_set_email (escalation, "bernd@example.com");
  od_contact_set_role (escalation, OD_CONTACT_ROLE_ESCALATION);
  od_customer_add_contact (customer, escalation);
  return customer;
}

static void
assert_full_customer (OdCustomer *c)
{
  GListModel *contacts = od_customer_get_contacts (c);
  g_autoptr(OdContact) first = NULL;
  g_autoptr(OdContact) second = NULL;

  g_assert_cmpstr (od_customer_get_name (c), ==, "Beispiel & Söhne KG");
  g_assert_cmpstr (od_customer_get_address (c), ==, "Am Markt 3");
  g_assert_cmpstr (od_customer_get_city (c), ==, "Köln");
  g_assert_cmpstr (od_customer_get_postcode (c), ==, "50667");
  g_assert_cmpstr (od_customer_get_country (c), ==, "DE");
  g_assert_cmpstr (od_customer_get_language (c), ==, "de-AT");
  g_assert_cmpstr (od_customer_get_time_zone (c), ==, "Europe/Vienna");
  g_assert_cmpint (od_customer_get_credit_limit (c), ==, 500000);
  g_assert_cmpstr (od_customer_get_credit_currency (c), ==, "EUR");
  g_assert_cmpstr (od_customer_get_notes (c), ==, "Pays late in August.");
  g_assert_true (od_customer_get_do_not_chase (c));
  g_assert_cmpint (od_customer_get_opted_out (c), ==, OD_CHANNEL_SMS | OD_CHANNEL_CALL);
  g_assert_false (od_customer_get_archived (c));

  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  first = g_list_model_get_item (contacts, 0);
  second = g_list_model_get_item (contacts, 1);
  g_assert_cmpint (od_contact_get_id (first), >, 0);
  g_assert_cmpint (od_contact_get_customer_id (first), ==, od_customer_get_id (c));
  g_assert_cmpstr (od_contact_get_name (first), ==, "Anna Beispiel");
  g_assert_cmpstr (od_contact_get_email (first), ==, "anna@example.com");
  g_assert_cmpstr (od_contact_get_phone (first), ==, "+49 221 555 0101");
  g_assert_cmpint (od_contact_get_role (first), ==, OD_CONTACT_ROLE_BILLING);
  g_assert_cmpstr (od_contact_get_name (second), ==, "Bernd Beispiel");
  g_assert_cmpint (od_contact_get_role (second), ==, OD_CONTACT_ROLE_ESCALATION);
}

static void
test_customer_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = full_customer ("K-100");
  g_autoptr(OdCustomer) read = NULL;
  g_autoptr(OdContact) only = od_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (od_store_insert_customer (f->store, customer, &error));
  g_assert_no_error (error);
  id = od_customer_get_id (customer);
  g_assert_cmpint (id, >, 0);

  read = od_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_customer_get_id (read), ==, id);
  g_assert_cmpstr (od_customer_get_ref (read), ==, "K-100");
  assert_full_customer (read);
  g_clear_object (&read);

  read = od_store_find_customer (f->store, "K-100", &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_customer_get_id (read), ==, id);
  assert_full_customer (read);
  g_clear_object (&read);

  read = od_store_find_customer (f->store, "nobody", &error);
  g_assert_no_error (error);
  g_assert_null (read);
  read = od_store_get_customer (f->store, id + 100, &error);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);

  /* Update: every field, and the contacts replaced as a whole. */
  od_customer_set_ref (customer, "K-101");
  od_customer_set_name (customer, "Neu GmbH");
  od_customer_set_address (customer, NULL);
  od_customer_set_city (customer, "Wien");
  od_customer_set_country (customer, "AT");
  od_customer_set_credit_limit (customer, 0);
  od_customer_set_do_not_chase (customer, FALSE);
  od_customer_set_opted_out (customer, OD_CHANNEL_EMAIL);
  od_customer_set_archived (customer, TRUE);
  od_customer_clear_contacts (customer);
  od_contact_set_name (only, "Clara");
  od_contact_set_email (only, "clara@example.com");
  od_contact_set_role (only, OD_CONTACT_ROLE_ESCALATION);
  od_customer_add_contact (customer, only);
  g_assert_true (od_store_update_customer (f->store, customer, &error));
  g_assert_no_error (error);

  read = od_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_customer_get_ref (read), ==, "K-101");
  g_assert_cmpstr (od_customer_get_name (read), ==, "Neu GmbH");
  g_assert_null (od_customer_get_address (read));
  g_assert_cmpstr (od_customer_get_city (read), ==, "Wien");
  g_assert_cmpstr (od_customer_get_country (read), ==, "AT");
  g_assert_cmpint (od_customer_get_credit_limit (read), ==, 0);
  g_assert_false (od_customer_get_do_not_chase (read));
  g_assert_cmpint (od_customer_get_opted_out (read), ==, OD_CHANNEL_EMAIL);
  g_assert_true (od_customer_get_archived (read));
  g_assert_cmpuint (g_list_model_get_n_items (od_customer_get_contacts (read)), ==, 1);
  g_clear_object (&read);
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM contacts"), ==, 1);

  /* Invalid input is refused with the domain's own error. */
  od_customer_set_name (customer, "");
  g_assert_false (od_store_update_customer (f->store, customer, &error));
  g_assert_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Delete; the contacts go with it. */
  g_assert_true (od_store_delete_customer (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_customers (f->store), ==, 0);
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_false (od_store_delete_customer (f->store, id, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

static void
test_customer_duplicate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OdCustomer) first = od_test_add_customer (f->store, "DUP", "First");
  g_autoptr(OdCustomer) other = od_test_add_customer (f->store, "OTHER", "Other");
  g_autoptr(OdCustomer) second = full_customer ("DUP");
  g_autoptr(GError) error = NULL;

  g_assert_false (od_store_insert_customer (f->store, second, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "DUP"));
  g_assert_cmpint (od_customer_get_id (second), ==, 0);
  g_clear_error (&error);

  od_customer_set_ref (other, "DUP");
  g_assert_false (od_store_update_customer (f->store, other, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (count_customers (f->store), ==, 2);
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM contacts"), ==, 0);
}

static void
test_customer_in_use (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "C1", "Acme Ltd");
  g_autoptr(OdInvoice) a = od_test_add_invoice (f->store, customer, "A-1", "2024-01-01",
                                                "2024-01-31", 1000, "GBP");
  g_autoptr(OdInvoice) b = od_test_add_invoice (f->store, customer, "A-2", "2024-01-01",
                                                "2024-01-31", 2000, "GBP");
  g_autoptr(OdCustomer) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (od_store_delete_customer (f->store, od_customer_get_id (customer), &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Acme Ltd"));
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  read = od_store_get_customer (f->store, od_customer_get_id (customer), &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (count_invoices (f->store), ==, 2);

  /* Without its payments an invoice can go; with them it cannot. */
  g_assert_true (od_store_delete_invoice (f->store, od_invoice_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_invoices (f->store), ==, 1);
}

/* Invoices */

static void
test_invoice_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "C-7", "Seven Ltd");
  g_autoptr(OdCustomer) other = od_test_add_customer (f->store, "C-8", "Eight Ltd");
  g_autoptr(OdInvoice) invoice = od_invoice_new ();
  g_autoptr(OdInvoice) read = NULL;
  g_autoptr(OdInvoiceLine) l1 = od_invoice_line_new ();
  g_autoptr(OdInvoiceLine) l2 = od_invoice_line_new ();
  g_autoptr(OdInvoiceLine) rl = NULL;
  g_autoptr(GError) error = NULL;
  GDate issue = od_test_date ("2024-02-29");
  GDate due = od_test_date ("2024-03-30");
  gint64 id;

  od_invoice_set_number (invoice, "INV-0001");
  od_invoice_set_customer_ref (invoice, "C-7");
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, "EUR");
  od_invoice_line_set_description (l1, "Consulting");
  od_invoice_line_set_quantity_milli (l1, 1500);
  od_invoice_line_set_unit_price (l1, 10000);
  od_invoice_line_set_tax_rate_bp (l1, 1900);
  od_invoice_add_line (invoice, l1);
  od_invoice_line_set_description (l2, "Travel");
  od_invoice_line_set_quantity_milli (l2, 1000);
  od_invoice_line_set_unit_price (l2, 2550);
  od_invoice_line_set_tax_rate_bp (l2, 0);
  od_invoice_add_line (invoice, l2);
  g_assert_true (od_invoice_compute_total (invoice, &error));
  g_assert_no_error (error);

  /* customer-id 0: the store resolves the ref. */
  g_assert_true (od_store_insert_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  id = od_invoice_get_id (invoice);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (od_invoice_get_customer_id (invoice), ==, od_customer_get_id (customer));

  read = od_store_get_invoice (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_invoice_get_number (read), ==, "INV-0001");
  g_assert_cmpint (od_invoice_get_customer_id (read), ==, od_customer_get_id (customer));
  g_assert_cmpstr (od_invoice_get_customer_ref (read), ==, "C-7");
  g_assert_cmpstr (od_invoice_get_customer_name (read), ==, "Seven Ltd");
  g_assert_cmpint (g_date_compare (od_invoice_get_issue_date (read), &issue), ==, 0);
  g_assert_cmpint (g_date_compare (od_invoice_get_due_date (read), &due), ==, 0);
  g_assert_cmpstr (od_invoice_get_currency (read), ==, "EUR");
  g_assert_cmpint (od_invoice_get_total (read), ==, od_invoice_get_total (invoice));
  g_assert_cmpint (od_invoice_get_paid (read), ==, 0);
  g_assert_cmpint (od_invoice_get_status (read), ==, OD_INVOICE_STATUS_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (od_invoice_get_lines (read)), ==, 2);
  rl = g_list_model_get_item (od_invoice_get_lines (read), 0);
  g_assert_cmpstr (od_invoice_line_get_description (rl), ==, "Consulting");
  g_assert_cmpint (od_invoice_line_get_quantity_milli (rl), ==, 1500);
  g_assert_cmpint (od_invoice_line_get_unit_price (rl), ==, 10000);
  g_assert_cmpint (od_invoice_line_get_tax_rate_bp (rl), ==, 1900);
  g_clear_object (&rl);
  rl = g_list_model_get_item (od_invoice_get_lines (read), 1);
  g_assert_cmpstr (od_invoice_line_get_description (rl), ==, "Travel");
  g_clear_object (&read);

  read = od_store_find_invoice (f->store, "INV-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_invoice_get_id (read), ==, id);
  g_clear_object (&read);
  read = od_store_find_invoice (f->store, "INV-9999", &error);
  g_assert_no_error (error);
  g_assert_null (read);

  /* Update every field; the lines are replaced. */
  issue = od_test_date ("2024-03-01");
  due = od_test_date ("2024-04-15");
  od_invoice_set_number (invoice, "INV-0001a");
  od_invoice_set_customer_id (invoice, od_customer_get_id (other));
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_currency (invoice, "USD");
  od_invoice_clear_lines (invoice);
  od_invoice_set_total (invoice, 777);
  od_invoice_set_status (invoice, OD_INVOICE_STATUS_VOID);
  g_assert_true (od_store_update_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  read = od_store_get_invoice (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (od_invoice_get_number (read), ==, "INV-0001a");
  g_assert_cmpstr (od_invoice_get_customer_name (read), ==, "Eight Ltd");
  g_assert_cmpint (g_date_compare (od_invoice_get_issue_date (read), &issue), ==, 0);
  g_assert_cmpint (g_date_compare (od_invoice_get_due_date (read), &due), ==, 0);
  g_assert_cmpstr (od_invoice_get_currency (read), ==, "USD");
  g_assert_cmpint (od_invoice_get_total (read), ==, 777);
  g_assert_cmpint (od_invoice_get_status (read), ==, OD_INVOICE_STATUS_VOID);
  g_assert_cmpuint (g_list_model_get_n_items (od_invoice_get_lines (read)), ==, 0);
  g_clear_object (&read);

  g_assert_true (od_store_delete_invoice (f->store, id, &error));
  g_assert_no_error (error);
  read = od_store_get_invoice (f->store, id, &error);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM invoice_lines"), ==, 0);
}

static void
test_invoice_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "C1", "One");
  g_autoptr(OdInvoice) first = od_test_add_invoice (f->store, customer, "N-1", "2024-01-01",
                                                    "2024-01-31", 100, "EUR");
  g_autoptr(OdInvoice) invoice = od_invoice_new ();
  g_autoptr(GError) error = NULL;
  GDate date = od_test_date ("2024-01-01");

  od_invoice_set_number (invoice, "N-1");
  od_invoice_set_customer_id (invoice, od_customer_get_id (customer));
  od_invoice_set_issue_date (invoice, &date);
  od_invoice_set_due_date (invoice, &date);
  od_invoice_set_currency (invoice, "EUR");
  od_invoice_set_total (invoice, 5);
  g_assert_false (od_store_insert_invoice (f->store, invoice, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“N-1”"));
  g_clear_error (&error);

  od_invoice_set_number (invoice, "N-2");
  od_invoice_set_customer_id (invoice, 0);
  od_invoice_set_customer_ref (invoice, "GHOST");
  g_assert_false (od_store_insert_invoice (f->store, invoice, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "GHOST"));
  g_clear_error (&error);

  od_invoice_set_currency (invoice, "euro");
  g_assert_false (od_store_insert_invoice (f->store, invoice, &error));
  g_assert_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID);
  g_assert_cmpint (count_invoices (f->store), ==, 1);
}

/* Transactions */

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(OdInvoice) dup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (od_store_begin (f->store, &error));
  g_assert_false (od_store_begin (f->store, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TRANSACTION);
  g_clear_error (&error);

  customer = od_test_add_customer (f->store, "T1", "Temp");
  g_assert_cmpint (count_customers (f->store), ==, 1);
  {
    g_autoptr(OdInvoice) a = od_test_add_invoice (f->store, customer, "T-1", "2024-01-01",
                                                  "2024-01-31", 100, "EUR");
    GDate date = od_test_date ("2024-01-01");

    dup = od_invoice_new ();
    od_invoice_set_number (dup, "T-1");
    od_invoice_set_customer_id (dup, od_customer_get_id (customer));
    od_invoice_set_issue_date (dup, &date);
    od_invoice_set_due_date (dup, &date);
    od_invoice_set_currency (dup, "EUR");
    g_assert_false (od_store_insert_invoice (f->store, dup, &error));
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  /* The failed call undid only itself; the unit of work is still open. */
  g_assert_cmpint (count_invoices (f->store), ==, 1);
  od_store_rollback (f->store);

  g_assert_cmpint (count_customers (f->store), ==, 0);
  g_assert_cmpint (count_invoices (f->store), ==, 0);

  g_assert_false (od_store_commit (f->store, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TRANSACTION);
  g_clear_error (&error);

  /* A multi-row call that fails half-way inside begin/commit leaves
   * nothing of itself behind. */
  g_assert_true (od_store_begin (f->store, &error));
  {
    g_autoptr(OdCustomer) keep = od_test_add_customer (f->store, "K1", "Keep");
    g_autoptr(OdCustomer) clash = full_customer ("K1");

    g_assert_false (od_store_insert_customer (f->store, clash, &error));
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  g_assert_true (od_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_customers (f->store), ==, 1);
  g_assert_cmpint (raw_int (od_sqlite_store_get_path (f->sqlite),
                            "SELECT count(*) FROM contacts"), ==, 0);
}

static gint64
peer_count (const char *path,
            const char *what)
{
  const char *peer = g_getenv ("OD_STORE_PEER");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { peer, path, what, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("od-store-peer failed: %s", err);
  return g_ascii_strtoll (out, NULL, 10);
}

static void
test_transaction_peer (Fixture       *f,
                       gconstpointer  data)
{
  const char *path = od_sqlite_store_get_path (f->sqlite);
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "P1", "Peer");
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_getenv ("OD_STORE_PEER") == NULL)
    {
      g_test_skip ("OD_STORE_PEER is not set");
      return;
    }

  g_assert_cmpint (peer_count (path, "count-customers"), ==, 1);
  g_assert_cmpint (peer_count (path, "count-invoices"), ==, 0);

  g_assert_true (od_store_begin (f->store, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("P-%d", i);
      g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, number,
                                                          "2024-01-01", "2024-01-31",
                                                          100, "EUR");
    }

  /* The peer neither waits for nor sees the open unit of work. */
  start = g_get_monotonic_time ();
  g_assert_cmpint (peer_count (path, "count-invoices"), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);

  g_assert_true (od_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (peer_count (path, "count-invoices"), ==, 3);
}

typedef struct
{
  OdStore *store;
  gint64   count;
  gboolean done;
} ThreadData;

static gpointer
count_in_thread (gpointer data)
{
  ThreadData *td = data;

  td->count = count_invoices (td->store);
  g_atomic_int_set (&td->done, TRUE);
  return NULL;
}

static gpointer
insert_in_thread (gpointer data)
{
  ThreadData *td = data;
  g_autoptr(OdCustomer) customer = od_test_add_customer (td->store, "THREAD", "Thread");

  g_atomic_int_set (&td->done, TRUE);
  return NULL;
}

static void
test_transaction_threads (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "M1", "Main");
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  ThreadData reader = { f->store, -1, FALSE };
  ThreadData writer = { f->store, -1, FALSE };
  GThread *thread;

  g_assert_true (od_store_begin (f->store, &error));
  invoice = od_test_add_invoice (f->store, customer, "M-1", "2024-01-01", "2024-01-31",
                                 100, "EUR");

  /* A list's read from another thread runs beside the open transaction
   * and sees the last committed state. */
  thread = g_thread_new ("reader", count_in_thread, &reader);
  g_thread_join (thread);
  g_assert_true (reader.done);
  g_assert_cmpint (reader.count, ==, 0);

  /* A write from another thread waits for the unit of work to end. */
  thread = g_thread_new ("writer", insert_in_thread, &writer);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_false (g_atomic_int_get (&writer.done));
  g_assert_cmpint (count_customers (f->store), ==, 1);
  g_assert_true (od_store_commit (f->store, &error));
  g_thread_join (thread);
  g_assert_true (writer.done);
  g_assert_cmpint (count_customers (f->store), ==, 2);
  g_assert_cmpint (count_invoices (f->store), ==, 1);
}

/* Payments, charges, pauses, plans */

static OdPayment *
new_payment (OdInvoice  *invoice,
             const char *date,
             gint64      amount,
             const char *currency)
{
  OdPayment *payment = od_payment_new ();
  GDate d = od_test_date (date);

  od_payment_set_invoice_id (payment, od_invoice_get_id (invoice));
  od_payment_set_date (payment, &d);
  od_payment_set_amount (payment, amount);
  od_payment_set_currency (payment, currency);
  return payment;
}

static gboolean
count_payment (OdPayment  *payment,
               gpointer    user_data,
               GError    **error)
{
  (*(guint *) user_data)++;
  g_assert_nonnull (od_payment_get_invoice_number (payment));
  return TRUE;
}

static void
test_payments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "C1", "One");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, "PAY-1",
                                                      "2024-01-01", "2024-01-31",
                                                      10000, "EUR");
  g_autoptr(OdPayment) p1 = new_payment (invoice, "2024-02-01", 4000, "EUR");
  g_autoptr(OdPayment) p2 = new_payment (invoice, "2024-02-10", 6000, "EUR");
  g_autoptr(OdPayment) wrong = new_payment (invoice, "2024-02-11", 10, "USD");
  g_autoptr(OdPayment) by_number = od_payment_new ();
  g_autoptr(OdInvoice) read = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = od_test_date ("2024-02-12");
  guint n = 0;

  od_payment_set_method (p1, "transfer");
  od_payment_set_reference (p1, "REF 1");
  g_assert_true (od_store_insert_payment (f->store, p1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_payment_get_id (p1), >, 0);
  g_assert_cmpstr (od_payment_get_invoice_number (p1), ==, "PAY-1");

  read = od_store_get_invoice (f->store, od_invoice_get_id (invoice), &error);
  g_assert_cmpint (od_invoice_get_paid (read), ==, 4000);
  g_assert_cmpint (od_invoice_get_status (read), ==, OD_INVOICE_STATUS_OPEN);
  g_clear_object (&read);

  g_assert_false (od_store_insert_payment (f->store, wrong, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "USD"));
  g_clear_error (&error);

  g_assert_true (od_store_insert_payment (f->store, p2, &error));
  read = od_store_get_invoice (f->store, od_invoice_get_id (invoice), &error);
  g_assert_cmpint (od_invoice_get_paid (read), ==, 10000);
  g_assert_cmpint (od_invoice_get_outstanding (read), ==, 0);
  g_assert_cmpint (od_invoice_get_status (read), ==, OD_INVOICE_STATUS_PAID);
  g_clear_object (&read);

  /* An import names the invoice by number. */
  od_payment_set_invoice_number (by_number, "PAY-1");
  od_payment_set_date (by_number, &date);
  od_payment_set_amount (by_number, 5);
  od_payment_set_currency (by_number, "EUR");
  g_assert_true (od_store_insert_payment (f->store, by_number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_payment_get_invoice_id (by_number), ==, od_invoice_get_id (invoice));
  od_payment_set_invoice_id (by_number, 0);
  od_payment_set_invoice_number (by_number, "NOPE");
  g_assert_false (od_store_insert_payment (f->store, by_number, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  payments = od_store_list_payments (f->store, od_invoice_get_id (invoice), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 3);
  g_assert_cmpint (od_payment_get_amount (g_ptr_array_index (payments, 0)), ==, 4000);
  g_assert_cmpstr (od_payment_get_method (g_ptr_array_index (payments, 0)), ==, "transfer");
  g_assert_cmpstr (od_payment_get_reference (g_ptr_array_index (payments, 0)), ==, "REF 1");
  g_assert_cmpstr (od_payment_get_currency (g_ptr_array_index (payments, 0)), ==, "EUR");
  date = od_test_date ("2024-02-01");
  g_assert_cmpint (g_date_compare (od_payment_get_date (g_ptr_array_index (payments, 0)),
                                   &date), ==, 0);

  g_assert_true (od_store_foreach_payment (f->store, count_payment, &n, &error));
  g_assert_cmpuint (n, ==, 3);

  /* An invoice with payments is voided, never deleted. */
  g_assert_false (od_store_delete_invoice (f->store, od_invoice_get_id (invoice), &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_IN_USE);
}

static void
test_charges_pauses_plans (Fixture       *f,
                           gconstpointer  data)
{
  const char *path = od_sqlite_store_get_path (f->sqlite);
  g_autoptr(OdCustomer) customer = od_test_add_customer (f->store, "C1", "One");
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, customer, "CH-1",
                                                      "2024-01-01", "2024-01-31",
                                                      10001, "EUR");
  g_autoptr(OdCharge) charge = od_charge_new ();
  g_autoptr(OdCharge) again = od_charge_new ();
  g_autoptr(OdPayment) payment = new_payment (invoice, "2024-02-01", 1000, "EUR");
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = od_test_date ("2024-02-11");
  GDate until = od_test_date ("2024-03-01");
  gint64 id;

  od_charge_set_invoice_id (charge, od_invoice_get_id (invoice));
  od_charge_set_kind (charge, OD_CHARGE_KIND_LATE_FEE);
  od_charge_set_date (charge, &date);
  od_charge_set_amount (charge, 1500);
  od_charge_set_currency (charge, "EUR");
  od_charge_set_description (charge, "Late fee");
  od_charge_set_step (charge, "final-notice");
  g_assert_true (od_store_insert_charge (f->store, charge, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_charge_get_id (charge), >, 0);

  /* A step's fee is charged once. */
  od_charge_set_invoice_id (again, od_invoice_get_id (invoice));
  od_charge_set_date (again, &date);
  od_charge_set_amount (again, 1500);
  od_charge_set_currency (again, "EUR");
  od_charge_set_step (again, "final-notice");
  g_assert_false (od_store_insert_charge (f->store, again, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  charges = od_store_list_charges (f->store, od_invoice_get_id (invoice), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (charges->len, ==, 1);
  g_assert_cmpint (od_charge_get_kind (g_ptr_array_index (charges, 0)), ==, OD_CHARGE_KIND_LATE_FEE);
  g_assert_cmpint (od_charge_get_amount (g_ptr_array_index (charges, 0)), ==, 1500);
  g_assert_cmpstr (od_charge_get_description (g_ptr_array_index (charges, 0)), ==, "Late fee");
  g_assert_cmpstr (od_charge_get_step (g_ptr_array_index (charges, 0)), ==, "final-notice");
  g_assert_cmpint (g_date_compare (od_charge_get_date (g_ptr_array_index (charges, 0)), &date), ==, 0);

  id = od_store_insert_pause (f->store, od_invoice_get_id (invoice), OD_PAUSE_KIND_PROMISE,
                              &date, &until, 5000, "Promised on the phone", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pauses WHERE kind = 'promise'"
                                  " AND since = '2024-02-11' AND until = '2024-03-01'"
                                  " AND promised_minor = 5000 AND resolved_at IS NULL"), ==, 1);
  g_assert_cmpint (od_store_insert_pause (f->store, 987654, OD_PAUSE_KIND_HOLD, &date, NULL,
                                          0, NULL, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Outstanding 9001 in 4: 2250, 2250, 2250, 2251. */
  g_assert_true (od_store_insert_payment (f->store, payment, &error));
  id = od_store_insert_payment_plan (f->store, od_invoice_get_id (invoice), 4, 14, &until, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM instalments"), ==, 4);
  g_assert_cmpint (raw_int (path, "SELECT sum(amount_minor) FROM instalments"), ==, 9001);
  g_assert_cmpint (raw_int (path, "SELECT amount_minor FROM instalments WHERE position = 3"), ==, 2251);
  g_assert_cmpint (raw_int (path, "SELECT amount_minor FROM instalments WHERE position = 0"), ==, 2250);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM instalments WHERE position = 2"
                                  " AND due_date = '2024-03-29'"), ==, 1);
  g_assert_cmpint (od_store_insert_payment_plan (f->store, od_invoice_get_id (invoice),
                                                 2, 7, &until, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM payment_plans"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM instalments"), ==, 4);
}

/* Queries */

typedef struct
{
  const char *number;
  const char *customer;
  const char *issue;
  const char *due;
  gint64      total;
  gint64      paid;
} Row;

static const Row rows[] = {
  { "2024-003", "ACME", "2024-01-03", "2024-02-02", 30000, 0 },
  { "2024-001", "BETA", "2024-01-01", "2024-01-31", 10000, 10000 },
  { "2024-005", "ACME", "2024-01-05", "2024-03-05", 50000, 49000 },
  { "2024-002", "GAMMA", "2024-01-02", "2024-02-15", 20000, 0 },
  { "2024-004", "BETA", "2024-01-04", "2024-02-02", 40000, 1000 },
  { "X_%-1", "GAMMA", "2024-01-06", "2024-04-01", 30000, 0 },
};

static void
add_rows (Fixture *f)
{
  g_autoptr(OdCustomer) acme = od_test_add_customer (f->store, "ACME", "Acme Corp");
  g_autoptr(OdCustomer) beta = od_test_add_customer (f->store, "BETA", "beta & co");
  g_autoptr(OdCustomer) gamma = od_test_add_customer (f->store, "GAMMA", "Gamma 100%");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      OdCustomer *c = g_str_equal (rows[i].customer, "ACME") ? acme
                      : g_str_equal (rows[i].customer, "BETA") ? beta : gamma;
      g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, c, rows[i].number,
                                                          rows[i].issue, rows[i].due,
                                                          rows[i].total, "EUR");

      if (rows[i].paid > 0)
        {
          g_autoptr(OdPayment) p = new_payment (invoice, rows[i].issue, rows[i].paid, "EUR");
          g_autoptr(GError) error = NULL;

          g_assert_true (od_store_insert_payment (f->store, p, &error));
        }
    }
}

/* The numbers of the query's result, in order, joined with spaces. */
static char *
query_numbers (OdStore              *store,
               const OdInvoiceQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = od_store_query_invoice_ids (store, query, &error);
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (od_store_count_invoices (store, query, NULL), ==, ids->len);
  invoices = od_store_load_invoices (store, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invoices->len, ==, ids->len);
  for (guint i = 0; i < invoices->len; i++)
    {
      OdInvoice *invoice = g_ptr_array_index (invoices, i);

      g_assert_cmpint (od_invoice_get_id (invoice), ==, g_array_index (ids, gint64, i));
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, od_invoice_get_number (invoice));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_QUERY(q, expected) \
  G_STMT_START { \
    g_autofree char *got_ = query_numbers (f->store, (q)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_query_filters (Fixture       *f,
                    gconstpointer  data)
{
  OdInvoiceQuery q = { .filter = OD_INVOICE_FILTER_ALL, .sort = OD_INVOICE_SORT_NUMBER };

  add_rows (f);
  q.today = od_test_date ("2024-02-10");

  ASSERT_QUERY (&q, "2024-001 2024-002 2024-003 2024-004 2024-005 X_%-1");
  q.filter = OD_INVOICE_FILTER_OPEN;
  ASSERT_QUERY (&q, "2024-002 2024-003 2024-004 2024-005 X_%-1");
  q.filter = OD_INVOICE_FILTER_PAID;
  ASSERT_QUERY (&q, "2024-001");
  q.filter = OD_INVOICE_FILTER_OVERDUE;
  ASSERT_QUERY (&q, "2024-003 2024-004");
  q.today = od_test_date ("2024-02-16");
  ASSERT_QUERY (&q, "2024-002 2024-003 2024-004");

  /* An invalid today means the real one: everything is long overdue. */
  g_date_clear (&q.today, 1);
  ASSERT_QUERY (&q, "2024-002 2024-003 2024-004 2024-005 X_%-1");
}

static void
test_query_sorts (Fixture       *f,
                  gconstpointer  data)
{
  OdInvoiceQuery q = { .filter = OD_INVOICE_FILTER_ALL };

  add_rows (f);

  q.sort = OD_INVOICE_SORT_NUMBER;
  ASSERT_QUERY (&q, "2024-001 2024-002 2024-003 2024-004 2024-005 X_%-1");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "X_%-1 2024-005 2024-004 2024-003 2024-002 2024-001");

  /* Ties (2024-003 and 2024-004 both due 2024-02-02) go by id. */
  q.sort = OD_INVOICE_SORT_DUE_DATE;
  q.descending = FALSE;
  ASSERT_QUERY (&q, "2024-001 2024-003 2024-004 2024-002 2024-005 X_%-1");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "X_%-1 2024-005 2024-002 2024-004 2024-003 2024-001");

  q.sort = OD_INVOICE_SORT_ISSUE_DATE;
  q.descending = FALSE;
  ASSERT_QUERY (&q, "2024-001 2024-002 2024-003 2024-004 2024-005 X_%-1");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "X_%-1 2024-005 2024-004 2024-003 2024-002 2024-001");

  /* Customer names compare without case: Acme, beta, Gamma. */
  q.sort = OD_INVOICE_SORT_CUSTOMER;
  q.descending = FALSE;
  ASSERT_QUERY (&q, "2024-003 2024-005 2024-001 2024-004 2024-002 X_%-1");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "X_%-1 2024-002 2024-004 2024-001 2024-005 2024-003");

  q.sort = OD_INVOICE_SORT_TOTAL;
  q.descending = FALSE;
  ASSERT_QUERY (&q, "2024-001 2024-002 2024-003 X_%-1 2024-004 2024-005");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "2024-005 2024-004 X_%-1 2024-003 2024-002 2024-001");

  /* Outstanding: 0, 20000, 30000, 30000, 39000, 1000. */
  q.sort = OD_INVOICE_SORT_OUTSTANDING;
  q.descending = FALSE;
  ASSERT_QUERY (&q, "2024-001 2024-005 2024-002 2024-003 X_%-1 2024-004");
  q.descending = TRUE;
  ASSERT_QUERY (&q, "2024-004 X_%-1 2024-003 2024-002 2024-005 2024-001");
}

static void
test_query_search (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdCustomer) acme = NULL;
  OdInvoiceQuery q = { .filter = OD_INVOICE_FILTER_ALL };
  OdCustomerQuery cq = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  add_rows (f);
  acme = od_store_find_customer (f->store, "ACME", &error);

  q.search = "2024-00";
  ASSERT_QUERY (&q, "2024-001 2024-002 2024-003 2024-004 2024-005");
  q.search = "024";            /* not a prefix of any number, nor a name */
  ASSERT_QUERY (&q, "");
  q.search = "acme";           /* customer name, any case */
  ASSERT_QUERY (&q, "2024-003 2024-005");
  q.search = "et";             /* customer ref or name substring */
  ASSERT_QUERY (&q, "2024-001 2024-004");
  q.search = "100%";           /* % matches itself */
  ASSERT_QUERY (&q, "2024-002 X_%-1");
  q.search = "X_%";
  ASSERT_QUERY (&q, "X_%-1");
  q.search = "_";
  ASSERT_QUERY (&q, "");

  q.search = NULL;
  q.customer_id = od_customer_get_id (acme);
  ASSERT_QUERY (&q, "2024-003 2024-005");
  q.filter = OD_INVOICE_FILTER_OPEN;
  q.search = "2024-005";
  ASSERT_QUERY (&q, "2024-005");

  /* Customers: by name, archived left out unless asked for. */
  od_customer_set_archived (acme, TRUE);
  g_assert_true (od_store_update_customer (f->store, acme, &error));
  ids = od_store_query_customer_ids (f->store, &cq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (od_store_count_customers (f->store, &cq, &error), ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  cq.include_archived = TRUE;
  cq.search = "a";
  ids = od_store_query_customer_ids (f->store, &cq, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, od_customer_get_id (acme));
  g_clear_pointer (&ids, g_array_unref);
  cq.search = "100%";
  ids = od_store_query_customer_ids (f->store, &cq, &error);
  g_assert_cmpuint (ids->len, ==, 1);
}

typedef struct
{
  guint  n;
  guint  lines;
  gint64 last_id;
} ForeachData;

static gboolean
foreach_invoice (OdInvoice  *invoice,
                 gpointer    user_data,
                 GError    **error)
{
  ForeachData *data = user_data;

  g_assert_cmpint (od_invoice_get_id (invoice), >, data->last_id);
  g_assert_nonnull (od_invoice_get_customer_ref (invoice));
  data->last_id = od_invoice_get_id (invoice);
  data->lines += g_list_model_get_n_items (od_invoice_get_lines (invoice));
  data->n++;
  return TRUE;
}

static gboolean
foreach_customer (OdCustomer  *customer,
                  gpointer     user_data,
                  GError     **error)
{
  ForeachData *data = user_data;

  g_assert_cmpint (od_customer_get_id (customer), >, data->last_id);
  data->last_id = od_customer_get_id (customer);
  data->lines += g_list_model_get_n_items (od_customer_get_contacts (customer));
  if (++data->n == 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
      return FALSE;
    }
  return TRUE;
}

static void
test_foreach (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(OdCustomer) a = od_test_add_customer (f->store, "A", "A");
  g_autoptr(OdCustomer) b = full_customer ("B");
  g_autoptr(OdCustomer) c = full_customer ("C");
  g_autoptr(OdCustomer) d = od_test_add_customer (f->store, "D", "D");
  g_autoptr(OdInvoice) with_lines = od_invoice_new ();
  g_autoptr(OdInvoiceLine) line = od_invoice_line_new ();
  g_autoptr(GError) error = NULL;
  ForeachData fd = { 0 };
  GDate date = od_test_date ("2024-05-01");

  g_assert_true (od_store_insert_customer (f->store, b, &error));
  g_assert_true (od_store_insert_customer (f->store, c, &error));
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("F-%d", i);
      g_autoptr(OdInvoice) invoice = od_test_add_invoice (f->store, i % 2 ? a : d, number,
                                                          "2024-01-01", "2024-01-31",
                                                          100, "EUR");
    }
  od_invoice_set_number (with_lines, "F-L");
  od_invoice_set_customer_id (with_lines, od_customer_get_id (a));
  od_invoice_set_issue_date (with_lines, &date);
  od_invoice_set_due_date (with_lines, &date);
  od_invoice_set_currency (with_lines, "EUR");
  od_invoice_line_set_description (line, "Widget");
  od_invoice_line_set_quantity_milli (line, 2000);
  od_invoice_line_set_unit_price (line, 50);
  od_invoice_add_line (with_lines, line);
  od_invoice_add_line (with_lines, line);
  g_assert_true (od_invoice_compute_total (with_lines, &error));
  g_assert_true (od_store_insert_invoice (f->store, with_lines, &error));
  g_assert_no_error (error);

  g_assert_true (od_store_foreach_invoice (f->store, foreach_invoice, &fd, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fd.n, ==, 6);
  g_assert_cmpuint (fd.lines, ==, 2);

  /* A callback's error stops the walk and comes back unchanged. */
  fd = (ForeachData) { 0 };
  g_assert_false (od_store_foreach_customer (f->store, foreach_customer, &fd, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fd.n, ==, 3);
  g_assert_cmpuint (fd.lines, ==, 2);   /* A, D, then B with its two */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/od/store/create", test_create);
  g_test_add_func ("/od/store/reopen", test_reopen);
  g_test_add_func ("/od/store/corrupt", test_corrupt);
  ADD ("/od/store/business", test_business);
  ADD ("/od/store/customer/round-trip", test_customer_round_trip);
  ADD ("/od/store/customer/duplicate", test_customer_duplicate);
  ADD ("/od/store/customer/in-use", test_customer_in_use);
  ADD ("/od/store/invoice/round-trip", test_invoice_round_trip);
  ADD ("/od/store/invoice/errors", test_invoice_errors);
  ADD ("/od/store/transaction/rollback", test_transaction_rollback);
  ADD ("/od/store/transaction/peer", test_transaction_peer);
  ADD ("/od/store/transaction/threads", test_transaction_threads);
  ADD ("/od/store/payments", test_payments);
  ADD ("/od/store/charges-pauses-plans", test_charges_pauses_plans);
  ADD ("/od/store/query/filters", test_query_filters);
  ADD ("/od/store/query/sorts", test_query_sorts);
  ADD ("/od/store/query/search", test_query_search);
  ADD ("/od/store/foreach", test_foreach);

  return g_test_run ();
}
