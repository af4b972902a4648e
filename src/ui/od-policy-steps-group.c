/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-policy-step-row.h"
#include "od-policy-steps-group.h"

struct _OdPolicyStepsGroup
{
  AdwPreferencesGroup  parent_instance;

  GStrv                templates;
  GPtrArray           *rows;          /* OdPolicyStepRow*, in the order shown */
  OdPolicyStepRow     *removed;       /* for Undo */
  guint                removed_index;
  gboolean             loading;

  GtkButton           *add_button;
};

G_DEFINE_FINAL_TYPE (OdPolicyStepsGroup, od_policy_steps_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_row_changed (OdPolicyStepsGroup *self);
static void on_row_move (OdPolicyStepRow *row, gint direction, OdPolicyStepsGroup *self);
static void on_row_remove (OdPolicyStepRow *row, OdPolicyStepsGroup *self);

static OdPolicyStepRow *
find_row (OdPolicyStepsGroup *self,
          const char         *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (od_policy_step_row_get_name (g_ptr_array_index (self->rows, i)), name) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

static void
changed (OdPolicyStepsGroup *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
place_rows (OdPolicyStepsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_parent (row) != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
      od_policy_step_row_set_movable (g_ptr_array_index (self->rows, i), i > 0, i + 1 < self->rows->len);
    }
}

static OdPolicyStepRow *
add_row (OdPolicyStepsGroup *self,
         OdPolicyStep       *step)
{
  OdPolicyStepRow *row = od_policy_step_row_new (step, (const char * const *) self->templates);

  g_ptr_array_add (self->rows, g_object_ref_sink (row));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
  return row;
}

static void
clear_rows (OdPolicyStepsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->removed);
}

static void
toast (OdPolicyStepsGroup *self,
       AdwToast           *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Callbacks */

static void
on_row_changed (OdPolicyStepsGroup *self)
{
  changed (self);
}

static void
on_add_clicked (OdPolicyStepsGroup *self)
{
  g_autoptr(OdPolicyStep) step = NULL;
  g_autofree char *name = NULL;
  OdChannel email = OD_CHANNEL_EMAIL;
  OdPolicyStepRow *row;
  gint offset = 1;

  for (guint n = self->rows->len + 1; name == NULL || find_row (self, name) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("step-%u", n);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *message = NULL;
      g_autoptr(OdPolicyStep) other = od_policy_step_row_build_step (g_ptr_array_index (self->rows, i), &message);

      if (other != NULL)
        offset = MAX (offset, od_policy_step_get_offset_days (other) + 7);
    }
  step = od_policy_step_new (name);
  od_policy_step_set_offset_days (step, offset);
  od_policy_step_set_channels (step, &email, 1);
  od_policy_step_set_template (step, self->templates != NULL && self->templates[0] != NULL ? self->templates[0] : name);
  row = add_row (self, step);
  place_rows (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  changed (self);
}

static void
on_row_move (OdPolicyStepRow    *row,
             gint                direction,
             OdPolicyStepsGroup *self)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autoptr(OdPolicyStep) a = NULL;
  g_autoptr(OdPolicyStep) b = NULL;
  OdPolicyStepRow *neighbour;
  guint index;
  guint other;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= self->rows->len))
    return;
  other = direction < 0 ? index - 1 : index + 1;
  neighbour = g_ptr_array_index (self->rows, other);
  a = od_policy_step_row_build_step (row, &m1);
  b = od_policy_step_row_build_step (neighbour, &m2);
  if (a == NULL || b == NULL)
    return;

  /* The ladder runs by date: a step moved earlier or later swaps its
   * day with its neighbour's. */
  self->loading = TRUE;
  od_policy_step_row_set_offset (row, od_policy_step_get_offset_days (b));
  od_policy_step_row_set_offset (neighbour, od_policy_step_get_offset_days (a));
  self->loading = FALSE;
  g_ptr_array_index (self->rows, index) = neighbour;
  g_ptr_array_index (self->rows, other) = row;
  place_rows (self);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_undo_remove (OdPolicyStepsGroup *self)
{
  if (self->removed == NULL)
    return;
  g_ptr_array_insert (self->rows, MIN (self->removed_index, self->rows->len), g_steal_pointer (&self->removed));
  place_rows (self);
  changed (self);
}

static void
on_row_remove (OdPolicyStepRow    *row,
               OdPolicyStepsGroup *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo;
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  g_clear_object (&self->removed);
  self->removed = g_object_ref (row);
  self->removed_index = index;
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  g_ptr_array_remove_index (self->rows, index);
  place_rows (self);
  changed (self);

  /* Translators: %s is a step's name; nothing is stored before Save */
  name = g_markup_escape_text (od_policy_step_row_get_name (row), -1);
  title = g_strdup_printf (_("Step “%s” removed"), name);
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (on_undo_remove), self, G_CONNECT_SWAPPED);
  toast (self, undo);
}

