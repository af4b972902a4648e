/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

#define INVOICE_COLUMNS \
  "i.id, i.number, i.customer_id, c.ref, c.name, i.issue_date, i.due_date," \
  " i.currency, i.total_minor, i.paid_minor, i.status"
#define INVOICE_FROM " FROM invoices i JOIN customers c ON c.id = i.customer_id"
#define LINE_COLUMNS \
  "invoice_id, description, quantity_milli, unit_price_minor, tax_rate_bp"

static OdInvoice *
invoice_from_row (sqlite3_stmt *stmt)
{
  OdInvoice *invoice = od_invoice_new ();
  OdInvoiceStatus status = OD_INVOICE_STATUS_OPEN;
  GDate date;

  od_invoice_set_id (invoice, sqlite3_column_int64 (stmt, 0));
  od_invoice_set_number (invoice, _od_sqlite_column_text (stmt, 1));
  od_invoice_set_customer_id (invoice, sqlite3_column_int64 (stmt, 2));
  od_invoice_set_customer_ref (invoice, _od_sqlite_column_text (stmt, 3));
  od_invoice_set_customer_name (invoice, _od_sqlite_column_text (stmt, 4));
  _od_sqlite_column_date (stmt, 5, &date);
  od_invoice_set_issue_date (invoice, &date);
  _od_sqlite_column_date (stmt, 6, &date);
  od_invoice_set_due_date (invoice, &date);
  od_invoice_set_currency (invoice, _od_sqlite_column_text (stmt, 7));
  od_invoice_set_total (invoice, sqlite3_column_int64 (stmt, 8));
  od_invoice_set_paid (invoice, sqlite3_column_int64 (stmt, 9));
  if (od_invoice_status_from_string (_od_sqlite_column_text (stmt, 10), &status))
    od_invoice_set_status (invoice, status);
  return invoice;
}

static OdInvoiceLine *
line_from_row (sqlite3_stmt *stmt)
{
  OdInvoiceLine *line = od_invoice_line_new ();

  od_invoice_line_set_description (line, _od_sqlite_column_text (stmt, 1));
  od_invoice_line_set_quantity_milli (line, sqlite3_column_int64 (stmt, 2));
  od_invoice_line_set_unit_price (line, sqlite3_column_int64 (stmt, 3));
  od_invoice_line_set_tax_rate_bp (line, sqlite3_column_int (stmt, 4));
  return line;
}

static gpointer
row_from_stmt (sqlite3_stmt *stmt)
{
  return invoice_from_row (stmt);
}

static gint64
row_id (gpointer row)
{
  return od_invoice_get_id (row);
}

static gpointer
child_from_stmt (sqlite3_stmt *stmt)
{
  return line_from_row (stmt);
}

static void
add_child (gpointer row,
           gpointer child)
{
  od_invoice_add_line (row, child);
}

static const OdSqliteRowKind invoice_rows = {
  .from_row = row_from_stmt,
  .get_id = row_id,
  .child_from_row = child_from_stmt,
  .add_child = add_child,
  .children_sql = "SELECT " LINE_COLUMNS " FROM invoice_lines"
                  " WHERE invoice_id IN (SELECT value FROM json_each (?))"
                  " ORDER BY invoice_id, position",
  .all_children_sql = "SELECT " LINE_COLUMNS " FROM invoice_lines"
                      " ORDER BY invoice_id, position",
  .read_row = N_("Could not read the invoice"),
  .read_rows = N_("Could not read invoices"),
  .read_children = N_("Could not read invoice lines"),
};

static gboolean
write_lines (OdSqliteConn  *conn,
             OdInvoice     *invoice,
             GError       **error)
{
  GListModel *lines = od_invoice_get_lines (invoice);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdInvoiceLine) line = g_list_model_get_item (lines, i);
      sqlite3_stmt *stmt;

      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO invoice_lines (invoice_id, position,"
                                 " description, quantity_milli, unit_price_minor,"
                                 " tax_rate_bp) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, od_invoice_get_id (invoice));
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, od_invoice_line_get_description (line) != NULL
                                    ? od_invoice_line_get_description (line) : "",
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, od_invoice_line_get_quantity_milli (line));
      sqlite3_bind_int64 (stmt, 5, od_invoice_line_get_unit_price (line));
      sqlite3_bind_int (stmt, 6, od_invoice_line_get_tax_rate_bp (line));
      if (!_od_sqlite_run (conn, stmt, _("Could not save an invoice line"), error))
        return FALSE;
    }
  return TRUE;
}

