/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-sms-text.h"
#include "od-types.h"

#include <string.h>

#define assert_error_mentions(error, needle)                                 \
  G_STMT_START {                                                             \
    if (strstr ((error)->message, (needle)) == NULL)                         \
      g_error ("“%s” does not mention “%s”", (error)->message, (needle));    \
  } G_STMT_END

static char *
repeat (const char *piece,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

static void
test_normalize_good (void)
{
  static const struct { const char *in; const char *code; const char *out; } cases[] = {
    { "+44 20 7946 0958", NULL, "+442079460958" },
    { "+44 (0)20 7946 0958", NULL, "+442079460958" },
    { "0044 20-7946-0958", NULL, "+442079460958" },
    { "  +1 (415) 555-0134 ", NULL, "+14155550134" },
    { "+49.30.1234567", NULL, "+49301234567" },
    { "030 1234567", "49", "+49301234567" },
    { "(415) 555 0134", "1", "+14155550134" },
    { "+290 1234", NULL, "+2901234" },
    { "+123456789012345", NULL, "+123456789012345" },
    { "+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨", NULL, "+442079460958" },   /* Arabic-Indic digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = od_sms_text_normalize_number (cases[i].in, cases[i].code, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (od_sms_text_is_e164 (out));
    }
}

static void
test_normalize_bad (void)
{
  static const struct { const char *in; const char *why; } cases[] = {
    { "", "empty" },
    { "   ", "empty" },
    { "020 7946 0958", "no country code" },
    { "+44 20 7946 0958 ext 12", "“e”, which is not a digit" },
    { "1-800-FLOWERS", "“F”, which is not a digit" },
    { "+44 20+7946", "not at its start" },
    { "+0 123 456 789", "none starts with 0" },
    { "+1234567890123456", "has 16 digits" },
    { "+49 123", "only 5 digits" },
    { "+()", "no digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = od_sms_text_normalize_number (cases[i].in, NULL, &error);

      g_assert_null (out);
      g_assert_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID);
      assert_error_mentions (error, cases[i].why);
      /* The message names the number it is about. */
      if (strlen (g_strstrip (g_strdup (cases[i].in))) > 0)
        {
          g_autofree char *shown = g_strstrip (g_strdup (cases[i].in));
          assert_error_mentions (error, shown);
        }
    }
}

static void
test_is_e164 (void)
{
  g_assert_true (od_sms_text_is_e164 ("+14155550134"));
  g_assert_false (od_sms_text_is_e164 ("14155550134"));
  g_assert_false (od_sms_text_is_e164 ("+04155550134"));
  g_assert_false (od_sms_text_is_e164 ("+1 415 555 0134"));
  g_assert_false (od_sms_text_is_e164 ("+1234567890123456"));
  g_assert_false (od_sms_text_is_e164 ("+123456"));
  g_assert_false (od_sms_text_is_e164 (NULL));
}

static void
test_gsm7_detection (void)
{
  /* The whole basic set and the extension table. */
  g_assert_true (od_sms_text_is_gsm7 ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./"
                                      "0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
                                      "¿abcdefghijklmnopqrstuvwxyzäöñüà"));
  g_assert_true (od_sms_text_is_gsm7 ("^{}\\[~]|€\f"));
  g_assert_true (od_sms_text_is_gsm7 (""));

  g_assert_false (od_sms_text_is_gsm7 ("`"));
  g_assert_false (od_sms_text_is_gsm7 ("ç"));          /* only the capital Ç is in the set */
  g_assert_false (od_sms_text_is_gsm7 ("Invoice – due"));  /* en dash */
  g_assert_false (od_sms_text_is_gsm7 ("“quoted”"));
  g_assert_false (od_sms_text_is_gsm7 ("Zahlung für Łódź"));
  g_assert_false (od_sms_text_is_gsm7 ("Thanks 🙂"));
  g_assert_false (od_sms_text_is_gsm7 ("\t"));
}

static void
assert_measure (const char    *text,
                OdSmsEncoding  encoding,
                guint          units,
                guint          segments,
                guint          remaining)
{
  OdSmsMeasure m;

  od_sms_text_measure (text, &m);
  g_assert_cmpint (m.encoding, ==, encoding);
  g_assert_cmpuint (m.units, ==, units);
  g_assert_cmpuint (m.segments, ==, segments);
  g_assert_cmpuint (m.remaining, ==, remaining);
}

static void
test_segments_gsm7 (void)
{
  g_autofree char *s160 = repeat ("a", 160);
  g_autofree char *s161 = repeat ("a", 161);
  g_autofree char *s306 = repeat ("a", 306);
  g_autofree char *s307 = repeat ("a", 307);
  g_autofree char *ext80 = repeat ("€", 80);
  g_autofree char *ext81 = repeat ("{", 81);
  g_autofree char *a152 = repeat ("a", 152);
  g_autofree char *split = g_strconcat (a152, "€", "aaaaaaaaaa", NULL);
  g_autofree char *a159 = repeat ("a", 159);
  g_autofree char *ext_at_end = g_strconcat (a159, "|", NULL);

  assert_measure ("", OD_SMS_ENCODING_GSM7, 0, 1, 160);
  assert_measure (s160, OD_SMS_ENCODING_GSM7, 160, 1, 0);
  assert_measure (s161, OD_SMS_ENCODING_GSM7, 161, 2, 145);
  assert_measure (s306, OD_SMS_ENCODING_GSM7, 306, 2, 0);
  assert_measure (s307, OD_SMS_ENCODING_GSM7, 307, 3, 152);
  /* Extension characters count double. */
  assert_measure (ext80, OD_SMS_ENCODING_GSM7, 160, 1, 0);
  assert_measure (ext81, OD_SMS_ENCODING_GSM7, 162, 2, 143);
  assert_measure (ext_at_end, OD_SMS_ENCODING_GSM7, 161, 2, 145);
  /* 152 + 2 + 10 = 164 septets: the € does not fit in the first
   * segment's last septet, so it moves whole into the second. */
  assert_measure (split, OD_SMS_ENCODING_GSM7, 164, 2, 141);
}

