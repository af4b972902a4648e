/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-activity-page.h"
#include "od-letters-page.h"
#include "od-reports-page.h"
#include "od-today-page.h"
#include "od-window-private.h"

G_DEFINE_FINAL_TYPE (OdWindow, od_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
find_sidebar_row (OdWindow   *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* Callbacks */

static void
on_sidebar_row_selected (GtkListBox    *box,
                         GtkListBoxRow *row,
                         OdWindow      *self)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated (GtkListBox    *box,
                          GtkListBoxRow *row,
                          OdWindow      *self)
{
  /* Folded, choosing a page goes on to it. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
on_visible_page_changed (OdWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkListBoxRow *row;

  if (name == NULL)
    return;
  adw_window_title_set_title (self->window_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)));
  row = find_sidebar_row (self, name);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
}

/* win.close, exported on the session bus with the window's other GActions,
 * so that another process (the background test, a desktop's task
 * switcher) closes the window the way its close button does. */
static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static const GActionEntry win_entries[] = {
  { .name = "close", .activate = close_activated },
};

/* The first run and the ledger opening in a worker thread */

static void
show_mode (OdWindow   *self,
           const char *mode)
{
  gtk_stack_set_visible_child_name (self->main_stack, mode);
  if (g_str_equal (mode, "loading"))
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);
}

static void
show_open_error (OdWindow     *self,
                 const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: the error, then the ledger file's path */
  text = g_strdup_printf (_("%s\n\nThe ledger file is %s."), error->message, self->ledger_path);
  adw_status_page_set_description (self->error_page, text);
  show_mode (self, "error");
}

static void
on_ledger_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdContext) context = NULL;
  OdWindow *self;
  gboolean fresh;

  store = od_ledger_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = OD_WINDOW (user_data);
  fresh = self->start_fresh;
  self->start_fresh = FALSE;
  od_welcome_page_set_busy (self->welcome_page, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      show_mode (self, "welcome");
      return;
    }
  if (store == NULL)
    {
      show_open_error (self, error);
      return;
    }

  context = od_context_new (OD_STORE (store));
  od_window_set_context (self, context);
  /* A fresh start begins with the business: name, address, bank. */
  if (fresh)
    _od_window_show_preferences (self, "business");
}

static void
on_welcome_chosen (OdWindow *self,
                   gboolean  demo)
{
  OdLedgerOpenFlags flags = OD_LEDGER_OPEN_CREATE;

  if (demo)
    flags |= OD_LEDGER_OPEN_DEMO;
  self->start_fresh = !demo;
  od_welcome_page_set_busy (self->welcome_page,
                            demo ? _("Creating the demo ledger…") : _("Creating your ledger…"));
  od_ledger_open_async (self->ledger_path, flags, self->cancellable, on_ledger_opened, self);
}

/* GObject */

/* The pages, once the ledger is open. */
static void
build_pages (OdWindow *self)
{
  GtkWidget *today, *reports;

  self->invoices_page = od_invoices_page_new (self->context);
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->invoices_page),
                        OD_WINDOW_PAGE_INVOICES, _("Invoices"));
  self->customers_page = od_customers_page_new (self->context);
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->customers_page),
                        OD_WINDOW_PAGE_CUSTOMERS, _("Customers"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (od_activity_page_new (self->context)),
                        OD_WINDOW_PAGE_ACTIVITY, _("Activity"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (od_letters_page_new (self->context)),
                        OD_WINDOW_PAGE_LETTERS, _("Letters"));

  /* A payment recorded in one place shows in every list. */
  g_signal_connect_object (self->invoices_page, "ledger-changed",
                           G_CALLBACK (od_context_ledger_changed), self->context,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "ledger-changed",
                           G_CALLBACK (od_customers_page_reload), self->customers_page,
                           G_CONNECT_SWAPPED);

  today = GTK_WIDGET (od_today_page_new (self->context));
  gtk_stack_add_titled (self->stack, today, OD_WINDOW_PAGE_TODAY, _("Today"));
  g_signal_connect_object (self->context, "ledger-changed",
                           G_CALLBACK (od_today_page_reload), today, G_CONNECT_SWAPPED);
  reports = GTK_WIDGET (od_reports_page_new (self->context));
  gtk_stack_add_titled (self->stack, reports, OD_WINDOW_PAGE_REPORTS, _("Reports"));
  g_signal_connect_object (self->context, "ledger-changed",
                           G_CALLBACK (od_reports_page_reload), reports, G_CONNECT_SWAPPED);

  od_demo_strip_set_context (self->demo_strip, self->context);
  od_window_show_page (self, OD_WINDOW_PAGE_TODAY);
  show_mode (self, "ledger");
}

