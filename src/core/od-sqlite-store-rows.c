/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

/* The readers OdSqliteStore shares between kinds of rows that carry
 * children: customers with their contacts, invoices with their lines. */

gboolean
_od_sqlite_attach_children (OdSqliteConn           *conn,
                            const OdSqliteRowKind  *kind,
                            GHashTable             *by_id,
                            const char             *ids_json,
                            GError                **error)
{
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn, kind->children_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_TRANSIENT);
  while ((row = _od_sqlite_next (conn, stmt, _(kind->read_children), error)) == 1)
    {
      gint64 parent_id = sqlite3_column_int64 (stmt, 0);
      gpointer parent = g_hash_table_lookup (by_id, &parent_id);
      g_autoptr(GObject) child = kind->child_from_row (stmt);

      if (parent != NULL)
        kind->add_child (parent, child);
    }
  sqlite3_reset (stmt);
  return row == 0;
}

GArray *
_od_sqlite_read_ids (OdSqliteConn  *conn,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int row;

  if (stmt == NULL)
    return NULL;

  while ((row = _od_sqlite_next (conn, stmt, what, error)) == 1)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return row == 0 ? g_steal_pointer (&ids) : NULL;
}

gboolean
_od_sqlite_store_read_one (OdStore                *store,
                           const OdSqliteRowKind  *kind,
                           const char             *sql,
                           gint64                  id,
                           const char             *key,
                           gpointer               *out_row,
                           GError                **error)
{
  g_autoptr(GObject) object = NULL;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      int row;

      if (key != NULL)
        sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, id);
      row = _od_sqlite_next (scope.conn, stmt, _(kind->read_row), error);
      if (row == 1)
        object = kind->from_row (stmt);
      ok = row >= 0;
      sqlite3_reset (stmt);
    }
  if (ok && object != NULL)
    {
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree char *json = NULL;
      gint64 row_id = kind->get_id (object);

      json = _od_sqlite_ids_json (&row_id, 1);
      g_hash_table_insert (by_id, &row_id, object);
      ok = _od_sqlite_attach_children (scope.conn, kind, by_id, json, error);
    }
  _od_sqlite_store_read_end (&scope);

  if (!ok)
    return FALSE;
  *out_row = g_steal_pointer (&object);
  return TRUE;
}

GPtrArray *
_od_sqlite_store_load_rows (OdStore                *store,
                            const OdSqliteRowKind  *kind,
                            const char             *sql,
                            const gint64           *ids,
                            guint                   n_ids,
                            GError                **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *json = NULL;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  json = _od_sqlite_ids_json (ids, n_ids);

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
      while ((row = _od_sqlite_next (scope.conn, stmt, _(kind->read_rows), error)) == 1)
        {
          gpointer object = kind->from_row (stmt);
          gint64 *key = g_new (gint64, 1);

          *key = kind->get_id (object);
          g_hash_table_insert (by_id, key, object);
        }
      sqlite3_reset (stmt);
    }
  if (row == 0 && !_od_sqlite_attach_children (scope.conn, kind, by_id, json, error))
    row = -1;
  _od_sqlite_store_read_end (&scope);

  if (row != 0)
    return NULL;

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer object = g_hash_table_lookup (by_id, &ids[i]);

      if (object != NULL)
        g_ptr_array_add (result, g_object_ref (object));
    }
  return g_steal_pointer (&result);
}

gboolean
_od_sqlite_store_foreach_row (OdStore                *store,
                              const OdSqliteRowKind  *kind,
                              const char             *sql,
                              OdSqliteRowFunc         func,
                              gpointer                user_data,
                              GError                **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *rows = NULL;
  sqlite3_stmt *children = NULL;
  gboolean have_child = FALSE;
  gboolean ok = TRUE;
  int rc;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);

  rc = sqlite3_prepare_v2 (scope.conn->db, sql, -1, &rows, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (scope.conn->db, kind->all_children_sql,
                             -1, &children, NULL);
  if (rc != SQLITE_OK)
    {
      _od_sqlite_set_error (error, scope.conn->db, rc, _(kind->read_rows));
      ok = FALSE;
    }

  if (ok)
    {
      int c = _od_sqlite_next (scope.conn, children, _(kind->read_children), error);

      have_child = c == 1;
      ok = c >= 0;
    }

  while (ok)
    {
      g_autoptr(GObject) object = NULL;
      gint64 id;
      int row = _od_sqlite_next (scope.conn, rows, _(kind->read_rows), error);

      if (row <= 0)
        {
          ok = row == 0;
          break;
        }
      object = kind->from_row (rows);
      id = kind->get_id (object);

      while (ok && have_child && sqlite3_column_int64 (children, 0) <= id)
        {
          int c;

          if (sqlite3_column_int64 (children, 0) == id)
            {
              g_autoptr(GObject) child = kind->child_from_row (children);

              kind->add_child (object, child);
            }
          c = _od_sqlite_next (scope.conn, children, _(kind->read_children), error);
          have_child = c == 1;
          ok = c >= 0;
        }

      if (ok && !func (object, user_data, error))
        ok = FALSE;
    }

  sqlite3_finalize (children);
  sqlite3_finalize (rows);
  _od_sqlite_store_read_end (&scope);
  return ok;
}
