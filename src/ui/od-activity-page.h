/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

/* The filter's choices, in the order of its drop-down. */
typedef enum
{
  OD_ACTIVITY_FILTER_ALL,
  OD_ACTIVITY_FILTER_REVIEW,
  OD_ACTIVITY_FILTER_FAILED,
  OD_ACTIVITY_FILTER_UNKNOWN,
  OD_ACTIVITY_FILTER_SENT,
  OD_ACTIVITY_FILTER_CANCELLED,
} OdActivityFilter;

#define OD_TYPE_ACTIVITY_PAGE (od_activity_page_get_type ())
G_DECLARE_FINAL_TYPE (OdActivityPage, od_activity_page, OD, ACTIVITY_PAGE, AdwBin)

/*
 * The outbox, newest first, filtered by state, and the selected message
 * as it was sent with what can be decided about it: approve or skip a
 * review, retry or cancel a failure, say whether an 'unknown' send went
 * out. Decisions are the store's (overdue-cli outbox VERB ID), made in a
 * worker thread; the list is read again after each one and whenever the
 * page is shown.
 *
 * Actions: activity.approve, .skip, .retry, .cancel, .mark-sent and
 * .mark-failed on the selected message (the last two ask first);
 * activity.decide "(xs)" (id, decision name) decides without asking.
 */
OdActivityPage *od_activity_page_new        (OdContext        *context);
/* The messages shown (a GListModel of OdActivityItem). */
GListModel     *od_activity_page_get_items  (OdActivityPage   *self);
void            od_activity_page_set_filter (OdActivityPage   *self,
                                             OdActivityFilter  filter);
/* Reads the outbox again, keeping the selection. */
void            od_activity_page_reload     (OdActivityPage   *self);
/* Selects the message with @id among those shown; FALSE if not shown. */
gboolean        od_activity_page_select_id  (OdActivityPage   *self,
                                             gint64            id);
/* Whether a read or a decision is under way (tests wait for it). */
gboolean        od_activity_page_is_busy    (OdActivityPage   *self);

G_END_DECLS
