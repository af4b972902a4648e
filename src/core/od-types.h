/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validation errors of domain objects. The message always names the field. */
#define OD_VALIDATION_ERROR (od_validation_error_quark ())

typedef enum
{
  OD_VALIDATION_ERROR_REQUIRED,
  OD_VALIDATION_ERROR_INVALID,
  OD_VALIDATION_ERROR_RANGE,
} OdValidationError;

GQuark od_validation_error_quark (void);

typedef enum /*< flags >*/
{
  OD_CHANNEL_NONE   = 0,
  OD_CHANNEL_EMAIL  = 1 << 0,
  OD_CHANNEL_SMS    = 1 << 1,
  OD_CHANNEL_LETTER = 1 << 2,
  OD_CHANNEL_CALL   = 1 << 3,
} OdChannel;

typedef enum
{
  OD_CONTACT_ROLE_BILLING,
  OD_CONTACT_ROLE_ESCALATION,
} OdContactRole;

typedef enum
{
  OD_INVOICE_STATUS_OPEN,
  OD_INVOICE_STATUS_PAID,
  OD_INVOICE_STATUS_VOID,
} OdInvoiceStatus;

typedef enum
{
  OD_CHARGE_KIND_LATE_FEE,
  OD_CHARGE_KIND_INTEREST,
  OD_CHARGE_KIND_COMPENSATION,
} OdChargeKind;

/* Why chasing an invoice is paused. */
typedef enum
{
  OD_PAUSE_KIND_DISPUTE,   /* until resolved */
  OD_PAUSE_KIND_PROMISE,   /* until the promised date */
  OD_PAUSE_KIND_HOLD,      /* until a date or until resumed */
} OdPauseKind;

typedef enum
{
  OD_PAPER_SIZE_A4,
  OD_PAPER_SIZE_LETTER,
} OdPaperSize;

/* Stable text names, as stored in the database and in files. */
const char *od_channel_to_string        (OdChannel        channel);
gboolean    od_channel_from_string      (const char      *text,
                                         OdChannel       *out);
const char *od_contact_role_to_string   (OdContactRole    role);
gboolean    od_contact_role_from_string (const char      *text,
                                         OdContactRole   *out);
const char *od_invoice_status_to_string (OdInvoiceStatus  status);
gboolean    od_invoice_status_from_string (const char    *text,
                                           OdInvoiceStatus *out);
const char *od_charge_kind_to_string    (OdChargeKind     kind);
gboolean    od_charge_kind_from_string  (const char      *text,
                                         OdChargeKind    *out);
const char *od_pause_kind_to_string     (OdPauseKind      kind);
gboolean    od_pause_kind_from_string   (const char      *text,
                                         OdPauseKind     *out);
const char *od_paper_size_to_string     (OdPaperSize      size);
gboolean    od_paper_size_from_string   (const char      *text,
                                         OdPaperSize     *out);

G_END_DECLS
