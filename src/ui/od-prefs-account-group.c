/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n.h>

#include "od-account.h"
#include "od-prefs-account-group.h"
#include "od-prefs-account-io.h"

#define MAX_FIELDS 5

typedef struct
{
  const char *name;      /* the row's widget name */
  const char *title;
  GtkInputPurpose purpose;
} FieldInfo;

/* SMTP: the order of smtp_fields. */
enum { S_HOST, S_PORT, S_USER, S_FROM, S_CA_FILE };
static const FieldInfo smtp_fields[] = {
  { "host", N_("Server"), GTK_INPUT_PURPOSE_URL },
  { "port", N_("Port"), GTK_INPUT_PURPOSE_DIGITS },
  { "user", N_("User name (empty: the sender address)"), GTK_INPUT_PURPOSE_EMAIL },
  { "from", N_("Sender address"), GTK_INPUT_PURPOSE_EMAIL },
  { "ca-file", N_("Certificate authority file (self-hosted servers)"), GTK_INPUT_PURPOSE_FREE_FORM },
};
/* SMS: the order of sms_fields. */
enum { M_URL, M_SID, M_FROM };
static const FieldInfo sms_fields[] = {
  { "url", N_("Gateway URL"), GTK_INPUT_PURPOSE_URL },
  { "sid", N_("Account SID"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "sender", N_("Sender (number or name)"), GTK_INPUT_PURPOSE_PHONE },
};

struct _OdPrefsAccountGroup
{
  AdwPreferencesGroup  parent_instance;

  OdContext           *context;
  OdSecretKind         kind;
  OdSecrets           *secrets;
  GCancellable        *cancellable;       /* loads and saves; cancelled on dispose */
  GCancellable        *test_cancellable;  /* the running test, or NULL */
  guint                busy;
  gboolean             failed;

  guint                n_fields;
  AdwEntryRow         *entries[MAX_FIELDS];
  AdwComboRow         *security_row;      /* SMTP only */
  AdwPasswordEntryRow *secret_row;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkButton           *test_button;
  GtkButton           *cancel_button;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (OdPrefsAccountGroup, od_prefs_account_group, ADW_TYPE_PREFERENCES_GROUP)

static void
set_status (OdPrefsAccountGroup *self,
            const char          *message,
            gboolean             failed)
{
  self->failed = failed && message != NULL;
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (self->failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (message != NULL && !failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
}

static void
update_buttons (OdPrefsAccountGroup *self)
{
  gboolean testing = self->test_cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->test_button), !testing);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), self->busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->busy == 0);
}

static void
set_busy (OdPrefsAccountGroup *self,
          gboolean             busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  update_buttons (self);
}

/* The row's text without surrounding spaces; NULL when empty. */
static char *
text (OdPrefsAccountGroup *self,
      guint                field)
{
  char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[field]))));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
set_text (OdPrefsAccountGroup *self,
          guint                field,
          const char          *value)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), value != NULL ? value : "");
}

/* The account the form describes, checked by the core; NULL with the
 * reason otherwise. */
static OdSmtpAccount *
smtp_from_form (OdPrefsAccountGroup  *self,
                GError              **error)
{
  g_autofree char *host = text (self, S_HOST);
  g_autofree char *port_text = text (self, S_PORT);
  g_autofree char *user = text (self, S_USER);
  g_autofree char *from = text (self, S_FROM);
  g_autofree char *ca_file = text (self, S_CA_FILE);
  g_autoptr(OdSmtpAccount) account = NULL;
  guint64 port = 0;

  if (port_text == NULL ||
      !g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &port, NULL))
    {
      g_set_error_literal (error, OD_ACCOUNT_ERROR, OD_ACCOUNT_ERROR_INVALID,
                           _("The port must be a number between 1 and 65535, usually 587 or 465"));
      return NULL;
    }
  account = od_smtp_account_new (host, (guint16) port,
                                 adw_combo_row_get_selected (self->security_row) == 1
                                 ? OD_SMTP_SECURITY_TLS : OD_SMTP_SECURITY_STARTTLS,
                                 user != NULL ? user : from, from, ca_file);
  if (!od_smtp_account_validate (account, error))
    return NULL;
  return g_steal_pointer (&account);
}

static OdSmsAccount *
sms_from_form (OdPrefsAccountGroup  *self,
               GError              **error)
{
  g_autofree char *url = text (self, M_URL);
  g_autofree char *sid = text (self, M_SID);
  g_autofree char *from = text (self, M_FROM);
  g_autoptr(OdSmsAccount) account = od_sms_account_new (url, sid, from);

  if (!od_sms_account_validate (account, error))
    return NULL;
  return g_steal_pointer (&account);
}

/* Where the keyring files the form's secret: *@host and *@user. */
static gboolean
identity_from_form (OdPrefsAccountGroup  *self,
                    char                **host,
                    char                **user,
                    GError              **error)
{
  if (self->kind == OD_SECRET_KIND_SMTP)
    {
      g_autoptr(OdSmtpAccount) account = smtp_from_form (self, error);

      if (account == NULL)
        return FALSE;
      *host = g_strdup (account->host);
      *user = g_strdup (account->user);
    }
  else
    {
      g_autoptr(OdSmsAccount) account = sms_from_form (self, error);

      if (account == NULL)
        return FALSE;
      *host = od_sms_account_dup_host (account);
      *user = g_strdup (account->sid);
    }
  return TRUE;
}

