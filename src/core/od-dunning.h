/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-policy.h"
#include "od-types.h"

G_BEGIN_DECLS

/*
 * OdDunning: the collection engine. A pure function of (ledger snapshot,
 * policy, history, now): no I/O, no clock, no globals. The snapshot is
 * plain data so that tests write ledgers by hand and the store fills it
 * from SQL with only what can be due.
 */

typedef struct
{
  OdPauseKind  kind;
  GDate        since;
  GDate        until;          /* invalid = open-ended */
  gboolean     resolved;       /* dispute resolved, hold resumed */
  char        *reason;
  gint64       promised_minor; /* promise: the amount, 0 = all of it */
} OdDunningPause;

typedef struct
{
  GDate        due_date;
  gint64       amount;         /* minor units */
  gint64       paid;
} OdDunningInstalment;

typedef enum
{
  OD_HISTORY_TAKEN,            /* the step was acted on (queued/sent/task made) */
  OD_HISTORY_SUPERSEDED,       /* passed over by catch-up: never to be sent */
} OdHistoryState;

typedef struct
{
  char          *step;         /* step name; instalment reminders: "instalment-N" */
  guint          repeat;       /* 0 = the step itself, k = its k-th repeat */
  OdHistoryState state;
  OdChannel      channel;
  GDateTime     *at;           /* when it was taken */
} OdDunningHistory;

typedef struct
{
  GDate          date;
  gint64         amount;
} OdDunningPaymentEntry;

typedef struct
{
  gint64          id;
  char           *number;
  gint64          customer_id;
  GDate           issue_date;
  GDate           due_date;
  char            currency[4];
  gint64          total;
  gint64          credits;      /* credit notes against it */
  OdInvoiceStatus status;
  GArray         *payments;     /* OdDunningPaymentEntry, by date */
  GPtrArray      *pauses;       /* OdDunningPause* */
  GArray         *instalments;  /* OdDunningInstalment; empty = no active plan */
  gboolean        plan_broken;  /* a plan existed and was broken: ladder resumes */
  GPtrArray      *history;      /* OdDunningHistory* */
  gint64          fees_charged; /* minor units of fee charges made so far */
  gboolean        compensation_charged;
  guint           variant;      /* A/B templates: od_dunning_variant_for_number() */
} OdDunningInvoice;

typedef struct
{
  gint64          id;
  char           *ref;
  char           *name;
  char           *time_zone;    /* IANA id or NULL: the policy's */
  gboolean        do_not_chase;
  OdChannel       opted_out;
  OdChannel       reachable;    /* channels with contact data (email address, phone, postal address);
                                 * od_dunning_snapshot_add_customer() starts with all four */
  OdPolicy       *policy;       /* NULL = the default policy */
  GPtrArray      *call_tasks;   /* GDateTime* of call tasks made, for the 7-in-7-days guardrail */
} OdDunningCustomer;

typedef struct _OdDunningSnapshot OdDunningSnapshot;

OdDunningSnapshot  *od_dunning_snapshot_new           (void);
void                od_dunning_snapshot_free          (OdDunningSnapshot *self);
/* The snapshot takes ownership of what is added. */
OdDunningCustomer  *od_dunning_snapshot_add_customer  (OdDunningSnapshot *self,
                                                       gint64             id,
                                                       const char        *ref,
                                                       const char        *name);
OdDunningInvoice   *od_dunning_snapshot_add_invoice   (OdDunningSnapshot *self,
                                                       gint64             id,
                                                       const char        *number,
                                                       gint64             customer_id);
OdDunningCustomer  *od_dunning_snapshot_get_customer  (OdDunningSnapshot *self,
                                                       gint64             id);
guint               od_dunning_snapshot_get_n_invoices (OdDunningSnapshot *self);
OdDunningInvoice   *od_dunning_snapshot_get_invoice   (OdDunningSnapshot *self,
                                                       guint              index);
void                od_dunning_invoice_add_payment    (OdDunningInvoice  *invoice,
                                                       const GDate       *date,
                                                       gint64             amount);
OdDunningPause     *od_dunning_invoice_add_pause      (OdDunningInvoice  *invoice,
                                                       OdPauseKind        kind,
                                                       const GDate       *since,
                                                       const GDate       *until);
void                od_dunning_invoice_add_instalment (OdDunningInvoice  *invoice,
                                                       const GDate       *due_date,
                                                       gint64             amount,
                                                       gint64             paid);
void                od_dunning_invoice_add_history    (OdDunningInvoice  *invoice,
                                                       const char        *step,
                                                       guint              repeat,
                                                       OdHistoryState     state,
                                                       OdChannel          channel,
                                                       GDateTime         *at);
