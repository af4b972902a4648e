/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-types.h"

#include <string.h>

G_DEFINE_QUARK (od-validation-error-quark, od_validation_error)

/* One table per enum: the names are stored in the database and in files,
 * so they never change once released. */
typedef struct
{
  int         value;
  const char *name;
} OdName;

static const OdName channel_names[] = {
  { OD_CHANNEL_EMAIL, "email" },
  { OD_CHANNEL_SMS, "sms" },
  { OD_CHANNEL_LETTER, "letter" },
  { OD_CHANNEL_CALL, "call" },
};

static const OdName contact_role_names[] = {
  { OD_CONTACT_ROLE_BILLING, "billing" },
  { OD_CONTACT_ROLE_ESCALATION, "escalation" },
};

static const OdName invoice_status_names[] = {
  { OD_INVOICE_STATUS_OPEN, "open" },
  { OD_INVOICE_STATUS_PAID, "paid" },
  { OD_INVOICE_STATUS_VOID, "void" },
};

static const OdName charge_kind_names[] = {
  { OD_CHARGE_KIND_LATE_FEE, "late-fee" },
  { OD_CHARGE_KIND_INTEREST, "interest" },
  { OD_CHARGE_KIND_COMPENSATION, "compensation" },
};

static const OdName pause_kind_names[] = {
  { OD_PAUSE_KIND_DISPUTE, "dispute" },
  { OD_PAUSE_KIND_PROMISE, "promise" },
  { OD_PAUSE_KIND_HOLD, "hold" },
};

static const OdName paper_size_names[] = {
  { OD_PAPER_SIZE_A4, "A4" },
  { OD_PAPER_SIZE_LETTER, "Letter" },
};

static const char *
name_for_value (const OdName *names,
                gsize         n_names,
                int           value)
{
  for (gsize i = 0; i < n_names; i++)
    {
      if (names[i].value == value)
        return names[i].name;
    }

  return NULL;
}

static gboolean
value_for_name (const OdName *names,
                gsize         n_names,
                const char   *text,
                int          *out)
{
  if (text == NULL)
    return FALSE;

  for (gsize i = 0; i < n_names; i++)
    {
      if (strcmp (names[i].name, text) == 0)
        {
          if (out != NULL)
            *out = names[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

#define OD_DEFINE_NAMES(prefix, Type, table)                            \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    return name_for_value (table, G_N_ELEMENTS (table), (int) value);   \
  }                                                                     \
                                                                        \
  gboolean                                                              \
  prefix##_from_string (const char *text,                               \
                        Type       *out)                                \
  {                                                                     \
    int value;                                                          \
                                                                        \
    if (!value_for_name (table, G_N_ELEMENTS (table), text, &value))    \
      return FALSE;                                                     \
    if (out != NULL)                                                    \
      *out = (Type) value;                                              \
    return TRUE;                                                        \
  }

OD_DEFINE_NAMES (od_channel, OdChannel, channel_names)
OD_DEFINE_NAMES (od_contact_role, OdContactRole, contact_role_names)
OD_DEFINE_NAMES (od_invoice_status, OdInvoiceStatus, invoice_status_names)
OD_DEFINE_NAMES (od_charge_kind, OdChargeKind, charge_kind_names)
OD_DEFINE_NAMES (od_pause_kind, OdPauseKind, pause_kind_names)
OD_DEFINE_NAMES (od_paper_size, OdPaperSize, paper_size_names)
