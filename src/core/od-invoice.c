/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "od-invoice.h"

#include "od-date.h"
#include "od-date-private.h"
#include "od-enums.h"
#include "od-money.h"
#include "od-validate-private.h"

#include <glib/gi18n-lib.h>

struct _OdInvoice
{
  GObject parent_instance;

  gint64           id;
  char            *number;
  gint64           customer_id;
  char            *customer_ref;
  char            *customer_name;
  GDate            issue_date;
  GDate            due_date;
  char            *currency;
  gint64           total;
  gint64           paid;
  OdInvoiceStatus  status;
  GListStore      *lines;
};

G_DEFINE_FINAL_TYPE (OdInvoice, od_invoice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_REF,
  PROP_CUSTOMER_NAME,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_CURRENCY,
  PROP_TOTAL,
  PROP_PAID,
  PROP_OUTSTANDING,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
sum_lines (OdInvoice  *self,
           gint64     *out_total,
           GError    **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OdInvoiceLine) line =
        g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      gint64 net;
      gint64 tax;

      if (!od_invoice_line_compute (line, &net, &tax, error))
        return FALSE;

      if (__builtin_add_overflow (total, net, &total) ||
          __builtin_add_overflow (total, tax, &total))
        {
          g_set_error (error, OD_MONEY_ERROR, OD_MONEY_ERROR_OVERFLOW,
                       _("Invoice %s: the sum of the lines is too large"),
                       self->number != NULL ? self->number : "");
          return FALSE;
        }
    }

  *out_total = total;
  return TRUE;
}

static void
od_invoice_finalize (GObject *object)
{
  OdInvoice *self = OD_INVOICE (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->customer_ref, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (od_invoice_parent_class)->finalize (object);
}

static void
od_invoice_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OdInvoice *self = OD_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, od_invoice_get_id (self));
      break;

    case PROP_NUMBER:
      g_value_set_string (value, od_invoice_get_number (self));
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, od_invoice_get_customer_id (self));
      break;

    case PROP_CUSTOMER_REF:
      g_value_set_string (value, od_invoice_get_customer_ref (self));
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, od_invoice_get_customer_name (self));
      break;

    case PROP_ISSUE_DATE:
      g_value_set_boxed (value, od_invoice_get_issue_date (self));
      break;

    case PROP_DUE_DATE:
      g_value_set_boxed (value, od_invoice_get_due_date (self));
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, od_invoice_get_currency (self));
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, od_invoice_get_total (self));
      break;

    case PROP_PAID:
      g_value_set_int64 (value, od_invoice_get_paid (self));
      break;

    case PROP_OUTSTANDING:
      g_value_set_int64 (value, od_invoice_get_outstanding (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, od_invoice_get_status (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OdInvoice *self = OD_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      od_invoice_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      od_invoice_set_number (self, g_value_get_string (value));
      break;

    case PROP_CUSTOMER_ID:
      od_invoice_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_REF:
      od_invoice_set_customer_ref (self, g_value_get_string (value));
      break;

    case PROP_CUSTOMER_NAME:
      od_invoice_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_ISSUE_DATE:
      od_invoice_set_issue_date (self, g_value_get_boxed (value));
      break;

    case PROP_DUE_DATE:
      od_invoice_set_due_date (self, g_value_get_boxed (value));
      break;

    case PROP_CURRENCY:
      od_invoice_set_currency (self, g_value_get_string (value));
      break;

    case PROP_TOTAL:
      od_invoice_set_total (self, g_value_get_int64 (value));
      break;

    case PROP_PAID:
      od_invoice_set_paid (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      od_invoice_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_invoice_class_init (OdInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_invoice_finalize;
  object_class->get_property = od_invoice_get_property;
  object_class->set_property = od_invoice_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_CUSTOMER_REF] =
    g_param_spec_string ("customer-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_ISSUE_DATE] =
    g_param_spec_boxed ("issue-date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_PAID] =
    g_param_spec_int64 ("paid", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  properties[PROP_OUTSTANDING] =
    g_param_spec_int64 ("outstanding", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       OD_TYPE_INVOICE_STATUS, OD_INVOICE_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_invoice_init (OdInvoice *self)
{
  g_date_clear (&self->issue_date, 1);
  g_date_clear (&self->due_date, 1);
  self->lines = g_list_store_new (OD_TYPE_INVOICE_LINE);
}

OdInvoice *
od_invoice_new (void)
{
  return g_object_new (OD_TYPE_INVOICE, NULL);
}

gint64
od_invoice_get_id (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);

  return self->id;
}

void
od_invoice_set_id (OdInvoice *self,
                   gint64     id)
{
  g_return_if_fail (OD_IS_INVOICE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
od_invoice_get_number (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return self->number;
}

void
od_invoice_set_number (OdInvoice  *self,
                       const char *number)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

gint64
od_invoice_get_customer_id (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);

  return self->customer_id;
}

void
od_invoice_set_customer_id (OdInvoice *self,
                            gint64     customer_id)
{
  g_return_if_fail (OD_IS_INVOICE (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
od_invoice_get_customer_ref (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return self->customer_ref;
}

void
od_invoice_set_customer_ref (OdInvoice  *self,
                             const char *ref)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (g_strcmp0 (self->customer_ref, ref) == 0)
    return;

  g_free (self->customer_ref);
  self->customer_ref = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_REF]);
}

const char *
od_invoice_get_customer_name (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return self->customer_name;
}

void
od_invoice_set_customer_name (OdInvoice  *self,
                              const char *customer_name)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (g_strcmp0 (self->customer_name, customer_name) == 0)
    return;

  g_free (self->customer_name);
  self->customer_name = g_strdup (customer_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
}

const GDate *
od_invoice_get_issue_date (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return g_date_valid (&self->issue_date) ? &self->issue_date : NULL;
}

void
od_invoice_set_issue_date (OdInvoice   *self,
                           const GDate *date)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (!_od_date_assign (&self->issue_date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE_DATE]);
}

const GDate *
od_invoice_get_due_date (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return g_date_valid (&self->due_date) ? &self->due_date : NULL;
}

void
od_invoice_set_due_date (OdInvoice   *self,
                         const GDate *date)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (!_od_date_assign (&self->due_date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
od_invoice_get_currency (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return self->currency;
}

void
od_invoice_set_currency (OdInvoice  *self,
                         const char *currency)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
od_invoice_get_total (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);

  return self->total;
}

void
od_invoice_set_total (OdInvoice *self,
                      gint64     minor)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (self->total == minor)
    return;

  self->total = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTSTANDING]);
}

gint64
od_invoice_get_paid (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);

  return self->paid;
}

void
od_invoice_set_paid (OdInvoice *self,
                     gint64     minor)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (self->paid == minor)
    return;

  self->paid = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTSTANDING]);
}

OdInvoiceStatus
od_invoice_get_status (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), OD_INVOICE_STATUS_OPEN);

  return self->status;
}

