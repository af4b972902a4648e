/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-customer-list.h"
#include "od-customers-page.h"
#include "od-money.h"

struct _OdCustomersPage
{
  AdwBin                parent_instance;

  OdContext            *context;
  OdCustomerList       *customers;
  GCancellable         *cancellable;
  GPtrArray            *contact_rows;

  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *empty_page;
  GtkSingleSelection   *selection;
  GtkStack             *detail_stack;
  AdwPreferencesGroup  *summary_group;
  AdwPreferencesGroup  *contacts_group;
  AdwActionRow         *ref_row;
  AdwActionRow         *address_row;
  AdwActionRow         *language_row;
  AdwActionRow         *time_zone_row;
  AdwActionRow         *credit_row;
  GtkSwitch            *chase_switch;
};

G_DEFINE_FINAL_TYPE (OdCustomersPage, od_customers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  gboolean known = value != NULL && *value != '\0';

  /* Translators: shown where a customer's detail was never entered */
  adw_action_row_set_subtitle (row, known ? value : _("Not set"));
}

static void
clear_contacts (OdCustomersPage *self)
{
  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contacts_group,
                                  g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);
}

static void
add_contact_row (OdCustomersPage *self,
                 OdContact       *contact)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *name = od_contact_get_name (contact);
  const char *email = od_contact_get_email (contact);
  const char *phone = od_contact_get_phone (contact);
  const char *role;
  g_autofree char *title = NULL;
  GtkWidget *row;

  role = od_contact_get_role (contact) == OD_CONTACT_ROLE_ESCALATION
         ? _("Escalation") : _("Billing");
  /* Translators: a contact's name and role, "Ann Smith (Billing)" */
  title = g_strdup_printf (_("%s (%s)"), name != NULL && *name != '\0' ? name : _("Unnamed"), role);
  if (email != NULL && *email != '\0')
    g_string_append (subtitle, email);
  if (phone != NULL && *phone != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", phone);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_preferences_group_add (self->contacts_group, row);
  g_ptr_array_add (self->contact_rows, row);
}

static void
show_customer (OdCustomersPage *self,
               OdCustomer      *customer)
{
  g_autoptr(GString) address = g_string_new (NULL);
  g_autofree char *credit = NULL;
  GListModel *contacts;
  const char *parts[3];
  guint n;

  clear_contacts (self);
  if (customer == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  adw_preferences_group_set_title (self->summary_group, od_customer_get_name (customer));
  set_row_value (self->ref_row, od_customer_get_ref (customer));

  if (od_customer_get_address (customer) != NULL)
    g_string_append (address, od_customer_get_address (customer));
  parts[0] = od_customer_get_postcode (customer);
  parts[1] = od_customer_get_city (customer);
  parts[2] = od_customer_get_country (customer);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (address->len > 0)
        g_string_append (address, i == 1 && parts[0] != NULL && *parts[0] != '\0' ? " " : ", ");
      g_string_append (address, parts[i]);
    }
  set_row_value (self->address_row, address->str);
  set_row_value (self->language_row, od_customer_get_language (customer));
  /* Translators: a customer without a time zone of their own */
  adw_action_row_set_subtitle (self->time_zone_row,
                               od_customer_get_time_zone (customer) != NULL
                               ? od_customer_get_time_zone (customer)
                               : _("The business’s time zone"));

  if (od_customer_get_credit_limit (customer) > 0)
    {
      const char *currency = od_customer_get_credit_currency (customer);
      OdMoney limit = od_money_init (od_customer_get_credit_limit (customer),
                                     currency != NULL ? currency : "EUR");

      credit = od_ui_format_money (&limit);
    }
  /* Translators: a customer without a credit limit */
  adw_action_row_set_subtitle (self->credit_row, credit != NULL ? credit : _("None"));
  gtk_switch_set_active (self->chase_switch, od_customer_get_do_not_chase (customer));

  contacts = od_customer_get_contacts (customer);
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdContact) contact = g_list_model_get_item (contacts, i);

      add_contact_row (self, contact);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contacts"));
      adw_preferences_group_add (self->contacts_group, row);
      g_ptr_array_add (self->contact_rows, row);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
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
                                       _("Import customers from a CSV file with overdue-cli, or add them here once editing arrives."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
load (OdCustomersPage *self)
{
  OdCustomerQuery query = { NULL, FALSE };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query.search = *text != '\0' ? text : NULL;
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
  load (self);
}

static void
on_selected_changed (OdCustomersPage *self)
{
  show_customer (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_list_activate (OdCustomersPage *self,
                  guint            position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
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
  load (self);
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
  g_ptr_array_set_size (self->contact_rows, 0);
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
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, ref_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, credit_row);
  gtk_widget_class_bind_template_child (widget_class, OdCustomersPage, chase_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "customers.show-list", NULL, show_list_activated);
}

static void
od_customers_page_init (OdCustomersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->contact_rows = g_ptr_array_new ();
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
  load (self);
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
  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  od_customer_list_invalidate (self->customers);
  load (self);
}

void
od_customers_page_select (OdCustomersPage *self,
                          guint            position)
{
  g_return_if_fail (OD_IS_CUSTOMERS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}
