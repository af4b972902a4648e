/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "od-sms-client-private.h"

#define GATEWAY_TEXT_MAX 200   /* characters of the gateway's own message we quote */

enum {
  FLAG_RECIPIENT = 1 << 0,  /* the number itself is unusable */
  FLAG_OPTED_OUT = 1 << 1,
};

/*
 * The gateway's error codes that decide more than the HTTP status does.
 * Twilio documents them at https://www.twilio.com/docs/api/errors (each
 * code at https://www.twilio.com/docs/api/errors/<code>). Codes not
 * listed here fall back to the HTTP status: 401 auth, 429 and 5xx
 * temporary, other 4xx permanent.
 */
static const struct
{
  guint        code;
  OdSmsOutcome outcome;
  OdSmsError   error;
  guint        flags;
} gateway_codes[] = {
  { 14107, OD_SMS_OUTCOME_TEMPORARY,   OD_SMS_ERROR_RATE_LIMITED,   0 },  /* SMS send rate limit exceeded */
  { 20003, OD_SMS_OUTCOME_AUTH_FAILED, OD_SMS_ERROR_AUTH,           0 },  /* Authenticate */
  { 20429, OD_SMS_OUTCOME_TEMPORARY,   OD_SMS_ERROR_RATE_LIMITED,   0 },  /* Too many requests */
  { 20500, OD_SMS_OUTCOME_TEMPORARY,   OD_SMS_ERROR_SERVER,         0 },  /* Internal server error */
  { 20503, OD_SMS_OUTCOME_TEMPORARY,   OD_SMS_ERROR_SERVER,         0 },  /* Service unavailable */
  { 21211, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_INVALID_NUMBER, FLAG_RECIPIENT },  /* Invalid 'To' number */
  { 21212, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_SENDER,         0 },  /* Invalid 'From' number */
  { 21408, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_PERMISSION,     0 },  /* Permission to send to this region not enabled */
  { 21606, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_SENDER,         0 },  /* 'From' number cannot send SMS */
  { 21608, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_PERMISSION,     0 },  /* Trial account: number not verified */
  { 21610, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_OPTED_OUT,      FLAG_OPTED_OUT },  /* Unsubscribed recipient */
  { 21612, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_REFUSED,        0 },  /* 'To' cannot be reached from 'From' */
  { 21614, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_INVALID_NUMBER, FLAG_RECIPIENT },  /* 'To' is not a mobile number */
  { 21617, OD_SMS_OUTCOME_PERMANENT,   OD_SMS_ERROR_REFUSED,        0 },  /* Body exceeds 1600 characters */
};

/* What the gateway said, fit to quote: one line, not too long, and never
 * the token (should a gateway echo it). */
static char *
gateway_text (const OdSmsClientInfo *info,
              const char            *text)
{
  GString *s;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup (_("no explanation"));

  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && g_utf8_strlen (s->str, -1) < GATEWAY_TEXT_MAX;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  if (info->token != NULL && *info->token != '\0')
    g_string_replace (s, info->token, "…", 0);

  return g_string_free (s, FALSE);
}

