/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "od-sqlite-store-private.h"

/* Long enough for a second program to finish its unit of work. */
#define BUSY_TIMEOUT_MS 5000

enum {
  PROP_0,
  PROP_PATH,
  PROP_BACKUP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void od_sqlite_store_store_init    (OdStoreInterface *iface);
static void od_sqlite_store_initable_init (GInitableIface   *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdSqliteStore, od_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_STORE,
                                                      od_sqlite_store_store_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      od_sqlite_store_initable_init))

/* Connections and statements */

/* A name as a person sorts it: case and accents do not count at first
 * ("Bäckerei" comes before "Bistro"), then the exact text breaks ties.
 * Independent of the process locale, so every process agrees. */
static char *
collation_key (const char *text,
               int         length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *key = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static int
collate_name (void       *user_data,
              int         a_length,
              const void *a,
              int         b_length,
              const void *b)
{
  g_autofree char *a_key = collation_key (a, a_length);
  g_autofree char *b_key = collation_key (b, b_length);
  int result = strcmp (a_key, b_key);

  if (result == 0)
    result = memcmp (a, b, MIN (a_length, b_length));
  if (result == 0)
    result = a_length - b_length;
  return result;
}

static void
conn_close (OdSqliteConn *conn)
{
  g_clear_pointer (&conn->stmts, g_hash_table_unref);
  if (conn->db != NULL)
    sqlite3_close_v2 (conn->db);
  conn->db = NULL;
}

static void
close_all (OdSqliteStore *self)
{
  for (guint i = 0; i < OD_SQLITE_READERS; i++)
    conn_close (&self->readers[i]);
  conn_close (&self->writer);
}

static gboolean
conn_open (OdSqliteConn  *conn,
           const char    *path,
           gboolean       read_only,
           GError       **error)
{
  int flags = SQLITE_OPEN_FULLMUTEX;
  int rc;

  flags |= read_only ? SQLITE_OPEN_READONLY
                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &conn->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("Could not open the ledger “%s”: %s"),
                   path, conn->db != NULL ? sqlite3_errmsg (conn->db)
                                          : sqlite3_errstr (rc));
      conn_close (conn);
      return FALSE;
    }

  sqlite3_extended_result_codes (conn->db, TRUE);
  sqlite3_busy_timeout (conn->db, BUSY_TIMEOUT_MS);
  sqlite3_create_collation (conn->db, "OD_NAME", SQLITE_UTF8, NULL, collate_name);
  _od_sqlite_register_report_functions (conn->db);
  conn->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) sqlite3_finalize);
  return TRUE;
}

sqlite3_stmt *
_od_sqlite_prepare (OdSqliteConn  *conn,
                    const char    *sql,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (conn->db != NULL);

  stmt = g_hash_table_lookup (conn->stmts, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _od_sqlite_set_error (error, conn->db, rc, _("Could not read the ledger"));
      return NULL;
    }
  g_hash_table_insert (conn->stmts, g_strdup (sql), stmt);
  return stmt;
}

