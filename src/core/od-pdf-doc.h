/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include "od-business.h"
#include "od-pdf-page.h"

G_BEGIN_DECLS

/*
 * OdPdfDoc: lays out business documents on cairo's PDF surface with
 * pango. A document is drawn twice by its render function: first on a
 * PDF surface that writes nowhere, to count the pages of each section
 * (text measures the same there as in the real output, which a recording
 * surface would not guarantee), then for real, with "Page N of M".
 *
 * A section is one document (an invoice, a letter): its first page has
 * the letterhead, its pages are numbered on their own, and it may start
 * on an odd page so that duplex printing never puts two customers on one
 * sheet. Every page gets the footer with the business details.
 */
typedef struct _OdPdfDoc OdPdfDoc;

typedef gboolean (*OdPdfRenderFunc) (OdPdfDoc  *doc,
                                     gpointer   user_data,
                                     GError   **error);

typedef enum
{
  OD_PDF_STYLE_BODY,
  OD_PDF_STYLE_BOLD,
  OD_PDF_STYLE_SMALL,          /* 7.5 pt grey: notes, captions */
  OD_PDF_STYLE_HEADING,        /* 11 pt bold: the subject line */
  OD_PDF_STYLE_TITLE,          /* 15 pt bold */
} OdPdfStyle;

typedef enum /*< flags >*/
{
  OD_PDF_SECTION_NONE = 0,
  OD_PDF_SECTION_ODD  = 1 << 0,  /* start on an odd page (a blank one before if needed) */
} OdPdfSectionFlags;

typedef enum /*< flags >*/
{
  OD_PDF_ROW_NONE       = 0,
  OD_PDF_ROW_BOLD       = 1 << 0,
  OD_PDF_ROW_RULE_ABOVE = 1 << 1,
} OdPdfRowFlags;

typedef struct
{
  const char *title;
  double      width;            /* points */
  gboolean    numeric;          /* right-aligned */
} OdPdfColumn;

/* Renders @func into @stream (PDF). *@n_pages (may be NULL) receives the
 * page count. A missing or unreadable logo is left out with a warning. */
gboolean             od_pdf_doc_render          (OdBusiness         *business,
                                                 OdPdfRenderFunc     func,
                                                 gpointer            user_data,
                                                 GOutputStream      *stream,
                                                 guint              *n_pages,
                                                 GError            **error);

const OdPdfGeometry *od_pdf_doc_get_geometry    (OdPdfDoc           *doc);
OdBusiness          *od_pdf_doc_get_business    (OdPdfDoc           *doc);
cairo_t             *od_pdf_doc_get_cairo       (OdPdfDoc           *doc);
double               od_pdf_doc_get_y           (OdPdfDoc           *doc);
void                 od_pdf_doc_set_y           (OdPdfDoc           *doc,
                                                 double              y);
/* Pages emitted so far in this pass. */
guint                od_pdf_doc_get_n_pages     (OdPdfDoc           *doc);

/* Starts a document on a new page with the letterhead; @title names it
 * in the header of its follow-on pages. The body starts below the
 * address field. */
void                 od_pdf_doc_begin_section   (OdPdfDoc           *doc,
                                                 const char         *title,
                                                 OdPdfSectionFlags   flags);
void                 od_pdf_doc_new_page        (OdPdfDoc           *doc);
/* The language of the words the document prints for its reader ("de",
 * see od-language-format.h), NULL (the default) for the user's own. Set
 * it before od_pdf_doc_begin_section(): the section's page footers
 * follow it. */
void                 od_pdf_doc_set_language    (OdPdfDoc           *doc,
                                                 const char         *language);
const char          *od_pdf_doc_get_language    (OdPdfDoc           *doc);
/* Starts a new page unless @height fits below the cursor (inside a
 * kept block: nothing, the block finds its place when it ends). */
void                 od_pdf_doc_ensure_space    (OdPdfDoc           *doc,
                                                 double              height);
void                 od_pdf_doc_space           (OdPdfDoc           *doc,
                                                 double              height);

/* The return line and the recipient's address in the envelope window of
 * the current page. */
void                 od_pdf_doc_address         (OdPdfDoc           *doc,
                                                 const char         *address);
/* Label/value pairs in the information block beside the window. */
void                 od_pdf_doc_info            (OdPdfDoc           *doc,
                                                 const char * const *labels,
                                                 const char * const *values,
                                                 guint               n);

/* A paragraph over the body width, broken across pages line by line. */
void                 od_pdf_doc_text            (OdPdfDoc           *doc,
                                                 const char         *text,
                                                 OdPdfStyle          style);
void                 od_pdf_doc_markup          (OdPdfDoc           *doc,
                                                 const char         *markup,
                                                 OdPdfStyle          style);
/* Keeps what is drawn between these two together (paragraphs, spaces,
 * signature spaces; no tables): where it does not fit below the cursor,
 * its first paragraph is split so that at least two of its lines go on
 * with the rest and two stay, or, when it is too short for that, the
 * whole block starts a new page. Keeping a closing together with the
 * paragraph before it, a page never holds only the closing. */
void                 od_pdf_doc_keep_begin      (OdPdfDoc           *doc);
void                 od_pdf_doc_keep_end        (OdPdfDoc           *doc);
/* A gap of @height with a line at its foot to sign on. */
void                 od_pdf_doc_signature_space (OdPdfDoc           *doc,
                                                 double              height);
/* Measures @text at @style in @width points: its height. */
double               od_pdf_doc_measure         (OdPdfDoc           *doc,
                                                 const char         *text,
                                                 OdPdfStyle          style,
                                                 double              width);
/* Draws @text at (@x, @y) in @width, without moving the cursor. */
double               od_pdf_doc_text_at         (OdPdfDoc           *doc,
                                                 const char         *text,
                                                 OdPdfStyle          style,
                                                 double              x,
                                                 double              y,
                                                 double              width,
                                                 gboolean            right);

/* A table: the header repeats on every page it runs over. Columns are
 * right-aligned within the body when @flush_right, else start at the
 * body's left; @header FALSE draws no header row. */
void                 od_pdf_doc_table_begin     (OdPdfDoc           *doc,
                                                 const OdPdfColumn  *columns,
                                                 guint               n_columns,
                                                 gboolean            header,
                                                 gboolean            flush_right);
void                 od_pdf_doc_table_row       (OdPdfDoc           *doc,
                                                 const char * const *cells,
                                                 OdPdfRowFlags       flags);
void                 od_pdf_doc_table_end       (OdPdfDoc           *doc);

G_END_DECLS
