/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-secrets.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_ACCOUNT_GROUP (od_prefs_account_group_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsAccountGroup, od_prefs_account_group, OD, PREFS_ACCOUNT_GROUP, AdwPreferencesGroup)

/*
 * One account's settings, as `overdue-cli account smtp|sms set` keeps
 * them (OD_SECRET_KIND_SMTP: the mail server; OD_SECRET_KIND_SMS: the SMS
 * gateway): the settings in the ledger, the password or token only in
 * the keyring (OdSecrets). Test Connection tries what the form says, in
 * the background, and can be cancelled.
 */
GtkWidget *od_prefs_account_group_new        (OdContext           *context,
                                              OdSecretKind         kind);
/* Whether a load, a save or a test is running. */
gboolean   od_prefs_account_group_is_busy    (OdPrefsAccountGroup *self);
/* The last outcome shown ("" when none) and whether it was a failure. */
const char *od_prefs_account_group_get_status (OdPrefsAccountGroup *self,
                                               gboolean            *failed);

G_END_DECLS
