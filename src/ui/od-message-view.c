/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n.h>

#include "od-message-view.h"
#include "od-outbox.h"

struct _OdMessageView
{
  AdwBin          parent_instance;

  OdActivityItem *item;

  GtkLabel       *subject_label;
  GtkLabel       *meta_label;
  GtkLabel       *hint_label;
  GtkWidget      *review_box;
  GtkWidget      *failed_box;
  GtkWidget      *unknown_box;
  GtkLabel       *body_label;
  AdwActionRow   *customer_row;
  AdwActionRow   *invoices_row;
  AdwActionRow   *history_row;
  AdwActionRow   *error_row;
  AdwActionRow   *message_id_row;
};

G_DEFINE_FINAL_TYPE (OdMessageView, od_message_view, ADW_TYPE_BIN)

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static const char *
state_hint (OdOutboxRow *row)
{
  switch (row->state)
    {
    case OD_OUTBOX_STATE_AWAITING_REVIEW:
      return _("This step asks for your review before it goes out.");
    case OD_OUTBOX_STATE_FAILED:
      return row->permanent ? _("This message could not be sent and will not be tried again by itself.")
                            : _("This message could not be sent yet; it will be tried again.");
    case OD_OUTBOX_STATE_UNKNOWN:
      return _("Overdue cannot tell whether this message went out. It will not be sent again until you decide.");
    case OD_OUTBOX_STATE_SENT:
      if (row->demo)
        return _("Demo mode: this message was only kept here; nothing left this computer.");
      if (row->channel == OD_CHANNEL_LETTER && row->done_at == NULL)
        return _("This letter is waiting in the print queue on the Letters page.");
      return NULL;
    case OD_OUTBOX_STATE_QUEUED:
    case OD_OUTBOX_STATE_SENDING:
    case OD_OUTBOX_STATE_CANCELLED:
    default:
      return NULL;
    }
}

/* GObject */

static void
od_message_view_dispose (GObject *object)
{
  OdMessageView *self = OD_MESSAGE_VIEW (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_MESSAGE_VIEW);

  G_OBJECT_CLASS (od_message_view_parent_class)->dispose (object);
}

static void
od_message_view_class_init (OdMessageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_message_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-message-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, review_box);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, failed_box);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, unknown_box);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, body_label);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, customer_row);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, invoices_row);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, history_row);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, error_row);
  gtk_widget_class_bind_template_child (widget_class, OdMessageView, message_id_row);
}

static void
od_message_view_init (OdMessageView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

OdMessageView *
od_message_view_new (void)
{
  return g_object_new (OD_TYPE_MESSAGE_VIEW, NULL);
}

void
od_message_view_set_item (OdMessageView  *self,
                          OdActivityItem *item)
{
  OdOutboxRow *row;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autofree char *body = NULL;
  g_autofree char *html = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *created = NULL;
  g_autofree char *claimed = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GString) history = g_string_new (NULL);
  const char *hint;

  g_return_if_fail (OD_IS_MESSAGE_VIEW (self));
  g_return_if_fail (item == NULL || OD_IS_ACTIVITY_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;
  row = od_activity_item_get_row (item);
  subject = od_outbox_payload_get (row->payload, "subject");
  to = od_outbox_payload_get (row->payload, "to");
  body = od_outbox_payload_get (row->payload, "body");
  html = od_outbox_payload_get (row->payload, "html");

  gtk_label_set_label (self->subject_label,
                       subject != NULL && *subject != '\0' ? subject : od_activity_item_channel_label (item));
  /* Translators: "Email to ann@example.com · Sent" (a message's channel, recipient and state) */
  meta = g_strdup_printf (_("%s to %s · %s"), od_activity_item_channel_label (item),
                          to != NULL && *to != '\0' ? to : _("no one yet"),
                          od_activity_item_state_label (item));
  /* A letter's recipient is an address over several lines. */
  if (strchr (meta, '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (meta, "\n", -1);

      g_free (meta);
      meta = g_strjoinv (", ", lines);
    }
  gtk_label_set_label (self->meta_label, meta);
  hint = state_hint (row);
  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  gtk_widget_set_visible (self->review_box, row->state == OD_OUTBOX_STATE_AWAITING_REVIEW);
  gtk_widget_set_visible (self->failed_box, row->state == OD_OUTBOX_STATE_FAILED);
  gtk_widget_set_visible (self->unknown_box, row->state == OD_OUTBOX_STATE_UNKNOWN);

  if (body == NULL && html != NULL)
    body = g_steal_pointer (&html);
  gtk_label_set_label (self->body_label, body != NULL ? body : _("This message has no text."));

  customer = g_strdup_printf ("%s (%s)", row->customer_name != NULL ? row->customer_name : "",
                              row->customer_ref != NULL ? row->customer_ref : "");
  set_row (self->customer_row, customer);
  invoices = row->invoices != NULL ? g_strjoinv (", ", row->invoices) : NULL;
  set_row (self->invoices_row, invoices);

  created = od_activity_item_format_instant (row->created_at);
  claimed = od_activity_item_format_instant (row->claimed_at);
  sent = od_activity_item_format_instant (row->sent_at);
  done = od_activity_item_format_instant (row->done_at);
  /* Translators: one line of a message's history: "Queued 1 Nov 2026, 09:00" */
  g_string_append_printf (history, _("Queued %s"), created != NULL ? created : "");
  g_string_append_c (history, '\n');
  if (claimed != NULL)
    /* Translators: when a message was last handed over, "Last tried 1 Nov 2026, 09:00" */
    g_string_append_printf (history, _("Last tried %s\n"), claimed);
  if (sent != NULL)
    /* Translators: "Sent 1 Nov 2026, 09:00" */
    g_string_append_printf (history, _("Sent %s\n"), sent);
  if (done != NULL)
    g_string_append_printf (history,
                            /* Translators: when a letter was posted, "Posted 1 Nov 2026, 09:00" */
                            row->channel == OD_CHANNEL_LETTER ? _("Posted %s\n")
                            /* Translators: when a call was made, "Done 1 Nov 2026, 09:00" */
                                                              : _("Done %s\n"), done);
  g_string_append_printf (history,
                          g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", row->attempts),
                          row->attempts);
  set_row (self->history_row, history->str);
  set_row (self->error_row, row->last_error);
  set_row (self->message_id_row, row->message_id);
}

OdActivityItem *
od_message_view_get_item (OdMessageView *self)
{
  g_return_val_if_fail (OD_IS_MESSAGE_VIEW (self), NULL);

  return self->item;
}
