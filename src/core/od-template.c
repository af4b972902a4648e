/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "od-template-private.h"

typedef enum
{
  NODE_TEXT,
  NODE_VALUE,
  NODE_SECTION,
  NODE_INVERTED,
} NodeKind;

typedef struct _Node Node;
struct _Node
{
  NodeKind   kind;
  char      *text;      /* the literal text, or the tag name */
  GPtrArray *children;  /* sections: Node* */
  gsize      offset;    /* of the opening "{{" in the source */
};

struct _OdTemplate
{
  GObject    parent_instance;

  char      *source;
  GPtrArray *nodes;
};

G_DEFINE_TYPE (OdTemplate, od_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-template-error-quark, od_template_error)

/* The fixed vocabulary. Lists and value tags alike may open a section. */
static const char * const known_tags[] = {
  "amount_due",
  "business.address",
  "business.bic",
  "business.email",
  "business.iban",
  "business.name",
  "business.phone",
  "business.tax_id",
  "compensation",
  "currency",
  "customer.address",
  "customer.contact",
  "customer.email",
  "customer.name",
  "customer.ref",
  "days_overdue",
  "discount_amount",
  "discount_until",
  "instalment.amount",
  "instalment.count",
  "instalment.due_date",
  "instalment.number",
  "interest",
  "interest_days",
  "interest_rate",
  "invoice.due_date",
  "invoice.issue_date",
  "invoice.number",
  "invoice.paid",
  "invoice.total",
  "invoices",
  "late_fee",
  "new_deadline",
  "opt_out",
  "payment_link",
  "several_invoices",
  "today",
  "total_due",
  NULL
};

/* Only these name a list; as a plain value they render nothing, so
 * {{invoices}} is a mistake worth naming. */
static const char * const list_tags[] = {
  "invoices",
  NULL
};

static const char * const part_names[] = {
  [OD_TEMPLATE_PART_SUBJECT] = "subject",
  [OD_TEMPLATE_PART_TEXT] = "text",
  [OD_TEMPLATE_PART_HTML] = "html",
  [OD_TEMPLATE_PART_SMS] = "sms",
  [OD_TEMPLATE_PART_LETTER] = "letter",
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->text);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

static Node *
node_new (NodeKind    kind,
          const char *text,
          gssize      length,
          gsize       offset)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->text = length < 0 ? g_strdup (text) : g_strndup (text, length);
  node->offset = offset;
  if (kind == NODE_SECTION || kind == NODE_INVERTED)
    node->children = g_ptr_array_new_with_free_func (node_free);
  return node;
}

static gboolean
is_known (const char *name)
{
  return g_strv_contains (known_tags, name);
}

/* Line and column (both from 1, the column in characters) of @offset. */
static void
position_of (const char *source,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  const char *line_start = source;

  *line = 1;
  for (const char *p = source; p < source + offset; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }
  *column = (guint) g_utf8_strlen (line_start, source + offset - line_start) + 1;
}

static void G_GNUC_PRINTF (6, 7)
set_error (GError         **error,
           OdTemplateError  code,
           const char      *origin,
           const char      *source,
           gsize            offset,
           const char      *format,
           ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (source, offset, &line, &column);
  /* TRANSLATORS: "first-reminder (html): line 4, column 12: unknown tag …" */
  g_set_error (error, OD_TEMPLATE_ERROR, code, _("%s: line %u, column %u: %s"),
               origin, line, column, what);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '_' || c == '.';
}

/* Checks a tag's name (already trimmed) and reports it by @offset. */
static gboolean
check_name (const char  *name,
            gboolean     as_section,
            const char  *origin,
            const char  *source,
            gsize        offset,
            GError     **error)
{
  if (*name == '\0')
    {
      set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                 _("an empty tag"));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!is_name_char (*p))
        {
          set_error (error, OD_TEMPLATE_ERROR_UNKNOWN_TAG, origin, source, offset,
                     _("unknown tag “%s”"), name);
          return FALSE;
        }
    }
  if (!is_known (name))
    {
      set_error (error, OD_TEMPLATE_ERROR_UNKNOWN_TAG, origin, source, offset,
                 _("unknown tag “%s”"), name);
      return FALSE;
    }
  if (!as_section && g_strv_contains (list_tags, name))
    {
      set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                 _("“%s” is a list: use it as a section, {{#%s}} … {{/%s}}"),
                 name, name, name);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
