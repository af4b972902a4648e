/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-customers-page-private.h"

G_DEFINE_FINAL_TYPE (OdCustomersPage, od_customers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_od_customers_page_show_customer (OdCustomersPage *self,
               OdCustomer      *customer)
{
  od_customer_view_set_customer (self->view, customer);
  gtk_stack_set_visible_child_name (self->detail_stack, customer != NULL ? "detail" : "none");
}

static void
on_customers_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  OdCustomersPage *self;
  guint n;

  if (!od_customer_list_load_finish (OD_CUSTOMER_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not list customers: %s", error->message);
    }

  self = OD_CUSTOMERS_PAGE (user_data);
  gtk_spinner_stop (self->spinner);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->customers));
  if (n == 0 && gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Customers"));
      adw_status_page_set_description (self->empty_page, _("Try a different name or reference."));
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Customers Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add a customer with the + button, or import them from a CSV file."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

void
_od_customers_page_load (OdCustomersPage *self)
{
  OdCustomerQuery query = { NULL, FALSE };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query.search = *text != '\0' ? text : NULL;
  query.include_archived = gtk_toggle_button_get_active (self->archived_button);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->customers)) == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  od_customer_list_load_async (self->customers, &query, self->cancellable,
                               on_customers_loaded, self);
}


/* Callbacks */

static void
on_search_changed (OdCustomersPage *self)
{
  _od_customers_page_load (self);
}

static void
on_selected_changed (OdCustomersPage *self)
{
  OdCustomer *customer = gtk_single_selection_get_selected_item (self->selection);
  OdCustomer *shown = od_customer_view_get_customer (self->view);

  /* A reload keeps the selection: keep what the view shows. */
  if (customer == NULL ||
      (shown != NULL && od_customer_get_id (shown) == od_customer_get_id (customer)))
    return;
  _od_customers_page_show_customer (self, customer);
}

static void
on_list_activate (OdCustomersPage *self,
                  guint            position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_editor_saved (OdCustomersPage *self,
                 OdCustomer      *customer)
{
  _od_customers_page_show_customer (self, customer);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
open_editor (OdCustomersPage *self,
             OdCustomer      *customer)
{
  OdCustomerEditor *editor = od_customer_editor_new (self->context, customer);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (OD_CUSTOMERS_PAGE (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (widget);
  OdCustomer *customer = od_customer_view_get_customer (self->view);

  if (customer != NULL)
    open_editor (self, customer);
}


/* Ctrl+N from anywhere in the window while this page shows. */
static gboolean
new_shortcut (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  open_editor (OD_CUSTOMERS_PAGE (widget), NULL);
  return TRUE;
}


static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* GObject */

static void
od_customers_page_constructed (GObject *object)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (object);

  G_OBJECT_CLASS (od_customers_page_parent_class)->constructed (object);

  self->customers = od_customer_list_new (od_context_get_store (self->context));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->customers));
  self->view = od_customer_view_new (self->context);
  adw_bin_set_child (self->view_bin, GTK_WIDGET (self->view));
  _od_customers_page_load (self);
}

static void
od_customers_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (object);

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
od_customers_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (object);

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
od_customers_page_dispose (GObject *object)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (object);

  /* Nothing may call back into a page that is going away. */
  g_cancellable_cancel (self->cancellable);
  _od_customers_page_commit_pending (self);

  g_clear_weak_pointer (&self->editor);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_CUSTOMERS_PAGE);

  G_OBJECT_CLASS (od_customers_page_parent_class)->dispose (object);
}


static void
od_customers_page_finalize (GObject *object)
{
  OdCustomersPage *self = OD_CUSTOMERS_PAGE (object);

  g_clear_object (&self->customers);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (od_customers_page_parent_class)->finalize (object);
}

static void
od_customers_page_class_init (OdCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = od_customers_page_constructed;
  object_class->get_property = od_customers_page_get_property;
  object_class->set_property = od_customers_page_set_property;
  object_class->dispose = od_customers_page_dispose;
  object_class->finalize = od_customers_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list item template looks the type up by name. */
  g_type_ensure (OD_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, archived_button);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, view_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "customers.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, _od_customers_page_delete_activated);
  gtk_widget_class_install_action (widget_class, "customers.undo-delete", "x", _od_customers_page_undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "customers.unarchive", NULL, _od_customers_page_unarchive_activated);
}

static void
od_customers_page_init (OdCustomersPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (new_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (_od_customers_page_pending_free);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Public API */

OdCustomersPage *
od_customers_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_CUSTOMERS_PAGE, "context", context, NULL);
}

GListModel *
od_customers_page_get_customers (OdCustomersPage *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->customers);
}

void
od_customers_page_set_search (OdCustomersPage *self,
                              const char      *text)
{
  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not waiting for the entry's delay: the caller wants it now. */
  _od_customers_page_load (self);
}

void
od_customers_page_focus_search (OdCustomersPage *self)
{
  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
od_customers_page_reload (OdCustomersPage *self)
{
  OdCustomer *shown;

  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  od_customer_list_invalidate (self->customers);
  _od_customers_page_load (self);
  /* The customer shown may have changed too. */
  shown = od_customer_view_get_customer (self->view);
  if (shown != NULL)
    {
      g_autoptr(OdCustomer) again = g_object_ref (shown);

      od_customer_view_set_customer (self->view, again);
    }
}

void
od_customers_page_select (OdCustomersPage *self,
                          guint            position)
{
  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
  _od_customers_page_show_customer (self, gtk_single_selection_get_selected_item (self->selection));
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

OdCustomerView *
od_customers_page_get_view (OdCustomersPage *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMERS_PAGE (self), NULL);

  return self->view;
}

GtkWidget *
od_customers_page_get_editor (OdCustomersPage *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMERS_PAGE (self), NULL);

  return self->editor;
}

gboolean
od_customers_page_is_loading (OdCustomersPage *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMERS_PAGE (self), FALSE);

  return od_customer_view_is_loading (self->view);
}
