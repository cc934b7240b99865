/* byline-wordpress-review.c — the review queue of a WordPress site: pending
 * posts, and downloading one with its pictures as a local draft
 *
 * The queue is the posts with status "pending", newest first.  A post opened
 * for review is read in the edit context: its raw title, excerpt and block
 * HTML go back through the HTML import (the same walker as a pasted page),
 * each picture of the site's own media library is downloaded beside it, and
 * the figcaption gives caption and credit back, the img its alt text.
 *
 * WordPress has no "returned" status and no field for the editor's note:
 * the Byline plugin (data/wordpress/byline-review.php) registers post meta
 * for them — a returned story is a "draft" with byline_returned set, the note
 * is byline_note (edit context only, never published).  byline_id names the
 * draft a post came from, so that the reporter's own draft is the one that
 * takes the editor's changes (docs/wordpress.md, "Review").
 *
 * Requests run in a worker thread, one after the other, like a send.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article.h"
#include "byline-draft-format.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-http-private.h"
#include "byline-image.h"
#include "byline-review-private.h"
#include "byline-wordpress-private.h"

/* ------------------------------------------------------------- helpers */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
raw_member (JsonObject *post,
            const char *name)
{
  JsonObject *object = member_object (post, name);

  return object ? json_object_get_string_member_with_default (object, "raw", "") : "";
}

gboolean
_byline_wordpress_post_has_byline_meta (JsonObject *post)
{
  JsonObject *meta = member_object (post, "meta");

  return meta != NULL && json_object_has_member (meta, BYLINE_WORDPRESS_META_RETURNED)
         && json_object_has_member (meta, BYLINE_WORDPRESS_META_NOTE);
}

static const char *
meta_string (JsonObject *post,
             const char *key)
{
  JsonObject *meta = member_object (post, "meta");
  JsonNode *node = meta ? json_object_get_member (meta, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return *json_node_get_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
meta_boolean (JsonObject *post,
              const char *key)
{
  JsonObject *meta = member_object (post, "meta");

  return meta != NULL && json_object_get_boolean_member_with_default (meta, key, FALSE);
}

/* A name-based UUID (SHA-256, version 5's layout) for what WordPress names by number. */
static char *
uuid_for (const char *name)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  static const char hex[] = "0123456789abcdef";

  sha[12] = '5';
  sha[16] = hex[8 + (g_ascii_xdigit_value (sha[16]) & 3)];
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", sha, sha + 8, sha + 12, sha + 16, sha + 20);
}

static GDateTime *
parse_gmt (JsonObject *post,
           const char *name)
{
  const char *text = json_object_get_string_member_with_default (post, name, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static BylineStatus
status_of (JsonObject *post)
{
  const char *status = json_object_get_string_member_with_default (post, "status", "draft");

  if (g_str_equal (status, "pending"))
    return BYLINE_STATUS_SUBMITTED;
  if (g_str_equal (status, "publish"))
    return BYLINE_STATUS_PUBLISHED;
  if (g_str_equal (status, "future"))
    return BYLINE_STATUS_SCHEDULED;
  if (meta_boolean (post, BYLINE_WORDPRESS_META_RETURNED))
    return BYLINE_STATUS_RETURNED;
  return BYLINE_STATUS_DRAFT;
}

/* The name of term @id ("categories" or "tags"); NULL when unreadable. */
static char *
term_name (BylineWordpressDestination *self,
           const char                 *taxonomy,
           gint64                      id,
           GCancellable               *cancellable)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/%s/%" G_GINT64_FORMAT "?_fields=name", taxonomy, id);
  g_autoptr(JsonNode) root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return _byline_wordpress_unescape (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                                "name", ""));
}

static char *
author_name (BylineWordpressDestination *self,
             gint64                      id,
             GCancellable               *cancellable)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/users/%" G_GINT64_FORMAT "?_fields=name", id);
  /* Only editors of users may read an author with nothing published: then no name. */
  g_autoptr(JsonNode) root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root), "name", NULL));
}

