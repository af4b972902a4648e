/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

typedef enum
{
  OD_EXPORT_KIND_CUSTOMERS,
  OD_EXPORT_KIND_INVOICES,
  OD_EXPORT_KIND_PAYMENTS,
  OD_EXPORT_KIND_COMMUNICATIONS,  /* the contact log; export only */
} OdExportKind;

/* Writes the table as CSV in the import's column names, so an export
 * imports back unchanged (the communications log has no import: its
 * times are UTC, ISO 8601). Streams row by row; never loads the table. */
gboolean od_export_csv               (OdStore        *store,
                                      OdExportKind    kind,
                                      GOutputStream  *stream,
                                      GCancellable   *cancellable,
                                      GError        **error);
gboolean od_export_kind_from_string  (const char     *text,
                                      OdExportKind   *out);

G_END_DECLS
