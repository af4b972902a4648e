/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

#define OD_IMPORT_ERROR (od_import_error_quark ())

typedef enum
{
  OD_IMPORT_ERROR_INVALID,         /* rows were rejected: see the problems */
  OD_IMPORT_ERROR_MISSING_COLUMN,  /* a required column is absent */
  OD_IMPORT_ERROR_EMPTY,           /* no header row */
} OdImportError;

GQuark od_import_error_quark (void);

typedef enum
{
  OD_IMPORT_KIND_CUSTOMERS,
  OD_IMPORT_KIND_INVOICES,
  OD_IMPORT_KIND_PAYMENTS,
} OdImportKind;

typedef struct
{
  guint  line;     /* 1-based line of the record in the file */
  char  *column;   /* header name, or NULL for the whole row */
  char  *message;  /* translated, says what is wrong and what is expected */
} OdImportProblem;

#define OD_TYPE_IMPORTER (od_importer_get_type ())
G_DECLARE_FINAL_TYPE (OdImporter, od_importer, OD, IMPORTER, GObject)

/*
 * Imports one CSV file all or nothing: every row is checked inside one
 * transaction, and the transaction is committed only when no row was
 * rejected. The problems list names each rejected row by line and column.
 * Properties: store, kind, progress (0..1, notified from the main context
 * that called run_async), imported (rows written).
 */
OdImporter  *od_importer_new           (OdStore              *store,
                                        OdImportKind          kind);
/* The file's name as messages show it ("invoices.csv"); run_async sets
 * it from the GFile when unset. */
const char  *od_importer_get_file_name (OdImporter           *self);
void         od_importer_set_file_name (OdImporter           *self,
                                        const char           *file_name);
gboolean     od_importer_run           (OdImporter           *self,
                                        GInputStream         *stream,
                                        goffset               size,
                                        GCancellable         *cancellable,
                                        GError              **error);
void         od_importer_run_async     (OdImporter           *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean     od_importer_run_finish    (OdImporter           *self,
                                        GAsyncResult         *result,
                                        GError              **error);
/* Array of OdImportProblem*, in file order; at most the first 1000. */
GPtrArray   *od_importer_get_problems  (OdImporter           *self);
guint        od_importer_get_n_problems (OdImporter          *self);
guint        od_importer_get_imported  (OdImporter           *self);
double       od_importer_get_progress  (OdImporter           *self);
gboolean     od_import_kind_from_string (const char          *text,
                                         OdImportKind        *out);
/* "FILE:LINE: column “x”: message" */
char        *od_import_problem_to_string (const OdImportProblem *problem,
                                          const char            *file_name);

G_END_DECLS
