/* byline-cli-import.c — files in: import, and reading a file for show and export
 *
 * An import reads and checks everything before the store is touched, and
 * removes what a failed save left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>

#include "byline-cli.h"

/* Larger than any article with its markup (a saved web page of 10 MB imports
 * fine); pictures are separate files. */
#define MAX_INPUT_SIZE (64 * 1024 * 1024)
/* How far to look for NUL bytes, which no text, HTML or JSON file has. */
#define BINARY_PROBE_SIZE (64 * 1024)

/* Library messages name the input when they know it; this makes sure they do. */
static void
fail_naming (GError     **error,
             GError      *local_error,
             const char  *display)
{
  if (strstr (local_error->message, display) != NULL)
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   display, local_error->message);
      g_error_free (local_error);
    }
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  guint8 buffer[65536];
  gsize total = 0;

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      total += n;
      if (total > MAX_INPUT_SIZE)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("<stdin>: more than %u MiB; not an article"),
                       MAX_INPUT_SIZE / (1024 * 1024));
          return NULL;
        }
      if (!g_output_stream_write_all (memory, buffer, n, NULL, NULL, error))
        return NULL;
    }
  g_output_stream_close (memory, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Reads @file, or the draft.json of a draft folder; @file is moved to that. */
static GBytes *
read_input (GFile      **file,
            const char  *display,
            gboolean    *is_folder,
            GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  info = g_file_query_info (*file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                     _("%s: no such file or folder"), display);
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                     _("cannot read %s: %s"), display, local_error->message);
      return NULL;
    }

  *is_folder = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
  if (*is_folder)
    {
      GFile *draft = g_file_get_child (*file, "draft.json");

      g_object_unref (*file);
      *file = draft;
      g_clear_object (&info);
      info = g_file_query_info (*file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                       _("%s is a folder, but not a Byline draft (it has no draft.json)"), display);
          return NULL;
        }
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is not a regular file"), display);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_INPUT_SIZE)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s is larger than %u MiB; not an article"), display,
                   MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (*file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("cannot read %s: %s"), display, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_json (const char *data,
                 gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '{' || data[i] == '[';
  return FALSE;
}

/* JSON that is neither a draft nor ninjs: say why, with the position when it
 * does not even parse. */
static void
set_json_error (GBytes      *bytes,
                const char  *display,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s:%s", display, message);
    }
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                 _("%s is JSON, but neither a Byline draft nor a ninjs item"), display);
}

/* Text and HTML: no picture, no binary, and UTF-8 (HTML may declare another
 * encoding; the HTML reader converts it, so only text is held to UTF-8). */
static gboolean
check_not_binary (GBytes      *bytes,
                  const char  *display,
                  GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *media_type = NULL;

  if (byline_image_info_sniff ((const guint8 *) data, length, &media_type, NULL, NULL))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a picture (%s), not an article"), display, media_type);
      return FALSE;
    }
  if (memchr (data, '\0', MIN (length, BINARY_PROBE_SIZE)) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a binary file, not an article (ninjs, HTML, text or a Byline draft)"),
                   display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_utf8 (GBytes      *bytes,
            const char  *display,
            GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *line_start = data;
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
               _("%s:%u:%ld: not UTF-8 text (byte 0x%02X); convert it first, "
                 "e.g. with “iconv -f WINDOWS-1258 -t UTF-8”"),
               display, line, g_utf8_strlen (line_start, end - line_start) + 1,
               (guint) (guint8) *end);
  return FALSE;
}

static char *
sha256_of_file (GFile   *file,
                GError **error)
{
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[65536];

  if (input == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, sizeof buffer, NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Points the pictures of a draft read from a folder at its media files.  With
 * @require, each must be there, a regular file, with the bytes its name says. */
static gboolean
attach_draft_media (BylineArticle  *article,
                    GFile          *folder,
                    const char     *display,
                    gboolean        require,
                    GError        **error)
{
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autoptr(GFile) file = g_file_resolve_relative_path (folder, media_path);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(GError) local_error = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          if (!require)
            continue;
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("%s: picture “%s” is missing (%s)"), display,
                       byline_image_get_filename (image) ? byline_image_get_filename (image) : "",
                       media_path);
          return FALSE;
        }
      if (require)
        {
          sha256 = sha256_of_file (file, &local_error);
          if (sha256 == NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                           _("%s: cannot read %s: %s"), display, media_path, local_error->message);
              return FALSE;
            }
          if (g_ascii_strcasecmp (sha256, byline_image_get_sha256 (image)) != 0)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: %s does not hold the picture its name says (damaged?)"),
                           display, media_path);
              return FALSE;
            }
        }
      byline_image_set_file (image, file);
    }
  return TRUE;
}

/* The same draft under a new id: a copy is not the original, so it is a draft
 * again, at revision 0, published nowhere. */
