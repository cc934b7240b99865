/* byline-html-pictures.c — the local pictures a page points to
 *
 * A saved web page keeps its pictures in a folder beside it ("Trang_files/a.jpg").
 * Those, and only those, are attached: the reference is resolved against the base
 * folder and must stay inside it, both as written (no "..", no absolute path or
 * file:// URL elsewhere) and once symbolic links are followed.  A reference that
 * leaves the folder is an attack or a mistake, and either way the import fails
 * as a whole, before anything reaches a draft.
 *
 * What is not attached, with its caption kept as text: remote pictures (http,
 * https, protocol-relative: Byline does not fetch while importing), data: URLs,
 * missing files, anything that is not a regular file, files over
 * MAX_PICTURE_SIZE, and files that are not JPEG, PNG, GIF or WebP.  Each
 * is named to byline_import_read_full(), for the person to know.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-error.h"
#include "byline-html-walker-private.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-image-heif-private.h"
#include "byline-files.h"
#include "byline-import-private.h"
#include "byline-text.h"

#define MAX_PICTURE_SIZE (256 * 1024 * 1024)

/* "http:", "data:", "javascript:": the scheme of @ref, lower case, or NULL for a path. */
static char *
dup_scheme (const char *ref)
{
  const char *p = ref;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':')
    return NULL;
  return g_ascii_strdown (ref, p - ref);
}

static const char *
picture_ref (xmlNode *img)
{
  const char *src = _byline_html_get_attr (img, "src");

  /* Lazy-loading pages put a placeholder in src and the picture elsewhere. */
  if (src == NULL || *src == '\0' || g_ascii_strncasecmp (src, "data:", 5) == 0)
    {
      const char *lazy = _byline_html_get_attr (img, "data-src");
      if (lazy == NULL || *lazy == '\0')
        lazy = _byline_html_get_attr (img, "data-original");
      if (lazy != NULL && *lazy != '\0')
        src = lazy;
    }
  return src;
}

/* @format: translated, with %s:%ld for the place, “%s” for the picture and
 * “%s” for the folder. */
static void
set_unsafe (Walker     *w,
            xmlNode    *img,
            const char *ref,
            const char *format)
{
  g_autofree char *shown = byline_text_normalize_line (ref, -1);
  g_autofree char *message = g_strdup_printf (format, w->source_name ? w->source_name : "HTML",
                                              xmlGetLineNo (img), shown, g_file_peek_path (w->base));

  g_set_error_literal (&w->error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH, message);
}

/* The file @ref names, or NULL when it is not a local file. */
static GFile *
resolve (Walker     *w,
         const char *ref)
{
  g_autofree char *scheme = dup_scheme (ref);
  g_autofree char *path = NULL;
  g_autofree char *unescaped = NULL;
  gsize cut;

  if (scheme != NULL)
    {
      /* "C:\photos\a.jpg" from Windows is no URL, and not a file here either. */
      if (g_strcmp0 (scheme, "file") != 0)
        return NULL;
      return g_file_new_for_uri (ref);
    }
  if (g_str_has_prefix (ref, "//"))
    return NULL;

  /* A relative URL: no query or fragment in a file name, %XX decoded. */
  cut = strcspn (ref, "?#");
  path = g_strndup (ref, cut);
  unescaped = g_uri_unescape_string (path, NULL);
  if (unescaped == NULL)
    unescaped = g_steal_pointer (&path);
  if (*unescaped == '\0')
    return NULL;
  return g_file_resolve_relative_path (w->base, unescaped);
}

/* Names the picture left out as @label; a figure's, its caption stands in
 * its place (finish_figure()). */
static void
name_left_out (Walker     *w,
               const char *label,
               const char *href,
               xmlNode    *img)
{
  if (w->figure.active && !w->figure.has_picture)
    w->figure.left_out = TRUE;
  _byline_import_left_out_full (w->article, label, href, _byline_html_get_attr (img, "alt"));
}

/* The picture @ref could not be taken: the person is told, by its file's
 * name ("anh-1.jpg", also of a picture on the web); a data: URL's is none,
 * and a short one is a lazy page's placeholder, not a picture. */
static void
left_out (Walker     *w,
          xmlNode    *img,
          const char *ref)
{
  g_autofree char *name = NULL;

  if (g_ascii_strncasecmp (ref, "data:", 5) == 0)
    {
      if (strlen (ref) > 256)
        name_left_out (w, _("a picture in the page"), NULL, img);
      return;
    }
  name = byline_file_name_of_ref (ref);
  name_left_out (w, name != NULL ? name : ref, ref, img);
}

/* Whether @ref is a path from a site's root ("/uploads/lu.jpg"), which
 * climbs nowhere ("/uploads/../x" does, escaped or not). */
static gboolean
is_site_path (const char *ref)
{
  g_autofree char *path = g_strndup (ref, strcspn (ref, "?#"));
  g_autofree char *unescaped = g_uri_unescape_string (path, NULL);

  return unescaped != NULL && unescaped[0] == '/' && unescaped[1] != '/' && strstr (unescaped, "/..") == NULL;
}

#define CONVERTED_KEY "byline-html-converted"

/* A picture that is an iPhone's HEIC or an AVIF (*@bytes, read from
 * *@file), made a JPEG (byline-image-heif.c) in a folder of the article's
 * own, which goes with it: *@bytes, *@file and the rest are then the
 * JPEG's ("IMG_0412.jpg").  FALSE when it is none, or cannot be made one. */
