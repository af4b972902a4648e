/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-sqlite-schema.h"
#include "od-sqlite-store.h"

#define ISO_DATE "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
#define NOW "(strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
#define CURRENCY(col) "CHECK (" col " GLOB '[A-Z][A-Z][A-Z]')"
#define CHANNEL(col) "CHECK (" col " IN ('email', 'sms', 'letter', 'call'))"
#define BOOL(col) "INTEGER NOT NULL DEFAULT 0 CHECK (" col " IN (0, 1))"

/*
 * Version 1: every table the design needs, so that later features add
 * code rather than migrations. Money is INTEGER minor units, dates are
 * TEXT 'YYYY-MM-DD', instants TEXT ISO 8601 UTC.
 */
static const char migration_1[] =
  "CREATE TABLE business ("
  "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name          TEXT NOT NULL CHECK (name <> ''),"
  "  address       TEXT,"
  "  email         TEXT,"
  "  phone         TEXT,"
  "  tax_id        TEXT,"
  "  iban          TEXT,"
  "  bic           TEXT,"
  "  payment_link  TEXT,"
  "  paper_size    TEXT NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'Letter')),"
  "  locale        TEXT,"
  "  currency      TEXT " CURRENCY ("currency") ","
  "  logo          TEXT,"
  "  time_zone     TEXT,"
  "  updated_at    TEXT NOT NULL DEFAULT " NOW
  ");"

  "CREATE TABLE settings ("
  "  key    TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),"
  "  value  TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* The policy's rules live in its key file; its steps are rows so that
   * the history can refer to them by name. */
  "CREATE TABLE policies ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  is_default  " BOOL ("is_default") ","
  "  key_file    TEXT NOT NULL,"
  "  created_at  TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at  TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE UNIQUE INDEX policies_one_default ON policies (is_default) WHERE is_default = 1;"

  "CREATE TABLE policy_steps ("
  "  id           INTEGER PRIMARY KEY,"
  "  policy_id    INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL CHECK (position >= 0),"
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  offset_days  INTEGER NOT NULL,"
  "  channels     TEXT NOT NULL CHECK (channels <> ''),"  /* 'email;letter': fallback order */
  "  template     TEXT NOT NULL,"
  "  fee_minor    INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),"
  "  fee_bp       INTEGER NOT NULL DEFAULT 0 CHECK (fee_bp >= 0),"
  "  review       " BOOL ("review") ","
  "  UNIQUE (policy_id, position),"
  "  UNIQUE (policy_id, name)"
  ");"

  "CREATE TABLE customers ("
  "  id                  INTEGER PRIMARY KEY,"
  "  ref                 TEXT NOT NULL UNIQUE CHECK (ref <> ''),"
  "  name                TEXT NOT NULL CHECK (name <> ''),"
  "  address             TEXT,"
  "  city                TEXT,"
  "  postcode            TEXT,"
  "  country             TEXT CHECK (length (country) = 2),"
  "  language            TEXT,"
  "  time_zone           TEXT,"
  "  credit_limit_minor  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit_minor >= 0),"
  "  credit_currency     TEXT " CURRENCY ("credit_currency") ","
  "  notes               TEXT,"
  "  do_not_chase        " BOOL ("do_not_chase") ","
  "  opted_out           INTEGER NOT NULL DEFAULT 0 CHECK (opted_out BETWEEN 0 AND 15),"
  "  archived            " BOOL ("archived") ","
  "  risk_level          TEXT CHECK (risk_level IN ('low', 'medium', 'high')),"
  "  policy_id           INTEGER REFERENCES policies (id) ON DELETE SET NULL,"
  "  created_at          TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX customers_name ON customers (name);"

  "CREATE TABLE contacts ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  name         TEXT,"
  "  email        TEXT,"
  "  phone        TEXT,"
  "  role         TEXT NOT NULL DEFAULT 'billing' CHECK (role IN ('billing', 'escalation'))"
  ");"
  "CREATE INDEX contacts_customer ON contacts (customer_id);"

  "CREATE TABLE invoices ("
  "  id           INTEGER PRIMARY KEY,"
  "  number       TEXT NOT NULL UNIQUE CHECK (number <> ''),"
  "  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,"
  "  issue_date   TEXT NOT NULL CHECK (issue_date GLOB " ISO_DATE "),"
  "  due_date     TEXT NOT NULL CHECK (due_date GLOB " ISO_DATE "),"
  "  currency     TEXT NOT NULL " CURRENCY ("currency") ","
  "  total_minor  INTEGER NOT NULL CHECK (total_minor >= 0),"
  "  paid_minor   INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),"
  "  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'void')),"
  "  created_at   TEXT NOT NULL DEFAULT " NOW
  ");"
  /* The dunning pass reads open invoices by due date. Other list sorts
   * go without an index: each costs every import a b-tree, and sorting a
   * million ids takes well under a second anyway. */
  "CREATE INDEX invoices_status_due ON invoices (status, due_date);"
  "CREATE INDEX invoices_customer ON invoices (customer_id);"
  "CREATE INDEX invoices_due ON invoices (due_date);"

  "CREATE TABLE invoice_lines ("
  "  id                INTEGER PRIMARY KEY,"
  "  invoice_id        INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  position          INTEGER NOT NULL CHECK (position >= 0),"
  "  description       TEXT NOT NULL,"
  "  quantity_milli    INTEGER NOT NULL,"
  "  unit_price_minor  INTEGER NOT NULL,"
  "  tax_rate_bp       INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp >= 0),"
  "  UNIQUE (invoice_id, position)"
  ");"

  "CREATE TABLE payments ("
  "  id            INTEGER PRIMARY KEY,"
  "  invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,"
  "  date          TEXT NOT NULL CHECK (date GLOB " ISO_DATE "),"
  "  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),"
  "  currency      TEXT NOT NULL " CURRENCY ("currency") ","
  "  method        TEXT,"
  "  reference     TEXT,"
  "  created_at    TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX payments_invoice ON payments (invoice_id);"

  "CREATE TABLE charges ("
  "  id            INTEGER PRIMARY KEY,"
  "  invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('late-fee', 'interest', 'compensation')),"
  "  date          TEXT NOT NULL CHECK (date GLOB " ISO_DATE "),"
  "  amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),"
  "  currency      TEXT NOT NULL " CURRENCY ("currency") ","
  "  description   TEXT,"
  "  step          TEXT,"
  "  created_at    TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX charges_invoice ON charges (invoice_id);"
  /* A step's fee is charged once, ever. */
  "CREATE UNIQUE INDEX charges_fee_once ON charges (invoice_id, step)"
  "  WHERE kind = 'late-fee' AND step IS NOT NULL;"

  "CREATE TABLE pauses ("
  "  id              INTEGER PRIMARY KEY,"
  "  invoice_id      INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('dispute', 'promise', 'hold')),"
  "  since           TEXT NOT NULL CHECK (since GLOB " ISO_DATE "),"
  "  until           TEXT CHECK (until GLOB " ISO_DATE " AND until >= since),"
  "  promised_minor  INTEGER NOT NULL DEFAULT 0 CHECK (promised_minor >= 0),"
  "  reason          TEXT,"
  "  resolved_at     TEXT,"
  "  created_at      TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX pauses_open ON pauses (invoice_id) WHERE resolved_at IS NULL;"

  "CREATE TABLE payment_plans ("
  "  id          INTEGER PRIMARY KEY,"
  "  invoice_id  INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  status      TEXT NOT NULL DEFAULT 'active'"
  "              CHECK (status IN ('active', 'completed', 'broken', 'cancelled')),"
  "  created_at  TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX payment_plans_invoice ON payment_plans (invoice_id);"
  "CREATE UNIQUE INDEX payment_plans_one_active ON payment_plans (invoice_id)"
  "  WHERE status = 'active';"

  "CREATE TABLE instalments ("
  "  id            INTEGER PRIMARY KEY,"
  "  plan_id       INTEGER NOT NULL REFERENCES payment_plans (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL CHECK (position >= 0),"
  "  due_date      TEXT NOT NULL CHECK (due_date GLOB " ISO_DATE "),"
  "  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),"
  "  paid_minor    INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),"
  "  UNIQUE (plan_id, position)"
  ");"

  /* The durable outbox. A message leaves only after its row says
   * 'sending'; a crash there leaves 'unknown', never a resend. */
  "CREATE TABLE outbox ("
  "  id               INTEGER PRIMARY KEY,"
  "  idempotency_key  TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),"
  "  customer_id      INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  channel          TEXT NOT NULL " CHANNEL ("channel") ","
  "  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending',"
  "                   'sent', 'failed', 'unknown', 'awaiting-review', 'cancelled')),"
  "  step             TEXT,"
  "  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
  "  next_attempt_at  TEXT,"
  "  last_error       TEXT,"
  "  permanent        " BOOL ("permanent") ","
  "  message_id       TEXT,"
  "  payload          TEXT,"
  "  sent_at          TEXT,"
  "  created_at       TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at       TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX outbox_state_next ON outbox (state, next_attempt_at);"
  "CREATE INDEX outbox_customer ON outbox (customer_id);"

  "CREATE TABLE outbox_invoices ("
  "  outbox_id   INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,"
  "  invoice_id  INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (outbox_id, invoice_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX outbox_invoices_invoice ON outbox_invoices (invoice_id);"

  /* Every (invoice, step, repeat) is taken at most once, ever. */
  "CREATE TABLE dunning_history ("
  "  id          INTEGER PRIMARY KEY,"
  "  invoice_id  INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  step        TEXT NOT NULL CHECK (step <> ''),"
  "  repeat      INTEGER NOT NULL DEFAULT 0 CHECK (repeat >= 0),"
  "  status      TEXT NOT NULL CHECK (status IN ('taken', 'superseded', 'skipped')),"
  "  at          TEXT NOT NULL,"
  "  outbox_id   INTEGER REFERENCES outbox (id) ON DELETE SET NULL,"
  "  UNIQUE (invoice_id, step, repeat)"
  ");"
  "CREATE INDEX dunning_history_invoice ON dunning_history (invoice_id);"

  "CREATE TABLE communications ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  invoice_id   INTEGER REFERENCES invoices (id) ON DELETE SET NULL,"
  "  outbox_id    INTEGER REFERENCES outbox (id) ON DELETE SET NULL,"
  "  channel      TEXT NOT NULL " CHANNEL ("channel") ","
  "  direction    TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),"
  "  at           TEXT NOT NULL,"
  "  summary      TEXT,"
  "  outcome      TEXT CHECK (outcome IN ('sent', 'delivered', 'failed', 'paid', 'promise',"
  "               'dispute', 'no-answer', 'other'))"
  ");"
  "CREATE INDEX communications_customer_at ON communications (customer_id, at);"
  "CREATE INDEX communications_invoice ON communications (invoice_id);";

