/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Collection policies: the business default (policies.is_default), the
 * high-risk ladder (its id in the setting HIGH_RISK_KEY) and a customer's
 * own (customers.policy_id); and the customers' stored risk levels. The key file is the truth; the
 * policy_steps rows name the steps so that the ledger can refer to them. */

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "od-sqlite-store-private.h"

#define HIGH_RISK_KEY "high-risk-policy-id"

static const char *const risk_names[] = { "low", "medium", "high" };

/* policies.name is unique across the ledger, while two customers' policies
 * may well share a name: a customer's row carries the customer's id. The
 * policy's own name stays in its key file. */
static char *
row_name (OdPolicy *policy,
          gint64    customer_id)
{
  if (customer_id == 0)
    return g_strdup (od_policy_get_name (policy));
  if (customer_id == OD_STORE_HIGH_RISK_POLICY)
    return g_strdup_printf ("%s (high risk)", od_policy_get_name (policy));

  return g_strdup_printf ("%s (customer %" G_GINT64_FORMAT ")",
                          od_policy_get_name (policy), customer_id);
}

/* The customer's policy id (0 = none) in *@out; FALSE with
 * OD_STORE_ERROR_NOT_FOUND when there is no such customer. */
static gboolean
customer_policy_id (OdSqliteConn  *conn,
                    gint64         customer_id,
                    gint64        *out,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int row;

  stmt = _od_sqlite_prepare (conn, "SELECT policy_id FROM customers WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  row = _od_sqlite_next (conn, stmt, _("Could not read the customer’s policy"), error);
  if (row == 1)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (row == 0)
    g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                 _("There is no customer with id %" PRId64), customer_id);

  return row == 1;
}

static gboolean
default_policy_id (OdSqliteConn  *conn,
                   gint64        *out,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int row;

  *out = 0;
  stmt = _od_sqlite_prepare (conn, "SELECT id FROM policies WHERE is_default = 1", error);
  if (stmt == NULL)
    return FALSE;

  row = _od_sqlite_next (conn, stmt, _("Could not read the default policy"), error);
  if (row == 1)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return row >= 0;
}

static gboolean
high_risk_policy_id (OdSqliteConn  *conn,
                     gint64        *out,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  int row;

  *out = 0;
  stmt = _od_sqlite_prepare (conn,
                             "SELECT p.id FROM settings s JOIN policies p"
                             " ON p.id = CAST (s.value AS INTEGER)"
                             " WHERE s.key = '" HIGH_RISK_KEY "'", error);
  if (stmt == NULL)
    return FALSE;

  row = _od_sqlite_next (conn, stmt, _("Could not read the high-risk policy"), error);
  if (row == 1)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return row >= 0;
}

/* Which policy row @customer_id (0, a customer, or the high-risk slot)
 * has now, 0 for none. */
static gboolean
slot_policy_id (OdSqliteConn  *conn,
                gint64         customer_id,
                gint64        *out,
                GError       **error)
{
  if (customer_id == 0)
    return default_policy_id (conn, out, error);
  if (customer_id == OD_STORE_HIGH_RISK_POLICY)
    return high_risk_policy_id (conn, out, error);
  return customer_policy_id (conn, customer_id, out, error);
}

/* Returns NULL with no error when @policy_id is 0. */
static OdPolicy *
read_policy (OdSqliteConn  *conn,
             gint64         policy_id,
             GError       **error)
{
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key_file = NULL;
  sqlite3_stmt *stmt;
  int row;

  if (policy_id == 0)
    return NULL;

  stmt = _od_sqlite_prepare (conn, "SELECT key_file FROM policies WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, policy_id);
  row = _od_sqlite_next (conn, stmt, _("Could not read a policy"), error);
  if (row == 1)
    key_file = g_strdup (_od_sqlite_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (row != 1)
    {
      if (row == 0)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     _("There is no policy with id %" PRId64), policy_id);
      return NULL;
    }

  policy = od_policy_new_from_data (key_file != NULL ? key_file : "", -1, &local_error);
  if (policy == NULL)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT,
                   _("The stored policy %" PRId64 " does not read: %s"),
                   policy_id, local_error->message);
      return NULL;
    }

  od_policy_set_id (policy, policy_id);

  return g_steal_pointer (&policy);
}

