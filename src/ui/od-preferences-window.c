/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-preferences-window.h"
#include "od-prefs-accounts-page.h"
#include "od-prefs-business-page.h"
#include "od-prefs-policy-page.h"
#include "od-prefs-sending-page.h"
#include "od-prefs-templates-page.h"
#include "od-window.h"

struct _OdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  OdContext           *context;
  OdPrefsBusinessPage *business_page;
};

G_DEFINE_FINAL_TYPE (OdPreferencesWindow, od_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_page (OdPreferencesWindow *self,
          gpointer             page)
{
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* The pages, in the order the window shows them. Each page is its own
 * AdwPreferencesPage subclass named by its "name" property ("business",
 * "collection", "messages", "accounts", "sending"), built with the
 * window's context (NULL in a window without a ledger). */
static void
add_pages (OdPreferencesWindow *self)
{
  OdContext *context = self->context;

  self->business_page = od_prefs_business_page_new (context);
  add_page (self, self->business_page);
  add_page (self, od_prefs_policy_page_new (context));
  add_page (self, od_prefs_templates_page_new (context));
  add_page (self, od_prefs_accounts_page_new (context));
  add_page (self, od_prefs_sending_page_new (context));
}

static gboolean
od_preferences_window_close_request (GtkWindow *window)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (window);

  /* The business page saves its draft first, or asks. */
  if (self->business_page != NULL && !od_prefs_business_page_close (self->business_page, window))
    return TRUE;

  if (GTK_WINDOW_CLASS (od_preferences_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (od_preferences_window_parent_class)->close_request (window);
  return FALSE;
}

/* GObject */

static void
od_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

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
od_preferences_window_constructed (GObject *object)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (od_preferences_window_parent_class)->constructed (object);

  add_pages (self);
}

static void
od_preferences_window_dispose (GObject *object)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (od_preferences_window_parent_class)->dispose (object);
}

static void
od_preferences_window_class_init (OdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->set_property = od_preferences_window_set_property;
  object_class->get_property = od_preferences_window_get_property;
  object_class->constructed = od_preferences_window_constructed;
  object_class->dispose = od_preferences_window_dispose;
  window_class->close_request = od_preferences_window_close_request;

  /* The ledger the pages edit; NULL leaves only the pages that need none
   * working. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-preferences-window.ui");
}

static void
od_preferences_window_init (OdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/* The pages edit the ledger of @parent's OdWindow (if it is one). */
OdPreferencesWindow *
od_preferences_window_new (GtkWindow *parent)
{
  OdContext *context = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  if (parent != NULL && OD_IS_WINDOW (parent))
    context = od_window_get_context (OD_WINDOW (parent));

  return g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "context", context,
                       NULL);
}

OdContext *
od_preferences_window_get_context (OdPreferencesWindow *self)
{
  g_return_val_if_fail (OD_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}

/* NAME is one of "business", "collection", "messages", "accounts",
 * "sending"; pages that are not there yet are ignored. */
void
od_preferences_window_show_page (OdPreferencesWindow *self,
                                 const char          *name)
{
  g_return_if_fail (OD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), name);
}
