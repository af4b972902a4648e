/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-customer-policy-row.h"
#include "od-store.h"

typedef enum
{
  CHOICE_AUTOMATIC,
  CHOICE_DEFAULT,
  CHOICE_HIGH_RISK,
  CHOICE_OWN,
} Choice;

struct _OdCustomerPolicyRow
{
  AdwComboRow    parent_instance;

  OdContext     *context;
  gint64         customer_id;
  char          *customer_ref;
  guint          busy;
  guint          generation;
  gboolean       filling;
  GArray        *choices;       /* Choice per item of the model */
};

G_DEFINE_FINAL_TYPE (OdCustomerPolicyRow, od_customer_policy_row, ADW_TYPE_COMBO_ROW)

typedef struct
{
  gint64    customer_id;
  char     *customer_ref;
  guint     generation;
  Choice    choice;           /* for a write */
  char     *effective;        /* read: the names */
  char     *default_name;
  char     *high_risk;        /* NULL: none set */
  char     *own;              /* NULL: none of its own */
} Job;

static void
job_free (Job *job)
{
  g_free (job->customer_ref);
  g_free (job->effective);
  g_free (job->default_name);
  g_free (job->high_risk);
  g_free (job->own);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static char *
policy_name (OdPolicy *policy)
{
  const char *name = policy != NULL ? od_policy_get_name (policy) : NULL;

  /* Translators: a reminder ladder without a name */
  return g_strdup (name != NULL && *name != '\0' ? name : _("Standard"));
}

/* Runs in a worker thread. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_CUSTOMER_POLICY_ROW (source_object)->context);
  Job *job = task_data;
  g_autoptr(OdPolicy) effective = NULL;
  g_autoptr(OdPolicy) fallback = NULL;
  g_autoptr(OdPolicy) high_risk = NULL;
  g_autoptr(OdPolicy) own = NULL;
  g_autoptr(GError) error = NULL;

  if ((effective = od_store_get_effective_policy (store, job->customer_id, &error)) == NULL ||
      ((fallback = od_store_get_policy (store, 0, &error)) == NULL && error != NULL) ||
      ((high_risk = od_store_get_policy (store, OD_STORE_HIGH_RISK_POLICY, &error)) == NULL && error != NULL) ||
      ((own = od_store_get_policy (store, job->customer_id, &error)) == NULL && error != NULL))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->effective = policy_name (effective);
  job->default_name = policy_name (fallback);
  job->high_risk = high_risk != NULL ? policy_name (high_risk) : NULL;
  job->own = own != NULL ? policy_name (own) : NULL;
  g_task_return_boolean (task, TRUE);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  OdCustomerPolicyRow *self = OD_CUSTOMER_POLICY_ROW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *stricter = NULL;
  g_autofree char *own = NULL;
  Choice choice;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the customer’s ladder: %s", error->message);
      return;
    }
  if (job->generation != self->generation)
    return;

  self->filling = TRUE;
  g_array_set_size (self->choices, 0);
  /* Translators: the customer's ladder follows the business's rules; %s is the ladder used now */
  automatic = g_strdup_printf (_("Automatic (now: %s)"), job->effective);
  gtk_string_list_append (model, automatic);
  choice = CHOICE_AUTOMATIC;
  g_array_append_val (self->choices, choice);
  /* Translators: always the business's ladder, %s its name */
  fallback = g_strdup_printf (_("Always the business ladder (%s)"), job->default_name);
  gtk_string_list_append (model, fallback);
  choice = CHOICE_DEFAULT;
  g_array_append_val (self->choices, choice);
  if (job->high_risk != NULL)
    {
      /* Translators: always the stricter ladder for high-risk customers, %s its name */
      stricter = g_strdup_printf (_("Always the high-risk ladder (%s)"), job->high_risk);
      gtk_string_list_append (model, stricter);
      choice = CHOICE_HIGH_RISK;
      g_array_append_val (self->choices, choice);
    }
  if (job->own != NULL)
    {
      /* Translators: the customer's own ladder, %s its name */
      own = g_strdup_printf (_("Its own ladder (%s)"), job->own);
      gtk_string_list_append (model, own);
      choice = CHOICE_OWN;
      g_array_append_val (self->choices, choice);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), job->own != NULL ? self->choices->len - 1 : 0);
  self->filling = FALSE;
}

static void
read_policies (OdCustomerPolicyRow *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->customer_id = self->customer_id;
  job->generation = ++self->generation;
  self->busy++;
  task = g_task_new (self, NULL, on_read, NULL);
  g_task_set_source_tag (task, read_policies);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_thread);
}

/* Runs in a worker thread: a copy of the chosen ladder becomes the
 * customer's own (names are unique: it is named after the customer). */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_CUSTOMER_POLICY_ROW (source_object)->context);
  Job *job = task_data;
  g_autoptr(OdPolicy) source = NULL;
  g_autoptr(OdPolicy) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (job->choice != CHOICE_AUTOMATIC)
    {
      source = od_store_get_policy (store, job->choice == CHOICE_HIGH_RISK ? OD_STORE_HIGH_RISK_POLICY : 0,
                                    &error);
      if (source == NULL && error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      copy = source != NULL ? od_policy_copy (source) : od_policy_new_default ();
      od_policy_set_id (copy, 0);
      name = g_strdup_printf ("%s (%s)", od_policy_get_name (copy) != NULL ? od_policy_get_name (copy) : "standard",
                              job->customer_ref);
      od_policy_set_name (copy, name);
    }
  if (!od_store_set_policy (store, job->customer_id, copy, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdCustomerPolicyRow *self = OD_CUSTOMER_POLICY_ROW (source);
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not change the customer’s ladder: %s", error->message);
  od_context_ledger_changed (self->context);
}

static void
on_selected (OdCustomerPolicyRow *self,
             GParamSpec          *pspec,
             gpointer             user_data)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->filling || selected >= self->choices->len ||
      g_array_index (self->choices, Choice, selected) == CHOICE_OWN)
    return;
  job = g_new0 (Job, 1);
  job->customer_id = self->customer_id;
  job->customer_ref = g_strdup (self->customer_ref);
  job->choice = g_array_index (self->choices, Choice, selected);
  self->busy++;
  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, on_selected);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

/* GObject */

static void
od_customer_policy_row_finalize (GObject *object)
{
  OdCustomerPolicyRow *self = OD_CUSTOMER_POLICY_ROW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->customer_ref, g_free);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (od_customer_policy_row_parent_class)->finalize (object);
}

static void
od_customer_policy_row_class_init (OdCustomerPolicyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_customer_policy_row_finalize;
}

static void
od_customer_policy_row_init (OdCustomerPolicyRow *self)
{
  self->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Reminder Ladder"));
  /* The choices are long: under the title, not beside it. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), TRUE);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);
}

/* Public API */

OdCustomerPolicyRow *
od_customer_policy_row_new (void)
{
  return g_object_new (OD_TYPE_CUSTOMER_POLICY_ROW, NULL);
}

void
od_customer_policy_row_set_customer (OdCustomerPolicyRow *self,
                                     OdContext           *context,
                                     gint64               customer_id,
                                     const char          *customer_ref)
{
  g_return_if_fail (OD_IS_CUSTOMER_POLICY_ROW (self));
  g_return_if_fail (OD_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->customer_id = customer_id;
  g_free (self->customer_ref);
  self->customer_ref = g_strdup (customer_ref);
  read_policies (self);
}

gboolean
od_customer_policy_row_is_busy (OdCustomerPolicyRow *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_POLICY_ROW (self), FALSE);

  return self->busy > 0;
}
