/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

/* Every statement of the snapshot joins this: the open invoices are what
 * can be due, and a paid invoice is never read. */
#define OPEN_INVOICE_JOIN " JOIN invoices i ON i.id = x.invoice_id AND i.status = 'open'"
/* The same, narrowed to the one invoice bound as ?1. */
#define ONE_INVOICE " AND i.id = ?1"

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

static GDateTime *
instant_from_column (sqlite3_stmt *stmt,
                     int           index)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = _od_sqlite_column_text (stmt, index);

  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, utc);
}

static const char *
history_state_to_string (OdHistoryState state)
{
  return state == OD_HISTORY_SUPERSEDED ? "superseded" : "taken";
}

/* 'skipped' rows were never sent and never will be: to the engine they
 * are as good as superseded. */
static OdHistoryState
history_state_from_string (const char *text)
{
  return g_strcmp0 (text, "taken") == 0 ? OD_HISTORY_TAKEN : OD_HISTORY_SUPERSEDED;
}

static OdChannel
channel_from_column (sqlite3_stmt *stmt,
                     int           index)
{
  OdChannel channel = OD_CHANNEL_NONE;
  const char *text = _od_sqlite_column_text (stmt, index);

  if (text != NULL && !od_channel_from_string (text, &channel))
    channel = OD_CHANNEL_NONE;
  return channel;
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
                 _("Invoice %" PRId64 " does not exist"), invoice_id);
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
                     _("Step “%s” (repeat %u) of invoice %" PRId64
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

/* The dunning snapshot */

typedef void (*SnapshotRowFunc) (OdDunningInvoice *invoice,
                                     sqlite3_stmt     *stmt);

/* Runs @head OPEN_INVOICE_JOIN @tail (its first column the invoice id,
 * the rest @func's), narrowed to @invoice_id unless it is 0, and hands
 * each row to @func with its invoice. */
static gboolean
for_each_invoice_row (OdSqliteConn     *conn,
                      GHashTable       *invoices,
                      gint64            invoice_id,
                      const char       *head,
                      const char       *tail,
                      SnapshotRowFunc   func,
                      GError          **error)
{
  g_autofree char *sql = g_strconcat (head, OPEN_INVOICE_JOIN,
                                      invoice_id != 0 ? ONE_INVOICE : "", tail, NULL);
  sqlite3_stmt *stmt = _od_sqlite_prepare (conn, sql, error);
  int row;

  if (stmt == NULL)
    return FALSE;
  if (invoice_id != 0)
    sqlite3_bind_int64 (stmt, 1, invoice_id);

  while ((row = _od_sqlite_next (conn, stmt, _("Could not read the ledger"), error)) == 1)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      OdDunningInvoice *invoice = g_hash_table_lookup (invoices, &id);

      if (invoice != NULL)
        func (invoice, stmt);
    }
  sqlite3_reset (stmt);
  return row == 0;
}

static void
add_payment_row (OdDunningInvoice *invoice,
                 sqlite3_stmt     *stmt)
{
  GDate date;

  _od_sqlite_column_date (stmt, 1, &date);
  od_dunning_invoice_add_payment (invoice, &date, sqlite3_column_int64 (stmt, 2));
}

static void
add_pause_row (OdDunningInvoice *invoice,
               sqlite3_stmt     *stmt)
{
  OdDunningPause *pause;
  OdPauseKind kind;
  GDate since, until;

  if (!pause_kind_from_row (stmt, 1, &kind, &since, &until))
    return;
  pause = od_dunning_invoice_add_pause (invoice, kind, &since, &until);
  pause->resolved = sqlite3_column_int (stmt, 4) != 0;
  g_free (pause->reason);
  pause->reason = g_strdup (_od_sqlite_column_text (stmt, 5));
  pause->promised_minor = sqlite3_column_int64 (stmt, 6);
}

static void
add_plan_row (OdDunningInvoice *invoice,
              sqlite3_stmt     *stmt)
{
  GDate due;

  if (g_strcmp0 (_od_sqlite_column_text (stmt, 1), "active") != 0)
    {
      invoice->plan_broken = TRUE;
      return;
    }
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    return;
  _od_sqlite_column_date (stmt, 2, &due);
  od_dunning_invoice_add_instalment (invoice, &due,
                                     sqlite3_column_int64 (stmt, 3),
                                     sqlite3_column_int64 (stmt, 4));
}

