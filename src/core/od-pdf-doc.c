/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "od-language-format.h"
#include "od-pdf-doc-private.h"

/* In Debian and in the GNOME runtime; Droid Sans Fallback covers CJK. */
#define FONT_FAMILY "DejaVu Sans, Droid Sans Fallback"
#define LOGO_MAX_WIDTH (60.0 * OD_PDF_MM)

void
_od_pdf_doc_set_grey (cairo_t *cr,
                      double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

PangoLayout *
_od_pdf_doc_new_layout (OdPdfDoc   *doc,
                        OdPdfStyle  style,
                        double      width)
{
  PangoLayout *layout = pango_layout_new (doc->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  double size = 9.0;

  switch (style)
    {
    case OD_PDF_STYLE_BOLD:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case OD_PDF_STYLE_SMALL:
      size = 7.5;
      break;
    case OD_PDF_STYLE_HEADING:
      size = 11.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case OD_PDF_STYLE_TITLE:
      size = 15.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case OD_PDF_STYLE_BODY:
    default:
      break;
    }
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  if (style == OD_PDF_STYLE_BODY)
    pango_layout_set_spacing (layout, 2.4 * PANGO_SCALE);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

void
_od_pdf_doc_style_colour (OdPdfDoc   *doc,
                          OdPdfStyle  style)
{
  _od_pdf_doc_set_grey (doc->cr, style == OD_PDF_STYLE_SMALL ? 0.35 : 0.1);
}

double
_od_pdf_doc_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The logo, loaded once for the document. */
static void
load_logo (OdPdfDoc *doc)
{
  const char *path = od_business_get_logo (doc->business);
  g_autoptr(GError) error = NULL;

  if (path == NULL || *path == '\0')
    return;

  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    {
      gdouble width = 0, height = 0;

      doc->logo_svg = rsvg_handle_new_from_file (path, &error);
      if (doc->logo_svg != NULL &&
          rsvg_handle_get_intrinsic_size_in_pixels (doc->logo_svg, &width, &height) &&
          width > 0 && height > 0)
        {
          doc->logo_width = width;
          doc->logo_height = height;
          return;
        }
      g_clear_object (&doc->logo_svg);
    }
  else
    {
      cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS &&
          cairo_image_surface_get_width (surface) > 0)
        {
          doc->logo_png = surface;
          doc->logo_width = cairo_image_surface_get_width (surface);
          doc->logo_height = cairo_image_surface_get_height (surface);
          return;
        }
      cairo_surface_destroy (surface);
    }
  /* g_log, not g_warning: with structured logging only g_log reaches
   * g_test_expect_message(), and the tests check this warning. */
  g_log (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING,
         "The logo “%s” could not be read (%s); the documents are made without it",
         path, error != NULL ? error->message : "not a PNG or SVG image");
}

static void
draw_logo (OdPdfDoc *doc)
{
  const OdPdfGeometry *g = &doc->geo;
  double max_height = g->window_y - g->margin_top - 8.0 * OD_PDF_MM;
  double scale, width, height, x, y;

  if (doc->logo_png == NULL && doc->logo_svg == NULL)
    return;
  scale = MIN (LOGO_MAX_WIDTH / doc->logo_width, max_height / doc->logo_height);
  width = doc->logo_width * scale;
  height = doc->logo_height * scale;
  x = g->width - g->margin_right - width;
  y = g->margin_top;

  cairo_save (doc->cr);
  if (doc->logo_svg != NULL)
    {
      RsvgRectangle viewport = { x, y, width, height };

      rsvg_handle_render_document (doc->logo_svg, doc->cr, &viewport, NULL);
    }
  else
    {
      cairo_translate (doc->cr, x, y);
      cairo_scale (doc->cr, scale, scale);
      cairo_set_source_surface (doc->cr, doc->logo_png, 0, 0);
      cairo_paint (doc->cr);
    }
  cairo_restore (doc->cr);
}

static char *
join_lines (const char *text,
            const char *separator)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_letterhead (OdPdfDoc *doc)
{
  const OdPdfGeometry *g = &doc->geo;
  OdBusiness *b = doc->business;
  g_autofree char *address = join_lines (od_business_get_address (b), " · ");
  g_autoptr(GString) reach = g_string_new (NULL);
  double width = od_pdf_geometry_body_width (g);
  double y = g->margin_top + 2.0 * OD_PDF_MM;

  if (doc->logo_png != NULL || doc->logo_svg != NULL)
    width -= LOGO_MAX_WIDTH + 5.0 * OD_PDF_MM;
  draw_logo (doc);
  y += od_pdf_doc_text_at (doc, od_business_get_name (b), OD_PDF_STYLE_TITLE,
                           g->margin_left, y, width, FALSE);
  y += 1.5 * OD_PDF_MM;
  y += od_pdf_doc_text_at (doc, address, OD_PDF_STYLE_SMALL, g->margin_left, y, width, FALSE);
  if (od_business_get_phone (b) != NULL)
    g_string_append (reach, od_business_get_phone (b));
  if (od_business_get_email (b) != NULL)
    g_string_append_printf (reach, "%s%s", reach->len > 0 ? " · " : "", od_business_get_email (b));
  od_pdf_doc_text_at (doc, reach->str, OD_PDF_STYLE_SMALL, g->margin_left, y, width, FALSE);

  /* Fold marks and the punch-hole mark at the left edge. */
  cairo_save (doc->cr);
  _od_pdf_doc_set_grey (doc->cr, 0.6);
  cairo_set_line_width (doc->cr, 0.4);
  for (guint i = 0; i < 2; i++)
    {
      cairo_move_to (doc->cr, 5.0 * OD_PDF_MM, g->fold_marks[i]);
      cairo_line_to (doc->cr, 9.0 * OD_PDF_MM, g->fold_marks[i]);
    }
  cairo_move_to (doc->cr, 5.0 * OD_PDF_MM, g->hole_mark);
  cairo_line_to (doc->cr, 11.0 * OD_PDF_MM, g->hole_mark);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

/* @text on one line at (@x, @y), cut with an ellipsis where it is wider
 * than @width; returns the width it took. */
static double
show_one_line (OdPdfDoc   *doc,
               const char *text,
               OdPdfStyle  style,
               double      x,
               double      y,
               double      width,
               gboolean    right)
{
  g_autoptr(PangoLayout) layout = _od_pdf_doc_new_layout (doc, style, width);
  PangoRectangle logical;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_save (doc->cr);
  _od_pdf_doc_style_colour (doc, style);
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);
  return logical.width;
}

/* One line: the business on the left, the document's title on the
 * right, each shortened with an ellipsis rather than wrapped. */
static void
draw_continuation_header (OdPdfDoc *doc)
{
  const OdPdfGeometry *g = &doc->geo;
  double width = od_pdf_geometry_body_width (g);
  double y = g->margin_top + 2.0 * OD_PDF_MM;
  double h = od_pdf_doc_measure (doc, "X", OD_PDF_STYLE_BOLD, -1);
  double used;

  used = show_one_line (doc, od_business_get_name (doc->business), OD_PDF_STYLE_BOLD,
                        g->margin_left, y, width * 0.45, FALSE);
  if (doc->section_title != NULL)
    {
      double gap = 6.0 * OD_PDF_MM;

      show_one_line (doc, doc->section_title, OD_PDF_STYLE_BODY,
                     g->margin_left + used + gap, y, width - used - gap, TRUE);
    }
  cairo_save (doc->cr);
  _od_pdf_doc_set_grey (doc->cr, 0.7);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, g->margin_left, y + h + 2.0);
  cairo_line_to (doc->cr, g->margin_left + width, y + h + 2.0);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

static void
draw_footer (OdPdfDoc *doc)
{
  const OdPdfGeometry *g = &doc->geo;
  OdBusiness *b = doc->business;
  double width = od_pdf_geometry_body_width (g);
  double column = width / 3;
  double y = g->footer_top + 2.0 * OD_PDF_MM;
  g_autofree char *address = join_lines (od_business_get_address (b), "\n");
  g_autoptr(GString) reach = g_string_new (NULL);
  g_autoptr(GString) bank = g_string_new (NULL);

  if (address == NULL || *address == '\0')
    {
      g_free (address);
      address = g_strdup (od_business_get_name (b));
    }
  if (od_business_get_phone (b) != NULL)
    g_string_append_printf (reach, od_language_text (doc->page_language, N_("Phone %s\n")),
                            od_business_get_phone (b));
  if (od_business_get_email (b) != NULL)
    g_string_append_printf (reach, "%s\n", od_business_get_email (b));
  if (od_business_get_tax_id (b) != NULL)
    g_string_append_printf (reach, od_language_text (doc->page_language, N_("Tax ID %s")),
                            od_business_get_tax_id (b));
  if (od_business_get_iban (b) != NULL)
    g_string_append_printf (bank, "IBAN %s\n", od_business_get_iban (b));
  if (od_business_get_bic (b) != NULL)
    g_string_append_printf (bank, "BIC %s", od_business_get_bic (b));

  cairo_save (doc->cr);
  _od_pdf_doc_set_grey (doc->cr, 0.7);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, g->margin_left, g->footer_top);
  cairo_line_to (doc->cr, g->margin_left + width, g->footer_top);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);

  od_pdf_doc_text_at (doc, address, OD_PDF_STYLE_SMALL, g->margin_left, y, column - 6, FALSE);
  od_pdf_doc_text_at (doc, reach->str, OD_PDF_STYLE_SMALL, g->margin_left + column, y, column - 6, FALSE);
  od_pdf_doc_text_at (doc, bank->str, OD_PDF_STYLE_SMALL, g->margin_left + 2 * column, y, column, FALSE);

}

