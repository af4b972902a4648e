/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-prefs-accounts-page.h"

struct _OdPrefsAccountsPage
{
  AdwPreferencesPage   parent_instance;

  OdContext           *context;
  OdPrefsAccountGroup *smtp_group;
  OdPrefsAccountGroup *sms_group;
};

G_DEFINE_FINAL_TYPE (OdPrefsAccountsPage, od_prefs_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
od_prefs_accounts_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OdPrefsAccountsPage *self = OD_PREFS_ACCOUNTS_PAGE (object);

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
od_prefs_accounts_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OdPrefsAccountsPage *self = OD_PREFS_ACCOUNTS_PAGE (object);

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
od_prefs_accounts_page_constructed (GObject *object)
{
  OdPrefsAccountsPage *self = OD_PREFS_ACCOUNTS_PAGE (object);

  G_OBJECT_CLASS (od_prefs_accounts_page_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  self->smtp_group = OD_PREFS_ACCOUNT_GROUP (od_prefs_account_group_new (self->context, OD_SECRET_KIND_SMTP));
  self->sms_group = OD_PREFS_ACCOUNT_GROUP (od_prefs_account_group_new (self->context, OD_SECRET_KIND_SMS));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->smtp_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->sms_group));
}

static void
od_prefs_accounts_page_dispose (GObject *object)
{
  OdPrefsAccountsPage *self = OD_PREFS_ACCOUNTS_PAGE (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFS_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (od_prefs_accounts_page_parent_class)->dispose (object);
}

static void
od_prefs_accounts_page_class_init (OdPrefsAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = od_prefs_accounts_page_set_property;
  object_class->get_property = od_prefs_accounts_page_get_property;
  object_class->constructed = od_prefs_accounts_page_constructed;
  object_class->dispose = od_prefs_accounts_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-prefs-accounts-page.ui");
}

static void
od_prefs_accounts_page_init (OdPrefsAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

OdPrefsAccountsPage *
od_prefs_accounts_page_new (OdContext *context)
{
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_PREFS_ACCOUNTS_PAGE, "context", context, NULL);
}

/* NULL in a window without a ledger. */
OdPrefsAccountGroup *
od_prefs_accounts_page_get_group (OdPrefsAccountsPage *self,
                                  OdSecretKind         kind)
{
  g_return_val_if_fail (OD_IS_PREFS_ACCOUNTS_PAGE (self), NULL);

  return kind == OD_SECRET_KIND_SMTP ? self->smtp_group : self->sms_group;
}
