/* byline-cli-export.c — files out: a draft as ninjs, HTML, text or a draft folder
 *
 * Everything is written to temporary files and renamed into place, pictures
 * first and the page last, so that a failure leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-cli.h"

typedef enum
{
  EXPORT_NINJS,
  EXPORT_HTML,
  EXPORT_TEXT,
  EXPORT_DRAFT,
} ExportFormat;

static const char * const format_names[] = { "ninjs", "html", "text", "draft", NULL };

/* @dest must not exist, or be an empty folder. */
static gboolean
check_draft_dest (GFile       *dest,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) first = NULL;

  children = g_file_enumerate_children (dest, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    {
      if (!g_file_query_exists (dest, NULL))
        return TRUE;
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("%s already exists and is not a folder"), name);
      return FALSE;
    }
  first = g_file_enumerator_next_file (children, NULL, NULL);
  if (first != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("%s already exists and is not empty"), name);
      return FALSE;
    }
  return TRUE;
}

/* draft.json and media/, built in a hidden folder beside @dest and renamed. */
static gboolean
write_draft_folder (BylineCli      *cli,
                    BylineArticle  *article,
                    GFile          *dest,
                    GError        **error)
{
  g_autofree char *name = g_file_get_parse_name (dest);
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *base = g_file_get_basename (dest);
  g_autofree char *template = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFile) draft_json = NULL;
  g_autoptr(GFile) media = NULL;
  g_autoptr(GBytes) json = NULL;

  if (parent == NULL || g_file_peek_path (parent) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("%s: cannot write there"), name);
      return FALSE;
    }
  if (!check_draft_dest (dest, name, error))
    return FALSE;

  template = g_strdup_printf ("%s/.%s.XXXXXX", g_file_peek_path (parent), base);
  if (g_mkdtemp_full (template, 0755) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot create %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  tmp = g_file_new_for_path (template);
  draft_json = g_file_get_child (tmp, "draft.json");
  media = g_file_get_child (tmp, "media");
  json = byline_draft_format_serialize (article);

  if (!byline_file_write_atomically (draft_json, json, error)
      || (byline_article_get_n_images (article) > 0
          && !byline_export_pictures (article, byline_cli_get_store (cli), media, error)))
    {
      byline_file_remove_tree (tmp, NULL);
      return FALSE;
    }
  if (g_rename (template, g_file_peek_path (dest)) != 0)
    {
      int saved_errno = errno;
      byline_file_remove_tree (tmp, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot create %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_format (const char    *arg,
              ExportFormat  *format,
              GError       **error)
{
  if (arg == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("export: --format is required (ninjs, html, text or draft)"));
      return FALSE;
    }
  for (guint i = 0; format_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (arg, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("unknown format “%s”: use ninjs, html, text or draft"), arg);
  return FALSE;
}

static BylineExportFormat
core_format (ExportFormat format)
{
  switch (format)
    {
    case EXPORT_HTML:
      return BYLINE_EXPORT_HTML;
    case EXPORT_TEXT:
      return BYLINE_EXPORT_TEXT;
    case EXPORT_NINJS:
    case EXPORT_DRAFT:
    default:
      return BYLINE_EXPORT_NINJS;
    }
}

static gboolean
print_export_result (BylineArticle  *article,
                     ExportFormat    format,
                     GFile          *output,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_file_get_parse_name (output);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, byline_article_get_id (article));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format_names[format]);
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "pictures");
  json_builder_add_int_value (builder, byline_article_get_n_images (article));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return byline_cli_print_json (root, error);
}

/* Said before anything is read or written, and in fewer words than GIO's. */
static gboolean
check_output_folder (GFile   *output,
                     GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (output);
  g_autofree char *name = g_file_get_parse_name (output);
  g_autofree char *folder = NULL;

  if (parent == NULL || g_file_peek_path (output) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("%s: cannot write there"), name);
      return FALSE;
    }
  if (g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return TRUE;
  folder = g_file_get_parse_name (parent);
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
               _("cannot write %s: there is no folder %s"), name, folder);
  return FALSE;
}

gboolean
byline_cli_export (BylineCli  *cli,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *format_arg = NULL;
  g_autofree char *output_arg = NULL;
  g_autofree char *media_base_arg = NULL;
  g_autofree char *media_base = NULL;
  g_autofree char *display = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) output = NULL;
  ExportFormat format = EXPORT_NINJS;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg,
      N_("ninjs (IPTC ninjs 2.2), html (an HTML5 page), text, or draft (Byline draft)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_arg,
      N_("Write to FILE instead of standard output (a folder for draft)"), N_("FILE") },
    { "media-base", 0, 0, G_OPTION_ARG_FILENAME, &media_base_arg,
      N_("Refer to pictures as PREFIX<sha256>.<ext> and copy none (ninjs and html)"),
      N_("PREFIX") },
    G_OPTION_ENTRY_NULL
  };

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 1, error)
      || !parse_format (format_arg, &format, error))
    return FALSE;
  if (media_base_arg != NULL
      && (media_base = byline_cli_arg_to_utf8 (media_base_arg, "--media-base", error)) == NULL)
    return FALSE;
  if (output_arg != NULL && !g_str_equal (output_arg, "-"))
    output = g_file_new_for_commandline_arg (output_arg);

  if (output != NULL && !check_output_folder (output, error))
    return FALSE;

  article = byline_cli_load_source (cli, argv[1], &display, error);
  if (article == NULL)
    return FALSE;

  if (output != NULL && format == EXPORT_DRAFT)
    {
      if (!write_draft_folder (cli, article, output, error))
        return FALSE;
      return cli->json ? print_export_result (article, format, output, error) : TRUE;
    }

  if (output == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (format == EXPORT_DRAFT)
        bytes = byline_draft_format_serialize (article);
      else
        bytes = byline_export_bytes (article, core_format (format), media_base);
      return byline_cli_write_stdout (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      error);
    }
  if (!byline_export_write (article, byline_cli_get_store (cli), core_format (format),
                            output, media_base, error))
    return FALSE;
  return cli->json ? print_export_result (article, format, output, error) : TRUE;
}