static void
add_history_row (OdDunningInvoice *invoice,
                 sqlite3_stmt     *stmt)
{
  g_autoptr(GDateTime) at = instant_from_column (stmt, 5);

  if (at == NULL)
    return;
  od_dunning_invoice_add_history (invoice,
                                  _od_sqlite_column_text (stmt, 1),
                                  (guint) sqlite3_column_int64 (stmt, 2),
                                  history_state_from_string (_od_sqlite_column_text (stmt, 3)),
                                  channel_from_column (stmt, 4),
                                  at);
}

static void
add_charges_row (OdDunningInvoice *invoice,
                 sqlite3_stmt     *stmt)
{
  invoice->fees_charged = sqlite3_column_int64 (stmt, 1);
  invoice->compensation_charged = sqlite3_column_int (stmt, 2) != 0;
}

static gboolean
load_invoices (OdSqliteConn       *conn,
               OdDunningSnapshot  *snapshot,
               gint64              invoice_id,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn, invoice_id != 0
                             ? "SELECT id, number, customer_id, issue_date, due_date,"
                               " currency, total_minor FROM invoices"
                               " WHERE status = 'open' AND id = ?1"
                             : "SELECT id, number, customer_id, issue_date, due_date,"
                               " currency, total_minor FROM invoices"
                               " WHERE status = 'open' ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  if (invoice_id != 0)
    sqlite3_bind_int64 (stmt, 1, invoice_id);

  while ((row = _od_sqlite_next (conn, stmt, _("Could not read the invoices"), error)) == 1)
    {
      OdDunningInvoice *invoice;

      invoice = od_dunning_snapshot_add_invoice (snapshot,
                                                 sqlite3_column_int64 (stmt, 0),
                                                 _od_sqlite_column_text (stmt, 1),
                                                 sqlite3_column_int64 (stmt, 2));
      _od_sqlite_column_date (stmt, 3, &invoice->issue_date);
      _od_sqlite_column_date (stmt, 4, &invoice->due_date);
      g_strlcpy (invoice->currency, _od_sqlite_column_text (stmt, 5), sizeof invoice->currency);
      invoice->total = sqlite3_column_int64 (stmt, 6);
      invoice->status = OD_INVOICE_STATUS_OPEN;
    }
  sqlite3_reset (stmt);
  return row == 0;
}

/* The ids of the open invoices' customers as a JSON array, for
 * json_each(): looking them up by id is cheaper than reading the
 * invoices table a second time for them. */
static char *
customer_ids_json (OdDunningSnapshot *snapshot)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *json = g_string_new ("[");
  guint n = od_dunning_snapshot_get_n_invoices (snapshot);

  for (guint i = 0; i < n; i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

      if (!g_hash_table_add (seen, &invoice->customer_id))
        continue;
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT,
                              json->len > 1 ? "," : "", invoice->customer_id);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The customers of the open invoices, with the channels their contact
 * data reaches: email and phone from any contact, a letter when the
 * postal address is whole. */
