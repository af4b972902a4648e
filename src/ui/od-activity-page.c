/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-activity-cell.h"
#include "od-activity-item.h"
#include "od-activity-page.h"
#include "od-message-view.h"
#include "od-outbox.h"

struct _OdActivityPage
{
  AdwBin               parent_instance;

  OdContext           *context;
  GCancellable        *cancellable;
  GListStore          *items;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  OdActivityFilter     filter_kind;
  gint64               selected_id;
  guint                busy;
  gboolean             loaded;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkDropDown         *filter_dropdown;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  OdMessageView       *message_view;
  GtkColumnViewColumn *columns[8];
};

G_DEFINE_FINAL_TYPE (OdActivityPage, od_activity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64           id;
  OdOutboxDecision decision;
} Decision;

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  OdActivityPage *self = user_data;
  OdOutboxRow *row = od_activity_item_get_row (item);

  switch (self->filter_kind)
    {
    case OD_ACTIVITY_FILTER_REVIEW:
      return row->state == OD_OUTBOX_STATE_AWAITING_REVIEW;
    case OD_ACTIVITY_FILTER_FAILED:
      return row->state == OD_OUTBOX_STATE_FAILED;
    case OD_ACTIVITY_FILTER_UNKNOWN:
      return row->state == OD_OUTBOX_STATE_UNKNOWN;
    case OD_ACTIVITY_FILTER_SENT:
      return row->state == OD_OUTBOX_STATE_SENT;
    case OD_ACTIVITY_FILTER_CANCELLED:
      return row->state == OD_OUTBOX_STATE_CANCELLED;
    case OD_ACTIVITY_FILTER_ALL:
    default:
      return TRUE;
    }
}

