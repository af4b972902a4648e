/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "od-outbox-row.h"
#include "od-store.h"

G_BEGIN_DECLS

/*
 * The print queue's documents, for the Letters page. Safe to call in a
 * worker thread (each only reads the store); the PopplerDocuments they
 * return are then used by one thread at a time.
 */

/* The PDF of the letter a queued outbox row stands for, dated the day
 * it was sent to the queue. */
GBytes          *od_letter_queue_pdf        (OdStore        *store,
                                             OdOutboxRow    *row,
                                             GError        **error);
/* PopplerDocument* for each row (OdOutboxRow*), in order. */
GPtrArray       *od_letter_queue_documents  (OdStore        *store,
                                             GPtrArray      *rows,
                                             GError        **error);
/* How many sheets sides the documents take when each letter starts on
 * an odd page (for two-sided printing). */
guint            od_letter_queue_n_pages    (GPtrArray      *documents);
/* The page at @index of that sequence; NULL for a blank page. */
PopplerPage     *od_letter_queue_get_page   (GPtrArray      *documents,
                                             guint           index);
/* Every page of the documents, in that sequence, as one PDF. */
gboolean         od_letter_queue_write_pdf  (GPtrArray      *documents,
                                             GOutputStream  *stream,
                                             GError        **error);

G_END_DECLS
