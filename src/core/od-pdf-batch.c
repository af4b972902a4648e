/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "od-pdf-private.h"

typedef struct
{
  OdPdfLetter *letter;
  GPtrArray   *attachments;   /* OdPdfInvoiceData*, may be NULL */
} BatchEntry;

typedef struct
{
  GArray     *entries;        /* BatchEntry */
  OdBusiness *business;
} Batch;

static void
batch_entry_clear (gpointer data)
{
  BatchEntry *entry = data;

  g_clear_pointer (&entry->letter, _od_pdf_letter_free);
  g_clear_pointer (&entry->attachments, g_ptr_array_unref);
}

static GTimeZone *
business_zone (OdBusiness *business)
{
  const char *identifier = od_business_get_time_zone (business);
  GTimeZone *zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);
  return zone != NULL ? zone : g_time_zone_new_local ();
}

static gboolean
render_batch (OdPdfDoc  *doc,
              gpointer   user_data,
              GError   **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->entries->len; i++)
    {
      BatchEntry *entry = &g_array_index (batch->entries, BatchEntry, i);

      /* Each letter on a sheet of its own: duplex printing never puts
       * two customers on one sheet. */
      _od_pdf_letter_draw (doc, entry->letter, TRUE);
      for (guint a = 0; entry->attachments != NULL && a < entry->attachments->len; a++)
        if (!_od_pdf_draw_invoice (doc, g_ptr_array_index (entry->attachments, a), TRUE, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_due_letter (const OdDunningAction *action)
{
  return action->status == OD_ACTION_DUE && (action->channel & OD_CHANNEL_LETTER) != 0;
}

/* Adds the letter for the actions of one group (one customer, one day):
 * @indexes into the plan's actions. */
static gboolean
add_letter (Batch              *batch,
            OdStore            *store,
            OdDunningSnapshot  *snapshot,
            OdDunningPlan      *plan,
            GArray             *indexes,
            GError            **error)
{
  OdDunningAction *action = g_ptr_array_index (plan->actions, g_array_index (indexes, guint, 0));
  g_autoptr(OdCustomer) customer = od_store_get_customer (store, action->customer_id, error);
  g_autoptr(OdPolicy) policy = NULL;
  g_autofree char *template = NULL;
  OdLetterKind kind = OD_LETTER_REMINDER;
  BatchEntry *entry;
  GDate today;

  if (customer == NULL)
    return FALSE;
  policy = od_store_get_effective_policy (store, action->customer_id, error);
  if (policy == NULL)
    return FALSE;
  for (guint i = 0; i < indexes->len; i++)
    {
      OdDunningAction *a = g_ptr_array_index (plan->actions, g_array_index (indexes, guint, i));

      kind = MAX (kind, od_letter_kind_for_step (a->step));
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (action->at),
                  g_date_time_get_month (action->at), g_date_time_get_year (action->at));

  g_array_set_size (batch->entries, batch->entries->len + 1);
  entry = &g_array_index (batch->entries, BatchEntry, batch->entries->len - 1);
  entry->letter = _od_pdf_letter_new (kind, customer, policy, &today);
  for (guint i = 0; i < indexes->len; i++)
    {
      OdDunningAction *a = g_ptr_array_index (plan->actions, g_array_index (indexes, guint, i));
      g_autoptr(OdInvoice) invoice = od_store_get_invoice (store, a->invoice_id, error);
      g_autoptr(GPtrArray) charges = NULL;

      if (invoice == NULL)
        return FALSE;
      /* The engine's figures are this step's; what earlier steps
       * charged counts on top (od_merge_amounts_add_action()). */
      charges = od_store_list_charges (store, a->invoice_id, error);
      if (charges == NULL)
        return FALSE;
      _od_pdf_letter_add_invoice (entry->letter, invoice, a, charges,
                                  _od_pdf_snapshot_history (snapshot, a->invoice_id));
    }
  /* The words of the step that decides the kind of letter. */
  for (guint i = 0; i < indexes->len && template == NULL; i++)
    {
      OdDunningAction *a = g_ptr_array_index (plan->actions, g_array_index (indexes, guint, i));
      OdPolicyStep *step = od_policy_find_step (policy, a->step);

      if (step != NULL && od_letter_kind_for_step (a->step) == kind)
        template = od_dunning_step_template (step, a->variant);
    }
  if (!_od_pdf_letter_use_template (entry->letter, store, batch->business, template, error))
    return FALSE;
  if (kind == OD_LETTER_DEMAND)
    {
      entry->attachments = _od_pdf_load_attachments (store, customer, error);
      if (entry->attachments == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
od_pdf_write_letters (OdStore        *store,
                      GDateTime      *now,
                      gboolean        whole_day,
                      GOutputStream  *stream,
                      guint          *n_letters,
                      GError        **error)
{
  g_autoptr(OdBusiness) business = NULL;
  g_autoptr(OdDunningSnapshot) snapshot = NULL;
  g_autoptr(OdDunningPlan) plan = NULL;
  g_autoptr(OdPolicy) policy = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (BatchEntry));
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  Batch batch = { entries };
  gboolean ok = TRUE;

  g_return_val_if_fail (OD_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  g_array_set_clear_func (entries, batch_entry_clear);
  business = _od_pdf_get_business (store, error);
  if (business == NULL)
    return FALSE;
  batch.business = business;
  snapshot = od_store_load_dunning_snapshot (store, error);
  if (snapshot == NULL)
    return FALSE;
  policy = od_store_get_effective_policy (store, 0, error);
  if (policy == NULL)
    return FALSE;
  zone = business_zone (business);
  plan = od_dunning_plan_full (snapshot, policy, zone, now,
                               whole_day ? OD_DUNNING_WHOLE_DAY : OD_DUNNING_FLAGS_NONE);

  for (guint i = 0; ok && i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      g_autoptr(GArray) indexes = NULL;

      if (!is_due_letter (action) ||
          (action->group != NULL && g_hash_table_contains (done, action->group)))
        continue;
      if (action->group != NULL)
        g_hash_table_add (done, action->group);
      indexes = g_array_new (FALSE, FALSE, sizeof (guint));
      /* The plan orders by customer: a group's actions are together. */
      for (guint j = i; j < plan->actions->len; j++)
        {
          OdDunningAction *next = g_ptr_array_index (plan->actions, j);

          if (next->customer_id != action->customer_id || (action->group == NULL && j > i))
            break;
          if (is_due_letter (next) && g_strcmp0 (next->group, action->group) == 0)
            g_array_append_val (indexes, j);
        }
      ok = add_letter (&batch, store, snapshot, plan, indexes, error);
    }
  if (!ok)
    return FALSE;
  if (n_letters != NULL)
    *n_letters = entries->len;
  return od_pdf_doc_render (business, render_batch, &batch, stream, NULL, error);
}
