/* byline-review-source.c — roles, the stories of a review queue, and turning a
 * destination's item into the article of a local draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-draft-format.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-ninjs.h"
#include "byline-review-private.h"

G_DEFINE_INTERFACE (BylineReviewSource, byline_review_source, BYLINE_TYPE_DESTINATION)

/* ---------------------------------------------------------------- roles */

BylinePermissions
byline_roles_get_permissions (BylineRoles roles)
{
  BylinePermissions permissions = 0;

  if (roles & (BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR))
    permissions |= BYLINE_PERMISSION_SUBMIT;
  if (roles & BYLINE_ROLE_EDITOR)
    permissions |= BYLINE_PERMISSION_PUBLISH | BYLINE_PERMISSION_SCHEDULE | BYLINE_PERMISSION_RETURN
                 | BYLINE_PERMISSION_EDIT_ANY | BYLINE_PERMISSION_REVIEW;
  return permissions;
}

static BylinePermissions
permission_for_status (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_DRAFT: return 0;
    case BYLINE_STATUS_SUBMITTED: return BYLINE_PERMISSION_SUBMIT;
    case BYLINE_STATUS_PUBLISHED: return BYLINE_PERMISSION_PUBLISH;
    case BYLINE_STATUS_SCHEDULED: return BYLINE_PERMISSION_SCHEDULE;
    case BYLINE_STATUS_RETURNED: return BYLINE_PERMISSION_RETURN;
    default: return G_MAXUINT;
    }
}

gboolean
byline_permissions_allow_status (BylinePermissions permissions,
                                 BylineStatus      status)
{
  BylinePermissions needed = permission_for_status (status);

  return (permissions & needed) == needed;
}

char *
byline_permissions_explain (BylineRoles  roles,
                            BylineStatus status)
{
  const char *what;
  g_autofree char *have = NULL;

  switch (status)
    {
    case BYLINE_STATUS_PUBLISHED: what = _("Publishing"); break;
    case BYLINE_STATUS_SCHEDULED: what = _("Scheduling"); break;
    case BYLINE_STATUS_RETURNED: what = _("Returning a story"); break;
    default: what = _("Submitting"); break;
    }
  if (roles & BYLINE_ROLE_EDITOR)
    have = g_strdup (_("your account has the editor role"));
  else if (roles & BYLINE_ROLE_REPORTER)
    have = g_strdup (_("your account has the reporter role"));
  else
    have = g_strdup (_("your account has no role"));
  if (status == BYLINE_STATUS_SUBMITTED || status == BYLINE_STATUS_DRAFT)
    return g_strdup_printf (_("%s needs the reporter role; %s."), what, have);
  return g_strdup_printf (_("%s needs the editor role; %s."), what, have);
}

/* ---------------------------------------------------------------- story */

void
byline_remote_story_free (BylineRemoteStory *story)
{
  if (story == NULL)
    return;
  g_free (story->remote_id);
  g_free (story->headline);
  g_free (story->author);
  g_free (story->category);
  g_free (story->note);
  g_clear_pointer (&story->submitted, g_date_time_unref);
  g_free (story->submitted_by);
  g_clear_pointer (&story->updated, g_date_time_unref);
  g_free (story->updated_by);
  g_clear_pointer (&story->publish_at, g_date_time_unref);
  g_free (story->version);
  g_free (story->problem);
  g_free (story->errors);
  g_free (story->not_checked);
  g_free (story);
}

static GDateTime *
ref_time (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

BylineRemoteStory *
byline_remote_story_copy (const BylineRemoteStory *story)
{
  BylineRemoteStory *copy = g_new0 (BylineRemoteStory, 1);

  *copy = *story;
  copy->remote_id = g_strdup (story->remote_id);
  copy->headline = g_strdup (story->headline);
  copy->author = g_strdup (story->author);
  copy->category = g_strdup (story->category);
  copy->note = g_strdup (story->note);
  copy->submitted = ref_time (story->submitted);
  copy->submitted_by = g_strdup (story->submitted_by);
  copy->updated = ref_time (story->updated);
  copy->updated_by = g_strdup (story->updated_by);
  copy->publish_at = ref_time (story->publish_at);
  copy->version = g_strdup (story->version);
  copy->problem = g_strdup (story->problem);
  copy->errors = g_strdup (story->errors);
  copy->not_checked = g_strdup (story->not_checked);
  return copy;
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
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = value ? g_date_time_format_iso8601 (value) : NULL;

  add_string (builder, name, text);
}

JsonNode *
byline_remote_story_to_json (const BylineRemoteStory *story)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (story != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", story->remote_id);
  add_string (builder, "headline", story->headline);
  add_string (builder, "author", story->author);
  add_string (builder, "category", story->category);
  add_string (builder, "status", byline_status_to_string (story->status));
  add_string (builder, "note", story->note);
  add_time (builder, "submitted", story->submitted);
  add_string (builder, "submitted_by", story->submitted_by);
  add_time (builder, "updated", story->updated);
  add_string (builder, "updated_by", story->updated_by);
  add_time (builder, "publish_at", story->publish_at);
  add_string (builder, "version", story->version);
  json_builder_set_member_name (builder, "word_count");
  json_builder_add_int_value (builder, story->word_count);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, story->n_errors);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, story->n_warnings);
  add_string (builder, "problem", story->problem);
  add_string (builder, "error_messages", story->errors);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_boolean_value (builder, story->checked);
  add_string (builder, "not_checked", story->not_checked);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static GDateTime *
