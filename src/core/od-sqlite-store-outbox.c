/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

/* The outbox's SQL. Every change of state happens in a write transaction
 * (BEGIN IMMEDIATE on its own, or the caller's begin/commit), so two
 * programs on one ledger see each claim whole: a row is 'sending' for
 * one owner or not at all. */

#define ROW_COLUMNS \
  "o.id, o.idempotency_key, o.customer_id, c.ref, c.name, o.channel, o.state," \
  " o.step, o.attempts, o.next_attempt_at, o.last_error, o.permanent, o.demo," \
  " o.message_id, o.payload, o.claim_owner, o.claimed_at, o.sent_at, o.done_at," \
  " o.created_at, o.updated_at," \
  " (SELECT group_concat (i.number, char (10)) FROM outbox_invoices x" \
  "   JOIN invoices i ON i.id = x.invoice_id WHERE x.outbox_id = o.id)" \
  " FROM outbox o JOIN customers c ON c.id = o.customer_id"

static char *
instant_to_text (GDateTime *at)
{
  g_autoptr(GDateTime) utc = NULL;

  if (at == NULL)
    return NULL;
  utc = g_date_time_to_utc (at);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
instant_from_column (sqlite3_stmt *stmt,
                     int           index)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = _od_sqlite_column_text (stmt, index);

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static void
bind_instant (sqlite3_stmt *stmt,
              int           index,
              GDateTime    *at)
{
  g_autofree char *text = instant_to_text (at);

  _od_sqlite_bind_text (stmt, index, text);
}

static gboolean
run_sql (OdSqliteConn  *conn,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  return stmt != NULL && _od_sqlite_run (conn, stmt, _("Could not write the outbox"), error);
}

static char *
read_setting (OdSqliteConn *conn,
              const char   *key)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  _od_sqlite_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_od_sqlite_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static OdOutboxSchedule *
read_schedule (OdSqliteConn  *conn,
               GError       **error)
{
  g_autofree char *retry = read_setting (conn, OD_OUTBOX_SETTING_RETRY);
  g_autofree char *give_up = read_setting (conn, OD_OUTBOX_SETTING_GIVE_UP);
  g_autofree char *lease = read_setting (conn, OD_OUTBOX_SETTING_LEASE);

  return od_outbox_schedule_parse (retry, give_up, lease, error);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static OdOutboxRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  OdOutboxRow *row = g_new0 (OdOutboxRow, 1);
  const char *invoices = _od_sqlite_column_text (stmt, 21);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->idempotency_key = g_strdup (_od_sqlite_column_text (stmt, 1));
  row->customer_id = sqlite3_column_int64 (stmt, 2);
  row->customer_ref = g_strdup (_od_sqlite_column_text (stmt, 3));
  row->customer_name = g_strdup (_od_sqlite_column_text (stmt, 4));
  od_channel_from_string (_od_sqlite_column_text (stmt, 5), &row->channel);
  od_outbox_state_from_string (_od_sqlite_column_text (stmt, 6), &row->state);
  row->step = g_strdup (_od_sqlite_column_text (stmt, 7));
  row->attempts = (guint) sqlite3_column_int (stmt, 8);
  row->next_attempt_at = instant_from_column (stmt, 9);
  row->last_error = g_strdup (_od_sqlite_column_text (stmt, 10));
  row->permanent = sqlite3_column_int (stmt, 11) != 0;
  row->demo = sqlite3_column_int (stmt, 12) != 0;
  row->message_id = g_strdup (_od_sqlite_column_text (stmt, 13));
  row->payload = g_strdup (_od_sqlite_column_text (stmt, 14));
  row->claim_owner = g_strdup (_od_sqlite_column_text (stmt, 15));
  row->claimed_at = instant_from_column (stmt, 16);
  row->sent_at = instant_from_column (stmt, 17);
  row->done_at = instant_from_column (stmt, 18);
  row->created_at = instant_from_column (stmt, 19);
  row->updated_at = instant_from_column (stmt, 20);
  row->invoices = g_strsplit (invoices != NULL ? invoices : "", "\n", -1);
  if (row->invoices[0] != NULL && *row->invoices[0] == '\0')
    g_clear_pointer (&row->invoices[0], g_free);
  else
    {
      guint n = g_strv_length (row->invoices);

      qsort (row->invoices, n, sizeof (char *), compare_strings);
    }
  return row;
}

static gboolean
read_rows (OdSqliteConn  *conn,
           gint64         id,
           GPtrArray     *rows,
           GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn,
                                           "SELECT " ROW_COLUMNS
                                           " WHERE ?1 = 0 OR o.id = ?1 ORDER BY o.id", error);
  int step;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((step = _od_sqlite_next (conn, stmt, _("Could not read the outbox"), error)) == 1)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_reset (stmt);
  return step == 0;
}

