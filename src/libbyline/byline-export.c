/* byline-export.c — a story out to a file, with its pictures beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-files.h"
#include "byline-html.h"
#include "byline-image.h"
#include "byline-ninjs.h"
#include "byline-text.h"

static const struct {
  const char *id;
  const char *extension;
  const char *name;
} formats[] = {
  [BYLINE_EXPORT_NINJS] = { "ninjs", "json", N_("IPTC ninjs") },
  [BYLINE_EXPORT_HTML] = { "html", "html", N_("Web page (HTML)") },
  [BYLINE_EXPORT_TEXT] = { "text", "txt", N_("Plain text") },
};

gboolean
byline_export_format_from_string (const char         *name,
                                  BylineExportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].id) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
byline_export_format_to_string (BylineExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].id;
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

GBytes *
byline_export_bytes (BylineArticle      *article,
                     BylineExportFormat  format,
                     const char         *media_base)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  switch (format)
    {
    case BYLINE_EXPORT_NINJS:
      {
        BylineNinjsOptions options = { .media_base = media_base };
        return byline_ninjs_export_bytes (article, &options);
      }
    case BYLINE_EXPORT_HTML:
      {
        BylineHtmlOptions options = { .media_base = media_base, .fragment = FALSE };
        char *html = byline_html_export (article, &options);
        return g_bytes_new_take (html, strlen (html));
      }
    case BYLINE_EXPORT_TEXT:
    default:
      {
        char *text = byline_text_export (article);
        return g_bytes_new_take (text, strlen (text));
      }
    }
}

static char *
stem_of (const char *name)
{
  const char *dot = strrchr (name, '.');

  return g_strndup (name, dot != NULL && dot != name ? (gsize) (dot - name) : strlen (name));
}

char *
byline_export_media_folder_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *stem = stem_of (basename);

  return g_strconcat (stem, "-media", NULL);
}

/* Where the bytes of @image are. */
static GFile *
image_source (BylineArticle    *article,
              BylineDraftStore *store,
              BylineImage      *image)
{
  GFile *file = byline_image_get_file (image);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *media_path = NULL;

  if (file != NULL)
    return g_object_ref (file);
  if (store == NULL || !byline_draft_store_contains (store, byline_article_get_id (article)))
    return NULL;
  folder = byline_draft_store_get_draft_folder (store, byline_article_get_id (article));
  media_path = byline_image_dup_media_path (image);
  return g_file_resolve_relative_path (folder, media_path);
}

/* Copies every picture into @media as <sha256>.<ext>; what was not there
 * before is added to @created, for the caller to take away again. */
static gboolean
copy_pictures (BylineArticle     *article,
               BylineDraftStore  *store,
               GFile             *media,
               GPtrArray         *created,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory (media, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_file_get_parse_name (media);
          g_set_error (error, local_error->domain, local_error->code,
                       _("cannot create %s: %s"), name, local_error->message);
          return FALSE;
        }
    }
  else
    g_ptr_array_add (created, g_object_ref (media));

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autoptr(GFile) source = image_source (article, store, image);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autofree char *base = g_path_get_basename (media_path);
      g_autoptr(GFile) dest = g_file_get_child (media, base);
      const char *shown = byline_image_get_filename (image) ? byline_image_get_filename (image) : base;

      if (source == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("picture “%s” of the article has no file"), shown);
          return FALSE;
        }
      /* Named by content: one already there is the same picture. */
      if (g_file_query_exists (dest, NULL))
        continue;
      if (!g_file_query_exists (source, NULL))
        {
          g_autofree char *where = g_file_get_parse_name (source);
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("picture “%s” of the article is missing: %s"), shown, where);
          return FALSE;
        }
      if (!byline_file_copy_atomically (source, dest, error))
        return FALSE;
      g_ptr_array_add (created, g_object_ref (dest));
    }
  return TRUE;
}

static void
take_away (GPtrArray *created)
{
  /* Newest first, so that the folder is empty when its turn comes. */
  for (guint i = created->len; i > 0; i--)
    g_file_delete (g_ptr_array_index (created, i - 1), NULL, NULL);
}

gboolean
byline_export_pictures (BylineArticle     *article,
                        BylineDraftStore  *store,
                        GFile             *folder,
                        GError           **error)
{
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (store == NULL || BYLINE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (copy_pictures (article, store, folder, created, error))
    return TRUE;
  take_away (created);
  return FALSE;
}

gboolean
byline_export_write (BylineArticle       *article,
                     BylineDraftStore    *store,
                     BylineExportFormat   format,
                     GFile               *file,
                     const char          *media_base,
                     GError             **error)
{
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *media_name = NULL;
  g_autofree char *own_base = NULL;
  gboolean copy;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (store == NULL || BYLINE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  copy = media_base == NULL && format != BYLINE_EXPORT_TEXT && byline_article_get_n_images (article) > 0;
  if (media_base == NULL)
    {
      media_name = byline_export_media_folder_name (file);
      own_base = g_strconcat (media_name, "/", NULL);
      media_base = own_base;
    }
  bytes = byline_export_bytes (article, format, media_base);

  /* The page last: until it is in place, nothing refers to the pictures
   * copied before it, and a failure takes them away again. */
  if (copy)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GFile) media = NULL;

      if (parent == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("%s: cannot write there"), name);
          return FALSE;
        }
      media = g_file_get_child (parent, media_name);
      if (!copy_pictures (article, store, media, created, error))
        {
          take_away (created);
          return FALSE;
        }
    }
  if (!byline_file_write_atomically (file, bytes, error))
    {
      take_away (created);
      return FALSE;
    }
  return TRUE;
}

GFile *
byline_export_free_file (GFile      *folder,
                         const char *name)
{
  g_autofree char *stem = stem_of (name);
  const char *extension = name + strlen (stem);
  GFile *file = g_file_get_child (folder, name);

  for (guint n = 2; n < 10000; n++)
    {
      g_autofree char *media_name = byline_export_media_folder_name (file);
      g_autoptr(GFile) media = g_file_get_child (folder, media_name);
      g_autofree char *other = NULL;

      if (!g_file_query_exists (file, NULL) && !g_file_query_exists (media, NULL))
        break;
      other = g_strdup_printf ("%s-%u%s", stem, n, extension);
      g_object_unref (file);
      file = g_file_get_child (folder, other);
    }
  return file;
}