static gboolean
load_customers (OdSqliteConn       *conn,
                OdDunningSnapshot  *snapshot,
                const char         *customer_ids,
                GArray             *with_policy,
                GArray             *high_risk,
                GError            **error)
{
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn,
                             "SELECT c.id, c.ref, c.name, c.time_zone, c.do_not_chase,"
                             " c.opted_out,"
                             " coalesce (c.address, '') <> '' AND coalesce (c.city, '') <> ''"
                             "   AND coalesce (c.postcode, '') <> '',"
                             " EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id"
                             "   AND coalesce (k.email, '') <> ''),"
                             " EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id"
                             "   AND coalesce (k.phone, '') <> ''),"
                             " c.policy_id IS NOT NULL,"
                             " c.risk_level IS 'high'"
                             " FROM customers c WHERE c.id IN"
                             " (SELECT value FROM json_each (?))"
                             " ORDER BY c.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_ids, -1, SQLITE_STATIC);

  while ((row = _od_sqlite_next (conn, stmt, _("Could not read the customers"), error)) == 1)
    {
      OdDunningCustomer *customer;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      OdChannel reachable = OD_CHANNEL_NONE;

      customer = od_dunning_snapshot_add_customer (snapshot, id,
                                                   _od_sqlite_column_text (stmt, 1),
                                                   _od_sqlite_column_text (stmt, 2));
      g_free (customer->time_zone);
      customer->time_zone = g_strdup (_od_sqlite_column_text (stmt, 3));
      customer->do_not_chase = sqlite3_column_int (stmt, 4) != 0;
      customer->opted_out = (OdChannel) sqlite3_column_int (stmt, 5);
      if (sqlite3_column_int (stmt, 6) != 0)
        reachable |= OD_CHANNEL_LETTER;
      if (sqlite3_column_int (stmt, 7) != 0)
        reachable |= OD_CHANNEL_EMAIL;
      if (sqlite3_column_int (stmt, 8) != 0)
        reachable |= OD_CHANNEL_SMS | OD_CHANNEL_CALL;
      customer->reachable = reachable;
      if (sqlite3_column_int (stmt, 9) != 0)
        g_array_append_val (with_policy, id);
      else if (sqlite3_column_int (stmt, 10) != 0)
        g_array_append_val (high_risk, id);
    }
  sqlite3_reset (stmt);
  return row == 0;
}

/* Call tasks made for the chased customers, for the engine's calls-per-
 * week guardrail. A customer has few: they are all read. */
static gboolean
load_call_tasks (OdSqliteConn       *conn,
                 OdDunningSnapshot  *snapshot,
                 gint64              customer_id,
                 GError            **error)
{
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn, customer_id != 0
                             ? "SELECT o.customer_id, o.created_at FROM outbox o"
                               " WHERE o.customer_id = ?1"
                               " AND o.channel = 'call' AND o.state <> 'cancelled'"
                               " ORDER BY o.created_at"
                             : "SELECT o.customer_id, o.created_at FROM outbox o"
                               " WHERE o.channel = 'call' AND o.state <> 'cancelled'"
                               " AND EXISTS (SELECT 1 FROM invoices i WHERE"
                               " i.customer_id = o.customer_id AND i.status = 'open')"
                               " ORDER BY o.customer_id, o.created_at", error);
  if (stmt == NULL)
    return FALSE;
  if (customer_id != 0)
    sqlite3_bind_int64 (stmt, 1, customer_id);

  while ((row = _od_sqlite_next (conn, stmt, _("Could not read the outbox"), error)) == 1)
    {
      OdDunningCustomer *customer;
      GDateTime *at;

      customer = od_dunning_snapshot_get_customer (snapshot, sqlite3_column_int64 (stmt, 0));
      at = instant_from_column (stmt, 1);
      if (customer == NULL || at == NULL)
        {
          g_clear_pointer (&at, g_date_time_unref);
          continue;
        }
      if (customer->call_tasks == NULL)
        customer->call_tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
      g_ptr_array_add (customer->call_tasks, at);
    }
  sqlite3_reset (stmt);
  return row == 0;
}

/* The whole snapshot, or with @invoice_id not 0, only that invoice (if
 * it is open) and its customer. */
