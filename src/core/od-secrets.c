/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "od-secrets.h"

struct _OdSecrets
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (OdSecrets, od_secrets, G_TYPE_OBJECT)

/* Named after the application id, not the development build's, so that
 * a development build finds the same keyring entries. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.overdue.Overdue", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static GHashTable *
attributes_new (OdSecretKind  kind,
                const char   *host,
                const char   *user)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "kind", (gpointer) od_secret_kind_to_string (kind));
  g_hash_table_insert (attributes, (gpointer) "host", (gpointer) host);
  g_hash_table_insert (attributes, (gpointer) "user", (gpointer) (user != NULL ? user : ""));

  return attributes;
}

static char *
label_new (OdSecretKind  kind,
           const char   *host,
           const char   *user)
{
  if (kind == OD_SECRET_KIND_SMS)
    /* Translators: a keyring entry's label; %s are the account SID and the gateway's host */
    return g_strdup_printf (_("Overdue SMS gateway token for %s on %s"), user != NULL ? user : "", host);

  /* Translators: a keyring entry's label; %s are a user name and a mail server */
  return g_strdup_printf (_("Overdue mail password for %s on %s"), user != NULL ? user : "", host);
}

/* libsecret's messages name the service, never the secret; say which
 * keyring operation failed and what to check. */
static void
prefix_error (GError     **error,
              const char  *what)
{
  if (error != NULL && *error != NULL &&
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (error, "%s: ", what);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      prefix_error (&error, _("Could not save the secret in the keyring"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      prefix_error (&error, _("Could not read the secret from the keyring"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      prefix_error (&error, _("Could not remove the secret from the keyring"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
od_secrets_class_init (OdSecretsClass *klass)
{
}

static void
od_secrets_init (OdSecrets *self)
{
}

OdSecrets *
od_secrets_new (void)
{
  return g_object_new (OD_TYPE_SECRETS, NULL);
}

const char *
od_secret_kind_to_string (OdSecretKind kind)
{
  return kind == OD_SECRET_KIND_SMS ? "sms" : "smtp";
}

gboolean
od_secrets_store_sync (OdSecrets     *self,
                       OdSecretKind   kind,
                       const char    *host,
                       const char    *user,
                       const char    *secret,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (OD_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  attributes = attributes_new (kind, host, user);
  label = label_new (kind, host, user);
  ok = secret_password_storev_sync (get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                    label, secret, cancellable, error);
  if (!ok)
    prefix_error (error, _("Could not save the secret in the keyring"));

  return ok;
}

char *
od_secrets_lookup_sync (OdSecrets     *self,
                        OdSecretKind   kind,
                        const char    *host,
                        const char    *user,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  GError *local_error = NULL;
  char *secret;

  g_return_val_if_fail (OD_IS_SECRETS (self), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  attributes = attributes_new (kind, host, user);
  secret = secret_password_lookupv_sync (get_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      prefix_error (&local_error, _("Could not read the secret from the keyring"));
      g_propagate_error (error, local_error);
      return NULL;
    }

  return secret;
}

gboolean
od_secrets_clear_sync (OdSecrets     *self,
                       OdSecretKind   kind,
                       const char    *host,
                       const char    *user,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (OD_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  attributes = attributes_new (kind, host, user);
  secret_password_clearv_sync (get_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      prefix_error (&local_error, _("Could not remove the secret from the keyring"));
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

void
od_secrets_store_async (OdSecrets           *self,
                        OdSecretKind         kind,
                        const char          *host,
                        const char          *user,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (OD_IS_SECRETS (self));
  g_return_if_fail (host != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_secrets_store_async);
  attributes = attributes_new (kind, host, user);
  label = label_new (kind, host, user);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                          label, secret, cancellable, on_stored, task);
}

gboolean
od_secrets_store_finish (OdSecrets     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
od_secrets_lookup_async (OdSecrets           *self,
                         OdSecretKind         kind,
                         const char          *host,
                         const char          *user,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (OD_IS_SECRETS (self));
  g_return_if_fail (host != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_secrets_lookup_async);
  attributes = attributes_new (kind, host, user);
  secret_password_lookupv (get_schema (), attributes, cancellable, on_looked_up, task);
}

char *
od_secrets_lookup_finish (OdSecrets     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
od_secrets_clear_async (OdSecrets           *self,
                        OdSecretKind         kind,
                        const char          *host,
                        const char          *user,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (OD_IS_SECRETS (self));
  g_return_if_fail (host != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, od_secrets_clear_async);
  attributes = attributes_new (kind, host, user);
  secret_password_clearv (get_schema (), attributes, cancellable, on_cleared, task);
}

gboolean
od_secrets_clear_finish (OdSecrets     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
od_secrets_free_secret (char *secret)
{
  secret_password_free (secret);
}
