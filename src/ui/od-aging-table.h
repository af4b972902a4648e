/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-report-aging.h"

G_BEGIN_DECLS

#define OD_TYPE_AGING_TABLE (od_aging_table_get_type ())
G_DECLARE_FINAL_TYPE (OdAgingTable, od_aging_table, OD, AGING_TABLE, AdwBin)

/*
 * The aging report as a table: a row per customer and currency, a column
 * per bucket, sortable by customer and by every amount (in memory: the
 * report has a row per customer), the totals below, and "Export…" to a
 * CSV file as overdue-cli report aging --csv writes it.
 */
OdAgingTable *od_aging_table_new         (void);
/* Takes @aging (full transfer). */
void          od_aging_table_set_report  (OdAgingTable         *self,
                                          OdReportAging        *aging);
/* The rows as shown, sorted (GObjects; for tests). */
GListModel   *od_aging_table_get_rows    (OdAgingTable         *self);
/* The customer name of a row of od_aging_table_get_rows(). */
const char   *od_aging_table_row_name    (GObject              *row);
GtkColumnView *od_aging_table_get_column_view (OdAgingTable    *self);
/* Writes the CSV to @file in a worker thread. */
void          od_aging_table_export_async  (OdAgingTable         *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      od_aging_table_export_finish (OdAgingTable         *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
