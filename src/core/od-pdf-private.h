/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-language-format.h"
#include "od-merge-values.h"
#include "od-pdf.h"
#include "od-pdf-doc.h"

G_BEGIN_DECLS

/* What an invoice document shows, loaded once for both passes. */
typedef struct
{
  OdInvoice   *invoice;
  OdCustomer  *customer;
  OdPolicy    *policy;      /* the effective one: discount, interest */
  GPtrArray   *charges;     /* OdCharge* */
} OdPdfInvoiceData;

gboolean  _od_pdf_invoice_data_load   (OdStore          *store,
                                       OdInvoice        *invoice,
                                       OdCustomer       *customer,
                                       OdPdfInvoiceData *data,
                                       GError          **error);
void      _od_pdf_invoice_data_clear  (OdPdfInvoiceData *data);
gboolean  _od_pdf_draw_invoice        (OdPdfDoc         *doc,
                                       OdPdfInvoiceData *data,
                                       gboolean          copy,
                                       GError          **error);

/* A customer's open invoices, oldest due first. */
GPtrArray *_od_pdf_open_invoices      (OdStore          *store,
                                       gint64            customer_id,
                                       GError          **error);
/* The statement of @customer's open items (a section of its own). */
void      _od_pdf_draw_statement      (OdPdfDoc         *doc,
                                       OdCustomer       *customer,
                                       GPtrArray        *invoices,
                                       const GDate      *today);

OdInvoice  *_od_pdf_find_invoice      (OdStore          *store,
                                       const char       *number,
                                       GError          **error);
OdBusiness *_od_pdf_get_business      (OdStore          *store,
                                       GError          **error);
OdCustomer *_od_pdf_find_customer     (OdStore          *store,
                                       const char       *ref,
                                       GError          **error);
void        _od_pdf_today             (const GDate      *today,
                                       GDate            *out);

/* Text in the document's @language (NULL: the user's, through
 * gettext): "1,234.56", "€1,234.50", "30 Nov 2026", "30 November 2026". */
char     *_od_pdf_amount              (const char       *language,
                                       gint64            minor,
                                       const char       *currency);
char     *_od_pdf_money               (const char       *language,
                                       gint64            minor,
                                       const char       *currency);
char     *_od_pdf_date                (const char       *language,
                                       const GDate      *date);
char     *_od_pdf_long_date           (const char       *language,
                                       const GDate      *date);
char     *_od_pdf_percent             (const char       *language,
                                       gint              basis_points);
char     *_od_pdf_step_label          (const char       *language,
                                       const char       *step);
char     *_od_pdf_channel_label       (const char       *language,
                                       OdChannel         channels);
/* The language a document for @customer speaks: the customer's, else
 * the business's, else English (see od_language_format_pick()). */
const char *_od_pdf_customer_language (OdBusiness       *business,
                                       OdCustomer       *customer);
/* A word of the document in its language: @msgid marked with N_(). */
#define _od_pdf_text(doc, msgid) od_language_text (od_pdf_doc_get_language (doc), (msgid))
/* @text with its spaces made no-break spaces: an IBAN is never broken
 * over two lines. */
char     *_od_pdf_unbreakable         (const char       *text);
/* "IBAN DE89 3704 …", all in one piece. */
char     *_od_pdf_iban                (const char       *iban);
/* The postal address block of @customer, one line each. */
char     *_od_pdf_recipient           (const char       *language,
                                       OdBusiness       *business,
                                       OdCustomer       *customer);
/* The business PaymentLink with {{invoice.number}} and {{amount_due}}. */
char     *_od_pdf_payment_link        (OdBusiness       *business,
                                       OdInvoice        *invoice);

/* od-pdf-letter.c: a letter about one or more invoices of a customer. */
typedef struct _OdPdfLetter OdPdfLetter;

OdPdfLetter *_od_pdf_letter_new         (OdLetterKind           kind,
                                         OdCustomer            *customer,
                                         OdPolicy              *policy,
                                         const GDate           *today);
void         _od_pdf_letter_free        (OdPdfLetter           *letter);
OdLetterKind _od_pdf_letter_get_kind    (OdPdfLetter           *letter);
void         _od_pdf_letter_set_kind    (OdPdfLetter           *letter,
                                         OdLetterKind           kind);
guint        _od_pdf_letter_get_n_invoices (OdPdfLetter        *letter);
OdInvoice   *_od_pdf_letter_get_invoice (OdPdfLetter           *letter,
                                         guint                  index);
void         _od_pdf_letter_add_invoice (OdPdfLetter           *letter,
                                         OdInvoice             *invoice,
                                         const OdDunningAction *action,
                                         GPtrArray             *charges,
                                         GPtrArray             *history);
void         _od_pdf_letter_draw        (OdPdfDoc              *doc,
                                         OdPdfLetter           *letter,
                                         gboolean               odd);
GPtrArray   *_od_pdf_snapshot_history   (OdDunningSnapshot     *snapshot,
                                         gint64                 invoice_id);
GPtrArray   *_od_pdf_load_attachments   (OdStore               *store,
                                         OdCustomer            *customer,
                                         GError               **error);

/* Makes the letter's words from the owner's template @name (a policy
 * step's Template=): FALSE with @error when it cannot be read; TRUE with
 * the built-in wording when there is no such template. */
gboolean     _od_pdf_letter_use_template (OdPdfLetter          *letter,
                                          OdStore              *store,
                                          OdBusiness           *business,
                                          const char           *name,
                                          GError              **error);

/* od-pdf-letter-template.c */
/* The template of the step of @kind that @invoice has reached on @today
 * (the first of that kind before), or NULL. */
char        *_od_pdf_letter_template_name   (OdPolicy             *policy,
                                             OdLetterKind          kind,
                                             OdInvoice            *invoice,
                                             const GDate          *today);
/* The "letter" part of @name in @customer's language merged as pango
 * markup; NULL without an error when there is none. *@itemizes: it
 * states the total due or lists several invoices itself; *@total:
 * {{total_due}} as the markup has it; *@language: the language it is
 * written in ("de"; "en" for one Overdue does not write itself). */
char        *_od_pdf_letter_render_template (OdStore              *store,
                                             OdBusiness           *business,
                                             OdCustomer           *customer,
                                             GPtrArray            *invoices,
                                             const OdMergeAmounts *amounts,
                                             const GDate          *today,
                                             const char           *name,
                                             gboolean             *itemizes,
                                             char                **total,
                                             const char          **language,
                                             GError              **error);
/* Paragraphs (char*) parted by blank lines. */
GPtrArray   *_od_pdf_split_paragraphs       (const char           *markup);
/* One line, all bold: a title. */
gboolean     _od_pdf_markup_is_heading      (const char           *paragraph);
gboolean     _od_pdf_markup_is_valid        (const char           *markup);

G_END_DECLS
