/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-ui-format.h"
#include "od-dashboard.h"
#include "od-pdf.h"
#include "od-money.h"
#include "od-window.h"

#define MAX_ROWS 5   /* per kind in "Needs you", and in "Next out" */

static void
item_free (OdDashboardItem *item)
{
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item);
}

static OdDashboardItem *
add_item (GPtrArray  *items,
          const char *icon,
          const char *page,
          gint64      invoice_id,
          char       *title,
          char       *subtitle)
{
  OdDashboardItem *item = g_new0 (OdDashboardItem, 1);

  item->icon = icon;
  item->page = page;
  item->invoice_id = invoice_id;
  item->title = title;
  item->subtitle = subtitle;
  g_ptr_array_add (items, item);
  return item;
}

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static const char *
customer_name (OdDunningSnapshot *snapshot,
               gint64             customer_id)
{
  OdDunningCustomer *customer = od_dunning_snapshot_get_customer (snapshot, customer_id);

  return customer != NULL && customer->name != NULL ? customer->name : "";
}

/* The outbox's counts as rows that lead to the page where they are done. */
static void
add_outbox_needs (GPtrArray            *needs,
                  const OdOutboxCounts *counts)
{
  guint n;

  if ((n = counts->states[OD_OUTBOX_STATE_AWAITING_REVIEW]) > 0)
    add_item (needs, "document-edit-symbolic", OD_WINDOW_PAGE_ACTIVITY, 0,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message awaits your approval",
                                            "%u messages await your approval", n), n),
              g_strdup (_("Read them, then approve or skip")));
  if ((n = counts->letters_to_print) > 0)
    add_item (needs, "printer-symbolic", OD_WINDOW_PAGE_LETTERS, 0,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter to print",
                                            "%u letters to print", n), n),
              g_strdup (_("Print them and mark them as posted")));
  if ((n = counts->calls_to_make) > 0)
    add_item (needs, "call-start-symbolic", OD_WINDOW_PAGE_ACTIVITY, 0,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call to make",
                                            "%u calls to make", n), n),
              g_strdup (_("Call, then mark the call as made")));
  if ((n = counts->states[OD_OUTBOX_STATE_FAILED]) > 0)
    add_item (needs, "dialog-warning-symbolic", OD_WINDOW_PAGE_ACTIVITY, 0,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message failed to send",
                                            "%u messages failed to send", n), n),
              g_strdup (_("Retry or cancel them")));
  if ((n = counts->states[OD_OUTBOX_STATE_UNKNOWN]) > 0)
    add_item (needs, "dialog-question-symbolic", OD_WINDOW_PAGE_ACTIVITY, 0,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message may not have arrived",
                                            "%u messages may not have arrived", n), n),
              g_strdup (_("The connection broke while sending: say whether it arrived")));
}

/* Invoices whose promised date passed without a new promise. */
static void
add_broken_promises (GPtrArray         *needs,
                     OdDunningSnapshot *snapshot,
                     const GDate       *today)
{
  guint shown = 0;

  for (guint i = 0; i < od_dunning_snapshot_get_n_invoices (snapshot) && shown < MAX_ROWS; i++)
    {
      OdDunningInvoice *invoice = od_dunning_snapshot_get_invoice (snapshot, i);
      const OdDunningPause *broken = NULL;
      gboolean kept_open = FALSE;

      if (invoice->status != OD_INVOICE_STATUS_OPEN)
        continue;
      for (guint j = 0; j < invoice->pauses->len; j++)
        {
          const OdDunningPause *pause = g_ptr_array_index (invoice->pauses, j);

          if (pause->kind != OD_PAUSE_KIND_PROMISE || pause->resolved)
            continue;
          if (g_date_valid (&pause->until) && g_date_compare (&pause->until, today) < 0)
            broken = pause;
          else
            kept_open = TRUE;
        }
      if (broken != NULL && !kept_open)
        {
          char date[64] = "";

          /* Translators: a date on the dashboard, see strftime(3) */
          g_date_strftime (date, sizeof date, _("%-d %b %Y"), &broken->until);
          add_item (needs, "appointment-missed-symbolic", NULL, invoice->id,
                    g_strdup_printf (_("Promise broken on %s"), invoice->number),
                    /* Translators: "Customer name · promised to pay by 12 Nov 2026" */
                    g_strdup_printf (_("%s · promised to pay by %s"),
                                     customer_name (snapshot, invoice->customer_id), date));
          shown++;
        }
    }
}

