/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-customer.h"

#include "od-enums.h"
#include "od-money.h"
#include "od-validate-private.h"

#include <glib/gi18n-lib.h>

struct _OdCustomer
{
  GObject parent_instance;

  gint64      id;
  char       *ref;
  char       *name;
  char       *address;
  char       *city;
  char       *postcode;
  char       *country;
  char       *language;
  char       *time_zone;
  gint64      credit_limit;
  char       *credit_currency;
  char       *notes;
  gboolean    do_not_chase;
  OdChannel   opted_out;
  gboolean    archived;
  GListStore *contacts;
};

G_DEFINE_FINAL_TYPE (OdCustomer, od_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_CITY,
  PROP_POSTCODE,
  PROP_COUNTRY,
  PROP_LANGUAGE,
  PROP_TIME_ZONE,
  PROP_CREDIT_LIMIT,
  PROP_CREDIT_CURRENCY,
  PROP_NOTES,
  PROP_DO_NOT_CHASE,
  PROP_OPTED_OUT,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define OD_CUSTOMER_REF_MAX_CHARS 64

static void
od_customer_finalize (GObject *object)
{
  OdCustomer *self = OD_CUSTOMER (object);

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->credit_currency, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (od_customer_parent_class)->finalize (object);
}

static void
od_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OdCustomer *self = OD_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, od_customer_get_id (self));
      break;

    case PROP_REF:
      g_value_set_string (value, od_customer_get_ref (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, od_customer_get_name (self));
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, od_customer_get_address (self));
      break;

    case PROP_CITY:
      g_value_set_string (value, od_customer_get_city (self));
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, od_customer_get_postcode (self));
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, od_customer_get_country (self));
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, od_customer_get_language (self));
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, od_customer_get_time_zone (self));
      break;

    case PROP_CREDIT_LIMIT:
      g_value_set_int64 (value, od_customer_get_credit_limit (self));
      break;

    case PROP_CREDIT_CURRENCY:
      g_value_set_string (value, od_customer_get_credit_currency (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, od_customer_get_notes (self));
      break;

    case PROP_DO_NOT_CHASE:
      g_value_set_boolean (value, od_customer_get_do_not_chase (self));
      break;

    case PROP_OPTED_OUT:
      g_value_set_flags (value, od_customer_get_opted_out (self));
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, od_customer_get_archived (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OdCustomer *self = OD_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_customer_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      od_customer_set_ref (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      od_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      od_customer_set_address (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      od_customer_set_city (self, g_value_get_string (value));
      break;

    case PROP_POSTCODE:
      od_customer_set_postcode (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      od_customer_set_country (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      od_customer_set_language (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      od_customer_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_CREDIT_LIMIT:
      od_customer_set_credit_limit (self, g_value_get_int64 (value));
      break;

    case PROP_CREDIT_CURRENCY:
      od_customer_set_credit_currency (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      od_customer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_DO_NOT_CHASE:
      od_customer_set_do_not_chase (self, g_value_get_boolean (value));
      break;

    case PROP_OPTED_OUT:
      od_customer_set_opted_out (self, g_value_get_flags (value));
      break;

    case PROP_ARCHIVED:
      od_customer_set_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_class_init (OdCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_customer_finalize;
  object_class->get_property = od_customer_get_property;
  object_class->set_property = od_customer_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CREDIT_LIMIT] =
    g_param_spec_int64 ("credit-limit", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_CREDIT_CURRENCY] =
    g_param_spec_string ("credit-currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_DO_NOT_CHASE] =
    g_param_spec_boolean ("do-not-chase", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  properties[PROP_OPTED_OUT] =
    g_param_spec_flags ("opted-out", NULL, NULL,
                        OD_TYPE_CHANNEL, OD_CHANNEL_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_customer_init (OdCustomer *self)
{
  self->contacts = g_list_store_new (OD_TYPE_CONTACT);
}

OdCustomer *
od_customer_new (void)
{
  return g_object_new (OD_TYPE_CUSTOMER, NULL);
}

gint64
od_customer_get_id (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), 0);

  return self->id;
}

void
od_customer_set_id (OdCustomer *self,
                    gint64      id)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
od_customer_get_ref (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->ref;
}

void
od_customer_set_ref (OdCustomer *self,
                     const char *ref)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->ref, ref) == 0)
    return;

  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF]);
}

const char *
od_customer_get_name (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
od_customer_set_name (OdCustomer *self,
                      const char *name)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
od_customer_get_address (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->address;
}

void
od_customer_set_address (OdCustomer *self,
                         const char *address)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->address, address) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
od_customer_get_city (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->city;
}

void
od_customer_set_city (OdCustomer *self,
                      const char *city)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
od_customer_get_postcode (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->postcode;
}

void
od_customer_set_postcode (OdCustomer *self,
                          const char *postcode)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->postcode, postcode) == 0)
    return;

  g_free (self->postcode);
  self->postcode = g_strdup (postcode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTCODE]);
}

const char *
od_customer_get_country (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->country;
}

void
od_customer_set_country (OdCustomer *self,
                         const char *country)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
od_customer_get_language (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->language;
}

void
od_customer_set_language (OdCustomer *self,
                          const char *language)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
od_customer_get_time_zone (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->time_zone;
}

void
od_customer_set_time_zone (OdCustomer *self,
                           const char *time_zone)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

