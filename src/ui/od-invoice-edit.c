/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-date.h"
#include "od-invoice-detail.h"
#include "od-invoice-edit.h"
#include "od-money.h"

OdInvoiceEdit *
od_invoice_edit_new (OdInvoiceEditKind kind)
{
  OdInvoiceEdit *edit = g_new0 (OdInvoiceEdit, 1);

  edit->kind = kind;
  g_date_clear (&edit->date, 1);
  return edit;
}

void
od_invoice_edit_free (OdInvoiceEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->currency);
  g_free (edit->reason);
  g_free (edit);
}

static gboolean
apply_resume (OdInvoiceEdit  *edit,
              OdStore        *store,
              GError        **error)
{
  g_autoptr(GPtrArray) active = od_store_list_pauses (store, edit->invoice_id, TRUE, error);
  g_autoptr(GString) detail = g_string_new (NULL);
  guint n_resolved = 0;

  if (active == NULL)
    return FALSE;
  /* Translators: the audit log's note of what "invoice resume" ended */
  g_string_append (detail, _("Ended:"));
  for (guint i = 0; i < active->len; i++)
    {
      OdDunningPause *pause = g_ptr_array_index (active, i);

      g_string_append_printf (detail, "%s %s", i > 0 ? ";" : "",
                              od_pause_kind_to_string (pause->kind));
      if (pause->reason != NULL)
        g_string_append_printf (detail, " (%s)", pause->reason);
    }
  return od_store_resolve_pauses (store, edit->invoice_id, OD_PAUSE_KIND_DISPUTE, TRUE,
                                  &n_resolved, error) &&
         od_store_add_audit (store, 0, edit->invoice_id, "resume", detail->str, error);
}

/* As "overdue-cli invoice promise": the promised day must not have
 * passed and the amount not exceed what is outstanding. */
static gboolean
apply_promise (OdInvoiceEdit  *edit,
               OdStore        *store,
               const GDate    *today,
               GError        **error)
{
  g_autoptr(OdInvoice) invoice = od_store_get_invoice (store, edit->invoice_id, error);
  g_autofree char *date_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *reason = NULL;
  gint64 outstanding;
  const char *currency;

  if (invoice == NULL)
    return FALSE;
  currency = od_invoice_get_currency (invoice);
  outstanding = od_invoice_get_outstanding (invoice);
  if (!g_date_valid (&edit->date) || g_date_compare (&edit->date, today) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The promised date is in the past"));
      return FALSE;
    }
  if (edit->amount < 0 || edit->amount > outstanding)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The promised amount is more than is outstanding"));
      return FALSE;
    }
  if (edit->amount == outstanding)
    edit->amount = 0;

  date_text = od_date_to_iso (&edit->date);
  amount_text = od_amount_to_string (edit->amount > 0 ? edit->amount : outstanding,
                                     od_currency_minor_digits (currency));
  /* Translators: the reason recorded for a promise to pay */
  reason = g_strdup_printf (_("Promised to pay %s %s by %s"), amount_text, currency, date_text);
  return od_store_insert_pause (store, edit->invoice_id, OD_PAUSE_KIND_PROMISE, today, &edit->date,
                                edit->amount, reason, error) != 0 &&
         od_store_add_audit (store, 0, edit->invoice_id, "promise", reason, error);
}

static gboolean
apply_plan (OdInvoiceEdit  *edit,
            OdStore        *store,
            GError        **error)
{
  g_autofree char *first_text = od_date_to_iso (&edit->date);
  g_autofree char *detail = NULL;

  /* Translators: the audit log's note of a payment plan */
  detail = g_strdup_printf (_("%u instalments every %u days from %s"),
                            edit->count, edit->every_days, first_text);
  return od_store_insert_payment_plan (store, edit->invoice_id, edit->count,
                                       edit->every_days, &edit->date, error) != 0 &&
         od_store_add_audit (store, 0, edit->invoice_id, "instalments", detail, error);
}

gboolean
od_invoice_edit_apply (OdInvoiceEdit  *edit,
                       OdStore        *store,
                       GError        **error)
{
  gboolean ok = FALSE;
  GDate today;

  od_invoice_business_today (store, &today);
  if (!od_store_begin (store, error))
    return FALSE;

  switch (edit->kind)
    {
    case OD_INVOICE_EDIT_PAYMENT:
      {
        g_autoptr(OdPayment) payment = od_payment_new ();

        od_payment_set_invoice_id (payment, edit->invoice_id);
        od_payment_set_date (payment, &edit->date);
        od_payment_set_amount (payment, edit->amount);
        od_payment_set_currency (payment, edit->currency);
        ok = od_payment_validate (payment, error) &&
             od_store_insert_payment (store, payment, error);
      }
      break;

    case OD_INVOICE_EDIT_PAUSE:
      ok = od_store_insert_pause (store, edit->invoice_id, edit->pause, &today, NULL,
                                  0, edit->reason, error) != 0 &&
           od_store_add_audit (store, 0, edit->invoice_id, od_pause_kind_to_string (edit->pause),
                               edit->reason, error);
      break;

    case OD_INVOICE_EDIT_RESUME:
      ok = apply_resume (edit, store, error);
      break;

    case OD_INVOICE_EDIT_PROMISE:
      ok = apply_promise (edit, store, &today, error);
      break;

    case OD_INVOICE_EDIT_PLAN:
      ok = apply_plan (edit, store, error);
      break;

    case OD_INVOICE_EDIT_VOID:
      {
        g_autoptr(OdInvoice) invoice = od_store_get_invoice (store, edit->invoice_id, error);

        if (invoice != NULL)
          od_invoice_set_status (invoice, OD_INVOICE_STATUS_VOID);
        ok = invoice != NULL &&
             od_store_update_invoice (store, invoice, error) &&
             od_store_add_audit (store, 0, edit->invoice_id, "void",
                                 od_invoice_get_number (invoice), error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok && od_store_commit (store, error))
    return TRUE;
  od_store_rollback (store);
  return FALSE;
}