/* The invoice's customer: its id, else the customer with its ref. */
static gint64
resolve_customer (OdSqliteConn  *conn,
                  OdInvoice     *invoice,
                  GError       **error)
{
  const char *ref = od_invoice_get_customer_ref (invoice);
  gint64 id = od_invoice_get_customer_id (invoice);

  if (id > 0)
    return id;

  if (ref == NULL || *ref == '\0')
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("Invoice “%s” has no customer"), od_invoice_get_number (invoice));
      return 0;
    }

  id = _od_sqlite_store_customer_id_for_ref (conn, ref, error);
  if (id == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("There is no customer with the reference “%s”"), ref);
  return MAX (id, 0);
}

static gboolean
run_invoice_write (OdSqliteConn  *conn,
                   sqlite3_stmt  *stmt,
                   OdInvoice     *invoice,
                   gint64         customer_id,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
                 _("An invoice numbered “%s” already exists"),
                 od_invoice_get_number (invoice));
  else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Customer %" PRId64 " does not exist"), customer_id);
  else
    _od_sqlite_set_error (error, conn->db, rc, _("Could not save the invoice"));
  return FALSE;
}

static void
bind_invoice (sqlite3_stmt *stmt,
              OdInvoice    *invoice,
              gint64        customer_id)
{
  _od_sqlite_bind_text (stmt, 1, od_invoice_get_number (invoice));
  sqlite3_bind_int64 (stmt, 2, customer_id);
  _od_sqlite_bind_date (stmt, 3, od_invoice_get_issue_date (invoice));
  _od_sqlite_bind_date (stmt, 4, od_invoice_get_due_date (invoice));
  _od_sqlite_bind_text (stmt, 5, od_invoice_get_currency (invoice));
  sqlite3_bind_int64 (stmt, 6, od_invoice_get_total (invoice));
  _od_sqlite_bind_text (stmt, 7, od_invoice_status_to_string (od_invoice_get_status (invoice)));
}

gboolean
_od_sqlite_store_insert_invoice (OdStore    *store,
                                 OdInvoice  *invoice,
                                 GError    **error)
{
  gboolean several = g_list_model_get_n_items (od_invoice_get_lines (invoice)) > 0;
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gint64 customer_id;
  gboolean ok = FALSE;

  if (!od_invoice_validate (invoice, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, several, error))
    return FALSE;

  customer_id = resolve_customer (scope.conn, invoice, error);
  if (customer_id > 0)
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO invoices (number, customer_id, issue_date,"
                               " due_date, currency, total_minor, status)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt != NULL)
    {
      bind_invoice (stmt, invoice, customer_id);
      ok = run_invoice_write (scope.conn, stmt, invoice, customer_id, error);
    }
  if (ok)
    {
      od_invoice_set_id (invoice, sqlite3_last_insert_rowid (scope.conn->db));
      ok = write_lines (scope.conn, invoice, error);
      if (!ok)
        od_invoice_set_id (invoice, 0);
    }

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  if (ok)
    {
      od_invoice_set_customer_id (invoice, customer_id);
      od_invoice_set_paid (invoice, 0);
    }
  else
    od_invoice_set_id (invoice, 0);
  return ok;
}

gboolean
_od_sqlite_store_update_invoice (OdStore    *store,
                                 OdInvoice  *invoice,
                                 GError    **error)
{
  gint64 id = od_invoice_get_id (invoice);
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gint64 customer_id;
  gboolean ok = FALSE;

  if (!od_invoice_validate (invoice, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  /* paid_minor is the sum of the payments: never written from here. */
  customer_id = resolve_customer (scope.conn, invoice, error);
  if (customer_id > 0)
    stmt = _od_sqlite_prepare (scope.conn,
                               "UPDATE invoices SET number = ?, customer_id = ?,"
                               " issue_date = ?, due_date = ?, currency = ?,"
                               " total_minor = ?, status = ? WHERE id = ?8", error);
  if (stmt != NULL)
    {
      bind_invoice (stmt, invoice, customer_id);
      sqlite3_bind_int64 (stmt, 8, id);
      ok = run_invoice_write (scope.conn, stmt, invoice, customer_id, error);
    }
  if (ok && sqlite3_changes (scope.conn->db) == 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("Invoice %" PRId64 " does not exist"), id);
      ok = FALSE;
    }
  if (ok)
    {
      stmt = _od_sqlite_prepare (scope.conn, "DELETE FROM invoice_lines WHERE invoice_id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the invoice"), error);
        }
    }
  if (ok)
    ok = write_lines (scope.conn, invoice, error);

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  if (ok)
    od_invoice_set_customer_id (invoice, customer_id);
  return ok;
}

