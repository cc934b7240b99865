/* byline-draft-format.c — "Byline draft v1", see docs/draft-format.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article-private.h"
#include "byline-body-private.h"
#include "byline-date-format.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image-private.h"
#include "byline-text.h"

static const char *article_members[] = {
  "format", "version", "id", "revision", "status", "headline", "lead", "authors",
  "dateline", "source_prefix", "category", "tags", "language", "slug", "created",
  "modified", "publish_time", "editor_note", "images", "body", "remote", NULL
};

static const char *image_members[] = {
  "id", "sha256", "media_type", "filename", "width", "height", "caption", "credit",
  "alt_text", "featured", NULL
};

static const char *block_members[] = {
  "type", "text", "spans", "image", NULL
};

/* ------------------------------------------------------------------ writing */

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autofree char *str = value ? byline_format_rfc3339 (value) : NULL;

  add_string (builder, name, str);
}

/* Members this version does not know, written back after the known ones. */
static void
add_extra (JsonBuilder        *builder,
           JsonObject         *extra,
           const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (node));
    }
}

static void
add_image (JsonBuilder *builder,
           BylineImage *image)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", byline_image_get_id (image));
  add_string (builder, "sha256", byline_image_get_sha256 (image));
  add_string (builder, "media_type", byline_image_get_media_type (image));
  add_string (builder, "filename", byline_image_get_filename (image));
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, byline_image_get_width (image));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, byline_image_get_height (image));
  add_string (builder, "caption", byline_image_get_caption (image));
  add_string (builder, "credit", byline_image_get_credit (image));
  add_string (builder, "alt_text", byline_image_get_alt_text (image));
  json_builder_set_member_name (builder, "featured");
  json_builder_add_boolean_value (builder, byline_image_get_featured (image));
  add_extra (builder, _byline_image_get_extra (image), image_members);
  json_builder_end_object (builder);
}

static void
add_block (JsonBuilder       *builder,
           const BylineBlock *block)
{
  BylineBlockKind kind = byline_block_get_kind (block);

  json_builder_begin_object (builder);
  add_string (builder, "type", byline_block_kind_to_string (kind));

  if (kind == BYLINE_BLOCK_IMAGE)
    add_string (builder, "image", byline_block_get_image_id (block));
  else
    {
      const BylineSpan *spans;
      guint n_spans;

      add_string (builder, "text", byline_block_get_text (block));
      spans = byline_block_get_spans (block, &n_spans);
      if (n_spans > 0)
        {
          json_builder_set_member_name (builder, "spans");
          json_builder_begin_array (builder);
          for (guint i = 0; i < n_spans; i++)
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "start");
              json_builder_add_int_value (builder, spans[i].start);
              json_builder_set_member_name (builder, "end");
              json_builder_add_int_value (builder, spans[i].end);
              add_string (builder, "style", byline_span_kind_to_string (spans[i].kind));
              if (spans[i].href != NULL)
                add_string (builder, "href", spans[i].href);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
    }
  add_extra (builder, _byline_block_get_extra (block), block_members);
  json_builder_end_object (builder);
}

