/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-sqlite-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed (with its contents) by
 * od_test_tmpdir_free. */
char          *od_test_tmpdir_new        (void);
void           od_test_tmpdir_free       (char        *path);
/* A new empty ledger in a new temporary folder; *tmpdir receives the
 * folder to remove. */
OdSqliteStore *od_test_store_new         (char       **tmpdir);
/* Writes @contents to @dir/@name and returns the full path. */
char          *od_test_write_file        (const char  *dir,
                                          const char  *name,
                                          const char  *contents);
/* A GDate from "YYYY-MM-DD" (aborts the test on a bad literal). */
GDate          od_test_date              (const char  *iso);
/* Inserts a customer / an invoice with the few fields tests care about. */
OdCustomer    *od_test_add_customer      (OdStore     *store,
                                          const char  *ref,
                                          const char  *name);
OdInvoice     *od_test_add_invoice       (OdStore     *store,
                                          OdCustomer  *customer,
                                          const char  *number,
                                          const char  *issue_date,
                                          const char  *due_date,
                                          gint64       total_minor,
                                          const char  *currency);

G_END_DECLS
