/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "od-policy-field.h"
#include "od-policy-io.h"
#include "od-policy-steps-group.h"
#include "od-policy-summary.h"
#include "od-prefs-policy-page.h"
#include "od-store.h"

struct _OdPrefsPolicyPage
{
  AdwPreferencesPage  parent_instance;

  OdContext          *context;
  GCancellable       *cancellable;
  gulong              ledger_handler;
  gint64              policy_id;     /* 0: the default; OD_STORE_HIGH_RISK_POLICY */
  OdPolicy           *saved;         /* as stored (or shipped) */
  OdPolicy           *draft;         /* NULL when a field cannot make one */
  GStrv               templates;     /* the template names the steps may use */
  gboolean            loading;
  gboolean            saving;
  gboolean            close_after_save;  /* the window waits for the save */

  AdwComboRow        *ladder_row;
  GtkButton          *discard_button;
  GtkButton          *save_button;
  GtkLabel           *summary_label;
  GtkLabel           *error_label;
  OdPolicyStepsGroup *steps_group;
  GtkSpinButton      *grace_spin;
  GtkSpinButton      *repeat_every_spin;
  GtkSpinButton      *repeat_max_spin;
  GtkLabel           *timing_error_label;
  GtkFlowBox         *days_box;
  GtkSpinButton      *start_spin;
  GtkSpinButton      *end_spin;
  GtkLabel           *window_error_label;
  GtkSpinButton      *interest_spin;
  GtkSpinButton      *discount_spin;
  GtkSpinButton      *discount_days_spin;
  AdwEntryRow        *compensation_row;
  AdwEntryRow        *minimum_row;
  GtkLabel           *money_error_label;
  GtkToggleButton    *day_toggles[7];
};

G_DEFINE_FINAL_TYPE (OdPrefsPolicyPage, od_prefs_policy_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_draft (OdPrefsPolicyPage *self);
static void load_policy (OdPrefsPolicyPage *self);

static void
set_label_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gint
bp_from_spin (GtkSpinButton *spin)
{
  /* A percentage typed with two decimals: basis points. */
  return (gint) lround (gtk_spin_button_get_value (spin) * 100.0);
}

/* Puts the core's "[Group] Key: why" next to what it is about: the
 * step's row, or the group of the policy's field; anything else under
 * the summary. */
static void
show_policy_error (OdPrefsPolicyPage *self,
                   const char        *message)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) steps = NULL;
  gboolean placed = FALSE;

  if (!od_policy_field_parse_error (message, &key, &steps, &text))
    {
      set_label_error (self->error_label, message);
      return;
    }
  if (g_str_has_prefix (message, "[Policy]"))
    {
      if (g_str_has_prefix (key, "Send"))
        set_label_error (self->window_error_label, text);
      else if (g_str_has_prefix (key, "Interest") || g_str_has_prefix (key, "EarlyDiscount") ||
               g_str_has_prefix (key, "FixedCompensation") || g_str_has_prefix (key, "MinimumAmount"))
        set_label_error (self->money_error_label, text);
      else
        set_label_error (self->timing_error_label, text);
      return;
    }
  /* "[Step a] and [Step b] Offset": both rows. */
  for (guint i = 0; steps[i] != NULL; i++)
    if (od_policy_steps_group_set_error (self->steps_group, steps[i], text))
      placed = TRUE;
  if (!placed)
    set_label_error (self->error_label, message);
}

static void
clear_errors (OdPrefsPolicyPage *self)
{
  set_label_error (self->error_label, NULL);
  set_label_error (self->timing_error_label, NULL);
  set_label_error (self->window_error_label, NULL);
  set_label_error (self->money_error_label, NULL);
}

static gboolean
is_dirty (OdPrefsPolicyPage *self)
{
  return self->saved != NULL && !self->loading &&
         (self->draft == NULL || !od_policy_equal (self->draft, self->saved));
}

static gboolean
is_valid (OdPrefsPolicyPage *self)
{
  return self->draft != NULL &&
         !gtk_widget_get_visible (GTK_WIDGET (self->error_label)) &&
         !gtk_widget_get_visible (GTK_WIDGET (self->timing_error_label)) &&
         !gtk_widget_get_visible (GTK_WIDGET (self->window_error_label)) &&
         !gtk_widget_get_visible (GTK_WIDGET (self->money_error_label)) &&
         !od_policy_steps_group_has_errors (self->steps_group);
}

