/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "od-policy.h"

G_BEGIN_DECLS

#define OD_TYPE_POLICY_STEPS_GROUP (od_policy_steps_group_get_type ())
G_DECLARE_FINAL_TYPE (OdPolicyStepsGroup, od_policy_steps_group, OD, POLICY_STEPS_GROUP, AdwPreferencesGroup)

/*
 * The ladder's steps in the Collection preferences: one
 * OdPolicyStepRow each, in date order; add, remove (with Undo in a
 * toast) and move a step earlier or later (it swaps days with its
 * neighbour). "changed" is emitted on every edit.
 */
OdPolicyStepsGroup *od_policy_steps_group_new          (void);
/* Shows @policy's steps; @template_names are the templates to offer. */
void                od_policy_steps_group_set_policy   (OdPolicyStepsGroup *self,
                                                        OdPolicy           *policy,
                                                        const char * const *template_names);
/* Clears the rows' errors and adds every row's step to @draft; FALSE
 * (with the reason on the row) when a row cannot make a step. */
gboolean            od_policy_steps_group_add_to       (OdPolicyStepsGroup *self,
                                                        OdPolicy           *draft);
/* Shows @message on the step called @name; FALSE when there is none. */
gboolean            od_policy_steps_group_set_error    (OdPolicyStepsGroup *self,
                                                        const char         *name,
                                                        const char         *message);
gboolean            od_policy_steps_group_has_errors   (OdPolicyStepsGroup *self);

G_END_DECLS
