/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OD_SMS_ERROR (od_sms_error_quark ())

/* What went wrong. Cancellation is G_IO_ERROR_CANCELLED. */
typedef enum
{
  OD_SMS_ERROR_SETUP,           /* the base URL, account SID or sender is unusable */
  OD_SMS_ERROR_INVALID_NUMBER,  /* the recipient's number is not a valid mobile number */
  OD_SMS_ERROR_OPTED_OUT,       /* the recipient answered STOP */
  OD_SMS_ERROR_SENDER,          /* the gateway refused the sending number */
  OD_SMS_ERROR_PERMISSION,      /* the account may not send there (region, trial) */
  OD_SMS_ERROR_REFUSED,         /* the gateway refused the message for another reason */
  OD_SMS_ERROR_AUTH,            /* the account SID or token was refused */
  OD_SMS_ERROR_RATE_LIMITED,    /* too many requests: try later */
  OD_SMS_ERROR_SERVER,          /* the gateway failed (5xx) */
  OD_SMS_ERROR_NETWORK,         /* no connection (DNS, TCP, TLS) */
  OD_SMS_ERROR_TIMEOUT,         /* no answer in time, before the request was complete */
  OD_SMS_ERROR_NO_REPLY,        /* the request went out, the reply never came */
  OD_SMS_ERROR_PROTOCOL,        /* a reply that is not the gateway's */
} OdSmsError;

GQuark od_sms_error_quark (void);

typedef enum
{
  OD_SMS_OUTCOME_SENT,          /* the gateway took the message */
  OD_SMS_OUTCOME_TEMPORARY,     /* not taken; try again later (429, 5xx, network, timeout) */
  OD_SMS_OUTCOME_PERMANENT,     /* refused for good (bad number, opted out, permission) */
  OD_SMS_OUTCOME_AUTH_FAILED,   /* the account was refused (401): no message will go until it is fixed */
  OD_SMS_OUTCOME_UNKNOWN,       /* the request went out but no reply came: never resend automatically */
} OdSmsOutcome;

/* The result of one message. @error is NULL exactly when it was sent.
 * @to is the number in E.164 form (NULL when it did not normalise).
 * @opted_out says that the gateway knows the recipient unsubscribed and
 * @recipient_refused that the number itself is unusable: both mean the
 * customer's number should be flagged. @retry_after is the gateway's
 * Retry-After in seconds (0 when it named none). */
typedef struct
{
  OdSmsOutcome  outcome;
  char         *to;
  guint         http_status;     /* 0 when no reply came */
  guint         gateway_code;    /* the gateway's error code, 0 when none */
  char         *message_sid;     /* the gateway's id of the message, when sent */
  char         *gateway_status;  /* "queued", "accepted", … when sent */
  gboolean      opted_out;
  gboolean      recipient_refused;
  guint         retry_after;
  GError       *error;
} OdSmsResult;

#define OD_TYPE_SMS_RESULT (od_sms_result_get_type ())
GType         od_sms_result_get_type       (void) G_GNUC_CONST;
OdSmsResult  *od_sms_result_copy           (const OdSmsResult *self);
void          od_sms_result_free           (OdSmsResult       *self);
const char   *od_sms_outcome_to_string     (OdSmsOutcome       outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSmsResult, od_sms_result_free)

#define OD_SMS_CLIENT_DEFAULT_URL "https://api.twilio.com"

#define OD_TYPE_SMS_CLIENT (od_sms_client_get_type ())
G_DECLARE_FINAL_TYPE (OdSmsClient, od_sms_client, OD, SMS_CLIENT, GObject)

/*
 * Sends text messages through the Twilio Messages API, or a gateway that
 * speaks it: a form POST to {base}/2010-04-01/Accounts/{sid}/Messages.json
 * with HTTP basic authentication, answered with JSON.
 *
 * The base URL must be https, except on a loopback address (the tests'
 * gateway). @sender is an E.164 number, an alphanumeric sender id, or a
 * Messaging Service SID ("MG" and 32 hex digits), sent as
 * MessagingServiceSid.
 *
 * The token is held only in this object's memory, wiped when it is
 * finalized, and appears in no message and no log. Redirects are not
 * followed, so the credentials go nowhere else.
 */
OdSmsClient  *od_sms_client_new            (const char           *base_url,
                                            const char           *account_sid,
                                            const char           *auth_token,
                                            const char           *sender,
                                            GError              **error);
const char   *od_sms_client_get_base_url   (OdSmsClient          *self);
/* Every wait is bounded by the timeout (default 30 s). */
void          od_sms_client_set_timeout    (OdSmsClient          *self,
                                            guint                 seconds);
guint         od_sms_client_get_timeout    (OdSmsClient          *self);

/* Asks the gateway for the account (GET …/Accounts/{sid}.json): TRUE
 * when the SID and token are accepted; otherwise an OD_SMS_ERROR that
 * says what failed (NETWORK, TIMEOUT, AUTH, SETUP for an unknown
 * account, PROTOCOL). Sends no message. */
gboolean      od_sms_client_test           (OdSmsClient          *self,
                                            GCancellable         *cancellable,
                                            GError              **error);
void          od_sms_client_test_async     (OdSmsClient          *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      od_sms_client_test_finish    (OdSmsClient          *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/*
 * Sends @body, with the opt-out line appended (od_sms_text_append_opt_out),
 * to @to, normalised first (a number that does not normalise is
 * PERMANENT and nothing is sent). Never returns NULL.
 *
 * A request is sent once: libsoup is never allowed to repeat it, and a
 * connection that breaks after the request went out is UNKNOWN.
 */
OdSmsResult  *od_sms_client_send           (OdSmsClient          *self,
                                            const char           *to,
                                            const char           *body,
                                            GCancellable         *cancellable);
void          od_sms_client_send_async     (OdSmsClient          *self,
                                            const char           *to,
                                            const char           *body,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
OdSmsResult  *od_sms_client_send_finish    (OdSmsClient          *self,
                                            GAsyncResult         *result);

G_END_DECLS