static void
update_buttons (OdPrefsPolicyPage *self)
{
  gboolean dirty = is_dirty (self);
  gboolean valid = is_valid (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            dirty && valid && !self->saving && !self->loading && self->context != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discard_button), dirty && !self->saving && !self->loading);
  /* Unsaved edits are saved or discarded before the other ladder shows. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->ladder_row),
                            !dirty && !self->saving && !self->loading && self->context != NULL);
}

/* Builds the draft from the fields: the saved policy's rules that the
 * page does not show, the fields' values and every row's step. */
static void
update_draft (OdPrefsPolicyPage *self)
{
  g_autoptr(OdPolicy) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *lines = NULL;
  g_auto(GStrv) sentences = NULL;
  const char *bad_amount = NULL;
  gboolean complete;
  gint64 milli = 0;
  guint days = 0;

  if (self->loading || self->saved == NULL)
    return;
  clear_errors (self);

  draft = od_policy_copy (self->saved);
  while (od_policy_get_n_steps (draft) > 0)
    od_policy_remove_step (draft, od_policy_step_get_name (od_policy_get_step (draft, 0)));
  od_policy_set_grace_days (draft, gtk_spin_button_get_value_as_int (self->grace_spin));
  od_policy_set_repeat (draft, gtk_spin_button_get_value_as_int (self->repeat_every_spin),
                        gtk_spin_button_get_value_as_int (self->repeat_max_spin));
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_toggles[i]))
      days |= 1u << i;
  od_policy_set_send_days (draft, days);
  od_policy_set_send_hours (draft, gtk_spin_button_get_value_as_int (self->start_spin),
                            gtk_spin_button_get_value_as_int (self->end_spin));
  od_policy_set_interest_annual_bp (draft, bp_from_spin (self->interest_spin));
  od_policy_set_early_discount (draft, bp_from_spin (self->discount_spin),
                                gtk_spin_button_get_value_as_int (self->discount_days_spin));

  if (od_policy_field_parse_milli (gtk_editable_get_text (GTK_EDITABLE (self->compensation_row)), &milli))
    od_policy_set_fixed_compensation_milli (draft, milli);
  else
    bad_amount = _("Late-payment compensation: write an amount such as 40.00, or leave it empty for none");
  if (od_policy_field_parse_milli (gtk_editable_get_text (GTK_EDITABLE (self->minimum_row)), &milli))
    od_policy_set_minimum_milli (draft, milli);
  else
    bad_amount = _("Smallest amount chased: write an amount such as 5.00, or leave it empty to chase any");
  set_label_error (self->money_error_label, bad_amount);

  complete = od_policy_steps_group_add_to (self->steps_group, draft) && bad_amount == NULL;
  if (complete && !od_policy_validate (draft, &error))
    show_policy_error (self, error->message);

  /* One sentence a line. */
  summary = od_policy_describe (draft);
  sentences = g_strsplit (summary, ". ", -1);
  lines = g_strjoinv (".\n", sentences);
  gtk_label_set_text (self->summary_label, lines);
  g_clear_object (&self->draft);
  if (complete)
    self->draft = g_steal_pointer (&draft);
  update_buttons (self);
}

