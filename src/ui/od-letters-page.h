/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_LETTERS_PAGE (od_letters_page_get_type ())
G_DECLARE_FINAL_TYPE (OdLettersPage, od_letters_page, OD, LETTERS_PAGE, AdwBin)

/*
 * The print queue: letters the outbox has sent to be printed (state
 * 'sent', not yet done), a preview of the selected one rendered with
 * poppler, "Print All" through GtkPrintOperation, "Save as PDF" (every
 * letter in one file, each starting on an odd page) and "Mark as Posted"
 * (the store's mark-sent decision, which sets done_at).
 *
 * Actions: letters.print-all, letters.save-pdf, letters.mark-posted
 * (asks first), letters.save-posted "x" (the letter's outbox id, without
 * asking).
 */
OdLettersPage *od_letters_page_new         (OdContext     *context);
/* The letters to print (a GListModel of OdActivityItem). */
GListModel    *od_letters_page_get_letters (OdLettersPage *self);
/* The selected letter's pages as shown (a GListModel of GdkTexture). */
GListModel    *od_letters_page_get_preview (OdLettersPage *self);
void           od_letters_page_select      (OdLettersPage *self,
                                            guint          position);
/* Reads the queue again. */
void           od_letters_page_reload      (OdLettersPage *self);
/* Whether a read, a preview or a decision is under way. */
gboolean       od_letters_page_is_busy     (OdLettersPage *self);

G_END_DECLS
