/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

OdBusiness *
_od_sqlite_store_get_business (OdStore  *store,
                               GError  **error)
{
  OdSqliteScope scope;
  g_autoptr(OdBusiness) business = NULL;
  sqlite3_stmt *stmt;
  OdPaperSize paper = OD_PAPER_SIZE_A4;
  int row = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT name, address, email, phone, tax_id, iban, bic,"
                             " payment_link, paper_size, locale, currency, logo,"
                             " time_zone FROM business WHERE id = 1", error);
  if (stmt != NULL)
    row = _od_sqlite_next (scope.conn, stmt, _("Could not read the business profile"), error);
  if (row == 1)
    {
      business = od_business_new ();
      od_business_set_name (business, _od_sqlite_column_text (stmt, 0));
      od_business_set_address (business, _od_sqlite_column_text (stmt, 1));
      od_business_set_email (business, _od_sqlite_column_text (stmt, 2));
      od_business_set_phone (business, _od_sqlite_column_text (stmt, 3));
      od_business_set_tax_id (business, _od_sqlite_column_text (stmt, 4));
      od_business_set_iban (business, _od_sqlite_column_text (stmt, 5));
      od_business_set_bic (business, _od_sqlite_column_text (stmt, 6));
      od_business_set_payment_link (business, _od_sqlite_column_text (stmt, 7));
      if (od_paper_size_from_string (_od_sqlite_column_text (stmt, 8), &paper))
        od_business_set_paper_size (business, paper);
      od_business_set_locale (business, _od_sqlite_column_text (stmt, 9));
      od_business_set_currency (business, _od_sqlite_column_text (stmt, 10));
      od_business_set_logo (business, _od_sqlite_column_text (stmt, 11));
      od_business_set_time_zone (business, _od_sqlite_column_text (stmt, 12));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  _od_sqlite_store_read_end (&scope);

  return g_steal_pointer (&business);
}

gboolean
_od_sqlite_store_set_business (OdStore     *store,
                               OdBusiness  *business,
                               GError     **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!od_business_validate (business, error))
    return FALSE;
  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "INSERT INTO business (id, name, address, email, phone,"
                             " tax_id, iban, bic, payment_link, paper_size, locale,"
                             " currency, logo, time_zone)"
                             " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                             " ?12, ?13)"
                             " ON CONFLICT (id) DO UPDATE SET name = ?1, address = ?2,"
                             " email = ?3, phone = ?4, tax_id = ?5, iban = ?6, bic = ?7,"
                             " payment_link = ?8, paper_size = ?9, locale = ?10,"
                             " currency = ?11, logo = ?12, time_zone = ?13,"
                             " updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')",
                             error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_text (stmt, 1, od_business_get_name (business));
      _od_sqlite_bind_text (stmt, 2, od_business_get_address (business));
      _od_sqlite_bind_text (stmt, 3, od_business_get_email (business));
      _od_sqlite_bind_text (stmt, 4, od_business_get_phone (business));
      _od_sqlite_bind_text (stmt, 5, od_business_get_tax_id (business));
      _od_sqlite_bind_text (stmt, 6, od_business_get_iban (business));
      _od_sqlite_bind_text (stmt, 7, od_business_get_bic (business));
      _od_sqlite_bind_text (stmt, 8, od_business_get_payment_link (business));
      _od_sqlite_bind_text (stmt, 9, od_paper_size_to_string (od_business_get_paper_size (business)));
      _od_sqlite_bind_text (stmt, 10, od_business_get_locale (business));
      _od_sqlite_bind_text (stmt, 11, od_business_get_currency (business));
      _od_sqlite_bind_text (stmt, 12, od_business_get_logo (business));
      _od_sqlite_bind_text (stmt, 13, od_business_get_time_zone (business));
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not save the business profile"), error);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

char *
_od_sqlite_store_get_setting (OdStore     *store,
                              const char  *key,
                              GError     **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  char *value = NULL;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (_od_sqlite_next (scope.conn, stmt, _("Could not read a setting"), error) == 1)
        value = g_strdup (_od_sqlite_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  _od_sqlite_store_read_end (&scope);

  return value;
}

gboolean
_od_sqlite_store_set_setting (OdStore     *store,
                              const char  *key,
                              const char  *value,
                              GError     **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, FALSE, error))
    return FALSE;

  /* NULL removes the setting, so get_setting returns NULL again. */
  if (value == NULL)
    stmt = _od_sqlite_prepare (scope.conn, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = _od_sqlite_prepare (scope.conn,
                               "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                " ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (value != NULL)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not save a setting"), error);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}
