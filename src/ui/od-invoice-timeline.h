/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-invoice-detail.h"

G_BEGIN_DECLS

/* Adds one row: @icon_name, @subtitle and @value may be NULL. */
typedef void (*OdInvoiceTimelineAddFunc) (gpointer    user_data,
                                          const char *icon_name,
                                          const char *title,
                                          const char *subtitle,
                                          const char *value);

/* What the invoice's unresolved pauses say. */
typedef struct
{
  gboolean paused;
  gboolean disputed;
  gboolean held;
  gboolean promised;
  gboolean on_plan;
} OdInvoicePauseState;

/*
 * The invoice's collection timeline, oldest first: its pauses (disputes,
 * holds, promises to pay), its payment plan's instalments, the steps
 * taken or passed over, and the steps planned. Calls @add per row (at
 * least one) and fills @state.
 */
void od_invoice_timeline_build (OdInvoiceDetail          *detail,
                                OdInvoiceTimelineAddFunc  add,
                                gpointer                  user_data,
                                OdInvoicePauseState      *state);

G_END_DECLS
