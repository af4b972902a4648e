/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <poppler.h>

#include "od-letter-queue.h"
#include "od-pdf-print.h"

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GPtrArray         *documents)
{
  gtk_print_operation_set_n_pages (operation, od_letter_queue_n_pages (documents));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GPtrArray         *documents)
{
  PopplerPage *page = od_letter_queue_get_page (documents, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* Full page, in points: fit the letter to the paper chosen. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

GtkPrintOperation *
od_pdf_print_operation_new (GPtrArray  *documents,
                            const char *job_name)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (documents != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "od-documents", g_ptr_array_ref (documents),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), documents);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), documents);
  return operation;
}
