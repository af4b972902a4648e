/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "od-activity-cell.h"
#include "od-activity-item.h"
#include "od-pdf.h"

/* The instant that matters most in a row's state. */
static GDateTime *
row_when (OdOutboxRow *row)
{
  if (row->state == OD_OUTBOX_STATE_SENT && row->done_at != NULL)
    return row->done_at;
  if (row->state == OD_OUTBOX_STATE_SENT && row->sent_at != NULL)
    return row->sent_at;
  if (row->state == OD_OUTBOX_STATE_FAILED && !row->permanent && row->next_attempt_at != NULL)
    return row->next_attempt_at;
  return row->updated_at != NULL ? row->updated_at : row->created_at;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  OdActivityCell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  switch (kind)
    {
    case OD_ACTIVITY_CELL_STATE:
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "od-pill");
      break;
    case OD_ACTIVITY_CELL_ATTEMPTS:
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      break;
    case OD_ACTIVITY_CELL_WHEN:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case OD_ACTIVITY_CELL_CUSTOMER:
    case OD_ACTIVITY_CELL_ERROR:
      /* Long names and errors give way first; the tooltip has them whole. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      break;
    case OD_ACTIVITY_CELL_INVOICES:
    case OD_ACTIVITY_CELL_STEP:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      break;
    case OD_ACTIVITY_CELL_CHANNEL:
    default:
      break;
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  OdActivityCell kind = GPOINTER_TO_UINT (user_data);
  OdActivityItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  OdOutboxRow *row = od_activity_item_get_row (item);
  g_autofree char *text = NULL;
  const char *styles[] = { "od-pill-success", "od-pill-accent", "od-pill-warning",
                           "od-pill-error", "od-pill-dim" };

  switch (kind)
    {
    case OD_ACTIVITY_CELL_STATE:
      for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
      gtk_widget_add_css_class (GTK_WIDGET (label), od_activity_item_state_style (item));
      gtk_label_set_label (label, od_activity_item_state_label (item));
      return;
    case OD_ACTIVITY_CELL_CHANNEL:
      gtk_label_set_label (label, od_activity_item_channel_label (item));
      return;
    case OD_ACTIVITY_CELL_CUSTOMER:
      gtk_label_set_label (label, row->customer_name != NULL ? row->customer_name : row->customer_ref);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), row->customer_ref);
      return;
    case OD_ACTIVITY_CELL_INVOICES:
      text = row->invoices != NULL ? g_strjoinv (", ", row->invoices) : NULL;
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;
    case OD_ACTIVITY_CELL_STEP:
      /* The step's name for people ("Final notice"), not its key. */
      text = row->step != NULL ? od_pdf_step_label (row->step) : NULL;
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;
    case OD_ACTIVITY_CELL_WHEN:
      text = od_activity_item_format_instant (row_when (row));
      break;
    case OD_ACTIVITY_CELL_ATTEMPTS:
      text = g_strdup_printf ("%u", row->attempts);
      break;
    case OD_ACTIVITY_CELL_ERROR:
    default:
      gtk_label_set_label (label, row->last_error != NULL ? row->last_error : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), row->last_error);
      return;
    }
  gtk_label_set_label (label, text != NULL ? text : "");
}

GtkListItemFactory *
od_activity_cell_factory_new (OdActivityCell kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (kind <= OD_ACTIVITY_CELL_ERROR, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (kind));
  return factory;
}
