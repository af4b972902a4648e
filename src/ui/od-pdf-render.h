/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A PDF's pages as pixels, for a preview: rendered with poppler in a
 * worker thread (od_pdf_render_pages), turned into textures and sheets on
 * the main thread.
 */

typedef struct
{
  int     width;
  int     height;
  int     stride;
  GBytes *pixels;    /* cairo ARGB32: premultiplied, native endian */
} OdPdfPage;

/* Worker thread: every page of @pdf at @scale pixels per point, on white
 * paper. Returns: (transfer full) (element-type OdPdfPage): the pages. */
GPtrArray  *od_pdf_render_pages   (GBytes       *pdf,
                                   double        scale,
                                   GCancellable *cancellable,
                                   GError      **error);
void        od_pdf_page_free      (OdPdfPage    *page);
GdkTexture *od_pdf_page_texture   (OdPdfPage    *page);
/* A sheet of paper showing @texture, page @index (from 0) of @n_pages,
 * with its accessible name. */
GtkWidget  *od_pdf_sheet_new      (GdkTexture   *texture,
                                   guint         index,
                                   guint         n_pages);

G_END_DECLS
