/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-aging-chart.h"
#include "od-money.h"

#define ROW_HEIGHT   30
#define BAR_HEIGHT   18
#define GAP          12

struct _OdAgingChart
{
  GtkWidget  parent_instance;

  char       currency[4];
  GPtrArray *labels;    /* char* */
  GArray    *amounts;   /* gint64, minor units */
};

G_DEFINE_FINAL_TYPE (OdAgingChart, od_aging_chart, GTK_TYPE_WIDGET)

/* Current in green, then yellow, orange, red and purple as invoices age:
 * mid tones of the palette, which stand out on light and dark alike. */
static const struct { const char *name; const char *fallback; } bar_colours[] = {
  { "green_4", "#2ec27e" },
  { "yellow_5", "#e5a50a" },
  { "orange_4", "#e66100" },
  { "red_3", "#e01b24" },
  { "purple_3", "#9141ac" },
};

static void
lookup_colour (GtkWidget  *widget,
               const char *name,
               const char *fallback,
               GdkRGBA    *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, out))
    gdk_rgba_parse (out, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
foreground (GtkWidget *widget,
            GdkRGBA   *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static char *
amount_text (OdAgingChart *self,
             guint         bar)
{
  OdMoney money = od_money_init (g_array_index (self->amounts, gint64, bar), self->currency);

  return od_ui_format_money (&money);
}

static void
update_description (OdAgingChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autofree char *amount = amount_text (self, i);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: one bucket in the aging chart's description: "1–30 days: EUR 9,209.16" */
      g_string_append_printf (text, _("%s: %s"), (char *) g_ptr_array_index (self->labels, i), amount);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* GtkWidget */

static void
od_aging_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  OdAgingChart *self = OD_AGING_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = MAX (1, self->labels->len) * ROW_HEIGHT;
  else
    {
      *minimum = 240;
      *natural = 480;
    }
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
append_text (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             float          x,
             float          y_centre,
             const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y_centre - height / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
od_aging_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  OdAgingChart *self = OD_AGING_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = 0;
  int amount_width = 0;
  gint64 largest = 0;
  GdkRGBA fg, track;
  float bar_room;

  if (self->labels->len == 0)
    return;
  foreground (widget, &fg);
  track = fg;
  track.alpha *= 0.08f;

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autofree char *amount = amount_text (self, i);

      label_width = MAX (label_width, text_width (widget, g_ptr_array_index (self->labels, i)));
      amount_width = MAX (amount_width, text_width (widget, amount));
      largest = MAX (largest, g_array_index (self->amounts, gint64, i));
    }
  bar_room = MAX (width - label_width - amount_width - 2 * GAP, 1);

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autofree char *amount = amount_text (self, i);
      gint64 value = g_array_index (self->amounts, gint64, i);
      float centre = i * ROW_HEIGHT + ROW_HEIGHT / 2.0f;
      float x = label_width + GAP;
      float length;
      GdkRGBA colour;
      GskRoundedRect rect;

      lookup_colour (widget, bar_colours[MIN (i, G_N_ELEMENTS (bar_colours) - 1)].name,
                     bar_colours[MIN (i, G_N_ELEMENTS (bar_colours) - 1)].fallback, &colour);
      append_text (snapshot, widget, g_ptr_array_index (self->labels, i), 0, centre, &fg);

      /* The track shows the scale even when a bucket is empty. */
      gsk_rounded_rect_init_from_rect (&rect,
                                       &GRAPHENE_RECT_INIT (x, centre - BAR_HEIGHT / 2.0f,
                                                            bar_room, BAR_HEIGHT),
                                       4);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &track, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      /* Pixels, not money: the bar's length may be a float. */
      length = largest > 0 ? bar_room * (float) ((double) MAX (value, 0) / (double) largest) : 0;
      if (value > 0)
        length = MAX (length, 4);
      if (length > 0)
        {
          gsk_rounded_rect_init_from_rect (&rect,
                                           &GRAPHENE_RECT_INIT (x, centre - BAR_HEIGHT / 2.0f,
                                                                length, BAR_HEIGHT),
                                           4);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &colour, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }

      append_text (snapshot, widget, amount, width - text_width (widget, amount), centre, &fg);
    }
}

static void
od_aging_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (od_aging_chart_parent_class)->css_changed (widget, change);
  /* The palette's colours and the text colour follow the style. */
  gtk_widget_queue_draw (widget);
}

/* GObject */

static void
od_aging_chart_finalize (GObject *object)
{
  OdAgingChart *self = OD_AGING_CHART (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->amounts, g_array_unref);

  G_OBJECT_CLASS (od_aging_chart_parent_class)->finalize (object);
}

static void
od_aging_chart_class_init (OdAgingChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = od_aging_chart_finalize;
  widget_class->measure = od_aging_chart_measure;
  widget_class->snapshot = od_aging_chart_snapshot;
  widget_class->css_changed = od_aging_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "od-aging-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
od_aging_chart_init (OdAgingChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->amounts = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open amounts by age"),
                                  -1);
}

/* Public API */

OdAgingChart *
od_aging_chart_new (void)
{
  return g_object_new (OD_TYPE_AGING_CHART, NULL);
}

void
od_aging_chart_set_data (OdAgingChart       *self,
                         const char         *currency,
                         const char * const *labels,
                         const gint64       *amounts,
                         guint               n_bars)
{
  g_return_if_fail (OD_IS_AGING_CHART (self));
  g_return_if_fail (currency != NULL && strlen (currency) == 3);
  g_return_if_fail (n_bars == 0 || (labels != NULL && amounts != NULL));

  g_strlcpy (self->currency, currency, sizeof self->currency);
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->amounts, 0);
  for (guint i = 0; i < n_bars; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));
  g_array_append_vals (self->amounts, amounts, n_bars);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
od_aging_chart_get_n_bars (OdAgingChart *self)
{
  g_return_val_if_fail (OD_IS_AGING_CHART (self), 0);

  return self->amounts->len;
}

gint64
od_aging_chart_get_amount (OdAgingChart *self,
                           guint         bar)
{
  g_return_val_if_fail (OD_IS_AGING_CHART (self), 0);
  g_return_val_if_fail (bar < self->amounts->len, 0);

  return g_array_index (self->amounts, gint64, bar);
}

const char *
od_aging_chart_get_currency (OdAgingChart *self)
{
  g_return_val_if_fail (OD_IS_AGING_CHART (self), NULL);

  return self->currency;
}
