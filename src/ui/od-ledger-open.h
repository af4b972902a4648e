/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-sqlite-store.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  OD_LEDGER_OPEN_NONE   = 0,
  /* Create the ledger when the file does not exist. Without it, a missing
   * file, or a ledger with no customer and no business profile (a first
   * run closed before its choice), fails with G_IO_ERROR_NOT_FOUND and
   * nothing is created: the window offers the demo or a fresh start. */
  OD_LEDGER_OPEN_CREATE = 1 << 0,
  /* A ledger created now, or empty, is filled with the demo business
   * (od-demo.h). */
  OD_LEDGER_OPEN_DEMO   = 1 << 1,
} OdLedgerOpenFlags;

/* Opens (or creates) the ledger at @path in a worker thread: the main
 * loop never waits on SQLite or on the demo's 300 invoices. */
void           od_ledger_open_async  (const char           *path,
                                      OdLedgerOpenFlags     flags,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
OdSqliteStore *od_ledger_open_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
