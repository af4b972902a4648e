/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Messages preferences on the demo ledger: the template editor
 * previews a real invoice, refuses an unknown tag, saves through the
 * template store and resets to the default. */
#include <adwaita.h>

#include "od-demo.h"
#include "od-money.h"
#include "od-preferences-window.h"
#include "od-prefs-templates-page.h"
#include "od-template-sample.h"
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

/* The first descendant of @widget of @type whose GtkBuildable id (or,
 * failing that, widget name) is @id (NULL: any). */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            GType       type,
            const char *id)
{
  const char *bid = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (id == NULL || g_strcmp0 (bid, id) == 0 || g_strcmp0 (gtk_widget_get_name (widget), id) == 0))
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

/* Scrolls the page that holds @widget so that it is at the top. */
static void
scroll_to (GtkWidget *page,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_by_id (page, GTK_TYPE_SCROLLED_WINDOW, NULL));
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), y);
  od_test_ui_settle (300);
}

static OdPreferencesWindow *
open_preferences (Fixture    *fixture,
                  const char *page_name,
                  int         width,
                  GtkWidget **page)
{
  OdPreferencesWindow *window = g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                                              "context", fixture->context,
                                              NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  od_preferences_window_show_page (window, page_name);
  gtk_window_present (GTK_WINDOW (window));
  *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (*page)), ==, page_name);
  return window;
}

static gboolean
templates_page_idle (gpointer data)
{
  return od_prefs_templates_page_is_idle (data);
}

static gboolean
editor_idle (gpointer data)
{
  return od_template_editor_is_idle (data);
}

