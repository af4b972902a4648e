/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-csv-reader.h"

/* A stream that hands out its data a few bytes per read (1 by default),
 * or an endless run of one byte, to prove that nothing depends on how
 * reads fall. */
#define OD_TYPE_TRICKLE_STREAM (od_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (OdTrickleStream, od_trickle_stream, OD, TRICKLE_STREAM, GInputStream)

struct _OdTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *data;
  gsize         pos;
  gsize         chunk;
  guint64       repeat;  /* >0: this many copies of data[0] instead */
};

G_DEFINE_FINAL_TYPE (OdTrickleStream, od_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
od_trickle_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  OdTrickleStream *self = OD_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->data, &size);
  gsize n;

  if (self->repeat > 0)
    {
      n = MIN (count, self->repeat - self->pos);
      memset (buffer, data[0], n);
    }
  else
    {
      n = MIN (MIN (count, self->chunk), size - self->pos);
      memcpy (buffer, data + self->pos, n);
    }
  self->pos += n;

  return n;
}

static void
od_trickle_stream_finalize (GObject *object)
{
  OdTrickleStream *self = OD_TRICKLE_STREAM (object);

  g_bytes_unref (self->data);
  G_OBJECT_CLASS (od_trickle_stream_parent_class)->finalize (object);
}

static void
od_trickle_stream_class_init (OdTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = od_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = od_trickle_stream_read;
}

static void
od_trickle_stream_init (OdTrickleStream *self)
{
  self->chunk = 1;
}

static GInputStream *
trickle_new (const char *data,
             gsize       len,
             gsize       chunk,
             guint64     repeat)
{
  OdTrickleStream *self = g_object_new (OD_TYPE_TRICKLE_STREAM, NULL);

  self->data = g_bytes_new (data, len);
  self->chunk = chunk;
  self->repeat = repeat;
  return G_INPUT_STREAM (self);
}

/* Reads every record of @input and describes them, one per line:
 * "LINE:field|field|..." with fields escaped. */
