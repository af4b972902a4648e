/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-money.h"
#include "od-pdf.h"
#include "od-report-aging.h"
#include "od-report-cei.h"
#include "od-report-dso.h"
#include "od-report-outcomes.h"
#include "od-report-risk.h"
#include "od-reports-page.h"

struct _OdReportsPage
{
  AdwBin               parent_instance;

  OdContext           *context;
  GCancellable        *cancellable;
  guint                generation;
  guint                pending;
  gboolean             stale;
  gboolean             loaded;
  GPtrArray           *rows;        /* (group, row) pairs added */
  guint                n_risks;
  guint                n_outcomes;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwViewStack        *view_stack;
  OdAgingTable        *aging_table;
  AdwPreferencesGroup *dso_group;
  OdTrendChart        *trend_chart;
  AdwPreferencesGroup *risk_group;
  AdwPreferencesGroup *outcomes_group;
};

G_DEFINE_FINAL_TYPE (OdReportsPage, od_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread reads. */
typedef struct
{
  OdReportAging    *aging;
  OdReportDso      *dso;
  OdReportCei      *cei;
  OdReportRisk     *risk;
  OdReportOutcomes *outcomes;
} Reports;

static void
reports_free (Reports *reports)
{
  g_clear_pointer (&reports->aging, od_report_aging_free);
  g_clear_pointer (&reports->dso, od_report_dso_free);
  g_clear_pointer (&reports->cei, od_report_cei_free);
  g_clear_pointer (&reports->risk, od_report_risk_free);
  g_clear_pointer (&reports->outcomes, od_report_outcomes_free);
  g_free (reports);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reports, reports_free)

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

/* Runs in a worker thread: the reports overdue-cli report gives today. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = task_data;
  g_autoptr(Reports) reports = g_new0 (Reports, 1);
  g_autoptr(GTimeZone) zone = business_zone (store);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, from;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  from = today;
  g_date_subtract_days (&from, 89);

  if ((reports->aging = od_report_aging_new (store, &today, NULL, 0, &error)) == NULL ||
      (reports->dso = od_report_dso_new (store, &from, &today, &error)) == NULL ||
      (reports->cei = od_report_cei_new (store, &from, &today, &error)) == NULL ||
      (reports->risk = od_report_risk_new (store, &today, &error)) == NULL ||
      (policy = od_store_get_effective_policy (store, 0, &error)) == NULL ||
      (reports->outcomes = od_report_outcomes_new (store, policy, &today, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&reports), (GDestroyNotify) reports_free);
}

/* Showing */

static GtkWidget *
add_row (OdReportsPage       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_figure (OdReportsPage *self,
            const char    *title,
            const char    *subtitle,
            const char    *value)
{
  GtkWidget *row = add_row (self, self->dso_group, title, subtitle);
  GtkWidget *label = gtk_label_new (value);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
show_dso (OdReportsPage *self,
          Reports       *reports)
{
  OdReportDso *dso = reports->dso;
  const char *labels[OD_REPORT_DSO_MONTHS];
  char names[OD_REPORT_DSO_MONTHS][32];

  for (guint i = 0; i < dso->rows->len; i++)
    {
      OdReportDsoRow *row = &g_array_index (dso->rows, OdReportDsoRow, i);
      g_autofree char *simple = isnan (row->simple) ? g_strdup ("–")
                                                    : g_strdup_printf (_("%.1f days"), row->simple);
      g_autofree char *countback = isnan (row->countback) ? g_strdup ("–")
                                                          : g_strdup_printf (_("%.1f days"), row->countback);
      g_autofree char *title = g_strdup_printf (_("DSO in %s"), row->currency);
      g_autofree char *title2 = g_strdup_printf (_("Countback DSO in %s"), row->currency);

      add_figure (self, title, _("Open now ÷ sales of the last 90 days × 90"), simple);
      add_figure (self, title2, _("Days of the latest sales that the open amount covers"), countback);
    }
  for (guint i = 0; i < reports->cei->rows->len; i++)
    {
      OdReportCeiRow *row = &g_array_index (reports->cei->rows, OdReportCeiRow, i);
      g_autofree char *title = g_strdup_printf (_("Collection effectiveness in %s"), row->currency);
      g_autofree char *percent = NULL;
      g_autofree char *value = NULL;

      if (row->defined)
        {
          percent = od_amount_to_string (row->cei_bp, 2);
          /* Translators: the CEI as a percentage: "87.50 %" */
          value = g_strdup_printf (_("%s %%"), percent);
        }
      add_figure (self, title, _("Of what could be collected in the last 90 days, the share that was"),
                  value != NULL ? value : "–");
    }

  /* The trend of the first currency; the demo and most ledgers have one. */
  for (guint m = 0; m < OD_REPORT_DSO_MONTHS; m++)
    {
      /* Translators: a month under the DSO trend chart, see strftime(3) */
      if (g_date_strftime (names[m], sizeof names[m], _("%b"), &dso->month_start[m]) == 0)
        names[m][0] = '\0';
      labels[m] = names[m];
    }
  if (dso->rows->len > 0)
    {
      OdReportDsoRow *row = &g_array_index (dso->rows, OdReportDsoRow, 0);
      g_autofree char *title = g_strdup_printf (_("DSO by month in %s, in days"), row->currency);

      od_trend_chart_set_data (self->trend_chart, title, labels, row->trend, OD_REPORT_DSO_MONTHS);
    }
  else
    od_trend_chart_set_data (self->trend_chart, _("DSO by month"), NULL, NULL, 0);
}

static int
compare_risk (gconstpointer a,
              gconstpointer b)
{
  const OdReportRiskRow *x = *(OdReportRiskRow * const *) a;
  const OdReportRiskRow *y = *(OdReportRiskRow * const *) b;

  if (x->level != y->level)
    return x->level > y->level ? -1 : 1;
  return g_utf8_collate (x->customer_name, y->customer_name);
}

static void
show_risk (OdReportsPage *self,
           Reports       *reports)
{
  static const char * const classes[] = { "success", "warning", "error" };
  /* Pointers into the report, sorted gravest first; not owned. */
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_ptr_array_extend (rows, reports->risk->rows, NULL, NULL);
  g_ptr_array_sort (rows, compare_risk);
  for (guint i = 0; i < rows->len; i++)
    {
      OdReportRiskRow *risk = g_ptr_array_index (rows, i);
      g_autoptr(GString) reasons = g_string_new (NULL);
      const char *level;
      GtkWidget *row, *badge;

      for (guint r = 0; r < risk->reasons->len; r++)
        {
          OdRiskReason *reason = g_ptr_array_index (risk->reasons, r);

          g_string_append_printf (reasons, "%s%s", r > 0 ? "; " : "", reason->text);
        }
      row = add_row (self, self->risk_group, risk->customer_name,
                     reasons->len > 0 ? reasons->str : _("No warning signs"));
      switch (risk->level)
        {
        case OD_RISK_HIGH:
          level = _("High");
          break;
        case OD_RISK_MEDIUM:
          level = _("Medium");
          break;
        case OD_RISK_LOW:
        default:
          level = _("Low");
          break;
        }
      badge = gtk_label_new (level);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, classes[MIN ((guint) risk->level, 2)]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      {
        g_autofree char *label = g_strdup_printf (_("Risk: %s"), level);

        gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
    }
  self->n_risks = rows->len;
  if (rows->len == 0)
    add_row (self, self->risk_group, _("No customers yet"), NULL);
}

static const OdReportOutcomeTest *
find_test (OdReportOutcomes *outcomes,
           const char       *step)
{
  for (guint i = 0; i < outcomes->tests->len; i++)
    {
      OdReportOutcomeTest *test = g_ptr_array_index (outcomes->tests, i);

      if (strcmp (test->step, step) == 0)
        return test;
    }
  return NULL;
}

static void
show_outcomes (OdReportsPage *self,
               Reports       *reports)
{
  OdReportOutcomes *outcomes = reports->outcomes;
  g_autoptr(GString) notes = g_string_new (_("Invoices paid in full within 3, 7 and 14 days after each step; the bar is the share paid within 14 days."));

  self->n_outcomes = 0;
  for (guint i = 0; i < outcomes->rows->len; i++)
    {
      OdReportOutcomeRow *outcome = g_ptr_array_index (outcomes->rows, i);
      const OdReportOutcomeTest *test = find_test (outcomes, outcome->step);
      g_autofree char *step = od_pdf_step_label (outcome->step);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *median = NULL;
      g_autofree char *percent_text = NULL;
      GtkWidget *row, *box, *bar, *label;
      gint64 percent = 0;

      if (test != NULL)
        /* Translators: a step's template variant: "First reminder · variant A (friendly)" */
        title = g_strdup_printf (_("%s · variant %s (%s)"), step,
                                 outcome->variant == 0 ? "A" : "B",
                                 outcome->template_name != NULL ? outcome->template_name : "");
      else
        title = g_steal_pointer (&step);
      median = isnan (outcome->median_days) ? g_strdup ("–")
                                            : g_strdup_printf ("%.1f", outcome->median_days);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u invoice · paid within 3 days: %u, 7 days: %u, 14 days: %u · median days to pay: %s",
                                               "%u invoices · paid within 3 days: %u, 7 days: %u, 14 days: %u · median days to pay: %s",
                                               outcome->n_invoices),
                                  outcome->n_invoices, outcome->paid_3, outcome->paid_7,
                                  outcome->paid_14, median);
      row = add_row (self, self->outcomes_group, title, subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      if (outcome->n_invoices > 0)
        od_round_div (outcome->paid_14, 100, outcome->n_invoices, &percent);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      bar = gtk_level_bar_new_for_interval (0, 100);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) percent);
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      /* Translators: the share paid within 14 days: "62 %" */
      percent_text = g_strdup_printf (_("%d %%"), (int) percent);
      label = gtk_label_new (percent_text);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (GTK_BOX (box), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      {
        g_autofree char *name = g_strdup_printf (_("Paid within 14 days: %s"), percent_text);

        gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      self->n_outcomes++;
    }
  for (guint i = 0; i < outcomes->tests->len; i++)
    {
      OdReportOutcomeTest *test = g_ptr_array_index (outcomes->tests, i);
      g_autofree char *test_step = od_pdf_step_label (test->step);

      g_string_append_c (notes, '\n');
      g_string_append_printf (notes,
                              test->p_value < 0.05
                              ? _("%s: the variants differ more than chance would (p = %.3f)")
                              : _("%s: the difference between the variants may be chance (p = %.3f)"),
                              test_step, test->p_value);
    }
  adw_preferences_group_set_description (self->outcomes_group, notes->str);
  if (outcomes->rows->len == 0)
    add_row (self, self->outcomes_group, _("No step has been taken yet"), NULL);
}

static void
show_reports (OdReportsPage *self,
              Reports       *reports)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);

  od_aging_table_set_report (self->aging_table, g_steal_pointer (&reports->aging));
  show_dso (self, reports);
  show_risk (self, reports);
  show_outcomes (self, reports);
  gtk_stack_set_visible_child_name (self->stack, "reports");
}

static void on_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
load (OdReportsPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->loaded)
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
  OdReportsPage *self = OD_REPORTS_PAGE (source);
  g_autoptr(Reports) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = g_task_propagate_pointer (G_TASK (result), &error);
  self->pending--;
  if (g_cancellable_is_cancelled (self->cancellable) ||
      GPOINTER_TO_UINT (user_data) != self->generation)
    return;

  gtk_spinner_stop (self->spinner);
  if (reports == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_reports (self, reports);
  self->loaded = TRUE;
}

/* GObject */

static void
od_reports_page_map (GtkWidget *widget)
{
  OdReportsPage *self = OD_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (od_reports_page_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
od_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdReportsPage *self = OD_REPORTS_PAGE (object);

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
od_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdReportsPage *self = OD_REPORTS_PAGE (object);

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
od_reports_page_dispose (GObject *object)
{
  OdReportsPage *self = OD_REPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (od_reports_page_parent_class)->dispose (object);
}

static void
od_reports_page_finalize (GObject *object)
{
  OdReportsPage *self = OD_REPORTS_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (od_reports_page_parent_class)->finalize (object);
}

static void
od_reports_page_class_init (OdReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = od_reports_page_get_property;
  object_class->set_property = od_reports_page_set_property;
  object_class->dispose = od_reports_page_dispose;
  object_class->finalize = od_reports_page_finalize;
  widget_class->map = od_reports_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OD_TYPE_AGING_TABLE);
  g_type_ensure (OD_TYPE_TREND_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, aging_table);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, dso_group);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, risk_group);
  gtk_widget_class_bind_template_child (widget_class, OdReportsPage, outcomes_group);
}

