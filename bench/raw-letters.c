/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The raw baseline of figure 4: a minimal cairo + pango program that lays
 * out the same text as Overdue's batch of letters, page for page.
 *
 *     raw-letters TEXT OUT.pdf
 *
 * TEXT is the batch's text as pdftotext writes it, one form feed after
 * each page. Each page's text becomes one PangoLayout on an A4 page with
 * 20 mm margins, wrapped at the margin; an empty page is still a page.
 * Prints the number of pages written. */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

int
main (int    argc,
      char **argv)
{
  const double width = MM_TO_PT (210.0);
  const double height = MM_TO_PT (297.0);
  const double margin = MM_TO_PT (20.0);
  char *text = NULL;
  gsize length = 0;
  GError *error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;
  char *page;
  char *end;
  unsigned pages = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: raw-letters TEXT OUT.pdf\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &text, &length, &error))
    {
      fprintf (stderr, "raw-letters: %s\n", error->message);
      return 1;
    }

  surface = cairo_pdf_surface_create (argv[2], width, height);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 10");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (page = text; page < text + length; page = end + 1)
    {
      end = memchr (page, '\f', (size_t) (text + length - page));
      if (end == NULL)
        end = text + length;
      pango_layout_set_text (layout, page, (int) (end - page));
      cairo_move_to (cr, margin, margin);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
      pages++;
    }

  g_object_unref (layout);
  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "raw-letters: %s\n", cairo_status_to_string (cairo_surface_status (surface)));
      return 1;
    }
  cairo_surface_destroy (surface);
  g_free (text);
  printf ("%u\n", pages);
  return 0;
}
