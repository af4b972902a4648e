/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every report is one table, printed three ways from the same cells, so
 * that the human table, the CSV and the JSON cannot disagree. */
typedef enum
{
  OD_CLI_CELL_TEXT,
  OD_CLI_CELL_MONEY,   /* a decimal string in the row's currency; a string in JSON too */
  OD_CLI_CELL_INT,
  OD_CLI_CELL_REAL,
} OdCliCellKind;

typedef struct
{
  char     *key;     /* CSV header and JSON member */
  char     *title;   /* the human table's, translated */
  OdCliCellKind  kind;
} OdCliColumn;

typedef struct
{
  GPtrArray *columns;   /* OdCliColumn* */
  GPtrArray *rows;      /* char** of columns->len cells; "" = none */
  GString   *notes;     /* lines the human table ends with */
} OdCliTable;

void  od_cli_table_init   (OdCliTable       *table);
void  od_cli_table_clear  (OdCliTable       *table);
void  od_cli_table_column (OdCliTable       *table,
                           const char  *key,
                           const char  *title,
                           OdCliCellKind     kind);
/* A new row of empty cells; fill it with od_cli_table_set(). */
char **od_cli_table_row   (OdCliTable       *table);
/* Takes @text (NULL: empty). */
void  od_cli_table_set    (char       **row,
                           guint        index,
                           char        *text);
gboolean od_cli_table_print_csv   (OdCliTable    *table,
                                   GError  **error);
void     od_cli_table_print_json  (OdCliTable    *table);
void     od_cli_table_print_human (OdCliTable    *table);

G_END_DECLS
