/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-date.h"
#include "od-money.h"

#define USAGE "overdue-cli [--db PATH] plan [--as-of WHEN] [--json]"

typedef struct
{
  guint due;
  guint scheduled;
  guint review;
  guint paused;
  guint superseded;
  guint other;
} PlanCounts;

static char *
amount_text (gint64      minor,
             const char *currency)
{
  return od_amount_to_string (minor, od_currency_minor_digits (currency));
}

static void
count_action (PlanCounts            *counts,
              const OdDunningAction *action)
{
  switch (action->status)
    {
    case OD_ACTION_DUE:
      counts->due++;
      break;
    case OD_ACTION_SCHEDULED:
      counts->scheduled++;
      break;
    case OD_ACTION_AWAITING_REVIEW:
      counts->review++;
      break;
    case OD_ACTION_DISPUTED:
    case OD_ACTION_PROMISED:
    case OD_ACTION_HELD:
    case OD_ACTION_DO_NOT_CHASE:
      counts->paused++;
      break;
    case OD_ACTION_SUPERSEDED:
      counts->superseded++;
      break;
    case OD_ACTION_OPTED_OUT:
    case OD_ACTION_BELOW_MINIMUM:
    case OD_ACTION_LIMITED:
    default:
      counts->other++;
      break;
    }
}

/* The JSON writer. A plan of a large ledger holds tens of thousands of
 * actions whose fields are fixed: they are written straight into one
 * buffer, escaped as json-glib escapes them and laid out as its pretty
 * generator lays them out, rather than built into a tree of nodes per
 * action and serialised again. */

#define JSON_FLUSH_AT (64 * 1024)

