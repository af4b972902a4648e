/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Collection preferences on the demo ledger: editing the policy
 * changes the plan, the summary follows the draft, an invalid edit is
 * shown and saves nothing, closing with unsaved edits asks. */
#include <adwaita.h>

#include "od-collection.h"
#include "od-demo.h"
#include "od-money.h"
#include "od-policy-step-row.h"
#include "od-preferences-window.h"
#include "od-prefs-policy-page.h"
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
policy_page_idle (gpointer data)
{
  return od_prefs_policy_page_is_idle (data);
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

static void
collect_step_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  if (OD_IS_POLICY_STEP_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_step_rows (child, rows);
}

static OdPolicyStepRow *
find_step_row (GtkWidget  *page,
               const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_step_rows (page, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (od_policy_step_row_get_name (rows->pdata[i]), name) == 0)
      return rows->pdata[i];
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

/* The plan now: "invoice-id/step" -> the action's time (unix). */
static GHashTable *
plan_times (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  OdDunningSnapshot *snapshot = NULL;
  OdDunningPlan *plan;

  plan = od_collection_plan (fixture->s, NULL, now, OD_COLLECTION_FLAGS_NONE, &snapshot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      gint64 *at = g_new (gint64, 1);

      *at = action->at != NULL ? g_date_time_to_unix (action->at) : 0;
      g_hash_table_insert (times, g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%u", action->invoice_id,
                                                   action->step, action->repeat), at);
    }
  od_dunning_plan_free (plan);
  od_dunning_snapshot_free (snapshot);
  return times;
}

static guint
count_step (GHashTable *times,
            const char *step)
{
  g_autofree char *needle = g_strdup_printf ("/%s/", step);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, times);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += strstr (key, needle) != NULL;
  return n;
}

static void
click (GtkWidget *page,
       GtkWidget *within,
       const char *id)
{
  GtkWidget *button = find_by_id (within != NULL ? within : page, GTK_TYPE_BUTTON, id);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Removing a step and moving the first reminder later, then Save: the
 * store's policy and the plan follow. */
static void
test_policy_edit_changes_plan (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "collection", 720, &page);
  g_autoptr(GHashTable) before = plan_times (fixture);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(OdPolicy) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_before = NULL;
  GtkLabel *summary;
  OdPolicyStepRow *first;
  OdPolicyStepRow *second;
  GtkSpinButton *offset;
  GHashTableIter iter;
  gpointer key, value;
  guint moved = 0;

  od_test_ui_wait_until (policy_page_idle, page);
  summary = GTK_LABEL (find_by_id (page, GTK_TYPE_LABEL, "summary_label"));
  g_assert_nonnull (summary);
  summary_before = g_strdup (gtk_label_get_text (summary));
  g_assert_nonnull (strstr (summary_before, "1 day after"));
  g_assert_false (gtk_widget_get_sensitive (find_by_id (page, GTK_TYPE_BUTTON, "save_button")));
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection");

  g_assert_cmpuint (count_step (before, "second-reminder"), >, 0);
  g_assert_cmpuint (count_step (before, "first-reminder"), >, 0);

  /* Remove the second reminder: Undo brings it back, removing again sticks. */
  second = find_step_row (page, "second-reminder");
  g_assert_nonnull (second);
  click (page, GTK_WIDGET (second), "remove_button");
  g_assert_null (find_step_row (page, "second-reminder"));
  g_assert_null (od_policy_find_step (od_prefs_policy_page_get_draft (OD_PREFS_POLICY_PAGE (page)), "second-reminder"));
  g_assert_cmpstr (gtk_label_get_text (summary), !=, summary_before);

  /* The first reminder four days after the due date instead of one. */
  first = find_step_row (page, "first-reminder");
  g_assert_nonnull (first);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
  offset = GTK_SPIN_BUTTON (find_by_id (GTK_WIDGET (first), GTK_TYPE_SPIN_BUTTON, "offset_spin"));
  gtk_spin_button_set_value (offset, 4);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "4 days after"));
  g_assert_null (strstr (gtk_label_get_text (summary), "1 day after"));

  /* Compensation typed as the user writes amounts. */
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (page, ADW_TYPE_ENTRY_ROW, "compensation_row")), "25.50");
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "25.50"));

  click (page, NULL, "save_button");
  od_test_ui_wait_until (policy_page_idle, page);
  g_assert_false (gtk_widget_get_sensitive (find_by_id (page, GTK_TYPE_BUTTON, "save_button")));

  stored = od_store_get_policy (fixture->s, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_null (od_policy_find_step (stored, "second-reminder"));
  g_assert_cmpint (od_policy_step_get_offset_days (od_policy_find_step (stored, "first-reminder")), ==, 4);
  g_assert_cmpint (od_policy_get_fixed_compensation_milli (stored), ==, 25500);

  after = plan_times (fixture);
  g_assert_cmpuint (count_step (after, "second-reminder"), ==, 0);
  /* Every first reminder still to come is now later than planned before. */
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *then = value;
      gint64 *now = g_hash_table_lookup (after, key);

      if (strstr (key, "/first-reminder/") == NULL || now == NULL || *then == 0)
        continue;
      g_assert_cmpint (*now, >=, *then);
      moved += *now > *then;
    }
  g_assert_cmpuint (moved, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing the window with unsaved edits asks: Discard closes and keeps
 * the ledger as it was, Save stores the edit, then closes. */
static void
test_policy_close_asks (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *responses[] = { "discard", "save" };

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      GtkWidget *page = NULL;
      OdPreferencesWindow *window = open_preferences (fixture, "collection", 720, &page);
      g_autoptr(OdPolicy) stored = NULL;
      g_autoptr(GError) error = NULL;
      AdwMessageDialog *dialog;

      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      od_test_ui_wait_until (policy_page_idle, page);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (page, GTK_TYPE_SPIN_BUTTON, "grace_spin")), 3);
      gtk_window_close (GTK_WINDOW (window));
      od_test_ui_settle (200);
      g_assert_nonnull (window);
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      if (i == 0)
        od_test_ui_screenshots (GTK_WIDGET (dialog), "preferences-collection-close");
      adw_message_dialog_response (dialog, responses[i]);
      od_test_ui_wait_until (is_null, &window);

      stored = od_store_get_policy (fixture->s, 0, &error);
      g_assert_no_error (error);
      if (i == 0)
        g_assert_true (stored == NULL || od_policy_get_grace_days (stored) == 0);
      else
        g_assert_cmpuint (od_policy_get_grace_days (stored), ==, 3);
    }
}

