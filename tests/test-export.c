/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-test-util.h"
#include "od-exporter.h"
#include "od-importer.h"

static char *
export_text (OdStore      *store,
             OdExportKind  kind)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  od_export_csv (store, kind, stream, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static void
import_text (OdStore      *store,
             OdImportKind  kind,
             const char   *text)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(OdImporter) importer = od_importer_new (store, kind);
  g_autoptr(GError) error = NULL;

  od_importer_run (importer, stream, strlen (text), NULL, &error);
  if (error != NULL)
    {
      GPtrArray *problems = od_importer_get_problems (importer);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = od_import_problem_to_string (problems->pdata[i], "export.csv");

          g_test_message ("%s", line);
        }
    }
  g_assert_no_error (error);
}

/* A ledger with what an export must carry: contacts, credit limits in a
 * currency without decimals, quotes, commas, line breaks, several
 * currencies and payments. */
static void
fill_ledger (OdStore *store)
{
  import_text (store, OD_IMPORT_KIND_CUSTOMERS,
               "ref,name,email,phone,address,city,postcode,country,language,credit_limit\n"
               "ACME,Acme Ltd,ap@acme.example,+49 30 1234567,\"Hauptstr. 1\r\nHof 2\",Berlin,10115,DE,de,2500.00\n"
               "BOLT,\"Bolt, \"\"Nut\"\" & Co\",,,,,,,,\n"
               "CAFE,Café Ünïcødé,,030 555 123,,,,AT,de-AT,\n");
  import_text (store, OD_IMPORT_KIND_INVOICES,
               "number,customer_ref,issue_date,due_date,total,currency\n"
               "INV-1,ACME,2024-03-01,2024-03-31,1234.50,EUR\n"
               "INV-2,BOLT,2024-03-02,2024-03-02,0.00,EUR\n"
               "INV-3,CAFE,2024-02-29,2024-03-29,5000,JPY\n"
               "INV-4,ACME,2024-03-04,2024-04-04,10.005,BHD\n");
  /* A voided invoice keeps its status through a round trip. */
  import_text (store, OD_IMPORT_KIND_INVOICES,
               "number,customer_ref,issue_date,due_date,total,status\n"
               "INV-5,BOLT,2024-03-05,2024-04-05,70.00,void\n");
  import_text (store, OD_IMPORT_KIND_PAYMENTS,
               "invoice_number,date,amount,method,reference\n"
               "INV-1,2024-03-10,234.50,transfer,\"Ref, with comma\"\n"
               "INV-3,2024-03-11,5000,cash,\n"
               "INV-4,2024-03-12,0.005,,\n");
}