static OdTemplateEntry *
stored_template (Fixture        *fixture,
                 const char     *name,
                 OdTemplatePart  part)
{
  g_autoptr(GError) error = NULL;
  OdTemplateEntry *entry = od_store_get_template (fixture->s, name, part, "en", &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

/* The invoice the editor previews with, read back from the picker. */
static OdInvoice *
previewed_invoice (Fixture          *fixture,
                   OdTemplateEditor *editor)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_by_id (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "invoice_row"));
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  OdInvoice *invoice;

  g_assert_nonnull (item);
  parts = g_strsplit (gtk_string_object_get_string (item), " · ", 2);
  invoice = od_store_find_invoice (fixture->s, parts[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoice);
  return invoice;
}

static void
assert_previews (Fixture          *fixture,
                 OdTemplateEditor *editor)
{
  g_autoptr(OdInvoice) invoice = previewed_invoice (fixture, editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTemplateValues) values = od_template_sample_values (fixture->s, od_invoice_get_id (invoice),
                                                                  "first-reminder", "en", &error);
  g_autofree char *preview = od_template_editor_get_preview (editor);
  g_autofree char *digits = od_amount_to_string (od_invoice_get_outstanding (invoice),
                                                 od_currency_minor_digits (od_invoice_get_currency (invoice)));
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *amount;

  g_assert_no_error (error);
  g_assert_cmpuint (od_invoice_get_outstanding (invoice), >, 0);
  g_assert_nonnull (strstr (preview, od_invoice_get_number (invoice)));
  /* The amount owed as the message writes it ("EUR 1,234.50"), and that
   * is this invoice's outstanding amount. */
  amount = od_template_values_lookup (values, "amount_due");
  g_assert_nonnull (amount);
  g_assert_nonnull (strstr (preview, amount));
  for (const char *p = amount; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '.')
      g_string_append_c (shown, *p);
  g_assert_cmpstr (shown->str, ==, digits);
}

/* The editor previews a real invoice (and another when picked), refuses
 * an unknown tag, saves through the store and resets to the default. */
static void
test_template_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "messages", 720, &page);
  g_autoptr(OdTemplateEntry) before = stored_template (fixture, "first-reminder", OD_TEMPLATE_PART_TEXT);
  g_autoptr(OdTemplateEntry) after = NULL;
  g_autoptr(OdTemplateEntry) unchanged = NULL;
  g_autoptr(OdTemplateEntry) reset = NULL;
  g_autoptr(OdInvoice) first = NULL;
  g_autoptr(OdInvoice) second = NULL;
  OdTemplateEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  AdwComboRow *invoices;
  GtkWidget *expander;
  const char *edited = "Hello {{customer.name}}, please pay {{invoice.number}} ({{amount_due}}) today.\n";

  od_test_ui_wait_until (templates_page_idle, page);
  expander = find_by_id (page, ADW_TYPE_EXPANDER_ROW, "first-reminder");
  g_assert_nonnull (expander);
  g_assert_nonnull (find_by_id (expander, ADW_TYPE_ACTION_ROW, "sms"));
  g_assert_nonnull (find_by_id (expander, ADW_TYPE_ACTION_ROW, "letter"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  od_test_ui_settle (500);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-messages");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  od_test_ui_settle (600);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-messages-narrow");
  g_assert_true (before->is_default);

  editor = od_prefs_templates_page_open_editor (OD_PREFS_TEMPLATES_PAGE (page), "first-reminder",
                                                OD_TEMPLATE_PART_TEXT);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 720, 800);
  gtk_window_present (GTK_WINDOW (editor));
  od_test_ui_wait_until (editor_idle, editor);
  g_assert_null (od_template_editor_get_error (editor));
  assert_previews (fixture, editor);
  first = previewed_invoice (fixture, editor);
  od_test_ui_screenshots (GTK_WIDGET (editor), "template-editor");

  /* Another invoice. */
  invoices = ADW_COMBO_ROW (find_by_id (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "invoice_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (invoices)), >, 1);
  adw_combo_row_set_selected (invoices, 1);
  od_test_ui_wait_until (editor_idle, editor);
  second = previewed_invoice (fixture, editor);
  g_assert_cmpint (od_invoice_get_id (first), !=, od_invoice_get_id (second));
  assert_previews (fixture, editor);

  /* An unknown tag: named with its line, marked, and Save refused. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_by_id (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, "body_view")));
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "\nSee {{nonsense}}.\n", -1);
  g_assert_nonnull (od_template_editor_get_error (editor));
  g_assert_nonnull (strstr (od_template_editor_get_error (editor), "nonsense"));
  g_assert_nonnull (strstr (od_template_editor_get_error (editor), "line"));
  {
    g_autofree char *text = NULL;
    GtkTextIter start, end;
    const char *at;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    at = strstr (text, "{{nonsense}}");
    gtk_text_buffer_get_iter_at_offset (buffer, &start, (gint) g_utf8_pointer_to_offset (text, at) + 3);
    g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "unknown-tag")));
  }
  g_assert_false (gtk_widget_get_sensitive (find_by_id (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "save_button")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  od_test_ui_settle (300);
  g_assert_nonnull (editor);
  unchanged = stored_template (fixture, "first-reminder", OD_TEMPLATE_PART_TEXT);
  g_assert_cmpstr (unchanged->body, ==, before->body);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 700);
  od_test_ui_screenshots (GTK_WIDGET (editor), "template-editor-unknown-tag-narrow");

  /* A valid text is saved: the store returns it, marked customised. */
  gtk_text_buffer_set_text (buffer, edited, -1);
  g_assert_null (od_template_editor_get_error (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  while (editor != NULL)
    g_main_context_iteration (NULL, TRUE);
  after = stored_template (fixture, "first-reminder", OD_TEMPLATE_PART_TEXT);
  g_assert_cmpstr (after->body, ==, edited);
  g_assert_false (after->is_default);

  /* Reset to Default, confirmed. */
  editor = od_prefs_templates_page_open_editor (OD_PREFS_TEMPLATES_PAGE (page), "first-reminder",
                                                OD_TEMPLATE_PART_TEXT);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  od_test_ui_wait_until (editor_idle, editor);
  {
    g_autofree char *preview = od_template_editor_get_preview (editor);

    g_assert_nonnull (strstr (preview, "please pay"));
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reset", NULL);
  od_test_ui_settle (200);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (item))
          dialog = ADW_MESSAGE_DIALOG (item);
      }
    g_assert_nonnull (dialog);
    od_test_ui_save_screenshot (GTK_WIDGET (dialog), "template-editor-reset");
    adw_message_dialog_response (dialog, "reset");
  }
  od_test_ui_settle (100);
  od_test_ui_wait_until (editor_idle, editor);
  reset = stored_template (fixture, "first-reminder", OD_TEMPLATE_PART_TEXT);
  g_assert_true (reset->is_default);
  g_assert_cmpstr (reset->body, ==, before->body);

  gtk_window_destroy (GTK_WINDOW (editor));

  /* The HTML email previews as its reader sees the text. */
  editor = od_prefs_templates_page_open_editor (OD_PREFS_TEMPLATES_PAGE (page), "first-reminder",
                                                OD_TEMPLATE_PART_HTML);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 760);
  gtk_window_present (GTK_WINDOW (editor));
  od_test_ui_wait_until (editor_idle, editor);
  {
    g_autoptr(OdInvoice) invoice = previewed_invoice (fixture, editor);
    g_autofree char *preview = od_template_editor_get_preview (editor);

    g_assert_nonnull (strstr (preview, od_invoice_get_number (invoice)));
    g_assert_null (strstr (preview, "<p"));
    g_assert_null (strstr (preview, "style="));
    g_assert_nonnull (strstr (preview, "Dear "));
  }
  scroll_to (GTK_WIDGET (editor), find_by_id (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "invoice_row"));
  od_test_ui_screenshots (GTK_WIDGET (editor), "template-editor-html-narrow");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/preferences-templates/editor", Fixture, NULL,
              fixture_setup, test_template_editor, fixture_teardown);

  return g_test_run ();
}
