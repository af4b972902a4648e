/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The checks the domain objects' validate() functions share. Each takes
 * the text as stored; the callers decide whether an unset field is
 * allowed before asking whether a set one is well formed.
 */

/* Not NULL and not empty. */
gboolean _od_validate_is_set            (const char *text);
/* NULL, empty or only ASCII white space. */
gboolean _od_validate_is_blank          (const char *text);
/* Whether valid UTF-8 @text holds a control character. */
gboolean _od_validate_has_control_chars (const char *text);
/* A two-letter ISO 3166 code such as "DE". */
gboolean _od_validate_country           (const char *country);
/* A BCP 47 tag of the forms people use for letters: "en", "de-AT",
 * "sr-Latn-RS", "es-419". */
gboolean _od_validate_language          (const char *language);
/* An IANA time zone GLib knows, such as "Europe/Berlin". */
gboolean _od_validate_time_zone         (const char *identifier);
/* An http or https address with something after the scheme. */
gboolean _od_validate_payment_link      (const char *link);

G_END_DECLS