/* A page drawn, waiting for its section's page count. */
typedef struct
{
  cairo_surface_t *recording;
  guint            number;      /* in its section, from 1 */
  gboolean         numbered;    /* in a section (a document of its own) */
  const char      *language;    /* interned */
} OdPdfPendingPage;

static void
pending_page_free (OdPdfPendingPage *page)
{
  cairo_surface_destroy (page->recording);
  g_free (page);
}

/* The next page's drawing surface: a recording the size of the paper. */
static void
new_recording (OdPdfDoc *doc)
{
  cairo_rectangle_t extents = { 0, 0, doc->geo.width, doc->geo.height };

  doc->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  doc->cr = cairo_create (doc->recording);
  pango_cairo_update_context (doc->cr, doc->pango);
}

static void
drop_recording (OdPdfDoc *doc)
{
  g_clear_pointer (&doc->cr, cairo_destroy);
  g_clear_pointer (&doc->recording, cairo_surface_destroy);
}

/* "Page x of y" at the foot of a replayed page, on the PDF itself. */
static void
draw_page_number (OdPdfDoc         *doc,
                  OdPdfPendingPage *page,
                  guint             total)
{
  const OdPdfGeometry *g = &doc->geo;
  cairo_t *page_cr = doc->cr;
  const char *page_language = doc->page_language;
  g_autofree char *text = NULL;

  /* Translators: page numbering of a multi-page document */
  text = g_strdup_printf (od_language_text (page->language, N_("Page %u of %u")),
                          page->number, total);
  doc->cr = doc->pdf_cr;
  doc->page_language = page->language;
  od_pdf_doc_text_at (doc, text, OD_PDF_STYLE_SMALL, g->margin_left,
                      g->footer_top - 5.0 * OD_PDF_MM, od_pdf_geometry_body_width (g), TRUE);
  doc->cr = page_cr;
  doc->page_language = page_language;
}

