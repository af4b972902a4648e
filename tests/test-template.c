/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-template.h"

#include <pango/pango.h>
#include <string.h>

static char *
render (const char       *source,
        OdTemplateValues *values,
        OdTemplateTarget  target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplate) template = od_template_new (source, "test", &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return od_template_render (template, values, target);
}

static OdTemplateValues *
full_values (void)
{
  OdTemplateValues *values = od_template_values_new ();
  const char * const *tags = od_template_get_known_tags ();

  /* Every value tag holds its own name in capitals. */
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (tags[i], -1);

      if (!g_str_equal (tags[i], "invoices"))
        od_template_values_set (values, tags[i], upper);
    }
  return values;
}

/* Every known value tag renders its value. */
static void
test_every_tag (void)
{
  g_autoptr(OdTemplateValues) values = full_values ();
  const char * const *tags = od_template_get_known_tags ();

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *source = NULL;
      g_autofree char *out = NULL;
      g_autofree char *upper = g_ascii_strup (tags[i], -1);
      g_autofree char *expected = NULL;

      if (g_str_equal (tags[i], "invoices"))
        continue;
      source = g_strdup_printf ("[{{ %s }}]", tags[i]);
      out = render (source, values, OD_TEMPLATE_TARGET_TEXT);
      expected = g_strdup_printf ("[%s]", upper);
      g_assert_cmpstr (out, ==, expected);
    }
}

static void
test_sections (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *with_fee = NULL;
  g_autofree char *without_fee = NULL;
  const char *source = "Due: {{amount_due}}.{{#late_fee}} Fee: {{late_fee}}.{{/late_fee}}"
                       "{{^late_fee}} No fee.{{/late_fee}}{{! a comment }}";

  od_template_values_set (values, "amount_due", "EUR 100.00");
  without_fee = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (without_fee, ==, "Due: EUR 100.00. No fee.");

  od_template_values_set (values, "late_fee", "EUR 15.00");
  with_fee = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (with_fee, ==, "Due: EUR 100.00. Fee: EUR 15.00.");

  /* An empty value is not set. */
  od_template_values_set (values, "late_fee", "");
  g_clear_pointer (&with_fee, g_free);
  with_fee = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (with_fee, ==, "Due: EUR 100.00. No fee.");
}

/* A list repeats per element; an element's names come first, then the
 * enclosing values. */
static void
test_list (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *out = NULL;
  g_autofree char *none = NULL;
  OdTemplateValues *item;
  const char *source = "{{#invoices}}- {{invoice.number}}: {{amount_due}} ({{customer.name}})\n{{/invoices}}"
                       "{{^invoices}}nothing open{{/invoices}}";

  none = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (none, ==, "nothing open");

  od_template_values_set (values, "customer.name", "Zoë");
  od_template_values_set (values, "amount_due", "total");
  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-1");
  od_template_values_set (item, "amount_due", "10.00");
  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-2");
  od_template_values_set (item, "amount_due", "20.00");

  out = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (out, ==, "- A-1: 10.00 (Zoë)\n- A-2: 20.00 (Zoë)\n");
}

static void
test_tags_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplate) template =
    od_template_new ("{{customer.name}} {{#late_fee}}{{late_fee}}{{/late_fee}} {{customer.name}}",
                     "test", &error);
  g_auto(GStrv) tags = NULL;

  g_assert_no_error (error);
  tags = od_template_get_tags (template);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "customer.name");
  g_assert_cmpstr (tags[1], ==, "late_fee");
}

typedef struct
{
  const char *source;
  gint        code;
  const char *message;
} BadTemplate;

