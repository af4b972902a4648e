/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_PDF_PREVIEW (od_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (OdPdfPreview, od_pdf_preview, OD, PDF_PREVIEW, AdwWindow)

/* The documents of one invoice the preview offers, in its drop-down's order. */
typedef enum
{
  OD_PDF_PREVIEW_INVOICE,
  OD_PDF_PREVIEW_REMINDER,
  OD_PDF_PREVIEW_FINAL_NOTICE,
  OD_PDF_PREVIEW_DEMAND,
  OD_PDF_PREVIEW_STATEMENT,
} OdPdfPreviewDocument;

/*
 * An invoice's PDFs as they print: the invoice, a reminder letter, the
 * final notice, the demand letter and the customer's statement, written
 * by the core (as overdue-cli pdf writes them) and rendered page by page
 * with poppler in a worker thread. Print sends the pages through
 * GtkPrintOperation; Save As writes the PDF where the owner picks.
 */
OdPdfPreview *od_pdf_preview_new          (OdContext            *context,
                                           const char           *invoice_number,
                                           const char           *customer_ref);
void          od_pdf_preview_show         (OdPdfPreview         *self,
                                           OdPdfPreviewDocument  document);
gboolean      od_pdf_preview_is_loading   (OdPdfPreview         *self);
/* Pages of the document shown (0 while loading or on error). */
guint         od_pdf_preview_get_n_pages  (OdPdfPreview         *self);
/* The PDF shown, or NULL. */
GBytes       *od_pdf_preview_get_bytes    (OdPdfPreview         *self);

G_END_DECLS