/* The pages held back, onto the PDF: their section is complete. */
static void
flush_pages (OdPdfDoc *doc)
{
  guint total = doc->pending->len;

  for (guint i = 0; i < doc->pending->len; i++)
    {
      OdPdfPendingPage *page = g_ptr_array_index (doc->pending, i);

      cairo_set_source_surface (doc->pdf_cr, page->recording, 0, 0);
      cairo_paint (doc->pdf_cr);
      if (page->numbered && total > 1)
        draw_page_number (doc, page, total);
      cairo_show_page (doc->pdf_cr);
    }
  g_ptr_array_set_size (doc->pending, 0);
}

static void
finish_page (OdPdfDoc *doc)
{
  OdPdfPendingPage *page;

  if (!doc->page_open)
    return;
  draw_footer (doc);
  page = g_new0 (OdPdfPendingPage, 1);
  page->number = doc->section_page;
  page->numbered = doc->section >= 0;
  page->language = doc->page_language;
  cairo_destroy (g_steal_pointer (&doc->cr));
  page->recording = g_steal_pointer (&doc->recording);
  g_ptr_array_add (doc->pending, page);
  new_recording (doc);
  doc->page_open = FALSE;
}

static void
open_page (OdPdfDoc *doc)
{
  doc->page_open = TRUE;
  doc->page_language = doc->language;
  doc->n_pages++;
  doc->section_page++;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  OdPdfDoc *doc = closure;

  if (doc->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (doc->stream, data, length, NULL, NULL, &doc->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
run_pass (OdPdfDoc         *doc,
          OdPdfRenderFunc   func,
          gpointer          user_data,
          GOutputStream    *stream,
          GError          **error)
{
  cairo_font_options_t *options;
  cairo_status_t status;
  gboolean ok;

  doc->stream = stream;
  doc->n_pages = 0;
  doc->page_open = FALSE;
  doc->section = -1;
  doc->section_page = 0;
  doc->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_page_free);

  doc->surface = cairo_pdf_surface_create_for_stream (write_to_stream, doc,
                                                      doc->geo.width, doc->geo.height);
  cairo_pdf_surface_restrict_to_version (doc->surface, CAIRO_PDF_VERSION_1_5);
  doc->pdf_cr = cairo_create (doc->surface);
  doc->pango = pango_font_map_create_context (doc->font_map);
  /* Unhinted metrics: text measures the same at any resolution, on the
   * recordings and on the PDF. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (doc->pango, 72.0);
  new_recording (doc);

  ok = func (doc, user_data, error);
  /* A block left open is drawn, not lost. */
  if (ok && doc->kept != NULL)
    od_pdf_doc_keep_end (doc);
  _od_pdf_doc_clear_kept (doc);
  if (ok && !doc->page_open && doc->n_pages == 0)
    {
      /* Nothing at all: still a valid PDF of one empty page. */
      doc->n_pages = 1;
    }
  if (ok)
    {
      finish_page (doc);
      flush_pages (doc);
    }
  g_clear_pointer (&doc->section_title, g_free);
  g_clear_pointer (&doc->pending, g_ptr_array_unref);
  drop_recording (doc);

  g_clear_object (&doc->pango);
  g_clear_pointer (&doc->pdf_cr, cairo_destroy);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  doc->surface = NULL;

  if (!ok)
    return FALSE;
  if (doc->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc->write_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
od_pdf_doc_render (OdBusiness       *business,
                   OdPdfRenderFunc   func,
                   gpointer          user_data,
                   GOutputStream    *stream,
                   guint            *n_pages,
                   GError          **error)
{
  OdPdfDoc doc = { 0, };
  gboolean ok;

  g_return_val_if_fail (OD_IS_BUSINESS (business), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc.business = business;
  od_pdf_geometry_init (&doc.geo, od_business_get_paper_size (business));
  /* The thread's default font map (one per thread since Pango 1.32.6):
   * its fonts stay loaded from one document to the next, where a map of
   * the document's own loaded and subset them again for every invoice
   * a batch of emails attaches. */
  doc.font_map = g_object_ref (pango_cairo_font_map_get_default ());
  load_logo (&doc);

  ok = run_pass (&doc, func, user_data, stream, error);
  if (ok && n_pages != NULL)
    *n_pages = doc.n_pages;

  g_free (doc.columns);
  g_clear_pointer (&doc.logo_png, cairo_surface_destroy);
  g_clear_object (&doc.logo_svg);
  g_clear_object (&doc.font_map);
  return ok;
}

const OdPdfGeometry *
od_pdf_doc_get_geometry (OdPdfDoc *doc)
{
  return &doc->geo;
}

OdBusiness *
od_pdf_doc_get_business (OdPdfDoc *doc)
{
  return doc->business;
}

cairo_t *
od_pdf_doc_get_cairo (OdPdfDoc *doc)
{
  return doc->cr;
}

double
od_pdf_doc_get_y (OdPdfDoc *doc)
{
  return doc->y;
}

void
od_pdf_doc_set_y (OdPdfDoc *doc,
                  double    y)
{
  doc->y = y;
}

void
od_pdf_doc_set_language (OdPdfDoc   *doc,
                         const char *language)
{
  doc->language = g_intern_string (language);
}

const char *
od_pdf_doc_get_language (OdPdfDoc *doc)
{
  return doc->language;
}

guint
od_pdf_doc_get_n_pages (OdPdfDoc *doc)
{
  return doc->n_pages;
}

void
od_pdf_doc_begin_section (OdPdfDoc          *doc,
                          const char        *title,
                          OdPdfSectionFlags  flags)
{
  finish_page (doc);
  /* The last section is complete: its pages can say "of y". */
  flush_pages (doc);
  if ((flags & OD_PDF_SECTION_ODD) && doc->n_pages % 2 == 1)
    {
      /* The back of the last sheet stays empty. */
      cairo_show_page (doc->pdf_cr);
      doc->n_pages++;
    }
  doc->section++;
  doc->section_page = 0;
  g_free (doc->section_title);
  doc->section_title = g_strdup (title);
  open_page (doc);
  draw_letterhead (doc);
  doc->y = doc->geo.body_top_first;
}

void
od_pdf_doc_new_page (OdPdfDoc *doc)
{
  finish_page (doc);
  open_page (doc);
  draw_continuation_header (doc);
  doc->y = doc->geo.body_top;
  if (doc->columns != NULL && doc->table_header)
    _od_pdf_doc_draw_table_header (doc);
}

void
od_pdf_doc_ensure_space (OdPdfDoc *doc,
                         double    height)
{
  /* A kept block finds its own place when it ends. */
  if (doc->kept != NULL)
    return;
  if (!doc->page_open || doc->y + height > od_pdf_geometry_body_bottom (&doc->geo))
    od_pdf_doc_new_page (doc);
}

void
od_pdf_doc_address (OdPdfDoc   *doc,
                    const char *address)
{
  const OdPdfGeometry *g = &doc->geo;
  double width = g->window_x + g->window_width - g->address_x - 2.0 * OD_PDF_MM;
  double y = g->address_y;
  double height;

  if (g->return_height > 0)
    {
      g_autofree char *line = NULL;
      g_autofree char *sender = join_lines (od_business_get_address (doc->business), " · ");
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      /* Postal practice: the sender in one small underlined line. */
      line = g_strdup (*sender != '\0' ? sender : od_business_get_name (doc->business));
      layout = _od_pdf_doc_new_layout (doc, OD_PDF_STYLE_SMALL, -1);
      pango_layout_set_text (layout, line, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.width > width * PANGO_SCALE)
        {
          /* Smaller rather than cut: the sender must be readable whole;
           * ellipsised only when even 5.5 pt is too wide. */
          g_autoptr(PangoFontDescription) font =
            pango_font_description_copy (pango_layout_get_font_description (layout));
          double size = MAX (5.5, 0.97 * 7.5 * width * PANGO_SCALE / logical.width);

          pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
          pango_layout_get_extents (layout, NULL, &logical);
        }
      cairo_save (doc->cr);
      _od_pdf_doc_set_grey (doc->cr, 0.35);
      cairo_move_to (doc->cr, g->address_x, g->window_y + 1.0 * OD_PDF_MM);
      pango_cairo_show_layout (doc->cr, layout);
      cairo_set_line_width (doc->cr, 0.3);
      cairo_move_to (doc->cr, g->address_x,
                     g->window_y + 1.0 * OD_PDF_MM + (double) logical.height / PANGO_SCALE + 0.3);
      cairo_rel_line_to (doc->cr, (double) logical.width / PANGO_SCALE, 0);
      cairo_stroke (doc->cr);
      cairo_restore (doc->cr);
    }

  /* A long address moves up into the notes zone rather than out of the
   * window. */
  height = od_pdf_doc_measure (doc, address, OD_PDF_STYLE_BODY, width);
  if (height > g->address_max_height)
    y = MAX (g->window_y + g->return_height + 0.5 * OD_PDF_MM,
             g->address_y + g->address_max_height - height);
  od_pdf_doc_text_at (doc, address, OD_PDF_STYLE_BODY, g->address_x, y, width, FALSE);
}

void
od_pdf_doc_info (OdPdfDoc           *doc,
                 const char * const *labels,
                 const char * const *values,
                 guint               n)
{
  const OdPdfGeometry *g = &doc->geo;
  double label_width = g->info_width * 0.45;
  double y = g->info_y;

  for (guint i = 0; i < n; i++)
    {
      double a = od_pdf_doc_text_at (doc, labels[i], OD_PDF_STYLE_SMALL, g->info_x, y + 1.0,
                                     label_width - 4, FALSE);
      double b = od_pdf_doc_text_at (doc, values[i], OD_PDF_STYLE_BODY, g->info_x + label_width, y,
                                     g->info_width - label_width, FALSE);

      y += MAX (a, b) + 1.5;
    }
}
