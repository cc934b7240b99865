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
 * fine); pictures are separate files, but for a word processor's document
 * (byline_import_size_limit()). */
#define MAX_INPUT_SIZE BYLINE_IMPORT_MAX_SIZE

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
      g_autoptr(GFileInputStream) input = g_file_read (*file, NULL, NULL);
      guint8 head[4] = { 0 };
      gsize n = 0;
      gsize limit;

      /* A word processor's document carries its pictures: it may be larger. */
      if (input != NULL)
        g_input_stream_read_all (G_INPUT_STREAM (input), head, sizeof head, &n, NULL, NULL);
      limit = byline_import_size_limit (head, n);
      if ((gsize) g_file_info_get_size (info) > limit)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("%s is larger than %u MiB; not an article"), display,
                       (guint) (limit / (1024 * 1024)));
          return NULL;
        }
    }

  if (!g_file_load_contents (*file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("cannot read %s: %s"), display, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (data, length);
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
  g_auto(GStrv) left_out = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, display, folder, format, &left_out, error);
  g_autofree char *notice = byline_import_describe_left_out (display, (const char * const *) left_out);

  /* Read, but not all of it: said, and the story still comes. */
  if (notice != NULL)
    g_printerr ("byline-cli: %s\n", notice);
  if (article == NULL || !g_str_equal (*format, "draft"))
    return g_steal_pointer (&article);
  /* A draft imported is a copy, with its pictures, each the one its name says. */
  if (as_copy)
    {
      g_autoptr(BylineArticle) copy = copy_with_new_id (article, display, error);

      if (copy == NULL)
        return NULL;
      g_set_object (&article, copy);
    }
  if (folder != NULL && !byline_import_attach_draft_media (article, folder, display, as_copy, error))
    return NULL;
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
        byline_file_remove_tree (draft_folder, NULL);
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
