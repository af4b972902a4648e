/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "od-account.h"
#include "od-business.h"
#include "od-collection.h"
#include "od-cli.h"
#include "od-secrets.h"
#include "od-smtp-client.h"

#define USAGE \
  "overdue-cli [--db PATH] account smtp set --host HOST [--port 587|465] [--security starttls|tls]\n" \
  "                        [--user USER] [--from ADDRESS] [--ca-file FILE]   (password on standard input)\n" \
  "       overdue-cli [--db PATH] account smtp test\n" \
  "       overdue-cli [--db PATH] account sms set --url BASE --sid SID [--from NUMBER]   (token on standard input)\n" \
  "       overdue-cli [--db PATH] account demo [on|off]"

#define MAX_SECRET 4096

/* A GString that is wiped before it is freed. */
typedef GString OdSecretString;

static void
wipe_string (OdSecretString *s)
{
  if (s == NULL)
    return;
  for (volatile char *p = s->str; p < s->str + s->allocated_len; p++)
    *p = '\0';
  g_string_free (s, TRUE);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSecretString, wipe_string)

/* The secret from standard input: one line, typed without echo on a
 * terminal; from a pipe or file everything up to a final line break. */
static OdSecretString *
read_secret (OdCli      *cli,
             const char *prompt)
{
  g_autoptr(OdSecretString) secret = g_string_sized_new (MAX_SECRET + 1);
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved;
  int c;

  if (terminal)
    {
      struct termios quiet;

      fprintf (stderr, "%s", prompt);
      fflush (stderr);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) (ECHO | ECHONL);
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        terminal = FALSE;
    }

  while ((c = getchar ()) != EOF && secret->len < MAX_SECRET)
    {
      if (terminal && c == '\n')
        break;
      g_string_append_c (secret, (char) c);
    }

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (stderr, "\n");
    }

  if (secret->len > 0 && secret->str[secret->len - 1] == '\n')
    g_string_truncate (secret, secret->len - 1);
  if (secret->len > 0 && secret->str[secret->len - 1] == '\r')
    g_string_truncate (secret, secret->len - 1);

  if (secret->len == 0 || secret->len >= MAX_SECRET || strlen (secret->str) != secret->len ||
      strpbrk (secret->str, "\r\n") != NULL)
    {
      g_printerr (_("%s: standard input must hold the secret on one line (not empty, no NUL, under %d bytes)\n"),
                  cli->program, MAX_SECRET);
      return NULL;
    }

  return g_steal_pointer (&secret);
}

static int
exit_for_smtp_error (const GError *error)
{
  if (error->domain != OD_SMTP_ERROR)
    return od_cli_exit_for_error (error);

  switch ((OdSmtpError) error->code)
    {
    case OD_SMTP_ERROR_DNS:
    case OD_SMTP_ERROR_CONNECT:
    case OD_SMTP_ERROR_TIMEOUT:
    case OD_SMTP_ERROR_CONNECTION_LOST:
    case OD_SMTP_ERROR_PROTOCOL:
      return OD_EXIT_TEMPFAIL;
    case OD_SMTP_ERROR_TLS:
    case OD_SMTP_ERROR_CERTIFICATE:
    case OD_SMTP_ERROR_STARTTLS:
    case OD_SMTP_ERROR_AUTH:
    case OD_SMTP_ERROR_AUTH_UNAVAILABLE:
    case OD_SMTP_ERROR_SENDER_REFUSED:
    case OD_SMTP_ERROR_RECIPIENT_REFUSED:
    case OD_SMTP_ERROR_MESSAGE_REFUSED:
    default:
      return OD_EXIT_FAILURE;
    }
}

static char *
absolute_path (const char *path)
{
  g_autofree char *cwd = NULL;

  if (path == NULL || g_path_is_absolute (path))
    return g_strdup (path);
  cwd = g_get_current_dir ();
  return g_build_filename (cwd, path, NULL);
}

