/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-preferences-window.h"
#include "od-prefs-accounts-page.h"
#include "od-prefs-business-page.h"
#include "od-prefs-logo-row.h"
#include "od-prefs-sending-page.h"
#include "od-secrets.h"
#include "od-test-smtp.h"
#include "od-test-ui.h"
#include "od-test-util.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
  OdStore       *s;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_set_time_t (&today, time (NULL));
  fixture->store = od_test_store_new (&fixture->tmpdir);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
  fixture->s = OD_STORE (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

static gboolean
switch_off (gpointer data)
{
  return !gtk_switch_get_active (data);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

/* The first descendant of @widget of @type whose GtkBuildable id (or,
 * failing that, widget name) is @id. */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            GType       type,
            const char *id)
{
  const char *bid = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (g_strcmp0 (bid, id) == 0 || g_strcmp0 (gtk_widget_get_name (widget), id) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, type, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}


static char *
setting (Fixture    *fixture,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = od_store_get_setting (fixture->s, key, &error);

  g_assert_no_error (error);
  return value;
}

static OdPreferencesWindow *
open_preferences (Fixture    *fixture,
                  const char *page,
                  int         width)
{
  OdPreferencesWindow *window = g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                                              "context", fixture->context,
                                              NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 960);
  od_preferences_window_show_page (window, page);
  gtk_window_present (GTK_WINDOW (window));
  od_test_ui_settle (200);
  return window;
}

/* The demo ledger starts in demo mode; the switch turns the ledger
 * setting off and on again, and the page reads it back when reopened. */
static void
test_preferences_demo_mode (Fixture       *fixture,
                            gconstpointer  data)
{
  OdPreferencesWindow *window = open_preferences (fixture, "sending", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  GtkWidget *row = find_by_id (page, ADW_TYPE_ACTION_ROW, "demo_row");
  GtkSwitch *demo = GTK_SWITCH (find_by_id (page, GTK_TYPE_SWITCH, "demo_switch"));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *off = NULL;

  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (page)), ==, "sending");
  g_assert_nonnull (row);
  g_assert_nonnull (demo);
  od_test_ui_wait_until (is_sensitive, row);
  g_assert_cmpint (gtk_switch_get_active (demo), ==, g_strcmp0 (before, "1") == 0);
  g_assert_true (gtk_switch_get_active (demo));

  gtk_switch_set_active (demo, FALSE);
  g_assert_false (gtk_widget_get_sensitive (row));
  od_test_ui_wait_until (is_sensitive, row);
  after = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (after, ==, "0");

  gtk_switch_set_active (demo, TRUE);
  od_test_ui_wait_until (is_sensitive, row);
  again = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (again, ==, "1");
  g_assert_true (od_collection_is_demo (fixture->s, &error));
  g_assert_no_error (error);

  /* Turned off elsewhere (the window's demo strip): the switch follows. */
  g_assert_true (od_store_set_setting (fixture->s, OD_COLLECTION_DEMO_MODE_KEY, "0", &error));
  g_assert_no_error (error);
  od_context_ledger_changed (fixture->context);
  od_test_ui_wait_until (switch_off, demo);
  od_test_ui_settle (200);
  off = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (off, ==, "0");
  g_assert_true (gtk_widget_get_sensitive (row));

  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
business_idle (gpointer data)
{
  return !od_prefs_business_page_is_busy (data);
}

static gboolean
destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static OdBusiness *
stored_business (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  OdBusiness *business = od_store_get_business (fixture->s, &error);

  g_assert_no_error (error);
  g_assert_nonnull (business);
  return business;
}

static void
type_into (GtkWidget  *page,
           const char *field,
           const char *text)
{
  GtkWidget *entry = find_by_id (page, ADW_TYPE_ENTRY_ROW, field);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The message row under @field: its text when shown, else NULL. */
static const char *
field_message (GtkWidget  *page,
               const char *field)
{
  GtkWidget *entry = find_by_id (page, ADW_TYPE_ENTRY_ROW, field);
  GtkWidget *row = gtk_widget_get_next_sibling (entry);

  g_assert_nonnull (row);
  if (!gtk_widget_get_visible (row))
    {
      g_assert_false (gtk_widget_has_css_class (entry, "error"));
      return NULL;
    }
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
}

static void
click (GtkWidget  *page,
       const char *id)
{
  GtkWidget *button = find_by_id (page, GTK_TYPE_BUTTON, id);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* A small PNG (or, @tiff, a TIFF) made with GTK, to choose as the logo. */
static char *
make_image (const char *dir,
            gboolean    tiff)
{
  static const guint8 pixels[] = { 0xff, 0x00, 0x00, 0x00, 0xff, 0x00,
                                   0x00, 0x00, 0xff, 0x20, 0x40, 0x60 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8, bytes, 6);
  char *path = g_build_filename (dir, tiff ? "chosen-logo.tiff" : "chosen-logo.png", NULL);

  g_assert_true (tiff ? gdk_texture_save_to_tiff (texture, path) : gdk_texture_save_to_png (texture, path));
  return path;
}

/* Edits the demo business: a wrong IBAN is shown next to its field and
 * nothing is saved; once right, Save stores the draft, logo included;
 * the logo is removed again. */
static void
test_preferences_business (Fixture       *fixture,
                           gconstpointer  data)
{
  OdPreferencesWindow *window = open_preferences (fixture, "business", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  OdPrefsLogoRow *logo = OD_PREFS_LOGO_ROW (find_by_id (page, OD_TYPE_PREFS_LOGO_ROW, "logo"));
  g_autoptr(OdBusiness) before = stored_business (fixture);
  g_autoptr(OdBusiness) after = NULL;
  g_autoptr(OdBusiness) removed = NULL;
  g_autofree char *png = make_image (fixture->tmpdir, FALSE);
  g_autofree char *tiff = make_image (fixture->tmpdir, TRUE);
  const char *message;

  g_assert_true (OD_IS_PREFS_BUSINESS_PAGE (page));
  od_test_ui_wait_until (business_idle, page);
  g_assert_nonnull (logo);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (page, ADW_TYPE_ENTRY_ROW, "name"))),
                   ==, od_business_get_name (before));
  g_assert_false (od_prefs_business_page_is_dirty (OD_PREFS_BUSINESS_PAGE (page)));
  g_assert_false (gtk_widget_get_sensitive (find_by_id (page, GTK_TYPE_BUTTON, "save_button")));

  type_into (page, "name", "Harbour Lights Studio");
  type_into (page, "iban", "DE00 1234 5678 9012 3456 78");
  type_into (page, "email", "accounts@harbour-lights.example");
  od_prefs_logo_row_set_path (logo, png);
  g_assert_true (od_prefs_business_page_is_dirty (OD_PREFS_BUSINESS_PAGE (page)));
  /* Not shown while typing, only once the field is left or on Save. */
  g_assert_null (field_message (page, "iban"));
  click (page, "save_button");
  message = field_message (page, "iban");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "IBAN"));
  g_assert_null (field_message (page, "name"));
  g_assert_null (field_message (page, "email"));
  g_assert_false (od_prefs_business_page_is_busy (OD_PREFS_BUSINESS_PAGE (page)));
  od_test_ui_settle (100);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_name (after), ==, od_business_get_name (before));
  g_assert_cmpstr (od_business_get_iban (after), ==, od_business_get_iban (before));
  g_clear_object (&after);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-business-error");

  /* Right again: the message goes as the field is corrected. */
  type_into (page, "iban", "DE89 3704 0044 0532 0130 00");
  g_assert_null (field_message (page, "iban"));
  click (page, "save_button");
  g_assert_true (od_prefs_business_page_is_busy (OD_PREFS_BUSINESS_PAGE (page)));
  od_test_ui_wait_until (business_idle, page);
  g_assert_false (od_prefs_business_page_is_dirty (OD_PREFS_BUSINESS_PAGE (page)));
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_name (after), ==, "Harbour Lights Studio");
  g_assert_cmpstr (od_business_get_iban (after), ==, "DE89 3704 0044 0532 0130 00");
  g_assert_cmpstr (od_business_get_email (after), ==, "accounts@harbour-lights.example");
  g_assert_cmpstr (od_business_get_address (after), ==, od_business_get_address (before));
  g_assert_cmpstr (od_business_get_currency (after), ==, od_business_get_currency (before));
  /* The logo was copied into Overdue's folder, and the copy is a PNG. */
  g_assert_nonnull (od_business_get_logo (after));
  g_assert_cmpstr (od_business_get_logo (after), !=, png);
  g_assert_true (g_str_has_prefix (od_business_get_logo (after), g_get_user_data_dir ()));
  g_assert_true (g_file_test (od_business_get_logo (after), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (od_prefs_logo_row_get_path (logo), ==, od_business_get_logo (after));
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-business");

  /* Another format GTK reads (as a JPEG would be) becomes a PNG that
   * the documents can draw. */
  od_prefs_logo_row_set_path (logo, tiff);
  click (page, "save_button");
  od_test_ui_wait_until (business_idle, page);
  {
    g_autoptr(OdBusiness) converted = stored_business (fixture);
    g_autoptr(GdkTexture) texture = NULL;
    g_autoptr(GError) error = NULL;

    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_str_has_suffix (od_business_get_logo (converted), ".png"));
    g_assert_true (g_file_get_contents (od_business_get_logo (converted), &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpint (memcmp (bytes, "\x89PNG\r\n\x1a\n", 8), ==, 0);
    texture = gdk_texture_new_from_filename (od_business_get_logo (converted), &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 2);
  }

  click (page, "remove_logo");
  click (page, "save_button");
  od_test_ui_wait_until (business_idle, page);
  removed = stored_business (fixture);
  g_assert_null (od_business_get_logo (removed));
  g_assert_cmpstr (od_business_get_name (removed), ==, "Harbour Lights Studio");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window saves a draft without mistakes, and asks before
 * throwing away one with mistakes. */
static void
test_preferences_business_close (Fixture       *fixture,
                                 gconstpointer  data)
{
  OdPreferencesWindow *window = open_preferences (fixture, "business", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  g_autoptr(OdBusiness) after = NULL;
  gpointer weak = window;
  GtkWindow *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  od_test_ui_wait_until (business_idle, page);
  type_into (page, "phone", "+44 20 7946 0321");
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  od_test_ui_wait_until (destroyed, &weak);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_phone (after), ==, "+44 20 7946 0321");

  window = open_preferences (fixture, "business", 640);
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  od_test_ui_wait_until (business_idle, page);
  type_into (page, "payment-link", "ftp://pay.example/");
  gtk_window_close (GTK_WINDOW (window));
  od_test_ui_settle (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (field_message (page, "payment-link"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = GTK_WINDOW (toplevel);
    }
  g_assert_nonnull (dialog);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  /* The dialog closes itself on its response. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  od_test_ui_wait_until (destroyed, &weak);
  g_clear_object (&after);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_payment_link (after), !=, "ftp://pay.example/");
}

static gboolean
group_idle (gpointer data)
{
  return !od_prefs_account_group_is_busy (data);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

/* Presses Test Connection and waits for the outcome; whether it failed. */
static gboolean
test_connection (OdPrefsAccountGroup *group,
                 const char         **status)
{
  gboolean failed = FALSE;

  click (GTK_WIDGET (group), "test");
  g_assert_true (od_prefs_account_group_is_busy (group));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (group), GTK_TYPE_BUTTON, "cancel")));
  od_test_ui_wait_until (group_idle, group);
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (group), GTK_TYPE_BUTTON, "cancel")));
  *status = od_prefs_account_group_get_status (group, &failed);
  g_test_message ("test connection: %s", *status);
  return failed;
}

