/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>

#include "od-customer-editor.h"
#include "od-store.h"
#include "od-ui-format.h"

typedef enum
{
  F_REF, F_NAME,
  F_ADDRESS, F_POSTCODE, F_CITY, F_COUNTRY,
  F_BILLING_NAME, F_BILLING_EMAIL, F_BILLING_PHONE,
  F_ESCALATION_NAME, F_ESCALATION_EMAIL, F_ESCALATION_PHONE,
  F_LANGUAGE, F_TIME_ZONE, F_CREDIT_LIMIT, F_CREDIT_CURRENCY,
  N_FIELDS
} Field;

typedef struct
{
  const char *key;
  const char *title;
  guint       group;     /* 0 customer, 1 address, 2 billing, 3 escalation, 4 chasing */
} FieldInfo;

static const FieldInfo fields[N_FIELDS] = {
  { "ref", N_("Reference"), 0 },
  { "name", N_("Name"), 0 },
  { "address", N_("Street"), 1 },
  { "postcode", N_("Postcode"), 1 },
  { "city", N_("City"), 1 },
  /* Translators: the editor's country field; the code is ISO 3166 */
  { "country", N_("Country Code (e.g. DE, FR, GB)"), 1 },
  { "billing-name", N_("Name"), 2 },
  { "billing-email", N_("Email"), 2 },
  { "billing-phone", N_("Phone (e.g. +49 30 1234567)"), 2 },
  { "escalation-name", N_("Name"), 3 },
  { "escalation-email", N_("Email"), 3 },
  { "escalation-phone", N_("Phone (e.g. +49 30 1234567)"), 3 },
  { "language", N_("Language (e.g. en, de-AT; empty: the business’s)"), 4 },
  { "time-zone", N_("Time Zone (e.g. Europe/Berlin)"), 4 },
  { "credit-limit", N_("Credit Limit (empty: none)"), 4 },
  { "credit-currency", N_("Credit Currency (e.g. EUR)"), 4 },
};

struct _OdCustomerEditor
{
  AdwWindow             parent_instance;

  OdContext            *context;
  OdCustomer           *original;     /* NULL for a new customer */
  gboolean              saving;

  AdwWindowTitle       *window_title;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *customer_group;
  AdwPreferencesGroup  *address_group;
  AdwPreferencesGroup  *billing_group;
  AdwPreferencesGroup  *escalation_group;
  AdwPreferencesGroup  *chasing_group;
  AdwEntryRow          *entries[N_FIELDS];
  GtkLabel             *messages[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (OdCustomerEditor, od_customer_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CUSTOMER,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
field_text (OdCustomerEditor *self,
            Field             field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[field])));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_message (OdCustomerEditor *self,
             Field             field,
             const char       *message)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->messages[field]));

  gtk_label_set_label (self->messages[field], message != NULL ? message : "");
  gtk_widget_set_visible (row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entries[field]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entries[field]), "error");
}

/* Whether @phone is an international number: "+", then 7 to 15 digits
 * (spaces, dots, dashes, slashes and brackets between them allowed). */
static gboolean
is_e164 (const char *phone)
{
  guint digits = 0;

  if (*phone != '+')
    return FALSE;
  for (const char *p = phone + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (digits == 0 && *p == '0')
            return FALSE;
          digits++;
        }
      else if (strchr (" .-/()", *p) == NULL)
        return FALSE;
    }
  return digits >= 7 && digits <= 15;
}

/* A scratch customer with only @field set, judged by the core's rules, so
 * that the message names that field. */
static char *
check_customer_field (Field       field,
                      const char *text)
{
  g_autoptr(OdCustomer) scratch = od_customer_new ();
  g_autoptr(GError) error = NULL;

  od_customer_set_ref (scratch, "x");
  od_customer_set_name (scratch, "x");
  switch (field)
    {
    case F_REF: od_customer_set_ref (scratch, text); break;
    case F_COUNTRY: od_customer_set_country (scratch, text); break;
    case F_LANGUAGE: od_customer_set_language (scratch, text); break;
    case F_TIME_ZONE: od_customer_set_time_zone (scratch, text); break;
    default: g_assert_not_reached ();
    }
  return od_customer_validate (scratch, &error) ? NULL : g_strdup (error->message);
}

