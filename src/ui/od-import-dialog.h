/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-importer.h"

G_BEGIN_DECLS

#define OD_TYPE_IMPORT_DIALOG (od_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdImportDialog, od_import_dialog, OD, IMPORT_DIALOG, AdwWindow)

/*
 * Imports customers, invoices and payments from CSV files through the
 * core's OdImporter: a file chosen (GtkFileChooserNative) shows its first
 * rows; Import runs each file in a worker thread, in the order customers,
 * invoices, payments, each all or nothing in one transaction, with
 * progress and Cancel (a cancelled file writes nothing). A file with bad
 * rows writes nothing and its problems are listed by line and column;
 * fix the file and import again. Files already imported in this dialog
 * are not imported twice. The context hears "ledger-changed" after rows
 * were written.
 */
OdImportDialog *od_import_dialog_new          (GtkWindow      *parent,
                                               OdContext      *context);
/* Chooses @file for @kind as the file chooser does (and previews it). */
void            od_import_dialog_set_file     (OdImportDialog *self,
                                               OdImportKind    kind,
                                               GFile          *file);
/* Clicks Import / Cancel. */
void            od_import_dialog_start        (OdImportDialog *self);
void            od_import_dialog_cancel       (OdImportDialog *self);
/* For tests: work in flight (previews or the import). */
gboolean        od_import_dialog_is_busy      (OdImportDialog *self);
/* The problems listed ("invoices.csv:3: column “due”: …"). */
GPtrArray      *od_import_dialog_get_problems (OdImportDialog *self);
/* Rows written by this dialog so far. */
guint           od_import_dialog_get_imported (OdImportDialog *self);
/* What the dialog says after a run ("Imported …", "Nothing was …"). */
const char     *od_import_dialog_get_result   (OdImportDialog *self);

G_END_DECLS
