/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

#define OD_COLLECTION_NOW_ERROR (od_collection_now_error_quark ())

typedef enum
{
  OD_COLLECTION_NOW_ERROR_NOT_OPEN,         /* paid or void: nothing to chase */
  OD_COLLECTION_NOW_ERROR_NOTHING_PLANNED,  /* the ladder has no step left */
  OD_COLLECTION_NOW_ERROR_BLOCKED,          /* disputed, held, promised, do-not-chase, opted out… */
  OD_COLLECTION_NOW_ERROR_QUEUED,           /* the step is already in the outbox */
} OdCollectionNowError;

GQuark   od_collection_now_error_quark (void);

/*
 * Queues the next step the engine plans for @invoice_id now, instead of
 * at its time: the plan of od-dunning.c for the invoice and its customer
 * at @now, so everything that stops a step stops this one too (a
 * dispute, hold or promise, do-not-chase, an opt-out, a plan, the
 * minimum amount), and a step that needs review waits for it in the
 * outbox. A step already due goes as it is. The step is recorded as taken
 * like any other (it is not sent again at its planned time); delivery is
 * the outbox's next pass. *@out_step (may be NULL) receives the step's
 * name. The error says why nothing was queued.
 */
gboolean od_collection_send_next_now   (OdStore     *store,
                                        gint64       invoice_id,
                                        GDateTime   *now,
                                        char       **out_step,
                                        GError     **error);

G_END_DECLS
