/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-account.h"
#include "od-mail-message.h"

G_DEFINE_QUARK (od-account-error-quark, od_account_error)

G_DEFINE_BOXED_TYPE (OdSmtpAccount, od_smtp_account,
                     od_smtp_account_copy, od_smtp_account_free)
G_DEFINE_BOXED_TYPE (OdSmsAccount, od_sms_account,
                     od_sms_account_copy, od_sms_account_free)

static gboolean
has_control_or_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

static gboolean
host_is_valid (const char *host)
{
  g_autofree char *ascii = NULL;

  if (host == NULL || *host == '\0' || !g_utf8_validate (host, -1, NULL) ||
      has_control_or_space (host))
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;

  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL)
    return FALSE;
  for (const char *p = ascii; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, OD_ACCOUNT_ERROR, OD_ACCOUNT_ERROR_INVALID, message);
  return FALSE;
}

/* A value fit to quote in a message. */
static const char *
shown (const char *value)
{
  return value != NULL && g_utf8_validate (value, -1, NULL) ? value : "";
}

static char *
get (OdStore     *store,
     const char  *key,
     GError     **error)
{
  return od_store_get_setting (store, key, error);
}

static gboolean
save_settings (OdStore     *store,
               const char **keys,
               const char **values,
               guint        n,
               GError     **error)
{
  if (!od_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!od_store_set_setting (store, keys[i], values[i], error))
      {
        od_store_rollback (store);
        return FALSE;
      }

  return od_store_commit (store, error);
}

OdSmtpAccount *
od_smtp_account_new (const char     *host,
                     guint16         port,
                     OdSmtpSecurity  security,
                     const char     *user,
                     const char     *from_address,
                     const char     *ca_file)
{
  OdSmtpAccount *self = g_new0 (OdSmtpAccount, 1);

  self->host = g_strdup (host);
  self->port = port;
  self->security = security;
  self->user = g_strdup (user);
  self->from_address = g_strdup (from_address);
  self->ca_file = g_strdup (ca_file);

  return self;
}

OdSmtpAccount *
od_smtp_account_copy (const OdSmtpAccount *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return od_smtp_account_new (self->host, self->port, self->security,
                              self->user, self->from_address, self->ca_file);
}

void
od_smtp_account_free (OdSmtpAccount *self)
{
  if (self == NULL)
    return;

  g_free (self->host);
  g_free (self->user);
  g_free (self->from_address);
  g_free (self->ca_file);
  g_free (self);
}

gboolean
od_smtp_account_validate (const OdSmtpAccount  *self,
                          GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!host_is_valid (self->host))
    return invalid (error, _("The mail server “%s” is not a host name or an IP address"), shown (self->host));
  if (self->port == 0)
    return invalid (error, "%s", _("The mail server’s port must be between 1 and 65535"));
  if (self->security != OD_SMTP_SECURITY_STARTTLS && self->security != OD_SMTP_SECURITY_TLS)
    return invalid (error, "%s", _("The connection security must be STARTTLS or TLS"));
  if (!od_mail_address_is_valid (self->from_address))
    return invalid (error, _("The sender address “%s” is not a valid email address"), shown (self->from_address));
  if (self->user != NULL &&
      (*self->user == '\0' || !g_utf8_validate (self->user, -1, NULL) ||
       has_control_or_space (self->user)))
    return invalid (error, _("The user name “%s” is empty or holds spaces or control characters"), shown (self->user));
  if (self->ca_file != NULL &&
      (!g_path_is_absolute (self->ca_file) ||
       !g_file_test (self->ca_file, G_FILE_TEST_IS_REGULAR)))
    return invalid (error, _("The certificate authority file “%s” is not an existing file (give its full path)"), shown (self->ca_file));

  return TRUE;
}

