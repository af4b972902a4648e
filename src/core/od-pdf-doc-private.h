/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "od-pdf-doc.h"

G_BEGIN_DECLS

/* Shared by od-pdf-doc.c (passes, pages and their fixed parts) and
 * od-pdf-flow.c (text that flows over pages: paragraphs, kept blocks,
 * tables). */

#define OD_PDF_CELL_PAD_X 3.0
#define OD_PDF_CELL_PAD_Y 2.6

/* A paragraph or a gap held back by od_pdf_doc_keep_begin(). */
typedef struct
{
  PangoLayout *layout;          /* NULL: a gap */
  OdPdfStyle   style;
  double       height;
  gboolean     signature_line;  /* a gap with a line to sign on at its foot */
} OdPdfKeptItem;

struct _OdPdfDoc
{
  OdBusiness       *business;
  OdPdfGeometry     geo;
  PangoFontMap     *font_map;
  cairo_surface_t  *logo_png;
  RsvgHandle       *logo_svg;
  double            logo_width;    /* natural size, points */
  double            logo_height;

  /* The document. Each page is drawn on a recording of its own (cr) and
   * replayed onto the PDF (pdf_cr) once its section is complete, when
   * "page x of y" can be written: one layout of the text, not two. */
  cairo_surface_t  *surface;
  cairo_t          *pdf_cr;
  cairo_surface_t  *recording;
  cairo_t          *cr;
  PangoContext     *pango;
  GPtrArray        *pending;       /* OdPdfPendingPage*: the section's finished pages */
  GOutputStream    *stream;
  GError           *write_error;
  guint             n_pages;
  gboolean          page_open;
  double            y;
  int               section;
  guint             section_page;
  char             *section_title;
  const char       *language;      /* interned; NULL: the user's own */
  const char       *page_language; /* the open page's, for its footer */

  /* The open table. */
  OdPdfColumn      *columns;
  guint             n_columns;
  double            table_x;
  gboolean          table_header;

  /* The open kept block: OdPdfKeptItem, or NULL. */
  GArray           *kept;
};

PangoLayout *_od_pdf_doc_new_layout        (OdPdfDoc    *doc,
                                            OdPdfStyle   style,
                                            double       width);
void         _od_pdf_doc_set_grey          (cairo_t     *cr,
                                            double       level);
void         _od_pdf_doc_style_colour      (OdPdfDoc    *doc,
                                            OdPdfStyle   style);
double       _od_pdf_doc_layout_height     (PangoLayout *layout);
/* od-pdf-flow.c: the open table's header, again on a new page. */
void         _od_pdf_doc_draw_table_header (OdPdfDoc    *doc);
void         _od_pdf_doc_clear_kept        (OdPdfDoc    *doc);

G_END_DECLS
