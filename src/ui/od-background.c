/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Background portal over plain D-Bus (no libportal):
 * org.freedesktop.portal.Background.RequestBackground. Inside Flatpak it
 * is how an app may keep running without a window and be started at
 * login; outside, xdg-desktop-portal still writes the autostart entry.
 */
#include <glib/gi18n.h>

#include "od-background.h"

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_INTERFACE "org.freedesktop.portal.Background"

static void
on_request_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_debug ("Background portal: %s", error->message);
}

void
od_background_request (GApplication *application,
                       gboolean      autostart)
{
  GDBusConnection *bus;
  const char *const commandline[] = { "overdue", "--background", NULL };
  GVariantBuilder options;

  g_return_if_fail (G_IS_APPLICATION (application));

  bus = g_application_get_dbus_connection (application);
  if (bus == NULL)
    return;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Overdue sends reminders when they come due, also with its window closed.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  /* No window to name as the parent: it may be closed already. */
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, PORTAL_INTERFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          on_request_done, NULL);
}
