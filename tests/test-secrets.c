/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-account.h"
#include "od-secrets.h"
#include "od-test-util.h"

/* libsecret's file backend, in a temporary folder: a real encrypted
 * keyring file, no daemon. */
static char *keyring_dir;
static char *keyring_file;

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(OdSecrets) secrets = od_secrets_new ();
  g_autoptr(GError) error = NULL;
  char *found;

  g_assert_true (od_secrets_store_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com",
                                        "billing@example.com", "pässwörd one", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (od_secrets_store_sync (secrets, OD_SECRET_KIND_SMS, "mail.example.com",
                                        "billing@example.com", "token two", NULL, &error));
  g_assert_true (od_secrets_store_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com",
                                        "other@example.com", "password three", NULL, &error));
  g_assert_no_error (error);

  /* Kind, host and user each pick their own secret. */
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com", "billing@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "pässwörd one");
  od_secrets_free_secret (found);
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMS, "mail.example.com", "billing@example.com", NULL, &error);
  g_assert_cmpstr (found, ==, "token two");
  od_secrets_free_secret (found);
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com", "other@example.com", NULL, &error);
  g_assert_cmpstr (found, ==, "password three");
  od_secrets_free_secret (found);
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "smtp.example.com", "billing@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Storing again replaces. */
  g_assert_true (od_secrets_store_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com",
                                        "billing@example.com", "new one", NULL, &error));
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com", "billing@example.com", NULL, &error);
  g_assert_cmpstr (found, ==, "new one");
  od_secrets_free_secret (found);

  /* The keyring file exists and is encrypted. */
  g_assert_true (g_file_test (keyring_file, G_FILE_TEST_IS_REGULAR));
  g_assert_false (file_contains (keyring_file, "new one"));
  g_assert_false (file_contains (keyring_file, "token two"));

  g_assert_true (od_secrets_clear_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com",
                                        "billing@example.com", NULL, &error));
  g_assert_no_error (error);
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com", "billing@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  /* The others stay; clearing what is not there is no error. */
  found = od_secrets_lookup_sync (secrets, OD_SECRET_KIND_SMS, "mail.example.com", "billing@example.com", NULL, &error);
  g_assert_cmpstr (found, ==, "token two");
  od_secrets_free_secret (found);
  g_assert_true (od_secrets_clear_sync (secrets, OD_SECRET_KIND_SMTP, "mail.example.com",
                                        "billing@example.com", NULL, &error));
  g_assert_no_error (error);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autoptr(OdSecrets) secrets = od_secrets_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *found;

  od_secrets_store_async (secrets, OD_SECRET_KIND_SMS, "api.gateway.example", "AC42",
                          "async token", NULL, on_done, &result);
  g_assert_true (od_secrets_store_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  od_secrets_lookup_async (secrets, OD_SECRET_KIND_SMS, "api.gateway.example", "AC42",
                           NULL, on_done, &result);
  found = od_secrets_lookup_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "async token");
  od_secrets_free_secret (found);
  g_clear_object (&result);

  od_secrets_clear_async (secrets, OD_SECRET_KIND_SMS, "api.gateway.example", "AC42",
                          NULL, on_done, &result);
  g_assert_true (od_secrets_clear_finish (secrets, wait_for (&result), &error));
  g_clear_object (&result);

  od_secrets_lookup_async (secrets, OD_SECRET_KIND_SMS, "api.gateway.example", "AC42",
                           NULL, on_done, &result);
  found = od_secrets_lookup_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_clear_object (&result);
}

static void
test_account_settings (void)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(OdSqliteStore) store = od_test_store_new (&tmpdir);
  g_autofree char *ca = od_test_write_file (tmpdir, "ca.pem", "-----BEGIN CERTIFICATE-----\n");
  g_autoptr(OdSmtpAccount) account = NULL;
  g_autoptr(OdSmtpAccount) loaded = NULL;
  g_autoptr(OdSmsAccount) sms = NULL;
  g_autoptr(OdSmsAccount) sms_loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing set up yet: NULL without an error. */
  loaded = od_smtp_account_load (OD_STORE (store), &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  account = od_smtp_account_new ("smtp.example.com", 465, OD_SMTP_SECURITY_TLS,
                                 "billing@example.com", "billing@example.com", ca);
  g_assert_true (od_smtp_account_save (account, OD_STORE (store), &error));
  g_assert_no_error (error);
  loaded = od_smtp_account_load (OD_STORE (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->host, ==, "smtp.example.com");
  g_assert_cmpuint (loaded->port, ==, 465);
  g_assert_cmpint (loaded->security, ==, OD_SMTP_SECURITY_TLS);
  g_assert_cmpstr (loaded->user, ==, "billing@example.com");
  g_assert_cmpstr (loaded->from_address, ==, "billing@example.com");
  g_assert_cmpstr (loaded->ca_file, ==, ca);

  /* Bad settings are refused by name, and nothing is written. */
  {
    g_autoptr(OdSmtpAccount) bad = od_smtp_account_copy (account);

    g_free (bad->host);
    bad->host = g_strdup ("smtp.example.com/evil");
    g_assert_false (od_smtp_account_save (bad, OD_STORE (store), &error));
    g_assert_error (error, OD_ACCOUNT_ERROR, OD_ACCOUNT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "smtp.example.com/evil"));
    g_clear_error (&error);
  }
  g_clear_pointer (&loaded, od_smtp_account_free);
  loaded = od_smtp_account_load (OD_STORE (store), &error);
  g_assert_cmpstr (loaded->host, ==, "smtp.example.com");

  sms = od_sms_account_new ("https://api.gateway.example/2010-04-01", "AC0123", "+4915112345678");
  g_assert_true (od_sms_account_save (sms, OD_STORE (store), &error));
  g_assert_no_error (error);
  sms_loaded = od_sms_account_load (OD_STORE (store), &error);
  g_assert_cmpstr (sms_loaded->url, ==, sms->url);
  g_assert_cmpstr (sms_loaded->sid, ==, "AC0123");
  g_assert_cmpstr (sms_loaded->from, ==, "+4915112345678");
  {
    g_autofree char *host = od_sms_account_dup_host (sms_loaded);

    g_assert_cmpstr (host, ==, "api.gateway.example");
  }

  /* A URL with a token in it is refused without quoting it. */
  {
    g_autoptr(OdSmsAccount) bad = od_sms_account_new ("https://AC0123:s3cr3t@api.gateway.example/", "AC0123", NULL);

    g_assert_false (od_sms_account_validate (bad, &error));
    g_assert_null (strstr (error->message, "s3cr3t"));
    g_clear_error (&error);
  }

  od_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  keyring_dir = od_test_tmpdir_new ();
  keyring_file = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_file, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test keyring password", TRUE);

  g_test_add_func ("/od/secrets/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/od/secrets/async", test_async);
  g_test_add_func ("/od/secrets/account-settings", test_account_settings);

  status = g_test_run ();

  od_test_tmpdir_free (keyring_dir);
  g_free (keyring_file);
  return status;
}