static int
smtp_set (OdCli *cli,
          int    argc,
          char **argv)
{
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *from = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *security_text = NULL;
  g_autofree char *prompt = NULL;
  int port = 587;
  GOptionEntry entries[] = {
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, N_("The mail server (submission)"), N_("HOST") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("587 (STARTTLS, the default) or 465 (TLS)"), N_("PORT") },
    { "security", 0, 0, G_OPTION_ARG_STRING, &security_text, N_("starttls or tls (default: tls on port 465, else starttls)"), N_("SECURITY") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The login (default: the sender address)"), N_("USER") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sender address (default: the business email)"), N_("ADDRESS") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Trust the certificate authorities in this PEM file (self-hosted servers)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdSmtpAccount) account = NULL;
  g_autoptr(OdSmtpAccount) previous = NULL;
  g_autoptr(OdSecrets) secrets = NULL;
  g_autoptr(OdSecretString) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ca_path = NULL;
  OdSmtpSecurity security;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "smtp set",
                             _("Set up the mail account; the password is read from standard input and kept in the keyring."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3 || host == NULL)
    return od_cli_usage (cli, USAGE, host == NULL ? _("--host is required") : NULL);
  if (port < 1 || port > G_MAXUINT16)
    return od_cli_usage (cli, USAGE, _("--port must be between 1 and 65535"));

  security = od_smtp_security_for_port ((guint16) port);
  if (security_text != NULL && !od_smtp_security_from_string (security_text, &security))
    return od_cli_usage (cli, USAGE, _("--security must be starttls or tls"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (from == NULL)
    {
      g_autoptr(OdBusiness) business = od_store_get_business (OD_STORE (store), NULL);

      if (business != NULL && od_business_get_email (business) != NULL &&
          *od_business_get_email (business) != '\0')
        from = g_strdup (od_business_get_email (business));
      else
        return od_cli_usage (cli, USAGE, _("--from is required when the business profile has no email"));
    }
  if (user == NULL)
    user = g_strdup (from);

  ca_path = absolute_path (ca_file);
  account = od_smtp_account_new (host, (guint16) port, security, user, from, ca_path);
  if (!od_smtp_account_validate (account, &error))
    {
      g_printerr ("%s: %s\n", cli->program, error->message);
      return OD_EXIT_DATA;
    }

  /* Translators: %s are a user name and a mail server */
  prompt = g_strdup_printf (_("Password for %s on %s: "), user, host);
  password = read_secret (cli, prompt);
  if (password == NULL)
    return OD_EXIT_DATA;

  previous = od_smtp_account_load (OD_STORE (store), NULL);
  secrets = od_secrets_new ();
  if (!od_secrets_store_sync (secrets, OD_SECRET_KIND_SMTP, host, user, password->str, NULL, &error))
    return od_cli_fail (cli, error);
  if (!od_smtp_account_save (account, OD_STORE (store), &error))
    return od_cli_fail (cli, error);

  /* The password of an account that is no longer used does not linger. */
  if (previous != NULL &&
      (g_strcmp0 (previous->host, host) != 0 || g_strcmp0 (previous->user, user) != 0))
    od_secrets_clear_sync (secrets, OD_SECRET_KIND_SMTP, previous->host, previous->user, NULL, NULL);

  g_print (_("Mail account saved: %s on %s port %u (%s); the password is in the keyring.\n"),
           user, host, (guint) port, security == OD_SMTP_SECURITY_TLS ? "TLS" : "STARTTLS");
  return OD_EXIT_OK;
}

static int
smtp_test (OdCli *cli,
           int    argc,
           char **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdSmtpAccount) account = NULL;
  g_autoptr(OdSecrets) secrets = NULL;
  g_autoptr(OdSmtpClient) client = NULL;
  g_autoptr(GError) error = NULL;
  char *password = NULL;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "smtp test",
                             _("Connect to the mail server, secure the connection and log in."),
                             NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return od_cli_usage (cli, USAGE, NULL);

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  account = od_smtp_account_load (OD_STORE (store), &error);
  if (account == NULL && error == NULL)
    {
      g_printerr (_("%s: no mail account is set up; run “overdue-cli account smtp set” first\n"), cli->program);
      return OD_EXIT_FAILURE;
    }
  if (account == NULL || !od_smtp_account_validate (account, &error))
    return od_cli_fail (cli, error);

  secrets = od_secrets_new ();
  if (account->user != NULL)
    {
      password = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, account->host, account->user, NULL, &error);
      if (error != NULL)
        return od_cli_fail (cli, error);
      if (password == NULL)
        {
          g_printerr (_("%s: the keyring holds no password for %s on %s; run “overdue-cli account smtp set” again\n"),
                      cli->program, account->user, account->host);
          return OD_EXIT_FAILURE;
        }
    }

  client = od_smtp_client_new (account, password);
  od_secrets_free_secret (password);

  if (!od_smtp_client_test (client, NULL, &error))
    {
      g_printerr ("%s: %s\n", cli->program, error->message);
      return exit_for_smtp_error (error);
    }

  if (account->user != NULL)
    g_print (_("Connected to %s port %u with %s, certificate verified, logged in as %s.\n"),
             account->host, account->port,
             account->security == OD_SMTP_SECURITY_TLS ? "TLS" : "STARTTLS", account->user);
  else
    g_print (_("Connected to %s port %u with %s, certificate verified (no login).\n"),
             account->host, account->port,
             account->security == OD_SMTP_SECURITY_TLS ? "TLS" : "STARTTLS");
  return OD_EXIT_OK;
}

