/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "od-sqlite-schema.h"
#include "od-sqlite-store.h"

G_BEGIN_DECLS

/* One SQLite connection and its prepared statements, keyed by SQL. */
typedef struct
{
  sqlite3    *db;
  GHashTable *stmts;
  guint       depth;      /* nested read scopes on this connection */
} OdSqliteConn;

#define OD_SQLITE_READERS 3

struct _OdSqliteStore
{
  GObject       parent_instance;

  char         *path;
  char         *backup_path;
  guint         schema_version;

  /* Writes, and every call made inside begin/commit. */
  GRecMutex     write_lock;
  OdSqliteConn  writer;
  GThread      *txn_owner;  /* atomic: the thread inside begin/commit */

  /* Reads from other threads, so lists never wait behind a writer, and
   * a few of them, so that a long read (a report, the day's risk levels)
   * never makes the window's lists wait either. A thread keeps the one
   * it took until its outermost read ends. */
  GMutex        readers_lock;
  GCond         reader_freed;
  OdSqliteConn  readers[OD_SQLITE_READERS];
  GThread      *reader_holder[OD_SQLITE_READERS];
  guint         reader_holds[OD_SQLITE_READERS];
};

/* Which connection a call runs on, and what to undo at its end. */
typedef struct
{
  OdSqliteStore *store;
  OdSqliteConn  *conn;
  int            reader;         /* its index in readers[], or -1 */
  guint          writing : 1;
  guint          implicit : 1;   /* a transaction of the call's own */
  guint          savepoint : 1;  /* undo point inside begin/commit */
  guint          snapshot : 1;   /* read transaction on the reader */
} OdSqliteScope;

/* Takes the write connection, opening a transaction unless the thread
 * is inside begin/commit. @several: the call makes more than one change,
 * so a failure inside begin/commit must undo the ones it made. */
gboolean      _od_sqlite_store_write_begin (OdSqliteStore  *self,
                                            OdSqliteScope  *scope,
                                            gboolean        several,
                                            GError        **error);
/* Commits (or, when !@ok, rolls back) what write_begin opened, and
 * releases the connection. Returns @ok unless committing failed. */
gboolean      _od_sqlite_store_write_end   (OdSqliteScope  *scope,
                                            gboolean        ok,
                                            GError        **error);
/* Takes the connection for reading: the write one inside begin/commit
 * (to see its own changes), else the read-only one. @snapshot: several
 * statements must see one state of the ledger. */
void          _od_sqlite_store_read_begin  (OdSqliteStore  *self,
                                            OdSqliteScope  *scope,
                                            gboolean        snapshot);
void          _od_sqlite_store_read_end    (OdSqliteScope  *scope);

