/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include "od-contact.h"
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMER (od_customer_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomer, od_customer, OD, CUSTOMER, GObject)

/* Properties: id, ref, name, address, city, postcode, country (ISO 3166
 * alpha-2), language (e.g. "en", "de-AT"), time-zone (IANA id),
 * credit-limit (minor units, 0 = none), credit-currency, notes,
 * do-not-chase, opted-out (OdChannel flags), archived.
 * The contacts are a list owned by the customer. */
OdCustomer  *od_customer_new                 (void);
gint64       od_customer_get_id              (OdCustomer  *self);
void         od_customer_set_id              (OdCustomer  *self,
                                              gint64       id);
const char  *od_customer_get_ref             (OdCustomer  *self);
void         od_customer_set_ref             (OdCustomer  *self,
                                              const char  *ref);
const char  *od_customer_get_name            (OdCustomer  *self);
void         od_customer_set_name            (OdCustomer  *self,
                                              const char  *name);
const char  *od_customer_get_address         (OdCustomer  *self);
void         od_customer_set_address         (OdCustomer  *self,
                                              const char  *address);
const char  *od_customer_get_city            (OdCustomer  *self);
void         od_customer_set_city            (OdCustomer  *self,
                                              const char  *city);
const char  *od_customer_get_postcode        (OdCustomer  *self);
void         od_customer_set_postcode        (OdCustomer  *self,
                                              const char  *postcode);
const char  *od_customer_get_country         (OdCustomer  *self);
void         od_customer_set_country         (OdCustomer  *self,
                                              const char  *country);
const char  *od_customer_get_language        (OdCustomer  *self);
void         od_customer_set_language        (OdCustomer  *self,
                                              const char  *language);
const char  *od_customer_get_time_zone       (OdCustomer  *self);
void         od_customer_set_time_zone       (OdCustomer  *self,
                                              const char  *time_zone);
gint64       od_customer_get_credit_limit    (OdCustomer  *self);
void         od_customer_set_credit_limit    (OdCustomer  *self,
                                              gint64       minor);
const char  *od_customer_get_credit_currency (OdCustomer  *self);
void         od_customer_set_credit_currency (OdCustomer  *self,
                                              const char  *currency);
const char  *od_customer_get_notes           (OdCustomer  *self);
void         od_customer_set_notes           (OdCustomer  *self,
                                              const char  *notes);
gboolean     od_customer_get_do_not_chase    (OdCustomer  *self);
void         od_customer_set_do_not_chase    (OdCustomer  *self,
                                              gboolean     do_not_chase);
OdChannel    od_customer_get_opted_out       (OdCustomer  *self);
void         od_customer_set_opted_out       (OdCustomer  *self,
                                              OdChannel    channels);
gboolean     od_customer_get_archived        (OdCustomer  *self);
void         od_customer_set_archived        (OdCustomer  *self,
                                              gboolean     archived);

/* Contacts: a GListModel of OdContact, owned by the customer. */
GListModel  *od_customer_get_contacts        (OdCustomer  *self);
void         od_customer_add_contact         (OdCustomer  *self,
                                              OdContact   *contact);
void         od_customer_clear_contacts      (OdCustomer  *self);
/* The first contact with @role, else the first contact, else NULL. */
OdContact   *od_customer_get_contact_for_role (OdCustomer   *self,
                                               OdContactRole role);

gboolean     od_customer_validate            (OdCustomer  *self,
                                              GError     **error);

G_END_DECLS
