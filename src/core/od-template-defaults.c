/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-core-resources.h"
#include "od-template.h"

#define DEFAULTS_PATH "/io/github/overdue/Overdue/templates/"

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const OdTemplateEntry *x = *(OdTemplateEntry * const *) a;
  const OdTemplateEntry *y = *(OdTemplateEntry * const *) b;
  int result = strcmp (x->name, y->name);

  if (result == 0)
    result = strcmp (x->language, y->language);
  if (result == 0)
    result = (gint) x->part - (gint) y->part;
  return result;
}

OdTemplateEntry *
od_template_entry_new (const char     *name,
                       const char     *language,
                       OdTemplatePart  part,
                       const char     *body,
                       gboolean        is_default)
{
  OdTemplateEntry *entry = g_new0 (OdTemplateEntry, 1);

  entry->name = g_strdup (name);
  entry->language = g_strdup (language);
  entry->part = part;
  entry->body = g_strdup (body);
  entry->is_default = is_default;
  return entry;
}

void
od_template_entry_free (OdTemplateEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->language);
  g_free (entry->body);
  g_free (entry);
}

char *
od_template_entry_origin (const char     *name,
                          OdTemplatePart  part)
{
  return g_strdup_printf ("%s (%s)", name, od_template_part_to_string (part));
}

GPtrArray *
od_template_get_defaults (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_entry_free);
  g_auto(GStrv) languages = NULL;

  languages = g_resource_enumerate_children (od_core_get_resource (), DEFAULTS_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *language = g_strndup (languages[i], strcspn (languages[i], "/"));
      g_autofree char *folder = g_strconcat (DEFAULTS_PATH, languages[i], NULL);
      g_auto(GStrv) files = NULL;

      files = g_resource_enumerate_children (od_core_get_resource (), folder,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      for (guint j = 0; files != NULL && files[j] != NULL; j++)
        {
          const char *dot = strrchr (files[j], '.');
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          g_autoptr(GBytes) bytes = NULL;
          OdTemplatePart part;

          if (dot == NULL || !od_template_part_from_string (dot + 1, &part))
            continue;
          name = g_strndup (files[j], dot - files[j]);
          path = g_strconcat (folder, files[j], NULL);
          bytes = g_resource_lookup_data (od_core_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          if (bytes == NULL)
            continue;
          g_ptr_array_add (entries,
                           od_template_entry_new (name, language, part,
                                                  g_bytes_get_data (bytes, NULL), TRUE));
        }
    }

  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

char *
od_template_get_default (const char     *name,
                         const char     *language,
                         OdTemplatePart  part)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (!od_template_name_is_valid (name) || !od_template_language_is_valid (language))
    return NULL;
  path = g_strdup_printf (DEFAULTS_PATH "%s/%s.%s", language, name,
                          od_template_part_to_string (part));
  bytes = g_resource_lookup_data (od_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;
  /* Resource data ends in a NUL that is not part of the size. */
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

gboolean
od_template_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '-' || strlen (name) > 64)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }
  return TRUE;
}

gboolean
od_template_language_is_valid (const char *language)
{
  gsize n;

  if (language == NULL)
    return FALSE;
  n = strlen (language);
  if (n != 2 && n != 3 && n != 5)
    return FALSE;
  for (gsize i = 0; i < MIN (n, 3); i++)
    {
      if (i == 2 && n == 5)
        break;
      if (!g_ascii_islower (language[i]))
        return FALSE;
    }
  if (n == 5)
    return language[2] == '_' && g_ascii_isupper (language[3]) && g_ascii_isupper (language[4]);
  return TRUE;
}
