/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-policy-step.h"

G_BEGIN_DECLS

#define OD_TYPE_POLICY_STEP_ROW (od_policy_step_row_get_type ())
G_DECLARE_FINAL_TYPE (OdPolicyStepRow, od_policy_step_row, OD, POLICY_STEP_ROW, AdwExpanderRow)

/*
 * One rung of the ladder in the Collection preferences, edited in place:
 * name, days from the due date, channels, template, fee and review.
 * Signals: "changed" (any field), "move" (gint direction: -1 up, +1
 * down) and "remove".
 */
OdPolicyStepRow *od_policy_step_row_new          (OdPolicyStep       *step,
                                                  const char * const *template_names);
/* The step as edited: a new OdPolicyStep, or NULL with *@message set
 * (a translated sentence) when a field cannot make one. */
OdPolicyStep    *od_policy_step_row_build_step   (OdPolicyStepRow    *self,
                                                  char              **message);
/* The name as typed (possibly not valid). */
const char      *od_policy_step_row_get_name     (OdPolicyStepRow    *self);
/* Shows @message (NULL: none) under the step's fields. */
void             od_policy_step_row_set_error    (OdPolicyStepRow    *self,
                                                  const char         *message);
const char      *od_policy_step_row_get_error    (OdPolicyStepRow    *self);
void             od_policy_step_row_set_offset   (OdPolicyStepRow    *self,
                                                  gint                days);
void             od_policy_step_row_set_movable  (OdPolicyStepRow    *self,
                                                  gboolean            up,
                                                  gboolean            down);

G_END_DECLS
