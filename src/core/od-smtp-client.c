/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <curl/curl.h>
#include <glib/gi18n-lib.h>

#include "od-smtp-client.h"
#include "od-smtp-client-private.h"

struct _OdSmtpClient
{
  GObject parent_instance;

  GMutex lock;              /* held while @curl is in use */
  CURL *curl;               /* kept between calls: its connection is reused */
  OdSmtpAccount *account;
  char *password;
  guint timeout;
};

G_DEFINE_FINAL_TYPE (OdSmtpClient, od_smtp_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-smtp-error-quark, od_smtp_error)

G_DEFINE_BOXED_TYPE (OdSmtpResult, od_smtp_result, od_smtp_result_copy, od_smtp_result_free)

/* One message to submit, composed in the caller's thread so that the
 * worker touches only copies. @result is set when composing failed. */
typedef struct
{
  char *from;
  char *to;
  GBytes *payload;
  OdSmtpResult *result;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->payload, g_bytes_unref);
  g_clear_pointer (&job->result, od_smtp_result_free);
  g_free (job);
}

static Job *
job_new (OdMailMessage *message)
{
  Job *job = g_new0 (Job, 1);
  GError *error = NULL;

  job->payload = od_mail_message_to_bytes (message, &error);
  if (job->payload == NULL)
    {
      job->result = g_new0 (OdSmtpResult, 1);
      job->result->outcome = OD_SMTP_OUTCOME_PERMANENT;
      job->result->error = error;
      return job;
    }

  job->from = g_strdup (od_mail_message_get_from_address (message));
  job->to = g_strdup (od_mail_message_get_to_address (message));

  return job;
}

static void
wipe (char *secret)
{
  if (secret == NULL)
    return;

  for (volatile char *p = secret; *p != '\0'; p++)
    *p = '\0';
  g_free (secret);
}

static CURL *
ensure_curl (OdSmtpClient *self)
{
  OdSmtpAccount *account = self->account;
  g_autofree char *url = NULL;
  const char *scheme = account->security == OD_SMTP_SECURITY_TLS ? "smtps" : "smtp";
  const char *at = strrchr (account->from_address, '@');

  if (self->curl != NULL)
    return self->curl;

  /* The path is the name said in EHLO: the sender's domain. */
  if (strchr (account->host, ':') != NULL)
    url = g_strdup_printf ("%s://[%s]:%u/%s", scheme, account->host, account->port, at + 1);
  else
    url = g_strdup_printf ("%s://%s:%u/%s", scheme, account->host, account->port, at + 1);

  self->curl = curl_easy_init ();
  g_assert (self->curl != NULL);

  curl_easy_setopt (self->curl, CURLOPT_URL, url);
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  /* TLS on every connection, verified, at least TLS 1.2. None of these
   * can be changed from outside. */
  curl_easy_setopt (self->curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (self->curl, CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2);
  if (account->ca_file != NULL)
    curl_easy_setopt (self->curl, CURLOPT_CAINFO, account->ca_file);
  if (account->user != NULL)
    {
      curl_easy_setopt (self->curl, CURLOPT_USERNAME, account->user);
      curl_easy_setopt (self->curl, CURLOPT_PASSWORD, self->password != NULL ? self->password : "");
    }

  _od_smtp_transfer_setup (self->curl, self->timeout);

  return self->curl;
}

static OdSmtpResult *
send_job (OdSmtpClient *self,
          Job          *job,
          GCancellable *cancellable)
{
  if (job->result != NULL)
    return od_smtp_result_copy (job->result);

  return _od_smtp_transfer_send (ensure_curl (self), self->account,
                                 job->from, job->to, job->payload, cancellable);
}

/* After these the next message would fail the same way. */
static gboolean
stops_batch (const OdSmtpResult *result)
{
  const GError *error = result->error;

  if (error == NULL)
    return FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (error->domain != OD_SMTP_ERROR)
    return FALSE;

  switch ((OdSmtpError) error->code)
    {
    case OD_SMTP_ERROR_DNS:
    case OD_SMTP_ERROR_CONNECT:
    case OD_SMTP_ERROR_TIMEOUT:
    case OD_SMTP_ERROR_TLS:
    case OD_SMTP_ERROR_CERTIFICATE:
    case OD_SMTP_ERROR_STARTTLS:
    case OD_SMTP_ERROR_AUTH:
    case OD_SMTP_ERROR_AUTH_UNAVAILABLE:
    case OD_SMTP_ERROR_SENDER_REFUSED:
      return TRUE;
    case OD_SMTP_ERROR_RECIPIENT_REFUSED:
    case OD_SMTP_ERROR_MESSAGE_REFUSED:
    case OD_SMTP_ERROR_CONNECTION_LOST:
    case OD_SMTP_ERROR_PROTOCOL:
    default:
      return FALSE;
    }
}

static GPtrArray *
send_jobs (OdSmtpClient *self,
           GPtrArray    *jobs,
           GCancellable *cancellable)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) od_smtp_result_free);
  OdSmtpResult *stopped = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < jobs->len; i++)
    {
      OdSmtpResult *result;

      if (stopped != NULL)
        {
          result = od_smtp_result_copy (stopped);
          result->outcome = OD_SMTP_OUTCOME_TEMPORARY;
          result->reply_code = 0;
          result->recipient_refused = FALSE;
        }
      else
        {
          result = send_job (self, g_ptr_array_index (jobs, i), cancellable);
          if (stops_batch (result))
            stopped = result;
        }
      g_ptr_array_add (results, result);
    }
  g_mutex_unlock (&self->lock);

  return results;
}

