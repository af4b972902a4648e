/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-money.h"

G_BEGIN_DECLS

/**
 * OdMoneyStyle:
 * @decimal_point: the separator before the minor digits, "." or ","
 * @group_separator: between groups of three digits; "" for none
 * @symbol_first: the currency's sign goes before the number
 * @symbol_space: a (no-break) space between the sign and the number
 * @use_symbol: "€" rather than "EUR" where a sign is unambiguous
 *
 * How a language or locale writes an amount: "€1,234.50", "1.234,50 €",
 * "1 234,50 €". The strings are borrowed (static or the caller's).
 */
typedef struct
{
  const char *decimal_point;
  const char *group_separator;
  gboolean    symbol_first;
  gboolean    symbol_space;
  gboolean    use_symbol;
} OdMoneyStyle;

const char *od_currency_symbol          (const char          *code);
char       *od_money_format_style       (const OdMoney       *money,
                                         const OdMoneyStyle  *style);
gboolean    od_amount_parse_style       (const char          *text,
                                         guint                digits,
                                         const OdMoneyStyle  *style,
                                         gint64              *out_minor,
                                         GError             **error);

G_END_DECLS
