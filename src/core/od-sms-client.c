/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "od-sms-client.h"
#include "od-sms-client-private.h"
#include "od-sms-text.h"

#define DEFAULT_TIMEOUT 30

struct _OdSmsClient
{
  GObject parent_instance;

  SoupSession *session;
  char *base_url;          /* without a trailing slash */
  char *messages_url;
  char *account_sid;
  char *auth_token;        /* kept only to scrub it from what a gateway says */
  char *authorization;     /* "Basic …": holds the token */
  char *sender;
  gboolean sender_is_service;
  guint timeout;
};

G_DEFINE_FINAL_TYPE (OdSmsClient, od_sms_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-sms-error-quark, od_sms_error)

G_DEFINE_BOXED_TYPE (OdSmsResult, od_sms_result, od_sms_result_copy, od_sms_result_free)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One message on its way. */
typedef struct
{
  SoupMessage *message;
  OdSmsResult *result;     /* outcome filled in when the reply is read */
  gboolean wrote_body;     /* the whole request went out */
} Send;

static void
wipe (char **secret)
{
  if (*secret == NULL)
    return;

  for (volatile char *p = *secret; *p != '\0'; p++)
    *p = '\0';
  g_clear_pointer (secret, g_free);
}

static void
send_free (gpointer data)
{
  Send *send = data;

  g_clear_object (&send->message);
  g_clear_pointer (&send->result, od_sms_result_free);
  g_free (send);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
setup_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
setup_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, OD_SMS_ERROR, OD_SMS_ERROR_SETUP, message);

  return FALSE;
}

static char *
check_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  gsize n;

  /* Never quote a URL that holds a user name or password: it may be the
   * token itself. */
  if (strchr (base_url, '@') != NULL)
    return setup_error (error, "%s", _("The SMS gateway URL must not hold a user name or password")), NULL;

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return setup_error (error, _("The SMS gateway URL “%s” is not an https URL with a host"), base_url), NULL;
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return setup_error (error, _("The SMS gateway URL “%s” must not have a query or fragment"), base_url), NULL;

  /* The token travels in every request: plain HTTP only to this machine,
   * where the tests' gateway listens. */
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback (host)))
    return setup_error (error, _("The SMS gateway URL “%s” must start with https://"), base_url), NULL;

  n = strlen (base_url);
  while (n > 0 && base_url[n - 1] == '/')
    n--;
  return g_strndup (base_url, n);
}

static gboolean
check_sender (const char  *sender,
              char       **out,
              gboolean    *is_service,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = sender != NULL ? strlen (sender) : 0;
  gboolean letter = FALSE;

  if (n == 0)
    return setup_error (error, "%s", _("The SMS account has no sending number"));

  if (n == 34 && g_str_has_prefix (sender, "MG") && strspn (sender + 2, "0123456789abcdefABCDEF") == 32)
    {
      *out = g_strdup (sender);
      *is_service = TRUE;
      return TRUE;
    }

  *is_service = FALSE;
  if (sender[0] == '+' || g_ascii_isdigit (sender[0]))
    {
      *out = od_sms_text_normalize_number (sender, NULL, &local_error);
      if (*out == NULL)
        return setup_error (error, _("The sending number is unusable: %s"), local_error->message);
      return TRUE;
    }

  /* An alphanumeric sender id: up to 11 letters, digits and spaces, at
   * least one a letter. */
  for (gsize i = 0; i < n; i++)
    letter |= g_ascii_isalpha (sender[i]);
  if (n > 11 || !letter || strspn (sender, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ") != n)
    return setup_error (error, _("The sender “%s” is neither an E.164 number, a Messaging Service SID nor a sender id of up to 11 letters and digits"),
                        sender);

  *out = g_strdup (sender);
  return TRUE;
}

static OdSmsClientInfo
info_of (OdSmsClient *self)
{
  OdSmsClientInfo info = {
    .base_url = self->base_url,
    .account_sid = self->account_sid,
    .sender = self->sender,
    .token = self->auth_token,
    .timeout = self->timeout,
  };

  return info;
}

static void
classify (OdSmsClient *self,
          Send        *send,
          GBytes      *body,
          GError      *error)
{
  OdSmsClientInfo info = info_of (self);

  _od_sms_client_classify (&info, send->message, send->wrote_body, body, error, send->result);
}

static void
wrote_body_cb (SoupMessage *message,
               gpointer     user_data)
{
  Send *send = user_data;

  send->wrote_body = TRUE;
}

/* NULL with *result set when there is nothing to send. */
static Send *
send_new (OdSmsClient  *self,
          const char   *to,
          const char   *body,
          OdSmsResult **early)
{
  g_autoptr(OdSmsResult) result = g_new0 (OdSmsResult, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *form;
  Send *send;

  result->to = od_sms_text_normalize_number (to, NULL, &error);
  if (result->to == NULL)
    {
      result->outcome = OD_SMS_OUTCOME_PERMANENT;
      result->recipient_refused = TRUE;
      g_set_error_literal (&result->error, OD_SMS_ERROR, OD_SMS_ERROR_INVALID_NUMBER, error->message);
      *early = g_steal_pointer (&result);
      return NULL;
    }

  text = od_sms_text_append_opt_out (body);
  form = soup_form_encode ("To", result->to,
                           self->sender_is_service ? "MessagingServiceSid" : "From", self->sender,
                           "Body", text,
                           NULL);

  send = g_new0 (Send, 1);
  send->result = g_steal_pointer (&result);
  send->message = soup_message_new_from_encoded_form (SOUP_METHOD_POST, self->messages_url, form);
  g_assert (send->message != NULL);
  /* Never follow a redirect with the credentials; never let libsoup
   * repeat the POST on another connection (it is not idempotent, and
   * SOUP_MESSAGE_IDEMPOTENT is deliberately left unset). */
  soup_message_add_flags (send->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (send->message),
                                "Authorization", self->authorization);
  soup_message_headers_replace (soup_message_get_request_headers (send->message),
                                "Accept", "application/json");
  g_signal_connect (send->message, "wrote-body", G_CALLBACK (wrote_body_cb), send);

  return send;
}

static void
send_ready_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OdSmsClient *self = g_task_get_source_object (task);
  Send *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), res, &error);
  classify (self, send, body, error);
  g_task_return_pointer (task, g_steal_pointer (&send->result), (GDestroyNotify) od_sms_result_free);
}

