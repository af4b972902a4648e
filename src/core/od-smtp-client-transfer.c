/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-smtp-client-private.h"

/* The last command libcurl sent, read from its protocol trace. */
typedef enum
{
  STEP_CONNECT,
  STEP_EHLO,
  STEP_STARTTLS,
  STEP_AUTH,
  STEP_MAIL,
  STEP_RCPT,
  STEP_DATA,
  STEP_BODY,
  STEP_OTHER,
} Step;

/* What one curl_easy_perform() saw. */
typedef struct
{
  Step step;
  gboolean ehlo_sent;
  gboolean auth_sent;
  gboolean in_auth;           /* between AUTH and its final reply: lines out are credentials */
  gboolean quitting;          /* QUIT said: what follows says nothing about the message */
  gboolean auth_ok;
  gboolean data_started;
  gboolean data_done;         /* every byte of the message was handed to libcurl */
  guint reply_code;           /* the last final reply */
  guint reply_after_data;     /* the reply to the end of the data, 0 if none came */
  char reply[160];            /* that reply's line, printable ASCII only */
  GCancellable *cancellable;
  const guint8 *payload;
  gsize length;
  gsize offset;
} Transfer;

/* Printable ASCII only, one line: a server's text or libcurl's may be
 * quoted in a message, never with anything that could confuse a log. */
static void
copy_printable (char       *out,
                gsize       size,
                const char *in,
                gsize       length)
{
  gsize n = 0;

  for (gsize i = 0; i < length && in[i] != '\r' && in[i] != '\n' && n + 1 < size; i++)
    out[n++] = in[i] >= 0x20 && in[i] < 0x7f ? in[i] : '?';
  out[n] = '\0';
}

static gboolean
starts_with (const char *data,
             size_t      size,
             const char *word)
{
  size_t n = strlen (word);

  return size >= n && g_ascii_strncasecmp (data, word, n) == 0;
}

static int
on_debug (CURL          *curl,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  Transfer *t = user_data;

  if (t->quitting)
    return 0;

  if (type == CURLINFO_HEADER_OUT && !t->in_auth)
    {
      /* Only the command word is looked at; the rest of an AUTH line
       * holds credentials and is never copied. */
      if (starts_with (data, size, "EHLO") || starts_with (data, size, "HELO"))
        t->step = STEP_EHLO, t->ehlo_sent = TRUE;
      else if (starts_with (data, size, "STARTTLS"))
        t->step = STEP_STARTTLS;
      else if (starts_with (data, size, "AUTH"))
        t->step = STEP_AUTH, t->auth_sent = TRUE, t->in_auth = TRUE;
      else if (starts_with (data, size, "MAIL FROM"))
        t->step = STEP_MAIL;
      else if (starts_with (data, size, "RCPT TO"))
        t->step = STEP_RCPT;
      else if (starts_with (data, size, "DATA"))
        t->step = STEP_DATA;
      else if (starts_with (data, size, "QUIT"))
        t->quitting = TRUE;
      else
        t->step = STEP_OTHER;
    }
  else if (type == CURLINFO_HEADER_IN && size >= 3 &&
           g_ascii_isdigit (data[0]) && g_ascii_isdigit (data[1]) && g_ascii_isdigit (data[2]) &&
           (size == 3 || data[3] != '-'))
    {
      guint code = (data[0] - '0') * 100 + (data[1] - '0') * 10 + (data[2] - '0');

      t->reply_code = code;
      copy_printable (t->reply, sizeof t->reply, data, size);
      if (t->in_auth && code != 334)
        {
          t->in_auth = FALSE;
          t->auth_ok = code == 235;
        }
      if (t->data_done && t->reply_after_data == 0)
        t->reply_after_data = code;
    }

  return 0;
}

static size_t
on_read (char   *buffer,
         size_t  size,
         size_t  n_items,
         void   *user_data)
{
  Transfer *t = user_data;
  size_t n = MIN (size * n_items, t->length - t->offset);

  t->data_started = TRUE;
  t->step = STEP_BODY;
  memcpy (buffer, t->payload + t->offset, n);
  t->offset += n;
  if (t->offset == t->length)
    t->data_done = TRUE;

  return n;
}

static size_t
on_write (char   *data,
          size_t  size,
          size_t  n_items,
          void   *user_data)
{
  return size * n_items;
}

static int
on_progress (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *t = user_data;

  return g_cancellable_is_cancelled (t->cancellable) ? 1 : 0;
}

static const char *
server_name (const OdSmtpAccount *account)
{
  return account->host;
}

