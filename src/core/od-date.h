/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OD_DATE_ERROR (od_date_error_quark ())

typedef enum
{
  OD_DATE_ERROR_PARSE,
} OdDateError;

GQuark    od_date_error_quark (void);
gboolean  od_date_parse_iso   (const char  *text,
                               GDate       *out,
                               GError     **error);
char     *od_date_to_iso      (const GDate *date);
gint      od_date_days_between (const GDate *from,
                                const GDate *to);

G_END_DECLS
