/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-sqlite-store.h"

G_BEGIN_DECLS

/* The exit codes of the overdue-cli contract (sysexits where they fit). */
typedef enum
{
  OD_EXIT_OK        = 0,
  OD_EXIT_FAILURE   = 1,
  OD_EXIT_USAGE     = 2,
  OD_EXIT_DATA      = 65,
  OD_EXIT_TEMPFAIL  = 75,
} OdExit;

typedef struct
{
  const char *db_path;   /* never NULL: --db or the desktop app's file */
  const char *program;   /* "overdue-cli" */
} OdCli;

typedef int (*OdCliCommand) (OdCli  *cli,
                             int     argc,
                             char  **argv);

int            od_cli_init     (OdCli *cli, int argc, char **argv);
int            od_cli_account  (OdCli *cli, int argc, char **argv);
int            od_cli_business (OdCli *cli, int argc, char **argv);
int            od_cli_policy   (OdCli *cli, int argc, char **argv);
int            od_cli_import   (OdCli *cli, int argc, char **argv);
int            od_cli_export   (OdCli *cli, int argc, char **argv);
int            od_cli_invoice  (OdCli *cli, int argc, char **argv);
int            od_cli_customer (OdCli *cli, int argc, char **argv);
int            od_cli_plan     (OdCli *cli, int argc, char **argv);
int            od_cli_run      (OdCli *cli, int argc, char **argv);
int            od_cli_outbox   (OdCli *cli, int argc, char **argv);
int            od_cli_pdf      (OdCli *cli, int argc, char **argv);
int            od_cli_letters  (OdCli *cli, int argc, char **argv);
int            od_cli_report   (OdCli *cli, int argc, char **argv);
int            od_cli_template (OdCli *cli, int argc, char **argv);

/* Shared by the commands. */
OdSqliteStore *od_cli_open_store    (OdCli        *cli,
                                     GError      **error);
int            od_cli_exit_for_error (const GError *error);
int            od_cli_fail          (OdCli        *cli,
                                     const GError *error);
int            od_cli_usage         (OdCli        *cli,
                                     const char   *usage,
                                     const char   *message);
gboolean       od_cli_parse_options (OdCli        *cli,
                                     const char   *parameter,
                                     const char   *summary,
                                     GOptionEntry *entries,
                                     int          *argc,
                                     char       ***argv,
                                     int          *exit_code);

/* od-cli-when.c: the business time zone (else the system's), "today" in
 * it, and --as-of WHEN: an ISO 8601 date-time (without an offset: in
 * @zone) or a bare date: the end of that day in @zone, planned with
 * OD_DUNNING_WHOLE_DAY so that a send window that opened that day counts
 * as open (od_cli_when_is_day() tells the two apart). */
GTimeZone     *od_cli_business_time_zone (OdStore     *store);
void           od_cli_today         (OdStore      *store,
                                     GDate        *out);
gboolean       od_cli_when_is_day   (const char   *text);
gboolean       od_cli_parse_when    (const char   *text,
                                     GTimeZone    *zone,
                                     GDateTime   **out);

G_END_DECLS
