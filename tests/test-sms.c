/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <libsoup/soup.h>

#include "od-sms-client.h"
#include "od-sms-text.h"

#define SID "AC0123456789abcdef0123456789abcdef"
#define TOKEN "tok-9f8e7d6c5b4a39281706f5e4d3c2b1a0"
#define FROM "+15557122661"
#define SERVICE "MG9752274e9e519418a7406176694466fa"
#define MESSAGES_PATH "/2010-04-01/Accounts/" SID "/Messages.json"
#define ACCOUNT_PATH "/2010-04-01/Accounts/" SID ".json"

/* How the gateway answers the next request. */
typedef enum
{
  REPLY_CREATED,
  REPLY_INVALID_TO,
  REPLY_UNSUBSCRIBED,
  REPLY_PERMISSION,
  REPLY_TOO_MANY,
  REPLY_SERVER_ERROR,
  REPLY_ECHO_TOKEN,
  REPLY_REDIRECT,
  REPLY_DROP,          /* read the request, then close the connection */
  REPLY_HANG,          /* read the request, then say nothing */
} Reply;

/* The replies, in the shape of Twilio's (docs: Message resource, and
 * https://www.twilio.com/docs/api/errors/<code>). */
static const char created_json[] =
  "{\"account_sid\": \"" SID "\", \"api_version\": \"2010-04-01\", "
  "\"body\": \"Invoice 42 is overdue.\\nReply STOP to opt out\", "
  "\"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"date_sent\": null, "
  "\"date_updated\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"direction\": \"outbound-api\", "
  "\"error_code\": null, \"error_message\": null, \"from\": \"" FROM "\", "
  "\"messaging_service_sid\": null, \"num_media\": \"0\", \"num_segments\": \"1\", "
  "\"price\": null, \"price_unit\": \"USD\", \"sid\": \"SM1f0e8ae6ade43cb3c0ce4525424e404f\", "
  "\"status\": \"queued\", \"subresource_uris\": {\"media\": \"/2010-04-01/Accounts/" SID
  "/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f/Media.json\"}, \"to\": \"+442079460958\", "
  "\"uri\": \"/2010-04-01/Accounts/" SID "/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json\"}";
static const char invalid_to_json[] =
  "{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number: +44207946XXXX\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}";
static const char unsubscribed_json[] =
  "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}";
static const char permission_json[] =
  "{\"code\": 21408, \"message\": \"Permission to send an SMS has not been enabled for the region "
  "indicated by the 'To' number: +442079460958\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/21408\", \"status\": 400}";
static const char unauthorized_json[] =
  "{\"code\": 20003, \"detail\": \"Your AccountSid or AuthToken was incorrect.\", "
  "\"message\": \"Authentication Error - invalid username\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}";
static const char too_many_json[] =
  "{\"code\": 20429, \"message\": \"Too Many Requests\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}";
static const char server_error_json[] =
  "{\"code\": 20500, \"message\": \"An internal server error has occurred\", "
  "\"more_info\": \"https://www.twilio.com/docs/errors/20500\", \"status\": 500}";

/* A gateway on a loopback port, in a thread of its own so that the
 * client's blocking calls can be tested too. */
typedef struct
{
  GMutex lock;
  GCond cond;
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  guint port;
  GPtrArray *held;           /* stolen connections kept open (REPLY_HANG) */

  Reply reply;
  guint requests;
  char *method;
  char *path;
  char *authorization;
  char *content_type;
  GHashTable *form;
} Gateway;

typedef struct
{
  Gateway gateway;
  char *url;
  OdSmsClient *client;
} Fixture;

