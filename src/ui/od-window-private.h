/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-window.h"

G_BEGIN_DECLS

/* Shared by od-window.c (the pages, the first run) and od-window-actions.c
 * (the window's actions and their shortcuts). */

struct _OdWindow
{
  AdwApplicationWindow  parent_instance;

  OdContext            *context;
  GSettings            *settings;
  GtkWindow            *preferences;
  GCancellable         *cancellable;
  char                 *ledger_path;
  gboolean              start_fresh;  /* "Start Fresh" chosen: the business page next */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  OdWelcomePage        *welcome_page;
  OdDemoStrip          *demo_strip;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *menu_button;
  OdInvoicesPage       *invoices_page;
  OdCustomersPage      *customers_page;
};

void _od_window_class_add_actions (GtkWidgetClass *widget_class);
/* Presents the one preferences window, on @page when not NULL. */
void _od_window_show_preferences  (OdWindow       *self,
                                   const char     *page);

G_END_DECLS