static void
od_window_constructed (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  G_OBJECT_CLASS (od_window_parent_class)->constructed (object);

  /* Without a context the window waits for od_window_open_ledger(). */
  if (self->context != NULL)
    build_pages (self);
}

static gboolean
od_window_close_request (GtkWindow *window)
{
  OdWindow *self = OD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (od_window_parent_class)->close_request (window);
}

static void
od_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OdWindow *self = OD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OdWindow *self = OD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_window_dispose (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->preferences != NULL)
    {
      GtkWindow *preferences = self->preferences;

      g_object_remove_weak_pointer (G_OBJECT (preferences), (gpointer *) &self->preferences);
      self->preferences = NULL;
      gtk_window_destroy (preferences);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_WINDOW);

  G_OBJECT_CLASS (od_window_parent_class)->dispose (object);
}

static void
od_window_finalize (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ledger_path, g_free);

  G_OBJECT_CLASS (od_window_parent_class)->finalize (object);
}

static void
od_window_class_init (OdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = od_window_constructed;
  object_class->get_property = od_window_get_property;
  object_class->set_property = od_window_set_property;
  object_class->dispose = od_window_dispose;
  object_class->finalize = od_window_finalize;
  window_class->close_request = od_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, demo_strip);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_chosen);

  _od_window_class_add_actions (widget_class);

  g_type_ensure (OD_TYPE_INVOICES_PAGE);
  g_type_ensure (OD_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (OD_TYPE_DEMO_STRIP);
  g_type_ensure (OD_TYPE_WELCOME_PAGE);
}

static void
od_window_init (OdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Folded, the window opens on the page rather than the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Public API */

OdWindow *
od_window_new (AdwApplication *application,
               OdContext      *context)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

void
od_window_open_ledger (OdWindow          *self,
                       const char        *path,
                       OdLedgerOpenFlags  flags)
{
  g_return_if_fail (OD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->context == NULL);

  g_free (self->ledger_path);
  self->ledger_path = g_strdup (path);
  show_mode (self, "loading");
  od_ledger_open_async (path, flags, self->cancellable, on_ledger_opened, self);
}

void
od_window_set_context (OdWindow  *self,
                       OdContext *context)
{
  g_return_if_fail (OD_IS_WINDOW (self));
  g_return_if_fail (OD_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  build_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const char *
od_window_get_mode (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

OdWelcomePage *
od_window_get_welcome_page (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->welcome_page;
}

GtkMenuButton *
od_window_get_menu_button (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->menu_button;
}

OdDemoStrip *
od_window_get_demo_strip (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->demo_strip;
}

OdContext *
od_window_get_context (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->context;
}

void
od_window_show_page (OdWindow   *self,
                     const char *name)
{
  g_return_if_fail (OD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

const char *
od_window_get_visible_page (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

OdInvoicesPage *
od_window_get_invoices_page (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->invoices_page;
}

OdCustomersPage *
od_window_get_customers_page (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return self->customers_page;
}

GListModel *
od_window_get_customers (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return od_customers_page_get_customers (self->customers_page);
}