JsonNode *
byline_draft_format_to_json (BylineArticle *article)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(GStrv) remotes = NULL;
  g_autofree char *version = NULL;
  BylineBody *body;
  guint n;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  version = g_strdup_printf ("%d.%d", BYLINE_DRAFT_FORMAT_MAJOR, BYLINE_DRAFT_FORMAT_MINOR);
  add_string (builder, "format", BYLINE_DRAFT_FORMAT_NAME);
  add_string (builder, "version", version);
  add_string (builder, "id", byline_article_get_id (article));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, (gint64) byline_article_get_revision (article));
  add_string (builder, "status", byline_status_to_string (byline_article_get_status (article)));
  add_string (builder, "headline", byline_article_get_headline (article));
  add_string (builder, "lead", byline_article_get_lead (article));
  add_strv (builder, "authors", byline_article_get_authors (article));
  add_string (builder, "dateline", byline_article_get_dateline (article));
  add_string (builder, "source_prefix", byline_article_get_source_prefix (article));
  add_string (builder, "category", byline_article_get_category (article));
  add_strv (builder, "tags", byline_article_get_tags (article));
  add_string (builder, "language", byline_article_get_language (article));
  add_string (builder, "slug", byline_article_get_slug (article));
  add_date_time (builder, "created", byline_article_get_created (article));
  add_date_time (builder, "modified", byline_article_get_modified (article));
  add_date_time (builder, "publish_time", byline_article_get_publish_time (article));
  add_string (builder, "editor_note", byline_article_get_editor_note (article));

  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  n = byline_article_get_n_images (article);
  for (guint i = 0; i < n; i++)
    add_image (builder, byline_article_get_image (article, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  body = byline_article_get_body (article);
  n = byline_body_get_n_blocks (body);
  for (guint i = 0; i < n; i++)
    add_block (builder, byline_body_get_block (body, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "remote");
  json_builder_begin_object (builder);
  remotes = byline_article_list_remotes (article);
  for (guint i = 0; remotes[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, remotes[i]);
      json_builder_begin_object (builder);
      add_string (builder, "id", byline_article_get_remote_id (article, remotes[i]));
      add_string (builder, "version", byline_article_get_remote_version (article, remotes[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  add_extra (builder, _byline_article_get_extra (article), article_members);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

GBytes *
byline_draft_format_serialize (BylineArticle *article)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  root = byline_draft_format_to_json (article);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* ------------------------------------------------------------------ reading */

#define SIZES_AS_STORED_KEY "byline-draft-sizes-as-stored"

gboolean
_byline_draft_format_take_sizes_as_stored (BylineArticle *article)
{
  return GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (article), SIZES_AS_STORED_KEY));
}

typedef struct
{
  const char *source;
  GError    **error;
  guint64     minor;
} Reader;

static gboolean
fail (Reader     *reader,
      BylineError code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *reader,
      BylineError code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, BYLINE_ERROR, code, "%s: %s", reader->source, message);
  return FALSE;
}

/* Reads an optional member of the expected JSON type; FALSE (error set) when it
 * has another type. */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“%s” must be a string"), where, name);
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (Reader     *reader,
         JsonObject *object,
         const char *where,
         const char *name,
         gint64      min,
         gint64      max,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“%s” must be a whole number"), where, name);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“%s” is out of range (%lld)"),
                 where, name, (long long) *value);
  return TRUE;
}

static gboolean
get_array (Reader      *reader,
           JsonObject  *object,
           const char  *where,
           const char  *name,
           JsonArray  **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“%s” must be a list"), where, name);
  *value = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_strv (Reader      *reader,
          JsonObject  *object,
          const char  *name,
          GStrv       *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!get_array (reader, object, "", name, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (reader, BYLINE_ERROR_INVALID, _("every entry of “%s” must be a string"), name);
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *value = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
get_date_time (Reader      *reader,
               JsonObject  *object,
               const char  *name,
               GDateTime  **value)
{
  const char *str;

  *value = NULL;
  if (!get_string (reader, object, "", name, &str))
    return FALSE;
  if (str == NULL)
    return TRUE;
  *value = g_date_time_new_from_iso8601 (str, NULL);
  if (*value == NULL)
    return fail (reader, BYLINE_ERROR_INVALID,
                 _("“%s” is not an ISO 8601 date and time with a zone: “%s”"), name, str);
  return TRUE;
}

static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }
  return extra;
}

static gboolean
read_image (Reader        *reader,
            BylineArticle *article,
            JsonNode      *node,
            guint          position)
{
  g_autoptr(BylineImage) image = NULL;
  g_autoptr(JsonObject) extra = NULL;
  /* Translators: where a problem is in a draft file; it begins the messages
   * that start with %s, such as “%s“%s” must be a string”. */
  g_autofree char *where = g_strdup_printf (_("image %u: "), position + 1);
  const char *id, *sha256, *media_type, *filename, *caption, *credit, *alt_text;
  gint64 width, height;
  JsonObject *object;
  JsonNode *featured;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, BYLINE_ERROR_INVALID, _("%smust be an object"), where);
  object = json_node_get_object (node);

  if (!get_string (reader, object, where, "id", &id)
      || !get_string (reader, object, where, "sha256", &sha256)
      || !get_string (reader, object, where, "media_type", &media_type)
      || !get_string (reader, object, where, "filename", &filename)
      || !get_string (reader, object, where, "caption", &caption)
      || !get_string (reader, object, where, "credit", &credit)
      || !get_string (reader, object, where, "alt_text", &alt_text)
      || !get_int (reader, object, where, "width", 0, G_MAXINT32, &width)
      || !get_int (reader, object, where, "height", 0, G_MAXINT32, &height))
    return FALSE;

  if (id == NULL || *id == '\0')
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“id” is missing"), where);
  if (sha256 == NULL || strlen (sha256) != 64
      || strspn (sha256, "0123456789abcdefABCDEF") != 64)
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“sha256” must be 64 hexadecimal digits"), where);
  if (byline_article_find_image (article, id) != NULL)
    return fail (reader, BYLINE_ERROR_INVALID, _("%sthe id “%s” is used twice"), where, id);

  image = _byline_image_new_full (id, sha256, media_type);
  byline_image_set_filename (image, filename);
  byline_image_set_size (image, width, height);
  byline_image_set_caption (image, caption);
  byline_image_set_credit (image, credit);
  byline_image_set_alt_text (image, alt_text);
  featured = json_object_get_member (object, "featured");
  if (featured != NULL && JSON_NODE_HOLDS_VALUE (featured)
      && json_node_get_value_type (featured) == G_TYPE_BOOLEAN)
    byline_image_set_featured (image, json_node_get_boolean (featured));

  extra = collect_extra (object, image_members);
  _byline_image_set_extra (image, extra);
  byline_article_add_image (article, image);
  return TRUE;
}

static gboolean
read_spans (Reader     *reader,
            BylineBody *body,
            guint       index,
            JsonArray  *spans,
            const char *where)
{
  guint length = byline_block_get_length (byline_body_get_block (body, index));

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      const char *style, *href;
      BylineSpanKind kind;
      JsonObject *object;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (reader, BYLINE_ERROR_INVALID, _("%sa span must be an object"), where);
      object = json_node_get_object (node);
      if (!get_int (reader, object, where, "start", 0, length, &start)
          || !get_int (reader, object, where, "end", 0, length, &end)
          || !get_string (reader, object, where, "style", &style)
          || !get_string (reader, object, where, "href", &href))
        return FALSE;
      /* A style from a newer minor version is dropped, not an error. */
      if (!byline_span_kind_from_string (style, &kind))
        continue;
      if (kind == BYLINE_SPAN_LINK && (href == NULL || *href == '\0'))
        return fail (reader, BYLINE_ERROR_INVALID, _("%sa link span has no “href”"), where);
      if (start < end)
        byline_body_apply_span (body, index, start, end, kind, href, TRUE);
    }
  return TRUE;
}

static gboolean
read_block (Reader        *reader,
            BylineArticle *article,
            JsonNode      *node,
            guint          position)
{
  /* Translators: where a problem is in a draft file (a paragraph, heading or
   * picture of the body); it begins the messages that start with %s. */
  g_autofree char *where = g_strdup_printf (_("body block %u: "), position + 1);
  g_autoptr(JsonObject) extra = NULL;
  BylineBody *body = byline_article_get_body (article);
  const char *type, *text, *image_id;
  BylineBlockKind kind;
  JsonObject *object;
  JsonArray *spans;
  guint index;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, BYLINE_ERROR_INVALID, _("%smust be an object"), where);
  object = json_node_get_object (node);

  if (!get_string (reader, object, where, "type", &type)
      || !get_string (reader, object, where, "text", &text)
      || !get_string (reader, object, where, "image", &image_id)
      || !get_array (reader, object, where, "spans", &spans))
    return FALSE;

  if (type == NULL)
    return fail (reader, BYLINE_ERROR_INVALID, _("%s“type” is missing"), where);

  /* A block type from a newer minor version keeps its text as a paragraph. */
  if (!byline_block_kind_from_string (type, &kind))
    kind = BYLINE_BLOCK_PARAGRAPH;

  if (kind == BYLINE_BLOCK_IMAGE)
    {
      if (image_id == NULL || byline_article_find_image (article, image_id) == NULL)
        return fail (reader, BYLINE_ERROR_INVALID, _("%srefers to an image the draft does not have"),
                     where);
      index = byline_body_insert_image (body, G_MAXUINT, image_id);
    }
  else
    {
      index = byline_body_append_block (body, kind, text ? text : "");
      if (!read_spans (reader, body, index, spans, where))
        return FALSE;
    }

  extra = collect_extra (object, block_members);
  if (extra != NULL)
    _byline_body_set_block_extra (body, index, extra);
  return TRUE;
}

