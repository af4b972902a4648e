/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "od-money.h"

G_BEGIN_DECLS

/* Amounts and dates as the user's locale writes them, for the window
 * only (messages and letters follow the customer's language instead).
 * Call from the main thread: they read the C library's locale. */
char     *od_ui_format_money  (const OdMoney  *money);
char     *od_ui_format_amount (gint64          minor,
                               const char     *currency);
char     *od_ui_format_date   (const GDate    *date);
char     *od_ui_format_date_long (const GDate *date);
gboolean  od_ui_parse_amount  (const char     *text,
                               const char     *currency,
                               gint64         *out_minor,
                               GError        **error);

G_END_DECLS