/*
 * Version 2: the channel a history entry went out on (the engine's
 * guardrails count calls), and an audit log for what the owner decides
 * about chasing (pauses, resumes, plans, opt-outs): these are no
 * communication with the customer, so they do not go into that log.
 */
static const char migration_2[] =
  "ALTER TABLE dunning_history ADD COLUMN channel TEXT " CHANNEL ("channel") ";"

  "CREATE TABLE audit_log ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  invoice_id   INTEGER REFERENCES invoices (id) ON DELETE CASCADE,"
  "  at           TEXT NOT NULL DEFAULT " NOW ","
  "  action       TEXT NOT NULL CHECK (action <> ''),"
  "  detail       TEXT"
  ");"
  "CREATE INDEX audit_log_customer_at ON audit_log (customer_id, at);"
  "CREATE INDEX audit_log_invoice ON audit_log (invoice_id);";

/*
 * Version 3: who is sending an outbox row and since when (the claim:
 * host, boot, pid and process start, so a row whose sender died is told
 * from one still in flight), whether it only pretended to send (demo: no
 * account set up), and when a person finished a letter (printed and
 * posted) or a call task. A payment that settles an invoice cancels what
 * still waits to go out about it, whichever program records the payment.
 */
static const char migration_3[] =
  "ALTER TABLE outbox ADD COLUMN claim_owner TEXT;"
  "ALTER TABLE outbox ADD COLUMN claimed_at TEXT;"
  "ALTER TABLE outbox ADD COLUMN demo " BOOL ("demo") ";"
  "ALTER TABLE outbox ADD COLUMN done_at TEXT;"

  "CREATE TRIGGER outbox_cancel_when_settled AFTER UPDATE OF status ON invoices"
  "  WHEN NEW.status <> 'open' AND OLD.status = 'open'"
  "  BEGIN"
  "    UPDATE dunning_history SET status = 'skipped'"
  "      WHERE status = 'taken' AND outbox_id IN (SELECT o.id FROM outbox o"
  "        JOIN outbox_invoices x ON x.outbox_id = o.id AND x.invoice_id = NEW.id"
  "        WHERE o.state IN ('queued', 'awaiting-review')"
  "           OR (o.state = 'failed' AND o.permanent = 0));"
  "    UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL,"
  "      last_error = 'The invoice was ' || CASE NEW.status WHEN 'paid' THEN 'paid'"
  "        ELSE 'voided' END || ' before the message went out',"
  "      updated_at = " NOW
  "      WHERE (state IN ('queued', 'awaiting-review') OR (state = 'failed' AND permanent = 0))"
  "        AND id IN (SELECT outbox_id FROM outbox_invoices WHERE invoice_id = NEW.id);"
  "  END;";

