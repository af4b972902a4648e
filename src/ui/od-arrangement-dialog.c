/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-arrangement-dialog.h"
#include "od-date.h"
#include "od-money.h"
#include "od-ui-format.h"

struct _OdArrangementDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          plan;
  char             *currency;
  gint64            outstanding;
  GDate             today;
  gint64            amount;
  GDate             date;
  guint64           count;
  guint64           every;

  AdwEntryRow      *rows[3];
  guint             n_rows;
};

G_DEFINE_FINAL_TYPE (OdArrangementDialog, od_arrangement_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (OdArrangementDialog *self,
          guint                index)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[index]));
}

static gboolean
mark (AdwEntryRow *row,
      gboolean     ok)
{
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

/* Reads the fields; marks those that do not make sense. */
static gboolean
parse (OdArrangementDialog *self)
{
  gboolean ok = TRUE;
  guint date_row = self->plan ? 2 : 0;

  ok &= mark (self->rows[date_row],
              od_date_parse_iso (row_text (self, date_row), &self->date, NULL) &&
              g_date_compare (&self->date, &self->today) >= 0);
  if (self->plan)
    {
      ok &= mark (self->rows[0], g_ascii_string_to_unsigned (row_text (self, 0), 10, 2, 1000,
                                                             &self->count, NULL));
      ok &= mark (self->rows[1], g_ascii_string_to_unsigned (row_text (self, 1), 10, 1, 3660,
                                                             &self->every, NULL));
    }
  else
    {
      gboolean amount_ok = od_ui_parse_amount (row_text (self, 1), self->currency, &self->amount, NULL) &&
                           self->amount > 0 && self->amount <= self->outstanding;

      ok &= mark (self->rows[1], amount_ok);
      if (amount_ok && self->amount == self->outstanding)
        self->amount = 0;
    }
  return ok;
}

static void
on_changed (OdArrangementDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", parse (self));
}

static void
on_response (OdArrangementDialog *self,
             const char          *response)
{
  if (g_strcmp0 (response, "save") == 0 && parse (self))
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
od_arrangement_dialog_finalize (GObject *object)
{
  OdArrangementDialog *self = OD_ARRANGEMENT_DIALOG (object);

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (od_arrangement_dialog_parent_class)->finalize (object);
}

static void
od_arrangement_dialog_class_init (OdArrangementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_arrangement_dialog_finalize;

  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
od_arrangement_dialog_init (OdArrangementDialog *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->today, 1);
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}

static void
add_row (OdArrangementDialog *self,
         GtkWidget           *list,
         const char          *title,
         const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_changed), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  self->rows[self->n_rows++] = ADW_ENTRY_ROW (row);
}

static OdArrangementDialog *
arrangement_new (GtkWindow   *parent,
                 OdInvoice   *invoice,
                 const GDate *today,
                 gboolean     plan)
{
  OdArrangementDialog *self;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *outstanding = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  GDate later = *today;

  self = g_object_new (OD_TYPE_ARRANGEMENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->plan = plan;
  self->currency = g_strdup (od_invoice_get_currency (invoice));
  self->outstanding = MAX (od_invoice_get_outstanding (invoice), 0);
  self->today = *today;
  outstanding = od_ui_format_amount (self->outstanding, self->currency);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "save", plan ? _("_Set Up Plan") : _("_Save Promise"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  if (plan)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Payment Plan"));
      /* Translators: the invoice number, then the amount outstanding */
      body = g_strdup_printf (_("Invoice %s: the %s outstanding is split into equal instalments. "
                                "Reminders then follow the instalments instead of the invoice."),
                              od_invoice_get_number (invoice), outstanding);
      g_date_add_days (&later, 30);
      date = od_date_to_iso (&later);
      add_row (self, list, _("Instalments"), "3");
      add_row (self, list, _("Days Between Instalments"), "30");
      add_row (self, list, _("First Due (e.g. 2026-12-23)"), date);
    }
  else
    {
      g_autofree char *amount = NULL;

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Promise to Pay"));
      /* Translators: the invoice number, then the amount outstanding */
      body = g_strdup_printf (_("Invoice %s: no reminders go out until the promised day; "
                                "if the promise is broken, chasing resumes. Outstanding: %s."),
                              od_invoice_get_number (invoice), outstanding);
      g_date_add_days (&later, 7);
      date = od_date_to_iso (&later);
      amount = od_amount_to_string (self->outstanding, od_currency_minor_digits (self->currency));
      add_row (self, list, _("Promised Date (e.g. 2026-11-30)"), date);
      /* Translators: the amount field's title, with the invoice's currency */
      {
        g_autofree char *title = g_strdup_printf (_("Amount (%s)"), self->currency);

        add_row (self, list, title, amount);
      }
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  on_changed (self);
  return self;
}

OdArrangementDialog *
od_arrangement_dialog_new_promise (GtkWindow   *parent,
                                   OdInvoice   *invoice,
                                   const GDate *today)
{
  g_return_val_if_fail (OD_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return arrangement_new (parent, invoice, today, FALSE);
}

OdArrangementDialog *
od_arrangement_dialog_new_plan (GtkWindow   *parent,
                                OdInvoice   *invoice,
                                const GDate *today)
{
  g_return_val_if_fail (OD_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return arrangement_new (parent, invoice, today, TRUE);
}

gint64
od_arrangement_dialog_get_amount (OdArrangementDialog *self)
{
  g_return_val_if_fail (OD_IS_ARRANGEMENT_DIALOG (self), 0);

  return self->amount;
}

const GDate *
od_arrangement_dialog_get_date (OdArrangementDialog *self)
{
  g_return_val_if_fail (OD_IS_ARRANGEMENT_DIALOG (self), NULL);

  return &self->date;
}

guint
od_arrangement_dialog_get_count (OdArrangementDialog *self)
{
  g_return_val_if_fail (OD_IS_ARRANGEMENT_DIALOG (self), 0);

  return (guint) self->count;
}

guint
od_arrangement_dialog_get_every (OdArrangementDialog *self)
{
  g_return_val_if_fail (OD_IS_ARRANGEMENT_DIALOG (self), 0);

  return (guint) self->every;
}

AdwEntryRow *
od_arrangement_dialog_get_entry (OdArrangementDialog *self,
                                 guint                index)
{
  g_return_val_if_fail (OD_IS_ARRANGEMENT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->n_rows, NULL);

  return self->rows[index];
}
