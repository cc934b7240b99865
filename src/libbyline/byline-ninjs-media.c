/* byline-ninjs-media.c — the pictures of an imported ninjs item
 *
 * Which href may be read (inside the item's folder only), how a rendition
 * becomes a BylineImage, and what is kept of a picture whose bytes are
 * elsewhere.  The mapping is described at the top of byline-ninjs-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "byline-article-private.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-ninjs-private.h"
#include "byline-text.h"

struct _BylineNinjsMedia
{
  BylineArticle *article;
  const char    *source;
  char          *base_path;      /* absolute, lexically canonical; NULL: no folder */
  char          *base_real;      /* the same with symlinks resolved */
  GHashTable    *by_sha256;      /* sha256 → BylineImage, borrowed from the article */
  GHashTable    *by_href;        /* href as written → BylineImage */
  GHashTable    *pending_hrefs;  /* hrefs already in pending */
  JsonArray     *pending;        /* pictures whose bytes are not here */
  gboolean       have_featured;
};

typedef BylineNinjsMedia Media;

/* ------------------------------------------------------------ local files */

typedef enum
{
  HREF_LOCAL,     /* a file inside the base folder */
  HREF_MISSING,   /* would be inside, but is not there (or no base folder) */
  HREF_REMOTE,    /* http(s) */
  HREF_IGNORED,   /* data:, javascript:, anything else */
} HrefKind;

static gboolean
path_is_inside (const char *path,
                const char *folder)
{
  gsize n = strlen (folder);

  if (n == 1 && folder[0] == '/')
    return TRUE;
  return strncmp (path, folder, n) == 0 && path[n] == '/';
}

static gboolean
unsafe (Media       *m,
        const char  *where,
        const char  *href,
        GError     **error)
{
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH,
               _("%s: picture “%s” refers to “%s”, outside the item’s folder"),
               m->source, where, href);
  return FALSE;
}

/* Decides what @href is and, for a local file, checks that it stays inside the
 * base folder: lexically first (so "../x" is refused even without a base
 * folder), then with symlinks resolved. */
static gboolean
resolve_href (Media       *m,
              const char  *href,
              const char  *where,
              HrefKind    *kind,
              GFile      **file,
              GError     **error)
{
  const char *scheme = g_uri_peek_scheme (href);
  g_autofree char *path = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *real = NULL;
  const char *base = m->base_path != NULL ? m->base_path : "/nonexistent-base-folder";

  *kind = HREF_IGNORED;
  *file = NULL;

  if (scheme != NULL && (strcmp (scheme, "http") == 0 || strcmp (scheme, "https") == 0))
    {
      *kind = HREF_REMOTE;
      return TRUE;
    }
  if (scheme != NULL && strcmp (scheme, "file") == 0)
    {
      path = g_filename_from_uri (href, NULL, NULL);
      if (path == NULL)
        return unsafe (m, where, href, error);
    }
  else if (scheme != NULL)
    return TRUE;
  else if (g_str_has_prefix (href, "//"))
    {
      *kind = HREF_REMOTE;
      return TRUE;
    }
  else if (href[0] == '/' || href[0] == '\\' || href[0] == '~')
    return unsafe (m, where, href, error);
  else
    {
      g_autofree char *relative = g_strndup (href, strcspn (href, "?#"));
      g_autofree char *decoded = g_uri_unescape_string (relative, NULL);

      if (decoded == NULL || *decoded == '\0')
        return unsafe (m, where, href, error);
      path = g_canonicalize_filename (decoded, base);
    }

  canonical = g_canonicalize_filename (path, NULL);
  if (!path_is_inside (canonical, base))
    return unsafe (m, where, href, error);

  *kind = HREF_MISSING;
  if (m->base_path == NULL)
    return TRUE;

  real = realpath (canonical, NULL);
  if (real == NULL)
    return TRUE;
  if (!path_is_inside (real, m->base_real))
    return unsafe (m, where, href, error);

  *kind = HREF_LOCAL;
  *file = g_file_new_for_path (real);
  return TRUE;
}

