/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies @date (NULL or invalid for unset) into @field, an invalid GDate
 * when unset. Returns whether @field changed, so that setters notify only
 * on a real change. */
gboolean _od_date_assign (GDate       *field,
                          const GDate *date);

G_END_DECLS