static gboolean
authorized (const char *header)
{
  g_autofree char *expected = NULL;
  g_autofree guchar *decoded = NULL;
  gsize n = 0;

  if (header == NULL || !g_str_has_prefix (header, "Basic "))
    return FALSE;
  decoded = g_base64_decode (header + strlen ("Basic "), &n);
  expected = g_strdup (SID ":" TOKEN);
  return n == strlen (expected) && memcmp (decoded, expected, n) == 0;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Gateway *gw = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *text = g_strndup (body->data, body->length);
  Reply reply;

  g_mutex_lock (&gw->lock);
  gw->requests++;
  g_free (gw->method);
  gw->method = g_strdup (soup_server_message_get_method (msg));
  g_free (gw->path);
  gw->path = g_strdup (path);
  g_free (gw->authorization);
  gw->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (gw->content_type);
  gw->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_clear_pointer (&gw->form, g_hash_table_unref);
  gw->form = soup_form_decode (text);
  reply = gw->reply;
  g_cond_broadcast (&gw->cond);
  g_mutex_unlock (&gw->lock);

  if (reply == REPLY_DROP || reply == REPLY_HANG)
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      if (reply == REPLY_DROP)
        {
          g_io_stream_close (stream, NULL, NULL);
          g_object_unref (stream);
        }
      else
        g_ptr_array_add (gw->held, stream);
      return;
    }

  /* As Twilio: the credentials first, then the resource. */
  if (!authorized (gw->authorization))
    respond (msg, 401, unauthorized_json);
  else if (g_strcmp0 (path, ACCOUNT_PATH) == 0 && g_strcmp0 (gw->method, "GET") == 0)
    respond (msg, 200, "{\"sid\": \"" SID "\", \"friendly_name\": \"Acme\", \"status\": \"active\", "
                       "\"type\": \"Full\", \"uri\": \"" ACCOUNT_PATH "\"}");
  else if (g_strcmp0 (path, MESSAGES_PATH) != 0)
    respond (msg, 404, "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}");
  else if (reply == REPLY_CREATED)
    respond (msg, 201, created_json);
  else if (reply == REPLY_INVALID_TO)
    respond (msg, 400, invalid_to_json);
  else if (reply == REPLY_UNSUBSCRIBED)
    respond (msg, 400, unsubscribed_json);
  else if (reply == REPLY_PERMISSION)
    respond (msg, 400, permission_json);
  else if (reply == REPLY_TOO_MANY)
    {
      respond (msg, 429, too_many_json);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "7");
    }
  else if (reply == REPLY_SERVER_ERROR)
    respond (msg, 500, server_error_json);
  else if (reply == REPLY_ECHO_TOKEN)
    respond (msg, 400, "{\"code\": 21604, \"message\": \"Body required; you sent auth " TOKEN "\", \"status\": 400}");
  else if (reply == REPLY_REDIRECT)
    {
      soup_server_message_set_redirect (msg, 303, "/elsewhere");
    }
}

static gpointer
gateway_thread (gpointer data)
{
  Gateway *gw = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (gw->context);
  gw->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (gw->server, NULL, handler, gw, NULL);
  soup_server_listen_local (gw->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (gw->server);

  g_mutex_lock (&gw->lock);
  gw->port = (guint) g_uri_get_port (uris->data);
  g_cond_broadcast (&gw->cond);
  g_mutex_unlock (&gw->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (gw->loop);

  g_ptr_array_set_size (gw->held, 0);
  soup_server_disconnect (gw->server);
  g_clear_object (&gw->server);
  while (g_main_context_iteration (gw->context, FALSE))
    ;
  g_main_context_pop_thread_default (gw->context);
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  Gateway *gw = &f->gateway;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&gw->lock);
  g_cond_init (&gw->cond);
  gw->context = g_main_context_new ();
  gw->loop = g_main_loop_new (gw->context, FALSE);
  gw->held = g_ptr_array_new_with_free_func (g_object_unref);
  gw->thread = g_thread_new ("gateway", gateway_thread, gw);

  g_mutex_lock (&gw->lock);
  while (gw->port == 0)
    g_cond_wait (&gw->cond, &gw->lock);
  g_mutex_unlock (&gw->lock);

  f->url = g_strdup_printf ("http://127.0.0.1:%u", gw->port);
  f->client = od_sms_client_new (f->url, SID, TOKEN, data != NULL ? data : FROM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->client);
  od_sms_client_set_timeout (f->client, 5);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  Gateway *gw = &f->gateway;

  g_clear_object (&f->client);
  g_main_context_invoke (gw->context, quit_cb, gw->loop);
  g_thread_join (gw->thread);
  g_main_loop_unref (gw->loop);
  g_main_context_unref (gw->context);
  g_ptr_array_unref (gw->held);
  g_free (gw->method);
  g_free (gw->path);
  g_free (gw->authorization);
  g_free (gw->content_type);
  g_clear_pointer (&gw->form, g_hash_table_unref);
  g_mutex_clear (&gw->lock);
  g_cond_clear (&gw->cond);
  g_free (f->url);
}

static void
set_reply (Fixture *f,
           Reply    reply)
{
  g_mutex_lock (&f->gateway.lock);
  f->gateway.reply = reply;
  g_mutex_unlock (&f->gateway.lock);
}

static guint
requests (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->gateway.lock);
  n = f->gateway.requests;
  g_mutex_unlock (&f->gateway.lock);
  return n;
}

