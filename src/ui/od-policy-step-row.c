/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-policy-field.h"
#include "od-policy-step-row.h"
#include "od-template.h"

struct _OdPolicyStepRow
{
  AdwExpanderRow   parent_instance;

  OdPolicyStep    *original;       /* keeps what the row does not edit (FeePercent) */
  GtkStringList   *templates;
  char            *error;
  gboolean         loading;

  GtkImage        *error_icon;
  GtkButton       *up_button;
  GtkButton       *down_button;
  GtkButton       *remove_button;
  AdwEntryRow     *name_row;
  GtkSpinButton   *offset_spin;
  GtkToggleButton *email_toggle;
  GtkToggleButton *sms_toggle;
  GtkToggleButton *letter_toggle;
  GtkToggleButton *call_toggle;
  AdwComboRow     *template_row;
  AdwEntryRow     *fee_row;
  GtkSwitch       *review_switch;
  AdwPreferencesRow *error_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (OdPolicyStepRow, od_policy_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
channel_name (OdChannel channel)
{
  switch (channel)
    {
    case OD_CHANNEL_EMAIL: return C_("channel", "Email");
    case OD_CHANNEL_SMS: return C_("channel", "SMS");
    case OD_CHANNEL_LETTER: return C_("channel", "Letter");
    case OD_CHANNEL_CALL: return C_("channel", "Call");
    default: return "";
    }
}

static guint
collect_channels (OdPolicyStepRow *self,
                  OdChannel        channels[4])
{
  const struct { GtkToggleButton *toggle; OdChannel channel; } map[] = {
    { self->email_toggle, OD_CHANNEL_EMAIL },
    { self->sms_toggle, OD_CHANNEL_SMS },
    { self->letter_toggle, OD_CHANNEL_LETTER },
    { self->call_toggle, OD_CHANNEL_CALL },
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (gtk_toggle_button_get_active (map[i].toggle))
      channels[n++] = map[i].channel;
  return n;
}

static char *
describe_when (gint offset)
{
  if (offset == 0)
    return g_strdup (_("On the due date"));
  if (offset < 0)
    /* Translators: when a step goes out, e.g. "3 days before the due date" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before the due date",
                                         "%d days before the due date", -offset), -offset);
  /* Translators: when a step goes out, e.g. "6 days after the due date" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day after the due date",
                                       "%d days after the due date", offset), offset);
}

static void
update_subtitle (OdPolicyStepRow *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *when = NULL;
  OdChannel channels[4];
  guint n;

  if (self->error != NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), self->error);
      return;
    }

  text = g_string_new (NULL);
  when = describe_when (gtk_spin_button_get_value_as_int (self->offset_spin));
  g_string_append (text, when);
  n = collect_channels (self, channels);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, i == 0 ? " · %s" : ", %s", channel_name (channels[i]));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text->str);
}

static const char *
selected_template (OdPolicyStepRow *self)
{
  guint position = adw_combo_row_get_selected (self->template_row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->templates, position);
}

/* Callbacks */

static void
on_field_changed (OdPolicyStepRow *self)
{
  if (self->loading)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  update_subtitle (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_up_clicked (OdPolicyStepRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, -1);
}

static void
on_down_clicked (OdPolicyStepRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, 1);
}

static void
on_remove_clicked (OdPolicyStepRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

/* GObject */

static void
od_policy_step_row_dispose (GObject *object)
{
  OdPolicyStepRow *self = OD_POLICY_STEP_ROW (object);

  g_clear_object (&self->original);
  g_clear_object (&self->templates);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_POLICY_STEP_ROW);

  G_OBJECT_CLASS (od_policy_step_row_parent_class)->dispose (object);
}

static void
od_policy_step_row_finalize (GObject *object)
{
  OdPolicyStepRow *self = OD_POLICY_STEP_ROW (object);

  g_free (self->error);

  G_OBJECT_CLASS (od_policy_step_row_parent_class)->finalize (object);
}

static void
od_policy_step_row_class_init (OdPolicyStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_policy_step_row_dispose;
  object_class->finalize = od_policy_step_row_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-policy-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, error_icon);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, offset_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, email_toggle);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, sms_toggle);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, letter_toggle);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, call_toggle);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, template_row);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, fee_row);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, review_switch);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, OdPolicyStepRow, error_label);
}

