/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "od-template.h"

G_BEGIN_DECLS

struct _OdTemplateValues
{
  grefcount         ref_count;
  OdTemplateValues *parent;   /* weak: a list element lives in its parent */
  GHashTable       *values;   /* name -> char* */
  GHashTable       *lists;    /* name -> GPtrArray of OdTemplateValues* */
};

/* The list @name in @scope or the nearest enclosing values; NULL: none. */
GPtrArray *_od_template_values_lookup_list (OdTemplateValues *scope,
                                            const char       *name);
/* One line: control characters folded into spaces, trimmed. */
char      *_od_template_fold_header        (const char       *text);

G_END_DECLS
