/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include <glib/gi18n.h>

#include "od-trend-chart.h"

#define HEIGHT 200
#define GAP    4

struct _OdTrendChart
{
  GtkWidget  parent_instance;

  GPtrArray *labels;   /* char* */
  GArray    *values;   /* double */
};

G_DEFINE_FINAL_TYPE (OdTrendChart, od_trend_chart, GTK_TYPE_WIDGET)

static char *
value_text (double value)
{
  /* Translators: a DSO figure above its bar, in days with one decimal */
  return g_strdup_printf (_("%.1f"), value);
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static void
colours (GtkWidget *widget,
         GdkRGBA   *fg,
         GdkRGBA   *bar)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, fg);
  /* The accent colour as a fill; accent_color is its text variant. */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", bar))
    gdk_rgba_parse (bar, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_description (OdTrendChart *self,
                    const char   *title)
{
  g_autoptr(GString) text = g_string_new (title);

  for (guint i = 0; i < self->labels->len; i++)
    {
      double value = g_array_index (self->values, double, i);
      g_autofree char *figure = isnan (value) ? g_strdup (_("no sales")) : value_text (value);

      g_string_append (text, i == 0 ? ": " : ", ");
      /* Translators: one month in the trend chart's description: "Mar: 22.8" */
      g_string_append_printf (text, _("%s: %s"), (char *) g_ptr_array_index (self->labels, i), figure);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* GtkWidget */

static void
od_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = HEIGHT;
  else
    {
      *minimum = 240;
      *natural = 600;
    }
}

static void
append_centred (GtkSnapshot   *snapshot,
                PangoLayout   *layout,
                float          centre_x,
                float          top,
                const GdkRGBA *colour)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (centre_x - width / 2.0f, top));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
od_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  OdTrendChart *self = OD_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->values->len;
  double largest = 0;
  int text_height = 0;
  float slot, plot_top, plot_bottom;
  GdkRGBA fg, bar, axis;

  if (n == 0)
    return;
  colours (widget, &fg, &bar);
  axis = fg;
  axis.alpha *= 0.2f;

  {
    g_autoptr(PangoLayout) probe = small_layout (widget, "0");

    pango_layout_get_pixel_size (probe, NULL, &text_height);
  }
  for (guint i = 0; i < n; i++)
    {
      double value = g_array_index (self->values, double, i);

      if (!isnan (value))
        largest = MAX (largest, value);
    }

  slot = (float) width / n;
  plot_top = text_height + GAP;
  plot_bottom = height - text_height - GAP;
  gtk_snapshot_append_color (snapshot, &axis,
                             &GRAPHENE_RECT_INIT (0, plot_bottom, width, 1));

  for (guint i = 0; i < n; i++)
    {
      double value = g_array_index (self->values, double, i);
      g_autoptr(PangoLayout) label = small_layout (widget, g_ptr_array_index (self->labels, i));
      float centre = slot * i + slot / 2;
      float bar_width = MAX (slot * 0.6f, 2);
      int label_width;

      /* Month labels that would touch each other are shown every other. */
      pango_layout_get_pixel_size (label, &label_width, NULL);
      if (label_width + GAP <= slot || (i % 2) == (n - 1) % 2)
        append_centred (snapshot, label, centre, plot_bottom + GAP, &fg);

      if (isnan (value) || largest <= 0)
        continue;
      {
        float bar_height = (float) ((plot_bottom - plot_top - text_height - GAP) * value / largest);
        g_autofree char *text = value_text (value);
        g_autoptr(PangoLayout) figure = small_layout (widget, text);
        GskRoundedRect rect;
        int figure_width;

        bar_height = MAX (bar_height, 1);
        gsk_rounded_rect_init (&rect,
                               &GRAPHENE_RECT_INIT (centre - bar_width / 2, plot_bottom - bar_height,
                                                    bar_width, bar_height),
                               &GRAPHENE_SIZE_INIT (3, 3), &GRAPHENE_SIZE_INIT (3, 3),
                               &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
        gtk_snapshot_push_rounded_clip (snapshot, &rect);
        gtk_snapshot_append_color (snapshot, &bar, &rect.bounds);
        gtk_snapshot_pop (snapshot);

        /* Figures that would touch are shown every other, like the months. */
        pango_layout_get_pixel_size (figure, &figure_width, NULL);
        if (figure_width + GAP <= slot || (i % 2) == (n - 1) % 2)
          append_centred (snapshot, figure, centre,
                          plot_bottom - bar_height - text_height - GAP / 2, &fg);
      }
    }
}

static void
od_trend_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (od_trend_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* GObject */

static void
od_trend_chart_finalize (GObject *object)
{
  OdTrendChart *self = OD_TREND_CHART (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (od_trend_chart_parent_class)->finalize (object);
}

static void
od_trend_chart_class_init (OdTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = od_trend_chart_finalize;
  widget_class->measure = od_trend_chart_measure;
  widget_class->snapshot = od_trend_chart_snapshot;
  widget_class->css_changed = od_trend_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "od-trend-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
od_trend_chart_init (OdTrendChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend by month"),
                                  -1);
}

/* Public API */

OdTrendChart *
od_trend_chart_new (void)
{
  return g_object_new (OD_TYPE_TREND_CHART, NULL);
}

void
od_trend_chart_set_data (OdTrendChart       *self,
                         const char         *title,
                         const char * const *labels,
                         const double       *values,
                         guint               n_points)
{
  g_return_if_fail (OD_IS_TREND_CHART (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (n_points == 0 || (labels != NULL && values != NULL));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_points; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));
  g_array_append_vals (self->values, values, n_points);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  update_description (self, title);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
od_trend_chart_get_n_points (OdTrendChart *self)
{
  g_return_val_if_fail (OD_IS_TREND_CHART (self), 0);

  return self->values->len;
}

double
od_trend_chart_get_value (OdTrendChart *self,
                          guint         point)
{
  g_return_val_if_fail (OD_IS_TREND_CHART (self), NAN);
  g_return_val_if_fail (point < self->values->len, NAN);

  return g_array_index (self->values, double, point);
}
