/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-business.h"
#include "od-editor-field.h"
#include "od-prefs-business-io.h"
#include "od-prefs-business-page.h"
#include "od-prefs-logo-row.h"

typedef enum
{
  F_NAME,
  F_TAX_ID,
  F_EMAIL,
  F_PHONE,
  F_IBAN,
  F_BIC,
  F_PAYMENT_LINK,
  F_CURRENCY,
  N_FIELDS
} Field;

typedef enum
{
  G_BUSINESS,
  G_CONTACT,
  G_BANK,
  G_DOCUMENTS,
} Group;

static const struct
{
  const char     *property;    /* of OdBusiness; also the row's widget name */
  const char     *title;
  Group           group;
  GtkInputPurpose purpose;
} fields[N_FIELDS] = {
  { "name", N_("Name"), G_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "tax-id", N_("Tax or VAT number"), G_BUSINESS, GTK_INPUT_PURPOSE_FREE_FORM },
  { "email", N_("Email"), G_CONTACT, GTK_INPUT_PURPOSE_EMAIL },
  { "phone", N_("Phone"), G_CONTACT, GTK_INPUT_PURPOSE_PHONE },
  { "iban", N_("IBAN"), G_BANK, GTK_INPUT_PURPOSE_FREE_FORM },
  /* Translators: the bank's SWIFT/BIC code. */
  { "bic", N_("BIC"), G_BANK, GTK_INPUT_PURPOSE_FREE_FORM },
  { "payment-link", N_("Payment link"), G_BANK, GTK_INPUT_PURPOSE_URL },
  /* Translators: an ISO 4217 code such as EUR is expected. */
  { "currency", N_("Currency (e.g. EUR)"), G_DOCUMENTS, GTK_INPUT_PURPOSE_FREE_FORM },
};

struct _OdPrefsBusinessPage
{
  AdwPreferencesPage    parent_instance;

  OdContext            *context;
  GCancellable         *cancellable;
  OdBusiness           *saved;        /* what the ledger holds (never NULL) */
  gboolean              filling;      /* the widgets are being set from @saved */
  gboolean              show_all;     /* Save was pressed: every message shows */
  gboolean              edited;       /* the user changed a field since fill() */
  guint                 busy;         /* loads and saves running */
  gboolean              touched[N_FIELDS];
  OdEditorField         fields[N_FIELDS];
  OdPrefsLogoRow       *logo_row;
  GtkWindow            *close_window; /* weak: closes once the draft is saved */

  AdwPreferencesGroup  *business_group;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *bank_group;
  AdwPreferencesGroup  *documents_group;
  GtkSpinner           *spinner;
  GtkTextView          *address_view;
  AdwComboRow          *paper_row;
  GtkLabel             *error_label;
  GtkLabel             *status_label;
  GtkButton            *discard_button;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (OdPrefsBusinessPage, od_prefs_business_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (OdPrefsBusinessPage *self);

/* The entry's text without surrounding spaces; NULL when empty. */
static char *
field_text (OdPrefsBusinessPage *self,
            Field                field)
{
  char *text = od_editor_field_text (&self->fields[field]);

  if (field == F_CURRENCY && text != NULL)
    {
      char *upper = g_ascii_strup (text, -1);

      g_free (text);
      text = upper;
    }
  return text;
}

static char *
address_text (OdPrefsBusinessPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The saved profile with the widgets' values: what Save would store. */
static OdBusiness *
draft_business (OdPrefsBusinessPage *self)
{
  OdBusiness *draft = od_prefs_business_copy (self->saved);
  g_autofree char *address = address_text (self);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = field_text (self, f);

      g_object_set (draft, fields[f].property, text, NULL);
    }
  od_business_set_address (draft, address);
  od_business_set_paper_size (draft, adw_combo_row_get_selected (self->paper_row) == 1
                                     ? OD_PAPER_SIZE_LETTER : OD_PAPER_SIZE_A4);
  od_business_set_logo (draft, od_prefs_logo_row_get_path (self->logo_row));
  return draft;
}

/* The core's own judgement of one field: a scratch profile that is valid
 * but for @field, so that the message is about that field. */
static char *
check_field (Field       field,
             const char *text)
{
  g_autoptr(OdBusiness) scratch = od_business_new ();
  g_autoptr(GError) error = NULL;

  od_business_set_name (scratch, "x");
  od_business_set_currency (scratch, "EUR");
  g_object_set (scratch, fields[field].property, text, NULL);
  return od_business_validate (scratch, &error) ? NULL : g_strdup (error->message);
}

/* Updates the messages and the buttons; the first field with a mistake
 * (or N_FIELDS). */
static Field
refresh (OdPrefsBusinessPage *self)
{
  g_autoptr(OdBusiness) draft = NULL;
  Field first = N_FIELDS;
  gboolean dirty;

  if (self->filling)
    return N_FIELDS;
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = field_text (self, f);
      g_autofree char *message = check_field (f, text);

      if (message != NULL && first == N_FIELDS)
        first = f;
      /* A field shows its mistake once left, or after Save; it clears
       * as soon as it is right. */
      od_editor_field_set_message (&self->fields[f], (self->touched[f] || self->show_all) ? message : NULL);
    }
  draft = draft_business (self);
  dirty = !od_prefs_business_equal (draft, self->saved);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), dirty && self->busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discard_button), dirty && self->busy == 0);
  if (dirty)
    gtk_label_set_label (self->status_label, _("Unsaved changes"));
  return first;
}

