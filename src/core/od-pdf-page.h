/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "od-types.h"

G_BEGIN_DECLS

/* Points per millimetre and per inch: the PDF surface's unit is the point. */
#define OD_PDF_MM (72.0 / 25.4)
#define OD_PDF_IN 72.0

/*
 * OdPdfGeometry: where things go on a page, in points from the top left
 * corner. A4 follows DIN 5008 form B (the address field where a DL or C5/6
 * window envelope shows it); US Letter puts the address where a #10
 * window envelope shows a sheet folded in three.
 */
typedef struct
{
  OdPaperSize paper;
  double width;
  double height;
  /* Content stays inside these (printers cannot print to the edge). */
  double margin_left;
  double margin_right;
  double margin_top;
  double margin_bottom;
  /* The envelope window, as it lies on the sheet. */
  double window_x;
  double window_y;
  double window_width;
  double window_height;
  /* The return-address line at the top of the window; 0 = none. */
  double return_height;
  /* Where the address text starts and how much height it may take. */
  double address_x;
  double address_y;
  double address_max_height;
  /* The information block beside the window (number, dates). */
  double info_x;
  double info_y;
  double info_width;
  /* Body text: where it starts on a first page and on follow-on pages,
   * and where the footer begins (the body ends above it). */
  double body_top_first;
  double body_top;
  double footer_top;
  /* Fold marks and the punch-hole mark, from the top edge. */
  double fold_marks[2];
  double hole_mark;
} OdPdfGeometry;

void    od_pdf_geometry_init         (OdPdfGeometry *geometry,
                                      OdPaperSize    paper);
double  od_pdf_geometry_body_left    (const OdPdfGeometry *geometry);
double  od_pdf_geometry_body_width   (const OdPdfGeometry *geometry);
double  od_pdf_geometry_body_bottom  (const OdPdfGeometry *geometry);

G_END_DECLS
