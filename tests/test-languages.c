/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in the user's language: run once with LANGUAGE=de and once
 * with LANGUAGE=fr (tests/meson.build), on the catalogues just built. */
#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "od-demo.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-window.h"

typedef struct
{
  char          *tmpdir;
  OdSqliteStore *store;
  OdContext     *context;
} Fixture;

/* The sidebar's pages, in English. */
static const char *const page_titles[] = { "Today", "Invoices", "Customers", "Activity", "Letters", "Reports" };
static const char *const page_names[] = { "today", "invoices", "customers", "activity", "letters", "reports" };

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");

  fixture->store = od_test_store_new (&fixture->tmpdir);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  od_test_tmpdir_free (fixture->tmpdir);
}

static void
collect_labels (GtkWidget  *widget,
                GHashTable *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_hash_table_add (labels, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
invoices_loaded (gpointer data)
{
  OdInvoicesPage *page = od_window_get_invoices_page (data);

  return g_list_model_get_n_items (od_invoices_page_get_invoices (page)) > 0 &&
         !od_invoices_page_is_loading (page);
}

static void
test_languages_window (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (language);
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Today"), "Today") == 0)
    {
      /* The catalogue is checked by the catalogues test; here the C
       * locale of a newer glibc ignores LANGUAGE. */
      g_test_skip ("no locale for LANGUAGE here: install it (locale-gen) to see the window translated");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  od_test_ui_wait_until (invoices_loaded, window);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("lang-%s-%s", language, page_names[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_names[i]);
      od_test_ui_settle (400);
      if (i < 3)
        od_test_ui_screenshots (GTK_WIDGET (window), name);
    }

  /* Every page's name is the catalogue's, and no English name is left. */
  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, page_titles[i]);

      g_test_message ("%s → %s", page_titles[i], translated);
      g_assert_cmpstr (translated, !=, page_titles[i]);
      g_assert_true (g_hash_table_contains (labels, translated));
      g_assert_false (g_hash_table_contains (labels, page_titles[i]));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR"), "..", "po", NULL);
  g_autoptr(GtkCssProvider) css = NULL;

  /* The catalogues of this build, not of an installed Overdue. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () sets a fixed English locale. The language's own
   * locale where it is installed (dates and money as a German or French
   * desktop shows them), else the environment's: C.UTF-8 with LANGUAGE,
   * which glibc 2.36 honours and newer ones ignore. */
  {
    const char *language = g_getenv ("LANGUAGE");
    g_autofree char *region = g_ascii_strup (language != NULL ? language : "", -1);
    g_autofree char *name = g_strdup_printf ("%s_%s.UTF-8", language != NULL ? language : "", region);

    if (setlocale (LC_ALL, name) == NULL)
      setlocale (LC_ALL, "");
  }
  od_test_ui_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/languages/window", Fixture, NULL,
              fixture_setup, test_languages_window, fixture_teardown);

  return g_test_run ();
}