/* The picture in @file, or the one already imported with the same bytes. */
static BylineImage *
load_picture (Media       *m,
              GFile       *file,
              const char  *where,
              GError     **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GByteArray) head = g_byte_array_new ();
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *media_type = NULL, *sha256;
  guint width = 0, height = 0;
  gint64 total = 0;
  BylineImage *image;

  /* A folder, a named pipe or a device is no picture (and a pipe would block). */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: picture “%s” (%s) is not a regular file"), m->source, where, name);
      return NULL;
    }

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("%s: picture “%s”: %s"), m->source, where, local_error->message);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("%s: picture “%s”: %s"),
                       m->source, where, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      total += n;
      if (total > BYLINE_DRAFT_MEDIA_MAX_SIZE)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("%s: picture “%s” (%s) is larger than %d MiB"), m->source, where, name,
                       (int) (BYLINE_DRAFT_MEDIA_MAX_SIZE / (1024 * 1024)));
          return NULL;
        }
      g_checksum_update (checksum, buffer, n);
      if (head->len < BYLINE_IMAGE_INFO_HEAD_SIZE)
        g_byte_array_append (head, buffer, MIN ((gsize) n, BYLINE_IMAGE_INFO_HEAD_SIZE - head->len));
    }

  if (!byline_image_info_sniff (head->data, head->len, &media_type, &width, &height))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: picture “%s” (%s) is not a JPEG, PNG, GIF or WebP picture"),
                   m->source, where, name);
      return NULL;
    }

  sha256 = g_checksum_get_string (checksum);
  image = g_hash_table_lookup (m->by_sha256, sha256);
  if (image != NULL)
    return g_object_ref (image);

  image = byline_image_new (sha256, media_type);
  byline_image_set_filename (image, name);
  byline_image_set_size (image, width, height);
  byline_image_set_file (image, file);
  return image;
}

/* ------------------------------------------------------------- pictures */

typedef struct
{
  const char *href;
  const char *content_type;
  const char *title;
  guint       width, height;
} Rendition;

static void
read_rendition (JsonObject *object,
                GArray     *renditions)
{
  Rendition r = { 0 };

  r.href = _byline_ninjs_get_string (object, "href");
  r.title = _byline_ninjs_get_string (object, "title");
  r.content_type = _byline_ninjs_get_string2 (object, "contenttype", "contentType");
  if (r.content_type == NULL)
    r.content_type = _byline_ninjs_get_string (object, "mimetype");
  _byline_ninjs_get_uint (object, "width", &r.width);
  _byline_ninjs_get_uint (object, "height", &r.height);
  /* A video or a PDF rendition of a picture item is not the picture. */
  if (r.content_type != NULL && !g_str_has_prefix (r.content_type, "image/"))
    return;
  g_array_append_val (renditions, r);
}

/* 2.x and 3.x: an array; 1.x: an object keyed by rendition name. */
static GArray *
read_renditions (JsonObject *item)
{
  GArray *renditions = g_array_new (FALSE, TRUE, sizeof (Rendition));
  JsonNode *node = json_object_get_member (item, "renditions");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          read_rendition (json_array_get_object_element (array, i), renditions);
    }
  else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, NULL, &value))
        if (JSON_NODE_HOLDS_OBJECT (value))
          read_rendition (json_node_get_object (value), renditions);
    }
  return renditions;
}

/* A rendition's title that names a file: "sat-lo.jpg", not a path, not a
 * sentence ("Photo of the flood"), not a hidden file. */
static gboolean
is_file_name (const char *title)
{
  const char *dot = title != NULL ? strrchr (title, '.') : NULL;

  if (dot == NULL || dot == title || byline_text_is_blank (title) || strlen (title) > 255)
    return FALSE;
  /* An extension: a few letters or digits. */
  if (dot[1] == '\0' || strlen (dot + 1) > 5)
    return FALSE;
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  for (const char *p = title; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == '/' || *p == '\\')
      return FALSE;
  return TRUE;
}

static gboolean
is_bigger (const Rendition *a,
           const Rendition *b)
{
  return b == NULL || (guint64) a->width * a->height > (guint64) b->width * b->height;
}

static gboolean
name_is_featured (const char *name)
{
  static const char * const featured[] = {
    "featureimage", "featuremedia", "featured", "mainpic", "main", "mainimage",
    "leadimage", NULL
  };

  return _byline_ninjs_role_is (name, featured);
}

