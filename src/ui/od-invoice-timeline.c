/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-invoice-timeline.h"
#include "od-money.h"
#include "od-ui-format.h"

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static const char *
pause_title (OdPauseKind kind)
{
  switch (kind)
    {
    case OD_PAUSE_KIND_DISPUTE:
      return _("Disputed");
    case OD_PAUSE_KIND_PROMISE:
      return _("Promised to pay");
    case OD_PAUSE_KIND_HOLD:
    default:
      return _("On hold");
    }
}

static OdDunningInvoice *
find_entry (OdInvoiceDetail *detail)
{
  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (detail->snapshot); i++)
    {
      OdDunningInvoice *entry = od_dunning_snapshot_get_invoice (detail->snapshot, i);

      if (entry->id == detail->invoice_id)
        return entry;
    }
  return NULL;
}

static void
add_pauses (OdInvoiceDetail          *detail,
            OdInvoiceTimelineAddFunc  add,
            gpointer                  user_data,
            OdInvoicePauseState      *state)
{
  const char *currency = od_invoice_get_currency (detail->invoice);

  for (guint i = 0; i < detail->pauses->len; i++)
    {
      OdDunningPause *pause = g_ptr_array_index (detail->pauses, i);
      g_autofree char *since = od_ui_format_date_long (&pause->since);
      g_autofree char *until = od_ui_format_date_long (&pause->until);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      g_autofree char *amount = NULL;

      if (!pause->resolved)
        {
          state->paused = TRUE;
          state->disputed |= pause->kind == OD_PAUSE_KIND_DISPUTE;
          state->held |= pause->kind == OD_PAUSE_KIND_HOLD;
          state->promised |= pause->kind == OD_PAUSE_KIND_PROMISE;
        }
      if (pause->kind == OD_PAUSE_KIND_PROMISE)
        amount = format_amount (pause->promised_minor > 0 ? pause->promised_minor
                                                          : od_invoice_get_outstanding (detail->invoice),
                                currency);
      if (pause->kind == OD_PAUSE_KIND_PROMISE && g_date_valid (&pause->until))
        /* Translators: a promise to pay: "by 30 November 2026, promised on 23 November 2026" */
        subtitle = g_strdup_printf (_("By %s, promised on %s"), until, since);
      else if (g_date_valid (&pause->until))
        /* Translators: a pause's dates and reason: "1 May 2026 to 9 May 2026 · Wrong amount" */
        subtitle = g_strdup_printf (_("%s to %s · %s"), since, until, pause->reason ? pause->reason : "");
      else
        /* Translators: an open-ended pause: "since 1 May 2026 · Wrong amount" */
        subtitle = g_strdup_printf (_("since %s · %s"), since, pause->reason ? pause->reason : "");
      /* Translators: a pause that has been lifted: "Disputed (ended)" */
      title = pause->resolved ? g_strdup_printf (_("%s (ended)"), pause_title (pause->kind))
                              : g_strdup (pause_title (pause->kind));
      add (user_data,
           pause->resolved ? "object-select-symbolic" : "media-playback-pause-symbolic",
           title, subtitle, amount);
    }
}

static void
add_entry (OdInvoiceDetail          *detail,
           OdDunningInvoice         *entry,
           OdInvoiceTimelineAddFunc  add,
           gpointer                  user_data,
           OdInvoicePauseState      *state)
{
  for (guint j = 0; entry->instalments != NULL && j < entry->instalments->len; j++)
    {
      OdDunningInstalment *instalment = &g_array_index (entry->instalments, OdDunningInstalment, j);
      g_autofree char *due = od_ui_format_date_long (&instalment->due_date);
      g_autofree char *amount = format_amount (instalment->amount, entry->currency);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      state->on_plan = TRUE;
      /* Translators: one instalment of a payment plan: "Instalment 2 of 3" */
      title = g_strdup_printf (_("Instalment %u of %u"), j + 1, entry->instalments->len);
      subtitle = instalment->paid >= instalment->amount
                 /* Translators: %s is a date */
                 ? g_strdup_printf (_("Due %s · paid"), due)
                 : g_strdup_printf (_("Due %s"), due);
      add (user_data, "x-office-calendar-symbolic", title, subtitle, amount);
    }

  for (guint j = 0; j < entry->history->len; j++)
    {
      OdDunningHistory *history = g_ptr_array_index (entry->history, j);
      g_autofree char *at = g_date_time_format (history->at, "%x %H:%M");
      g_autofree char *subtitle = NULL;

      subtitle = history->state == OD_HISTORY_SUPERSEDED
                 ? g_strdup_printf (_("Passed over on %s"), at)
                 : g_strdup_printf (_("Taken on %s by %s"), at,
                                    od_channel_to_string (history->channel));
      add (user_data,
           history->state == OD_HISTORY_SUPERSEDED ? "action-unavailable-symbolic"
                                                   : "mail-send-symbolic",
           history->step, subtitle, NULL);
    }
}

void
od_invoice_timeline_build (OdInvoiceDetail          *detail,
                           OdInvoiceTimelineAddFunc  add,
                           gpointer                  user_data,
                           OdInvoicePauseState      *state)
{
  const char *currency = od_invoice_get_currency (detail->invoice);
  OdDunningInvoice *entry = find_entry (detail);
  guint n_rows = 0;

  memset (state, 0, sizeof *state);
  n_rows += detail->pauses->len;
  add_pauses (detail, add, user_data, state);
  if (entry != NULL)
    {
      n_rows += entry->history->len + (entry->instalments != NULL ? entry->instalments->len : 0);
      add_entry (detail, entry, add, user_data, state);
    }

  for (guint i = 0; detail->plan != NULL && i < detail->plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (detail->plan->actions, i);
      g_autofree char *at = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *amount = NULL;

      if (action->invoice_id != detail->invoice_id)
        continue;
      n_rows++;
      at = g_date_time_format (action->at, "%x %H:%M");
      amount = format_amount (action->amount_due + action->fee, action->currency[0] ? action->currency : currency);
      if (action->status == OD_ACTION_DUE || action->status == OD_ACTION_SCHEDULED)
        /* Translators: a planned step: "by email on 12/01/2026 09:00" */
        subtitle = g_strdup_printf (_("By %s on %s"), od_channel_to_string (action->channel), at);
      else
        subtitle = g_strdup_printf ("%s · %s", at, action->reason != NULL ? action->reason
                                                : od_action_status_to_string (action->status));
      add (user_data, action->status == OD_ACTION_DUE ? "mail-unread-symbolic" : "alarm-symbolic",
           action->step, subtitle, amount);
    }

  if (n_rows == 0)
    add (user_data, NULL,
         od_invoice_get_status (detail->invoice) == OD_INVOICE_STATUS_OPEN
         ? _("Nothing planned") : _("Not chased: the invoice is settled"),
         NULL, NULL);
}