/* GObject */

static void
od_policy_steps_group_dispose (GObject *object)
{
  OdPolicyStepsGroup *self = OD_POLICY_STEPS_GROUP (object);

  g_clear_object (&self->removed);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_POLICY_STEPS_GROUP);

  G_OBJECT_CLASS (od_policy_steps_group_parent_class)->dispose (object);
}

static void
od_policy_steps_group_finalize (GObject *object)
{
  OdPolicyStepsGroup *self = OD_POLICY_STEPS_GROUP (object);

  g_strfreev (self->templates);

  G_OBJECT_CLASS (od_policy_steps_group_parent_class)->finalize (object);
}

static void
od_policy_steps_group_class_init (OdPolicyStepsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_policy_steps_group_dispose;
  object_class->finalize = od_policy_steps_group_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-policy-steps-group.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepsGroup, add_button);
}

static void
od_policy_steps_group_init (OdPolicyStepsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
}

/* Public API */

OdPolicyStepsGroup *
od_policy_steps_group_new (void)
{
  return g_object_new (OD_TYPE_POLICY_STEPS_GROUP, NULL);
}

void
od_policy_steps_group_set_policy (OdPolicyStepsGroup *self,
                                  OdPolicy           *policy,
                                  const char * const *template_names)
{
  g_return_if_fail (OD_IS_POLICY_STEPS_GROUP (self));
  g_return_if_fail (OD_IS_POLICY (policy));

  g_strfreev (self->templates);
  self->templates = g_strdupv ((GStrv) template_names);
  self->loading = TRUE;
  clear_rows (self);
  for (guint i = 0; i < od_policy_get_n_steps (policy); i++)
    add_row (self, od_policy_get_step (policy, i));
  place_rows (self);
  self->loading = FALSE;
}

gboolean
od_policy_steps_group_add_to (OdPolicyStepsGroup *self,
                              OdPolicy           *draft)
{
  gboolean complete = TRUE;

  g_return_val_if_fail (OD_IS_POLICY_STEPS_GROUP (self), FALSE);
  g_return_val_if_fail (OD_IS_POLICY (draft), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OdPolicyStepRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *message = NULL;
      g_autoptr(OdPolicyStep) step = od_policy_step_row_build_step (row, &message);

      if (step != NULL && od_policy_find_step (draft, od_policy_step_get_name (step)) != NULL)
        {
          /* Translators: %s is a step's name */
          message = g_strdup_printf (_("Name: another step is called “%s”"), od_policy_step_get_name (step));
          g_clear_object (&step);
        }
      od_policy_step_row_set_error (row, message);
      if (step == NULL)
        complete = FALSE;
      else
        od_policy_add_step (draft, step);
    }

  return complete;
}

gboolean
od_policy_steps_group_set_error (OdPolicyStepsGroup *self,
                                 const char         *name,
                                 const char         *message)
{
  OdPolicyStepRow *row;

  g_return_val_if_fail (OD_IS_POLICY_STEPS_GROUP (self), FALSE);

  row = find_row (self, name);
  if (row == NULL)
    return FALSE;
  od_policy_step_row_set_error (row, message);
  return TRUE;
}

gboolean
od_policy_steps_group_has_errors (OdPolicyStepsGroup *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEPS_GROUP (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (od_policy_step_row_get_error (g_ptr_array_index (self->rows, i)) != NULL)
      return TRUE;
  return FALSE;
}