static SoupMessage *
account_message (OdSmsClient *self)
{
  g_autofree char *escaped_sid = g_uri_escape_string (self->account_sid, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/2010-04-01/Accounts/%s.json", self->base_url, escaped_sid);
  SoupMessage *message = soup_message_new (SOUP_METHOD_GET, url);

  g_assert (message != NULL);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", self->authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  return message;
}

static void
test_ready_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OdSmsClient *self = g_task_get_source_object (task);
  g_autoptr(GError) soup_error = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  OdSmsClientInfo info = info_of (self);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), res, &soup_error);
  if (_od_sms_client_check_account (&info, g_task_get_task_data (task), soup_error, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
od_sms_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OdSmsClient *self = OD_SMS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_sms_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OdSmsClient *self = OD_SMS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      od_sms_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_sms_client_finalize (GObject *object)
{
  OdSmsClient *self = OD_SMS_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->messages_url);
  g_free (self->account_sid);
  g_free (self->sender);
  wipe (&self->auth_token);
  wipe (&self->authorization);

  G_OBJECT_CLASS (od_sms_client_parent_class)->finalize (object);
}

static void
od_sms_client_class_init (OdSmsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = od_sms_client_get_property;
  object_class->set_property = od_sms_client_set_property;
  object_class->finalize = od_sms_client_finalize;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_sms_client_init (OdSmsClient *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                                 NULL);
}

void
od_sms_result_free (OdSmsResult *self)
{
  if (self == NULL)
    return;

  g_free (self->to);
  g_free (self->message_sid);
  g_free (self->gateway_status);
  g_clear_error (&self->error);
  g_free (self);
}

OdSmsResult *
od_sms_result_copy (const OdSmsResult *self)
{
  OdSmsResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->to = g_strdup (self->to);
  copy->message_sid = g_strdup (self->message_sid);
  copy->gateway_status = g_strdup (self->gateway_status);
  copy->error = self->error != NULL ? g_error_copy (self->error) : NULL;

  return copy;
}

const char *
od_sms_outcome_to_string (OdSmsOutcome outcome)
{
  switch (outcome)
    {
    case OD_SMS_OUTCOME_SENT: return "sent";
    case OD_SMS_OUTCOME_TEMPORARY: return "temporary";
    case OD_SMS_OUTCOME_PERMANENT: return "permanent";
    case OD_SMS_OUTCOME_AUTH_FAILED: return "auth-failed";
    case OD_SMS_OUTCOME_UNKNOWN: return "unknown";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * od_sms_client_new:
 * @base_url: (nullable): the gateway, %OD_SMS_CLIENT_DEFAULT_URL when %NULL
 * @account_sid: the account SID, the basic-auth user
 * @auth_token: the account's token, the basic-auth password
 * @sender: the E.164 number, sender id or Messaging Service SID
 * @error: return location for an %OD_SMS_ERROR_SETUP error
 *
 * Returns: (transfer full) (nullable): a client, or %NULL when a setting
 *   is unusable (the message names it, never the token)
 */
OdSmsClient *
od_sms_client_new (const char  *base_url,
                   const char  *account_sid,
                   const char  *auth_token,
                   const char  *sender,
                   GError     **error)
{
  g_autoptr(OdSmsClient) self = NULL;
  g_autofree char *escaped_sid = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (account_sid != NULL, NULL);
  g_return_val_if_fail (auth_token != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OD_TYPE_SMS_CLIENT, NULL);

  self->base_url = check_base_url (base_url != NULL ? base_url : OD_SMS_CLIENT_DEFAULT_URL, error);
  if (self->base_url == NULL)
    return NULL;

  if (*account_sid == '\0' || strspn (account_sid, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != strlen (account_sid))
    return setup_error (error, _("The account SID “%s” is empty or holds characters other than letters and digits"),
                        account_sid), NULL;
  if (*auth_token == '\0' || strpbrk (auth_token, "\r\n") != NULL)
    return setup_error (error, "%s", _("The SMS account's token is empty or holds a line break")), NULL;

  if (!check_sender (sender, &self->sender, &self->sender_is_service, error))
    return NULL;

  self->account_sid = g_strdup (account_sid);
  escaped_sid = g_uri_escape_string (account_sid, NULL, FALSE);
  self->messages_url = g_strdup_printf ("%s/2010-04-01/Accounts/%s/Messages.json", self->base_url, escaped_sid);

  /* Sent with every request rather than after a 401 challenge, as the
   * gateway expects. */
  self->auth_token = g_strdup (auth_token);
  credentials = g_strconcat (account_sid, ":", auth_token, NULL);
  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  wipe (&credentials);
  wipe (&encoded);

  return g_steal_pointer (&self);
}

const char *
od_sms_client_get_base_url (OdSmsClient *self)
{
  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), NULL);

  return self->base_url;
}

void
od_sms_client_set_timeout (OdSmsClient *self,
                           guint        seconds)
{
  g_return_if_fail (OD_IS_SMS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
od_sms_client_get_timeout (OdSmsClient *self)
{
  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), 0);

  return self->timeout;
}

gboolean
od_sms_client_test (OdSmsClient   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) soup_error = NULL;
  g_autoptr(GBytes) body = NULL;
  OdSmsClientInfo info;

  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = info_of (self);
  message = account_message (self);
  body = soup_session_send_and_read (self->session, message, cancellable, &soup_error);
  return _od_sms_client_check_account (&info, message, soup_error, error);
}

void
od_sms_client_test_async (OdSmsClient         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  SoupMessage *message;

  g_return_if_fail (OD_IS_SMS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_sms_client_test_async);
  message = account_message (self);
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    test_ready_cb, task);
}

