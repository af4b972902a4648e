/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>

#include "od-charge.h"
#include "od-dunning.h"
#include "od-merge-values.h"
#include "od-pdf.h"
#include "od-template-sample.h"

void
od_template_sample_free (OdTemplateSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->label);
  g_free (sample);
}

/* Whether @customer reads @language (no language of their own: English). */
static gboolean
reads (OdCustomer *customer,
       const char *language)
{
  const char *own = od_customer_get_language (customer);

  if (own == NULL || *own == '\0')
    own = "en";
  return g_str_has_prefix (own, language);
}

GPtrArray *
od_template_sample_list (OdStore     *store,
                         const char  *language,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_sample_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) od_template_sample_free);
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  const OdInvoiceFilter filters[] = { OD_INVOICE_FILTER_OVERDUE, OD_INVOICE_FILTER_OPEN };

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  for (guint f = 0; f < G_N_ELEMENTS (filters) && samples->len < limit; f++)
    {
      OdInvoiceQuery query = { 0 };
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) invoices = NULL;

      query.filter = filters[f];
      query.sort = OD_INVOICE_SORT_DUE_DATE;
      query.descending = TRUE;
      g_date_clear (&query.today, 1);
      ids = od_store_query_invoice_ids (store, &query, error);
      if (ids == NULL)
        return NULL;
      invoices = od_store_load_invoices (store, (const gint64 *) ids->data, MIN (ids->len, 200), error);
      if (invoices == NULL)
        return NULL;
      for (guint i = 0; i < invoices->len && samples->len < limit; i++)
        {
          OdInvoice *invoice = g_ptr_array_index (invoices, i);
          gint64 customer_id = od_invoice_get_customer_id (invoice);
          OdCustomer *customer = g_hash_table_lookup (customers, &customer_id);
          OdTemplateSample *sample;
          gboolean seen = FALSE;

          for (guint j = 0; j < samples->len && !seen; j++)
            seen = ((OdTemplateSample *) g_ptr_array_index (samples, j))->invoice_id == od_invoice_get_id (invoice);
          if (seen || od_invoice_get_outstanding (invoice) <= 0)
            continue;
          if (customer == NULL)
            {
              customer = od_store_get_customer (store, customer_id, error);
              if (customer == NULL)
                return NULL;
              g_hash_table_insert (customers, g_memdup2 (&customer_id, sizeof customer_id), customer);
            }
          sample = g_new0 (OdTemplateSample, 1);
          sample->invoice_id = od_invoice_get_id (invoice);
          /* Translators: an invoice in the preview picker: number · customer */
          sample->label = g_strdup_printf (_("%s · %s"), od_invoice_get_number (invoice),
                                           od_customer_get_name (customer));
          g_ptr_array_add (reads (customer, language) ? samples : others, sample);
        }
    }
  while (samples->len < limit && others->len > 0)
    g_ptr_array_add (samples, g_ptr_array_steal_index (others, 0));
  return g_steal_pointer (&samples);
}

/* The first step of the effective policy that uses template @name. */
static OdPolicyStep *
step_for (OdPolicy   *policy,
          const char *name)
{
  for (guint i = 0; i < od_policy_get_n_steps (policy); i++)
    {
      OdPolicyStep *step = od_policy_get_step (policy, i);
      g_auto(GStrv) names = g_strsplit (od_policy_step_get_template (step) ? od_policy_step_get_template (step) : "", ";", -1);

      for (guint j = 0; names[j] != NULL; j++)
        if (g_str_equal (g_strstrip (names[j]), name))
          return step;
    }
  return NULL;
}

OdTemplateValues *
od_template_sample_values (OdStore     *store,
                           gint64       invoice_id,
                           const char  *name,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(OdInvoice) invoice = NULL;
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  const GDate *due;
  OdPolicyStep *step;
  OdMergeAmounts amounts;
  GDate today;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  invoice = od_store_get_invoice (store, invoice_id, error);
  if (invoice == NULL)
    return NULL;
  customer = od_store_get_customer (store, od_invoice_get_customer_id (invoice), error);
  if (customer == NULL)
    return NULL;
  business = od_store_get_business (store, error);
  if (business == NULL)
    return NULL;
  policy = od_store_get_effective_policy (store, od_customer_get_id (customer), error);
  if (policy == NULL)
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  due = od_invoice_get_due_date (invoice);
  step = step_for (policy, name);

  od_merge_amounts_init (&amounts);
  amounts.currency = od_invoice_get_currency (invoice);
  amounts.principal = od_invoice_get_outstanding (invoice);
  amounts.interest_rate_bp = (guint) MAX (0, od_policy_get_interest_annual_bp (policy));
  if (step != NULL)
    amounts.late_fee = od_policy_milli_to_minor (od_policy_step_get_fee_milli (step), amounts.currency);
  if (due != NULL && g_date_valid (due) && g_date_compare (due, &today) < 0)
    {
      amounts.days_overdue = g_date_days_between (due, &today);
      amounts.interest = od_dunning_interest (amounts.principal, od_policy_get_interest_annual_bp (policy),
                                              due, &today, &amounts.interest_days);
      amounts.compensation = od_policy_milli_to_minor (od_policy_get_fixed_compensation_milli (policy),
                                                       amounts.currency);
    }
  amounts.new_deadline = today;
  g_date_add_days (&amounts.new_deadline,
                   od_letter_deadline_days (od_letter_kind_for_step (step != NULL ? od_policy_step_get_name (step) : name)));

  g_ptr_array_add (invoices, g_steal_pointer (&invoice));
  return od_merge_values_new_for_language (business, customer, invoices, &amounts, language, &today, error);
}

