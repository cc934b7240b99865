/* byline-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-export.h"

/* A story file bigger than this is not a story. */
#define MAX_IMPORT_SIZE (64 * 1024 * 1024)

static const struct {
  const char *id;
  const char *extension;
  const char *name;
} formats[] = {
  [BYLINE_EXPORT_HTML] = { "html", "html", N_("Web page (HTML)") },
  [BYLINE_EXPORT_NINJS] = { "ninjs", "json", N_("IPTC ninjs") },
  [BYLINE_EXPORT_TEXT] = { "text", "txt", N_("Plain text") },
};

gboolean
byline_export_format_from_string (const char         *name,
                                  BylineExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].id) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
byline_export_format_extension (BylineExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
byline_export_format_name (BylineExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return _(formats[format].name);
}

static char *
media_folder_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';
  return g_strdup_printf ("%s-media", basename);
}

static gboolean
copy_pictures (BylineArticle  *article,
               GFile          *folder,
               GError        **error)
{
  guint n = byline_article_get_n_images (article);
  gboolean made = FALSE;

  for (guint i = 0; i < n; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      GFile *from = byline_image_get_file (image);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autofree char *name = g_path_get_basename (media_path);
      g_autoptr(GFile) to = NULL;

      if (from == NULL)
        continue;
      if (!made)
        {
          g_autoptr(GError) local_error = NULL;

          if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
              && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          made = TRUE;
        }
      to = g_file_get_child (folder, name);
      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
byline_export_article (BylineArticle       *article,
                       BylineExportFormat   format,
                       GFile               *file,
                       GError             **error)
{
  g_autofree char *media_name = NULL;
  g_autofree char *media_base = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) media_folder = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  media_name = media_folder_name (file);
  media_base = g_strdup_printf ("%s/", media_name);
  parent = g_file_get_parent (file);
  media_folder = g_file_get_child (parent, media_name);

  switch (format)
    {
    case BYLINE_EXPORT_HTML:
      {
        BylineHtmlOptions options = { media_base, FALSE };
        char *html = byline_html_export (article, &options);

        bytes = g_bytes_new_take (html, strlen (html));
        break;
      }
    case BYLINE_EXPORT_NINJS:
      {
        BylineNinjsOptions options = { media_base };

        bytes = byline_ninjs_export_bytes (article, &options);
        break;
      }
    case BYLINE_EXPORT_TEXT:
    default:
      {
        char *text = byline_text_export (article);

        bytes = g_bytes_new_take (text, strlen (text));
        break;
      }
    }

  if (format != BYLINE_EXPORT_TEXT && !copy_pictures (article, media_folder, error))
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

char *
byline_import_file (BylineDraftStore  *store,
                    GFile             *file,
                    GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  const char *format = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The person chose the file: its name is enough in a toast. */
  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_IMPORT_SIZE)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB"), name, MAX_IMPORT_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  folder = g_file_get_parent (file);

  /* What the CLI takes, with the same messages for what it does not. */
  article = byline_import_read (bytes, name, folder, &format, error);
  if (article != NULL && g_str_equal (format, "draft"))
    {
      /* Already one of ours: open it, do not make a second one. */
      if (byline_draft_store_contains (store, byline_article_get_id (article)))
        return g_strdup (byline_article_get_id (article));
      /* From elsewhere: its pictures sit beside it in media/. */
      byline_import_attach_draft_media (article, folder, name, FALSE, NULL);
      byline_article_set_revision (article, 0);
    }

  if (article == NULL)
    return NULL;
  if (!byline_draft_store_save (store, article, error))
    return NULL;
  return g_strdup (byline_article_get_id (article));
}
