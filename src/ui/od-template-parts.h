/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-store.h"

G_BEGIN_DECLS

/*
 * What the template editor reads and writes, in a worker thread: one
 * part of a template in one language, with its email subject when it is
 * an email body. Saved or reset to the shipped default together.
 */
typedef struct
{
  char *subject;   /* NULL: the part has none */
  char *body;
} OdTemplateParts;

void             od_template_parts_free         (OdTemplateParts      *parts);

void             od_template_parts_load_async   (gpointer              source_object,
                                                 OdStore              *store,
                                                 const char           *name,
                                                 OdTemplatePart        part,
                                                 const char           *language,
                                                 gboolean              with_subject,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
OdTemplateParts *od_template_parts_load_finish  (GAsyncResult         *result,
                                                 GError              **error);
/* @parts NULL: back to the shipped text. */
void             od_template_parts_save_async   (gpointer              source_object,
                                                 OdStore              *store,
                                                 const char           *name,
                                                 OdTemplatePart        part,
                                                 const char           *language,
                                                 const OdTemplateParts *parts,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         od_template_parts_save_finish  (GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTemplateParts, od_template_parts_free)

G_END_DECLS
