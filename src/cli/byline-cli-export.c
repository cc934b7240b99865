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

/* Where the bytes of @image are: set by the store or the importer, else in
 * the store's draft folder. */
static GFile *
image_source (BylineCli     *cli,
              BylineArticle *article,
              BylineImage   *image)
{
  GFile *file = byline_image_get_file (image);
  BylineDraftStore *store = byline_cli_get_store (cli);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *media_path = NULL;

  if (file != NULL)
    return g_object_ref (file);
  if (!byline_draft_store_contains (store, byline_article_get_id (article)))
    return NULL;
  folder = byline_draft_store_get_draft_folder (store, byline_article_get_id (article));
  media_path = byline_image_dup_media_path (image);
  return g_file_resolve_relative_path (folder, media_path);
}

/* Copies every picture into @media as <sha256>.<ext>; what was not there
 * before is added to @created, for the caller to undo. */
static gboolean
copy_media (BylineCli      *cli,
            BylineArticle  *article,
            GFile          *media,
            GPtrArray      *created,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (byline_article_get_n_images (article) == 0)
    return TRUE;

  if (!g_file_make_directory (media, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_file_get_parse_name (media);
          g_set_error (error, local_error->domain, local_error->code,
                       _("cannot create %s: %s"), name, local_error->message);
          return FALSE;
        }
      g_clear_error (&local_error);
    }
  else
    g_ptr_array_add (created, g_object_ref (media));

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autoptr(GFile) source = image_source (cli, article, image);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autofree char *base = g_path_get_basename (media_path);
      g_autoptr(GFile) dest = g_file_get_child (media, base);

      if (source == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("picture “%s” of the article has no file"),
                       byline_image_get_filename (image) ? byline_image_get_filename (image) : base);
          return FALSE;
        }
      /* Named by content: one already there is the same picture. */
      if (g_file_query_exists (dest, NULL))
        continue;
      if (!g_file_query_exists (source, NULL))
        {
          g_autofree char *where = g_file_get_parse_name (source);
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("picture “%s” of the article is missing: %s"),
                       byline_image_get_filename (image) ? byline_image_get_filename (image) : base,
                       where);
          return FALSE;
        }
      if (!byline_cli_copy_atomically (source, dest, error))
        return FALSE;
      g_ptr_array_add (created, g_object_ref (dest));
    }
  return TRUE;
}

static void
undo_created (GPtrArray *created)
{
  /* Newest first, so that the media folder is empty when its turn comes. */
  for (guint i = created->len; i > 0; i--)
    g_file_delete (g_ptr_array_index (created, i - 1), NULL, NULL);
}

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
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);

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

  if (!byline_cli_write_atomically (draft_json, json, error)
      || !copy_media (cli, article, media, created, error))
    {
      byline_cli_remove_tree (tmp, NULL);
      return FALSE;
    }
  if (g_rename (template, g_file_peek_path (dest)) != 0)
    {
      int saved_errno = errno;
      byline_cli_remove_tree (tmp, NULL);
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

static GBytes *
export_bytes (BylineArticle *article,
              ExportFormat   format,
              const char    *media_base)
{
  switch (format)
    {
    case EXPORT_NINJS:
      {
        BylineNinjsOptions options = { .media_base = media_base };
        return byline_ninjs_export_bytes (article, &options);
      }
    case EXPORT_HTML:
      {
        BylineHtmlOptions options = { .media_base = media_base, .fragment = FALSE };
        char *html = byline_html_export (article, &options);
        return g_bytes_new_take (html, strlen (html));
      }
    case EXPORT_TEXT:
      {
        char *text = byline_text_export (article);
        return g_bytes_new_take (text, strlen (text));
      }
    case EXPORT_DRAFT:
    default:
      return byline_draft_format_serialize (article);
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

/* The page last: until it is renamed into place, nothing refers to the
 * pictures copied before it, and a failure takes them away again. */
static gboolean
write_file (BylineCli      *cli,
            BylineArticle  *article,
            ExportFormat    format,
            GBytes         *bytes,
            GFile          *output,
            gboolean        with_media,
            GError        **error)
{
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) parent = g_file_get_parent (output);

  if (with_media && parent != NULL && (format == EXPORT_NINJS || format == EXPORT_HTML))
    {
      g_autoptr(GFile) media = g_file_get_child (parent, "media");

      if (!copy_media (cli, article, media, created, error))
        {
          undo_created (created);
          return FALSE;
        }
    }
  if (!byline_cli_write_atomically (output, bytes, error))
    {
      undo_created (created);
      return FALSE;
    }
  return TRUE;
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
  g_autoptr(GBytes) bytes = NULL;
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

  bytes = export_bytes (article, format, media_base);
  if (output == NULL)
    return byline_cli_write_stdout (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    error);

  if (!write_file (cli, article, format, bytes, output, media_base == NULL, error))
    return FALSE;
  return cli->json ? print_export_result (article, format, output, error) : TRUE;
}
