/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-invoice-editor-private.h"
#include "od-ui-format.h"

static const char *line_keys[N_LINE_FIELDS] = { "description", "quantity", "unit-price", "tax-rate" };
const char *od_invoice_editor_line_titles[N_LINE_FIELDS] = {
  N_("Description"), N_("Quantity"), N_("Unit Price"), N_("Tax Rate in % (e.g. 19)"),
};

const char *
od_invoice_editor_currency (OdInvoiceEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[F_CURRENCY].entry));

  return od_currency_is_valid (text) ? text : "EUR";
}

/* Lines */

static void
on_remove_line (GtkButton       *button,
                OdInvoiceEditor *self)
{
  Line *line = g_object_get_data (G_OBJECT (button), "od-line");

  adw_preferences_page_remove (self->page, line->group);
  g_ptr_array_remove (self->lines, line);
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *other = g_ptr_array_index (self->lines, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), i + 1);

      adw_preferences_group_set_title (other->group, title);
    }
  od_invoice_editor_update_totals (self);
}

Line *
od_invoice_editor_append_line (OdInvoiceEditor *self)
{
  Line *line = g_new0 (Line, 1);
  g_autofree char *title = g_strdup_printf (_("Line %u"), self->lines->len + 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  line->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (line->group, title);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Line"), -1);
  g_object_set_data (G_OBJECT (remove), "od-line", line);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_line), self, 0);
  adw_preferences_group_set_header_suffix (line->group, remove);
  for (guint f = 0; f < N_LINE_FIELDS; f++)
    od_editor_field_init (&line->fields[f], line->group, _(od_invoice_editor_line_titles[f]),
                          G_CALLBACK (od_invoice_editor_entry_changed), self);
  gtk_editable_set_text (GTK_EDITABLE (line->fields[L_QUANTITY].entry), "1");

  /* The totals stay last. */
  g_object_ref (self->totals_group);
  adw_preferences_page_remove (self->page, self->totals_group);
  adw_preferences_page_add (self->page, line->group);
  adw_preferences_page_add (self->page, self->totals_group);
  g_object_unref (self->totals_group);
  g_ptr_array_add (self->lines, line);
  return line;
}

/* See od-invoice-editor-private.h. */
guint
od_invoice_editor_check_line (OdInvoiceEditor *self,
            Line            *line,
            gboolean         show,
            OdInvoiceLine  **out)
{
  g_autofree char *texts[N_LINE_FIELDS] = { NULL };
  g_autofree char *messages[N_LINE_FIELDS] = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 quantity = 0, price = 0, rate = 0;
  guint n_bad = 0;

  for (guint f = 0; f < N_LINE_FIELDS; f++)
    texts[f] = od_editor_field_text (&line->fields[f]);
  if (texts[L_DESCRIPTION] == NULL)
    messages[L_DESCRIPTION] = g_strdup (_("A description is needed, such as what was sold"));
  if (texts[L_QUANTITY] == NULL || !od_editor_parse_decimal (texts[L_QUANTITY], 3, &quantity, NULL) || quantity <= 0)
    messages[L_QUANTITY] = g_strdup (_("Type a quantity above zero, such as 1 or 2.5"));
  if (texts[L_UNIT_PRICE] == NULL)
    messages[L_UNIT_PRICE] = g_strdup (_("A unit price is needed, such as 120.00"));
  else if (!od_ui_parse_amount (texts[L_UNIT_PRICE], od_invoice_editor_currency (self), &price, &error))
    messages[L_UNIT_PRICE] = g_strdup (error->message);
  else if (price < 0)
    messages[L_UNIT_PRICE] = g_strdup (_("A unit price cannot be negative"));
  if (texts[L_TAX_RATE] != NULL &&
      (!od_editor_parse_decimal (texts[L_TAX_RATE], 2, &rate, NULL) || rate < 0 || rate > 10000))
    messages[L_TAX_RATE] = g_strdup (_("Type a tax rate from 0 to 100, such as 19 or 7.5"));

  for (guint f = 0; f < N_LINE_FIELDS; f++)
    {
      if (messages[f] != NULL)
        n_bad++;
      if (show)
        od_editor_field_set_message (&line->fields[f], messages[f]);
    }
  if (n_bad == 0 && out != NULL)
    {
      *out = od_invoice_line_new ();
      od_invoice_line_set_description (*out, texts[L_DESCRIPTION]);
      od_invoice_line_set_quantity_milli (*out, quantity);
      od_invoice_line_set_unit_price (*out, price);
      od_invoice_line_set_tax_rate_bp (*out, (gint) rate);
    }
  return n_bad;
}