int
_od_sqlite_next (OdSqliteConn  *conn,
                 sqlite3_stmt  *stmt,
                 const char    *what,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  _od_sqlite_set_error (error, conn->db, rc, what);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
_od_sqlite_run (OdSqliteConn  *conn,
                sqlite3_stmt  *stmt,
                const char    *what,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _od_sqlite_set_error (error, conn->db, rc, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
conn_exec (OdSqliteConn  *conn,
           const char    *sql,
           GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn, sql, error);

  return stmt != NULL && _od_sqlite_run (conn, stmt, _("Could not write the ledger"), error);
}

/* Values */

void
_od_sqlite_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_od_sqlite_bind_date (sqlite3_stmt *stmt,
                      int           index,
                      const GDate  *date)
{
  char buffer[16];

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  sqlite3_bind_text (stmt, index, buffer, -1, SQLITE_TRANSIENT);
}

const char *
_od_sqlite_column_text (sqlite3_stmt *stmt,
                        int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static guint
parse_digits (const char *text,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return 0;
      value = value * 10 + (guint) (text[i] - '0');
    }
  return value;
}

void
_od_sqlite_column_date (sqlite3_stmt *stmt,
                        int           index,
                        GDate        *out)
{
  const char *text = _od_sqlite_column_text (stmt, index);
  guint year, month, day;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);
  if (g_date_valid_dmy (day, month, year))
    g_date_set_dmy (out, day, month, year);
}

char *
_od_sqlite_like_pattern (const char *search,
                         gboolean    prefix_only)
{
  GString *pattern = g_string_sized_new (strlen (search) + 4);

  if (!prefix_only)
    g_string_append_c (pattern, '%');
  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

char *
_od_sqlite_ids_json (const gint64 *ids,
                     guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i > 0 ? ",%" G_GINT64_FORMAT
                                        : "%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Scopes */

static gboolean
owns_transaction (OdSqliteStore *self)
{
  return g_atomic_pointer_get (&self->txn_owner) == (gpointer) g_thread_self ();
}

gboolean
_od_sqlite_store_write_begin (OdSqliteStore  *self,
                              OdSqliteScope  *scope,
                              gboolean        several,
                              GError        **error)
{
  *scope = (OdSqliteScope) { .store = self, .conn = &self->writer, .writing = TRUE };

  g_rec_mutex_lock (&self->write_lock);

  if (owns_transaction (self))
    {
      if (several && !conn_exec (&self->writer, "SAVEPOINT od_call", error))
        {
          g_rec_mutex_unlock (&self->write_lock);
          return FALSE;
        }
      scope->savepoint = several;
      return TRUE;
    }

  if (!conn_exec (&self->writer, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->write_lock);
      return FALSE;
    }
  scope->implicit = TRUE;
  return TRUE;
}

gboolean
_od_sqlite_store_write_end (OdSqliteScope  *scope,
                            gboolean        ok,
                            GError        **error)
{
  OdSqliteStore *self = scope->store;

  g_assert (scope->writing);

  if (scope->implicit)
    {
      if (ok && !conn_exec (&self->writer, "COMMIT", error))
        ok = FALSE;
      if (!ok && !sqlite3_get_autocommit (self->writer.db))
        sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
    }
  else if (scope->savepoint)
    {
      if (!ok)
        sqlite3_exec (self->writer.db, "ROLLBACK TO od_call", NULL, NULL, NULL);
      if (!conn_exec (&self->writer, "RELEASE od_call", ok ? error : NULL))
        ok = FALSE;
    }

  g_rec_mutex_unlock (&self->write_lock);
  return ok;
}

void
_od_sqlite_store_read_begin (OdSqliteStore *self,
                             OdSqliteScope *scope,
                             gboolean       snapshot)
{
  GThread *thread = g_thread_self ();
  OdSqliteConn *conn;
  int index = -1;

  *scope = (OdSqliteScope) { .store = self, .reader = -1 };

  if (owns_transaction (self))
    {
      g_rec_mutex_lock (&self->write_lock);
      scope->conn = &self->writer;
      return;
    }

  /* The reader this thread holds already (a nested read), else a free
   * one, else wait for one. */
  g_mutex_lock (&self->readers_lock);
  for (int i = 0; i < OD_SQLITE_READERS && index < 0; i++)
    if (self->reader_holder[i] == thread)
      index = i;
  while (index < 0)
    {
      for (int i = 0; i < OD_SQLITE_READERS && index < 0; i++)
        if (self->reader_holder[i] == NULL)
          index = i;
      if (index < 0)
        g_cond_wait (&self->reader_freed, &self->readers_lock);
    }
  self->reader_holder[index] = thread;
  self->reader_holds[index]++;
  g_mutex_unlock (&self->readers_lock);

  conn = &self->readers[index];
  scope->conn = conn;
  scope->reader = index;
  if (snapshot && conn->depth == 0 &&
      sqlite3_exec (conn->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    scope->snapshot = TRUE;
  conn->depth++;
}

void
_od_sqlite_store_read_end (OdSqliteScope *scope)
{
  OdSqliteStore *self = scope->store;

  if (scope->conn == &self->writer)
    {
      g_rec_mutex_unlock (&self->write_lock);
      return;
    }

  scope->conn->depth--;
  if (scope->snapshot)
    sqlite3_exec (scope->conn->db, "COMMIT", NULL, NULL, NULL);

  g_mutex_lock (&self->readers_lock);
  if (--self->reader_holds[scope->reader] == 0)
    {
      self->reader_holder[scope->reader] = NULL;
      g_cond_signal (&self->reader_freed);
    }
  g_mutex_unlock (&self->readers_lock);
}

/* OdStore: transactions */

static gboolean
od_sqlite_store_begin (OdStore  *store,
                       GError  **error)
{
  OdSqliteStore *self = OD_SQLITE_STORE (store);

  g_rec_mutex_lock (&self->write_lock);

  if (owns_transaction (self))
    {
      g_rec_mutex_unlock (&self->write_lock);
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TRANSACTION,
                   _("A unit of work is already open on this thread"));
      return FALSE;
    }

  if (!conn_exec (&self->writer, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->write_lock);
      return FALSE;
    }

  g_atomic_pointer_set (&self->txn_owner, g_thread_self ());
  return TRUE;
}

static void
end_transaction (OdSqliteStore *self)
{
  g_atomic_pointer_set (&self->txn_owner, NULL);
  g_rec_mutex_unlock (&self->write_lock);
}

static gboolean
od_sqlite_store_commit (OdStore  *store,
                        GError  **error)
{
  OdSqliteStore *self = OD_SQLITE_STORE (store);
  gboolean ok;

  if (!owns_transaction (self))
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TRANSACTION,
                   _("There is no unit of work to commit on this thread"));
      return FALSE;
    }

  ok = conn_exec (&self->writer, "COMMIT", error);
  if (!ok && !sqlite3_get_autocommit (self->writer.db))
    sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);

  end_transaction (self);
  return ok;
}

static void
od_sqlite_store_rollback (OdStore *store)
{
  OdSqliteStore *self = OD_SQLITE_STORE (store);

  g_return_if_fail (owns_transaction (self));

  if (!sqlite3_get_autocommit (self->writer.db))
    sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);

  end_transaction (self);
}

