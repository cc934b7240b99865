/* byline-wordpress-send.c — one story to WordPress (docs/wordpress.md)
 *
 * A send is two runs in a worker thread around the outbox's note of what is
 * about to be written:
 *
 *  1. who am I (role and capabilities), the category by name, the tags, the
 *     post already there (by its id, or by the slug an earlier attempt
 *     used) and whether someone changed it since Byline last wrote it, then
 *     the pictures (found again or uploaded) and the post's fields;
 *  2. the write itself, read back with context=edit, and the latest revision.
 *
 * WordPress has no conditional writes (no ETag; If-Match is ignored), so the
 * version Byline keeps is "modified:<modified_gmt> revision:<id> sha256:<all
 * it wrote> text:<title, content, excerpt, status> slug:<slug>".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-destination-private.h"
#include "byline-error.h"
#include "byline-html-private.h"
#include "byline-text.h"
#include "byline-image.h"
#include "byline-upload-private.h"
#include "byline-wordpress-private.h"

typedef struct
{
  BylineArticle     *article;     /* a copy, for the threads */
  char              *remote_id;
  char              *remote_version;
  GPtrArray         *uploads;     /* BylineUploadImage */
  GPtrArray         *images;      /* BylineImage of each upload */
  BylineSendOptions *options;
  BylineSendReceipt *receipt;
  GMainContext      *context;
  goffset            total;
  goffset            done;

  /* from the first run, for the second */
  char              *role;
  gint64             post_id;     /* 0: create */
  JsonNode          *body;
  char              *slug;
  char              *text_sha;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->article);
  g_free (data->remote_id);
  g_free (data->remote_version);
  g_clear_pointer (&data->uploads, g_ptr_array_unref);
  g_clear_pointer (&data->images, g_ptr_array_unref);
  _byline_send_options_free (data->options);
  byline_send_receipt_free (data->receipt);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data->role);
  g_clear_pointer (&data->body, json_node_unref);
  g_free (data->slug);
  g_free (data->text_sha);
  g_free (data);
}

const char *
_byline_wordpress_status_name (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_SUBMITTED: return "pending";
    case BYLINE_STATUS_PUBLISHED: return "publish";
    case BYLINE_STATUS_SCHEDULED: return "future";
    case BYLINE_STATUS_DRAFT:
    default:
      return "draft";
    }
}

char *
_byline_wordpress_format_gmt (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

/* ------------------------------------------------------------ progress */

typedef struct
{
  GTask   *task;
  goffset  sent;
} ProgressCall;

static gboolean
progress_idle (gpointer user_data)
{
  ProgressCall *call = user_data;
  SendData *data = g_task_get_task_data (call->task);

  if (data->options->progress != NULL)
    data->options->progress (MIN (call->sent, data->total), data->total, data->options->user_data);
  g_object_unref (call->task);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
report_progress (GTask   *task,
                 goffset  sent)
{
  SendData *data = g_task_get_task_data (task);
  ProgressCall *call;

  if (data->options->progress == NULL)
    return;
  call = g_new0 (ProgressCall, 1);
  call->task = g_object_ref (task);
  call->sent = sent;
  g_main_context_invoke (data->context, progress_idle, call);
}

static void
upload_progress_cb (goffset  sent,
                    gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);

  report_progress (task, data->done + sent);
}

/* ------------------------------------------------------------ versions */

char *
_byline_wordpress_latest_revision (BylineWordpressDestination  *self,
                                   gint64                       id,
                                   GCancellable                *cancellable,
                                   GError                     **error)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "/revisions?per_page=1&_fields=id", id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL, NULL,
                                                     cancellable, &local_error);

  if (root == NULL)
    {
      /* A role that may not read revisions compares without them. */
      if (g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN)
          || g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        return g_strdup ("-");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
    {
      JsonObject *entry = json_array_get_object_element (json_node_get_array (root), 0);

      if (entry != NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (entry, "id", 0));
    }
  return g_strdup ("0");
}

char *
_byline_wordpress_version_of (JsonObject *post,
                              const char *revision,
                              const char *slug)
{
  g_autofree char *full = _byline_wordpress_fingerprint (post, TRUE);
  g_autofree char *text = _byline_wordpress_fingerprint (post, FALSE);

  return g_strdup_printf ("modified:%s revision:%s sha256:%s text:%s slug:%s",
                          json_object_get_string_member_with_default (post, "modified_gmt", "-"),
                          revision, full, text, slug);
}

