/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-collection.h"
#include "od-invoice-view.h"
#include "od-invoices-page.h"
#include "od-pdf-preview.h"
#include "od-test-invoice-ui.h"

typedef struct
{
  GtkWindow      *window;
  OdInvoicesPage *page;
  OdInvoiceView  *view;
} Ui;

static gboolean
view_idle (gpointer data)
{
  return !od_invoice_view_is_busy (data);
}

static gboolean
page_idle (gpointer data)
{
  return !od_invoices_page_is_loading (data);
}

static void
open_page (Fixture *fixture,
           Ui      *ui,
           int      width)
{
  ui->window = GTK_WINDOW (gtk_window_new ());
  ui->page = od_invoices_page_new (fixture->context);
  ui->view = od_invoices_page_get_view (ui->page);
  gtk_window_set_child (ui->window, GTK_WIDGET (ui->page));
  gtk_window_set_default_size (ui->window, width, 900);
  gtk_window_present (ui->window);
  wait_until (page_idle, ui->page);
}

static void
show_invoice (Ui     *ui,
              gint64  id)
{
  od_invoices_page_show_invoice (ui->page, id);
  wait_until (view_idle, ui->view);
  settle (100);
}

static void
activate (Ui         *ui,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (ui->view), action, parameter));
  wait_until (view_idle, ui->view);
  settle (100);
}

/* Whether a row titled @title shows anywhere under @widget. */
static gboolean
has_row (GtkWidget  *widget,
         const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row (child, title))
      return TRUE;
  return FALSE;
}

/* An open invoice with no payment and nothing sent, and one whose next
 * step is planned for later (unpaused, so it may be sent now). */
static gint64
fresh_invoice (Fixture    *fixture,
               const char *number)
{
  OdCustomerQuery query = { NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = od_store_query_customer_ids (fixture->s, &query, &error);
  g_autoptr(OdCustomer) customer = od_store_get_customer (fixture->s, g_array_index (ids, gint64, 0), &error);
  g_autoptr(OdInvoice) invoice = od_test_add_invoice (fixture->s, customer, number, "2026-01-05",
                                                      "2026-02-04", 120000, "EUR");

  return od_invoice_get_id (invoice);
}

static gint64
scheduled_invoice (Fixture *fixture,
                   gint64   other_than)
{
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  plan = od_collection_plan (fixture->s, NULL, now, OD_COLLECTION_FLAGS_NONE, &snapshot, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == OD_ACTION_SCHEDULED && action->invoice_id != other_than &&
          !g_str_has_prefix (action->step, "instalment"))
        return action->invoice_id;
    }
  g_assert_not_reached ();
}

static OdInvoiceStatus
status_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoice) invoice = od_store_get_invoice (fixture->s, id, &error);

  g_assert_no_error (error);
  return od_invoice_get_status (invoice);
}

typedef struct
{
  Fixture         *fixture;
  gint64           id;
  OdInvoiceStatus  status;
} StatusWait;