static guint
od_sqlite_store_get_schema_version (OdStore *store)
{
  return OD_SQLITE_STORE (store)->schema_version;
}

/* GInitable */

static gboolean
setup_writer (OdSqliteStore  *self,
              GError        **error)
{
  g_autofree char *backup_path = NULL;
  const char * const *migrations;
  guint n_migrations;
  sqlite3_stmt *stmt;
  gboolean wal = FALSE;
  gint version;
  int rc;

  if (!conn_open (&self->writer, self->path, FALSE, error))
    return FALSE;

  /* journal_mode answers with the mode it ended up in. */
  rc = sqlite3_prepare_v2 (self->writer.db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _od_sqlite_set_error (error, self->writer.db, rc, _("Could not open the ledger"));
      return FALSE;
    }
  if (!wal)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("Could not switch the ledger “%s” to write-ahead logging"),
                   self->path);
      return FALSE;
    }

  /* A big page cache keeps a large import's index pages in memory
   * instead of spilling them to the WAL and reading them back. */
  rc = sqlite3_exec (self->writer.db,
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA cache_size = -65536;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _od_sqlite_set_error (error, self->writer.db, rc, _("Could not open the ledger"));
      return FALSE;
    }

  migrations = _od_sqlite_schema_get_migrations (&n_migrations);
  if (!_od_sqlite_schema_migrate (self->writer.db, migrations, n_migrations,
                                  &backup_path, error))
    return FALSE;
  self->backup_path = g_steal_pointer (&backup_path);

  version = _od_sqlite_schema_get_version (self->writer.db, error);
  if (version < 0)
    return FALSE;
  self->schema_version = version;
  return TRUE;
}

