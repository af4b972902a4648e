/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a text travels: the GSM 03.38 7-bit alphabet (with its extension
 * table, whose characters take two septets) or UCS-2 (UTF-16 units; a
 * character outside the Basic Multilingual Plane, such as most emoji,
 * takes two). */
typedef enum
{
  OD_SMS_ENCODING_GSM7,
  OD_SMS_ENCODING_UCS2,
} OdSmsEncoding;

/*
 * What a text costs. One segment holds 160 septets or 70 UCS-2 units; a
 * longer text is split into segments of 153 septets or 67 units (the
 * rest carries the header that joins them), and a character is never
 * split between two segments.
 */
typedef struct
{
  OdSmsEncoding encoding;
  guint         units;          /* septets (GSM-7) or UTF-16 units (UCS-2) */
  guint         segments;       /* at least 1 */
  guint         per_segment;    /* 160, 153, 70 or 67 */
  guint         remaining;      /* units still free in the last segment */
} OdSmsMeasure;

/* Removes spaces, dashes, dots, slashes and brackets, a "(0)" trunk
 * after the country code, and reads a leading "00" as "+". A number
 * without a country code is read as national when @default_calling_code
 * (digits only, such as "44") is given: a leading trunk 0 is dropped and
 * the code put in front. Returns "+" and 7 to 15 digits, or NULL with an
 * OD_VALIDATION_ERROR that names the number and says what is wrong. */
char          *od_sms_text_normalize_number (const char          *number,
                                             const char          *default_calling_code,
                                             GError             **error);
/* Whether @number is already "+" and 7 to 15 digits, the first not 0. */
gboolean       od_sms_text_is_e164          (const char          *number);

/* Whether every character of @text is in the GSM-7 alphabet or its
 * extension table. */
gboolean       od_sms_text_is_gsm7          (const char          *text);
void           od_sms_text_measure          (const char          *text,
                                             OdSmsMeasure        *measure);
/* "1 segment (GSM-7)", "3 segments (Unicode)", for a preview. */
char          *od_sms_measure_describe      (const OdSmsMeasure  *measure);

/* The line every message ends with, translated. */
const char    *od_sms_text_opt_out_line     (void);
/* @body, without trailing white space, then a new line and the opt-out
 * line; unchanged when it already ends with that line. */
char          *od_sms_text_append_opt_out   (const char          *body);

G_END_DECLS
