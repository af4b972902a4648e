/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-business.h"
#include "od-charge.h"
#include "od-customer.h"
#include "od-dunning.h"
#include "od-invoice.h"
#include "od-outbox-row.h"
#include "od-payment.h"
#include "od-policy.h"
#include "od-template.h"

G_BEGIN_DECLS

#define OD_STORE_ERROR (od_store_error_quark ())

typedef enum
{
  OD_STORE_ERROR_FAILED,       /* the database said no; message says why */
  OD_STORE_ERROR_NOT_FOUND,
  OD_STORE_ERROR_DUPLICATE,    /* a unique key (ref, number) is taken */
  OD_STORE_ERROR_IN_USE,       /* still referred to (e.g. customer with invoices) */
  OD_STORE_ERROR_BUSY,         /* locked by another process: try again */
  OD_STORE_ERROR_TOO_NEW,      /* schema newer than this program */
  OD_STORE_ERROR_CORRUPT,
  OD_STORE_ERROR_TRANSACTION,  /* begin/commit used out of order */
} OdStoreError;

GQuark od_store_error_quark (void);

/* Which rows a list shows, in which order. */
typedef enum
{
  OD_INVOICE_FILTER_ALL,
  OD_INVOICE_FILTER_OPEN,      /* status open */
  OD_INVOICE_FILTER_OVERDUE,   /* open and due before the query's today */
  OD_INVOICE_FILTER_PAID,
  OD_INVOICE_FILTER_DISPUTED,  /* open with an unresolved dispute */
  OD_INVOICE_FILTER_ON_HOLD,   /* open with an unresolved hold */
  OD_INVOICE_FILTER_ON_PLAN,   /* open with an active payment plan */
} OdInvoiceFilter;

typedef enum
{
  OD_INVOICE_SORT_NUMBER,
  OD_INVOICE_SORT_DUE_DATE,
  OD_INVOICE_SORT_ISSUE_DATE,
  OD_INVOICE_SORT_CUSTOMER,
  OD_INVOICE_SORT_TOTAL,
  OD_INVOICE_SORT_OUTSTANDING,
} OdInvoiceSort;

typedef struct
{
  OdInvoiceFilter filter;
  OdInvoiceSort   sort;
  gboolean        descending;
  gint64          customer_id;  /* 0 = every customer */
  const char     *search;       /* number or customer name/ref substring; NULL = none */
  GDate           today;        /* for OVERDUE; invalid = the local date now */
} OdInvoiceQuery;

typedef struct
{
  const char *search;           /* ref or name substring; NULL = none */
  gboolean    include_archived;
} OdCustomerQuery;

/* Called for each row of an export; return FALSE to stop (set @error). */
typedef gboolean (*OdStoreCustomerFunc) (OdCustomer *customer,
                                         gpointer    user_data,
                                         GError    **error);
typedef gboolean (*OdStoreInvoiceFunc)  (OdInvoice  *invoice,
                                         gpointer    user_data,
                                         GError    **error);
typedef gboolean (*OdStorePaymentFunc)  (OdPayment  *payment,
                                         gpointer    user_data,
                                         GError    **error);

/* Reports (od-store-reports.c): rows the store aggregates, so that a
 * report never holds the ledger. Amounts are minor units of @currency;
 * strings belong to the store and last until the callback returns. */
typedef struct
{
  gint64      customer_id;
  const char *customer_ref;
  const char *customer_name;
  const char *currency;
  guint       bucket;         /* 0 = not yet due, k = past due edge k-1 .. edge k */
  gint64      open;           /* what was open on the as-of date */
  guint       n_invoices;
} OdStoreAgingRow;

typedef struct
{
  char        currency[4];
  gint64      amount;         /* receivables open, or sales */
  gint64      current;        /* receivables: of which not yet due */
} OdStoreCurrencySum;

typedef struct
{
  gint64      customer_id;
  const char *customer_ref;
  const char *customer_name;
  /* Invoices paid in full by the as-of date (the day the payments first
   * reached the total): how many, days from issue to payment and beyond
   * the due date summed, how many after their due date; the same for
   * those paid in the 90 days up to the as-of date. */
  guint       n_settled;
  gint64      days_to_pay_sum;
  gint64      days_beyond_sum;
  guint       n_late;
  guint       n_recent;
  gint64      recent_beyond_sum;
  /* Open on the as-of date and past their due date. */
  guint       n_past_due;
  gint        max_days_past_due;
  /* Promises whose date has passed, and of those the ones kept. */
  guint       promises_due;
  guint       promises_kept;
  /* Disputes open on the as-of date; raised in the year before it. */
  guint       open_disputes;
  guint       disputes_year;
  gint64      credit_limit;
  const char *credit_currency; /* the business currency when the customer names none */
  gint64      credit_open;     /* open in @credit_currency */
} OdStoreBehaviourRow;