gboolean
od_sms_client_test_finish (OdSmsClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

OdSmsResult *
od_sms_client_send (OdSmsClient  *self,
                    const char   *to,
                    const char   *body,
                    GCancellable *cancellable)
{
  OdSmsResult *early = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = NULL;
  OdSmsResult *result;
  Send *send;

  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (body != NULL && g_utf8_validate (body, -1, NULL), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  send = send_new (self, to, body, &early);
  if (send == NULL)
    return early;

  reply = soup_session_send_and_read (self->session, send->message, cancellable, &error);
  classify (self, send, reply, error);
  result = g_steal_pointer (&send->result);
  send_free (send);

  return result;
}

void
od_sms_client_send_async (OdSmsClient         *self,
                          const char          *to,
                          const char          *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OdSmsResult *early = NULL;
  Send *send;

  g_return_if_fail (OD_IS_SMS_CLIENT (self));
  g_return_if_fail (to != NULL);
  g_return_if_fail (body != NULL && g_utf8_validate (body, -1, NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_sms_client_send_async);
  /* The result carries a cancellation too, with what is known. */
  g_task_set_check_cancellable (task, FALSE);

  send = send_new (self, to, body, &early);
  if (send == NULL)
    {
      g_task_return_pointer (task, early, (GDestroyNotify) od_sms_result_free);
      return;
    }

  g_task_set_task_data (task, send, send_free);
  soup_session_send_and_read_async (self->session, send->message, G_PRIORITY_DEFAULT, cancellable,
                                    send_ready_cb, g_steal_pointer (&task));
}

OdSmsResult *
od_sms_client_send_finish (OdSmsClient  *self,
                           GAsyncResult *result)
{
  g_return_val_if_fail (OD_IS_SMS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}
