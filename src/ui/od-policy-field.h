/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Helpers of the Collection preferences: the policy's fixed amounts as
 * the user reads and types them, and the core's validation messages
 * taken apart to be shown next to the field they are about.
 */

/* Thousandths of a major unit (the policy's fixed amounts, applied in
 * each invoice's own currency) as "15.00" with the locale's decimal
 * point; 0 as "". */
char     *od_policy_field_format_milli (gint64       milli);
/* The same typed back ("" is 0); FALSE when it is not an amount. */
gboolean  od_policy_field_parse_milli  (const char  *text,
                                        gint64      *out_milli);

/* An od_policy_validate() message "[Group] Key: why" (or
 * "[Step a] and [Step b] Key: why"): *@key ("Offset"), *@steps (the
 * step names, NULL-terminated, empty for [Policy]) and *@text, the
 * reason led by the field's label as the page names it. FALSE when the
 * message names no key. */
gboolean  od_policy_field_parse_error  (const char  *message,
                                        char       **key,
                                        GStrv       *steps,
                                        char       **text);

/* Makes @spin (minutes after midnight) read and take "09:30". */
void      od_policy_field_show_time    (GtkSpinButton *spin);

G_END_DECLS
