/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-dashboard.h"
#include "od-money.h"
#include "od-today-page.h"
#include "od-window.h"

struct _OdTodayPage
{
  AdwBin                parent_instance;

  OdContext            *context;
  GCancellable         *cancellable;
  guint                 generation;
  guint                 pending;
  gboolean              stale;      /* the ledger changed while hidden */
  OdDashboard          *data;
  GPtrArray            *rows;       /* (group, row) pairs added */
  GPtrArray            *charts;     /* OdAgingChart*, by currency */

  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkFlowBox           *figures_box;
  GtkBox               *charts_box;
  AdwPreferencesGroup  *needs_group;
  AdwPreferencesGroup  *next_group;
};

G_DEFINE_FINAL_TYPE (OdTodayPage, od_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static GTimeZone *
business_zone (OdStore *store)
{
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);
  const char *identifier = business != NULL ? od_business_get_time_zone (business) : NULL;
  GTimeZone *zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* Runs in a worker thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = task_data;
  g_autoptr(GTimeZone) zone = business_zone (store);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  GError *error = NULL;
  OdDashboard *data = od_dashboard_read (store, zone, now, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) od_dashboard_free);
}

/* Showing */

static void
clear_rows (OdTodayPage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (OdTodayPage         *self,
         AdwPreferencesGroup *group,
         const OdDashboardItem *item)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (item->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
  if (item->icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), item->icon);
  if (item->page != NULL || item->invoice_id != 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->page != NULL)
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->page);
      else
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->invoice_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row),
                                      item->page != NULL ? "win.show-page" : "today.open-invoice");
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
figure_card (const char *title,
             GString    *values,
             const char *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (card), box);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (values->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* Read as one: "Outstanding, EUR 117,800.17, 40 open invoices". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, values->str,
                                  -1);
  return card;
}

static void
show_figures (OdTodayPage *self,
              OdDashboard *data)
{
  g_autoptr(GString) outstanding = g_string_new (NULL);
  g_autoptr(GString) overdue = g_string_new (NULL);
  g_autoptr(GString) dso = g_string_new (NULL);
  g_autofree char *open_caption = NULL;
  guint n_open = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  for (guint i = 0; i < data->aging->totals->len; i++)
    {
      OdReportAgingRow *total = g_ptr_array_index (data->aging->totals, i);
      g_autofree char *open = format_amount (total->open, total->currency);
      g_autofree char *late = format_amount (total->open - total->buckets[0], total->currency);

      g_string_append_printf (outstanding, "%s%s", i > 0 ? "\n" : "", open);
      g_string_append_printf (overdue, "%s%s", i > 0 ? "\n" : "", late);
      n_open += total->n_invoices;
    }
  for (guint i = 0; i < data->dso->rows->len; i++)
    {
      OdReportDsoRow *row = &g_array_index (data->dso->rows, OdReportDsoRow, i);

      if (dso->len > 0)
        g_string_append_c (dso, '\n');
      if (isnan (row->simple))
        /* Translators: DSO when nothing was sold in the period: "EUR –" */
        g_string_append_printf (dso, _("%s –"), row->currency);
      else if (data->dso->rows->len > 1)
        /* Translators: DSO of one currency: "EUR 51.0 days" */
        g_string_append_printf (dso, _("%s %.1f days"), row->currency, row->simple);
      else
        g_string_append_printf (dso, _("%.1f days"), row->simple);
    }
  if (dso->len == 0)
    g_string_append (dso, "–");

  open_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open invoice",
                                               "%u open invoices", n_open), n_open);
  gtk_flow_box_append (self->figures_box, figure_card (_("Outstanding"), outstanding, open_caption));
  /* Translators: the card of the amount past its due date (not the app's name) */
  gtk_flow_box_append (self->figures_box, figure_card (C_("figure", "Overdue"), overdue,
                                                       _("Past the due date")));
  gtk_flow_box_append (self->figures_box,
                       figure_card (_("Days Sales Outstanding"), dso, _("Over the last 90 days")));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
show_charts (OdTodayPage *self,
             OdDashboard *data)
{
  OdReportAging *aging = data->aging;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->charts->len; i++)
    gtk_box_remove (self->charts_box, gtk_widget_get_parent (g_ptr_array_index (self->charts, i)));
  g_ptr_array_set_size (self->charts, 0);

  for (guint b = 0; b < aging->n_buckets; b++)
    {
      g_autofree char *key = od_report_aging_bucket_key (aging, b);

      /* Translators: the aging buckets: "Current", then "1–30 days" … "91+ days" */
      g_strdelimit (key, "-", '\0');
      if (b == 0)
        g_ptr_array_add (labels, g_strdup (_("Current")));
      else if (b + 1 == aging->n_buckets)
        g_ptr_array_add (labels, g_strdup_printf (_("%s days"), key));
      else
        g_ptr_array_add (labels, g_strdup_printf (_("%s–%s days"), key, key + strlen (key) + 1));
    }
  for (guint i = 0; i < aging->totals->len; i++)
    {
      OdReportAgingRow *total = g_ptr_array_index (aging->totals, i);
      OdAgingChart *chart = od_aging_chart_new ();
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_top (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_bottom (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_start (GTK_WIDGET (chart), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (chart), 12);
      od_aging_chart_set_data (chart, total->currency, (const char * const *) labels->pdata,
                               total->buckets, aging->n_buckets);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (chart));
      gtk_box_append (self->charts_box, card);
      g_ptr_array_add (self->charts, chart);
    }
}

