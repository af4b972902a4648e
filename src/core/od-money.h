/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * OdMoney:
 * @minor: the amount in minor units of @currency (cents, pence, yen)
 * @currency: the ISO 4217 code, NUL-terminated
 *
 * An exact amount of money. Never a float.
 */
typedef struct
{
  gint64 minor;
  char   currency[4];
} OdMoney;

#define OD_TYPE_MONEY (od_money_get_type ())
#define OD_MONEY_ERROR (od_money_error_quark ())

typedef enum
{
  OD_MONEY_ERROR_PARSE,
  OD_MONEY_ERROR_CURRENCY,
  OD_MONEY_ERROR_CURRENCY_MISMATCH,
  OD_MONEY_ERROR_OVERFLOW,
} OdMoneyError;

GType     od_money_get_type            (void) G_GNUC_CONST;
GQuark    od_money_error_quark         (void);
OdMoney  *od_money_copy                (const OdMoney *money);
void      od_money_free                (OdMoney       *money);

gboolean  od_currency_is_valid         (const char    *code);
guint     od_currency_minor_digits     (const char    *code);

OdMoney   od_money_init                (gint64         minor,
                                        const char    *currency);
gboolean  od_money_parse               (const char    *text,
                                        const char    *currency,
                                        OdMoney       *out,
                                        GError       **error);
gboolean  od_amount_parse              (const char    *text,
                                        guint          digits,
                                        gint64        *out_minor,
                                        GError       **error);
char     *od_amount_to_string          (gint64         minor,
                                        guint          digits);
void      od_amount_append             (GString       *str,
                                        gint64         minor,
                                        guint          digits);
char     *od_money_to_string           (const OdMoney *money);
char     *od_money_format              (const OdMoney *money);
gboolean  od_money_add                 (const OdMoney *a,
                                        const OdMoney *b,
                                        OdMoney       *out,
                                        GError       **error);
gboolean  od_money_subtract            (const OdMoney *a,
                                        const OdMoney *b,
                                        OdMoney       *out,
                                        GError       **error);
gboolean  od_money_equal               (const OdMoney *a,
                                        const OdMoney *b);

gboolean  od_round_div                 (gint64         numerator,
                                        gint64         multiplier,
                                        gint64         denominator,
                                        gint64        *out);
gboolean  od_percent_bp                (gint64         amount,
                                        gint64         basis_points,
                                        gint64        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdMoney, od_money_free)

G_END_DECLS
