/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "od-money.h"
#include "od-outbox-private.h"

struct _OdOutbox
{
  GObject       parent_instance;

  OdStore      *store;
  OdDeliverer  *deliverers[4];   /* email, sms, letter, call */
  char         *owner;
  guint         batch_size;
};

G_DEFINE_FINAL_TYPE (OdOutbox, od_outbox, G_TYPE_OBJECT)

/* The actions of one message while it is put together. */
typedef struct
{
  OdOutboxEntry *entry;
  GPtrArray     *actions;        /* OdDunningAction*, not owned */
} Group;

static void
group_free (Group *group)
{
  od_outbox_entry_free (group->entry);
  g_ptr_array_unref (group->actions);
  g_free (group);
}

static int
channel_index (OdChannel channel)
{
  switch (channel)
    {
    case OD_CHANNEL_EMAIL: return 0;
    case OD_CHANNEL_SMS: return 1;
    case OD_CHANNEL_LETTER: return 2;
    case OD_CHANNEL_CALL: return 3;
    case OD_CHANNEL_NONE:
    default: return -1;
    }
}

static OdOutboxItem *
item_for_action (OdDunningAction *action,
                 gboolean         charged)
{
  OdOutboxItem *item = od_outbox_item_new (action->invoice_id, action->step,
                                           action->repeat, action->at);

  memcpy (item->currency, action->currency, sizeof item->currency);
  if (charged)
    {
      item->fee = action->fee;
      item->compensation = action->compensation;
    }
  return item;
}

static char *
money_text (gint64      minor,
            const char *currency)
{
  g_autofree char *amount = od_amount_to_string (minor, od_currency_minor_digits (currency));

  return g_strdup_printf ("%s %s", amount, currency);
}

/* Where the message goes: the billing contact's address or number, or
 * the postal address; NULL when the customer has none for @channel. */
static char *
recipient (OdCustomer *customer,
           OdChannel   channel)
{
  OdContact *contact = od_customer_get_contact_for_role (customer, OD_CONTACT_ROLE_BILLING);
  const char *text = NULL;

  switch (channel)
    {
    case OD_CHANNEL_EMAIL:
      text = contact != NULL ? od_contact_get_email (contact) : NULL;
      break;
    case OD_CHANNEL_SMS:
    case OD_CHANNEL_CALL:
      text = contact != NULL ? od_contact_get_phone (contact) : NULL;
      break;
    case OD_CHANNEL_LETTER:
      return g_strdup_printf ("%s\n%s\n%s %s", od_customer_get_name (customer),
                              od_customer_get_address (customer) ?: "",
                              od_customer_get_postcode (customer) ?: "",
                              od_customer_get_city (customer) ?: "");
    case OD_CHANNEL_NONE:
    default:
      break;
    }
  return g_strdup (text);
}

/* The plain message used until the template engine renders the step's
 * template: the invoices, what is due on each, and who asks. */
static void
compose (Group             *group,
         OdDunningSnapshot *snapshot,
         OdCustomer        *customer,
         const char        *business_name,
         char             **subject,
         char             **body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  OdDunningAction *first = g_ptr_array_index (group->actions, 0);
  guint n = group->actions->len;

  if (n == 1)
    *subject = g_strdup_printf (_("Invoice %s is overdue"), first->invoice_number);
  else
    *subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice is overdue",
                                             "%u invoices are overdue", n), n);

  g_string_append_printf (text, _("Dear %s,"), od_customer_get_name (customer));
  g_string_append (text, "\n\n");
  g_string_append (text, g_dngettext (GETTEXT_PACKAGE,
                                      "according to our records this invoice is still open:",
                                      "according to our records these invoices are still open:",
                                      n));
  g_string_append (text, "\n\n");
  for (guint i = 0; i < n; i++)
    {
      OdDunningAction *action = g_ptr_array_index (group->actions, i);
      g_autofree char *due = money_text (action->amount_due, action->currency);

      g_string_append_printf (text, "  %s  ", action->invoice_number);
      if (action->days_overdue > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                   "%d days overdue", action->days_overdue),
                                action->days_overdue);
      g_string_append_printf (text, "  %s\n", due);
      if (action->fee > 0)
        {
          g_autofree char *fee = money_text (action->fee, action->currency);

          g_string_append_printf (text, "    %s\n", fee);
          g_string_truncate (text, text->len - 1);
          g_string_append_printf (text, " %s\n", _("(late fee)"));
        }
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Please pay the amount due. If you have paid in the meantime, "
                           "thank you, and please disregard this message."));
  g_string_append_printf (text, "\n\n%s\n", business_name != NULL ? business_name : "");
  (void) snapshot;
  *body = g_string_free (g_steal_pointer (&text), FALSE);
}

