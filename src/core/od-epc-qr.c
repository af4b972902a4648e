/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "od-business.h"
#include "od-epc-qr.h"

#define QUIET_ZONE 4

/* Keeps at most @max characters of @text on one line. */
static char *
field (const char *text,
       glong       max)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");
  const char *end;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, max);
  return g_strndup (line, end - line);
}

static char *
compact_iban (const char *iban)
{
  GString *out = g_string_new (NULL);

  for (const char *p = iban; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

char *
od_epc_qr_payload (const char  *bic,
                   const char  *name,
                   const char  *iban,
                   gint64       amount_cents,
                   const char  *remittance,
                   GError     **error)
{
  g_autofree char *account = compact_iban (iban);
  g_autofree char *bank = compact_iban (bic);
  g_autofree char *who = field (name, 70);
  g_autofree char *why = field (remittance, 140);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!od_iban_is_valid (account))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The business IBAN “%s” is not valid; no payment code can be made"),
                   iban != NULL ? iban : "");
      return NULL;
    }
  if (amount_cents < 1 || amount_cents > G_GINT64_CONSTANT (99999999999))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A payment code needs an amount between EUR 0.01 and EUR 999999999.99"));
      return NULL;
    }
  if (*who == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A payment code needs the name of the business"));
      return NULL;
    }

  /* Service tag, version, character set (1 = UTF-8), identification,
   * BIC, name, IBAN, amount, purpose, structured reference, unstructured
   * remittance. Trailing empty fields are left out. */
  return g_strdup_printf ("BCD\n002\n1\nSCT\n%s\n%s\n%s\nEUR%" G_GINT64_FORMAT ".%02d\n\n\n%s",
                          bank, who, account,
                          amount_cents / 100, (int) (amount_cents % 100), why);
}

gboolean
od_epc_qr_draw (cairo_t     *cr,
                const char  *payload,
                double       x,
                double       y,
                double       size,
                GError     **error)
{
  QRcode *code;
  double module;
  int width;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);

  code = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the payment QR code: %s"), g_strerror (saved));
      return FALSE;
    }

  width = code->width;
  module = size / (width + 2 * QUIET_ZONE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* One rectangle per run of dark modules in a row: a third of the
   * path a rectangle per module makes, for every invoice an email
   * carries. */
  for (int row = 0; row < width; row++)
    for (int col = 0; col < width;)
      {
        int end = col;

        while (end < width && (code->data[row * width + end] & 1))
          end++;
        if (end > col)
          cairo_rectangle (cr, x + (col + QUIET_ZONE) * module, y + (row + QUIET_ZONE) * module,
                           (end - col) * module, module);
        col = end + 1;
      }
  /* One fill for all modules: no hairline seams between them. */
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
