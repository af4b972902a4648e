/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-invoice.h"

G_BEGIN_DECLS

#define OD_TYPE_ARRANGEMENT_DIALOG (od_arrangement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdArrangementDialog, od_arrangement_dialog, OD, ARRANGEMENT_DIALOG, AdwMessageDialog)

/*
 * An arrangement with the customer about an open invoice: a promise to
 * pay (a date, not in the past, and an amount up to what is outstanding,
 * typed in the user's locale) or a payment plan (the number of
 * instalments, the days between them and the first one's due date).
 * The response stays off until the fields make sense; emits "chosen"
 * when the owner confirms.
 */
OdArrangementDialog *od_arrangement_dialog_new_promise (GtkWindow           *parent,
                                                        OdInvoice           *invoice,
                                                        const GDate         *today);
OdArrangementDialog *od_arrangement_dialog_new_plan    (GtkWindow           *parent,
                                                        OdInvoice           *invoice,
                                                        const GDate         *today);
/* Promise: the amount (0 = all of it) and the date. Plan: the first due
 * date. */
gint64               od_arrangement_dialog_get_amount  (OdArrangementDialog *self);
const GDate         *od_arrangement_dialog_get_date    (OdArrangementDialog *self);
/* Plan: instalments and days between them. */
guint                od_arrangement_dialog_get_count   (OdArrangementDialog *self);
guint                od_arrangement_dialog_get_every   (OdArrangementDialog *self);
/* The entry @index (0, 1, 2: promise: date, amount; plan: count, every,
 * first), for tests. */
AdwEntryRow         *od_arrangement_dialog_get_entry   (OdArrangementDialog *self,
                                                        guint                index);

G_END_DECLS