typedef struct
{
  const char *step;
  guint       variant;        /* od_dunning_variant_for_number() of the invoice */
  gint        days;           /* step to payment in full; -1 = not paid by the as-of date */
  guint       n_invoices;
} OdStoreOutcomeRow;

/* A line of the communications log: one attempt to reach a customer
 * and what it came to. Strings and @at belong to the store and last
 * until the callback returns. */
typedef struct
{
  gint64      id;
  gint64      customer_id;
  const char *customer_ref;
  const char *customer_name;
  gint64      invoice_id;     /* 0 = about the customer, no one invoice */
  const char *invoice_number; /* NULL with @invoice_id 0 */
  OdChannel   channel;
  const char *direction;      /* "outbound" or "inbound" */
  GDateTime  *at;             /* UTC */
  const char *summary;        /* may be NULL */
  const char *outcome;        /* "sent", "delivered", "failed", …; may be NULL */
} OdStoreCommunication;

typedef gboolean (*OdStoreCommunicationFunc) (const OdStoreCommunication *row,
                                              gpointer                    user_data,
                                              GError                    **error);

typedef gboolean (*OdStoreAgingFunc)     (const OdStoreAgingRow     *row,
                                          gpointer                   user_data,
                                          GError                   **error);
typedef gboolean (*OdStoreBehaviourFunc) (const OdStoreBehaviourRow *row,
                                          gpointer                   user_data,
                                          GError                   **error);
typedef gboolean (*OdStoreOutcomeFunc)   (const OdStoreOutcomeRow   *row,
                                          gpointer                   user_data,
                                          GError                   **error);

#define OD_TYPE_STORE (od_store_get_type ())
G_DECLARE_INTERFACE (OdStore, od_store, OD, STORE, GObject)

/*
 * Every method may be called from any thread; a backend serialises its
 * connection. begin/commit/rollback bracket a unit of work on the calling
 * thread's behalf: other threads wait until it ends. Methods called
 * outside begin/commit run in a transaction of their own.
 *
 * insert_* sets the object's id. Lookups return NULL with no error when
 * nothing matches (find_*) and OD_STORE_ERROR_NOT_FOUND for get_* by id.
 */
/* A customer's stored risk level: what od-report-risk computed when the
 * levels were last refreshed (OD_STORE_RISK_UNKNOWN before that). */
typedef enum
{
  OD_STORE_RISK_UNKNOWN = -1,
  OD_STORE_RISK_LOW,
  OD_STORE_RISK_MEDIUM,
  OD_STORE_RISK_HIGH,
} OdStoreRiskLevel;

typedef struct
{
  gint64           customer_id;
  OdStoreRiskLevel level;
} OdStoreRiskEntry;

struct _OdStoreInterface
{
  GTypeInterface parent_iface;

  gboolean     (*begin)                  (OdStore *self, GError **error);
  gboolean     (*commit)                 (OdStore *self, GError **error);
  void         (*rollback)               (OdStore *self);
  guint        (*get_schema_version)     (OdStore *self);

  OdBusiness * (*get_business)           (OdStore *self, GError **error);
  gboolean     (*set_business)           (OdStore *self, OdBusiness *business, GError **error);
  char *       (*get_setting)            (OdStore *self, const char *key, GError **error);
  gboolean     (*set_setting)            (OdStore *self, const char *key, const char *value, GError **error);

  gboolean     (*insert_customer)        (OdStore *self, OdCustomer *customer, GError **error);
  gboolean     (*update_customer)        (OdStore *self, OdCustomer *customer, GError **error);
  gboolean     (*delete_customer)        (OdStore *self, gint64 id, GError **error);
  OdCustomer * (*get_customer)           (OdStore *self, gint64 id, GError **error);
  OdCustomer * (*find_customer)          (OdStore *self, const char *ref, GError **error);
  gint64       (*count_customers)        (OdStore *self, const OdCustomerQuery *query, GError **error);
  GArray *     (*query_customer_ids)     (OdStore *self, const OdCustomerQuery *query, GError **error);
  GPtrArray *  (*load_customers)         (OdStore *self, const gint64 *ids, guint n_ids, GError **error);
  gboolean     (*foreach_customer)       (OdStore *self, OdStoreCustomerFunc func, gpointer user_data, GError **error);