/* The HTML part of the plain message: its paragraphs, escaped. */
static char *
html_from_text (const char *text)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n<html><body>\n");
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *joined = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      escaped = g_markup_escape_text (paragraphs[i], -1);
      lines = g_strsplit (escaped, "\n", -1);
      joined = g_strjoinv ("<br>\n", lines);
      g_string_append_printf (html, "<p>%s</p>\n", joined);
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (g_steal_pointer (&html), FALSE);
}

static char *
payload_for (OdOutbox          *self,
             Group             *group,
             OdDunningSnapshot *snapshot,
             OdBusiness        *business,
             GError           **error)
{
  g_autoptr(OdCustomer) customer = od_store_get_customer (self->store, group->entry->customer_id, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GError) local_error = NULL;

  if (customer == NULL)
    return NULL;
  to = recipient (customer, group->entry->channel);
  /* The plain message always; the step's template, rendered now, is
   * what goes out, so the payload holds the message as sent. */
  compose (group, snapshot, customer, business != NULL ? od_business_get_name (business) : NULL,
           &subject, &body);
  if (business != NULL &&
      _od_outbox_render (self->store, business, customer, group->actions, group->entry->channel,
                         &subject, &text, &html, &local_error))
    {
      if (group->entry->channel == OD_CHANNEL_EMAIL)
        {
          g_free (body);
          body = g_steal_pointer (&text);
        }
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "to");
  if (to != NULL)
    json_builder_add_string_value (builder, to);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, subject);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  if (group->entry->channel == OD_CHANNEL_EMAIL)
    {
      if (html == NULL)
        html = html_from_text (body);
      json_builder_set_member_name (builder, "html");
      json_builder_add_string_value (builder, html);
    }
  if (text != NULL)
    {
      json_builder_set_member_name (builder, "sms");
      json_builder_add_string_value (builder, text);
    }
  json_builder_set_member_name (builder, "invoices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < group->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (group->actions, i);

      json_builder_add_string_value (builder, action->invoice_number);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static OdOutboxState
state_for_finish (OdDeliveryOutcome outcome)
{
  return outcome == OD_DELIVERY_SENT ? OD_OUTBOX_STATE_SENT : OD_OUTBOX_STATE_FAILED;
}

static void
count_outcome (OdOutboxRunStats *stats,
               OdDelivery       *delivery,
               OdOutboxRow      *after)
{
  switch (delivery->outcome)
    {
    case OD_DELIVERY_SENT:
      stats->sent++;
      if (delivery->demo)
        stats->demo++;
      break;
    case OD_DELIVERY_UNKNOWN:
      stats->unknown++;
      break;
    case OD_DELIVERY_TEMPORARY:
      /* Past the give-up time a temporary failure is a permanent one. */
      if (after != NULL && after->permanent)
        stats->failed_permanent++;
      else
        stats->failed_temporary++;
      break;
    case OD_DELIVERY_PERMANENT:
    default:
      stats->failed_permanent++;
      break;
    }
  (void) state_for_finish;
}

static void
od_outbox_finalize (GObject *object)
{
  OdOutbox *self = OD_OUTBOX (object);

  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (self->deliverers); i++)
    g_clear_object (&self->deliverers[i]);
  g_free (self->owner);

  G_OBJECT_CLASS (od_outbox_parent_class)->finalize (object);
}

static void
od_outbox_class_init (OdOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = od_outbox_finalize;
}

static void
od_outbox_init (OdOutbox *self)
{
  self->owner = g_strdup (od_outbox_owner_self ());
  self->batch_size = 1;
}

