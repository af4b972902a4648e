/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-account.h"
#include "od-deliverer.h"
#include "od-secrets.h"
#include "od-store.h"

G_BEGIN_DECLS

#define OD_TYPE_SMS_DELIVERER (od_sms_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (OdSmsDeliverer, od_sms_deliverer, OD, SMS_DELIVERER, GObject)

/*
 * Text messages through the ledger's SMS gateway (OdSmsClient). One
 * deliverer serves one collection pass: the API token is looked up in
 * the keyring once, at the first message. The text is the payload's
 * "sms" member (its "body" for rows queued without one); the client adds
 * the opt-out line.
 *
 * When the gateway says the recipient unsubscribed (Twilio's 21610), the
 * customer is opted out of SMS with an audit entry ("sms-opted-out");
 * a number the gateway refuses for good is opted out the same way
 * ("sms-refused"), until the owner fixes it and opts back in.
 */
OdDeliverer *od_sms_deliverer_new (OdStore             *store,
                                   const OdSmsAccount  *account,
                                   OdSecrets           *secrets);

G_END_DECLS
