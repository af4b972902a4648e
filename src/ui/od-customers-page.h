/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"

G_BEGIN_DECLS

#define OD_TYPE_CUSTOMERS_PAGE (od_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (OdCustomersPage, od_customers_page, OD, CUSTOMERS_PAGE, AdwBin)

/* The customers with a search, and the selected one's details (read-only
 * for now). */
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

G_END_DECLS