/* One communications row per invoice of the message (one for the
 * customer when it names none): the attempt and what it came to. */
static gboolean
log_communication (OdSqliteConn  *conn,
                   gint64         outbox_id,
                   const char    *outcome,
                   const char    *summary,
                   GDateTime     *now,
                   GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn,
                                           "INSERT INTO communications (customer_id, invoice_id,"
                                           " outbox_id, channel, at, summary, outcome)"
                                           " SELECT o.customer_id, x.invoice_id, o.id, o.channel,"
                                           " ?2, ?3, ?4 FROM outbox o LEFT JOIN outbox_invoices x"
                                           " ON x.outbox_id = o.id WHERE o.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outbox_id);
  bind_instant (stmt, 2, now);
  _od_sqlite_bind_text (stmt, 3, summary);
  _od_sqlite_bind_text (stmt, 4, outcome);
  return run_sql (conn, stmt, error);
}

/* A message that will not go out: its steps count as skipped (the
 * engine does not plan them again) and what enqueueing it charged is
 * taken back. */
static gboolean
cancel_row (OdSqliteConn  *conn,
            gint64         id,
            const char    *reason,
            GDateTime     *now,
            GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _od_sqlite_prepare (conn,
                             "DELETE FROM charges WHERE kind IN ('late-fee', 'compensation')"
                             " AND EXISTS (SELECT 1 FROM dunning_history h WHERE h.outbox_id = ?1"
                             " AND h.repeat = 0 AND h.status = 'taken'"
                             " AND h.invoice_id = charges.invoice_id AND h.step = charges.step)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_sql (conn, stmt, error))
    return FALSE;

  stmt = _od_sqlite_prepare (conn,
                             "UPDATE dunning_history SET status = 'skipped'"
                             " WHERE outbox_id = ? AND status = 'taken'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_sql (conn, stmt, error))
    return FALSE;

  stmt = _od_sqlite_prepare (conn,
                             "UPDATE outbox SET state = 'cancelled', last_error = ?2,"
                             " next_attempt_at = NULL, claim_owner = NULL, updated_at = ?3"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _od_sqlite_bind_text (stmt, 2, reason);
  bind_instant (stmt, 3, now);
  return run_sql (conn, stmt, error);
}

/* Enqueue */

static gboolean
item_taken (OdSqliteConn  *conn,
            OdOutboxItem  *item,
            gboolean      *taken,
            GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn,
                                           "SELECT 1 FROM dunning_history WHERE invoice_id = ?"
                                           " AND step = ? AND repeat = ?", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->invoice_id);
  _od_sqlite_bind_text (stmt, 2, item->step);
  sqlite3_bind_int64 (stmt, 3, item->repeat);
  row = _od_sqlite_next (conn, stmt, _("Could not read the history"), error);
  sqlite3_reset (stmt);
  *taken = row == 1;
  return row >= 0;
}

static gboolean
add_history (OdSqliteConn  *conn,
             OdOutboxItem  *item,
             const char    *status,
             OdChannel      channel,
             gint64         outbox_id,
             GError       **error)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn,
                                           "INSERT INTO dunning_history (invoice_id, step, repeat,"
                                           " status, channel, at, outbox_id)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?)"
                                           " ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->invoice_id);
  _od_sqlite_bind_text (stmt, 2, item->step);
  sqlite3_bind_int64 (stmt, 3, item->repeat);
  _od_sqlite_bind_text (stmt, 4, status);
  _od_sqlite_bind_text (stmt, 5, channel != OD_CHANNEL_NONE ? od_channel_to_string (channel) : NULL);
  bind_instant (stmt, 6, item->at);
  if (outbox_id > 0)
    sqlite3_bind_int64 (stmt, 7, outbox_id);
  return run_sql (conn, stmt, error);
}

/* The fee once per (invoice, step) (the unique index says so), the
 * compensation once per invoice; dated the planned day, where the
 * customer is. */
static gboolean
add_charges (OdSqliteConn  *conn,
             OdOutboxItem  *item,
             GError       **error)
{
  g_autofree char *date = g_date_time_format (item->at, "%Y-%m-%d");
  sqlite3_stmt *stmt;

  if (item->fee > 0)
    {
      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO charges (invoice_id, kind, date, amount_minor,"
                                 " currency, description, step)"
                                 " VALUES (?, 'late-fee', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->invoice_id);
      _od_sqlite_bind_text (stmt, 2, date);
      sqlite3_bind_int64 (stmt, 3, item->fee);
      _od_sqlite_bind_text (stmt, 4, item->currency);
      _od_sqlite_bind_text (stmt, 5, _("Late fee"));
      _od_sqlite_bind_text (stmt, 6, item->step);
      if (!run_sql (conn, stmt, error))
        return FALSE;
    }

  if (item->compensation > 0)
    {
      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO charges (invoice_id, kind, date, amount_minor,"
                                 " currency, description, step)"
                                 " SELECT ?1, 'compensation', ?2, ?3, ?4, ?5, ?6"
                                 " WHERE NOT EXISTS (SELECT 1 FROM charges WHERE invoice_id = ?1"
                                 " AND kind = 'compensation')", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->invoice_id);
      _od_sqlite_bind_text (stmt, 2, date);
      sqlite3_bind_int64 (stmt, 3, item->compensation);
      _od_sqlite_bind_text (stmt, 4, item->currency);
      _od_sqlite_bind_text (stmt, 5, _("Fixed compensation for recovery costs"));
      _od_sqlite_bind_text (stmt, 6, item->step);
      if (!run_sql (conn, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
enqueue_entry (OdSqliteConn   *conn,
               OdOutboxEntry  *entry,
               GDateTime      *now,
               guint          *n_added,
               GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 outbox_id;

  /* Another program may have taken some of these steps since the plan
   * was made: the message is about the rest. */
  for (guint i = 0; i < entry->items->len; i++)
    {
      OdOutboxItem *item = g_ptr_array_index (entry->items, i);
      gboolean taken;

      if (!item_taken (conn, item, &taken, error))
        return FALSE;
      if (!taken)
        g_ptr_array_add (items, item);
    }
  if (items->len == 0)
    return TRUE;

  key = od_outbox_idempotency_key (entry->channel, items);
  stmt = _od_sqlite_prepare (conn,
                             "INSERT INTO outbox (idempotency_key, customer_id, channel, state,"
                             " step, payload, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                             " ?7, ?7) ON CONFLICT (idempotency_key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  _od_sqlite_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, entry->customer_id);
  _od_sqlite_bind_text (stmt, 3, od_channel_to_string (entry->channel));
  _od_sqlite_bind_text (stmt, 4, od_outbox_state_to_string (entry->state));
  _od_sqlite_bind_text (stmt, 5, entry->step);
  _od_sqlite_bind_text (stmt, 6, entry->payload);
  bind_instant (stmt, 7, now);
  if (!run_sql (conn, stmt, error))
    return FALSE;
  if (sqlite3_changes (conn->db) == 0)
    return TRUE;
  outbox_id = sqlite3_last_insert_rowid (conn->db);

  for (guint i = 0; i < items->len; i++)
    {
      OdOutboxItem *item = g_ptr_array_index (items, i);

      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO outbox_invoices (outbox_id, invoice_id) VALUES (?, ?)"
                                 " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, outbox_id);
      sqlite3_bind_int64 (stmt, 2, item->invoice_id);
      if (!run_sql (conn, stmt, error) ||
          !add_history (conn, item, "taken", entry->channel, outbox_id, error) ||
          !add_charges (conn, item, error))
        return FALSE;
    }

  (*n_added)++;
  return TRUE;
}

gboolean
_od_sqlite_store_outbox_enqueue (OdStore    *store,
                                 GPtrArray  *entries,
                                 GPtrArray  *superseded,
                                 GDateTime  *now,
                                 guint      *n_added,
                                 GError    **error)
{
  OdSqliteScope scope;
  guint added = 0;
  gboolean ok = TRUE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  for (guint i = 0; ok && i < entries->len; i++)
    ok = enqueue_entry (scope.conn, g_ptr_array_index (entries, i), now, &added, error);
  for (guint i = 0; ok && superseded != NULL && i < superseded->len; i++)
    ok = add_history (scope.conn, g_ptr_array_index (superseded, i), "superseded",
                      OD_CHANNEL_NONE, 0, error);

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  if (n_added != NULL)
    *n_added = ok ? added : 0;
  return ok;
}

/* Claim */

/* Rows another program left 'sending' and can no longer finish. */
static gboolean
recover_abandoned (OdSqliteConn      *conn,
                   const char        *owner,
                   OdOutboxSchedule  *schedule,
                   GDateTime         *now,
                   GError           **error)
{
  g_autoptr(GArray) lost = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) lease_start = g_date_time_add_minutes (now, -(gint) schedule->lease_minutes);
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn,
                             "SELECT id, claim_owner, claimed_at FROM outbox"
                             " WHERE state = 'sending'", error);
  if (stmt == NULL)
    return FALSE;
  while ((row = _od_sqlite_next (conn, stmt, _("Could not read the outbox"), error)) == 1)
    {
      const char *claimer = _od_sqlite_column_text (stmt, 1);
      g_autoptr(GDateTime) claimed = instant_from_column (stmt, 2);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_strcmp0 (claimer, owner) == 0)
        continue;
      if (!od_outbox_owner_is_alive (claimer) ||
          claimed == NULL || g_date_time_compare (claimed, lease_start) < 0)
        g_array_append_val (lost, id);
    }
  sqlite3_reset (stmt);
  if (row < 0)
    return FALSE;

  for (guint i = 0; i < lost->len; i++)
    {
      gint64 id = g_array_index (lost, gint64, i);
      const char *why = _("The program sending it stopped before it could tell whether "
                          "the message went out; it is not sent again by itself");

      stmt = _od_sqlite_prepare (conn,
                                 "UPDATE outbox SET state = 'unknown', last_error = ?2,"
                                 " updated_at = ?3 WHERE id = ?1 AND state = 'sending'", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      _od_sqlite_bind_text (stmt, 2, why);
      bind_instant (stmt, 3, now);
      if (!run_sql (conn, stmt, error) ||
          !log_communication (conn, id, "other", why, now, error))
        return FALSE;
    }
  return TRUE;
}

/* Why the message must not go out now, or NULL when it may. */
static char *
ineligible_reason (OdSqliteConn  *conn,
                   gint64         id,
                   GDateTime     *now,
                   GError       **error)
{
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *stmt;
  char *reason = NULL;
  OdChannel channel = OD_CHANNEL_NONE;
  int row;

  stmt = _od_sqlite_prepare (conn,
                             "SELECT c.do_not_chase, c.opted_out, o.channel,"
                             " (SELECT i.number FROM outbox_invoices x JOIN invoices i"
                             "   ON i.id = x.invoice_id WHERE x.outbox_id = o.id"
                             "   AND (i.status <> 'open' OR i.paid_minor >= i.total_minor)"
                             "   ORDER BY i.number LIMIT 1),"
                             " (SELECT p.kind || ' ' || i.number FROM outbox_invoices x"
                             "   JOIN invoices i ON i.id = x.invoice_id"
                             "   JOIN pauses p ON p.invoice_id = x.invoice_id"
                             "   WHERE x.outbox_id = o.id AND p.resolved_at IS NULL"
                             "   AND (p.until IS NULL OR p.until >= ?2)"
                             "   ORDER BY i.number, p.id LIMIT 1)"
                             " FROM outbox o JOIN customers c ON c.id = o.customer_id"
                             " WHERE o.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  _od_sqlite_bind_text (stmt, 2, today);
  row = _od_sqlite_next (conn, stmt, _("Could not read the outbox"), error);
  if (row == 1)
    {
      od_channel_from_string (_od_sqlite_column_text (stmt, 2), &channel);
      if (sqlite3_column_int (stmt, 0) != 0)
        reason = g_strdup (_("The customer is not to be chased"));
      else if ((sqlite3_column_int (stmt, 1) & channel) != 0)
        reason = g_strdup_printf (_("The customer opted out of %s"), od_channel_to_string (channel));
      else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        reason = g_strdup_printf (_("Invoice %s is settled"), _od_sqlite_column_text (stmt, 3));
      else if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          g_auto(GStrv) parts = g_strsplit (_od_sqlite_column_text (stmt, 4), " ", 2);

          if (g_strcmp0 (parts[0], "dispute") == 0)
            reason = g_strdup_printf (_("Invoice %s is disputed"), parts[1]);
          else if (g_strcmp0 (parts[0], "promise") == 0)
            reason = g_strdup_printf (_("Invoice %s has a promise to pay"), parts[1]);
          else
            reason = g_strdup_printf (_("Invoice %s is on hold"), parts[1]);
        }
    }
  sqlite3_reset (stmt);
  if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Message %" PRId64 " is not in the outbox"), id);
  return reason;
}

GPtrArray *
_od_sqlite_store_outbox_claim (OdStore     *store,
                               const char  *owner,
                               GDateTime   *now,
                               guint        limit,
                               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_row_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(OdOutboxSchedule) schedule = NULL;
  g_autoptr(GArray) claimed = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int row = 0;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return NULL;

  schedule = read_schedule (scope.conn, error);
  ok = schedule != NULL && recover_abandoned (scope.conn, owner, schedule, now, error);

  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "SELECT id FROM outbox WHERE state = 'queued'"
                               " OR (state = 'failed' AND permanent = 0 AND next_attempt_at <= ?)"
                               " ORDER BY id", error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *now_text = instant_to_text (now);

      _od_sqlite_bind_text (stmt, 1, now_text);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the outbox"), error)) == 1)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (candidates, id);
        }
      sqlite3_reset (stmt);
      ok = row == 0;
    }

  for (guint i = 0; ok && i < candidates->len && claimed->len < limit; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = ineligible_reason (scope.conn, id, now, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (reason != NULL)
        ok = cancel_row (scope.conn, id, reason, now, error);
      else
        {
          stmt = _od_sqlite_prepare (scope.conn,
                                     "UPDATE outbox SET state = 'sending', claim_owner = ?2,"
                                     " claimed_at = ?3, updated_at = ?3, attempts = attempts + 1"
                                     " WHERE id = ?1", error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, id);
              _od_sqlite_bind_text (stmt, 2, owner);
              bind_instant (stmt, 3, now);
              ok = run_sql (scope.conn, stmt, error);
            }
          if (ok)
            g_array_append_val (claimed, id);
        }
    }

  for (guint i = 0; ok && i < claimed->len; i++)
    ok = read_rows (scope.conn, g_array_index (claimed, gint64, i), rows, error);

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  return ok ? g_steal_pointer (&rows) : NULL;
}

/* Finish */

static GDateTime *
first_attempt (OdSqliteConn *conn,
               gint64        id)
{
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn,
                                           "SELECT min (at) FROM communications"
                                           " WHERE outbox_id = ?", NULL);
  GDateTime *first = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    first = instant_from_column (stmt, 0);
  sqlite3_reset (stmt);
  return first;
}

static gboolean
finish_row (OdSqliteConn       *conn,
            gint64              id,
            OdDeliveryOutcome   outcome,
            gboolean            demo,
            const char         *message_id,
            const char         *detail,
            guint               attempts,
            GDateTime          *now,
            GError            **error)
{
  g_autoptr(OdOutboxSchedule) schedule = read_schedule (conn, error);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *gave_up = NULL;
  const char *state = "failed";
  const char *logged = "failed";
  gboolean permanent = outcome == OD_DELIVERY_PERMANENT;
  sqlite3_stmt *stmt;

  if (schedule == NULL)
    return FALSE;

  switch (outcome)
    {
    case OD_DELIVERY_SENT:
      state = "sent";
      logged = "sent";
      break;
    case OD_DELIVERY_UNKNOWN:
      state = "unknown";
      logged = "other";
      break;
    case OD_DELIVERY_TEMPORARY:
      first = first_attempt (conn, id);
      next = od_outbox_schedule_next (schedule, MAX (attempts, 1), first, now);
      if (next == NULL)
        {
          permanent = TRUE;
          gave_up = g_strdup_printf (_("%s; gave up after %u hours of trying"),
                                     detail != NULL ? detail : "",
                                     schedule->give_up_minutes / 60);
          detail = gave_up;
        }
      break;
    case OD_DELIVERY_PERMANENT:
    default:
      break;
    }

  stmt = _od_sqlite_prepare (conn,
                             "UPDATE outbox SET state = ?2, permanent = ?3, demo = ?4,"
                             " message_id = coalesce (?5, message_id), last_error = ?6,"
                             " next_attempt_at = ?7, sent_at = CASE WHEN ?2 = 'sent' THEN ?8"
                             " ELSE sent_at END, claim_owner = NULL, updated_at = ?8"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _od_sqlite_bind_text (stmt, 2, state);
  sqlite3_bind_int (stmt, 3, permanent);
  sqlite3_bind_int (stmt, 4, demo && outcome == OD_DELIVERY_SENT);
  _od_sqlite_bind_text (stmt, 5, message_id);
  if (outcome != OD_DELIVERY_SENT)
    _od_sqlite_bind_text (stmt, 6, detail);
  bind_instant (stmt, 7, next);
  bind_instant (stmt, 8, now);
  if (!run_sql (conn, stmt, error))
    return FALSE;

  return log_communication (conn, id, logged, detail, now, error);
}

gboolean
_od_sqlite_store_outbox_finish (OdStore            *store,
                                gint64              id,
                                const char         *owner,
                                OdDeliveryOutcome   outcome,
                                gboolean            demo,
                                const char         *message_id,
                                const char         *detail,
                                GDateTime          *now,
                                GError            **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok;
  guint attempts = 0;
  int row = -1;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT attempts FROM outbox WHERE id = ?"
                             " AND state = 'sending' AND claim_owner = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      _od_sqlite_bind_text (stmt, 2, owner);
      row = _od_sqlite_next (scope.conn, stmt, _("Could not read the outbox"), error);
      if (row == 1)
        attempts = (guint) sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Message %" PRId64 " is no longer being sent by this program"),
                 id);
  ok = row == 1 && finish_row (scope.conn, id, outcome, demo, message_id, detail,
                               attempts, now, error);

  return _od_sqlite_store_write_end (&scope, ok, error);
}

/* Decide */

static gboolean
decision_allowed (OdOutboxDecision  decision,
                  OdOutboxState     state,
                  OdChannel         channel,
                  gboolean          done)
{
  switch (decision)
    {
    case OD_OUTBOX_APPROVE:
    case OD_OUTBOX_SKIP:
      return state == OD_OUTBOX_STATE_AWAITING_REVIEW;
    case OD_OUTBOX_RETRY:
      return state == OD_OUTBOX_STATE_FAILED || state == OD_OUTBOX_STATE_UNKNOWN;
    case OD_OUTBOX_CANCEL:
      return state == OD_OUTBOX_STATE_QUEUED || state == OD_OUTBOX_STATE_FAILED ||
             state == OD_OUTBOX_STATE_UNKNOWN || state == OD_OUTBOX_STATE_AWAITING_REVIEW;
    case OD_OUTBOX_MARK_SENT:
      return state == OD_OUTBOX_STATE_UNKNOWN ||
             (state == OD_OUTBOX_STATE_SENT && !done &&
              (channel == OD_CHANNEL_LETTER || channel == OD_CHANNEL_CALL));
    case OD_OUTBOX_MARK_FAILED:
      return state == OD_OUTBOX_STATE_UNKNOWN;
    default:
      return FALSE;
    }
}

static gboolean
apply_decision (OdSqliteConn      *conn,
                gint64             id,
                OdOutboxDecision   decision,
                OdOutboxState      state,
                const char        *detail,
                GDateTime         *now,
                GError           **error)
{
  sqlite3_stmt *stmt;
  const char *sql;
  const char *logged = NULL;
  const char *summary = NULL;

  switch (decision)
    {
    case OD_OUTBOX_SKIP:
      return cancel_row (conn, id, detail != NULL ? detail : _("Skipped by the owner"), now, error);
    case OD_OUTBOX_CANCEL:
      return cancel_row (conn, id, detail != NULL ? detail : _("Cancelled by the owner"), now, error);
    case OD_OUTBOX_APPROVE:
    case OD_OUTBOX_RETRY:
      sql = "UPDATE outbox SET state = 'queued', permanent = 0, next_attempt_at = NULL,"
            " updated_at = ?2 WHERE id = ?1";
      break;
    case OD_OUTBOX_MARK_SENT:
      if (state == OD_OUTBOX_STATE_SENT)
        sql = "UPDATE outbox SET done_at = ?2, updated_at = ?2 WHERE id = ?1";
      else
        sql = "UPDATE outbox SET state = 'sent', sent_at = ?2, updated_at = ?2 WHERE id = ?1";
      logged = "sent";
      summary = state == OD_OUTBOX_STATE_SENT ? _("Done, says the owner")
                                              : _("It did arrive, says the owner");
      break;
    case OD_OUTBOX_MARK_FAILED:
    default:
      sql = "UPDATE outbox SET state = 'failed', permanent = 1, updated_at = ?2 WHERE id = ?1";
      logged = "failed";
      summary = _("It did not arrive, says the owner");
      break;
    }

  stmt = _od_sqlite_prepare (conn, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_instant (stmt, 2, now);
  if (!run_sql (conn, stmt, error))
    return FALSE;
  return logged == NULL || log_communication (conn, id, logged, detail != NULL ? detail : summary,
                                              now, error);
}

gboolean
_od_sqlite_store_outbox_decide (OdStore           *store,
                                gint64             id,
                                OdOutboxDecision   decision,
                                const char        *detail,
                                GDateTime         *now,
                                GError           **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  OdOutboxState state = OD_OUTBOX_STATE_QUEUED;
  OdChannel channel = OD_CHANNEL_NONE;
  gboolean done = FALSE;
  gboolean ok = FALSE;
  int row = -1;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT state, channel, done_at IS NOT NULL FROM outbox WHERE id = ?",
                             error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      row = _od_sqlite_next (scope.conn, stmt, _("Could not read the outbox"), error);
      if (row == 1)
        {
          od_outbox_state_from_string (_od_sqlite_column_text (stmt, 0), &state);
          od_channel_from_string (_od_sqlite_column_text (stmt, 1), &channel);
          done = sqlite3_column_int (stmt, 2) != 0;
        }
      sqlite3_reset (stmt);
    }

  if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Message %" PRId64 " is not in the outbox"), id);
  else if (row == 1 && !decision_allowed (decision, state, channel, done))
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                 _("Message %" PRId64 " is %s%s; “%s” does not apply to it"),
                 id, od_outbox_state_to_string (state), done ? _(" (done)") : "",
                 od_outbox_decision_to_string (decision));
  else if (row == 1)
    ok = apply_decision (scope.conn, id, decision, state, detail, now, error);

  return _od_sqlite_store_write_end (&scope, ok, error);
}