static OdSmtpResult *
result_new (OdSmtpOutcome  outcome,
            const Transfer *t,
            GError         *error)
{
  OdSmtpResult *result = g_new0 (OdSmtpResult, 1);

  result->outcome = outcome;
  result->reply_code = t->reply_code;
  result->error = error;

  return result;
}

#define FAIL(outcome, code, ...) \
  result_new ((outcome), t, g_error_new (OD_SMTP_ERROR, (code), __VA_ARGS__))

/* What a failed transfer means for the message. */
static OdSmtpResult *
classify (const Transfer      *t,
          CURLcode             code,
          const char          *curl_error,
          const OdSmtpAccount *account,
          const char          *from,
          const char          *to)
{
  const char *host = server_name (account);
  const char *why = t->reply[0] != '\0' ? t->reply : curl_error;
  OdSmtpOutcome refusal = t->reply_code >= 500 ? OD_SMTP_OUTCOME_PERMANENT : OD_SMTP_OUTCOME_TEMPORARY;
  OdSmtpResult *result;

  if (g_cancellable_is_cancelled (t->cancellable))
    {
      if (t->data_done)
        return result_new (OD_SMTP_OUTCOME_UNKNOWN, t,
                           g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                        _("Sending was cancelled after the message was handed to %s; it may or may not have been delivered"),
                                        host));
      return result_new (OD_SMTP_OUTCOME_TEMPORARY, t,
                         g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                              _("Sending was cancelled before the message was sent")));
    }

  switch (code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_DNS,
                   _("Could not find the mail server “%s”: the name does not resolve (check the host name and the network)"),
                   host);
    case CURLE_COULDNT_CONNECT:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_CONNECT,
                   _("Could not connect to the mail server %s on port %u (check the host, the port and the network)"),
                   host, account->port);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_CERTIFICATE,
                   _("The certificate of the mail server %s could not be verified (%s); nothing was sent. For a self-hosted server, name its certificate authority with --ca-file"),
                   host, curl_error);
    case CURLE_SSL_CONNECT_ERROR:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_TLS,
                   _("The TLS handshake with the mail server %s on port %u failed (%s); port 465 expects TLS from the start, 587 STARTTLS"),
                   host, account->port, curl_error);
    case CURLE_USE_SSL_FAILED:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_STARTTLS,
                   _("The mail server %s does not offer STARTTLS on port %u, so nothing was sent and no password went out; use a server or port with TLS"),
                   host, account->port);
    default:
      break;
    }

  if (account->user != NULL && t->ehlo_sent && !t->auth_sent)
    return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_AUTH_UNAVAILABLE,
                 _("The mail server %s offers no way to log in on this connection (%s)"),
                 host, why);
  if (code == CURLE_LOGIN_DENIED || t->step == STEP_AUTH)
    return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_AUTH,
                 _("The mail server %s refused the login of “%s” (%s); check the user name and the password"),
                 host, account->user != NULL ? account->user : "", why);

  if (t->data_done)
    {
      if (t->reply_after_data >= 400)
        return FAIL (t->reply_after_data >= 500 ? OD_SMTP_OUTCOME_PERMANENT : OD_SMTP_OUTCOME_TEMPORARY,
                     OD_SMTP_ERROR_MESSAGE_REFUSED,
                     _("The mail server %s refused the message (%s)"), host, t->reply);
      return FAIL (OD_SMTP_OUTCOME_UNKNOWN, OD_SMTP_ERROR_CONNECTION_LOST,
                   _("The connection to the mail server %s broke after the message was handed over (%s); it may or may not have been delivered"),
                   host, curl_error);
    }

  if (code == CURLE_OPERATION_TIMEDOUT)
    return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_TIMEOUT,
                 _("The mail server %s did not answer in time"), host);

  if (t->reply_code >= 400)
    switch (t->step)
      {
      case STEP_MAIL:
        return FAIL (refusal, OD_SMTP_ERROR_SENDER_REFUSED,
                     _("The mail server %s refused the sender address “%s” (%s)"), host, from, why);
      case STEP_RCPT:
        result = FAIL (refusal, OD_SMTP_ERROR_RECIPIENT_REFUSED,
                       _("The mail server %s refused the recipient “%s” (%s)"), host, to, why);
        result->recipient_refused = refusal == OD_SMTP_OUTCOME_PERMANENT;
        return result;
      case STEP_DATA:
      case STEP_BODY:
        return FAIL (refusal, OD_SMTP_ERROR_MESSAGE_REFUSED,
                     _("The mail server %s refused the message (%s)"), host, why);
      case STEP_STARTTLS:
        return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_STARTTLS,
                     _("The mail server %s refused STARTTLS (%s), so nothing was sent and no password went out"),
                     host, why);
      case STEP_CONNECT:
      case STEP_EHLO:
      case STEP_AUTH:
      case STEP_OTHER:
      default:
        return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_PROTOCOL,
                     _("The mail server %s refused the session (%s)"), host, why);
      }

  switch (code)
    {
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_PARTIAL_FILE:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_CONNECTION_LOST,
                   _("The connection to the mail server %s broke before the message was sent (%s)"),
                   host, curl_error);
    default:
      return FAIL (OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_PROTOCOL,
                   _("Talking to the mail server %s failed (%s)"), host, curl_error);
    }
}

