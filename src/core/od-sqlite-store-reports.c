/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "od-sqlite-store-private.h"

/*
 * The reports' reads. Each is one statement that aggregates in SQLite
 * and is stepped with a cursor: a million-invoice ledger passes through
 * SQLite's pages, never through this process's memory. ?1 is always
 * the as-of date.
 */

/* What each invoice that existed on ?1 still had open that day: its
 * total less the payments (credit notes are recorded as payments) dated
 * on or before it. Void invoices never count. */
#define OPEN_AS_OF \
  "SELECT i.id, i.customer_id, i.currency, i.due_date," \
  " i.total_minor - COALESCE ((SELECT SUM (p.amount_minor) FROM payments p" \
  "   WHERE p.invoice_id = i.id AND p.date <= ?1), 0) AS open" \
  " FROM invoices i WHERE i.status <> 'void' AND i.issue_date <= ?1"

/* The day each invoice was paid in full, as far as ?1 knows: the first
 * payment date at which the running sum reached the total. */
#define SETTLED_CTE \
  "settled AS (SELECT r.invoice_id, MIN (r.date) AS paid_on FROM" \
  " (SELECT p.invoice_id, p.date, SUM (p.amount_minor) OVER" \
  "   (PARTITION BY p.invoice_id ORDER BY p.date, p.id) AS running" \
  "  FROM payments p WHERE p.date <= ?1) r" \
  " JOIN invoices i ON i.id = r.invoice_id" \
  " WHERE r.running >= i.total_minor AND i.total_minor > 0" \
  " AND i.status <> 'void' AND i.issue_date <= ?1" \
  " GROUP BY r.invoice_id)"

#define DAYS(from, to) "CAST (julianday (" to ") - julianday (" from ") AS INTEGER)"

static void
variant_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *number = (const char *) sqlite3_value_text (argv[0]);

  if (number == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, (int) od_dunning_variant_for_number (number));
}

static gboolean
read_currency_sums (OdSqliteConn  *conn,
                    sqlite3_stmt  *stmt,
                    GArray        *sums,
                    const char    *what,
                    GError       **error)
{
  int row;

  while ((row = _od_sqlite_next (conn, stmt, what, error)) == 1)
    {
      OdStoreCurrencySum sum = { { 0, }, 0, 0 };

      g_strlcpy (sum.currency, _od_sqlite_column_text (stmt, 0) ?: "", sizeof sum.currency);
      sum.amount = sqlite3_column_int64 (stmt, 1);
      sum.current = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (sums, sum);
    }
  sqlite3_reset (stmt);
  return row == 0;
}

static GArray *
currency_sums (OdStore      *store,
               const char   *sql,
               const GDate  *first,
               const GDate  *second,
               const char   *what,
               GError      **error)
{
  g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (OdStoreCurrencySum));
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_date (stmt, 1, first);
      if (second != NULL)
        _od_sqlite_bind_date (stmt, 2, second);
      ok = read_currency_sums (scope.conn, stmt, sums, what, error);
    }
  _od_sqlite_store_read_end (&scope);

  return ok ? g_steal_pointer (&sums) : NULL;
}

void
_od_sqlite_register_report_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "od_variant", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, variant_func, NULL, NULL);
}

