/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <pango/pango.h>

#include "od-dunning.h"
#include "od-pdf-private.h"

/*
 * The words of a letter from the owner's templates: the step's
 * template, part "letter", in the customer's language, merged as pango
 * markup. The PDF code draws the letterhead, the address, the tables
 * and the signature around it.
 */

char *
_od_pdf_letter_template_name (OdPolicy     *policy,
                              OdLetterKind  kind,
                              OdInvoice    *invoice,
                              const GDate  *today)
{
  gint overdue = od_invoice_days_overdue (invoice, today);
  OdPolicyStep *chosen = NULL;

  /* Steps are sorted by offset: the last of this kind that has come. */
  for (guint i = 0; i < od_policy_get_n_steps (policy); i++)
    {
      OdPolicyStep *step = od_policy_get_step (policy, i);

      if (od_letter_kind_for_step (od_policy_step_get_name (step)) != kind)
        continue;
      if (chosen == NULL || od_policy_step_get_offset_days (step) <= overdue)
        chosen = step;
    }
  if (chosen == NULL)
    return NULL;
  return od_dunning_step_template (chosen, od_dunning_variant_for_number (od_invoice_get_number (invoice)));
}

char *
_od_pdf_letter_render_template (OdStore               *store,
                                OdBusiness            *business,
                                OdCustomer            *customer,
                                GPtrArray             *invoices,
                                const OdMergeAmounts  *amounts,
                                const GDate           *today,
                                const char            *name,
                                gboolean              *itemizes,
                                char                 **total,
                                const char           **language,
                                GError               **error)
{
  g_autoptr(OdTemplateEntry) entry = NULL;
  g_autoptr(OdTemplate) template = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(OdTemplateValues) values = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) tags = NULL;
  const char *total_due;

  entry = od_store_get_template (store, name, OD_TEMPLATE_PART_LETTER,
                                 od_customer_get_language (customer), &local_error);
  if (entry == NULL)
    {
      /* A step of the owner's own with no letter written for it: the
       * built-in wording. */
      if (g_error_matches (local_error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  origin = od_template_entry_origin (name, OD_TEMPLATE_PART_LETTER);
  template = od_template_new (entry->body, origin, error);
  if (template == NULL)
    return NULL;
  /* The letter's dates, amounts and fixed words speak the template's
   * language (the customer's where there is one). */
  *language = od_language_format_pick (entry->language, NULL);
  values = od_merge_values_new_for_language (business, customer, invoices, amounts, *language,
                                             today, error);
  if (values == NULL)
    return NULL;
  /* A template that lists the amounts itself has no table repeating
   * them: one that states the total due, or lists several invoices (the
   * shipped ones list them only when there are several). */
  tags = od_template_get_tags (template);
  *itemizes = g_strv_contains ((const char * const *) tags, "total_due") ||
              (invoices->len > 1 && g_strv_contains ((const char * const *) tags, "invoices"));
  total_due = od_template_values_lookup (values, "total_due");
  *total = total_due != NULL ? od_template_escape (total_due, OD_TEMPLATE_TARGET_PANGO) : NULL;
  return od_template_render (template, values, OD_TEMPLATE_TARGET_PANGO);
}

GPtrArray *
_od_pdf_split_paragraphs (const char *markup)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (markup != NULL ? markup : "", "\n", -1);
  g_autoptr(GString) current = g_string_new (NULL);

  /* Blank lines part paragraphs; the lines of one stay lines. */
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      g_autofree char *stripped = line != NULL ? g_strstrip (g_strdup (line)) : NULL;

      if (line == NULL || *stripped == '\0')
        {
          if (current->len > 0)
            g_ptr_array_add (paragraphs, g_strdup (current->str));
          g_string_truncate (current, 0);
          if (line == NULL)
            break;
          continue;
        }
      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, g_strchomp (lines[i]));
    }
  return g_steal_pointer (&paragraphs);
}

gboolean
_od_pdf_markup_is_heading (const char *paragraph)
{
  return g_str_has_prefix (paragraph, "<b>") && g_str_has_suffix (paragraph, "</b>") &&
         strchr (paragraph, '\n') == NULL &&
         strstr (paragraph + 3, "<b>") == NULL;
}

gboolean
_od_pdf_markup_is_valid (const char *markup)
{
  return pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL);
}