/* Whatever the outcome, the token is in no message. */
static void
assert_no_secret (const OdSmsResult *result)
{
  g_autofree char *basic = g_base64_encode ((const guchar *) SID ":" TOKEN, strlen (SID ":" TOKEN));

  if (result->error == NULL)
    return;
  g_test_message ("%s: %s", od_sms_outcome_to_string (result->outcome), result->error->message);
  if (strstr (result->error->message, TOKEN) != NULL || strstr (result->error->message, basic) != NULL)
    g_error ("the token leaked into “%s”", result->error->message);
}

static OdSmsResult *
send_sync (Fixture    *f,
           const char *to,
           const char *body)
{
  OdSmsResult *result = od_sms_client_send (f->client, to, body, NULL);

  g_assert_nonnull (result);
  assert_no_secret (result);
  return result;
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  OdSmsResult **out = user_data;

  *out = od_sms_client_send_finish (OD_SMS_CLIENT (object), res);
}

static OdSmsResult *
send_async (Fixture      *f,
            const char   *to,
            const char   *body,
            GCancellable *cancellable)
{
  OdSmsResult *result = NULL;

  od_sms_client_send_async (f->client, to, body, cancellable, send_done_cb, &result);
  /* The main loop turns while the message is on its way. */
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_no_secret (result);
  return result;
}

#define assert_error_mentions(error, needle)                                 \
  G_STMT_START {                                                             \
    if (strstr ((error)->message, (needle)) == NULL)                         \
      g_error ("“%s” does not mention “%s”", (error)->message, (needle));    \
  } G_STMT_END

static void
assert_request (Fixture    *f,
                const char *to,
                const char *body)
{
  Gateway *gw = &f->gateway;
  g_autofree guchar *decoded = NULL;
  gsize n = 0;

  g_assert_cmpstr (gw->method, ==, "POST");
  g_assert_cmpstr (gw->path, ==, MESSAGES_PATH);
  g_assert_cmpstr (gw->content_type, ==, "application/x-www-form-urlencoded");
  g_assert_true (g_str_has_prefix (gw->authorization, "Basic "));
  decoded = g_base64_decode (gw->authorization + 6, &n);
  g_assert_cmpmem (decoded, n, SID ":" TOKEN, strlen (SID ":" TOKEN));
  g_assert_cmpstr (g_hash_table_lookup (gw->form, "To"), ==, to);
  g_assert_cmpstr (g_hash_table_lookup (gw->form, "Body"), ==, body);
}

static void
test_created_sync (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_CREATED);
  result = send_sync (f, "+44 (0)20 7946 0958", "Grüße: €12.50 due & 100% = late?\n\n");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_SENT);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->http_status, ==, 201);
  g_assert_cmpstr (result->message_sid, ==, "SM1f0e8ae6ade43cb3c0ce4525424e404f");
  g_assert_cmpstr (result->gateway_status, ==, "queued");
  g_assert_cmpstr (result->to, ==, "+442079460958");
  g_assert_cmpuint (requests (f), ==, 1);
  assert_request (f, "+442079460958", "Grüße: €12.50 due & 100% = late?\nReply STOP to opt out");
  g_assert_cmpstr (g_hash_table_lookup (f->gateway.form, "From"), ==, FROM);
  g_assert_false (g_hash_table_contains (f->gateway.form, "MessagingServiceSid"));
  g_assert_cmpuint (g_hash_table_size (f->gateway.form), ==, 3);
}

