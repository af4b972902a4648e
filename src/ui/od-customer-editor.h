/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMER_EDITOR (od_customer_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomerEditor, od_customer_editor, OD, CUSTOMER_EDITOR, AdwWindow)

/*
 * A new customer, or a change to one, typed into a draft: nothing is
 * stored until Save, which checks every field first (the message sits
 * under the field), then writes in a worker thread, calls
 * od_context_ledger_changed, emits "saved" with the stored OdCustomer and
 * closes. Field keys: ref, name, address, postcode, city, country,
 * billing-name, billing-email, billing-phone, escalation-name,
 * escalation-email, escalation-phone, language, time-zone, credit-limit,
 * credit-currency.
 */
OdCustomerEditor *od_customer_editor_new       (OdContext        *context,
                                                OdCustomer       *customer);
/* The entry of @key (for tests, which type into it). */
AdwEntryRow      *od_customer_editor_get_entry (OdCustomerEditor *self,
                                                const char       *key);
/* The message shown under @key's entry, or NULL. */
const char       *od_customer_editor_get_error (OdCustomerEditor *self,
                                                const char       *key);
/* Checks the fields; when they pass, saves as the Save button does.
 * Returns whether the fields passed. */
gboolean          od_customer_editor_save      (OdCustomerEditor *self);
gboolean          od_customer_editor_is_saving (OdCustomerEditor *self);

G_END_DECLS
