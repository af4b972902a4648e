/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-dunning.h"
#include "od-outbox.h"
#include "od-scheduler.h"
#include "od-secrets.h"
#include "od-store.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  OD_COLLECTION_FLAGS_NONE = 0,
  /* @now stands for its whole local day (OD_DUNNING_WHOLE_DAY). */
  OD_COLLECTION_WHOLE_DAY  = 1 << 0,
} OdCollectionFlags;

/* What one collection pass did, and what waits after it. */
typedef struct
{
  gboolean          demo;        /* no account is set up: nothing left the machine */
  guint             queued;      /* messages this pass added to the outbox */
  guint             superseded;  /* steps a catch-up passed over */
  OdOutboxRunStats  delivery;    /* what this pass's deliveries came to */
  OdOutboxCounts    totals;      /* the outbox after the pass (rows per state, letters, calls) */
  GDateTime        *next_due;    /* the engine's next step or the earliest retry; NULL: nothing */
} OdCollectionSummary;

void           od_collection_summary_clear     (OdCollectionSummary  *summary);

/* The business's time zone, or the system's when it names none. */
GTimeZone     *od_collection_time_zone         (OdStore              *store);

/* Loads the dunning snapshot and the effective policy and plans at @now
 * in @zone (NULL: od_collection_time_zone()); *@snapshot receives the
 * snapshot the plan is about. */
OdDunningPlan *od_collection_plan              (OdStore              *store,
                                                GTimeZone            *zone,
                                                GDateTime            *now,
                                                OdCollectionFlags     flags,
                                                OdDunningSnapshot   **snapshot,
                                                GError              **error);

/* Gives @outbox a deliverer per channel from the ledger's accounts: with
 * no account of either kind, the demo deliverer keeps email and SMS here
 * (*@demo TRUE); otherwise email over SMTP and SMS over the gateway, each
 * with its secret from @secrets (NULL: the system keyring), and a channel
 * without its account fails for now and is retried. Letters and calls go
 * to a person either way. */
/* The ledger setting that keeps every message on the machine, set by
 * the demo ledger and switched in Preferences ("1" on, otherwise off). */
#define OD_COLLECTION_DEMO_MODE_KEY "demo-mode"

/* Whether messages only pretend to go out: demo mode is on, or no email
 * or SMS account is set up. */
gboolean       od_collection_is_demo           (OdStore              *store,
                                                GError              **error);

gboolean       od_collection_set_up_deliverers (OdOutbox             *outbox,
                                                OdStore              *store,
                                                OdSecrets            *secrets,
                                                gboolean             *demo,
                                                GError              **error);

/*
 * One collection pass, for overdue-cli run and the app's scheduler
 * alike: plans at @now, takes what is due into the outbox (in the
 * transaction that records the steps), delivers every row due at @now
 * and fills @summary (clear it with od_collection_summary_clear()).
 * Blocks on the network: call it from a worker thread in the app.
 */
gboolean       od_collection_run               (OdStore              *store,
                                                GTimeZone            *zone,
                                                GDateTime            *now,
                                                OdCollectionFlags     flags,
                                                OdCollectionSummary  *summary,
                                                GCancellable         *cancellable,
                                                GError              **error);

/* od_collection_run() as the scheduler's work (OdSchedulerWorkFunc):
 * fills the pass summary from it. @user_data is unused. */
gboolean       od_collection_work              (OdStore              *store,
                                                GDateTime            *now,
                                                OdPassSummary        *summary,
                                                gpointer              user_data,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
