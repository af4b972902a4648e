/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-invoice-edit.h"
#include "od-invoice-timeline.h"
#include "od-invoice-view.h"

G_BEGIN_DECLS

/* Shared by od-invoice-view.c (reading and showing the invoice) and
 * od-invoice-actions.c (what the owner does to it). */

struct _OdInvoiceView
{
  AdwBin               parent_instance;

  OdContext           *context;
  GCancellable        *cancellable;
  GPtrArray           *rows;        /* (group, row) pairs added for this invoice */
  OdInvoice           *invoice;
  gint64               invoice_id;
  guint                busy;
  OdInvoicePauseState  state;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *lines_group;
  AdwPreferencesGroup *payments_group;
  AdwPreferencesGroup *charges_group;
  AdwPreferencesGroup *timeline_group;
  AdwActionRow        *customer_row;
  AdwActionRow        *dates_row;
  GtkLabel            *total_label;
  GtkLabel            *paid_label;
  GtkLabel            *outstanding_label;
};

enum {
  OD_INVOICE_VIEW_INVOICE_CHANGED,
  OD_INVOICE_VIEW_DELETED,
  OD_INVOICE_VIEW_N_SIGNALS
};

/* Reads the invoice again. */
void  od_invoice_view_read              (OdInvoiceView  *self);
void  od_invoice_view_update_actions    (OdInvoiceView  *self);
/* Makes @edit (taken) in a thread; emits "invoice-changed" and reads the
 * invoice again once saved, shows the error if not. */
void  od_invoice_view_run_edit          (OdInvoiceView  *self,
                                         OdInvoiceEdit  *edit);
/* Emits "deleted" for the invoice hidden for its pending delete. */
void  od_invoice_view_emit_deleted      (OdInvoiceView  *self,
                                         gint64          invoice_id,
                                         const char     *number,
                                         OdInvoiceStatus status);
/* Installs the "invoice.*" actions (od-invoice-actions.c). */
void  od_invoice_view_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