static BylineArticle *
copy_with_new_id (BylineArticle  *article,
                  const char     *display,
                  GError        **error)
{
  g_autoptr(JsonNode) root = byline_draft_format_to_json (article);
  JsonObject *object = json_node_get_object (root);
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (object, "id", id);
  json_object_set_int_member (object, "revision", 0);
  json_object_set_string_member (object, "status", byline_status_to_string (BYLINE_STATUS_DRAFT));
  json_object_set_object_member (object, "remote", json_object_new ());
  return byline_draft_format_from_json (root, display, error);
}

static BylineArticle *
read_article (GBytes       *bytes,
              const char   *display,
              GFile        *folder,
              gboolean      as_copy,
              const char  **format,
              GError      **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (is_blank (data, length))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s is empty"), display);
      return NULL;
    }

  if (byline_draft_format_sniff (bytes))
    {
      *format = "draft";
      article = byline_draft_format_parse (bytes, display, &local_error);
      if (article != NULL && as_copy)
        {
          g_autoptr(BylineArticle) copy = copy_with_new_id (article, display, &local_error);
          g_set_object (&article, copy);
        }
      if (article != NULL && folder != NULL
          && !attach_draft_media (article, folder, display, as_copy, &local_error))
        g_clear_object (&article);
    }
  else if (byline_ninjs_sniff (bytes))
    {
      *format = "ninjs";
      article = byline_ninjs_import (bytes, display, folder, &local_error);
    }
  else if (looks_like_json (data, length))
    {
      set_json_error (bytes, display, error);
      return NULL;
    }
  else if (!check_not_binary (bytes, display, error))
    return NULL;
  else if (byline_html_sniff (bytes))
    {
      *format = "html";
      article = byline_html_import (bytes, display, folder, &local_error);
    }
  else if (!check_utf8 (bytes, display, error))
    return NULL;
  else
    {
      *format = "text";
      article = byline_text_import (bytes, display, &local_error);
    }

  if (article == NULL)
    {
      fail_naming (error, g_steal_pointer (&local_error), display);
      return NULL;
    }
  return g_steal_pointer (&article);
}

BylineArticle *
byline_cli_read_file (const char  *path,
                      gboolean     as_copy,
                      const char **format,
                      GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;
  gboolean is_folder = FALSE;

  if (g_str_equal (path, "-"))
    {
      g_set_str (&display, "<stdin>");
      bytes = read_stdin (error);
    }
  else
    {
      file = g_file_new_for_commandline_arg (path);
      bytes = read_input (&file, display, &is_folder, error);
      folder = g_file_get_parent (file);
      if (is_folder)
        {
          g_autofree char *child_display = g_build_filename (display, "draft.json", NULL);
          g_set_str (&display, child_display);
        }
    }
  if (bytes == NULL)
    return NULL;

  /* A byte order mark says nothing the content does not. */
  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      GBytes *rest = g_bytes_new_from_bytes (bytes, 3, length - 3);
      g_bytes_unref (bytes);
      bytes = rest;
    }

  return read_article (bytes, display, folder, as_copy, format, error);
}

BylineArticle *
byline_cli_load_source (BylineCli   *cli,
                        const char  *arg,
                        char       **display,
                        GError     **error)
{
  BylineDraftStore *store = byline_cli_get_store (cli);
  const char *format = NULL;
  g_autofree char *id = NULL;
  g_autofree char *folder = NULL;

  *display = g_filename_display_name (arg);

  if (g_uuid_string_is_valid (arg) && byline_draft_store_contains (store, arg))
    return byline_draft_store_load (store, arg, error);
  /* What cannot be an id is a path, and reading it says what is wrong. */
  if (g_str_equal (arg, "-") || g_file_test (arg, G_FILE_TEST_EXISTS)
      || !byline_cli_is_id_like (arg))
    return byline_cli_read_file (arg, FALSE, &format, error);

  id = byline_cli_resolve_id (cli, arg, FALSE, NULL);
  if (id != NULL)
    return byline_draft_store_load (store, id, error);

  folder = g_file_get_parse_name (byline_draft_store_get_folder (store));
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
               _("no draft “%s” in %s, and no file by that name"), *display, folder);
  return NULL;
}

gboolean
byline_cli_import (BylineCli  *cli,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  BylineDraftStore *store;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) draft_folder = NULL;
  const char *format = NULL;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 1, 1, error))
    return FALSE;

  article = byline_cli_read_file (argv[1], TRUE, &format, error);
  if (article == NULL)
    return FALSE;

  store = byline_cli_get_store (cli);
  draft_folder = byline_draft_store_get_draft_folder (store, byline_article_get_id (article));
  if (!byline_draft_store_save (store, article, error))
    {
      /* The id is new and nobody else knows it: whatever the failed save left
       * under it goes. */
      if (g_file_query_exists (draft_folder, NULL))
        byline_cli_remove_tree (draft_folder, NULL);
      return FALSE;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, byline_article_get_id (article));
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, byline_article_get_headline (article));
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, format);
      json_builder_set_member_name (builder, "pictures");
      json_builder_add_int_value (builder, byline_article_get_n_images (article));
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, byline_article_get_revision (article));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }

  g_print ("%s\n", byline_article_get_id (article));
  return TRUE;
}
