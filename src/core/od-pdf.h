/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-store.h"

G_BEGIN_DECLS

/*
 * The business documents as PDF: A4 (DIN 5008 form B) or US Letter
 * (#10 window envelope) after the business profile's PaperSize, fonts
 * embedded, "Page N of M" on documents of more than one page. Each
 * function reads what it needs from @store and writes one PDF to
 * @stream; nothing is written to the store. @today is the date the
 * document is dated (invalid or NULL: the local date now).
 *
 * An unknown invoice number or customer ref is %OD_STORE_ERROR_NOT_FOUND.
 */

typedef enum
{
  OD_LETTER_REMINDER,
  OD_LETTER_FINAL_NOTICE,
  OD_LETTER_DEMAND,
} OdLetterKind;

gboolean od_pdf_write_invoice   (OdStore        *store,
                                 const char     *number,
                                 GOutputStream  *stream,
                                 GError        **error);
gboolean od_pdf_write_statement (OdStore        *store,
                                 const char     *customer_ref,
                                 const GDate    *today,
                                 GOutputStream  *stream,
                                 GError        **error);
/* A reminder, final notice or demand letter about @number; the demand
 * letter has the open invoices of the customer attached after it. */
gboolean od_pdf_write_letter    (OdStore        *store,
                                 const char     *number,
                                 OdLetterKind    kind,
                                 const GDate    *today,
                                 GOutputStream  *stream,
                                 GError        **error);
/* Every letter the plan at @now has due to be posted, each starting on
 * an odd page. *@n_letters receives how many. Only reads. */
gboolean od_pdf_write_letters   (OdStore        *store,
                                 GDateTime      *now,
                                 gboolean        whole_day,
                                 GOutputStream  *stream,
                                 guint          *n_letters,
                                 GError        **error);
/* The collection agency's packet: the statement, every letter and
 * message sent and the contact log in one PDF, and the same open items
 * and history as CSV into @csv (may be NULL). */
gboolean od_pdf_write_packet    (OdStore        *store,
                                 const char     *customer_ref,
                                 const GDate    *today,
                                 GOutputStream  *pdf,
                                 GOutputStream  *csv,
                                 GError        **error);

/* The letter a policy step sends, by the step's template name
 * ("final-notice", "demand", …): reminders for the others. */
OdLetterKind od_letter_kind_for_step (const char *step);
/* Days to pay that a letter of @kind (and its step's message) gives. */
guint        od_letter_deadline_days (OdLetterKind kind);

/* What a document calls a policy step: "Payment reminder" for
 * "first-reminder", and so on for the steps of the shipped policy
 * (translated); any other step by its name with dashes turned into
 * spaces and a capital, "late-call" "Late call". */
char        *od_pdf_step_label       (const char *step);
/* "Email", "Text message", "Letter", "Phone call", joined with commas
 * for several; "—" for none. */
char        *od_pdf_channel_label    (OdChannel   channels);

G_END_DECLS