static const BadTemplate bad_templates[] = {
  { "Dear {{customer.nmae}},", OD_TEMPLATE_ERROR_UNKNOWN_TAG,
    "first-reminder (html): line 1, column 6: unknown tag “customer.nmae”" },
  { "Dear {{customer.name}},\n\nYou owe {{amount_due}\n", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 3, column 9: “{{” is not closed with “}}”" },
  { "a\n{{#late_fee}}fee", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 2, column 1: the section “late_fee” is not closed with “{{/late_fee}}”" },
  { "{{#late_fee}}{{#interest}}x{{/late_fee}}{{/interest}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 1, column 28: “{{/late_fee}}” closes “interest”, which is still open" },
  { "x {{/late_fee}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 1, column 3: “{{/late_fee}}” closes a section that was never opened" },
  { "Grüße {{}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 1, column 7: an empty tag" },
  { "Dear {{customer.name}},\n\nplease pay\n{{#invoices}}  - {{ customer.nmae }}{{/invoices}}",
    OD_TEMPLATE_ERROR_UNKNOWN_TAG,
    "first-reminder (html): line 4, column 18: unknown tag “customer.nmae”" },
  { "{{#late_feee}}x{{/late_feee}}", OD_TEMPLATE_ERROR_UNKNOWN_TAG,
    "first-reminder (html): line 1, column 1: unknown tag “late_feee”" },
  { "{{Customer.Name}}", OD_TEMPLATE_ERROR_UNKNOWN_TAG,
    "first-reminder (html): line 1, column 1: unknown tag “Customer.Name”" },
  { "ok\n\t{{#invoices}}{{/late_fee}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 2, column 15: “{{/late_fee}}” closes “invoices”, which is still open" },
  { "Dear {{customer.name}, you owe {{amount_due}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 1, column 6: “{{” is not closed with “}}”" },
  { "{{invoices}}", OD_TEMPLATE_ERROR_SYNTAX,
    "first-reminder (html): line 1, column 1: “invoices” is a list: use it as a section, {{#invoices}} … {{/invoices}}" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_templates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OdTemplate) template =
        od_template_new (bad_templates[i].source, "first-reminder (html)", &error);

      g_assert_null (template);
      g_assert_error (error, OD_TEMPLATE_ERROR, bad_templates[i].code);
      g_assert_cmpstr (error->message, ==, bad_templates[i].message);
    }
}

/* A customer's name is someone else's input: it must not become a mail
 * header, a script or markup. */
static void
test_injection (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *subject = NULL;
  g_autofree char *html = NULL;
  g_autofree char *pango = NULL;
  g_autofree char *sms = NULL;
  g_autofree char *text = NULL;

  od_template_values_set (values, "customer.name", "Evil Corp\r\nBcc: victim@example.com");
  subject = render ("Reminder for {{customer.name}}\n", values, OD_TEMPLATE_TARGET_HEADER);
  g_assert_cmpstr (subject, ==, "Reminder for Evil Corp Bcc: victim@example.com");
  g_assert_null (strpbrk (subject, "\r\n"));

  od_template_values_set (values, "customer.name", "<script>alert('x')</script> & \"Co\"");
  html = render ("<p>Dear {{customer.name}}</p>", values, OD_TEMPLATE_TARGET_HTML);
  g_assert_cmpstr (html, ==,
                   "<p>Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</p>");

  od_template_values_set (values, "customer.name", "<b>Bold</b> & <span size='99999'>Big</span>");
  pango = render ("<b>Dear</b> {{customer.name}}", values, OD_TEMPLATE_TARGET_PANGO);
  g_assert_cmpstr (pango, ==,
                   "<b>Dear</b> &lt;b&gt;Bold&lt;/b&gt; &amp; &lt;span size=&apos;99999&apos;&gt;Big&lt;/span&gt;");
  g_assert_true (pango_parse_markup (pango, -1, 0, NULL, NULL, NULL, NULL));

  od_template_values_set (values, "customer.name", "A\tB\x01\x1b[31m\nC");
  sms = render ("Hi {{customer.name}}", values, OD_TEMPLATE_TARGET_SMS);
  g_assert_cmpstr (sms, ==, "Hi A B[31m C");
  text = render ("Hi {{customer.name}}", values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (text, ==, "Hi A\tB[31m\nC");
}

/* A multi-line address keeps its lines in text and HTML. */
static void
test_multiline_values (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  od_template_values_set (values, "customer.address", "Hauptstr. 1\r\n10115 Berlin");
  html = render ("{{customer.address}}", values, OD_TEMPLATE_TARGET_HTML);
  g_assert_cmpstr (html, ==, "Hauptstr. 1<br>\n10115 Berlin");
  text = render ("{{customer.address}}", values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (text, ==, "Hauptstr. 1\n10115 Berlin");
}

/* Each target's escaping, value by value. */
static void
test_escape (void)
{
  static const struct {
    OdTemplateTarget target;
    const char *value;
    const char *expected;
  } cases[] = {
    { OD_TEMPLATE_TARGET_TEXT, "a\r\nb\x7f\x1b\tc", "a\nb\tc" },
    { OD_TEMPLATE_TARGET_TEXT, "<b>&</b>", "<b>&</b>" },
    { OD_TEMPLATE_TARGET_HTML, "Tom & Jerry's <i>\"Shop\"</i>", "Tom &amp; Jerry&#39;s &lt;i&gt;&quot;Shop&quot;&lt;/i&gt;" },
    { OD_TEMPLATE_TARGET_PANGO, "Müller & Söhne <b>GmbH</b>", "Müller &amp; Söhne &lt;b&gt;GmbH&lt;/b&gt;" },
    { OD_TEMPLATE_TARGET_HEADER, "  Müller\r\n\r\n Bcc: x@evil\u2028To: y@evil\x00  ", "Müller Bcc: x@evil To: y@evil" },
    { OD_TEMPLATE_TARGET_HEADER, "a\tb\vc\fd", "a b c d" },
    { OD_TEMPLATE_TARGET_SMS, "Hauptstr. 1\r\n10115 Berlin\n", "Hauptstr. 1 10115 Berlin" },
    { OD_TEMPLATE_TARGET_SMS, "Zoë \xe5\xb1\xb1\xe7\x94\xb0", "Zoë 山田" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = od_template_escape (cases[i].value, cases[i].target);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }

  /* Invalid UTF-8 never passes through. */
  {
    g_autofree char *out = od_template_escape ("Caf\xe9", OD_TEMPLATE_TARGET_TEXT);

    g_assert_true (g_utf8_validate (out, -1, NULL));
    g_assert_true (g_str_has_prefix (out, "Caf"));
  }
}

/* The subject template's own line breaks do not make a second header
 * line either. */
static void
test_header_template (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *subject = NULL;

  od_template_values_set (values, "invoice.number", "A-1");
  subject = render ("Invoice {{invoice.number}}\r\nBcc: x@evil\n", values,
                    OD_TEMPLATE_TARGET_HEADER);
  g_assert_cmpstr (subject, ==, "Invoice A-1 Bcc: x@evil");
}

/* A section inside a list sees the element's value; an inverted one
 * the lack of it. Values not set render as nothing, never as a tag. */
static void
test_nested (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *out = NULL;
  OdTemplateValues *item;
  const char *source = "{{#invoices}}{{invoice.number}}{{#days_overdue}} ({{days_overdue}} days late){{/days_overdue}}"
                       "{{^days_overdue}} (not yet due){{/days_overdue}}; {{/invoices}}[{{late_fee}}]";

  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-1");
  od_template_values_set (item, "days_overdue", "12");
  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-2");

  out = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (out, ==, "A-1 (12 days late); A-2 (not yet due); []");
  g_assert_null (strstr (out, "{{"));

  /* Rendering without values at all. */
  g_clear_pointer (&out, g_free);
  out = render (source, NULL, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (out, ==, "[]");
}

/* A section or comment tag alone on its line leaves no empty line. */
static void
test_standalone (void)
{
  g_autoptr(OdTemplateValues) values = od_template_values_new ();
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *crlf = NULL;
  OdTemplateValues *item;
  const char *source =
    "Dear Anna,\n"
    "{{! the fee only when there is one }}\n"
    "  {{#late_fee}}  \n"
    "A fee of {{late_fee}} applies.\n"
    "  {{/late_fee}}\n"
    "Open:\n"
    "{{#invoices}}\n"
    "- {{invoice.number}}\n"
    "{{/invoices}}\n"
    "Thanks {{#late_fee}}again{{/late_fee}}\n"
    "{{! the end }}";

  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-1");
  item = od_template_values_add_item (values, "invoices");
  od_template_values_set (item, "invoice.number", "A-2");

  without = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (without, ==, "Dear Anna,\nOpen:\n- A-1\n- A-2\nThanks \n");

  od_template_values_set (values, "late_fee", "EUR 5.00");
  with = render (source, values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (with, ==, "Dear Anna,\nA fee of EUR 5.00 applies.\nOpen:\n- A-1\n- A-2\nThanks again\n");

  crlf = render ("a\r\n{{#late_fee}}\r\nb\r\n{{/late_fee}}\r\nc", values, OD_TEMPLATE_TARGET_TEXT);
  g_assert_cmpstr (crlf, ==, "a\r\nb\r\nc");
}

static void
test_parts (void)
{
  OdTemplatePart part;

  for (OdTemplatePart p = OD_TEMPLATE_PART_SUBJECT; p <= OD_TEMPLATE_PART_LETTER; p++)
    {
      g_assert_true (od_template_part_from_string (od_template_part_to_string (p), &part));
      g_assert_cmpint (part, ==, p);
    }
  g_assert_false (od_template_part_from_string ("fax", &part));
  g_assert_cmpint (od_template_part_get_target (OD_TEMPLATE_PART_SUBJECT), ==, OD_TEMPLATE_TARGET_HEADER);
  g_assert_cmpint (od_template_part_get_target (OD_TEMPLATE_PART_LETTER), ==, OD_TEMPLATE_TARGET_PANGO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/template/every-tag", test_every_tag);
  g_test_add_func ("/od/template/sections", test_sections);
  g_test_add_func ("/od/template/list", test_list);
  g_test_add_func ("/od/template/tags", test_tags_listed);
  g_test_add_func ("/od/template/errors", test_errors);
  g_test_add_func ("/od/template/injection", test_injection);
  g_test_add_func ("/od/template/multiline", test_multiline_values);
  g_test_add_func ("/od/template/parts", test_parts);
  g_test_add_func ("/od/template/escape", test_escape);
  g_test_add_func ("/od/template/header-template", test_header_template);
  g_test_add_func ("/od/template/nested", test_nested);
  g_test_add_func ("/od/template/standalone", test_standalone);

  return g_test_run ();
}
