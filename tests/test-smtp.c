/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <string.h>

#include <gmime/gmime.h>

#include "od-mail-message.h"
#include "od-smtp-client.h"
#include "od-test-smtp.h"
#include "od-test-util.h"

#define FROM_NAME  "Lindqvist & Weber Design"
#define FROM_ADDR  "billing@lindqvist-weber.example"
#define TO_NAME    "Jürgen Müller-Öztürk, \"Atelier\""
#define TO_ADDR    "juergen@atelier-mueller.example"
#define SUBJECT    "Zahlungserinnerung: Rechnung RE-2026-0042 ist überfällig — bitte zahlen"
#define TEXT_BODY  "Guten Tag Herr Müller-Öztürk,\n\n" \
                   "die Rechnung RE-2026-0042 über 1.234,56 € ist seit 6 Tagen fällig.\n" \
                   ".Eine Zeile, die mit einem Punkt beginnt.\n" \
                   "From here on a line that mail software likes to mangle.\n\n" \
                   "Mit freundlichen Grüßen\nLindqvist & Weber\n"
#define HTML_BODY  "<!DOCTYPE html><html><body><p>Guten Tag Herr Müller-Öztürk,</p>" \
                   "<p>die Rechnung <b>RE-2026-0042</b> über 1.234,56&nbsp;€ ist fällig.</p>" \
                   "</body></html>\n"

static GBytes *
pdf_bytes (void)
{
  /* A PDF header followed by every byte value: base64 must carry all. */
  GByteArray *array = g_byte_array_new ();
  const char head[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";

  g_byte_array_append (array, (const guint8 *) head, sizeof head - 1);
  for (guint round = 0; round < 40; round++)
    for (guint b = 0; b < 256; b++)
      {
        guint8 byte = (guint8) (b ^ round);
        g_byte_array_append (array, &byte, 1);
      }
  g_byte_array_append (array, (const guint8 *) "\n%%EOF\n", 7);

  return g_byte_array_free_to_bytes (array);
}

static OdMailMessage *
make_message (const char *key,
              const char *to_address,
              GBytes     *pdf)
{
  OdMailMessage *message = od_mail_message_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2026-11-23T09:15:00+01:00", NULL);

  od_mail_message_set_from (message, FROM_NAME, FROM_ADDR);
  od_mail_message_set_to (message, TO_NAME, to_address);
  od_mail_message_set_subject (message, SUBJECT);
  od_mail_message_set_text_body (message, TEXT_BODY);
  od_mail_message_set_html_body (message, HTML_BODY);
  od_mail_message_set_idempotency_key (message, key);
  od_mail_message_set_date (message, date);
  if (pdf != NULL)
    od_mail_message_set_attachment (message, "Zahlungserinnerung RE-2026-0042.pdf", pdf);

  return message;
}

static OdSmtpClient *
client_for (OdTestSmtp *server,
            const char *password)
{
  g_autoptr(OdSmtpAccount) account = od_test_smtp_account (server);
  OdSmtpClient *client = od_smtp_client_new (account, password);

  od_smtp_client_set_timeout (client, 10);
  return client;
}

static GMimeMessage *
parse_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  GMimeStream *stream = g_mime_stream_fs_open (path, O_RDONLY, 0, &error);
  GMimeParser *parser;
  GMimeMessage *message;

  g_assert_no_error (error);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  g_object_unref (parser);
  g_object_unref (stream);

  return message;
}

static char *
unix_lines (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\r\n", "\n", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
assert_mailbox (InternetAddressList *list,
                const char          *name,
                const char          *address)
{
  InternetAddress *first;

  g_assert_cmpint (internet_address_list_length (list), ==, 1);
  first = internet_address_list_get_address (list, 0);
  g_assert_true (INTERNET_ADDRESS_IS_MAILBOX (first));
  g_assert_cmpstr (internet_address_get_name (first), ==, name);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (first)), ==, address);
}

static GBytes *
part_bytes (GMimePart *part)
{
  GMimeStream *stream = g_mime_stream_mem_new ();
  GByteArray *array;
  GBytes *bytes;

  g_mime_data_wrapper_write_to_stream (g_mime_part_get_content (part), stream);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  bytes = g_bytes_new (array->data, array->len);
  g_object_unref (stream);

  return bytes;
}

