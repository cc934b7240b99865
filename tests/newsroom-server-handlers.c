/* newsroom-server-handlers.c — the endpoints of docs/newsroom-api.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Newsroom-Server"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "newsroom-server-private.h"

static const char * const statuses[] = {
  "draft", "submitted", "published", "scheduled", "returned", NULL
};

static const char * const picture_types[] = {
  "image/jpeg", "image/png", "image/gif", "image/webp", NULL
};

gboolean
_newsroom_is_sha256 (const char *str)
{
  if (strlen (str) != 64)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
is_item_id (const char *str)
{
  gsize length = strlen (str);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
roles_sentence (NewsroomUser *user)
{
  if (user->roles[0] == NULL)
    return g_strdup ("your account has no role");
  if (user->roles[1] == NULL)
    return g_strdup_printf ("your account has the %s role", user->roles[0]);
  return g_strdup ("your account has neither");
}

/* --------------------------------------------------------------- uploads */

typedef struct
{
  int        fd;
  char      *tmp_path;
  GChecksum *checksum;
  goffset    received;
  gboolean   failed;
} Upload;

static void
upload_free (Upload *upload)
{
  if (upload->fd >= 0)
    close (upload->fd);
  if (upload->tmp_path != NULL)
    g_unlink (upload->tmp_path);
  g_free (upload->tmp_path);
  g_checksum_free (upload->checksum);
  g_free (upload);
}

static void
got_chunk_cb (SoupServerMessage    *msg,
              GBytes               *chunk,
              BylineNewsroomServer *self)
{
  NewsroomFault *fault = g_object_get_data (G_OBJECT (msg), "newsroom-fault");
  Upload *upload = g_object_get_data (G_OBJECT (msg), "newsroom-upload");
  goffset *seen = g_object_get_data (G_OBJECT (msg), "newsroom-seen-bytes");
  gsize length;
  const guint8 *data = g_bytes_get_data (chunk, &length);

  if (seen != NULL)
    {
      *seen += length;
      if (fault != NULL && fault->fault == BYLINE_FAULT_RESET_IN_BODY
          && *seen >= fault->after_bytes)
        {
          /* The line drops in the middle of the upload. */
          g_object_set_data (G_OBJECT (msg), "newsroom-fault", NULL);
          g_socket_shutdown (soup_server_message_get_socket (msg), TRUE, TRUE, NULL);
          return;
        }
    }

  if (upload == NULL || upload->failed)
    return;

  g_checksum_update (upload->checksum, data, length);
  upload->received += length;
  while (length > 0)
    {
      gssize written = write (upload->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          upload->failed = TRUE;
          return;
        }
      data += written;
      length -= written;
    }
}

static void
asset_put_early (BylineNewsroomServer *self,
                 SoupServerMessage    *msg,
                 const char           *sha256)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *template = NULL;
  const char *content_type;
  NewsroomUser *user;
  Upload *upload;
  goffset length;

  /* Never buffer a picture in memory, not even one that is turned away. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  if ((user = _newsroom_authenticate (self, msg)) == NULL)
    return;
  if (!_newsroom_is_sha256 (sha256))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-name",
                             "A picture's name is the SHA-256 of its bytes, in lowercase hex.", NULL);
      return;
    }
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_LENGTH_REQUIRED, "length-required",
                             "A picture upload needs a Content-Length.", NULL);
      return;
    }
  length = soup_message_headers_get_content_length (headers);
  if (length > self->asset_limit)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      g_autofree char *detail = NULL;
      g_autofree char *size = g_format_size (self->asset_limit);

      detail = g_strdup_printf ("The picture is larger than this server takes (%s).", size);
      json_object_set_int_member (extra, "limit", self->asset_limit);
      _newsroom_set_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", detail, extra);
      return;
    }
  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type == NULL || !g_strv_contains (picture_types, content_type))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-type",
                             "Pictures must be JPEG, PNG, GIF or WebP.", NULL);
      return;
    }
  if (byline_newsroom_server_has_asset (self, sha256))
    {
      /* Already here: the body is not needed (with Expect: 100-continue it is never sent). */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      return;
    }

  upload = g_new0 (Upload, 1);
  upload->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  template = _newsroom_data_path (self, "tmp", "upload-XXXXXX", NULL);
  upload->fd = g_mkstemp (template);
  upload->tmp_path = g_steal_pointer (&template);
  if (upload->fd < 0)
    upload->failed = TRUE;
  g_object_set_data_full (G_OBJECT (msg), "newsroom-upload", upload, (GDestroyNotify) upload_free);
}

