/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-account.h"
#include "od-deliverer.h"
#include "od-secrets.h"
#include "od-store.h"

G_BEGIN_DECLS

#define OD_TYPE_EMAIL_DELIVERER (od_email_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (OdEmailDeliverer, od_email_deliverer, OD, EMAIL_DELIVERER, GObject)

/*
 * Email over the ledger's SMTP account. One deliverer serves one
 * collection pass: the password is looked up in the keyring once, at the
 * first message, and one OdSmtpClient (one connection) carries every
 * message of the pass; the connection is closed when the deliverer is
 * disposed.
 *
 * Each message is composed from the outbox row: To, Subject and both
 * bodies from its payload, From the account's address with the
 * business's name, Reply-To the business's address, the Message-ID from
 * the row's idempotency key, and one PDF: the invoice when the message
 * is about one invoice, the statement of account when it groups several
 * (one document that lists them all, with what is open on each).
 *
 * A recipient address the server refuses for good (5xx to RCPT TO) is
 * flagged: the customer is opted out of email, with an audit entry
 * ("email-refused") that names the address and the server's reply, so
 * the engine falls back to another channel until the owner fixes the
 * address and opts the customer back in.
 */
OdDeliverer *od_email_deliverer_new (OdStore              *store,
                                     const OdSmtpAccount  *account,
                                     OdSecrets            *secrets);

G_END_DECLS
