/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-date.h"
#include "od-money.h"
#include "od-payment-dialog.h"

struct _OdPaymentDialog
{
  AdwMessageDialog  parent_instance;

  char             *currency;
  gint64            amount;
  GDate             date;

  AdwEntryRow      *amount_row;
  AdwEntryRow      *date_row;
};

G_DEFINE_FINAL_TYPE (OdPaymentDialog, od_payment_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads both fields; marks the one that does not parse. */
static gboolean
parse (OdPaymentDialog *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)));
  gboolean amount_ok, date_ok;

  /* A decimal comma is as good as a point. */
  g_strdelimit (g_strstrip (text), ",", '.');
  amount_ok = od_amount_parse (text, od_currency_minor_digits (self->currency),
                               &self->amount, NULL) && self->amount > 0;
  date_ok = od_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                               &self->date, NULL);
  if (amount_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  return amount_ok && date_ok;
}

static void
on_changed (OdPaymentDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", parse (self));
}

static void
on_response (OdPaymentDialog *self,
             const char      *response)
{
  if (g_strcmp0 (response, "record") == 0 && parse (self))
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
od_payment_dialog_finalize (GObject *object)
{
  OdPaymentDialog *self = OD_PAYMENT_DIALOG (object);

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (od_payment_dialog_parent_class)->finalize (object);
}

static void
od_payment_dialog_class_init (OdPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = od_payment_dialog_finalize;

  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OdPaymentDialog, date_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
od_payment_dialog_init (OdPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
}

OdPaymentDialog *
od_payment_dialog_new (GtkWindow   *parent,
                       OdInvoice   *invoice,
                       const GDate *today)
{
  OdPaymentDialog *self;
  g_autofree char *outstanding = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  const char *currency;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  currency = od_invoice_get_currency (invoice);
  self = g_object_new (OD_TYPE_PAYMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->currency = g_strdup (currency);

  /* Translators: the amount field's title, with the invoice's currency */
  title = g_strdup_printf (_("Amount (%s)"), currency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  body = g_strdup_printf (_("A payment received for invoice %s from %s."),
                          od_invoice_get_number (invoice), od_invoice_get_customer_name (invoice));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  outstanding = od_amount_to_string (MAX (od_invoice_get_outstanding (invoice), 0),
                                     od_currency_minor_digits (currency));
  date = od_date_to_iso (today);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), outstanding);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  on_changed (self);

  return self;
}

gint64
od_payment_dialog_get_amount (OdPaymentDialog *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT_DIALOG (self), 0);

  return self->amount;
}

const GDate *
od_payment_dialog_get_date (OdPaymentDialog *self)
{
  g_return_val_if_fail (OD_IS_PAYMENT_DIALOG (self), NULL);

  return &self->date;
}
