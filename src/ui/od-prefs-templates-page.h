/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-template-editor.h"

G_BEGIN_DECLS

#define OD_TYPE_PREFS_TEMPLATES_PAGE (od_prefs_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPrefsTemplatesPage, od_prefs_templates_page, OD, PREFS_TEMPLATES_PAGE, AdwPreferencesPage)

/*
 * The Messages page: the ledger's templates in one language, one row a
 * template (a step of the ladder) with a row for each of its parts
 * (email, HTML email, text message, letter), marked when customised;
 * activating a part opens an OdTemplateEditor.
 */
OdPrefsTemplatesPage *od_prefs_templates_page_new         (OdContext            *context);
gboolean              od_prefs_templates_page_is_idle     (OdPrefsTemplatesPage *self);
/* Opens the editor of @name's @part in the language shown. */
OdTemplateEditor     *od_prefs_templates_page_open_editor (OdPrefsTemplatesPage *self,
                                                           const char           *name,
                                                           OdTemplatePart        part);

G_END_DECLS
