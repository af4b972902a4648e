/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "od-cli.h"
#include "od-outbox.h"

#define USAGE "overdue-cli [--db PATH] outbox [--json] | outbox show|approve|skip|retry|cancel|mark-sent|mark-failed ID"

static char *
instant_text (GDateTime *at)
{
  return at != NULL ? g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static const char *
state_text (OdOutboxRow *row)
{
  if (row->state == OD_OUTBOX_STATE_SENT && row->demo)
    return "sent (demo)";
  if (row->state == OD_OUTBOX_STATE_FAILED)
    return row->permanent ? "failed (permanent)" : "failed (will retry)";
  if (row->state == OD_OUTBOX_STATE_SENT && row->done_at == NULL &&
      (row->channel == OD_CHANNEL_LETTER || row->channel == OD_CHANNEL_CALL))
    return row->channel == OD_CHANNEL_LETTER ? "sent (to print)" : "sent (to call)";
  return od_outbox_state_to_string (row->state);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             GDateTime   *at)
{
  g_autofree char *text = instant_text (at);

  add_string (builder, name, text);
}

static void
print_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);
      g_autofree char *subject = od_outbox_payload_get (row->payload, "subject");
      g_autofree char *to = od_outbox_payload_get (row->payload, "to");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, row->id);
      add_string (builder, "key", row->idempotency_key);
      add_string (builder, "customer", row->customer_ref);
      add_string (builder, "channel", od_channel_to_string (row->channel));
      add_string (builder, "state", od_outbox_state_to_string (row->state));
      json_builder_set_member_name (builder, "demo");
      json_builder_add_boolean_value (builder, row->demo);
      json_builder_set_member_name (builder, "permanent");
      json_builder_add_boolean_value (builder, row->permanent);
      add_string (builder, "step", row->step);
      json_builder_set_member_name (builder, "invoices");
      json_builder_begin_array (builder);
      for (guint k = 0; row->invoices[k] != NULL; k++)
        json_builder_add_string_value (builder, row->invoices[k]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "attempts");
      json_builder_add_int_value (builder, row->attempts);
      add_string (builder, "to", to);
      add_string (builder, "subject", subject);
      add_string (builder, "message_id", row->message_id);
      add_string (builder, "error", row->last_error);
      add_instant (builder, "next_attempt_at", row->next_attempt_at);
      add_instant (builder, "sent_at", row->sent_at);
      add_instant (builder, "done_at", row->done_at);
      add_instant (builder, "created_at", row->created_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_table (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);
      g_autofree char *invoices = g_strjoinv (",", row->invoices);

      g_print ("%5" G_GINT64_FORMAT "  %-20s  %-6s  %-10s  %-16s  %s%s%s\n",
               row->id, state_text (row), od_channel_to_string (row->channel),
               row->customer_ref, row->step != NULL ? row->step : "", invoices,
               row->last_error != NULL ? "  — " : "",
               row->last_error != NULL ? row->last_error : "");
    }
  /* Translators: the last line of "overdue-cli outbox" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u message\n", "%u messages\n", rows->len), rows->len);
}

static int
show (OdCli   *cli,
      OdStore *store,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (store, id, &error);
  OdOutboxRow *row;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (rows == NULL)
    return od_cli_fail (cli, error);
  row = g_ptr_array_index (rows, 0);
  to = od_outbox_payload_get (row->payload, "to");
  subject = od_outbox_payload_get (row->payload, "subject");
  body = od_outbox_payload_get (row->payload, "body");
  g_print ("%s: %s (%s)\n", _("State"), state_text (row), od_channel_to_string (row->channel));
  g_print ("%s: %s\n", _("To"), to != NULL ? to : "—");
  g_print ("%s: %s\n\n%s", _("Subject"), subject != NULL ? subject : "", body != NULL ? body : "");
  return OD_EXIT_OK;
}

int
od_cli_outbox (OdCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  OdOutboxDecision decision = OD_OUTBOX_APPROVE;
  int exit_code = OD_EXIT_OK;
  gint64 id = 0;
  char *end = NULL;

  if (!od_cli_parse_options (cli, "[show|approve|skip|retry|cancel|mark-sent|mark-failed ID]",
                             _("List the outbox, show a message, or decide about one."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1 && argc != 3)
    return od_cli_usage (cli, USAGE, NULL);
  if (argc == 3)
    {
      id = g_ascii_strtoll (argv[2], &end, 10);
      if (end == argv[2] || *end != '\0' || id <= 0)
        return od_cli_usage (cli, USAGE, _("ID is the number “outbox” lists"));
      if (g_strcmp0 (argv[1], "show") != 0 && !od_outbox_decision_from_string (argv[1], &decision))
        return od_cli_usage (cli, USAGE, NULL);
    }

  if (!g_file_test (cli->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s: there is no ledger at “%s”; create one with “init”\n"),
                  cli->program, cli->db_path);
      return OD_EXIT_FAILURE;
    }
  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (argc == 3 && g_strcmp0 (argv[1], "show") == 0)
    return show (cli, OD_STORE (store), id);
  if (argc == 3)
    {
      now = g_date_time_new_now_utc ();
      if (!od_store_outbox_decide (OD_STORE (store), id, decision, NULL, now, &error))
        return od_cli_fail (cli, error);
      return OD_EXIT_OK;
    }

  rows = od_store_outbox_list (OD_STORE (store), 0, &error);
  if (rows == NULL)
    return od_cli_fail (cli, error);
  if (json)
    print_json (rows);
  else
    print_table (rows);
  return OD_EXIT_OK;
}
