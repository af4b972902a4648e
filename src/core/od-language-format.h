/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "od-money-style.h"

G_BEGIN_DECLS

/*
 * Dates, money and the fixed words of documents in the language of the
 * customer a message or letter is for, not the user's locale: a German
 * owner's letter to a French customer says "30 novembre 2026" and
 * "1 234,50 €". Overdue writes to customers in English, German and
 * French; any other language falls back to English, as the default
 * templates do.
 *
 * Month names and words are tables in the code: nothing here calls
 * setlocale() or reads the process locale, so it is safe on any thread.
 * The one exception is a NULL @language, which means "the user's own
 * language" and goes through gettext (a document for the owner, such as
 * the agency packet).
 */

/* "en", "de" or "fr" for @language ("de", "de_AT", "de-CH", "fr_FR.UTF-8"),
 * else the same of @fallback (the business's locale), else "en". */
const char *od_language_format_pick        (const char   *language,
                                            const char   *fallback);
/* TRUE when Overdue writes @language itself ("de_AT" counts as "de"). */
gboolean    od_language_format_supported   (const char   *language);

/* "30 November 2026", "30. November 2026", "30 novembre 2026". */
char       *od_language_format_date        (const char   *language,
                                            const GDate  *date);
/* For tables: "30 Nov 2026", "30.11.2026", "30/11/2026". */
char       *od_language_format_date_short  (const char   *language,
                                            const GDate  *date);

/* How @language writes an amount (borrowed, static). */
const OdMoneyStyle *od_language_money_style (const char  *language);
/* "€1,234.50", "1.234,50 €", "1 234,50 €" (U+202F between groups,
 * U+00A0 before the sign); "CHF 1,234.50" where there is no sign. */
char       *od_language_format_money       (const char   *language,
                                            gint64        minor,
                                            const char   *currency);
/* The number alone, for a column headed with the currency:
 * "1,234.50", "1.234,50", "1 234,50". */
char       *od_language_format_amount      (const char   *language,
                                            gint64        minor,
                                            const char   *currency);
/* A rate in basis points: 800 "8%", "8 %", "8 %"; 812 "8.12%", "8,12 %". */
char       *od_language_format_percent     (const char   *language,
                                            gint          basis_points);

/* @msgid (English) in @language from Overdue's own table of document
 * words, @msgid itself when the table has none; NULL @language: the
 * user's catalogue (gettext). */
const char *od_language_text               (const char   *language,
                                            const char   *msgid) G_GNUC_FORMAT (2);
/* The same for a count: @singular or @plural, as @language counts
 * (French: 0 and 1 are singular). */
const char *od_language_ntext              (const char   *language,
                                            const char   *singular,
                                            const char   *plural,
                                            gulong        n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_END_DECLS
