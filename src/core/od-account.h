/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "od-store.h"

G_BEGIN_DECLS

#define OD_ACCOUNT_ERROR (od_account_error_quark ())

typedef enum
{
  OD_ACCOUNT_ERROR_INVALID,   /* a setting is wrong: the message names it */
} OdAccountError;

GQuark od_account_error_quark (void);

typedef enum
{
  OD_SMTP_SECURITY_STARTTLS,  /* smtp://, STARTTLS required (587) */
  OD_SMTP_SECURITY_TLS,       /* smtps://, TLS from the first byte (465) */
} OdSmtpSecurity;

/*
 * The outgoing mail account's settings: everything but the password,
 * which lives only in the keyring (OdSecrets, kind "smtp", under @host and
 * @user). Kept in the store's settings table under "smtp.*".
 */
typedef struct
{
  char           *host;
  guint16         port;
  OdSmtpSecurity  security;
  char           *user;          /* NULL: no authentication */
  char           *from_address;
  char           *ca_file;       /* NULL: the system's certificate authorities */
} OdSmtpAccount;

/*
 * The SMS gateway's settings (the Twilio Messages API or one that speaks
 * it): the base URL, the account SID (the basic-auth user) and the
 * sending number. The API token lives only in the keyring (kind "sms",
 * under the URL's host and @sid). Kept under "sms.*".
 */
typedef struct
{
  char *url;
  char *sid;
  char *from;                    /* E.164 number or NULL */
} OdSmsAccount;

#define OD_TYPE_SMTP_ACCOUNT (od_smtp_account_get_type ())
#define OD_TYPE_SMS_ACCOUNT (od_sms_account_get_type ())

GType           od_smtp_account_get_type     (void) G_GNUC_CONST;
OdSmtpAccount  *od_smtp_account_new          (const char           *host,
                                              guint16               port,
                                              OdSmtpSecurity        security,
                                              const char           *user,
                                              const char           *from_address,
                                              const char           *ca_file);
OdSmtpAccount  *od_smtp_account_copy         (const OdSmtpAccount  *self);
void            od_smtp_account_free         (OdSmtpAccount        *self);
gboolean        od_smtp_account_validate     (const OdSmtpAccount  *self,
                                              GError              **error);
/* NULL without an error when no account is set up. */
OdSmtpAccount  *od_smtp_account_load         (OdStore              *store,
                                              GError              **error);
gboolean        od_smtp_account_save         (const OdSmtpAccount  *self,
                                              OdStore              *store,
                                              GError              **error);
/* 465 is implicit TLS; every other port STARTTLS. */
OdSmtpSecurity  od_smtp_security_for_port    (guint16               port);
const char     *od_smtp_security_to_string   (OdSmtpSecurity        security);
gboolean        od_smtp_security_from_string (const char           *text,
                                              OdSmtpSecurity       *out);

GType           od_sms_account_get_type      (void) G_GNUC_CONST;
OdSmsAccount   *od_sms_account_new           (const char           *url,
                                              const char           *sid,
                                              const char           *from);
OdSmsAccount   *od_sms_account_copy          (const OdSmsAccount   *self);
void            od_sms_account_free          (OdSmsAccount         *self);
gboolean        od_sms_account_validate      (const OdSmsAccount   *self,
                                              GError              **error);
/* The host the token is filed under in the keyring. */
char           *od_sms_account_dup_host      (const OdSmsAccount   *self);
OdSmsAccount   *od_sms_account_load          (OdStore              *store,
                                              GError              **error);
gboolean        od_sms_account_save          (const OdSmsAccount   *self,
                                              OdStore              *store,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSmtpAccount, od_smtp_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSmsAccount, od_sms_account_free)

G_END_DECLS
