/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <pango/pango.h>
#include <string.h>

#include "od-template-private.h"

/* Characters that break or space a line: kept where @keep allows,
 * else folded into a space (or dropped when not folding). */
static gboolean
is_space_control (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Appends @value without control characters: those in @keep stay, the
 * ones that space a line become one space when @fold is set, the rest
 * (NUL, ESC, DEL, C1 ...) are dropped. */
static void
append_clean (GString    *out,
              const char *value,
              const char *keep,
              gboolean    fold)
{
  gboolean pending_space = FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && keep != NULL && c != 0 && strchr (keep, (char) c) != NULL)
        {
          g_string_append_c (out, (char) c);
          pending_space = FALSE;
          continue;
        }
      if (is_space_control (c))
        {
          pending_space = fold;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;
      if (pending_space)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          if (c == ' ')
            continue;
        }
      g_string_append_unichar (out, c);
    }
}

char *
_od_template_fold_header (const char *text)
{
  GString *out = g_string_new (NULL);

  append_clean (out, text, NULL, TRUE);
  return g_strstrip (g_string_free (out, FALSE));
}

char *
od_template_escape (const char       *value,
                    OdTemplateTarget  target)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);

  g_return_val_if_fail (value != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  switch (target)
    {
    case OD_TEMPLATE_TARGET_HEADER:
      return _od_template_fold_header (value);

    case OD_TEMPLATE_TARGET_SMS:
      append_clean (clean, value, NULL, TRUE);
      return g_string_free (g_steal_pointer (&clean), FALSE);

    case OD_TEMPLATE_TARGET_PANGO:
      append_clean (clean, value, "\n\t", FALSE);
      return g_markup_escape_text (clean->str, clean->len);

    case OD_TEMPLATE_TARGET_HTML:
      {
        GString *out = g_string_new (NULL);

        append_clean (clean, value, "\n\t", FALSE);
        for (const char *p = clean->str; *p != '\0'; p++)
          {
            switch (*p)
              {
              case '&': g_string_append (out, "&amp;"); break;
              case '<': g_string_append (out, "&lt;"); break;
              case '>': g_string_append (out, "&gt;"); break;
              case '"': g_string_append (out, "&quot;"); break;
              case '\'': g_string_append (out, "&#39;"); break;
              /* A multi-line value (an address) keeps its lines. */
              case '\n': g_string_append (out, "<br>\n"); break;
              default: g_string_append_c (out, *p); break;
              }
          }
        return g_string_free (out, FALSE);
      }

    case OD_TEMPLATE_TARGET_TEXT:
    default:
      append_clean (clean, value, "\n\t", FALSE);
      return g_string_free (g_steal_pointer (&clean), FALSE);
    }
}

gboolean
od_template_check_part (OdTemplate      *self,
                        OdTemplatePart   part,
                        const char      *origin,
                        GError         **error)
{
  g_autoptr(OdTemplateValues) full = NULL;
  g_autoptr(OdTemplateValues) empty = NULL;
  const char * const *tags;
  OdTemplateValues *item;

  g_return_val_if_fail (OD_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (part != OD_TEMPLATE_PART_LETTER)
    return TRUE;

  /* Every section shown, then every inverted one. */
  full = od_template_values_new ();
  tags = od_template_get_known_tags ();
  for (guint i = 0; tags[i] != NULL; i++)
    od_template_values_set (full, tags[i], "x");
  item = od_template_values_add_item (full, "invoices");
  od_template_values_set (item, "invoice.number", "x");
  empty = od_template_values_new ();

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = od_template_render (self, i == 0 ? full : empty,
                                                 OD_TEMPLATE_TARGET_PANGO);
      g_autoptr(GError) markup_error = NULL;

      if (!pango_parse_markup (out, -1, 0, NULL, NULL, NULL, &markup_error))
        {
          g_set_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_SYNTAX,
                       _("%s: the letter is not valid markup: %s"),
                       origin != NULL ? origin : _("template"), markup_error->message);
          return FALSE;
        }
    }
  return TRUE;
}