static char *
check_field (OdCustomerEditor *self,
             Field             field,
             gint64           *out_limit)
{
  g_autofree char *text = field_text (self, field);
  g_autofree char *currency = NULL;
  g_autoptr(GError) error = NULL;

  switch (field)
    {
    case F_REF:
    case F_NAME:
      if (text == NULL)
        return g_strdup (field == F_REF ? _("A reference is needed, such as a customer number")
                                        : _("A name is needed"));
      return field == F_REF ? check_customer_field (field, text) : NULL;

    case F_COUNTRY:
      if (text != NULL && g_ascii_islower (text[0]))
        return g_strdup (_("Use the two capital letters of the country code, such as DE"));
      /* fall through */
    case F_LANGUAGE:
    case F_TIME_ZONE:
      return text != NULL ? check_customer_field (field, text) : NULL;

    case F_BILLING_EMAIL:
    case F_ESCALATION_EMAIL:
      if (text != NULL && !od_email_is_valid (text))
        /* Translators: %s is what was typed */
        return g_strdup_printf (_("“%s” is not an email address: it looks like name@example.com"), text);
      return NULL;

    case F_BILLING_PHONE:
    case F_ESCALATION_PHONE:
      if (text != NULL && !is_e164 (text))
        return g_strdup (_("Use the international format: + and the country code, such as +49 30 1234567"));
      return NULL;

    case F_CREDIT_CURRENCY:
      {
        g_autofree char *limit = field_text (self, F_CREDIT_LIMIT);

        if (text == NULL && limit != NULL)
          return g_strdup (_("A credit limit needs its currency, such as EUR"));
      }
      if (text != NULL && !od_currency_is_valid (text))
        /* Translators: %s is what was typed */
        return g_strdup_printf (_("“%s” is not a currency code: use three capital letters, such as EUR"), text);
      return NULL;

    case F_CREDIT_LIMIT:
      currency = field_text (self, F_CREDIT_CURRENCY);
      if (text == NULL)
        {
          *out_limit = 0;
          return NULL;
        }
      if (!od_ui_parse_amount (text, currency != NULL && od_currency_is_valid (currency) ? currency : "EUR",
                               out_limit, &error))
        return g_strdup (error->message);
      if (*out_limit < 0)
        return g_strdup (_("A credit limit cannot be negative"));
      return NULL;

    default:
      return NULL;
    }
}

static OdContact *
build_contact (OdCustomerEditor *self,
               Field             first,
               OdContactRole     role)
{
  g_autofree char *name = field_text (self, first);
  g_autofree char *email = field_text (self, first + 1);
  g_autofree char *phone = field_text (self, first + 2);
  OdContact *contact;

  if (name == NULL && email == NULL && phone == NULL)
    return NULL;
  contact = od_contact_new ();
  od_contact_set_role (contact, role);
  od_contact_set_name (contact, name);
  od_contact_set_email (contact, email);
  od_contact_set_phone (contact, phone);
  return contact;
}

/* The draft as a customer, or NULL with the messages shown. */
static OdCustomer *
build_customer (OdCustomerEditor *self)
{
  g_autoptr(OdCustomer) customer = od_customer_new ();
  g_autoptr(OdContact) billing = NULL;
  g_autoptr(OdContact) escalation = NULL;
  g_autofree char *currency = NULL;
  Field first_bad = N_FIELDS;
  gint64 limit = 0;

  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *message = check_field (self, f, &limit);

      set_message (self, f, message);
      if (message != NULL && first_bad == N_FIELDS)
        first_bad = f;
    }
  if (first_bad != N_FIELDS)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entries[first_bad]));
      return NULL;
    }

  if (self->original != NULL)
    {
      od_customer_set_id (customer, od_customer_get_id (self->original));
      od_customer_set_notes (customer, od_customer_get_notes (self->original));
      od_customer_set_do_not_chase (customer, od_customer_get_do_not_chase (self->original));
      od_customer_set_opted_out (customer, od_customer_get_opted_out (self->original));
      od_customer_set_archived (customer, od_customer_get_archived (self->original));
    }
#define TAKE(setter, field) G_STMT_START { g_autofree char *t = field_text (self, field); setter (customer, t); } G_STMT_END
  TAKE (od_customer_set_ref, F_REF);
  TAKE (od_customer_set_name, F_NAME);
  TAKE (od_customer_set_address, F_ADDRESS);
  TAKE (od_customer_set_postcode, F_POSTCODE);
  TAKE (od_customer_set_city, F_CITY);
  TAKE (od_customer_set_country, F_COUNTRY);
  TAKE (od_customer_set_language, F_LANGUAGE);
  TAKE (od_customer_set_time_zone, F_TIME_ZONE);