static void
asset_put (BylineNewsroomServer *self,
           SoupServerMessage    *msg,
           const char           *sha256)
{
  Upload *upload = g_object_get_data (G_OBJECT (msg), "newsroom-upload");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *path = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *type_path = NULL;
  g_autofree char *location = NULL;
  const char *actual;

  if (upload == NULL || upload->failed)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage",
                             "The server could not store the picture.", NULL);
      return;
    }

  close (upload->fd);
  upload->fd = -1;
  actual = g_checksum_get_string (upload->checksum);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_string_member (extra, "expected_sha256", sha256);
      json_object_set_string_member (extra, "actual_sha256", actual);
      _newsroom_set_problem (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "hash-mismatch",
                             "The picture arrived damaged or incomplete: its SHA-256 does not match its name.",
                             extra);
      return;
    }

  path = _newsroom_data_path (self, "assets", sha256, NULL);
  type_name = g_strconcat (sha256, ".type", NULL);
  type_path = _newsroom_data_path (self, "assets", type_name, NULL);
  g_file_set_contents (type_path, soup_message_headers_get_content_type (headers, NULL), -1, NULL);
  if (g_rename (upload->tmp_path, path) != 0)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage",
                             "The server could not store the picture.", NULL);
      return;
    }
  g_clear_pointer (&upload->tmp_path, g_free);

  location = g_strconcat ("/v1/assets/", sha256, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Location", location);
  soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
}

static void
asset_get (BylineNewsroomServer *self,
           SoupServerMessage    *msg,
           const char           *name)
{
  g_autofree char *sha256 = g_strndup (name, strcspn (name, "."));
  g_autofree char *path = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *type_path = NULL;
  g_autofree char *content_type = NULL;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autoptr(GMappedFile) mapped = NULL;

  if (!_newsroom_is_sha256 (sha256))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-name",
                             "A picture's name is the SHA-256 of its bytes, in lowercase hex.", NULL);
      return;
    }
  path = _newsroom_data_path (self, "assets", sha256, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found",
                             "The server does not have this picture.", NULL);
      return;
    }

  type_name = g_strconcat (sha256, ".type", NULL);
  type_path = _newsroom_data_path (self, "assets", type_name, NULL);
  if (!g_file_get_contents (type_path, &content_type, NULL, NULL))
    content_type = g_strdup ("application/octet-stream");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (soup_server_message_get_method (msg) == SOUP_METHOD_HEAD)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        soup_message_headers_set_content_length (response, st.st_size);
      soup_message_headers_set_content_type (response, content_type, NULL);
      return;
    }

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped != NULL)
    {
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);

      soup_message_headers_set_content_type (response, content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
    }
}

/* ----------------------------------------------------------------- items */

static void
collect_asset_refs (JsonNode  *node,
                    GPtrArray *refs)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_asset_refs (json_array_get_element (array, i), refs);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          const char *href, *at;

          if (g_str_equal (name, "href") && JSON_NODE_HOLDS_VALUE (member)
              && json_node_get_value_type (member) == G_TYPE_STRING
              && (href = json_node_get_string (member)) != NULL
              && (at = strstr (href, "/v1/assets/")) != NULL)
            {
              g_autofree char *sha256 = g_strndup (at + strlen ("/v1/assets/"), 64);

              if (_newsroom_is_sha256 (sha256))
                g_ptr_array_add (refs, g_steal_pointer (&sha256));
            }
          else
            collect_asset_refs (member, refs);
        }
    }
}

