/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>

#include "od-mail-message.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeObject, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)

struct _OdMailMessage
{
  GObject parent_instance;

  char *from_name;
  char *from_address;
  char *to_name;
  char *to_address;
  char *reply_to_name;
  char *reply_to_address;
  char *subject;
  char *text;
  char *html;
  char *filename;
  GBytes *pdf;
  char *key;
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (OdMailMessage, od_mail_message, G_TYPE_OBJECT)

G_DEFINE_QUARK (od-mail-error-quark, od_mail_error)

static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  return NULL;
}

/* Anything that could end a header line or confuse a reader: C0 and C1
 * controls, DEL, and Unicode's own line and paragraph separators. */
static gboolean
is_forbidden_char (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
         c == 0x2028 || c == 0x2029;
}

static gboolean
check_header_text (const char  *value,
                   const char  *field,
                   GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER,
                   /* Translators: %s is a field such as "recipient name" */
                   _("The %s is not valid UTF-8 text"), field);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden_char (g_utf8_get_char (p)))
      {
        g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER,
                     /* Translators: %s is a field such as "recipient name" */
                     _("The %s contains a line break or another control character; remove it and try again"),
                     field);
        return FALSE;
      }

  return TRUE;
}

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static gboolean
local_part_is_valid (const char *local,
                     gsize       length)
{
  if (length == 0 || length > 64 || local[0] == '.' || local[length - 1] == '.')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (local[i] == '.')
        {
          if (local[i + 1] == '.')
            return FALSE;
        }
      else if (!is_atext (local[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
domain_is_valid (const char *domain)
{
  g_auto(GStrv) labels = NULL;
  gsize length = strlen (domain);

  if (length == 0 || length > 253)
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize n = strlen (labels[i]);

      if (n == 0 || n > 63 || labels[i][0] == '-' || labels[i][n - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < n; j++)
        if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
          return FALSE;
    }

  return TRUE;
}

/* A non-ASCII domain in its ASCII (punycode) form; anything else as is. */
static char *
normalize_address (const char *address)
{
  const char *at;
  g_autofree char *ascii = NULL;

  if (address == NULL)
    return NULL;

  at = strrchr (address, '@');
  if (at == NULL || !g_utf8_validate (at + 1, -1, NULL) || g_str_is_ascii (at + 1))
    return g_strdup (address);

  ascii = g_hostname_to_ascii (at + 1);
  if (ascii == NULL)
    return g_strdup (address);

  return g_strdup_printf ("%.*s@%s", (int) (at - address), address, ascii);
}

static gboolean
check_address (const char  *address,
               const char  *field,
               GError     **error)
{
  if (address == NULL || *address == '\0')
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_MISSING,
                   /* Translators: %s is a field such as "recipient address" */
                   _("The %s is missing"), field);
      return FALSE;
    }

  if (!od_mail_address_is_valid (address))
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_ADDRESS,
                   /* Translators: the first %s is a field such as "recipient
                    * address", the second the address */
                   _("The %s “%s” is not a valid email address"),
                   field, g_utf8_validate (address, -1, NULL) ? address : "?");
      return FALSE;
    }

  return TRUE;
}

static const char *
address_domain (const char *address)
{
  const char *at = strrchr (address, '@');

  return at != NULL ? at + 1 : address;
}

static GMimeObject *
text_part (const char *subtype,
           const char *text)
{
  GMimeTextPart *part = g_mime_text_part_new_with_subtype (subtype);
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeDataWrapper) content = NULL;

  /* The UTF-8 bytes as they are: g_mime_text_part_set_text() would
   * convert them to the "best" charset (ISO-8859-1 for most European
   * text), which the utf-8 label would then misname. Quoted-printable
   * keeps every line short and 7-bit whatever the text holds. */
  stream = g_mime_stream_mem_new_with_buffer (text, strlen (text));
  content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (GMIME_PART (part), content);
  g_mime_text_part_set_charset (part, "utf-8");
  g_mime_part_set_content_encoding (GMIME_PART (part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

  return GMIME_OBJECT (part);
}

static GMimeObject *
pdf_part (const char *filename,
          GBytes     *pdf)
{
  GMimePart *part = g_mime_part_new_with_type ("application", "pdf");
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeDataWrapper) content = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);

  stream = g_mime_stream_mem_new_with_buffer ((const char *) data, size);
  content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (part, content);
  g_mime_object_set_disposition (GMIME_OBJECT (part), GMIME_DISPOSITION_ATTACHMENT);
  g_mime_part_set_filename (part, filename);
  g_mime_part_set_content_encoding (part, GMIME_CONTENT_ENCODING_BASE64);

  return GMIME_OBJECT (part);
}

