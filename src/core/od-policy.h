/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "od-policy-step.h"

G_BEGIN_DECLS

#define OD_POLICY_ERROR (od_policy_error_quark ())

typedef enum
{
  OD_POLICY_ERROR_INVALID,    /* a key's value is wrong: the message names group, key and why */
  OD_POLICY_ERROR_MISSING,    /* a required group or key is absent */
  OD_POLICY_ERROR_OVERLAP,    /* two steps share an offset */
} OdPolicyError;

GQuark od_policy_error_quark (void);

/* Send days as a bit set: bit 0 Monday … bit 6 Sunday. */
#define OD_SEND_DAY(weekday) (1u << ((weekday) - G_DATE_MONDAY))
#define OD_SEND_DAYS_WEEKDAYS 0x1fu

#define OD_TYPE_POLICY (od_policy_get_type ())
G_DECLARE_FINAL_TYPE (OdPolicy, od_policy, OD, POLICY, GObject)

/*
 * A collection policy: the ordered steps and the rules of DESIGN.md
 * ("Collection policy"). Fixed amounts (minimum, fees, compensation) are
 * thousandths of a major unit, applied in each invoice's own currency and
 * rounded to its minor unit with od_round_div(); percentages are basis
 * points. The policy is immutable once handed to the engine.
 *
 * Properties: id (the store's, 0 = not stored), name, grace-days,
 * minimum-milli, send-days, send-start (minutes after midnight),
 * send-end, time-zone (IANA id or NULL = the system's), repeat-every-days,
 * repeat-max, early-discount-bp, early-discount-days, interest-annual-bp,
 * fixed-compensation-milli, instalment-grace-days.
 */
OdPolicy      *od_policy_new                      (const char   *name);
/* The policy that ships in the core's GResource. */
OdPolicy      *od_policy_new_default              (void);
/* Parses the [Policy] and [Step NAME] groups. On error nothing is
 * returned and the message names the group, the key and what is wrong. */
OdPolicy      *od_policy_new_from_key_file        (GKeyFile     *key_file,
                                                   GError      **error);
OdPolicy      *od_policy_new_from_data            (const char   *data,
                                                   gssize        length,
                                                   GError      **error);
GKeyFile      *od_policy_to_key_file              (OdPolicy     *self);
char          *od_policy_to_data                  (OdPolicy     *self,
                                                   gsize        *length);
gboolean       od_policy_validate                 (OdPolicy     *self,
                                                   GError      **error);
/* Same rules and steps; the store's id is not compared. */
gboolean       od_policy_equal                    (OdPolicy     *a,
                                                   OdPolicy     *b);
OdPolicy      *od_policy_copy                     (OdPolicy     *self);

gint64         od_policy_get_id                   (OdPolicy     *self);
void           od_policy_set_id                   (OdPolicy     *self,
                                                   gint64        id);
const char    *od_policy_get_name                 (OdPolicy     *self);
void           od_policy_set_name                 (OdPolicy     *self,
                                                   const char   *name);
guint          od_policy_get_grace_days           (OdPolicy     *self);
void           od_policy_set_grace_days           (OdPolicy     *self,
                                                   guint         days);
gint64         od_policy_get_minimum_milli        (OdPolicy     *self);
void           od_policy_set_minimum_milli        (OdPolicy     *self,
                                                   gint64        milli);
guint          od_policy_get_send_days            (OdPolicy     *self);
void           od_policy_set_send_days            (OdPolicy     *self,
                                                   guint         days);
guint          od_policy_get_send_start           (OdPolicy     *self);
guint          od_policy_get_send_end             (OdPolicy     *self);
void           od_policy_set_send_hours           (OdPolicy     *self,
                                                   guint         start_minute,
                                                   guint         end_minute);
const char    *od_policy_get_time_zone            (OdPolicy     *self);
void           od_policy_set_time_zone            (OdPolicy     *self,
                                                   const char   *identifier);
guint          od_policy_get_repeat_every_days    (OdPolicy     *self);
guint          od_policy_get_repeat_max           (OdPolicy     *self);
void           od_policy_set_repeat               (OdPolicy     *self,
                                                   guint         every_days,
                                                   guint         max);
gint           od_policy_get_early_discount_bp    (OdPolicy     *self);
guint          od_policy_get_early_discount_days  (OdPolicy     *self);
void           od_policy_set_early_discount       (OdPolicy     *self,
                                                   gint          basis_points,
                                                   guint         days);
gint           od_policy_get_interest_annual_bp   (OdPolicy     *self);
void           od_policy_set_interest_annual_bp   (OdPolicy     *self,
                                                   gint          basis_points);
gint64         od_policy_get_fixed_compensation_milli (OdPolicy *self);
void           od_policy_set_fixed_compensation_milli (OdPolicy *self,
                                                       gint64    milli);
guint          od_policy_get_instalment_grace_days (OdPolicy    *self);
void           od_policy_set_instalment_grace_days (OdPolicy    *self,
                                                    guint        days);

/* Public holidays (no sending on these dates), sorted, without repeats. */
const GDate   *od_policy_get_holidays             (OdPolicy     *self,
                                                   guint        *n_holidays);
void           od_policy_add_holiday              (OdPolicy     *self,
                                                   const GDate  *date);
gboolean       od_policy_is_holiday               (OdPolicy     *self,
                                                   const GDate  *date);

/* Steps, kept sorted by offset (set a step's offset before adding it). */
guint          od_policy_get_n_steps              (OdPolicy     *self);
OdPolicyStep  *od_policy_get_step                 (OdPolicy     *self,
                                                   guint         index);
OdPolicyStep  *od_policy_find_step                (OdPolicy     *self,
                                                   const char   *name);
void           od_policy_add_step                 (OdPolicy     *self,
                                                   OdPolicyStep *step);
void           od_policy_remove_step              (OdPolicy     *self,
                                                   const char   *name);

/* A fixed amount of the policy in @currency's minor units. */
gint64         od_policy_milli_to_minor           (gint64        milli,
                                                   const char   *currency);

G_END_DECLS
