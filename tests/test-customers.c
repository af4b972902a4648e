/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <sqlite3.h>

#include "od-customer-editor.h"
#include "od-customer-view.h"
#include "od-demo.h"
#include "od-dunning.h"
#include "od-report-risk.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-window.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
  OdStore       *s;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  /* The page judges risk as of the real date: the demo is made for it. */
  g_date_set_time_t (&today, time (NULL));
  fixture->store = od_test_store_new (&fixture->tmpdir);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
  fixture->s = OD_STORE (fixture->store);
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
has_items (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

static gboolean
invoices_idle (gpointer data)
{
  return !od_invoices_page_is_loading (data);
}

static gboolean
view_idle (gpointer data)
{
  return !od_customer_view_is_loading (data);
}

/* Saves what @widget shows as a PNG in the build folder, to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int width = 0;
  int height = 0;

  /* A window just shown may not have its size yet: wait a few frames. */
  for (guint i = 0; i < 60 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width == 0 || height == 0)
        {
          settle (50);
          continue;
        }

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle (50);
    }
  if (node == NULL)
    g_test_message ("nothing drawn: %d x %d, mapped %d", width, height, gtk_widget_get_mapped (widget));
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
screenshots (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  settle (300);
  save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static OdWindow *
open_customers (Fixture *fixture,
                int      width)
{
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (has_items, od_window_get_customers (window));
  wait_until (has_items, od_invoices_page_get_invoices (od_window_get_invoices_page (window)));
  wait_until (invoices_idle, od_window_get_invoices_page (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "customers");
  settle (300);
  return window;
}

/* Shows customer @id as clicking it in the list does; its position. */
static guint
select_customer (OdWindow *window,
                 gint64    id)
{
  GListModel *customers = od_window_get_customers (window);
  OdCustomersPage *page = od_window_get_customers_page (window);

  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(OdCustomer) customer = g_list_model_get_item (customers, i);

      if (od_customer_get_id (customer) != id)
        continue;
      od_customers_page_select (page, i);
      wait_until (view_idle, od_customers_page_get_view (page));
      return i;
    }
  g_assert_not_reached ();
}

static gboolean
list_has (GListModel *customers,
          gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(OdCustomer) customer = g_list_model_get_item (customers, i);

      if (od_customer_get_id (customer) == id)
        return TRUE;
    }
  return FALSE;
}

/* The open invoices of @customer_id the plan would chase (due or later). */
static guint
n_chased (OdStore *store,
          gint64   customer_id)
{
  g_autoptr(OdDunningSnapshot) snapshot = od_store_load_dunning_snapshot (store, NULL);
  g_autoptr(OdPolicy) policy = od_store_get_effective_policy (store, 0, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(OdDunningPlan) plan = od_dunning_plan (snapshot, policy, zone, now);
  guint n = 0;

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->customer_id == customer_id &&
          (action->status == OD_ACTION_DUE || action->status == OD_ACTION_SCHEDULED))
        n++;
    }
  return n;
}

