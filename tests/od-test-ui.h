/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <adwaita.h>

/*
 * One warning that is libadwaita's, not ours. From libadwaita 1.6 on
 * (Debian 13, the GNOME 48+ Flatpak runtimes) the deprecated
 * AdwMessageDialog measures its large, unwrapped heading label for the
 * dialog's minimum width before it switches to the wrapping small one,
 * and GTK 4.18 warns "Trying to measure GtkLabel ... for width of N, but
 * it needs at least M" about it. The dialog lays out and draws correctly.
 * The replacement, AdwAlertDialog, does not exist in libadwaita 1.2,
 * which Overdue pins. The UI tests run with G_DEBUG=fatal-warnings; this
 * writer drops that warning only when the label is a message dialog's
 * heading, so every other warning still fails the test.
 */
static inline gboolean
od_test_ui_is_dialog_heading_warning (const char *message)
{
  const char *at = message != NULL ? strstr (message, "Trying to measure GtkLabel 0x") : NULL;
  GtkWidget *label;
  GtkRoot *root;

  if (at == NULL)
    return FALSE;
  label = GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (at + strlen ("Trying to measure GtkLabel "), NULL, 16));
  if (!GTK_IS_LABEL (label))
    return FALSE;
  root = gtk_widget_get_root (label);
  return ADW_IS_MESSAGE_DIALOG (root) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)),
                    adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (root))) == 0;
}

static inline GLogWriterOutput
od_test_ui_log_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          od_test_ui_is_dialog_heading_warning (fields[i].value))
        return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Call once, right after gtk_test_init (). */
static inline void
od_test_ui_init (void)
{
  g_log_set_writer_func (od_test_ui_log_writer, NULL, NULL);
}