static void
add_pending (Media      *m,
             JsonObject *item,
             const char *name,
             const char *href,
             const Rendition *rendition,
             const char *caption,
             const char *credit,
             const char *alt_text,
             gboolean    featured)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *uri = _byline_ninjs_get_string (item, "uri");

#define ADD_STRING(member, value) \
  if ((value) != NULL && *(value) != '\0') \
    { json_builder_set_member_name (builder, member); json_builder_add_string_value (builder, value); }

  json_builder_begin_object (builder);
  ADD_STRING ("name", name);
  ADD_STRING ("uri", uri);
  ADD_STRING ("href", href);
  if (rendition != NULL)
    {
      ADD_STRING ("contenttype", rendition->content_type);
      if (rendition->width > 0 && rendition->height > 0)
        {
          json_builder_set_member_name (builder, "width");
          json_builder_add_int_value (builder, rendition->width);
          json_builder_set_member_name (builder, "height");
          json_builder_add_int_value (builder, rendition->height);
        }
    }
  ADD_STRING ("caption", caption);
  ADD_STRING ("credit", credit);
  ADD_STRING ("alt_text", alt_text);
  json_builder_set_member_name (builder, "featured");
  json_builder_add_boolean_value (builder, featured);
  json_builder_end_object (builder);

#undef ADD_STRING

  json_array_add_element (m->pending, json_builder_get_root (builder));
  if (href != NULL)
    g_hash_table_add (m->pending_hrefs, g_strdup (href));
}

/* Fills what the picture does not have yet: a picture met twice (in the
 * associations and in a body figure) keeps what it was given first. */
static void
describe_picture (BylineImage *image,
                  const char  *caption,
                  const char  *credit,
                  const char  *alt_text)
{
  if (!byline_text_is_blank (caption) && byline_text_is_blank (byline_image_get_caption (image)))
    byline_image_set_caption (image, caption);
  if (!byline_text_is_blank (credit) && byline_text_is_blank (byline_image_get_credit (image)))
    byline_image_set_credit (image, credit);
  if (!byline_text_is_blank (alt_text) && byline_text_is_blank (byline_image_get_alt_text (image)))
    byline_image_set_alt_text (image, alt_text);
}

static void
attach (Media       *m,
        BylineImage *image)
{
  if (g_hash_table_contains (m->by_sha256, byline_image_get_sha256 (image)))
    return;
  byline_article_add_image (m->article, image);
  g_hash_table_insert (m->by_sha256, g_strdup (byline_image_get_sha256 (image)), image);
}