static void
set_busy (OdPrefsBusinessPage *self,
          gboolean             busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  refresh (self);
}

/* Sets the widgets from the saved profile. */
static void
fill (OdPrefsBusinessPage *self)
{
  const char *address = od_business_get_address (self->saved);

  self->filling = TRUE;
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->saved, fields[f].property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[f].entry), value != NULL ? value : "");
      self->touched[f] = FALSE;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view), address != NULL ? address : "", -1);
  adw_combo_row_set_selected (self->paper_row,
                              od_business_get_paper_size (self->saved) == OD_PAPER_SIZE_LETTER ? 1 : 0);
  od_prefs_logo_row_set_path (self->logo_row, od_business_get_logo (self->saved));
  self->show_all = FALSE;
  self->edited = FALSE;
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  refresh (self);
}

static void
show_error (OdPrefsBusinessPage *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) business = od_prefs_business_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (business == NULL)
    {
      /* Translators: %s is the reason the ledger could not be read. */
      g_autofree char *message = g_strdup_printf (_("Could not read the business profile: %s"), error->message);

      show_error (self, message);
      return;
    }
  /* Edits made while it loaded stay; only an untouched form follows. */
  if (self->edited)
    {
      g_set_object (&self->saved, business);
      refresh (self);
      return;
    }
  g_set_object (&self->saved, business);
  fill (self);
  gtk_label_set_label (self->status_label, "");
}

static void
load (OdPrefsBusinessPage *self)
{
  if (self->context == NULL)
    return;
  set_busy (self, TRUE);
  od_prefs_business_load_async (od_context_get_store (self->context), self,
                                self->cancellable, on_loaded, NULL);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) saved = od_prefs_business_save_finish (result, &error);
  GtkWindow *close;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  close = self->close_window;
  g_clear_weak_pointer (&self->close_window);
  if (saved == NULL)
    {
      /* Translators: %s is the reason, e.g. a field that is not valid. */
      g_autofree char *message = g_strdup_printf (_("The business profile was not saved: %s"), error->message);

      set_busy (self, FALSE);
      show_error (self, message);
      gtk_label_set_label (self->status_label, "");
      return;
    }

  g_set_object (&self->saved, saved);
  self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  fill (self);
  gtk_label_set_label (self->status_label, _("Saved"));
  od_context_ledger_changed (self->context);
  if (close != NULL)
    gtk_window_destroy (close);
}

/* Saves the draft if it has no mistakes (and closes @close once saved);
 * FALSE, with the mistakes shown, when it has. */
static gboolean
save (OdPrefsBusinessPage *self,
      GtkWindow           *close)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) draft = NULL;
  const char *logo;
  Field first;

  self->show_all = TRUE;
  first = refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (first != N_FIELDS)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->fields[first].entry));
      gtk_label_set_label (self->status_label, _("Correct the marked fields to save"));
      return FALSE;
    }
  draft = draft_business (self);
  if (!od_business_validate (draft, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  logo = od_business_get_logo (draft);
  if (g_strcmp0 (logo, od_business_get_logo (self->saved)) == 0)
    logo = NULL;
  g_set_weak_pointer (&self->close_window, close);
  set_busy (self, TRUE);
  gtk_label_set_label (self->status_label, _("Saving…"));
  od_prefs_business_save_async (od_context_get_store (self->context), draft, logo, self,
                                self->cancellable, on_saved, NULL);
  return TRUE;
}

static void
on_save_clicked (OdPrefsBusinessPage *self)
{
  save (self, NULL);
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    save (self, NULL);
  return TRUE;
}

static void
on_discard_clicked (OdPrefsBusinessPage *self)
{
  fill (self);
  gtk_label_set_label (self->status_label, "");
}

static void
on_changed (OdPrefsBusinessPage *self)
{
  if (!self->filling)
    self->edited = TRUE;
  refresh (self);
}

static void
on_field_changed (GtkEditable         *entry,
                  OdPrefsBusinessPage *self)
{
  on_changed (self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                OdPrefsBusinessPage     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (Field f = 0; f < N_FIELDS; f++)
    if (GTK_WIDGET (self->fields[f].entry) == entry)
      self->touched[f] = TRUE;
  refresh (self);
}

static void
on_ledger_changed (OdPrefsBusinessPage *self)
{
  /* Someone else changed the ledger: show it, unless that would throw
   * away the user's edits. */
  if (self->busy == 0 && !od_prefs_business_page_is_dirty (self))
    load (self);
}

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (user_data);
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "discard") != 0)
    return;
  fill (self);
  /* Once the dialog, which is transient for it, has gone. */
  if (window != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (window), g_object_unref);
}

