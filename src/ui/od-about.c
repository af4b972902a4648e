/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-about.h"

GtkWindow *
od_about_present (GtkWindow *parent)
{
  const char *developers[] = { "The Overdue developers", NULL };
  GtkWidget *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Overdue"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Overdue developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Gets small businesses paid: chases late invoices politely and on time."),
                        "website", "https://github.com/overdue/overdue",
                        "issue-url", "https://github.com/overdue/overdue/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
  return GTK_WINDOW (about);
}
