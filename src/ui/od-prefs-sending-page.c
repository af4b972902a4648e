/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-collection.h"
#include "od-prefs-sending-page.h"

struct _OdPrefsSendingPage
{
  AdwPreferencesPage  parent_instance;

  OdContext          *context;
  GSettings          *settings;
  GCancellable       *cancellable;
  gboolean            loading;      /* the demo switch is being set from the ledger */
  guint               busy;         /* reads and writes of the setting running */
  guint               generation;   /* counts the writes: a read older than one is stale */

  GtkSwitch          *background_switch;
  AdwActionRow       *demo_row;
  GtkSwitch          *demo_switch;
  GtkLabel           *demo_error_label;
};

G_DEFINE_FINAL_TYPE (OdPrefsSendingPage, od_prefs_sending_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (OdPrefsSendingPage *self,
          gboolean            busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_row), self->busy == 0);
}

static void
show_error (OdPrefsSendingPage *self,
            const char         *message)
{
  gtk_label_set_text (self->demo_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->demo_error_label), message != NULL);
}

/* The demo-mode setting is read and written in a worker thread: the
 * store is the ledger file. */

static void
read_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  OdStore *store = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  value = od_store_get_setting (store, OD_COLLECTION_DEMO_MODE_KEY, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, g_strcmp0 (value, "1") == 0);
}

static void
write_demo_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OdStore *store = task_data;
  gboolean on = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "on"));
  g_autoptr(GError) error = NULL;

  if (!od_store_set_setting (store, OD_COLLECTION_DEMO_MODE_KEY, on ? "1" : "0", &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_demo_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (source);
  g_autoptr(GError) error = NULL;
  gboolean on;

  on = g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  /* A write started since: what was read is no longer the ledger's. */
  if (GPOINTER_TO_UINT (user_data) != self->generation)
    return;
  if (error != NULL)
    {
      /* Translators: %s is the reason the ledger could not be read. */
      g_autofree char *message = g_strdup_printf (_("Could not read the demo mode setting: %s"), error->message);

      show_error (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->demo_row), FALSE);
      return;
    }

  self->loading = TRUE;
  gtk_switch_set_active (self->demo_switch, on);
  self->loading = FALSE;
}

static void
on_demo_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* Translators: %s is the reason the ledger could not be written. */
      message = g_strdup_printf (_("Could not change demo mode: %s"), error->message);
      show_error (self, message);
      self->loading = TRUE;
      gtk_switch_set_active (self->demo_switch, !gtk_switch_get_active (self->demo_switch));
      self->loading = FALSE;
    }
  else
    {
      set_busy (self, FALSE);
      od_context_ledger_changed (self->context);
    }
}

static void
load_demo (OdPrefsSendingPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->context == NULL)
    return;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_demo_read, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, load_demo);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, read_demo_thread);
}

static void
on_demo_active_notify (OdPrefsSendingPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->loading || self->context == NULL)
    return;
  show_error (self, NULL);
  self->generation++;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_demo_written, NULL);
  g_task_set_source_tag (task, on_demo_active_notify);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_object_set_data (G_OBJECT (task), "on", GINT_TO_POINTER (gtk_switch_get_active (self->demo_switch)));
  g_task_run_in_thread (task, write_demo_thread);
}

/* GObject */

static void
od_prefs_sending_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (object);

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
od_prefs_sending_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (object);

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
od_prefs_sending_page_constructed (GObject *object)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (object);

  G_OBJECT_CLASS (od_prefs_sending_page_parent_class)->constructed (object);

  /* Demo mode may be turned off elsewhere (the window's demo strip). */
  if (self->context != NULL)
    g_signal_connect_object (self->context, "ledger-changed",
                             G_CALLBACK (load_demo), self, G_CONNECT_SWAPPED);
  load_demo (self);
}

static void
od_prefs_sending_page_dispose (GObject *object)
{
  OdPrefsSendingPage *self = OD_PREFS_SENDING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFS_SENDING_PAGE);

  G_OBJECT_CLASS (od_prefs_sending_page_parent_class)->dispose (object);
}

static void
od_prefs_sending_page_class_init (OdPrefsSendingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = od_prefs_sending_page_set_property;
  object_class->get_property = od_prefs_sending_page_get_property;
  object_class->constructed = od_prefs_sending_page_constructed;
  object_class->dispose = od_prefs_sending_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-prefs-sending-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPrefsSendingPage, background_switch);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsSendingPage, demo_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsSendingPage, demo_switch);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsSendingPage, demo_error_label);
}

static void
od_prefs_sending_page_init (OdPrefsSendingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->demo_switch, "notify::active",
                            G_CALLBACK (on_demo_active_notify), self);
}

/* Public API */

OdPrefsSendingPage *
od_prefs_sending_page_new (OdContext *context)
{
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_PREFS_SENDING_PAGE, "context", context, NULL);
}