/* ninjs 1.x "headline", or the main one of 2.x/3.x "headlines". */
static const char *
item_headline (JsonObject *item)
{
  JsonArray *headlines = NULL;

  if (json_object_has_member (item, "headline"))
    return json_object_get_string_member_with_default (item, "headline", "");
  if (json_object_has_member (item, "headlines")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (item, "headlines")))
    headlines = json_object_get_array_member (item, "headlines");
  for (guint i = 0; headlines != NULL && i < json_array_get_length (headlines); i++)
    {
      JsonObject *headline = json_array_get_object_element (headlines, i);

      if (headline != NULL
          && (i == json_array_get_length (headlines) - 1
              || g_strcmp0 (json_object_get_string_member_with_default (headline, "role", NULL), "main") == 0))
        return json_object_get_string_member_with_default (headline, "value", "");
    }
  return "";
}

static void
precondition_failed (SoupServerMessage *msg,
                     NewsroomItem      *current,
                     const char        *detail)
{
  g_autoptr(JsonObject) extra = json_object_new ();

  if (current != NULL)
    {
      json_object_set_string_member (extra, "current_etag", current->etag);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "ETag", current->etag);
    }
  else
    json_object_set_null_member (extra, "current_etag");
  _newsroom_set_problem (msg, SOUP_STATUS_PRECONDITION_FAILED, "conflict", detail, extra);
}

