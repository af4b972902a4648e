/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes RFC 4180 records (CRLF, quoting only where needed). Text cells
 * that a spreadsheet would take for a formula (starting with =, +, -, @,
 * tab or CR) are neutralised with a leading apostrophe; plain numbers
 * such as "-12.50" are left as they are. */
typedef struct _OdCsvWriter OdCsvWriter;

OdCsvWriter *od_csv_writer_new       (GOutputStream      *stream);
void         od_csv_writer_free      (OdCsvWriter        *self);
gboolean     od_csv_writer_write_row (OdCsvWriter        *self,
                                      const char * const *cells,
                                      guint               n_cells,
                                      GCancellable       *cancellable,
                                      GError            **error);
gboolean     od_csv_writer_flush     (OdCsvWriter        *self,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* The neutralised form of @cell, as the writer would write it (before
 * quoting). */
char        *od_csv_neutralise_cell  (const char         *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCsvWriter, od_csv_writer_free)

G_END_DECLS