static void
send_batch_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_task_return_pointer (task, send_jobs (source_object, task_data, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (od_smtp_client_test (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
od_smtp_client_finalize (GObject *object)
{
  OdSmtpClient *self = OD_SMTP_CLIENT (object);

  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_clear_pointer (&self->account, od_smtp_account_free);
  g_clear_pointer (&self->password, wipe);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (od_smtp_client_parent_class)->finalize (object);
}

static void
od_smtp_client_class_init (OdSmtpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_smtp_client_finalize;

  /* Once, before any thread uses libcurl; class_init runs once. */
  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
od_smtp_client_init (OdSmtpClient *self)
{
  g_mutex_init (&self->lock);
  self->timeout = 60;
}

OdSmtpResult *
od_smtp_result_copy (const OdSmtpResult *self)
{
  OdSmtpResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->error = self->error != NULL ? g_error_copy (self->error) : NULL;

  return copy;
}

void
od_smtp_result_free (OdSmtpResult *self)
{
  if (self == NULL)
    return;

  g_clear_error (&self->error);
  g_free (self);
}

/**
 * od_smtp_client_new:
 * @account: a valid account (od_smtp_account_validate())
 * @password: (nullable): the password, when the account has a user
 *
 * Returns: (transfer full): a client that has not connected yet
 */
OdSmtpClient *
od_smtp_client_new (const OdSmtpAccount *account,
                    const char          *password)
{
  OdSmtpClient *self;

  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (od_smtp_account_validate (account, NULL), NULL);

  self = g_object_new (OD_TYPE_SMTP_CLIENT, NULL);
  self->account = od_smtp_account_copy (account);
  self->password = g_strdup (password);

  return self;
}

void
od_smtp_client_set_timeout (OdSmtpClient *self,
                            guint         seconds)
{
  g_return_if_fail (OD_IS_SMTP_CLIENT (self));
  g_return_if_fail (seconds > 0);

  g_mutex_lock (&self->lock);
  self->timeout = seconds;
  if (self->curl != NULL)
    _od_smtp_transfer_setup (self->curl, seconds);
  g_mutex_unlock (&self->lock);
}

guint
od_smtp_client_get_timeout (OdSmtpClient *self)
{
  g_return_val_if_fail (OD_IS_SMTP_CLIENT (self), 0);
  return self->timeout;
}

gboolean
od_smtp_client_test (OdSmtpClient  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (OD_IS_SMTP_CLIENT (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = _od_smtp_transfer_test (ensure_curl (self), self->account, cancellable, error);
  g_mutex_unlock (&self->lock);

  return ok;
}

void
od_smtp_client_test_async (OdSmtpClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_SMTP_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_smtp_client_test_async);
  g_task_run_in_thread (task, test_thread);
}

gboolean
od_smtp_client_test_finish (OdSmtpClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

OdSmtpResult *
od_smtp_client_send (OdSmtpClient  *self,
                     OdMailMessage *message,
                     GCancellable  *cancellable)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (OD_IS_SMTP_CLIENT (self), NULL);
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (message), NULL);

  messages = g_ptr_array_new ();
  g_ptr_array_add (messages, message);
  results = od_smtp_client_send_batch (self, messages, cancellable);

  return g_ptr_array_steal_index (results, 0);
}

void
od_smtp_client_send_async (OdSmtpClient        *self,
                           OdMailMessage       *message,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GPtrArray) messages = NULL;

  g_return_if_fail (OD_IS_SMTP_CLIENT (self));
  g_return_if_fail (OD_IS_MAIL_MESSAGE (message));

  messages = g_ptr_array_new ();
  g_ptr_array_add (messages, message);
  od_smtp_client_send_batch_async (self, messages, cancellable, callback, user_data);
}

OdSmtpResult *
od_smtp_client_send_finish (OdSmtpClient *self,
                            GAsyncResult *result)
{
  g_autoptr(GPtrArray) results = od_smtp_client_send_batch_finish (self, result);

  g_return_val_if_fail (results != NULL && results->len == 1, NULL);
  return g_ptr_array_steal_index (results, 0);
}

GPtrArray *
od_smtp_client_send_batch (OdSmtpClient *self,
                           GPtrArray    *messages,
                           GCancellable *cancellable)
{
  g_autoptr(GPtrArray) jobs = NULL;

  g_return_val_if_fail (OD_IS_SMTP_CLIENT (self), NULL);
  g_return_val_if_fail (messages != NULL, NULL);

  jobs = g_ptr_array_new_with_free_func (job_free);
  for (guint i = 0; i < messages->len; i++)
    g_ptr_array_add (jobs, job_new (g_ptr_array_index (messages, i)));

  return send_jobs (self, jobs, cancellable);
}

void
od_smtp_client_send_batch_async (OdSmtpClient        *self,
                                 GPtrArray           *messages,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *jobs;

  g_return_if_fail (OD_IS_SMTP_CLIENT (self));
  g_return_if_fail (messages != NULL);

  jobs = g_ptr_array_new_with_free_func (job_free);
  for (guint i = 0; i < messages->len; i++)
    g_ptr_array_add (jobs, job_new (g_ptr_array_index (messages, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_smtp_client_send_batch_async);
  /* The results say what happened to each message, cancelled or not. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, jobs, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, send_batch_thread);
}

GPtrArray *
od_smtp_client_send_batch_finish (OdSmtpClient *self,
                                  GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

void
od_smtp_client_disconnect (OdSmtpClient *self)
{
  g_return_if_fail (OD_IS_SMTP_CLIENT (self));

  g_mutex_lock (&self->lock);
  /* curl_easy_cleanup says QUIT on a connection that is still open. */
  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_mutex_unlock (&self->lock);
}