gint64
od_customer_get_credit_limit (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), 0);

  return self->credit_limit;
}

void
od_customer_set_credit_limit (OdCustomer *self,
                              gint64      minor)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (self->credit_limit == minor)
    return;

  self->credit_limit = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_LIMIT]);
}

const char *
od_customer_get_credit_currency (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->credit_currency;
}

void
od_customer_set_credit_currency (OdCustomer *self,
                                 const char *currency)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->credit_currency, currency) == 0)
    return;

  g_free (self->credit_currency);
  self->credit_currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_CURRENCY]);
}

const char *
od_customer_get_notes (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return self->notes;
}

void
od_customer_set_notes (OdCustomer *self,
                       const char *notes)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
od_customer_get_do_not_chase (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), FALSE);

  return self->do_not_chase;
}

void
od_customer_set_do_not_chase (OdCustomer *self,
                              gboolean    do_not_chase)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  do_not_chase = !!do_not_chase;

  if (self->do_not_chase == do_not_chase)
    return;

  self->do_not_chase = do_not_chase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_NOT_CHASE]);
}

OdChannel
od_customer_get_opted_out (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), OD_CHANNEL_NONE);

  return self->opted_out;
}

void
od_customer_set_opted_out (OdCustomer *self,
                           OdChannel   channels)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  if (self->opted_out == channels)
    return;

  self->opted_out = channels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTED_OUT]);
}

gboolean
od_customer_get_archived (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), FALSE);

  return self->archived;
}

void
od_customer_set_archived (OdCustomer *self,
                          gboolean    archived)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  archived = !!archived;

  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/**
 * od_customer_get_contacts:
 * @self: a customer
 *
 * Returns: (transfer none): a #GListModel of #OdContact
 */
GListModel *
od_customer_get_contacts (OdCustomer *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  return G_LIST_MODEL (self->contacts);
}

void
od_customer_add_contact (OdCustomer *self,
                         OdContact  *contact)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));
  g_return_if_fail (OD_IS_CONTACT (contact));

  g_list_store_append (self->contacts, contact);
}

void
od_customer_clear_contacts (OdCustomer *self)
{
  g_return_if_fail (OD_IS_CUSTOMER (self));

  g_list_store_remove_all (self->contacts);
}

/**
 * od_customer_get_contact_for_role:
 * @self: a customer
 * @role: the role wanted
 *
 * Returns: (transfer none) (nullable): the first contact with @role, else
 *   the first contact, else %NULL
 */
OdContact *
od_customer_get_contact_for_role (OdCustomer    *self,
                                  OdContactRole  role)
{
  guint n;
  OdContact *first = NULL;

  g_return_val_if_fail (OD_IS_CUSTOMER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (guint i = 0; i < n; i++)
    {
      /* The store keeps its own reference; hand out a borrowed pointer. */
      g_autoptr(OdContact) contact =
        g_list_model_get_item (G_LIST_MODEL (self->contacts), i);

      if (od_contact_get_role (contact) == role)
        return contact;
      if (first == NULL)
        first = contact;
    }

  return first;
}

gboolean
od_customer_validate (OdCustomer  *self,
                      GError     **error)
{
  guint n_contacts;

  g_return_val_if_fail (OD_IS_CUSTOMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_od_validate_is_blank (self->ref))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Customer reference is required"));
      return FALSE;
    }

  if (!g_utf8_validate (self->ref, -1, NULL) ||
      _od_validate_has_control_chars (self->ref))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_INVALID,
                           _("Customer reference must be text without control characters"));
      return FALSE;
    }

  if (g_utf8_strlen (self->ref, -1) > OD_CUSTOMER_REF_MAX_CHARS)
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                   _("Customer reference “%s” is longer than %d characters"),
                   self->ref, OD_CUSTOMER_REF_MAX_CHARS);
      return FALSE;
    }

  if (_od_validate_is_blank (self->name))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_REQUIRED,
                   _("Customer name is required (customer %s)"),
                   self->ref);
      return FALSE;
    }

  if (_od_validate_is_set (self->country) &&
      !_od_validate_country (self->country))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Country “%s” is not a two-letter ISO 3166 code such as DE"),
                   self->country);
      return FALSE;
    }

  if (_od_validate_is_set (self->language) &&
      !_od_validate_language (self->language))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Language “%s” is not a language tag such as en or de-AT"),
                   self->language);
      return FALSE;
    }

  if (_od_validate_is_set (self->time_zone) &&
      !_od_validate_time_zone (self->time_zone))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Time zone “%s” is not a known IANA time zone such as Europe/Berlin"),
                   self->time_zone);
      return FALSE;
    }

  if (self->credit_limit < 0)
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_RANGE,
                           _("Credit limit must not be negative"));
      return FALSE;
    }

  if (self->credit_limit > 0 && !_od_validate_is_set (self->credit_currency))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Credit currency is required when a credit limit is set"));
      return FALSE;
    }

  if (_od_validate_is_set (self->credit_currency) &&
      !od_currency_is_valid (self->credit_currency))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Credit currency “%s” is not a three-letter ISO 4217 code"),
                   self->credit_currency);
      return FALSE;
    }

  n_contacts = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(OdContact) contact =
        g_list_model_get_item (G_LIST_MODEL (self->contacts), i);

      if (!od_contact_validate (contact, error))
        return FALSE;
    }

  return TRUE;
}
