/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-types.h"

G_BEGIN_DECLS

/*
 * The outbox's plain data: its states, a row as the store reads it, what
 * a plan hands to the store to enqueue, and the retry schedule.
 *
 *   awaiting-review --approve--> queued --claim--> sending --> sent
 *          |                       |                 |-----> failed (temporary: back to
 *          +--skip--> cancelled <--+ (paid, paused,  |        the claim after the back-off;
 *                                     opted out)     |        permanent: the owner decides)
 *                                                    +-----> unknown (the sender died or the
 *                                                             connection broke after the data
 *                                                             was handed over: never re-sent
 *                                                             by itself; the owner decides)
 */
typedef enum
{
  OD_OUTBOX_STATE_QUEUED,
  OD_OUTBOX_STATE_SENDING,
  OD_OUTBOX_STATE_SENT,
  OD_OUTBOX_STATE_FAILED,
  OD_OUTBOX_STATE_UNKNOWN,
  OD_OUTBOX_STATE_AWAITING_REVIEW,
  OD_OUTBOX_STATE_CANCELLED,
} OdOutboxState;

/* What one delivery attempt came to. */
typedef enum
{
  OD_DELIVERY_SENT,
  OD_DELIVERY_TEMPORARY,   /* not sent; try again after the back-off */
  OD_DELIVERY_PERMANENT,   /* refused for good */
  OD_DELIVERY_UNKNOWN,     /* handed over, no answer: never resend by itself */
} OdDeliveryOutcome;

/* What the owner decides about a row (overdue-cli outbox VERB ID). */
typedef enum
{
  OD_OUTBOX_APPROVE,       /* awaiting-review -> queued */
  OD_OUTBOX_SKIP,          /* awaiting-review -> cancelled; the step is skipped */
  OD_OUTBOX_RETRY,         /* failed or unknown -> queued */
  OD_OUTBOX_CANCEL,        /* queued, failed, unknown or awaiting-review -> cancelled */
  OD_OUTBOX_MARK_SENT,     /* unknown -> sent (it did arrive); letters and calls: done */
  OD_OUTBOX_MARK_FAILED,   /* unknown -> failed, permanent (it did not) */
} OdOutboxDecision;

typedef struct
{
  gint64         id;
  char          *idempotency_key;
  gint64         customer_id;
  char          *customer_ref;
  char          *customer_name;
  OdChannel      channel;
  OdOutboxState  state;
  char          *step;
  guint          attempts;
  GDateTime     *next_attempt_at;  /* failed, temporary: when it is tried again */
  char          *last_error;       /* failed, unknown, cancelled: why */
  gboolean       permanent;
  gboolean       demo;             /* sent (demo): nothing left the machine */
  char          *message_id;
  char          *payload;          /* the message: JSON, see od_outbox_payload_*() */
  char          *claim_owner;
  GDateTime     *claimed_at;
  GDateTime     *sent_at;
  GDateTime     *done_at;          /* letters printed and posted, calls made */
  GDateTime     *created_at;
  GDateTime     *updated_at;
  GStrv          invoices;         /* the invoice numbers it is about */
} OdOutboxRow;

/* One (invoice, step, repeat) that a row takes, or that a catch-up
 * passes over. The fee and compensation are charged with it. */
typedef struct
{
  gint64      invoice_id;
  char       *step;
  guint       repeat;
  GDateTime  *at;                  /* the planned instant: the history's */
  char        currency[4];
  gint64      fee;
  gint64      compensation;
} OdOutboxItem;

/* One message to enqueue: a group of the plan's actions. */
typedef struct
{
  gint64         customer_id;
  OdChannel      channel;
  OdOutboxState  state;            /* QUEUED or AWAITING_REVIEW */
  char          *step;             /* the latest step of the group, for lists */
  char          *payload;
  GPtrArray     *items;            /* OdOutboxItem* */
} OdOutboxEntry;

/* Retry schedule: the waits after the 1st, 2nd, … temporary failure
 * (the last repeats), and when to give up (counted from the first
 * attempt). The lease bounds how long a claim holds when its owner cannot
 * be checked (another machine). Read from the settings table. */
typedef struct
{
  GArray  *retry_minutes;          /* guint */
  guint    give_up_minutes;
  guint    lease_minutes;
} OdOutboxSchedule;

/* Rows per state, of the failed ones those that failed for good, of the
 * sent ones the letters still to print and the calls still to make, and
 * when the earliest failed-for-now row is tried again. */
typedef struct
{
  guint    states[OD_OUTBOX_STATE_CANCELLED + 1];
  guint    failed_permanent;
  guint    letters_to_print;
  guint    calls_to_make;
  gint64   next_attempt;           /* Unix time; 0 when no retry waits */
} OdOutboxCounts;

#define OD_OUTBOX_SETTING_RETRY   "outbox.retry-minutes"   /* "1,5,30,60" */
#define OD_OUTBOX_SETTING_GIVE_UP "outbox.give-up-hours"   /* "72" */
#define OD_OUTBOX_SETTING_LEASE   "outbox.lease-minutes"   /* "15" */

const char       *od_outbox_state_to_string      (OdOutboxState      state);
gboolean          od_outbox_state_from_string    (const char        *text,
                                                  OdOutboxState     *out);
const char       *od_outbox_decision_to_string   (OdOutboxDecision   decision);
gboolean          od_outbox_decision_from_string (const char        *text,
                                                  OdOutboxDecision  *out);

void              od_outbox_row_free             (OdOutboxRow       *row);
OdOutboxItem     *od_outbox_item_new             (gint64             invoice_id,
                                                  const char        *step,
                                                  guint              repeat,
                                                  GDateTime         *at);
void              od_outbox_item_free            (OdOutboxItem      *item);
OdOutboxEntry    *od_outbox_entry_new            (gint64             customer_id,
                                                  OdChannel          channel,
                                                  OdOutboxState      state);
void              od_outbox_entry_free           (OdOutboxEntry     *entry);

/* The unique key of a message taking @items (OdOutboxItem*) on
 * @channel: the same items give the same key in any order. */
char             *od_outbox_idempotency_key      (OdChannel          channel,
                                                  GPtrArray         *items);

/* The defaults: 1, 5, 30 minutes then hourly; 72 hours; 15 minutes. */
OdOutboxSchedule *od_outbox_schedule_new_default (void);
/* @retry: "1,5,30,60" (minutes); NULL keeps the default. */
OdOutboxSchedule *od_outbox_schedule_parse       (const char        *retry,
                                                  const char        *give_up_hours,
                                                  const char        *lease_minutes,
                                                  GError           **error);
void              od_outbox_schedule_free        (OdOutboxSchedule  *schedule);
/* After the @failures-th temporary failure (1-based) at @now, whose
 * first attempt was at @first: when to try again, or NULL to give up. */
GDateTime        *od_outbox_schedule_next        (OdOutboxSchedule  *schedule,
                                                  guint              failures,
                                                  GDateTime         *first,
                                                  GDateTime         *now);

/* This process as a claim owner: "host boot-id pid start-ticks". */
const char       *od_outbox_owner_self           (void);
/* FALSE only when @owner is certainly gone: this machine and boot (or
 * this machine after a reboot), and no process @pid started at that
 * time. Another machine's owner is taken to be alive (its lease decides). */
gboolean          od_outbox_owner_is_alive       (const char        *owner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOutboxRow, od_outbox_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOutboxItem, od_outbox_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOutboxEntry, od_outbox_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOutboxSchedule, od_outbox_schedule_free)

G_END_DECLS