static gboolean
check_version (Reader     *reader,
               JsonObject *object)
{
  const char *format, *version;
  guint64 major = 0;
  char *end = NULL;

  if (!get_string (reader, object, "", "format", &format)
      || !get_string (reader, object, "", "version", &version))
    return FALSE;
  if (g_strcmp0 (format, BYLINE_DRAFT_FORMAT_NAME) != 0)
    return fail (reader, BYLINE_ERROR_UNSUPPORTED_FORMAT, _("not a Byline draft (no “format”: “%s”)"),
                 BYLINE_DRAFT_FORMAT_NAME);
  if (version != NULL)
    major = g_ascii_strtoull (version, &end, 10);
  if (version == NULL || end == version || (*end != '\0' && *end != '.') || major == 0)
    return fail (reader, BYLINE_ERROR_INVALID, _("“version” must be “MAJOR.MINOR”, not “%s”"),
                 version ? version : "");
  reader->minor = *end == '.' ? g_ascii_strtoull (end + 1, NULL, 10) : 0;
  if (major > BYLINE_DRAFT_FORMAT_MAJOR)
    return fail (reader, BYLINE_ERROR_NEWER_VERSION,
                 _("written by a newer Byline (draft format %s); this version reads format %d.x"),
                 version, BYLINE_DRAFT_FORMAT_MAJOR);
  return TRUE;
}