static gboolean
od_sqlite_store_initable_init_impl (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  OdSqliteStore *self = OD_SQLITE_STORE (initable);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  gboolean ok;

  if (self->path == NULL || *self->path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No ledger file was given"));
      return FALSE;
    }

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  ok = setup_writer (self, &local_error);
  for (guint i = 0; ok && i < OD_SQLITE_READERS; i++)
    ok = conn_open (&self->readers[i], self->path, TRUE, &local_error);
  if (!ok)
    {
      close_all (self);
      if (g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT))
        {
          g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT,
                       _("“%s” is not an Overdue ledger or is damaged"),
                       self->path);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No mmap: with several readers each mapping would count the ledger's
   * pages in the window's RSS again, and on 1M invoices it saved nothing
   * measurable (plan 0.31 s either way; aging 1.18 s without, 1.33 s
   * with, and 48 MiB of RSS instead of 368). */
  for (guint i = 0; i < OD_SQLITE_READERS; i++)
    sqlite3_exec (self->readers[i].db, "PRAGMA query_only = ON", NULL, NULL, NULL);

  /* Overdue's own templates: seeded into a new ledger, refreshed where
   * still unedited after an upgrade. Another program holding the ledger
   * will have done it or does it next time. */
  if (!_od_sqlite_store_sync_templates (self, &local_error))
    {
      if (!g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_BUSY))
        {
          close_all (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }
  return TRUE;
}

static void
od_sqlite_store_initable_init (GInitableIface *iface)
{
  iface->init = od_sqlite_store_initable_init_impl;
}

static void
od_sqlite_store_store_init (OdStoreInterface *iface)
{
  iface->begin = od_sqlite_store_begin;
  iface->commit = od_sqlite_store_commit;
  iface->rollback = od_sqlite_store_rollback;
  iface->get_schema_version = od_sqlite_store_get_schema_version;
  iface->get_business = _od_sqlite_store_get_business;
  iface->set_business = _od_sqlite_store_set_business;
  iface->get_setting = _od_sqlite_store_get_setting;
  iface->set_setting = _od_sqlite_store_set_setting;
  iface->insert_customer = _od_sqlite_store_insert_customer;
  iface->update_customer = _od_sqlite_store_update_customer;
  iface->delete_customer = _od_sqlite_store_delete_customer;
  iface->get_customer = _od_sqlite_store_get_customer;
  iface->find_customer = _od_sqlite_store_find_customer;
  iface->count_customers = _od_sqlite_store_count_customers;
  iface->query_customer_ids = _od_sqlite_store_query_customer_ids;
  iface->load_customers = _od_sqlite_store_load_customers;
  iface->foreach_customer = _od_sqlite_store_foreach_customer;
  iface->insert_invoice = _od_sqlite_store_insert_invoice;
  iface->update_invoice = _od_sqlite_store_update_invoice;
  iface->delete_invoice = _od_sqlite_store_delete_invoice;
  iface->get_invoice = _od_sqlite_store_get_invoice;
  iface->find_invoice = _od_sqlite_store_find_invoice;
  iface->count_invoices = _od_sqlite_store_count_invoices;
  iface->query_invoice_ids = _od_sqlite_store_query_invoice_ids;
  iface->load_invoices = _od_sqlite_store_load_invoices;
  iface->foreach_invoice = _od_sqlite_store_foreach_invoice;
  iface->insert_payment = _od_sqlite_store_insert_payment;
  iface->list_payments = _od_sqlite_store_list_payments;
  iface->foreach_payment = _od_sqlite_store_foreach_payment;
  iface->insert_charge = _od_sqlite_store_insert_charge;
  iface->list_charges = _od_sqlite_store_list_charges;
  iface->insert_pause = _od_sqlite_store_insert_pause;
  iface->insert_payment_plan = _od_sqlite_store_insert_payment_plan;
  iface->resolve_pauses = _od_sqlite_store_resolve_pauses;
  iface->list_pauses = _od_sqlite_store_list_pauses;
  iface->add_history = _od_sqlite_store_add_history;
  iface->add_audit = _od_sqlite_store_add_audit;
  iface->get_policy = _od_sqlite_store_get_policy;
  iface->set_policy = _od_sqlite_store_set_policy;
  iface->set_risk_levels = _od_sqlite_store_set_risk_levels;
  iface->get_risk_level = _od_sqlite_store_get_risk_level;
  iface->load_dunning_snapshot = _od_sqlite_store_load_dunning_snapshot;
  iface->load_dunning_snapshot_for_invoice = _od_sqlite_store_load_dunning_snapshot_for_invoice;
  iface->outbox_enqueue = _od_sqlite_store_outbox_enqueue;
  iface->outbox_claim = _od_sqlite_store_outbox_claim;
  iface->outbox_finish = _od_sqlite_store_outbox_finish;
  iface->outbox_decide = _od_sqlite_store_outbox_decide;
  iface->outbox_list = _od_sqlite_store_outbox_list;
  iface->outbox_count = _od_sqlite_store_outbox_count;
  iface->foreach_communication = _od_sqlite_store_foreach_communication;
  iface->get_template = _od_sqlite_store_get_template;
  iface->set_template = _od_sqlite_store_set_template;
  iface->delete_template = _od_sqlite_store_delete_template;
  iface->list_templates = _od_sqlite_store_list_templates;
  iface->foreach_aging = _od_sqlite_store_foreach_aging;
  iface->sum_receivables = _od_sqlite_store_sum_receivables;
  iface->sum_receivables_at = _od_sqlite_store_sum_receivables_at;
  iface->sum_sales = _od_sqlite_store_sum_sales;
  iface->foreach_behaviour = _od_sqlite_store_foreach_behaviour;
  iface->foreach_outcome = _od_sqlite_store_foreach_outcome;
}

/* GObject */

static void
od_sqlite_store_finalize (GObject *object)
{
  OdSqliteStore *self = OD_SQLITE_STORE (object);

  close_all (self);
  g_mutex_clear (&self->readers_lock);
  g_cond_clear (&self->reader_freed);
  g_rec_mutex_clear (&self->write_lock);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (od_sqlite_store_parent_class)->finalize (object);
}

static void
od_sqlite_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdSqliteStore *self = OD_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_BACKUP_PATH:
      g_value_set_string (value, self->backup_path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_uint (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_sqlite_store_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdSqliteStore *self = OD_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_sqlite_store_class_init (OdSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_sqlite_store_finalize;
  object_class->get_property = od_sqlite_store_get_property;
  object_class->set_property = od_sqlite_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKUP_PATH] =
    g_param_spec_string ("backup-path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_uint ("schema-version", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_sqlite_store_init (OdSqliteStore *self)
{
  g_rec_mutex_init (&self->write_lock);
  g_mutex_init (&self->readers_lock);
  g_cond_init (&self->reader_freed);
}

/* Public API */

/**
 * od_sqlite_store_new:
 * @path: the ledger file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
OdSqliteStore *
od_sqlite_store_new (const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (OD_TYPE_SQLITE_STORE, NULL, error,
                         "path", path,
                         NULL);
}

const char *
od_sqlite_store_get_path (OdSqliteStore *self)
{
  g_return_val_if_fail (OD_IS_SQLITE_STORE (self), NULL);

  return self->path;
}

const char *
od_sqlite_store_get_backup_path (OdSqliteStore *self)
{
  g_return_val_if_fail (OD_IS_SQLITE_STORE (self), NULL);

  return self->backup_path;
}

char *
od_sqlite_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "overdue", "ledger.db", NULL);
}
