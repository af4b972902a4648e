/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "od-csv-reader.h"
#include "od-csv-writer.h"

/* Writes @rows (each a NULL-terminated array) and returns the bytes. */
static char *
write_rows (const char * const * const *rows,
            guint                       n_rows)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  OdCsvWriter *writer = od_csv_writer_new (stream);

  for (guint i = 0; i < n_rows; i++)
    {
      od_csv_writer_write_row (writer, rows[i], g_strv_length ((char **) rows[i]),
                               NULL, &error);
      g_assert_no_error (error);
    }
  od_csv_writer_flush (writer, NULL, &error);
  g_assert_no_error (error);
  od_csv_writer_free (writer);

  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static char *
write_row (const char * const *row)
{
  return write_rows (&row, 1);
}

static void
test_quoting (void)
{
  const char *plain[] = { "a", "b c", "", "d", NULL };
  const char *special[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "x", NULL };
  const char *empty[] = { "", NULL };
  const char *utf8[] = { "caf\xc3\xa9", "\xe2\x82\xac" "12", NULL };
  g_autofree char *out1 = write_row (plain);
  g_autofree char *out2 = write_row (special);
  g_autofree char *out3 = write_row (empty);
  g_autofree char *out4 = write_row (utf8);

  g_assert_cmpstr (out1, ==, "a,b c,,d\r\n");
  g_assert_cmpstr (out2, ==, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",x\r\n");
  g_assert_cmpstr (out3, ==, "\"\"\r\n");
  /* UTF-8 without a byte order mark. */
  g_assert_cmpstr (out4, ==, "caf\xc3\xa9,\xe2\x82\xac" "12\r\n");
}

static void
test_neutralise (void)
{
  struct {
    const char *cell;
    const char *expected;
  } cases[] = {
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+1+1", "'+1+1" },
    { "-1+1", "'-1+1" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "\rx", "'\rx" },
    { "-", "'-" },
    { "-12.", "'-12." },
    { "-.5", "'-.5" },
    { "-12.50", "-12.50" },
    { "-7", "-7" },
    { "12.50", "12.50" },
    { "a=b", "a=b" },
    { "", "" },
    { "'quoted", "'quoted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = od_csv_neutralise_cell (cases[i].cell);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_injection_written (void)
{
  const char *row[] = { "=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(1)",
                        "\tt", "\rr", "-12.50", NULL };
  g_autofree char *out = write_row (row);

  g_assert_cmpstr (out, ==,
                   "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2+3,'@SUM(1),'\tt,\"'\rr\",-12.50\r\n");
}

/* What is written reads back as the neutralised cells. */
static void
test_round_trip (void)
{
  const char *row1[] = { "id", "text", "amount", NULL };
  const char *row2[] = { "1", "multi\r\nline, \"quoted\"", "-3.20", NULL };
  const char *row3[] = { "2", "=evil()", "", NULL };
  const char * const *rows[] = { row1, row2, row3 };
  g_autofree char *out = write_rows (rows, G_N_ELEMENTS (rows));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (out, -1, NULL);
  g_autoptr(OdCsvReader) reader = od_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_true (od_csv_reader_next (reader, &fields, &line, NULL, &error));
      g_assert_cmpuint (fields->len, ==, 3);
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *expected = od_csv_neutralise_cell (rows[i][j]);

          g_assert_cmpstr (fields->pdata[j], ==, expected);
        }
    }
  g_assert_cmpuint (line, ==, 4);
  g_assert_false (od_csv_reader_next (reader, &fields, &line, NULL, &error));
  g_assert_no_error (error);
}

static void
test_many_rows (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(OdCsvWriter) writer = od_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n = 200000;
  gsize expected = 0;

  for (guint i = 0; i < n; i++)
    {
      char number[32];
      const char *row[] = { number, "C-42", "2024-01-31", "2024-02-29", "1234.56", "EUR" };

      g_snprintf (number, sizeof number, "INV-%07u", i);
      od_csv_writer_write_row (writer, row, G_N_ELEMENTS (row), NULL, &error);
      g_assert_no_error (error);
      expected += strlen (number) + 41;
    }
  od_csv_writer_flush (writer, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                    ==, expected);
  g_test_message ("%u rows in %.3f s", n,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/od/csv/writer/quoting", test_quoting);
  g_test_add_func ("/od/csv/writer/neutralise", test_neutralise);
  g_test_add_func ("/od/csv/writer/injection-written", test_injection_written);
  g_test_add_func ("/od/csv/writer/round-trip", test_round_trip);
  g_test_add_func ("/od/csv/writer/many-rows", test_many_rows);

  return g_test_run ();
}
