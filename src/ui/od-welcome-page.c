/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-welcome-page.h"

struct _OdWelcomePage
{
  AdwBin          parent_instance;

  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  guint           pulse_id;
};

G_DEFINE_FINAL_TYPE (OdWelcomePage, od_welcome_page, ADW_TYPE_BIN)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
pulse_cb (gpointer user_data)
{
  OdWelcomePage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Callbacks */

static void
try_demo_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[CHOSEN], 0, TRUE);
}

static void
start_fresh_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[CHOSEN], 0, FALSE);
}

/* GObject */

static void
od_welcome_page_dispose (GObject *object)
{
  OdWelcomePage *self = OD_WELCOME_PAGE (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (od_welcome_page_parent_class)->dispose (object);
}

static void
od_welcome_page_class_init (OdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_welcome_page_dispose;

  /* OdWelcomePage::chosen: (demo) TRUE for "Try the Demo" */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, OdWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OdWelcomePage, progress_label);

  gtk_widget_class_install_action (widget_class, "welcome.try-demo", NULL, try_demo_activated);
  gtk_widget_class_install_action (widget_class, "welcome.start-fresh", NULL, start_fresh_activated);
}

static void
od_welcome_page_init (OdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

OdWelcomePage *
od_welcome_page_new (void)
{
  return g_object_new (OD_TYPE_WELCOME_PAGE, NULL);
}

void
od_welcome_page_set_busy (OdWelcomePage *self,
                          const char    *message)
{
  g_return_if_fail (OD_IS_WELCOME_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.try-demo", message == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.start-fresh", message == NULL);
  gtk_widget_set_visible (self->progress_box, message != NULL);
  gtk_label_set_text (self->progress_label, message != NULL ? message : "");
  if (message != NULL && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
  else if (message == NULL)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

gboolean
od_welcome_page_is_busy (OdWelcomePage *self)
{
  g_return_val_if_fail (OD_IS_WELCOME_PAGE (self), FALSE);

  return self->pulse_id != 0;
}