static OdDunningSnapshot *
load_snapshot (OdStore  *store,
               gint64    invoice_id,
               GError  **error)
{
  g_autoptr(OdDunningSnapshot) snapshot = od_dunning_snapshot_new ();
  g_autoptr(GHashTable) invoices = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) with_policy = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) high_risk = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *customer_ids = NULL;
  gint64 customer_id = 0;
  OdSqliteScope scope;
  gboolean ok;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);

  ok = load_invoices (scope.conn, snapshot, invoice_id, error);

  /* The snapshot owns the invoices: look them up once all are added. */
  if (ok)
    {
      guint n = od_dunning_snapshot_get_n_invoices (snapshot);

      for (guint i = 0; i < n; i++)
        {
          OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);

          g_hash_table_insert (invoices, &invoice->id, invoice);
          customer_id = invoice->customer_id;
        }
    }

  ok = ok && for_each_invoice_row (scope.conn, invoices, invoice_id,
                                   "SELECT x.invoice_id, x.date, x.amount_minor"
                                   " FROM payments x",
                                   " ORDER BY x.invoice_id, x.date, x.id",
                                   add_payment_row, error);
  /* All pauses of an open invoice, the ended ones too: the engine needs
   * them to tell a kept promise from a broken one, and an open invoice
   * has only a few. */
  ok = ok && for_each_invoice_row (scope.conn, invoices, invoice_id,
                                   "SELECT x.invoice_id, x.kind, x.since, x.until,"
                                   " x.resolved_at IS NOT NULL, x.reason, x.promised_minor"
                                   " FROM pauses x",
                                   " ORDER BY x.invoice_id, x.since, x.id",
                                   add_pause_row, error);
  ok = ok && for_each_invoice_row (scope.conn, invoices, invoice_id,
                                   "SELECT x.invoice_id, x.status, s.due_date,"
                                   " s.amount_minor, s.paid_minor"
                                   " FROM payment_plans x",
                                   " LEFT JOIN instalments s ON s.plan_id = x.id"
                                   "   AND x.status = 'active'"
                                   " WHERE x.status IN ('active', 'broken')"
                                   " ORDER BY x.invoice_id, x.id, s.position",
                                   add_plan_row, error);
  ok = ok && for_each_invoice_row (scope.conn, invoices, invoice_id,
                                   "SELECT x.invoice_id, x.step, x.repeat, x.status,"
                                   " x.channel, x.at"
                                   " FROM dunning_history x",
                                   " ORDER BY x.invoice_id, x.at, x.id",
                                   add_history_row, error);
  ok = ok && for_each_invoice_row (scope.conn, invoices, invoice_id,
                                   "SELECT x.invoice_id,"
                                   " sum (CASE WHEN x.kind = 'late-fee' THEN x.amount_minor ELSE 0 END),"
                                   " max (x.kind = 'compensation')"
                                   " FROM charges x",
                                   " GROUP BY x.invoice_id",
                                   add_charges_row, error);
  if (ok)
    customer_ids = customer_ids_json (snapshot);
  ok = ok && load_customers (scope.conn, snapshot, customer_ids, with_policy, high_risk, error);
  /* One invoice: its customer's tasks only (none when it is not open). */
  if (invoice_id == 0 || customer_id != 0)
    ok = ok && load_call_tasks (scope.conn, snapshot,
                                invoice_id != 0 ? customer_id : 0, error);

  /* Few customers have a policy of their own; each is read inside the
   * same read transaction, so it matches the rest of the snapshot. */
  for (guint i = 0; ok && i < with_policy->len; i++)
    {
      gint64 id = g_array_index (with_policy, gint64, i);
      OdDunningCustomer *customer = od_dunning_snapshot_get_customer (snapshot, id);
      g_autoptr(GError) local_error = NULL;

      g_clear_object (&customer->policy);
      customer->policy = od_store_get_policy (store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }

  /* High-risk customers without a policy of their own follow the
   * high-risk ladder, when the business has set one. */
  if (ok && high_risk->len > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(OdPolicy) strict = _od_sqlite_store_read_policy (scope.conn, OD_STORE_HIGH_RISK_POLICY,
                                                                 &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      for (guint i = 0; ok && strict != NULL && i < high_risk->len; i++)
        {
          OdDunningCustomer *customer =
            od_dunning_snapshot_get_customer (snapshot, g_array_index (high_risk, gint64, i));

          g_clear_object (&customer->policy);
          customer->policy = g_object_ref (strict);
        }
    }

  _od_sqlite_store_read_end (&scope);

  return ok ? g_steal_pointer (&snapshot) : NULL;
}

OdDunningSnapshot *
_od_sqlite_store_load_dunning_snapshot (OdStore  *store,
                                        GError  **error)
{
  return load_snapshot (store, 0, error);
}

OdDunningSnapshot *
_od_sqlite_store_load_dunning_snapshot_for_invoice (OdStore  *store,
                                                    gint64    invoice_id,
                                                    GError  **error)
{
  return load_snapshot (store, invoice_id, error);
}
