/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * OdNotifier against a fake notification server: a private D-Bus with
 * org.freedesktop.Notifications owned by this test, which GLib's
 * freedesktop backend talks to when no portal or GTK server is there.
 * No display is needed.
 */
#include "od-notifier.h"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  char    *method;   /* "Notify" or "CloseNotification" */
  guint32  id;       /* Notify: the id given back; Close: the id closed */
  guint32  replaces;
  char    *summary;
  char   **actions;
} Call;

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *server;
  guint            registration;
  GPtrArray       *calls;
  guint32          last_id;
  GHashTable      *open;     /* ids on screen */
  GApplication    *app;
  OdNotifier      *notifier;
  char            *page;     /* the last app.show-page parameter */
} Fixture;

static void
call_free (Call *call)
{
  g_free (call->method);
  g_free (call->summary);
  g_strfreev (call->actions);
  g_free (call);
}

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Fixture *f = user_data;
  Call *call = g_new0 (Call, 1);

  call->method = g_strdup (method_name);
  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary;

      g_variant_get (parameters, "(&su&s&s&s^as@a{sv}i)", NULL, &call->replaces, NULL,
                     &summary, NULL, &call->actions, NULL, NULL);
      call->summary = g_strdup (summary);
      call->id = call->replaces != 0 ? call->replaces : ++f->last_id;
      g_hash_table_add (f->open, GUINT_TO_POINTER (call->id));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", call->id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      g_variant_get (parameters, "(u)", &call->id);
      g_hash_table_remove (f->open, GUINT_TO_POINTER (call->id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "fake", "overdue", "1", "1.2"));
    }
  g_ptr_array_add (f->calls, call);
}

