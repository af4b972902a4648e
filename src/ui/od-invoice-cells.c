/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-invoice-cells.h"
#include "od-invoice.h"
#include "od-money.h"
#include "od-ui-format.h"

static char *
format_date (const GDate *date)
{
  return od_ui_format_date (date);
}

static char *
format_amount (gint64      minor,
               const char *currency)
{
  OdMoney money = od_money_init (minor, currency);

  return od_ui_format_money (&money);
}

static const char *
status_text (OdInvoiceStatus status)
{
  switch (status)
    {
    case OD_INVOICE_STATUS_PAID:
      return _("Paid");
    case OD_INVOICE_STATUS_VOID:
      return _("Void");
    case OD_INVOICE_STATUS_OPEN:
    default:
      return _("Open");
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  OdInvoiceCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  switch (kind)
    {
    case OD_INVOICE_CELL_TOTAL:
    case OD_INVOICE_CELL_OUTSTANDING:
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (item, label);
      break;
    case OD_INVOICE_CELL_ISSUE_DATE:
    case OD_INVOICE_CELL_DUE_DATE:
    case OD_INVOICE_CELL_NUMBER:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (item, label);
      break;
    case OD_INVOICE_CELL_STATUS:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *pill = gtk_label_new (NULL);

        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        /* Narrow, the pill gives way before the status does. */
        gtk_label_set_ellipsize (GTK_LABEL (pill), PANGO_ELLIPSIZE_END);
        gtk_widget_add_css_class (pill, "od-pill");
        gtk_widget_add_css_class (pill, "numeric");
        gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), pill);
        gtk_list_item_set_child (item, box);
      }
      break;
    case OD_INVOICE_CELL_CUSTOMER:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_list_item_set_child (item, label);
      break;
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const GDate              *today)
{
  OdInvoiceCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  OdInvoice *invoice = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (invoice == NULL)
    return;

  switch (kind)
    {
    case OD_INVOICE_CELL_NUMBER:
      gtk_label_set_label (GTK_LABEL (child), od_invoice_get_number (invoice));
      break;
    case OD_INVOICE_CELL_CUSTOMER:
      gtk_label_set_label (GTK_LABEL (child), od_invoice_get_customer_name (invoice));
      break;
    case OD_INVOICE_CELL_ISSUE_DATE:
      text = format_date (od_invoice_get_issue_date (invoice));
      gtk_label_set_label (GTK_LABEL (child), text);
      break;
    case OD_INVOICE_CELL_DUE_DATE:
      text = format_date (od_invoice_get_due_date (invoice));
      gtk_label_set_label (GTK_LABEL (child), text);
      break;
    case OD_INVOICE_CELL_TOTAL:
      text = format_amount (od_invoice_get_total (invoice), od_invoice_get_currency (invoice));
      gtk_label_set_label (GTK_LABEL (child), text);
      break;
    case OD_INVOICE_CELL_OUTSTANDING:
      text = format_amount (od_invoice_get_outstanding (invoice), od_invoice_get_currency (invoice));
      gtk_label_set_label (GTK_LABEL (child), text);
      break;
    case OD_INVOICE_CELL_STATUS:
      {
        GtkWidget *label = gtk_widget_get_first_child (child);
        GtkWidget *pill = gtk_widget_get_next_sibling (label);
        OdInvoiceStatus status = od_invoice_get_status (invoice);
        gint days = od_invoice_days_overdue (invoice, today);
        gboolean overdue = status == OD_INVOICE_STATUS_OPEN && days > 0;

        gtk_label_set_label (GTK_LABEL (label), status_text (status));
        /* "12 days overdue" says it is open. */
        gtk_widget_set_visible (label, !overdue);
        gtk_widget_set_visible (pill, overdue);
        if (overdue)
          {
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                 "%d days overdue", days), days);
            gtk_label_set_label (GTK_LABEL (pill), text);
          }
      }
      break;
    case OD_INVOICE_N_CELLS:
    default:
      g_assert_not_reached ();
    }
}

GtkListItemFactory *
od_invoice_cell_factory_new (OdInvoiceCell  kind,
                             const GDate   *today)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "od-cell", GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) today);
  return factory;
}