void
od_invoice_editor_update_totals (OdInvoiceEditor *self)
{
  const char *currency = od_invoice_editor_currency (self);
  gint64 net = 0, tax = 0;
  g_autofree char *net_text = NULL;
  g_autofree char *tax_text = NULL;
  g_autofree char *total_text = NULL;

  if (self->lines == NULL || self->total_label == NULL)
    return;
  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autoptr(OdInvoiceLine) line = NULL;
      gint64 line_net = 0, line_tax = 0;

      if (od_invoice_editor_check_line (self, g_ptr_array_index (self->lines, i), FALSE, &line) == 0 &&
          od_invoice_line_compute (line, &line_net, &line_tax, NULL))
        {
          net += line_net;
          tax += line_tax;
        }
    }
  if (self->lines->len == 0 && self->original != NULL)
    net = od_invoice_get_total (self->original);
  net_text = od_ui_format_amount (net, currency);
  tax_text = od_ui_format_amount (tax, currency);
  total_text = od_ui_format_amount (net + tax, currency);
  gtk_label_set_label (self->net_label, net_text);
  gtk_label_set_label (self->tax_label, tax_text);
  gtk_label_set_label (self->total_label, total_text);
}

void
od_invoice_editor_fill_line (OdInvoiceEditor *self,
           OdInvoiceLine   *item,
           const char      *currency)
{
  Line *line = od_invoice_editor_append_line (self);
  g_autofree char *quantity = od_editor_decimal_text (od_invoice_line_get_quantity_milli (item), 3);
  g_autofree char *price = od_editor_decimal_text (od_invoice_line_get_unit_price (item),
                                         od_currency_minor_digits (currency));
  g_autofree char *rate = od_editor_decimal_text (od_invoice_line_get_tax_rate_bp (item), 2);

  gtk_editable_set_text (GTK_EDITABLE (line->fields[L_DESCRIPTION].entry),
                         od_invoice_line_get_description (item));
  gtk_editable_set_text (GTK_EDITABLE (line->fields[L_QUANTITY].entry), quantity);
  gtk_editable_set_text (GTK_EDITABLE (line->fields[L_UNIT_PRICE].entry), price);
  gtk_editable_set_text (GTK_EDITABLE (line->fields[L_TAX_RATE].entry), rate);
}

static Field *
find_line_field (OdInvoiceEditor *self,
                 guint            index,
                 const char      *key)
{
  Line *line;

  g_return_val_if_fail (index < self->lines->len, NULL);
  line = g_ptr_array_index (self->lines, index);
  for (guint f = 0; f < N_LINE_FIELDS; f++)
    if (g_str_equal (line_keys[f], key))
      return &line->fields[f];
  g_return_val_if_reached (NULL);
}

guint
od_invoice_editor_add_line (OdInvoiceEditor *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), 0);

  od_invoice_editor_append_line (self);
  return self->lines->len - 1;
}

guint
od_invoice_editor_get_n_lines (OdInvoiceEditor *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), 0);

  return self->lines->len;
}

AdwEntryRow *
od_invoice_editor_get_line_entry (OdInvoiceEditor *self,
                                  guint            line,
                                  const char      *key)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), NULL);

  return find_line_field (self, line, key)->entry;
}

const char *
od_invoice_editor_get_line_error (OdInvoiceEditor *self,
                                  guint            line,
                                  const char      *key)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), NULL);

  return od_editor_field_get_message (find_line_field (self, line, key));
}

const char *
od_invoice_editor_get_total_text (OdInvoiceEditor *self)
{
  g_return_val_if_fail (OD_IS_INVOICE_EDITOR (self), NULL);

  return gtk_label_get_label (self->total_label);
}

