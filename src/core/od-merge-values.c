/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "od-charge.h"
#include "od-date.h"
#include "od-language-format.h"
#include "od-merge-values.h"
#include "od-money.h"

/* What a payment link may hold. */
static const char * const link_tags[] = {
  "amount_due",
  "currency",
  "invoice.number",
  NULL
};

static void
set_money (OdTemplateValues *values,
           const char       *language,
           const char       *name,
           gint64            minor,
           const char       *currency,
           gboolean          even_zero)
{
  g_autofree char *text = NULL;

  if (minor == 0 && !even_zero)
    return;
  text = od_language_format_money (language, minor, currency);
  od_template_values_set (values, name, text);
}

static void
set_date (OdTemplateValues *values,
          const char       *language,
          const char       *name,
          const GDate      *date)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date))
    return;
  text = od_language_format_date (language, date);
  od_template_values_set (values, name, text);
}

static void
set_int (OdTemplateValues *values,
         const char       *name,
         gint64            number)
{
  g_autofree char *text = NULL;

  if (number <= 0)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  od_template_values_set (values, name, text);
}

static void
set_nonempty (OdTemplateValues *values,
              const char       *name,
              const char       *value)
{
  if (value != NULL && *value != '\0')
    od_template_values_set (values, name, value);
}

static char *
customer_address (OdCustomer *customer)
{
  GString *out = g_string_new (NULL);
  const char *address = od_customer_get_address (customer);
  const char *postcode = od_customer_get_postcode (customer);
  const char *city = od_customer_get_city (customer);
  const char *country = od_customer_get_country (customer);

  if (address != NULL && *address != '\0')
    g_string_append (out, address);
  if ((postcode != NULL && *postcode != '\0') || (city != NULL && *city != '\0'))
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (postcode != NULL && *postcode != '\0')
        g_string_append (out, postcode);
      if (postcode != NULL && *postcode != '\0' && city != NULL && *city != '\0')
        g_string_append_c (out, ' ');
      if (city != NULL && *city != '\0')
        g_string_append (out, city);
    }
  if (country != NULL && *country != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, country);
    }
  return g_string_free (out, FALSE);
}

static gboolean
set_invoice (OdTemplateValues *values,
             const char       *language,
             OdBusiness       *business,
             OdInvoice        *invoice,
             const GDate      *today,
             GError          **error)
{
  const char *currency = od_invoice_get_currency (invoice);
  g_autofree char *link = NULL;
  gint days;

  od_template_values_set (values, "invoice.number", od_invoice_get_number (invoice));
  set_date (values, language, "invoice.issue_date", od_invoice_get_issue_date (invoice));
  set_date (values, language, "invoice.due_date", od_invoice_get_due_date (invoice));
  set_money (values, language, "invoice.total", od_invoice_get_total (invoice), currency, TRUE);
  set_money (values, language, "invoice.paid", od_invoice_get_paid (invoice), currency, FALSE);
  set_money (values, language, "amount_due", od_invoice_get_outstanding (invoice), currency, TRUE);

  days = g_date_valid (od_invoice_get_due_date (invoice))
    ? od_invoice_days_overdue (invoice, today) : 0;
  set_int (values, "days_overdue", days);

  link = od_merge_values_payment_link (od_business_get_payment_link (business),
                                       od_invoice_get_number (invoice),
                                       od_invoice_get_outstanding (invoice),
                                       currency, error);
  if (link == NULL && error != NULL && *error != NULL)
    return FALSE;
  set_nonempty (values, "payment_link", link);
  return TRUE;
}

void
od_merge_amounts_init (OdMergeAmounts *amounts)
{
  g_return_if_fail (amounts != NULL);

  memset (amounts, 0, sizeof *amounts);
  g_date_clear (&amounts->discount_until, 1);
  g_date_clear (&amounts->new_deadline, 1);
  g_date_clear (&amounts->instalment_due_date, 1);
}

