/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <poppler.h>

#include "od-activity-item.h"
#include "od-activity-page.h"
#include "od-demo.h"
#include "od-letter-queue.h"
#include "od-letters-page.h"
#include "od-test-ui.h"
#include "od-test-util.h"
#include "od-window.h"

/* The Activity and Letters pages on the demo ledger after
 * "overdue-cli run --as-of 2026-11-23" (a real second process on the
 * same SQLite file, as the scheduler or a cron job would be). */

typedef struct
{
  char          *tmpdir;
  char          *path;
  OdSqliteStore *store;
  OdContext     *context;
} Fixture;

static void
run_cli (Fixture    *fixture,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("OVERDUE_CLI");
  const char *arg;
  va_list args;
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("overdue-cli: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today = od_test_date ("2026-11-23");

  fixture->store = od_test_store_new (&fixture->tmpdir);
  fixture->path = g_build_filename (fixture->tmpdir, "ledger.db", NULL);
  od_demo_populate (OD_STORE (fixture->store), &today, &error);
  g_assert_no_error (error);
  fixture->context = od_context_new (OD_STORE (fixture->store));
  run_cli (fixture, "run", "--as-of", "2026-11-23", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
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
activity_idle (gpointer data)
{
  return !od_activity_page_is_busy (data);
}

static gboolean
letters_idle (gpointer data)
{
  return !od_letters_page_is_busy (data);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle (50);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("OD_TEST_BUILDDIR") ? g_getenv ("OD_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
screenshots (GtkWidget  *window,
             const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  settle (300);
  save_screenshot (window, light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static OdWindow *
open_window (Fixture    *fixture,
             const char *page_name,
             GtkWidget **page)
{
  OdWindow *window = g_object_new (OD_TYPE_WINDOW, "context", fixture->context, NULL);
  GtkStack *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_name);
  g_assert_cmpstr (od_window_get_visible_page (window), ==, page_name);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), OD_TYPE_WINDOW, "stack"));
  *page = gtk_stack_get_child_by_name (stack, page_name);
  g_assert_nonnull (*page);
  return window;
}

static OdOutboxRow *
find_row (GPtrArray  *rows,
          OdChannel   channel,
          OdOutboxState state)
{
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->channel == channel && row->state == state)
        return row;
    }
  return NULL;
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_activity_outbox (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (OD_STORE (fixture->store), 0, &error);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *widget = NULL;
  OdWindow *window = open_window (fixture, "activity", &widget);
  OdActivityPage *page = OD_ACTIVITY_PAGE (widget);
  GListModel *items = od_activity_page_get_items (page);
  OdOutboxRow *letter;
  OdOutboxRow *other;
  guint reviews = 0;
  guint changes = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 2);
  for (guint i = 0; i < rows->len; i++)
    reviews += ((OdOutboxRow *) g_ptr_array_index (rows, i))->state == OD_OUTBOX_STATE_AWAITING_REVIEW;
  g_assert_cmpuint (reviews, >, 0);
  letter = find_row (rows, OD_CHANNEL_LETTER, OD_OUTBOX_STATE_AWAITING_REVIEW);
  g_assert_nonnull (letter);

  /* Every row of the outbox, newest first. */
  wait_until (activity_idle, page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, rows->len);
  {
    g_autoptr(OdActivityItem) first = g_list_model_get_item (items, 0);
    g_autoptr(OdActivityItem) last = g_list_model_get_item (items, rows->len - 1);

    g_assert_cmpint (od_activity_item_get_id (first), >, od_activity_item_get_id (last));
  }
  g_assert_true (od_activity_page_select_id (page, ((OdOutboxRow *) g_ptr_array_index (rows, 1))->id));
  screenshots (GTK_WIDGET (window), "activity-wide");

  /* The reviews only; approving one queues it in the store. */
  od_activity_page_set_filter (page, OD_ACTIVITY_FILTER_REVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, reviews);
  g_assert_true (od_activity_page_select_id (page, letter->id));
  screenshots (GTK_WIDGET (window), "activity-review-wide");
  g_signal_connect_swapped (fixture->context, "ledger-changed", G_CALLBACK (count_signal), &changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activity.approve", NULL));
  g_assert_true (od_activity_page_is_busy (page));
  wait_until (activity_idle, page);
  /* The decision is announced, so Today and the invoices reload too. */
  g_assert_cmpuint (changes, ==, 1);
  after = od_store_outbox_list (OD_STORE (fixture->store), letter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((OdOutboxRow *) g_ptr_array_index (after, 0))->state, ==, OD_OUTBOX_STATE_QUEUED);
  /* The list was read again: it is no longer a review. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, reviews - 1);
  g_assert_false (od_activity_page_select_id (page, letter->id));

  /* A change made elsewhere in the window reloads the list. */
  other = NULL;
  for (guint i = 0; i < rows->len && other == NULL; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->state == OD_OUTBOX_STATE_AWAITING_REVIEW && row->id != letter->id)
        other = row;
    }
  g_assert_nonnull (other);
    {
      g_autoptr(GDateTime) decided = g_date_time_new_now_utc ();

      g_assert_true (od_store_outbox_decide (OD_STORE (fixture->store), other->id,
                                             OD_OUTBOX_SKIP, NULL, decided, &error));
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, reviews - 1);
      od_context_ledger_changed (fixture->context);
      wait_until (activity_idle, page);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, reviews - 2);
      reviews--;
    }

  /* A decision the state does not allow is refused, nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activity.decide", "(xs)",
                                             letter->id, "mark-failed"));
  wait_until (activity_idle, page);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = od_store_outbox_list (OD_STORE (fixture->store), letter->id, &error);
  g_assert_cmpint (((OdOutboxRow *) g_ptr_array_index (after, 0))->state, ==, OD_OUTBOX_STATE_QUEUED);

  od_activity_page_set_filter (page, OD_ACTIVITY_FILTER_SENT);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  od_activity_page_select_id (page, ((OdOutboxRow *) g_ptr_array_index (rows, 1))->id);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  screenshots (GTK_WIDGET (window), "activity-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static double
paper_ratio (OdStore *store)
{
  g_autoptr(OdBusiness) business = od_store_get_business (store, NULL);

  g_assert_nonnull (business);
  return od_business_get_paper_size (business) == OD_PAPER_SIZE_LETTER ? 792.0 / 612.0
                                                                        : 841.89 / 595.28;
}

static gboolean
has_preview (gpointer data)
{
  return g_list_model_get_n_items (od_letters_page_get_preview (data)) > 0 &&
         !od_letters_page_is_busy (data);
}

static void
test_activity_letters (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (OD_STORE (fixture->store), 0, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GdkTexture) texture = NULL;
  OdOutboxRow *letter = find_row (rows, OD_CHANNEL_LETTER, OD_OUTBOX_STATE_AWAITING_REVIEW);
  GtkWidget *widget = NULL;
  OdWindow *window;
  OdLettersPage *page;
  double ratio;

  /* The demand letter, approved and sent to the print queue. */
  g_assert_nonnull (letter);
  g_assert_true (od_store_outbox_decide (OD_STORE (fixture->store), letter->id, OD_OUTBOX_APPROVE,
                                         NULL, now, &error));
  g_assert_no_error (error);
  run_cli (fixture, "run", "--as-of", "2026-11-23", NULL);

  window = open_window (fixture, "letters", &widget);
  page = OD_LETTERS_PAGE (widget);
  wait_until (has_preview, page);
  g_assert_cmpuint (g_list_model_get_n_items (od_letters_page_get_letters (page)), ==, 1);
  {
    g_autoptr(OdActivityItem) item = g_list_model_get_item (od_letters_page_get_letters (page), 0);

    g_assert_cmpint (od_activity_item_get_id (item), ==, letter->id);
  }

  /* A page of the right shape, and not blank. */
  texture = g_list_model_get_item (od_letters_page_get_preview (page), 0);
  ratio = (double) gdk_texture_get_height (texture) / gdk_texture_get_width (texture);
  g_assert_cmpfloat_with_epsilon (ratio, paper_ratio (OD_STORE (fixture->store)), 0.01);
  {
    int width = gdk_texture_get_width (texture);
    int height = gdk_texture_get_height (texture);
    g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
    gsize dark = 0;

    gdk_texture_download (texture, pixels, (gsize) width * 4);
    for (gsize i = 0; i < (gsize) width * height; i++)
      dark += pixels[i * 4] < 128;
    /* Text, but mostly paper. */
    g_assert_cmpuint (dark, >, (gsize) width * height / 1000);
    g_assert_cmpuint (dark, <, (gsize) width * height / 4);
  }
  screenshots (GTK_WIDGET (window), "letters-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  screenshots (GTK_WIDGET (window), "letters-narrow");

  /* Posted: done in the store, gone from the queue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.save-posted", "x", letter->id));
  wait_until (letters_idle, page);
  after = od_store_outbox_list (OD_STORE (fixture->store), letter->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((OdOutboxRow *) g_ptr_array_index (after, 0))->done_at);
  g_assert_cmpuint (g_list_model_get_n_items (od_letters_page_get_letters (page)), ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  screenshots (GTK_WIDGET (window), "letters-empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The batch "Save as PDF" writes: every letter, each on an odd page. */
static void
test_activity_letter_batch (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (OD_STORE (fixture->store), 0, &error);
  g_autoptr(GPtrArray) letters = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *batch;
  OdOutboxRow *letter = find_row (rows, OD_CHANNEL_LETTER, OD_OUTBOX_STATE_AWAITING_REVIEW);
  guint expected = 0;

  /* The same letter twice makes two letters of one queue. */
  g_assert_nonnull (letter);
  g_ptr_array_add (letters, letter);
  g_ptr_array_add (letters, letter);
  documents = od_letter_queue_documents (OD_STORE (fixture->store), letters, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  for (guint i = 0; i < documents->len; i++)
    {
      expected += expected % 2;
      expected += poppler_document_get_n_pages (g_ptr_array_index (documents, i));
    }
  g_assert_cmpuint (od_letter_queue_n_pages (documents), ==, expected);

  g_assert_true (od_letter_queue_write_pdf (documents, stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  batch = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (batch), ==, expected);
  {
    PopplerPage *first = poppler_document_get_page (batch, 0);
    PopplerPage *original = poppler_document_get_page (g_ptr_array_index (documents, 0), 0);
    g_autofree char *text = poppler_page_get_text (first);
    g_autofree char *want = poppler_page_get_text (original);

    g_autofree char *text_nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
    g_autofree char *want_nfkc = g_utf8_normalize (want, -1, G_NORMALIZE_ALL);

    /* The words survive as text, not only as pictures (cairo keeps
     * "fi" as the ligature's character). */
    g_assert_nonnull (strstr (text, letter->invoices[0]));
    g_assert_cmpstr (text_nfkc, ==, want_nfkc);
    g_object_unref (first);
    g_object_unref (original);
  }
  g_object_unref (batch);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  od_test_ui_init ();
  adw_init ();
  /* Screenshots of the page shown, not of a crossfade half way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/overdue/Overdue/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/od/activity/outbox", Fixture, NULL,
              fixture_setup, test_activity_outbox, fixture_teardown);
  g_test_add ("/od/activity/letters", Fixture, NULL,
              fixture_setup, test_activity_letters, fixture_teardown);
  g_test_add ("/od/activity/letter-batch", Fixture, NULL,
              fixture_setup, test_activity_letter_batch, fixture_teardown);

  return g_test_run ();
}
