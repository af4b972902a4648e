/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "od-business.h"
#include "od-customer.h"
#include "od-dunning.h"
#include "od-invoice.h"
#include "od-template.h"

G_BEGIN_DECLS

/*
 * The amounts a message or letter states, worked out by the caller (the
 * dunning engine, a PDF letter). All money in minor units of @currency.
 * A zero fee, interest, compensation or discount is left out of the
 * values, so that {{#late_fee}} … {{/late_fee}} shows only when there is
 * one; an invalid date likewise.
 */
typedef struct
{
  const char *currency;           /* NULL: the first invoice's */
  gint64      principal;          /* {{amount_due}}: what is outstanding of the invoices */
  gint64      late_fee;
  gint64      interest;
  guint       interest_rate_bp;   /* annual, basis points: 800 = 8 % */
  guint       interest_days;
  gint64      compensation;
  gint64      total;              /* {{total_due}}; 0: the sum of the above */
  gint64      discount_amount;    /* early-payment discount on offer */
  GDate       discount_until;
  GDate       new_deadline;
  gint        days_overdue;       /* 0: from the first invoice and today */
  /* A payment plan's instalment ({{instalment.*}}); count 0: none. */
  guint       instalment_number;  /* from 1 */
  guint       instalment_count;
  gint64      instalment_amount;
  GDate       instalment_due_date;
} OdMergeAmounts;

void              od_merge_amounts_init          (OdMergeAmounts   *amounts);

/*
 * The one rule for what a message or a letter of a step says is owed on
 * one invoice, so that the email and the letter of a step state the
 * same total. Adds to @amounts: @action's principal (amount_due), the
 * late fees earlier steps charged (@charges, OdCharge* of the invoice,
 * other than @action's step's own) plus the step's new fee, the interest
 * accrued to the step's date, and the fixed compensation, brought by
 * this step or charged by an earlier one. Stored interest charges are
 * not added: @action's interest is what has accrued and is not charged.
 */
void              od_merge_amounts_add_action    (OdMergeAmounts        *amounts,
                                                  const OdDunningAction *action,
                                                  GPtrArray             *charges);

/*
 * The values for @business, @customer (its billing contact) and
 * @invoices (OdInvoice*, at least one): the first invoice fills
 * {{invoice.*}}, every one an element of {{#invoices}} with its own
 * invoice.*, amount_due (outstanding), days_overdue and payment_link.
 * @today: the date the message is written (NULL: the local date).
 * Fails with %OD_TEMPLATE_ERROR when the business's payment-link
 * pattern is not a valid template.
 */
OdTemplateValues *od_merge_values_new            (OdBusiness           *business,
                                                  OdCustomer           *customer,
                                                  GPtrArray            *invoices,
                                                  const OdMergeAmounts *amounts,
                                                  const GDate          *today,
                                                  GError              **error);
/* The same with dates, amounts, rates and the opt-out line written the
 * way @language writes them ("30. November 2026", "1.234,50 €"; see
 * od-language-format.h): the language of the template the values go
 * into. od_merge_values_new() writes the customer's language, else the
 * business's, else English. */
OdTemplateValues *od_merge_values_new_for_language (OdBusiness           *business,
                                                    OdCustomer           *customer,
                                                    GPtrArray            *invoices,
                                                    const OdMergeAmounts *amounts,
                                                    const char           *language,
                                                    const GDate          *today,
                                                    GError              **error);

/*
 * The business's PaymentLink pattern with {{invoice.number}} and
 * {{amount_due}} (a plain decimal, "123.45") filled in, each
 * percent-encoded for a URL; NULL (no error) when the pattern is empty.
 */
char             *od_merge_values_payment_link   (const char           *pattern,
                                                  const char           *invoice_number,
                                                  gint64                amount_due,
                                                  const char           *currency,
                                                  GError              **error);

/* Basis points as a percentage for an English reader: 800 "8%",
 * 812 "8.12%" (od_language_format_percent() for others). */
char             *od_merge_values_format_rate    (guint                 rate_bp);

G_END_DECLS
