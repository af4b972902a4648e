/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_BUSINESS (od_business_get_type ())
G_DECLARE_FINAL_TYPE (OdBusiness, od_business, OD, BUSINESS, GObject)

/* The business profile. Properties: name, address, email, phone, tax-id,
 * iban, bic, payment-link, paper-size, locale, currency, logo (a path),
 * time-zone (IANA id, NULL = the system's). */
OdBusiness  *od_business_new              (void);
const char  *od_business_get_name         (OdBusiness  *self);
void         od_business_set_name         (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_address      (OdBusiness  *self);
void         od_business_set_address      (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_email        (OdBusiness  *self);
void         od_business_set_email        (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_phone        (OdBusiness  *self);
void         od_business_set_phone        (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_tax_id       (OdBusiness  *self);
void         od_business_set_tax_id       (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_iban         (OdBusiness  *self);
void         od_business_set_iban         (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_bic          (OdBusiness  *self);
void         od_business_set_bic          (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_payment_link (OdBusiness  *self);
void         od_business_set_payment_link (OdBusiness  *self,
                                           const char  *value);
OdPaperSize  od_business_get_paper_size   (OdBusiness  *self);
void         od_business_set_paper_size   (OdBusiness  *self,
                                           OdPaperSize  value);
const char  *od_business_get_locale       (OdBusiness  *self);
void         od_business_set_locale       (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_currency     (OdBusiness  *self);
void         od_business_set_currency     (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_logo         (OdBusiness  *self);
void         od_business_set_logo         (OdBusiness  *self,
                                           const char  *value);
const char  *od_business_get_time_zone    (OdBusiness  *self);
void         od_business_set_time_zone    (OdBusiness  *self,
                                           const char  *value);

gboolean     od_business_validate         (OdBusiness  *self,
                                           GError     **error);
/* The [Business] key file of the design. Errors name the key. */
OdBusiness  *od_business_new_from_key_file (GKeyFile   *key_file,
                                            GError    **error);
GKeyFile    *od_business_to_key_file       (OdBusiness *self);
gboolean     od_iban_is_valid              (const char *iban);

G_END_DECLS