/* The first widget under @root of the type named @type_name. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type_name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  OdInvoicesPage *page;
  gint64          id;
} InvoiceWait;

static gboolean
invoice_opened (gpointer data)
{
  InvoiceWait *wait = data;

  return od_invoice_view_get_id (od_invoices_page_get_view (wait->page)) == wait->id;
}

static void
test_customers_detail (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *badges[] = { "Low risk", "Medium risk", "High risk" };
  g_autoptr(OdReportRisk) report = NULL;
  g_autoptr(GError) error = NULL;
  OdReportRiskRow *expected = NULL;
  const OdReportRiskRow *shown;
  OdCustomerView *view;
  OdWindow *window;
  OdInvoiceQuery query = { 0 };
  InvoiceWait invoice_wait = { NULL, 0 };
  GDate today;

  /* The customer the report judges gravest, with the most reasons. */
  g_date_set_time_t (&today, time (NULL));
  report = od_report_risk_new (fixture->s, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->rows->len; i++)
    {
      OdReportRiskRow *row = g_ptr_array_index (report->rows, i);

      if (expected == NULL || row->level > expected->level ||
          (row->level == expected->level && row->reasons->len > expected->reasons->len))
        expected = row;
    }
  g_assert_nonnull (expected);
  g_assert_cmpint (expected->level, ==, OD_RISK_HIGH);

  /* Two lines of its communications log (the demo has sent nothing yet),
   * written as the outbox writes them. */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO communications (customer_id, invoice_id, channel, at, summary, outcome) VALUES"
      " (%" G_GINT64_FORMAT ", NULL, 'email', '2026-11-02T09:00:00Z', 'Statement of account', 'delivered'),"
      " (%" G_GINT64_FORMAT ", NULL, 'call', '2026-11-10T14:30:00Z', 'Promised to pay on Friday', 'promise')",
      expected->customer_id, expected->customer_id);

    g_assert_cmpint (sqlite3_open (od_sqlite_store_get_path (fixture->store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  window = open_customers (fixture, 1200);
  select_customer (window, expected->customer_id);
  view = od_customers_page_get_view (od_window_get_customers_page (window));

  /* The badge and the reasons are the report's for this customer. */
  shown = od_customer_view_get_risk (view);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->customer_id, ==, expected->customer_id);
  g_assert_cmpint (shown->level, ==, expected->level);
  g_assert_cmpstr (gtk_label_get_label (od_customer_view_get_badge (view)), ==, badges[expected->level]);
  g_assert_cmpuint (shown->reasons->len, ==, expected->reasons->len);
  g_assert_cmpuint (shown->reasons->len, >, 0);
  for (guint i = 0; i < expected->reasons->len; i++)
    g_assert_cmpstr (((OdRiskReason *) g_ptr_array_index (shown->reasons, i))->text, ==,
                     ((OdRiskReason *) g_ptr_array_index (expected->reasons, i))->text);
  /* The behaviour figures too. */
  g_assert_cmpint (shown->on_time_bp, ==, expected->on_time_bp);
  g_assert_cmpint (shown->promise_kept_bp, ==, expected->promise_kept_bp);
  g_assert_true (shown->avg_days_beyond == expected->avg_days_beyond ||
                 (isnan (shown->avg_days_beyond) && isnan (expected->avg_days_beyond)));

  g_assert_cmpuint (od_customer_view_get_n_messages (view), ==, 2);

  /* Its invoices, and only its. */
  query.customer_id = expected->customer_id;
  g_assert_cmpuint (od_customer_view_get_invoices (view)->len, ==,
                    MIN (50, od_store_count_invoices (fixture->s, &query, NULL)));
  g_assert_cmpuint (od_customer_view_get_invoices (view)->len, >, 0);
  for (guint i = 0; i < od_customer_view_get_invoices (view)->len; i++)
    g_assert_cmpint (od_invoice_get_customer_id (g_ptr_array_index (od_customer_view_get_invoices (view), i)),
                     ==, expected->customer_id);

  screenshots (GTK_WIDGET (window), "customer-detail-wide");
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_widget (GTK_WIDGET (view), "GtkScrolledWindow"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adjustment, 900);
    screenshots (GTK_WIDGET (window), "customer-detail-lower-wide");
    gtk_adjustment_set_value (adjustment, 1800);
    screenshots (GTK_WIDGET (window), "customer-detail-bottom-wide");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* The ladder: the business's always (a copy of its own), then back. */
  {
    AdwComboRow *ladder = ADW_COMBO_ROW (find_widget (GTK_WIDGET (view), "OdCustomerPolicyRow"));
    g_autoptr(OdPolicy) own = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (ladder), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ladder)), >=, 2);
    adw_combo_row_set_selected (ladder, 1);
    wait_until (view_idle, view);
    own = od_store_get_policy (fixture->s, expected->customer_id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (own);
    g_clear_object (&own);
    settle (200);
    wait_until (view_idle, view);
    g_assert_cmpuint (adw_combo_row_get_selected (ladder), ==,
                      g_list_model_get_n_items (adw_combo_row_get_model (ladder)) - 1);
    adw_combo_row_set_selected (ladder, 0);
    wait_until (view_idle, view);
    own = od_store_get_policy (fixture->s, expected->customer_id, &error);
    g_assert_no_error (error);
    g_assert_null (own);
  }

  /* Clicking an invoice opens it in the Invoices page. */
  {
    OdInvoice *invoice = g_ptr_array_index (od_customer_view_get_invoices (view), 0);
    OdInvoicesPage *invoices = od_window_get_invoices_page (window);

    gtk_widget_activate_action (GTK_WIDGET (view), "win.show-invoice", "s", od_invoice_get_number (invoice));
    g_assert_cmpstr (od_window_get_visible_page (window), ==, "invoices");
    invoice_wait.page = invoices;
    invoice_wait.id = od_invoice_get_id (invoice);
    wait_until (invoice_opened, &invoice_wait);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "customers");
    od_invoices_page_set_search (invoices, "");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  settle (300);
  screenshots (GTK_WIDGET (window), "customer-detail-narrow");
  gtk_widget_activate_action (GTK_WIDGET (od_window_get_customers_page (window)), "customers.show-list", NULL);
  screenshots (GTK_WIDGET (window), "customers-list-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
editor_closed (gpointer data)
{
  return od_customers_page_get_editor (data) == NULL;
}

static void
type_into (OdCustomerEditor *editor,
           const char       *key,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (od_customer_editor_get_entry (editor, key)), text);
}

