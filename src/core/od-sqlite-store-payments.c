/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

#define PAYMENT_COLUMNS \
  "p.id, p.invoice_id, i.number, p.date, p.amount_minor, p.currency," \
  " p.method, p.reference"
#define PAYMENT_FROM " FROM payments p JOIN invoices i ON i.id = p.invoice_id"
#define CHARGE_COLUMNS \
  "id, invoice_id, kind, date, amount_minor, currency, description, step"

typedef struct
{
  gint64  id;
  char   *number;
  char   *currency;
  gint64  total;
  gint64  paid;
} InvoiceFacts;

static void
invoice_facts_clear (InvoiceFacts *facts)
{
  g_clear_pointer (&facts->number, g_free);
  g_clear_pointer (&facts->currency, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceFacts, invoice_facts_clear)

/* Reads what payments and plans need to know of an invoice, by id or,
 * when @id is 0, by @number. */
static gboolean
read_invoice_facts (OdSqliteConn  *conn,
                    gint64         id,
                    const char    *number,
                    InvoiceFacts  *facts,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int row;

  if (id > 0)
    stmt = _od_sqlite_prepare (conn,
                               "SELECT id, number, currency, total_minor, paid_minor"
                               " FROM invoices WHERE id = ?", error);
  else
    stmt = _od_sqlite_prepare (conn,
                               "SELECT id, number, currency, total_minor, paid_minor"
                               " FROM invoices WHERE number = ?", error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    _od_sqlite_bind_text (stmt, 1, number);

  row = _od_sqlite_next (conn, stmt, _("Could not read the invoice"), error);
  if (row == 1)
    {
      facts->id = sqlite3_column_int64 (stmt, 0);
      facts->number = g_strdup (_od_sqlite_column_text (stmt, 1));
      facts->currency = g_strdup (_od_sqlite_column_text (stmt, 2));
      facts->total = sqlite3_column_int64 (stmt, 3);
      facts->paid = sqlite3_column_int64 (stmt, 4);
    }
  else if (row == 0 && id > 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("Invoice %" PRId64 " does not exist"), id);
  else if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("There is no invoice numbered “%s”"), number != NULL ? number : "");
  sqlite3_reset (stmt);
  return row == 1;
}

/* Payments */

gboolean
_od_sqlite_store_insert_payment (OdStore    *store,
                                 OdPayment  *payment,
                                 GError    **error)
{
  g_auto(InvoiceFacts) facts = { 0, };
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!od_payment_validate (payment, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  ok = read_invoice_facts (scope.conn, od_payment_get_invoice_id (payment),
                           od_payment_get_invoice_number (payment), &facts, error);
  if (ok && g_strcmp0 (facts.currency, od_payment_get_currency (payment)) != 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("The payment is in %s but invoice “%s” is in %s"),
                   od_payment_get_currency (payment), facts.number, facts.currency);
      ok = FALSE;
    }

  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO payments (invoice_id, date, amount_minor,"
                               " currency, method, reference) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, facts.id);
      _od_sqlite_bind_date (stmt, 2, od_payment_get_date (payment));
      sqlite3_bind_int64 (stmt, 3, od_payment_get_amount (payment));
      _od_sqlite_bind_text (stmt, 4, od_payment_get_currency (payment));
      _od_sqlite_bind_text (stmt, 5, od_payment_get_method (payment));
      _od_sqlite_bind_text (stmt, 6, od_payment_get_reference (payment));
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the payment"), error);
    }
  if (ok)
    {
      od_payment_set_id (payment, sqlite3_last_insert_rowid (scope.conn->db));
      stmt = _od_sqlite_prepare (scope.conn,
                                 "UPDATE invoices SET paid_minor = paid_minor + ?1,"
                                 " status = CASE WHEN status = 'open'"
                                 " AND paid_minor + ?1 >= total_minor THEN 'paid'"
                                 " ELSE status END WHERE id = ?2", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, od_payment_get_amount (payment));
      sqlite3_bind_int64 (stmt, 2, facts.id);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the payment"), error);
    }

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  if (ok)
    {
      od_payment_set_invoice_id (payment, facts.id);
      od_payment_set_invoice_number (payment, facts.number);
    }
  else
    od_payment_set_id (payment, 0);
  return ok;
}

static OdPayment *
payment_from_row (sqlite3_stmt *stmt)
{
  OdPayment *payment = od_payment_new ();
  GDate date;

  od_payment_set_id (payment, sqlite3_column_int64 (stmt, 0));
  od_payment_set_invoice_id (payment, sqlite3_column_int64 (stmt, 1));
  od_payment_set_invoice_number (payment, _od_sqlite_column_text (stmt, 2));
  _od_sqlite_column_date (stmt, 3, &date);
  od_payment_set_date (payment, &date);
  od_payment_set_amount (payment, sqlite3_column_int64 (stmt, 4));
  od_payment_set_currency (payment, _od_sqlite_column_text (stmt, 5));
  od_payment_set_method (payment, _od_sqlite_column_text (stmt, 6));
  od_payment_set_reference (payment, _od_sqlite_column_text (stmt, 7));
  return payment;
}

static OdCharge *
charge_from_row (sqlite3_stmt *stmt)
{
  OdCharge *charge = od_charge_new ();
  OdChargeKind kind = OD_CHARGE_KIND_LATE_FEE;
  GDate date;

  od_charge_set_id (charge, sqlite3_column_int64 (stmt, 0));
  od_charge_set_invoice_id (charge, sqlite3_column_int64 (stmt, 1));
  if (od_charge_kind_from_string (_od_sqlite_column_text (stmt, 2), &kind))
    od_charge_set_kind (charge, kind);
  _od_sqlite_column_date (stmt, 3, &date);
  od_charge_set_date (charge, &date);
  od_charge_set_amount (charge, sqlite3_column_int64 (stmt, 4));
  od_charge_set_currency (charge, _od_sqlite_column_text (stmt, 5));
  od_charge_set_description (charge, _od_sqlite_column_text (stmt, 6));
  od_charge_set_step (charge, _od_sqlite_column_text (stmt, 7));
  return charge;
}

typedef GObject *(*RowFunc) (sqlite3_stmt *stmt);

/* Every row of @sql (binding @invoice_id) as objects. */
static GPtrArray *
list_for_invoice (OdStore     *store,
                  const char  *sql,
                  gint64       invoice_id,
                  RowFunc      from_row,
                  GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the ledger"), error)) == 1)
        g_ptr_array_add (items, from_row (stmt));
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);

  return row == 0 ? g_steal_pointer (&items) : NULL;
}

