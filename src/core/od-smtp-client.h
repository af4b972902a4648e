/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-account.h"
#include "od-mail-message.h"

G_BEGIN_DECLS

#define OD_SMTP_ERROR (od_smtp_error_quark ())

/* What failed, in the order a submission gets there. Cancellation is
 * G_IO_ERROR_CANCELLED. */
typedef enum
{
  OD_SMTP_ERROR_DNS,                /* the server's name did not resolve */
  OD_SMTP_ERROR_CONNECT,            /* no TCP connection */
  OD_SMTP_ERROR_TIMEOUT,            /* the server stopped answering */
  OD_SMTP_ERROR_TLS,                /* the TLS handshake failed */
  OD_SMTP_ERROR_CERTIFICATE,        /* the certificate is not trusted or names another host */
  OD_SMTP_ERROR_STARTTLS,           /* STARTTLS not offered or refused: nothing was sent in clear */
  OD_SMTP_ERROR_AUTH,               /* user name or password refused */
  OD_SMTP_ERROR_AUTH_UNAVAILABLE,   /* the server offers no login we can use */
  OD_SMTP_ERROR_SENDER_REFUSED,     /* MAIL FROM refused */
  OD_SMTP_ERROR_RECIPIENT_REFUSED,  /* RCPT TO refused */
  OD_SMTP_ERROR_MESSAGE_REFUSED,    /* DATA or the message itself refused */
  OD_SMTP_ERROR_CONNECTION_LOST,    /* the connection broke */
  OD_SMTP_ERROR_PROTOCOL,           /* anything else the server or libcurl reported */
} OdSmtpError;

GQuark od_smtp_error_quark (void);

typedef enum
{
  OD_SMTP_OUTCOME_SENT,       /* the server took the message (250 after the data) */
  OD_SMTP_OUTCOME_TEMPORARY,  /* not sent; may be tried again (4xx, no connection, account errors) */
  OD_SMTP_OUTCOME_PERMANENT,  /* refused for good (5xx to MAIL, RCPT or the data) */
  OD_SMTP_OUTCOME_UNKNOWN,    /* the data was handed over but no reply came: never resend automatically */
} OdSmtpOutcome;

/* The result of one message. @error is NULL exactly when it was sent;
 * @reply_code is the server's last reply (0 when none came);
 * @recipient_refused says that the server refused the address for good,
 * so the customer's address should be flagged. */
typedef struct
{
  OdSmtpOutcome  outcome;
  guint          reply_code;
  gboolean       recipient_refused;
  GError        *error;
} OdSmtpResult;

#define OD_TYPE_SMTP_RESULT (od_smtp_result_get_type ())
GType          od_smtp_result_get_type   (void) G_GNUC_CONST;
OdSmtpResult  *od_smtp_result_copy       (const OdSmtpResult *self);
void           od_smtp_result_free       (OdSmtpResult       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSmtpResult, od_smtp_result_free)

#define OD_TYPE_SMTP_CLIENT (od_smtp_client_get_type ())
G_DECLARE_FINAL_TYPE (OdSmtpClient, od_smtp_client, OD, SMTP_CLIENT, GObject)

/*
 * Submits mail over SMTP with libcurl, in a worker thread. TLS is always
 * required: STARTTLS (CURLUSESSL_ALL: no STARTTLS, no login and no mail)
 * or TLS from the first byte, with the certificate verified against the
 * system's authorities or the account's CA file; there is no way to turn
 * verification off. The login (when the account has a user) happens only
 * inside TLS.
 *
 * One connection is kept open between messages and reused, so a batch
 * costs one handshake; calls on one client run one after another.
 * Every network wait is bounded by the timeout (default 60 s).
 *
 * The password is held only in this object's memory and wiped when it
 * is finalized; it appears in no message and no log.
 */
OdSmtpClient  *od_smtp_client_new                (const OdSmtpAccount  *account,
                                                  const char           *password);
void           od_smtp_client_set_timeout        (OdSmtpClient         *self,
                                                  guint                 seconds);
guint          od_smtp_client_get_timeout        (OdSmtpClient         *self);

/* Connects, secures the connection and logs in, then says NOOP. */
gboolean       od_smtp_client_test               (OdSmtpClient         *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void           od_smtp_client_test_async         (OdSmtpClient         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       od_smtp_client_test_finish        (OdSmtpClient         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Never NULL. A message that does not compose (od_mail_message_to_bytes)
 * is PERMANENT with that error, and nothing is sent. */
OdSmtpResult  *od_smtp_client_send               (OdSmtpClient         *self,
                                                  OdMailMessage        *message,
                                                  GCancellable         *cancellable);
void           od_smtp_client_send_async         (OdSmtpClient         *self,
                                                  OdMailMessage        *message,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
OdSmtpResult  *od_smtp_client_send_finish        (OdSmtpClient         *self,
                                                  GAsyncResult         *result);

/* One OdSmtpResult per message, in order. After a failure of the
 * connection or the account (DNS, TLS, certificate, STARTTLS, login) the
 * remaining messages are not tried and carry the same error as
 * TEMPORARY. */
GPtrArray     *od_smtp_client_send_batch         (OdSmtpClient         *self,
                                                  GPtrArray            *messages,
                                                  GCancellable         *cancellable);
void           od_smtp_client_send_batch_async   (OdSmtpClient         *self,
                                                  GPtrArray            *messages,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray     *od_smtp_client_send_batch_finish  (OdSmtpClient         *self,
                                                  GAsyncResult         *result);

/* Says QUIT and closes the kept connection (the next call reconnects). */
void           od_smtp_client_disconnect         (OdSmtpClient         *self);

G_END_DECLS