static void
test_header_and_rows (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autofree char *customers = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *payments = NULL;

  fill_ledger (OD_STORE (store));
  customers = export_text (OD_STORE (store), OD_EXPORT_KIND_CUSTOMERS);
  invoices = export_text (OD_STORE (store), OD_EXPORT_KIND_INVOICES);
  payments = export_text (OD_STORE (store), OD_EXPORT_KIND_PAYMENTS);

  g_assert_true (g_str_has_prefix (customers,
                                   "ref,name,email,phone,address,city,postcode,country,language,credit_limit\r\n"));
  g_assert_nonnull (strstr (customers,
                            "ACME,Acme Ltd,ap@acme.example,'+49 30 1234567,\"Hauptstr. 1\r\nHof 2\",Berlin,10115,DE,de,2500.00\r\n"));
  g_assert_nonnull (strstr (customers, "BOLT,\"Bolt, \"\"Nut\"\" & Co\",,,,,,,,\r\n"));

  g_assert_true (g_str_has_prefix (invoices,
                                   "number,customer_ref,issue_date,due_date,total,currency,paid,status\r\n"));
  g_assert_nonnull (strstr (invoices, "INV-1,ACME,2024-03-01,2024-03-31,1234.50,EUR,234.50,open\r\n"));
  g_assert_nonnull (strstr (invoices, "INV-3,CAFE,2024-02-29,2024-03-29,5000,JPY,5000,paid\r\n"));
  g_assert_nonnull (strstr (invoices, "INV-4,ACME,2024-03-04,2024-04-04,10.005,BHD,0.005,open\r\n"));
  g_assert_nonnull (strstr (invoices, "INV-5,BOLT,2024-03-05,2024-04-05,70.00,EUR,0.00,void\r\n"));

  g_assert_true (g_str_has_prefix (payments,
                                   "invoice_number,date,amount,method,reference,currency\r\n"));
  g_assert_nonnull (strstr (payments, "INV-1,2024-03-10,234.50,transfer,\"Ref, with comma\",EUR\r\n"));
  g_assert_nonnull (strstr (payments, "INV-3,2024-03-11,5000,cash,,JPY\r\n"));

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* Export, import into an empty ledger, export again: the same bytes. */
static void
test_round_trip (void)
{
  g_autofree char *tmpdir1 = NULL;
  g_autofree char *tmpdir2 = NULL;
  g_autoptr(OdSqliteStore) first = od_test_store_new (&tmpdir1);
  g_autoptr(OdSqliteStore) second = od_test_store_new (&tmpdir2);
  OdExportKind kinds[] = { OD_EXPORT_KIND_CUSTOMERS, OD_EXPORT_KIND_INVOICES,
                           OD_EXPORT_KIND_PAYMENTS };
  OdImportKind import_kinds[] = { OD_IMPORT_KIND_CUSTOMERS, OD_IMPORT_KIND_INVOICES,
                                  OD_IMPORT_KIND_PAYMENTS };

  fill_ledger (OD_STORE (first));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *text = export_text (OD_STORE (first), kinds[i]);

      import_text (OD_STORE (second), import_kinds[i], text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *a = export_text (OD_STORE (first), kinds[i]);
      g_autofree char *b = export_text (OD_STORE (second), kinds[i]);

      g_assert_cmpstr (a, ==, b);
    }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir1));
  od_test_tmpdir_free (g_steal_pointer (&tmpdir2));
}

static void
test_injection (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  import_text (OD_STORE (store), OD_IMPORT_KIND_CUSTOMERS,
               "ref,name,address,city,postcode\n"
               "X1,\"=HYPERLINK(\"\"http://evil.example\"\")\",+1+1,@SUM(A1),-2+3\n");
  /* An import trims tabs and CRs away, so these come in through the API. */
  customer = od_customer_new ();
  od_customer_set_ref (customer, "X2");
  od_customer_set_name (customer, "\tTabbed");
  od_customer_set_address (customer, "\rcr");
  od_customer_set_city (customer, "Plain");
  od_customer_set_postcode (customer, "-12");
  od_store_insert_customer (OD_STORE (store), customer, &error);
  g_assert_no_error (error);

  path = g_build_filename (tmpdir, "customers.csv", NULL);
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  od_export_csv (OD_STORE (store), OD_EXPORT_KIND_CUSTOMERS, G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents,
                            "X1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",,,'+1+1,'@SUM(A1),'-2+3,,,\r\n"));
  g_assert_nonnull (strstr (contents, "X2,'\tTabbed,,,\"'\rcr\",Plain,-12,,,\r\n"));

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

static void
test_kind_from_string (void)
{
  OdExportKind kind;

  g_assert_true (od_export_kind_from_string ("customers", &kind));
  g_assert_cmpint (kind, ==, OD_EXPORT_KIND_CUSTOMERS);
  g_assert_true (od_export_kind_from_string ("invoices", &kind));
  g_assert_cmpint (kind, ==, OD_EXPORT_KIND_INVOICES);
  g_assert_true (od_export_kind_from_string ("payments", &kind));
  g_assert_cmpint (kind, ==, OD_EXPORT_KIND_PAYMENTS);
  g_assert_false (od_export_kind_from_string ("Customers", &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/export/header-and-rows", test_header_and_rows);
  g_test_add_func ("/od/export/round-trip", test_round_trip);
  g_test_add_func ("/od/export/injection", test_injection);
  g_test_add_func ("/od/export/kind-from-string", test_kind_from_string);

  return g_test_run ();
}