OdSmtpAccount *
od_smtp_account_load (OdStore  *store,
                      GError  **error)
{
  g_autoptr(OdSmtpAccount) self = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *security = NULL;
  GError *local_error = NULL;
  guint64 number = 0;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  host = get (store, "smtp.host", error);
  if (host == NULL)
    return NULL;

  self = g_new0 (OdSmtpAccount, 1);
  self->host = g_steal_pointer (&host);
  port = get (store, "smtp.port", &local_error);
  if (local_error == NULL)
    security = get (store, "smtp.security", &local_error);
  if (local_error == NULL)
    self->user = get (store, "smtp.user", &local_error);
  if (local_error == NULL)
    self->from_address = get (store, "smtp.from", &local_error);
  if (local_error == NULL)
    self->ca_file = get (store, "smtp.ca-file", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (port == NULL || !g_ascii_string_to_unsigned (port, 10, 1, G_MAXUINT16, &number, NULL))
    {
      invalid (error, _("The stored setting smtp.port “%s” is not a port number; run “account smtp set” again"), shown (port));
      return NULL;
    }
  self->port = number;
  if (!od_smtp_security_from_string (security, &self->security))
    {
      invalid (error, _("The stored setting smtp.security “%s” is not starttls or tls; run “account smtp set” again"), shown (security));
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
od_smtp_account_save (const OdSmtpAccount  *self,
                      OdStore              *store,
                      GError              **error)
{
  g_autofree char *port = NULL;
  const char *keys[] = {
    "smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.from", "smtp.ca-file",
  };
  const char *values[G_N_ELEMENTS (keys)];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (OD_IS_STORE (store), FALSE);

  if (!od_smtp_account_validate (self, error))
    return FALSE;

  port = g_strdup_printf ("%u", self->port);
  values[0] = self->host;
  values[1] = port;
  values[2] = od_smtp_security_to_string (self->security);
  values[3] = self->user;
  values[4] = self->from_address;
  values[5] = self->ca_file;

  return save_settings (store, keys, values, G_N_ELEMENTS (keys), error);
}

OdSmtpSecurity
od_smtp_security_for_port (guint16 port)
{
  return port == 465 ? OD_SMTP_SECURITY_TLS : OD_SMTP_SECURITY_STARTTLS;
}

const char *
od_smtp_security_to_string (OdSmtpSecurity security)
{
  return security == OD_SMTP_SECURITY_TLS ? "tls" : "starttls";
}

gboolean
od_smtp_security_from_string (const char     *text,
                              OdSmtpSecurity *out)
{
  if (g_strcmp0 (text, "starttls") == 0)
    *out = OD_SMTP_SECURITY_STARTTLS;
  else if (g_strcmp0 (text, "tls") == 0)
    *out = OD_SMTP_SECURITY_TLS;
  else
    return FALSE;

  return TRUE;
}

OdSmsAccount *
od_sms_account_new (const char *url,
                    const char *sid,
                    const char *from)
{
  OdSmsAccount *self = g_new0 (OdSmsAccount, 1);

  self->url = g_strdup (url);
  self->sid = g_strdup (sid);
  self->from = g_strdup (from);

  return self;
}

OdSmsAccount *
od_sms_account_copy (const OdSmsAccount *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return od_sms_account_new (self->url, self->sid, self->from);
}

void
od_sms_account_free (OdSmsAccount *self)
{
  if (self == NULL)
    return;

  g_free (self->url);
  g_free (self->sid);
  g_free (self->from);
  g_free (self);
}

gboolean
od_sms_account_validate (const OdSmsAccount  *self,
                         GError             **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->url != NULL)
    uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
  /* Never quote a URL that holds a user name or password: it may be the
   * token itself. */
  if ((uri != NULL && g_uri_get_userinfo (uri) != NULL) ||
      (self->url != NULL && strchr (self->url, '@') != NULL))
    return invalid (error, "%s", _("The gateway URL must not hold a user name or password; the token is read from standard input"));
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return invalid (error, _("The gateway URL “%s” is not an http(s) URL with a host"), shown (self->url));

  /* The token travels in every request: plain HTTP only to this machine,
   * where the tests' gateway listens. */
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (!g_str_equal (scheme, "https") &&
      !(g_str_equal (scheme, "http") &&
        (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
         g_str_equal (host, "localhost"))))
    return invalid (error, _("The gateway URL “%s” must start with https://"), shown (self->url));

  if (self->sid == NULL || *self->sid == '\0' || has_control_or_space (self->sid) ||
      strchr (self->sid, ':') != NULL)
    return invalid (error, _("The account SID “%s” is empty or holds spaces, colons or control characters"), shown (self->sid));

  if (self->from != NULL)
    {
      gsize n = strlen (self->from);
      gboolean ok = n >= 3 && n <= 16 && self->from[0] == '+' && self->from[1] != '0';

      for (gsize i = 1; ok && i < n; i++)
        ok = g_ascii_isdigit (self->from[i]);
      if (!ok)
        return invalid (error, _("The sending number “%s” is not in E.164 form (+ and up to 15 digits)"), shown (self->from));
    }

  return TRUE;
}

char *
od_sms_account_dup_host (const OdSmsAccount *self)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

OdSmsAccount *
od_sms_account_load (OdStore  *store,
                     GError  **error)
{
  g_autoptr(OdSmsAccount) self = NULL;
  g_autofree char *url = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  url = get (store, "sms.url", error);
  if (url == NULL)
    return NULL;

  self = g_new0 (OdSmsAccount, 1);
  self->url = g_steal_pointer (&url);
  self->sid = get (store, "sms.sid", &local_error);
  if (local_error == NULL)
    self->from = get (store, "sms.from", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
od_sms_account_save (const OdSmsAccount  *self,
                     OdStore             *store,
                     GError             **error)
{
  const char *keys[] = { "sms.url", "sms.sid", "sms.from" };
  const char *values[] = { self->url, self->sid, self->from };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (OD_IS_STORE (store), FALSE);

  if (!od_sms_account_validate (self, error))
    return FALSE;

  return save_settings (store, keys, values, G_N_ELEMENTS (keys), error);
}
