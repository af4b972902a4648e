/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-charge.h"
#include "od-language-format.h"
#include "od-merge-values.h"
#include "od-pdf.h"
#include "od-outbox-private.h"

/* The template a step names ("a;b": one per A/B variant), else the
 * step's own name; a payment plan's "instalment-N" uses "instalment". */
static char *
template_name (OdStore         *store,
               OdDunningAction *action)
{
  g_autoptr(OdPolicy) policy = NULL;
  OdPolicyStep *step = NULL;
  const char *names = NULL;

  if (g_str_has_prefix (action->step, "instalment-"))
    return g_strdup ("instalment");
  policy = od_store_get_effective_policy (store, action->customer_id, NULL);
  if (policy != NULL)
    step = od_policy_find_step (policy, action->step);
  if (step != NULL)
    names = od_policy_step_get_template (step);
  if (names != NULL && *names != '\0')
    {
      g_auto(GStrv) variants = g_strsplit (names, ";", -1);
      guint n = g_strv_length (variants);

      return g_strdup (g_strstrip (variants[MIN (action->variant, n - 1)]));
    }
  return g_strdup (action->step);
}

static char *
render_part (OdStore           *store,
             const char        *name,
             OdTemplatePart     part,
             const char        *language,
             OdTemplateValues  *values,
             gboolean          *missing,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OdTemplate) template = od_store_load_template (store, name, part, language,
                                                            &local_error);

  if (template == NULL)
    {
      if (g_error_matches (local_error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND))
        *missing = TRUE;
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return od_template_render (template, values, od_template_part_get_target (part));
}

/* The language the message is written in: that of the template the
 * customer gets (theirs, else the business's, else English), so that
 * its dates and amounts read the way its words do. */
static const char *
message_language (OdStore        *store,
                  const char     *name,
                  OdTemplatePart  part,
                  OdCustomer     *customer)
{
  g_autoptr(OdTemplateEntry) entry = od_store_get_template (store, name, part,
                                                            od_customer_get_language (customer),
                                                            NULL);

  return entry != NULL ? od_language_format_pick (entry->language, NULL)
                       : od_language_format_pick (od_customer_get_language (customer), NULL);
}

gboolean
_od_outbox_render (OdStore     *store,
                   OdBusiness  *business,
                   OdCustomer  *customer,
                   GPtrArray   *actions,
                   OdChannel    channel,
                   char       **subject,
                   char       **text,
                   char       **html,
                   GError     **error)
{
  OdDunningAction *last = g_ptr_array_index (actions, actions->len - 1);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OdTemplateValues) values = NULL;
  g_autofree char *name = template_name (store, last);
  const char *language = od_customer_get_language (customer);
  OdMergeAmounts amounts;
  g_autofree char *new_subject = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *new_html = NULL;
  gboolean missing = FALSE;
  g_autoptr(OdPolicy) policy = NULL;
  GDate today;

  if (channel != OD_CHANNEL_EMAIL && channel != OD_CHANNEL_SMS)
    return FALSE;

  od_merge_amounts_init (&amounts);
  amounts.currency = last->currency;
  for (guint i = 0; i < actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (actions, i);
      OdInvoice *invoice = od_store_get_invoice (store, action->invoice_id, error);
      g_autoptr(GPtrArray) charges = NULL;

      if (invoice == NULL)
        return FALSE;
      g_ptr_array_add (invoices, invoice);
      /* The whole debt, as the letter of the step states it. */
      charges = od_store_list_charges (store, action->invoice_id, error);
      if (charges == NULL)
        return FALSE;
      od_merge_amounts_add_action (&amounts, action, charges);
      amounts.days_overdue = MAX (amounts.days_overdue, action->days_overdue);
      if (action->discounted > 0)
        {
          amounts.discount_amount += action->amount_due - action->discounted;
          amounts.discount_until = action->discount_until;
        }
    }

  /* The message is dated the day it is planned for, and gives the same
   * time to pay as the letter for the step would. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (last->at),
                  g_date_time_get_month (last->at), g_date_time_get_year (last->at));
  amounts.new_deadline = today;
  g_date_add_days (&amounts.new_deadline,
                   od_letter_deadline_days (od_letter_kind_for_step (last->step)));

  policy = od_store_get_effective_policy (store, od_customer_get_id (customer), error);
  if (policy == NULL)
    return FALSE;
  amounts.interest_rate_bp = (guint) MAX (0, od_policy_get_interest_annual_bp (policy));
  values = od_merge_values_new_for_language (business, customer, invoices, &amounts,
                                             message_language (store, name,
                                                               channel == OD_CHANNEL_SMS
                                                                 ? OD_TEMPLATE_PART_SMS
                                                                 : OD_TEMPLATE_PART_SUBJECT,
                                                               customer),
                                             &today, error);
  if (values == NULL)
    return FALSE;

  if (channel == OD_CHANNEL_SMS)
    {
      char *sms = render_part (store, name, OD_TEMPLATE_PART_SMS, language, values, &missing, error);

      if (sms == NULL)
        return FALSE;
      g_free (*text);
      *text = sms;
      return TRUE;
    }

  new_subject = render_part (store, name, OD_TEMPLATE_PART_SUBJECT, language, values, &missing, error);
  if (new_subject != NULL)
    new_text = render_part (store, name, OD_TEMPLATE_PART_TEXT, language, values, &missing, error);
  if (new_text != NULL)
    new_html = render_part (store, name, OD_TEMPLATE_PART_HTML, language, values, &missing, error);
  if (new_html == NULL)
    return FALSE;
  g_free (*subject);
  g_free (*text);
  g_free (*html);
  *subject = g_steal_pointer (&new_subject);
  *text = g_steal_pointer (&new_text);
  *html = g_steal_pointer (&new_html);
  return TRUE;
}
