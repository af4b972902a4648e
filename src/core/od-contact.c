/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-contact.h"

#include "od-enums.h"
#include "od-validate-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _OdContact
{
  GObject parent_instance;

  gint64         id;
  gint64         customer_id;
  char          *name;
  char          *email;
  char          *phone;
  OdContactRole  role;
};

G_DEFINE_FINAL_TYPE (OdContact, od_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
od_contact_finalize (GObject *object)
{
  OdContact *self = OD_CONTACT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (od_contact_parent_class)->finalize (object);
}

static void
od_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OdContact *self = OD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, od_contact_get_id (self));
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, od_contact_get_customer_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, od_contact_get_name (self));
      break;

    case PROP_EMAIL:
      g_value_set_string (value, od_contact_get_email (self));
      break;

    case PROP_PHONE:
      g_value_set_string (value, od_contact_get_phone (self));
      break;

    case PROP_ROLE:
      g_value_set_enum (value, od_contact_get_role (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OdContact *self = OD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      od_contact_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      od_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      od_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      od_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      od_contact_set_role (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_contact_class_init (OdContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_contact_finalize;
  object_class->get_property = od_contact_get_property;
  object_class->set_property = od_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       OD_TYPE_CONTACT_ROLE, OD_CONTACT_ROLE_BILLING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_contact_init (OdContact *self)
{
}

OdContact *
od_contact_new (void)
{
  return g_object_new (OD_TYPE_CONTACT, NULL);
}

gint64
od_contact_get_id (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), 0);

  return self->id;
}

void
od_contact_set_id (OdContact *self,
                   gint64     id)
{
  g_return_if_fail (OD_IS_CONTACT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
od_contact_get_customer_id (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), 0);

  return self->customer_id;
}

void
od_contact_set_customer_id (OdContact *self,
                            gint64     customer_id)
{
  g_return_if_fail (OD_IS_CONTACT (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
od_contact_get_name (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), NULL);

  return self->name;
}

void
od_contact_set_name (OdContact  *self,
                     const char *name)
{
  g_return_if_fail (OD_IS_CONTACT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
od_contact_get_email (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), NULL);

  return self->email;
}

void
od_contact_set_email (OdContact  *self,
                      const char *email)
{
  g_return_if_fail (OD_IS_CONTACT (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
od_contact_get_phone (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), NULL);

  return self->phone;
}

void
od_contact_set_phone (OdContact  *self,
                      const char *phone)
{
  g_return_if_fail (OD_IS_CONTACT (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

OdContactRole
od_contact_get_role (OdContact *self)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), OD_CONTACT_ROLE_BILLING);

  return self->role;
}

void
od_contact_set_role (OdContact     *self,
                     OdContactRole  role)
{
  g_return_if_fail (OD_IS_CONTACT (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * od_email_is_valid:
 * @email: an address
 *
 * A deliberately simple check that catches typos without rejecting
 * real addresses: one "@", a non-empty local part, a domain with a dot
 * that neither starts nor ends it, and no spaces or control characters.
 *
 * Returns: whether @email looks like an email address
 */
gboolean
od_email_is_valid (const char *email)
{
  const char *at;
  const char *domain;
  gsize domain_len;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;

  if (strlen (email) > 254)
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return FALSE;
    }

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  domain_len = strlen (domain);
  if (domain_len == 0 || strchr (domain, '.') == NULL)
    return FALSE;

  if (domain[0] == '.' || domain[domain_len - 1] == '.' ||
      strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

/**
 * od_phone_is_valid:
 * @phone: a phone number as people write it
 *
 * Accepts digits and the usual punctuation ("+49 (30) 123-456/7") with at
 * least five digits; SMS delivery normalises the number later.
 *
 * Returns: whether @phone looks like a phone number
 */
gboolean
od_phone_is_valid (const char *phone)
{
  guint n_digits = 0;

  if (phone == NULL)
    return FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (strchr (" +-()/", *p) == NULL)
        return FALSE;
    }

  return n_digits >= 5;
}

gboolean
od_contact_validate (OdContact  *self,
                     GError    **error)
{
  g_return_val_if_fail (OD_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_od_validate_is_set (self->email) &&
      !od_email_is_valid (self->email))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Email “%s” is not a valid address"),
                   self->email);
      return FALSE;
    }

  if (_od_validate_is_set (self->phone) &&
      !od_phone_is_valid (self->phone))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Phone “%s” is not a valid number: use digits, spaces and + - ( ) /, at least 5 digits"),
                   self->phone);
      return FALSE;
    }

  return TRUE;
}