/* Everything the customer's mail program will show. */
static void
assert_received (const char *path,
                 const char *key,
                 const char *to_address,
                 GBytes     *pdf)
{
  g_autoptr(OdMailMessage) sent = make_message (key, to_address, NULL);
  g_autofree char *message_id = od_mail_message_dup_message_id (sent);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GBytes) attached = NULL;
  GMimeMessage *message = parse_file (path);
  GMimeObject *body = g_mime_message_get_mime_part (message);
  GMimeMultipart *alternative;
  GMimeObject *part;
  gsize length;
  char *end;

  /* The headers travel as 7-bit ASCII: names and subject RFC 2047-encoded. */
  g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
  end = strstr (raw, "\r\n\r\n");
  g_assert_nonnull (end);
  *end = '\0';
  g_assert_true (g_str_is_ascii (raw));
  g_assert_nonnull (strstr (raw, "=?"));
  g_assert_null (strstr (raw, "Bcc"));

  assert_mailbox (g_mime_message_get_from (message), FROM_NAME, FROM_ADDR);
  assert_mailbox (g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO), TO_NAME, to_address);
  assert_mailbox (g_mime_message_get_reply_to (message), FROM_NAME, FROM_ADDR);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, SUBJECT);
  g_assert_cmpstr (g_mime_message_get_message_id (message), ==, message_id);
  g_assert_nonnull (g_mime_message_get_date (message));

  if (pdf != NULL)
    {
      GMimeMultipart *mixed;

      g_assert_true (GMIME_IS_MULTIPART (body));
      g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (body), "multipart", "mixed"));
      mixed = GMIME_MULTIPART (body);
      g_assert_cmpint (g_mime_multipart_get_count (mixed), ==, 2);
      body = g_mime_multipart_get_part (mixed, 0);

      part = g_mime_multipart_get_part (mixed, 1);
      g_assert_true (GMIME_IS_PART (part));
      g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (part), "application", "pdf"));
      g_assert_cmpint (g_mime_part_get_content_encoding (GMIME_PART (part)), ==, GMIME_CONTENT_ENCODING_BASE64);
      g_assert_cmpstr (g_mime_part_get_filename (GMIME_PART (part)), ==, "Zahlungserinnerung RE-2026-0042.pdf");
      g_assert_true (g_mime_part_is_attachment (GMIME_PART (part)));
      attached = part_bytes (GMIME_PART (part));
      g_assert_true (g_bytes_equal (attached, pdf));
    }

  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (body), "multipart", "alternative"));
  alternative = GMIME_MULTIPART (body);
  g_assert_cmpint (g_mime_multipart_get_count (alternative), ==, 2);

  part = g_mime_multipart_get_part (alternative, 0);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (part), "text", "plain"));
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  g_assert_cmpstr (unix_lines (text), ==, TEXT_BODY);

  part = g_mime_multipart_get_part (alternative, 1);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (part), "text", "html"));
  html = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  g_assert_cmpstr (unix_lines (html), ==, HTML_BODY);

  g_object_unref (message);
}

static void
assert_never_auth_in_clear (OdTestSmtp *server)
{
  g_autofree char *events = od_test_smtp_read_events (server);

  g_assert_null (strstr (events, "tls=no"));
}