static void
json_flush (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

/* g_string_append_len() without its call when the bytes fit, as GLib
 * 2.76 inlines it: the writer appends a few bytes at a time, millions of
 * times for a large plan. */
static inline void
put_len (GString    *out,
         const char *bytes,
         gsize       n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      g_string_append_len (out, bytes, (gssize) n);
      return;
    }
  memcpy (out->str + out->len, bytes, n);
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
put (GString    *out,
     const char *text)
{
  put_len (out, text, strlen (text));
}

static void
json_append_escaped (GString    *out,
                     const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      put_len (out, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      if (escape != NULL)
        put (out, escape);
    }
  put_len (out, run, (gsize) (p - run));
}

/* Opens a member: a comma after the previous one, the indent, the name. */
static void
json_member (GString    *out,
             const char *name,
             gboolean    first)
{
  put (out, first ? "\n  \"" : ",\n  \"");
  put (out, name);
  put (out, "\" : ");
}

static void
json_string (GString    *out,
             const char *name,
             const char *value)
{
  json_member (out, name, FALSE);
  if (value == NULL)
    {
      put (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  json_append_escaped (out, value);
  g_string_append_c (out, '"');
}

/* Decimal digits without printf, which would cost more than the rest of
 * an action; @width pads with zeros. */
static void
append_number (GString *out,
               gint64   value,
               guint    width)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  char buf[24];
  char *end = buf + sizeof buf;
  char *p = end;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0 || (guint) (end - p) < width);
  if (value < 0)
    g_string_append_c (out, '-');
  put_len (out, p, (gsize) (end - p));
}

static void
json_int (GString    *out,
          const char *name,
          gint64      value)
{
  json_member (out, name, FALSE);
  append_number (out, value, 1);
}

static void
json_amount (GString    *out,
             const char *name,
             gint64      minor,
             guint       digits)
{
  json_member (out, name, FALSE);
  g_string_append_c (out, '"');
  od_amount_append (out, minor, digits);
  g_string_append_c (out, '"');
}

/* ISO 8601 with an explicit offset ("+01:00"), whole seconds. */
static void
json_instant (GString    *out,
              const char *name,
              GDateTime  *at)
{
  GTimeSpan offset;
  gint64 minutes;
  int year, month, day;

  if (at == NULL)
    {
      json_string (out, name, NULL);
      return;
    }
  json_member (out, name, FALSE);
  g_date_time_get_ymd (at, &year, &month, &day);
  offset = g_date_time_get_utc_offset (at);
  minutes = (offset < 0 ? -offset : offset) / G_TIME_SPAN_MINUTE;
  g_string_append_c (out, '"');
  append_number (out, year, 1);
  g_string_append_c (out, '-');
  append_number (out, month, 2);
  g_string_append_c (out, '-');
  append_number (out, day, 2);
  g_string_append_c (out, 'T');
  append_number (out, g_date_time_get_hour (at), 2);
  g_string_append_c (out, ':');
  append_number (out, g_date_time_get_minute (at), 2);
  g_string_append_c (out, ':');
  append_number (out, g_date_time_get_second (at), 2);
  g_string_append_c (out, offset < 0 ? '-' : '+');
  append_number (out, minutes / 60, 2);
  g_string_append_c (out, ':');
  append_number (out, minutes % 60, 2);
  g_string_append_c (out, '"');
}

static void
json_action (GString           *out,
             OdDunningSnapshot *snapshot,
             OdDunningAction   *action)
{
  OdDunningCustomer *customer = od_dunning_snapshot_get_customer (snapshot, action->customer_id);
  guint digits = od_currency_minor_digits (action->currency);

  g_string_append_c (out, '{');
  json_member (out, "invoice", TRUE);
  g_string_append_c (out, '"');
  json_append_escaped (out, action->invoice_number);
  g_string_append_c (out, '"');
  json_string (out, "customer", action->customer_ref);
  json_string (out, "customer_name", customer != NULL ? customer->name : NULL);
  json_string (out, "step", action->step);
  json_int (out, "repeat", action->repeat);
  json_string (out, "channel", od_channel_to_string (action->channel));
  json_instant (out, "at", action->at);
  json_amount (out, "amount_due", action->amount_due, digits);
  json_string (out, "currency", action->currency);
  json_amount (out, "fee", action->fee, digits);
  json_amount (out, "interest", action->interest, digits);
  json_int (out, "interest_days", action->interest_days);
  json_amount (out, "compensation", action->compensation, digits);
  if (action->discounted > 0)
    {
      g_autofree char *until = g_date_valid (&action->discount_until)
                               ? od_date_to_iso (&action->discount_until) : NULL;

      json_amount (out, "discounted", action->discounted, digits);
      json_string (out, "discount_until", until);
    }
  json_int (out, "days_overdue", action->days_overdue);
  json_string (out, "status", od_action_status_to_string (action->status));
  json_string (out, "group", action->group);
  json_string (out, "reason", action->reason);
  put (out, "\n}");
}

static void
print_json (OdDunningSnapshot *snapshot,
            OdDunningPlan     *plan)
{
  g_autoptr(GString) out = g_string_sized_new (JSON_FLUSH_AT + 4096);

  g_string_append_c (out, '[');
  for (guint i = 0; i < plan->actions->len; i++)
    {
      put (out, i > 0 ? ",\n" : "\n");
      json_action (out, snapshot, g_ptr_array_index (plan->actions, i));
      if (out->len >= JSON_FLUSH_AT)
        json_flush (out);
    }
  put (out, "\n]\n");
  json_flush (out);
  fflush (stdout);
}

static char *
step_text (const OdDunningAction *action)
{
  if (action->repeat == 0)
    return g_strdup (action->step);
  /* Translators: a step and which repeat of it, e.g. "second-reminder ×2" */
  return g_strdup_printf (_("%s ×%u"), action->step, action->repeat);
}

static char *
when_text (GDateTime *at)
{
  return at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M %Z") : g_strdup ("—");
}

static char *
status_text (const OdDunningAction *action)
{
  const char *status = od_action_status_to_string (action->status);

  if (action->status == OD_ACTION_DUE || action->reason == NULL || *action->reason == '\0')
    return g_strdup (status);
  return g_strdup_printf ("%s: %s", status, action->reason);
}

/* The steps a catch-up passes over, folded into one line per invoice:
 * the clerk needs to know they will never go out, not each of them. */
static char **
superseded_row (OdDunningPlan *plan,
                guint         *index)
{
  OdDunningAction *first = g_ptr_array_index (plan->actions, *index);
  g_autoptr(GString) steps = g_string_new (NULL);
  char **row = g_new0 (char *, 8);
  guint n = 0;

  for (; *index < plan->actions->len; (*index)++, n++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, *index);
      g_autofree char *step = NULL;

      if (action->status != OD_ACTION_SUPERSEDED ||
          action->invoice_id != first->invoice_id)
        break;
      step = step_text (action);
      g_string_append_printf (steps, "%s%s", steps->len > 0 ? ", " : "", step);
    }
  (*index)--;

  row[0] = g_strdup (first->invoice_number);
  /* Translators: the step column for steps a catch-up passes over */
  row[1] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier step",
                                         "%u earlier steps", n), n);
  row[2] = g_strdup ("");
  row[3] = g_strdup ("");
  row[4] = g_strdup ("");
  row[5] = g_strdup ("");
  /* Translators: %s is a list of step names */
  row[6] = g_strdup_printf (_("superseded: %s (never sent)"), steps->str);
  return row;
}