GPtrArray *
_od_sqlite_store_list_payments (OdStore  *store,
                                gint64    invoice_id,
                                GError  **error)
{
  return list_for_invoice (store,
                           "SELECT " PAYMENT_COLUMNS PAYMENT_FROM
                           " WHERE p.invoice_id = ? ORDER BY p.date, p.id",
                           invoice_id, (RowFunc) payment_from_row, error);
}

gboolean
_od_sqlite_store_foreach_payment (OdStore             *store,
                                  OdStorePaymentFunc   func,
                                  gpointer             user_data,
                                  GError             **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  rc = sqlite3_prepare_v2 (scope.conn->db,
                           "SELECT " PAYMENT_COLUMNS PAYMENT_FROM " ORDER BY p.id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _od_sqlite_set_error (error, scope.conn->db, rc, _("Could not read payments"));
      ok = FALSE;
    }
  while (ok)
    {
      g_autoptr(OdPayment) payment = NULL;
      int row = _od_sqlite_next (scope.conn, stmt, _("Could not read payments"), error);

      if (row <= 0)
        {
          ok = row == 0;
          break;
        }
      payment = payment_from_row (stmt);
      ok = func (payment, user_data, error);
    }
  sqlite3_finalize (stmt);
  _od_sqlite_store_read_end (&scope);

  return ok;
}

/* Charges */

gboolean
_od_sqlite_store_insert_charge (OdStore   *store,
                                OdCharge  *charge,
                                GError   **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!od_charge_validate (charge, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "INSERT INTO charges (invoice_id, kind, date, amount_minor,"
                             " currency, description, step) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt != NULL)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, od_charge_get_invoice_id (charge));
      _od_sqlite_bind_text (stmt, 2, od_charge_kind_to_string (od_charge_get_kind (charge)));
      _od_sqlite_bind_date (stmt, 3, od_charge_get_date (charge));
      sqlite3_bind_int64 (stmt, 4, od_charge_get_amount (charge));
      _od_sqlite_bind_text (stmt, 5, od_charge_get_currency (charge));
      _od_sqlite_bind_text (stmt, 6, od_charge_get_description (charge));
      _od_sqlite_bind_text (stmt, 7, od_charge_get_step (charge));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE;
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     _("Invoice %" PRId64 " does not exist"),
                     od_charge_get_invoice_id (charge));
      else if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
                     _("The fee of step “%s” was already charged"),
                     od_charge_get_step (charge));
      else if (!ok)
        _od_sqlite_set_error (error, scope.conn->db, rc, _("Could not save the charge"));
    }
  if (ok)
    od_charge_set_id (charge, sqlite3_last_insert_rowid (scope.conn->db));

  return _od_sqlite_store_write_end (&scope, ok, error);
}

