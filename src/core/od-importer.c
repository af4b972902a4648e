/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-importer-private.h"
#include "od-money.h"

#define PROGRESS_INTERVAL   (G_USEC_PER_SEC / 10)
#define CHECK_EVERY         1024
#define DEFAULT_CURRENCY    "EUR"

struct _OdImporter
{
  GObject        parent_instance;

  OdStore       *store;
  OdImportKind   kind;
  char          *file_name;
  GPtrArray     *problems;
  guint          n_problems;
  guint          imported;
  double         progress;

  GMainContext  *notify_context;  /* set while run_async works */
  gboolean       running;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_FILE_NAME,
  PROP_PROGRESS,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdImporter, od_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-import-error-quark, od_import_error)

static void
problem_free (OdImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

/* Progress and results reach the object on the context that owns it. */

typedef struct
{
  OdImporter *self;
  double      progress;
} ProgressUpdate;

static void
set_progress (OdImporter *self,
              double      progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_imported (OdImporter *self,
              guint       imported)
{
  if (self->imported == imported)
    return;
  self->imported = imported;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
}

static gboolean
progress_update_cb (gpointer data)
{
  ProgressUpdate *update = data;

  set_progress (update->self, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->self);
  g_free (update);
}

static void
report_progress (OdImporter *self,
                 double      progress)
{
  ProgressUpdate *update;

  if (self->notify_context == NULL)
    {
      set_progress (self, progress);
      return;
    }

  update = g_new (ProgressUpdate, 1);
  update->self = g_object_ref (self);
  update->progress = progress;
  g_main_context_invoke_full (self->notify_context, G_PRIORITY_DEFAULT,
                              progress_update_cb, update, progress_update_free);
}

static gboolean
set_default_currency (OdImportRun  *run,
                      GError      **error)
{
  g_autoptr(OdBusiness) business = NULL;
  GError *local_error = NULL;
  const char *currency = NULL;

  business = od_store_get_business (run->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (business != NULL)
    currency = od_business_get_currency (business);
  if (!od_currency_is_valid (currency))
    currency = DEFAULT_CURRENCY;
  g_strlcpy (run->default_currency, currency, sizeof run->default_currency);

  return TRUE;
}

/* Reads every row inside the open transaction; FALSE on a fatal error. */
static gboolean
import_rows (OdImporter    *self,
             OdImportRun   *run,
             OdCsvReader   *reader,
             goffset        size,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 last_report = g_get_monotonic_time ();
  GPtrArray *fields;
  guint n = 0;

  while (od_csv_reader_next (reader, &fields, &run->line, cancellable, error))
    {
      if (++n % CHECK_EVERY == 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (size > 0 && now - last_report >= PROGRESS_INTERVAL)
            {
              last_report = now;
              report_progress (self, MIN (0.99, od_csv_reader_get_offset (reader) / (double) size));
            }
        }

      if (!_od_import_run_row (run, fields, error))
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

static gboolean
run_import (OdImporter    *self,
            GInputStream  *stream,
            goffset        size,
            GCancellable  *cancellable,
            guint         *imported,
            GError       **error)
{
  g_auto(OdImportRun) run = { 0, };
  g_autoptr(OdCsvReader) reader = od_csv_reader_new (stream);
  g_autoptr(GError) local_error = NULL;

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  *imported = 0;

  _od_import_run_init (&run, self->store, self->kind, self->file_name, self->problems);

  if (!_od_import_run_read_header (&run, reader, cancellable, &local_error) ||
      !set_default_currency (&run, &local_error) ||
      !od_store_begin (self->store, &local_error))
    goto fail;

  if (!import_rows (self, &run, reader, size, cancellable, &local_error))
    {
      od_store_rollback (self->store);
      goto fail;
    }

  self->n_problems = run.n_problems;
  if (run.n_problems > 0)
    {
      od_store_rollback (self->store);
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row was rejected; nothing was imported",
                                "%u rows were rejected; nothing was imported",
                                run.n_problems),
                   run.n_problems);
      return FALSE;
    }

  /* A cancel that came after the last check still writes nothing. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    {
      od_store_rollback (self->store);
      goto fail;
    }
  if (!od_store_commit (self->store, error))
    return FALSE;

  *imported = run.imported;
  return TRUE;

fail:
  self->n_problems = run.n_problems;
  if (self->file_name != NULL && local_error->domain == OD_CSV_ERROR)
    g_prefix_error (&local_error, "%s: ", self->file_name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* GObject */

static void
od_importer_finalize (GObject *object)
{
  OdImporter *self = OD_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->notify_context, g_main_context_unref);

  G_OBJECT_CLASS (od_importer_parent_class)->finalize (object);
}

static void
od_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OdImporter *self = OD_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_IMPORTED:
      g_value_set_uint (value, self->imported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OdImporter *self = OD_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_FILE_NAME:
      od_importer_set_file_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_importer_class_init (OdImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_importer_finalize;
  object_class->get_property = od_importer_get_property;
  object_class->set_property = od_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* An OdImportKind. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       OD_IMPORT_KIND_CUSTOMERS, OD_IMPORT_KIND_PAYMENTS,
                       OD_IMPORT_KIND_CUSTOMERS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORTED] =
    g_param_spec_uint ("imported", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_importer_init (OdImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/* Public API */

OdImporter *
od_importer_new (OdStore      *store,
                 OdImportKind  kind)
{
  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= OD_IMPORT_KIND_PAYMENTS, NULL);

  return g_object_new (OD_TYPE_IMPORTER, "store", store, "kind", (guint) kind, NULL);
}

const char *
od_importer_get_file_name (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), NULL);

  return self->file_name;
}

void
od_importer_set_file_name (OdImporter *self,
                           const char *file_name)
{
  g_return_if_fail (OD_IS_IMPORTER (self));

  if (g_strcmp0 (self->file_name, file_name) == 0)
    return;
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

gboolean
od_importer_run (OdImporter    *self,
                 GInputStream  *stream,
                 goffset        size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  guint imported = 0;
  gboolean ok;

  g_return_val_if_fail (OD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->running = TRUE;
  set_progress (self, 0.0);
  ok = run_import (self, stream, size, cancellable, &imported, error);
  set_imported (self, imported);
  if (ok)
    set_progress (self, 1.0);
  self->running = FALSE;

  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  OdImporter *self = source_object;
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *error = NULL;
  guint imported = 0;
  goffset size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL ||
      !run_import (self, G_INPUT_STREAM (stream), size, cancellable, &imported, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, imported);
}

void
od_importer_run_async (OdImporter          *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_importer_run_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->file_name == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      od_importer_set_file_name (self, name);
    }

  self->running = TRUE;
  g_clear_pointer (&self->notify_context, g_main_context_unref);
  self->notify_context = g_main_context_ref_thread_default ();
  set_progress (self, 0.0);

  g_task_run_in_thread (task, run_thread);
}

gboolean
od_importer_run_finish (OdImporter    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  GError *local_error = NULL;
  gssize imported;

  g_return_val_if_fail (OD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  g_clear_pointer (&self->notify_context, g_main_context_unref);

  imported = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      set_imported (self, 0);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  set_imported (self, imported);
  set_progress (self, 1.0);
  return TRUE;
}

GPtrArray *
od_importer_get_problems (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), NULL);

  return self->problems;
}

guint
od_importer_get_n_problems (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0);

  return self->n_problems;
}

guint
od_importer_get_imported (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0);

  return self->imported;
}

double
od_importer_get_progress (OdImporter *self)
{
  g_return_val_if_fail (OD_IS_IMPORTER (self), 0.0);

  return self->progress;
}

gboolean
od_import_kind_from_string (const char   *text,
                            OdImportKind *out)
{
  static const char * const names[] = { "customers", "invoices", "payments" };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *out = (OdImportKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

char *
od_import_problem_to_string (const OdImportProblem *problem,
                             const char            *file_name)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);

  if (file_name != NULL)
    g_string_append_printf (out, "%s:%u: ", file_name, problem->line);
  else
    g_string_append_printf (out, _("line %u: "), problem->line);
  if (problem->column != NULL)
    g_string_append_printf (out, _("column “%s”: "), problem->column);
  g_string_append (out, problem->message);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
