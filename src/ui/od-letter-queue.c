/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "od-letter-queue.h"
#include "od-pdf.h"

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
od_letter_queue_pdf (OdStore      *store,
                     OdOutboxRow  *row,
                     GError      **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GDateTime) local = NULL;
  GDate today;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (row->invoices == NULL || row->invoices[0] == NULL)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("Outbox message %" PRId64 " names no invoice to write the letter about"),
                   row->id);
      return NULL;
    }
  g_date_clear (&today, 1);
  if (row->sent_at != NULL)
    {
      local = g_date_time_to_local (row->sent_at);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
    }
  if (!od_pdf_write_letter (store, row->invoices[0], od_letter_kind_for_step (row->step),
                            g_date_valid (&today) ? &today : NULL, stream, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

GPtrArray *
od_letter_queue_documents (OdStore    *store,
                           GPtrArray  *rows,
                           GError    **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GBytes) bytes = od_letter_queue_pdf (store, g_ptr_array_index (rows, i), error);
      PopplerDocument *document;

      if (bytes == NULL)
        return NULL;
      document = poppler_document_new_from_bytes (bytes, NULL, error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  return g_steal_pointer (&documents);
}

guint
od_letter_queue_n_pages (GPtrArray *documents)
{
  guint n = 0;

  g_return_val_if_fail (documents != NULL, 0);

  for (guint i = 0; i < documents->len; i++)
    {
      /* The next letter starts on an odd page. */
      n += n % 2;
      n += poppler_document_get_n_pages (g_ptr_array_index (documents, i));
    }
  return n;
}

PopplerPage *
od_letter_queue_get_page (GPtrArray *documents,
                          guint      index)
{
  guint start = 0;

  g_return_val_if_fail (documents != NULL, NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      PopplerDocument *document = g_ptr_array_index (documents, i);
      guint n = poppler_document_get_n_pages (document);

      start += start % 2;
      if (index < start)
        return NULL;
      if (index < start + n)
        return poppler_document_get_page (document, index - start);
      start += n;
    }
  return NULL;
}

gboolean
od_letter_queue_write_pdf (GPtrArray      *documents,
                           GOutputStream  *stream,
                           GError        **error)
{
  Sink sink = { stream, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n;
  double width = 595.0, height = 842.0;

  g_return_val_if_fail (documents != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  n = od_letter_queue_n_pages (documents);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      PopplerPage *page = od_letter_queue_get_page (documents, i);

      /* A blank page keeps the size of the page before it. */
      if (page != NULL)
        poppler_page_get_size (page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      if (page != NULL)
        {
          cairo_save (cr);
          poppler_page_render_for_printing (page, cr);
          cairo_restore (cr);
        }
      cairo_show_page (cr);
      g_clear_object (&page);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the letters as PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