static void
od_mail_message_finalize (GObject *object)
{
  OdMailMessage *self = OD_MAIL_MESSAGE (object);

  g_free (self->from_name);
  g_free (self->from_address);
  g_free (self->to_name);
  g_free (self->to_address);
  g_free (self->reply_to_name);
  g_free (self->reply_to_address);
  g_free (self->subject);
  g_free (self->text);
  g_free (self->html);
  g_free (self->filename);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self->key);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (od_mail_message_parent_class)->finalize (object);
}

static void
od_mail_message_class_init (OdMailMessageClass *klass)
{
  static GOnce gmime_once = G_ONCE_INIT;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = od_mail_message_finalize;

  g_once (&gmime_once, init_gmime, NULL);
}

static void
od_mail_message_init (OdMailMessage *self)
{
}

OdMailMessage *
od_mail_message_new (void)
{
  return g_object_new (OD_TYPE_MAIL_MESSAGE, NULL);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
od_mail_message_set_from (OdMailMessage *self,
                          const char    *name,
                          const char    *address)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));

  replace (&self->from_name, name);
  g_free (self->from_address);
  self->from_address = normalize_address (address);
}

void
od_mail_message_set_to (OdMailMessage *self,
                        const char    *name,
                        const char    *address)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));

  replace (&self->to_name, name);
  g_free (self->to_address);
  self->to_address = normalize_address (address);
}

void
od_mail_message_set_reply_to (OdMailMessage *self,
                              const char    *name,
                              const char    *address)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));

  replace (&self->reply_to_name, name);
  g_free (self->reply_to_address);
  self->reply_to_address = normalize_address (address);
}

void
od_mail_message_set_subject (OdMailMessage *self,
                             const char    *subject)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));
  replace (&self->subject, subject);
}

void
od_mail_message_set_text_body (OdMailMessage *self,
                               const char    *text)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));
  replace (&self->text, text);
}

void
od_mail_message_set_html_body (OdMailMessage *self,
                               const char    *html)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));
  replace (&self->html, html);
}

void
od_mail_message_set_attachment (OdMailMessage *self,
                                const char    *filename,
                                GBytes        *pdf)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));

  replace (&self->filename, pdf != NULL ? filename : NULL);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  if (pdf != NULL)
    self->pdf = g_bytes_ref (pdf);
}

void
od_mail_message_set_idempotency_key (OdMailMessage *self,
                                     const char    *key)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));
  replace (&self->key, key);
}

void
od_mail_message_set_date (OdMailMessage *self,
                          GDateTime     *date)
{
  g_return_if_fail (OD_IS_MAIL_MESSAGE (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

const char *
od_mail_message_get_from_address (OdMailMessage *self)
{
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);
  return self->from_address;
}

const char *
od_mail_message_get_to_address (OdMailMessage *self)
{
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);
  return self->to_address;
}

const char *
od_mail_message_get_subject (OdMailMessage *self)
{
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);
  return self->subject;
}

const char *
od_mail_message_get_idempotency_key (OdMailMessage *self)
{
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);
  return self->key;
}

char *
od_mail_message_dup_message_id (OdMailMessage *self)
{
  g_autofree char *digest = NULL;
  g_autofree char *domain = NULL;

  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);

  if (self->key == NULL || self->from_address == NULL)
    return NULL;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->key, -1);
  domain = g_ascii_strdown (address_domain (self->from_address), -1);

  return g_strdup_printf ("%.32s@%s", digest, domain);
}