/* Loading: the saved account, and the business email as the sender of a
 * new mail account. */

typedef struct
{
  OdSmtpAccount *smtp;
  OdSmsAccount  *sms;
  char          *email;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->smtp, od_smtp_account_free);
  g_clear_pointer (&loaded->sms, od_sms_account_free);
  g_free (loaded->email);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OdPrefsAccountGroup *self = source_object;
  OdStore *store = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdBusiness) business = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  if (self->kind == OD_SECRET_KIND_SMTP)
    loaded->smtp = od_smtp_account_load (store, &error);
  else
    loaded->sms = od_sms_account_load (store, &error);
  if (error == NULL)
    business = od_store_get_business (store, &error);
  if (error != NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (business != NULL)
    loaded->email = g_strdup (od_business_get_email (business));
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPrefsAccountGroup *self = OD_PREFS_ACCOUNT_GROUP (source);
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (loaded == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  if (loaded->smtp != NULL)
    {
      g_autofree char *port = g_strdup_printf ("%u", (guint) loaded->smtp->port);

      set_text (self, S_HOST, loaded->smtp->host);
      set_text (self, S_PORT, port);
      adw_combo_row_set_selected (self->security_row, loaded->smtp->security == OD_SMTP_SECURITY_TLS ? 1 : 0);
      set_text (self, S_USER, g_strcmp0 (loaded->smtp->user, loaded->smtp->from_address) != 0
                              ? loaded->smtp->user : NULL);
      set_text (self, S_FROM, loaded->smtp->from_address);
      set_text (self, S_CA_FILE, loaded->smtp->ca_file);
    }
  else if (loaded->sms != NULL)
    {
      set_text (self, M_URL, loaded->sms->url);
      set_text (self, M_SID, loaded->sms->sid);
      set_text (self, M_FROM, loaded->sms->from);
    }
  else if (self->kind == OD_SECRET_KIND_SMTP)
    {
      set_text (self, S_PORT, "587");
      set_text (self, S_FROM, loaded->email);
    }
  else
    {
      set_text (self, M_URL, "https://api.twilio.com");
    }
  if (loaded->smtp != NULL || loaded->sms != NULL)
    set_status (self, self->kind == OD_SECRET_KIND_SMTP
                      ? _("Set up. The password is in the keyring: leave the field empty to keep it.")
                      : _("Set up. The token is in the keyring: leave the field empty to keep it."),
                FALSE);
  loaded_free (loaded);
}

/* The form as a draft for the worker thread; NULL with the reason. */
static OdPrefsAccountDraft *
draft_from_form (OdPrefsAccountGroup  *self,
                 GError              **error)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  OdPrefsAccountDraft *draft = g_new0 (OdPrefsAccountDraft, 1);

  draft->kind = self->kind;
  if (self->kind == OD_SECRET_KIND_SMTP)
    draft->smtp = smtp_from_form (self, error);
  else
    draft->sms = sms_from_form (self, error);
  if ((draft->smtp == NULL && draft->sms == NULL) ||
      !identity_from_form (self, &draft->host, &draft->user, error))
    {
      od_prefs_account_draft_free (draft);
      return NULL;
    }
  draft->secret = *typed != '\0' ? g_strdup (typed) : NULL;
  return draft;
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OdPrefsAccountGroup *self = OD_PREFS_ACCOUNT_GROUP (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *success = od_prefs_account_test_finish (result, &error);

  if (self->test_cancellable == NULL)
    return;   /* disposed */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, _("Test cancelled."), TRUE);
  else if (error != NULL)
    set_status (self, error->message, TRUE);
  else
    set_status (self, success, FALSE);
  g_clear_object (&self->test_cancellable);
  set_busy (self, FALSE);
}