static void
test_customers_create_edit (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *keys[] = { "ref", "name", "country", "billing-email", "billing-phone",
                         "credit-limit", "credit-currency", "language", "time-zone" };
  OdWindow *window = open_customers (fixture, 1200);
  OdCustomersPage *page = od_window_get_customers_page (window);
  g_autoptr(OdCustomer) stored = NULL;
  OdContact *billing;
  OdCustomerEditor *editor;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "customers.new", NULL);
  editor = OD_CUSTOMER_EDITOR (od_customers_page_get_editor (page));
  g_assert_nonnull (editor);
  type_into (editor, "ref", "C-NEW-1");
  type_into (editor, "name", "Birch & Daughters");
  type_into (editor, "country", "DE");
  type_into (editor, "billing-name", "Ada Birch");
  type_into (editor, "billing-email", "ada at birch");
  type_into (editor, "billing-phone", "030 1234567");
  type_into (editor, "credit-limit", "2500.50");
  type_into (editor, "credit-currency", "EUR");

  /* Refused: the messages sit under their fields, nothing is stored. */
  g_assert_false (od_customer_editor_save (editor));
  g_assert_nonnull (od_customer_editor_get_error (editor, "billing-email"));
  g_assert_nonnull (strstr (od_customer_editor_get_error (editor, "billing-email"), "ada at birch"));
  g_assert_nonnull (od_customer_editor_get_error (editor, "billing-phone"));
  g_assert_null (od_customer_editor_get_error (editor, "name"));
  g_assert_null (od_customer_editor_get_error (editor, "credit-limit"));
  settle (200);
  save_screenshot (GTK_WIDGET (editor), "customer-editor-invalid-light");
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (GTK_WIDGET (editor), "customer-editor-invalid-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_assert_null (od_store_find_customer (fixture->s, "C-NEW-1", &error));
  g_assert_no_error (error);

  /* Typing into a field clears its message; fixed, it saves. */
  type_into (editor, "billing-email", "ada@birch.example");
  g_assert_null (od_customer_editor_get_error (editor, "billing-email"));
  type_into (editor, "billing-phone", "+49 30 1234567");
  if (!od_customer_editor_save (editor))
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_test_message ("%s: %s", keys[i], od_customer_editor_get_error (editor, keys[i]));
  g_assert_null (od_customer_editor_get_error (editor, "billing-phone"));
  g_assert_true (od_customer_editor_is_saving (editor));
  wait_until (editor_closed, page);

  stored = od_store_find_customer (fixture->s, "C-NEW-1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (od_customer_get_name (stored), ==, "Birch & Daughters");
  g_assert_cmpint (od_customer_get_credit_limit (stored), ==, 250050);
  billing = od_customer_get_contact_for_role (stored, OD_CONTACT_ROLE_BILLING);
  g_assert_cmpstr (od_contact_get_email (billing), ==, "ada@birch.example");
  g_assert_cmpstr (od_contact_get_phone (billing), ==, "+49 30 1234567");
  /* The view shows the new customer. */
  wait_until (view_idle, od_customers_page_get_view (page));
  g_assert_cmpint (od_customer_get_id (od_customer_view_get_customer (od_customers_page_get_view (page))),
                   ==, od_customer_get_id (stored));

  /* A second billing contact (as an import writes it), which the editor
   * does not show and must keep. */
  {
    g_autoptr(OdContact) second = od_contact_new ();

    od_contact_set_name (second, "Accounts desk");
    od_contact_set_email (second, "accounts@birch.example");
    od_customer_add_contact (stored, second);
    od_store_update_customer (fixture->s, stored, &error);
    g_assert_no_error (error);
    od_context_ledger_changed (fixture->context);
    settle (100);
    wait_until (view_idle, od_customers_page_get_view (page));
  }

  /* Edit: the draft starts from what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.edit", NULL);
  editor = OD_CUSTOMER_EDITOR (od_customers_page_get_editor (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (od_customer_editor_get_entry (editor, "billing-email"))),
                   ==, "ada@birch.example");
  type_into (editor, "name", "Birch & Sons");
  type_into (editor, "country", "Germany");
  g_assert_false (od_customer_editor_save (editor));
  g_assert_nonnull (od_customer_editor_get_error (editor, "country"));
  type_into (editor, "country", "AT");
  if (!od_customer_editor_save (editor))
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_test_message ("%s: %s", keys[i], od_customer_editor_get_error (editor, keys[i]));
  g_assert_true (od_customer_editor_is_saving (editor));
  wait_until (editor_closed, page);
  g_clear_object (&stored);
  stored = od_store_find_customer (fixture->s, "C-NEW-1", &error);
  g_assert_cmpstr (od_customer_get_name (stored), ==, "Birch & Sons");
  g_assert_cmpstr (od_customer_get_country (stored), ==, "AT");
  g_assert_cmpint (od_customer_get_credit_limit (stored), ==, 250050);
  g_assert_cmpuint (g_list_model_get_n_items (od_customer_get_contacts (stored)), ==, 2);
  billing = od_customer_get_contact_for_role (stored, OD_CONTACT_ROLE_BILLING);
  g_assert_cmpstr (od_contact_get_email (billing), ==, "ada@birch.example");

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  OdStore *store;
  gint64   id;
  gboolean archived;
} ArchivedWait;

static gboolean
archived_is (gpointer data)
{
  ArchivedWait *wait = data;
  g_autoptr(OdCustomer) customer = od_store_get_customer (wait->store, wait->id, NULL);

  return customer != NULL && od_customer_get_archived (customer) == wait->archived;
}

static void
assert_same_customer (OdCustomer *a,
                      OdCustomer *b)
{
  OdContact *ca = od_customer_get_contact_for_role (a, OD_CONTACT_ROLE_BILLING);
  OdContact *cb = od_customer_get_contact_for_role (b, OD_CONTACT_ROLE_BILLING);

  g_assert_cmpint (od_customer_get_id (a), ==, od_customer_get_id (b));
  g_assert_cmpstr (od_customer_get_ref (a), ==, od_customer_get_ref (b));
  g_assert_cmpstr (od_customer_get_name (a), ==, od_customer_get_name (b));
  g_assert_cmpstr (od_customer_get_city (a), ==, od_customer_get_city (b));
  g_assert_cmpint (od_customer_get_credit_limit (a), ==, od_customer_get_credit_limit (b));
  g_assert_cmpint (od_customer_get_archived (a), ==, od_customer_get_archived (b));
  g_assert_cmpint (od_customer_get_do_not_chase (a), ==, od_customer_get_do_not_chase (b));
  g_assert_cmpint (od_contact_get_id (ca), ==, od_contact_get_id (cb));
  g_assert_cmpstr (od_contact_get_email (ca), ==, od_contact_get_email (cb));
}

static void
test_customers_delete_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(OdCustomer) before = od_test_add_customer (fixture->s, "C-GONE", "Gone Ltd");
  g_autoptr(OdCustomer) second = od_test_add_customer (fixture->s, "C-GONE-2", "Gone Too Ltd");
  g_autoptr(OdContact) contact = od_contact_new ();
  g_autoptr(OdCustomer) after = NULL;
  g_autoptr(GError) error = NULL;
  ArchivedWait wait = { fixture->s, 0, TRUE };
  OdCustomersPage *page;
  GListModel *customers;
  OdWindow *window;

  od_contact_set_name (contact, "Gina");
  od_contact_set_email (contact, "gina@gone.example");
  od_customer_add_contact (before, contact);
  od_customer_set_city (before, "Bremen");
  od_customer_set_credit_limit (before, 100000);
  od_customer_set_credit_currency (before, "EUR");
  od_store_update_customer (fixture->s, before, &error);
  g_assert_no_error (error);
  g_clear_object (&before);
  before = od_store_find_customer (fixture->s, "C-GONE", &error);

  window = open_customers (fixture, 1200);
  page = od_window_get_customers_page (window);
  customers = od_window_get_customers (window);
  select_customer (window, od_customer_get_id (before));

  /* Deleted: gone from the list at once, with a toast to undo it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.delete", NULL);
  wait.id = od_customer_get_id (before);
  wait_until (archived_is, &wait);
  settle (300);
  g_assert_false (list_has (customers, wait.id));
  save_screenshot (GTK_WIDGET (window), "customer-deleted-toast-light");

  gtk_widget_activate_action (GTK_WIDGET (page), "customers.undo-delete", "x", wait.id);
  wait.archived = FALSE;
  wait_until (archived_is, &wait);
  settle (300);
  g_assert_true (list_has (customers, wait.id));
  after = od_store_get_customer (fixture->s, wait.id, &error);
  g_assert_no_error (error);
  assert_same_customer (before, after);

  /* Without Undo, the delete is committed when the window goes. */
  select_customer (window, od_customer_get_id (second));
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.delete", NULL);
  wait.id = od_customer_get_id (second);
  wait.archived = TRUE;
  wait_until (archived_is, &wait);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (300);
  g_assert_null (od_store_get_customer (fixture->s, wait.id, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static void
test_customers_refuse_archive (Fixture       *fixture,
                               gconstpointer  data)
{
  OdWindow *window = open_customers (fixture, 1200);
  OdCustomersPage *page = od_window_get_customers_page (window);
  GListModel *customers = od_window_get_customers (window);
  OdInvoiceQuery query = { 0 };
  ArchivedWait wait = { fixture->s, 0, TRUE };
  g_autoptr(OdCustomer) stored = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  gint64 n_invoices = 0;

  /* A customer the plan chases. */
  for (guint i = 0; i < g_list_model_get_n_items (customers) && wait.id == 0; i++)
    {
      g_autoptr(OdCustomer) customer = g_list_model_get_item (customers, i);

      if (n_chased (fixture->s, od_customer_get_id (customer)) > 0)
        wait.id = od_customer_get_id (customer);
    }
  g_assert_cmpint (wait.id, !=, 0);
  query.customer_id = wait.id;
  n_invoices = od_store_count_invoices (fixture->s, &query, NULL);
  select_customer (window, wait.id);

  gtk_widget_activate_action (GTK_WIDGET (page), "customers.delete", NULL);
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  stored = od_store_get_customer (fixture->s, wait.id, NULL);
  heading = g_strdup_printf ("%s has %" G_GINT64_FORMAT " invoice%s, so it cannot be deleted.",
                             od_customer_get_name (stored), n_invoices, n_invoices == 1 ? "" : "s");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Customer Has Invoices");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), heading));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Archive it instead"));
  settle (200);
  save_screenshot (GTK_WIDGET (dialog), "customer-delete-refused-light");
  /* Nothing changed yet. */
  g_assert_false (od_customer_get_archived (stored));

  adw_message_dialog_response (dialog, "archive");
  wait_until (archived_is, &wait);
  settle (300);
  g_assert_false (list_has (customers, wait.id));
  g_clear_object (&stored);
  stored = od_store_get_customer (fixture->s, wait.id, NULL);
  g_assert_true (od_customer_get_do_not_chase (stored));
  g_assert_cmpuint (n_chased (fixture->s, wait.id), ==, 0);
  /* Its invoices are all still there. */
  g_assert_cmpint (od_store_count_invoices (fixture->s, &query, NULL), ==, n_invoices);

  /* Shown again with the archived ones, and unarchived from there. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (page), "GtkToggleButton")), TRUE);
  settle (300);
  g_assert_true (list_has (customers, wait.id));
  select_customer (window, wait.id);
  save_screenshot (GTK_WIDGET (window), "customer-archived-light");
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.unarchive", NULL);
  wait.archived = FALSE;
  wait_until (archived_is, &wait);

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add ("/od/customers/detail", Fixture, NULL,
              fixture_setup, test_customers_detail, fixture_teardown);
  g_test_add ("/od/customers/create-edit", Fixture, NULL,
              fixture_setup, test_customers_create_edit, fixture_teardown);
  g_test_add ("/od/customers/delete-undo", Fixture, NULL,
              fixture_setup, test_customers_delete_undo, fixture_teardown);
  g_test_add ("/od/customers/refuse-archive", Fixture, NULL,
              fixture_setup, test_customers_refuse_archive, fixture_teardown);

  return g_test_run ();
}