static const GDBusInterfaceVTable server_vtable = { server_method_call, NULL, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->page);
  f->page = g_variant_dup_string (parameter, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GSimpleAction) show_page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gboolean acquired = FALSE;
  guint owner;

  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  f->open = g_hash_table_new (NULL, NULL);

  f->server = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (f->bus),
                                                      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                      G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                      NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_assert_no_error (error);
  f->registration = g_dbus_connection_register_object (f->server, "/org/freedesktop/Notifications",
                                                       info->interfaces[0], &server_vtable,
                                                       f, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (f->server, "org.freedesktop.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired, NULL, &acquired, NULL);
  while (!acquired)
    g_main_context_iteration (NULL, TRUE);
  (void) owner;

  f->app = g_application_new ("io.github.overdue.NotifierTest", G_APPLICATION_DEFAULT_FLAGS);
  show_page = g_simple_action_new ("show-page", G_VARIANT_TYPE_STRING);
  g_signal_connect (show_page, "activate", G_CALLBACK (show_page_activated), f);
  g_action_map_add_action (G_ACTION_MAP (f->app), G_ACTION (show_page));
  g_application_register (f->app, NULL, &error);
  g_assert_no_error (error);

  f->notifier = od_notifier_new (f->app);
  od_notifier_set_time_zone (f->notifier, utc);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
  /* GLib 2.74's freedesktop backend frees its list twice when it is
   * finalized with notifications still in it: withdraw them first. */
  for (guint kind = 0; kind < OD_NOTIFY_N_KINDS; kind++)
    g_application_withdraw_notification (f->app, od_notifier_kind_id (kind));
  g_clear_object (&f->app);
  g_dbus_connection_unregister_object (f->server, f->registration);
  g_clear_object (&f->server);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  g_ptr_array_unref (f->calls);
  g_hash_table_unref (f->open);
  g_free (f->page);
}

/* The backend calls the server asynchronously; one more call on the
 * application's connection comes back only after those went through. */
static void
on_probe_reply (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
sync_server (Fixture *f)
{
  gboolean done = FALSE;

  /* The server runs in this thread: wait without blocking it. */
  g_dbus_connection_call (g_application_get_dbus_connection (f->app),
                          "org.freedesktop.Notifications",
                          "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications", "GetCapabilities",
                          NULL, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_probe_reply, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The probe is not the notifier's. */
  for (guint i = f->calls->len; i > 0; i--)
    {
      Call *call = g_ptr_array_index (f->calls, i - 1);

      if (g_str_equal (call->method, "GetCapabilities"))
        g_ptr_array_remove_index (f->calls, i - 1);
    }
}

static void
update (Fixture    *f,
        const char *iso,
        guint       review,
        guint       letters,
        guint       failed,
        guint       sent)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, utc);
  g_autoptr(OdPassSummary) summary = od_pass_summary_new (now);

  summary->awaiting_review = review;
  summary->letters_to_print = letters;
  summary->failed = failed;
  summary->sent = sent;
  od_notifier_update (f->notifier, summary);
  sync_server (f);
}

static Call *
call_at (Fixture *f,
         guint    index)
{
  g_assert_cmpuint (index, <, f->calls->len);
  return g_ptr_array_index (f->calls, index);
}

static void
test_one_per_kind (Fixture       *f,
                   gconstpointer  data)
{
  Call *review, *letters, *call;
  guint32 letters_id;

  update (f, "2026-03-03T09:00:00Z", 2, 3, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 2);
  review = call_at (f, 0);
  letters = call_at (f, 1);
  g_assert_cmpstr (review->method, ==, "Notify");
  g_assert_cmpstr (review->summary, ==, "2 steps wait for your review");
  g_assert_cmpuint (review->replaces, ==, 0);
  g_assert_cmpstr (letters->summary, ==, "3 letters to print");
  g_assert_true (g_strv_contains ((const char *const *) letters->actions, "default"));
  letters_id = letters->id;

  /* A hundred passes that find the same work: nothing new on screen. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-03-03T09:%02u:00Z", 5 + i % 50);

      update (f, iso, 2, 3, 0, 0);
    }
  g_assert_cmpuint (f->calls->len, ==, 2);

  /* One more letter: the same notification, updated. */
  update (f, "2026-03-03T10:00:00Z", 2, 4, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 3);
  call = call_at (f, 2);
  g_assert_cmpuint (call->replaces, ==, letters_id);
  g_assert_cmpstr (call->summary, ==, "4 letters to print");

  /* Letters printed: it goes away; a failure comes up. */
  update (f, "2026-03-03T11:00:00Z", 2, 0, 1, 0);
  g_assert_cmpuint (f->calls->len, ==, 5);
  call = call_at (f, 3);
  g_assert_cmpstr (call->method, ==, "CloseNotification");
  g_assert_cmpuint (call->id, ==, letters_id);
  g_assert_cmpstr (call_at (f, 4)->summary, ==, "1 message could not be sent");
  /* Never more on screen than kinds of work. */
  g_assert_cmpuint (g_hash_table_size (f->open), ==, 2);
}

static void
test_default_action (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  update (f, "2026-03-03T09:00:00Z", 0, 3, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 1);

  g_dbus_connection_emit_signal (f->server, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", call_at (f, 0)->id, "default"), &error);
  g_assert_no_error (error);
  while (f->page == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (f->page, ==, OD_PAGE_LETTERS);
}

static void
test_daily_summary (Fixture       *f,
                    gconstpointer  data)
{
  Call *call;

  /* Sent in the morning: no summary yet. */
  update (f, "2026-03-03T09:00:00Z", 0, 0, 0, 3);
  update (f, "2026-03-03T12:00:00Z", 0, 0, 0, 1);
  g_assert_cmpuint (f->calls->len, ==, 0);

  update (f, "2026-03-03T17:05:00Z", 0, 0, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 1);
  call = call_at (f, 0);
  g_assert_cmpstr (call->summary, ==, "Overdue sent 4 messages today");

  update (f, "2026-03-03T17:10:00Z", 0, 0, 0, 0);
  update (f, "2026-03-03T18:00:00Z", 0, 0, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 1);

  /* The next day starts counting afresh; nothing sent, nothing shown. */
  update (f, "2026-03-04T18:00:00Z", 0, 0, 0, 0);
  g_assert_cmpuint (f->calls->len, ==, 1);
  update (f, "2026-03-05T17:30:00Z", 0, 0, 0, 2);
  g_assert_cmpuint (f->calls->len, ==, 2);
  call = call_at (f, 1);
  g_assert_cmpstr (call->summary, ==, "Overdue sent 2 messages today");
  g_assert_cmpuint (call->replaces, ==, call_at (f, 0)->id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The strings compared are the untranslated ones. */
  g_setenv ("LC_ALL", "C", TRUE);

  g_test_add ("/od/notifier/one-per-kind", Fixture, NULL,
              fixture_set_up, test_one_per_kind, fixture_tear_down);
  g_test_add ("/od/notifier/default-action", Fixture, NULL,
              fixture_set_up, test_default_action, fixture_tear_down);
  g_test_add ("/od/notifier/daily-summary", Fixture, NULL,
              fixture_set_up, test_daily_summary, fixture_tear_down);
  return g_test_run ();
}