static void
show_dashboard (OdTodayPage *self,
                OdDashboard *data)
{
  static const OdDashboardItem all_clear = { "object-select-symbolic", NULL, NULL, NULL, 0 };
  OdDashboardItem nothing = all_clear;

  clear_rows (self);
  show_figures (self, data);
  show_charts (self, data);

  for (guint i = 0; i < data->needs->len; i++)
    add_row (self, self->needs_group, g_ptr_array_index (data->needs, i));
  if (data->needs->len == 0)
    {
      nothing.title = _("Nothing needs you today");
      add_row (self, self->needs_group, &nothing);
    }
  for (guint i = 0; i < data->next->len; i++)
    add_row (self, self->next_group, g_ptr_array_index (data->next, i));
  if (data->next->len == 0)
    {
      nothing.title = _("Nothing is planned");
      nothing.icon = NULL;
      add_row (self, self->next_group, &nothing);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    data->aging->totals->len > 0 || data->needs->len > 0
                                    ? "dashboard" : "empty");
}

static void on_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
load (OdTodayPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->data == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->stale = FALSE;
  self->generation++;
  self->pending++;
  task = g_task_new (self, NULL, on_loaded, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* Callbacks */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdTodayPage *self = OD_TODAY_PAGE (source);
  g_autoptr(OdDashboard) data = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  data = g_task_propagate_pointer (G_TASK (result), &error);
  self->pending--;
  /* The page is going away, or a later load replaces this one. */
  if (g_cancellable_is_cancelled (self->cancellable) || generation != self->generation)
    return;

  gtk_spinner_stop (self->spinner);
  if (data == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_dashboard (self, data);
  g_clear_pointer (&self->data, od_dashboard_free);
  self->data = g_steal_pointer (&data);
}

static void
open_invoice_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, OD_TYPE_WINDOW);
  OdInvoiceView *view;
  GtkWidget *leaflet;

  if (window == NULL)
    return;
  view = od_invoices_page_get_view (od_window_get_invoices_page (OD_WINDOW (window)));
  od_window_show_page (OD_WINDOW (window), OD_WINDOW_PAGE_INVOICES);
  od_invoice_view_show (view, g_variant_get_int64 (parameter));
  /* The invoices page folds its list and the view into a leaflet. */
  leaflet = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_LEAFLET);
  if (leaflet != NULL)
    adw_leaflet_set_visible_child (ADW_LEAFLET (leaflet), GTK_WIDGET (view));
}

/* GObject */

static void
od_today_page_map (GtkWidget *widget)
{
  OdTodayPage *self = OD_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (od_today_page_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
od_today_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OdTodayPage *self = OD_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_today_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OdTodayPage *self = OD_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_today_page_dispose (GObject *object)
{
  OdTodayPage *self = OD_TODAY_PAGE (object);

  /* Nothing may call back into a page that is going away. */
  g_cancellable_cancel (self->cancellable);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (od_today_page_parent_class)->dispose (object);
}

static void
od_today_page_finalize (GObject *object)
{
  OdTodayPage *self = OD_TODAY_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, od_dashboard_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (od_today_page_parent_class)->finalize (object);
}

static void
od_today_page_class_init (OdTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = od_today_page_get_property;
  object_class->set_property = od_today_page_set_property;
  object_class->dispose = od_today_page_dispose;
  object_class->finalize = od_today_page_finalize;
  widget_class->map = od_today_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, OdTodayPage, next_group);

  gtk_widget_class_install_action (widget_class, "today.open-invoice", "x", open_invoice_activated);
}

static void
od_today_page_init (OdTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->stale = TRUE;
  self->rows = g_ptr_array_new ();
  self->charts = g_ptr_array_new ();
}

/* Public API */

OdTodayPage *
od_today_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_TODAY_PAGE, "context", context, NULL);
}

void
od_today_page_reload (OdTodayPage *self)
{
  g_return_if_fail (OD_IS_TODAY_PAGE (self));

  /* Read only what is looked at: a hidden page reads when shown. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

gboolean
od_today_page_is_loading (OdTodayPage *self)
{
  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), FALSE);

  return self->pending > 0 || self->stale;
}

static OdReportAgingRow *
find_total (OdTodayPage *self,
            const char  *currency)
{
  for (guint i = 0; self->data != NULL && i < self->data->aging->totals->len; i++)
    {
      OdReportAgingRow *total = g_ptr_array_index (self->data->aging->totals, i);

      if (g_strcmp0 (total->currency, currency) == 0)
        return total;
    }
  return NULL;
}

gint64
od_today_page_get_outstanding (OdTodayPage *self,
                               const char  *currency)
{
  OdReportAgingRow *total;

  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), 0);

  total = find_total (self, currency);
  return total != NULL ? total->open : 0;
}

gint64
od_today_page_get_overdue (OdTodayPage *self,
                           const char  *currency)
{
  OdReportAgingRow *total;

  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), 0);

  total = find_total (self, currency);
  return total != NULL ? total->open - total->buckets[0] : 0;
}

OdAgingChart *
od_today_page_get_aging_chart (OdTodayPage *self,
                               guint        index)
{
  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), NULL);

  return index < self->charts->len ? g_ptr_array_index (self->charts, index) : NULL;
}

guint
od_today_page_get_n_needs (OdTodayPage *self)
{
  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), 0);

  return self->data != NULL ? self->data->needs->len : 0;
}

guint
od_today_page_get_n_next (OdTodayPage *self)
{
  g_return_val_if_fail (OD_IS_TODAY_PAGE (self), 0);

  return self->data != NULL ? self->data->next->len : 0;
}
