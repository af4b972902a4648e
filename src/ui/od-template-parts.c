/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-template-parts.h"

typedef struct
{
  OdStore         *store;
  char            *name;
  OdTemplatePart   part;
  char            *language;
  gboolean         with_subject;
  OdTemplateParts *parts;       /* to save; NULL: reset */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job->name);
  g_free (job->language);
  od_template_parts_free (job->parts);
  g_free (job);
}

static GTask *
new_task (gpointer             source_object,
          OdStore             *store,
          const char          *name,
          OdTemplatePart       part,
          const char          *language,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->store = g_object_ref (store);
  job->name = g_strdup (name);
  job->part = part;
  job->language = g_strdup (language);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

void
od_template_parts_free (OdTemplateParts *parts)
{
  if (parts == NULL)
    return;
  g_free (parts->subject);
  g_free (parts->body);
  g_free (parts);
}

/* The text of a part, "" when there is none yet. */
static char *
read_part (Job             *job,
           OdTemplatePart   part,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OdTemplateEntry) entry = od_store_get_template (job->store, job->name, part, job->language,
                                                            &local_error);

  if (entry != NULL)
    return g_strdup (entry->body);
  if (g_error_matches (local_error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND))
    return g_strdup ("");
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(OdTemplateParts) parts = g_new0 (OdTemplateParts, 1);
  GError *error = NULL;

  if (job->with_subject && (parts->subject = read_part (job, OD_TEMPLATE_PART_SUBJECT, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if ((parts->body = read_part (job, job->part, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&parts), (GDestroyNotify) od_template_parts_free);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = TRUE;

  if (job->parts == NULL)
    {
      if (job->with_subject)
        ok = od_store_reset_template (job->store, job->name, OD_TEMPLATE_PART_SUBJECT, job->language, &error);
      ok = ok && od_store_reset_template (job->store, job->name, job->part, job->language, &error);
    }
  else
    {
      if (job->parts->subject != NULL)
        ok = od_store_set_template (job->store, job->name, OD_TEMPLATE_PART_SUBJECT, job->language,
                                    job->parts->subject, &error);
      ok = ok && od_store_set_template (job->store, job->name, job->part, job->language,
                                        job->parts->body, &error);
    }
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
od_template_parts_load_async (gpointer             source_object,
                              OdStore             *store,
                              const char          *name,
                              OdTemplatePart       part,
                              const char          *language,
                              gboolean             with_subject,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));
  g_return_if_fail (name != NULL && language != NULL);

  task = new_task (source_object, store, name, part, language, cancellable, callback, user_data);
  ((Job *) g_task_get_task_data (task))->with_subject = with_subject;
  g_task_set_source_tag (task, od_template_parts_load_async);
  g_task_run_in_thread (task, load_thread);
}

OdTemplateParts *
od_template_parts_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
od_template_parts_save_async (gpointer               source_object,
                              OdStore               *store,
                              const char            *name,
                              OdTemplatePart         part,
                              const char            *language,
                              const OdTemplateParts *parts,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (OD_IS_STORE (store));
  g_return_if_fail (name != NULL && language != NULL);

  task = new_task (source_object, store, name, part, language, cancellable, callback, user_data);
  job = g_task_get_task_data (task);
  /* Reset: the subject goes back with an email body. */
  job->with_subject = part == OD_TEMPLATE_PART_TEXT || part == OD_TEMPLATE_PART_HTML;
  if (parts != NULL)
    {
      job->parts = g_new0 (OdTemplateParts, 1);
      job->parts->subject = g_strdup (parts->subject);
      job->parts->body = g_strdup (parts->body);
    }
  g_task_set_source_tag (task, od_template_parts_save_async);
  g_task_run_in_thread (task, save_thread);
}

gboolean
od_template_parts_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
