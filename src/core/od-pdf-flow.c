/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-pdf-doc-private.h"

/* Lines a paragraph keeps together at the foot of a page (orphans) and
 * at the head of the next (widows) when a kept block splits it. */
#define MIN_LINES 2
#define SIGNATURE_LINE_WIDTH (60.0 * OD_PDF_MM)

/* Draws @layout at the cursor over the body width, line by line,
 * starting a new page where a line would run into the footer, and after
 * line @break_after (counted from 1; 0: only where needed). */
static void
flow_layout (OdPdfDoc    *doc,
             PangoLayout *layout,
             OdPdfStyle   style,
             int          break_after)
{
  double x = od_pdf_geometry_body_left (&doc->geo);
  double bottom = od_pdf_geometry_body_bottom (&doc->geo);
  double top = doc->y;
  PangoLayoutIter *iter;
  int index = 0;

  if (!doc->page_open)
    {
      od_pdf_doc_new_page (doc);
      top = doc->y;
    }
  cairo_save (doc->cr);
  _od_pdf_doc_style_colour (doc, style);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_top, line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (top + line_top + line_height > bottom || (index > 0 && index == break_after))
        {
          cairo_restore (doc->cr);
          od_pdf_doc_new_page (doc);
          cairo_save (doc->cr);
          _od_pdf_doc_style_colour (doc, style);
          top = doc->y - line_top;
        }
      cairo_move_to (doc->cr, x + (double) logical.x / PANGO_SCALE, top + baseline);
      pango_cairo_show_layout_line (doc->cr, line);
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (doc->cr);
  doc->y = top + _od_pdf_doc_layout_height (layout);
}

