/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-about.h"
#include "od-export-dialog.h"
#include "od-import-dialog.h"
#include "od-preferences-window.h"
#include "od-window-private.h"

/* The window's actions: pages, search, and the primary menu's. */

/* The sidebar's order, which Ctrl+1 … Ctrl+6 follow. */
static const char * const page_names[] = {
  OD_WINDOW_PAGE_TODAY,
  OD_WINDOW_PAGE_INVOICES,
  OD_WINDOW_PAGE_CUSTOMERS,
  OD_WINDOW_PAGE_ACTIVITY,
  OD_WINDOW_PAGE_LETTERS,
  OD_WINDOW_PAGE_REPORTS,
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

void
_od_window_show_preferences (OdWindow   *self,
                             const char *page)
{
  if (self->context == NULL)
    return;
  /* One preferences window at a time. */
  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (od_preferences_window_new (GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  if (page != NULL)
    od_preferences_window_show_page (OD_PREFERENCES_WINDOW (self->preferences), page);
  gtk_window_present (self->preferences);
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _od_window_show_preferences (OD_WINDOW (widget), NULL);
}

/* win.show-preferences PAGE: the preferences on that page ("accounts"). */
static void
show_preferences_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _od_window_show_preferences (OD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);

  if (self->context != NULL)
    gtk_window_present (GTK_WINDOW (od_import_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);

  if (self->context != NULL)
    od_export_dialog_choose_folder (GTK_WINDOW (self), self->context, self->toast_overlay);
}

static void
about_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  od_about_present (GTK_WINDOW (widget));
}

void
_od_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-invoice", "s", show_invoice_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", "s", show_preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  /* Ctrl+I imports; Ctrl+E is the invoice view's Edit, so Export has
   * no shortcut. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}