static OdActivityItem *
selected_item (OdActivityPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (OdActivityPage *self)
{
  OdActivityItem *item = selected_item (self);
  OdOutboxRow *row = item != NULL ? od_activity_item_get_row (item) : NULL;
  gboolean idle = self->busy == 0 && row != NULL;
  OdOutboxState state = row != NULL ? row->state : OD_OUTBOX_STATE_CANCELLED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.approve",
                                 idle && state == OD_OUTBOX_STATE_AWAITING_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.skip",
                                 idle && state == OD_OUTBOX_STATE_AWAITING_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.retry",
                                 idle && (state == OD_OUTBOX_STATE_FAILED ||
                                          state == OD_OUTBOX_STATE_UNKNOWN));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.cancel",
                                 idle && (state == OD_OUTBOX_STATE_FAILED ||
                                          state == OD_OUTBOX_STATE_UNKNOWN ||
                                          state == OD_OUTBOX_STATE_QUEUED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.mark-sent",
                                 idle && state == OD_OUTBOX_STATE_UNKNOWN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.mark-failed",
                                 idle && state == OD_OUTBOX_STATE_UNKNOWN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.decide", self->busy == 0);
}

/* The selected message in the detail pane, or "none". */
static void
show_selected (OdActivityPage *self)
{
  OdActivityItem *item = selected_item (self);

  update_actions (self);
  od_message_view_set_item (self->message_view, item);
  gtk_stack_set_visible_child_name (self->detail_stack, item != NULL ? "detail" : "none");
}

static void
update_count (OdActivityPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;

  if (n == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message", "%u messages", n), n);
  else
    /* Translators: "3 of 12 messages" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u message", "%u of %u messages", all),
                            n, all);
  gtk_label_set_label (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->loaded)
    {
      if (all == 0)
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Sent Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Reminders appear here once Overdue takes them into the outbox."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Messages Here"));
          adw_status_page_set_description (self->empty_page, _("No message is in this state."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
select_id (OdActivityPage *self,
           gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(OdActivityItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (od_activity_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
refilter (OdActivityPage *self)
{
  gint64 keep = self->selected_id;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_id (self, keep);
  update_count (self);
}

/* Runs in a worker thread. */
static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = od_store_outbox_list (store, 0, &error);
  GPtrArray *items;

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The items take the rows over; newest first. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = rows->len; i > 0; i--)
    g_ptr_array_add (items, od_activity_item_new (g_ptr_array_index (rows, i - 1)));
  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (source);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->selected_id;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_spinner_stop (self->spinner);
  self->loaded = TRUE;
  if (items == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      update_actions (self);
      return;
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  select_id (self, keep);
  update_count (self);
  show_selected (self);
}

static void
load (OdActivityPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->busy++;
  update_actions (self);
  task = g_task_new (self, self->cancellable, on_listed, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/* Runs in a worker thread. */
static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_ACTIVITY_PAGE (source_object)->context);
  Decision *decision = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!od_store_outbox_decide (store, decision->id, decision->decision, NULL, now, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (source);
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      load (self);
      return;
    }
  /* Today, the invoices and this page reload from the signal. */
  od_context_ledger_changed (self->context);
}

static void
decide (OdActivityPage   *self,
        gint64            id,
        OdOutboxDecision  decision)
{
  g_autoptr(GTask) task = NULL;
  Decision *data = g_new0 (Decision, 1);

  data->id = id;
  data->decision = decision;
  self->busy++;
  update_actions (self);
  task = g_task_new (self, self->cancellable, on_decided, NULL);
  g_task_set_source_tag (task, decide);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, decide_thread);
}

/* Callbacks */

static void
on_filter_changed (OdActivityPage *self)
{
  self->filter_kind = gtk_drop_down_get_selected (self->filter_dropdown);
  refilter (self);
}

static void
on_selected_changed (OdActivityPage *self)
{
  OdActivityItem *item = selected_item (self);

  self->selected_id = item != NULL ? od_activity_item_get_id (item) : 0;
  show_selected (self);
}

static void
on_row_activate (OdActivityPage *self,
                 guint           position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_map (OdActivityPage *self)
{
  /* Another program (overdue-cli run, the scheduler) may have added rows. */
  load (self);
}

static void
decide_selected (OdActivityPage   *self,
                 OdOutboxDecision  decision)
{
  OdActivityItem *item = selected_item (self);

  if (item != NULL && self->busy == 0)
    decide (self, od_activity_item_get_id (item), decision);
}

static void
simple_decision_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  OdOutboxDecision decision;

  /* "activity.approve" → OD_OUTBOX_APPROVE, and so on. */
  if (od_outbox_decision_from_string (action_name + strlen ("activity."), &decision))
    decide_selected (OD_ACTIVITY_PAGE (widget), decision);
}

static void
decide_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (widget);
  OdOutboxDecision decision;
  const char *name = NULL;
  gint64 id = 0;

  g_variant_get (parameter, "(x&s)", &id, &name);
  if (od_outbox_decision_from_string (name, &decision) && id > 0 && self->busy == 0)
    decide (self, id, decision);
}

static void
on_unknown_response (AdwMessageDialog *dialog,
                     const char       *response,
                     OdActivityPage   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "od-id"));
  OdOutboxDecision decision = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "od-decision"));

  if (g_strcmp0 (response, "decide") == 0 && self->busy == 0)
    decide (self, id, decision);
}

static void
unknown_decision_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (widget);
  OdActivityItem *item = selected_item (self);
  gboolean sent = g_str_equal (action_name, "activity.mark-sent");
  OdOutboxRow *row;
  g_autofree char *claimed = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (item == NULL)
    return;
  row = od_activity_item_get_row (item);
  claimed = od_activity_item_format_instant (row->claimed_at != NULL ? row->claimed_at : row->updated_at);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: what is known about an 'unknown' send */
                                       "Overdue began handing this message over on %s and got no answer, after %u attempt. "
                                       "The last thing heard was: %s\n\n%s",
                                       "Overdue began handing this message over on %s and got no answer, after %u attempts. "
                                       "The last thing heard was: %s\n\n%s",
                                       row->attempts),
                          claimed != NULL ? claimed : "—", row->attempts,
                          row->last_error != NULL ? row->last_error : _("nothing"),
                          sent ? _("If you know it arrived (it is in your sent mail, or the customer answered), "
                                   "mark it as sent: it will not go out again.")
                               : _("If you know it did not arrive, mark it as not sent: it fails for good, "
                                   "and you can retry or cancel it afterwards."));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   sent ? _("Was It Sent?") : _("Was It Not Sent?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "decide", sent ? _("It _Was Sent") : _("It Was _Not Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              sent ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "od-id", GSIZE_TO_POINTER ((gsize) row->id));
  g_object_set_data (G_OBJECT (dialog), "od-decision",
                     GUINT_TO_POINTER (sent ? OD_OUTBOX_MARK_SENT : OD_OUTBOX_MARK_FAILED));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unknown_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  od_activity_page_reload (OD_ACTIVITY_PAGE (widget));
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* GObject */