/* Reading */

GPtrArray *
_od_sqlite_store_outbox_list (OdStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_row_free);
  OdSqliteScope scope;
  gboolean ok;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  ok = read_rows (scope.conn, id, rows, error);
  _od_sqlite_store_read_end (&scope);

  if (ok && id > 0 && rows->len == 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("Message %" PRId64 " is not in the outbox"), id);
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&rows) : NULL;
}

gboolean
_od_sqlite_store_outbox_count (OdStore         *store,
                               OdOutboxCounts  *counts,
                               GError         **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  memset (counts, 0, sizeof *counts);
  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);

  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT state, NULL, count (*) FROM outbox GROUP BY state"
                             " UNION ALL SELECT NULL, channel, count (*) FROM outbox"
                             " WHERE state = 'sent' AND done_at IS NULL"
                             " AND channel IN ('letter', 'call') GROUP BY channel"
                             " UNION ALL SELECT NULL, 'permanent', count (*) FROM outbox"
                             " WHERE state = 'failed' AND permanent = 1"
                             " UNION ALL SELECT NULL, 'retry', strftime ('%s', min (next_attempt_at))"
                             " FROM outbox WHERE state = 'failed' AND permanent = 0", error);
  if (stmt != NULL)
    {
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the outbox"), error)) == 1)
        {
          OdOutboxState state;
          guint n = (guint) sqlite3_column_int (stmt, 2);
          const char *channel = _od_sqlite_column_text (stmt, 1);

          if (od_outbox_state_from_string (_od_sqlite_column_text (stmt, 0), &state))
            counts->states[state] = n;
          else if (g_strcmp0 (channel, "letter") == 0)
            counts->letters_to_print = n;
          else if (g_strcmp0 (channel, "call") == 0)
            counts->calls_to_make = n;
          else if (g_strcmp0 (channel, "permanent") == 0)
            counts->failed_permanent = n;
          else if (g_strcmp0 (channel, "retry") == 0)
            counts->next_attempt = sqlite3_column_int64 (stmt, 2);
        }
      sqlite3_reset (stmt);
    }

  _od_sqlite_store_read_end (&scope);
  return row == 0;
}
