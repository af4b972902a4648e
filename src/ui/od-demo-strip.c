/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-collection.h"
#include "od-demo-strip.h"

typedef enum
{
  STRIP_HIDDEN,
  STRIP_DEMO_MODE,   /* the ledger's demo-mode setting is on */
  STRIP_NO_ACCOUNT,  /* off, but there is nothing to send with */
} StripState;

struct _OdDemoStrip
{
  AdwBin         parent_instance;

  OdContext     *context;
  GCancellable  *cancellable;
  guint          busy;
  StripState     state;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkButton     *button;
};

G_DEFINE_FINAL_TYPE (OdDemoStrip, od_demo_strip, ADW_TYPE_BIN)

/* Runs in a worker thread. */
static void
read_state_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OdStore *store = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean demo;

  value = od_store_get_setting (store, OD_COLLECTION_DEMO_MODE_KEY, &error);
  if (error == NULL)
    demo = od_collection_is_demo (store, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_strcmp0 (value, "1") == 0)
    g_task_return_int (task, STRIP_DEMO_MODE);
  else
    g_task_return_int (task, demo ? STRIP_NO_ACCOUNT : STRIP_HIDDEN);
}

static void
turn_off_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!od_store_set_setting (task_data, OD_COLLECTION_DEMO_MODE_KEY, "0", &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_state (OdDemoStrip *self,
            StripState   state)
{
  self->state = state;
  switch (state)
    {
    case STRIP_DEMO_MODE:
      gtk_label_set_text (self->label, _("Demo mode: nothing is sent to customers"));
      gtk_button_set_label (self->button, _("_Turn Off"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Send reminders to customers for real"));
      break;
    case STRIP_NO_ACCOUNT:
      gtk_label_set_text (self->label, _("No email or SMS account: nothing is sent to customers"));
      gtk_button_set_label (self->button, _("_Set Up"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Set up an email or SMS account in Preferences"));
      break;
    case STRIP_HIDDEN:
    default:
      break;
    }
  gtk_revealer_set_reveal_child (self->revealer, state != STRIP_HIDDEN);
}

static void
on_state_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gssize state = g_task_propagate_int (G_TASK (result), &error);
  OdDemoStrip *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = OD_DEMO_STRIP (source);
  self->busy--;
  if (error != NULL)
    {
      g_warning ("Cannot tell whether demo mode is on: %s", error->message);
      return;
    }
  show_state (self, state);
}

static void
reload (OdDemoStrip *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->context == NULL)
    return;
  self->busy++;
  task = g_task_new (self, self->cancellable, on_state_read, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, read_state_thread);
}

static void
on_turned_off (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  OdDemoStrip *self;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = OD_DEMO_STRIP (source);
  self->busy--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
  if (error != NULL)
    {
      gtk_label_set_text (self->label, error->message);
      return;
    }
  /* Every page, and this strip, read the ledger again. */
  od_context_ledger_changed (self->context);
}

static void
on_turn_off_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  OdDemoStrip *self = OD_DEMO_STRIP (user_data);
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "turn-off") != 0 || self->context == NULL)
    return;
  self->busy++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
  task = g_task_new (self, self->cancellable, on_turned_off, NULL);
  g_task_set_source_tag (task, on_turn_off_response);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, turn_off_thread);
}

static void
on_button_clicked (OdDemoStrip *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (self->state == STRIP_NO_ACCOUNT)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-preferences", "s", "accounts");
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Turn Off Demo Mode?"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("Reminders that come due will go to your customers by email and SMS "
                                 "through the accounts set up in Preferences."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "turn-off", _("_Turn Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "turn-off", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_turn_off_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
od_demo_strip_dispose (GObject *object)
{
  OdDemoStrip *self = OD_DEMO_STRIP (object);

  g_cancellable_cancel (self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_DEMO_STRIP);

  G_OBJECT_CLASS (od_demo_strip_parent_class)->dispose (object);
}

static void
od_demo_strip_finalize (GObject *object)
{
  OdDemoStrip *self = OD_DEMO_STRIP (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (od_demo_strip_parent_class)->finalize (object);
}

static void
od_demo_strip_class_init (OdDemoStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_demo_strip_dispose;
  object_class->finalize = od_demo_strip_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-demo-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, OdDemoStrip, revealer);
  gtk_widget_class_bind_template_child (widget_class, OdDemoStrip, label);
  gtk_widget_class_bind_template_child (widget_class, OdDemoStrip, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked);
}

static void
od_demo_strip_init (OdDemoStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Public API */

OdDemoStrip *
od_demo_strip_new (void)
{
  return g_object_new (OD_TYPE_DEMO_STRIP, NULL);
}

void
od_demo_strip_set_context (OdDemoStrip *self,
                           OdContext   *context)
{
  g_return_if_fail (OD_IS_DEMO_STRIP (self));
  g_return_if_fail (context == NULL || OD_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_swapped (context, "ledger-changed", G_CALLBACK (reload), self);
  reload (self);
}

gboolean
od_demo_strip_is_shown (OdDemoStrip *self)
{
  g_return_val_if_fail (OD_IS_DEMO_STRIP (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

gboolean
od_demo_strip_is_busy (OdDemoStrip *self)
{
  g_return_val_if_fail (OD_IS_DEMO_STRIP (self), FALSE);

  return self->busy > 0;
}