static gboolean
convert_heif (Walker      *w,
              GBytes     **bytes,
              GFile      **file,
              char       **name,
              const char **media_type,
              guint       *width,
              guint       *height)
{
  const guint8 *data = g_bytes_get_data (*bytes, NULL);
  gsize length = g_bytes_get_size (*bytes);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg_name = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) jpeg_file = NULL;
  GFile *folder;

  if (!_byline_image_heif_can_convert (byline_image_info_other (data, MIN (length, BYLINE_IMAGE_INFO_HEAD_SIZE))))
    return FALSE;
  if ((jpeg = _byline_image_heif_to_jpeg (data, length, *name, width, height, &error)) == NULL)
    {
      g_debug ("%s: %s", w->source_name, error->message);
      return FALSE;
    }
  if ((folder = g_object_get_data (G_OBJECT (w->article), CONVERTED_KEY)) == NULL)
    {
      g_autofree char *path = g_dir_make_tmp ("byline-heif-XXXXXX", &error);

      if (path == NULL)
        {
          g_debug ("%s: %s", w->source_name, error->message);
          return FALSE;
        }
      folder = g_file_new_for_path (path);
      g_object_set_data_full (G_OBJECT (w->article), CONVERTED_KEY, folder, byline_file_remove_tree_and_unref);
    }
  jpeg_name = _byline_image_heif_jpeg_name (*name);
  /* Named by its bytes in the folder: two pictures of one name are two files. */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
  jpeg_file = g_file_get_child (folder, sha256);
  if (!g_file_replace_contents (jpeg_file, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
    {
      g_debug ("%s: %s", w->source_name, error->message);
      return FALSE;
    }
  g_bytes_unref (*bytes);
  *bytes = g_steal_pointer (&jpeg);
  g_set_object (file, jpeg_file);
  g_free (*name);
  *name = g_steal_pointer (&jpeg_name);
  *media_type = "image/jpeg";
  return TRUE;
}

BylineImage *
_byline_html_attach_picture (Walker  *w,
                             xmlNode *img)
{
  g_autofree char *ref = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) real_file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineImage) image = NULL;
  g_autofree char *real = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *alt = NULL;
  const char *media_type = NULL;
  const char *src;
  guint width = 0, height = 0;
  gsize base_len;

  if (w->article == NULL)
    return NULL;
  /* A document's picture that could not be taken, in its place
   * (_byline_office_para_add_left_out()). */
  if (w->document && (src = _byline_html_get_attr (img, "data-left-out")) != NULL)
    {
      name_left_out (w, src, _byline_html_get_attr (img, "data-href"), img);
      return NULL;
    }
  if ((src = picture_ref (img)) == NULL)
    return NULL;
  ref = g_strstrip (g_strdup (src));
  if (*ref == '\0')
    return NULL;
  /* On the web, in the page itself, or a page read with no folder. */
  if (w->base == NULL || (file = resolve (w, ref)) == NULL)
    {
      left_out (w, img, ref);
      return NULL;
    }

  if (!g_file_equal (file, w->base) && !g_file_has_prefix (file, w->base))
    {
      GStatBuf st;

      /* A site's own address in a page saved as HTML only
       * ("/uploads/lu.jpg"), with nothing there on this machine: nothing is
       * read, so it is left out and named, as a picture on the web is.
       * Refused, such a page could not be opened at all.  A path that climbs
       * out of the folder ("../") is refused whatever it names. */
      if (is_site_path (ref) && g_lstat (g_file_peek_path (file), &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
        {
          left_out (w, img, ref);
          return NULL;
        }
      set_unsafe (w, img, ref, _("%s:%ld: the picture “%s” is outside the folder “%s”; nothing was imported"));
      return NULL;
    }

  /* Now the file as it really is, links followed: it must still be inside. */
  if (g_file_peek_path (file) == NULL
      || (real = realpath (g_file_peek_path (file), NULL)) == NULL
      || w->base_real == NULL)
    {
      g_debug ("%s: picture “%s” not found, not attached", w->source_name, ref);
      left_out (w, img, ref);
      return NULL;
    }
  base_len = strlen (w->base_real);
  if (strncmp (real, w->base_real, base_len) != 0
      || (real[base_len] != '/' && strcmp (w->base_real, "/") != 0))
    {
      set_unsafe (w, img, ref, _("%s:%ld: the picture “%s” leads through a link outside the folder “%s”; nothing was imported"));
      return NULL;
    }

  real_file = g_file_new_for_path (real);
  info = g_file_query_info (real_file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  /* Never read a FIFO or a device: it could block or never end. */
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
      || g_file_info_get_size (info) > MAX_PICTURE_SIZE)
    {
      left_out (w, img, ref);
      return NULL;
    }

  bytes = g_file_load_bytes (real_file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_debug ("%s: picture “%s” not read: %s", w->source_name, ref, error->message);
      left_out (w, img, ref);
      return NULL;
    }
  name = g_file_get_basename (file);
  if (!byline_image_info_sniff (g_bytes_get_data (bytes, NULL),
                                MIN (g_bytes_get_size (bytes), BYLINE_IMAGE_INFO_HEAD_SIZE),
                                &media_type, &width, &height)
      && !convert_heif (w, &bytes, &real_file, &name, &media_type, &width, &height))
    {
      left_out (w, img, ref);
      return NULL;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  image = byline_image_new (sha256, media_type);
  byline_image_set_filename (image, name);
  byline_image_set_size (image, width, height);
  byline_image_set_file (image, real_file);
  alt = byline_text_normalize_line (_byline_html_get_attr (img, "alt"), -1);
  byline_image_set_alt_text (image, alt);
  byline_article_add_image (w->article, image);

  return image;
}