static void
fail (OdSmsResult  *result,
      OdSmsOutcome  outcome,
      OdSmsError    code,
      const char   *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (OdSmsResult  *result,
      OdSmsOutcome  outcome,
      OdSmsError    code,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  result->outcome = outcome;
  g_clear_error (&result->error);
  g_set_error_literal (&result->error, OD_SMS_ERROR, code, message);
}

static JsonObject *
parse_reply (GBytes     *body,
             JsonParser *parser)
{
  gsize size = 0;
  const char *data;
  JsonNode *root;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Twilio sends error codes as numbers; some gateways that copy it send
 * them as strings. */
static guint
member_code (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  const char *text;
  guint64 value = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
  text = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return (guint) value;
  return 0;
}

static void
classify_reply (const OdSmsClientInfo *info,
                SoupMessage           *message,
                GBytes                *body,
                OdSmsResult           *result)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *reply = parse_reply (body, parser);
  guint status = soup_message_get_status (message);
  g_autofree char *said = NULL;
  const char *retry_after;
  OdSmsOutcome outcome = OD_SMS_OUTCOME_PERMANENT;
  OdSmsError error = OD_SMS_ERROR_REFUSED;
  guint flags = 0;
  gboolean known = FALSE;

  result->http_status = status;
  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");
  if (retry_after != NULL)
    {
      guint64 seconds = 0;
      if (g_ascii_string_to_unsigned (retry_after, 10, 0, 7 * 24 * 3600, &seconds, NULL))
        result->retry_after = (guint) seconds;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* The gateway took it; a reply we cannot read does not undo that. */
      result->outcome = OD_SMS_OUTCOME_SENT;
      result->message_sid = g_strdup (member_string (reply, "sid"));
      result->gateway_status = g_strdup (member_string (reply, "status"));
      return;
    }

  result->gateway_code = member_code (reply, "code");
  if (result->gateway_code == 0)
    result->gateway_code = member_code (reply, "error_code");
  said = gateway_text (info, member_string (reply, "message") != NULL ? member_string (reply, "message")
                                                                        : member_string (reply, "error_message"));

  for (gsize i = 0; i < G_N_ELEMENTS (gateway_codes) && !known; i++)
    if (gateway_codes[i].code == result->gateway_code)
      {
        outcome = gateway_codes[i].outcome;
        error = gateway_codes[i].error;
        flags = gateway_codes[i].flags;
        known = TRUE;
      }
  if (!known && status == SOUP_STATUS_UNAUTHORIZED)
    outcome = OD_SMS_OUTCOME_AUTH_FAILED, error = OD_SMS_ERROR_AUTH;
  else if (!known && (status == 429 || status >= 500))
    outcome = OD_SMS_OUTCOME_TEMPORARY, error = status >= 500 ? OD_SMS_ERROR_SERVER : OD_SMS_ERROR_RATE_LIMITED;
  else if (!known && status == SOUP_STATUS_FORBIDDEN)
    outcome = OD_SMS_OUTCOME_PERMANENT, error = OD_SMS_ERROR_PERMISSION;
  else if (!known && (status < 400 || reply == NULL))
    outcome = OD_SMS_OUTCOME_PERMANENT, error = OD_SMS_ERROR_PROTOCOL;
  else if (!known)
    outcome = OD_SMS_OUTCOME_PERMANENT, error = OD_SMS_ERROR_REFUSED;

  result->opted_out = (flags & FLAG_OPTED_OUT) != 0;
  result->recipient_refused = (flags & FLAG_RECIPIENT) != 0;

  switch (error)
    {
    case OD_SMS_ERROR_INVALID_NUMBER:
      fail (result, outcome, error, _("The SMS gateway says %s is not a valid mobile number: %s (error %u)"),
            result->to, said, result->gateway_code);
      break;
    case OD_SMS_ERROR_OPTED_OUT:
      fail (result, outcome, error, _("%s has opted out of text messages (answered STOP) and gets none until they text START (error %u)"),
            result->to, result->gateway_code);
      break;
    case OD_SMS_ERROR_SENDER:
      fail (result, outcome, error, _("The SMS gateway refused the sender “%s”: %s (error %u)"),
            info->sender, said, result->gateway_code);
      break;
    case OD_SMS_ERROR_PERMISSION:
      fail (result, outcome, error, _("The SMS account may not send to %s: %s (error %u)"),
            result->to, said, result->gateway_code);
      break;
    case OD_SMS_ERROR_AUTH:
      fail (result, outcome, error, _("The SMS gateway refused the account SID “%s” and its token: check the account SID and token"),
            info->account_sid);
      break;
    case OD_SMS_ERROR_RATE_LIMITED:
      fail (result, outcome, error, _("The SMS gateway is receiving too many requests; the message to %s will be tried again later"),
            result->to);
      break;
    case OD_SMS_ERROR_SERVER:
      fail (result, outcome, error, _("The SMS gateway failed (HTTP %u); the message to %s will be tried again later"),
            status, result->to);
      break;
    case OD_SMS_ERROR_PROTOCOL:
      fail (result, outcome, error, _("The SMS gateway at %s answered HTTP %u without its JSON reply; check the gateway URL"),
            info->base_url, status);
      break;
    case OD_SMS_ERROR_REFUSED:
    case OD_SMS_ERROR_SETUP:
    case OD_SMS_ERROR_NETWORK:
    case OD_SMS_ERROR_TIMEOUT:
    case OD_SMS_ERROR_NO_REPLY:
    default:
      fail (result, outcome, OD_SMS_ERROR_REFUSED, _("The SMS gateway refused the message to %s: %s (HTTP %u, error %u)"),
            result->to, said, status, result->gateway_code);
      break;
    }
}

void
_od_sms_client_classify (const OdSmsClientInfo *info,
                         SoupMessage           *message,
                         gboolean               wrote_body,
                         GBytes                *body,
                         GError                *error,
                         OdSmsResult           *result)
{
  g_autofree char *why = NULL;

  /* A status means the gateway answered, even if its body broke off. */
  if (soup_message_get_status (message) != SOUP_STATUS_NONE)
    {
      classify_reply (info, message, body, result);
      return;
    }

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      result->outcome = wrote_body ? OD_SMS_OUTCOME_UNKNOWN : OD_SMS_OUTCOME_TEMPORARY;
      g_clear_error (&result->error);
      result->error = g_error_copy (error);
      return;
    }

  why = gateway_text (info, error->message);
  if (wrote_body)
    fail (result, OD_SMS_OUTCOME_UNKNOWN, OD_SMS_ERROR_NO_REPLY,
          _("The message to %s went to the SMS gateway at %s, but no reply came (%s); it may have been sent, so it will not be sent again automatically"),
          result->to, info->base_url, why);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fail (result, OD_SMS_OUTCOME_TEMPORARY, OD_SMS_ERROR_TIMEOUT,
          _("The SMS gateway at %s did not answer within %u seconds; the message to %s will be tried again later"),
          info->base_url, info->timeout, result->to);
  else
    fail (result, OD_SMS_OUTCOME_TEMPORARY, OD_SMS_ERROR_NETWORK,
          _("Could not reach the SMS gateway at %s: %s; the message to %s will be tried again later"),
          info->base_url, why, result->to);
}