static void
test_created_async_service (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_CREATED);
  result = send_async (f, "+14155550134", "Invoice 42 is overdue.", NULL);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_SENT);
  g_assert_no_error (result->error);
  g_assert_cmpstr (result->message_sid, ==, "SM1f0e8ae6ade43cb3c0ce4525424e404f");
  assert_request (f, "+14155550134", "Invoice 42 is overdue.\nReply STOP to opt out");
  g_assert_cmpstr (g_hash_table_lookup (f->gateway.form, "MessagingServiceSid"), ==, SERVICE);
  g_assert_false (g_hash_table_contains (f->gateway.form, "From"));
}

static void
test_invalid_to (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_INVALID_TO);
  result = send_sync (f, "+442079460958", "Hello");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_INVALID_NUMBER);
  g_assert_cmpuint (result->http_status, ==, 400);
  g_assert_cmpuint (result->gateway_code, ==, 21211);
  g_assert_true (result->recipient_refused);
  g_assert_false (result->opted_out);
  g_assert_null (result->message_sid);
  assert_error_mentions (result->error, "+442079460958");
  assert_error_mentions (result->error, "Invalid 'To' Phone Number");
  assert_error_mentions (result->error, "21211");
}

static void
test_unsubscribed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_UNSUBSCRIBED);
  result = send_async (f, "+442079460958", "Hello", NULL);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_OPTED_OUT);
  g_assert_cmpuint (result->gateway_code, ==, 21610);
  g_assert_true (result->opted_out);
  assert_error_mentions (result->error, "+442079460958");
  assert_error_mentions (result->error, "STOP");
}

static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_PERMISSION);
  result = send_sync (f, "+442079460958", "Hello");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_PERMISSION);
  g_assert_cmpuint (result->gateway_code, ==, 21408);
  g_assert_false (result->opted_out);
  g_assert_false (result->recipient_refused);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdSmsClient) wrong = NULL;
  g_autoptr(OdSmsResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The gateway checks the credentials: a wrong token gets its 401. */
  wrong = od_sms_client_new (f->url, SID, TOKEN "x", FROM, &error);
  g_assert_no_error (error);
  set_reply (f, REPLY_CREATED);
  result = od_sms_client_send (wrong, "+442079460958", "Hello", NULL);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_AUTH_FAILED);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_AUTH);
  g_assert_cmpuint (result->http_status, ==, 401);
  g_assert_cmpuint (result->gateway_code, ==, 20003);
  assert_error_mentions (result->error, "check the account SID and token");
  assert_error_mentions (result->error, SID);
  g_assert_null (strstr (result->error->message, TOKEN));
}

static void
test_too_many (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_TOO_MANY);
  result = send_async (f, "+442079460958", "Hello", NULL);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_TEMPORARY);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_RATE_LIMITED);
  g_assert_cmpuint (result->http_status, ==, 429);
  g_assert_cmpuint (result->gateway_code, ==, 20429);
  g_assert_cmpuint (result->retry_after, ==, 7);
}

static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_SERVER_ERROR);
  result = send_sync (f, "+442079460958", "Hello");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_TEMPORARY);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_SERVER);
  g_assert_cmpuint (result->http_status, ==, 500);
  assert_error_mentions (result->error, "500");
}

static void
test_echoed_token (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  /* A gateway that quotes the token back: it is cut out of the message
   * (assert_no_secret in send_sync checks it). */
  set_reply (f, REPLY_ECHO_TOKEN);
  result = send_sync (f, "+442079460958", "Hello");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_REFUSED);
  assert_error_mentions (result->error, "Body required; you sent auth …");
}

static void
test_redirect_not_followed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_REDIRECT);
  result = send_sync (f, "+442079460958", "Hello");

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_PROTOCOL);
  g_assert_cmpuint (result->http_status, ==, 303);
  g_assert_cmpuint (requests (f), ==, 1);
  g_assert_cmpstr (f->gateway.path, ==, MESSAGES_PATH);
}

