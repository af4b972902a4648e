/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-deliverer.h"
#include "od-dunning.h"
#include "od-store.h"

G_BEGIN_DECLS

/* What one delivery pass did. */
typedef struct
{
  guint sent;              /* of which @demo were only kept here */
  guint demo;
  guint failed_temporary;  /* tried again after the back-off */
  guint failed_permanent;
  guint unknown;
  guint lost_claims;       /* another program decided the row while it was out */
} OdOutboxRunStats;

#define OD_TYPE_OUTBOX (od_outbox_get_type ())
G_DECLARE_FINAL_TYPE (OdOutbox, od_outbox, OD, OUTBOX, GObject)

/*
 * OdOutbox: takes a plan's actions into the store's durable outbox and
 * delivers what is due through one OdDeliverer per channel. Whatever
 * runs it (overdue-cli run, the app's scheduler, two at once), a row goes
 * out at most once: the store's claim is the guard.
 */
OdOutbox    *od_outbox_new                (OdStore            *store);
/* Which deliverer takes @channel (one of the four); NULL: none, such rows
 * fail for now ("no account is set up") and are retried. */
void         od_outbox_set_deliverer      (OdOutbox           *self,
                                           OdChannel           channel,
                                           OdDeliverer        *deliverer);
/* Who claims rows; default od_outbox_owner_self(). For tests. */
void         od_outbox_set_owner          (OdOutbox           *self,
                                           const char         *owner);
/* How many rows one claim takes (default 1: a crash leaves at most one
 * row 'unknown' that was never handed over). */
void         od_outbox_set_batch_size     (OdOutbox           *self,
                                           guint               size);

/* The messages of @plan: one per group of due (or awaiting-review)
 * actions, with its rendered payload; *@superseded receives the steps a
 * catch-up passes over (OdOutboxItem*). */
GPtrArray   *od_outbox_entries_from_plan  (OdOutbox           *self,
                                           OdDunningSnapshot  *snapshot,
                                           OdDunningPlan      *plan,
                                           GPtrArray         **superseded,
                                           GError            **error);
/* Enqueues the plan in one transaction; *@n_added: new rows. */
gboolean     od_outbox_enqueue_plan       (OdOutbox           *self,
                                           OdDunningSnapshot  *snapshot,
                                           OdDunningPlan      *plan,
                                           GDateTime          *now,
                                           guint              *n_added,
                                           GError            **error);
/* Claims and delivers until nothing is due at @now. */
gboolean     od_outbox_deliver_due        (OdOutbox           *self,
                                           GDateTime          *now,
                                           OdOutboxRunStats   *stats,
                                           GCancellable       *cancellable,
                                           GError            **error);

/* The payload's parts (JSON members "to", "subject", "body"); NULL when
 * missing. */
char        *od_outbox_payload_get        (const char         *payload,
                                           const char         *member);

G_END_DECLS