/* Moving a step earlier swaps its day with the step before; the rows
 * follow, and the undo of a removal puts a step back where it was. */
static void
test_policy_move (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "collection", 720, &page);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  OdPolicy *draft;
  OdPolicyStepRow *final;

  od_test_ui_wait_until (policy_page_idle, page);
  final = find_step_row (page, "final-notice");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (final), TRUE);
  click (page, GTK_WIDGET (final), "up_button");

  draft = od_prefs_policy_page_get_draft (OD_PREFS_POLICY_PAGE (page));
  g_assert_nonnull (draft);
  g_assert_cmpint (od_policy_step_get_offset_days (od_policy_find_step (draft, "final-notice")), ==, 6);
  g_assert_cmpint (od_policy_step_get_offset_days (od_policy_find_step (draft, "second-reminder")), ==, 11);
  g_assert_cmpstr (od_policy_step_get_name (od_policy_get_step (draft, 2)), ==, "final-notice");
  collect_step_rows (page, rows);
  g_assert_cmpstr (od_policy_step_row_get_name (rows->pdata[2]), ==, "final-notice");
  g_assert_cmpstr (od_policy_step_row_get_name (rows->pdata[3]), ==, "second-reminder");
  g_assert_true (gtk_widget_get_sensitive (find_by_id (page, GTK_TYPE_BUTTON, "save_button")));

  /* The first step cannot move earlier. */
  g_assert_false (gtk_widget_get_sensitive (find_by_id (rows->pdata[0], GTK_TYPE_BUTTON, "up_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  od_test_ui_settle (200);
  adw_message_dialog_response (find_message_dialog (), "discard");
  od_test_ui_settle (200);
}

/* The high-risk ladder is edited and stored on its own; the default
 * one stays as it was. */
static void
test_policy_high_risk (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "collection", 720, &page);
  g_autoptr(OdPolicy) standard_before = NULL;
  g_autoptr(OdPolicy) standard_after = NULL;
  g_autoptr(OdPolicy) high = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *ladder;
  OdPolicyStepRow *row;

  standard_before = od_store_get_policy (fixture->s, 0, &error);
  g_assert_no_error (error);
  od_test_ui_wait_until (policy_page_idle, page);
  ladder = ADW_COMBO_ROW (find_by_id (page, ADW_TYPE_COMBO_ROW, "ladder_row"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ladder)));
  adw_combo_row_set_selected (ladder, 1);
  od_test_ui_wait_until (policy_page_idle, page);

  /* The demand letter after 20 days instead of 30; the ladder cannot
   * be switched while that is unsaved. */
  row = find_step_row (page, "demand-letter");
  g_assert_nonnull (row);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, "offset_spin")), 20);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ladder)));
  click (page, NULL, "save_button");
  od_test_ui_wait_until (policy_page_idle, page);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ladder)));

  high = od_store_get_policy (fixture->s, OD_STORE_HIGH_RISK_POLICY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (high);
  g_assert_cmpint (od_policy_step_get_offset_days (od_policy_find_step (high, "demand-letter")), ==, 20);
  standard_after = od_store_get_policy (fixture->s, 0, &error);
  g_assert_no_error (error);
  g_assert_true ((standard_after == NULL && standard_before == NULL) ||
                 od_policy_equal (standard_after, standard_before));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two steps on one day: the core's error sits on the step, Save stays
 * off and nothing is stored; a bad send window is shown by its group. */
static void
test_policy_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = NULL;
  OdPreferencesWindow *window = open_preferences (fixture, "collection", 360, &page);
  g_autoptr(OdPolicy) stored = NULL;
  g_autoptr(OdPolicy) stored_before = NULL;
  g_autoptr(GError) error = NULL;
  OdPolicyStepRow *second;
  GtkWidget *save;
  GtkLabel *window_error;

  stored_before = od_store_get_policy (fixture->s, 0, &error);
  g_assert_no_error (error);
  od_test_ui_wait_until (policy_page_idle, page);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection-narrow");
  save = find_by_id (page, GTK_TYPE_BUTTON, "save_button");
  second = find_step_row (page, "second-reminder");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (second), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (GTK_WIDGET (second), GTK_TYPE_SPIN_BUTTON, "offset_spin")), 1);
  g_assert_nonnull (od_policy_step_row_get_error (second));
  g_assert_nonnull (strstr (od_policy_step_row_get_error (second), "day"));
  g_assert_nonnull (od_policy_step_row_get_error (find_step_row (page, "first-reminder")));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  od_test_ui_settle (200);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection-invalid-narrow");
  scroll_to (page, GTK_WIDGET (second));
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection-step-invalid-narrow");

  /* Back to its own day: valid again. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (GTK_WIDGET (second), GTK_TYPE_SPIN_BUTTON, "offset_spin")), 8);
  g_assert_null (od_policy_step_row_get_error (second));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Sending from 18:00 until 17:00. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (page, GTK_TYPE_SPIN_BUTTON, "start_spin")), 18 * 60);
  window_error = GTK_LABEL (find_by_id (page, GTK_TYPE_LABEL, "window_error_label"));
  scroll_to (page, find_by_id (page, GTK_TYPE_FLOW_BOX, "days_box"));
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection-window-invalid-narrow");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (window_error), "Send hours"));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* An amount that is not one. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_by_id (page, GTK_TYPE_SPIN_BUTTON, "start_spin")), 9 * 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window_error)));
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (page, ADW_TYPE_ENTRY_ROW, "minimum_row")), "five");
  g_assert_true (gtk_widget_get_visible (find_by_id (page, GTK_TYPE_LABEL, "money_error_label")));
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_widget_grab_focus (find_by_id (page, ADW_TYPE_ENTRY_ROW, "minimum_row"));
  od_test_ui_settle (300);
  od_test_ui_screenshots (GTK_WIDGET (window), "preferences-collection-amount-invalid-narrow");
  g_signal_emit_by_name (save, "clicked");
  od_test_ui_settle (200);

  stored = od_store_get_policy (fixture->s, 0, &error);
  g_assert_no_error (error);
  g_assert_true ((stored == NULL && stored_before == NULL) || od_policy_equal (stored, stored_before));

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

  g_test_add ("/od/preferences-policy/edit-changes-plan", Fixture, NULL,
              fixture_setup, test_policy_edit_changes_plan, fixture_teardown);
  g_test_add ("/od/preferences-policy/close-asks", Fixture, NULL,
              fixture_setup, test_policy_close_asks, fixture_teardown);
  g_test_add ("/od/preferences-policy/move", Fixture, NULL,
              fixture_setup, test_policy_move, fixture_teardown);
  g_test_add ("/od/preferences-policy/high-risk", Fixture, NULL,
              fixture_setup, test_policy_high_risk, fixture_teardown);
  g_test_add ("/od/preferences-policy/invalid", Fixture, NULL,
              fixture_setup, test_policy_invalid, fixture_teardown);


  return g_test_run ();
}
