/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-about.h"
#include "od-account.h"
#include "od-application.h"
#include "od-background.h"
#include "od-collection.h"
#include "od-date.h"
#include "od-ledger-open.h"
#include "od-notifier.h"
#include "od-scheduler.h"
#include "od-sqlite-store.h"
#include "od-window.h"

struct _OdApplication
{
  AdwApplication  parent_instance;

  OdContext      *context;
  char           *db_path;
  GCancellable   *cancellable;
  gboolean        opening;
  gboolean        demo;        /* --demo: a missing ledger becomes the demo */

  OdScheduler    *scheduler;
  OdNotifier     *notifier;
  GSettings      *settings;
  gboolean        background;  /* started with --background: no window */
  gboolean        held;        /* kept running without a window */
};

G_DEFINE_FINAL_TYPE (OdApplication, od_application, ADW_TYPE_APPLICATION)

static void on_window_context (OdWindow      *window,
                               GParamSpec    *pspec,
                               OdApplication *self);

/* The window shows at once; without the ledger open yet, it opens it in
 * a worker thread (or offers the demo or a fresh start on the first run)
 * and fills its pages after. */
static void
present_window (OdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      OdWindow *od_window = od_window_new (ADW_APPLICATION (self), self->context);

      window = GTK_WINDOW (od_window);
      if (self->context == NULL)
        {
          g_signal_connect_object (od_window, "notify::context",
                                   G_CALLBACK (on_window_context), self, 0);
          od_window_open_ledger (od_window, self->db_path,
                                 self->demo ? OD_LEDGER_OPEN_CREATE | OD_LEDGER_OPEN_DEMO
                                            : OD_LEDGER_OPEN_NONE);
        }
    }
  gtk_window_present (window);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_application_release (G_APPLICATION (user_data));
}

static void
show_open_error (OdApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Ledger"), NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nThe ledger file is %s."),
                                  error->message, self->db_path);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* With "run-in-background" on and an account to send with, closing the
 * window leaves the application running and the session starts it at
 * login; otherwise it quits with its window. */
static void
update_background (OdApplication *self)
{
  g_autoptr(OdSmtpAccount) smtp = NULL;
  g_autoptr(OdSmsAccount) sms = NULL;
  gboolean keep;

  if (self->context == NULL || self->settings == NULL)
    return;
  smtp = od_smtp_account_load (od_context_get_store (self->context), NULL);
  sms = smtp == NULL ? od_sms_account_load (od_context_get_store (self->context), NULL) : NULL;
  keep = g_settings_get_boolean (self->settings, "run-in-background") &&
         (smtp != NULL || sms != NULL);
  if (keep == self->held)
    return;

  self->held = keep;
  if (keep)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
  od_background_request (G_APPLICATION (self), keep);
}

static void
on_background_changed (GSettings  *settings,
                       const char *key,
                       gpointer    user_data)
{
  update_background (OD_APPLICATION (user_data));
}

static void
on_pass_finished (OdScheduler   *scheduler,
                  OdPassSummary *summary,
                  gpointer       user_data)
{
  OdApplication *self = user_data;

  od_notifier_update (self->notifier, summary);
}

/* Each wake runs the collection pass that "overdue-cli run" runs, in
 * the scheduler's worker thread. */
static void
start_scheduler (OdApplication *self)
{
  self->scheduler = od_scheduler_new (od_context_get_store (self->context), NULL);
  od_scheduler_set_work (self->scheduler, od_collection_work, NULL, NULL);
  self->notifier = od_notifier_new (G_APPLICATION (self));
  g_signal_connect (self->scheduler, "pass-finished", G_CALLBACK (on_pass_finished), self);
  od_scheduler_start (self->scheduler);
}

static void
adopt_context (OdApplication *self,
               OdContext     *context)
{
  if (self->context != NULL)
    return;
  self->context = g_object_ref (context);
  start_scheduler (self);
  update_background (self);
}

/* The window opened the ledger (or created it from its welcome page). */
static void
on_window_context (OdWindow      *window,
                   GParamSpec    *pspec,
                   OdApplication *self)
{
  OdContext *context = od_window_get_context (window);

  if (context != NULL)
    adopt_context (self, context);
}

/* Started at login (--background): the ledger opens without a window;
 * with no ledger yet there is nothing to chase. */
static void
on_ledger_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(OdApplication) self = user_data;
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  store = od_ledger_open_finish (result, &error);
  if (store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        show_open_error (self, error);
      g_application_release (G_APPLICATION (self));
      return;
    }

  if (self->context == NULL)
    {
      g_autoptr(OdContext) context = od_context_new (OD_STORE (store));

      adopt_context (self, context);
    }
  g_application_release (G_APPLICATION (self));
}

static void
od_application_activate (GApplication *app)
{
  OdApplication *self = OD_APPLICATION (app);

  if (self->db_path == NULL)
    self->db_path = od_sqlite_store_default_path ();

  /* Started at login: run hidden until the owner opens the window. */
  if (self->background)
    {
      self->background = FALSE;
      if (self->context != NULL || self->opening)
        return;
      self->opening = TRUE;
      /* Held until the ledger is open, so the app does not quit meanwhile. */
      g_application_hold (app);
      od_ledger_open_async (self->db_path, OD_LEDGER_OPEN_NONE, self->cancellable,
                            on_ledger_opened, g_object_ref (self));
      return;
    }

  present_window (self);
}

static gint
od_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  OdApplication *self = OD_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
      /* Another ledger means another instance: do not hand this over to
       * an instance that has the default ledger open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  self->demo = g_variant_dict_contains (options, "demo");

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* Already running: a login start has nothing to add. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->background = TRUE;
    }

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  od_about_present (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* Notifications open a page: the window routes "win.show-page". */
static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  OdApplication *self = OD_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "show-page", show_page_activated, "s" },
  { "about", about_activated },
};

static void
od_application_startup (GApplication *app)
{
  OdApplication *self = OD_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (od_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed::run-in-background",
                    G_CALLBACK (on_background_changed), self);
}

static void
od_application_shutdown (GApplication *app)
{
  OdApplication *self = OD_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  /* Waits for a pass in flight to give up, so nothing writes after. */
  if (self->scheduler != NULL)
    od_scheduler_stop (self->scheduler);
  G_APPLICATION_CLASS (od_application_parent_class)->shutdown (app);
}

static void
od_application_finalize (GObject *object)
{
  OdApplication *self = OD_APPLICATION (object);

  g_clear_object (&self->scheduler);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (od_application_parent_class)->finalize (object);
}

static void
od_application_class_init (OdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = od_application_finalize;
  app_class->activate = od_application_activate;
  app_class->startup = od_application_startup;
  app_class->shutdown = od_application_shutdown;
  app_class->handle_local_options = od_application_handle_local_options;
}

static void
od_application_init (OdApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this ledger file instead of the default one"), N_("PATH") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window and send reminders as they come due"), NULL },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With no ledger yet, create the demo ledger instead of asking"), NULL },
    G_OPTION_ENTRY_NULL
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

OdApplication *
od_application_new (void)
{
  return g_object_new (OD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/overdue/Overdue",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