/* The height of the first @n_lines lines of @layout. */
static double
lines_height (PangoLayout *layout,
              int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double height = 0;
  int index = 0;

  do
    {
      PangoRectangle logical;

      if (index++ == n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) (logical.y + logical.height) / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return height;
}

static void
draw_signature_line (OdPdfDoc *doc,
                     double    y)
{
  cairo_save (doc->cr);
  _od_pdf_doc_set_grey (doc->cr, 0.45);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, od_pdf_geometry_body_left (&doc->geo), y);
  cairo_rel_line_to (doc->cr, SIGNATURE_LINE_WIDTH, 0);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

static void
draw_kept_item (OdPdfDoc      *doc,
                OdPdfKeptItem *item,
                int            break_after)
{
  if (item->layout != NULL)
    {
      flow_layout (doc, item->layout, item->style, break_after);
      return;
    }
  doc->y += item->height;
  if (item->signature_line)
    draw_signature_line (doc, doc->y - 1.0);
}

static void
add_paragraph (OdPdfDoc    *doc,
               PangoLayout *layout,
               OdPdfStyle   style)
{
  if (doc->kept != NULL)
    {
      OdPdfKeptItem item = { layout, style, _od_pdf_doc_layout_height (layout), FALSE };

      g_array_append_val (doc->kept, item);
      return;
    }
  flow_layout (doc, layout, style, 0);
  g_object_unref (layout);
}

void
_od_pdf_doc_clear_kept (OdPdfDoc *doc)
{
  for (guint i = 0; doc->kept != NULL && i < doc->kept->len; i++)
    g_clear_object (&g_array_index (doc->kept, OdPdfKeptItem, i).layout);
  g_clear_pointer (&doc->kept, g_array_unref);
}

void
_od_pdf_doc_draw_table_header (OdPdfDoc *doc)
{
  double x = doc->table_x;
  double height = 0;
  double total = 0;

  for (guint i = 0; i < doc->n_columns; i++)
    {
      double h = od_pdf_doc_text_at (doc, doc->columns[i].title, OD_PDF_STYLE_SMALL,
                                     x + OD_PDF_CELL_PAD_X, doc->y + OD_PDF_CELL_PAD_Y,
                                     doc->columns[i].width - 2 * OD_PDF_CELL_PAD_X,
                                     doc->columns[i].numeric);
      height = MAX (height, h);
      x += doc->columns[i].width;
      total += doc->columns[i].width;
    }
  doc->y += height + 2 * OD_PDF_CELL_PAD_Y;
  cairo_save (doc->cr);
  _od_pdf_doc_set_grey (doc->cr, 0.3);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_move_to (doc->cr, doc->table_x, doc->y);
  cairo_line_to (doc->cr, doc->table_x + total, doc->y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}


void
od_pdf_doc_space (OdPdfDoc *doc,
                  double    height)
{
  if (doc->kept != NULL)
    {
      OdPdfKeptItem item = { NULL, OD_PDF_STYLE_BODY, height, FALSE };

      g_array_append_val (doc->kept, item);
      return;
    }
  doc->y += height;
}

void
od_pdf_doc_signature_space (OdPdfDoc *doc,
                            double    height)
{
  if (doc->kept != NULL)
    {
      OdPdfKeptItem item = { NULL, OD_PDF_STYLE_BODY, height, TRUE };

      g_array_append_val (doc->kept, item);
      return;
    }
  od_pdf_doc_ensure_space (doc, height);
  doc->y += height;
  draw_signature_line (doc, doc->y - 1.0);
}

void
od_pdf_doc_text (OdPdfDoc   *doc,
                 const char *text,
                 OdPdfStyle  style)
{
  PangoLayout *layout = _od_pdf_doc_new_layout (doc, style, od_pdf_geometry_body_width (&doc->geo));

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  add_paragraph (doc, layout, style);
}

void
od_pdf_doc_markup (OdPdfDoc   *doc,
                   const char *markup,
                   OdPdfStyle  style)
{
  PangoLayout *layout = _od_pdf_doc_new_layout (doc, style, od_pdf_geometry_body_width (&doc->geo));

  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  add_paragraph (doc, layout, style);
}

double
od_pdf_doc_measure (OdPdfDoc   *doc,
                    const char *text,
                    OdPdfStyle  style,
                    double      width)
{
  g_autoptr(PangoLayout) layout = _od_pdf_doc_new_layout (doc, style, width);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return _od_pdf_doc_layout_height (layout);
}

double
od_pdf_doc_text_at (OdPdfDoc   *doc,
                    const char *text,
                    OdPdfStyle  style,
                    double      x,
                    double      y,
                    double      width,
                    gboolean    right)
{
  g_autoptr(PangoLayout) layout = _od_pdf_doc_new_layout (doc, style, width);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_save (doc->cr);
  _od_pdf_doc_style_colour (doc, style);
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);
  return _od_pdf_doc_layout_height (layout);
}

void
od_pdf_doc_keep_begin (OdPdfDoc *doc)
{
  g_return_if_fail (doc->kept == NULL);
  g_return_if_fail (doc->columns == NULL);

  doc->kept = g_array_new (FALSE, TRUE, sizeof (OdPdfKeptItem));
}

void
od_pdf_doc_keep_end (OdPdfDoc *doc)
{
  g_autoptr(GArray) kept = NULL;
  OdPdfKeptItem *first;
  double top = doc->geo.body_top;
  double bottom = od_pdf_geometry_body_bottom (&doc->geo);
  double total = 0;
  double room;
  int split = 0;
  guint skip = 0;

  g_return_if_fail (doc->kept != NULL);

  /* Drawn from here on, not held back again. */
  kept = g_steal_pointer (&doc->kept);
  if (kept->len == 0)
    return;
  if (!doc->page_open)
    od_pdf_doc_new_page (doc);
  for (guint i = 0; i < kept->len; i++)
    total += g_array_index (kept, OdPdfKeptItem, i).height;
  room = bottom - doc->y;
  first = &g_array_index (kept, OdPdfKeptItem, 0);

  if (total > room && doc->y > top)
    {
      /* Does not fit: split the first paragraph so that at least two
       * lines go to the next page with the rest, and two stay; when it
       * is too short for that, the whole block moves on. */
      int n_lines = first->layout != NULL ? pango_layout_get_line_count (first->layout) : 0;

      for (int k = n_lines - MIN_LINES; k >= MIN_LINES && split == 0; k--)
        {
          double head = lines_height (first->layout, k);

          if (head <= room && total - head <= bottom - top)
            split = k;
        }
      if (split == 0)
        {
          od_pdf_doc_new_page (doc);
          /* No gap at the head of the page. */
          while (skip < kept->len && g_array_index (kept, OdPdfKeptItem, skip).layout == NULL)
            skip++;
        }
    }
  for (guint i = skip; i < kept->len; i++)
    {
      OdPdfKeptItem *item = &g_array_index (kept, OdPdfKeptItem, i);

      draw_kept_item (doc, item, i == 0 ? split : 0);
    }
  for (guint i = 0; i < kept->len; i++)
    g_clear_object (&g_array_index (kept, OdPdfKeptItem, i).layout);
}

void
od_pdf_doc_table_begin (OdPdfDoc          *doc,
                        const OdPdfColumn *columns,
                        guint              n_columns,
                        gboolean           header,
                        gboolean           flush_right)
{
  double total = 0;

  g_return_if_fail (doc->columns == NULL);
  g_return_if_fail (doc->kept == NULL);

  doc->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  doc->n_columns = n_columns;
  doc->table_header = header;
  for (guint i = 0; i < n_columns; i++)
    total += columns[i].width;
  doc->table_x = od_pdf_geometry_body_left (&doc->geo);
  if (flush_right)
    doc->table_x += od_pdf_geometry_body_width (&doc->geo) - total;
  if (header)
    {
      /* The header and at least one row stay together. */
      od_pdf_doc_ensure_space (doc, 36);
      _od_pdf_doc_draw_table_header (doc);
    }
}

void
od_pdf_doc_table_row (OdPdfDoc           *doc,
                      const char * const *cells,
                      OdPdfRowFlags       flags)
{
  OdPdfStyle style = (flags & OD_PDF_ROW_BOLD) ? OD_PDF_STYLE_BOLD : OD_PDF_STYLE_BODY;
  double height = 0;
  double total = 0;
  double x = doc->table_x;

  g_return_if_fail (doc->columns != NULL);

  for (guint i = 0; i < doc->n_columns; i++)
    {
      height = MAX (height, od_pdf_doc_measure (doc, cells[i], style,
                                                doc->columns[i].width - 2 * OD_PDF_CELL_PAD_X));
      total += doc->columns[i].width;
    }
  height += 2 * OD_PDF_CELL_PAD_Y;
  od_pdf_doc_ensure_space (doc, height);

  if (flags & OD_PDF_ROW_RULE_ABOVE)
    {
      cairo_save (doc->cr);
      _od_pdf_doc_set_grey (doc->cr, 0.3);
      cairo_set_line_width (doc->cr, 0.6);
      cairo_move_to (doc->cr, doc->table_x, doc->y);
      cairo_line_to (doc->cr, doc->table_x + total, doc->y);
      cairo_stroke (doc->cr);
      cairo_restore (doc->cr);
    }
  for (guint i = 0; i < doc->n_columns; i++)
    {
      od_pdf_doc_text_at (doc, cells[i], style, x + OD_PDF_CELL_PAD_X, doc->y + OD_PDF_CELL_PAD_Y,
                          doc->columns[i].width - 2 * OD_PDF_CELL_PAD_X, doc->columns[i].numeric);
      x += doc->columns[i].width;
    }
  doc->y += height;
  if (doc->table_header && !(flags & OD_PDF_ROW_BOLD))
    {
      cairo_save (doc->cr);
      _od_pdf_doc_set_grey (doc->cr, 0.85);
      cairo_set_line_width (doc->cr, 0.3);
      cairo_move_to (doc->cr, doc->table_x, doc->y);
      cairo_line_to (doc->cr, doc->table_x + total, doc->y);
      cairo_stroke (doc->cr);
      cairo_restore (doc->cr);
    }
}

void
od_pdf_doc_table_end (OdPdfDoc *doc)
{
  g_clear_pointer (&doc->columns, g_free);
  doc->n_columns = 0;
}