static gboolean
status_is (gpointer data)
{
  StatusWait *wait = data;

  return status_of (wait->fixture, wait->id) == wait->status;
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

/* Delete, then Undo: the invoice is back as it was. Delete without Undo:
 * gone once the window closes. One with payments: refused, kept. */
static void
test_invoice_actions_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 id = fresh_invoice (fixture, "T-DEL-1");
  StatusWait wait = { fixture, id, OD_INVOICE_STATUS_VOID };
  g_autoptr(OdInvoice) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) paid = NULL;
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_PAID };
  AdwMessageDialog *dialog;
  Ui ui;

  open_page (fixture, &ui, 1000);
  show_invoice (&ui, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui.view), "invoice.delete", NULL));
  wait_until (status_is, &wait);
  wait_until (view_idle, ui.view);
  settle (300);
  save_screenshot (GTK_WIDGET (ui.window), "invoice-deleted-toast-light");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui.page), "invoices.undo-delete", "x", id));
  wait.status = OD_INVOICE_STATUS_OPEN;
  wait_until (status_is, &wait);
  settle (200);

  /* Paid: refused with a reason, and nothing changes. */
  paid = od_store_query_invoice_ids (fixture->s, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paid->len, >, 0);
  show_invoice (&ui, g_array_index (paid, gint64, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui.view), "invoice.delete", NULL));
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "payment"));
  save_screenshot (GTK_WIDGET (dialog), "invoice-delete-refused-light");
  g_assert_cmpint (status_of (fixture, g_array_index (paid, gint64, 0)), ==, OD_INVOICE_STATUS_PAID);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Without Undo: deleted for good when the window goes. */
  show_invoice (&ui, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui.view), "invoice.delete", NULL));
  wait.status = OD_INVOICE_STATUS_VOID;
  wait_until (status_is, &wait);
  wait_until (view_idle, ui.view);
  gtk_window_destroy (ui.window);
  settle (300);
  gone = od_store_get_invoice (fixture->s, id, &error);
  g_assert_null (gone);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND);
}

static guint
outbox_rows_about (OdStore *store,
                   gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInvoice) invoice = od_store_get_invoice (store, id, &error);
  g_autoptr(GPtrArray) rows = od_store_outbox_list (store, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->invoices != NULL &&
          g_strv_contains ((const char * const *) row->invoices, od_invoice_get_number (invoice)))
        n++;
    }
  return n;
}

static gboolean
has_pause (Fixture     *fixture,
           gint64       id,
           OdPauseKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pauses = od_store_list_pauses (fixture->s, id, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < pauses->len; i++)
    if (((OdDunningPause *) g_ptr_array_index (pauses, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* Send the next reminder now; a promise to pay and a payment plan, stored
 * and shown in the timeline; a promise stops "send now". */
static void
test_invoice_actions_arrangements (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 id = scheduled_invoice (fixture, 0);
  gint64 other = scheduled_invoice (fixture, id);
  guint before = outbox_rows_about (fixture->s, id);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 7);
  g_autofree char *date = g_date_time_format (soon, "%Y-%m-%d");
  Ui ui;

  open_page (fixture, &ui, 1000);
  show_invoice (&ui, id);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (ui.view)));
  activate (&ui, "invoice.send-now", NULL);
  g_assert_cmpuint (outbox_rows_about (fixture->s, id), ==, before + 1);

  g_assert_false (has_pause (fixture, id, OD_PAUSE_KIND_PROMISE));
  g_assert_false (has_row (GTK_WIDGET (ui.view), "Promised to pay"));
  activate (&ui, "invoice.save-promise", g_variant_new ("(xs)", (gint64) 0, date));
  g_assert_true (has_pause (fixture, id, OD_PAUSE_KIND_PROMISE));
  g_assert_true (has_row (GTK_WIDGET (ui.view), "Promised to pay"));

  g_assert_true (scroll_to_end (GTK_WIDGET (ui.view)));
  settle (300);
  save_screenshot (GTK_WIDGET (ui.window), "invoice-view-promise-light");
  set_dark (TRUE);
  save_screenshot (GTK_WIDGET (ui.window), "invoice-view-promise-dark");
  set_dark (FALSE);

  /* Promised: the engine holds the next step back, so does "send now". */
  before = outbox_rows_about (fixture->s, id);
  activate (&ui, "invoice.send-now", NULL);
  g_assert_cmpuint (outbox_rows_about (fixture->s, id), ==, before);

  show_invoice (&ui, other);
  g_assert_false (has_row (GTK_WIDGET (ui.view), "Instalment 1 of 3"));
  activate (&ui, "invoice.save-plan", g_variant_new ("(uus)", 3u, 30u, date));
  g_assert_true (has_row (GTK_WIDGET (ui.view), "Instalment 1 of 3"));
  g_assert_true (has_row (GTK_WIDGET (ui.view), "Instalment 3 of 3"));
  gtk_window_set_default_size (ui.window, 360, 900);
  settle (400);
  g_assert_true (scroll_to_end (GTK_WIDGET (ui.view)));
  settle (300);
  save_screenshot (GTK_WIDGET (ui.window), "invoice-view-plan-narrow-light");
  gtk_window_destroy (ui.window);
}

static OdPdfPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OD_IS_PDF_PREVIEW (window))
        return OD_PDF_PREVIEW (window);
    }
  return NULL;
}