static gboolean
import_picture (Media       *m,
                JsonObject  *item,
                const char  *name,
                gboolean     featured,
                GError     **error)
{
  static const char * const caption_roles[] = { "caption", "text", "description", "summary", NULL };
  static const char * const alt_roles[] = {
    "alt", "alttext", "alt-text", "alt_text", "alternativetext", "alternative-text",
    "alternative text", "accessibility", NULL
  };
  JsonArray *descriptions = _byline_ninjs_get_array (item, "descriptions");
  g_autoptr(GArray) renditions = read_renditions (item);
  g_autofree char *caption = NULL;
  g_autofree char *alt_text = NULL;
  g_autoptr(BylineImage) image = NULL;
  const Rendition *best_local = NULL, *best_remote = NULL, *first_missing = NULL;
  g_autoptr(GFile) local_file = NULL;
  const char *credit, *text;
  const char *where = name != NULL ? name : "picture";

  caption = _byline_ninjs_pick_text (descriptions, caption_roles, TRUE, FALSE);
  if (caption == NULL && (text = _byline_ninjs_get_string (item, "description_text")) != NULL)
    caption = byline_text_normalize_line (text, -1);
  if (caption == NULL && (text = _byline_ninjs_get_string (item, "description_html")) != NULL)
    caption = _byline_ninjs_html_to_text (text, FALSE);
  if (caption == NULL)
    {
      static const char * const any[] = { "main", NULL };
      caption = _byline_ninjs_pick_text (_byline_ninjs_get_array (item, "headlines"), any, TRUE, FALSE);
      if (caption == NULL && (text = _byline_ninjs_get_string (item, "headline")) != NULL)
        caption = byline_text_normalize_line (text, -1);
    }
  alt_text = _byline_ninjs_pick_text (descriptions, alt_roles, FALSE, FALSE);
  if (alt_text == NULL && (text = _byline_ninjs_get_string (item, "description_alt")) != NULL)
    alt_text = byline_text_normalize_line (text, -1);
  /* Superdesk, the newsroom system behind several agencies' 1.x feeds, puts a
   * picture's alternative text in its body_text. */
  if (alt_text == NULL && (text = _byline_ninjs_get_string (item, "body_text")) != NULL)
    alt_text = byline_text_normalize_line (text, -1);
  credit = _byline_ninjs_get_string2 (item, "by", "byline");
  if (credit == NULL)
    credit = _byline_ninjs_get_string2 (item, "copyrightholder", "copyrightHolder");

  /* Every href is checked, not only the one used: an item that points outside
   * its folder anywhere is refused as a whole. */
  for (guint i = 0; i < renditions->len; i++)
    {
      Rendition *r = &g_array_index (renditions, Rendition, i);
      g_autoptr(GFile) file = NULL;
      HrefKind kind;

      if (r->href == NULL)
        continue;
      if (!resolve_href (m, r->href, where, &kind, &file, error))
        return FALSE;
      if (kind == HREF_LOCAL && is_bigger (r, best_local))
        {
          best_local = r;
          g_set_object (&local_file, file);
        }
      else if (kind == HREF_REMOTE && is_bigger (r, best_remote))
        best_remote = r;
      else if (kind == HREF_MISSING && first_missing == NULL)
        first_missing = r;
    }

  featured = featured && !m->have_featured;

  if (best_local == NULL)
    {
      const Rendition *best = best_remote != NULL ? best_remote : first_missing;

      add_pending (m, item, name, best != NULL ? best->href : NULL, best,
                   caption, credit, alt_text, featured);
      m->have_featured |= featured;
      return TRUE;
    }

  image = load_picture (m, local_file, where, error);
  if (image == NULL)
    return FALSE;
  /* Its name as Byline sends it (byline-ninjs-export.c), rather than the
   * name of a file downloaded from a server, which is its SHA-256. */
  if (is_file_name (best_local->title))
    byline_image_set_filename (image, best_local->title);
  describe_picture (image, caption, credit, alt_text);
  if (featured)
    {
      byline_image_set_featured (image, TRUE);
      m->have_featured = TRUE;
    }
  attach (m, image);
  for (guint i = 0; i < renditions->len; i++)
    {
      const char *href = g_array_index (renditions, Rendition, i).href;

      if (href != NULL)
        g_hash_table_insert (m->by_href, g_strdup (href), image);
    }
  return TRUE;
}

