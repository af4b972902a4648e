/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

/*
 * The communications log, read with a cursor: the outbox writes a line
 * per attempt and invoice, so a busy ledger's log is long and is never
 * held in memory. Lines of one instant keep the order they were written.
 */

gboolean
_od_sqlite_store_foreach_communication (OdStore                  *store,
                                        gint64                    customer_id,
                                        gint64                    invoice_id,
                                        OdStoreCommunicationFunc  func,
                                        gpointer                  user_data,
                                        GError                  **error)
{
  static const char sql[] =
    "SELECT m.id, m.customer_id, c.ref, c.name, m.invoice_id, i.number,"
    " m.channel, m.direction, m.at, m.summary, m.outcome"
    " FROM communications m JOIN customers c ON c.id = m.customer_id"
    " LEFT JOIN invoices i ON i.id = m.invoice_id"
    " WHERE (?1 = 0 OR m.customer_id = ?1) AND (?2 = 0 OR m.invoice_id = ?2)"
    " ORDER BY m.at, m.id";
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, invoice_id);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the communications log"), error)) == 1)
        {
          const char *at_text = _od_sqlite_column_text (stmt, 8);
          const char *channel_text = _od_sqlite_column_text (stmt, 6);
          g_autoptr(GDateTime) at = NULL;
          OdStoreCommunication line = {
            .id = sqlite3_column_int64 (stmt, 0),
            .customer_id = sqlite3_column_int64 (stmt, 1),
            .customer_ref = _od_sqlite_column_text (stmt, 2),
            .customer_name = _od_sqlite_column_text (stmt, 3),
            .invoice_id = sqlite3_column_int64 (stmt, 4),
            .invoice_number = _od_sqlite_column_text (stmt, 5),
            .direction = _od_sqlite_column_text (stmt, 7),
            .summary = _od_sqlite_column_text (stmt, 9),
            .outcome = _od_sqlite_column_text (stmt, 10),
          };

          at = at_text != NULL ? g_date_time_new_from_iso8601 (at_text, utc) : NULL;
          if (at == NULL || !od_channel_from_string (channel_text, &line.channel))
            {
              g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT,
                           _("Communications log line %" PRId64
                             " has a bad time “%s” or channel “%s”"),
                           line.id, at_text != NULL ? at_text : "",
                           channel_text != NULL ? channel_text : "");
              row = -1;
              break;
            }
          line.at = at;

          if (!func (&line, user_data, error))
            {
              row = -1;
              break;
            }
        }
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);

  return row == 0;
}