static gboolean
preview_loaded (gpointer data)
{
  return !od_pdf_preview_is_loading (data);
}

/* The preview renders the invoice, the final notice and the statement. */
static void
test_invoice_actions_preview (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = scheduled_invoice (fixture, 0);
  OdPdfPreview *preview;
  GBytes *bytes;
  Ui ui;

  open_page (fixture, &ui, 1000);
  show_invoice (&ui, id);
  g_assert_null (find_preview ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui.view), "invoice.preview", NULL));
  preview = find_preview ();
  g_assert_nonnull (preview);
  wait_until (preview_loaded, preview);
  g_assert_cmpuint (od_pdf_preview_get_n_pages (preview), >, 0);
  bytes = od_pdf_preview_get_bytes (preview);
  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_get_size (bytes) > 4 &&
                 memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  settle (300);
  save_screenshot (GTK_WIDGET (preview), "invoice-preview-light");

  od_pdf_preview_show (preview, OD_PDF_PREVIEW_FINAL_NOTICE);
  g_assert_true (od_pdf_preview_is_loading (preview));
  wait_until (preview_loaded, preview);
  g_assert_cmpuint (od_pdf_preview_get_n_pages (preview), >, 0);
  settle (300);
  set_dark (TRUE);
  save_screenshot (GTK_WIDGET (preview), "invoice-preview-final-notice-dark");
  set_dark (FALSE);

  od_pdf_preview_show (preview, OD_PDF_PREVIEW_STATEMENT);
  wait_until (preview_loaded, preview);
  g_assert_cmpuint (od_pdf_preview_get_n_pages (preview), >, 0);
  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (ui.window);
  settle (100);
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
visible_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      n += gtk_column_view_column_get_visible (column);
    }
  return n;
}

static guint
columns_at (Fixture *fixture,
            int      width,
            gboolean screenshot)
{
  Ui ui;
  guint n;

  open_page (fixture, &ui, width);
  settle (400);
  n = visible_columns (find_column_view (GTK_WIDGET (ui.page)));
  /* The page fits the window, down to 360 px. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui.page)), ==, width);
  if (screenshot)
    {
      save_screenshot (GTK_WIDGET (ui.window), "invoices-narrow-light");
      set_dark (TRUE);
      save_screenshot (GTK_WIDGET (ui.window), "invoices-narrow-dark");
      set_dark (FALSE);
    }
  gtk_window_destroy (ui.window);
  settle (100);
  return n;
}

/* Narrow, the list keeps the columns that matter; wide, all. */
static void
test_invoice_actions_narrow_columns (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_assert_cmpuint (columns_at (fixture, 1000, FALSE), ==, 7);
  g_assert_cmpuint (columns_at (fixture, 560, FALSE), ==, 5);
  g_assert_cmpuint (columns_at (fixture, 360, TRUE), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add ("/od/invoice-actions/delete", Fixture, NULL,
              fixture_setup, test_invoice_actions_delete, fixture_teardown);
  g_test_add ("/od/invoice-actions/arrangements", Fixture, NULL,
              fixture_setup, test_invoice_actions_arrangements, fixture_teardown);
  g_test_add ("/od/invoice-actions/preview", Fixture, NULL,
              fixture_setup, test_invoice_actions_preview, fixture_teardown);

  g_test_add ("/od/invoice-actions/narrow-columns", Fixture, NULL,
              fixture_setup, test_invoice_actions_narrow_columns, fixture_teardown);

  return g_test_run ();
}
