/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-business.h"
#include "od-merge-values.h"

#include "od-contact.h"
#include "od-enums.h"
#include "od-money.h"
#include "od-validate-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _OdBusiness
{
  GObject parent_instance;

  char        *name;
  char        *address;
  char        *email;
  char        *phone;
  char        *tax_id;
  char        *iban;
  char        *bic;
  char        *payment_link;
  OdPaperSize  paper_size;
  char        *locale;
  char        *currency;
  char        *logo;
  char        *time_zone;
};

G_DEFINE_FINAL_TYPE (OdBusiness, od_business, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_TAX_ID,
  PROP_IBAN,
  PROP_BIC,
  PROP_PAYMENT_LINK,
  PROP_PAPER_SIZE,
  PROP_LOCALE,
  PROP_CURRENCY,
  PROP_LOGO,
  PROP_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KEY_FILE_GROUP "Business"

/* The same rules serve the profile dialog and the key file; only the way
 * a message names the field differs, so that a key-file error points at
 * the key to fix. */
static gboolean
check_business (OdBusiness  *self,
                gboolean     key_file,
                GError     **error)
{
  if (_od_validate_is_blank (self->name))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           key_file ? _("[Business] Name is required")
                                    : _("Business name is required"));
      return FALSE;
    }

  if (!_od_validate_is_set (self->currency))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           key_file ? _("[Business] Currency is required, e.g. EUR")
                                    : _("Business currency is required, e.g. EUR"));
      return FALSE;
    }

  if (!od_currency_is_valid (self->currency))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   key_file ? _("[Business] Currency: “%s” is not a three-letter ISO 4217 code")
                            : _("Business currency “%s” is not a three-letter ISO 4217 code"),
                   self->currency);
      return FALSE;
    }

  if (_od_validate_is_set (self->email) &&
      !od_email_is_valid (self->email))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   key_file ? _("[Business] Email: “%s” is not a valid address")
                            : _("Business email “%s” is not a valid address"),
                   self->email);
      return FALSE;
    }

  if (_od_validate_is_set (self->iban) &&
      !od_iban_is_valid (self->iban))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   key_file ? _("[Business] Iban: “%s” is not a valid IBAN")
                            : _("IBAN “%s” is not valid: check the country code, the length and the check digits"),
                   self->iban);
      return FALSE;
    }

  if (_od_validate_is_set (self->payment_link) &&
      !_od_validate_payment_link (self->payment_link))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   key_file ? _("[Business] PaymentLink: “%s” must start with https:// or http://")
                            : _("Payment link “%s” must start with https:// or http://"),
                   self->payment_link);
      return FALSE;
    }

  /* The tags it may hold are the invoice's number and amount. */
  if (_od_validate_is_set (self->payment_link))
    {
      g_autoptr(GError) link_error = NULL;
      g_autofree char *link = od_merge_values_payment_link (self->payment_link, "1", 0,
                                                            NULL, &link_error);

      if (link == NULL && link_error != NULL)
        {
          g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                       key_file ? _("[Business] PaymentLink: %s") : "%s",
                       link_error->message);
          return FALSE;
        }
    }

  if (_od_validate_is_set (self->time_zone) &&
      !_od_validate_time_zone (self->time_zone))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   key_file ? _("[Business] TimeZone: “%s” is not a known IANA time zone such as Europe/Berlin")
                            : _("Time zone “%s” is not a known IANA time zone such as Europe/Berlin"),
                   self->time_zone);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *key;
  const char *property;
} OdBusinessKey;

/* Key file names are CamelCase, as in the design's [Business] group. */
static const OdBusinessKey string_keys[] = {
  { "Name", "name" },
  { "Address", "address" },
  { "Email", "email" },
  { "Phone", "phone" },
  { "TaxId", "tax-id" },
  { "Iban", "iban" },
  { "Bic", "bic" },
  { "PaymentLink", "payment-link" },
  { "Locale", "locale" },
  { "Currency", "currency" },
  { "Logo", "logo" },
  { "TimeZone", "time-zone" },
};

static void
od_business_finalize (GObject *object)
{
  OdBusiness *self = OD_BUSINESS (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->tax_id, g_free);
  g_clear_pointer (&self->iban, g_free);
  g_clear_pointer (&self->bic, g_free);
  g_clear_pointer (&self->payment_link, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->logo, g_free);
  g_clear_pointer (&self->time_zone, g_free);

  G_OBJECT_CLASS (od_business_parent_class)->finalize (object);
}

