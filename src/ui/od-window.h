/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-customers-page.h"
#include "od-demo-strip.h"
#include "od-invoices-page.h"
#include "od-ledger-open.h"
#include "od-welcome-page.h"

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
/* A window made without a context shows "Opening the Ledger…" at once
 * and opens @path in a worker thread; with no ledger there yet (and no
 * OD_LEDGER_OPEN_CREATE) it shows the welcome page, which creates the
 * demo or an empty ledger. "notify::context" tells when the pages are in. */
void             od_window_open_ledger        (OdWindow          *self,
                                               const char        *path,
                                               OdLedgerOpenFlags  flags);
void             od_window_set_context        (OdWindow       *self,
                                               OdContext      *context);
OdContext       *od_window_get_context        (OdWindow       *self);
/* "loading", "welcome", "error" or "ledger". */
const char      *od_window_get_mode           (OdWindow       *self);
OdWelcomePage   *od_window_get_welcome_page   (OdWindow       *self);
OdDemoStrip     *od_window_get_demo_strip     (OdWindow       *self);
GtkMenuButton   *od_window_get_menu_button    (OdWindow       *self);
void             od_window_show_page          (OdWindow       *self,
                                               const char     *name);
const char      *od_window_get_visible_page   (OdWindow       *self);
OdInvoicesPage  *od_window_get_invoices_page  (OdWindow       *self);
OdCustomersPage *od_window_get_customers_page (OdWindow       *self);
/* The customers shown (a GListModel of OdCustomer), for tests. */
GListModel      *od_window_get_customers      (OdWindow       *self);

G_END_DECLS
