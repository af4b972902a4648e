/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "od-sqlite-schema.h"
#include "od-test-util.h"

/* A test-only version on top of the real ones. */
static const char migration_next[] =
  "ALTER TABLE customers ADD COLUMN loyalty INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE loyalty_levels (name TEXT PRIMARY KEY);"
  "INSERT INTO loyalty_levels VALUES ('gold');";

/* Creates a table, then fails half-way: nothing of it may stay. */
static const char migration_next_broken[] =
  "CREATE TABLE half_done (x INTEGER);"
  "UPDATE customers SET name = 'changed';"
  "INSERT INTO no_such_table VALUES (1);";

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A ledger at the current version with one customer and one invoice;
 * returns its path. */
static char *
make_current (const char *tmpdir)
{
  g_autofree char *path = g_build_filename (tmpdir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(OdInvoice) invoice = NULL;

  g_assert_no_error (error);
  customer = od_test_add_customer (OD_STORE (store), "OLD", "Old Customer");
  invoice = od_test_add_invoice (OD_STORE (store), customer, "OLD-1", "2023-01-01",
                                 "2023-01-31", 12345, "EUR");
  return g_steal_pointer (&path);
}

static void
test_empty_to_current (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "new.db", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n;
  sqlite3 *db = open_raw (path);

  migrations = _od_sqlite_schema_get_migrations (&n);
  g_assert_cmpuint (n, ==, OD_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, 0);

  g_assert_true (_od_sqlite_schema_migrate (db, migrations, n, &backup, &error));
  g_assert_no_error (error);
  g_assert_null (backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE name = 'invoices'"), ==, 1);

  /* Running it again is a no-op. */
  g_assert_true (_od_sqlite_schema_migrate (db, migrations, n, &backup, &error));
  g_assert_null (backup);
  sqlite3_close (db);

  /* The store does the same for a brand-new file, without a backup. */
  {
    g_autofree char *fresh = g_build_filename (tmpdir, "fresh.db", NULL);
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (fresh, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
    g_assert_null (od_sqlite_store_get_backup_path (store));
  }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* Version 1 to 2, the real one: history rows keep their place (with no
 * channel) and the audit log appears; the backup is the version 1 file. */
static void
test_v1_to_v2 (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "v1.db", NULL);
  g_autofree char *expected_backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n;
  sqlite3 *db = open_raw (path);

  migrations = _od_sqlite_schema_get_migrations (&n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (_od_sqlite_schema_migrate (db, migrations, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO customers (id, ref, name) VALUES (1, 'OLD', 'Old');"
                                 "INSERT INTO invoices (id, number, customer_id, issue_date,"
                                 " due_date, currency, total_minor) VALUES (1, 'OLD-1', 1,"
                                 " '2023-01-01', '2023-01-31', 'EUR', 12345);"
                                 "INSERT INTO dunning_history (invoice_id, step, status, at)"
                                 " VALUES (1, 'first-reminder', 'taken', '2023-02-01T09:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
    g_autoptr(GDateTime) at = g_date_time_new_utc (2023, 2, 8, 9, 0, 0);

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
    g_assert_cmpstr (od_sqlite_store_get_backup_path (store), ==, expected_backup);
    g_assert_true (od_store_add_history (OD_STORE (store), 1, "second-reminder", 0,
                                         OD_HISTORY_TAKEN, OD_CHANNEL_LETTER, at, &error));
    g_assert_true (od_store_add_audit (OD_STORE (store), 0, 1, "hold", "Checking", &error));
    g_assert_no_error (error);
  }

  db = open_raw (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM dunning_history"
                                  " WHERE step = 'first-reminder' AND channel IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM dunning_history"
                                  " WHERE channel = 'letter'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT customer_id FROM audit_log"), ==, 1);
  /* The channel is checked like everywhere else. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE dunning_history SET channel = 'pigeon'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  db = open_raw (expected_backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE name = 'audit_log'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM dunning_history"), ==, 1);
  sqlite3_close (db);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* The real scripts plus @extra as the next version. */
static const char **
scripts_with (const char *extra,
              guint      *n_scripts)
{
  const char * const *real;
  const char **scripts;
  guint n;

  real = _od_sqlite_schema_get_migrations (&n);
  scripts = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    scripts[i] = real[i];
  scripts[n] = extra;
  *n_scripts = n + 1;
  return scripts;
}

static void
test_to_next (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = make_current (tmpdir);
  g_autofree char *expected_backup = g_strdup_printf ("%s.v%d.bak", path,
                                                      OD_SQLITE_STORE_SCHEMA_VERSION);
  g_autofree char *backup = NULL;
  g_autofree const char **scripts = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  sqlite3 *db;

  scripts = scripts_with (migration_next, &n);

  db = open_raw (path);
  g_assert_true (_od_sqlite_schema_migrate (db, scripts, n, &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (backup, ==, expected_backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, OD_SQLITE_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"
                                  " WHERE ref = 'OLD' AND loyalty = 0"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT total_minor FROM invoices"
                                  " WHERE number = 'OLD-1'"), ==, 12345);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM loyalty_levels"), ==, 1);
  sqlite3_close (db);

  /* The backup is the ledger as it was: same version, same rows. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  db = open_raw (backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM invoices"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE name = 'loyalty_levels'"), ==, 0);
  sqlite3_close (db);

  /* And this program cannot open the upgraded file. */
  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);

    g_assert_null (store);
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TOO_NEW);
  }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_failing_migration (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = make_current (tmpdir);
  g_autofree char *backup = NULL;
  g_autofree const char **scripts = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  sqlite3 *db;

  scripts = scripts_with (migration_next_broken, &n);

  db = open_raw (path);
  g_assert_false (_od_sqlite_schema_migrate (db, scripts, n, &backup, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_clear_error (&error);

  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE name = 'half_done'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers"
                                  " WHERE name = 'Old Customer'"), ==, 1);
  sqlite3_close (db);

  /* The ledger still opens, whole, at its version. */
  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
    g_autoptr(OdInvoice) invoice = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, OD_SQLITE_STORE_SCHEMA_VERSION);
    invoice = od_store_find_invoice (OD_STORE (store), "OLD-1", &error);
    g_assert_no_error (error);
    g_assert_cmpint (od_invoice_get_total (invoice), ==, 12345);
  }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_too_new (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = make_current (tmpdir);
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = od_sqlite_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "update Overdue"));

  /* Refusing changed nothing: still version 99, still no backup. */
  db = open_raw (path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM invoices"), ==, 1);
  sqlite3_close (db);
  {
    g_autofree char *bak = g_strconcat (path, ".v99.bak", NULL);

    g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* The outbox migration, from the version before it: rows keep their
 * place (unclaimed, not demo), and a payment that settles an invoice
 * now cancels what waits to go out about it. */
static void
test_outbox_migration (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "before.db", NULL);
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n;
  sqlite3 *db = open_raw (path);

  migrations = _od_sqlite_schema_get_migrations (&n);
  g_assert_true (_od_sqlite_schema_migrate (db, migrations, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO customers (id, ref, name) VALUES (1, 'OLD', 'Old');"
                                 "INSERT INTO invoices (id, number, customer_id, issue_date,"
                                 " due_date, currency, total_minor) VALUES (1, 'OLD-1', 1,"
                                 " '2023-01-01', '2023-01-31', 'EUR', 12345);"
                                 "INSERT INTO outbox (id, idempotency_key, customer_id, channel)"
                                 " VALUES (1, 'k1', 1, 'email');"
                                 "INSERT INTO outbox_invoices VALUES (1, 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
    g_autoptr(GPtrArray) rows = NULL;
    OdOutboxRow *row;

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, n);
    rows = od_store_outbox_list (OD_STORE (store), 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpint (row->state, ==, OD_OUTBOX_STATE_QUEUED);
    g_assert_null (row->claim_owner);
    g_assert_false (row->demo);
  }

  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE invoices SET paid_minor = total_minor, status = 'paid'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT state = 'cancelled' FROM outbox"), ==, 1);
  sqlite3_close (db);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* Version 3 to 4: the templates table appears, the shipped templates
 * are seeded, and the ledger's rows stay; the backup is the version 3
 * file, without templates. */
static void
test_templates_migration (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "v3.db", NULL);
  g_autofree char *expected_backup = g_strconcat (path, ".v3.bak", NULL);
  g_autoptr(GPtrArray) shipped = od_template_get_defaults ();
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n;
  sqlite3 *db = open_raw (path);

  migrations = _od_sqlite_schema_get_migrations (&n);
  g_assert_cmpuint (n, >=, 4);
  g_assert_true (_od_sqlite_schema_migrate (db, migrations, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO customers (id, ref, name, language) VALUES (1, 'OLD', 'Old', 'de');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(OdCustomer) customer = NULL;
    g_autoptr(OdTemplateEntry) entry = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, n);
    g_assert_cmpstr (od_sqlite_store_get_backup_path (store), ==, expected_backup);
    stored = od_store_list_templates (OD_STORE (store), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, shipped->len);
    customer = od_store_find_customer (OD_STORE (store), "OLD", &error);
    g_assert_no_error (error);
    entry = od_store_get_template (OD_STORE (store), "final-notice", OD_TEMPLATE_PART_LETTER,
                                   od_customer_get_language (customer), &error);
    g_assert_no_error (error);
    /* The German customer gets the shipped German letter. */
    g_assert_cmpstr (entry->language, ==, "de");
    g_assert_true (entry->is_default);
  }

  db = open_raw (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM templates WHERE is_default = 1"), ==, shipped->len);
  /* A part is one of five, and a key is there once. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE templates SET part = 'fax'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO templates (name, language, part, body)"
                                     " VALUES ('pre-due', 'en', 'sms', 'x')", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  db = open_raw (expected_backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'templates'"), ==, 0);
  sqlite3_close (db);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* Version 4 to 5: the report indexes appear and are used, the ledger's
 * rows stay; the backup is the version 4 file, without them. */
static void
test_report_indexes_migration (void)
{
  g_autofree char *tmpdir = od_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (tmpdir, "v4.db", NULL);
  g_autofree char *expected_backup = g_strconcat (path, ".v4.bak", NULL);
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n;
  sqlite3 *db = open_raw (path);

  migrations = _od_sqlite_schema_get_migrations (&n);
  g_assert_cmpuint (n, >=, 5);
  g_assert_true (_od_sqlite_schema_migrate (db, migrations, 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO customers (id, ref, name) VALUES (1, 'OLD', 'Old');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(OdSqliteStore) store = od_sqlite_store_new (path, &error);
    g_autoptr(OdCustomer) customer = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (od_store_get_schema_version (OD_STORE (store)), ==, n);
    g_assert_cmpstr (od_sqlite_store_get_backup_path (store), ==, expected_backup);
    customer = od_store_find_customer (OD_STORE (store), "OLD", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (od_customer_get_name (customer), ==, "Old");
  }

  db = open_raw (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                  " AND name IN ('invoices_issue', 'payments_invoice_date')"), ==, 2);
  /* Sales by issue date and payments by invoice and date are read
   * from the indexes alone: they hold the columns the sums need. */
  g_assert_cmpint (query_int (db, "SELECT group_concat (name) = 'issue_date,currency,status,total_minor'"
                                  " FROM (SELECT name FROM pragma_index_info ('invoices_issue') ORDER BY seqno)"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT group_concat (name) = 'invoice_id,date,amount_minor'"
                                  " FROM (SELECT name FROM pragma_index_info ('payments_invoice_date') ORDER BY seqno)"), ==, 1);
  sqlite3_close (db);

  db = open_raw (expected_backup);
  g_assert_cmpint (_od_sqlite_schema_get_version (db, &error), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'invoices_issue'"), ==, 0);
  sqlite3_close (db);

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/store/migration/empty-to-current", test_empty_to_current);
  g_test_add_func ("/od/store/migration/v1-to-v2", test_v1_to_v2);
  g_test_add_func ("/od/store/migration/to-next", test_to_next);
  g_test_add_func ("/od/store/migration/failing", test_failing_migration);
  g_test_add_func ("/od/store/migration/too-new", test_too_new);
  g_test_add_func ("/od/store/migration/outbox", test_outbox_migration);
  g_test_add_func ("/od/store/migration/templates", test_templates_migration);
  g_test_add_func ("/od/store/migration/report-indexes", test_report_indexes_migration);

  return g_test_run ();
}
