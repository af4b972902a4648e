/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-invoice-cells.h"
#include "od-invoice-delete.h"
#include "od-invoice-editor.h"
#include "od-invoice-list.h"
#include "od-invoices-page.h"

struct _OdInvoicesPage
{
  AdwBin               parent_instance;

  OdContext           *context;
  OdInvoiceList       *invoices;
  GCancellable        *cancellable;
  OdInvoiceView       *view;
  char                *loaded_search;   /* the search text of the last load */
  GObject             *probe[2];
  GtkColumnViewColumn *probed;
  OdInvoiceSort        sort;
  gboolean             descending;
  guint                pending;
  GDate                today;

  OdInvoiceDeletes    *deletes;
  guint                narrow;       /* 0 wide, 1 narrow, 2 narrowest: columns hidden */
  guint                narrow_idle;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkNoSelection      *selection;
  GtkLabel            *count_label;
  GtkColumnViewColumn *columns[OD_INVOICE_N_CELLS];
};

G_DEFINE_FINAL_TYPE (OdInvoicesPage, od_invoices_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  LEDGER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The dropdown's items, in order. */
static const OdInvoiceFilter filters[] = {
  OD_INVOICE_FILTER_ALL,
  OD_INVOICE_FILTER_OPEN,
  OD_INVOICE_FILTER_OVERDUE,
  OD_INVOICE_FILTER_DISPUTED,
  OD_INVOICE_FILTER_ON_HOLD,
  OD_INVOICE_FILTER_ON_PLAN,
  OD_INVOICE_FILTER_PAID,
};

/* What each sortable column sorts by in the store's query. */
static const struct { OdInvoiceCell cell; OdInvoiceSort sort; } sortable[] = {
  { OD_INVOICE_CELL_NUMBER, OD_INVOICE_SORT_NUMBER },
  { OD_INVOICE_CELL_CUSTOMER, OD_INVOICE_SORT_CUSTOMER },
  { OD_INVOICE_CELL_ISSUE_DATE, OD_INVOICE_SORT_ISSUE_DATE },
  { OD_INVOICE_CELL_DUE_DATE, OD_INVOICE_SORT_DUE_DATE },
  { OD_INVOICE_CELL_TOTAL, OD_INVOICE_SORT_TOTAL },
  { OD_INVOICE_CELL_OUTSTANDING, OD_INVOICE_SORT_OUTSTANDING },
};

static void
show_count (OdInvoicesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice", "%u invoices", n), n);
  gtk_label_set_label (self->count_label, text);
}

static void
on_invoices_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OdInvoicesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  guint n;

  ok = od_invoice_list_load_finish (OD_INVOICE_LIST (source), result, &error);
  self->pending--;
  /* The page is going away. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!ok)
    {
      /* A later load replaced this one: that one reports. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not list invoices: %s", error->message);
    }
  if (self->pending > 0)
    return;

  gtk_spinner_stop (self->spinner);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));
  if (n == 0 && gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Invoices"));
      adw_status_page_set_description (self->empty_page, _("Try a different number or customer, or show all invoices."));
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Invoices Here"));
      adw_status_page_set_description (self->empty_page, _("No invoice is in this state. Import invoices from a CSV file with overdue-cli."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  show_count (self);
}

static void
load (OdInvoicesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  OdInvoiceQuery query = { 0, };

  if (self->invoices == NULL)
    return;
  query.filter = selected < G_N_ELEMENTS (filters) ? filters[selected] : OD_INVOICE_FILTER_ALL;
  query.sort = self->sort;
  query.descending = self->descending;
  query.search = *text != '\0' ? text : NULL;
  g_free (self->loaded_search);
  self->loaded_search = g_strdup (text);
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
  query.today = self->today;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->invoices)) == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->pending++;
  od_invoice_list_load_async (self->invoices, &query, self->cancellable,
                              on_invoices_loaded, g_object_ref (self));
}

/* GTK 4.8 cannot say which column the user sorts by, so each column's
 * sorter notes when it is asked: the column view asks its primary column
 * first, and turns the answer round when that column sorts descending. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  OdInvoicesPage *self = g_object_get_data (G_OBJECT (column), "od-page");

  if (self->probed == NULL)
    self->probed = column;
  return GTK_ORDERING_SMALLER;
}

/* Callbacks */

static void
on_search_changed (OdInvoicesPage *self)
{
  /* The entry also says so when its text did not change (at start-up):
   * reading 25,000 rows again would hold the window for a third of a
   * second on a big ledger. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->loaded_search) == 0)
    return;
  load (self);
}

static void
on_filter_changed (OdInvoicesPage *self)
{
  load (self);
}

static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   OdInvoicesPage  *self)
{
  OdInvoiceSort sort = OD_INVOICE_SORT_DUE_DATE;
  gboolean descending = FALSE;
  GtkOrdering order;

  self->probed = NULL;
  order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);
  for (guint i = 0; self->probed != NULL && i < G_N_ELEMENTS (sortable); i++)
    {
      if (self->columns[sortable[i].cell] == self->probed)
        {
          sort = sortable[i].sort;
          descending = order == GTK_ORDERING_LARGER;
        }
    }
  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  load (self);
}

static void
on_row_activate (OdInvoicesPage *self,
                 guint           position)
{
  od_invoices_page_open (self, position);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  od_invoice_deletes_undo (OD_INVOICES_PAGE (widget)->deletes, g_variant_get_int64 (parameter));
}

static void
on_invoice_deleted (OdInvoicesPage *self,
                    gint64          invoice_id,
                    const char     *number,
                    int             status)
{
  od_invoice_deletes_add (self->deletes, invoice_id, number, (OdInvoiceStatus) status);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  od_context_ledger_changed (self->context);
}

/* A write made elsewhere (an editor, another page): the rows may change. */
static void
on_ledger_changed (OdInvoicesPage *self)
{
  od_invoice_list_invalidate (self->invoices);
  load (self);
}

static void
on_invoice_changed (OdInvoicesPage *self)
{
  /* Paid or paused, a row may move or leave the filter: read it all again. */
  od_invoice_list_invalidate (self->invoices);
  load (self);
  /* The window passes this on to the context: this page has reloaded. */
  g_signal_handlers_block_by_func (self->context, on_ledger_changed, self);
  g_signal_emit (self, signals[LEDGER_CHANGED], 0);
  g_signal_handlers_unblock_by_func (self->context, on_ledger_changed, self);
}

static void
on_editor_saved (OdInvoicesPage *self,
                 gint64          invoice_id)
{
  od_invoice_view_show (self->view, invoice_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OdInvoiceEditor *editor = od_invoice_editor_new (self->context, 0);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
new_shortcut (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  /* Another page's Ctrl+N when this one is not shown. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "invoices.new", NULL);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Narrow windows: the less important columns go; the customer, the
 * outstanding amount and the status (with the days overdue) stay. Applied after the allocation, not
 * during it. */

static gboolean
apply_narrow (gpointer user_data)
{
  OdInvoicesPage *self = user_data;

  self->narrow_idle = 0;
  gtk_column_view_column_set_visible (self->columns[OD_INVOICE_CELL_ISSUE_DATE], self->narrow < 1);
  gtk_column_view_column_set_visible (self->columns[OD_INVOICE_CELL_TOTAL], self->narrow < 1);
  gtk_column_view_column_set_visible (self->columns[OD_INVOICE_CELL_DUE_DATE], self->narrow < 2);
  /* The customer says more than the number; the view shows the number. */
  gtk_column_view_column_set_visible (self->columns[OD_INVOICE_CELL_NUMBER], self->narrow < 2);
  return G_SOURCE_REMOVE;
}

/* The list's width is its horizontal adjustment's page size. */
static void
on_list_width (GtkAdjustment  *adjustment,
               GParamSpec     *pspec,
               OdInvoicesPage *self)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  guint narrow = width < 460 ? 2 : width < 640 ? 1 : 0;

  if (width > 0 && narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add_full (G_PRIORITY_DEFAULT, apply_narrow, self, NULL);
    }
}

/* GObject */

static void
od_invoices_page_constructed (GObject *object)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (object);
  GtkSorter *sorter;

  G_OBJECT_CLASS (od_invoices_page_parent_class)->constructed (object);

  self->invoices = od_invoice_list_new (od_context_get_store (self->context));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->invoices));

  self->deletes = od_invoice_deletes_new (self->context, self->toast_overlay);
  self->view = od_invoice_view_new (self->context);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->view));
  g_signal_connect_object (self->view, "invoice-changed",
                           G_CALLBACK (on_invoice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "ledger-changed",
                           G_CALLBACK (on_ledger_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "deleted",
                           G_CALLBACK (on_invoice_deleted), self, G_CONNECT_SWAPPED);

  /* The most overdue first; the column view's sorter is only read. */
  self->sort = OD_INVOICE_SORT_DUE_DATE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[OD_INVOICE_CELL_DUE_DATE],
                                  GTK_SORT_ASCENDING);
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (on_sorter_changed), self, 0);

  load (self);
}

