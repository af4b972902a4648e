/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_IMPORT_PREVIEW (od_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (OdImportPreview, od_import_preview, OD, IMPORT_PREVIEW, GtkBox)

/* How many records after the header the preview shows. */
#define OD_IMPORT_PREVIEW_ROWS 5

/*
 * The first rows of a CSV file as a table, read in a worker thread with
 * the core's CSV reader (od-csv-reader.h), the header row in bold. A file
 * the reader refuses shows the reader's message (it names the line).
 */
OdImportPreview *od_import_preview_new        (const char      *title,
                                               GFile           *file);
gboolean         od_import_preview_is_loading (OdImportPreview *self);
/* Records read, the header included (for tests). */
guint            od_import_preview_get_n_rows (OdImportPreview *self);

G_END_DECLS