void
od_merge_amounts_add_action (OdMergeAmounts        *amounts,
                             const OdDunningAction *action,
                             GPtrArray             *charges)
{
  gint64 earlier_compensation = 0;

  g_return_if_fail (amounts != NULL);
  g_return_if_fail (action != NULL);

  for (guint i = 0; charges != NULL && i < charges->len; i++)
    {
      OdCharge *charge = g_ptr_array_index (charges, i);

      switch (od_charge_get_kind (charge))
        {
        case OD_CHARGE_KIND_LATE_FEE:
          /* The step's own fee, once charged, is @action's fee. */
          if (g_strcmp0 (od_charge_get_step (charge), action->step) != 0)
            amounts->late_fee += od_charge_get_amount (charge);
          break;
        case OD_CHARGE_KIND_COMPENSATION:
          earlier_compensation += od_charge_get_amount (charge);
          break;
        case OD_CHARGE_KIND_INTEREST:
        default:
          break;
        }
    }

  amounts->principal += action->amount_due;
  amounts->late_fee += action->fee;
  amounts->interest += action->interest;
  amounts->interest_days = MAX (amounts->interest_days, action->interest_days);
  /* Charged once per invoice: by this step, or by an earlier one. */
  amounts->compensation += action->compensation != 0 ? action->compensation
                                                     : earlier_compensation;
}

OdTemplateValues *
od_merge_values_new (OdBusiness           *business,
                     OdCustomer           *customer,
                     GPtrArray            *invoices,
                     const OdMergeAmounts *amounts,
                     const GDate          *today,
                     GError              **error)
{
  g_return_val_if_fail (OD_IS_BUSINESS (business), NULL);
  g_return_val_if_fail (OD_IS_CUSTOMER (customer), NULL);

  return od_merge_values_new_for_language (business, customer, invoices, amounts,
                                           od_language_format_pick (od_customer_get_language (customer),
                                                                    od_business_get_locale (business)),
                                           today, error);
}