static gboolean
version_field_equal (const char *a,
                     const char *b,
                     const char *key)
{
  g_autofree char *x = _byline_wordpress_version_get (a, key);
  g_autofree char *y = _byline_wordpress_version_get (b, key);

  return x != NULL && y != NULL && g_str_equal (x, y);
}

/* The post is as Byline left it, or as an attempt of this send whose
 * answer was lost left it; otherwise BYLINE_ERROR_CONFLICT. */
static gboolean
check_unchanged (BylineWordpressDestination  *self,
                 SendData                    *data,
                 JsonObject                  *post,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  g_autofree char *revision = NULL;
  g_autofree char *current = NULL;
  g_autofree char *title = NULL;
  gint64 id = json_object_get_int_member_with_default (post, "id", 0);
  const char *slug = json_object_get_string_member_with_default (post, "slug", "");
  JsonObject *title_object;

  revision = _byline_wordpress_latest_revision (self, id, cancellable, error);
  if (revision == NULL)
    return FALSE;
  current = _byline_wordpress_version_of (post, revision, slug);

  if (data->remote_version != NULL
      && version_field_equal (current, data->remote_version, "modified")
      && version_field_equal (current, data->remote_version, "revision")
      && version_field_equal (current, data->remote_version, "sha256"))
    return TRUE;

  for (guint i = 0; data->options->written_versions && data->options->written_versions[i]; i++)
    if (version_field_equal (current, data->options->written_versions[i], "text"))
      return TRUE;

  data->receipt->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_free (data->receipt->remote_version);
  data->receipt->remote_version = g_steal_pointer (&current);
  data->receipt->url = g_strdup (json_object_get_string_member_with_default (post, "link", NULL));
  title_object = json_object_has_member (post, "title") ? json_object_get_object_member (post, "title") : NULL;
  title = _byline_wordpress_unescape (title_object ? json_object_get_string_member_with_default (title_object, "raw", "")
                                                   : "");
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
               _("“%s”: someone changed the post “%s” on WordPress (at %s UTC) since Byline last sent it; "
                 "Byline does not write over their changes."),
               byline_destination_get_name (BYLINE_DESTINATION (self)), title,
               json_object_get_string_member_with_default (post, "modified_gmt", "?"));
  return FALSE;
}

/* ------------------------------------------------- the first run: prepare */

static JsonObject *
find_post (BylineWordpressDestination  *self,
           SendData                    *data,
           GCancellable                *cancellable,
           GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) path = NULL;

  if (data->remote_id != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (data->remote_id, NULL, FALSE);
      g_autofree char *item = g_strconcat ("/wp/v2/posts/", escaped, "?context=edit", NULL);

      root = _byline_wordpress_call (self, SOUP_METHOD_GET, item, NULL, NULL, cancellable, &local_error);
      if (root == NULL)
        {
          if (g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
            g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                         _("“%s”: the post %s of this story is no longer on WordPress (someone deleted it)."),
                         byline_destination_get_name (BYLINE_DESTINATION (self)), data->remote_id);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s sent something else than a post."), self->url);
          return NULL;
        }
      return json_object_ref (json_node_get_object (root));
    }

  /* Never sent, as far as the draft knows: an earlier attempt may have
   * created the post and lost the answer.  Its slug was noted before. */
  g_ptr_array_add (slugs, g_strdup (data->slug));
  for (guint i = 0; data->options->written_versions && data->options->written_versions[i]; i++)
    {
      char *slug = _byline_wordpress_version_get (data->options->written_versions[i], "slug");

      if (slug != NULL && !g_ptr_array_find_with_equal_func (slugs, slug, g_str_equal, NULL))
        g_ptr_array_add (slugs, slug);
      else
        g_free (slug);
    }
  path = g_string_new ("/wp/v2/posts?context=edit&status=any&per_page=10&slug=");
  for (guint i = 0; i < slugs->len; i++)
    g_string_append_printf (path, "%s%s", i ? "," : "", (char *) g_ptr_array_index (slugs, i));

  root = _byline_wordpress_call (self, SOUP_METHOD_GET, path->str, NULL, NULL, cancellable, error);
  if (root == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
    return json_object_ref (json_array_get_object_element (json_node_get_array (root), 0));
  return NULL;
}

