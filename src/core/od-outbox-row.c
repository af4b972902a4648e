/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "od-outbox-row.h"
#include "od-store.h"

static const char * const state_names[] = {
  [OD_OUTBOX_STATE_QUEUED] = "queued",
  [OD_OUTBOX_STATE_SENDING] = "sending",
  [OD_OUTBOX_STATE_SENT] = "sent",
  [OD_OUTBOX_STATE_FAILED] = "failed",
  [OD_OUTBOX_STATE_UNKNOWN] = "unknown",
  [OD_OUTBOX_STATE_AWAITING_REVIEW] = "awaiting-review",
  [OD_OUTBOX_STATE_CANCELLED] = "cancelled",
};

static const char * const decision_names[] = {
  [OD_OUTBOX_APPROVE] = "approve",
  [OD_OUTBOX_SKIP] = "skip",
  [OD_OUTBOX_RETRY] = "retry",
  [OD_OUTBOX_CANCEL] = "cancel",
  [OD_OUTBOX_MARK_SENT] = "mark-sent",
  [OD_OUTBOX_MARK_FAILED] = "mark-failed",
};

static const guint default_retry[] = { 1, 5, 30, 60 };

/* Reads /proc/PID/stat's 22nd field, the process's start in clock ticks
 * after boot: with the pid it names one process for the life of a boot.
 * The command name (field 2) may hold spaces and parentheses, so the
 * fields are counted after its last ')'. */
static gboolean
read_start_ticks (long     pid,
                  guint64 *ticks)
{
  g_autofree char *path = g_strdup_printf ("/proc/%ld/stat", pid);
  g_autofree char *contents = NULL;
  const char *p;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  p = strrchr (contents, ')');
  if (p == NULL)
    return FALSE;
  p++;
  /* A zombie has stopped: it will send nothing more. */
  if (p[0] == ' ' && (p[1] == 'Z' || p[1] == 'X'))
    return FALSE;
  /* After ')' come field 3 (state) … field 22 (starttime). */
  for (guint field = 3; field < 22; field++)
    {
      p = strchr (p + 1, ' ');
      if (p == NULL)
        return FALSE;
    }
  *ticks = g_ascii_strtoull (p + 1, NULL, 10);
  return TRUE;
}

static char *
read_boot_id (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("-");
  return g_strstrip (contents);
}

const char *
od_outbox_state_to_string (OdOutboxState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
od_outbox_state_from_string (const char    *text,
                             OdOutboxState *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    {
      if (strcmp (text, state_names[i]) == 0)
        {
          *out = (OdOutboxState) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
od_outbox_decision_to_string (OdOutboxDecision decision)
{
  g_return_val_if_fail (decision < G_N_ELEMENTS (decision_names), NULL);

  return decision_names[decision];
}

gboolean
od_outbox_decision_from_string (const char       *text,
                                OdOutboxDecision *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (decision_names); i++)
    {
      if (strcmp (text, decision_names[i]) == 0)
        {
          *out = (OdOutboxDecision) i;
          return TRUE;
        }
    }
  return FALSE;
}

void
od_outbox_row_free (OdOutboxRow *row)
{
  if (row == NULL)
    return;
  g_free (row->idempotency_key);
  g_free (row->customer_ref);
  g_free (row->customer_name);
  g_free (row->step);
  g_free (row->last_error);
  g_free (row->message_id);
  g_free (row->payload);
  g_free (row->claim_owner);
  g_clear_pointer (&row->next_attempt_at, g_date_time_unref);
  g_clear_pointer (&row->claimed_at, g_date_time_unref);
  g_clear_pointer (&row->sent_at, g_date_time_unref);
  g_clear_pointer (&row->done_at, g_date_time_unref);
  g_clear_pointer (&row->created_at, g_date_time_unref);
  g_clear_pointer (&row->updated_at, g_date_time_unref);
  g_strfreev (row->invoices);
  g_free (row);
}

OdOutboxItem *
od_outbox_item_new (gint64      invoice_id,
                    const char *step,
                    guint       repeat,
                    GDateTime  *at)
{
  OdOutboxItem *item;

  g_return_val_if_fail (step != NULL && at != NULL, NULL);

  item = g_new0 (OdOutboxItem, 1);
  item->invoice_id = invoice_id;
  item->step = g_strdup (step);
  item->repeat = repeat;
  item->at = g_date_time_ref (at);
  return item;
}

void
od_outbox_item_free (OdOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->step);
  g_clear_pointer (&item->at, g_date_time_unref);
  g_free (item);
}

OdOutboxEntry *
od_outbox_entry_new (gint64        customer_id,
                     OdChannel     channel,
                     OdOutboxState state)
{
  OdOutboxEntry *entry;

  g_return_val_if_fail (state == OD_OUTBOX_STATE_QUEUED ||
                        state == OD_OUTBOX_STATE_AWAITING_REVIEW, NULL);

  entry = g_new0 (OdOutboxEntry, 1);
  entry->customer_id = customer_id;
  entry->channel = channel;
  entry->state = state;
  entry->items = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_item_free);
  return entry;
}

void
od_outbox_entry_free (OdOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->step);
  g_free (entry->payload);
  g_clear_pointer (&entry->items, g_ptr_array_unref);
  g_free (entry);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const OdOutboxItem *x = *(const OdOutboxItem **) a;
  const OdOutboxItem *y = *(const OdOutboxItem **) b;
  int result;

  if (x->invoice_id != y->invoice_id)
    return x->invoice_id < y->invoice_id ? -1 : 1;
  result = strcmp (x->step, y->step);
  if (result != 0)
    return result;
  return x->repeat < y->repeat ? -1 : x->repeat > y->repeat;
}