static gboolean
delete_policy (OdSqliteConn  *conn,
               gint64         policy_id,
               GError       **error)
{
  sqlite3_stmt *stmt;

  if (policy_id == 0)
    return TRUE;

  /* Customers pointing at it fall back to the default (ON DELETE SET
   * NULL); its steps go with it (ON DELETE CASCADE). */
  stmt = _od_sqlite_prepare (conn, "DELETE FROM policies WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, policy_id);

  return _od_sqlite_run (conn, stmt, _("Could not remove the old policy"), error);
}

static gboolean
insert_steps (OdSqliteConn  *conn,
              OdPolicy      *policy,
              gint64         policy_id,
              GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _od_sqlite_prepare (conn,
                             "INSERT INTO policy_steps (policy_id, position, name,"
                             " offset_days, channels, template, fee_minor, fee_bp, review)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < od_policy_get_n_steps (policy); i++)
    {
      OdPolicyStep *step = od_policy_get_step (policy, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;
      g_autofree char *channels_text = NULL;
      const OdChannel *channels;
      guint n_channels;

      channels = od_policy_step_get_channels (step, &n_channels);
      for (guint j = 0; j < n_channels; j++)
        g_strv_builder_add (builder, od_channel_to_string (channels[j]));
      names = g_strv_builder_end (builder);
      channels_text = g_strjoinv (";", names);

      sqlite3_bind_int64 (stmt, 1, policy_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, od_policy_step_get_name (step), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, od_policy_step_get_offset_days (step));
      sqlite3_bind_text (stmt, 5, channels_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, od_policy_step_get_template (step), -1, SQLITE_TRANSIENT);
      /* A fee is in thousandths of whichever currency the invoice is in;
       * the column holds that currency-free amount. */
      sqlite3_bind_int64 (stmt, 7, od_policy_step_get_fee_milli (step));
      sqlite3_bind_int (stmt, 8, od_policy_step_get_fee_bp (step));
      sqlite3_bind_int (stmt, 9, od_policy_step_get_review (step) ? 1 : 0);

      if (!_od_sqlite_run (conn, stmt, _("Could not save a policy step"), error))
        return FALSE;
    }

  return TRUE;
}

static gint64
insert_policy (OdSqliteConn  *conn,
               OdPolicy      *policy,
               gint64         customer_id,
               GError       **error)
{
  g_autofree char *name = row_name (policy, customer_id);
  g_autofree char *key_file = od_policy_to_data (policy, NULL);
  sqlite3_stmt *stmt;
  gint64 policy_id;

  stmt = _od_sqlite_prepare (conn,
                             "INSERT INTO policies (name, is_default, key_file)"
                             " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, customer_id == 0 ? 1 : 0);
  sqlite3_bind_text (stmt, 3, key_file, -1, SQLITE_TRANSIENT);
  if (!_od_sqlite_run (conn, stmt, _("Could not save the policy"), error))
    return 0;

  policy_id = sqlite3_last_insert_rowid (conn->db);
  if (!insert_steps (conn, policy, policy_id, error))
    return 0;

  if (customer_id == OD_STORE_HIGH_RISK_POLICY)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, policy_id);

      stmt = _od_sqlite_prepare (conn,
                                 "INSERT INTO settings (key, value) VALUES ('" HIGH_RISK_KEY "', ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
      if (stmt == NULL)
        return 0;

      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      if (!_od_sqlite_run (conn, stmt, _("Could not save the high-risk policy"), error))
        return 0;
    }
  else if (customer_id != 0)
    {
      stmt = _od_sqlite_prepare (conn, "UPDATE customers SET policy_id = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;

      sqlite3_bind_int64 (stmt, 1, policy_id);
      sqlite3_bind_int64 (stmt, 2, customer_id);
      if (!_od_sqlite_run (conn, stmt, _("Could not give the customer the policy"), error))
        return 0;
    }

  return policy_id;
}

OdPolicy *
_od_sqlite_store_read_policy (OdSqliteConn  *conn,
                              gint64         customer_id,
                              GError       **error)
{
  gint64 policy_id = 0;

  if (!slot_policy_id (conn, customer_id, &policy_id, error))
    return NULL;

  return read_policy (conn, policy_id, error);
}

OdPolicy *
_od_sqlite_store_get_policy (OdStore  *store,
                             gint64    customer_id,
                             GError  **error)
{
  OdSqliteScope scope;
  OdPolicy *policy;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  policy = _od_sqlite_store_read_policy (scope.conn, customer_id, error);
  _od_sqlite_store_read_end (&scope);

  return policy;
}

gboolean
_od_sqlite_store_set_policy (OdStore   *store,
                             gint64     customer_id,
                             OdPolicy  *policy,
                             GError   **error)
{
  OdSqliteScope scope;
  gint64 old_id = 0;
  gint64 new_id = 0;
  gboolean ok;

  /* A bad policy never replaces a stored one. */
  if (policy != NULL && !od_policy_validate (policy, error))
    return FALSE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  ok = slot_policy_id (scope.conn, customer_id, &old_id, error);
  ok = ok && delete_policy (scope.conn, old_id, error);
  if (ok && policy == NULL && customer_id == OD_STORE_HIGH_RISK_POLICY)
    {
      sqlite3_stmt *stmt = _od_sqlite_prepare (scope.conn,
                                               "DELETE FROM settings WHERE key = '" HIGH_RISK_KEY "'",
                                               error);

      ok = stmt != NULL &&
           _od_sqlite_run (scope.conn, stmt, _("Could not remove the high-risk policy"), error);
    }
  if (ok && policy != NULL)
    {
      new_id = insert_policy (scope.conn, policy, customer_id, error);
      ok = new_id != 0;
    }

  ok = _od_sqlite_store_write_end (&scope, ok, error);
  if (ok && policy != NULL)
    od_policy_set_id (policy, new_id);

  return ok;
}

gboolean
_od_sqlite_store_set_risk_levels (OdStore       *store,
                                  const GArray  *levels,
                                  GError       **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (!_od_sqlite_store_write_begin (OD_SQLITE_STORE (store), &scope, TRUE, error))
    return FALSE;

  stmt = _od_sqlite_prepare (scope.conn,
                             "UPDATE customers SET risk_level = ?"
                             " WHERE id = ? AND risk_level IS NOT ?", error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < levels->len; i++)
    {
      const OdStoreRiskEntry *entry = &g_array_index (levels, OdStoreRiskEntry, i);

      if (entry->level >= OD_STORE_RISK_LOW && entry->level <= OD_STORE_RISK_HIGH)
        {
          sqlite3_bind_text (stmt, 1, risk_names[entry->level], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, risk_names[entry->level], -1, SQLITE_STATIC);
        }
      else
        {
          sqlite3_bind_null (stmt, 1);
          sqlite3_bind_null (stmt, 3);
        }
      sqlite3_bind_int64 (stmt, 2, entry->customer_id);
      ok = _od_sqlite_run (scope.conn, stmt, _("Could not store a customer’s risk level"), error);
    }

  return _od_sqlite_store_write_end (&scope, ok, error);
}

OdStoreRiskLevel
_od_sqlite_risk_level_from_text (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (risk_names); i++)
    if (g_strcmp0 (text, risk_names[i]) == 0)
      return (OdStoreRiskLevel) i;
  return OD_STORE_RISK_UNKNOWN;
}

gboolean
_od_sqlite_store_get_risk_level (OdStore           *store,
                                 gint64             customer_id,
                                 OdStoreRiskLevel  *out,
                                 GError           **error)
{
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, "SELECT risk_level FROM customers WHERE id = ?", error);
  row = -1;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      row = _od_sqlite_next (scope.conn, stmt, _("Could not read the customer’s risk level"), error);
      if (row == 1)
        *out = _od_sqlite_risk_level_from_text ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (row == 0)
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     _("There is no customer with id %" PRId64), customer_id);
    }
  _od_sqlite_store_read_end (&scope);
  return row == 1;
}