/* Shows @policy in the fields, as the saved one. */
static void
show_policy (OdPrefsPolicyPage *self)
{
  OdPolicy *policy = self->saved;
  guint days = od_policy_get_send_days (policy);
  g_autofree char *compensation = NULL;
  g_autofree char *minimum = NULL;

  self->loading = TRUE;
  od_policy_steps_group_set_policy (self->steps_group, policy, (const char * const *) self->templates);
  gtk_spin_button_set_value (self->grace_spin, od_policy_get_grace_days (policy));
  gtk_spin_button_set_value (self->repeat_every_spin, od_policy_get_repeat_every_days (policy));
  gtk_spin_button_set_value (self->repeat_max_spin, od_policy_get_repeat_max (policy));
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_toggles[i], (days & (1u << i)) != 0);
  gtk_spin_button_set_value (self->start_spin, od_policy_get_send_start (policy));
  gtk_spin_button_set_value (self->end_spin, od_policy_get_send_end (policy));
  gtk_spin_button_set_value (self->interest_spin, od_policy_get_interest_annual_bp (policy) / 100.0);
  gtk_spin_button_set_value (self->discount_spin, od_policy_get_early_discount_bp (policy) / 100.0);
  gtk_spin_button_set_value (self->discount_days_spin, od_policy_get_early_discount_days (policy));
  compensation = od_policy_field_format_milli (od_policy_get_fixed_compensation_milli (policy));
  gtk_editable_set_text (GTK_EDITABLE (self->compensation_row), compensation);
  minimum = od_policy_field_format_milli (od_policy_get_minimum_milli (policy));
  gtk_editable_set_text (GTK_EDITABLE (self->minimum_row), minimum);
  self->loading = FALSE;
  update_draft (self);
}

/* Callbacks */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (source);
  g_autoptr(GError) error = NULL;
  OdPolicyLoaded *loaded = od_policy_io_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (loaded == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the collection policy: %s"), error->message);

      set_label_error (self->error_label, message);
      return;
    }
  g_set_object (&self->saved, loaded->policy);
  g_strfreev (self->templates);
  self->templates = g_steal_pointer (&loaded->templates);
  od_policy_loaded_free (loaded);
  show_policy (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (source);
  g_autoptr(OdPolicy) policy = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (!od_policy_io_save_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->saving = FALSE;
      self->close_after_save = FALSE;
      show_policy_error (self, error->message);
      update_buttons (self);
      return;
    }
  self->saving = FALSE;
  g_set_object (&self->saved, policy);
  g_signal_handler_block (self->context, self->ledger_handler);
  od_context_ledger_changed (self->context);
  g_signal_handler_unblock (self->context, self->ledger_handler);
  update_draft (self);
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  if (self->close_after_save && window != NULL)
    {
      gtk_window_close (GTK_WINDOW (window));
      return;
    }
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
                                      adw_toast_new (_("Collection policy saved")));
}

static void
on_save_clicked (OdPrefsPolicyPage *self)
{
  update_draft (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  self->saving = TRUE;
  update_buttons (self);
  od_policy_io_save_async (self, od_context_get_store (self->context), self->policy_id, self->draft,
                           self->cancellable, on_saved, od_policy_copy (self->draft));
}

static void
on_discard_clicked (OdPrefsPolicyPage *self)
{
  if (self->saved != NULL)
    show_policy (self);
}

static void
on_ladder_selected (OdPrefsPolicyPage *self)
{
  self->policy_id = adw_combo_row_get_selected (self->ladder_row) == 1 ? OD_STORE_HIGH_RISK_POLICY : 0;
  load_policy (self);
}

static void
on_ledger_changed (OdPrefsPolicyPage *self)
{
  /* Another part of the window wrote the ledger: unsaved edits stay. */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->discard_button)) && !self->saving)
    load_policy (self);
}

static gboolean
close_window (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   OdPrefsPolicyPage *self)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_str_equal (response, "discard"))
    {
      show_policy (self);
      /* Once the dialog is gone: it is the window's. */
      if (GTK_IS_WINDOW (window))
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (window), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      on_save_clicked (self);
    }
}