/**
 * od_outbox_idempotency_key:
 *
 * A SHA-256 over "channel|invoice/step/repeat|…" in invoice order, so a
 * long batch still makes a short key, prefixed by the channel to be read.
 *
 * Returns: (transfer full): the key
 */
char *
od_outbox_idempotency_key (OdChannel  channel,
                           GPtrArray *items)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GString) text = g_string_new (od_channel_to_string (channel));
  g_autofree char *digest = NULL;

  g_return_val_if_fail (items != NULL && items->len > 0, NULL);

  sorted = g_ptr_array_copy (items, NULL, NULL);
  g_ptr_array_sort (sorted, compare_items);
  for (guint i = 0; i < sorted->len; i++)
    {
      OdOutboxItem *item = g_ptr_array_index (sorted, i);

      g_string_append_printf (text, "|%" G_GINT64_FORMAT "/%s/%u",
                              item->invoice_id, item->step, item->repeat);
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  return g_strdup_printf ("%s-%.40s", od_channel_to_string (channel), digest);
}

OdOutboxSchedule *
od_outbox_schedule_new_default (void)
{
  OdOutboxSchedule *schedule = g_new0 (OdOutboxSchedule, 1);

  schedule->retry_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (schedule->retry_minutes, default_retry, G_N_ELEMENTS (default_retry));
  schedule->give_up_minutes = 72 * 60;
  schedule->lease_minutes = 15;
  return schedule;
}

static gboolean
parse_count (const char  *text,
             const char  *key,
             guint64      max,
             guint       *out,
             GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (g_strstrip ((char *) text), 10, 1, max, &value, NULL))
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                   _("Setting “%s”: “%s” is not a whole number from 1 to %" PRIu64),
                   key, text, max);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

OdOutboxSchedule *
od_outbox_schedule_parse (const char  *retry,
                          const char  *give_up_hours,
                          const char  *lease_minutes,
                          GError     **error)
{
  g_autoptr(OdOutboxSchedule) schedule = od_outbox_schedule_new_default ();

  if (retry != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (retry, ",", -1);

      g_array_set_size (schedule->retry_minutes, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint minutes;

          if (!parse_count (parts[i], OD_OUTBOX_SETTING_RETRY, 7 * 24 * 60, &minutes, error))
            return NULL;
          g_array_append_val (schedule->retry_minutes, minutes);
        }
      if (schedule->retry_minutes->len == 0)
        {
          g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_FAILED,
                       _("Setting “%s” names no wait"), OD_OUTBOX_SETTING_RETRY);
          return NULL;
        }
    }
  if (give_up_hours != NULL)
    {
      g_autofree char *copy = g_strdup (give_up_hours);
      guint hours;

      if (!parse_count (copy, OD_OUTBOX_SETTING_GIVE_UP, 24 * 365, &hours, error))
        return NULL;
      schedule->give_up_minutes = hours * 60;
    }
  if (lease_minutes != NULL)
    {
      g_autofree char *copy = g_strdup (lease_minutes);

      if (!parse_count (copy, OD_OUTBOX_SETTING_LEASE, 24 * 60, &schedule->lease_minutes, error))
        return NULL;
    }
  return g_steal_pointer (&schedule);
}

void
od_outbox_schedule_free (OdOutboxSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_clear_pointer (&schedule->retry_minutes, g_array_unref);
  g_free (schedule);
}

/**
 * od_outbox_schedule_next:
 *
 * Returns: (transfer full) (nullable): the next attempt, or %NULL to give up
 */
GDateTime *
od_outbox_schedule_next (OdOutboxSchedule *schedule,
                         guint             failures,
                         GDateTime        *first,
                         GDateTime        *now)
{
  GArray *waits;
  guint wait;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) limit = NULL;

  g_return_val_if_fail (schedule != NULL && failures > 0 && now != NULL, NULL);

  waits = schedule->retry_minutes;
  wait = g_array_index (waits, guint, MIN (failures, waits->len) - 1);
  next = g_date_time_add_minutes (now, wait);
  limit = g_date_time_add_minutes (first != NULL ? first : now, schedule->give_up_minutes);
  if (g_date_time_compare (next, limit) > 0)
    return NULL;
  return g_steal_pointer (&next);
}

const char *
od_outbox_owner_self (void)
{
  static char *owner = NULL;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autofree char *boot = read_boot_id ();
      guint64 ticks = 0;
      long pid = (long) getpid ();

      read_start_ticks (pid, &ticks);
      owner = g_strdup_printf ("%s %s %ld %" G_GUINT64_FORMAT,
                               g_get_host_name (), boot, pid, ticks);
      g_once_init_leave (&once, 1);
    }
  return owner;
}

gboolean
od_outbox_owner_is_alive (const char *owner)
{
  g_auto(GStrv) mine = g_strsplit (od_outbox_owner_self (), " ", 4);
  g_auto(GStrv) theirs = NULL;
  guint64 ticks;
  long pid;

  if (owner == NULL)
    return FALSE;
  theirs = g_strsplit (owner, " ", 4);
  /* Not one of ours: it cannot be checked, so its lease decides. */
  if (g_strv_length (theirs) != 4)
    return TRUE;
  if (g_strcmp0 (theirs[0], mine[0]) != 0)
    return TRUE;
  /* This machine, but booted since: every process of then is gone. */
  if (g_strcmp0 (theirs[1], mine[1]) != 0)
    return FALSE;
  pid = strtol (theirs[2], NULL, 10);
  if (pid <= 0 || !read_start_ticks (pid, &ticks))
    return FALSE;
  return ticks == g_ascii_strtoull (theirs[3], NULL, 10);
}