#undef TAKE
  currency = field_text (self, F_CREDIT_CURRENCY);
  check_field (self, F_CREDIT_LIMIT, &limit);
  od_customer_set_credit_limit (customer, limit);
  od_customer_set_credit_currency (customer, currency);

  billing = build_contact (self, F_BILLING_NAME, OD_CONTACT_ROLE_BILLING);
  escalation = build_contact (self, F_ESCALATION_NAME, OD_CONTACT_ROLE_ESCALATION);
  if (billing != NULL)
    od_customer_add_contact (customer, billing);
  if (escalation != NULL)
    od_customer_add_contact (customer, escalation);
  /* Contacts beyond the first of each role (imported ones) are kept as
   * they are: the editor shows one of each. */
  if (self->original != NULL)
    {
      GListModel *contacts = od_customer_get_contacts (self->original);
      gboolean seen[2] = { FALSE, FALSE };

      for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
        {
          g_autoptr(OdContact) contact = g_list_model_get_item (contacts, i);
          guint role = od_contact_get_role (contact) == OD_CONTACT_ROLE_ESCALATION ? 1 : 0;

          if (!seen[role])
            seen[role] = TRUE;
          else
            od_customer_add_contact (customer, contact);
        }
    }
  return g_steal_pointer (&customer);
}

/* Runs in a worker thread. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdStore *store = od_context_get_store (OD_CUSTOMER_EDITOR (source_object)->context);
  OdCustomer *customer = task_data;
  g_autoptr(GError) error = NULL;
  gboolean is_new = od_customer_get_id (customer) == 0;

  if (!od_store_begin (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!(is_new ? od_store_insert_customer (store, customer, &error)
               : od_store_update_customer (store, customer, &error)) ||
      !od_store_add_audit (store, od_customer_get_id (customer), 0,
                           is_new ? "customer-add" : "customer-edit", NULL, &error) ||
      !od_store_commit (store, &error))
    {
      od_store_rollback (store);
      if (is_new)
        od_customer_set_id (customer, 0);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdCustomerEditor *self = OD_CUSTOMER_EDITOR (source);
  OdCustomer *customer = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE))
        set_message (self, F_REF, _("Another customer has this reference"));
      else
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  od_context_ledger_changed (self->context);
  g_signal_emit (self, signals[SAVED], 0, customer);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  od_customer_editor_save (OD_CUSTOMER_EDITOR (widget));
}

static void
on_entry_changed (GtkEditable      *entry,
                  OdCustomerEditor *self)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (GTK_EDITABLE (self->entries[f]) == entry)
      set_message (self, f, NULL);
}

/* "2500.50" with the locale's decimal point, as od_ui_parse_amount reads
 * it back (no sign, no grouping: the field is for typing). */
static char *
plain_amount (gint64      minor,
              const char *currency)
{
  const struct lconv *conv = localeconv ();
  char *text = od_amount_to_string (minor, od_currency_minor_digits (currency));
  char *dot = strchr (text, '.');

  if (dot != NULL && conv->p_cs_precedes != CHAR_MAX &&
      conv->mon_decimal_point != NULL && *conv->mon_decimal_point != '\0' &&
      strlen (conv->mon_decimal_point) == 1)
    *dot = *conv->mon_decimal_point;
  return text;
}

static void
fill (OdCustomerEditor *self)
{
  OdCustomer *c = self->original;
  const char *values[N_FIELDS] = { NULL };
  g_autofree char *limit = NULL;

  if (c == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Customer"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Customer"));
      return;
    }
  adw_window_title_set_title (self->window_title, _("Edit Customer"));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Customer"));
  adw_window_title_set_subtitle (self->window_title, od_customer_get_name (c));
  values[F_REF] = od_customer_get_ref (c);
  values[F_NAME] = od_customer_get_name (c);
  values[F_ADDRESS] = od_customer_get_address (c);
  values[F_POSTCODE] = od_customer_get_postcode (c);
  values[F_CITY] = od_customer_get_city (c);
  values[F_COUNTRY] = od_customer_get_country (c);
  values[F_LANGUAGE] = od_customer_get_language (c);
  values[F_TIME_ZONE] = od_customer_get_time_zone (c);
  values[F_CREDIT_CURRENCY] = od_customer_get_credit_currency (c);
  if (od_customer_get_credit_limit (c) > 0)
    {
      const char *currency = od_customer_get_credit_currency (c);

      limit = plain_amount (od_customer_get_credit_limit (c), currency != NULL ? currency : "EUR");
      values[F_CREDIT_LIMIT] = limit;
    }
  for (guint r = 0; r < 2; r++)
    {
      OdContactRole role = r == 0 ? OD_CONTACT_ROLE_BILLING : OD_CONTACT_ROLE_ESCALATION;
      Field first = r == 0 ? F_BILLING_NAME : F_ESCALATION_NAME;
      GListModel *contacts = od_customer_get_contacts (c);

      for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
        {
          g_autoptr(OdContact) contact = g_list_model_get_item (contacts, i);

          if (od_contact_get_role (contact) != role)
            continue;
          values[first] = od_contact_get_name (contact);
          values[first + 1] = od_contact_get_email (contact);
          values[first + 2] = od_contact_get_phone (contact);
          break;
        }
    }
  for (Field f = 0; f < N_FIELDS; f++)
    gtk_editable_set_text (GTK_EDITABLE (self->entries[f]), values[f] != NULL ? values[f] : "");
}

