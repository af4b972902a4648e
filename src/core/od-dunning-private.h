/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-dunning.h"

G_BEGIN_DECLS

/* The consumer guardrail: no message before 08:00 or after 21:00 in the
 * customer's local time, whatever the policy's send hours say. */
#define OD_DUNNING_EARLIEST_MINUTE (8 * 60)
#define OD_DUNNING_LATEST_MINUTE   (21 * 60)

void        _od_dunning_action_free   (OdDunningAction *action);

/* One pass of the planner. */
typedef struct
{
  OdDunningSnapshot *snapshot;
  OdPolicy          *default_policy;
  GTimeZone         *local_zone;
  GDateTime         *now;
  OdDunningFlags     flags;
  GHashTable        *zones;    /* identifier → GTimeZone */
  GHashTable        *openings; /* (policy, zone, day) → GDateTime: window openings */
  GPtrArray         *actions;
  GDateTime         *next_wakeup;
  /* What depends only on (policy, zone) and now, for the last pair seen:
   * invoices in a row mostly share both. */
  OdPolicy          *day_policy;
  GTimeZone         *day_zone;
  GDate              day_today;
  GDateTime         *day_opening;       /* the next opening at or after now */
  GDateTime         *day_today_opening; /* today's opening, or the next one */
} Planner;

/* Everything about one invoice that the action builders share. */
typedef struct
{
  Planner           *planner;
  OdDunningInvoice  *invoice;
  OdDunningCustomer *customer;
  OdPolicy          *policy;
  GTimeZone         *zone;
  GDate              today;
  GDate              interest_from;
  gint64             outstanding;
  gint64            *instalment_paid; /* per instalment, payments allocated in order */
  const char        *resume_reason;  /* a broken promise or plan */
  char              *resume_reason_owned;
  gboolean           compensation_given;
} InvoiceCtx;

/* od-dunning.c */
void        _od_dunning_note_wakeup       (Planner     *planner,
                                           GDateTime   *instant);
void        _od_dunning_note_wakeup_after (InvoiceCtx  *ctx,
                                           const GDate *last_day);

/* od-dunning-calls.c */
void        _od_dunning_limit_calls       (Planner        *planner);

/* od-dunning-pauses.c */
gboolean    _od_dunning_find_pause        (InvoiceCtx     *ctx,
                                           OdActionStatus *status,
                                           char          **reason);

/* od-dunning-window.c */
void        _od_dunning_local_date    (GDateTime       *instant,
                                       GTimeZone       *zone,
                                       GDate           *out);
GDateTime  *_od_dunning_next_opening  (OdPolicy        *policy,
                                       GTimeZone       *zone,
                                       GDateTime       *from);
GDateTime  *_od_dunning_date_opening  (OdPolicy        *policy,
                                       GTimeZone       *zone,
                                       const GDate     *date);
GDateTime  *_od_dunning_day_start     (GTimeZone       *zone,
                                       const GDate     *date);

/* od-dunning-amounts.c */
gint64      _od_dunning_step_fee      (OdPolicyStep    *step,
                                       const char      *currency,
                                       gint64           outstanding);
gboolean    _od_dunning_discount      (OdPolicy        *policy,
                                       OdDunningInvoice *invoice,
                                       gint64           outstanding,
                                       const GDate     *on,
                                       gint64          *discounted,
                                       GDate           *until);
gboolean    _od_dunning_settled_by_discount (OdPolicy         *policy,
                                             OdDunningInvoice *invoice);
gint64     *_od_dunning_allocate_instalments (OdDunningInvoice *invoice);

G_END_DECLS
