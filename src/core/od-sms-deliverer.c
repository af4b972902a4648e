/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "od-outbox.h"
#include "od-sms-client.h"
#include "od-sms-deliverer.h"

struct _OdSmsDeliverer
{
  GObject        parent_instance;

  OdStore       *store;
  OdSmsAccount  *account;
  OdSecrets     *secrets;

  /* Made at the first message of the pass, then kept. */
  gboolean       ready;
  OdSmsClient   *client;
  char          *setup_error;
};

static void od_sms_deliverer_deliverer_init (OdDelivererInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdSmsDeliverer, od_sms_deliverer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OD_TYPE_DELIVERER,
                                                      od_sms_deliverer_deliverer_init))

static void
set_up (OdSmsDeliverer *self,
        GCancellable   *cancellable)
{
  g_autofree char *host = od_sms_account_dup_host (self->account);
  g_autoptr(GError) error = NULL;
  char *token;

  self->ready = TRUE;
  token = od_secrets_lookup_sync (self->secrets, OD_SECRET_KIND_SMS, host, self->account->sid,
                                  cancellable, &error);
  if (token == NULL)
    {
      self->setup_error = error != NULL
        ? g_strdup_printf (_("Could not read the SMS gateway's token from the keyring: %s"),
                           error->message)
        : g_strdup_printf (_("The keyring holds no token for %s on %s; "
                             "set it with “account sms set”"),
                           self->account->sid, host);
      return;
    }
  self->client = od_sms_client_new (self->account->url, self->account->sid, token,
                                    self->account->from, &error);
  od_secrets_free_secret (token);
  if (self->client == NULL)
    self->setup_error = g_strdup (error->message);
}

static void
flag_number (OdSmsDeliverer *self,
             OdOutboxRow    *row,
             OdSmsResult    *result,
             OdDelivery     *delivery)
{
  g_autofree char *to = od_outbox_payload_get (row->payload, "to");
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;

  if (result->opted_out)
    detail = g_strdup_printf (_("The SMS gateway says %s unsubscribed (%u); no more text "
                                "messages go there until the customer opts in again"),
                              to, result->gateway_code);
  else
    detail = g_strdup_printf (_("The SMS gateway refused %s for good (%u); no more text "
                                "messages go there until the number is fixed"),
                              to, result->gateway_code);
  if (!od_deliverer_opt_out_customer (self->store, row->customer_id, OD_CHANNEL_SMS,
                                      result->opted_out ? "sms-opted-out" : "sms-refused",
                                      detail, &error))
    {
      g_autofree char *old = delivery->detail;

      delivery->detail = g_strdup_printf (_("%s; the number could not be flagged: %s"),
                                          old, error->message);
    }
}

static void
od_sms_deliverer_deliver (OdDeliverer  *deliverer,
                          OdOutboxRow  *row,
                          OdDelivery   *delivery,
                          GCancellable *cancellable)
{
  OdSmsDeliverer *self = OD_SMS_DELIVERER (deliverer);
  g_autofree char *to = od_outbox_payload_get (row->payload, "to");
  g_autofree char *text = od_outbox_payload_get (row->payload, "sms");
  g_autoptr(OdSmsResult) result = NULL;

  if (!self->ready)
    set_up (self, cancellable);
  if (self->client == NULL)
    {
      delivery->outcome = OD_DELIVERY_TEMPORARY;
      delivery->detail = g_strdup (self->setup_error);
      return;
    }
  if (to == NULL)
    {
      delivery->outcome = OD_DELIVERY_PERMANENT;
      delivery->detail = g_strdup_printf (_("Customer %s has no mobile number"), row->customer_ref);
      return;
    }
  if (text == NULL)
    text = od_outbox_payload_get (row->payload, "body");

  result = od_sms_client_send (self->client, to, text != NULL ? text : "", cancellable);
  switch (result->outcome)
    {
    case OD_SMS_OUTCOME_SENT:
      delivery->outcome = OD_DELIVERY_SENT;
      delivery->message_id = g_strdup (result->message_sid);
      delivery->detail = g_strdup_printf (_("Sent to %s"), result->to != NULL ? result->to : to);
      return;
    case OD_SMS_OUTCOME_PERMANENT:
      delivery->outcome = OD_DELIVERY_PERMANENT;
      break;
    case OD_SMS_OUTCOME_UNKNOWN:
      delivery->outcome = OD_DELIVERY_UNKNOWN;
      break;
    case OD_SMS_OUTCOME_AUTH_FAILED:   /* every message waits until the account is fixed */
    case OD_SMS_OUTCOME_TEMPORARY:
    default:
      delivery->outcome = OD_DELIVERY_TEMPORARY;
      break;
    }
  delivery->detail = g_strdup (result->error != NULL ? result->error->message
                                                     : _("The SMS gateway gave no reason"));
  if (result->outcome == OD_SMS_OUTCOME_PERMANENT &&
      (result->opted_out || result->recipient_refused))
    flag_number (self, row, result, delivery);
}

static void
od_sms_deliverer_deliverer_init (OdDelivererInterface *iface)
{
  iface->deliver = od_sms_deliverer_deliver;
}

static void
od_sms_deliverer_finalize (GObject *object)
{
  OdSmsDeliverer *self = OD_SMS_DELIVERER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->account, od_sms_account_free);
  g_free (self->setup_error);

  G_OBJECT_CLASS (od_sms_deliverer_parent_class)->finalize (object);
}

static void
od_sms_deliverer_class_init (OdSmsDelivererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = od_sms_deliverer_finalize;
}

static void
od_sms_deliverer_init (OdSmsDeliverer *self)
{
}

OdDeliverer *
od_sms_deliverer_new (OdStore            *store,
                      const OdSmsAccount *account,
                      OdSecrets          *secrets)
{
  OdSmsDeliverer *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (OD_IS_SECRETS (secrets), NULL);

  self = g_object_new (OD_TYPE_SMS_DELIVERER, NULL);
  self->store = g_object_ref (store);
  self->account = od_sms_account_copy (account);
  self->secrets = g_object_ref (secrets);
  return OD_DELIVERER (self);
}
