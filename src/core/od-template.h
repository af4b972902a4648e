/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * OdTemplate: a message or letter template with merge tags.
 *
 *   {{customer.name}}           a value, escaped for the target
 *   {{#late_fee}} ... {{/late_fee}}
 *                               a section: shown when the value is set and
 *                               not empty (a list: repeated per element,
 *                               with the element's values in scope)
 *   {{^late_fee}} ... {{/late_fee}}
 *                               an inverted section: shown when it is not
 *   {{! a comment }}            dropped
 *
 * Tag names are a fixed vocabulary (od_template_get_known_tags()): an
 * unknown tag, an unclosed or mismatched section is an error when the
 * template is parsed, which is when it is saved or imported, naming the
 * line and column. Rendering never fails on a known tag: a missing value
 * renders as nothing.
 */

#define OD_TEMPLATE_ERROR (od_template_error_quark ())

typedef enum
{
  OD_TEMPLATE_ERROR_SYNTAX,         /* unclosed {{, unclosed or stray section */
  OD_TEMPLATE_ERROR_UNKNOWN_TAG,
  OD_TEMPLATE_ERROR_NOT_FOUND,      /* no such template */
} OdTemplateError;

GQuark od_template_error_quark (void);

/* Where a rendered value lands: each escapes differently. */
typedef enum
{
  OD_TEMPLATE_TARGET_TEXT,          /* plain text mail body, letters' plain parts */
  OD_TEMPLATE_TARGET_HTML,          /* HTML mail body: &<>"' escaped */
  OD_TEMPLATE_TARGET_PANGO,         /* pango markup for PDFs: g_markup_escape_text */
  OD_TEMPLATE_TARGET_HEADER,        /* a mail header (subject): no CR, LF or control characters, one line */
  OD_TEMPLATE_TARGET_SMS,           /* SMS: one line per value, no control characters */
} OdTemplateTarget;

/* The parts of a template: an email has a subject, a text and an HTML
 * body; an SMS one text; a letter a body (pango markup). */
typedef enum
{
  OD_TEMPLATE_PART_SUBJECT,
  OD_TEMPLATE_PART_TEXT,
  OD_TEMPLATE_PART_HTML,
  OD_TEMPLATE_PART_SMS,
  OD_TEMPLATE_PART_LETTER,
} OdTemplatePart;

const char      *od_template_part_to_string   (OdTemplatePart    part);
gboolean         od_template_part_from_string (const char       *text,
                                               OdTemplatePart   *out);
/* The target a part renders for. */
OdTemplateTarget od_template_part_get_target  (OdTemplatePart    part);

/*
 * OdTemplateValues: what a template is merged with. Names are dotted
 * ("customer.name"); a list ("invoices") holds child values, one per
 * element, whose own names are looked up first, then the parent's.
 */
typedef struct _OdTemplateValues OdTemplateValues;

#define OD_TYPE_TEMPLATE_VALUES (od_template_values_get_type ())
GType             od_template_values_get_type  (void) G_GNUC_CONST;

OdTemplateValues *od_template_values_new       (void);
OdTemplateValues *od_template_values_ref       (OdTemplateValues *self);
void              od_template_values_unref     (OdTemplateValues *self);
void              od_template_values_set       (OdTemplateValues *self,
                                                const char       *name,
                                                const char       *value);
/* Appends a new element to list @name and returns it (owned by @self). */
OdTemplateValues *od_template_values_add_item  (OdTemplateValues *self,
                                                const char       *name);
const char       *od_template_values_lookup    (OdTemplateValues *self,
                                                const char       *name);

#define OD_TYPE_TEMPLATE (od_template_get_type ())
G_DECLARE_FINAL_TYPE (OdTemplate, od_template, OD, TEMPLATE, GObject)

/* Parses @source; errors name @origin (a file name or "first-reminder
 * (html)"), the line and the column. */
OdTemplate      *od_template_new              (const char       *source,
                                               const char       *origin,
                                               GError          **error);
const char      *od_template_get_source       (OdTemplate       *self);
/* The tags it uses, without duplicates, in order of first use. */
GStrv            od_template_get_tags         (OdTemplate       *self);
char            *od_template_render           (OdTemplate       *self,
                                               OdTemplateValues *values,
                                               OdTemplateTarget  target);

/* The names a template may use: value tags and list/section names. */
const char * const *od_template_get_known_tags (void);

/* What a part must be beyond parsing: a letter renders to valid pango
 * markup whichever sections are shown. Fails with
 * %OD_TEMPLATE_ERROR_SYNTAX naming @origin. */
gboolean         od_template_check_part       (OdTemplate       *self,
                                               OdTemplatePart    part,
                                               const char       *origin,
                                               GError          **error);

/* Escapes @value for @target, as rendering does. */
char            *od_template_escape           (const char       *value,
                                               OdTemplateTarget  target);

/*
 * A stored template part: what the store lists and gets (od-store.h),
 * and what Overdue ships (od-template-defaults.c).
 */
typedef struct
{
  char           *name;         /* "first-reminder" */
  char           *language;     /* "en", "de", "pt_BR" */
  OdTemplatePart  part;
  char           *body;
  gboolean        is_default;   /* still the shipped text */
} OdTemplateEntry;

OdTemplateEntry *od_template_entry_new        (const char       *name,
                                               const char       *language,
                                               OdTemplatePart    part,
                                               const char       *body,
                                               gboolean          is_default);
void             od_template_entry_free       (OdTemplateEntry  *entry);
/* "first-reminder (html)", as errors name a template. */
char            *od_template_entry_origin     (const char       *name,
                                               OdTemplatePart    part);

/* The templates Overdue ships (resources/templates/<language>/<name>.<part>
 * in the core GResource), OdTemplateEntry* sorted by name, language, part. */
GPtrArray       *od_template_get_defaults     (void);
/* One shipped template part; NULL when none is shipped. */
char            *od_template_get_default      (const char       *name,
                                               const char       *language,
                                               OdTemplatePart    part);
/* A template or language name as the store keeps it: [a-z0-9-] for
 * names, "en" or "pt_BR" for languages. */
gboolean         od_template_name_is_valid     (const char       *name);
gboolean         od_template_language_is_valid (const char       *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTemplateEntry, od_template_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTemplateValues, od_template_values_unref)

G_END_DECLS
