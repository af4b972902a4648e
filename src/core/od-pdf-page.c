/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-pdf-page.h"

/* Footer: a rule and four lines of 7 pt business details. */
#define FOOTER_HEIGHT (11.0 * OD_PDF_MM)
/* The gap between the body and the footer, room for "Page N of M". */
#define FOOTER_GAP (9.0 * OD_PDF_MM)

/*
 * A4, DIN 5008 form B: the address field is 45 mm from the top and 20 mm
 * from the left, 85 x 45 mm; its first 5 mm hold the return address line,
 * the next 12.7 mm are for postal notes ("Einschreiben"), the last 27.3 mm
 * for the address itself, which starts 5 mm inside the field. The
 * information block sits at 125 mm, the fold marks at 105 and 210 mm, the
 * punch-hole mark at 148.5 mm. Left margin 25 mm, right 20 mm.
 */
static void
init_a4 (OdPdfGeometry *g)
{
  g->width = 210.0 * OD_PDF_MM;
  g->height = 297.0 * OD_PDF_MM;
  g->margin_left = 25.0 * OD_PDF_MM;
  g->margin_right = 20.0 * OD_PDF_MM;
  g->margin_top = 12.0 * OD_PDF_MM;
  g->margin_bottom = 12.0 * OD_PDF_MM;
  g->window_x = 20.0 * OD_PDF_MM;
  g->window_y = 45.0 * OD_PDF_MM;
  g->window_width = 85.0 * OD_PDF_MM;
  g->window_height = 45.0 * OD_PDF_MM;
  g->return_height = 5.0 * OD_PDF_MM;
  g->address_x = 25.0 * OD_PDF_MM;
  g->address_y = (45.0 + 5.0 + 12.7) * OD_PDF_MM;
  g->address_max_height = 27.3 * OD_PDF_MM - 1.0 * OD_PDF_MM;
  g->info_x = 125.0 * OD_PDF_MM;
  g->info_y = 50.0 * OD_PDF_MM;
  g->info_width = 65.0 * OD_PDF_MM;
  g->body_top_first = 100.0 * OD_PDF_MM;
  g->body_top = 25.0 * OD_PDF_MM;
  g->fold_marks[0] = 105.0 * OD_PDF_MM;
  g->fold_marks[1] = 210.0 * OD_PDF_MM;
  g->hole_mark = 148.5 * OD_PDF_MM;
}

/*
 * US Letter in a #10 window envelope (4 1/8 x 9 1/2 in). The common #10
 * window is 1 1/8 x 4 1/2 in, 7/8 in from the left and 1/2 in from the
 * bottom of the envelope (window specifications give the size, then the
 * position from the left and from the bottom: see
 * http://www.response-envelope.com/windows.htm). A sheet folded in three
 * has a top panel 3 2/3 in high resting on the envelope's bottom, so the
 * window shows the sheet from about 2 in to 3 1/8 in below its top edge,
 * 7/8 in to 5 3/8 in from its left edge. The address starts a little
 * inside that and keeps to five lines so that it stays visible when the
 * sheet shifts in the envelope. US window envelopes carry the return
 * address on the envelope itself, so there is no return line here.
 */
static void
init_letter (OdPdfGeometry *g)
{
  g->width = 8.5 * OD_PDF_IN;
  g->height = 11.0 * OD_PDF_IN;
  g->margin_left = 1.0 * OD_PDF_IN;
  g->margin_right = 0.75 * OD_PDF_IN;
  g->margin_top = 0.5 * OD_PDF_IN;
  g->margin_bottom = 0.5 * OD_PDF_IN;
  g->window_x = 0.875 * OD_PDF_IN;
  g->window_y = 2.0 * OD_PDF_IN;
  g->window_width = 4.5 * OD_PDF_IN;
  g->window_height = 1.125 * OD_PDF_IN;
  g->return_height = 0.0;
  g->address_x = 1.0 * OD_PDF_IN;
  g->address_y = 2.1 * OD_PDF_IN;
  g->address_max_height = 0.95 * OD_PDF_IN;
  g->info_x = 5.625 * OD_PDF_IN;
  g->info_y = 2.0 * OD_PDF_IN;
  g->info_width = 2.125 * OD_PDF_IN;
  g->body_top_first = 3.5 * OD_PDF_IN;
  g->body_top = 1.0 * OD_PDF_IN;
  g->fold_marks[0] = 11.0 / 3.0 * OD_PDF_IN;
  g->fold_marks[1] = 22.0 / 3.0 * OD_PDF_IN;
  g->hole_mark = 5.5 * OD_PDF_IN;
}

void
od_pdf_geometry_init (OdPdfGeometry *geometry,
                      OdPaperSize    paper)
{
  g_return_if_fail (geometry != NULL);

  *geometry = (OdPdfGeometry) { .paper = paper };
  if (paper == OD_PAPER_SIZE_LETTER)
    init_letter (geometry);
  else
    init_a4 (geometry);
  geometry->footer_top = geometry->height - geometry->margin_bottom - FOOTER_HEIGHT;
}

double
od_pdf_geometry_body_left (const OdPdfGeometry *geometry)
{
  return geometry->margin_left;
}

double
od_pdf_geometry_body_width (const OdPdfGeometry *geometry)
{
  return geometry->width - geometry->margin_left - geometry->margin_right;
}

double
od_pdf_geometry_body_bottom (const OdPdfGeometry *geometry)
{
  return geometry->footer_top - FOOTER_GAP;
}