static void
item_put (BylineNewsroomServer *self,
          SoupServerMessage    *msg,
          NewsroomUser         *user,
          const char           *id)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
  const char *if_match = soup_message_headers_get_one (headers, "If-Match");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonArray) missing = json_array_new ();
  g_autofree char *sha256 = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  NewsroomItem *existing;
  NewsroomItem *item;
  JsonNode *root;
  JsonObject *object;
  gboolean create;

  if (g_bytes_get_size (body) > NEWSROOM_ITEM_LIMIT)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "limit", NEWSROOM_ITEM_LIMIT);
      _newsroom_set_problem (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                             "The story is larger than this server takes (4 MiB).", extra);
      return;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root)
      || json_object_get_string_member_with_default (object = json_node_get_object (root), "uri", NULL) == NULL)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-item",
                             "The story is not a ninjs item (a JSON object with a “uri”).", NULL);
      return;
    }

  create = g_strcmp0 (if_none_match, "*") == 0;
  if (!create && if_match == NULL)
    {
      _newsroom_set_problem (msg, 428, "precondition-required",
                             "Send If-None-Match: * to create a story, or If-Match with its version to replace it.",
                             NULL);
      return;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  etag = g_strdup_printf ("\"%s\"", sha256);
  existing = g_hash_table_lookup (self->items, id);

  if (existing != NULL && g_str_equal (existing->etag, etag))
    {
      /* A repeated request whose first answer was lost: it already succeeded. */
      soup_message_headers_replace (response, "ETag", etag);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      return;
    }
  if (create && existing != NULL)
    {
      precondition_failed (msg, existing, "A story with this id already exists.");
      return;
    }
  if (!create && (existing == NULL || !g_str_equal (existing->etag, if_match)))
    {
      precondition_failed (msg, existing,
                           existing ? "Someone else changed this story since you last sent it."
                                    : "There is no such story to replace.");
      return;
    }
  if (existing != NULL && !_newsroom_user_has_role (user, "editor")
      && (g_str_equal (existing->status, "published") || g_str_equal (existing->status, "scheduled")))
    {
      g_autofree char *roles = roles_sentence (user);
      g_autofree char *detail = g_strdup_printf ("Changing a published story needs the editor role; %s.", roles);

      _newsroom_set_problem (msg, SOUP_STATUS_FORBIDDEN, "forbidden", detail, NULL);
      return;
    }

  collect_asset_refs (root, refs);
  for (guint i = 0; i < refs->len; i++)
    if (!byline_newsroom_server_has_asset (self, g_ptr_array_index (refs, i)))
      json_array_add_string_element (missing, g_ptr_array_index (refs, i));
  if (json_array_get_length (missing) > 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_array_member (extra, "missing_assets", g_steal_pointer (&missing));
      _newsroom_set_problem (msg, SOUP_STATUS_CONFLICT, "missing-assets",
                             "The story refers to pictures the server does not have: upload them first.",
                             extra);
      return;
    }

  name = g_strconcat (id, ".json", NULL);
  path = _newsroom_data_path (self, "items", name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage", error->message, NULL);
      return;
    }

  item = existing;
  if (item == NULL)
    {
      item = g_new0 (NewsroomItem, 1);
      item->id = g_strdup (id);
      item->status = g_strdup ("draft");
      g_hash_table_replace (self->items, item->id, item);
    }
  g_free (item->etag);
  item->etag = g_strdup (etag);
  g_free (item->headline);
  item->headline = g_strdup (item_headline (object));
  g_free (item->updated);
  item->updated = _newsroom_now_iso8601 (&item->updated_usec);
  g_free (item->updated_by);
  item->updated_by = g_strdup (user->user);
  if (!_newsroom_save_item_meta (self, item, &error))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage", error->message, NULL);
      return;
    }

  soup_message_headers_replace (response, "ETag", etag);
  if (existing == NULL)
    {
      g_autofree char *location = g_strconcat ("/v1/items/", id, NULL);

      soup_message_headers_replace (response, "Location", location);
      soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
item_get (BylineNewsroomServer *self,
          SoupServerMessage    *msg,
          const char           *id)
{
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) bytes = byline_newsroom_server_get_item (self, id, &etag, NULL);

  if (bytes == NULL)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is no such story.", NULL);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static void
item_status_post (BylineNewsroomServer *self,
                  SoupServerMessage    *msg,
                  NewsroomUser         *user,
                  NewsroomItem         *item)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *if_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                       "If-Match");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) publish_at = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *status, *note, *publish_at_str;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-status",
                             "The request is not a JSON object.", NULL);
      return;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  status = json_object_get_string_member_with_default (object, "status", NULL);
  note = json_object_get_string_member_with_default (object, "note", NULL);
  publish_at_str = json_object_get_string_member_with_default (object, "publish_at", NULL);
  if (status == NULL || !g_strv_contains (statuses, status))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-status",
                             "The status must be draft, submitted, published, scheduled or returned.", NULL);
      return;
    }
  if (publish_at_str != NULL && (publish_at = g_date_time_new_from_iso8601 (publish_at_str, NULL)) == NULL)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-status",
                             "The publication time is not an RFC 3339 date and time.", NULL);
      return;
    }
  if (g_str_equal (status, "scheduled") && publish_at == NULL)
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-status",
                             "Scheduling needs a publication time.", NULL);
      return;
    }
  if ((g_str_equal (status, "published") || g_str_equal (status, "scheduled")
       || g_str_equal (status, "returned"))
      && !_newsroom_user_has_role (user, "editor"))
    {
      const char *what = g_str_equal (status, "published") ? "Publishing"
                       : g_str_equal (status, "scheduled") ? "Scheduling"
                       : "Returning a story";
      g_autofree char *roles = roles_sentence (user);
      g_autofree char *detail = g_strdup_printf ("%s needs the editor role; %s.", what, roles);

      _newsroom_set_problem (msg, SOUP_STATUS_FORBIDDEN, "forbidden", detail, NULL);
      return;
    }
  if (if_match != NULL && !g_str_equal (if_match, item->etag))
    {
      precondition_failed (msg, item, "Someone else changed this story since you last sent it.");
      return;
    }

  g_free (item->status);
  item->status = g_strdup (status);
  g_free (item->note);
  item->note = g_strdup (note);
  g_free (item->publish_at);
  item->publish_at = g_strdup (publish_at_str);
  g_free (item->updated);
  item->updated = _newsroom_now_iso8601 (&item->updated_usec);
  g_free (item->updated_by);
  item->updated_by = g_strdup (user->user);
  if (g_str_equal (status, "submitted"))
    {
      g_free (item->submitted);
      item->submitted = g_strdup (item->updated);
      g_free (item->submitted_by);
      item->submitted_by = g_strdup (user->user);
    }
  if (!_newsroom_save_item_meta (self, item, &error))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage", error->message, NULL);
      return;
    }
  answer = _newsroom_item_status_json (item);
  _newsroom_set_json (msg, SOUP_STATUS_OK, answer);
}

