/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-context.h"
#include "od-template.h"

G_BEGIN_DECLS

#define OD_TYPE_TEMPLATE_EDITOR (od_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdTemplateEditor, od_template_editor, OD, TEMPLATE_EDITOR, AdwWindow)

/*
 * Edits one part of a template in one language (an email's text or
 * HTML body comes with its subject) with a live preview merged with the
 * values of a real invoice of the ledger; tags the core does not know
 * are marked and named with their line and column, and Save is refused
 * until they are gone. Save and Reset to Default write through the
 * store in a thread. "saved" is emitted after either.
 */
OdTemplateEditor *od_template_editor_new         (GtkWindow        *parent,
                                                  OdContext        *context,
                                                  const char       *name,
                                                  OdTemplatePart    part,
                                                  const char       *language);
/* Loaded, with the preview's values, and not saving. */
gboolean          od_template_editor_is_idle     (OdTemplateEditor *self);
/* The preview as shown: the subject (if any), a blank line, the body. */
char             *od_template_editor_get_preview (OdTemplateEditor *self);
/* The error shown (NULL: the template is valid). */
const char       *od_template_editor_get_error   (OdTemplateEditor *self);

G_END_DECLS