static JsonNode *
build_body (SendData   *data,
            GHashTable *media,
            gint64      category,
            GArray     *tags,
            gint64      featured)
{
  BylineArticle *article = data->article;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = _byline_wordpress_escape (byline_article_get_headline (article));
  g_autofree char *lead = byline_text_prefix_lead (byline_article_get_lead (article),
                                                    byline_article_get_source_prefix (article));
  g_autofree char *excerpt = _byline_wordpress_escape (lead ? lead : "");
  g_autofree char *content = _byline_wordpress_content (article, media);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "excerpt");
  json_builder_add_string_value (builder, excerpt);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, _byline_wordpress_status_name (data->options->status));
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, data->slug);
  if (category > 0)
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, category);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    json_builder_add_int_value (builder, g_array_index (tags, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "featured_media");
  json_builder_add_int_value (builder, featured);
  /* Byline's own fields, kept only where the Byline plugin registers them
   * (docs/wordpress.md, "Review"); WordPress ignores unknown meta. */
  json_builder_set_member_name (builder, "meta");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_ID);
  json_builder_add_string_value (builder, byline_article_get_id (article));
  json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_DATELINE);
  json_builder_add_string_value (builder, byline_article_get_dateline (article)
                                          ? byline_article_get_dateline (article) : "");
  json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_RETURNED);
  json_builder_add_boolean_value (builder, data->options->status == BYLINE_STATUS_RETURNED);
  /* The note of the last status change, as the Newsroom API and a folder
   * keep it: a story submitted again without one does not carry the
   * editor's back to them.  A draft saved keeps whatever note it had. */
  if (data->options->note != NULL || data->options->status != BYLINE_STATUS_DRAFT)
    {
      json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_NOTE);
      json_builder_add_string_value (builder, data->options->note ? data->options->note : "");
    }
  json_builder_end_object (builder);
  if (data->options->status == BYLINE_STATUS_SCHEDULED && data->options->publish_at != NULL)
    {
      g_autofree char *when = _byline_wordpress_format_gmt (data->options->publish_at);

      json_builder_set_member_name (builder, "date_gmt");
      json_builder_add_string_value (builder, when);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
prepare_post (BylineWordpressDestination  *self,
              GTask                       *task,
              SendData                    *data,
              GCancellable                *cancellable,
              GError                     **error)
{
  const char *name = byline_destination_get_name (BYLINE_DESTINATION (self));
  const char *category_name = byline_article_get_category (data->article);
  const char * const *tag_names = byline_article_get_tags (data->article);
  BylineImage *featured_image = byline_article_get_featured_image (data->article);
  g_autoptr(BylineWordpressMe) me = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GHashTable) media = NULL;
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gint64 category = 0, featured = 0;

  me = _byline_wordpress_get_me (self, cancellable, error);
  if (me == NULL)
    return FALSE;
  data->role = g_strdup (me->role ? me->role : "none");
  if (data->uploads->len > 0 && !me->can_upload)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                   _("Your WordPress role (%s) cannot upload pictures to “%s”: ask an editor to publish this "
                   "story, or send it without its pictures."), data->role, name);
      return FALSE;
    }
  if ((data->options->status == BYLINE_STATUS_PUBLISHED || data->options->status == BYLINE_STATUS_SCHEDULED)
      && !me->can_publish)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                   _("Your WordPress role (%s) cannot publish on “%s”: submit the story for review instead."),
                   data->role, name);
      return FALSE;
    }

  if (data->options->status == BYLINE_STATUS_RETURNED && !me->can_edit_others)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                   _("Your WordPress role (%s) cannot return stories on “%s”: only an editor can."),
                   data->role, name);
      return FALSE;
    }

  if (category_name != NULL && *category_name
      && (category = _byline_wordpress_find_category (self, category_name, cancellable, error)) < 0)
    return FALSE;
  for (guint i = 0; tag_names != NULL && tag_names[i] != NULL; i++)
    {
      gint64 tag;

      if (*tag_names[i] == '\0')
        continue;
      tag = _byline_wordpress_ensure_tag (self, tag_names[i], data->role, cancellable, error);
      if (tag < 0)
        return FALSE;
      g_array_append_val (tags, tag);
    }

  post = find_post (self, data, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (data->options->status == BYLINE_STATUS_RETURNED
      && (post == NULL || !_byline_wordpress_post_has_byline_meta (post)))
    {
      if (post == NULL)
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                     _("“%s” has no post of this story to return: a story is returned after its reporter "
                       "submitted it."), name);
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                     _("“%s” cannot keep the editor's note: returning a story needs the Byline plugin on the "
                       "WordPress site (see docs/wordpress.md)."), name);
      return FALSE;
    }
  if (post != NULL)
    {
      if (!check_unchanged (self, data, post, cancellable, error))
        return FALSE;
      data->post_id = json_object_get_int_member_with_default (post, "id", 0);
      /* Keep the post's slug: WordPress may have made it unique at publication. */
      g_free (data->slug);
      data->slug = g_strdup (json_object_get_string_member_with_default (post, "slug", ""));
      if (*data->slug == '\0')
        {
          g_free (data->slug);
          data->slug = _byline_wordpress_slug (data->article);
        }
    }

  media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _byline_wordpress_media_free);
  for (guint i = 0; i < data->uploads->len; i++)
    {
      BylineUploadImage *upload = g_ptr_array_index (data->uploads, i);
      BylineImage *image = g_ptr_array_index (data->images, i);
      g_autofree char *caption = _byline_wordpress_caption_html (image);
      const char *alt = byline_image_get_alt_text (image);
      BylineWordpressMedia *picture;

      picture = _byline_wordpress_media_ensure (self, me, upload->file, upload->sha256, upload->media_type,
                                                byline_image_get_filename (image), caption, alt ? alt : "",
                                                upload_progress_cb, task, cancellable, error);
      if (picture == NULL)
        return FALSE;
      if (picture->uploaded)
        data->receipt->assets_uploaded++;
      data->done += upload->size;
      report_progress (task, data->done);
      if (image == featured_image || (featured_image == NULL && featured == 0))
        featured = picture->id;
      g_hash_table_insert (media, g_strdup (byline_image_get_id (image)), picture);
    }

  data->body = build_body (data, media, category, tags, featured);
  data->text_sha = _byline_wordpress_fingerprint (json_node_get_object (data->body), FALSE);
  return TRUE;
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GTask *outer = task_data;
  g_autoptr(GError) error = NULL;

  if (!prepare_post (BYLINE_WORDPRESS_DESTINATION (source_object), outer, g_task_get_task_data (outer),
                     cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ---------------------------------------------------- the second run: write */

static const char *
raw_text (JsonObject *post,
          const char *name)
{
  JsonObject *object = json_object_has_member (post, name) && JSON_NODE_HOLDS_OBJECT (json_object_get_member (post, name))
                       ? json_object_get_object_member (post, name) : NULL;

  return object ? json_object_get_string_member_with_default (object, "raw", "") : "";
}

static gboolean
same_ids (JsonObject *sent,
          JsonObject *stored,
          const char *name)
{
  JsonArray *a, *b;

  if (!json_object_has_member (sent, name))
    return TRUE;
  a = json_object_get_array_member (sent, name);
  b = json_object_has_member (stored, name) ? json_object_get_array_member (stored, name) : NULL;
  if (b == NULL || json_array_get_length (a) != json_array_get_length (b))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < json_array_get_length (b) && !found; k++)
        found = json_array_get_int_element (a, i) == json_array_get_int_element (b, k);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_post (BylineWordpressDestination  *self,
            SendData                    *data,
            GCancellable                *cancellable,
            GError                     **error)
{
  const char *name = byline_destination_get_name (BYLINE_DESTINATION (self));
  JsonObject *sent = json_node_get_object (data->body);
  g_autofree char *path = NULL;
  g_autofree char *forbidden = NULL;
  g_autofree char *revision = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *post;
  gint64 id;

  if (data->post_id > 0)
    {
      path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "?context=edit", data->post_id);
      forbidden = g_strdup_printf (_("Your WordPress role (%s) cannot change this post on “%s” any more "
                                     "(it is someone else's, or already published)."), data->role, name);
    }
  else
    {
      path = g_strdup ("/wp/v2/posts?context=edit");
      forbidden = g_strdup_printf (_("Your WordPress role (%s) cannot write posts on “%s”."), data->role, name);
    }
  root = _byline_wordpress_call (self, SOUP_METHOD_POST, path, data->body, forbidden, cancellable, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) || json_object_get_int_member_with_default (json_node_get_object (root), "id", 0) <= 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s did not describe the post it stored."), self->url);
      return FALSE;
    }
  post = json_node_get_object (root);
  id = json_object_get_int_member (post, "id");

  /* What arrived, read back in the edit context.  WordPress drops an unknown
   * category or picture without a word. */
  if (!same_ids (sent, post, "categories") || !same_ids (sent, post, "tags")
      || json_object_get_int_member_with_default (post, "featured_media", 0)
         != json_object_get_int_member_with_default (sent, "featured_media", 0))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("WordPress at %s stored the post %lld without its category, tags or "
                     "featured picture as sent."), self->url, (long long) id);
      return FALSE;
    }
  if (g_strcmp0 (raw_text (post, "title"), json_object_get_string_member (sent, "title")) != 0
      || g_strcmp0 (raw_text (post, "content"), json_object_get_string_member (sent, "content")) != 0
      || g_strcmp0 (raw_text (post, "excerpt"), json_object_get_string_member (sent, "excerpt")) != 0)
    g_warning ("WordPress at %s changed the text of post %" G_GINT64_FORMAT " while storing it "
               "(its HTML filters)", self->url, id);

  revision = _byline_wordpress_latest_revision (self, id, cancellable, error);
  if (revision == NULL)
    return FALSE;

  g_free (data->receipt->remote_id);
  data->receipt->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_free (data->receipt->remote_version);
  data->receipt->remote_version = _byline_wordpress_version_of (post, revision,
                                              json_object_get_string_member_with_default (post, "slug", data->slug));
  g_free (data->receipt->url);
  data->receipt->url = g_strdup (json_object_get_string_member_with_default (post, "link", NULL));
  data->receipt->created = data->post_id == 0;
  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GTask *outer = task_data;
  g_autoptr(GError) error = NULL;

  if (!write_post (BYLINE_WORDPRESS_DESTINATION (source_object), g_task_get_task_data (outer),
                   cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* --------------------------------------------------------- the sequence */

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->options->progress != NULL)
    data->options->progress (data->total, data->total, data->options->user_data);
  g_task_return_boolean (task, TRUE);
}

