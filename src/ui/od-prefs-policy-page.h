/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-policy.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_POLICY_PAGE (od_prefs_policy_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsPolicyPage, od_prefs_policy_page, OD, PREFS_POLICY_PAGE, AdwPreferencesPage)

/*
 * The Collection page: the ledger's collection policy (the default one,
 * or the high-risk one) edited as a draft, its summary written as it
 * changes, the core's validation shown next to the step or field, and
 * saved through the store in a thread.
 */
OdPrefsPolicyPage *od_prefs_policy_page_new        (OdContext         *context);
/* The draft as edited (NULL while loading or when a field cannot make
 * a policy). */
OdPolicy          *od_prefs_policy_page_get_draft  (OdPrefsPolicyPage *self);
/* Whether the policy is loaded and no save is running. */
gboolean           od_prefs_policy_page_is_idle    (OdPrefsPolicyPage *self);

G_END_DECLS