static int
compare_actions_by_time (gconstpointer a,
                         gconstpointer b)
{
  const OdDunningAction *x = *(OdDunningAction * const *) a;
  const OdDunningAction *y = *(OdDunningAction * const *) b;

  return g_date_time_compare (x->at, y->at);
}

static void
add_plan_rows (OdDashboard       *data,
               OdDunningSnapshot *snapshot,
               OdDunningPlan     *plan,
               GDateTime         *now)
{
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new ();
  guint reviews = 0;

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == OD_ACTION_AWAITING_REVIEW && reviews++ < MAX_ROWS)
        {
          g_autofree char *amount = format_amount (action->amount_due + action->fee, action->currency);
          g_autofree char *step = od_pdf_step_label (action->step);

          add_item (data->needs, "document-edit-symbolic", NULL, action->invoice_id,
                    /* Translators: "Review: Demand letter for 2026-0151" */
                    g_strdup_printf (_("Review: %s for %s"), step, action->invoice_number),
                    g_strdup_printf ("%s · %s", customer_name (snapshot, action->customer_id), amount));
        }
      else if (action->status == OD_ACTION_DUE || action->status == OD_ACTION_SCHEDULED)
        g_ptr_array_add (upcoming, action);
    }

  g_ptr_array_sort (upcoming, compare_actions_by_time);
  for (guint i = 0; i < upcoming->len && i < MAX_ROWS; i++)
    {
      OdDunningAction *action = g_ptr_array_index (upcoming, i);
      g_autofree char *when = NULL;
      g_autofree char *step = od_pdf_step_label (action->step);
      g_autofree char *channel = od_pdf_channel_label (action->channel);

      if (action->status == OD_ACTION_DUE || g_date_time_compare (action->at, now) <= 0)
        when = g_strdup (_("due now"));
      else
        /* Translators: when a reminder goes out, see g_date_time_format() */
        when = g_date_time_format (action->at, _("%a %-d %b, %H:%M"));
      add_item (data->next, "mail-send-symbolic", NULL, action->invoice_id,
                /* Translators: "Payment reminder · 2026-0162" */
                g_strdup_printf (_("%s · %s"), step, action->invoice_number),
                /* Translators: "Customer name · Email · Thu 26 Nov, 09:00" */
                g_strdup_printf (_("%s · %s · %s"), customer_name (snapshot, action->customer_id),
                                 channel, when));
    }
}

/* Public API */

OdDashboard *
od_dashboard_read (OdStore     *store,
                   GTimeZone   *zone,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr(OdDashboard) data = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  OdOutboxCounts counts = { { 0, }, };
  GDate from;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_new0 (OdDashboard, 1);
  g_date_clear (&data->today, 1);
  g_date_set_dmy (&data->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  /* DSO over the last 90 days, as overdue-cli report dso. */
  from = data->today;
  g_date_subtract_days (&from, 89);
  data->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  data->next = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  if ((data->aging = od_report_aging_new (store, &data->today, NULL, 0, error)) == NULL ||
      (data->dso = od_report_dso_new (store, &from, &data->today, error)) == NULL ||
      !od_store_outbox_count (store, &counts, error) ||
      (snapshot = od_store_load_dunning_snapshot (store, error)) == NULL ||
      (policy = od_store_get_effective_policy (store, 0, error)) == NULL)
    return NULL;
  plan = od_dunning_plan_full (snapshot, policy, zone, now, OD_DUNNING_FLAGS_NONE);

  add_outbox_needs (data->needs, &counts);
  add_plan_rows (data, snapshot, plan, now);
  add_broken_promises (data->needs, snapshot, &data->today);
  return g_steal_pointer (&data);
}

void
od_dashboard_free (OdDashboard *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->aging, od_report_aging_free);
  g_clear_pointer (&data->dso, od_report_dso_free);
  g_clear_pointer (&data->needs, g_ptr_array_unref);
  g_clear_pointer (&data->next, g_ptr_array_unref);
  g_free (data);
}