OdOutbox *
od_outbox_new (OdStore *store)
{
  OdOutbox *self;

  g_return_val_if_fail (OD_IS_STORE (store), NULL);

  self = g_object_new (OD_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
od_outbox_set_deliverer (OdOutbox    *self,
                         OdChannel    channel,
                         OdDeliverer *deliverer)
{
  int index = channel_index (channel);

  g_return_if_fail (OD_IS_OUTBOX (self));
  g_return_if_fail (index >= 0);
  g_return_if_fail (deliverer == NULL || OD_IS_DELIVERER (deliverer));

  g_set_object (&self->deliverers[index], deliverer);
}

void
od_outbox_set_owner (OdOutbox   *self,
                     const char *owner)
{
  g_return_if_fail (OD_IS_OUTBOX (self));
  g_return_if_fail (owner != NULL);

  g_free (self->owner);
  self->owner = g_strdup (owner);
}

void
od_outbox_set_batch_size (OdOutbox *self,
                          guint     size)
{
  g_return_if_fail (OD_IS_OUTBOX (self));
  g_return_if_fail (size > 0);

  self->batch_size = size;
}

/**
 * od_outbox_entries_from_plan:
 * @superseded: (out) (transfer container) (element-type OdOutboxItem)
 *
 * Returns: (transfer container) (element-type OdOutboxEntry) (nullable):
 */
GPtrArray *
od_outbox_entries_from_plan (OdOutbox           *self,
                             OdDunningSnapshot  *snapshot,
                             OdDunningPlan      *plan,
                             GPtrArray         **superseded,
                             GError            **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_entry_free);
  g_autoptr(GPtrArray) passed = g_ptr_array_new_with_free_func ((GDestroyNotify) od_outbox_item_free);
  g_autoptr(OdBusiness) business = NULL;

  g_return_val_if_fail (OD_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (snapshot != NULL && plan != NULL && superseded != NULL, NULL);

  for (guint i = 0; i < plan->actions->len; i++)
    {
      OdDunningAction *action = g_ptr_array_index (plan->actions, i);
      gboolean review = action->status == OD_ACTION_AWAITING_REVIEW;
      g_autofree char *key = NULL;
      Group *group;

      if (action->status == OD_ACTION_SUPERSEDED)
        {
          g_ptr_array_add (passed, item_for_action (action, FALSE));
          continue;
        }
      if ((action->status != OD_ACTION_DUE && !review) || channel_index (action->channel) < 0)
        continue;

      /* A step that needs review goes out apart from the due ones. */
      key = g_strdup_printf ("%c%s", review ? 'r' : 'd',
                             action->group != NULL ? action->group : action->invoice_number);
      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->entry = od_outbox_entry_new (action->customer_id, action->channel,
                                              review ? OD_OUTBOX_STATE_AWAITING_REVIEW
                                                     : OD_OUTBOX_STATE_QUEUED);
          group->actions = g_ptr_array_new ();
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->actions, action);
      g_ptr_array_add (group->entry->items, item_for_action (action, TRUE));
      g_free (group->entry->step);
      group->entry->step = g_strdup (action->step);
    }

  if (groups->len > 0)
    {
      business = od_store_get_business (self->store, error);
      if (business == NULL && error != NULL && *error != NULL)
        return NULL;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      group->entry->payload = payload_for (self, group, snapshot, business, error);
      if (group->entry->payload == NULL)
        return NULL;
      g_ptr_array_add (entries, g_steal_pointer (&group->entry));
      group->entry = od_outbox_entry_new (0, OD_CHANNEL_EMAIL, OD_OUTBOX_STATE_QUEUED);
    }

  *superseded = g_steal_pointer (&passed);
  return g_steal_pointer (&entries);
}

gboolean
od_outbox_enqueue_plan (OdOutbox           *self,
                        OdDunningSnapshot  *snapshot,
                        OdDunningPlan      *plan,
                        GDateTime          *now,
                        guint              *n_added,
                        GError            **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) superseded = NULL;

  g_return_val_if_fail (OD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  entries = od_outbox_entries_from_plan (self, snapshot, plan, &superseded, error);
  if (entries == NULL)
    return FALSE;
  return od_store_outbox_enqueue (self->store, entries, superseded, now, n_added, error);
}

gboolean
od_outbox_deliver_due (OdOutbox          *self,
                       GDateTime         *now,
                       OdOutboxRunStats  *stats,
                       GCancellable      *cancellable,
                       GError           **error)
{
  OdOutboxRunStats local = { 0, };

  g_return_val_if_fail (OD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);

  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = od_store_outbox_claim (self->store, self->owner, now, self->batch_size, error);
      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        return TRUE;

      for (guint i = 0; i < rows->len; i++)
        {
          OdOutboxRow *row = g_ptr_array_index (rows, i);
          int index = channel_index (row->channel);
          g_auto(OdDelivery) delivery = { 0, };
          g_autoptr(GError) local_error = NULL;
          g_autoptr(GPtrArray) after = NULL;

          if (index >= 0 && self->deliverers[index] != NULL)
            od_deliverer_deliver (self->deliverers[index], row, &delivery, cancellable);
          else
            {
              delivery.outcome = OD_DELIVERY_TEMPORARY;
              /* Translators: %s is a channel as the CLI spells it: email or sms */
              delivery.detail = g_strdup_printf (_("No %s account is set up"),
                                                 od_channel_to_string (row->channel));
            }

          if (!od_store_outbox_finish (self->store, row->id, self->owner, delivery.outcome,
                                       delivery.demo, delivery.message_id, delivery.detail,
                                       now, &local_error))
            {
              if (!g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              stats->lost_claims++;
              continue;
            }
          if (delivery.outcome == OD_DELIVERY_TEMPORARY)
            after = od_store_outbox_list (self->store, row->id, NULL);
          count_outcome (stats, &delivery,
                         after != NULL && after->len > 0 ? g_ptr_array_index (after, 0) : NULL);
        }
    }
}

/**
 * od_outbox_payload_get:
 *
 * Returns: (transfer full) (nullable): the member's text
 */
char *
od_outbox_payload_get (const char *payload,
                       const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (member != NULL, NULL);

  if (payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}