parse (const char  *source,
       const char  *origin,
       GError     **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (node_free);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();   /* Node*, innermost last */
  const char *end = NULL;
  const char *p = source;

  if (!g_utf8_validate (source, -1, &end))
    {
      set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, end - source,
                 _("the text is not valid UTF-8"));
      return NULL;
    }

  while (*p != '\0')
    {
      GPtrArray *into = open->len > 0
        ? ((Node *) g_ptr_array_index (open, open->len - 1))->children : nodes;
      const char *start = strstr (p, "{{");
      const char *close;
      const char *text_end;
      const char *next;
      gsize offset;
      g_autofree char *inner = NULL;
      char sigil = '\0';
      char *name;

      if (start == NULL)
        {
          g_ptr_array_add (into, node_new (NODE_TEXT, p, -1, p - source));
          break;
        }
      offset = start - source;
      close = strstr (start + 2, "}}");
      if (close == NULL)
        {
          set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                     _("“{{” is not closed with “}}”"));
          return NULL;
        }

      /* A section or comment tag alone on its line takes the line with
       * it, so templates can put them on lines of their own. */
      text_end = start;
      next = close + 2;
      if (start[2] == '#' || start[2] == '^' || start[2] == '/' || start[2] == '!')
        {
          const char *line_start = start;
          const char *after = close + 2;

          while (line_start > p && (line_start[-1] == ' ' || line_start[-1] == '\t'))
            line_start--;
          while (*after == ' ' || *after == '\t')
            after++;
          if ((line_start == source || line_start[-1] == '\n') &&
              (*after == '\0' || *after == '\n' || (after[0] == '\r' && after[1] == '\n')))
            {
              text_end = line_start;
              next = *after == '\0' ? after : after + (*after == '\r' ? 2 : 1);
            }
        }
      if (text_end > p)
        g_ptr_array_add (into, node_new (NODE_TEXT, p, text_end - p, p - source));

      inner = g_strndup (start + 2, close - start - 2);
      p = next;

      if (inner[0] == '!')
        continue;
      if (strchr (inner, '\n') != NULL || strstr (inner, "{{") != NULL)
        {
          set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                     _("“{{” is not closed with “}}”"));
          return NULL;
        }

      if (inner[0] == '#' || inner[0] == '^' || inner[0] == '/')
        sigil = inner[0];
      name = g_strstrip (inner + (sigil != '\0' ? 1 : 0));

      switch (sigil)
        {
        case '#':
        case '^':
          {
            Node *node;

            if (!check_name (name, TRUE, origin, source, offset, error))
              return NULL;
            node = node_new (sigil == '#' ? NODE_SECTION : NODE_INVERTED,
                             name, -1, offset);
            g_ptr_array_add (into, node);
            g_ptr_array_add (open, node);
          }
          break;

        case '/':
          {
            Node *innermost;

            if (!check_name (name, TRUE, origin, source, offset, error))
              return NULL;
            if (open->len == 0)
              {
                set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                           _("“{{/%s}}” closes a section that was never opened"), name);
                return NULL;
              }
            innermost = g_ptr_array_index (open, open->len - 1);
            if (strcmp (innermost->text, name) != 0)
              {
                set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, offset,
                           _("“{{/%s}}” closes “%s”, which is still open"),
                           name, innermost->text);
                return NULL;
              }
            g_ptr_array_remove_index (open, open->len - 1);
          }
          break;

        default:
          if (!check_name (name, FALSE, origin, source, offset, error))
            return NULL;
          g_ptr_array_add (into, node_new (NODE_VALUE, name, -1, offset));
          break;
        }
    }

  if (open->len > 0)
    {
      Node *innermost = g_ptr_array_index (open, open->len - 1);

      set_error (error, OD_TEMPLATE_ERROR_SYNTAX, origin, source, innermost->offset,
                 _("the section “%s” is not closed with “{{/%s}}”"),
                 innermost->text, innermost->text);
      return NULL;
    }

  return g_steal_pointer (&nodes);
}