OdTemplateValues *
od_merge_values_new_for_language (OdBusiness           *business,
                                  OdCustomer           *customer,
                                  GPtrArray            *invoices,
                                  const OdMergeAmounts *amounts,
                                  const char           *language,
                                  const GDate          *today,
                                  GError              **error)
{
  g_autoptr(OdTemplateValues) values = NULL;
  g_autofree char *address = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *link = NULL;
  OdContact *contact;
  OdInvoice *first;
  const char *currency;
  const char *contact_name = NULL;
  GDate now;
  gint64 principal = 0;
  gint64 total;

  g_return_val_if_fail (OD_IS_BUSINESS (business), NULL);
  g_return_val_if_fail (OD_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (invoices != NULL && invoices->len > 0, NULL);
  g_return_val_if_fail (amounts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A language Overdue does not write itself ("nl", an owner's own
   * template) is written the English way. */
  language = language != NULL
    ? od_language_format_pick (language, NULL)
    : od_language_format_pick (od_customer_get_language (customer),
                               od_business_get_locale (business));
  if (today == NULL || !g_date_valid (today))
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  first = g_ptr_array_index (invoices, 0);
  currency = amounts->currency != NULL ? amounts->currency : od_invoice_get_currency (first);
  values = od_template_values_new ();

  /* The business. */
  set_nonempty (values, "business.name", od_business_get_name (business));
  set_nonempty (values, "business.address", od_business_get_address (business));
  set_nonempty (values, "business.email", od_business_get_email (business));
  set_nonempty (values, "business.phone", od_business_get_phone (business));
  set_nonempty (values, "business.iban", od_business_get_iban (business));
  set_nonempty (values, "business.bic", od_business_get_bic (business));
  set_nonempty (values, "business.tax_id", od_business_get_tax_id (business));

  /* The customer, addressed through the billing contact where there is one. */
  contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);
  if (contact != NULL)
    contact_name = od_contact_get_name (contact);
  if (contact_name == NULL || *contact_name == '\0')
    contact_name = od_customer_get_name (customer);
  set_nonempty (values, "customer.name", od_customer_get_name (customer));
  set_nonempty (values, "customer.contact", contact_name);
  set_nonempty (values, "customer.ref", od_customer_get_ref (customer));
  if (contact != NULL)
    set_nonempty (values, "customer.email", od_contact_get_email (contact));
  address = customer_address (customer);
  set_nonempty (values, "customer.address", address);

  /* The first invoice at the top, every one in the list. */
  if (!set_invoice (values, language, business, first, today, error))
    return NULL;
  for (guint i = 0; i < invoices->len; i++)
    {
      OdTemplateValues *item = od_template_values_add_item (values, "invoices");

      if (!set_invoice (item, language, business, g_ptr_array_index (invoices, i), today, error))
        return NULL;
    }

  if (invoices->len > 1)
    od_template_values_set (values, "several_invoices", "yes");

  /* The amounts of the message as a whole. */
  od_template_values_set (values, "currency", currency);
  principal = amounts->principal;
  if (principal == 0)
    {
      for (guint i = 0; i < invoices->len; i++)
        {
          OdInvoice *invoice = g_ptr_array_index (invoices, i);

          if (g_strcmp0 (od_invoice_get_currency (invoice), currency) == 0)
            principal += od_invoice_get_outstanding (invoice);
        }
    }
  set_money (values, language, "amount_due", principal, currency, TRUE);
  set_money (values, language, "late_fee", amounts->late_fee, currency, FALSE);
  set_money (values, language, "interest", amounts->interest, currency, FALSE);
  if (amounts->interest != 0)
    {
      rate = od_language_format_percent (language, (gint) amounts->interest_rate_bp);
      if (amounts->interest_rate_bp > 0)
        od_template_values_set (values, "interest_rate", rate);
      set_int (values, "interest_days", amounts->interest_days);
    }
  set_money (values, language, "compensation", amounts->compensation, currency, FALSE);
  total = amounts->total != 0 ? amounts->total
    : principal + amounts->late_fee + amounts->interest + amounts->compensation;
  set_money (values, language, "total_due", total, currency, TRUE);
  if (amounts->discount_amount != 0)
    {
      set_money (values, language, "discount_amount", amounts->discount_amount, currency, FALSE);
      set_date (values, language, "discount_until", &amounts->discount_until);
    }
  set_date (values, language, "new_deadline", &amounts->new_deadline);
  if (amounts->days_overdue != 0)
    {
      od_template_values_set (values, "days_overdue", NULL);
      set_int (values, "days_overdue", amounts->days_overdue);
    }
  if (amounts->instalment_count > 0)
    {
      set_int (values, "instalment.number", amounts->instalment_number);
      set_int (values, "instalment.count", amounts->instalment_count);
      set_money (values, language, "instalment.amount", amounts->instalment_amount, currency, TRUE);
      set_date (values, language, "instalment.due_date", &amounts->instalment_due_date);
    }

  /* The link at the top pays everything the message asks for. */
  link = od_merge_values_payment_link (od_business_get_payment_link (business),
                                       od_invoice_get_number (first),
                                       amounts->instalment_count > 0
                                         ? amounts->instalment_amount : total,
                                       currency, error);
  if (link == NULL && error != NULL && *error != NULL)
    return NULL;
  od_template_values_set (values, "payment_link", link);

  set_date (values, language, "today", today);
  od_template_values_set (values, "opt_out", od_language_text (language, N_("Reply STOP to opt out.")));

  return g_steal_pointer (&values);
}

char *
od_merge_values_payment_link (const char  *pattern,
                              const char  *invoice_number,
                              gint64       amount_due,
                              const char  *currency,
                              GError     **error)
{
  g_autoptr(OdTemplate) template = NULL;
  g_autoptr(OdTemplateValues) values = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pattern == NULL || *pattern == '\0')
    return NULL;

  template = od_template_new (pattern, _("payment link"), error);
  if (template == NULL)
    return NULL;
  tags = od_template_get_tags (template);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!g_strv_contains (link_tags, tags[i]))
        {
          g_set_error (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_UNKNOWN_TAG,
                       _("payment link: “%s” cannot be part of a link; use "
                         "{{invoice.number}} and {{amount_due}}"), tags[i]);
          return NULL;
        }
    }

  values = od_template_values_new ();
  if (invoice_number != NULL)
    {
      escaped = g_uri_escape_string (invoice_number, NULL, FALSE);
      od_template_values_set (values, "invoice.number", escaped);
    }
  if (currency != NULL && od_currency_is_valid (currency))
    {
      amount = od_amount_to_string (amount_due, od_currency_minor_digits (currency));
      od_template_values_set (values, "amount_due", amount);
      od_template_values_set (values, "currency", currency);
    }
  return od_template_render (template, values, OD_TEMPLATE_TARGET_TEXT);
}

char *
od_merge_values_format_rate (guint rate_bp)
{
  g_autofree char *text = od_amount_to_string (rate_bp, 2);
  char *end = text + strlen (text) - 1;

  /* "8.00" to "8", "8.50" to "8.5". */
  while (end > text && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup_printf ("%s%%", text);
}