/* One line per action: invoice, step, channel, when (in the customer's
 * time), amount due, fee and status, in columns as wide as the widest. */
static void
print_table (OdDunningSnapshot *snapshot,
             OdDunningPlan     *plan,
             PlanCounts        *counts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  int width[6] = { 0, };
  gint64 last_customer = -1;

  for (guint i = 0; i < plan->actions->len; i++)
    count_action (counts, g_ptr_array_index (plan->actions, i));

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      char **row;

      g_ptr_array_add (owners, action);
      if (action->status == OD_ACTION_SUPERSEDED)
        {
          row = superseded_row (plan, &i);
        }
      else
        {
          g_autofree char *due = amount_text (action->amount_due, action->currency);
          g_autofree char *fee = amount_text (action->fee, action->currency);
          const char *channel = od_channel_to_string (action->channel);

          row = g_new0 (char *, 8);
          row[0] = g_strdup (action->invoice_number);
          row[1] = step_text (action);
          row[2] = g_strdup (channel != NULL ? channel : "—");
          row[3] = when_text (action->at);
          row[4] = g_strdup_printf ("%s %s", due, action->currency);
          /* Translators: the fee column of "overdue-cli plan" */
          row[5] = action->fee > 0 ? g_strdup_printf (_("fee %s"), fee) : g_strdup ("");
          row[6] = status_text (action);
        }
      for (guint c = 0; c < 6; c++)
        width[c] = MAX (width[c], (int) g_utf8_strlen (row[c], -1));
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (owners, i);
      char **row = g_ptr_array_index (rows, i);

      if (action->customer_id != last_customer)
        {
          OdDunningCustomer *customer = od_dunning_snapshot_get_customer (snapshot, action->customer_id);

          g_print ("%s%s (%s)\n", i > 0 ? "\n" : "",
                   customer != NULL ? customer->name : action->customer_ref,
                   action->customer_ref);
          last_customer = action->customer_id;
        }
      g_print ("  ");
      for (guint c = 0; c < 6; c++)
        {
          /* Pad by characters, not bytes: names and zones may be UTF-8. */
          int pad = width[c] - (int) g_utf8_strlen (row[c], -1);

          if (c == 4)
            g_print ("%*s%s  ", pad, "", row[c]);
          else
            g_print ("%s%*s  ", row[c], pad, "");
        }
      g_print ("%s\n", row[6]);
    }
}

static void
print_summary (OdDunningPlan *plan,
               PlanCounts    *counts)
{
  g_autofree char *wakeup = plan->next_wakeup != NULL
                            ? g_date_time_format (plan->next_wakeup, "%Y-%m-%d %H:%M %Z")
                            : NULL;

  if (plan->actions->len > 0)
    g_print ("\n");
  /* Translators: the summary line of "overdue-cli plan" */
  g_print (_("%u due, %u scheduled, %u awaiting review, %u paused, %u passed over, %u other"),
           counts->due, counts->scheduled, counts->review, counts->paused,
           counts->superseded, counts->other);
  if (wakeup != NULL)
    g_print (_("; next wake-up %s\n"), wakeup);
  else
    g_print (_("; nothing further is due\n"));
}

int
od_cli_plan (OdCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *as_of = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Plan as of this instant: an ISO 8601 date-time, or a date for the whole of that day (default: now)"),
      N_("WHEN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  PlanCounts counts = { 0, };
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, NULL,
                             _("Show what the collection policy would do, and when. Writes nothing."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return od_cli_usage (cli, USAGE, NULL);

  /* Planning only reads: it must not create a ledger that is not there. */
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

  snapshot = od_store_load_dunning_snapshot (OD_STORE (store), &error);
  if (snapshot == NULL)
    return od_cli_fail (cli, error);
  policy = od_store_get_effective_policy (OD_STORE (store), 0, &error);
  if (policy == NULL)
    return od_cli_fail (cli, error);

  /* A bare date plans the whole day: what goes out that day is due. */
  plan = od_dunning_plan_full (snapshot, policy, zone, now,
                               od_cli_when_is_day (as_of) ? OD_DUNNING_WHOLE_DAY
                                                          : OD_DUNNING_FLAGS_NONE);

  if (json)
    print_json (snapshot, plan);
  else
    {
      print_table (snapshot, plan, &counts);
      print_summary (plan, &counts);
    }
  return OD_EXIT_OK;
}
