/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-store.h"

G_BEGIN_DECLS

/*
 * The Collection page's reads and writes of the ledger, each in a
 * worker thread: a ladder (the default one, id 0, or
 * OD_STORE_HIGH_RISK_POLICY) with the template names its steps may
 * use, and the ladder saved.
 */
typedef struct
{
  OdPolicy *policy;      /* the stored one, else the shipped one */
  GStrv     templates;   /* template names, sorted, without "instalment" */
} OdPolicyLoaded;

void            od_policy_loaded_free    (OdPolicyLoaded      *loaded);

/* @store NULL: the shipped policy and templates. */
void            od_policy_io_load_async  (gpointer             source_object,
                                          OdStore             *store,
                                          gint64               id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
OdPolicyLoaded *od_policy_io_load_finish (GAsyncResult        *result,
                                          GError             **error);
/* Stores a copy of @policy. */
void            od_policy_io_save_async  (gpointer             source_object,
                                          OdStore             *store,
                                          gint64               id,
                                          OdPolicy            *policy,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean        od_policy_io_save_finish (GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdPolicyLoaded, od_policy_loaded_free)

G_END_DECLS