GPtrArray *
_od_sqlite_store_list_charges (OdStore  *store,
                               gint64    invoice_id,
                               GError  **error)
{
  return list_for_invoice (store,
                           "SELECT " CHARGE_COLUMNS " FROM charges"
                           " WHERE invoice_id = ? ORDER BY date, id",
                           invoice_id, (RowFunc) charge_from_row, error);
}

/* Pauses and payment plans */

gint64
_od_sqlite_store_insert_pause (OdStore      *store,
                               gint64        invoice_id,
                               OdPauseKind   kind,
                               const GDate  *since,
                               const GDate  *until,
                               gint64        promised_minor,
                               const char   *reason,
                               GError      **error)
{
  g_auto(InvoiceFacts) facts = { 0, };
  OdSqliteScope scope;
  sqlite3_stmt *stmt = NULL;
  GDate today;
  gint64 id = 0;
  gboolean ok;

  if (since == NULL || !g_date_valid (since))
    {
      g_date_set_time_t (&today, time (NULL));
      since = &today;
    }
  if (until != NULL && g_date_valid (until) && g_date_compare (until, since) < 0)
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                   _("The pause must end on or after the day it starts"));
      return 0;
    }

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return 0;

  ok = read_invoice_facts (scope.conn, invoice_id, NULL, &facts, error);
  if (ok)
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO pauses (invoice_id, kind, since, until,"
                               " promised_minor, reason) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      _od_sqlite_bind_text (stmt, 2, od_pause_kind_to_string (kind));
      _od_sqlite_bind_date (stmt, 3, since);
      _od_sqlite_bind_date (stmt, 4, until);
      sqlite3_bind_int64 (stmt, 5, promised_minor);
      _od_sqlite_bind_text (stmt, 6, reason);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not pause the invoice"), error);
    }
  if (ok)
    id = sqlite3_last_insert_rowid (scope.conn->db);

  return _od_sqlite_store_write_end (&scope, ok, error) ? id : 0;
}

gint64
_od_sqlite_store_insert_payment_plan (OdStore      *store,
                                      gint64        invoice_id,
                                      guint         count,
                                      guint         every_days,
                                      const GDate  *first_due,
                                      GError      **error)
{
  g_auto(InvoiceFacts) facts = { 0, };
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gint64 outstanding = 0;
  gint64 plan_id = 0;
  GDate due;
  gboolean ok;
  int rc;

  if (count == 0 || count > 1000 || (count > 1 && every_days == 0))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                   _("A payment plan needs 1 to 1000 instalments at least a day apart"));
      return 0;
    }

  /* Without a first date, the first instalment falls due one period
   * from today. */
  if (first_due != NULL && g_date_valid (first_due))
    due = *first_due;
  else
    {
      g_date_set_time_t (&due, time (NULL));
      g_date_add_days (&due, MAX (every_days, 1));
    }

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return 0;

  ok = read_invoice_facts (scope.conn, invoice_id, NULL, &facts, error);
  if (ok)
    {
      outstanding = facts.total - facts.paid;
      if (outstanding < (gint64) count)
        {
          g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                       _("Invoice “%s” has too little outstanding for %u instalments"),
                       facts.number, count);
          ok = FALSE;
        }
    }

  if (ok)
    {
      stmt = _od_sqlite_prepare (scope.conn,
                                 "INSERT INTO payment_plans (invoice_id) VALUES (?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, invoice_id);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          ok = rc == SQLITE_DONE;
          if (rc == SQLITE_CONSTRAINT_UNIQUE)
            g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
                         _("Invoice “%s” already has a payment plan"), facts.number);
          else if (!ok)
            _od_sqlite_set_error (error, scope.conn->db, rc, _("Could not save the payment plan"));
        }
    }
  if (ok)
    plan_id = sqlite3_last_insert_rowid (scope.conn->db);

  for (guint i = 0; ok && i < count; i++)
    {
      gint64 each = outstanding / count;
      gint64 amount = i + 1 < count ? each : outstanding - each * (count - 1);

      stmt = _od_sqlite_prepare (scope.conn,
                                 "INSERT INTO instalments (plan_id, position, due_date,"
                                 " amount_minor) VALUES (?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      _od_sqlite_bind_date (stmt, 3, &due);
      sqlite3_bind_int64 (stmt, 4, amount);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the payment plan"), error);
      g_date_add_days (&due, every_days);
    }

  return _od_sqlite_store_write_end (&scope, ok, error) ? plan_id : 0;
}
