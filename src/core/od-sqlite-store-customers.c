/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

#define CUSTOMER_COLUMNS \
  "c.id, c.ref, c.name, c.address, c.city, c.postcode, c.country," \
  " c.language, c.time_zone, c.credit_limit_minor, c.credit_currency," \
  " c.notes, c.do_not_chase, c.opted_out, c.archived"

#define CONTACT_COLUMNS "customer_id, id, name, email, phone, role"

static OdCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  OdCustomer *customer = od_customer_new ();

  od_customer_set_id (customer, sqlite3_column_int64 (stmt, 0));
  od_customer_set_ref (customer, _od_sqlite_column_text (stmt, 1));
  od_customer_set_name (customer, _od_sqlite_column_text (stmt, 2));
  od_customer_set_address (customer, _od_sqlite_column_text (stmt, 3));
  od_customer_set_city (customer, _od_sqlite_column_text (stmt, 4));
  od_customer_set_postcode (customer, _od_sqlite_column_text (stmt, 5));
  od_customer_set_country (customer, _od_sqlite_column_text (stmt, 6));
  od_customer_set_language (customer, _od_sqlite_column_text (stmt, 7));
  od_customer_set_time_zone (customer, _od_sqlite_column_text (stmt, 8));
  od_customer_set_credit_limit (customer, sqlite3_column_int64 (stmt, 9));
  od_customer_set_credit_currency (customer, _od_sqlite_column_text (stmt, 10));
  od_customer_set_notes (customer, _od_sqlite_column_text (stmt, 11));
  od_customer_set_do_not_chase (customer, sqlite3_column_int (stmt, 12) != 0);
  od_customer_set_opted_out (customer, (OdChannel) sqlite3_column_int (stmt, 13));
  od_customer_set_archived (customer, sqlite3_column_int (stmt, 14) != 0);
  return customer;
}

static OdContact *
contact_from_row (sqlite3_stmt *stmt)
{
  OdContact *contact = od_contact_new ();
  OdContactRole role = OD_CONTACT_ROLE_BILLING;

  od_contact_set_customer_id (contact, sqlite3_column_int64 (stmt, 0));
  od_contact_set_id (contact, sqlite3_column_int64 (stmt, 1));
  od_contact_set_name (contact, _od_sqlite_column_text (stmt, 2));
  od_contact_set_email (contact, _od_sqlite_column_text (stmt, 3));
  od_contact_set_phone (contact, _od_sqlite_column_text (stmt, 4));
  if (od_contact_role_from_string (_od_sqlite_column_text (stmt, 5), &role))
    od_contact_set_role (contact, role);
  return contact;
}

static gpointer
row_from_stmt (sqlite3_stmt *stmt)
{
  return customer_from_row (stmt);
}

static gint64
row_id (gpointer row)
{
  return od_customer_get_id (row);
}

static gpointer
child_from_stmt (sqlite3_stmt *stmt)
{
  return contact_from_row (stmt);
}

static void
add_child (gpointer row,
           gpointer child)
{
  od_customer_add_contact (row, child);
}

static const OdSqliteRowKind customer_rows = {
  .from_row = row_from_stmt,
  .get_id = row_id,
  .child_from_row = child_from_stmt,
  .add_child = add_child,
  .children_sql = "SELECT " CONTACT_COLUMNS " FROM contacts"
                  " WHERE customer_id IN (SELECT value FROM json_each (?))"
                  " ORDER BY customer_id, id",
  .all_children_sql = "SELECT " CONTACT_COLUMNS " FROM contacts"
                      " ORDER BY customer_id, id",
  .read_row = N_("Could not read the customer"),
  .read_rows = N_("Could not read customers"),
  .read_children = N_("Could not read contacts"),
};

static gboolean
write_contacts (OdSqliteConn  *conn,
                OdCustomer    *customer,
                GError       **error)
{
  GListModel *contacts = od_customer_get_contacts (customer);
  gint64 customer_id = od_customer_get_id (customer);
  guint n = g_list_model_get_n_items (contacts);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdContact) contact = g_list_model_get_item (contacts, i);

      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO contacts (customer_id, name, email, phone, role)"
                                 " VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      _od_sqlite_bind_text (stmt, 2, od_contact_get_name (contact));
      _od_sqlite_bind_text (stmt, 3, od_contact_get_email (contact));
      _od_sqlite_bind_text (stmt, 4, od_contact_get_phone (contact));
      _od_sqlite_bind_text (stmt, 5, od_contact_role_to_string (od_contact_get_role (contact)));
      if (!_od_sqlite_run (conn, stmt, _("Could not save a contact"), error))
        return FALSE;
      od_contact_set_id (contact, sqlite3_last_insert_rowid (conn->db));
      od_contact_set_customer_id (contact, customer_id);
    }
  return TRUE;
}