static BylineRemoteStory *
story_from_post (BylineWordpressDestination *self,
                 JsonObject                 *post,
                 const char                 *version,
                 GCancellable               *cancellable)
{
  BylineRemoteStory *story = g_new0 (BylineRemoteStory, 1);
  JsonNode *categories = json_object_get_member (post, "categories");

  story->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (post, "id", 0));
  story->headline = _byline_wordpress_unescape (raw_member (post, "title"));
  story->status = status_of (post);
  story->note = g_strdup (meta_string (post, BYLINE_WORDPRESS_META_NOTE));
  story->updated = parse_gmt (post, "modified_gmt");
  /* WordPress keeps no time of submission: a pending post was submitted at its last change. */
  if (story->status == BYLINE_STATUS_SUBMITTED && story->updated != NULL)
    story->submitted = g_date_time_ref (story->updated);
  if (story->status == BYLINE_STATUS_SCHEDULED)
    story->publish_at = parse_gmt (post, "date_gmt");
  story->author = author_name (self, json_object_get_int_member_with_default (post, "author", 0), cancellable);
  story->submitted_by = g_strdup (story->author);
  if (categories != NULL && JSON_NODE_HOLDS_ARRAY (categories)
      && json_array_get_length (json_node_get_array (categories)) > 0)
    story->category = term_name (self, "categories",
                                 json_array_get_int_element (json_node_get_array (categories), 0), cancellable);
  story->version = g_strdup (version);
  return story;
}

/* ---------------------------------------------------------------- list */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BylineWordpressDestination *self = source_object;
  BylineStatus status = GPOINTER_TO_INT (task_data);
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_remote_story_free);
  g_autoptr(GError) error = NULL;
  const char *wp_status = _byline_wordpress_status_name (status);

  /* A returned story is a draft with the plugin's mark; newest change first. */
  for (guint page = 1; page < 100; page++)
    {
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts?context=edit&status=%s&orderby=modified&order=desc"
                                               "&per_page=50&page=%u", wp_status, page);
      g_autoptr(JsonNode) root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL,
                                                         "Your WordPress role cannot see the stories waiting "
                                                         "for review.", cancellable, &error);
      JsonArray *posts;

      if (root == NULL)
        {
          /* Past the last page, WordPress answers 400 rest_post_invalid_page_number. */
          if (page > 1 && g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_INVALID))
            break;
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!JSON_NODE_HOLDS_ARRAY (root))
        {
          g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s sent something else than a "
                                   "list of posts."), self->url);
          return;
        }
      posts = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (posts); i++)
        {
          JsonObject *post = json_array_get_object_element (posts, i);

          if (post == NULL || status_of (post) != status)
            continue;
          /* No version here: opening a story reads it again. */
          g_ptr_array_add (stories, story_from_post (self, post, NULL, cancellable));
        }
      if (json_array_get_length (posts) < 50)
        break;
    }
  g_task_return_pointer (task, g_steal_pointer (&stories), (GDestroyNotify) g_ptr_array_unref);
}

static void
wordpress_list_async (BylineReviewSource  *source,
                      BylineStatus         status,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, wordpress_list_async);
  g_task_set_task_data (task, GINT_TO_POINTER (status), NULL);
  g_task_run_in_thread (task, list_thread);
}

static GPtrArray *
wordpress_list_finish (BylineReviewSource  *source,
                       GAsyncResult        *result,
                       GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------------- fetch */

typedef struct
{
  char              *remote_id;
  GFile             *folder;
  BylineRemoteStory *story;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->remote_id);
  g_clear_object (&data->folder);
  g_clear_pointer (&data->story, byline_remote_story_free);
  g_free (data);
}