static int
sms_set (OdCli *cli,
         int    argc,
         char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *sid = NULL;
  g_autofree char *from = NULL;
  g_autofree char *host = NULL;
  g_autofree char *prompt = NULL;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The gateway's base URL (https://…)"), N_("BASE") },
    { "sid", 0, 0, G_OPTION_ARG_STRING, &sid, N_("The account SID"), N_("SID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sending number, E.164 (+4915…)"), N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdSmsAccount) account = NULL;
  g_autoptr(OdSmsAccount) previous = NULL;
  g_autoptr(OdSecrets) secrets = NULL;
  g_autoptr(OdSecretString) token = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "sms set",
                             _("Set up the SMS gateway; the API token is read from standard input and kept in the keyring."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3 || url == NULL || sid == NULL)
    return od_cli_usage (cli, USAGE, _("--url and --sid are required"));

  account = od_sms_account_new (url, sid, from);
  if (!od_sms_account_validate (account, &error))
    {
      g_printerr ("%s: %s\n", cli->program, error->message);
      return OD_EXIT_DATA;
    }
  host = od_sms_account_dup_host (account);

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  /* Translators: %s are an account SID and a host */
  prompt = g_strdup_printf (_("API token for %s on %s: "), sid, host);
  token = read_secret (cli, prompt);
  if (token == NULL)
    return OD_EXIT_DATA;

  previous = od_sms_account_load (OD_STORE (store), NULL);
  secrets = od_secrets_new ();
  if (!od_secrets_store_sync (secrets, OD_SECRET_KIND_SMS, host, sid, token->str, NULL, &error))
    return od_cli_fail (cli, error);
  if (!od_sms_account_save (account, OD_STORE (store), &error))
    return od_cli_fail (cli, error);

  if (previous != NULL)
    {
      g_autofree char *previous_host = od_sms_account_dup_host (previous);

      if (previous_host != NULL &&
          (g_strcmp0 (previous_host, host) != 0 || g_strcmp0 (previous->sid, sid) != 0))
        od_secrets_clear_sync (secrets, OD_SECRET_KIND_SMS, previous_host, previous->sid, NULL, NULL);
    }

  g_print (_("SMS gateway saved: %s at %s; the token is in the keyring.\n"), sid, url);
  return OD_EXIT_OK;
}

/* Demo mode keeps every message on the machine even with an account set
 * up: the demo ledger starts with it on, since its customers are made up. */
static int
demo_mode (OdCli *cli,
           int    argc,
           char **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *value = argc > 2 ? argv[2] : NULL;
  gboolean demo;

  if (argc > 3 || (value != NULL && g_strcmp0 (value, "on") != 0 && g_strcmp0 (value, "off") != 0))
    return od_cli_usage (cli, USAGE, _("demo takes on or off"));

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);
  if (value != NULL &&
      !od_store_set_setting (OD_STORE (store), OD_COLLECTION_DEMO_MODE_KEY,
                             g_strcmp0 (value, "on") == 0 ? "1" : "0", &error))
    return od_cli_fail (cli, error);

  demo = od_collection_is_demo (OD_STORE (store), &error);
  if (error != NULL)
    return od_cli_fail (cli, error);
  if (demo)
    g_print ("%s\n", _("Demo mode: messages are recorded but nothing leaves this computer."));
  else
    g_print ("%s\n", _("Messages are sent through the accounts set up."));
  return OD_EXIT_OK;
}

int
od_cli_account (OdCli  *cli,
                int     argc,
                char  **argv)
{
  const char *kind = argc > 1 ? argv[1] : NULL;
  const char *action = argc > 2 ? argv[2] : NULL;

  if (g_strcmp0 (kind, "--help") == 0 || g_strcmp0 (kind, "-h") == 0)
    {
      g_print ("Usage: %s\n", USAGE);
      return OD_EXIT_OK;
    }

  if (g_strcmp0 (kind, "smtp") == 0 && g_strcmp0 (action, "set") == 0)
    return smtp_set (cli, argc, argv);
  if (g_strcmp0 (kind, "smtp") == 0 && g_strcmp0 (action, "test") == 0)
    return smtp_test (cli, argc, argv);
  if (g_strcmp0 (kind, "sms") == 0 && g_strcmp0 (action, "set") == 0)
    return sms_set (cli, argc, argv);
  if (g_strcmp0 (kind, "demo") == 0)
    return demo_mode (cli, argc, argv);

  return od_cli_usage (cli, USAGE, NULL);
}
