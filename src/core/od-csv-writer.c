/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-csv-writer.h"

#define FLUSH_THRESHOLD (64 * 1024)

struct _OdCsvWriter
{
  GOutputStream *stream;
  GString       *buf;
};

OdCsvWriter *
od_csv_writer_new (GOutputStream *stream)
{
  OdCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (OdCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buf = g_string_sized_new (FLUSH_THRESHOLD + 4096);

  return self;
}

static gboolean
write_buffer (OdCsvWriter   *self,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean ok = TRUE;

  if (self->buf->len > 0)
    ok = g_output_stream_write_all (self->stream, self->buf->str,
                                    self->buf->len, NULL,
                                    cancellable, error);
  g_string_truncate (self->buf, 0);

  return ok;
}

/* Writes out what is still buffered, as a closing stream would; errors
 * are only reported through od_csv_writer_flush(). */
void
od_csv_writer_free (OdCsvWriter *self)
{
  if (self == NULL)
    return;

  if (!g_output_stream_is_closed (self->stream))
    write_buffer (self, NULL, NULL);
  g_clear_object (&self->stream);
  g_string_free (self->buf, TRUE);
  g_free (self);
}

/* ^-?[0-9]+(\.[0-9]+)?$ */
static gboolean
is_plain_decimal (const char *s)
{
  const char *p = s;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
needs_apostrophe (const char *cell)
{
  switch (cell[0])
    {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '-':
      return !is_plain_decimal (cell);
    default:
      return FALSE;
    }
}

char *
od_csv_neutralise_cell (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");

  if (needs_apostrophe (cell))
    return g_strconcat ("'", cell, NULL);

  return g_strdup (cell);
}

static void
append_cell (GString    *buf,
             const char *cell)
{
  gboolean apostrophe = needs_apostrophe (cell);
  gsize len = strcspn (cell, ",\"\r\n");

  if (cell[len] == '\0')
    {
      if (apostrophe)
        g_string_append_c (buf, '\'');
      g_string_append_len (buf, cell, len);
      return;
    }

  g_string_append_c (buf, '"');
  if (apostrophe)
    g_string_append_c (buf, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buf, '"');
      g_string_append_c (buf, *p);
    }
  g_string_append_c (buf, '"');
}

gboolean
od_csv_writer_write_row (OdCsvWriter         *self,
                         const char * const  *cells,
                         guint                n_cells,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->buf, ',');
      if (cells[i] != NULL)
        append_cell (self->buf, cells[i]);
    }
  /* A lone empty cell would make a blank line, which readers skip. */
  if (n_cells == 1 && (cells[0] == NULL || cells[0][0] == '\0'))
    g_string_append_len (self->buf, "\"\"", 2);
  g_string_append_len (self->buf, "\r\n", 2);

  if (self->buf->len >= FLUSH_THRESHOLD)
    return write_buffer (self, cancellable, error);

  return TRUE;
}

gboolean
od_csv_writer_flush (OdCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_buffer (self, cancellable, error))
    return FALSE;

  return g_output_stream_flush (self->stream, cancellable, error);
}
