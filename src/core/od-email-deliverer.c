/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-email-deliverer.h"
#include "od-outbox.h"
#include "od-pdf.h"
#include "od-smtp-client.h"

struct _OdEmailDeliverer
{
  GObject         parent_instance;

  OdStore        *store;
  OdSmtpAccount  *account;
  OdSecrets      *secrets;

  /* Made at the first message of the pass, then kept. */
  gboolean        ready;
  OdSmtpClient   *client;
  char           *setup_error;   /* why no client could be made */
  char           *business_name;
  char           *business_email;
};

static void od_email_deliverer_deliverer_init (OdDelivererInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdEmailDeliverer, od_email_deliverer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_DELIVERER,
                                                      od_email_deliverer_deliverer_init))

/* The password once per pass, the business's name and address once. */
static void
set_up (OdEmailDeliverer *self,
        GCancellable     *cancellable)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(GError) error = NULL;
  char *password = NULL;

  self->ready = TRUE;

  business = od_store_get_business (self->store, NULL);
  if (business != NULL)
    {
      self->business_name = g_strdup (od_business_get_name (business));
      if (od_business_get_email (business) != NULL &&
          od_mail_address_is_valid (od_business_get_email (business)))
        self->business_email = g_strdup (od_business_get_email (business));
    }

  if (self->account->user != NULL)
    {
      password = od_secrets_lookup_sync (self->secrets, OD_SECRET_KIND_SMTP,
                                         self->account->host, self->account->user,
                                         cancellable, &error);
      if (password == NULL)
        {
          /* The keyring's message names no secret, only what failed. */
          self->setup_error = error != NULL
            ? g_strdup_printf (_("Could not read the mail account's password from the keyring: %s"),
                               error->message)
            : g_strdup_printf (_("The keyring holds no password for %s on %s; "
                                 "set it with “account smtp set”"),
                               self->account->user, self->account->host);
          return;
        }
    }
  self->client = od_smtp_client_new (self->account, password);
  od_secrets_free_secret (password);
}