static void
test_compose (void)
{
  g_autoptr(GBytes) pdf = pdf_bytes ();
  g_autoptr(OdMailMessage) a = make_message ("invoice:42/step:first/repeat:0/email", TO_ADDR, pdf);
  g_autoptr(OdMailMessage) b = make_message ("invoice:42/step:first/repeat:0/email", TO_ADDR, NULL);
  g_autoptr(OdMailMessage) c = make_message ("invoice:42/step:first/repeat:1/email", TO_ADDR, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_a = od_mail_message_dup_message_id (a);
  g_autofree char *id_b = od_mail_message_dup_message_id (b);
  g_autofree char *id_c = od_mail_message_dup_message_id (c);
  const char *evil[] = {
    "Jürgen\r\nBcc: x@evil.example",
    "Jürgen\nBcc: x@evil.example",
    "Jürgen\rBcc: x@evil.example",
    "tab\there",
    "nul-free but \x7f",
    "line\xe2\x80\xa8separator",
  };

  /* The same key gives the same Message-ID, another key another one. */
  g_assert_cmpstr (id_a, ==, id_b);
  g_assert_cmpstr (id_a, !=, id_c);
  g_assert_true (g_str_has_suffix (id_a, "@lindqvist-weber.example"));
  g_assert_cmpuint (strlen (id_a), ==, 32 + strlen ("@lindqvist-weber.example"));

  bytes = od_mail_message_to_bytes (a, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_is_ascii (g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))));

  for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
    {
      g_autoptr(OdMailMessage) m = make_message ("k", TO_ADDR, NULL);
      g_autoptr(GBytes) none = NULL;

      od_mail_message_set_to (m, evil[i], TO_ADDR);
      none = od_mail_message_to_bytes (m, &error);
      g_assert_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER);
      g_assert_nonnull (strstr (error->message, "recipient name"));
      g_assert_null (none);
      g_clear_error (&error);

      od_mail_message_set_to (m, NULL, TO_ADDR);
      od_mail_message_set_subject (m, evil[i]);
      g_assert_false (od_mail_message_validate (m, &error));
      g_assert_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER);
      g_assert_nonnull (strstr (error->message, "subject"));
      g_clear_error (&error);
    }

  {
    const char *bad_addresses[] = {
      "juergen@example.com\r\nBcc: x@evil.example", "no-at-sign", "a@b@", "two words@example.com",
      "<juergen@example.com>", ".dot@example.com", "a..b@example.com", "juergen@-bad.example", "",
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad_addresses); i++)
      {
        g_autoptr(OdMailMessage) m = make_message ("k", bad_addresses[i], NULL);

        g_assert_false (od_mail_message_validate (m, &error));
        g_assert_true (error->domain == OD_MAIL_ERROR);
        g_clear_error (&error);
      }
  }

  /* An internationalised domain goes out in its ASCII form. */
  {
    g_autoptr(OdMailMessage) m = make_message ("k", "kunde@müller.example", NULL);

    g_assert_true (od_mail_message_validate (m, &error));
    g_assert_cmpstr (od_mail_message_get_to_address (m), ==, "kunde@xn--mller-kva.example");
  }
}

static void
test_send_starttls (void)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start (NULL);
  g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
  g_autoptr(GBytes) pdf = pdf_bytes ();
  g_autoptr(OdMailMessage) message = make_message ("invoice:42/step:first/repeat:0/email", TO_ADDR, pdf);
  g_autoptr(OdSmtpResult) result = od_smtp_client_send (client, message, NULL);
  g_autoptr(GPtrArray) received = NULL;

  g_assert_no_error (result->error);
  g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_SENT);
  g_assert_cmpuint (result->reply_code, ==, 250);

  received = od_test_smtp_messages (server);
  g_assert_cmpuint (received->len, ==, 1);
  assert_received (g_ptr_array_index (received, 0), "invoice:42/step:first/repeat:0/email", TO_ADDR, pdf);
  g_assert_cmpuint (od_test_smtp_count_events (server, "auth PLAIN tls=yes ok"), ==, 1);
  assert_never_auth_in_clear (server);
}

static void
test_send_implicit_tls (void)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start ("--implicit-tls", NULL);
  g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
  g_autoptr(OdMailMessage) message = make_message ("invoice:7/step:final/repeat:0/email", TO_ADDR, NULL);
  g_autoptr(OdSmtpResult) result = od_smtp_client_send (client, message, NULL);
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_error (result->error);
  g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_SENT);
  received = od_test_smtp_messages (server);
  g_assert_cmpuint (received->len, ==, 1);
  assert_received (g_ptr_array_index (received, 0), "invoice:7/step:final/repeat:0/email", TO_ADDR, NULL);

  g_assert_true (od_smtp_client_test (client, NULL, &error));
  g_assert_no_error (error);
  assert_never_auth_in_clear (server);
}

static void
on_batch_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **out = user_data;

  *out = od_smtp_client_send_batch_finish (OD_SMTP_CLIENT (source), result);
}