static int
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  const NewsroomItem *ia = *(NewsroomItem **) a;
  const NewsroomItem *ib = *(NewsroomItem **) b;

  return (ib->updated_usec > ia->updated_usec) - (ib->updated_usec < ia->updated_usec);
}

static void
items_list (BylineNewsroomServer *self,
            SoupServerMessage    *msg,
            GHashTable           *query)
{
  const char *status = query ? g_hash_table_lookup (query, "status") : NULL;
  g_autoptr(GPtrArray) items = g_hash_table_get_values_as_ptr_array (self->items);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  if (status != NULL && !g_strv_contains (statuses, status))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-status",
                             "The status must be draft, submitted, published, scheduled or returned.", NULL);
      return;
    }

  g_ptr_array_sort (items, compare_updated);
  for (guint i = 0; i < items->len; i++)
    {
      NewsroomItem *item = g_ptr_array_index (items, i);

      if (status == NULL || g_str_equal (item->status, status))
        json_array_add_element (array, _newsroom_item_status_json (item));
    }
  json_object_set_array_member (object, "items", g_steal_pointer (&array));
  json_node_set_object (root, object);
  _newsroom_set_json (msg, SOUP_STATUS_OK, root);
}

/* ---------------------------------------------------------------- routes */

static void
method_not_allowed (SoupServerMessage *msg,
                    const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  _newsroom_set_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                         "This address does not take that method.", NULL);
}

static void
route (BylineNewsroomServer *self,
       SoupServerMessage    *msg,
       const char           *path,
       GHashTable           *query)
{
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);   /* "", "v1", ... */
  guint n_parts = g_strv_length (parts);
  NewsroomUser *user;

  if (n_parts < 3 || !g_str_equal (parts[1], "v1"))
    {
      _newsroom_set_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing at this address.", NULL);
      return;
    }
  if ((user = _newsroom_authenticate (self, msg)) == NULL)
    return;

  if (n_parts == 3 && g_str_equal (parts[2], "me"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      if (method != SOUP_METHOD_GET)
        {
          method_not_allowed (msg, "GET");
          return;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, user->user);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, user->name);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint r = 0; user->roles[r] != NULL; r++)
        json_builder_add_string_value (builder, user->roles[r]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _newsroom_set_json (msg, SOUP_STATUS_OK, root);
    }
  else if (n_parts == 3 && g_str_equal (parts[2], "categories"))
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

      if (method != SOUP_METHOD_GET)
        {
          method_not_allowed (msg, "GET");
          return;
        }
      for (guint i = 0; i < self->categories->len; i++)
        json_array_add_object_element (array, json_object_ref (g_ptr_array_index (self->categories, i)));
      json_object_set_array_member (object, "categories", g_steal_pointer (&array));
      json_node_set_object (root, object);
      _newsroom_set_json (msg, SOUP_STATUS_OK, root);
    }
  else if (n_parts == 4 && g_str_equal (parts[2], "assets"))
    {
      if (method == SOUP_METHOD_PUT)
        asset_put (self, msg, parts[3]);
      else if (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD)
        asset_get (self, msg, parts[3]);
      else
        method_not_allowed (msg, "GET, HEAD, PUT");
    }
  else if (n_parts == 3 && g_str_equal (parts[2], "items"))
    {
      if (method != SOUP_METHOD_GET)
        method_not_allowed (msg, "GET");
      else
        items_list (self, msg, query);
    }
  else if ((n_parts == 4 || (n_parts == 5 && g_str_equal (parts[4], "status")))
           && g_str_equal (parts[2], "items"))
    {
      NewsroomItem *item;

      if (!is_item_id (parts[3]))
        {
          _newsroom_set_problem (msg, SOUP_STATUS_BAD_REQUEST, "invalid-id",
                                 "A story's id is 1 to 64 letters, digits and dashes.", NULL);
          return;
        }
      if (n_parts == 4)
        {
          if (method == SOUP_METHOD_PUT)
            item_put (self, msg, user, parts[3]);
          else if (method == SOUP_METHOD_GET)
            item_get (self, msg, parts[3]);
          else
            method_not_allowed (msg, "GET, PUT");
          return;
        }

      item = g_hash_table_lookup (self->items, parts[3]);
      if (method != SOUP_METHOD_GET && method != SOUP_METHOD_POST)
        method_not_allowed (msg, "GET, POST");
      else if (item == NULL)
        _newsroom_set_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is no such story.", NULL);
      else if (method == SOUP_METHOD_GET)
        {
          g_autoptr(JsonNode) root = _newsroom_item_status_json (item);

          _newsroom_set_json (msg, SOUP_STATUS_OK, root);
        }
      else
        item_status_post (self, msg, user, item);
    }
  else
    _newsroom_set_problem (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing at this address.", NULL);
}