/*
 * Version 4: message and letter templates, one row per (name, language,
 * part). Overdue's own texts are seeded from the GResource when a ledger
 * opens; is_default says a row is still that text, so an upgrade may
 * refresh it, while an edited one (is_default = 0) stays as edited.
 */
static const char migration_4[] =
  "CREATE TABLE templates ("
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  language    TEXT NOT NULL CHECK (language <> ''),"
  "  part        TEXT NOT NULL CHECK (part IN ('subject', 'text', 'html', 'sms', 'letter')),"
  "  body        TEXT NOT NULL,"
  "  is_default  " BOOL ("is_default") ","
  "  updated_at  TEXT NOT NULL DEFAULT " NOW ","
  "  PRIMARY KEY (name, language, part)"
  ") WITHOUT ROWID;";

/*
 * Version 5: indexes for the reports on a large ledger. Sales by issue
 * date read a range of a covering index instead of every invoice; an
 * invoice's payments up to a date are summed from the index alone.
 */
static const char migration_5[] =
  "CREATE INDEX invoices_issue ON invoices (issue_date, currency, status, total_minor);"
  "CREATE INDEX payments_invoice_date ON payments (invoice_id, date, amount_minor);";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == OD_SQLITE_STORE_SCHEMA_VERSION);

const char * const *
_od_sqlite_schema_get_migrations (guint *n_migrations)
{
  g_assert (n_migrations != NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

void
_od_sqlite_set_error (GError     **error,
                      sqlite3     *db,
                      int          rc,
                      const char  *what)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_BUSY,
                   _("The ledger is in use by another program; try again later"));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_CORRUPT,
                   _("“%s” is not an Overdue ledger or is damaged: %s"),
                   db != NULL && sqlite3_db_filename (db, "main") != NULL
                     ? sqlite3_db_filename (db, "main") : "?",
                   message);
      break;

    default:
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   "%s: %s", what, message);
      break;
    }
}

