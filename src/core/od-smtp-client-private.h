/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <curl/curl.h>

#include "od-smtp-client.h"

G_BEGIN_DECLS

/* od-smtp-client-transfer.c: one libcurl transfer on a kept handle, and
 * what its outcome means. The caller holds the client's lock. */
void           _od_smtp_transfer_setup (CURL                *curl,
                                        guint                timeout);
OdSmtpResult  *_od_smtp_transfer_send  (CURL                *curl,
                                        const OdSmtpAccount *account,
                                        const char          *from,
                                        const char          *to,
                                        GBytes              *payload,
                                        GCancellable        *cancellable);
gboolean       _od_smtp_transfer_test  (CURL                *curl,
                                        const OdSmtpAccount *account,
                                        GCancellable        *cancellable,
                                        GError             **error);

G_END_DECLS
