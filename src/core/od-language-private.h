/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* od-language-text.c: @msgid in @code ("de", "fr") from the table of
 * document words, or NULL. */
const char *_od_language_lookup (const char *code,
                                 const char *msgid);

G_END_DECLS