static void
bind_customer (sqlite3_stmt *stmt,
               OdCustomer   *customer)
{
  _od_sqlite_bind_text (stmt, 1, od_customer_get_ref (customer));
  _od_sqlite_bind_text (stmt, 2, od_customer_get_name (customer));
  _od_sqlite_bind_text (stmt, 3, od_customer_get_address (customer));
  _od_sqlite_bind_text (stmt, 4, od_customer_get_city (customer));
  _od_sqlite_bind_text (stmt, 5, od_customer_get_postcode (customer));
  _od_sqlite_bind_text (stmt, 6, od_customer_get_country (customer));
  _od_sqlite_bind_text (stmt, 7, od_customer_get_language (customer));
  _od_sqlite_bind_text (stmt, 8, od_customer_get_time_zone (customer));
  sqlite3_bind_int64 (stmt, 9, od_customer_get_credit_limit (customer));
  _od_sqlite_bind_text (stmt, 10, od_customer_get_credit_currency (customer));
  _od_sqlite_bind_text (stmt, 11, od_customer_get_notes (customer));
  sqlite3_bind_int (stmt, 12, od_customer_get_do_not_chase (customer) ? 1 : 0);
  sqlite3_bind_int (stmt, 13, (int) od_customer_get_opted_out (customer));
  sqlite3_bind_int (stmt, 14, od_customer_get_archived (customer) ? 1 : 0);
}

static gboolean
run_customer_write (OdSqliteConn  *conn,
                    sqlite3_stmt  *stmt,
                    OdCustomer    *customer,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
                 _("A customer with the reference “%s” already exists"),
                 od_customer_get_ref (customer));
  else
    _od_sqlite_set_error (error, conn->db, rc, _("Could not save the customer"));
  return FALSE;
}

gboolean
_od_sqlite_store_insert_customer (OdStore     *store,
                                  OdCustomer  *customer,
                                  GError     **error)
{
  GListModel *contacts = od_customer_get_contacts (customer);
  gboolean several = g_list_model_get_n_items (contacts) > 0;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!od_customer_validate (customer, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, several, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "INSERT INTO customers (ref, name, address, city, postcode,"
                             " country, language, time_zone, credit_limit_minor,"
                             " credit_currency, notes, do_not_chase, opted_out, archived)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt != NULL)
    {
      bind_customer (stmt, customer);
      ok = run_customer_write (scope.conn, stmt, customer, error);
    }
  if (ok)
    {
      gint64 id = sqlite3_last_insert_rowid (scope.conn->db);

      od_customer_set_id (customer, id);
      ok = write_contacts (scope.conn, customer, error);
      if (!ok)
        od_customer_set_id (customer, 0);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

gboolean
_od_sqlite_store_update_customer (OdStore     *store,
                                  OdCustomer  *customer,
                                  GError     **error)
{
  gint64 id = od_customer_get_id (customer);
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!od_customer_validate (customer, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "UPDATE customers SET ref = ?, name = ?, address = ?,"
                             " city = ?, postcode = ?, country = ?, language = ?,"
                             " time_zone = ?, credit_limit_minor = ?, credit_currency = ?,"
                             " notes = ?, do_not_chase = ?, opted_out = ?, archived = ?"
                             " WHERE id = ?15", error);
  if (stmt != NULL)
    {
      bind_customer (stmt, customer);
      sqlite3_bind_int64 (stmt, 15, id);
      ok = run_customer_write (scope.conn, stmt, customer, error);
    }
  if (ok && sqlite3_changes (scope.conn->db) == 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("Customer %" PRId64 " does not exist"), id);
      ok = FALSE;
    }

  /* The contacts are the customer's: replace them as a whole. */
  if (ok)
    {
      stmt = _od_sqlite_prepare (scope.conn, "DELETE FROM contacts WHERE customer_id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the customer"), error);
        }
    }
  if (ok)
    ok = write_contacts (scope.conn, customer, error);

  return _od_sqlite_store_write_end (&scope, ok, error);
}