static void
test_segments_ucs2 (void)
{
  g_autofree char *s70 = repeat ("ж", 70);
  g_autofree char *s71 = repeat ("ж", 71);
  g_autofree char *s134 = repeat ("ж", 134);
  g_autofree char *s135 = repeat ("ж", 135);
  g_autofree char *emoji35 = repeat ("🙂", 35);
  g_autofree char *emoji36 = repeat ("🙂", 36);
  g_autofree char *z66 = repeat ("ж", 66);
  g_autofree char *split = g_strconcat (z66, "🙂", "ж", NULL);
  g_autofree char *a69 = repeat ("a", 69);
  g_autofree char *mixed = g_strconcat (a69, "ç", NULL);
  g_autofree char *a70 = repeat ("a", 70);
  g_autofree char *mixed71 = g_strconcat (a70, "ç", NULL);

  assert_measure (s70, OD_SMS_ENCODING_UCS2, 70, 1, 0);
  assert_measure (s71, OD_SMS_ENCODING_UCS2, 71, 2, 63);
  assert_measure (s134, OD_SMS_ENCODING_UCS2, 134, 2, 0);
  assert_measure (s135, OD_SMS_ENCODING_UCS2, 135, 3, 66);
  /* An emoji outside the BMP is a surrogate pair: two units. */
  assert_measure (emoji35, OD_SMS_ENCODING_UCS2, 70, 1, 0);
  assert_measure (emoji36, OD_SMS_ENCODING_UCS2, 72, 2, 61);
  /* 66 + 2 + 1 = 69 units in more than one segment would split the pair
   * at 67; it moves whole. (69 fits in one: build a longer case.) */
  assert_measure (split, OD_SMS_ENCODING_UCS2, 69, 1, 1);
  {
    g_autofree char *longer = g_strconcat (split, s70, NULL);
    /* 139 units: [66 ж] then the pair does not fit in 67 → second
     * segment [🙂 ж 64×ж] = 67, third [6×ж]. */
    assert_measure (longer, OD_SMS_ENCODING_UCS2, 139, 3, 61);
  }
  /* One character outside GSM-7 makes the whole text UCS-2. */
  assert_measure (mixed, OD_SMS_ENCODING_UCS2, 70, 1, 0);
  assert_measure (mixed71, OD_SMS_ENCODING_UCS2, 71, 2, 63);
}

static void
test_describe (void)
{
  g_autofree char *s161 = repeat ("a", 161);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *uni = NULL;
  OdSmsMeasure m;

  od_sms_text_measure ("Hello", &m);
  one = od_sms_measure_describe (&m);
  g_assert_cmpstr (one, ==, "1 segment (GSM-7)");
  od_sms_text_measure (s161, &m);
  two = od_sms_measure_describe (&m);
  g_assert_cmpstr (two, ==, "2 segments (GSM-7)");
  od_sms_text_measure ("Grüße aus Łódź", &m);
  uni = od_sms_measure_describe (&m);
  g_assert_cmpstr (uni, ==, "1 segment (Unicode)");
}

static void
test_opt_out (void)
{
  g_autofree char *once = od_sms_text_append_opt_out ("Invoice 42 is overdue.\n\n");
  g_autofree char *twice = od_sms_text_append_opt_out (once);
  g_autofree char *empty = od_sms_text_append_opt_out ("");
  OdSmsMeasure m;

  g_assert_cmpstr (od_sms_text_opt_out_line (), ==, "Reply STOP to opt out");
  g_assert_cmpstr (once, ==, "Invoice 42 is overdue.\nReply STOP to opt out");
  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpstr (empty, ==, "Reply STOP to opt out");

  /* What a caller shows before sending counts the line too. */
  od_sms_text_measure (once, &m);
  g_assert_cmpuint (m.units, ==, strlen (once));
  g_assert_cmpuint (m.segments, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/sms-text/normalize-good", test_normalize_good);
  g_test_add_func ("/od/sms-text/normalize-bad", test_normalize_bad);
  g_test_add_func ("/od/sms-text/is-e164", test_is_e164);
  g_test_add_func ("/od/sms-text/gsm7-detection", test_gsm7_detection);
  g_test_add_func ("/od/sms-text/segments-gsm7", test_segments_gsm7);
  g_test_add_func ("/od/sms-text/segments-ucs2", test_segments_ucs2);
  g_test_add_func ("/od/sms-text/describe", test_describe);
  g_test_add_func ("/od/sms-text/opt-out", test_opt_out);

  return g_test_run ();
}