  gboolean     (*insert_invoice)         (OdStore *self, OdInvoice *invoice, GError **error);
  gboolean     (*update_invoice)         (OdStore *self, OdInvoice *invoice, GError **error);
  gboolean     (*delete_invoice)         (OdStore *self, gint64 id, GError **error);
  OdInvoice *  (*get_invoice)            (OdStore *self, gint64 id, GError **error);
  OdInvoice *  (*find_invoice)           (OdStore *self, const char *number, GError **error);
  gint64       (*count_invoices)         (OdStore *self, const OdInvoiceQuery *query, GError **error);
  GArray *     (*query_invoice_ids)      (OdStore *self, const OdInvoiceQuery *query, GError **error);
  GPtrArray *  (*load_invoices)          (OdStore *self, const gint64 *ids, guint n_ids, GError **error);
  gboolean     (*foreach_invoice)        (OdStore *self, OdStoreInvoiceFunc func, gpointer user_data, GError **error);

  gboolean     (*insert_payment)         (OdStore *self, OdPayment *payment, GError **error);
  GPtrArray *  (*list_payments)          (OdStore *self, gint64 invoice_id, GError **error);
  gboolean     (*foreach_payment)        (OdStore *self, OdStorePaymentFunc func, gpointer user_data, GError **error);

  gboolean     (*insert_charge)          (OdStore *self, OdCharge *charge, GError **error);
  GPtrArray *  (*list_charges)           (OdStore *self, gint64 invoice_id, GError **error);

  gint64       (*insert_pause)           (OdStore *self, gint64 invoice_id, OdPauseKind kind, const GDate *since, const GDate *until, gint64 promised_minor, const char *reason, GError **error);
  gint64       (*insert_payment_plan)    (OdStore *self, gint64 invoice_id, guint count, guint every_days, const GDate *first_due, GError **error);

  gboolean     (*resolve_pauses)         (OdStore *self, gint64 invoice_id, OdPauseKind kind, gboolean all_kinds, guint *n_resolved, GError **error);
  GPtrArray *  (*list_pauses)            (OdStore *self, gint64 invoice_id, gboolean active_only, GError **error);
  gboolean     (*add_history)            (OdStore *self, gint64 invoice_id, const char *step, guint repeat, OdHistoryState state, OdChannel channel, GDateTime *at, GError **error);
  gboolean     (*add_audit)              (OdStore *self, gint64 customer_id, gint64 invoice_id, const char *action, const char *detail, GError **error);

  OdPolicy *   (*get_policy)             (OdStore *self, gint64 customer_id, GError **error);
  gboolean     (*set_policy)             (OdStore *self, gint64 customer_id, OdPolicy *policy, GError **error);
  gboolean     (*set_risk_levels)        (OdStore *self, const GArray *levels, GError **error);
  gboolean     (*get_risk_level)         (OdStore *self, gint64 customer_id, OdStoreRiskLevel *out, GError **error);
  OdDunningSnapshot * (*load_dunning_snapshot) (OdStore *self, GError **error);
  OdDunningSnapshot * (*load_dunning_snapshot_for_invoice) (OdStore *self, gint64 invoice_id, GError **error);

  /* Reports */
  gboolean     (*foreach_aging)          (OdStore *self, const GDate *as_of, const guint *edges, guint n_edges, OdStoreAgingFunc func, gpointer user_data, GError **error);
  GArray *     (*sum_receivables)        (OdStore *self, const GDate *as_of, GError **error);
  GPtrArray *  (*sum_receivables_at)     (OdStore *self, const GDate *dates, guint n_dates, GError **error);
  GArray *     (*sum_sales)              (OdStore *self, const GDate *from, const GDate *to, GError **error);
  gboolean     (*foreach_behaviour)      (OdStore *self, const GDate *as_of, gint64 customer_id, OdStoreBehaviourFunc func, gpointer user_data, GError **error);
  gboolean     (*foreach_outcome)        (OdStore *self, const GDate *as_of, OdStoreOutcomeFunc func, gpointer user_data, GError **error);

