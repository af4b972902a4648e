/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gi18n-lib.h>

#include "od-csv-reader.h"

#define BUFFER_SIZE      (64 * 1024)
#define MAX_FIELD_SIZE   ((gsize) 64 * 1024 * 1024)
#define CANCEL_INTERVAL  4096

/*
 * The record being read is kept in one growing buffer: each field is
 * appended followed by a NUL, and only when the record is complete are the
 * field pointers set, so reading a record allocates nothing once the
 * buffers have grown to the largest record seen.
 */
struct _OdCsvReader
{
  GInputStream *stream;
  guint8       *buf;
  gsize         buf_pos;
  gsize         buf_len;
  guint64       buf_offset;     /* stream offset of buf[0] */

  guint         line;           /* physical line at buf_pos, 1-based */
  guint         column;         /* character column at buf_pos, 1-based */

  GString      *record;
  GArray       *starts;         /* gsize offsets of fields in @record */
  GPtrArray    *fields;

  guint         n_records;
  guint         started : 1;
  guint         eof : 1;
  guint         failed : 1;
};

/* Bytes that end a run of ordinary field text. */
static const guint8 special[256] = {
  ['"'] = 1, [','] = 1, ['\r'] = 1, ['\n'] = 1,
};

G_DEFINE_QUARK (od-csv-error-quark, od_csv_error)

