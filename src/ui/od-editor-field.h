/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An editor's entry with its validation message in the row under it. */
typedef struct
{
  AdwEntryRow *entry;
  GtkLabel    *message;
} OdEditorField;

/* Adds the entry and its (hidden) message row to @group; @changed is
 * connected to the entry's "changed" with @user_data (an object). The
 * entry's "od-field" data is @field. */
void      od_editor_field_init        (OdEditorField       *field,
                                       AdwPreferencesGroup *group,
                                       const char          *title,
                                       GCallback            changed,
                                       gpointer             user_data);
/* The text stripped, or NULL when empty. */
char     *od_editor_field_text        (OdEditorField       *field);
/* Shows @message under the field, or hides it (NULL). */
void      od_editor_field_set_message (OdEditorField       *field,
                                       const char          *message);
const char *od_editor_field_get_message (OdEditorField     *field);

/* A number with @digits decimals typed with the locale's decimal point
 * or a dot: "1,5" or "1.5" with 3 digits is 1500. */
gboolean  od_editor_parse_decimal     (const char          *text,
                                       guint                digits,
                                       gint64              *out,
                                       GError             **error);
/* The reverse, without the zeros a whole number does not need. */
char     *od_editor_decimal_text      (gint64               value,
                                       guint                digits);

G_END_DECLS