static void
od_business_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OdBusiness *self = OD_BUSINESS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, od_business_get_name (self));
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, od_business_get_address (self));
      break;

    case PROP_EMAIL:
      g_value_set_string (value, od_business_get_email (self));
      break;

    case PROP_PHONE:
      g_value_set_string (value, od_business_get_phone (self));
      break;

    case PROP_TAX_ID:
      g_value_set_string (value, od_business_get_tax_id (self));
      break;

    case PROP_IBAN:
      g_value_set_string (value, od_business_get_iban (self));
      break;

    case PROP_BIC:
      g_value_set_string (value, od_business_get_bic (self));
      break;

    case PROP_PAYMENT_LINK:
      g_value_set_string (value, od_business_get_payment_link (self));
      break;

    case PROP_PAPER_SIZE:
      g_value_set_enum (value, od_business_get_paper_size (self));
      break;

    case PROP_LOCALE:
      g_value_set_string (value, od_business_get_locale (self));
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, od_business_get_currency (self));
      break;

    case PROP_LOGO:
      g_value_set_string (value, od_business_get_logo (self));
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, od_business_get_time_zone (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_business_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OdBusiness *self = OD_BUSINESS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      od_business_set_name (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      od_business_set_address (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      od_business_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      od_business_set_phone (self, g_value_get_string (value));
      break;

    case PROP_TAX_ID:
      od_business_set_tax_id (self, g_value_get_string (value));
      break;

    case PROP_IBAN:
      od_business_set_iban (self, g_value_get_string (value));
      break;

    case PROP_BIC:
      od_business_set_bic (self, g_value_get_string (value));
      break;

    case PROP_PAYMENT_LINK:
      od_business_set_payment_link (self, g_value_get_string (value));
      break;

    case PROP_PAPER_SIZE:
      od_business_set_paper_size (self, g_value_get_enum (value));
      break;

    case PROP_LOCALE:
      od_business_set_locale (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      od_business_set_currency (self, g_value_get_string (value));
      break;

    case PROP_LOGO:
      od_business_set_logo (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      od_business_set_time_zone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_business_class_init (OdBusinessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_business_finalize;
  object_class->get_property = od_business_get_property;
  object_class->set_property = od_business_set_property;

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

  properties[PROP_TAX_ID] =
    g_param_spec_string ("tax-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_IBAN] =
    g_param_spec_string ("iban", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_BIC] =
    g_param_spec_string ("bic", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_PAYMENT_LINK] =
    g_param_spec_string ("payment-link", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_PAPER_SIZE] =
    g_param_spec_enum ("paper-size", NULL, NULL,
                       OD_TYPE_PAPER_SIZE, OD_PAPER_SIZE_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_LOGO] =
    g_param_spec_string ("logo", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_business_init (OdBusiness *self)
{
  self->currency = g_strdup ("EUR");
}

OdBusiness *
od_business_new (void)
{
  return g_object_new (OD_TYPE_BUSINESS, NULL);
}

const char *
od_business_get_name (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->name;
}

void
od_business_set_name (OdBusiness *self,
                      const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
od_business_get_address (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->address;
}

void
od_business_set_address (OdBusiness *self,
                         const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->address, value) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
od_business_get_email (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->email;
}

void
od_business_set_email (OdBusiness *self,
                       const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->email, value) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
od_business_get_phone (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->phone;
}

void
od_business_set_phone (OdBusiness *self,
                       const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->phone, value) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
od_business_get_tax_id (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->tax_id;
}

void
od_business_set_tax_id (OdBusiness *self,
                        const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->tax_id, value) == 0)
    return;

  g_free (self->tax_id);
  self->tax_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_ID]);
}

const char *
od_business_get_iban (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->iban;
}

void
od_business_set_iban (OdBusiness *self,
                      const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->iban, value) == 0)
    return;

  g_free (self->iban);
  self->iban = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IBAN]);
}

const char *
od_business_get_bic (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->bic;
}

void
od_business_set_bic (OdBusiness *self,
                     const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->bic, value) == 0)
    return;

  g_free (self->bic);
  self->bic = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIC]);
}

const char *
od_business_get_payment_link (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->payment_link;
}

void
od_business_set_payment_link (OdBusiness *self,
                              const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->payment_link, value) == 0)
    return;

  g_free (self->payment_link);
  self->payment_link = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYMENT_LINK]);
}

OdPaperSize
od_business_get_paper_size (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), OD_PAPER_SIZE_A4);

  return self->paper_size;
}

void
od_business_set_paper_size (OdBusiness  *self,
                            OdPaperSize  value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (self->paper_size == value)
    return;

  self->paper_size = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER_SIZE]);
}

const char *
od_business_get_locale (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->locale;
}

void
od_business_set_locale (OdBusiness *self,
                        const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->locale, value) == 0)
    return;

  g_free (self->locale);
  self->locale = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALE]);
}

