/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-activity-item.h"
#include "od-letter-queue.h"
#include "od-letters-page-private.h"
#include "od-pdf.h"
#include "od-pdf-render.h"

/* The preview's pixels per PDF point: sharp on a 2× screen. */
#define PREVIEW_SCALE 2.0

G_DEFINE_FINAL_TYPE (OdLettersPage, od_letters_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static OdStore *
store_of (OdLettersPage *self)
{
  return od_context_get_store (self->context);
}

/* The selected letter's row, copied for a worker thread. */
static OdActivityItem *
selected_item (OdLettersPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

void
_od_letters_page_update_actions (OdLettersPage *self)
{
  gboolean idle = self->busy == 0 && self->printing == NULL;
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->letters)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.print-all", idle && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.save-pdf", idle && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.mark-posted",
                                 idle && selected_item (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.save-posted", idle);
}

static void
clear_pages (OdLettersPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_list_store_remove_all (self->preview);
}

/* Runs in a worker thread: the letter's PDF, rendered page by page. */
static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source_object);
  OdOutboxRow *row = od_activity_item_get_row (task_data);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *pages = NULL;
  g_autoptr(GError) error = NULL;

  bytes = od_letter_queue_pdf (store_of (self), row, &error);
  if (bytes != NULL)
    pages = od_pdf_render_pages (bytes, PREVIEW_SCALE, cancellable, &error);
  if (pages == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_preview (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source);
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  pages = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  _od_letters_page_update_actions (self);
  /* Another letter was chosen meanwhile. */
  if (id != self->preview_id)
    return;
  gtk_spinner_stop (self->preview_spinner);
  if (pages == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      return;
    }

  clear_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(GdkTexture) texture = od_pdf_page_texture (g_ptr_array_index (pages, i));

      g_list_store_append (self->preview, texture);
      gtk_box_append (GTK_BOX (self->pages_box), od_pdf_sheet_new (texture, i, pages->len));
    }
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}


static void
show_letter (OdLettersPage  *self,
             OdActivityItem *item)
{
  g_autoptr(GTask) task = NULL;
  OdOutboxRow *row;
  g_autofree char *invoices = NULL;
  g_autofree char *title = NULL;

  _od_letters_page_update_actions (self);
  self->preview_id = item != NULL ? od_activity_item_get_id (item) : 0;
  if (item == NULL)
    {
      clear_pages (self);
      gtk_label_set_label (self->title_label, "");
      gtk_stack_set_visible_child_name (self->preview_stack, "none");
      return;
    }
  row = od_activity_item_get_row (item);
  invoices = row->invoices != NULL ? g_strjoinv (", ", row->invoices) : g_strdup ("");
  /* Translators: the letter shown: "Lichtwerk GmbH · 2026-0142" */
  title = g_strdup_printf (_("%s · %s"), row->customer_name, invoices);
  gtk_label_set_label (self->title_label, title);

  gtk_spinner_start (self->preview_spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  self->busy++;
  _od_letters_page_update_actions (self);
  task = g_task_new (self, self->cancellable, on_preview, GSIZE_TO_POINTER ((gsize) self->preview_id));
  g_task_set_source_tag (task, show_letter);
  g_task_set_task_data (task, g_object_ref (item), g_object_unref);
  g_task_run_in_thread (task, preview_thread);
}

/* Runs in a worker thread. */
static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (task_data, 0, &error);
  GPtrArray *items;

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      OdOutboxRow *row = g_ptr_array_index (rows, i);

      if (row->channel == OD_CHANNEL_LETTER && row->state == OD_OUTBOX_STATE_SENT &&
          row->done_at == NULL)
        g_ptr_array_add (items, od_activity_item_new (g_ptr_array_steal_index (rows, i--)));
    }
  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->preview_id;
  gboolean first;
  guint n;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_spinner_stop (self->spinner);
  first = !self->loaded;
  self->loaded = TRUE;
  if (items == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      _od_letters_page_update_actions (self);
      return;
    }

  /* The same queue: keep the preview as it is. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->letters));
  if (!first && n == items->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < n; i++)
        {
          g_autoptr(OdActivityItem) old = g_list_model_get_item (G_LIST_MODEL (self->letters), i);

          same = od_activity_item_get_id (old) == od_activity_item_get_id (g_ptr_array_index (items, i));
        }
      if (same)
        {
          _od_letters_page_update_actions (self);
          return;
        }
    }

  g_signal_handlers_block_matched (self->selection, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_list_store_splice (self->letters, 0, n, items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < items->len; i++)
    if (od_activity_item_get_id (g_ptr_array_index (items, i)) == keep)
      gtk_single_selection_set_selected (self->selection, i);
  if (selected_item (self) == NULL && items->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  g_signal_handlers_unblock_matched (self->selection, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter to print",
                                                          "%u letters to print", items->len),
                                             items->len);
    gtk_label_set_label (self->count_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  if (selected_item (self) == NULL || od_activity_item_get_id (selected_item (self)) != keep)
    show_letter (self, selected_item (self));
  _od_letters_page_update_actions (self);
}

void
_od_letters_page_load (OdLettersPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->busy++;
  _od_letters_page_update_actions (self);
  task = g_task_new (self, self->cancellable, on_listed, NULL);
  g_task_set_source_tag (task, _od_letters_page_load);
  g_task_set_task_data (task, g_object_ref (store_of (self)), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/* The rows of every queued letter, copied for a worker thread. */
