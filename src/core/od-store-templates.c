/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "od-store.h"

/* "de_DE.UTF-8@euro" to "de_DE"; NULL when nothing usable is left. */
static char *
language_of_locale (const char *locale)
{
  g_autofree char *language = NULL;

  if (locale == NULL || *locale == '\0')
    return NULL;
  language = g_strndup (locale, strcspn (locale, ".@"));
  g_strdelimit (language, "-", '_');
  return od_template_language_is_valid (language) ? g_steal_pointer (&language) : NULL;
}

/* @language, its language without the country, the same of the
 * business's, then "en": each once. */
static void
add_candidates (GPtrArray  *candidates,
                const char *language)
{
  if (language == NULL || !od_template_language_is_valid (language))
    return;
  if (!g_ptr_array_find_with_equal_func (candidates, language, g_str_equal, NULL))
    g_ptr_array_add (candidates, g_strdup (language));
  if (strlen (language) == 5)
    {
      g_autofree char *bare = g_strndup (language, 2);

      add_candidates (candidates, bare);
    }
}

static gboolean
check_key (const char  *name,
           const char  *language,
           GError     **error)
{
  if (!od_template_name_is_valid (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a template name: use lower-case letters, "
                     "digits and dashes, such as “first-reminder”"), name);
      return FALSE;
    }
  if (!od_template_language_is_valid (language))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a language: use a code such as “en”, “de” or “pt_BR”"),
                   language);
      return FALSE;
    }
  return TRUE;
}

/**
 * od_store_get_template:
 *
 * Returns: (transfer full): the entry; its language is the one found
 */
OdTemplateEntry *
od_store_get_template (OdStore         *self,
                       const char      *name,
                       OdTemplatePart   part,
                       const char      *language,
                       GError         **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(OdBusiness) business = NULL;
  g_autofree char *business_language = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language != NULL)
    {
      g_autofree char *normal = language_of_locale (language);

      add_candidates (candidates, normal);
    }
  {
    g_autoptr(GError) local_error = NULL;

    business = od_store_get_business (self, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  if (business != NULL)
    business_language = language_of_locale (od_business_get_locale (business));
  add_candidates (candidates, business_language);
  add_candidates (candidates, "en");

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      OdTemplateEntry *entry;

      entry = OD_STORE_GET_IFACE (self)->get_template (self, name, part,
                                                       g_ptr_array_index (candidates, i),
                                                       &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (entry != NULL)
        return entry;
    }

  origin = od_template_entry_origin (name, part);
  g_set_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND,
               _("There is no template “%s”"), origin);
  return NULL;
}

/**
 * od_store_load_template:
 *
 * Returns: (transfer full): the parsed template
 */
OdTemplate *
od_store_load_template (OdStore         *self,
                        const char      *name,
                        OdTemplatePart   part,
                        const char      *language,
                        GError         **error)
{
  g_autoptr(OdTemplateEntry) entry = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (OD_IS_STORE (self), NULL);

  entry = od_store_get_template (self, name, part, language, error);
  if (entry == NULL)
    return NULL;
  origin = od_template_entry_origin (name, part);
  return od_template_new (entry->body, origin, error);
}

gboolean
od_store_set_template (OdStore         *self,
                       const char      *name,
                       OdTemplatePart   part,
                       const char      *language,
                       const char      *body,
                       GError         **error)
{
  g_autoptr(OdTemplate) template = NULL;
  g_autoptr(OdTemplateEntry) entry = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && language != NULL && body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_key (name, language, error))
    return FALSE;
  origin = od_template_entry_origin (name, part);
  template = od_template_new (body, origin, error);
  if (template == NULL || !od_template_check_part (template, part, origin, error))
    return FALSE;

  entry = od_template_entry_new (name, language, part, body, FALSE);
  return OD_STORE_GET_IFACE (self)->set_template (self, entry, error);
}

gboolean
od_store_reset_template (OdStore         *self,
                         const char      *name,
                         OdTemplatePart   part,
                         const char      *language,
                         GError         **error)
{
  g_autofree char *shipped = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && language != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_key (name, language, error))
    return FALSE;

  shipped = od_template_get_default (name, language, part);
  if (shipped != NULL)
    {
      g_autoptr(OdTemplateEntry) entry = od_template_entry_new (name, language, part,
                                                                shipped, TRUE);

      return OD_STORE_GET_IFACE (self)->set_template (self, entry, error);
    }

  if (!OD_STORE_GET_IFACE (self)->delete_template (self, name, part, language, &local_error))
    {
      if (g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *origin = od_template_entry_origin (name, part);

          g_set_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND,
                       _("There is no template “%s” in “%s”"), origin, language);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * od_store_list_templates:
 *
 * Returns: (transfer container) (element-type OdTemplateEntry): the parts
 */
GPtrArray *
od_store_list_templates (OdStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (OD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return OD_STORE_GET_IFACE (self)->list_templates (self, error);
}