OdCsvReader *
od_csv_reader_new (GInputStream *stream)
{
  OdCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (OdCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf = g_malloc (BUFFER_SIZE);
  self->line = 1;
  self->column = 1;
  self->record = g_string_sized_new (1024);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  self->fields = g_ptr_array_sized_new (16);

  return self;
}

void
od_csv_reader_free (OdCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_free (self->buf);
  g_string_free (self->record, TRUE);
  g_array_unref (self->starts);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

guint64
od_csv_reader_get_offset (OdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->buf_offset + self->buf_pos;
}

/* Makes at least one byte available unless the stream has ended.
 * Returns FALSE on a read error only. */
static gboolean
fill (OdCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  g_assert (self->buf_pos == self->buf_len);

  if (self->eof)
    return TRUE;

  self->buf_offset += self->buf_len;
  self->buf_pos = 0;
  self->buf_len = 0;

  n = g_input_stream_read (self->stream, self->buf, BUFFER_SIZE,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->buf_len = n;

  return TRUE;
}

/* Skips a UTF-8 byte order mark, which may arrive split over reads. */
static gboolean
skip_bom (OdCsvReader   *self,
          GCancellable  *cancellable,
          GError       **error)
{
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };

  while (self->buf_len < sizeof bom && !self->eof)
    {
      gssize n = g_input_stream_read (self->stream,
                                      self->buf + self->buf_len,
                                      BUFFER_SIZE - self->buf_len,
                                      cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        self->eof = TRUE;
      self->buf_len += n;

      if (memcmp (self->buf, bom, MIN (self->buf_len, sizeof bom)) != 0)
        return TRUE;
    }

  if (self->buf_len >= sizeof bom && memcmp (self->buf, bom, sizeof bom) == 0)
    self->buf_pos = sizeof bom;

  return TRUE;
}

/* Returns the next byte without consuming it, -1 at the end, -2 on error. */
static inline int
peek (OdCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  if (G_UNLIKELY (self->buf_pos == self->buf_len))
    {
      if (!fill (self, cancellable, error))
        return -2;
      if (self->buf_pos == self->buf_len)
        return -1;
    }

  return self->buf[self->buf_pos];
}

static inline void
new_line (OdCsvReader *self)
{
  self->line++;
  self->column = 1;
}

static gboolean
set_syntax_error (OdCsvReader  *self,
                  GError      **error,
                  const char   *reason)
{
  g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_SYNTAX,
               /* Translators: the last %s says what is wrong */
               _("line %u, column %u: %s"),
               self->line, self->column, reason);
  return FALSE;
}

/* Appends the run of ordinary bytes at the read position to the record;
 * stops at a special byte or at the end of the buffer. */
static inline gboolean
append_run (OdCsvReader  *self,
            gsize         field_start,
            guint         field_line,
            GError      **error)
{
  const guint8 *p = self->buf + self->buf_pos;
  const guint8 *end = self->buf + self->buf_len;
  const guint8 *start = p;
  guint continuation = 0;

  while (p < end && !special[*p])
    {
      continuation += (*p & 0xC0) == 0x80;
      p++;
    }

  g_string_append_len (self->record, (const char *) start, p - start);
  self->column += (p - start) - continuation;
  self->buf_pos = p - self->buf;

  if (G_UNLIKELY (self->record->len - field_start > MAX_FIELD_SIZE))
    {
      g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE,
                   _("line %u: a field is larger than %u MiB; split it or shorten it"),
                   field_line, (guint) (MAX_FIELD_SIZE / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

/* Reads a quoted field; the opening quote has been consumed. Leaves the
 * position after the closing quote. */
static gboolean
read_quoted (OdCsvReader   *self,
             gsize          field_start,
             GCancellable  *cancellable,
             GError       **error)
{
  guint field_line = self->line;

  for (;;)
    {
      int c = peek (self, cancellable, error);

      switch (c)
        {
        case -2:
          return FALSE;

        case -1:
          g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_SYNTAX,
                       _("line %u: the quoted field that starts here is never closed; add the closing quote"),
                       field_line);
          return FALSE;

        case '"':
          self->buf_pos++;
          self->column++;
          c = peek (self, cancellable, error);
          if (c == -2)
            return FALSE;
          if (c != '"')
            return TRUE;
          g_string_append_c (self->record, '"');
          self->buf_pos++;
          self->column++;
          break;

        case '\r':
          g_string_append_c (self->record, '\r');
          self->buf_pos++;
          c = peek (self, cancellable, error);
          if (c == -2)
            return FALSE;
          if (c == '\n')
            {
              g_string_append_c (self->record, '\n');
              self->buf_pos++;
            }
          new_line (self);
          break;

        case '\n':
          g_string_append_c (self->record, '\n');
          self->buf_pos++;
          new_line (self);
          break;

        default:
          if (!append_run (self, field_start, field_line, error))
            return FALSE;
          /* A quote or comma ends a run but is field text here. */
          if (self->buf_pos < self->buf_len && self->buf[self->buf_pos] == ',')
            {
              g_string_append_c (self->record, ',');
              self->buf_pos++;
              self->column++;
            }
          break;
        }
    }
}

/* Consumes a line end (CR, LF or CRLF) at the read position. */
static gboolean
consume_line_end (OdCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  int c = peek (self, cancellable, error);

  if (c == -2)
    return FALSE;
  if (c == '\r')
    {
      self->buf_pos++;
      c = peek (self, cancellable, error);
      if (c == -2)
        return FALSE;
      if (c == '\n')
        self->buf_pos++;
      new_line (self);
    }
  else if (c == '\n')
    {
      self->buf_pos++;
      new_line (self);
    }

  return TRUE;
}

static gboolean
check_encoding (OdCsvReader  *self,
                guint         record_line,
                GError      **error)
{
  const char *str = self->record->str;

  for (guint i = 0; i < self->starts->len; i++)
    {
      gsize start = g_array_index (self->starts, gsize, i);
      gsize end = (i + 1 < self->starts->len)
                  ? g_array_index (self->starts, gsize, i + 1) - 1
                  : self->record->len - 1;
      const char *bad = NULL;

      if (!g_utf8_validate_len (str + start, end - start, &bad))
        {
          guint line = record_line;

          /* Only quoted fields hold line breaks, kept as they were. */
          for (const char *p = str; p < bad; p++)
            {
              if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                line++;
            }

          g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_ENCODING,
                       _("line %u: the text is not valid UTF-8; save the file as UTF-8"),
                       line);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_record (OdCsvReader   *self,
             guint         *line,
             GCancellable  *cancellable,
             GError       **error)
{
  int c;

  /* Blank lines between records are skipped. */
  for (;;)
    {
      c = peek (self, cancellable, error);
      if (c == -2)
        return FALSE;
      if (c == -1)
        return FALSE;
      if (c != '\r' && c != '\n')
        break;
      if (!consume_line_end (self, cancellable, error))
        return FALSE;
    }

  *line = self->line;
  g_string_truncate (self->record, 0);
  g_array_set_size (self->starts, 0);

  for (;;)
    {
      gsize field_start = self->record->len;

      g_array_append_val (self->starts, field_start);

      c = peek (self, cancellable, error);
      if (c == -2)
        return FALSE;

      if (c == '"')
        {
          self->buf_pos++;
          self->column++;
          if (!read_quoted (self, field_start, cancellable, error))
            return FALSE;
          c = peek (self, cancellable, error);
          if (c == -2)
            return FALSE;
          if (c != ',' && c != '\r' && c != '\n' && c != -1)
            return set_syntax_error (self, error,
                                     _("text after the closing quote; a quoted field must end at a comma or at the end of the line"));
        }
      else
        {
          for (;;)
            {
              if (!append_run (self, field_start, *line, error))
                return FALSE;
              c = peek (self, cancellable, error);
              if (c == -2)
                return FALSE;
              if (c == '"')
                return set_syntax_error (self, error,
                                         _("a quote inside an unquoted field; put the whole field in quotes and double the quotes inside it"));
              if (c == ',' || c == '\r' || c == '\n' || c == -1)
                break;
            }
        }

      g_string_append_c (self->record, '\0');

      if (c == ',')
        {
          self->buf_pos++;
          self->column++;
          continue;
        }

      if (!consume_line_end (self, cancellable, error))
        return FALSE;
      break;
    }

  /* The record's text is only ever appended to, so the pointers are set
   * once it is complete. */
  g_ptr_array_set_size (self->fields, self->starts->len);
  for (guint i = 0; i < self->starts->len; i++)
    self->fields->pdata[i] = self->record->str + g_array_index (self->starts, gsize, i);

  return check_encoding (self, *line, error);
}

gboolean
od_csv_reader_next (OdCsvReader   *self,
                    GPtrArray    **fields,
                    guint         *line,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GError *local_error = NULL;
  guint record_line = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failed)
    return FALSE;

  if (++self->n_records % CANCEL_INTERVAL == 0 &&
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      self->failed = TRUE;
      return FALSE;
    }

  if (!self->started)
    {
      self->started = TRUE;
      if (!skip_bom (self, cancellable, error))
        {
          self->failed = TRUE;
          return FALSE;
        }
    }

  if (!read_record (self, &record_line, cancellable, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          self->failed = TRUE;
        }
      return FALSE;
    }

  if (fields != NULL)
    *fields = self->fields;
  if (line != NULL)
    *line = record_line;

  return TRUE;
}
