/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-csv-reader.h"
#include "od-importer.h"

G_BEGIN_DECLS

#define OD_IMPORT_MAX_COLUMNS 10

typedef struct
{
  const char *name;
  gboolean    required;
} OdImportColumn;

/* The state of one run, kept apart from the OdImporter so that a worker
 * thread owns it entirely. */
typedef struct
{
  OdStore               *store;
  OdImportKind           kind;
  const char            *file_name;       /* NULL = unknown */
  GPtrArray             *problems;        /* OdImportProblem*, capped */
  guint                  n_problems;
  const OdImportColumn  *spec;
  guint                  n_spec;
  int                    index[OD_IMPORT_MAX_COLUMNS];  /* field of each column, or -1 */
  const char            *values[OD_IMPORT_MAX_COLUMNS];
  GPtrArray             *header;          /* names as written, trimmed */
  guint                  line;
  char                   default_currency[4];
  GStringChunk          *keys;
  GHashTable            *seen;            /* ref/number -> first line */
  GHashTable            *customers;       /* ref -> gint64 id, 0 = none */
  GHashTable            *invoices;        /* number -> InvoiceFacts */
  OdInvoice             *invoice;         /* reused for every row */
  OdPayment             *payment;
  guint                  imported;
  gboolean               row_failed;
} OdImportRun;

void     _od_import_run_init        (OdImportRun   *run,
                                     OdStore       *store,
                                     OdImportKind   kind,
                                     const char    *file_name,
                                     GPtrArray     *problems);
void     _od_import_run_clear       (OdImportRun   *run);
/* Reads and checks the header row. */
gboolean _od_import_run_read_header (OdImportRun   *run,
                                     OdCsvReader   *reader,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Checks and writes one record (run->line set); a rejected row becomes a
 * problem. Returns FALSE only when the store fails. */
gboolean _od_import_run_row         (OdImportRun   *run,
                                     GPtrArray     *fields,
                                     GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OdImportRun, _od_import_run_clear)

G_END_DECLS
