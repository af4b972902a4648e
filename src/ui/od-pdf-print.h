/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A print operation for @documents (PopplerDocument*, printed one after
 * the other, each page fitted to the paper): its own reference to the
 * array; connect to "done" and run it. */
GtkPrintOperation *od_pdf_print_operation_new (GPtrArray  *documents,
                                               const char *job_name);

G_END_DECLS
