/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <poppler.h>

#include "od-pdf-render.h"

void
od_pdf_page_free (OdPdfPage *page)
{
  if (page == NULL)
    return;
  g_bytes_unref (page->pixels);
  g_free (page);
}

static OdPdfPage *
render_page (PopplerPage *page,
             double       scale)
{
  OdPdfPage *rendered = g_new0 (OdPdfPage, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  rendered->width = (int) (width * scale + 0.5);
  rendered->height = (int) (height * scale + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rendered->width, rendered->height);
  cr = cairo_create (surface);
  /* Paper is white whatever the style. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  rendered->stride = cairo_image_surface_get_stride (surface);
  rendered->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                  (gsize) rendered->stride * rendered->height);
  cairo_surface_destroy (surface);
  return rendered;
}

GPtrArray *
od_pdf_render_pages (GBytes        *pdf,
                     double         scale,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) od_pdf_page_free);
  PopplerDocument *document;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  document = poppler_document_new_from_bytes (pdf, NULL, error);
  if (document == NULL)
    return NULL;
  for (int i = 0; i < poppler_document_get_n_pages (document) && !cancelled; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      cancelled = g_cancellable_set_error_if_cancelled (cancellable, error);
      if (!cancelled)
        g_ptr_array_add (pages, render_page (page, scale));
      g_object_unref (page);
    }
  g_object_unref (document);
  return cancelled ? NULL : g_steal_pointer (&pages);
}

GdkTexture *
od_pdf_page_texture (OdPdfPage *page)
{
  g_return_val_if_fail (page != NULL, NULL);

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little endian. */
  return gdk_memory_texture_new (page->width, page->height,
                                 G_BYTE_ORDER == G_LITTLE_ENDIAN
                                 ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                 : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                 page->pixels, page->stride);
}

GtkWidget *
od_pdf_sheet_new (GdkTexture *texture,
                  guint       index,
                  guint       n_pages)
{
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  g_autofree char *label = NULL;

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  /* As wide as the pane allows, no wider: the shadow hugs the sheet. */
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "od-letter-sheet");
  /* Translators: the preview of one page of a letter, "Page 1 of 2" */
  label = g_strdup_printf (_("Page %u of %u"), index + 1, n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return picture;
}