GPtrArray *
_od_letters_page_queued_rows (OdLettersPage *self,
             GArray        *ids)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->letters)); i++)
    {
      OdActivityItem *item = g_list_model_get_item (G_LIST_MODEL (self->letters), i);
      gint64 id = od_activity_item_get_id (item);

      g_ptr_array_add (rows, item);
      if (ids != NULL)
        g_array_append_val (ids, id);
    }
  return rows;
}

/* Runs in a worker thread: task data is the items; the result the
 * documents, or (with an output file set) TRUE once it is written. */
static void
documents_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  OdLettersPage *self = OD_LETTERS_PAGE (source_object);
  GPtrArray *items = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "od-file");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, od_activity_item_get_row (g_ptr_array_index (items, i)));
  documents = od_letter_queue_documents (store_of (self), rows, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (file == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&documents), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (stream == NULL ||
      !od_letter_queue_write_pdf (documents, G_OUTPUT_STREAM (stream), &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&documents), (GDestroyNotify) g_ptr_array_unref);
}

void
_od_letters_page_run_documents (OdLettersPage       *self,
               GFile               *file,
               GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  self->busy++;
  _od_letters_page_update_actions (self);
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, _od_letters_page_run_documents);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (task), "od-file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, _od_letters_page_queued_rows (self, NULL), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, documents_thread);
}

/* Callbacks */

static void
on_selected_changed (OdLettersPage *self)
{
  show_letter (self, selected_item (self));
}

static void
on_list_activate (OdLettersPage *self,
                  guint          position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->preview_pane);
}

static void
on_map (OdLettersPage *self)
{
  _od_letters_page_load (self);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  OdOutboxRow *row = od_activity_item_get_row (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *invoices = row->invoices != NULL ? g_strjoinv (", ", row->invoices) : g_strdup ("");
  g_autofree char *step = NULL;
  g_autofree char *text = NULL;

  gtk_label_set_label (GTK_LABEL (name), row->customer_name);
  step = row->step != NULL ? od_pdf_step_label (row->step) : g_strdup ("");
  /* Translators: a queued letter's step and invoices: "Demand letter · 2026-0142" */
  text = g_strdup_printf (_("%s · %s"), step, invoices);
  gtk_label_set_label (GTK_LABEL (detail), text);
}


static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdLettersPage *self = OD_LETTERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* GObject */

static void
od_letters_page_constructed (GObject *object)
{
  OdLettersPage *self = OD_LETTERS_PAGE (object);

  G_OBJECT_CLASS (od_letters_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "ledger-changed", G_CALLBACK (_od_letters_page_load), self,
                           G_CONNECT_SWAPPED);
  _od_letters_page_load (self);
}

static void
od_letters_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdLettersPage *self = OD_LETTERS_PAGE (object);

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
od_letters_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdLettersPage *self = OD_LETTERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_letters_page_dispose (GObject *object)
{
  OdLettersPage *self = OD_LETTERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_LETTERS_PAGE);

  G_OBJECT_CLASS (od_letters_page_parent_class)->dispose (object);
}

static void
od_letters_page_finalize (GObject *object)
{
  OdLettersPage *self = OD_LETTERS_PAGE (object);

  g_clear_object (&self->letters);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->printing, g_ptr_array_unref);
  g_clear_pointer (&self->printed, g_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (od_letters_page_parent_class)->finalize (object);
}

static void
od_letters_page_class_init (OdLettersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = od_letters_page_constructed;
  object_class->get_property = od_letters_page_get_property;
  object_class->set_property = od_letters_page_set_property;
  object_class->dispose = od_letters_page_dispose;
  object_class->finalize = od_letters_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-letters-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, OdLettersPage, pages_box);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "letters.print-all", NULL, _od_letters_page_print_all_activated);
  gtk_widget_class_install_action (widget_class, "letters.save-pdf", NULL, _od_letters_page_save_pdf_activated);
  gtk_widget_class_install_action (widget_class, "letters.mark-posted", NULL, _od_letters_page_mark_posted_activated);
  gtk_widget_class_install_action (widget_class, "letters.save-posted", "x", _od_letters_page_save_posted_activated);
  gtk_widget_class_install_action (widget_class, "letters.show-list", NULL, show_list_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "letters.print-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "letters.save-pdf", NULL);
}

static void
od_letters_page_init (OdLettersPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->letters = g_list_store_new (OD_TYPE_ACTIVITY_ITEM);
  self->preview = g_list_store_new (GDK_TYPE_TEXTURE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->letters));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  _od_letters_page_update_actions (self);
}

/* Public API */

OdLettersPage *
od_letters_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_LETTERS_PAGE, "context", context, NULL);
}

GListModel *
od_letters_page_get_letters (OdLettersPage *self)
{
  g_return_val_if_fail (OD_IS_LETTERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->letters);
}

GListModel *
od_letters_page_get_preview (OdLettersPage *self)
{
  g_return_val_if_fail (OD_IS_LETTERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->preview);
}

void
od_letters_page_select (OdLettersPage *self,
                        guint          position)
{
  g_return_if_fail (OD_IS_LETTERS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->preview_pane);
}

void
od_letters_page_reload (OdLettersPage *self)
{
  g_return_if_fail (OD_IS_LETTERS_PAGE (self));

  _od_letters_page_load (self);
}

gboolean
od_letters_page_is_busy (OdLettersPage *self)
{
  g_return_val_if_fail (OD_IS_LETTERS_PAGE (self), FALSE);

  return self->busy > 0;
}
