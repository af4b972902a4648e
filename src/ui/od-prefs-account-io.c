/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-prefs-account-io.h"
#include "od-sms-client.h"
#include "od-smtp-client.h"

static char *
no_secret_message (OdSecretKind kind)
{
  return g_strdup (kind == OD_SECRET_KIND_SMTP
                   ? _("Type the password: the keyring holds none for this server and user.")
                   : _("Type the auth token: the keyring holds none for this account."));
}

/* Test Connection: the typed secret or else the keyring's, then the
 * core's client test. */
static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdPrefsAccountDraft *draft = task_data;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gboolean ok = FALSE;

  if (draft->secret != NULL)
    secret = g_strdup (draft->secret);
  else
    secret = od_secrets_lookup_sync (draft->secrets, draft->kind, draft->host, draft->user,
                                     cancellable, &error);
  if (secret == NULL && error == NULL)
    error = g_error_new_literal (OD_ACCOUNT_ERROR, OD_ACCOUNT_ERROR_INVALID,
                                 no_secret_message (draft->kind));
  if (secret != NULL && draft->kind == OD_SECRET_KIND_SMTP)
    {
      g_autoptr(OdSmtpClient) client = od_smtp_client_new (draft->smtp, secret);

      od_smtp_client_set_timeout (client, OD_PREFS_ACCOUNT_TEST_TIMEOUT);
      ok = od_smtp_client_test (client, cancellable, &error);
    }
  else if (secret != NULL)
    {
      g_autoptr(OdSmsClient) client = od_sms_client_new (draft->sms->url, draft->sms->sid, secret,
                                                         draft->sms->from, &error);

      if (client != NULL)
        {
          od_sms_client_set_timeout (client, OD_PREFS_ACCOUNT_TEST_TIMEOUT);
          ok = od_sms_client_test (client, cancellable, &error);
        }
    }
  if (secret != NULL)
    od_secrets_free_secret (secret);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (draft->kind == OD_SECRET_KIND_SMTP)
    /* Translators: a mail server, then a user name. */
    g_task_return_pointer (task, g_strdup_printf (_("Connected to %s: the certificate is valid and %s is logged in."),
                                                  draft->smtp->host, draft->user),
                           g_free);
  else
    /* Translators: the SMS gateway's host. */
    g_task_return_pointer (task, g_strdup_printf (_("Connected to %s: the gateway accepted the account SID and the token."),
                                                  draft->host),
                           g_free);
}

/* Saving, in a worker thread, as `overdue-cli account … set` does: the
 * secret to the keyring (a typed one; else the keyring must hold one),
 * the settings to the ledger, and the old account's secret removed when
 * the server or the user changed. */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdPrefsAccountDraft *save = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdSmtpAccount) previous_smtp = NULL;
  g_autoptr(OdSmsAccount) previous_sms = NULL;
  g_autofree char *previous_host = NULL;
  const char *previous_user = NULL;
  gboolean ok;

  if (save->kind == OD_SECRET_KIND_SMTP)
    {
      previous_smtp = od_smtp_account_load (save->store, NULL);
      if (previous_smtp != NULL)
        {
          previous_host = g_strdup (previous_smtp->host);
          previous_user = previous_smtp->user;
        }
    }
  else
    {
      previous_sms = od_sms_account_load (save->store, NULL);
      if (previous_sms != NULL)
        {
          previous_host = od_sms_account_dup_host (previous_sms);
          previous_user = previous_sms->sid;
        }
    }

  if (save->secret != NULL)
    ok = od_secrets_store_sync (save->secrets, save->kind, save->host, save->user, save->secret,
                                cancellable, &error);
  else
    {
      char *kept = od_secrets_lookup_sync (save->secrets, save->kind, save->host, save->user,
                                           cancellable, &error);

      ok = kept != NULL;
      if (kept != NULL)
        od_secrets_free_secret (kept);
      else if (error == NULL)
        error = g_error_new_literal (OD_ACCOUNT_ERROR, OD_ACCOUNT_ERROR_INVALID,
                                     no_secret_message (save->kind));
    }
  if (ok)
    ok = save->kind == OD_SECRET_KIND_SMTP
         ? od_smtp_account_save (save->smtp, save->store, &error)
         : od_sms_account_save (save->sms, save->store, &error);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The secret of an account no longer used does not linger. */
  if (previous_host != NULL &&
      (g_strcmp0 (previous_host, save->host) != 0 || g_strcmp0 (previous_user, save->user) != 0))
    od_secrets_clear_sync (save->secrets, save->kind, previous_host, previous_user, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

void
od_prefs_account_draft_free (OdPrefsAccountDraft *save)
{
  g_clear_object (&save->store);
  g_clear_object (&save->secrets);
  g_clear_pointer (&save->smtp, od_smtp_account_free);
  g_clear_pointer (&save->sms, od_sms_account_free);
  g_free (save->host);
  g_free (save->user);
  if (save->secret != NULL)
    od_secrets_free_secret (save->secret);
  g_free (save);
}

void
od_prefs_account_save_async (OdStore             *store,
                             OdSecrets           *secrets,
                             OdPrefsAccountDraft *draft,
                             gpointer             source_object,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));
  g_return_if_fail (OD_IS_SECRETS (secrets));
  g_return_if_fail (draft != NULL);

  draft->store = g_object_ref (store);
  draft->secrets = g_object_ref (secrets);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_prefs_account_save_async);
  g_task_set_task_data (task, draft, (GDestroyNotify) od_prefs_account_draft_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
od_prefs_account_save_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
od_prefs_account_test_async (OdSecrets           *secrets,
                             OdPrefsAccountDraft *draft,
                             gpointer             source_object,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_SECRETS (secrets));
  g_return_if_fail (draft != NULL);

  draft->secrets = g_object_ref (secrets);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_prefs_account_test_async);
  g_task_set_task_data (task, draft, (GDestroyNotify) od_prefs_account_draft_free);
  /* Cancel answers at once; the network wait ends in the background. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, test_thread);
}

char *
od_prefs_account_test_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