static void
od_activity_page_constructed (GObject *object)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (object);

  G_OBJECT_CLASS (od_activity_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "ledger-changed", G_CALLBACK (load), self,
                           G_CONNECT_SWAPPED);
  load (self);
}

static void
od_activity_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (object);

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
od_activity_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (object);

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
od_activity_page_dispose (GObject *object)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (object);

  /* Nothing may call back into a page that is going away. */
  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_ACTIVITY_PAGE);

  G_OBJECT_CLASS (od_activity_page_parent_class)->dispose (object);
}

static void
od_activity_page_finalize (GObject *object)
{
  OdActivityPage *self = OD_ACTIVITY_PAGE (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (od_activity_page_parent_class)->finalize (object);
}

static void
od_activity_page_class_init (OdActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = od_activity_page_constructed;
  object_class->get_property = od_activity_page_get_property;
  object_class->set_property = od_activity_page_set_property;
  object_class->dispose = od_activity_page_dispose;
  object_class->finalize = od_activity_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OD_TYPE_MESSAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, OdActivityPage, message_view);
  gtk_widget_class_bind_template_child_full (widget_class, "state_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_STATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "channel_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_CHANNEL]));
  gtk_widget_class_bind_template_child_full (widget_class, "customer_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_CUSTOMER]));
  gtk_widget_class_bind_template_child_full (widget_class, "invoices_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_INVOICES]));
  gtk_widget_class_bind_template_child_full (widget_class, "step_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_STEP]));
  gtk_widget_class_bind_template_child_full (widget_class, "when_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_WHEN]));
  gtk_widget_class_bind_template_child_full (widget_class, "attempts_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_ATTEMPTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "error_column", FALSE,
                                             G_STRUCT_OFFSET (OdActivityPage, columns[OD_ACTIVITY_CELL_ERROR]));
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_install_action (widget_class, "activity.approve", NULL, simple_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.skip", NULL, simple_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.retry", NULL, simple_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.cancel", NULL, simple_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.mark-sent", NULL, unknown_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.mark-failed", NULL, unknown_decision_activated);
  gtk_widget_class_install_action (widget_class, "activity.decide", "(xs)", decide_activated);
  gtk_widget_class_install_action (widget_class, "activity.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "activity.show-list", NULL, show_list_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "activity.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "activity.reload", NULL);
}

static void
od_activity_page_init (OdActivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (OD_TYPE_ACTIVITY_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (self->filter));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = od_activity_cell_factory_new (i);

      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  update_actions (self);
}

/* Public API */

OdActivityPage *
od_activity_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_ACTIVITY_PAGE, "context", context, NULL);
}

GListModel *
od_activity_page_get_items (OdActivityPage *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
od_activity_page_set_filter (OdActivityPage   *self,
                             OdActivityFilter  filter)
{
  g_return_if_fail (OD_IS_ACTIVITY_PAGE (self));
  g_return_if_fail (filter <= OD_ACTIVITY_FILTER_CANCELLED);

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

void
od_activity_page_reload (OdActivityPage *self)
{
  g_return_if_fail (OD_IS_ACTIVITY_PAGE (self));

  load (self);
}

gboolean
od_activity_page_select_id (OdActivityPage *self,
                            gint64          id)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_PAGE (self), FALSE);

  select_id (self, id);
  if (selected_item (self) == NULL)
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  return TRUE;
}

gboolean
od_activity_page_is_busy (OdActivityPage *self)
{
  g_return_val_if_fail (OD_IS_ACTIVITY_PAGE (self), FALSE);

  return self->busy > 0;
}