static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  BylineNewsroomServer *self = user_data;
  NewsroomFault *fault;

  _newsroom_log_seen (self, msg);

  fault = _newsroom_take_fault (self, msg);
  if (fault != NULL && fault->fault == BYLINE_FAULT_STATUS)
    {
      if (fault->retry_after > 0)
        {
          g_autofree char *value = g_strdup_printf ("%u", fault->retry_after);

          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", value);
        }
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      _newsroom_set_problem (msg, fault->status, "injected",
                             "The server is having a bad day.", NULL);
      g_free (fault->method);
      g_free (fault->prefix);
      g_free (fault);
      return;
    }
  if (fault != NULL)
    {
      g_object_set_data_full (G_OBJECT (msg), "newsroom-fault", fault, g_free);
      g_free (g_steal_pointer (&fault->method));
      g_free (g_steal_pointer (&fault->prefix));
    }

  g_object_set_data_full (G_OBJECT (msg), "newsroom-seen-bytes", g_new0 (goffset, 1), g_free);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);

  if (soup_server_message_get_method (msg) == SOUP_METHOD_PUT
      && g_str_has_prefix (path, "/v1/assets/"))
    asset_put_early (self, msg, path + strlen ("/v1/assets/"));
}

/* Sends the answer routed for @msg as an HTTP/1.0 server would, which ends
 * an answer by closing the connection, and closes it half-way through the
 * body: a mountain district's line dropping mid-download, which libsoup
 * reads as the answer's end. */
static void
cut_response (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_response_headers (msg), NULL);
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  g_autofree char *head = g_strdup_printf ("HTTP/1.0 %u OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT
                                           "\r\nConnection: close\r\n\r\n",
                                           soup_server_message_get_status (msg),
                                           type != NULL ? type : "application/octet-stream",
                                           g_bytes_get_size (body));

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (body, NULL), g_bytes_get_size (body) / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  BylineNewsroomServer *self = user_data;
  NewsroomFault *fault = g_object_get_data (G_OBJECT (msg), "newsroom-fault");

  if (fault != NULL && fault->fault == BYLINE_FAULT_HANG)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (self->hung, g_object_ref (msg));
      return;
    }

  route (self, msg, path, query);

  if (fault != NULL && fault->fault == BYLINE_FAULT_DROP_RESPONSE)
    {
      /* The work is done, the answer never leaves: an ambiguous failure. */
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
    }
  if (fault != NULL && fault->fault == BYLINE_FAULT_CUT_RESPONSE)
    cut_response (msg);
}

void
_newsroom_install_handlers (BylineNewsroomServer *self)
{
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
}