static void
test_dropped_after_request (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OdSmsResult) first = NULL;
  g_autoptr(OdSmsResult) sync_result = NULL;
  g_autoptr(OdSmsResult) async_result = NULL;

  /* A message first, so that a kept-alive connection exists that libsoup
   * might be tempted to retry on. */
  set_reply (f, REPLY_CREATED);
  first = send_sync (f, "+442079460958", "First");
  g_assert_cmpint (first->outcome, ==, OD_SMS_OUTCOME_SENT);

  set_reply (f, REPLY_DROP);
  sync_result = send_sync (f, "+442079460958", "Second");
  g_assert_cmpint (sync_result->outcome, ==, OD_SMS_OUTCOME_UNKNOWN);
  g_assert_error (sync_result->error, OD_SMS_ERROR, OD_SMS_ERROR_NO_REPLY);
  g_assert_cmpuint (sync_result->http_status, ==, 0);
  assert_error_mentions (sync_result->error, "+442079460958");
  assert_error_mentions (sync_result->error, "will not be sent again");
  /* Sent once, never repeated. */
  g_assert_cmpuint (requests (f), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (f->gateway.form, "Body"), ==, "Second\nReply STOP to opt out");

  async_result = send_async (f, "+442079460958", "Third", NULL);
  g_assert_cmpint (async_result->outcome, ==, OD_SMS_OUTCOME_UNKNOWN);
  g_assert_error (async_result->error, OD_SMS_ERROR, OD_SMS_ERROR_NO_REPLY);
  g_assert_cmpuint (requests (f), ==, 3);
}

static void
test_no_reply_in_time (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(OdSmsResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  od_sms_client_set_timeout (f->client, 1);
  set_reply (f, REPLY_HANG);
  result = send_async (f, "+442079460958", "Hello", NULL);

  /* The request went out: it may have been taken. */
  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_UNKNOWN);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_NO_REPLY);
  g_assert_cmpuint (requests (f), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSmsClient) client = NULL;
  g_autoptr(OdSmsResult) result = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago and has nobody listening. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = od_sms_client_new (url, SID, TOKEN, FROM, &error);
  g_assert_no_error (error);
  result = od_sms_client_send (client, "+442079460958", "Hello", NULL);
  assert_no_secret (result);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_TEMPORARY);
  g_assert_error (result->error, OD_SMS_ERROR, OD_SMS_ERROR_NETWORK);
  g_assert_cmpuint (result->http_status, ==, 0);
  assert_error_mentions (result->error, url);
}

