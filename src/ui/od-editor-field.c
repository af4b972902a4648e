/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "od-editor-field.h"
#include "od-money.h"

char *
od_editor_field_text (OdEditorField *field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->entry)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
od_editor_field_set_message (OdEditorField *field,
                             const char    *message)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (field->message));

  gtk_label_set_label (field->message, message != NULL ? message : "");
  gtk_widget_set_visible (row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (field->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->entry), "error");
}

void
od_editor_field_init (OdEditorField       *field,
                      AdwPreferencesGroup *group,
                      const char          *title,
                      GCallback            changed,
                      gpointer             user_data)
{
  GtkWidget *entry = adw_entry_row_new ();
  /* A preferences row, so that the group keeps it under its field. */
  GtkWidget *message_row = adw_preferences_row_new ();
  GtkWidget *message = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_group_add (group, entry);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_margin_start (message, 12);
  gtk_widget_set_margin_end (message, 12);
  gtk_widget_set_margin_top (message, 6);
  gtk_widget_set_margin_bottom (message, 6);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_add_css_class (message, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_visible (message_row, FALSE);
  adw_preferences_group_add (group, message_row);
  /* The message is read with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL, -1);
  field->entry = ADW_ENTRY_ROW (entry);
  field->message = GTK_LABEL (message);
  g_object_set_data (G_OBJECT (entry), "od-field", field);
  g_signal_connect_object (entry, "changed", changed, user_data, 0);
}

gboolean
od_editor_parse_decimal (const char  *text,
                         guint        digits,
                         gint64      *out,
                         GError     **error)
{
  const char *point = localeconv ()->decimal_point;
  g_autofree char *plain = g_strdup (text);

  if (point != NULL && strlen (point) == 1 && *point != '.')
    g_strdelimit (plain, point, '.');
  return od_amount_parse (plain, digits, out, error);
}

char *
od_editor_decimal_text (gint64 value,
                        guint  digits)
{
  const char *point = localeconv ()->decimal_point;
  char *text = od_amount_to_string (value, digits);
  char *dot = strchr (text, '.');

  /* Drop the zeros a whole number does not need. */
  if (dot != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *dot = '\0';
      else if (point != NULL && strlen (point) == 1)
        *dot = *point;
    }
  return text;
}

const char *
od_editor_field_get_message (OdEditorField *field)
{
  return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (field->message)))
         ? gtk_label_get_label (field->message) : NULL;
}