  /* Outbox */
  gboolean     (*outbox_enqueue)         (OdStore *self, GPtrArray *entries, GPtrArray *superseded, GDateTime *now, guint *n_added, GError **error);
  GPtrArray *  (*outbox_claim)           (OdStore *self, const char *owner, GDateTime *now, guint limit, GError **error);
  gboolean     (*outbox_finish)          (OdStore *self, gint64 id, const char *owner, OdDeliveryOutcome outcome, gboolean demo, const char *message_id, const char *detail, GDateTime *now, GError **error);
  gboolean     (*outbox_decide)          (OdStore *self, gint64 id, OdOutboxDecision decision, const char *detail, GDateTime *now, GError **error);
  GPtrArray *  (*outbox_list)            (OdStore *self, gint64 id, GError **error);
  gboolean     (*outbox_count)           (OdStore *self, OdOutboxCounts *counts, GError **error);

  /* Communications */
  gboolean     (*foreach_communication)  (OdStore *self, gint64 customer_id, gint64 invoice_id, OdStoreCommunicationFunc func, gpointer user_data, GError **error);

  /* Templates */
  OdTemplateEntry * (*get_template)      (OdStore *self, const char *name, OdTemplatePart part, const char *language, GError **error);
  gboolean     (*set_template)           (OdStore *self, const OdTemplateEntry *entry, GError **error);
  gboolean     (*delete_template)        (OdStore *self, const char *name, OdTemplatePart part, const char *language, GError **error);
  GPtrArray *  (*list_templates)         (OdStore *self, GError **error);
};

gboolean     od_store_begin              (OdStore                *self,
                                          GError                **error);
gboolean     od_store_commit             (OdStore                *self,
                                          GError                **error);
void         od_store_rollback           (OdStore                *self);
guint        od_store_get_schema_version (OdStore                *self);

OdBusiness  *od_store_get_business       (OdStore                *self,
                                          GError                **error);
gboolean     od_store_set_business       (OdStore                *self,
                                          OdBusiness             *business,
                                          GError                **error);
char        *od_store_get_setting        (OdStore                *self,
                                          const char             *key,
                                          GError                **error);
gboolean     od_store_set_setting        (OdStore                *self,
                                          const char             *key,
                                          const char             *value,
                                          GError                **error);

gboolean     od_store_insert_customer    (OdStore                *self,
                                          OdCustomer             *customer,
                                          GError                **error);
gboolean     od_store_update_customer    (OdStore                *self,
                                          OdCustomer             *customer,
                                          GError                **error);
gboolean     od_store_delete_customer    (OdStore                *self,
                                          gint64                  id,
                                          GError                **error);
OdCustomer  *od_store_get_customer       (OdStore                *self,
                                          gint64                  id,
                                          GError                **error);
OdCustomer  *od_store_find_customer      (OdStore                *self,
                                          const char             *ref,
                                          GError                **error);
gint64       od_store_count_customers    (OdStore                *self,
                                          const OdCustomerQuery  *query,
                                          GError                **error);
GArray      *od_store_query_customer_ids (OdStore                *self,
                                          const OdCustomerQuery  *query,
                                          GError                **error);
GPtrArray   *od_store_load_customers     (OdStore                *self,
                                          const gint64           *ids,
                                          guint                   n_ids,
                                          GError                **error);
gboolean     od_store_foreach_customer   (OdStore                *self,
                                          OdStoreCustomerFunc     func,
                                          gpointer                user_data,
                                          GError                **error);

gboolean     od_store_insert_invoice     (OdStore                *self,
                                          OdInvoice              *invoice,
                                          GError                **error);
gboolean     od_store_update_invoice     (OdStore                *self,
                                          OdInvoice              *invoice,
                                          GError                **error);
gboolean     od_store_delete_invoice     (OdStore                *self,
                                          gint64                  id,
                                          GError                **error);
OdInvoice   *od_store_get_invoice        (OdStore                *self,
                                          gint64                  id,
                                          GError                **error);
OdInvoice   *od_store_find_invoice       (OdStore                *self,
                                          const char             *number,
                                          GError                **error);
gint64       od_store_count_invoices     (OdStore                *self,
                                          const OdInvoiceQuery   *query,
                                          GError                **error);
GArray      *od_store_query_invoice_ids  (OdStore                *self,
                                          const OdInvoiceQuery   *query,
                                          GError                **error);