#undef FAIL

static CURLcode
perform (CURL         *curl,
         Transfer     *t,
         char         *curl_error)
{
  char buffer[CURL_ERROR_SIZE] = "";
  CURLcode code;

  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, t);
  curl_easy_setopt (curl, CURLOPT_READDATA, t);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, t);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, buffer);

  code = curl_easy_perform (curl);

  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, NULL);
  if (code != CURLE_OK)
    {
      const char *text = buffer[0] != '\0' ? buffer : curl_easy_strerror (code);
      copy_printable (curl_error, CURL_ERROR_SIZE, text, strlen (text));
    }

  return code;
}

void
_od_smtp_transfer_setup (CURL  *curl,
                         guint  timeout)
{
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) timeout);
  curl_easy_setopt (curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long) timeout);
  /* A stalled upload of the data is bounded too. */
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long) timeout);

  /* The trace goes to on_debug() only, which reads the command words and
   * the server's replies and prints nothing. */
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, on_read);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_progress);
}

OdSmtpResult *
_od_smtp_transfer_send (CURL                *curl,
                        const OdSmtpAccount *account,
                        const char          *from,
                        const char          *to,
                        GBytes              *payload,
                        GCancellable        *cancellable)
{
  g_autofree char *mail_from = g_strdup_printf ("<%s>", from);
  g_autofree char *rcpt_to = g_strdup_printf ("<%s>", to);
  struct curl_slist *recipients = curl_slist_append (NULL, rcpt_to);
  OdSmtpResult *result = NULL;

  curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, NULL);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) g_bytes_get_size (payload));

  /* A kept connection the server has closed meanwhile fails before any
   * data goes out: then once more on a fresh connection. */
  for (guint attempt = 0; attempt < 2 && result == NULL; attempt++)
    {
      Transfer t = { 0 };
      char curl_error[CURL_ERROR_SIZE] = "";
      CURLcode code;

      t.cancellable = cancellable;
      t.payload = g_bytes_get_data (payload, &t.length);

      curl_easy_setopt (curl, CURLOPT_FRESH_CONNECT, attempt > 0 ? 1L : 0L);
      code = perform (curl, &t, curl_error);
      if (code == CURLE_OK)
        {
          result = g_new0 (OdSmtpResult, 1);
          result->outcome = OD_SMTP_OUTCOME_SENT;
          result->reply_code = t.reply_code;
          break;
        }

      result = classify (&t, code, curl_error, account, from, to);
      if (attempt == 0 && !t.ehlo_sent && !t.data_started &&
          g_error_matches (result->error, OD_SMTP_ERROR, OD_SMTP_ERROR_CONNECTION_LOST))
        g_clear_pointer (&result, od_smtp_result_free);
    }

  curl_easy_setopt (curl, CURLOPT_FRESH_CONNECT, 0L);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, NULL);
  curl_slist_free_all (recipients);

  return result;
}

gboolean
_od_smtp_transfer_test (CURL                *curl,
                        const OdSmtpAccount *account,
                        GCancellable        *cancellable,
                        GError             **error)
{
  Transfer t = { 0 };
  char curl_error[CURL_ERROR_SIZE] = "";
  CURLcode code;

  t.cancellable = cancellable;

  /* A fresh connection, so that the test goes through every step. */
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 0L);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, NULL);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, NULL);
  curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, "NOOP");
  curl_easy_setopt (curl, CURLOPT_FRESH_CONNECT, 1L);

  code = perform (curl, &t, curl_error);

  curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, NULL);
  curl_easy_setopt (curl, CURLOPT_FRESH_CONNECT, 0L);

  if (code != CURLE_OK)
    {
      g_autoptr(OdSmtpResult) result = classify (&t, code, curl_error, account,
                                                 account->from_address, "");

      g_propagate_error (error, g_steal_pointer (&result->error));
      return FALSE;
    }

  if (account->user != NULL && !t.auth_ok)
    {
      g_set_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_AUTH_UNAVAILABLE,
                   _("The mail server %s offers no way to log in on this connection"),
                   server_name (account));
      return FALSE;
    }

  return TRUE;
}