BylineArticle *
byline_draft_format_from_json (JsonNode    *root,
                               const char  *source_name,
                               GError     **error)
{
  Reader reader = { source_name ? source_name : "<draft>", error };
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) publish_time = NULL;
  g_auto(GStrv) authors = NULL;
  g_auto(GStrv) tags = NULL;
  const char *id, *status_str, *headline, *lead, *dateline, *source_prefix, *category;
  const char *language, *slug, *editor_note;
  BylineStatus status = BYLINE_STATUS_DRAFT;
  JsonArray *images, *blocks;
  JsonNode *remote;
  JsonObject *object;
  gint64 revision;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&reader, BYLINE_ERROR_UNSUPPORTED_FORMAT, _("not a Byline draft (not a JSON object)"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!check_version (&reader, object)
      || !get_string (&reader, object, "", "id", &id)
      || !get_int (&reader, object, "", "revision", 0, G_MAXINT64, &revision)
      || !get_string (&reader, object, "", "status", &status_str)
      || !get_string (&reader, object, "", "headline", &headline)
      || !get_string (&reader, object, "", "lead", &lead)
      || !get_strv (&reader, object, "authors", &authors)
      || !get_string (&reader, object, "", "dateline", &dateline)
      || !get_string (&reader, object, "", "source_prefix", &source_prefix)
      || !get_string (&reader, object, "", "category", &category)
      || !get_strv (&reader, object, "tags", &tags)
      || !get_string (&reader, object, "", "language", &language)
      || !get_string (&reader, object, "", "slug", &slug)
      || !get_date_time (&reader, object, "created", &created)
      || !get_date_time (&reader, object, "modified", &modified)
      || !get_date_time (&reader, object, "publish_time", &publish_time)
      || !get_string (&reader, object, "", "editor_note", &editor_note)
      || !get_array (&reader, object, "", "images", &images)
      || !get_array (&reader, object, "", "body", &blocks))
    return NULL;

  if (id == NULL || !g_uuid_string_is_valid (id))
    {
      fail (&reader, BYLINE_ERROR_INVALID, _("“id” must be a UUID"));
      return NULL;
    }
  if (status_str != NULL && !byline_status_from_string (status_str, &status))
    {
      fail (&reader, BYLINE_ERROR_INVALID, _("unknown “status”: “%s”"), status_str);
      return NULL;
    }

  article = byline_article_new_with_id (id);
  byline_article_set_headline (article, headline);
  byline_article_set_lead (article, lead);
  byline_article_set_authors (article, (const char * const *) authors);
  byline_article_set_dateline (article, dateline);
  byline_article_set_source_prefix (article, source_prefix);
  byline_article_set_category (article, category);
  byline_article_set_tags (article, (const char * const *) tags);
  byline_article_set_language (article, language);
  byline_article_set_slug (article, slug);
  if (created != NULL)
    byline_article_set_created (article, created);
  if (modified != NULL)
    byline_article_set_modified (article, modified);
  byline_article_set_publish_time (article, publish_time);
  byline_article_set_status (article, status);
  byline_article_set_editor_note (article, editor_note);

  for (guint i = 0; images != NULL && i < json_array_get_length (images); i++)
    if (!read_image (&reader, article, json_array_get_element (images, i), i))
      return NULL;

  for (guint i = 0; blocks != NULL && i < json_array_get_length (blocks); i++)
    if (!read_block (&reader, article, json_array_get_element (blocks, i), i))
      return NULL;

  remote = json_object_get_member (object, "remote");
  if (remote != NULL && JSON_NODE_HOLDS_OBJECT (remote))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, json_node_get_object (remote));
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          const char *remote_id, *remote_version;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          if (!get_string (&reader, json_node_get_object (node), "remote: ", "id", &remote_id)
              || !get_string (&reader, json_node_get_object (node), "remote: ", "version",
                              &remote_version))
            return NULL;
          if (remote_id != NULL)
            byline_article_set_remote (article, name, remote_id, remote_version);
        }
    }

  extra = collect_extra (object, article_members);
  _byline_article_set_extra (article, extra);
  byline_article_set_revision (article, revision);
  /* For the store, which has the pictures' files to measure them again. */
  if (reader.minor < 1)
    g_object_set_data (G_OBJECT (article), SIZES_AS_STORED_KEY, GINT_TO_POINTER (TRUE));

  return g_steal_pointer (&article);
}

/* JSON parsers say where with "<data>:LINE:COLUMN"; say which file instead. */
static void
set_parse_error (GError     **error,
                 const char  *source_name,
                 GError      *parse_error)
{
  const char *message = parse_error->message;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
               "%s:%s", source_name, message);
}

BylineArticle *
byline_draft_format_parse (GBytes      *bytes,
                           const char  *source_name,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data, *bad;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (source_name == NULL)
    source_name = "<draft>";

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s: the file is empty"),
                   source_name);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: not a Byline draft (binary data)"), source_name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                   _("%s: not UTF-8 text (invalid byte at offset %lu)"),
                   source_name, (unsigned long) (bad - data));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      set_parse_error (error, source_name, local_error);
      return NULL;
    }

  return byline_draft_format_from_json (json_parser_get_root (parser), source_name, error);
}

gboolean
byline_draft_format_sniff (GBytes *bytes)
{
  const char *data;
  gsize length;
  g_autofree char *head = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  /* The format member is written first; a hand-edited file may move it, so
   * look at the head of the file rather than at one position. */
  head = g_strndup (data, MIN (length, 4096));
  return strstr (head, "\"format\"") != NULL && strstr (head, "\"" BYLINE_DRAFT_FORMAT_NAME "\"") != NULL;
}