static void
od_invoices_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (object);

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
od_invoices_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (object);

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
od_invoices_page_dispose (GObject *object)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (object);

  /* Nothing may call back into a page that is going away. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  /* Deletes still waiting on their toast are committed now. */
  g_clear_pointer (&self->deletes, od_invoice_deletes_free);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_INVOICES_PAGE);

  G_OBJECT_CLASS (od_invoices_page_parent_class)->dispose (object);
}

static void
od_invoices_page_finalize (GObject *object)
{
  OdInvoicesPage *self = OD_INVOICES_PAGE (object);

  g_clear_object (&self->invoices);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  g_free (self->loaded_search);

  G_OBJECT_CLASS (od_invoices_page_parent_class)->finalize (object);
}

static void
od_invoices_page_class_init (OdInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = od_invoices_page_constructed;
  object_class->get_property = od_invoices_page_get_property;
  object_class->set_property = od_invoices_page_set_property;
  object_class->dispose = od_invoices_page_dispose;
  object_class->finalize = od_invoices_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LEDGER_CHANGED] =
    g_signal_new ("ledger-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OdInvoicesPage, count_label);
  gtk_widget_class_bind_template_child_full (widget_class, "number_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_NUMBER]));
  gtk_widget_class_bind_template_child_full (widget_class, "customer_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_CUSTOMER]));
  gtk_widget_class_bind_template_child_full (widget_class, "issue_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_ISSUE_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "due_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_DUE_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "total_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_TOTAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "outstanding_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_OUTSTANDING]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (OdInvoicesPage, columns[OD_INVOICE_CELL_STATUS]));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_install_action (widget_class, "invoices.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "invoices.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "invoices.undo-delete", "x", undo_delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "invoices.show-list", NULL);

  g_type_ensure (OD_TYPE_INVOICE_VIEW);
}

static void
od_invoices_page_init (OdInvoicesPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+N while the page shows, wherever the focus is in the window. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (new_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->cancellable = g_cancellable_new ();
  self->probe[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe[1] = g_object_new (G_TYPE_OBJECT, NULL);
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  for (guint i = 0; i < OD_INVOICE_N_CELLS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = od_invoice_cell_factory_new (i, &self->today);

      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sortable); i++)
    {
      GtkColumnViewColumn *column = self->columns[sortable[i].cell];
      g_autoptr(GtkSorter) sorter = NULL;

      g_object_set_data (G_OBJECT (column), "od-page", self);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
    }

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->column_view)))),
                           "notify::page-size", G_CALLBACK (on_list_width), self, 0);
}

