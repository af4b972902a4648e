/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

#define PART_ORDER \
  "CASE part WHEN 'subject' THEN 0 WHEN 'text' THEN 1 WHEN 'html' THEN 2" \
  " WHEN 'sms' THEN 3 ELSE 4 END"

static OdTemplateEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  OdTemplatePart part = OD_TEMPLATE_PART_TEXT;

  od_template_part_from_string (_od_sqlite_column_text (stmt, 2), &part);
  return od_template_entry_new (_od_sqlite_column_text (stmt, 0),
                                _od_sqlite_column_text (stmt, 1),
                                part,
                                _od_sqlite_column_text (stmt, 3) != NULL
                                  ? _od_sqlite_column_text (stmt, 3) : "",
                                sqlite3_column_int (stmt, 4) != 0);
}

static gboolean
upsert (OdSqliteConn           *conn,
        const OdTemplateEntry  *entry,
        gboolean                only_defaults,
        GError                **error)
{
  sqlite3_stmt *stmt;

  /* A shipped text refreshes a row only while nobody has edited it. */
  stmt = _od_sqlite_prepare (conn, only_defaults
    ? "INSERT INTO templates (name, language, part, body, is_default) VALUES (?1, ?2, ?3, ?4, 1)"
      " ON CONFLICT (name, language, part) DO UPDATE SET body = excluded.body,"
      " updated_at = (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
      " WHERE templates.is_default = 1 AND templates.body <> excluded.body"
    : "INSERT INTO templates (name, language, part, body, is_default) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT (name, language, part) DO UPDATE SET body = excluded.body,"
      " is_default = excluded.is_default,"
      " updated_at = (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, od_template_part_to_string (entry->part), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entry->body, -1, SQLITE_TRANSIENT);
  if (!only_defaults)
    sqlite3_bind_int (stmt, 5, entry->is_default ? 1 : 0);
  return _od_sqlite_run (conn, stmt, _("Could not save the template"), error);
}

OdTemplateEntry *
_od_sqlite_store_get_template (OdStore         *store,
                               const char      *name,
                               OdTemplatePart   part,
                               const char      *language,
                               GError         **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  OdTemplateEntry *entry = NULL;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT name, language, part, body, is_default FROM templates"
                             " WHERE name = ?1 AND language = ?2 AND part = ?3", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, od_template_part_to_string (part), -1, SQLITE_STATIC);
      if (_od_sqlite_next (scope.conn, stmt, _("Could not read the template"), error) == 1)
        entry = entry_from_row (stmt);
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);
  return entry;
}

gboolean
_od_sqlite_store_set_template (OdStore                *store,
                               const OdTemplateEntry  *entry,
                               GError                **error)
{
  OdSqliteScope scope;
  gboolean ok;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;
  ok = upsert (scope.conn, entry, FALSE, error);
  return _od_sqlite_store_write_end (&scope, ok, error);
}

gboolean
_od_sqlite_store_delete_template (OdStore         *store,
                                  const char      *name,
                                  OdTemplatePart   part,
                                  const char      *language,
                                  GError         **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;
  stmt = _od_sqlite_prepare (scope.conn,
                             "DELETE FROM templates WHERE name = ?1 AND language = ?2 AND part = ?3",
                             error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, od_template_part_to_string (part), -1, SQLITE_STATIC);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not remove the template"), error);
    }
  if (ok && sqlite3_changes (scope.conn->db) == 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("There is no template “%s (%s)” in “%s”"),
                   name, od_template_part_to_string (part), language);
      ok = FALSE;
    }
  return _od_sqlite_store_write_end (&scope, ok, error);
}

GPtrArray *
_od_sqlite_store_list_templates (OdStore  *store,
                                 GError  **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_entry_free);
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT name, language, part, body, is_default FROM templates"
                             " ORDER BY name, language, " PART_ORDER, error);
  if (stmt != NULL)
    {
      int rc;

      while ((rc = _od_sqlite_next (scope.conn, stmt, _("Could not read the templates"), error)) == 1)
        g_ptr_array_add (entries, entry_from_row (stmt));
      sqlite3_reset (stmt);
      ok = rc == 0;
    }
  _od_sqlite_store_read_end (&scope);
  return ok ? g_steal_pointer (&entries) : NULL;
}

/* What is shipped and not yet in the ledger, or shipped differently for
 * a row nobody has edited. */
static GPtrArray *
templates_to_sync (OdSqliteStore  *self,
                   GError        **error)
{
  g_autoptr(GPtrArray) shipped = od_template_get_defaults ();
  g_autoptr(GPtrArray) stored = _od_sqlite_store_list_templates (OD_STORE (self), error);
  g_autoptr(GHashTable) by_key = NULL;
  GPtrArray *changes;

  if (stored == NULL)
    return NULL;

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < stored->len; i++)
    {
      OdTemplateEntry *entry = g_ptr_array_index (stored, i);

      g_hash_table_insert (by_key,
                           g_strdup_printf ("%s/%s.%s", entry->language, entry->name,
                                            od_template_part_to_string (entry->part)),
                           entry);
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_entry_free);
  for (guint i = 0; i < shipped->len; i++)
    {
      OdTemplateEntry *entry = g_ptr_array_index (shipped, i);
      g_autofree char *key = g_strdup_printf ("%s/%s.%s", entry->language, entry->name,
                                              od_template_part_to_string (entry->part));
      OdTemplateEntry *have = g_hash_table_lookup (by_key, key);

      if (have == NULL || (have->is_default && g_strcmp0 (have->body, entry->body) != 0))
        g_ptr_array_add (changes, g_steal_pointer (&shipped->pdata[i]));
    }
  return changes;
}

gboolean
_od_sqlite_store_sync_templates (OdSqliteStore  *self,
                                 GError        **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  OdSqliteScope scope;
  gboolean ok = TRUE;

  /* Most opens find everything in place and write nothing. */
  changes = templates_to_sync (self, error);
  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    return TRUE;

  if (!_od_sqlite_store_write_begin (self, &scope, TRUE, error))
    return FALSE;
  for (guint i = 0; ok && i < changes->len; i++)
    ok = upsert (scope.conn, g_ptr_array_index (changes, i), TRUE, error);
  return _od_sqlite_store_write_end (&scope, ok, error);
}
