/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-policy.h"
#include "od-prefs-templates-page.h"
#include "od-store.h"

struct _OdPrefsTemplatesPage
{
  AdwPreferencesPage   parent_instance;

  OdContext           *context;
  GCancellable        *cancellable;
  GPtrArray           *entries;       /* OdTemplateEntry*, by name, language, part */
  GPtrArray           *rows;          /* the rows added to templates_group */
  GHashTable          *rank;          /* template name -> its step's place in the shipped ladder */
  gboolean             loading;

  AdwComboRow         *language_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *templates_group;
};

G_DEFINE_FINAL_TYPE (OdPrefsTemplatesPage, od_prefs_templates_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const languages[] = { "en", "de", "fr" };

/* The parts a row is shown for, in this order; an email's subject is
 * edited with its body. */
static const struct
{
  OdTemplatePart  part;
  const char     *label;
} parts[] = {
  { OD_TEMPLATE_PART_TEXT, N_("Email") },
  { OD_TEMPLATE_PART_HTML, N_("Email (HTML)") },
  { OD_TEMPLATE_PART_SMS, N_("Text message") },
  { OD_TEMPLATE_PART_LETTER, N_("Letter") },
};

static void load (OdPrefsTemplatesPage *self);

static const char *
current_language (OdPrefsTemplatesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return languages[selected < G_N_ELEMENTS (languages) ? selected : 0];
}

static void
clear_rows (OdPrefsTemplatesPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->templates_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void on_part_activated (AdwActionRow *row, OdPrefsTemplatesPage *self);

static GtkWidget *
part_row (OdPrefsTemplatesPage *self,
          OdTemplateEntry      *entry,
          const char           *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               entry->is_default ? _("Overdue’s wording") : _("Customised"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_set_name (row, od_template_part_to_string (entry->part));
  g_object_set_data_full (G_OBJECT (row), "template-name", g_strdup (entry->name), g_free);
  g_object_set_data (G_OBJECT (row), "template-part", GINT_TO_POINTER (entry->part));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_part_activated), self, 0);
  return row;
}

/* In the order of the ladder, then by name. */
static gint
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  OdPrefsTemplatesPage *self = user_data;
  const OdTemplateEntry *x = *(OdTemplateEntry * const *) a;
  const OdTemplateEntry *y = *(OdTemplateEntry * const *) b;
  guint rx = GPOINTER_TO_UINT (g_hash_table_lookup (self->rank, x->name));
  guint ry = GPOINTER_TO_UINT (g_hash_table_lookup (self->rank, y->name));

  if (rx != ry)
    return rx == 0 ? 1 : ry == 0 ? -1 : (rx < ry ? -1 : 1);
  return g_strcmp0 (x->name, y->name);
}

/* One expander row per template name that has a part in the language. */
static void
show_entries (OdPrefsTemplatesPage *self)
{
  const char *language = current_language (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  clear_rows (self);
  if (self->entries == NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      OdTemplateEntry *entry = g_ptr_array_index (self->entries, i);

      if (!g_hash_table_contains (seen, entry->name))
        {
          g_hash_table_add (seen, entry->name);
          g_ptr_array_add (firsts, entry);
        }
    }
  g_ptr_array_sort_with_data (firsts, compare_names, self);
  for (guint k = 0; k < firsts->len; k++)
    {
      OdTemplateEntry *first = g_ptr_array_index (firsts, k);
      guint i;
      GtkWidget *expander;
      gboolean customised = FALSE;
      guint added = 0;

      g_ptr_array_find (self->entries, first, &i);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), first->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      gtk_widget_set_name (expander, first->name);
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        for (guint j = i; j < self->entries->len; j++)
          {
            OdTemplateEntry *entry = g_ptr_array_index (self->entries, j);

            if (!g_str_equal (entry->name, first->name))
              break;
            if (entry->part != parts[p].part || !g_str_equal (entry->language, language))
              continue;
            adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), part_row (self, entry, parts[p].label));
            customised = customised || !entry->is_default;
            added++;
          }
      if (added == 0)
        {
          g_object_unref (g_object_ref_sink (expander));
          continue;
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     customised ? _("Customised") : _("Overdue’s wording"));
      adw_preferences_group_add (self->templates_group, expander);
      g_ptr_array_add (self->rows, expander);
    }
}

/* Threads */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = od_store_list_templates (task_data, &error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* Callbacks */

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPrefsTemplatesPage *self = OD_PREFS_TEMPLATES_PAGE (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the templates: %s"), error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  show_entries (self);
}

static void
on_part_activated (AdwActionRow         *row,
                   OdPrefsTemplatesPage *self)
{
  OdTemplateEditor *editor;

  editor = od_prefs_templates_page_open_editor (self, g_object_get_data (G_OBJECT (row), "template-name"),
                                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "template-part")));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
load (OdPrefsTemplatesPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->context == NULL)
    return;
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, on_listed, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/* GObject */

static void
od_prefs_templates_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  OdPrefsTemplatesPage *self = OD_PREFS_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_templates_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  OdPrefsTemplatesPage *self = OD_PREFS_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_templates_page_constructed (GObject *object)
{
  OdPrefsTemplatesPage *self = OD_PREFS_TEMPLATES_PAGE (object);

  G_OBJECT_CLASS (od_prefs_templates_page_parent_class)->constructed (object);

  if (self->context != NULL)
    g_signal_connect_object (self->context, "ledger-changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
  load (self);
}

static void
od_prefs_templates_page_dispose (GObject *object)
{
  OdPrefsTemplatesPage *self = OD_PREFS_TEMPLATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->rank, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFS_TEMPLATES_PAGE);

  G_OBJECT_CLASS (od_prefs_templates_page_parent_class)->dispose (object);
}

static void
od_prefs_templates_page_class_init (OdPrefsTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = od_prefs_templates_page_set_property;
  object_class->get_property = od_prefs_templates_page_get_property;
  object_class->constructed = od_prefs_templates_page_constructed;
  object_class->dispose = od_prefs_templates_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-prefs-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPrefsTemplatesPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsTemplatesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsTemplatesPage, templates_group);
}

static void
od_prefs_templates_page_init (OdPrefsTemplatesPage *self)
{
  g_autoptr(OdPolicy) ladder = od_policy_new_default ();

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->rank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < od_policy_get_n_steps (ladder); i++)
    {
      const char *name = od_policy_step_get_template (od_policy_get_step (ladder, i));

      if (name != NULL && !g_hash_table_contains (self->rank, name))
        g_hash_table_insert (self->rank, g_strdup (name), GUINT_TO_POINTER (i + 1));
    }

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (show_entries), self);
}

/* Public API */

OdPrefsTemplatesPage *
od_prefs_templates_page_new (OdContext *context)
{
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_PREFS_TEMPLATES_PAGE, "context", context, NULL);
}

gboolean
od_prefs_templates_page_is_idle (OdPrefsTemplatesPage *self)
{
  g_return_val_if_fail (OD_IS_PREFS_TEMPLATES_PAGE (self), FALSE);

  return self->entries != NULL && !self->loading;
}

OdTemplateEditor *
od_prefs_templates_page_open_editor (OdPrefsTemplatesPage *self,
                                     const char           *name,
                                     OdTemplatePart        part)
{
  GtkRoot *root;

  g_return_val_if_fail (OD_IS_PREFS_TEMPLATES_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return od_template_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->context, name, part, current_language (self));
}