/* Closing the window with unsaved edits asks first. */
static gboolean
on_close_request (GtkWindow         *window,
                  OdPrefsPolicyPage *self)
{
  AdwMessageDialog *dialog;

  if (!is_dirty (self) || self->saving)
    return self->saving;

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save the Ladder?"), NULL));
  adw_message_dialog_set_body (dialog, _("The collection policy has changes that are not saved yet."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", is_valid (self));
  adw_message_dialog_set_default_response (dialog, is_valid (self) ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
load_policy (OdPrefsPolicyPage *self)
{
  self->loading = TRUE;
  g_clear_object (&self->draft);
  update_buttons (self);
  od_policy_io_load_async (self, self->context != NULL ? od_context_get_store (self->context) : NULL,
                           self->policy_id, self->cancellable, on_loaded, NULL);
}

/* GObject */

static void
od_prefs_policy_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_policy_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_policy_page_constructed (GObject *object)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (object);

  G_OBJECT_CLASS (od_prefs_policy_page_parent_class)->constructed (object);

  if (self->context != NULL)
    self->ledger_handler = g_signal_connect_object (self->context, "ledger-changed",
                                                    G_CALLBACK (on_ledger_changed), self,
                                                    G_CONNECT_SWAPPED);
  load_policy (self);
}

static void
od_prefs_policy_page_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (od_prefs_policy_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request", G_CALLBACK (on_close_request), widget, 0);
}

static void
od_prefs_policy_page_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_close_request, widget);

  GTK_WIDGET_CLASS (od_prefs_policy_page_parent_class)->unroot (widget);
}

static void
od_prefs_policy_page_dispose (GObject *object)
{
  OdPrefsPolicyPage *self = OD_PREFS_POLICY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->ledger_handler != 0 && self->context != NULL)
    g_clear_signal_handler (&self->ledger_handler, self->context);
  g_clear_object (&self->context);
  g_clear_object (&self->saved);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->templates, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFS_POLICY_PAGE);

  G_OBJECT_CLASS (od_prefs_policy_page_parent_class)->dispose (object);
}

static void
od_prefs_policy_page_class_init (OdPrefsPolicyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = od_prefs_policy_page_set_property;
  object_class->get_property = od_prefs_policy_page_get_property;
  object_class->constructed = od_prefs_policy_page_constructed;
  object_class->dispose = od_prefs_policy_page_dispose;
  widget_class->root = od_prefs_policy_page_root;
  widget_class->unroot = od_prefs_policy_page_unroot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OD_TYPE_POLICY_STEPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-prefs-policy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, ladder_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, discard_button);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, grace_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, repeat_every_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, repeat_max_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, timing_error_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, start_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, end_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, window_error_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, interest_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, discount_days_spin);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, compensation_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsPolicyPage, money_error_label);
}

static void
od_prefs_policy_page_init (OdPrefsPolicyPage *self)
{
  /* Translators: the days of the week on the send-day buttons, Monday first */
  const char *days[7] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
  GtkSpinButton *spins[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < 7; i++)
    {
      self->day_toggles[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(days[i])));
      gtk_flow_box_append (self->days_box, GTK_WIDGET (self->day_toggles[i]));
      g_signal_connect_swapped (self->day_toggles[i], "toggled", G_CALLBACK (update_draft), self);
    }

  spins[0] = self->grace_spin;
  spins[1] = self->repeat_every_spin;
  spins[2] = self->repeat_max_spin;
  spins[3] = self->start_spin;
  spins[4] = self->end_spin;
  spins[5] = self->interest_spin;
  spins[6] = self->discount_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (update_draft), self);
  g_signal_connect_swapped (self->discount_days_spin, "value-changed", G_CALLBACK (update_draft), self);
  g_signal_connect_swapped (self->compensation_row, "changed", G_CALLBACK (update_draft), self);
  g_signal_connect_swapped (self->minimum_row, "changed", G_CALLBACK (update_draft), self);
  od_policy_field_show_time (self->start_spin);
  od_policy_field_show_time (self->end_spin);
  g_signal_connect_swapped (self->steps_group, "changed", G_CALLBACK (update_draft), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect_swapped (self->discard_button, "clicked", G_CALLBACK (on_discard_clicked), self);
  g_signal_connect_swapped (self->ladder_row, "notify::selected", G_CALLBACK (on_ladder_selected), self);
}

/* Public API */

OdPrefsPolicyPage *
od_prefs_policy_page_new (OdContext *context)
{
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_PREFS_POLICY_PAGE, "context", context, NULL);
}

OdPolicy *
od_prefs_policy_page_get_draft (OdPrefsPolicyPage *self)
{
  g_return_val_if_fail (OD_IS_PREFS_POLICY_PAGE (self), NULL);

  return self->draft;
}

gboolean
od_prefs_policy_page_is_idle (OdPrefsPolicyPage *self)
{
  g_return_val_if_fail (OD_IS_PREFS_POLICY_PAGE (self), FALSE);

  return self->saved != NULL && !self->loading && !self->saving;
}
