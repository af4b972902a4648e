/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A second program on one ledger, for the store tests:
 *   od-store-peer DBPATH count-invoices|count-customers
 * prints the count it sees and exits 0, or prints the error and exits 1. */

#include <stdio.h>

#include "od-sqlite-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  if (argc != 3)
    {
      g_printerr ("usage: %s DBPATH count-invoices|count-customers\n", argv[0]);
      return 2;
    }

  store = od_sqlite_store_new (argv[1], &error);
  if (store != NULL && g_str_equal (argv[2], "count-invoices"))
    {
      OdInvoiceQuery query = { .filter = OD_INVOICE_FILTER_ALL };

      count = od_store_count_invoices (OD_STORE (store), &query, &error);
    }
  else if (store != NULL && g_str_equal (argv[2], "count-customers"))
    {
      OdCustomerQuery query = { .include_archived = TRUE };

      count = od_store_count_customers (OD_STORE (store), &query, &error);
    }
  else if (store != NULL)
    {
      g_printerr ("unknown command: %s\n", argv[2]);
      return 2;
    }

  if (count < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "failed");
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", count);
  return 0;
}