gboolean
od_mail_message_validate (OdMailMessage  *self,
                          GError        **error)
{
  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), FALSE);

  if (!check_header_text (self->from_name, _("sender name"), error) ||
      !check_address (self->from_address, _("sender address"), error) ||
      !check_header_text (self->to_name, _("recipient name"), error) ||
      !check_address (self->to_address, _("recipient address"), error) ||
      !check_header_text (self->reply_to_name, _("reply-to name"), error) ||
      (self->reply_to_address != NULL &&
       !check_address (self->reply_to_address, _("reply-to address"), error)) ||
      !check_header_text (self->subject, _("subject"), error) ||
      !check_header_text (self->filename, _("attachment’s file name"), error))
    return FALSE;

  if (self->subject == NULL || *self->subject == '\0')
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_MISSING,
                   _("The message has no subject"));
      return FALSE;
    }
  if (self->text == NULL || self->html == NULL ||
      !g_utf8_validate (self->text, -1, NULL) || !g_utf8_validate (self->html, -1, NULL))
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_MISSING,
                   _("The message needs both a plain-text and an HTML body in UTF-8"));
      return FALSE;
    }
  if (self->key == NULL || *self->key == '\0')
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_MISSING,
                   _("The message has no idempotency key to derive its Message-ID from"));
      return FALSE;
    }
  if (self->pdf != NULL &&
      (self->filename == NULL || *self->filename == '\0' ||
       strpbrk (self->filename, "/\\") != NULL))
    {
      g_set_error (error, OD_MAIL_ERROR, OD_MAIL_ERROR_INVALID_HEADER,
                   _("The attachment needs a file name without a folder"));
      return FALSE;
    }

  return TRUE;
}

GBytes *
od_mail_message_to_bytes (OdMailMessage  *self,
                          GError        **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeMultipart) alternative = NULL;
  g_autoptr(GMimeObject) text = NULL;
  g_autoptr(GMimeObject) html = NULL;
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *message_id = NULL;
  GMimeFormatOptions *options;
  GByteArray *array;

  g_return_val_if_fail (OD_IS_MAIL_MESSAGE (self), NULL);

  if (!od_mail_message_validate (self, error))
    return NULL;

  message = g_mime_message_new (TRUE);
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM,
                              self->from_name, self->from_address);
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO,
                              self->to_name, self->to_address);
  if (self->reply_to_address != NULL)
    g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_REPLY_TO,
                                self->reply_to_name, self->reply_to_address);
  else
    g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_REPLY_TO,
                                self->from_name, self->from_address);
  g_mime_message_set_subject (message, self->subject, "utf-8");

  if (self->date == NULL)
    now = g_date_time_new_now_local ();
  g_mime_message_set_date (message, self->date != NULL ? self->date : now);

  message_id = od_mail_message_dup_message_id (self);
  g_mime_message_set_message_id (message, message_id);

  alternative = g_mime_multipart_new_with_subtype ("alternative");
  text = text_part ("plain", self->text);
  html = text_part ("html", self->html);
  g_mime_multipart_add (alternative, text);
  g_mime_multipart_add (alternative, html);

  if (self->pdf != NULL)
    {
      g_autoptr(GMimeMultipart) mixed = g_mime_multipart_new_with_subtype ("mixed");
      g_autoptr(GMimeObject) attachment = pdf_part (self->filename, self->pdf);

      g_mime_multipart_add (mixed, GMIME_OBJECT (alternative));
      g_mime_multipart_add (mixed, attachment);
      g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
    }
  else
    g_mime_message_set_mime_part (message, GMIME_OBJECT (alternative));

  options = g_mime_format_options_clone (NULL);
  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  stream = g_mime_stream_mem_new ();
  if (g_mime_object_write_to_stream (GMIME_OBJECT (message), options, stream) < 0)
    {
      g_mime_format_options_free (options);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not compose the message"));
      return NULL;
    }
  g_mime_format_options_free (options);

  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return g_bytes_new (array->data, array->len);
}

gboolean
od_mail_address_is_valid (const char *address)
{
  const char *at;
  g_autofree char *ascii = NULL;

  if (address == NULL || !g_utf8_validate (address, -1, NULL))
    return FALSE;

  at = strrchr (address, '@');
  if (at == NULL || strlen (address) > 254)
    return FALSE;

  if (!local_part_is_valid (address, at - address))
    return FALSE;

  ascii = g_str_is_ascii (at + 1) ? g_strdup (at + 1) : g_hostname_to_ascii (at + 1);
  return ascii != NULL && domain_is_valid (ascii);
}
