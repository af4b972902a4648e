/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_EXPORT_DIALOG (od_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdExportDialog, od_export_dialog, OD, EXPORT_DIALOG, AdwWindow)

/*
 * Exports the ledger as CSV into a folder: customers.csv, invoices.csv,
 * payments.csv and communications.csv, in the import's columns (the
 * core's od_export_csv), in a worker thread, with progress and Cancel.
 * Each file is written under a temporary name and renamed when complete,
 * so a cancelled or failed export leaves no half file behind.
 */

/* Asks for a folder (GtkFileChooserNative), asks before replacing
 * files already there, exports, and says so in a toast on @toasts. */
void            od_export_dialog_choose_folder (GtkWindow       *parent,
                                                OdContext       *context,
                                                AdwToastOverlay *toasts);
/* What choosing @folder does: asks before replacing files there, then
 * exports with a progress dialog and a toast on @toasts (may be NULL). */
void            od_export_dialog_export_to     (GtkWindow       *parent,
                                                OdContext       *context,
                                                GFile           *folder,
                                                AdwToastOverlay *toasts);
/* The dialog for @folder; od_export_dialog_start() begins. Emits
 * "finished" (gboolean ok, const char *message) and closes itself. */
OdExportDialog *od_export_dialog_new           (GtkWindow       *parent,
                                                OdContext       *context,
                                                GFile           *folder);
void            od_export_dialog_start         (OdExportDialog  *self);
void            od_export_dialog_cancel        (OdExportDialog  *self);
/* The file names written, in order (NULL-terminated). */
const char * const *od_export_dialog_file_names (void);

G_END_DECLS