GPtrArray   *od_store_load_invoices      (OdStore                *self,
                                          const gint64           *ids,
                                          guint                   n_ids,
                                          GError                **error);
gboolean     od_store_foreach_invoice    (OdStore                *self,
                                          OdStoreInvoiceFunc      func,
                                          gpointer                user_data,
                                          GError                **error);

gboolean     od_store_insert_payment     (OdStore                *self,
                                          OdPayment              *payment,
                                          GError                **error);
GPtrArray   *od_store_list_payments      (OdStore                *self,
                                          gint64                  invoice_id,
                                          GError                **error);
gboolean     od_store_foreach_payment    (OdStore                *self,
                                          OdStorePaymentFunc      func,
                                          gpointer                user_data,
                                          GError                **error);

gboolean     od_store_insert_charge      (OdStore                *self,
                                          OdCharge               *charge,
                                          GError                **error);
GPtrArray   *od_store_list_charges       (OdStore                *self,
                                          gint64                  invoice_id,
                                          GError                **error);

/* Pauses chasing @invoice_id: @until may be NULL (open-ended); for a
 * promise, @promised_minor is the promised amount (0 = the whole). Returns
 * the pause's id, or 0 on error. */
gint64       od_store_insert_pause       (OdStore                *self,
                                          gint64                  invoice_id,
                                          OdPauseKind             kind,
                                          const GDate            *since,
                                          const GDate            *until,
                                          gint64                  promised_minor,
                                          const char             *reason,
                                          GError                **error);
/* Splits the invoice's outstanding amount into @count instalments every
 * @every_days days from @first_due (the last one takes the remainder).
 * Returns the plan's id, or 0 on error. */
gint64       od_store_insert_payment_plan (OdStore               *self,
                                           gint64                 invoice_id,
                                           guint                  count,
                                           guint                  every_days,
                                           const GDate           *first_due,
                                           GError               **error);

/* Ends the unresolved pauses of @invoice_id of @kind (of every kind when
 * @all_kinds): disputes resolved, holds and promises lifted. Sets
 * *@n_resolved to how many were ended (0 is no error). */
gboolean     od_store_resolve_pauses     (OdStore                *self,
                                          gint64                  invoice_id,
                                          OdPauseKind             kind,
                                          gboolean                all_kinds,
                                          guint                  *n_resolved,
                                          GError                **error);
/* The invoice's pauses as OdDunningPause*, oldest first; @active_only:
 * only those not resolved (a promise or hold whose date has passed is
 * still listed: the caller knows what day it is). */
GPtrArray   *od_store_list_pauses        (OdStore                *self,
                                          gint64                  invoice_id,
                                          gboolean                active_only,
                                          GError                **error);
/* Records that (@invoice_id, @step, @repeat) was taken or superseded.
 * Each is recorded at most once, ever: a second time fails with
 * %OD_STORE_ERROR_DUPLICATE. @channel may be %OD_CHANNEL_NONE. */
gboolean     od_store_add_history        (OdStore                *self,
                                          gint64                  invoice_id,
                                          const char             *step,
                                          guint                   repeat,
                                          OdHistoryState          state,
                                          OdChannel               channel,
                                          GDateTime              *at,
                                          GError                **error);
/* Appends to the audit log what the owner decided about chasing
 * (@action: "dispute", "opt-out", …; @detail: the reason). For an
 * invoice, @customer_id may be 0: the invoice's customer is used. */
gboolean     od_store_add_audit          (OdStore                *self,
                                          gint64                  customer_id,
                                          gint64                  invoice_id,
                                          const char             *action,
                                          const char             *detail,
                                          GError                **error);

/* The stricter ladder for customers whose risk level is high (see
 * od_store_set_risk_levels()): pass it as @customer_id to
 * od_store_get_policy() and od_store_set_policy(). */
#define OD_STORE_HIGH_RISK_POLICY G_GINT64_CONSTANT (-1)

/* The customer's own collection policy, or for @customer_id 0 the
 * business default, or for OD_STORE_HIGH_RISK_POLICY the high-risk one; NULL with no error when none is stored (the caller
 * then uses od_policy_new_default()). An unknown customer is
 * %OD_STORE_ERROR_NOT_FOUND. The policy's id is its row's. */
OdPolicy    *od_store_get_policy         (OdStore                *self,
                                          gint64                  customer_id,
                                          GError                **error);
