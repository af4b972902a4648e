/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "od-types.h"

G_BEGIN_DECLS

#define OD_TYPE_POLICY_STEP (od_policy_step_get_type ())
G_DECLARE_FINAL_TYPE (OdPolicyStep, od_policy_step, OD, POLICY_STEP, GObject)

/*
 * One rung of the ladder. Properties: name (the key file's group suffix,
 * e.g. "final-notice"), offset-days (from the due date; negative = before
 * it), template, fee-milli (a fixed fee in thousandths of a major unit of
 * the invoice's currency: "15.00" = 15000), fee-bp (percent of the
 * outstanding amount, basis points), review.
 * Channels are an ordered list: the first the customer has not opted out
 * of (and can be reached on) is used; when none is left, a letter.
 */
OdPolicyStep    *od_policy_step_new              (const char      *name);
const char      *od_policy_step_get_name         (OdPolicyStep    *self);
gint             od_policy_step_get_offset_days  (OdPolicyStep    *self);
void             od_policy_step_set_offset_days  (OdPolicyStep    *self,
                                                  gint             days);
const OdChannel *od_policy_step_get_channels     (OdPolicyStep    *self,
                                                  guint           *n_channels);
void             od_policy_step_set_channels     (OdPolicyStep    *self,
                                                  const OdChannel *channels,
                                                  guint            n_channels);
const char      *od_policy_step_get_template     (OdPolicyStep    *self);
void             od_policy_step_set_template     (OdPolicyStep    *self,
                                                  const char      *template_name);
gint64           od_policy_step_get_fee_milli    (OdPolicyStep    *self);
void             od_policy_step_set_fee_milli    (OdPolicyStep    *self,
                                                  gint64           fee_milli);
gint             od_policy_step_get_fee_bp       (OdPolicyStep    *self);
void             od_policy_step_set_fee_bp       (OdPolicyStep    *self,
                                                  gint             basis_points);
gboolean         od_policy_step_get_review       (OdPolicyStep    *self);
void             od_policy_step_set_review       (OdPolicyStep    *self,
                                                  gboolean         review);
OdPolicyStep    *od_policy_step_copy             (OdPolicyStep    *self);
gboolean         od_policy_step_equal            (OdPolicyStep    *a,
                                                  OdPolicyStep    *b);

G_END_DECLS