static void
od_policy_step_row_init (OdPolicyStepRow *self)
{
  GtkToggleButton *toggles[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (on_up_clicked), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (on_down_clicked), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->offset_spin, "value-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->fee_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->review_switch, "notify::active", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  toggles[0] = self->email_toggle;
  toggles[1] = self->sms_toggle;
  toggles[2] = self->letter_toggle;
  toggles[3] = self->call_toggle;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_signal_connect_swapped (toggles[i], "toggled", G_CALLBACK (on_field_changed), self);
}

/* Public API */

/* @template_names: the templates a step may use; the step's own is
 * added when it is not among them. */
OdPolicyStepRow *
od_policy_step_row_new (OdPolicyStep       *step,
                        const char * const *template_names)
{
  OdPolicyStepRow *self;
  const OdChannel *channels;
  const char *template_name;
  g_autofree char *fee = NULL;
  guint n = 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (OD_IS_POLICY_STEP (step), NULL);

  self = g_object_new (OD_TYPE_POLICY_STEP_ROW, NULL);
  self->original = g_object_ref (step);
  self->loading = TRUE;

  template_name = od_policy_step_get_template (step);
  self->templates = gtk_string_list_new (NULL);
  for (guint i = 0; template_names != NULL && template_names[i] != NULL; i++)
    {
      gtk_string_list_append (self->templates, template_names[i]);
      if (g_strcmp0 (template_names[i], template_name) == 0)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && template_name != NULL)
    {
      selected = g_list_model_get_n_items (G_LIST_MODEL (self->templates));
      gtk_string_list_append (self->templates, template_name);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (self->templates));
  adw_combo_row_set_selected (self->template_row, selected);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), od_policy_step_get_name (step));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), od_policy_step_get_name (step));
  gtk_spin_button_set_value (self->offset_spin, od_policy_step_get_offset_days (step));
  channels = od_policy_step_get_channels (step, &n);
  for (guint i = 0; i < n; i++)
    {
      if (channels[i] == OD_CHANNEL_EMAIL)
        gtk_toggle_button_set_active (self->email_toggle, TRUE);
      else if (channels[i] == OD_CHANNEL_SMS)
        gtk_toggle_button_set_active (self->sms_toggle, TRUE);
      else if (channels[i] == OD_CHANNEL_LETTER)
        gtk_toggle_button_set_active (self->letter_toggle, TRUE);
      else if (channels[i] == OD_CHANNEL_CALL)
        gtk_toggle_button_set_active (self->call_toggle, TRUE);
    }
  fee = od_policy_field_format_milli (od_policy_step_get_fee_milli (step));
  gtk_editable_set_text (GTK_EDITABLE (self->fee_row), fee);
  gtk_switch_set_active (self->review_switch, od_policy_step_get_review (step));
  update_subtitle (self);
  self->loading = FALSE;

  return self;
}

OdPolicyStep *
od_policy_step_row_build_step (OdPolicyStepRow  *self,
                               char            **message)
{
  g_autoptr(OdPolicyStep) step = NULL;
  const char *name;
  const char *template_name;
  OdChannel channels[4];
  guint n;
  gint64 fee = 0;

  g_return_val_if_fail (OD_IS_POLICY_STEP_ROW (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  *message = NULL;
  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  if (!od_template_name_is_valid (name))
    {
      *message = g_strdup (_("Name: use lowercase letters, digits and dashes, e.g. second-reminder"));
      return NULL;
    }
  n = collect_channels (self, channels);
  if (n == 0)
    {
      *message = g_strdup (_("Channels: choose at least one"));
      return NULL;
    }
  if (!od_policy_field_parse_milli (gtk_editable_get_text (GTK_EDITABLE (self->fee_row)), &fee))
    {
      *message = g_strdup (_("Late fee: write an amount such as 15.00, or leave it empty for none"));
      return NULL;
    }
  template_name = selected_template (self);

  step = od_policy_step_new (name);
  od_policy_step_set_offset_days (step, gtk_spin_button_get_value_as_int (self->offset_spin));
  od_policy_step_set_channels (step, channels, n);
  od_policy_step_set_template (step, template_name);
  od_policy_step_set_fee_milli (step, fee);
  od_policy_step_set_fee_bp (step, od_policy_step_get_fee_bp (self->original));
  od_policy_step_set_review (step, gtk_switch_get_active (self->review_switch));

  return g_steal_pointer (&step);
}

const char *
od_policy_step_row_get_name (OdPolicyStepRow *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
od_policy_step_row_set_error (OdPolicyStepRow *self,
                              const char      *message)
{
  g_return_if_fail (OD_IS_POLICY_STEP_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icon), message);
  update_subtitle (self);
}

const char *
od_policy_step_row_get_error (OdPolicyStepRow *self)
{
  g_return_val_if_fail (OD_IS_POLICY_STEP_ROW (self), NULL);

  return self->error;
}

void
od_policy_step_row_set_movable (OdPolicyStepRow *self,
                                gboolean         up,
                                gboolean         down)
{
  g_return_if_fail (OD_IS_POLICY_STEP_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), down);
}

/* Sets the days from the due date (moving a step swaps them). */
void
od_policy_step_row_set_offset (OdPolicyStepRow *self,
                               gint             days)
{
  g_return_if_fail (OD_IS_POLICY_STEP_ROW (self));

  gtk_spin_button_set_value (self->offset_spin, days);
}
