/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OD_MAIL_ERROR (od_mail_error_quark ())

typedef enum
{
  OD_MAIL_ERROR_INVALID_HEADER,   /* a line break or control character in a header value */
  OD_MAIL_ERROR_INVALID_ADDRESS,  /* not a plain local@domain address */
  OD_MAIL_ERROR_MISSING,          /* a required part (sender, recipient, subject, body, key) is absent */
} OdMailError;

GQuark od_mail_error_quark (void);

#define OD_TYPE_MAIL_MESSAGE (od_mail_message_get_type ())
G_DECLARE_FINAL_TYPE (OdMailMessage, od_mail_message, OD, MAIL_MESSAGE, GObject)

/*
 * One outgoing email: From and Reply-To the business, To the customer,
 * a subject, a plain-text and an HTML body (multipart/alternative) and
 * optionally one PDF attachment (then multipart/mixed).
 *
 * The Message-ID is derived from the idempotency key (the outbox row's),
 * so that the same row always yields the same Message-ID and a copy that
 * arrives twice can be recognised. Names and the subject may hold any
 * UTF-8 text (RFC 2047-encoded on the wire) but never a line break or
 * another control character: od_mail_message_to_bytes() refuses them and
 * names the field, so nothing a customer record holds can add a header.
 *
 * The setters only copy; validation happens in od_mail_message_validate()
 * and od_mail_message_to_bytes().
 */
OdMailMessage *od_mail_message_new                (void);

void           od_mail_message_set_from           (OdMailMessage  *self,
                                                   const char     *name,
                                                   const char     *address);
void           od_mail_message_set_to             (OdMailMessage  *self,
                                                   const char     *name,
                                                   const char     *address);
/* Defaults to the From address. */
void           od_mail_message_set_reply_to       (OdMailMessage  *self,
                                                   const char     *name,
                                                   const char     *address);
void           od_mail_message_set_subject        (OdMailMessage  *self,
                                                   const char     *subject);
void           od_mail_message_set_text_body      (OdMailMessage  *self,
                                                   const char     *text);
void           od_mail_message_set_html_body      (OdMailMessage  *self,
                                                   const char     *html);
/* @pdf NULL removes the attachment. */
void           od_mail_message_set_attachment     (OdMailMessage  *self,
                                                   const char     *filename,
                                                   GBytes         *pdf);
void           od_mail_message_set_idempotency_key (OdMailMessage *self,
                                                   const char     *key);
/* Defaults to the time of od_mail_message_to_bytes(). */
void           od_mail_message_set_date           (OdMailMessage  *self,
                                                   GDateTime      *date);

const char    *od_mail_message_get_from_address   (OdMailMessage  *self);
const char    *od_mail_message_get_to_address     (OdMailMessage  *self);
const char    *od_mail_message_get_subject        (OdMailMessage  *self);
const char    *od_mail_message_get_idempotency_key (OdMailMessage *self);

/* "<32 hex digits of SHA-256(key)>@<sender's domain>", without angle
 * brackets; NULL until both the key and the From address are set. */
char          *od_mail_message_dup_message_id     (OdMailMessage  *self);

gboolean       od_mail_message_validate           (OdMailMessage  *self,
                                                   GError        **error);
/* The whole message as submitted: headers and body, CRLF line ends,
 * 7-bit clean. */
GBytes        *od_mail_message_to_bytes           (OdMailMessage  *self,
                                                   GError        **error);

/* Helpers shared with the account settings: a plain local@domain
 * address (the domain may be an IDN; it is checked in its ASCII form). */
gboolean       od_mail_address_is_valid           (const char     *address);

G_END_DECLS
