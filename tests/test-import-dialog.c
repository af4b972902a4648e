/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "od-demo.h"
#include "od-export-dialog.h"
#include "od-import-dialog.h"
#include "od-test-shot.h"
#include "od-test-ui.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
  guint          changed;
} Fixture;

static void
on_ledger_changed (OdContext *context,
                   Fixture   *fixture)
{
  fixture->changed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->store = od_test_store_new (&fixture->tmpdir);
  fixture->context = od_context_new (OD_STORE (fixture->store));
  g_signal_connect (fixture->context, "ledger-changed", G_CALLBACK (on_ledger_changed), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  od_test_settle (50);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

static gboolean
dialog_idle (gpointer data)
{
  return !od_import_dialog_is_busy (data);
}

static gint64
count_customers (Fixture *fixture)
{
  OdCustomerQuery query = { NULL, FALSE };

  return od_store_count_customers (OD_STORE (fixture->store), &query, NULL);
}

static gint64
count_invoices (Fixture *fixture)
{
  OdInvoiceQuery query = { 0 };

  return od_store_count_invoices (OD_STORE (fixture->store), &query, NULL);
}

static OdImportDialog *
open_dialog (Fixture *fixture,
             int      width,
             int      height)
{
  OdImportDialog *dialog = od_import_dialog_new (NULL, fixture->context);

  gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
set_file (OdImportDialog *dialog,
          OdImportKind    kind,
          const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  od_import_dialog_set_file (dialog, kind, file);
  od_test_wait_until (dialog_idle, dialog, 10);
}

static void
test_bad_line_then_fixed (Fixture       *fixture,
                          gconstpointer  data)
{
  OdImportDialog *dialog = open_dialog (fixture, 640, 720);
  g_autofree char *customers = NULL;
  g_autofree char *invoices = NULL;
  GPtrArray *problems;

  customers = od_test_write_file (fixture->tmpdir, "customers.csv",
                                  "ref,name,email,country\n"
                                  "ACME,Acme Ltd,ap@acme.example,DE\n"
                                  "BOLT,\"Bolt, Nut & Co\",,FR\n"
                                  "GLOB,Globex,billing@globex.example,GB\n");
  invoices = od_test_write_file (fixture->tmpdir, "invoices.csv",
                                 "number,customer_ref,issue_date,due_date,total,currency\n"
                                 "INV-1,ACME,2026-09-01,2026-10-01,1234.50,EUR\n"
                                 "INV-2,BOLT,2026-09-02,2026-13-45,99,EUR\n"
                                 "INV-3,GLOB,2026-09-03,2026-10-03,250,EUR\n");
  set_file (dialog, OD_IMPORT_KIND_CUSTOMERS, customers);
  set_file (dialog, OD_IMPORT_KIND_INVOICES, invoices);
  /* Nothing is written by choosing files. */
  g_assert_cmpint (count_customers (fixture), ==, 0);

  od_import_dialog_start (dialog);
  od_test_wait_until (dialog_idle, dialog, 20);

  /* The customers went in; the invoices file with one bad line wrote
   * nothing, and the dialog names the line and the column. */
  g_assert_cmpint (count_customers (fixture), ==, 3);
  g_assert_cmpint (count_invoices (fixture), ==, 0);
  problems = od_import_dialog_get_problems (dialog);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "invoices.csv:3: "));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "due_date"));
  g_assert_nonnull (strstr (od_import_dialog_get_result (dialog), "invoices.csv"));
  g_assert_cmpuint (fixture->changed, ==, 1);
  od_test_save_screenshots (GTK_WIDGET (dialog), "import-preview-errors");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  od_test_settle (300);
  od_test_save_screenshot (GTK_WIDGET (dialog), "import-preview-errors-narrow");

  /* Fixed, it imports the invoices, and not the customers again. */
  g_free (od_test_write_file (fixture->tmpdir, "invoices.csv",
                              "number,customer_ref,issue_date,due_date,total,currency\n"
                              "INV-1,ACME,2026-09-01,2026-10-01,1234.50,EUR\n"
                              "INV-2,BOLT,2026-09-02,2026-10-02,99,EUR\n"
                              "INV-3,GLOB,2026-09-03,2026-10-03,250,EUR\n"));
  set_file (dialog, OD_IMPORT_KIND_INVOICES, invoices);
  g_assert_cmpuint (od_import_dialog_get_problems (dialog)->len, ==, 0);
  od_import_dialog_start (dialog);
  od_test_wait_until (dialog_idle, dialog, 20);
  g_assert_cmpuint (od_import_dialog_get_problems (dialog)->len, ==, 0);
  g_assert_cmpint (count_customers (fixture), ==, 3);
  g_assert_cmpint (count_invoices (fixture), ==, 3);
  g_assert_cmpuint (od_import_dialog_get_imported (dialog), ==, 6);
  g_assert_cmpuint (fixture->changed, ==, 2);
  od_test_save_screenshot (GTK_WIDGET (dialog), "import-done");
}