/* Replaces, in one transaction, the customer's policy (@customer_id 0:
 * the business default) with @policy; %NULL sends the customer back to
 * the default. An invalid @policy fails with its %OD_POLICY_ERROR and
 * leaves the stored one as it was. */
gboolean     od_store_set_policy         (OdStore                *self,
                                          gint64                  customer_id,
                                          OdPolicy               *policy,
                                          GError                **error);
/* The policy that applies to @customer_id: its own, else the high-risk
 * policy when the customer's stored risk level is high and one is set,
 * else the stored default, else the shipped one. Never %NULL without an
 * error. */
OdPolicy    *od_store_get_effective_policy (OdStore              *self,
                                            gint64                customer_id,
                                            GError              **error);
/* Stores each customer's risk level (OdStoreRiskEntry items), in one
 * transaction; customers not named keep theirs. The dunning snapshot
 * reads them to choose the high-risk policy. */
gboolean     od_store_set_risk_levels    (OdStore                *self,
                                          const GArray           *levels,
                                          GError                **error);
gboolean     od_store_get_risk_level     (OdStore                *self,
                                          gint64                  customer_id,
                                          OdStoreRiskLevel       *out,
                                          GError                **error);

/* What the dunning engine needs, and only what can be due: the open
 * invoices with their payments, pauses, active plan, history and
 * charges, and their customers with the channels that reach them and
 * their own policies. */
OdDunningSnapshot *od_store_load_dunning_snapshot (OdStore       *self,
                                                   GError       **error);
/* The same for one invoice: it (when it is open) and its customer only,
 * as the full snapshot has them. */
OdDunningSnapshot *od_store_load_dunning_snapshot_for_invoice (OdStore  *self,
                                                               gint64    invoice_id,
                                                               GError  **error);

/* Reports (od-store-reports.c). Every figure is as of a date: invoices
 * issued after it do not exist yet, payments and credits after it have
 * not come; void invoices never count. Amounts are per currency. */

/* Calls @func once per (customer, currency, bucket) with something open
 * on @as_of, by customer name, then currency, then bucket. @edges are
 * the ascending upper edges (days past due) of the past-due buckets but
 * the last: {30, 60, 90} gives current, 1–30, 31–60, 61–90, 91+. */
gboolean     od_store_foreach_aging      (OdStore                *self,
                                          const GDate            *as_of,
                                          const guint            *edges,
                                          guint                   n_edges,
                                          OdStoreAgingFunc        func,
                                          gpointer                user_data,
                                          GError                **error);
/* What was open on @as_of per currency (OdStoreCurrencySum, by code). */
GArray      *od_store_sum_receivables    (OdStore                *self,
                                          const GDate            *as_of,
                                          GError                **error);
/* The same on each of @dates in one pass over the ledger: one array per
 * date, in the order of @dates. */
GPtrArray   *od_store_sum_receivables_at (OdStore                *self,
                                          const GDate            *dates,
                                          guint                   n_dates,
                                          GError                **error);
/* The totals of the invoices issued from @from to @to inclusive, per
 * currency (OdStoreCurrencySum, by code). */
GArray      *od_store_sum_sales          (OdStore                *self,
                                          const GDate            *from,
                                          const GDate            *to,
                                          GError                **error);
/* Calls @func once per customer that is not archived, by name; only for
 * @customer_id when it is not 0 (reading that customer's rows only). */
gboolean     od_store_foreach_behaviour  (OdStore                *self,
                                          const GDate            *as_of,
                                          gint64                  customer_id,
                                          OdStoreBehaviourFunc    func,
                                          gpointer                user_data,
                                          GError                **error);
/* Calls @func per (step, variant, days to payment) of the steps taken
 * (repeats not counted) on or before @as_of, by step then variant. */
gboolean     od_store_foreach_outcome    (OdStore                *self,
                                          const GDate            *as_of,
                                          OdStoreOutcomeFunc      func,
                                          gpointer                user_data,
                                          GError                **error);

/* The outbox (od-store-outbox.c, states in od-outbox-row.h). */

/* In one transaction: for each entry an outbox row (its key from the
 * items not taken yet; an entry whose items are all taken, or whose key
 * exists, adds nothing), its invoices, the items as taken history linked
 * to it, each step's fee (once per invoice and step) and the fixed
 * compensation (once per invoice); @superseded items (OdOutboxItem*) as
 * superseded history. *@n_added: rows added. */