/* Public API */

OdInvoicesPage *
od_invoices_page_new (OdContext *context)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_INVOICES_PAGE, "context", context, NULL);
}

GListModel *
od_invoices_page_get_invoices (OdInvoicesPage *self)
{
  g_return_val_if_fail (OD_IS_INVOICES_PAGE (self), NULL);

  return G_LIST_MODEL (self->invoices);
}

OdInvoiceView *
od_invoices_page_get_view (OdInvoicesPage *self)
{
  g_return_val_if_fail (OD_IS_INVOICES_PAGE (self), NULL);

  return self->view;
}

void
od_invoices_page_set_filter (OdInvoicesPage  *self,
                             OdInvoiceFilter  filter)
{
  g_return_if_fail (OD_IS_INVOICES_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i] == filter)
      gtk_drop_down_set_selected (self->filter_dropdown, i);
}

void
od_invoices_page_set_search (OdInvoicesPage *self,
                             const char     *text)
{
  g_return_if_fail (OD_IS_INVOICES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  load (self);
}

void
od_invoices_page_focus_search (OdInvoicesPage *self)
{
  g_return_if_fail (OD_IS_INVOICES_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
od_invoices_page_open (OdInvoicesPage *self,
                       guint           position)
{
  g_autoptr(OdInvoice) invoice = NULL;

  g_return_if_fail (OD_IS_INVOICES_PAGE (self));

  invoice = g_list_model_get_item (G_LIST_MODEL (self->invoices), position);
  if (invoice == NULL)
    return;
  od_invoice_view_show (self->view, od_invoice_get_id (invoice));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view));
}

void
od_invoices_page_show_invoice (OdInvoicesPage *self,
                               gint64          invoice_id)
{
  g_return_if_fail (OD_IS_INVOICES_PAGE (self));

  od_invoice_view_show (self->view, invoice_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view));
}

gboolean
od_invoices_page_is_loading (OdInvoicesPage *self)
{
  g_return_val_if_fail (OD_IS_INVOICES_PAGE (self), FALSE);

  return self->pending > 0;
}