void
od_invoice_set_status (OdInvoice       *self,
                       OdInvoiceStatus  status)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
od_invoice_get_outstanding (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);

  /* Saturate rather than wrap: the UI shows this, it must never flip sign. */
  if (self->paid < 0 && self->total > G_MAXINT64 + self->paid)
    return G_MAXINT64;
  if (self->paid > 0 && self->total < G_MININT64 + self->paid)
    return G_MININT64;

  return self->total - self->paid;
}

/**
 * od_invoice_get_lines:
 * @self: an invoice
 *
 * Returns: (transfer none): a #GListModel of #OdInvoiceLine
 */
GListModel *
od_invoice_get_lines (OdInvoice *self)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), NULL);

  return G_LIST_MODEL (self->lines);
}

void
od_invoice_add_line (OdInvoice     *self,
                     OdInvoiceLine *line)
{
  g_return_if_fail (OD_IS_INVOICE (self));
  g_return_if_fail (OD_IS_INVOICE_LINE (line));

  g_list_store_append (self->lines, line);
}

void
od_invoice_clear_lines (OdInvoice *self)
{
  g_return_if_fail (OD_IS_INVOICE (self));

  g_list_store_remove_all (self->lines);
}

gboolean
od_invoice_compute_total (OdInvoice  *self,
                          GError    **error)
{
  gint64 total;

  g_return_val_if_fail (OD_IS_INVOICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sum_lines (self, &total, error))
    return FALSE;

  od_invoice_set_total (self, total);

  return TRUE;
}

gint
od_invoice_days_overdue (OdInvoice   *self,
                         const GDate *today)
{
  g_return_val_if_fail (OD_IS_INVOICE (self), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);
  g_return_val_if_fail (g_date_valid (&self->due_date), 0);

  return od_date_days_between (&self->due_date, today);
}

gboolean
od_invoice_validate (OdInvoice  *self,
                     GError    **error)
{
  const char *number;
  guint n_lines;

  g_return_val_if_fail (OD_IS_INVOICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_od_validate_is_blank (self->number))
    {
      g_set_error_literal (error, OD_VALIDATION_ERROR,
                           OD_VALIDATION_ERROR_REQUIRED,
                           _("Invoice number is required"));
      return FALSE;
    }

  number = self->number;

  if (self->customer_id <= 0 && _od_validate_is_blank (self->customer_ref))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_REQUIRED,
                   _("Invoice %s: a customer is required"),
                   number);
      return FALSE;
    }

  if (!g_date_valid (&self->issue_date))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_REQUIRED,
                   _("Invoice %s: issue date is required"),
                   number);
      return FALSE;
    }

  if (!g_date_valid (&self->due_date))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_REQUIRED,
                   _("Invoice %s: due date is required"),
                   number);
      return FALSE;
    }

  if (g_date_compare (&self->due_date, &self->issue_date) < 0)
    {
      g_autofree char *issue = od_date_to_iso (&self->issue_date);
      g_autofree char *due = od_date_to_iso (&self->due_date);

      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                   _("Invoice %s: due date %s is before the issue date %s"),
                   number, due, issue);
      return FALSE;
    }

  if (!od_currency_is_valid (self->currency))
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                   _("Invoice %s: currency “%s” is not a three-letter ISO 4217 code"),
                   number, self->currency != NULL ? self->currency : "");
      return FALSE;
    }

  if (self->total < 0)
    {
      g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_RANGE,
                   _("Invoice %s: total must not be negative"),
                   number);
      return FALSE;
    }

  n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  if (n_lines > 0)
    {
      gint64 lines_total;

      for (guint i = 0; i < n_lines; i++)
        {
          g_autoptr(OdInvoiceLine) line =
            g_list_model_get_item (G_LIST_MODEL (self->lines), i);

          if (!od_invoice_line_validate (line, error))
            {
              g_prefix_error (error, _("Invoice %s, line %u: "), number, i + 1);
              return FALSE;
            }
        }

      if (!sum_lines (self, &lines_total, error))
        return FALSE;

      if (lines_total != self->total)
        {
          guint digits = od_currency_minor_digits (self->currency);
          g_autofree char *total = od_amount_to_string (self->total, digits);
          g_autofree char *expected = od_amount_to_string (lines_total, digits);

          g_set_error (error, OD_VALIDATION_ERROR, OD_VALIDATION_ERROR_INVALID,
                       _("Invoice %s: total %s does not match the lines, which add up to %s"),
                       number, total, expected);
          return FALSE;
        }
    }

  return TRUE;
}