gboolean
_od_sms_client_check_account (const OdSmsClientInfo  *info,
                              SoupMessage            *message,
                              GError                 *soup_error,
                              GError                **error)
{
  guint status = soup_message_get_status (message);

  if (status == SOUP_STATUS_NONE)
    {
      g_assert (soup_error != NULL);
      if (g_error_matches (soup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_error_copy (soup_error));
      else if (g_error_matches (soup_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, OD_SMS_ERROR, OD_SMS_ERROR_TIMEOUT,
                     _("The SMS gateway at %s did not answer within %u seconds"), info->base_url, info->timeout);
      else
        g_set_error (error, OD_SMS_ERROR, OD_SMS_ERROR_NETWORK,
                     _("Could not reach the SMS gateway at %s: %s"), info->base_url, soup_error->message);
      return FALSE;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, OD_SMS_ERROR, OD_SMS_ERROR_AUTH,
                 _("The SMS gateway refused the account SID “%s” and its token: check the account SID and token"),
                 info->account_sid);
  else if (status == SOUP_STATUS_NOT_FOUND)
    g_set_error (error, OD_SMS_ERROR, OD_SMS_ERROR_SETUP,
                 _("The SMS gateway at %s knows no account “%s”: check the account SID and the gateway URL"),
                 info->base_url, info->account_sid);
  else
    g_set_error (error, OD_SMS_ERROR, OD_SMS_ERROR_PROTOCOL,
                 _("The SMS gateway at %s answered HTTP %u to the account check"), info->base_url, status);
  return FALSE;
}
