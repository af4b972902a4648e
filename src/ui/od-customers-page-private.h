/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by od-customers-page.c (the list and the view) and
 * od-customers-page-delete.c (archive, unarchive, delete with Undo). */

#include "od-customer-editor.h"
#include "od-customer-list.h"
#include "od-customer-view.h"
#include "od-customers-page.h"

G_BEGIN_DECLS

struct _OdCustomersPage
{
  AdwBin                parent_instance;

  OdContext            *context;
  OdCustomerList       *customers;
  GCancellable         *cancellable;
  OdCustomerView       *view;
  GtkWidget            *editor;       /* weak */
  GPtrArray            *pending;      /* Pending* deletes waiting on their toast */

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *archived_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *empty_page;
  GtkSingleSelection   *selection;
  GtkStack             *detail_stack;
  AdwBin               *view_bin;
};

void _od_customers_page_load                  (OdCustomersPage *self);
void _od_customers_page_show_customer         (OdCustomersPage *self,
                                               OdCustomer      *customer);
/* Deletes waiting on their toast are committed (the page is going). */
void _od_customers_page_commit_pending        (OdCustomersPage *self);
void _od_customers_page_pending_free          (gpointer         data);

void _od_customers_page_delete_activated      (GtkWidget       *widget,
                                               const char      *action_name,
                                               GVariant        *parameter);
void _od_customers_page_undo_delete_activated (GtkWidget       *widget,
                                               const char      *action_name,
                                               GVariant        *parameter);
void _od_customers_page_unarchive_activated   (GtkWidget       *widget,
                                               const char      *action_name,
                                               GVariant        *parameter);

G_END_DECLS