gboolean
_od_sqlite_store_delete_invoice (OdStore  *store,
                                 gint64    id,
                                 GError  **error)
{
  g_autofree char *number = NULL;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gint64 n_payments = 0;
  gboolean ok = FALSE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT number, (SELECT count(*) FROM payments"
                             " WHERE invoice_id = i.id) FROM invoices i WHERE id = ?",
                             error);
  if (stmt != NULL)
    {
      int row;

      sqlite3_bind_int64 (stmt, 1, id);
      row = _od_sqlite_next (scope.conn, stmt, _("Could not read the invoice"), error);
      if (row == 1)
        {
          number = g_strdup (_od_sqlite_column_text (stmt, 0));
          n_payments = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
      else if (row == 0)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     _("Invoice %" PRId64 " does not exist"), id);
      sqlite3_reset (stmt);
    }

  if (ok && n_payments > 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_IN_USE,
                   _("Invoice “%s” has payments; void it instead"), number);
      ok = FALSE;
    }
  if (ok)
    {
      stmt = _od_sqlite_prepare (scope.conn, "DELETE FROM invoices WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _od_sqlite_run (scope.conn, stmt, _("Could not delete the invoice"), error);
        }
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

OdInvoice *
_od_sqlite_store_get_invoice (OdStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_autoptr(OdInvoice) invoice = NULL;

  if (!_od_sqlite_store_read_one (store, &invoice_rows,
                                  "SELECT " INVOICE_COLUMNS INVOICE_FROM " WHERE i.id = ?",
                                  id, NULL, (gpointer *) &invoice, error))
    return NULL;
  if (invoice == NULL)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Invoice %" PRId64 " does not exist"), id);
  return g_steal_pointer (&invoice);
}

OdInvoice *
_od_sqlite_store_find_invoice (OdStore     *store,
                               const char  *number,
                               GError     **error)
{
  OdInvoice *invoice = NULL;

  if (!_od_sqlite_store_read_one (store, &invoice_rows,
                                  "SELECT " INVOICE_COLUMNS INVOICE_FROM " WHERE i.number = ?",
                                  0, number, (gpointer *) &invoice, error))
    return NULL;
  return invoice;
}

static const char *
sort_column (OdInvoiceSort sort)
{
  switch (sort)
    {
    case OD_INVOICE_SORT_DUE_DATE:
      return "i.due_date";
    case OD_INVOICE_SORT_ISSUE_DATE:
      return "i.issue_date";
    case OD_INVOICE_SORT_CUSTOMER:
      return "c.name COLLATE NOCASE";
    case OD_INVOICE_SORT_TOTAL:
      return "i.total_minor";
    case OD_INVOICE_SORT_OUTSTANDING:
      return "i.total_minor - i.paid_minor";
    case OD_INVOICE_SORT_NUMBER:
    default:
      return "i.number";
    }
}

/* Builds and binds "SELECT @what FROM invoices i … WHERE …" for @query;
 * @ordered adds the query's order with the id as the last tie-breaker. */
static sqlite3_stmt *
prepare_query (OdSqliteConn          *conn,
               const char            *what,
               gboolean               ordered,
               const OdInvoiceQuery  *query,
               GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  gboolean search = query->search != NULL && *query->search != '\0';
  gboolean join = search || (ordered && query->sort == OD_INVOICE_SORT_CUSTOMER);
  const char *direction = query->descending ? "DESC" : "ASC";
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "%s FROM invoices i", what);
  if (join)
    g_string_append (sql, " JOIN customers c ON c.id = i.customer_id");
  g_string_append (sql, " WHERE 1");

  switch (query->filter)
    {
    case OD_INVOICE_FILTER_OPEN:
      g_string_append (sql, " AND i.status = 'open'");
      break;
    case OD_INVOICE_FILTER_OVERDUE:
      g_string_append (sql, " AND i.status = 'open' AND i.due_date < ?1");
      break;
    case OD_INVOICE_FILTER_PAID:
      g_string_append (sql, " AND i.status = 'paid'");
      break;
    case OD_INVOICE_FILTER_DISPUTED:
      g_string_append (sql, " AND i.status = 'open' AND i.id IN (SELECT p.invoice_id FROM pauses p"
                            " WHERE p.kind = 'dispute' AND p.resolved_at IS NULL)");
      break;
    case OD_INVOICE_FILTER_ON_HOLD:
      g_string_append (sql, " AND i.status = 'open' AND i.id IN (SELECT p.invoice_id FROM pauses p"
                            " WHERE p.kind = 'hold' AND p.resolved_at IS NULL)");
      break;
    case OD_INVOICE_FILTER_ON_PLAN:
      g_string_append (sql, " AND i.status = 'open' AND i.id IN (SELECT pp.invoice_id FROM payment_plans pp"
                            " WHERE pp.status = 'active')");
      break;
    case OD_INVOICE_FILTER_ALL:
    default:
      break;
    }
  if (query->customer_id > 0)
    g_string_append (sql, " AND i.customer_id = ?2");
  if (search)
    g_string_append (sql, " AND (i.number LIKE ?3 ESCAPE '\\'"
                          " OR c.name LIKE ?4 ESCAPE '\\' OR c.ref LIKE ?4 ESCAPE '\\')");
  if (ordered)
    g_string_append_printf (sql, " ORDER BY %s %s, i.id %s",
                            sort_column (query->sort), direction, direction);

  stmt = _od_sqlite_prepare (conn, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (query->filter == OD_INVOICE_FILTER_OVERDUE)
    {
      GDate today = query->today;

      if (!g_date_valid (&today))
        g_date_set_time_t (&today, time (NULL));
      _od_sqlite_bind_date (stmt, 1, &today);
    }
  if (query->customer_id > 0)
    sqlite3_bind_int64 (stmt, 2, query->customer_id);
  if (search)
    {
      g_autofree char *prefix = _od_sqlite_like_pattern (query->search, TRUE);
      g_autofree char *substring = _od_sqlite_like_pattern (query->search, FALSE);

      sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, substring, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

gint64
_od_sqlite_store_count_invoices (OdStore               *store,
                                 const OdInvoiceQuery  *query,
                                 GError               **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = prepare_query (scope.conn, "count(*)", FALSE, query, error);
  if (stmt != NULL)
    {
      if (_od_sqlite_next (scope.conn, stmt, _("Could not count invoices"), error) == 1)
        count = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);

  return count;
}

GArray *
_od_sqlite_store_query_invoice_ids (OdStore               *store,
                                    const OdInvoiceQuery  *query,
                                    GError               **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  GArray *ids;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = prepare_query (scope.conn, "i.id", TRUE, query, error);
  ids = _od_sqlite_read_ids (scope.conn, stmt, _("Could not list invoices"), error);
  _od_sqlite_store_read_end (&scope);

  return ids;
}

GPtrArray *
_od_sqlite_store_load_invoices (OdStore       *store,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  return _od_sqlite_store_load_rows (store, &invoice_rows,
                                     "SELECT " INVOICE_COLUMNS INVOICE_FROM
                                     " WHERE i.id IN (SELECT value FROM json_each (?))",
                                     ids, n_ids, error);
}

gboolean
_od_sqlite_store_foreach_invoice (OdStore             *store,
                                  OdStoreInvoiceFunc   func,
                                  gpointer             user_data,
                                  GError             **error)
{
  return _od_sqlite_store_foreach_row (store, &invoice_rows,
                                       "SELECT " INVOICE_COLUMNS INVOICE_FROM " ORDER BY i.id",
                                       (OdSqliteRowFunc) func, user_data, error);
}
