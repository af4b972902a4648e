/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "od-cli.h"
#include "od-template.h"

#define USAGE "overdue-cli [--db PATH] template list [NAME] | export NAME [FILE] | import NAME FILE | reset NAME  [--part PART] [--language LANG]"

static char *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  char *data = NULL;
  gsize length;

  if (!g_str_equal (path, "-"))
    return g_file_get_contents (path, &data, NULL, error) ? data : NULL;

  input = g_unix_input_stream_new (0, FALSE);
  output = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  data = g_malloc (length + 1);
  memcpy (data, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)), length);
  data[length] = '\0';
  return data;
}

/* --part, else the extension of FILE ("first-reminder.html"). */
static gboolean
resolve_part (OdCli          *cli,
              const char     *option,
              const char     *path,
              OdTemplatePart *out,
              int            *exit_code)
{
  const char *dot;

  if (option != NULL)
    {
      if (od_template_part_from_string (option, out))
        return TRUE;
      *exit_code = od_cli_usage (cli, USAGE, _("--part is one of subject, text, html, sms, letter"));
      return FALSE;
    }
  dot = path != NULL ? strrchr (path, '.') : NULL;
  if (dot != NULL && od_template_part_from_string (dot + 1, out))
    return TRUE;
  *exit_code = od_cli_usage (cli, USAGE, _("name the part with --part (subject, text, html, sms or letter)"));
  return FALSE;
}

static int
template_list (OdCli      *cli,
               OdStore    *store,
               const char *name,
               const char *language)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  entries = od_store_list_templates (store, &error);
  if (entries == NULL)
    return od_cli_fail (cli, error);

  for (guint i = 0; i < entries->len; i++)
    {
      OdTemplateEntry *entry = g_ptr_array_index (entries, i);

      if ((name != NULL && !g_str_equal (entry->name, name)) ||
          (language != NULL && !g_str_equal (entry->language, language)))
        continue;
      g_print ("%-18s %-6s %-8s %s\n", entry->name, entry->language,
               od_template_part_to_string (entry->part),
               entry->is_default ? _("default") : _("customised"));
      shown++;
    }

  if (shown == 0 && name != NULL)
    {
      g_printerr (_("%s: there is no template “%s”\n"), cli->program, name);
      return OD_EXIT_DATA;
    }
  return OD_EXIT_OK;
}

static int
template_export (OdCli          *cli,
                 OdStore        *store,
                 const char     *name,
                 OdTemplatePart  part,
                 const char     *language,
                 const char     *path)
{
  g_autoptr(OdTemplateEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = od_store_get_template (store, name, part, language, &error);
  if (entry == NULL)
    {
      g_printerr ("%s: %s\n", cli->program, error->message);
      return g_error_matches (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND)
             ? OD_EXIT_DATA : od_cli_exit_for_error (error);
    }

  if (path == NULL || g_str_equal (path, "-"))
    {
      fputs (entry->body, stdout);
      return OD_EXIT_OK;
    }
  if (!g_file_set_contents (path, entry->body, -1, &error))
    return od_cli_fail (cli, error);
  return OD_EXIT_OK;
}

static int
template_import (OdCli          *cli,
                 OdStore        *store,
                 const char     *name,
                 OdTemplatePart  part,
                 const char     *language,
                 const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  body = read_input (path, &error);
  if (body == NULL)
    {
      g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
      return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
             ? OD_EXIT_FAILURE : OD_EXIT_DATA;
    }

  if (!od_store_set_template (store, name, part, language, body, &error))
    {
      if (error->domain == OD_TEMPLATE_ERROR ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        {
          g_printerr ("%s: %s: %s\n", cli->program, path, error->message);
          return OD_EXIT_DATA;
        }
      return od_cli_fail (cli, error);
    }

  g_print (_("Template “%s (%s)” in “%s” imported\n"),
           name, od_template_part_to_string (part), language);
  return OD_EXIT_OK;
}

/* One part, or (@part_option NULL) every part stored or shipped. */
static int
template_reset (OdCli      *cli,
                OdStore    *store,
                const char *name,
                const char *part_option,
                const char *language)
{
  guint done = 0;

  for (OdTemplatePart part = OD_TEMPLATE_PART_SUBJECT; part <= OD_TEMPLATE_PART_LETTER; part++)
    {
      g_autoptr(GError) error = NULL;
      OdTemplatePart wanted;

      if (part_option != NULL)
        {
          int exit_code;

          if (!resolve_part (cli, part_option, NULL, &wanted, &exit_code))
            return exit_code;
          if (wanted != part)
            continue;
        }

      if (!od_store_reset_template (store, name, part, language, &error))
        {
          gboolean missing = g_error_matches (error, OD_TEMPLATE_ERROR, OD_TEMPLATE_ERROR_NOT_FOUND);

          if (missing && part_option == NULL)
            continue;
          g_printerr ("%s: %s\n", cli->program, error->message);
          return missing || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
                 ? OD_EXIT_DATA : od_cli_exit_for_error (error);
        }
      g_print (_("Template “%s (%s)” in “%s” reset\n"),
               name, od_template_part_to_string (part), language);
      done++;
    }

  if (done == 0)
    {
      g_printerr (_("%s: there is no template “%s” in “%s”\n"), cli->program, name, language);
      return OD_EXIT_DATA;
    }
  return OD_EXIT_OK;
}

int
od_cli_template (OdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(OdSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *part_option = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "part", 0, 0, G_OPTION_ARG_STRING, &part_option,
      N_("The part: subject, text, html, sms or letter (default: FILE’s extension)"), N_("PART") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language variant, such as de or pt_BR (default: en; export falls back to the business’s, then en)"),
      N_("LANG") },
    G_OPTION_ENTRY_NULL
  };
  OdTemplatePart part = OD_TEMPLATE_PART_TEXT;
  const char *command;
  const char *name;
  int exit_code = OD_EXIT_OK;

  if (!od_cli_parse_options (cli, "list|export|import|reset NAME [FILE]",
                             _("List, export, import or reset the message and letter templates. "
                               "An import is checked first: an unknown tag or an unclosed section "
                               "is refused, naming the line, and nothing changes."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return od_cli_usage (cli, USAGE, NULL);

  command = argv[1];
  name = argc > 2 ? argv[2] : NULL;
  if (g_str_equal (command, "list") ? argc > 3
      : g_str_equal (command, "export") ? (argc < 3 || argc > 4)
      : g_str_equal (command, "import") ? argc != 4
      : g_str_equal (command, "reset") ? argc != 3
      : TRUE)
    {
      if (!g_strv_contains ((const char *[]) { "list", "export", "import", "reset", NULL }, command))
        return od_cli_usage (cli, USAGE, _("say “list”, “export”, “import” or “reset”"));
      return od_cli_usage (cli, USAGE, NULL);
    }

  if ((g_str_equal (command, "export") || g_str_equal (command, "import")) &&
      !resolve_part (cli, part_option, argc > 3 ? argv[3] : NULL, &part, &exit_code))
    return exit_code;

  store = od_cli_open_store (cli, &error);
  if (store == NULL)
    return od_cli_fail (cli, error);

  if (g_str_equal (command, "list"))
    return template_list (cli, OD_STORE (store), name, language);
  if (g_str_equal (command, "export"))
    return template_export (cli, OD_STORE (store), name, part, language, argc > 3 ? argv[3] : NULL);
  if (g_str_equal (command, "import"))
    return template_import (cli, OD_STORE (store), name, part,
                            language != NULL ? language : "en", argv[3]);
  return template_reset (cli, OD_STORE (store), name, part_option,
                         language != NULL ? language : "en");
}
