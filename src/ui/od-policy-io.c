/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-policy-io.h"

typedef struct
{
  OdStore  *store;
  gint64    id;
  OdPolicy *policy;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->policy);
  g_free (job);
}

static GTask *
new_task (gpointer             source_object,
          OdStore             *store,
          gint64               id,
          OdPolicy            *policy,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->store = store != NULL ? g_object_ref (store) : NULL;
  job->id = id;
  job->policy = policy != NULL ? od_policy_copy (policy) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

void
od_policy_loaded_free (OdPolicyLoaded *loaded)
{
  if (loaded == NULL)
    return;
  g_clear_object (&loaded->policy);
  g_strfreev (loaded->templates);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(OdPolicyLoaded) loaded = g_new0 (OdPolicyLoaded, 1);
  const char *last = NULL;

  if (job->store != NULL)
    {
      loaded->policy = od_store_get_policy (job->store, job->id, &error);
      if (error == NULL)
        entries = od_store_list_templates (job->store, &error);
    }
  else
    entries = od_template_get_defaults ();
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (loaded->policy == NULL)
    {
      loaded->policy = od_policy_new_default ();
      if (job->id == OD_STORE_HIGH_RISK_POLICY)
        od_policy_set_name (loaded->policy, "High risk");
    }
  /* Sorted by name: one entry per name. Instalments are no step's. */
  for (guint i = 0; i < entries->len; i++)
    {
      OdTemplateEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->name, last) != 0 && !g_str_equal (entry->name, "instalment"))
        g_strv_builder_add (names, entry->name);
      last = entry->name;
    }
  loaded->templates = g_strv_builder_end (names);
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) od_policy_loaded_free);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!od_store_set_policy (job->store, job->id, job->policy, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
od_policy_io_load_async (gpointer             source_object,
                         OdStore             *store,
                         gint64               id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (store == NULL || OD_IS_STORE (store));

  task = new_task (source_object, store, id, NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_policy_io_load_async);
  g_task_run_in_thread (task, load_thread);
}

OdPolicyLoaded *
od_policy_io_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
od_policy_io_save_async (gpointer             source_object,
                         OdStore             *store,
                         gint64               id,
                         OdPolicy            *policy,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));
  g_return_if_fail (OD_IS_POLICY (policy));

  task = new_task (source_object, store, id, policy, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_policy_io_save_async);
  g_task_run_in_thread (task, save_thread);
}

gboolean
od_policy_io_save_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