typedef struct
{
  OdStore *store;
  gint64   invoice_id;
  char    *name;
  char    *language;
  guint    limit;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job->name);
  g_free (job->language);
  g_free (job);
}

static GTask *
new_task (gpointer             source_object,
          OdStore             *store,
          const char          *name,
          const char          *language,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->store = g_object_ref (store);
  job->name = g_strdup (name);
  job->language = g_strdup (language);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *samples = od_template_sample_list (job->store, job->language, job->limit, &error);

  if (samples == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, samples, (GDestroyNotify) g_ptr_array_unref);
}

static void
values_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  OdTemplateValues *values = od_template_sample_values (job->store, job->invoice_id, job->name,
                                                        job->language, &error);

  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, (GDestroyNotify) od_template_values_unref);
}

void
od_template_sample_list_async (gpointer             source_object,
                               OdStore             *store,
                               const char          *language,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));

  task = new_task (source_object, store, NULL, language, cancellable, callback, user_data);
  ((Job *) g_task_get_task_data (task))->limit = limit;
  g_task_set_source_tag (task, od_template_sample_list_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
od_template_sample_list_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
od_template_sample_values_async (gpointer             source_object,
                                 OdStore             *store,
                                 gint64               invoice_id,
                                 const char          *name,
                                 const char          *language,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OD_IS_STORE (store));

  task = new_task (source_object, store, name, language, cancellable, callback, user_data);
  ((Job *) g_task_get_task_data (task))->invoice_id = invoice_id;
  g_task_set_source_tag (task, od_template_sample_values_async);
  g_task_run_in_thread (task, values_thread);
}

OdTemplateValues *
od_template_sample_values_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
is_known (const char *tag)
{
  const char * const *known = od_template_get_known_tags ();

  for (guint i = 0; known[i] != NULL; i++)
    if (g_str_equal (known[i], tag))
      return TRUE;
  return FALSE;
}

GArray *
od_template_sample_unknown_tags (const char *source)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (gint));
  const char *p = source;

  g_return_val_if_fail (source != NULL, spans);

  while ((p = strstr (p, "{{")) != NULL)
    {
      const char *end = strstr (p + 2, "}}");
      g_autofree char *tag = NULL;
      char *name;

      if (end == NULL)
        break;
      tag = g_strndup (p + 2, end - p - 2);
      name = g_strstrip (tag);
      if (*name == '#' || *name == '^' || *name == '/')
        name = g_strstrip (name + 1);
      if (*tag != '!' && !is_known (name))
        {
          gint start = (gint) g_utf8_pointer_to_offset (source, p);
          gint stop = (gint) g_utf8_pointer_to_offset (source, end + 2);

          g_array_append_val (spans, start);
          g_array_append_val (spans, stop);
        }
      p = end + 2;
    }
  return spans;
}

static void
append_entity (GString     *out,
               const char **p)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", "\u00a0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (*p, entities[i].name))
      {
        g_string_append (out, entities[i].text);
        *p += strlen (entities[i].name);
        return;
      }
  if ((*p)[1] == '#' && g_ascii_isdigit ((*p)[2]))
    {
      char *end = NULL;
      guint64 code = g_ascii_strtoull (*p + 2, &end, 10);

      if (end != NULL && *end == ';' && g_unichar_validate ((gunichar) code))
        {
          g_string_append_unichar (out, (gunichar) code);
          *p = end + 1;
          return;
        }
    }
  g_string_append_c (out, '&');
  (*p)++;
}

char *
od_template_sample_html_to_text (const char *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRegex) blank_lines = NULL;
  const char *p = html;
  gboolean space = FALSE;

  g_return_val_if_fail (html != NULL, NULL);

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = NULL;
          g_autofree char *name = NULL;

          if (end == NULL)
            break;
          tag = g_ascii_strdown (p + 1, end - p - 1);
          /* "p style=…" → "p", "/p" → "/p", "br/" → "br" */
          name = g_strndup (tag, (tag[0] == '/') + strcspn (tag + (tag[0] == '/'), " \t\n/>"));
          p = end + 1;
          /* What a reader never sees. */
          if (g_str_equal (name, "head") || g_str_equal (name, "style") || g_str_equal (name, "title"))
            {
              g_autofree char *close = g_strdup_printf ("</%s>", name);
              const char *skip = strstr (p, close);

              p = skip != NULL ? skip + strlen (close) : p + strlen (p);
              continue;
            }
          if (g_str_equal (name, "br") || g_str_equal (name, "/tr") || g_str_equal (name, "/li") ||
              g_str_equal (name, "/div") || g_str_equal (name, "/table"))
            g_string_append_c (out, '\n');
          else if (g_str_equal (name, "/p") || (name[0] == '/' && name[1] == 'h' && g_ascii_isdigit (name[2])))
            g_string_append (out, "\n\n");
          else if (g_str_equal (name, "li"))
            g_string_append (out, "• ");
          else if (g_str_equal (name, "/td") || g_str_equal (name, "/th"))
            g_string_append (out, "   ");
          else
            continue;   /* inline: the blank before it still counts */
          space = FALSE;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, ' ');
      space = FALSE;
      if (*p == '&')
        append_entity (out, &p);
      else
        g_string_append_c (out, *p++);
    }

  blank_lines = g_regex_new ("[ \t]*\n[ \t\n]*\n[ \t\n]*", 0, 0, NULL);
  {
    char *text = g_regex_replace_literal (blank_lines, out->str, -1, 0, "\n\n", 0, NULL);

    return g_strstrip (text);
  }
}
