/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "od-prefs-business-io.h"

typedef struct
{
  OdStore    *store;
  OdBusiness *draft;
  char       *logo;       /* a new logo file to take in, or NULL */
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->store);
  g_clear_object (&save->draft);
  g_free (save->logo);
  g_free (save);
}

/* Copies the chosen logo into Overdue's own folder, so that moving or
 * deleting the original does not break the documents. The documents draw
 * PNG and SVG; anything else GTK reads (JPEG) becomes a PNG. */
static char *
take_in_logo (const char  *source,
              GError     **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "overdue", "logos", NULL);
  g_autofree char *lower = g_ascii_strdown (source, -1);
  gboolean svg = g_str_has_suffix (lower, ".svg");
  gboolean png = g_str_has_suffix (lower, ".png");
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  g_autofree char *name = g_strconcat ("logo-", stamp, svg ? ".svg" : ".png", NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (target);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then the system's reason. */
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  if (svg || png)
    {
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return NULL;
    }
  else
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (from, error);

      if (texture == NULL)
        return NULL;
      if (!gdk_texture_save_to_png (texture, target))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write the logo to “%s”"), target);
          return NULL;
        }
    }
  return g_steal_pointer (&target);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  OdBusiness *business = od_store_get_business (task_data, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, business != NULL ? business : od_business_new (), g_object_unref);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(GError) error = NULL;

  if (save->logo != NULL)
    {
      g_autofree char *path = take_in_logo (save->logo, &error);

      if (path == NULL)
        {
          /* Translators: %s is the logo file; the reason follows. */
          g_prefix_error (&error, _("The logo “%s” could not be used: "), save->logo);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      od_business_set_logo (save->draft, path);
    }
  if (!od_store_set_business (save->store, save->draft, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (save->draft), g_object_unref);
}

OdBusiness *
od_prefs_business_copy (OdBusiness *business)
{
  OdBusiness *copy = od_business_new ();
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_return_val_if_fail (OD_IS_BUSINESS (business), NULL);

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (business), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (business), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), specs[i]->name, &value);
    }
  return copy;
}

gboolean
od_prefs_business_equal (OdBusiness *a,
                         OdBusiness *b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_return_val_if_fail (OD_IS_BUSINESS (a) && OD_IS_BUSINESS (b), FALSE);

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (G_OBJECT (a), specs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}

void
od_prefs_business_load_async (OdStore             *store,
                              gpointer             source_object,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_prefs_business_load_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

OdBusiness *
od_prefs_business_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
od_prefs_business_save_async (OdStore             *store,
                              OdBusiness          *draft,
                              const char          *new_logo,
                              gpointer             source_object,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Save *save;

  g_return_if_fail (OD_IS_STORE (store));
  g_return_if_fail (OD_IS_BUSINESS (draft));

  save = g_new0 (Save, 1);
  save->store = g_object_ref (store);
  save->draft = od_prefs_business_copy (draft);
  save->logo = g_strdup (new_logo);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_prefs_business_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}

OdBusiness *
od_prefs_business_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