static void
test_batch (void)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start (NULL);
  g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GBytes) pdf = pdf_bytes ();

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *key = g_strdup_printf ("invoice:%u/step:first/repeat:0/email", 100 + i);
      g_autofree char *to = g_strdup_printf ("kunde%u@example.com", i);

      g_ptr_array_add (messages, make_message (key, to, i % 2 == 0 ? pdf : NULL));
    }

  od_smtp_client_send_batch_async (client, messages, NULL, on_batch_sent, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      OdSmtpResult *result = g_ptr_array_index (results, i);

      g_assert_no_error (result->error);
      g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_SENT);
    }

  received = od_test_smtp_messages (server);
  g_assert_cmpuint (received->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *key = g_strdup_printf ("invoice:%u/step:first/repeat:0/email", 100 + i);
      g_autofree char *to = g_strdup_printf ("kunde%u@example.com", i);

      assert_received (g_ptr_array_index (received, i), key, to, i % 2 == 0 ? pdf : NULL);
    }

  /* One connection, one login for all twenty. */
  g_assert_cmpuint (od_test_smtp_count_events (server, "connect"), ==, 1);
  g_assert_cmpuint (od_test_smtp_count_events (server, "auth"), ==, 1);

  /* The next call reuses it too; after disconnect, a new one. */
  {
    g_autoptr(OdSmtpResult) again = od_smtp_client_send (client, g_ptr_array_index (messages, 0), NULL);

    g_assert_cmpint (again->outcome, ==, OD_SMTP_OUTCOME_SENT);
    g_assert_cmpuint (od_test_smtp_count_events (server, "connect"), ==, 1);
  }
  od_smtp_client_disconnect (client);
  {
    g_autoptr(OdSmtpResult) again = od_smtp_client_send (client, g_ptr_array_index (messages, 1), NULL);

    g_assert_cmpint (again->outcome, ==, OD_SMTP_OUTCOME_SENT);
    g_assert_cmpuint (od_test_smtp_count_events (server, "connect"), ==, 2);
  }
}

typedef struct
{
  const char    *option;
  const char    *value;
  OdSmtpOutcome  outcome;
  OdSmtpError    code;
  gboolean       recipient_refused;
  guint          reply_code;
  guint          n_received;
} Failure;

static void
test_failures (void)
{
  static const Failure failures[] = {
    { "--fail-rcpt", "550", OD_SMTP_OUTCOME_PERMANENT, OD_SMTP_ERROR_RECIPIENT_REFUSED, TRUE, 550, 0 },
    { "--fail-rcpt", "450", OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_RECIPIENT_REFUSED, FALSE, 450, 0 },
    { "--fail-rcpt", "421", OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_RECIPIENT_REFUSED, FALSE, 421, 0 },
    { "--fail-mail", "550", OD_SMTP_OUTCOME_PERMANENT, OD_SMTP_ERROR_SENDER_REFUSED, FALSE, 550, 0 },
    { "--fail-mail", "451", OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_SENDER_REFUSED, FALSE, 451, 0 },
    { "--fail-data", "554", OD_SMTP_OUTCOME_PERMANENT, OD_SMTP_ERROR_MESSAGE_REFUSED, FALSE, 554, 0 },
    { "--fail-data", "451", OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_MESSAGE_REFUSED, FALSE, 451, 0 },
    { "--drop-after-data", NULL, OD_SMTP_OUTCOME_UNKNOWN, OD_SMTP_ERROR_CONNECTION_LOST, FALSE, 0, 1 },
    { "--no-starttls", NULL, OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_STARTTLS, FALSE, 0, 0 },
    { "--wrong-cert", NULL, OD_SMTP_OUTCOME_TEMPORARY, OD_SMTP_ERROR_CERTIFICATE, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      const Failure *f = &failures[i];
      g_autoptr(OdTestSmtp) server = od_test_smtp_start (f->option, f->value, NULL);
      g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
      g_autoptr(OdMailMessage) message = make_message ("invoice:1/step:first/repeat:0/email", TO_ADDR, NULL);
      g_autoptr(OdSmtpResult) result = od_smtp_client_send (client, message, NULL);
      g_autoptr(GPtrArray) received = od_test_smtp_messages (server);

      g_test_message ("%s %s: %s", f->option, f->value != NULL ? f->value : "",
                      result->error != NULL ? result->error->message : "sent");
      g_assert_error (result->error, OD_SMTP_ERROR, (gint) f->code);
      g_assert_cmpint (result->outcome, ==, f->outcome);
      g_assert_cmpint (result->recipient_refused, ==, f->recipient_refused);
      if (f->reply_code != 0)
        {
          g_autofree char *code = g_strdup_printf ("%u", f->reply_code);

          g_assert_cmpuint (result->reply_code, ==, f->reply_code);
          g_assert_nonnull (strstr (result->error->message, code));
        }
      g_assert_cmpuint (received->len, ==, f->n_received);
      assert_never_auth_in_clear (server);
      /* The password is in no message. */
      g_assert_null (strstr (result->error->message, OD_TEST_SMTP_PASSWORD));
    }
}

static void
test_no_starttls (void)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start ("--no-starttls", NULL);
  g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
  g_autoptr(GError) error = NULL;

  /* The server offers AUTH in clear; the client never takes it. */
  g_assert_false (od_smtp_client_test (client, NULL, &error));
  g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_STARTTLS);
  g_assert_cmpuint (od_test_smtp_count_events (server, "connect"), ==, 1);
  g_assert_cmpuint (od_test_smtp_count_events (server, "auth"), ==, 0);
}