static void
on_test_clicked (OdPrefsAccountGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  OdPrefsAccountDraft *draft;

  if (self->test_cancellable != NULL)
    return;
  draft = draft_from_form (self, &error);
  if (draft == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  self->test_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* Translators: %s is a server's host name. */
  message = g_strdup_printf (_("Connecting to %s…"), draft->host);
  set_status (self, message, FALSE);
  od_prefs_account_test_async (self->secrets, draft, self, self->test_cancellable, on_tested, NULL);
}

static void
on_cancel_clicked (OdPrefsAccountGroup *self)
{
  g_cancellable_cancel (self->test_cancellable);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  OdPrefsAccountGroup *self = OD_PREFS_ACCOUNT_GROUP (source);
  g_autoptr(GError) error = NULL;

  if (!od_prefs_account_save_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      set_status (self, error->message, TRUE);
      return;
    }
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  set_status (self, self->kind == OD_SECRET_KIND_SMTP
                    ? _("Saved. The password is in the keyring, not in the ledger.")
                    : _("Saved. The token is in the keyring, not in the ledger."),
              FALSE);
  od_context_ledger_changed (self->context);
}

static void
on_save_clicked (OdPrefsAccountGroup *self)
{
  g_autoptr(GError) error = NULL;
  OdPrefsAccountDraft *draft = draft_from_form (self, &error);

  if (draft == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  set_busy (self, TRUE);
  set_status (self, _("Saving…"), FALSE);
  od_prefs_account_save_async (od_context_get_store (self->context), self->secrets, draft,
                               self, self->cancellable, on_saved, NULL);
}

static void
on_port_changed (OdPrefsAccountGroup *self)
{
  g_autofree char *port = text (self, S_PORT);

  /* The usual pairs: 465 is TLS from the first byte, 587 STARTTLS. */
  if (g_strcmp0 (port, "465") == 0)
    adw_combo_row_set_selected (self->security_row, 1);
  else if (g_strcmp0 (port, "587") == 0 || g_strcmp0 (port, "25") == 0)
    adw_combo_row_set_selected (self->security_row, 0);
}

static void
load (OdPrefsAccountGroup *self)
{
  g_autoptr(GTask) task = NULL;

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_object_ref (od_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

static GtkWidget *
add_entry (OdPrefsAccountGroup *self,
           const FieldInfo     *info)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(info->title));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), info->purpose);
  gtk_widget_set_name (entry, info->name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), entry);
  self->entries[self->n_fields++] = ADW_ENTRY_ROW (entry);
  return entry;
}

static void
build (OdPrefsAccountGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const FieldInfo *fields = self->kind == OD_SECRET_KIND_SMTP ? smtp_fields : sms_fields;
  guint n = self->kind == OD_SECRET_KIND_SMTP ? G_N_ELEMENTS (smtp_fields) : G_N_ELEMENTS (sms_fields);

  if (self->kind == OD_SECRET_KIND_SMTP)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Email"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("The outgoing mail server (SMTP) the reminders are sent through"));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Text Messages"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("An SMS gateway that speaks the Twilio Messages API"));
    }

  for (guint i = 0; i < n; i++)
    {
      add_entry (self, &fields[i]);
      if (self->kind == OD_SECRET_KIND_SMTP && i == S_PORT)
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

          /* Translators: SMTP security modes. */
          gtk_string_list_append (model, _("STARTTLS"));
          gtk_string_list_append (model, _("TLS"));
          self->security_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->security_row), _("Security"));
          adw_combo_row_set_model (self->security_row, G_LIST_MODEL (model));
          gtk_widget_set_name (GTK_WIDGET (self->security_row), "security");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->security_row));
          g_signal_connect_swapped (self->entries[S_PORT], "changed", G_CALLBACK (on_port_changed), self);
        }
    }
  self->secret_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 self->kind == OD_SECRET_KIND_SMTP ? _("Password") : _("Auth token"));
  gtk_widget_set_name (GTK_WIDGET (self->secret_row), "secret");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->secret_row));

  /* Below the rows: what happened, then the buttons. */
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_wrap_mode (self->status_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_selectable (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->status_label), "status");
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);

  self->test_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Test Connection")));
  gtk_widget_set_name (GTK_WIDGET (self->test_button), "test");
  g_signal_connect_swapped (self->test_button, "clicked", G_CALLBACK (on_test_clicked), self);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel Test")));
  gtk_widget_set_name (GTK_WIDGET (self->cancel_button), "cancel");
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_set_name (GTK_WIDGET (self->save_button), "save");
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->test_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->save_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), buttons);

  set_status (self, NULL, FALSE);
  update_buttons (self);
}

/* GObject */

static void
od_prefs_account_group_dispose (GObject *object)
{
  OdPrefsAccountGroup *self = OD_PREFS_ACCOUNT_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->secrets);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (od_prefs_account_group_parent_class)->dispose (object);
}

static void
od_prefs_account_group_class_init (OdPrefsAccountGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_prefs_account_group_dispose;
}

static void
od_prefs_account_group_init (OdPrefsAccountGroup *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Public API */

GtkWidget *
od_prefs_account_group_new (OdContext    *context,
                            OdSecretKind  kind)
{
  OdPrefsAccountGroup *self;

  g_return_val_if_fail (OD_IS_CONTEXT (context), NULL);

  self = g_object_new (OD_TYPE_PREFS_ACCOUNT_GROUP, NULL);
  self->context = g_object_ref (context);
  self->kind = kind;
  self->secrets = od_secrets_new ();
  build (self);
  load (self);
  return GTK_WIDGET (self);
}

gboolean
od_prefs_account_group_is_busy (OdPrefsAccountGroup *self)
{
  g_return_val_if_fail (OD_IS_PREFS_ACCOUNT_GROUP (self), FALSE);

  return self->busy > 0;
}

const char *
od_prefs_account_group_get_status (OdPrefsAccountGroup *self,
                                   gboolean            *failed)
{
  g_return_val_if_fail (OD_IS_PREFS_ACCOUNT_GROUP (self), NULL);

  if (failed != NULL)
    *failed = self->failed;
  return gtk_label_get_label (self->status_label);
}
