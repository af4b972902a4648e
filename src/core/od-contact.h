/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_CONTACT (od_contact_get_type ())
G_DECLARE_FINAL_TYPE (OdContact, od_contact, OD, CONTACT, GObject)

/* Properties: id, customer-id, name, email, phone, role. */
OdContact     *od_contact_new             (void);
gint64         od_contact_get_id          (OdContact     *self);
void           od_contact_set_id          (OdContact     *self,
                                           gint64         id);
gint64         od_contact_get_customer_id (OdContact     *self);
void           od_contact_set_customer_id (OdContact     *self,
                                           gint64         customer_id);
const char    *od_contact_get_name        (OdContact     *self);
void           od_contact_set_name        (OdContact     *self,
                                           const char    *name);
const char    *od_contact_get_email       (OdContact     *self);
void           od_contact_set_email       (OdContact     *self,
                                           const char    *email);
const char    *od_contact_get_phone       (OdContact     *self);
void           od_contact_set_phone       (OdContact     *self,
                                           const char    *phone);
OdContactRole  od_contact_get_role        (OdContact     *self);
void           od_contact_set_role        (OdContact     *self,
                                           OdContactRole  role);
gboolean       od_contact_validate        (OdContact     *self,
                                           GError       **error);

/* Shared checks, also used by the CSV importer. */
gboolean       od_email_is_valid          (const char    *email);
gboolean       od_phone_is_valid          (const char    *phone);

G_END_DECLS