/* Streams @url to @file through a ".part" file renamed when whole. */
static gboolean
download (BylineWordpressDestination  *self,
          const char                  *url,
          GFile                       *file,
          GCancellable                *cancellable,
          GError                     **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *part_path = g_strconcat (g_file_peek_path (file), ".part", NULL);
  g_autoptr(GFile) part = g_file_new_for_path (part_path);
  gssize received = 0;

  if (msg == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("WordPress named a picture by a bad address: %s"), url);
      return FALSE;
    }
  in = soup_session_send (self->session, msg, cancellable, &local_error);
  if (in == NULL)
    {
      g_propagate_error (error, _byline_http_error_from_transport (local_error, msg));
      return FALSE;
    }
  if (soup_message_get_status (msg) >= 300)
    {
      g_propagate_error (error, _byline_http_error_from_response (msg, NULL));
      return FALSE;
    }
  out = g_file_replace (part, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL
      || (received = g_output_stream_splice (G_OUTPUT_STREAM (out), in,
                                             G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                             cancellable, &local_error)) < 0
      || !_byline_http_check_whole (msg, received, &local_error)
      || !g_file_move (part, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
    {
      g_file_delete (part, NULL, NULL);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not download a picture from %s: %s"),
                   self->url, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
html_unescape_attribute (const char *value)
{
  g_autoptr(GString) text = g_string_new (value);

  g_string_replace (text, "&quot;", "\"", 0);
  g_string_replace (text, "&lt;", "<", 0);
  g_string_replace (text, "&gt;", ">", 0);
  g_string_replace (text, "&#038;", "&", 0);
  g_string_replace (text, "&amp;", "&", 0);
  return g_string_free_and_steal (g_steal_pointer (&text));
}

/* The "bylineId" of the image block @img is in (Byline wrote it), or NULL. */
static char *
block_picture_id (const char *content,
                  const char *img)
{
  const char *block = NULL;
  const char *end;
  const char *key;

  for (const char *p = content; (p = strstr (p, "<!-- wp:image ")) != NULL && p < img; p++)
    block = p;
  if (block == NULL || (end = strstr (block, "-->")) == NULL || end > img
      || (key = g_strstr_len (block, end - block, "\"bylineId\":\"")) == NULL)
    return NULL;
  key += strlen ("\"bylineId\":\"");
  if (end - key < 36)
    return NULL;
  {
    g_autofree char *id = g_strndup (key, 36);

    return g_uuid_string_is_valid (id) ? g_steal_pointer (&id) : NULL;
  }
}

/* The content with each picture of the site downloaded into @folder/media/
 * and its src made relative ("media/wp-<n>.<ext>"); @pictures gets the
 * local name → WordPress media id, @ids local name → the picture's Byline id
 * when the block has one.  Without @folder the pictures and their captions
 * are left out. */
static char *
localize_pictures (BylineWordpressDestination  *self,
                   const char                  *content,
                   GFile                       *folder,
                   GHashTable                  *pictures,
                   GHashTable                  *ids,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GFile) media = folder ? g_file_get_child (folder, "media") : NULL;
  g_autofree char *site = g_strconcat (self->url, "/", NULL);
  const char *p = content;
  guint n = 0;

  if (folder == NULL)
    {
      const char *figure;

      /* Counting words needs no pictures, and their captions are no paragraphs. */
      while ((figure = strstr (p, "<figure")) != NULL)
        {
          const char *end = strstr (figure, "</figure>");

          g_string_append_len (out, p, figure - p);
          if (end == NULL)
            return g_string_free_and_steal (g_steal_pointer (&out));
          p = end + strlen ("</figure>");
        }
      g_string_append (out, p);
      return g_string_free_and_steal (g_steal_pointer (&out));
    }

  if (!g_file_make_directory_with_parents (media, cancellable, error))
    {
      if (error == NULL || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return NULL;
      g_clear_error (error);
    }

  for (const char *img; (img = strstr (p, "<img ")) != NULL;)
    {
      const char *tag_end = strchr (img, '>');
      const char *src = strstr (img, " src=\"");
      const char *src_end;
      const char *class;
      g_autofree char *url = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;
      const char *dot;
      gint64 media_id = 0;

      if (tag_end == NULL || src == NULL || src > tag_end)
        {
          g_string_append_len (out, p, img + 5 - p);
          p = img + 5;
          continue;
        }
      src += strlen (" src=\"");
      src_end = strchr (src, '"');
      escaped = g_strndup (src, src_end - src);
      url = html_unescape_attribute (escaped);
      class = g_strstr_len (img, tag_end - img, "wp-image-");
      if (class != NULL)
        media_id = g_ascii_strtoll (class + strlen ("wp-image-"), NULL, 10);

      /* Only what the site itself holds: never fetch from anywhere a post
       * names, and never let a relative src reach files here. */
      if (!g_str_has_prefix (url, site))
        {
          g_string_append_len (out, p, src - p);
          p = src_end;
          continue;
        }
      dot = strrchr (url, '.');
      name = g_strdup_printf ("wp-%" G_GINT64_FORMAT "-%u%s", media_id, n++,
                              dot && strlen (dot) <= 5 && !strchr (dot, '/') ? dot : "");
      file = g_file_get_child (media, name);
      if (!download (self, url, file, cancellable, error))
        return NULL;
      g_hash_table_insert (pictures, g_strdup (name), g_memdup2 (&media_id, sizeof media_id));
      {
        char *picture_id = block_picture_id (content, img);

        if (picture_id != NULL)
          g_hash_table_insert (ids, g_strdup (name), picture_id);
      }
      g_string_append_len (out, p, src - p);
      g_string_append_printf (out, "media/%s", name);
      p = src_end;
    }
  g_string_append (out, p);
  return g_string_free_and_steal (g_steal_pointer (&out));
}

/* The post as the article of a local draft. */
static BylineArticle *
article_from_post (BylineWordpressDestination  *self,
                   JsonObject                  *post,
                   GFile                       *folder,
                   const BylineRemoteStory     *story,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  const char *name = byline_destination_get_name (BYLINE_DESTINATION (self));
  g_autoptr(GHashTable) pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) picture_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) imported = NULL;
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(GHashTable) old_to_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *content = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  BylineArticle *article;
  JsonNode *node;
  JsonObject *object;
  gint64 featured = json_object_get_int_member_with_default (post, "featured_media", 0);
  const char *byline_id = meta_string (post, BYLINE_WORDPRESS_META_ID);
  const char *dateline = meta_string (post, BYLINE_WORDPRESS_META_DATELINE);

  content = localize_pictures (self, raw_member (post, "content"), folder, pictures, picture_ids,
                               cancellable, error);
  if (content == NULL)
    return NULL;

  /* Title and excerpt are HTML as Byline sent them (& < > as entities). */
  g_string_append (page, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n<h1>");
  g_string_append (page, raw_member (post, "title"));
  g_string_append (page, "</h1>\n");
  if (*raw_member (post, "excerpt"))
    g_string_append_printf (page, "<p class=\"lead\">%s</p>\n", raw_member (post, "excerpt"));
  g_string_append (page, content);
  g_string_append (page, "\n</article></body></html>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&page));

  label = g_strdup_printf ("%s, post %s", name, story->remote_id);
  imported = byline_html_import (bytes, label, folder, error);
  if (imported == NULL)
    return NULL;

  /* The draft the post came from, else a UUID of its own for this site and post. */
  if (byline_id != NULL && g_uuid_string_is_valid (byline_id))
    id = g_strdup (byline_id);
  else
    {
      g_autofree char *key = g_strconcat ("wordpress-post:", self->url, ":", story->remote_id, NULL);

      id = uuid_for (key);
    }

  /* Pictures named by their media id, stable from one download to the next. */
  for (guint i = 0; i < byline_article_get_n_images (imported); i++)
    {
      BylineImage *image = byline_article_get_image (imported, i);
      GFile *file = byline_image_get_file (image);
      g_autofree char *base = file ? g_file_get_basename (file) : NULL;
      gint64 *media_id = base ? g_hash_table_lookup (pictures, base) : NULL;
      g_autofree char *key = NULL;
      char *new_id;

      if (media_id == NULL)
        continue;
      /* The id Byline gave the picture, else one of this site's media. */
      if (g_hash_table_contains (picture_ids, base)
          && !g_hash_table_contains (files, g_hash_table_lookup (picture_ids, base)))
        new_id = g_strdup (g_hash_table_lookup (picture_ids, base));
      else
        {
          key = g_strdup_printf ("wordpress-media:%s:%" G_GINT64_FORMAT ":%u", self->url, *media_id, i);
          new_id = uuid_for (key);
        }
      byline_image_set_featured (image, featured != 0 && *media_id == featured);
      g_hash_table_insert (files, g_strdup (new_id), g_object_ref (file));
      g_hash_table_insert (old_to_new, g_strdup (byline_image_get_id (image)), new_id);
    }

  draft = byline_draft_format_to_json (imported);
  object = json_node_get_object (draft);
  json_object_set_string_member (object, "id", id);
  node = json_object_get_member (object, "images");
  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *image = json_array_get_object_element (json_node_get_array (node), i);
      const char *new_id = g_hash_table_lookup (old_to_new, json_object_get_string_member_with_default (image, "id", ""));

      if (new_id != NULL)
        json_object_set_string_member (image, "id", new_id);
    }
  node = json_object_get_member (object, "body");
  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *block = json_array_get_object_element (json_node_get_array (node), i);
      const char *old_id = block ? json_object_get_string_member_with_default (block, "image", NULL) : NULL;
      const char *new_id = old_id ? g_hash_table_lookup (old_to_new, old_id) : NULL;

      if (new_id != NULL)
        json_object_set_string_member (block, "image", new_id);
    }
  article = byline_draft_format_from_json (draft, id, error);
  if (article == NULL)
    return NULL;
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      GFile *file = g_hash_table_lookup (files, byline_image_get_id (image));

      if (file != NULL)
        byline_image_set_file (image, file);
    }

  node = json_object_get_member (post, "tags");
  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      char *tag = term_name (self, "tags", json_array_get_int_element (json_node_get_array (node), i), cancellable);

      if (tag != NULL)
        g_ptr_array_add (tags, tag);
    }
  g_ptr_array_add (tags, NULL);
  byline_article_set_tags (article, (const char * const *) tags->pdata);
  byline_article_set_category (article, story->category);
  byline_article_set_dateline (article, dateline);
  byline_article_set_status (article, story->status);
  byline_article_set_editor_note (article, story->note);
  byline_article_set_remote (article, name, story->remote_id, story->version);
  return article;
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BylineWordpressDestination *self = source_object;
  FetchData *data = task_data;
  g_autofree char *escaped = g_uri_escape_string (data->remote_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/wp/v2/posts/", escaped, "?context=edit", NULL);
  g_autofree char *revision = NULL;
  g_autofree char *version = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *article;
  JsonObject *post;

  root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL,
                                 "Your WordPress role cannot open this story for editing.", cancellable, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s sent something else than a post."),
                               self->url);
      return;
    }
  post = json_node_get_object (root);
  /* The version a send compares with just before writing. */
  revision = _byline_wordpress_latest_revision (self, json_object_get_int_member_with_default (post, "id", 0),
                                                cancellable, &error);
  if (revision == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  version = _byline_wordpress_version_of (post, revision, json_object_get_string_member_with_default (post, "slug", ""));
  data->story = story_from_post (self, post, version, cancellable);
  article = article_from_post (self, post, data->folder, data->story, cancellable, &error);
  if (article == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, article, g_object_unref);
}

static void
wordpress_fetch_async (BylineReviewSource  *source,
                       const char          *remote_id,
                       GFile               *folder,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  FetchData *data = g_new0 (FetchData, 1);

  g_task_set_source_tag (task, wordpress_fetch_async);
  data->remote_id = g_strdup (remote_id);
  data->folder = folder ? g_object_ref (folder) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

static BylineArticle *
wordpress_fetch_finish (BylineReviewSource  *source,
                        GAsyncResult        *result,
                        BylineRemoteStory  **story,
                        GError             **error)
{
  FetchData *data;
  BylineArticle *article;

  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  data = g_task_get_task_data (G_TASK (result));
  article = g_task_propagate_pointer (G_TASK (result), error);
  if (article != NULL && story != NULL)
    *story = byline_remote_story_copy (data->story);
  return article;
}

void
_byline_wordpress_review_iface_init (BylineReviewSourceInterface *iface)
{
  iface->list_async = wordpress_list_async;
  iface->list_finish = wordpress_list_finish;
  iface->fetch_async = wordpress_fetch_async;
  iface->fetch_finish = wordpress_fetch_finish;
}
