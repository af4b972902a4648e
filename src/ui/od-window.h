/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-customers-page.h"
#include "od-invoices-page.h"

G_BEGIN_DECLS

#define OD_TYPE_WINDOW (od_window_get_type ())
G_DECLARE_FINAL_TYPE (OdWindow, od_window, OD, WINDOW, AdwApplicationWindow)

/* The pages, by the names "win.show-page" takes. */
#define OD_WINDOW_PAGE_TODAY     "today"
#define OD_WINDOW_PAGE_INVOICES  "invoices"
#define OD_WINDOW_PAGE_CUSTOMERS "customers"
#define OD_WINDOW_PAGE_ACTIVITY  "activity"
#define OD_WINDOW_PAGE_LETTERS   "letters"
#define OD_WINDOW_PAGE_REPORTS   "reports"

OdWindow        *od_window_new                (AdwApplication *application,
                                               OdContext      *context);
OdContext       *od_window_get_context        (OdWindow       *self);
void             od_window_show_page          (OdWindow       *self,
                                               const char     *name);
const char      *od_window_get_visible_page   (OdWindow       *self);
OdInvoicesPage  *od_window_get_invoices_page  (OdWindow       *self);
OdCustomersPage *od_window_get_customers_page (OdWindow       *self);
/* The customers shown (a GListModel of OdCustomer), for tests. */
GListModel      *od_window_get_customers      (OdWindow       *self);

G_END_DECLS
