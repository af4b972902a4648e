/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-collection.h"

#define USAGE "overdue-cli [--db PATH] run [--as-of WHEN] [--dry-run]"

static void
print_dry_run (GPtrArray *entries,
               GPtrArray *superseded)
{
  for (guint i = 0; i < entries->len; i++)
    {
      OdOutboxEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subject = od_outbox_payload_get (entry->payload, "subject");
      g_autofree char *to = od_outbox_payload_get (entry->payload, "to");

      g_print ("%s  %-6s  %s  %s%s\n",
               /* Translators: "review" and "send  " start each line: give both the same width */
               entry->state == OD_OUTBOX_STATE_AWAITING_REVIEW ? _("review") : _("send  "),
               od_channel_to_string (entry->channel), subject != NULL ? subject : "",
               to != NULL ? "→ " : "", to != NULL ? to : "");
    }
  /* Translators: the summary of "overdue-cli run --dry-run" */
  g_print (_("Would queue %u messages and pass over %u earlier steps; nothing was written\n"),
           entries->len, superseded->len);
}

int
od_cli_run (OdCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *as_of = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Run as of this instant: an ISO 8601 date-time, or a date for the whole of that day (default: now)"),
      N_("WHEN") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would be sent; write nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  OdCollectionFlags flags;
  OdCollectionSummary summary = { 0, };
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, NULL,
                             _("Take what is due into the outbox and deliver it."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return od_cli_usage (cli, USAGE, NULL);

  if (!g_file_test (cli->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s: there is no ledger at “%s”; create one with “init”\n"),
                  cli->program, cli->db_path);
      return OD_EXIT_FAILURE;
    }
  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  zone = od_cli_business_time_zone (OD_STORE (store));
  if (as_of == NULL)
    now = g_date_time_new_now (zone);
  else if (!od_cli_parse_when (as_of, zone, &now))
    {
      g_printerr (_("%s: --as-of: “%s” is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time\n"),
                  cli->program, as_of);
      return OD_EXIT_DATA;
    }

  flags = od_cli_when_is_day (as_of) ? OD_COLLECTION_WHOLE_DAY : OD_COLLECTION_FLAGS_NONE;
  if (dry_run)
    {
      g_autoptr(OdDunningSnapshot) snapshot = NULL;
      g_autoptr(OdDunningPlan) plan = NULL;
      g_autoptr(OdOutbox) outbox = od_outbox_new (OD_STORE (store));
      g_autoptr(GPtrArray) superseded = NULL;
      g_autoptr(GPtrArray) messages = NULL;

      plan = od_collection_plan (OD_STORE (store), zone, now, flags, &snapshot, &error);
      if (plan == NULL)
        return od_cli_fail (cli, error);
      messages = od_outbox_entries_from_plan (outbox, snapshot, plan, &superseded, &error);
      if (messages == NULL)
        return od_cli_fail (cli, error);
      print_dry_run (messages, superseded);
      return OD_EXIT_OK;
    }

  if (!od_collection_run (OD_STORE (store), zone, now, flags, &summary, NULL, &error))
    return od_cli_fail (cli, error);

  /* Translators: the summary of "overdue-cli run" */
  g_print (_("%u queued; %u sent%s, %u failed (%u will be retried), %u unknown, "
             "%u waiting for review, %u letters to print, %u calls to make\n"),
           summary.queued, summary.delivery.sent,
           summary.demo && summary.delivery.demo > 0 ? _(" (demo: nothing left this computer)") : "",
           summary.delivery.failed_temporary + summary.delivery.failed_permanent,
           summary.delivery.failed_temporary,
           summary.totals.states[OD_OUTBOX_STATE_UNKNOWN],
           summary.totals.states[OD_OUTBOX_STATE_AWAITING_REVIEW],
           summary.totals.letters_to_print, summary.totals.calls_to_make);
  exit_code = summary.delivery.failed_temporary > 0 ? OD_EXIT_TEMPFAIL : OD_EXIT_OK;
  od_collection_summary_clear (&summary);
  return exit_code;
}
