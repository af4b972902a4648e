/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  OD_SECRET_KIND_SMTP,   /* the mail account's password */
  OD_SECRET_KIND_SMS,    /* the SMS gateway's API token */
} OdSecretKind;

#define OD_TYPE_SECRETS (od_secrets_get_type ())
G_DECLARE_FINAL_TYPE (OdSecrets, od_secrets, OD, SECRETS, GObject)

/*
 * Passwords and API tokens in the system keyring (libsecret: the Secret
 * Service, or the Secret portal inside Flatpak), under a schema named
 * after the application id with the attributes kind ("smtp" or "sms"),
 * host and user. They live nowhere else: not in the database, not in a
 * log, not in an error message.
 *
 * A secret returned by a lookup is freed with od_secrets_free_secret(),
 * which wipes the memory first. A lookup that finds nothing returns NULL
 * without an error.
 */
OdSecrets  *od_secrets_new            (void);

const char *od_secret_kind_to_string  (OdSecretKind          kind);

gboolean    od_secrets_store_sync     (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GError              **error);
char       *od_secrets_lookup_sync    (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GError              **error);
/* TRUE also when there was nothing to remove; FALSE only on error. */
gboolean    od_secrets_clear_sync     (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GError              **error);

void        od_secrets_store_async    (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    od_secrets_store_finish   (OdSecrets            *self,
                                       GAsyncResult         *result,
                                       GError              **error);
void        od_secrets_lookup_async   (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char       *od_secrets_lookup_finish  (OdSecrets            *self,
                                       GAsyncResult         *result,
                                       GError              **error);
void        od_secrets_clear_async    (OdSecrets            *self,
                                       OdSecretKind          kind,
                                       const char           *host,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    od_secrets_clear_finish   (OdSecrets            *self,
                                       GAsyncResult         *result,
                                       GError              **error);

void        od_secrets_free_secret    (char                 *secret);

G_END_DECLS