/* GObject */

static void
od_prefs_business_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_business_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (object);

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
od_prefs_business_page_constructed (GObject *object)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (object);

  G_OBJECT_CLASS (od_prefs_business_page_parent_class)->constructed (object);

  if (self->context == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  g_signal_connect_object (self->context, "ledger-changed",
                           G_CALLBACK (on_ledger_changed), self, G_CONNECT_SWAPPED);
  load (self);
}

static void
od_prefs_business_page_dispose (GObject *object)
{
  OdPrefsBusinessPage *self = OD_PREFS_BUSINESS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->saved);
  g_clear_weak_pointer (&self->close_window);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_PREFS_BUSINESS_PAGE);

  G_OBJECT_CLASS (od_prefs_business_page_parent_class)->dispose (object);
}

static void
od_prefs_business_page_class_init (OdPrefsBusinessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = od_prefs_business_page_set_property;
  object_class->get_property = od_prefs_business_page_get_property;
  object_class->constructed = od_prefs_business_page_constructed;
  object_class->dispose = od_prefs_business_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         OD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OD_TYPE_PREFS_LOGO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overdue/Overdue/ui/od-prefs-business-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, business_group);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, contact_group);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, bank_group);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, address_view);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, paper_row);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, discard_button);
  gtk_widget_class_bind_template_child (widget_class, OdPrefsBusinessPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_clicked);
}

static void
od_prefs_business_page_init (OdPrefsBusinessPage *self)
{
  AdwPreferencesGroup *groups[] = { NULL, NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->saved = od_business_new ();
  groups[G_BUSINESS] = self->business_group;
  groups[G_CONTACT] = self->contact_group;
  groups[G_BANK] = self->bank_group;
  groups[G_DOCUMENTS] = self->documents_group;
  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *entry;
      GtkEventController *focus = gtk_event_controller_focus_new ();

      od_editor_field_init (&self->fields[f], groups[fields[f].group], _(fields[f].title),
                            G_CALLBACK (on_field_changed), self);
      entry = GTK_WIDGET (self->fields[f].entry);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), fields[f].purpose);
      gtk_widget_set_name (entry, fields[f].property);
      gtk_label_set_wrap_mode (self->fields[f].message, PANGO_WRAP_WORD_CHAR);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (entry, focus);
    }
  self->logo_row = OD_PREFS_LOGO_ROW (od_prefs_logo_row_new ());
  adw_preferences_group_add (self->documents_group, GTK_WIDGET (self->logo_row));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->address_view), "changed",
                            G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->logo_row, "notify::path", G_CALLBACK (on_changed), self);
}

/* Public API */

OdPrefsBusinessPage *
od_prefs_business_page_new (OdContext *context)
{
  g_return_val_if_fail (context == NULL || OD_IS_CONTEXT (context), NULL);

  return g_object_new (OD_TYPE_PREFS_BUSINESS_PAGE, "context", context, NULL);
}

gboolean
od_prefs_business_page_is_busy (OdPrefsBusinessPage *self)
{
  g_return_val_if_fail (OD_IS_PREFS_BUSINESS_PAGE (self), FALSE);

  return self->busy > 0;
}

gboolean
od_prefs_business_page_is_dirty (OdPrefsBusinessPage *self)
{
  g_autoptr(OdBusiness) draft = NULL;

  g_return_val_if_fail (OD_IS_PREFS_BUSINESS_PAGE (self), FALSE);

  draft = draft_business (self);
  return !od_prefs_business_equal (draft, self->saved);
}

/* GNOME's preferences apply without an OK button, so closing the window
 * must not lose the user's edits: a draft without mistakes is saved on
 * close, as if Save had been pressed. A draft with mistakes cannot be
 * saved, and is not thrown away silently either: the user chooses. */
gboolean
od_prefs_business_page_close (OdPrefsBusinessPage *self,
                              GtkWindow           *window)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (OD_IS_PREFS_BUSINESS_PAGE (self), TRUE);
  g_return_val_if_fail (GTK_IS_WINDOW (window), TRUE);

  if (self->context == NULL || self->busy > 0 || !od_prefs_business_page_is_dirty (self))
    return TRUE;
  if (save (self, window))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("The business profile has mistakes, "
                                                         "marked in red, and cannot be saved as it is.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