gboolean
_od_sqlite_store_foreach_aging (OdStore           *store,
                                const GDate       *as_of,
                                const guint       *edges,
                                guint              n_edges,
                                OdStoreAgingFunc   func,
                                gpointer           user_data,
                                GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  /* The edges are numbers, so they go into the SQL itself: one CASE
   * per row is cheaper than a join against a bound list. */
  g_string_append (sql, "SELECT c.id, c.ref, c.name, x.currency, CASE"
                        " WHEN x.days <= 0 THEN 0");
  for (guint i = 0; i < n_edges; i++)
    g_string_append_printf (sql, " WHEN x.days <= %u THEN %u", edges[i], i + 1);
  g_string_append_printf (sql, " ELSE %u END AS bucket, SUM (x.open), COUNT (*)"
                               " FROM (SELECT o.customer_id, o.currency, o.open, "
                               DAYS ("o.due_date", "?1") " AS days FROM (" OPEN_AS_OF ") o"
                               " WHERE o.open > 0) x"
                               " JOIN customers c ON c.id = x.customer_id"
                               " GROUP BY c.id, x.currency, bucket"
                               " ORDER BY c.name COLLATE OD_NAME, c.id, x.currency, bucket",
                          n_edges + 1);

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn, sql->str, error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_date (stmt, 1, as_of);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the aging of receivables"), error)) == 1)
        {
          OdStoreAgingRow aging = {
            .customer_id = sqlite3_column_int64 (stmt, 0),
            .customer_ref = _od_sqlite_column_text (stmt, 1),
            .customer_name = _od_sqlite_column_text (stmt, 2),
            .currency = _od_sqlite_column_text (stmt, 3),
            .bucket = (guint) sqlite3_column_int (stmt, 4),
            .open = sqlite3_column_int64 (stmt, 5),
            .n_invoices = (guint) sqlite3_column_int (stmt, 6),
          };

          if (!func (&aging, user_data, error))
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

GArray *
_od_sqlite_store_sum_receivables (OdStore      *store,
                                  const GDate  *as_of,
                                  GError      **error)
{
  return currency_sums (store,
                        "SELECT x.currency, SUM (x.open),"
                        " SUM (CASE WHEN x.due_date >= ?1 THEN x.open ELSE 0 END)"
                        " FROM (" OPEN_AS_OF ") x WHERE x.open > 0"
                        " GROUP BY x.currency ORDER BY x.currency",
                        as_of, NULL, _("Could not add up the receivables"), error);
}

typedef struct
{
  char    currency[4];
  gint64  amount[64];
  gint64  current[64];
  guint   n[64];
} AtSums;

static int
compare_at_sums (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const AtSums *) a)->currency, ((const AtSums *) b)->currency);
}

/* Adds what @total less @paid left open on each date to @currency's sums. */
static void
add_open_at (GArray        *sums,
             const char    *currency,
             const char    *issued,
             const char    *due,
             gint64         total,
             const gint64  *paid,
             char         (*dates)[11],
             guint          n_dates)
{
  AtSums *at = NULL;

  for (guint i = 0; at == NULL && i < sums->len; i++)
    if (strcmp (g_array_index (sums, AtSums, i).currency, currency) == 0)
      at = &g_array_index (sums, AtSums, i);
  if (at == NULL)
    {
      g_array_set_size (sums, sums->len + 1);
      at = &g_array_index (sums, AtSums, sums->len - 1);
      g_strlcpy (at->currency, currency, sizeof at->currency);
    }
  for (guint k = 0; k < n_dates; k++)
    {
      gint64 open = total - paid[k];

      if (strcmp (issued, dates[k]) > 0 || open <= 0)
        continue;
      at->amount[k] += open;
      if (strcmp (due, dates[k]) >= 0)
        at->current[k] += open;
      at->n[k]++;
    }
}

/* One scan for all @dates: each invoice with its payments, by invoice,
 * added up here per date (SQL's per-row expressions cost more than the
 * scan). The same sums as _od_sqlite_store_sum_receivables() per date. */