gboolean     od_store_outbox_enqueue     (OdStore                *self,
                                          GPtrArray              *entries,
                                          GPtrArray              *superseded,
                                          GDateTime              *now,
                                          guint                  *n_added,
                                          GError                **error);
/* In one write transaction: rows left 'sending' by an owner that is gone
 * or whose lease ran out become 'unknown'; then up to @limit rows that
 * are queued, or failed for now and due again at @now, are checked once
 * more (open, something outstanding, not paused, customer chased and not
 * opted out of the channel): those that fail become 'cancelled' with the
 * reason, the rest 'sending', claimed by @owner. Returns them
 * (OdOutboxRow*), empty when nothing is left. */
GPtrArray   *od_store_outbox_claim       (OdStore                *self,
                                          const char             *owner,
                                          GDateTime              *now,
                                          guint                   limit,
                                          GError                **error);
/* 'sending' (claimed by @owner) to what the attempt came to, logged in
 * the communications. A temporary failure waits by the schedule in the
 * settings, and fails for good once it would pass the give-up time. A
 * row no longer claimed by @owner fails with %OD_STORE_ERROR_NOT_FOUND. */
gboolean     od_store_outbox_finish      (OdStore                *self,
                                          gint64                  id,
                                          const char             *owner,
                                          OdDeliveryOutcome       outcome,
                                          gboolean                demo,
                                          const char             *message_id,
                                          const char             *detail,
                                          GDateTime              *now,
                                          GError                **error);
/* What the owner decides (see OdOutboxDecision); a decision the row's
 * state does not allow fails with %OD_STORE_ERROR_FAILED naming both. */
gboolean     od_store_outbox_decide      (OdStore                *self,
                                          gint64                  id,
                                          OdOutboxDecision        decision,
                                          const char             *detail,
                                          GDateTime              *now,
                                          GError                **error);
/* Rows (OdOutboxRow*) by id; @id 0: all of them. */
GPtrArray   *od_store_outbox_list        (OdStore                *self,
                                          gint64                  id,
                                          GError                **error);
gboolean     od_store_outbox_count       (OdStore                *self,
                                          OdOutboxCounts         *counts,
                                          GError                **error);

/* The communications log (od-sqlite-store-communications.c): calls
 * @func per line, oldest first, for @customer_id and @invoice_id (0:
 * any). Streams from the database, holding the read connection:
 * @func must not write to the store. Return FALSE from @func to stop. */
gboolean     od_store_foreach_communication (OdStore                  *self,
                                             gint64                    customer_id,
                                             gint64                    invoice_id,
                                             OdStoreCommunicationFunc  func,
                                             gpointer                  user_data,
                                             GError                  **error);

/* Templates (od-store-templates.c). Overdue's defaults are seeded when a
 * ledger is opened; a row that is still the shipped default follows the
 * shipped text when Overdue is upgraded, an edited one stays as edited. */

/* The part in @language, else the business's language, else "en"
 * (@language NULL: the business's); %OD_TEMPLATE_ERROR_NOT_FOUND when
 * none of them has it. */
OdTemplateEntry *od_store_get_template   (OdStore                *self,
                                          const char             *name,
                                          OdTemplatePart          part,
                                          const char             *language,
                                          GError                **error);
/* The same, parsed; errors name "first-reminder (html)". */
OdTemplate  *od_store_load_template      (OdStore                *self,
                                          const char             *name,
                                          OdTemplatePart          part,
                                          const char             *language,
                                          GError                **error);
/* Stores an edited part, marked customised. A template that does not
 * parse fails with its %OD_TEMPLATE_ERROR (naming the line) and leaves
 * the stored one as it was; a bad name or language with
 * %G_IO_ERROR_INVALID_ARGUMENT. */
gboolean     od_store_set_template       (OdStore                *self,
                                          const char             *name,
                                          OdTemplatePart          part,
                                          const char             *language,
                                          const char             *body,
                                          GError                **error);
/* Puts the shipped default back; a part Overdue does not ship is
 * removed (so the next language in line applies again). Nothing stored
 * and nothing shipped: %OD_TEMPLATE_ERROR_NOT_FOUND. */
gboolean     od_store_reset_template     (OdStore                *self,
                                          const char             *name,
                                          OdTemplatePart          part,
                                          const char             *language,
                                          GError                **error);
/* Every stored part (OdTemplateEntry*), by name, language and part. */
GPtrArray   *od_store_list_templates     (OdStore                *self,
                                          GError                **error);

G_END_DECLS