static void
render_nodes (GPtrArray        *nodes,
              OdTemplateValues *scope,
              OdTemplateTarget  target,
              GString          *out)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      GPtrArray *list = NULL;
      const char *value = NULL;
      gboolean truthy;

      if (node->kind == NODE_TEXT)
        {
          g_string_append (out, node->text);
          continue;
        }

      if (node->kind == NODE_VALUE)
        {
          value = scope != NULL ? od_template_values_lookup (scope, node->text) : NULL;
          if (value != NULL)
            {
              g_autofree char *escaped = od_template_escape (value, target);

              g_string_append (out, escaped);
            }
          continue;
        }

      if (scope != NULL)
        {
          list = _od_template_values_lookup_list (scope, node->text);
          value = od_template_values_lookup (scope, node->text);
        }
      truthy = list != NULL ? list->len > 0 : (value != NULL && *value != '\0');

      if (node->kind == NODE_INVERTED)
        {
          if (!truthy)
            render_nodes (node->children, scope, target, out);
        }
      else if (list != NULL)
        {
          for (guint j = 0; j < list->len; j++)
            render_nodes (node->children, g_ptr_array_index (list, j), target, out);
        }
      else if (truthy)
        {
          render_nodes (node->children, scope, target, out);
        }
    }
}

static void
od_template_finalize (GObject *object)
{
  OdTemplate *self = OD_TEMPLATE (object);

  g_free (self->source);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);

  G_OBJECT_CLASS (od_template_parent_class)->finalize (object);
}

static void
od_template_class_init (OdTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_template_finalize;
}

static void
od_template_init (OdTemplate *self)
{
}

const char *
od_template_part_to_string (OdTemplatePart part)
{
  g_return_val_if_fail (part <= OD_TEMPLATE_PART_LETTER, NULL);

  return part_names[part];
}

gboolean
od_template_part_from_string (const char     *text,
                              OdTemplatePart *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      if (g_ascii_strcasecmp (text, part_names[i]) == 0)
        {
          *out = (OdTemplatePart) i;
          return TRUE;
        }
    }
  return FALSE;
}

OdTemplateTarget
od_template_part_get_target (OdTemplatePart part)
{
  switch (part)
    {
    case OD_TEMPLATE_PART_SUBJECT:
      return OD_TEMPLATE_TARGET_HEADER;
    case OD_TEMPLATE_PART_HTML:
      return OD_TEMPLATE_TARGET_HTML;
    case OD_TEMPLATE_PART_SMS:
      return OD_TEMPLATE_TARGET_SMS;
    case OD_TEMPLATE_PART_LETTER:
      return OD_TEMPLATE_TARGET_PANGO;
    case OD_TEMPLATE_PART_TEXT:
    default:
      return OD_TEMPLATE_TARGET_TEXT;
    }
}

OdTemplate *
od_template_new (const char  *source,
                 const char  *origin,
                 GError     **error)
{
  g_autoptr(OdTemplate) self = NULL;
  GPtrArray *nodes;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  nodes = parse (source, origin != NULL ? origin : _("template"), error);
  if (nodes == NULL)
    return NULL;

  self = g_object_new (OD_TYPE_TEMPLATE, NULL);
  self->source = g_strdup (source);
  self->nodes = nodes;
  return g_steal_pointer (&self);
}

const char *
od_template_get_source (OdTemplate *self)
{
  g_return_val_if_fail (OD_IS_TEMPLATE (self), NULL);

  return self->source;
}

static void
collect_tags (GPtrArray *nodes,
              GPtrArray *tags)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);

      if (node->kind == NODE_TEXT)
        continue;
      if (!g_ptr_array_find_with_equal_func (tags, node->text, g_str_equal, NULL))
        g_ptr_array_add (tags, g_strdup (node->text));
      if (node->children != NULL)
        collect_tags (node->children, tags);
    }
}

GStrv
od_template_get_tags (OdTemplate *self)
{
  GPtrArray *tags;

  g_return_val_if_fail (OD_IS_TEMPLATE (self), NULL);

  tags = g_ptr_array_new ();
  collect_tags (self->nodes, tags);
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (tags, FALSE);
}

char *
od_template_render (OdTemplate       *self,
                    OdTemplateValues *values,
                    OdTemplateTarget  target)
{
  GString *out;

  g_return_val_if_fail (OD_IS_TEMPLATE (self), NULL);

  out = g_string_new (NULL);
  render_nodes (self->nodes, values, target, out);

  /* A header is one line whatever the template's own text says. */
  if (target == OD_TEMPLATE_TARGET_HEADER)
    {
      g_autofree char *text = g_string_free (out, FALSE);

      return _od_template_fold_header (text);
    }
  return g_string_free (out, FALSE);
}

const char * const *
od_template_get_known_tags (void)
{
  return known_tags;
}