static void
test_cancel_writes_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  OdImportDialog *dialog = open_dialog (fixture, 640, 600);
  g_autoptr(GString) csv = g_string_new ("ref,name\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "C%05u,Customer %u\n", i, i);
  path = od_test_write_file (fixture->tmpdir, "many.csv", csv->str);
  set_file (dialog, OD_IMPORT_KIND_CUSTOMERS, path);

  od_import_dialog_start (dialog);
  g_assert_true (od_import_dialog_is_busy (dialog));
  od_import_dialog_cancel (dialog);
  od_test_wait_until (dialog_idle, dialog, 30);

  g_assert_cmpint (count_customers (fixture), ==, 0);
  g_assert_cmpuint (od_import_dialog_get_imported (dialog), ==, 0);
  g_assert_nonnull (strstr (od_import_dialog_get_result (dialog), "nothing was written"));
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Imported again, all of it goes in. */
  od_import_dialog_start (dialog);
  od_test_wait_until (dialog_idle, dialog, 60);
  g_assert_cmpint (count_customers (fixture), ==, 50000);
}

static void
on_export_finished (OdExportDialog *dialog,
                    gboolean        ok,
                    const char     *message,
                    gpointer        user_data)
{
  int *result = user_data;

  *result = ok ? 1 : 2;
}

static gboolean
export_done (gpointer data)
{
  return *(int *) data != 0;
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
customers_replaced (gpointer data)
{
  g_autofree char *contents = NULL;

  g_file_get_contents (data, &contents, NULL, NULL);
  return contents != NULL && !g_str_has_prefix (contents, "kept");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = g_build_filename (fixture->tmpdir, "export", NULL);
  g_autofree char *customers = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *header = NULL;
  GDate today = od_test_date ("2026-11-23");
  OdExportDialog *dialog;
  AdwMessageDialog *question;
  int result = 0;

  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  folder = g_file_new_for_path (dir);

  dialog = od_export_dialog_new (NULL, fixture->context, folder);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished), &result);
  gtk_window_present (GTK_WINDOW (dialog));
  od_export_dialog_start (dialog);
  od_test_wait_until (export_done, &result, 30);
  g_assert_cmpint (result, ==, 1);

  for (const char * const *name = od_export_dialog_file_names (); *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  /* One line per row and a header; names with commas stay one field. */
  customers = g_build_filename (dir, "customers.csv", NULL);
  invoices = g_build_filename (dir, "invoices.csv", NULL);
  g_assert_cmpuint (count_lines (customers), >=, count_customers (fixture) + 1);
  g_assert_cmpuint (count_lines (invoices), ==, count_invoices (fixture) + 1);
  g_file_get_contents (customers, &header, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (header, "ref,") || strstr (header, ",ref,") != NULL);

  /* Exporting there again asks first; Cancel leaves the files alone. */
  g_assert_true (g_file_set_contents (customers, "kept\n", -1, NULL));
  od_export_dialog_export_to (NULL, fixture->context, folder, NULL);
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "customers.csv"));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  od_test_settle (300);
  g_assert_cmpuint (count_lines (customers), ==, 1);
  od_export_dialog_export_to (NULL, fixture->context, folder, NULL);
  question = find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "replace");
  gtk_window_destroy (GTK_WINDOW (question));
  od_test_wait_until (customers_replaced, customers, 30);
  g_assert_cmpuint (count_lines (customers), >=, count_customers (fixture) + 1);

  /* The export imports back into an empty ledger. */
  {
    char *tmp2 = NULL;
    g_autoptr(OdSqliteStore) other = od_test_store_new (&tmp2);
    g_autoptr(OdImporter) importer = od_importer_new (OD_STORE (other), OD_IMPORT_KIND_CUSTOMERS);
    g_autoptr(GFile) file = g_file_new_for_path (customers);
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
    OdCustomerQuery query = { NULL, FALSE };

    g_assert_no_error (error);
    g_assert_true (od_importer_run (importer, G_INPUT_STREAM (stream), 0, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (od_store_count_customers (OD_STORE (other), &query, NULL), ==, count_customers (fixture));
    g_clear_object (&importer);
    g_clear_object (&other);
    od_test_tmpdir_free (tmp2);
  }
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  od_test_load_app_style ();

  g_test_add ("/od/import-dialog/bad-line-then-fixed", Fixture, NULL,
              fixture_setup, test_bad_line_then_fixed, fixture_teardown);
  g_test_add ("/od/import-dialog/cancel-writes-nothing", Fixture, NULL,
              fixture_setup, test_cancel_writes_nothing, fixture_teardown);
  g_test_add ("/od/import-dialog/export", Fixture, NULL,
              fixture_setup, test_export, fixture_teardown);

  return g_test_run ();
}