static void
od_reports_page_init (OdReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->stale = TRUE;
  self->rows = g_ptr_array_new ();
}

/* Public API */

OdReportsPage *
od_reports_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_REPORTS_PAGE, "context", context, NULL);
}

void
od_reports_page_reload (OdReportsPage *self)
{
  g_return_if_fail (OD_IS_REPORTS_PAGE (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

gboolean
od_reports_page_is_loading (OdReportsPage *self)
{
  g_return_val_if_fail (OD_IS_REPORTS_PAGE (self), FALSE);

  return self->pending > 0 || self->stale;
}

OdAgingTable *
od_reports_page_get_aging_table (OdReportsPage *self)
{
  g_return_val_if_fail (OD_IS_REPORTS_PAGE (self), NULL);

  return self->aging_table;
}

OdTrendChart *
od_reports_page_get_trend_chart (OdReportsPage *self)
{
  g_return_val_if_fail (OD_IS_REPORTS_PAGE (self), NULL);

  return self->trend_chart;
}

guint
od_reports_page_get_n_risks (OdReportsPage *self)
{
  g_return_val_if_fail (OD_IS_REPORTS_PAGE (self), 0);

  return self->n_risks;
}

guint
od_reports_page_get_n_outcomes (OdReportsPage *self)
{
  g_return_val_if_fail (OD_IS_REPORTS_PAGE (self), 0);

  return self->n_outcomes;
}

void
od_reports_page_show_view (OdReportsPage *self,
                           const char    *name)
{
  g_return_if_fail (OD_IS_REPORTS_PAGE (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