static gboolean
is_picture_association (JsonObject *item)
{
  const char *type = _byline_ninjs_get_string (item, "type");
  g_autoptr(GArray) renditions = NULL;

  if (type != NULL)
    return strcmp (type, "picture") == 0 || strcmp (type, "graphic") == 0;
  /* Untyped: a picture when it has picture renditions. */
  renditions = read_renditions (item);
  for (guint i = 0; i < renditions->len; i++)
    {
      const Rendition *r = &g_array_index (renditions, Rendition, i);

      if (r->content_type != NULL || (r->href != NULL && g_regex_match_simple (
            "\\.(jpe?g|png|gif|webp)([?#].*)?$", r->href, G_REGEX_CASELESS, 0)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
import_associations (Media       *m,
                     JsonObject  *root,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (root, "associations");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *item;
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
            continue;
          item = json_array_get_object_element (array, i);
          if (!is_picture_association (item))
            continue;
          name = _byline_ninjs_get_string (item, "name");
          if (!import_picture (m, item, name, name_is_featured (name), error))
            return FALSE;
        }
    }
  else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          if (!JSON_NODE_HOLDS_OBJECT (value) || !is_picture_association (json_node_get_object (value)))
            continue;
          if (!import_picture (m, json_node_get_object (value), name, name_is_featured (name), error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_byline_ninjs_media_add_figure (BylineNinjsMedia  *m,
                                const char        *src,
                                const char        *caption,
                                const char        *credit,
                                const char        *alt_text,
                                BylineImage      **out_image,
                                GError           **error)
{
  g_autoptr(BylineImage) image = NULL;
  g_autoptr(GFile) file = NULL;
  HrefKind kind;

  *out_image = NULL;
  image = g_hash_table_lookup (m->by_href, src);
  if (image != NULL)
    g_object_ref (image);
  else
    {
      if (!resolve_href (m, src, src, &kind, &file, error))
        return FALSE;
      if (kind == HREF_LOCAL)
        {
          image = load_picture (m, file, src, error);
          if (image == NULL)
            return FALSE;
          attach (m, image);
        }
      else if ((kind == HREF_REMOTE || kind == HREF_MISSING)
               && !g_hash_table_contains (m->pending_hrefs, src))
        add_pending (m, NULL, NULL, src, NULL, caption, credit, alt_text, FALSE);
    }

  if (image != NULL)
    {
      describe_picture (image, caption, credit, alt_text);
      *out_image = image;  /* the article holds it */
    }
  return TRUE;
}

/* ----------------------------------------------------------------- entry */

BylineNinjsMedia *
_byline_ninjs_media_new (BylineArticle  *article,
                         const char     *source_name,
                         GFile          *base_folder,
                         GError        **error)
{
  g_autoptr(BylineNinjsMedia) m = g_new0 (BylineNinjsMedia, 1);

  m->article = article;
  m->source = source_name;
  m->by_sha256 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->by_href = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->pending_hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->pending = json_array_new ();

  if (base_folder != NULL)
    {
      g_autofree char *path = g_file_get_path (base_folder);

      if (path == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                       _("%s: the item’s folder is not a local folder"), source_name);
          return NULL;
        }
      m->base_path = g_canonicalize_filename (path, NULL);
      m->base_real = realpath (m->base_path, NULL);
      if (m->base_real == NULL)
        m->base_real = g_strdup (m->base_path);
    }

  return g_steal_pointer (&m);
}

void
_byline_ninjs_media_free (BylineNinjsMedia *m)
{
  g_clear_pointer (&m->base_path, g_free);
  g_clear_pointer (&m->base_real, g_free);
  g_clear_pointer (&m->by_sha256, g_hash_table_unref);
  g_clear_pointer (&m->by_href, g_hash_table_unref);
  g_clear_pointer (&m->pending_hrefs, g_hash_table_unref);
  g_clear_pointer (&m->pending, json_array_unref);
  g_free (m);
}

gboolean
_byline_ninjs_media_import_pictures (BylineNinjsMedia  *m,
                                     JsonObject        *root,
                                     GError           **error)
{
  const char *type = _byline_ninjs_get_string (root, "type");

  /* A picture item is itself the picture (and the featured one). */
  if ((g_strcmp0 (type, "picture") == 0 || g_strcmp0 (type, "graphic") == 0)
      && !import_picture (m, root, NULL, TRUE, error))
    return FALSE;
  return import_associations (m, root, error);
}

void
_byline_ninjs_media_finish (BylineNinjsMedia *m)
{
  g_autoptr(JsonObject) extra = NULL;

  if (json_array_get_length (m->pending) == 0)
    return;
  extra = json_object_new ();
  json_object_set_array_member (extra, BYLINE_NINJS_PENDING_MEMBER, json_array_ref (m->pending));
  _byline_article_set_extra (m->article, extra);
}

JsonArray *
byline_ninjs_dup_pending_pictures (BylineArticle *article)
{
  JsonObject *extra;
  JsonArray *pending, *copy;
  JsonNode *node;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  extra = _byline_article_get_extra (article);
  node = extra != NULL ? json_object_get_member (extra, BYLINE_NINJS_PENDING_MEMBER) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  pending = json_node_get_array (node);
  if (json_array_get_length (pending) == 0)
    return NULL;

  copy = json_array_sized_new (json_array_get_length (pending));
  for (guint i = 0; i < json_array_get_length (pending); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (pending, i)));
  return copy;
}
