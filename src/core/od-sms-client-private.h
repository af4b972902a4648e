/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "od-sms-client.h"

G_BEGIN_DECLS

/* What reading a reply needs to know of the client. @token is there only
 * to be scrubbed from whatever the gateway says. */
typedef struct
{
  const char *base_url;
  const char *account_sid;
  const char *sender;
  const char *token;
  guint       timeout;
} OdSmsClientInfo;

/* Fills in @result (whose @to is set) from what libsoup returned for
 * @message: @body and @error as send_and_read gave them; @wrote_body
 * says whether the whole request went out. */
void _od_sms_client_classify (const OdSmsClientInfo *info,
                              SoupMessage           *message,
                              gboolean               wrote_body,
                              GBytes                *body,
                              GError                *error,
                              OdSmsResult           *result);

/* Whether the account check's reply accepts the account; @soup_error as
 * libsoup gave it. */
gboolean _od_sms_client_check_account (const OdSmsClientInfo  *info,
                                       SoupMessage            *message,
                                       GError                 *soup_error,
                                       GError                **error);

G_END_DECLS
