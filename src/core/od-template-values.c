/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-template-private.h"

G_DEFINE_BOXED_TYPE (OdTemplateValues, od_template_values,
                     od_template_values_ref, od_template_values_unref)

OdTemplateValues *
od_template_values_new (void)
{
  OdTemplateValues *self = g_new0 (OdTemplateValues, 1);

  g_ref_count_init (&self->ref_count);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  return self;
}

OdTemplateValues *
od_template_values_ref (OdTemplateValues *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
od_template_values_unref (OdTemplateValues *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->values);
  g_hash_table_unref (self->lists);
  g_free (self);
}

void
od_template_values_set (OdTemplateValues *self,
                        const char       *name,
                        const char       *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL)
    g_hash_table_remove (self->values, name);
  else
    g_hash_table_replace (self->values, g_strdup (name), g_strdup (value));
}

OdTemplateValues *
od_template_values_add_item (OdTemplateValues *self,
                             const char       *name)
{
  OdTemplateValues *item;
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = g_hash_table_lookup (self->lists, name);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_values_unref);
      g_hash_table_insert (self->lists, g_strdup (name), list);
    }
  item = od_template_values_new ();
  item->parent = self;
  g_ptr_array_add (list, item);
  return item;
}

const char *
od_template_values_lookup (OdTemplateValues *self,
                           const char       *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (OdTemplateValues *scope = self; scope != NULL; scope = scope->parent)
    {
      const char *value = g_hash_table_lookup (scope->values, name);

      if (value != NULL)
        return value;
    }
  return NULL;
}

GPtrArray *
_od_template_values_lookup_list (OdTemplateValues *scope,
                                 const char       *name)
{
  for (; scope != NULL; scope = scope->parent)
    {
      GPtrArray *list = g_hash_table_lookup (scope->lists, name);

      if (list != NULL)
        return list;
    }
  return NULL;
}
