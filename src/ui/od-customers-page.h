/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-customer-view.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMERS_PAGE (od_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomersPage, od_customers_page, OD, CUSTOMERS_PAGE, AdwBin)

/* The customers with a search (archived ones on request), the selected
 * one in an OdCustomerView, new (Ctrl+N) and edit in an OdCustomerEditor,
 * delete with Undo (refused while invoices refer to the customer, which
 * is then offered to be archived: hidden and not chased). Actions:
 * customers.new, customers.edit, customers.delete. */
OdCustomersPage *od_customers_page_new           (OdContext       *context);
/* The customers shown (a GListModel of OdCustomer). */
GListModel      *od_customers_page_get_customers (OdCustomersPage *self);
void             od_customers_page_set_search    (OdCustomersPage *self,
                                                  const char      *text);
void             od_customers_page_focus_search  (OdCustomersPage *self);
/* Reads the list again (after an edit elsewhere), keeping the search. */
void             od_customers_page_reload        (OdCustomersPage *self);
/* Shows @position's details (for tests and keyboard navigation). */
void             od_customers_page_select        (OdCustomersPage *self,
                                                  guint            position);

OdCustomerView  *od_customers_page_get_view      (OdCustomersPage *self);
/* The editor customers.new or customers.edit opened, while it is open. */
GtkWidget       *od_customers_page_get_editor    (OdCustomersPage *self);
/* Whether the view is reading or writing (tests wait for it to end). */
gboolean         od_customers_page_is_loading    (OdCustomersPage *self);

G_END_DECLS