/* Paid so far (sum of payments). */
gint64              od_dunning_invoice_get_paid       (OdDunningInvoice  *invoice);

typedef enum
{
  OD_ACTION_DUE,               /* to be taken now */
  OD_ACTION_SCHEDULED,         /* comes due at @at, later than now */
  OD_ACTION_SUPERSEDED,        /* catch-up: a later step is due instead */
  OD_ACTION_AWAITING_REVIEW,   /* the step needs the owner's review */
  OD_ACTION_DISPUTED,
  OD_ACTION_PROMISED,
  OD_ACTION_HELD,
  OD_ACTION_DO_NOT_CHASE,
  OD_ACTION_OPTED_OUT,         /* no channel left at all */
  OD_ACTION_BELOW_MINIMUM,
  OD_ACTION_LIMITED,           /* a guardrail (calls per week) holds it back */
} OdActionStatus;

typedef struct
{
  gint64          invoice_id;
  char           *invoice_number;
  gint64          customer_id;
  char           *customer_ref;
  char           *step;         /* step name, "instalment-N" for plans */
  guint           repeat;
  OdChannel       channel;      /* after opt-out fallback */
  GDateTime      *at;           /* in the send window, in the customer's zone */
  char            currency[4];
  gint64          amount_due;   /* outstanding principal (instalment amount for plans) */
  gint64          discounted;   /* pre-due with an early discount: the amount that settles; else 0 */
  GDate           discount_until; /* valid when discounted */
  gint64          fee;          /* this step's new fee, 0 if none */
  gint64          interest;     /* accrued to the action's date, not yet charged */
  guint           interest_days;
  gint64          compensation; /* the fixed compensation, once per invoice */
  gint            days_overdue; /* due date to now's local date; 0 before the due date */
  OdActionStatus  status;
  guint           variant;      /* the invoice's: which of a step's templates */
  char           *reason;       /* why not due: human text, translatable */
  char           *group;        /* same group = one message: "customer:channel:date" */
} OdDunningAction;

typedef struct
{
  GPtrArray      *actions;      /* OdDunningAction*, by customer then invoice then time */
  GDateTime      *next_wakeup;  /* the next instant anything becomes due, or NULL */
} OdDunningPlan;

typedef enum /*< flags >*/
{
  OD_DUNNING_FLAGS_NONE = 0,
  /* @now stands for the whole of its local day ("plan --as-of DATE"):
   * a send window that opened earlier that day counts as open, so what
   * goes out that day is due, not waiting for tomorrow's window. */
  OD_DUNNING_WHOLE_DAY  = 1 << 0,
} OdDunningFlags;

/* Plans every invoice in @snapshot at @now. @default_policy applies to
 * customers without their own. @local_zone is the zone used when neither
 * the customer nor the policy names one (the system's, injected). */
OdDunningPlan      *od_dunning_plan                   (OdDunningSnapshot *snapshot,
                                                       OdPolicy          *default_policy,
                                                       GTimeZone         *local_zone,
                                                       GDateTime         *now);
OdDunningPlan      *od_dunning_plan_full              (OdDunningSnapshot *snapshot,
                                                       OdPolicy          *default_policy,
                                                       GTimeZone         *local_zone,
                                                       GDateTime         *now,
                                                       OdDunningFlags     flags);
void                od_dunning_plan_free              (OdDunningPlan     *plan);
const char         *od_action_status_to_string        (OdActionStatus     status);

/* A/B templates: a step may name two templates ("Template=a;b"). An
 * invoice's variant (0 or 1) depends only on the bytes of its number, so
 * it never flips: the low bit of murmur3's 32-bit finaliser applied to
 * the 32-bit FNV-1a hash of the number. (FNV-1a's own low bit is only the
 * parity of the bytes, which sequential numbers would make alternate.) */
guint               od_dunning_variant_for_number     (const char        *number);
/* The template of @step for @variant: the second of two names for
 * variant 1, else the first; a new string, NULL when the step names none. */
char               *od_dunning_step_template          (OdPolicyStep      *step,
                                                       guint              variant);

/* Interest: simple, daily, on @principal at @annual_bp from the day after
 * @from to @to inclusive, on an actual/365 basis (366 in leap years, day
 * by day). */
gint64              od_dunning_interest               (gint64             principal,
                                                       gint               annual_bp,
                                                       const GDate       *from,
                                                       const GDate       *to,
                                                       guint             *days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdDunningSnapshot, od_dunning_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdDunningPlan, od_dunning_plan_free)

G_END_DECLS
