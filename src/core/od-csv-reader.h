/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OD_CSV_ERROR (od_csv_error_quark ())

typedef enum
{
  OD_CSV_ERROR_SYNTAX,    /* the message names line and column */
  OD_CSV_ERROR_ENCODING,  /* not UTF-8 */
  OD_CSV_ERROR_TOO_LARGE, /* a field over the reader's limit */
} OdCsvError;

GQuark od_csv_error_quark (void);

/* A streaming RFC 4180 reader: header row handled by the caller, quoted
 * fields with doubled quotes and line breaks, UTF-8 with or without BOM,
 * CRLF or LF. Not a GObject: one reader, one stream, one thread. */
typedef struct _OdCsvReader OdCsvReader;

OdCsvReader *od_csv_reader_new        (GInputStream  *stream);
void         od_csv_reader_free       (OdCsvReader   *self);
/* Reads one record. Returns FALSE at the end (no error) or on error.
 * @fields is owned by the reader and valid until the next call;
 * @line is the line the record starts on (1-based). */
gboolean     od_csv_reader_next       (OdCsvReader   *self,
                                       GPtrArray    **fields,
                                       guint         *line,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* Bytes consumed so far, for progress. */
guint64      od_csv_reader_get_offset (OdCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCsvReader, od_csv_reader_free)

G_END_DECLS