dup_time_member (JsonObject *object,
                 const char *name)
{
  g_autofree char *text = dup_member (object, name);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

BylineRemoteStory *
_byline_remote_story_from_json (JsonObject *object,
                                const char *remote_id)
{
  BylineRemoteStory *story = g_new0 (BylineRemoteStory, 1);
  g_autofree char *status = dup_member (object, "status");

  story->remote_id = dup_member (object, "id");
  if (story->remote_id == NULL)
    story->remote_id = g_strdup (remote_id);
  story->headline = dup_member (object, "headline");
  if (status == NULL || !byline_status_from_string (status, &story->status))
    story->status = BYLINE_STATUS_DRAFT;
  story->note = dup_member (object, "note");
  story->submitted = dup_time_member (object, "submitted");
  story->submitted_by = dup_member (object, "submitted_by");
  story->updated = dup_time_member (object, "updated");
  story->updated_by = dup_member (object, "updated_by");
  story->publish_at = dup_time_member (object, "publish_at");
  story->version = dup_member (object, "etag");
  if (story->version == NULL)
    story->version = dup_member (object, "version");
  story->author = g_strdup (story->submitted_by);
  return story;
}

/* -------------------------------------------------- item → local article */

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* "<sha256>.<ext>" → "<uuid>" from the associations' renditions and uris. */
static GHashTable *
picture_ids (JsonNode *root)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *item = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *node = item ? json_object_get_member (item, "associations") : NULL;
  JsonArray *associations = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; associations != NULL && i < json_array_get_length (associations); i++)
    {
      JsonObject *association = json_array_get_object_element (associations, i);
      const char *uri = association ? json_object_get_string_member_with_default (association, "uri", NULL) : NULL;
      JsonNode *renditions = association ? json_object_get_member (association, "renditions") : NULL;

      if (uri == NULL || !g_str_has_prefix (uri, "urn:uuid:") || renditions == NULL
          || !JSON_NODE_HOLDS_ARRAY (renditions))
        continue;
      for (guint r = 0; r < json_array_get_length (json_node_get_array (renditions)); r++)
        {
          JsonObject *rendition = json_array_get_object_element (json_node_get_array (renditions), r);
          const char *href = rendition ? json_object_get_string_member_with_default (rendition, "href", NULL) : NULL;
          const char *slash = href ? strrchr (href, '/') : NULL;
          g_autofree char *sha256 = NULL;

          if (href == NULL)
            continue;
          sha256 = g_strndup (slash ? slash + 1 : href, strcspn (slash ? slash + 1 : href, "."));
          g_hash_table_replace (ids, g_steal_pointer (&sha256), g_strdup (uri + strlen ("urn:uuid:")));
        }
    }
  return ids;
}

GStrv
_byline_review_item_media (GBytes     *item,
                           const char *media_prefix)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_strndup (g_bytes_get_data (item, NULL), g_bytes_get_size (item));
  const char *p = text;
  gsize prefix_length = strlen (media_prefix);

  while ((p = strstr (p, media_prefix)) != NULL)
    {
      g_autofree char *name = NULL;

      p += prefix_length;
      name = g_strndup (p, strcspn (p, "\"'?# \\"));
      /* 64 hex digits, a dot and an extension; nothing that leaves the folder. */
      if (strlen (name) > 65 && name[64] == '.' && strchr (name, '/') == NULL
          && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
remap_image_members (JsonArray  *array,
                     const char *member,
                     GHashTable *old_to_new)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *old_id = object ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
      const char *new_id = old_id ? g_hash_table_lookup (old_to_new, old_id) : NULL;

      if (new_id != NULL)
        json_object_set_string_member (object, member, new_id);
    }
}

