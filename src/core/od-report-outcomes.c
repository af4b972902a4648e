/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "od-dunning.h"
#include "od-report-outcomes.h"

/* Days to payment for a (step, variant): a histogram, since the store
 * hands it over grouped by days. */
typedef struct
{
  gint   days;
  guint  count;
} Bin;

typedef struct
{
  OdReportOutcomeRow *row;
  guint               order;
  GArray             *bins;   /* Bin */
} Group;

typedef struct
{
  OdReportOutcomes *self;
  OdPolicy         *policy;
  GHashTable       *groups;   /* "step\nvariant" → Group* */
} Collect;

static void
row_free (OdReportOutcomeRow *row)
{
  g_free (row->step);
  g_free (row->template_name);
  g_free (row);
}

static void
test_free (OdReportOutcomeTest *test)
{
  g_free (test->step);
  g_free (test);
}

static void
group_free (Group *group)
{
  g_array_unref (group->bins);
  g_free (group);
}

static gint
compare_bins (gconstpointer a,
              gconstpointer b)
{
  const Bin *ba = a;
  const Bin *bb = b;

  return ba->days < bb->days ? -1 : ba->days > bb->days;
}

static gint
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(Group * const *) a;
  const Group *gb = *(Group * const *) b;
  int cmp;

  if (ga->order != gb->order)
    return ga->order < gb->order ? -1 : 1;
  cmp = strcmp (ga->row->step, gb->row->step);
  if (cmp != 0)
    return cmp;
  return (gint) ga->row->variant - (gint) gb->row->variant;
}

/* The middle of the paid ones; the mean of the two middle ones when
 * their number is even. */
static double
median (GArray *bins,
        guint   n)
{
  guint lo = (n - 1) / 2;
  guint hi = n / 2;
  guint seen = 0;
  double lo_days = NAN;

  if (n == 0)
    return NAN;
  g_array_sort (bins, compare_bins);
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);

      if (isnan (lo_days) && lo < seen + bin->count)
        lo_days = bin->days;
      if (hi < seen + bin->count)
        return (lo_days + bin->days) / 2.0;
      seen += bin->count;
    }
  g_assert_not_reached ();
}

static gboolean
add_outcome (const OdStoreOutcomeRow *outcome,
             gpointer                 user_data,
             GError                 **error)
{
  Collect *collect = user_data;
  OdPolicyStep *step = NULL;
  g_autofree char *names = NULL;
  g_autofree char *key = NULL;
  guint variant = 0;
  Group *group;

  if (outcome->step == NULL)
    return TRUE;
  if (collect->policy != NULL)
    step = od_policy_find_step (collect->policy, outcome->step);
  /* Only a step that names two templates splits by variant. */
  if (step != NULL && od_policy_step_get_template (step) != NULL &&
      strchr (od_policy_step_get_template (step), ';') != NULL)
    variant = outcome->variant;

  key = g_strdup_printf ("%s\n%u", outcome->step, variant);
  group = g_hash_table_lookup (collect->groups, key);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->row = g_new0 (OdReportOutcomeRow, 1);
      group->row->step = g_strdup (outcome->step);
      group->row->variant = variant;
      group->row->template_name = step != NULL ? od_dunning_step_template (step, variant) : NULL;
      group->row->median_days = NAN;
      group->order = G_MAXUINT;
      group->bins = g_array_new (FALSE, FALSE, sizeof (Bin));
      for (guint i = 0; step != NULL && i < od_policy_get_n_steps (collect->policy); i++)
        if (od_policy_get_step (collect->policy, i) == step)
          group->order = i;
      g_hash_table_insert (collect->groups, g_steal_pointer (&key), group);
    }

  group->row->n_invoices += outcome->n_invoices;
  if (outcome->days >= 0)
    {
      Bin bin = { outcome->days, outcome->n_invoices };

      group->row->n_paid += outcome->n_invoices;
      if (outcome->days <= 3)
        group->row->paid_3 += outcome->n_invoices;
      if (outcome->days <= 7)
        group->row->paid_7 += outcome->n_invoices;
      if (outcome->days <= 14)
        group->row->paid_14 += outcome->n_invoices;
      g_array_append_val (group->bins, bin);
    }
  return TRUE;
}

/**
 * od_report_outcomes_new:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
OdReportOutcomes *
od_report_outcomes_new (OdStore      *store,
                        OdPolicy     *policy,
                        const GDate  *as_of,
                        GError      **error)
{
  g_autoptr(OdReportOutcomes) self = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  Collect collect;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);
  g_return_val_if_fail (policy == NULL || OD_IS_POLICY (policy), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (OdReportOutcomes, 1);
  self->as_of = *as_of;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) test_free);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) group_free);

  collect.self = self;
  collect.policy = policy;
  collect.groups = groups;
  if (!od_store_foreach_outcome (store, as_of, add_outcome, &collect, error))
    return NULL;

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_groups);
  for (guint i = 0; i < sorted->len; i++)
    {
      Group *group = g_ptr_array_index (sorted, i);

      group->row->median_days = median (group->bins, group->row->n_paid);
      g_ptr_array_add (self->rows, g_steal_pointer (&group->row));
    }

  /* Rows of one step are neighbours: A, then B. */
  for (guint i = 0; i + 1 < self->rows->len; i++)
    {
      OdReportOutcomeRow *a = g_ptr_array_index (self->rows, i);
      OdReportOutcomeRow *b = g_ptr_array_index (self->rows, i + 1);
      OdReportOutcomeTest *test;

      if (strcmp (a->step, b->step) != 0)
        continue;
      test = g_new0 (OdReportOutcomeTest, 1);
      test->step = g_strdup (a->step);
      test->z = od_report_two_proportion_z (a->paid_14, a->n_invoices,
                                            b->paid_14, b->n_invoices, &test->p_value);
      g_ptr_array_add (self->tests, test);
    }
  return g_steal_pointer (&self);
}

void
od_report_outcomes_free (OdReportOutcomes *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->tests, g_ptr_array_unref);
  g_free (self);
}

double
od_report_two_proportion_z (guint   x1,
                            guint   n1,
                            guint   x2,
                            guint   n2,
                            double *p_value)
{
  double p1, p2, pooled, se, z;

  g_return_val_if_fail (x1 <= n1 && x2 <= n2, 0.0);

  if (p_value != NULL)
    *p_value = 1.0;
  if (n1 == 0 || n2 == 0)
    return 0.0;
  p1 = (double) x1 / n1;
  p2 = (double) x2 / n2;
  pooled = (double) (x1 + x2) / (n1 + n2);
  se = sqrt (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
  if (se <= 0.0)
    return 0.0;
  z = (p1 - p2) / se;
  if (p_value != NULL)
    *p_value = erfc (fabs (z) / M_SQRT2);
  return z;
}
