/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-account.h"
#include "od-secrets.h"
#include "od-store.h"

G_BEGIN_DECLS

/* An account as the Accounts page tests and saves it. */
typedef struct
{
  OdSecretKind   kind;
  OdSmtpAccount *smtp;        /* OD_SECRET_KIND_SMTP */
  OdSmsAccount  *sms;         /* OD_SECRET_KIND_SMS */
  char          *host;        /* where the keyring files the secret */
  char          *user;
  char          *secret;      /* typed, or NULL to keep the keyring's */
  OdStore       *store;       /* set by od_prefs_account_save_async() */
  OdSecrets     *secrets;
} OdPrefsAccountDraft;

/* Wipes the secret. */
void     od_prefs_account_draft_free  (OdPrefsAccountDraft *draft);

/* Saves @draft (taken) in a worker thread. */
void     od_prefs_account_save_async  (OdStore             *store,
                                       OdSecrets           *secrets,
                                       OdPrefsAccountDraft *draft,
                                       gpointer             source_object,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean od_prefs_account_save_finish (GAsyncResult        *result,
                                       GError             **error);

/* How long Test Connection waits on the network, in seconds. */
#define OD_PREFS_ACCOUNT_TEST_TIMEOUT 20

/* Tests @draft (taken) in a worker thread: its typed secret or else the
 * keyring's, then the core's client test. Returns what succeeded, in
 * words; cancelling answers at once. */
void     od_prefs_account_test_async  (OdSecrets           *secrets,
                                       OdPrefsAccountDraft *draft,
                                       gpointer             source_object,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char    *od_prefs_account_test_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