static gboolean
od_customer_editor_close_request (GtkWindow *window)
{
  /* The focused entry hears it lose the focus before it goes. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (od_customer_editor_parent_class)->close_request (window);
}

/* GObject */

static void
od_customer_editor_constructed (GObject *object)
{
  OdCustomerEditor *self = OD_CUSTOMER_EDITOR (object);

  G_OBJECT_CLASS (od_customer_editor_parent_class)->constructed (object);

  fill (self);
  for (Field f = 0; f < N_FIELDS; f++)
    g_signal_connect_object (self->entries[f], "changed", G_CALLBACK (on_entry_changed), self, 0);
}

static void
od_customer_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OdCustomerEditor *self = OD_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CUSTOMER:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OdCustomerEditor *self = OD_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER:
      self->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_customer_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_CUSTOMER_EDITOR);

  G_OBJECT_CLASS (od_customer_editor_parent_class)->dispose (object);
}

static void
od_customer_editor_finalize (GObject *object)
{
  OdCustomerEditor *self = OD_CUSTOMER_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (od_customer_editor_parent_class)->finalize (object);
}

static void
od_customer_editor_class_init (OdCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = od_customer_editor_constructed;
  object_class->get_property = od_customer_editor_get_property;
  object_class->set_property = od_customer_editor_set_property;
  object_class->dispose = od_customer_editor_dispose;
  object_class->finalize = od_customer_editor_finalize;
  window_class->close_request = od_customer_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         OD_TYPE_CUSTOMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, OD_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/overdue/Overdue/ui/od-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, customer_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, address_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, billing_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, escalation_group);
  gtk_widget_class_bind_template_child (widget_class, OdCustomerEditor, chasing_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_customer_editor_init (OdCustomerEditor *self)
{
  AdwPreferencesGroup *groups[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  groups[0] = self->customer_group;
  groups[1] = self->address_group;
  groups[2] = self->billing_group;
  groups[3] = self->escalation_group;
  groups[4] = self->chasing_group;
  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      /* A preferences row, so that the group keeps it under its field. */
      GtkWidget *message_row = adw_preferences_row_new ();
      GtkWidget *message = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(fields[f].title));
      adw_preferences_group_add (groups[fields[f].group], entry);
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
      adw_preferences_group_add (groups[fields[f].group], message_row);
      /* The message is read with the field. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL, -1);
      self->entries[f] = ADW_ENTRY_ROW (entry);
      self->messages[f] = GTK_LABEL (message);
    }
}

/* Public API */

OdCustomerEditor *
od_customer_editor_new (OdContext  *context,
                        OdCustomer *customer)
{
  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (customer == NULL || OD_IS_CUSTOMER (customer), NULL);

  return g_object_new (OD_TYPE_CUSTOMER_EDITOR, "context", context, "customer", customer, NULL);
}

AdwEntryRow *
od_customer_editor_get_entry (OdCustomerEditor *self,
                              const char       *key)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_EDITOR (self), NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (fields[f].key, key))
      return self->entries[f];
  g_return_val_if_reached (NULL);
}

const char *
od_customer_editor_get_error (OdCustomerEditor *self,
                              const char       *key)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_EDITOR (self), NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (fields[f].key, key))
      return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (self->messages[f])))
             ? gtk_label_get_label (self->messages[f]) : NULL;
  g_return_val_if_reached (NULL);
}

gboolean
od_customer_editor_save (OdCustomerEditor *self)
{
  g_autoptr(OdCustomer) customer = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (OD_IS_CUSTOMER_EDITOR (self), FALSE);

  if (self->saving)
    return TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if ((customer = build_customer (self)) == NULL)
    return FALSE;

  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  task = g_task_new (self, NULL, on_saved, NULL);
  g_task_set_source_tag (task, od_customer_editor_save);
  g_task_set_task_data (task, g_steal_pointer (&customer), g_object_unref);
  g_task_run_in_thread (task, save_thread);
  return TRUE;
}

gboolean
od_customer_editor_is_saving (OdCustomerEditor *self)
{
  g_return_val_if_fail (OD_IS_CUSTOMER_EDITOR (self), FALSE);

  return self->saving;
}