static void
test_bad_number_not_sent (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(OdSmsResult) sync_result = NULL;
  g_autoptr(OdSmsResult) async_result = NULL;

  set_reply (f, REPLY_CREATED);
  sync_result = send_sync (f, "020 7946 0958", "Hello");
  async_result = send_async (f, "+44 20 7946 0958 ext 4", "Hello", NULL);

  g_assert_cmpint (sync_result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (sync_result->error, OD_SMS_ERROR, OD_SMS_ERROR_INVALID_NUMBER);
  assert_error_mentions (sync_result->error, "020 7946 0958");
  g_assert_true (sync_result->recipient_refused);
  g_assert_null (sync_result->to);
  g_assert_cmpint (async_result->outcome, ==, OD_SMS_OUTCOME_PERMANENT);
  g_assert_error (async_result->error, OD_SMS_ERROR, OD_SMS_ERROR_INVALID_NUMBER);
  g_assert_cmpuint (requests (f), ==, 0);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(OdSmsResult) result = NULL;

  set_reply (f, REPLY_CREATED);
  g_cancellable_cancel (cancellable);
  result = send_async (f, "+442079460958", "Hello", cancellable);

  g_assert_cmpint (result->outcome, ==, OD_SMS_OUTCOME_TEMPORARY);
  g_assert_error (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (requests (f), ==, 0);
}

static void
keep_result_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (res);
}

static void
test_account_check (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSmsClient) wrong = NULL;
  g_autoptr(OdSmsClient) elsewhere = NULL;
  g_autofree char *prefixed = g_strconcat (f->url, "/nothing", NULL);
  GAsyncResult *async_result = NULL;

  g_assert_true (od_sms_client_test (f->client, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->gateway.method, ==, "GET");
  g_assert_cmpstr (f->gateway.path, ==, ACCOUNT_PATH);
  g_assert_true (authorized (f->gateway.authorization));

  od_sms_client_test_async (f->client, NULL, keep_result_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (od_sms_client_test_finish (f->client, async_result, &error));
  g_assert_no_error (error);
  g_clear_object (&async_result);

  wrong = od_sms_client_new (f->url, SID, TOKEN "x", FROM, &error);
  g_assert_no_error (error);
  g_assert_false (od_sms_client_test (wrong, NULL, &error));
  g_assert_error (error, OD_SMS_ERROR, OD_SMS_ERROR_AUTH);
  assert_error_mentions (error, "check the account SID and token");
  g_assert_null (strstr (error->message, TOKEN));
  g_clear_error (&error);

  elsewhere = od_sms_client_new (prefixed, SID, TOKEN, FROM, &error);
  g_assert_no_error (error);
  g_assert_false (od_sms_client_test (elsewhere, NULL, &error));
  g_assert_error (error, OD_SMS_ERROR, OD_SMS_ERROR_SETUP);
  assert_error_mentions (error, "knows no account");
  assert_error_mentions (error, prefixed);
  g_clear_error (&error);

  /* No message was sent by any of this. */
  g_assert_null (f->gateway.form == NULL ? NULL : g_hash_table_lookup (f->gateway.form, "Body"));
}

static void
test_setup (void)
{
  static const struct { const char *url; const char *sid; const char *token; const char *sender; const char *why; } bad[] = {
    { "http://api.example.com", SID, TOKEN, FROM, "must start with https://" },
    { "ftp://127.0.0.1", SID, TOKEN, FROM, "must start with https://" },
    { "https://" SID ":" TOKEN "@api.example.com", SID, TOKEN, FROM, "must not hold a user name or password" },
    { "https://api.example.com/?x=1", SID, TOKEN, FROM, "query" },
    { "not a url", SID, TOKEN, FROM, "“not a url”" },
    { NULL, "", TOKEN, FROM, "account SID" },
    { NULL, "AC/../x", TOKEN, FROM, "“AC/../x”" },
    { NULL, SID, "", FROM, "token is empty" },
    { NULL, SID, TOKEN, "", "no sending number" },
    { NULL, SID, TOKEN, "+0123", "+0123" },
    { NULL, SID, TOKEN, "Way Too Long Name", "Way Too Long Name" },
    { NULL, SID, TOKEN, "Acme!", "Acme!" },
  };
  static const struct { const char *url; const char *sender; const char *base; } good[] = {
    { NULL, FROM, "https://api.twilio.com" },
    { "https://gateway.example.com/twilio/", SERVICE, "https://gateway.example.com/twilio" },
    { "http://localhost:8080", "Acme Ltd", "http://localhost:8080" },
    { "http://[::1]:8080", "+1 555 712 2661", "http://[::1]:8080" },
    { "http://127.0.0.2", FROM, "http://127.0.0.2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OdSmsClient) client = od_sms_client_new (bad[i].url, bad[i].sid, bad[i].token, bad[i].sender, &error);

      g_assert_null (client);
      g_assert_error (error, OD_SMS_ERROR, OD_SMS_ERROR_SETUP);
      assert_error_mentions (error, bad[i].why);
      g_assert_null (strstr (error->message, TOKEN));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OdSmsClient) client = od_sms_client_new (good[i].url, SID, TOKEN, good[i].sender, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (od_sms_client_get_base_url (client), ==, good[i].base);
      g_assert_cmpuint (od_sms_client_get_timeout (client), ==, 30);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, sender) \
  g_test_add ("/od/sms/" path, Fixture, sender, fixture_set_up, func, fixture_tear_down)

  ADD ("created-sync", test_created_sync, NULL);
  ADD ("created-async-service", test_created_async_service, SERVICE);
  ADD ("invalid-to", test_invalid_to, NULL);
  ADD ("unsubscribed", test_unsubscribed, NULL);
  ADD ("permission", test_permission, NULL);
  ADD ("unauthorized", test_unauthorized, NULL);
  ADD ("too-many-requests", test_too_many, NULL);
  ADD ("server-error", test_server_error, NULL);
  ADD ("echoed-token", test_echoed_token, NULL);
  ADD ("redirect-not-followed", test_redirect_not_followed, NULL);
  ADD ("dropped-after-request", test_dropped_after_request, NULL);
  ADD ("no-reply-in-time", test_no_reply_in_time, NULL);
  ADD ("connection-refused", test_connection_refused, NULL);
  ADD ("bad-number-not-sent", test_bad_number_not_sent, NULL);
  ADD ("cancelled", test_cancelled, NULL);
  ADD ("account-check", test_account_check, NULL);
  g_test_add_func ("/od/sms/setup", test_setup);

#undef ADD

  return g_test_run ();
}
