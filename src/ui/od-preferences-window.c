/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-preferences-window.h"

struct _OdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GtkSwitch           *background_switch;
};

G_DEFINE_FINAL_TYPE (OdPreferencesWindow, od_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* GObject */

static void
od_preferences_window_dispose (GObject *object)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (od_preferences_window_parent_class)->dispose (object);
}

static void
od_preferences_window_class_init (OdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, background_switch);
}

static void
od_preferences_window_init (OdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Business page: OdBusinessPage (not yet written). */
  /* Collection and Messages pages: OdPolicyEditor, OdTemplateEditor */
  /* Accounts page: OdAccountsPage (not yet written). */

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/* Public API */

OdPreferencesWindow *
od_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       NULL);
}

/* NAME is one of "business", "collection", "messages", "accounts",
 * "sending"; pages that are not there yet are ignored. */
void
od_preferences_window_show_page (OdPreferencesWindow *self,
                                 const char          *name)
{
  g_return_if_fail (OD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), name);
}
