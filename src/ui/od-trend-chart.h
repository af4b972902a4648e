/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OD_TYPE_TREND_CHART (od_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (OdTrendChart, od_trend_chart, OD, TREND_CHART, GtkWidget)

/*
 * A figure over time (the DSO of each of the last 12 months) as vertical
 * bars in the accent colour, each month labelled below and its value
 * above, drawn with GtkSnapshot. A NAN value (no sales that month) leaves
 * a gap. Its accessible description lists the figures.
 */
OdTrendChart *od_trend_chart_new          (void);
/* @labels and @values hold @n_points each; @title names the figure in
 * the description ("DSO in days"). */
void          od_trend_chart_set_data     (OdTrendChart       *self,
                                           const char         *title,
                                           const char * const *labels,
                                           const double       *values,
                                           guint               n_points);
guint         od_trend_chart_get_n_points (OdTrendChart       *self);
double        od_trend_chart_get_value    (OdTrendChart       *self,
                                           guint               point);

G_END_DECLS
