/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-store.h"
#include "od-template.h"

G_BEGIN_DECLS

/*
 * What the template editor previews with: real invoices of the ledger
 * and the values a message about one of them is merged with. The two
 * loaders read the store: call them in a worker thread.
 */

/* An invoice to preview with, as the picker lists it. */
typedef struct
{
  gint64  invoice_id;
  char   *label;        /* "INV-1042 · Acme GmbH" */
} OdTemplateSample;

void              od_template_sample_free          (OdTemplateSample *sample);

/* Open invoices a message of @language would be about: overdue ones
 * first, customers who read @language first; at most @limit. */
GPtrArray        *od_template_sample_list          (OdStore          *store,
                                                    const char       *language,
                                                    guint             limit,
                                                    GError          **error);
/* The merge values of a message of template @name about @invoice_id, in
 * @language, as if sent today: what is owed, the fee of the step that
 * uses the template, interest accrued and the time to pay. */
OdTemplateValues *od_template_sample_values        (OdStore          *store,
                                                    gint64            invoice_id,
                                                    const char       *name,
                                                    const char       *language,
                                                    GError          **error);

/* The same two in a worker thread. */
void              od_template_sample_list_async    (gpointer             source_object,
                                                    OdStore             *store,
                                                    const char          *language,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray        *od_template_sample_list_finish   (GAsyncResult        *result,
                                                    GError             **error);
void              od_template_sample_values_async  (gpointer             source_object,
                                                    OdStore             *store,
                                                    gint64               invoice_id,
                                                    const char          *name,
                                                    const char          *language,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
OdTemplateValues *od_template_sample_values_finish (GAsyncResult        *result,
                                                    GError             **error);

/* The tags of @source that are not known (od_template_get_known_tags()):
 * pairs of character offsets (start, end) of each "{{...}}". */
GArray           *od_template_sample_unknown_tags  (const char       *source);

/* A rendered HTML message as a reader sees its text: paragraphs, line
 * breaks, table cells and links' words, without markup or styles. */
char             *od_template_sample_html_to_text  (const char       *html);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTemplateSample, od_template_sample_free)

G_END_DECLS
