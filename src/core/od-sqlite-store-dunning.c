/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

static void
pause_free (OdDunningPause *pause)
{
  g_free (pause->reason);
  g_free (pause);
}

static char *
instant_to_text (GDateTime *at)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (at);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
history_state_to_string (OdHistoryState state)
{
  return state == OD_HISTORY_SUPERSEDED ? "superseded" : "taken";
}

/* Reads (kind, since, until) from a row, starting at column @first.
 * Returns FALSE for a kind this version does not know. */
static gboolean
pause_kind_from_row (sqlite3_stmt *stmt,
                     int           first,
                     OdPauseKind  *kind,
                     GDate        *since,
                     GDate        *until)
{
  if (!od_pause_kind_from_string (_od_sqlite_column_text (stmt, first), kind))
    return FALSE;
  _od_sqlite_column_date (stmt, first + 1, since);
  _od_sqlite_column_date (stmt, first + 2, until);
  return TRUE;
}

static gboolean
check_invoice (OdSqliteConn  *conn,
               gint64         invoice_id,
               GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn, "SELECT 1 FROM invoices WHERE id = ?", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  row = _od_sqlite_next (conn, stmt, _("Could not read the invoice"), error);
  sqlite3_reset (stmt);
  if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Invoice %" G_GINT64_FORMAT " does not exist"), invoice_id);
  return row == 1;
}

/* Pauses */

gboolean
_od_sqlite_store_resolve_pauses (OdStore      *store,
                                 gint64        invoice_id,
                                 OdPauseKind   kind,
                                 gboolean      all_kinds,
                                 guint        *n_resolved,
                                 GError      **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (n_resolved != NULL)
    *n_resolved = 0;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  ok = check_invoice (scope.conn, invoice_id, error);
  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "UPDATE pauses SET resolved_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE invoice_id = ?1 AND resolved_at IS NULL"
                               " AND (?2 IS NULL OR kind = ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      if (!all_kinds)
        _od_sqlite_bind_text (stmt, 2, od_pause_kind_to_string (kind));
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not resume the invoice"), error);
    }
  if (ok && n_resolved != NULL)
    *n_resolved = (guint) sqlite3_changes (scope.conn->db);

  return _od_sqlite_store_write_end (&scope, ok, error);
}

GPtrArray *
_od_sqlite_store_list_pauses (OdStore   *store,
                              gint64     invoice_id,
                              gboolean   active_only,
                              GError   **error)
{
  g_autoptr(GPtrArray) pauses = g_ptr_array_new_with_free_func ((GDestroyNotify) pause_free);
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  int row = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);

  if (check_invoice (scope.conn, invoice_id, error))
    stmt = _od_sqlite_prepare (scope.conn,
                               "SELECT kind, since, until, resolved_at IS NOT NULL,"
                               " reason, promised_minor FROM pauses"
                               " WHERE invoice_id = ?1 AND (?2 = 0 OR resolved_at IS NULL)"
                               " ORDER BY since, id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      sqlite3_bind_int (stmt, 2, active_only ? 1 : 0);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the pauses"), error)) == 1)
        {
          OdDunningPause *pause = g_new0 (OdDunningPause, 1);

          if (!pause_kind_from_row (stmt, 0, &pause->kind, &pause->since, &pause->until))
            {
              pause_free (pause);
              continue;
            }
          pause->resolved = sqlite3_column_int (stmt, 3) != 0;
          pause->reason = g_strdup (_od_sqlite_column_text (stmt, 4));
          pause->promised_minor = sqlite3_column_int64 (stmt, 5);
          g_ptr_array_add (pauses, pause);
        }
      sqlite3_reset (stmt);
    }

  _od_sqlite_store_read_end (&scope);
  return row == 0 ? g_steal_pointer (&pauses) : NULL;
}

/* History and audit */

gboolean
_od_sqlite_store_add_history (OdStore         *store,
                              gint64           invoice_id,
                              const char      *step,
                              guint            repeat,
                              OdHistoryState   state,
                              OdChannel        channel,
                              GDateTime       *at,
                              GError         **error)
{
  g_autofree char *at_text = instant_to_text (at);
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  ok = check_invoice (scope.conn, invoice_id, error);
  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO dunning_history (invoice_id, step, repeat,"
                               " status, channel, at) VALUES (?, ?, ?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      _od_sqlite_bind_text (stmt, 2, step);
      sqlite3_bind_int64 (stmt, 3, repeat);
      _od_sqlite_bind_text (stmt, 4, history_state_to_string (state));
      _od_sqlite_bind_text (stmt, 5, channel != OD_CHANNEL_NONE ? od_channel_to_string (channel) : NULL);
      _od_sqlite_bind_text (stmt, 6, at_text);
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_DONE;
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
                     _("Step “%s” (repeat %u) of invoice %" G_GINT64_FORMAT
                       " was already recorded; a step is taken at most once"),
                     step, repeat, invoice_id);
      else if (!ok)
        _od_sqlite_set_error (error, scope.conn->db, rc, _("Could not record the step"));
      sqlite3_reset (stmt);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

gboolean
_od_sqlite_store_add_audit (OdStore     *store,
                            gint64       customer_id,
                            gint64       invoice_id,
                            const char  *action,
                            const char  *detail,
                            GError     **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  if (invoice_id > 0)
    ok = check_invoice (scope.conn, invoice_id, error);
  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO audit_log (customer_id, invoice_id, action, detail)"
                               " VALUES (coalesce (?1, (SELECT customer_id FROM invoices"
                               " WHERE id = ?2)), ?2, ?3, ?4)", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (customer_id > 0)
        sqlite3_bind_int64 (stmt, 1, customer_id);
      if (invoice_id > 0)
        sqlite3_bind_int64 (stmt, 2, invoice_id);
      _od_sqlite_bind_text (stmt, 3, action);
      _od_sqlite_bind_text (stmt, 4, detail);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not write the audit log"), error);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}