gint
_od_sqlite_schema_get_version (sqlite3  *db,
                               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    _od_sqlite_set_error (error, db, rc, _("Could not read the ledger’s version"));
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _od_sqlite_set_error (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
backup (sqlite3     *db,
        const char  *target,
        GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *job;
  int rc;

  rc = sqlite3_open_v2 (target, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("Could not create the backup “%s”: %s"),
                   target, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }

  job = sqlite3_backup_init (copy, "main", db, "main");
  if (job == NULL)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("Could not back up the ledger to “%s”: %s"),
                   target, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }
  rc = sqlite3_backup_step (job, -1);
  sqlite3_backup_finish (job);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, OD_STORE_ERROR,
                   rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                     ? OD_STORE_ERROR_BUSY : OD_STORE_ERROR_FAILED,
                   _("Could not back up the ledger to “%s”: %s"),
                   target, sqlite3_errstr (rc));
      sqlite3_close (copy);
      return FALSE;
    }
  sqlite3_close (copy);
  return TRUE;
}

static gboolean
run_one (sqlite3     *db,
         const char  *script,
         guint        target,
         GError     **error)
{
  g_autofree char *set_version = NULL;
  gint version;

  /* IMMEDIATE takes the write lock first, so two programs opening an old
   * ledger at once migrate it once. */
  if (!exec (db, "BEGIN IMMEDIATE", _("Could not start the upgrade"), error))
    return FALSE;

  version = _od_sqlite_schema_get_version (db, error);
  if (version < 0)
    goto fail;
  if ((guint) version >= target)
    return exec (db, "COMMIT", _("Could not finish the upgrade"), error);

  set_version = g_strdup_printf ("PRAGMA user_version = %u", target);
  if (!exec (db, script, _("Could not upgrade the ledger"), error) ||
      !exec (db, set_version, _("Could not upgrade the ledger"), error) ||
      !exec (db, "COMMIT", _("Could not finish the upgrade"), error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
_od_sqlite_schema_migrate (sqlite3             *db,
                           const char * const  *scripts,
                           guint                n_scripts,
                           char               **backup_path,
                           GError             **error)
{
  gint version;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (scripts != NULL || n_scripts == 0, FALSE);

  if (backup_path != NULL)
    *backup_path = NULL;

  version = _od_sqlite_schema_get_version (db, error);
  if (version < 0)
    return FALSE;

  if ((guint) version > n_scripts)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Overdue "
                     "(format %d, this version reads up to %u); update Overdue "
                     "to open it"),
                   sqlite3_db_filename (db, "main"), version, n_scripts);
      return FALSE;
    }

  if ((guint) version == n_scripts)
    return TRUE;

  if (version >= 1)
    {
      const char *file = sqlite3_db_filename (db, "main");
      g_autofree char *target = NULL;

      if (file == NULL || *file == '\0')
        {
          g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                       _("Cannot back up a ledger that has no file"));
          return FALSE;
        }
      target = g_strdup_printf ("%s.v%d.bak", file, version);
      if (!backup (db, target, error))
        return FALSE;
      if (backup_path != NULL)
        *backup_path = g_steal_pointer (&target);
    }

  for (guint i = version; i < n_scripts; i++)
    {
      if (!run_one (db, scripts[i], i + 1, error))
        return FALSE;
    }

  return TRUE;
}