GPtrArray *
_od_sqlite_store_sum_receivables_at (OdStore      *store,
                                     const GDate  *dates,
                                     guint         n_dates,
                                     GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (AtSums));
  g_autofree char (*iso)[11] = g_malloc0 (n_dates * sizeof *iso);
  g_autofree char *issued = NULL;
  g_autofree char *due = NULL;
  g_autofree char *currency = NULL;
  gint64 paid[64] = { 0, };
  gint64 id = 0, total = 0;
  const GDate *latest = &dates[0];
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  g_return_val_if_fail (n_dates <= G_N_ELEMENTS (paid), NULL);

  for (guint k = 0; k < n_dates; k++)
    {
      if (g_date_compare (&dates[k], latest) > 0)
        latest = &dates[k];
      g_snprintf (iso[k], sizeof iso[k], "%04u-%02u-%02u", g_date_get_year (&dates[k]),
                  g_date_get_month (&dates[k]), g_date_get_day (&dates[k]));
    }

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, FALSE);
  stmt = _od_sqlite_prepare (scope.conn,
                             "SELECT i.id, i.currency, i.issue_date, i.due_date, i.total_minor,"
                             " p.date, p.amount_minor FROM invoices i"
                             " LEFT JOIN payments p ON p.invoice_id = i.id AND p.date <= ?1"
                             " WHERE i.status <> 'void' AND +i.issue_date <= ?1"
                             " ORDER BY i.id", error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_date (stmt, 1, latest);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not add up the receivables"), error)) == 1)
        {
          const char *paid_on = _od_sqlite_column_text (stmt, 5);

          if (sqlite3_column_int64 (stmt, 0) != id)
            {
              if (id != 0)
                add_open_at (sums, currency, issued, due, total, paid, iso, n_dates);
              id = sqlite3_column_int64 (stmt, 0);
              g_free (currency);
              currency = g_strdup (_od_sqlite_column_text (stmt, 1) ?: "");
              g_free (issued);
              issued = g_strdup (_od_sqlite_column_text (stmt, 2) ?: "");
              g_free (due);
              due = g_strdup (_od_sqlite_column_text (stmt, 3) ?: "");
              total = sqlite3_column_int64 (stmt, 4);
              memset (paid, 0, sizeof paid);
            }
          for (guint k = 0; paid_on != NULL && k < n_dates; k++)
            if (strcmp (paid_on, iso[k]) <= 0)
              paid[k] += sqlite3_column_int64 (stmt, 6);
        }
      sqlite3_reset (stmt);
      if (row == 0 && id != 0)
        add_open_at (sums, currency, issued, due, total, paid, iso, n_dates);
    }
  _od_sqlite_store_read_end (&scope);
  if (row != 0)
    return NULL;

  g_array_sort (sums, compare_at_sums);
  for (guint k = 0; k < n_dates; k++)
    {
      GArray *at_k = g_array_new (FALSE, TRUE, sizeof (OdStoreCurrencySum));

      for (guint i = 0; i < sums->len; i++)
        {
          AtSums *at = &g_array_index (sums, AtSums, i);
          OdStoreCurrencySum sum = { { 0, }, at->amount[k], at->current[k] };

          if (at->n[k] == 0)
            continue;
          g_strlcpy (sum.currency, at->currency, sizeof sum.currency);
          g_array_append_val (at_k, sum);
        }
      g_ptr_array_add (all, at_k);
    }
  return g_steal_pointer (&all);
}

GArray *
_od_sqlite_store_sum_sales (OdStore      *store,
                            const GDate  *from,
                            const GDate  *to,
                            GError      **error)
{
  return currency_sums (store,
                        "SELECT currency, SUM (total_minor), 0 FROM invoices"
                        " WHERE status <> 'void' AND issue_date BETWEEN ?1 AND ?2"
                        " GROUP BY currency ORDER BY currency",
                        from, to, _("Could not add up the sales"), error);
}

/* The behaviour query for one customer (?2): invoices read through a
 * CTE of that customer's, the payments behind "settled" only theirs, and
 * the customer row itself. */
