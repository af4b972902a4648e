/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "od-cli.h"
#include "od-date.h"
#include "od-pdf.h"

#define USAGE "overdue-cli [--db PATH] pdf invoice|reminder|final-notice|demand NUMBER -o FILE [--date DATE]\n" \
              "       overdue-cli [--db PATH] pdf statement CUSTOMER_REF -o FILE [--date DATE]\n" \
              "       overdue-cli [--db PATH] pdf packet CUSTOMER_REF -o FILE.pdf [--csv FILE.csv] [--date DATE]"
#define LETTERS_USAGE "overdue-cli [--db PATH] letters [--as-of WHEN] -o FILE"

typedef struct
{
  OdStore    *store;
  const char *what;
  const char *key;
  GDate       today;
  GDateTime  *now;
  gboolean    whole_day;
  guint       n_letters;
} PdfJob;

/* A file being written: a temporary one next to the target, renamed over
 * it only when everything is written, so a failure leaves no half file. */
typedef struct
{
  char          *path;
  char          *tmp_path;
  GOutputStream *stream;
} PendingFile;

static gboolean
pending_open (PendingFile  *file,
              const char   *path,
              GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int fd;

  file->path = g_strdup (path);
  file->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (file->tmp_path, O_WRONLY, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      g_clear_pointer (&file->tmp_path, g_free);
      return FALSE;
    }
  file->stream = g_unix_output_stream_new (fd, TRUE);
  return TRUE;
}

static gboolean
pending_close (PendingFile  *file,
               GError      **error)
{
  int fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (file->stream));

  if (fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), file->path, g_strerror (saved));
      return FALSE;
    }
  return g_output_stream_close (file->stream, NULL, error);
}

static gboolean
pending_commit (PendingFile  *file,
                GError      **error)
{
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), file->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&file->tmp_path, g_free);
  return TRUE;
}

/* Removes the temporary file unless it was committed. */
static void
pending_clear (PendingFile *file)
{
  if (file->stream != NULL && !g_output_stream_is_closed (file->stream))
    g_output_stream_close (file->stream, NULL, NULL);
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_object (&file->stream);
  g_clear_pointer (&file->tmp_path, g_free);
  g_clear_pointer (&file->path, g_free);
}

static gboolean
write_document (PdfJob         *job,
                GOutputStream  *pdf,
                GOutputStream  *csv,
                GError        **error)
{
  if (job->now != NULL)
    return od_pdf_write_letters (job->store, job->now, job->whole_day, pdf, &job->n_letters, error);
  if (g_str_equal (job->what, "invoice"))
    return od_pdf_write_invoice (job->store, job->key, pdf, error);
  if (g_str_equal (job->what, "statement"))
    return od_pdf_write_statement (job->store, job->key, &job->today, pdf, error);
  if (g_str_equal (job->what, "packet"))
    return od_pdf_write_packet (job->store, job->key, &job->today, pdf, csv, error);
  if (g_str_equal (job->what, "reminder"))
    return od_pdf_write_letter (job->store, job->key, OD_LETTER_REMINDER, &job->today, pdf, error);
  if (g_str_equal (job->what, "final-notice"))
    return od_pdf_write_letter (job->store, job->key, OD_LETTER_FINAL_NOTICE, &job->today, pdf, error);
  return od_pdf_write_letter (job->store, job->key, OD_LETTER_DEMAND, &job->today, pdf, error);
}

static int
write_files (OdCli      *cli,
             PdfJob     *job,
             const char *output,
             const char *csv_output)
{
  PendingFile pdf = { 0, };
  PendingFile csv = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pending_open (&pdf, output, &error) &&
       (csv_output == NULL || pending_open (&csv, csv_output, &error)) &&
       write_document (job, pdf.stream, csv.stream, &error) &&
       pending_close (&pdf, &error) &&
       (csv_output == NULL || pending_close (&csv, &error)) &&
       pending_commit (&pdf, &error) &&
       (csv_output == NULL || pending_commit (&csv, &error));
  pending_clear (&pdf);
  pending_clear (&csv);
  if (!ok)
    return od_cli_fail (cli, error);
  return OD_EXIT_OK;
}

static OdSqliteStore *
open_existing (OdCli  *cli,
               int    *exit_code)
{
  g_autoptr(GError) error = NULL;
  OdSqliteStore *store;

  /* Documents only read: never create a ledger that is not there. */
  if (!g_file_test (cli->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s: there is no ledger at “%s”; create one with “init”\n"),
                  cli->program, cli->db_path);
      *exit_code = OD_EXIT_FAILURE;
      return NULL;
    }
  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    *exit_code = od_cli_fail (cli, error);
  return store;
}

int
od_cli_pdf (OdCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *csv_output = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_output, N_("packet: also write the CSV to FILE"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date the document DATE (default: today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  static const char * const kinds[] = {
    "invoice", "reminder", "final-notice", "demand", "statement", "packet",
  };
  g_autoptr(OdSqliteStore) store = NULL;
  PdfJob job = { 0, };
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, N_("invoice|reminder|final-notice|demand|statement|packet KEY"),
                             _("Make an invoice, a letter, a statement or an agency packet as PDF. Writes nothing to the ledger."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3 || !g_strv_contains (kinds, argv[1]))
    return od_cli_usage (cli, USAGE, NULL);
  if (output == NULL)
    return od_cli_usage (cli, USAGE, _("-o FILE is required"));
  if (csv_output != NULL && !g_str_equal (argv[1], "packet"))
    return od_cli_usage (cli, USAGE, _("--csv is for “pdf packet” only"));

  store = open_existing (cli, &exit_code);
  if (store == NULL)
    return exit_code;

  job.store = OD_STORE (store);
  job.what = argv[1];
  job.key = argv[2];
  if (date == NULL)
    od_cli_today (job.store, &job.today);
  else if (!od_date_parse_iso (date, &job.today, NULL))
    {
      g_printerr (_("%s: --date: “%s” is not a date (YYYY-MM-DD)\n"), cli->program, date);
      return OD_EXIT_DATA;
    }
  return write_files (cli, &job, output, csv_output);
}

int
od_cli_letters (OdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *as_of = NULL;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("The letters due at this instant: an ISO 8601 date-time, or a date meaning that whole day (default: now)"),
      N_("WHEN") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  PdfJob job = { 0, };
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, NULL,
                             _("Every letter due to be posted, in one PDF, each starting on an odd page. "
                               "Only reads: the letters are not marked as sent."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return od_cli_usage (cli, LETTERS_USAGE, NULL);
  if (output == NULL)
    return od_cli_usage (cli, LETTERS_USAGE, _("-o FILE is required"));

  store = open_existing (cli, &exit_code);
  if (store == NULL)
    return exit_code;

  zone = od_cli_business_time_zone (OD_STORE (store));
  if (as_of == NULL)
    now = g_date_time_new_now (zone);
  else if (!od_cli_parse_when (as_of, zone, &now))
    {
      g_printerr (_("%s: --as-of: “%s” is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time\n"),
                  cli->program, as_of);
      return OD_EXIT_DATA;
    }

  job.store = OD_STORE (store);
  job.now = now;
  job.whole_day = od_cli_when_is_day (as_of);
  exit_code = write_files (cli, &job, output, NULL);
  if (exit_code == OD_EXIT_OK)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u letter written to %s\n",
                          "%u letters written to %s\n", job.n_letters),
             job.n_letters, output);
  return exit_code;
}
