/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-customer-list.h"
#include "od-window.h"

struct _OdWindow
{
  AdwApplicationWindow  parent_instance;

  OdContext            *context;
  OdCustomerList       *customers;
  GCancellable         *cancellable;
  GSettings            *settings;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkNoSelection       *selection;
};

G_DEFINE_FINAL_TYPE (OdWindow, od_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_count (OdWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->customers));
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers", n), n);
  adw_window_title_set_subtitle (self->window_title, n > 0 ? subtitle : NULL);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_customers_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  OdWindow *self;

  if (!od_customer_list_load_finish (OD_CUSTOMER_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not list customers: %s", error->message);
    }

  self = OD_WINDOW (user_data);
  gtk_spinner_stop (self->spinner);
  show_count (self);
}

static void
od_window_constructed (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);
  OdCustomerQuery query = { NULL, FALSE };

  G_OBJECT_CLASS (od_window_parent_class)->constructed (object);

  self->customers = od_customer_list_new (od_context_get_store (self->context));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->customers));

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  od_customer_list_load_async (self->customers, &query, self->cancellable,
                               on_customers_loaded, self);
}

static gboolean
od_window_close_request (GtkWindow *window)
{
  OdWindow *self = OD_WINDOW (window);
  int width, height;

  /* Nothing may call back into a window that is going away. */
  g_cancellable_cancel (self->cancellable);

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

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_WINDOW);

  G_OBJECT_CLASS (od_window_parent_class)->dispose (object);
}

static void
od_window_finalize (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  g_clear_object (&self->customers);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
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

  /* The list item templates look these types up by name. */
  g_type_ensure (OD_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, selection);
}

static void
od_window_init (OdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

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

GListModel *
od_window_get_customers (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->customers);
}