gboolean
_od_sqlite_store_delete_customer (OdStore  *store,
                                  gint64    id,
                                  GError  **error)
{
  g_autofree char *name = NULL;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gint64 n_invoices = 0;
  gboolean ok = FALSE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT name, (SELECT count(*) FROM invoices"
                             " WHERE customer_id = c.id) FROM customers c WHERE id = ?",
                             error);
  if (stmt != NULL)
    {
      int row;

      sqlite3_bind_int64 (stmt, 1, id);
      row = _od_sqlite_next (scope.conn, stmt, _("Could not read the customer"), error);
      if (row == 1)
        {
          name = g_strdup (_od_sqlite_column_text (stmt, 0));
          n_invoices = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
      else if (row == 0)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     _("Customer %" PRId64 " does not exist"), id);
      sqlite3_reset (stmt);
    }

  if (ok && n_invoices > 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %d invoice; archive the customer instead",
                                "“%s” still has %d invoices; archive the customer instead",
                                (gulong) n_invoices),
                   name, (int) n_invoices);
      ok = FALSE;
    }

  if (ok)
    {
      stmt = _od_sqlite_prepare (scope.conn, "DELETE FROM customers WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _od_sqlite_run (scope.conn, stmt, _("Could not delete the customer"), error);
        }
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

OdCustomer *
_od_sqlite_store_get_customer (OdStore  *store,
                               gint64    id,
                               GError  **error)
{
  g_autoptr(OdCustomer) customer = NULL;

  if (!_od_sqlite_store_read_one (store, &customer_rows,
                                  "SELECT " CUSTOMER_COLUMNS " FROM customers c WHERE c.id = ?",
                                  id, NULL, (gpointer *) &customer, error))
    return NULL;
  if (customer == NULL)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Customer %" PRId64 " does not exist"), id);
  return g_steal_pointer (&customer);
}

OdCustomer *
_od_sqlite_store_find_customer (OdStore     *store,
                                const char  *ref,
                                GError     **error)
{
  OdCustomer *customer = NULL;

  if (!_od_sqlite_store_read_one (store, &customer_rows,
                                  "SELECT " CUSTOMER_COLUMNS " FROM customers c WHERE c.ref = ?",
                                  0, ref, (gpointer *) &customer, error))
    return NULL;
  return customer;
}

gint64
_od_sqlite_store_customer_id_for_ref (OdSqliteConn  *conn,
                                      const char    *ref,
                                      GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int row;

  stmt = _od_sqlite_prepare (conn, "SELECT id FROM customers WHERE ref = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  row = _od_sqlite_next (conn, stmt, _("Could not read the customer"), error);
  if (row == 1)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return row < 0 ? -1 : id;
}

/* Builds "SELECT @what FROM customers c WHERE …" for @query and binds it. */
static sqlite3_stmt *
prepare_query (OdSqliteConn           *conn,
               const char             *what,
               const char             *order,
               const OdCustomerQuery  *query,
               GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  gboolean search = query->search != NULL && *query->search != '\0';
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "%s FROM customers c WHERE 1", what);
  if (!query->include_archived)
    g_string_append (sql, " AND c.archived = 0");
  if (search)
    g_string_append (sql, " AND (c.name LIKE ?1 ESCAPE '\\' OR c.ref LIKE ?1 ESCAPE '\\')");
  if (order != NULL)
    g_string_append_printf (sql, " ORDER BY %s", order);

  stmt = _od_sqlite_prepare (conn, sql->str, error);
  if (stmt != NULL && search)
    {
      g_autofree char *pattern = _od_sqlite_like_pattern (query->search, FALSE);

      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

gint64
_od_sqlite_store_count_customers (OdStore                *store,
                                  const OdCustomerQuery  *query,
                                  GError                **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = prepare_query (scope.conn, "count(*)", NULL, query, error);
  if (stmt != NULL)
    {
      if (_od_sqlite_next (scope.conn, stmt, _("Could not count customers"), error) == 1)
        count = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);

  return count;
}

GArray *
_od_sqlite_store_query_customer_ids (OdStore                *store,
                                     const OdCustomerQuery  *query,
                                     GError                **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  GArray *ids;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = prepare_query (scope.conn, "c.id", "c.name COLLATE OD_NAME, c.id", query, error);
  ids = _od_sqlite_read_ids (scope.conn, stmt, _("Could not list customers"), error);
  _od_sqlite_store_read_end (&scope);

  return ids;
}

GPtrArray *
_od_sqlite_store_load_customers (OdStore       *store,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GError       **error)
{
  return _od_sqlite_store_load_rows (store, &customer_rows,
                                     "SELECT " CUSTOMER_COLUMNS " FROM customers c"
                                     " WHERE c.id IN (SELECT value FROM json_each (?))",
                                     ids, n_ids, error);
}

gboolean
_od_sqlite_store_foreach_customer (OdStore              *store,
                                   OdStoreCustomerFunc   func,
                                   gpointer              user_data,
                                   GError              **error)
{
  return _od_sqlite_store_foreach_row (store, &customer_rows,
                                       "SELECT " CUSTOMER_COLUMNS " FROM customers c"
                                       " ORDER BY c.id",
                                       (OdSqliteRowFunc) func, user_data, error);
}
