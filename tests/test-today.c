/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-dashboard.h"
#include "od-date.h"
#include "od-demo.h"
#include "od-report-aging.h"
#include "od-report-dso.h"
#include "od-report-risk.h"
#include "od-reports-page.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-today-page.h"
#include "od-window.h"

/* The dashboard on the demo ledger, in a real window under Xvfb. */

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
} Fixture;

static void
business_today (OdStore *store,
                GDate   *out)
{
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);
  const char *identifier = business != NULL ? od_business_get_time_zone (business) : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  now = g_date_time_new_now (zone);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  fixture->store = od_test_store_new (&fixture->tmpdir);
  /* The page reads the clock: the demo is made for the same day. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins the main loop until @done says so, failing after 10 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
today_idle (gpointer data)
{
  return !od_today_page_is_loading (data);
}

static gboolean
invoices_idle (gpointer data)
{
  return !od_invoices_page_is_loading (data);
}

static gboolean
view_idle (gpointer data)
{
  return !od_invoice_view_is_busy (data);
}

/* Saves what the window shows as a PNG in the build folder, for a person
 * to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR") ? g_getenv ("OD_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
screenshots (GtkWidget  *window,
             const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  settle (300);
  save_screenshot (window, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWidget *
window_page (OdWindow   *window,
             const char *name)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), OD_TYPE_WINDOW,
                                                              "stack"));

  return gtk_stack_get_child_by_name (stack, name);
}

/* The page shown once the stack's crossfade is over. */
static gboolean
stack_settled (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, OD_TYPE_WINDOW, "stack"));

  return !gtk_stack_get_transition_running (stack);
}

static OdWindow *
open_window (Fixture     *fixture,
             int          width,
             int          height,
             OdTodayPage **today)
{
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  *today = OD_TODAY_PAGE (window_page (window, OD_WINDOW_PAGE_TODAY));
  g_assert_true (OD_IS_TODAY_PAGE (*today));
  wait_until (invoices_idle, od_window_get_invoices_page (window));
  /* The window opens on Today, the page of the owner's morning. */
  g_assert_cmpstr (od_window_get_visible_page (window), ==, OD_WINDOW_PAGE_TODAY);
  wait_until (today_idle, *today);
  return window;
}

static OdReportAgingRow *
aging_total (OdReportAging *aging,
             const char    *currency)
{
  for (guint i = 0; i < aging->totals->len; i++)
    {
      OdReportAgingRow *total = g_ptr_array_index (aging->totals, i);

      if (g_strcmp0 (total->currency, currency) == 0)
        return total;
    }
  return NULL;
}