static void
test_certificates (void)
{
  g_autoptr(GError) error = NULL;

  /* Signed by the test CA, but for another host name. */
  {
    g_autoptr(OdTestSmtp) server = od_test_smtp_start ("--wrong-cert", NULL);
    g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);

    g_assert_false (od_smtp_client_test (client, NULL, &error));
    g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_CERTIFICATE);
    g_assert_cmpuint (od_test_smtp_count_events (server, "auth"), ==, 0);
    g_clear_error (&error);
  }

  /* The right name, but the system's authorities do not know the CA. */
  {
    g_autoptr(OdTestSmtp) server = od_test_smtp_start ("--implicit-tls", NULL);
    g_autoptr(OdSmtpAccount) account = od_test_smtp_account (server);
    g_autoptr(OdSmtpClient) client = NULL;

    g_clear_pointer (&account->ca_file, g_free);
    client = od_smtp_client_new (account, OD_TEST_SMTP_PASSWORD);
    od_smtp_client_set_timeout (client, 10);
    g_assert_false (od_smtp_client_test (client, NULL, &error));
    g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_CERTIFICATE);
    g_assert_cmpuint (od_test_smtp_count_events (server, "auth"), ==, 0);
    g_clear_error (&error);
  }

  /* TLS from the first byte against a server that expects STARTTLS. */
  {
    g_autoptr(OdTestSmtp) server = od_test_smtp_start (NULL);
    g_autoptr(OdSmtpAccount) account = od_test_smtp_account (server);
    g_autoptr(OdSmtpClient) client = NULL;

    account->security = OD_SMTP_SECURITY_TLS;
    client = od_smtp_client_new (account, OD_TEST_SMTP_PASSWORD);
    od_smtp_client_set_timeout (client, 10);
    g_assert_false (od_smtp_client_test (client, NULL, &error));
    g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_TLS);
    g_clear_error (&error);
  }
}

static void
test_login (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdTestSmtp) server = od_test_smtp_start (NULL);

  /* The right password. */
  {
    g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);

    g_assert_true (od_smtp_client_test (client, NULL, &error));
    g_assert_no_error (error);
  }

  /* A refused login answers at once (535), it does not time out. */
  {
    g_autoptr(OdSmtpClient) client = client_for (server, "wrong password");
    g_autoptr(OdMailMessage) message = make_message ("k", TO_ADDR, NULL);
    g_autoptr(OdSmtpResult) result = NULL;
    gint64 start = g_get_monotonic_time ();

    g_assert_false (od_smtp_client_test (client, NULL, &error));
    g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_AUTH);
    g_assert_nonnull (strstr (error->message, "535"));
    g_assert_null (strstr (error->message, "wrong password"));
    g_clear_error (&error);

    result = od_smtp_client_send (client, message, NULL);
    g_assert_error (result->error, OD_SMTP_ERROR, OD_SMTP_ERROR_AUTH);
    g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_TEMPORARY);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
  g_assert_cmpuint (od_test_smtp_count_events (server, "auth PLAIN tls=yes fail"), ==, 2);
  g_assert_cmpuint (od_test_smtp_count_events (server, "message"), ==, 0);
  assert_never_auth_in_clear (server);

  /* A server that offers no login at all. */
  {
    g_autoptr(OdTestSmtp) plain = od_test_smtp_start ("--no-auth", NULL);
    g_autoptr(OdSmtpClient) client = client_for (plain, OD_TEST_SMTP_PASSWORD);

    g_assert_false (od_smtp_client_test (client, NULL, &error));
    g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_AUTH_UNAVAILABLE);
    g_clear_error (&error);
  }
}

