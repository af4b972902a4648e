/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by od-letters-page.c (the list and the preview) and
 * od-letters-page-actions.c (print, save, mark as posted). */

#include "od-letters-page.h"

G_BEGIN_DECLS

struct _OdLettersPage
{
  AdwBin               parent_instance;

  OdContext           *context;
  GCancellable        *cancellable;
  GListStore          *letters;
  GListStore          *preview;
  GPtrArray           *printing;       /* PopplerDocument* while a print runs */
  GArray              *printed;        /* gint64: the ids being printed */
  gint64               preview_id;
  guint                busy;
  gboolean             loaded;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *preview_pane;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkListView         *list_view;
  GtkSingleSelection  *selection;
  GtkLabel            *count_label;
  GtkLabel            *title_label;
  GtkStack            *preview_stack;
  GtkSpinner          *preview_spinner;
  AdwStatusPage       *error_page;
  GtkWidget           *pages_box;
};

void       _od_letters_page_update_actions (OdLettersPage       *self);
void       _od_letters_page_load           (OdLettersPage       *self);
/* The rows of every queued letter (their ids added to @ids if not NULL). */
GPtrArray *_od_letters_page_queued_rows    (OdLettersPage       *self,
                                            GArray              *ids);
/* The queued letters' documents in a thread; written to @file if set. */
void       _od_letters_page_run_documents  (OdLettersPage       *self,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback);

/* Actions */
void _od_letters_page_print_all_activated   (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void _od_letters_page_save_pdf_activated    (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void _od_letters_page_mark_posted_activated (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void _od_letters_page_save_posted_activated (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

G_END_DECLS
