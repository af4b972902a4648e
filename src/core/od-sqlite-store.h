/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-store.h"

G_BEGIN_DECLS

#define OD_SQLITE_STORE_SCHEMA_VERSION 5

#define OD_TYPE_SQLITE_STORE (od_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (OdSqliteStore, od_sqlite_store, OD, SQLITE_STORE, GObject)

/* Opens (creating if needed) the ledger at @path and migrates it to the
 * current schema, copying the file aside first (SQLite backup API) when
 * an existing ledger is migrated. The folder is created if missing.
 * Implements GInitable. */
OdSqliteStore *od_sqlite_store_new      (const char    *path,
                                         GError       **error);
const char    *od_sqlite_store_get_path (OdSqliteStore *self);
/* The path of the backup made by the last migration, or NULL. */
const char    *od_sqlite_store_get_backup_path (OdSqliteStore *self);

/* The default ledger: g_get_user_data_dir()/overdue/ledger.db */
char          *od_sqlite_store_default_path (void);

G_END_DECLS
