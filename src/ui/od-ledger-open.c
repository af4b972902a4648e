/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-demo.h"
#include "od-ledger-open.h"

/* No customer and no business profile: nothing the owner would miss,
 * e.g. a first run closed before its choice was made. */
static gboolean
ledger_is_empty (OdStore  *store,
                 GError  **error)
{
  OdCustomerQuery query = { NULL, FALSE };
  g_autoptr(OdBusiness) business = NULL;
  GError *local_error = NULL;
  gint64 customers;

  customers = od_store_count_customers (store, &query, &local_error);
  if (local_error == NULL)
    business = od_store_get_business (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return customers == 0 && business == NULL;
}

/* Runs in a worker thread. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  OdLedgerOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "od-flags"));
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  gboolean empty;

  if (!exists && !(flags & OD_LEDGER_OPEN_CREATE))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no ledger at %s yet"), path);
      return;
    }

  store = od_sqlite_store_new (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  empty = ledger_is_empty (OD_STORE (store), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* An empty ledger asks again: the demo, or a fresh start. */
  if (empty && !(flags & OD_LEDGER_OPEN_CREATE))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The ledger at %s is empty"), path);
      return;
    }

  if (empty && (flags & OD_LEDGER_OPEN_DEMO))
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      /* The business, then this morning's run: reviews, letters and
       * calls wait in the outbox whatever the hour. */
      if (!od_demo_populate (OD_STORE (store), &today, &error) ||
          !od_demo_run_today (OD_STORE (store), &today, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
od_ledger_open_async (const char          *path,
                      OdLedgerOpenFlags    flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_ledger_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "od-flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, open_thread);
}

OdSqliteStore *
od_ledger_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == od_ledger_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
