/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-invoice-editor.h"
#include "od-invoices-page.h"
#include "od-test-invoice-ui.h"

static gboolean
editor_loaded (gpointer data)
{
  return !od_invoice_editor_is_loading (data);
}

static void
type_into (AdwEntryRow *entry,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
type_line (OdInvoiceEditor *editor,
           guint            line,
           const char      *description,
           const char      *quantity,
           const char      *price,
           const char      *tax)
{
  type_into (od_invoice_editor_get_line_entry (editor, line, "description"), description);
  type_into (od_invoice_editor_get_line_entry (editor, line, "quantity"), quantity);
  type_into (od_invoice_editor_get_line_entry (editor, line, "unit-price"), price);
  type_into (od_invoice_editor_get_line_entry (editor, line, "tax-rate"), tax);
}

static gint64
first_customer (OdStore *store)
{
  OdCustomerQuery query = { NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = od_store_query_customer_ids (store, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 1);
  return g_array_index (ids, gint64, 1);
}

static gint64
count_invoices (OdStore *store)
{
  OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL };
  g_autoptr(GError) error = NULL;
  gint64 n = od_store_count_invoices (store, &query, &error);

  g_assert_no_error (error);
  return n;
}

static OdInvoiceEditor *
open_editor (Fixture *fixture,
             gint64   invoice_id)
{
  OdInvoiceEditor *editor = od_invoice_editor_new (fixture->context, invoice_id);

  gtk_window_present (GTK_WINDOW (editor));
  wait_until (editor_loaded, editor);
  return editor;
}

/* A new invoice: the number suggested, two lines, the total worked out as
 * typed; an amount that is not one shows its message and saves nothing;
 * then it is stored with that total, and edited. */
static void
test_invoice_editor_create (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(OdInvoice) stored = NULL;
  g_autoptr(OdInvoice) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  gint64 customer_id = first_customer (fixture->s);
  gint64 before = count_invoices (fixture->s);
  OdInvoiceEditor *editor = open_editor (fixture, 0);
  GListModel *lines;

  number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (od_invoice_editor_get_entry (editor, "number"))));
  g_assert_cmpstr (number, !=, "");
  g_assert_null (od_store_find_invoice (fixture->s, number, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (od_invoice_editor_get_n_lines (editor), ==, 1);

  /* No customer picked yet: nothing saved, the message under the picker. */
  g_assert_null (od_invoice_editor_get_error (editor, "customer"));
  g_assert_false (od_invoice_editor_save (editor));
  g_assert_nonnull (od_invoice_editor_get_error (editor, "customer"));

  g_assert_true (od_invoice_editor_set_customer (editor, customer_id));
  g_assert_null (od_invoice_editor_get_error (editor, "customer"));
  type_into (od_invoice_editor_get_entry (editor, "currency"), "EUR");
  type_line (editor, 0, "Wedding photography, full day", "2", "150.50", "19");
  g_assert_cmpuint (od_invoice_editor_add_line (editor), ==, 1);
  type_line (editor, 1, "Travel", "1", "12x", "");

  /* 2 × 150.50 + 19 % = 358.19; the bad line does not count yet. */
  g_assert_nonnull (strstr (od_invoice_editor_get_total_text (editor), "358.19"));
  g_assert_false (od_invoice_editor_save (editor));
  g_assert_nonnull (od_invoice_editor_get_line_error (editor, 1, "unit-price"));
  g_assert_null (od_invoice_editor_get_line_error (editor, 0, "unit-price"));
  g_assert_null (od_invoice_editor_get_error (editor, "number"));
  settle (200);
  g_assert_cmpint (count_invoices (fixture->s), ==, before);
  g_assert_true (scroll_to_end (GTK_WIDGET (editor)));
  settle (300);
  save_screenshot (GTK_WIDGET (editor), "invoice-editor-invalid-light");
  set_dark (TRUE);
  save_screenshot (GTK_WIDGET (editor), "invoice-editor-invalid-dark");
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  settle (300);
  save_screenshot (GTK_WIDGET (editor), "invoice-editor-invalid-narrow-dark");
  set_dark (FALSE);

  /* Fixed, the total follows: 358.19 + 40.00. */
  type_into (od_invoice_editor_get_line_entry (editor, 1, "unit-price"), "40");
  g_assert_null (od_invoice_editor_get_line_error (editor, 1, "unit-price"));
  g_assert_nonnull (strstr (od_invoice_editor_get_total_text (editor), "398.19"));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (od_invoice_editor_save (editor));
  wait_until (pointer_cleared, &editor);

  stored = od_store_find_invoice (fixture->s, number, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpint (od_invoice_get_total (stored), ==, 39819);
  g_assert_cmpint (od_invoice_get_customer_id (stored), ==, customer_id);
  g_assert_cmpstr (od_invoice_get_currency (stored), ==, "EUR");
  lines = od_invoice_get_lines (stored);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  g_assert_cmpint (count_invoices (fixture->s), ==, before + 1);
  {
    /* Due in 30 days (the terms) from the issue date. */
    g_autoptr(OdInvoiceLine) first = g_list_model_get_item (lines, 0);

    g_assert_cmpint (g_date_days_between (od_invoice_get_issue_date (stored),
                                          od_invoice_get_due_date (stored)), ==, 30);
    g_assert_cmpint (od_invoice_line_get_quantity_milli (first), ==, 2000);
    g_assert_cmpint (od_invoice_line_get_tax_rate_bp (first), ==, 1900);
  }

  /* Edited: the draft starts from what is stored. */
  editor = open_editor (fixture, od_invoice_get_id (stored));
  g_assert_cmpuint (od_invoice_editor_get_n_lines (editor), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (od_invoice_editor_get_line_entry (editor, 0, "unit-price"))),
                   ==, "150.5");
  g_assert_nonnull (strstr (od_invoice_editor_get_total_text (editor), "398.19"));
  type_into (od_invoice_editor_get_line_entry (editor, 1, "unit-price"), "50");
  type_into (od_invoice_editor_get_entry (editor, "due-date"), "2026-01-01x");
  g_assert_false (od_invoice_editor_save (editor));
  g_assert_nonnull (od_invoice_editor_get_error (editor, "due-date"));
  type_into (od_invoice_editor_get_entry (editor, "due-date"), "");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (od_invoice_editor_save (editor));
  wait_until (pointer_cleared, &editor);
  edited = od_store_get_invoice (fixture->s, od_invoice_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_invoice_get_total (edited), ==, 40819);
  g_assert_cmpstr (od_invoice_get_number (edited), ==, number);
}

static OdInvoiceEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OD_IS_INVOICE_EDITOR (window))
        return OD_INVOICE_EDITOR (window);
    }
  return NULL;
}

/* The Invoices page's New Invoice (Ctrl+N) opens the editor. */
static void
test_invoice_editor_from_page (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  OdInvoicesPage *page = od_invoices_page_new (fixture->context);
  OdInvoiceEditor *editor;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  settle (200);
  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "invoices.new", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  wait_until (editor_loaded, editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 900);
  settle (300);
  save_screenshot (GTK_WIDGET (editor), "invoice-editor-new-light");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add ("/od/invoice-editor/create", Fixture, NULL,
              fixture_setup, test_invoice_editor_create, fixture_teardown);
  g_test_add ("/od/invoice-editor/from-page", Fixture, NULL,
              fixture_setup, test_invoice_editor_from_page, fixture_teardown);

  return g_test_run ();
}