static char *
dump_stream (GInputStream  *stream,
             GError       **error)
{
  g_autoptr(OdCsvReader) reader = od_csv_reader_new (stream);
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *fields;
  guint line;

  while (od_csv_reader_next (reader, &fields, &line, NULL, error))
    {
      g_string_append_printf (out, "%u:", line);
      for (guint i = 0; i < fields->len; i++)
        {
          g_autofree char *escaped = g_strescape (fields->pdata[i], NULL);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, escaped);
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Dumps @input read whole, in 1-byte reads and in 7-byte reads, checks
 * that all three agree (results and errors alike) and returns the dump. */
static char *
dump_len (const char  *input,
          gsize        len,
          GError     **error)
{
  g_autoptr(GInputStream) whole = g_memory_input_stream_new_from_data (input, len, NULL);
  g_autoptr(GError) one_error = NULL;
  g_autoptr(GError) seven_error = NULL;
  g_autofree char *result = dump_stream (whole, error);
  gsize chunks[] = { 1, 7 };
  GError **errors[] = { &one_error, &seven_error };

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(GInputStream) stream = trickle_new (input, len, chunks[i], 0);
      g_autofree char *other = dump_stream (stream, errors[i]);

      g_assert_cmpstr (result, ==, other);
      if (error != NULL && *error != NULL)
        {
          g_assert_nonnull (*errors[i]);
          g_assert_cmpint ((*errors[i])->code, ==, (*error)->code);
          g_assert_cmpstr ((*errors[i])->message, ==, (*error)->message);
        }
      else
        g_assert_null (*errors[i]);
    }

  return g_steal_pointer (&result);
}

static char *
dump (const char  *input,
      GError     **error)
{
  return dump_len (input, strlen (input), error);
}

static void
assert_dump (const char *input,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = dump (input, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, expected);
}

static void
assert_error (const char *input,
              int         code,
              const char *message_start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = dump (input, &error);

  g_assert_null (result);
  g_assert_error (error, OD_CSV_ERROR, code);
  if (!g_str_has_prefix (error->message, message_start))
    g_error ("“%s” does not start with “%s”", error->message, message_start);
}

static void
test_simple (void)
{
  assert_dump ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
  assert_dump ("", "");
  assert_dump ("single", "1:single\n");
  assert_dump ("caf\xc3\xa9,\xe2\x82\xac\n", "1:caf\\303\\251|\\342\\202\\254\n");
}

static void
test_bom (void)
{
  assert_dump ("\xef\xbb\xbf" "a,b\n", "1:a|b\n");
  assert_dump ("\xef\xbb\xbf", "");
  /* Only at the start. */
  assert_dump ("a\n\xef\xbb\xbf" "b\n", "1:a\n2:\\357\\273\\277b\n");
  /* Something that only begins like a BOM is text. */
  assert_error ("\xef\xbb", OD_CSV_ERROR_ENCODING, "line 1: ");
}

static void
test_line_ends (void)
{
  assert_dump ("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
  assert_dump ("a,b\rc,d\re", "1:a|b\n2:c|d\n3:e\n");
  assert_dump ("a\r\nb\nc\rd", "1:a\n2:b\n3:c\n4:d\n");
}

static void
test_no_final_newline (void)
{
  assert_dump ("a,b\nc,d", "1:a|b\n2:c|d\n");
  assert_dump ("a,\"b\"", "1:a|b\n");
  assert_dump ("a,", "1:a|\n");
}

static void
test_empty_fields (void)
{
  assert_dump ("a,b,\n", "1:a|b|\n");
  assert_dump (",,\n", "1:||\n");
  assert_dump ("\"\"\n", "1:\n");
  assert_dump ("a,\"\",c\n", "1:a||c\n");
}

static void
test_blank_lines (void)
{
  assert_dump ("\n\na\n\r\n\rb\n\n", "3:a\n6:b\n");
}

static void
test_quoted (void)
{
  assert_dump ("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n",
               "1:a,b|say \\\"hi\\\"|\\\"\n");
  /* Line breaks inside quotes: the record's line is where it starts and
   * later records still report their physical lines. */
  assert_dump ("h1,h2\n\"multi\nline\",x\n\"cr\rlf\r\nend\",y\nlast,z\n",
               "1:h1|h2\n2:multi\\nline|x\n4:cr\\rlf\\r\\nend|y\n7:last|z\n");
  assert_dump ("\"\n\n\n\"\nnext\n", "1:\\n\\n\\n\n5:next\n");
}

static void
test_syntax_errors (void)
{
  assert_error ("a,b\nc,d\"e\n", OD_CSV_ERROR_SYNTAX, "line 2, column 4: ");
  assert_error ("\"ab\"c,d\n", OD_CSV_ERROR_SYNTAX, "line 1, column 5: ");
  assert_error ("x\n\"a\nb\"  ,c\n", OD_CSV_ERROR_SYNTAX, "line 3, column 3: ");
  /* Columns count characters, not bytes. */
  assert_error ("\xc3\xa9\xc3\xa9\"\n", OD_CSV_ERROR_SYNTAX, "line 1, column 3: ");
  assert_error ("a\n\"b,\nc\nd\n", OD_CSV_ERROR_SYNTAX, "line 2: ");
  assert_error ("a\nb,\"", OD_CSV_ERROR_SYNTAX, "line 2: ");
}

static void
test_encoding (void)
{
  assert_error ("a\nb\xff,c\n", OD_CSV_ERROR_ENCODING, "line 2: ");
  assert_error ("a\n\"x\ny\n\xc3\",c\n", OD_CSV_ERROR_ENCODING, "line 4: ");
  assert_error ("a\n\"x\r\ny\r\xc3\",c\n", OD_CSV_ERROR_ENCODING, "line 4: ");
}

static void
test_nul_byte (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = dump_len ("a\nb\0c\n", 6, &error);

  g_assert_null (result);
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_ENCODING);
}

static void
test_large_field (void)
{
  gsize size = 10 * 1000 * 1000;
  g_autoptr(GString) input = g_string_sized_new (size + 32);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(OdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  g_string_append (input, "a,\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (input, i % 1000 == 999 ? '\n' : 'x');
  g_string_append (input, "\",b\nc\n");

  stream = g_memory_input_stream_new_from_data (input->str, input->len, NULL);
  reader = od_csv_reader_new (stream);

  g_assert_true (od_csv_reader_next (reader, &fields, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpuint (strlen (fields->pdata[1]), ==, size);
  g_assert_cmpstr (fields->pdata[2], ==, "b");

  g_assert_true (od_csv_reader_next (reader, &fields, &line, NULL, &error));
  g_assert_cmpuint (line, ==, 1 + size / 1000 + 1);
  g_assert_cmpstr (fields->pdata[0], ==, "c");

  g_assert_false (od_csv_reader_next (reader, &fields, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (od_csv_reader_get_offset (reader), ==, input->len);
}

static void
test_too_large (void)
{
  g_autoptr(GInputStream) stream = trickle_new ("z", 1, 0, (guint64) 65 * 1024 * 1024);
  g_autoptr(OdCsvReader) reader = od_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  g_assert_false (od_csv_reader_next (reader, &fields, &line, NULL, &error));
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "line 1: "));
}

static void
test_offset_and_cancel (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(OdCsvReader) reader = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;
  guint n = 0;
  guint64 last = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (input, "row%u,%u\n", i, i * 7);

  stream = g_memory_input_stream_new_from_data (input->str, input->len, NULL);
  reader = od_csv_reader_new (stream);
  while (od_csv_reader_next (reader, &fields, &line, cancellable, &error))
    {
      guint64 offset = od_csv_reader_get_offset (reader);

      g_assert_cmpuint (offset, >=, last);
      last = offset;
      g_assert_cmpuint (line, ==, ++n);
      if (n == 10000)
        g_cancellable_cancel (cancellable);
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, <, 20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/csv/reader/simple", test_simple);
  g_test_add_func ("/od/csv/reader/bom", test_bom);
  g_test_add_func ("/od/csv/reader/line-ends", test_line_ends);
  g_test_add_func ("/od/csv/reader/no-final-newline", test_no_final_newline);
  g_test_add_func ("/od/csv/reader/empty-fields", test_empty_fields);
  g_test_add_func ("/od/csv/reader/blank-lines", test_blank_lines);
  g_test_add_func ("/od/csv/reader/quoted", test_quoted);
  g_test_add_func ("/od/csv/reader/syntax-errors", test_syntax_errors);
  g_test_add_func ("/od/csv/reader/encoding", test_encoding);
  g_test_add_func ("/od/csv/reader/nul-byte", test_nul_byte);
  g_test_add_func ("/od/csv/reader/large-field", test_large_field);
  g_test_add_func ("/od/csv/reader/too-large", test_too_large);
  g_test_add_func ("/od/csv/reader/offset-and-cancel", test_offset_and_cancel);

  return g_test_run ();
}