static GBytes *
render_pdf (OdEmailDeliverer  *self,
            OdOutboxRow       *row,
            char             **filename,
            GError           **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gboolean ok;

  if (row->invoices != NULL && g_strv_length (row->invoices) == 1)
    {
      ok = od_pdf_write_invoice (self->store, row->invoices[0], stream, error);
      /* Translators: the start of an attached PDF's file name, "invoice-2026-0142.pdf" */
      *filename = g_strdup_printf ("%s-%s.pdf", _("invoice"), row->invoices[0]);
    }
  else
    {
      ok = od_pdf_write_statement (self->store, row->customer_ref, NULL, stream, error);
      /* Translators: the start of an attached PDF's file name, "statement-C004.pdf" */
      *filename = g_strdup_printf ("%s-%s.pdf", _("statement"), row->customer_ref);
    }
  if (!ok || !g_output_stream_close (stream, NULL, error))
    {
      g_clear_pointer (filename, g_free);
      return NULL;
    }
  /* A file name is a header value: keep it to safe characters. */
  g_strcanon (*filename, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-_.", '_');
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static OdMailMessage *
compose (OdEmailDeliverer  *self,
         OdOutboxRow       *row,
         GError           **error)
{
  g_autoptr(OdMailMessage) message = od_mail_message_new ();
  g_autofree char *to = od_outbox_payload_get (row->payload, "to");
  g_autofree char *subject = od_outbox_payload_get (row->payload, "subject");
  g_autofree char *text = od_outbox_payload_get (row->payload, "body");
  g_autofree char *html = od_outbox_payload_get (row->payload, "html");
  g_autofree char *filename = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (to == NULL)
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_MISSING,
                   _("Customer %s has no email address"), row->customer_ref);
      return NULL;
    }
  if (html == NULL && text != NULL)
    {
      /* A row queued before messages had an HTML part. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      html = g_strdup_printf ("<!DOCTYPE html>\n<html><body><pre style=\"font-family: sans-serif; "
                              "white-space: pre-wrap\">%s</pre></body></html>\n", escaped);
    }

  od_mail_message_set_from (message, self->business_name, self->account->from_address);
  od_mail_message_set_reply_to (message, self->business_name,
                                self->business_email != NULL ? self->business_email
                                                             : self->account->from_address);
  od_mail_message_set_to (message, row->customer_name, to);
  od_mail_message_set_subject (message, subject);
  od_mail_message_set_text_body (message, text);
  od_mail_message_set_html_body (message, html);
  od_mail_message_set_idempotency_key (message, row->idempotency_key);

  pdf = render_pdf (self, row, &filename, error);
  if (pdf == NULL)
    return NULL;
  od_mail_message_set_attachment (message, filename, pdf);

  if (!od_mail_message_validate (message, error))
    return NULL;
  return g_steal_pointer (&message);
}

static void
flag_address (OdEmailDeliverer *self,
              OdOutboxRow      *row,
              OdSmtpResult     *result,
              OdDelivery       *delivery)
{
  g_autofree char *to = od_outbox_payload_get (row->payload, "to");
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;

  detail = g_strdup_printf (_("The mail server refused %s for good (%u); "
                              "no more email goes there until the address is fixed"),
                            to, result->reply_code);
  if (!od_deliverer_opt_out_customer (self->store, row->customer_id, OD_CHANNEL_EMAIL,
                                      "email-refused", detail, &error))
    {
      g_autofree char *old = delivery->detail;

      delivery->detail = g_strdup_printf (_("%s; the address could not be flagged: %s"),
                                          old, error->message);
    }
}

static void
od_email_deliverer_deliver (OdDeliverer  *deliverer,
                            OdOutboxRow  *row,
                            OdDelivery   *delivery,
                            GCancellable *cancellable)
{
  OdEmailDeliverer *self = OD_EMAIL_DELIVERER (deliverer);
  g_autoptr(OdMailMessage) message = NULL;
  g_autoptr(OdSmtpResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!self->ready)
    set_up (self, cancellable);
  if (self->client == NULL)
    {
      delivery->outcome = OD_DELIVERY_TEMPORARY;
      delivery->detail = g_strdup (self->setup_error);
      return;
    }

  message = compose (self, row, &error);
  if (message == NULL)
    {
      /* Nothing was sent: a missing address or a bad header stays bad. */
      delivery->outcome = g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND) ||
                          error->domain == OD_MAIL_ERROR
                          ? OD_DELIVERY_PERMANENT : OD_DELIVERY_TEMPORARY;
      delivery->detail = g_strdup (error->message);
      return;
    }

  id = od_mail_message_dup_message_id (message);
  delivery->message_id = g_strdup_printf ("<%s>", id);
  result = od_smtp_client_send (self->client, message, cancellable);
  switch (result->outcome)
    {
    case OD_SMTP_OUTCOME_SENT:
      delivery->outcome = OD_DELIVERY_SENT;
      delivery->detail = g_strdup_printf (_("Sent to %s"), od_mail_message_get_to_address (message));
      return;
    case OD_SMTP_OUTCOME_TEMPORARY:
      delivery->outcome = OD_DELIVERY_TEMPORARY;
      break;
    case OD_SMTP_OUTCOME_PERMANENT:
      delivery->outcome = OD_DELIVERY_PERMANENT;
      break;
    case OD_SMTP_OUTCOME_UNKNOWN:
    default:
      delivery->outcome = OD_DELIVERY_UNKNOWN;
      break;
    }
  delivery->detail = g_strdup (result->error != NULL ? result->error->message
                                                     : _("The mail server gave no reason"));
  if (result->outcome == OD_SMTP_OUTCOME_PERMANENT && result->recipient_refused)
    flag_address (self, row, result, delivery);
}

static void
od_email_deliverer_deliverer_init (OdDelivererInterface *iface)
{
  iface->deliver = od_email_deliverer_deliver;
}

static void
od_email_deliverer_dispose (GObject *object)
{
  OdEmailDeliverer *self = OD_EMAIL_DELIVERER (object);

  if (self->client != NULL)
    od_smtp_client_disconnect (self->client);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (od_email_deliverer_parent_class)->dispose (object);
}

static void
od_email_deliverer_finalize (GObject *object)
{
  OdEmailDeliverer *self = OD_EMAIL_DELIVERER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->account, od_smtp_account_free);
  g_free (self->setup_error);
  g_free (self->business_name);
  g_free (self->business_email);

  G_OBJECT_CLASS (od_email_deliverer_parent_class)->finalize (object);
}

static void
od_email_deliverer_class_init (OdEmailDelivererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_email_deliverer_dispose;
  object_class->finalize = od_email_deliverer_finalize;
}

static void
od_email_deliverer_init (OdEmailDeliverer *self)
{
}

OdDeliverer *
od_email_deliverer_new (OdStore             *store,
                        const OdSmtpAccount *account,
                        OdSecrets           *secrets)
{
  OdEmailDeliverer *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (OD_IS_SECRETS (secrets), NULL);

  self = g_object_new (OD_TYPE_EMAIL_DELIVERER, NULL);
  self->store = g_object_ref (store);
  self->account = od_smtp_account_copy (account);
  self->secrets = g_object_ref (secrets);
  return OD_DELIVERER (self);
}