static char *
behaviour_for_customer (const char *sql_all)
{
  g_autoptr(GString) sql = g_string_new (sql_all);

  g_assert (g_str_has_prefix (sql->str, "WITH "));
  g_string_replace (sql, " JOIN invoices i ", " JOIN cust_invoices i ", 0);
  g_string_replace (sql, " FROM invoices i ", " FROM cust_invoices i ", 0);
  g_string_replace (sql, "FROM payments p WHERE p.date <= ?1) r",
                    "FROM payments p WHERE p.date <= ?1"
                    " AND p.invoice_id IN (SELECT id FROM cust_invoices)) r", 1);
  g_string_replace (sql, " WHERE c.archived = 0", " WHERE c.archived = 0 AND c.id = ?2", 1);
  g_string_replace (sql, "FROM customers c)", "FROM customers c WHERE c.id = ?2)", 1);
  g_string_insert (sql, strlen ("WITH "),
                   "cust_invoices AS MATERIALIZED (SELECT * FROM invoices WHERE customer_id = ?2), ");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
_od_sqlite_store_foreach_behaviour (OdStore               *store,
                                    const GDate           *as_of,
                                    gint64                 customer_id,
                                    OdStoreBehaviourFunc   func,
                                    gpointer               user_data,
                                    GError               **error)
{
  static const char sql_all[] =
    "WITH " SETTLED_CTE ","
    " paid AS (SELECT i.customer_id, COUNT (*) AS n,"
    "  SUM (" DAYS ("i.issue_date", "s.paid_on") ") AS to_pay,"
    "  SUM (MAX (0, " DAYS ("i.due_date", "s.paid_on") ")) AS beyond,"
    "  SUM (s.paid_on > i.due_date) AS late,"
    "  SUM (s.paid_on > date (?1, '-90 days')) AS n_recent,"
    "  SUM (CASE WHEN s.paid_on > date (?1, '-90 days')"
    "       THEN MAX (0, " DAYS ("i.due_date", "s.paid_on") ") ELSE 0 END) AS recent_beyond"
    "  FROM settled s JOIN invoices i ON i.id = s.invoice_id GROUP BY i.customer_id),"
    " open_now AS (SELECT * FROM (" OPEN_AS_OF ") WHERE open > 0),"
    " past AS (SELECT customer_id, COUNT (*) AS n,"
    "  MAX (" DAYS ("due_date", "?1") ") AS oldest"
    "  FROM open_now WHERE due_date < ?1 GROUP BY customer_id),"
    /* A promise whose date has passed was kept when the payments up to
     * that date reached the promised amount (made since the promise), or
     * for a promise of the whole, the invoice's total. */
    " promises AS (SELECT i.customer_id, COUNT (*) AS due,"
    "  SUM ((SELECT COALESCE (SUM (p.amount_minor), 0) FROM payments p"
    "        WHERE p.invoice_id = i.id AND p.date <= pa.until"
    "        AND (pa.promised_minor = 0 OR p.date >= pa.since))"
    "       >= CASE WHEN pa.promised_minor > 0 THEN pa.promised_minor ELSE i.total_minor END) AS kept"
    "  FROM pauses pa JOIN invoices i ON i.id = pa.invoice_id"
    "  WHERE pa.kind = 'promise' AND pa.until IS NOT NULL AND pa.until < ?1"
    "  AND i.status <> 'void' GROUP BY i.customer_id),"
    " disputes AS (SELECT i.customer_id,"
    "  SUM (pa.resolved_at IS NULL OR date (pa.resolved_at) > ?1) AS open,"
    "  SUM (pa.since > date (?1, '-365 days')) AS year"
    "  FROM pauses pa JOIN invoices i ON i.id = pa.invoice_id"
    "  WHERE pa.kind = 'dispute' AND pa.since <= ?1 GROUP BY i.customer_id),"
    " limits AS (SELECT c.id, COALESCE (c.credit_currency,"
    "  (SELECT currency FROM business WHERE id = 1)) AS currency FROM customers c),"
    /* Summed once per customer and currency: a subquery per customer
     * scanned every open invoice again (10,000 × 25,000 rows). */
    " open_by_currency AS (SELECT customer_id, currency, SUM (open) AS open"
    "  FROM open_now GROUP BY customer_id, currency)"
    " SELECT c.id, c.ref, c.name,"
    "  COALESCE (pd.n, 0), COALESCE (pd.to_pay, 0), COALESCE (pd.beyond, 0),"
    "  COALESCE (pd.late, 0), COALESCE (pd.n_recent, 0), COALESCE (pd.recent_beyond, 0),"
    "  COALESCE (pa.n, 0), COALESCE (pa.oldest, 0),"
    "  COALESCE (pr.due, 0), COALESCE (pr.kept, 0),"
    "  COALESCE (d.open, 0), COALESCE (d.year, 0),"
    "  c.credit_limit_minor, l.currency, COALESCE (oc.open, 0)"
    " FROM customers c JOIN limits l ON l.id = c.id"
    " LEFT JOIN open_by_currency oc ON oc.customer_id = c.id AND oc.currency = l.currency"
    " LEFT JOIN paid pd ON pd.customer_id = c.id"
    " LEFT JOIN past pa ON pa.customer_id = c.id"
    " LEFT JOIN promises pr ON pr.customer_id = c.id"
    " LEFT JOIN disputes d ON d.customer_id = c.id"
    " WHERE c.archived = 0"
    " ORDER BY c.name COLLATE OD_NAME, c.id";
  g_autofree char *sql_one = NULL;
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  /* One customer (its page): the same query over that customer's
   * invoices and their payments only, through the customer index,
   * instead of the whole ledger's. */
  if (customer_id > 0)
    sql_one = behaviour_for_customer (sql_all);

  /* Several subqueries: they must see one state of the ledger. */
  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  stmt = _od_sqlite_prepare (scope.conn, sql_one != NULL ? sql_one : sql_all, error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_date (stmt, 1, as_of);
      if (customer_id > 0)
        sqlite3_bind_int64 (stmt, 2, customer_id);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the customers’ payment behaviour"), error)) == 1)
        {
          OdStoreBehaviourRow b = {
            .customer_id = sqlite3_column_int64 (stmt, 0),
            .customer_ref = _od_sqlite_column_text (stmt, 1),
            .customer_name = _od_sqlite_column_text (stmt, 2),
            .n_settled = (guint) sqlite3_column_int64 (stmt, 3),
            .days_to_pay_sum = sqlite3_column_int64 (stmt, 4),
            .days_beyond_sum = sqlite3_column_int64 (stmt, 5),
            .n_late = (guint) sqlite3_column_int64 (stmt, 6),
            .n_recent = (guint) sqlite3_column_int64 (stmt, 7),
            .recent_beyond_sum = sqlite3_column_int64 (stmt, 8),
            .n_past_due = (guint) sqlite3_column_int64 (stmt, 9),
            .max_days_past_due = sqlite3_column_int (stmt, 10),
            .promises_due = (guint) sqlite3_column_int64 (stmt, 11),
            .promises_kept = (guint) sqlite3_column_int64 (stmt, 12),
            .open_disputes = (guint) sqlite3_column_int64 (stmt, 13),
            .disputes_year = (guint) sqlite3_column_int64 (stmt, 14),
            .credit_limit = sqlite3_column_int64 (stmt, 15),
            .credit_currency = _od_sqlite_column_text (stmt, 16),
            .credit_open = sqlite3_column_int64 (stmt, 17),
          };

          if (!func (&b, user_data, error))
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

gboolean
_od_sqlite_store_foreach_outcome (OdStore             *store,
                                  const GDate         *as_of,
                                  OdStoreOutcomeFunc   func,
                                  gpointer             user_data,
                                  GError             **error)
{
  /* A step's day is its UTC date; an invoice paid in full before the
   * step was taken (the message crossed the payment) tells nothing
   * about the step and is left out. */
  static const char sql[] =
    "WITH " SETTLED_CTE
    " SELECT h.step, od_variant (i.number) AS variant,"
    "  CASE WHEN s.paid_on IS NULL THEN -1"
    "  ELSE " DAYS ("date (h.at)", "s.paid_on") " END AS days, COUNT (*)"
    " FROM dunning_history h JOIN invoices i ON i.id = h.invoice_id"
    " LEFT JOIN settled s ON s.invoice_id = h.invoice_id"
    " WHERE h.status = 'taken' AND h.repeat = 0 AND date (h.at) <= ?1"
    " AND i.status <> 'void' AND (s.paid_on IS NULL OR s.paid_on >= date (h.at))"
    " GROUP BY h.step, variant, days ORDER BY h.step, variant, days";
  OdSqliteScope scope;
  sqlite3_stmt *stmt;
  int row = -1;

  _od_sqlite_store_read_begin (OD_SQLITE_STORE (store), &scope, TRUE);
  stmt = _od_sqlite_prepare (scope.conn, sql, error);
  if (stmt != NULL)
    {
      _od_sqlite_bind_date (stmt, 1, as_of);
      while ((row = _od_sqlite_next (scope.conn, stmt, _("Could not read the outcomes of the reminders"), error)) == 1)
        {
          OdStoreOutcomeRow outcome = {
            .step = _od_sqlite_column_text (stmt, 0),
            .variant = (guint) sqlite3_column_int (stmt, 1),
            .days = sqlite3_column_int (stmt, 2),
            .n_invoices = (guint) sqlite3_column_int64 (stmt, 3),
          };

          if (!func (&outcome, user_data, error))
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
