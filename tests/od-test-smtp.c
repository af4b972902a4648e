/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "od-test-smtp.h"
#include "od-test-util.h"

struct _OdTestSmtp
{
  GSubprocess *process;
  char *dir;
  guint16 port;
  gboolean implicit_tls;
};

static char *certs_dir;

static char *
script_path (void)
{
  const char *srcdir = g_getenv ("OD_TEST_SRCDIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "smtp-server.py", NULL);
}

static void
remove_certs (void)
{
  od_test_tmpdir_free (g_steal_pointer (&certs_dir));
}

const char *
od_test_smtp_certs (void)
{
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  if (certs_dir != NULL)
    return certs_dir;

  certs_dir = od_test_tmpdir_new ();
  atexit (remove_certs);
  script = script_path ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              script, "--make-certs", certs_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  return certs_dir;
}

OdTestSmtp *
od_test_smtp_start (const char *first_option,
                    ...)
{
  OdTestSmtp *self = g_new0 (OdTestSmtp, 1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *port_file = NULL;
  gint64 deadline;
  va_list args;

  self->dir = od_test_tmpdir_new ();
  port_file = g_build_filename (self->dir, "port", NULL);

  g_ptr_array_add (argv, script_path ());
  g_ptr_array_add (argv, g_strdup ("--certs"));
  g_ptr_array_add (argv, g_strdup (od_test_smtp_certs ()));
  g_ptr_array_add (argv, g_strdup ("--dir"));
  g_ptr_array_add (argv, g_build_filename (self->dir, "out", NULL));
  g_ptr_array_add (argv, g_strdup ("--port-file"));
  g_ptr_array_add (argv, g_strdup (port_file));
  g_ptr_array_add (argv, g_strdup ("--lifetime"));
  g_ptr_array_add (argv, g_strdup ("120"));
  va_start (args, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (args, const char *))
    {
      if (g_str_equal (option, "--implicit-tls"))
        self->implicit_tls = TRUE;
      g_ptr_array_add (argv, g_strdup (option));
    }
  va_end (args);
  g_ptr_array_add (argv, NULL);

  self->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (self->port == 0)
    {
      g_autofree char *text = NULL;

      if (g_file_get_contents (port_file, &text, NULL, NULL))
        self->port = (guint16) g_ascii_strtoull (text, NULL, 10);
      else if (g_get_monotonic_time () > deadline)
        g_error ("the test SMTP server did not start within 10 s");
      else
        g_usleep (20 * 1000);
    }

  return self;
}

void
od_test_smtp_free (OdTestSmtp *self)
{
  if (self == NULL)
    return;

  g_subprocess_force_exit (self->process);
  g_subprocess_wait (self->process, NULL, NULL);
  g_object_unref (self->process);
  od_test_tmpdir_free (self->dir);
  g_free (self);
}

guint16
od_test_smtp_get_port (OdTestSmtp *self)
{
  return self->port;
}

OdSmtpAccount *
od_test_smtp_account (OdTestSmtp *self)
{
  g_autofree char *ca = g_build_filename (od_test_smtp_certs (), "ca.pem", NULL);

  return od_smtp_account_new ("127.0.0.1", self->port,
                              self->implicit_tls ? OD_SMTP_SECURITY_TLS : OD_SMTP_SECURITY_STARTTLS,
                              OD_TEST_SMTP_USER, "billing@lindqvist-weber.example", ca);
}

char *
od_test_smtp_read_events (OdTestSmtp *self)
{
  g_autofree char *path = g_build_filename (self->dir, "out", "events", NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

guint
od_test_smtp_count_events (OdTestSmtp *self,
                           const char *prefix)
{
  g_autofree char *text = od_test_smtp_read_events (self);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;

  return n;
}

GPtrArray *
od_test_smtp_messages (OdTestSmtp *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = g_build_filename (self->dir, "out", NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.eml", i);
      char *path = g_build_filename (out, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_free (path);
          break;
        }
      g_ptr_array_add (paths, path);
    }

  return paths;
}