/* A cached statement for @sql, reset and with no bindings. */
sqlite3_stmt *_od_sqlite_prepare           (OdSqliteConn   *conn,
                                            const char     *sql,
                                            GError        **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean      _od_sqlite_run               (OdSqliteConn   *conn,
                                            sqlite3_stmt   *stmt,
                                            const char     *what,
                                            GError        **error);
/* Steps to the next row: 1 a row, 0 done, -1 error (set). */
int           _od_sqlite_next              (OdSqliteConn   *conn,
                                            sqlite3_stmt   *stmt,
                                            const char     *what,
                                            GError        **error);

/* Empty strings and invalid dates are stored as NULL. */
void          _od_sqlite_bind_text         (sqlite3_stmt   *stmt,
                                            int             index,
                                            const char     *text);
void          _od_sqlite_bind_date         (sqlite3_stmt   *stmt,
                                            int             index,
                                            const GDate    *date);
const char   *_od_sqlite_column_text       (sqlite3_stmt   *stmt,
                                            int             index);
/* Leaves @out cleared (invalid) when the column is NULL or malformed. */
void          _od_sqlite_column_date       (sqlite3_stmt   *stmt,
                                            int             index,
                                            GDate          *out);
/* @search as a LIKE pattern (ESCAPE '\'): "text%" when @prefix_only,
 * else "%text%", with %, _ and \ in @search matching themselves. */
char         *_od_sqlite_like_pattern      (const char     *search,
                                            gboolean        prefix_only);
/* A JSON array of @ids, for "id IN (SELECT value FROM json_each (?))". */
char         *_od_sqlite_ids_json          (const gint64   *ids,
                                            guint           n_ids);

/* od-sqlite-store-rows.c: one kind of row read with its children (a
 * customer and its contacts, an invoice and its lines), as the shared
 * readers below need it. The first column of a row is its id, the first
 * of a child its row's id; the messages are N_() and translated where
 * they are used. */
typedef struct
{
  gpointer    (*from_row)       (sqlite3_stmt   *stmt);
  gint64      (*get_id)         (gpointer        row);
  gpointer    (*child_from_row) (sqlite3_stmt   *stmt);
  void        (*add_child)      (gpointer        row,
                                 gpointer        child);
  /* The children of the rows in the JSON array bound to ?, and of all
   * rows; both in row order. */
  const char   *children_sql;
  const char   *all_children_sql;
  const char   *read_row;        /* "Could not read the customer" */
  const char   *read_rows;       /* "Could not read customers" */
  const char   *read_children;   /* "Could not read contacts" */
} OdSqliteRowKind;

typedef gboolean (*OdSqliteRowFunc) (gpointer   row,
                                     gpointer   user_data,
                                     GError   **error);

/* Adds to each row of @by_id (id → row) its children, for the ids in
 * the JSON array @ids_json. */
gboolean      _od_sqlite_attach_children   (OdSqliteConn           *conn,
                                            const OdSqliteRowKind  *kind,
                                            GHashTable             *by_id,
                                            const char             *ids_json,
                                            GError                **error);
/* Steps @stmt (may be NULL after a failed prepare) to the end, collecting
 * its first column; NULL on error. Resets @stmt. */
GArray       *_od_sqlite_read_ids          (OdSqliteConn           *conn,
                                            sqlite3_stmt           *stmt,
                                            const char             *what,
                                            GError                **error);
/* The row, with its children, that @sql selects binding @key if set,
 * else @id, in *@out_row; NULL there when there is none. FALSE on error. */
gboolean      _od_sqlite_store_read_one    (OdStore                *store,
                                            const OdSqliteRowKind  *kind,
                                            const char             *sql,
                                            gint64                  id,
                                            const char             *key,
                                            gpointer               *out_row,
                                            GError                **error);
/* The rows with @ids that @sql selects (it binds the JSON array of ids),
 * with their children, in the order of @ids; gone rows are skipped. */
GPtrArray    *_od_sqlite_store_load_rows   (OdStore                *store,
                                            const OdSqliteRowKind  *kind,
                                            const char             *sql,
                                            const gint64           *ids,
                                            guint                   n_ids,
                                            GError                **error);
/* Calls @func for each row of @sql (ordered by id) with its children,
 * from two merged cursors so that no row waits in memory and @func may
 * use the store's cached statements. */
gboolean      _od_sqlite_store_foreach_row (OdStore                *store,
                                            const OdSqliteRowKind  *kind,
                                            const char             *sql,
                                            OdSqliteRowFunc         func,
                                            gpointer                user_data,
                                            GError                **error);

/* od-sqlite-store-business.c */
OdBusiness   *_od_sqlite_store_get_business       (OdStore                *store,
                                                   GError                **error);
gboolean      _od_sqlite_store_set_business       (OdStore                *store,
                                                   OdBusiness             *business,
                                                   GError                **error);
char         *_od_sqlite_store_get_setting        (OdStore                *store,
                                                   const char             *key,
                                                   GError                **error);
gboolean      _od_sqlite_store_set_setting        (OdStore                *store,
                                                   const char             *key,
                                                   const char             *value,
                                                   GError                **error);

/* od-sqlite-store-customers.c */
gboolean      _od_sqlite_store_insert_customer    (OdStore                *store,
                                                   OdCustomer             *customer,
                                                   GError                **error);
gboolean      _od_sqlite_store_update_customer    (OdStore                *store,
                                                   OdCustomer             *customer,
                                                   GError                **error);
gboolean      _od_sqlite_store_delete_customer    (OdStore                *store,
                                                   gint64                  id,
                                                   GError                **error);
OdCustomer   *_od_sqlite_store_get_customer       (OdStore                *store,
                                                   gint64                  id,
                                                   GError                **error);
OdCustomer   *_od_sqlite_store_find_customer      (OdStore                *store,
                                                   const char             *ref,
                                                   GError                **error);
gint64        _od_sqlite_store_count_customers    (OdStore                *store,
                                                   const OdCustomerQuery  *query,
                                                   GError                **error);
GArray       *_od_sqlite_store_query_customer_ids (OdStore                *store,
                                                   const OdCustomerQuery  *query,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_load_customers     (OdStore                *store,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   GError                **error);
gboolean      _od_sqlite_store_foreach_customer   (OdStore                *store,
                                                   OdStoreCustomerFunc     func,
                                                   gpointer                user_data,
                                                   GError                **error);
/* The customer's id for @ref on @conn; 0 with no error when unknown. */
gint64        _od_sqlite_store_customer_id_for_ref (OdSqliteConn          *conn,
                                                    const char            *ref,
                                                    GError               **error);

/* od-sqlite-store-invoices.c */
gboolean      _od_sqlite_store_insert_invoice     (OdStore                *store,
                                                   OdInvoice              *invoice,
                                                   GError                **error);
gboolean      _od_sqlite_store_update_invoice     (OdStore                *store,
                                                   OdInvoice              *invoice,
                                                   GError                **error);
gboolean      _od_sqlite_store_delete_invoice     (OdStore                *store,
                                                   gint64                  id,
                                                   GError                **error);
OdInvoice    *_od_sqlite_store_get_invoice        (OdStore                *store,
                                                   gint64                  id,
                                                   GError                **error);
OdInvoice    *_od_sqlite_store_find_invoice       (OdStore                *store,
                                                   const char             *number,
                                                   GError                **error);
gint64        _od_sqlite_store_count_invoices     (OdStore                *store,
                                                   const OdInvoiceQuery   *query,
                                                   GError                **error);
GArray       *_od_sqlite_store_query_invoice_ids  (OdStore                *store,
                                                   const OdInvoiceQuery   *query,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_load_invoices      (OdStore                *store,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   GError                **error);
gboolean      _od_sqlite_store_foreach_invoice    (OdStore                *store,
                                                   OdStoreInvoiceFunc      func,
                                                   gpointer                user_data,
                                                   GError                **error);

/* od-sqlite-store-payments.c */
gboolean      _od_sqlite_store_insert_payment     (OdStore                *store,
                                                   OdPayment              *payment,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_list_payments      (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   GError                **error);
gboolean      _od_sqlite_store_foreach_payment    (OdStore                *store,
                                                   OdStorePaymentFunc      func,
                                                   gpointer                user_data,
                                                   GError                **error);
gboolean      _od_sqlite_store_insert_charge      (OdStore                *store,
                                                   OdCharge               *charge,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_list_charges       (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   GError                **error);
gint64        _od_sqlite_store_insert_pause       (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   OdPauseKind             kind,
                                                   const GDate            *since,
                                                   const GDate            *until,
                                                   gint64                  promised_minor,
                                                   const char             *reason,
                                                   GError                **error);
gint64        _od_sqlite_store_insert_payment_plan (OdStore               *store,
                                                    gint64                 invoice_id,
                                                    guint                  count,
                                                    guint                  every_days,
                                                    const GDate           *first_due,
                                                    GError               **error);

/* od-sqlite-store-dunning.c */
gboolean      _od_sqlite_store_resolve_pauses     (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   OdPauseKind             kind,
                                                   gboolean                all_kinds,
                                                   guint                  *n_resolved,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_list_pauses        (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   gboolean                active_only,
                                                   GError                **error);
gboolean      _od_sqlite_store_add_history        (OdStore                *store,
                                                   gint64                  invoice_id,
                                                   const char             *step,
                                                   guint                   repeat,
                                                   OdHistoryState          state,
                                                   OdChannel               channel,
                                                   GDateTime              *at,
                                                   GError                **error);
gboolean      _od_sqlite_store_add_audit          (OdStore                *store,
                                                   gint64                  customer_id,
                                                   gint64                  invoice_id,
                                                   const char             *action,
                                                   const char             *detail,
                                                   GError                **error);
OdDunningSnapshot *_od_sqlite_store_load_dunning_snapshot (OdStore        *store,
                                                           GError        **error);
OdDunningSnapshot *_od_sqlite_store_load_dunning_snapshot_for_invoice (OdStore  *store,
                                                                       gint64    invoice_id,
                                                                       GError  **error);

/* od-sqlite-store-outbox.c */
gboolean      _od_sqlite_store_outbox_enqueue     (OdStore                *store,
                                                   GPtrArray              *entries,
                                                   GPtrArray              *superseded,
                                                   GDateTime              *now,
                                                   guint                  *n_added,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_outbox_claim       (OdStore                *store,
                                                   const char             *owner,
                                                   GDateTime              *now,
                                                   guint                   limit,
                                                   GError                **error);
gboolean      _od_sqlite_store_outbox_finish      (OdStore                *store,
                                                   gint64                  id,
                                                   const char             *owner,
                                                   OdDeliveryOutcome       outcome,
                                                   gboolean                demo,
                                                   const char             *message_id,
                                                   const char             *detail,
                                                   GDateTime              *now,
                                                   GError                **error);
gboolean      _od_sqlite_store_outbox_decide      (OdStore                *store,
                                                   gint64                  id,
                                                   OdOutboxDecision        decision,
                                                   const char             *detail,
                                                   GDateTime              *now,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_outbox_list        (OdStore                *store,
                                                   gint64                  id,
                                                   GError                **error);
gboolean      _od_sqlite_store_outbox_count       (OdStore                *store,
                                                   OdOutboxCounts         *counts,
                                                   GError                **error);

/* od-sqlite-store-communications.c */
gboolean      _od_sqlite_store_foreach_communication (OdStore                  *store,
                                                      gint64                    customer_id,
                                                      gint64                    invoice_id,
                                                      OdStoreCommunicationFunc  func,
                                                      gpointer                  user_data,
                                                      GError                  **error);

/* od-sqlite-store-templates.c */
OdTemplateEntry *_od_sqlite_store_get_template    (OdStore                *store,
                                                   const char             *name,
                                                   OdTemplatePart          part,
                                                   const char             *language,
                                                   GError                **error);
gboolean      _od_sqlite_store_set_template       (OdStore                *store,
                                                   const OdTemplateEntry  *entry,
                                                   GError                **error);
gboolean      _od_sqlite_store_delete_template    (OdStore                *store,
                                                   const char             *name,
                                                   OdTemplatePart          part,
                                                   const char             *language,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_list_templates     (OdStore                *store,
                                                   GError                **error);
/* Seeds the shipped templates and refreshes rows still at their
 * default; called when the ledger opens. */
gboolean      _od_sqlite_store_sync_templates     (OdSqliteStore          *self,
                                                   GError                **error);

/* od-sqlite-store-policies.c */
OdPolicy     *_od_sqlite_store_get_policy         (OdStore                *store,
                                                   gint64                  customer_id,
                                                   GError                **error);
gboolean      _od_sqlite_store_set_policy         (OdStore                *store,
                                                   gint64                  customer_id,
                                                   OdPolicy               *policy,
                                                   GError                **error);
/* The same on a connection the caller already holds (a snapshot). */
OdPolicy     *_od_sqlite_store_read_policy        (OdSqliteConn           *conn,
                                                   gint64                  customer_id,
                                                   GError                **error);
gboolean      _od_sqlite_store_set_risk_levels    (OdStore                *store,
                                                   const GArray           *levels,
                                                   GError                **error);
gboolean      _od_sqlite_store_get_risk_level     (OdStore                *store,
                                                   gint64                  customer_id,
                                                   OdStoreRiskLevel       *out,
                                                   GError                **error);
/* "low", "medium", "high" (customers.risk_level); anything else unknown. */
OdStoreRiskLevel _od_sqlite_risk_level_from_text  (const char             *text);

/* od-sqlite-store-reports.c */
/* Adds od_variant (number) to @db: od_dunning_variant_for_number(). */
void          _od_sqlite_register_report_functions (sqlite3       *db);
gboolean      _od_sqlite_store_foreach_aging      (OdStore                *store,
                                                   const GDate            *as_of,
                                                   const guint            *edges,
                                                   guint                   n_edges,
                                                   OdStoreAgingFunc        func,
                                                   gpointer                user_data,
                                                   GError                **error);
GArray       *_od_sqlite_store_sum_receivables    (OdStore                *store,
                                                   const GDate            *as_of,
                                                   GError                **error);
GPtrArray    *_od_sqlite_store_sum_receivables_at (OdStore                *store,
                                                   const GDate            *dates,
                                                   guint                   n_dates,
                                                   GError                **error);
GArray       *_od_sqlite_store_sum_sales          (OdStore                *store,
                                                   const GDate            *from,
                                                   const GDate            *to,
                                                   GError                **error);
gboolean      _od_sqlite_store_foreach_behaviour  (OdStore                *store,
                                                   const GDate            *as_of,
                                                   gint64                  customer_id,
                                                   OdStoreBehaviourFunc    func,
                                                   gpointer                user_data,
                                                   GError                **error);
gboolean      _od_sqlite_store_foreach_outcome    (OdStore                *store,
                                                   const GDate            *as_of,
                                                   OdStoreOutcomeFunc      func,
                                                   gpointer                user_data,
                                                   GError                **error);

G_END_DECLS
