/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The store's migrations: element N-1 takes user_version N-1 to N. */
const char * const *_od_sqlite_schema_get_migrations (guint              *n_migrations);

/*
 * Brings @db to version @n_migrations by running the scripts it lacks,
 * each in a transaction of its own together with the new user_version.
 * An existing ledger (version 1 or later) is first copied with the
 * SQLite backup API to "<file>.v<old>.bak"; *@backup_path receives that
 * path (NULL when no backup was needed). A file newer than
 * @n_migrations fails with OD_STORE_ERROR_TOO_NEW; a failing script
 * leaves the file at the last version that succeeded.
 */
gboolean            _od_sqlite_schema_migrate         (sqlite3            *db,
                                                       const char * const *migrations,
                                                       guint               n_migrations,
                                                       char              **backup_path,
                                                       GError            **error);

/* Reads PRAGMA user_version; -1 with @error set on failure. */
gint                _od_sqlite_schema_get_version     (sqlite3            *db,
                                                       GError            **error);

/* Fills @error from the connection's last error: BUSY, CORRUPT
 * (naming the file) or FAILED with @what and SQLite's message. */
void                _od_sqlite_set_error              (GError            **error,
                                                       sqlite3            *db,
                                                       int                 rc,
                                                       const char         *what);

G_END_DECLS