static void
test_today_figures (Fixture       *fixture,
                    gconstpointer  data)
{
  OdTodayPage *page = NULL;
  OdWindow *window;
  g_autoptr(OdReportAging) aging = NULL;
  g_autoptr(GError) error = NULL;
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_OVERDUE };
  g_autoptr(GArray) overdue = NULL;
  OdReportAgingRow *total;
  OdAgingChart *chart;
  GDate today, since, until;

  /* A promise broken yesterday: something needs the owner whatever the
   * hour (the demo's reviews wait for tomorrow once the send window has
   * closed for the day). */
  business_today (OD_STORE (fixture->store), &today);
  query.today = today;
  overdue = od_store_query_invoice_ids (OD_STORE (fixture->store), &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >, 0);
  since = today;
  g_date_subtract_days (&since, 10);
  until = today;
  g_date_subtract_days (&until, 1);
  g_assert_cmpint (od_store_insert_pause (OD_STORE (fixture->store), g_array_index (overdue, gint64, 0),
                                          OD_PAUSE_KIND_PROMISE, &since, &until, 0,
                                          "Will pay by Sunday", &error), >, 0);
  g_assert_no_error (error);
  window = open_window (fixture, 1100, 900, &page);
  aging = od_report_aging_new (OD_STORE (fixture->store), &today, NULL, 0, &error);
  g_assert_no_error (error);
  total = aging_total (aging, "EUR");
  g_assert_nonnull (total);
  g_assert_cmpint (total->open, >, 0);

  /* The figures are the report's. */
  g_assert_cmpint (od_today_page_get_outstanding (page, "EUR"), ==, total->open);
  g_assert_cmpint (od_today_page_get_overdue (page, "EUR"), ==, total->open - total->buckets[0]);
  g_assert_cmpint (od_today_page_get_overdue (page, "EUR"), >, 0);
  g_assert_cmpint (od_today_page_get_outstanding (page, "USD"), ==, 0);

  /* One chart for the one currency, five bars with the buckets' amounts. */
  chart = od_today_page_get_aging_chart (page, 0);
  g_assert_nonnull (chart);
  g_assert_null (od_today_page_get_aging_chart (page, 1));
  g_assert_cmpstr (od_aging_chart_get_currency (chart), ==, "EUR");
  g_assert_cmpuint (od_aging_chart_get_n_bars (chart), ==, 5);
  for (guint b = 0; b < 5; b++)
    g_assert_cmpint (od_aging_chart_get_amount (chart, b), ==, total->buckets[b]);

  /* The broken promise (and, in the day, the demo's reviews); what goes out next. */
  g_assert_cmpuint (od_today_page_get_n_needs (page), >, 0);
  g_assert_cmpuint (od_today_page_get_n_next (page), ==, 5);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", OD_WINDOW_PAGE_TODAY);
  g_assert_cmpstr (od_window_get_visible_page (window), ==, OD_WINDOW_PAGE_TODAY);
  wait_until (stack_settled, window);
  screenshots (GTK_WIDGET (window), "today-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  screenshots (GTK_WIDGET (window), "today-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_today_payment_updates (Fixture       *fixture,
                            gconstpointer  data)
{
  OdTodayPage *page = NULL;
  OdWindow *window = open_window (fixture, 1100, 800, &page);
  OdInvoicesPage *invoices = od_window_get_invoices_page (window);
  OdInvoiceView *view = od_invoices_page_get_view (invoices);
  g_autoptr(OdInvoice) invoice = NULL;
  g_autofree char *today_iso = NULL;
  gint64 outstanding = od_today_page_get_outstanding (page, "EUR");
  gint64 overdue = od_today_page_get_overdue (page, "EUR");
  gint64 part;
  GDate today;

  business_today (OD_STORE (fixture->store), &today);
  today_iso = od_date_to_iso (&today);
  /* The most overdue open invoice, paid in part through the view. */
  od_window_show_page (window, OD_WINDOW_PAGE_INVOICES);
  wait_until (stack_settled, window);
  od_invoices_page_open (invoices, 0);
  wait_until (view_idle, view);
  invoice = od_store_get_invoice (OD_STORE (fixture->store), od_invoice_view_get_id (view), NULL);
  g_assert_nonnull (invoice);
  g_assert_cmpstr (od_invoice_get_currency (invoice), ==, "EUR");
  part = od_invoice_get_outstanding (invoice) / 2;
  g_assert_cmpint (part, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "invoice.save-payment",
                                             "(xs)", part, today_iso));
  wait_until (view_idle, view);
  /* The window's ledger-changed marks the dashboard stale; shown, it reads. */
  g_assert_true (od_today_page_is_loading (page));
  od_window_show_page (window, OD_WINDOW_PAGE_TODAY);
  wait_until (today_idle, page);

  g_assert_cmpint (od_today_page_get_outstanding (page, "EUR"), ==, outstanding - part);
  g_assert_cmpint (od_today_page_get_overdue (page, "EUR"), ==, overdue - part);
  g_assert_cmpint (od_aging_chart_get_amount (od_today_page_get_aging_chart (page, 0), 0) +
                   od_aging_chart_get_amount (od_today_page_get_aging_chart (page, 0), 1) +
                   od_aging_chart_get_amount (od_today_page_get_aging_chart (page, 0), 2) +
                   od_aging_chart_get_amount (od_today_page_get_aging_chart (page, 0), 3) +
                   od_aging_chart_get_amount (od_today_page_get_aging_chart (page, 0), 4),
                   ==, outstanding - part);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_today_open_invoice (Fixture       *fixture,
                         gconstpointer  data)
{
  OdTodayPage *page = NULL;
  OdWindow *window = open_window (fixture, 1100, 800, &page);
  OdInvoiceView *view = od_invoices_page_get_view (od_window_get_invoices_page (window));
  g_autoptr(OdInvoice) invoice = g_list_model_get_item (od_invoices_page_get_invoices (od_window_get_invoices_page (window)), 2);

  g_assert_nonnull (invoice);
  od_window_show_page (window, OD_WINDOW_PAGE_TODAY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.open-invoice", "x",
                                             od_invoice_get_id (invoice)));
  g_assert_cmpstr (od_window_get_visible_page (window), ==, OD_WINDOW_PAGE_INVOICES);
  g_assert_cmpint (od_invoice_view_get_id (view), ==, od_invoice_get_id (invoice));
  wait_until (view_idle, view);

  /* A row that names a page goes there. */
  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-page", "s", OD_WINDOW_PAGE_LETTERS);
  g_assert_cmpstr (od_window_get_visible_page (window), ==, OD_WINDOW_PAGE_LETTERS);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
reports_idle (gpointer data)
{
  return !od_reports_page_is_loading (data);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!od_aging_table_export_finish (OD_AGING_TABLE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  *(gboolean *) g_object_get_data (source, "od-test-done") = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_today_reports_page (Fixture       *fixture,
                         gconstpointer  data)
{
  OdTodayPage *today = NULL;
  OdWindow *window = open_window (fixture, 1100, 800, &today);
  OdReportsPage *page = OD_REPORTS_PAGE (window_page (window, OD_WINDOW_PAGE_REPORTS));
  g_autoptr(OdReportAging) aging = NULL;
  g_autoptr(OdReportDso) dso = NULL;
  g_autoptr(OdReportRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  OdAgingTable *table;
  GListModel *rows;
  OdTrendChart *chart;
  GtkColumnViewColumn *customer_column;
  gboolean done = FALSE;
  GDate day, from;

  g_assert_true (OD_IS_REPORTS_PAGE (page));
  g_assert_true (od_reports_page_is_loading (page));
  od_window_show_page (window, OD_WINDOW_PAGE_REPORTS);
  wait_until (reports_idle, page);

  business_today (OD_STORE (fixture->store), &day);
  from = day;
  g_date_subtract_days (&from, 89);
  aging = od_report_aging_new (OD_STORE (fixture->store), &day, NULL, 0, &error);
  g_assert_no_error (error);
  dso = od_report_dso_new (OD_STORE (fixture->store), &from, &day, &error);
  g_assert_no_error (error);
  risk = od_report_risk_new (OD_STORE (fixture->store), &day, &error);
  g_assert_no_error (error);

  /* The aging table: a row per row of the report, sortable by customer. */
  table = od_reports_page_get_aging_table (page);
  rows = od_aging_table_get_rows (table);
  g_assert_cmpuint (aging->rows->len, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, aging->rows->len);
  customer_column = g_list_model_get_item (gtk_column_view_get_columns (od_aging_table_get_column_view (table)), 0);
  gtk_column_view_sort_by_column (od_aging_table_get_column_view (table), customer_column,
                                  GTK_SORT_DESCENDING);
  g_object_unref (customer_column);
  {
    g_autoptr(GObject) first = g_list_model_get_item (rows, 0);
    g_autoptr(GObject) last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);

    g_assert_cmpint (g_utf8_collate (od_aging_table_row_name (first), od_aging_table_row_name (last)), >, 0);
  }

  /* The DSO trend: the report's twelve months. */
  chart = od_reports_page_get_trend_chart (page);
  g_assert_cmpuint (od_trend_chart_get_n_points (chart), ==, OD_REPORT_DSO_MONTHS);
  for (guint m = 0; m < OD_REPORT_DSO_MONTHS; m++)
    {
      OdReportDsoRow *row = &g_array_index (dso->rows, OdReportDsoRow, 0);

      g_assert_cmpfloat (od_trend_chart_get_value (chart, m), ==, row->trend[m]);
    }
  g_assert_cmpuint (od_reports_page_get_n_risks (page), ==, risk->rows->len);
  g_assert_cmpuint (od_reports_page_get_n_outcomes (page), >, 0);

  /* Exported, the CSV holds a header, the customers and the totals. */
  path = g_build_filename (fixture->tmpdir, "aging.csv", NULL);
  file = g_file_new_for_path (path);
  g_object_set_data (G_OBJECT (table), "od-test-done", &done);
  od_aging_table_export_async (table, file, NULL, on_exported, &error);
  wait_until (flag_set, &done);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + aging->rows->len + aging->totals->len + 1);
  g_assert_true (g_str_has_prefix (lines[0], "kind,customer,name,currency,current,1-30,"));
  g_assert_true (g_str_has_prefix (lines[aging->rows->len + 1], "total,,,EUR,"));

  wait_until (stack_settled, window);
  screenshots (GTK_WIDGET (window), "reports-aging-wide");
  od_reports_page_show_view (page, "dso");
  screenshots (GTK_WIDGET (window), "reports-dso-wide");
  od_reports_page_show_view (page, "risk");
  screenshots (GTK_WIDGET (window), "reports-risk-wide");
  od_reports_page_show_view (page, "outcomes");
  screenshots (GTK_WIDGET (window), "reports-outcomes-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  screenshots (GTK_WIDGET (window), "reports-outcomes-narrow");
  od_reports_page_show_view (page, "dso");
  screenshots (GTK_WIDGET (window), "reports-dso-narrow");
  od_reports_page_show_view (page, "aging");
  screenshots (GTK_WIDGET (window), "reports-aging-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_item (GPtrArray  *items,
          gint64      invoice_id,
          const char *page)
{
  for (guint i = 0; i < items->len; i++)
    {
      OdDashboardItem *item = g_ptr_array_index (items, i);

      if (item->invoice_id == invoice_id && g_strcmp0 (item->page, page) == 0)
        return TRUE;
    }
  return FALSE;
}

/* What the page reads, without a window: a promise broken yesterday
 * shows in "Needs you", leading to its invoice; "Next out" is soonest
 * first. */
static void
test_today_dashboard_read (Fixture       *fixture,
                           gconstpointer  data)
{
  OdStore *store = OD_STORE (fixture->store);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(OdDashboard) before = NULL;
  g_autoptr(OdDashboard) after = NULL;
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_OVERDUE };
  g_autoptr(GArray) overdue = NULL;
  GDate since, until;

  before = od_dashboard_read (store, zone, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->next->len, <=, 5);

  query.today = before->today;
  overdue = od_store_query_invoice_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >, 0);
  invoice = od_store_get_invoice (store, g_array_index (overdue, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_false (has_item (before->needs, od_invoice_get_id (invoice), NULL));

  since = before->today;
  g_date_subtract_days (&since, 10);
  until = before->today;
  g_date_subtract_days (&until, 1);
  g_assert_cmpint (od_store_insert_pause (store, od_invoice_get_id (invoice), OD_PAUSE_KIND_PROMISE,
                                          &since, &until, 0, "Will pay by Sunday", &error), >, 0);
  g_assert_no_error (error);

  after = od_dashboard_read (store, zone, now, &error);
  g_assert_no_error (error);
  g_assert_true (has_item (after->needs, od_invoice_get_id (invoice), NULL));
  g_assert_cmpuint (after->needs->len, ==, before->needs->len + 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/today/dashboard-read", Fixture, NULL,
              fixture_setup, test_today_dashboard_read, fixture_teardown);
  g_test_add ("/od/today/figures", Fixture, NULL,
              fixture_setup, test_today_figures, fixture_teardown);
  g_test_add ("/od/today/payment-updates", Fixture, NULL,
              fixture_setup, test_today_payment_updates, fixture_teardown);
  g_test_add ("/od/today/open-invoice", Fixture, NULL,
              fixture_setup, test_today_open_invoice, fixture_teardown);

  g_test_add ("/od/today/reports-page", Fixture, NULL,
              fixture_setup, test_today_reports_page, fixture_teardown);

  return g_test_run ();
}
