/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-prefs-account-group.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_ACCOUNTS_PAGE (od_prefs_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsAccountsPage, od_prefs_accounts_page, OD, PREFS_ACCOUNTS_PAGE, AdwPreferencesPage)

/* The mail and the SMS account (OdPrefsAccountGroup each). */
OdPrefsAccountsPage *od_prefs_accounts_page_new       (OdContext           *context);
OdPrefsAccountGroup *od_prefs_accounts_page_get_group (OdPrefsAccountsPage *self,
                                                       OdSecretKind         kind);

G_END_DECLS
