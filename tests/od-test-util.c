/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "od-test-util.h"
#include "od-date.h"

char *
od_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("overdue-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)))
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
od_test_tmpdir_free (char *path)
{
  g_autoptr(GFile) dir = NULL;

  if (path == NULL)
    return;
  dir = g_file_new_for_path (path);
  remove_tree (dir);
  g_free (path);
}

OdSqliteStore *
od_test_store_new (char **tmpdir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  OdSqliteStore *store;

  *tmpdir = od_test_tmpdir_new ();
  path = g_build_filename (*tmpdir, "ledger.db", NULL);
  store = od_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

char *
od_test_write_file (const char *dir,
                    const char *name,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

GDate
od_test_date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  od_date_parse_iso (iso, &date, &error);
  g_assert_no_error (error);
  return date;
}

OdCustomer *
od_test_add_customer (OdStore    *store,
                      const char *ref,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  OdCustomer *customer = od_customer_new ();

  od_customer_set_ref (customer, ref);
  od_customer_set_name (customer, name);
  od_store_insert_customer (store, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_customer_get_id (customer), >, 0);
  return customer;
}

OdInvoice *
od_test_add_invoice (OdStore    *store,
                     OdCustomer *customer,
                     const char *number,
                     const char *issue_date,
                     const char *due_date,
                     gint64      total_minor,
                     const char *currency)
{
  g_autoptr(GError) error = NULL;
  OdInvoice *invoice = od_invoice_new ();
  GDate issue = od_test_date (issue_date);
  GDate due = od_test_date (due_date);

  od_invoice_set_number (invoice, number);
  od_invoice_set_customer_id (invoice, od_customer_get_id (customer));
  od_invoice_set_issue_date (invoice, &issue);
  od_invoice_set_due_date (invoice, &due);
  od_invoice_set_total (invoice, total_minor);
  od_invoice_set_currency (invoice, currency);
  od_store_insert_invoice (store, invoice, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_invoice_get_id (invoice), >, 0);
  return invoice;
}
