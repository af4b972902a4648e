/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-reason-dialog.h"

struct _OdReasonDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (OdReasonDialog, od_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_reason (OdReasonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));

  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static void
on_changed (OdReasonDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", has_reason (self));
}

static void
on_response (OdReasonDialog *self,
             const char     *response)
{
  if (g_strcmp0 (response, "confirm") == 0 && has_reason (self))
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
od_reason_dialog_class_init (OdReasonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdReasonDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
od_reason_dialog_init (OdReasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OdReasonDialog *
od_reason_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      const char *confirm_label)
{
  OdReasonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (confirm_label != NULL, NULL);

  self = g_object_new (OD_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       NULL);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "confirm", confirm_label);
  return self;
}

const char *
od_reason_dialog_get_reason (OdReasonDialog *self)
{
  g_return_val_if_fail (OD_IS_REASON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}
