/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-activity-page.h"
#include "od-letters-page.h"
#include "od-preferences-window.h"
#include "od-reports-page.h"
#include "od-today-page.h"
#include "od-window.h"

struct _OdWindow
{
  AdwApplicationWindow  parent_instance;

  OdContext            *context;
  GSettings            *settings;
  GtkWindow            *preferences;

  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  OdInvoicesPage       *invoices_page;
  OdCustomersPage      *customers_page;
};

G_DEFINE_FINAL_TYPE (OdWindow, od_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar's order, which Ctrl+1 … Ctrl+6 follow. */
static const char * const page_names[] = {
  OD_WINDOW_PAGE_TODAY,
  OD_WINDOW_PAGE_INVOICES,
  OD_WINDOW_PAGE_CUSTOMERS,
  OD_WINDOW_PAGE_ACTIVITY,
  OD_WINDOW_PAGE_LETTERS,
  OD_WINDOW_PAGE_REPORTS,
};

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

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  od_window_show_page (OD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  /* Search from anywhere: the invoices unless looking at customers. */
  if (g_strcmp0 (name, OD_WINDOW_PAGE_CUSTOMERS) == 0)
    {
      od_customers_page_focus_search (self->customers_page);
      return;
    }
  od_window_show_page (self, OD_WINDOW_PAGE_INVOICES);
  od_invoices_page_focus_search (self->invoices_page);
}

/* win.show-invoice NUMBER (the customer page's invoices): the Invoices
 * page searched for it, opening it once the search has found it. */
static gboolean
open_found_invoice (gpointer user_data)
{
  OdWindow *self = OD_WINDOW (user_data);
  GListModel *invoices = od_invoices_page_get_invoices (self->invoices_page);
  const char *number = g_object_get_data (user_data, "od-show-invoice");
  g_autoptr(OdInvoice) first = NULL;

  if (od_invoices_page_is_loading (self->invoices_page))
    return G_SOURCE_CONTINUE;
  first = g_list_model_get_n_items (invoices) > 0 ? g_list_model_get_item (invoices, 0) : NULL;
  if (first != NULL && g_strcmp0 (od_invoice_get_number (first), number) == 0)
    od_invoices_page_open (self->invoices_page, 0);
  return G_SOURCE_REMOVE;
}

static void
show_invoice_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);

  g_object_set_data_full (G_OBJECT (self), "od-show-invoice",
                          g_variant_dup_string (parameter, NULL), g_free);
  od_window_show_page (self, OD_WINDOW_PAGE_INVOICES);
  od_invoices_page_set_search (self->invoices_page, g_variant_get_string (parameter, NULL));
  g_timeout_add_full (G_PRIORITY_DEFAULT, 50, open_found_invoice,
                      g_object_ref (self), g_object_unref);
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);

  /* One preferences window at a time. */
  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (od_preferences_window_new (GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  gtk_window_present (self->preferences);
}

/* GObject */

static void
od_window_constructed (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);
  GtkWidget *today, *reports;

  G_OBJECT_CLASS (od_window_parent_class)->constructed (object);

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

  od_window_show_page (self, OD_WINDOW_PAGE_INVOICES);
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-invoice", "s", show_invoice_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);

  g_type_ensure (OD_TYPE_INVOICES_PAGE);
  g_type_ensure (OD_TYPE_CUSTOMERS_PAGE);
}

static void
od_window_init (OdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);

  self->settings = g_settings_new (APPLICATION_ID);

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
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
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