/* A loopback port nobody listens on. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The mail account against the loopback SMTP server: Test Connection
 * succeeds, a wrong port and a cancelled test show why, Save puts the
 * password in the keyring and nowhere in the ledger file, and a test
 * with the password field empty uses the keyring's. */
static void
test_preferences_accounts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start (NULL);
  g_autoptr(GSocketListener) silent = g_socket_listener_new ();
  g_autofree char *port = g_strdup_printf ("%u", od_test_smtp_get_port (server));
  g_autofree char *wrong_port = g_strdup_printf ("%u", closed_port ());
  g_autofree char *silent_port = NULL;
  g_autofree char *ca_file = g_build_filename (od_test_smtp_certs (), "ca.pem", NULL);
  g_autofree char *ledger = g_build_filename (fixture->tmpdir, "ledger.db", NULL);
  g_autofree char *wal = g_build_filename (fixture->tmpdir, "ledger.db-wal", NULL);
  g_autoptr(OdSmtpAccount) saved = NULL;
  g_autoptr(OdSecrets) secrets = od_secrets_new ();
  g_autoptr(GError) error = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "accounts", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  OdPrefsAccountGroup *smtp;
  OdPrefsAccountGroup *sms;
  const char *status = NULL;
  char *password;

  g_assert_true (OD_IS_PREFS_ACCOUNTS_PAGE (page));
  smtp = od_prefs_accounts_page_get_group (OD_PREFS_ACCOUNTS_PAGE (page), OD_SECRET_KIND_SMTP);
  sms = od_prefs_accounts_page_get_group (OD_PREFS_ACCOUNTS_PAGE (page), OD_SECRET_KIND_SMS);
  od_test_ui_wait_until (group_idle, smtp);
  od_test_ui_wait_until (group_idle, sms);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (smtp), ADW_TYPE_ENTRY_ROW, "port"))), ==, "587");

  type_into (GTK_WIDGET (smtp), "host", "127.0.0.1");
  type_into (GTK_WIDGET (smtp), "port", port);
  type_into (GTK_WIDGET (smtp), "user", OD_TEST_SMTP_USER);
  type_into (GTK_WIDGET (smtp), "from", "billing@example.com");
  type_into (GTK_WIDGET (smtp), "ca-file", ca_file);
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (smtp), ADW_TYPE_PASSWORD_ENTRY_ROW, "secret")),
                         OD_TEST_SMTP_PASSWORD);
  g_assert_false (test_connection (smtp, &status));
  g_assert_nonnull (strstr (status, "Connected to 127.0.0.1"));
  g_assert_cmpuint (od_test_smtp_count_events (server, "auth"), >=, 1);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-accounts");

  /* Nobody on the port: the reason is shown. */
  type_into (GTK_WIDGET (smtp), "port", wrong_port);
  g_assert_true (test_connection (smtp, &status));
  g_assert_cmpstr (status, !=, "");
  g_assert_null (strstr (status, "Connected"));
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-accounts-error");

  /* A server that never answers: the test is cancelled. */
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_assert_true (g_socket_listener_add_address (silent, address, G_SOCKET_TYPE_STREAM,
                                                  G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
    g_assert_no_error (error);
    silent_port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  }
  type_into (GTK_WIDGET (smtp), "port", silent_port);
  click (GTK_WIDGET (smtp), "test");
  od_test_ui_settle (300);
  g_assert_true (od_prefs_account_group_is_busy (smtp));
  click (GTK_WIDGET (smtp), "cancel");
  od_test_ui_wait_until (group_idle, smtp);
  status = od_prefs_account_group_get_status (smtp, NULL);
  g_assert_cmpstr (status, ==, "Test cancelled.");

  /* Saved: the settings in the ledger, the password in the keyring. */
  type_into (GTK_WIDGET (smtp), "port", port);
  click (GTK_WIDGET (smtp), "save");
  od_test_ui_wait_until (group_idle, smtp);
  status = od_prefs_account_group_get_status (smtp, NULL);
  g_test_message ("save: %s", status);
  saved = od_smtp_account_load (fixture->s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->host, ==, "127.0.0.1");
  g_assert_cmpuint (saved->port, ==, od_test_smtp_get_port (server));
  g_assert_cmpstr (saved->user, ==, OD_TEST_SMTP_USER);
  g_assert_cmpstr (saved->from_address, ==, "billing@example.com");
  g_assert_cmpstr (saved->ca_file, ==, ca_file);
  password = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "127.0.0.1", OD_TEST_SMTP_USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, OD_TEST_SMTP_PASSWORD);
  od_secrets_free_secret (password);
  g_assert_true (file_contains (ledger, "127.0.0.1") || file_contains (wal, "127.0.0.1"));
  g_assert_false (file_contains (ledger, OD_TEST_SMTP_PASSWORD));
  g_assert_false (file_contains (wal, OD_TEST_SMTP_PASSWORD));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (smtp), ADW_TYPE_PASSWORD_ENTRY_ROW, "secret"))), ==, "");

  /* With the field empty, the test uses the keyring's password. */
  g_assert_false (test_connection (smtp, &status));

  /* The SMS gateway: the core's check of the URL is shown, nothing saved. */
  type_into (GTK_WIDGET (sms), "url", "http://sms.example.com");
  type_into (GTK_WIDGET (sms), "sid", "AC0123");
  click (GTK_WIDGET (sms), "save");
  od_test_ui_wait_until (group_idle, sms);
  {
    gboolean failed = FALSE;

    status = od_prefs_account_group_get_status (sms, &failed);
    g_assert_true (failed);
    g_assert_nonnull (strstr (status, "https://"));
    g_assert_null (od_sms_account_load (fixture->s, &error));
    g_assert_no_error (error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
accounts_idle (gpointer data)
{
  OdPrefsAccountsPage *page = data;

  return !od_prefs_account_group_is_busy (od_prefs_accounts_page_get_group (page, OD_SECRET_KIND_SMTP)) &&
         !od_prefs_account_group_is_busy (od_prefs_accounts_page_get_group (page, OD_SECRET_KIND_SMS));
}

/* Every page, wide and tall, then 360 px narrow, light and dark; the
 * pages are in their order. */
static void
test_preferences_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *names[] = { "business", "accounts", "sending" };
  OdPreferencesWindow *window = open_preferences (fixture, "business", 640);
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  GtkWidget *stack = gtk_widget_get_parent (page);
  GListModel *pages = G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (stack)));
  g_autofree char *order = NULL;
  GString *joined = g_string_new (NULL);

  g_assert_true (ADW_IS_VIEW_STACK (stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) stack_page = g_list_model_get_item (pages, i);

      g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                              adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (adw_view_stack_page_get_child (ADW_VIEW_STACK_PAGE (stack_page)))));
    }
  g_object_unref (pages);
  order = g_string_free (joined, FALSE);
  g_test_message ("pages: %s", order);
  g_assert_true (g_str_has_prefix (order, "business "));
  g_assert_true (g_str_has_suffix (order, " accounts sending"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Wide and tall, in the window. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *shot = g_strdup_printf ("preferences-%s-tall", names[i]);

      window = open_preferences (fixture, names[i], 640);
      gtk_window_set_default_size (GTK_WINDOW (window), 640, 1500);
      page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
      if (OD_IS_PREFS_BUSINESS_PAGE (page))
        od_test_ui_wait_until (business_idle, page);
      if (OD_IS_PREFS_ACCOUNTS_PAGE (page))
        od_test_ui_wait_until (accounts_idle, page);
      od_test_ui_screenshots (GTK_WIDGET (window), shot);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* 360 px narrow: each page on its own (the window is as wide as its
   * widest page), at the top and scrolled to the end. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *shot = g_strdup_printf ("preferences-%s-narrow", names[i]);
      g_autofree char *end = g_strdup_printf ("preferences-%s-narrow-end", names[i]);
      GtkWidget *narrow = gtk_window_new ();
      GtkWidget *scrolled;
      int minimum = 0;

      page = i == 0 ? GTK_WIDGET (od_prefs_business_page_new (fixture->context))
             : i == 1 ? GTK_WIDGET (od_prefs_accounts_page_new (fixture->context))
             : GTK_WIDGET (od_prefs_sending_page_new (fixture->context));
      gtk_window_set_child (GTK_WINDOW (narrow), page);
      gtk_window_set_default_size (GTK_WINDOW (narrow), 360, 640);
      gtk_window_present (GTK_WINDOW (narrow));
      if (OD_IS_PREFS_BUSINESS_PAGE (page))
        od_test_ui_wait_until (business_idle, page);
      if (OD_IS_PREFS_ACCOUNTS_PAGE (page))
        od_test_ui_wait_until (accounts_idle, page);
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      od_test_ui_screenshots (narrow, shot);
      scrolled = gtk_widget_get_first_child (page);
      while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
        scrolled = gtk_widget_get_first_child (scrolled);
      g_assert_nonnull (scrolled);
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      }
      od_test_ui_screenshots (narrow, end);
      gtk_window_destroy (GTK_WINDOW (narrow));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_autofree char *data_home = od_test_tmpdir_new ();
  int status;

  g_autofree char *keyring = g_build_filename (data_home, "test.keyring", NULL);

  /* The logos go to the user's data folder: a temporary one; the
   * passwords to libsecret's file backend: a real encrypted keyring
   * file, no daemon. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test keyring password", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/preferences/business", Fixture, NULL,
              fixture_setup, test_preferences_business, fixture_teardown);
  g_test_add ("/od/preferences/business-close", Fixture, NULL,
              fixture_setup, test_preferences_business_close, fixture_teardown);
  g_test_add ("/od/preferences/accounts", Fixture, NULL,
              fixture_setup, test_preferences_accounts, fixture_teardown);
  g_test_add ("/od/preferences/pages", Fixture, NULL,
              fixture_setup, test_preferences_pages, fixture_teardown);
  g_test_add ("/od/preferences/demo-mode", Fixture, NULL,
              fixture_setup, test_preferences_demo_mode, fixture_teardown);

  status = g_test_run ();
  od_test_tmpdir_free (g_steal_pointer (&data_home));
  return status;
}
