/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_REASON_DIALOG (od_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdReasonDialog, od_reason_dialog, OD, REASON_DIALOG, AdwMessageDialog)

/* Asks why (a dispute, a hold); emits "chosen" when confirmed with a
 * reason. @confirm_label is the confirming button's label. */
OdReasonDialog *od_reason_dialog_new        (GtkWindow      *parent,
                                             const char     *heading,
                                             const char     *body,
                                             const char     *confirm_label);
const char     *od_reason_dialog_get_reason (OdReasonDialog *self);

G_END_DECLS