static void
run_in_thread (GTask           *outer,
               GTaskThreadFunc  func,
               GAsyncReadyCallback callback)
{
  GObject *source = g_task_get_source_object (outer);
  g_autoptr(GTask) inner = g_task_new (source, g_task_get_cancellable (outer), callback, outer);

  g_task_set_source_tag (inner, run_in_thread);
  /* @outer's reference passes to the callback; the thread borrows it. */
  g_task_set_task_data (inner, outer, NULL);
  g_task_run_in_thread (inner, func);
}

static void
prepared_post_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Noted before the request leaves: when its answer is lost, the next
   * attempt finds the post by this slug and knows the text as its own. */
  written = g_strdup_printf ("slug:%s text:%s", data->slug, data->text_sha);
  if (data->options->will_write != NULL)
    data->options->will_write (written, data->options->user_data);

  run_in_thread (g_steal_pointer (&task), write_thread, written_cb);
}

static void
images_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!_byline_upload_prepare_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->total = 1;
  for (guint i = 0; i < data->uploads->len; i++)
    data->total += ((BylineUploadImage *) g_ptr_array_index (data->uploads, i))->size;

  run_in_thread (g_steal_pointer (&task), prepare_thread, prepared_post_cb);
}

void
_byline_wordpress_send_story_async (BylineWordpressDestination *self,
                                    BylineArticle              *article,
                                    const BylineSendOptions    *options,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  const char *name = byline_destination_get_name (BYLINE_DESTINATION (self));
  g_autoptr(GTask) task = NULL;
  SendData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _byline_wordpress_send_story_async);

  data = g_new0 (SendData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);
  data->article = byline_article_copy (article);
  data->remote_id = g_strdup (byline_article_get_remote_id (article, name));
  data->remote_version = g_strdup (byline_article_get_remote_version (article, name));
  data->options = _byline_send_options_copy (options);
  data->context = g_main_context_ref_thread_default ();
  data->slug = _byline_wordpress_slug (article);
  data->receipt = g_new0 (BylineSendReceipt, 1);
  data->receipt->status = options->status;
  data->uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_upload_image_free);
  data->images = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < byline_article_get_n_images (data->article); i++)
    {
      BylineImage *image = byline_article_get_image (data->article, i);
      g_autoptr(GError) error = NULL;
      BylineUploadImage *upload = _byline_upload_image_new (image, &error);

      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* NULL: a picture known only by its address elsewhere. */
      if (upload == NULL)
        continue;
      g_ptr_array_add (data->uploads, upload);
      g_ptr_array_add (data->images, g_object_ref (image));
    }

  /* Scaling a large photo takes a moment: in a thread. */
  _byline_upload_prepare_async (data->uploads, self->max_image_edge, cancellable,
                                images_ready_cb, g_steal_pointer (&task));
}

gboolean
_byline_wordpress_send_story_finish (BylineWordpressDestination  *self,
                                     GAsyncResult                *result,
                                     BylineSendReceipt          **receipt,
                                     GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  SendData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      if (receipt != NULL && g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT)
          && data->receipt->remote_id != NULL)
        *receipt = g_steal_pointer (&data->receipt);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (receipt != NULL)
    *receipt = g_steal_pointer (&data->receipt);
  return TRUE;
}
