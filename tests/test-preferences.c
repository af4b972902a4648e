/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-preferences-window.h"
#include "od-prefs-business-page.h"
#include "od-prefs-logo-row.h"
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
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins the main loop until @done says so, failing after 10 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
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


/* Saves what @widget shows as a PNG in the build folder, to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int width = 0;
  int height = 0;

  /* A window just shown may not have its size yet: wait a few frames. */
  for (guint i = 0; i < 60 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width == 0 || height == 0)
        {
          settle (50);
          continue;
        }
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR") ? g_getenv ("OD_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
screenshots (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  settle (300);
  save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
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

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  od_preferences_window_show_page (window, page);
  gtk_window_present (GTK_WINDOW (window));
  settle (200);
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

  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (page)), ==, "sending");
  g_assert_nonnull (row);
  g_assert_nonnull (demo);
  wait_until (is_sensitive, row);
  g_assert_cmpint (gtk_switch_get_active (demo), ==, g_strcmp0 (before, "1") == 0);
  g_assert_true (gtk_switch_get_active (demo));

  gtk_switch_set_active (demo, FALSE);
  g_assert_false (gtk_widget_get_sensitive (row));
  wait_until (is_sensitive, row);
  after = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (after, ==, "0");

  gtk_switch_set_active (demo, TRUE);
  wait_until (is_sensitive, row);
  again = setting (fixture, OD_COLLECTION_DEMO_MODE_KEY);
  g_assert_cmpstr (again, ==, "1");
  g_assert_true (od_collection_is_demo (fixture->s, &error));
  g_assert_no_error (error);

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

/* A small PNG made with GTK, to choose as the logo. */
static char *
make_png (const char *dir)
{
  static const guint8 pixels[] = { 0xff, 0x00, 0x00, 0x00, 0xff, 0x00,
                                   0x00, 0x00, 0xff, 0x20, 0x40, 0x60 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8, bytes, 6);
  char *path = g_build_filename (dir, "chosen-logo.png", NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
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
  g_autofree char *png = make_png (fixture->tmpdir);
  const char *message;

  g_assert_true (OD_IS_PREFS_BUSINESS_PAGE (page));
  wait_until (business_idle, page);
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
  settle (100);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_name (after), ==, od_business_get_name (before));
  g_assert_cmpstr (od_business_get_iban (after), ==, od_business_get_iban (before));
  g_clear_object (&after);
  screenshots (GTK_WIDGET (window), "preferences-business-error");

  /* Right again: the message goes as the field is corrected. */
  type_into (page, "iban", "DE89 3704 0044 0532 0130 00");
  g_assert_null (field_message (page, "iban"));
  click (page, "save_button");
  g_assert_true (od_prefs_business_page_is_busy (OD_PREFS_BUSINESS_PAGE (page)));
  wait_until (business_idle, page);
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
  screenshots (GTK_WIDGET (window), "preferences-business");

  click (page, "remove_logo");
  click (page, "save_button");
  wait_until (business_idle, page);
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

  wait_until (business_idle, page);
  type_into (page, "phone", "+44 20 7946 0321");
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (destroyed, &weak);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_phone (after), ==, "+44 20 7946 0321");

  window = open_preferences (fixture, "business", 640);
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  wait_until (business_idle, page);
  type_into (page, "payment-link", "ftp://pay.example/");
  gtk_window_close (GTK_WINDOW (window));
  settle (200);
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
  wait_until (destroyed, &weak);
  g_clear_object (&after);
  after = stored_business (fixture);
  g_assert_cmpstr (od_business_get_payment_link (after), !=, "ftp://pay.example/");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_autofree char *data_home = od_test_tmpdir_new ();
  int status;

  /* The logos go to the user's data folder: a temporary one. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/preferences/business", Fixture, NULL,
              fixture_setup, test_preferences_business, fixture_teardown);
  g_test_add ("/od/preferences/business-close", Fixture, NULL,
              fixture_setup, test_preferences_business_close, fixture_teardown);
  g_test_add ("/od/preferences/demo-mode", Fixture, NULL,
              fixture_setup, test_preferences_demo_mode, fixture_teardown);

  status = g_test_run ();
  od_test_tmpdir_free (g_steal_pointer (&data_home));
  return status;
}
