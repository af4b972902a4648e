/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "od-prefs-logo-row.h"

struct _OdPrefsLogoRow
{
  AdwActionRow          parent_instance;

  char                 *path;
  GtkFileChooserNative *chooser;

  GtkPicture           *preview;
  GtkImage             *placeholder;
  GtkButton            *choose_button;
  GtkButton            *remove_button;
};

G_DEFINE_FINAL_TYPE (OdPrefsLogoRow, od_prefs_logo_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (OdPrefsLogoRow *self)
{
  gboolean has_logo = self->path != NULL && *self->path != '\0';

  if (has_logo)
    {
      g_autofree char *name = g_path_get_basename (self->path);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), name);
      /* A missing or unreadable file shows nothing rather than failing. */
      gtk_picture_set_filename (self->preview, self->path);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("None: the documents carry the name only"));
      gtk_picture_set_paintable (self->preview, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview), has_logo);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), !has_logo);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), has_logo);
}

static void
on_chooser_response (OdPrefsLogoRow       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        od_prefs_logo_row_set_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (OdPrefsLogoRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  /* Translators: the file chooser's filter for logo files. */
  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "svg");

  self->chooser = gtk_file_chooser_native_new (_("Choose a Logo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_clicked (OdPrefsLogoRow *self)
{
  od_prefs_logo_row_set_path (self, NULL);
}

/* GObject */

static void
od_prefs_logo_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OdPrefsLogoRow *self = OD_PREFS_LOGO_ROW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_logo_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OdPrefsLogoRow *self = OD_PREFS_LOGO_ROW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      od_prefs_logo_row_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_prefs_logo_row_dispose (GObject *object)
{
  OdPrefsLogoRow *self = OD_PREFS_LOGO_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (od_prefs_logo_row_parent_class)->dispose (object);
}

static void
od_prefs_logo_row_finalize (GObject *object)
{
  OdPrefsLogoRow *self = OD_PREFS_LOGO_ROW (object);

  g_free (self->path);

  G_OBJECT_CLASS (od_prefs_logo_row_parent_class)->finalize (object);
}

static void
od_prefs_logo_row_class_init (OdPrefsLogoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = od_prefs_logo_row_get_property;
  object_class->set_property = od_prefs_logo_row_set_property;
  object_class->dispose = od_prefs_logo_row_dispose;
  object_class->finalize = od_prefs_logo_row_finalize;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_prefs_logo_row_init (OdPrefsLogoRow *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Logo"));
  gtk_widget_set_name (GTK_WIDGET (self), "logo");

  /* The preview: the logo scaled into a small box. */
  self->preview = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->preview, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), 64, 40);
  self->placeholder = GTK_IMAGE (gtk_image_new_from_icon_name ("image-x-generic-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_size_request (GTK_WIDGET (self->placeholder), 64, 40);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->placeholder));
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), frame);

  self->choose_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_hoose…")));
  gtk_widget_set_name (GTK_WIDGET (self->choose_button), "choose_logo");
  gtk_widget_set_valign (GTK_WIDGET (self->choose_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->choose_button));

  self->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-delete-symbolic"));
  gtk_widget_set_name (GTK_WIDGET (self->remove_button), "remove_logo");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove the Logo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the logo"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->remove_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "flat");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->remove_button));

  update (self);
}

/* Public API */

GtkWidget *
od_prefs_logo_row_new (void)
{
  return g_object_new (OD_TYPE_PREFS_LOGO_ROW, NULL);
}

const char *
od_prefs_logo_row_get_path (OdPrefsLogoRow *self)
{
  g_return_val_if_fail (OD_IS_PREFS_LOGO_ROW (self), NULL);

  return self->path;
}

/* @path: the logo file, or NULL (or "") for none. */
void
od_prefs_logo_row_set_path (OdPrefsLogoRow *self,
                            const char     *path)
{
  g_return_if_fail (OD_IS_PREFS_LOGO_ROW (self));

  if (path != NULL && *path == '\0')
    path = NULL;
  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}
