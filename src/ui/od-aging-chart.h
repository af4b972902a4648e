/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OD_TYPE_AGING_CHART (od_aging_chart_get_type ())
G_DECLARE_FINAL_TYPE (OdAgingChart, od_aging_chart, OD, AGING_CHART, GtkWidget)

/*
 * The aging buckets of one currency as horizontal bars (current, then
 * older and older), each labelled with its bucket and its amount, drawn
 * with GtkSnapshot in colours of the libadwaita palette. Its accessible
 * description lists the figures.
 */
OdAgingChart *od_aging_chart_new        (void);
/* @labels and @amounts (minor units of @currency) hold @n_bars each. */
void          od_aging_chart_set_data   (OdAgingChart       *self,
                                         const char         *currency,
                                         const char * const *labels,
                                         const gint64       *amounts,
                                         guint               n_bars);
guint         od_aging_chart_get_n_bars (OdAgingChart       *self);
gint64        od_aging_chart_get_amount (OdAgingChart       *self,
                                         guint               bar);
const char   *od_aging_chart_get_currency (OdAgingChart     *self);

G_END_DECLS