BylineArticle *
_byline_review_article_from_item (GBytes                  *item,
                                  const char              *media_prefix,
                                  GFile                   *base_folder,
                                  const char              *destination,
                                  const char              *remote_id,
                                  const BylineRemoteStory *story,
                                  GError                 **error)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (item, NULL), g_bytes_get_size (item));
  g_autofree char *local = NULL;
  g_autoptr(GBytes) local_bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) old_to_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BylineArticle) imported = NULL;
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) media = base_folder ? g_file_get_child (base_folder, "media") : NULL;
  JsonObject *object;
  JsonNode *images;
  JsonNode *body;

  /* The pictures, downloaded into base_folder/media/, as the draft format names them. */
  local = media_prefix ? replace_all (text, media_prefix, "media/") : g_strdup (text);
  local_bytes = g_bytes_new (local, strlen (local));

  if (!json_parser_load_from_data (parser, local, -1, NULL))
    {
      /* The story is damaged (a copy cut short on a network drive): it
       * will not parse on a second try either. */
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("The story on “%s” is damaged (it is not JSON): ask its reporter to send it again"),
                   destination);
      return NULL;
    }
  ids = picture_ids (json_parser_get_root (parser));
  imported = byline_ninjs_import (local_bytes, remote_id, base_folder, error);
  if (imported == NULL)
    return NULL;

  draft = byline_draft_format_to_json (imported);
  object = json_node_get_object (draft);
  json_object_set_string_member (object, "id", remote_id);
  images = json_object_get_member (object, "images");
  for (guint i = 0; images != NULL && JSON_NODE_HOLDS_ARRAY (images)
                    && i < json_array_get_length (json_node_get_array (images)); i++)
    {
      JsonObject *image = json_array_get_object_element (json_node_get_array (images), i);
      const char *sha256 = json_object_get_string_member_with_default (image, "sha256", "");
      const char *old_id = json_object_get_string_member_with_default (image, "id", NULL);
      const char *new_id = g_hash_table_lookup (ids, sha256);

      if (old_id != NULL && new_id != NULL)
        g_hash_table_replace (old_to_new, g_strdup (old_id), g_strdup (new_id));
    }
  if (images != NULL && JSON_NODE_HOLDS_ARRAY (images))
    remap_image_members (json_node_get_array (images), "id", old_to_new);
  body = json_object_get_member (object, "body");
  if (body != NULL && JSON_NODE_HOLDS_ARRAY (body))
    remap_image_members (json_node_get_array (body), "image", old_to_new);

  article = byline_draft_format_from_json (draft, remote_id, error);
  if (article == NULL)
    return NULL;
  for (guint i = 0; media != NULL && i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *relative = byline_image_dup_media_path (image);
      g_autofree char *name = g_path_get_basename (relative);
      g_autoptr(GFile) file = g_file_get_child (media, name);

      if (g_file_query_exists (file, NULL))
        byline_image_set_file (image, file);
    }
  if (story != NULL)
    {
      byline_article_set_status (article, story->status);
      byline_article_set_editor_note (article, story->note);
    }
  byline_article_set_remote (article, destination, remote_id, story ? story->version : NULL);
  return g_steal_pointer (&article);
}

/* ------------------------------------------------------------ interface */

static BylinePermissions
default_get_permissions (BylineReviewSource *self)
{
  return byline_roles_get_permissions (byline_destination_get_roles (BYLINE_DESTINATION (self)));
}

static void
byline_review_source_default_init (BylineReviewSourceInterface *iface)
{
  iface->get_permissions = default_get_permissions;
}

void
byline_review_source_list_async (BylineReviewSource  *self,
                                 BylineStatus         status,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_REVIEW_SOURCE (self));

  BYLINE_REVIEW_SOURCE_GET_IFACE (self)->list_async (self, status, cancellable, callback, user_data);
}

GPtrArray *
byline_review_source_list_finish (BylineReviewSource  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_SOURCE (self), NULL);

  return BYLINE_REVIEW_SOURCE_GET_IFACE (self)->list_finish (self, result, error);
}

void
byline_review_source_fetch_async (BylineReviewSource  *self,
                                  const char          *remote_id,
                                  GFile               *media_folder,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_REVIEW_SOURCE (self));
  g_return_if_fail (remote_id != NULL);

  BYLINE_REVIEW_SOURCE_GET_IFACE (self)->fetch_async (self, remote_id, media_folder, cancellable,
                                                      callback, user_data);
}

BylineArticle *
byline_review_source_fetch_finish (BylineReviewSource  *self,
                                   GAsyncResult        *result,
                                   BylineRemoteStory  **story,
                                   GError             **error)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_SOURCE (self), NULL);

  if (story != NULL)
    *story = NULL;
  return BYLINE_REVIEW_SOURCE_GET_IFACE (self)->fetch_finish (self, result, story, error);
}

BylinePermissions
byline_review_source_get_permissions (BylineReviewSource *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_SOURCE (self), 0);

  return BYLINE_REVIEW_SOURCE_GET_IFACE (self)->get_permissions (self);
}