static void
test_connect_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(OdSmtpAccount) account = NULL;
  g_autoptr(OdSmtpClient) client = NULL;
  guint16 port;

  /* A port nobody listens on: bind one, read its number, close it. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  g_socket_close (socket, NULL);

  account = od_smtp_account_new ("127.0.0.1", port, OD_SMTP_SECURITY_STARTTLS,
                                 OD_TEST_SMTP_USER, FROM_ADDR, NULL);
  client = od_smtp_client_new (account, OD_TEST_SMTP_PASSWORD);
  od_smtp_client_set_timeout (client, 10);
  g_assert_false (od_smtp_client_test (client, NULL, &error));
  g_assert_error (error, OD_SMTP_ERROR, OD_SMTP_ERROR_CONNECT);
  g_clear_error (&error);
  g_clear_object (&client);

  /* .invalid never resolves (RFC 6761). */
  g_free (account->host);
  account->host = g_strdup ("mail.overdue-test.invalid");
  client = od_smtp_client_new (account, OD_TEST_SMTP_PASSWORD);
  od_smtp_client_set_timeout (client, 10);
  {
    g_autoptr(OdMailMessage) message = make_message ("k", TO_ADDR, NULL);
    g_autoptr(GPtrArray) messages = g_ptr_array_new ();
    g_autoptr(GPtrArray) results = NULL;

    /* The batch stops at the first: the second is not tried. */
    g_ptr_array_add (messages, message);
    g_ptr_array_add (messages, message);
    results = od_smtp_client_send_batch (client, messages, NULL);
    for (guint i = 0; i < 2; i++)
      {
        OdSmtpResult *result = g_ptr_array_index (results, i);

        g_assert_error (result->error, OD_SMTP_ERROR, OD_SMTP_ERROR_DNS);
        g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_TEMPORARY);
        g_assert_nonnull (strstr (result->error->message, "mail.overdue-test.invalid"));
      }
  }
}

static void
test_refused_before_sending (void)
{
  g_autoptr(OdTestSmtp) server = od_test_smtp_start ("--reject-rcpt", "gone@example.com=550", NULL);
  g_autoptr(OdSmtpClient) client = client_for (server, OD_TEST_SMTP_PASSWORD);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OdMailMessage *evil;

  g_ptr_array_add (messages, make_message ("a", TO_ADDR, NULL));
  g_ptr_array_add (messages, make_message ("b", "gone@example.com", NULL));
  evil = make_message ("c", TO_ADDR, NULL);
  od_mail_message_set_to (evil, "Mallory\r\nBcc: x@evil.example", TO_ADDR);
  g_ptr_array_add (messages, evil);
  g_ptr_array_add (messages, make_message ("d", TO_ADDR, NULL));

  /* One refused address or one broken message does not stop a batch. */
  results = od_smtp_client_send_batch (client, messages, NULL);
  g_assert_cmpint (((OdSmtpResult *) results->pdata[0])->outcome, ==, OD_SMTP_OUTCOME_SENT);
  g_assert_cmpint (((OdSmtpResult *) results->pdata[1])->outcome, ==, OD_SMTP_OUTCOME_PERMANENT);
  g_assert_true (((OdSmtpResult *) results->pdata[1])->recipient_refused);
  g_assert_cmpint (((OdSmtpResult *) results->pdata[2])->outcome, ==, OD_SMTP_OUTCOME_PERMANENT);
  g_assert_error (((OdSmtpResult *) results->pdata[2])->error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER);
  g_assert_cmpint (((OdSmtpResult *) results->pdata[3])->outcome, ==, OD_SMTP_OUTCOME_SENT);
  g_assert_cmpuint (od_test_smtp_count_events (server, "message"), ==, 2);

  /* Cancelled before it starts: nothing goes out, and it may be retried. */
  g_cancellable_cancel (cancellable);
  {
    g_autoptr(OdSmtpResult) result = od_smtp_client_send (client, messages->pdata[0], cancellable);

    g_assert_error (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpint (result->outcome, ==, OD_SMTP_OUTCOME_TEMPORARY);
  }
  g_assert_cmpuint (od_test_smtp_count_events (server, "message"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/od/smtp/compose", test_compose);
  g_test_add_func ("/od/smtp/send-starttls", test_send_starttls);
  g_test_add_func ("/od/smtp/send-implicit-tls", test_send_implicit_tls);
  g_test_add_func ("/od/smtp/batch", test_batch);
  g_test_add_func ("/od/smtp/failures", test_failures);
  g_test_add_func ("/od/smtp/no-starttls", test_no_starttls);
  g_test_add_func ("/od/smtp/certificates", test_certificates);
  g_test_add_func ("/od/smtp/login", test_login);
  g_test_add_func ("/od/smtp/connect-errors", test_connect_errors);
  g_test_add_func ("/od/smtp/refused-before-sending", test_refused_before_sending);

  return g_test_run ();
}
