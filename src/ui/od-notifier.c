/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One notification per kind of work that needs a person. A pass that
 * finds the same work as the last one changes nothing on screen: the
 * owner is told again only when the count changes, and a notification
 * goes away by itself once its work is done. The day's summary appears
 * once, at the first pass after OD_NOTIFIER_SUMMARY_HOUR, and is updated
 * in place if more goes out later that day.
 */
#include <glib/gi18n.h>

#include "od-notifier.h"

struct _OdNotifier
{
  GObject       parent_instance;

  GApplication *application;  /* weak: the application owns us */
  GTimeZone    *zone;
  guint         shown[OD_NOTIFY_N_KINDS];  /* the count on screen, 0 = none */
  GDate         day;
  guint         sent_today;
};

G_DEFINE_FINAL_TYPE (OdNotifier, od_notifier, G_TYPE_OBJECT)

static const char *const kind_ids[OD_NOTIFY_N_KINDS] = {
  "overdue-review",
  "overdue-letters",
  "overdue-calls",
  "overdue-failed",
  "overdue-unknown",
  "overdue-summary",
};

static const char *const kind_pages[OD_NOTIFY_N_KINDS] = {
  OD_PAGE_REVIEW,
  OD_PAGE_LETTERS,
  OD_PAGE_CALLS,
  OD_PAGE_OUTBOX,
  OD_PAGE_OUTBOX,
  OD_PAGE_ACTIVITY,
};

static char *
title_for (OdNotifyKind kind,
           guint        count)
{
  switch (kind)
    {
    case OD_NOTIFY_REVIEW:
      return g_strdup_printf (ngettext ("%u step waits for your review",
                                        "%u steps wait for your review", count), count);
    case OD_NOTIFY_LETTERS:
      return g_strdup_printf (ngettext ("%u letter to print",
                                        "%u letters to print", count), count);
    case OD_NOTIFY_CALLS:
      return g_strdup_printf (ngettext ("%u call to make",
                                        "%u calls to make", count), count);
    case OD_NOTIFY_FAILED:
      return g_strdup_printf (ngettext ("%u message could not be sent",
                                        "%u messages could not be sent", count), count);
    case OD_NOTIFY_UNKNOWN:
      return g_strdup_printf (ngettext ("%u message may not have been sent",
                                        "%u messages may not have been sent", count), count);
    case OD_NOTIFY_SUMMARY:
      return g_strdup_printf (ngettext ("Overdue sent %u message today",
                                        "Overdue sent %u messages today", count), count);
    case OD_NOTIFY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
body_for (OdNotifyKind kind)
{
  switch (kind)
    {
    case OD_NOTIFY_REVIEW:
      return _("Demand letters and hand-offs go out only after you approve them.");
    case OD_NOTIFY_LETTERS:
      return _("Print them in one batch, then mark them mailed.");
    case OD_NOTIFY_CALLS:
      return _("Each call lists the customer’s number and what is due.");
    case OD_NOTIFY_FAILED:
      return _("Check the address or the account settings, then send again or cancel.");
    case OD_NOTIFY_UNKNOWN:
      return _("Overdue stopped while sending them. Check whether they arrived before sending again.");
    case OD_NOTIFY_SUMMARY:
      return _("Reminders went out on time. Open the activity to see them.");
    case OD_NOTIFY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
show (OdNotifier   *self,
      OdNotifyKind  kind,
      guint         count)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  if (self->shown[kind] == count || self->application == NULL)
    return;
  self->shown[kind] = count;

  if (count == 0)
    {
      g_application_withdraw_notification (self->application, kind_ids[kind]);
      return;
    }

  title = title_for (kind, count);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body_for (kind));
  g_notification_set_default_action_and_target (notification, "app.show-page", "s",
                                                kind_pages[kind]);
  if (kind == OD_NOTIFY_FAILED || kind == OD_NOTIFY_UNKNOWN)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  else if (kind == OD_NOTIFY_SUMMARY)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);
  g_application_send_notification (self->application, kind_ids[kind], notification);
}

static void
od_notifier_finalize (GObject *object)
{
  OdNotifier *self = OD_NOTIFIER (object);

  g_clear_weak_pointer (&self->application);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (od_notifier_parent_class)->finalize (object);
}

static void
od_notifier_class_init (OdNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_notifier_finalize;
}

static void
od_notifier_init (OdNotifier *self)
{
  self->zone = g_time_zone_new_local ();
  g_date_clear (&self->day, 1);
}

/**
 * od_notifier_new:
 * @application: the application that sends the notifications
 *
 * Returns: (transfer full): a notifier
 */
OdNotifier *
od_notifier_new (GApplication *application)
{
  OdNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (OD_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}

/* The zone whose days the summary counts (the system's by default). */
void
od_notifier_set_time_zone (OdNotifier *self,
                           GTimeZone  *zone)
{
  g_return_if_fail (OD_IS_NOTIFIER (self));
  g_return_if_fail (zone != NULL);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
}

/**
 * od_notifier_update:
 * @self: a notifier
 * @summary: what a pass did and what waits for a person
 *
 * Brings the notifications in line with @summary; connect it to
 * #OdScheduler::pass-finished.
 */
void
od_notifier_update (OdNotifier          *self,
                    const OdPassSummary *summary)
{
  g_autoptr(GDateTime) local = NULL;
  GDate today;

  g_return_if_fail (OD_IS_NOTIFIER (self));
  g_return_if_fail (summary != NULL);

  show (self, OD_NOTIFY_REVIEW, summary->awaiting_review);
  show (self, OD_NOTIFY_LETTERS, summary->letters_to_print);
  show (self, OD_NOTIFY_CALLS, summary->calls_to_make);
  show (self, OD_NOTIFY_FAILED, summary->failed);
  show (self, OD_NOTIFY_UNKNOWN, summary->unknown);

  local = g_date_time_to_timezone (summary->now, self->zone);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  if (!g_date_valid (&self->day) || g_date_compare (&today, &self->day) != 0)
    {
      /* Yesterday's summary stays on screen until today's replaces it. */
      self->day = today;
      self->sent_today = 0;
      self->shown[OD_NOTIFY_SUMMARY] = 0;
    }
  self->sent_today += summary->sent;
  if (g_date_time_get_hour (local) >= OD_NOTIFIER_SUMMARY_HOUR && self->sent_today > 0)
    show (self, OD_NOTIFY_SUMMARY, self->sent_today);
}

const char *
od_notifier_kind_id (OdNotifyKind kind)
{
  g_return_val_if_fail (kind < OD_NOTIFY_N_KINDS, NULL);

  return kind_ids[kind];
}