const char *
od_business_get_currency (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->currency;
}

void
od_business_set_currency (OdBusiness *self,
                          const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->currency, value) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
od_business_get_logo (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->logo;
}

void
od_business_set_logo (OdBusiness *self,
                      const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->logo, value) == 0)
    return;

  g_free (self->logo);
  self->logo = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO]);
}

const char *
od_business_get_time_zone (OdBusiness *self)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  return self->time_zone;
}

void
od_business_set_time_zone (OdBusiness *self,
                           const char *value)
{
  g_return_if_fail (OD_IS_BUSINESS (self));

  if (g_strcmp0 (self->time_zone, value) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

gboolean
od_business_validate (OdBusiness  *self,
                      GError     **error)
{
  g_return_val_if_fail (OD_IS_BUSINESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_business (self, FALSE, error);
}

/**
 * od_iban_is_valid:
 * @iban: an IBAN, with or without the usual groups of four
 *
 * Checks the shape (country code, check digits, up to 30 letters or
 * digits) and the ISO 7064 mod-97 checksum; it does not know each
 * country's length.
 *
 * Returns: whether @iban is a plausible IBAN
 */
gboolean
od_iban_is_valid (const char *iban)
{
  char compact[35];
  gsize len = 0;
  guint remainder = 0;

  if (iban == NULL)
    return FALSE;

  for (const char *p = iban; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p) || len == sizeof compact - 1)
        return FALSE;
      compact[len++] = g_ascii_toupper (*p);
    }
  compact[len] = '\0';

  if (len < 15 ||
      !g_ascii_isupper (compact[0]) || !g_ascii_isupper (compact[1]) ||
      !g_ascii_isdigit (compact[2]) || !g_ascii_isdigit (compact[3]))
    return FALSE;

  /* Move the first four characters to the end, read letters as 10..35,
   * and reduce digit by digit so that no big number is ever built. */
  for (gsize i = 0; i < len; i++)
    {
      char c = compact[(i + 4) % len];

      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (guint) (c - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (c - 'A' + 10)) % 97;
    }

  return remainder == 1;
}

/**
 * od_business_new_from_key_file:
 * @key_file: a key file with a [Business] group
 * @error: return location for an error
 *
 * Reads the profile; unknown keys are ignored so that newer files still
 * load. Every error names the key.
 *
 * Returns: (transfer full) (nullable): a valid business profile
 */
OdBusiness *
od_business_new_from_key_file (GKeyFile  *key_file,
                               GError   **error)
{
  g_autoptr(OdBusiness) self = NULL;

  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_has_group (key_file, KEY_FILE_GROUP))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("The [Business] group is missing"));
      return NULL;
    }

  self = od_business_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *value = NULL;

      if (!g_key_file_has_key (key_file, KEY_FILE_GROUP, string_keys[i].key,
                               NULL))
        continue;

      /* GKeyFile may return a value and an error for a bad escape. */
      value = g_key_file_get_string (key_file, KEY_FILE_GROUP,
                                     string_keys[i].key, &local_error);
      if (local_error != NULL)
        {
          g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                       _("[Business] %s: %s"),
                       string_keys[i].key, local_error->message);
          return NULL;
        }

      g_strstrip (value);
      g_object_set (self, string_keys[i].property, value, NULL);
    }

  if (g_key_file_has_key (key_file, KEY_FILE_GROUP, "PaperSize", NULL))
    {
      g_autofree char *value =
        g_key_file_get_string (key_file, KEY_FILE_GROUP, "PaperSize", NULL);
      OdPaperSize paper_size;

      if (value != NULL)
        g_strstrip (value);

      if (!od_paper_size_from_string (value, &paper_size))
        {
          g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                       _("[Business] PaperSize: “%s” is not A4 or Letter"),
                       value != NULL ? value : "");
          return NULL;
        }

      od_business_set_paper_size (self, paper_size);
    }

  if (!check_business (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * od_business_to_key_file:
 * @self: a business profile
 *
 * Returns: (transfer full): a key file with a [Business] group holding
 *   the non-empty values
 */
GKeyFile *
od_business_to_key_file (OdBusiness *self)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (OD_IS_BUSINESS (self), NULL);

  key_file = g_key_file_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self, string_keys[i].property, &value, NULL);
      if (_od_validate_is_set (value))
        g_key_file_set_string (key_file, KEY_FILE_GROUP,
                               string_keys[i].key, value);
    }

  g_key_file_set_string (key_file, KEY_FILE_GROUP, "PaperSize",
                         od_paper_size_to_string (self->paper_size));

  return g_steal_pointer (&key_file);
}
