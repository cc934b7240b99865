/* byline-newsroom-client.c — the requests of the Newsroom API, one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-destination-private.h"
#include "byline-error.h"
#include "byline-file-stream-private.h"
#include "byline-files.h"
#include "byline-http-private.h"
#include "byline-newsroom-private.h"

void
byline_category_free (BylineCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->id);
  g_free (category->name);
  g_free (category);
}

void
byline_remote_item_free (BylineRemoteItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->headline);
  g_free (item->note);
  g_clear_pointer (&item->publish_at, g_date_time_unref);
  g_clear_pointer (&item->updated, g_date_time_unref);
  g_free (item->updated_by);
  g_free (item->version);
  g_free (item);
}

SoupMessage *
_byline_newsroom_message (BylineNewsroomDestination *self,
                          const char                *method,
                          const char                *path)
{
  g_autofree char *address = g_strconcat (self->url, path, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
  SoupMessage *msg = soup_message_new (method, address);
  SoupMessageHeaders *headers;

  g_assert (msg != NULL);  /* the base address was checked when the destination was made */
  /* libsoup quietly resends a request whose kept-alive connection closed
   * before the answer, and it resends a body it already read as an empty
   * one.  A write on its own connection fails instead, and the outbox
   * retries it knowing what may have landed. */
  if (method == SOUP_METHOD_PUT || method == SOUP_METHOD_POST)
    soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json, application/problem+json");
  return msg;
}

static JsonObject *
parse_object (GBytes      *bytes,
              SoupMessage *msg,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &local_error)
      && JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (root));

  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER,
               _("%s sent an answer that is not a JSON object."),
               g_uri_get_host (soup_message_get_uri (msg)));
  return NULL;
}

/* ----------------------------------------------------------------- send */

typedef struct
{
  SoupMessage *msg;
  guint        accept_status;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->msg);
  g_free (data);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status, retry_after;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, _byline_http_error_from_transport (error, data->msg));
      return;
    }

  status = soup_message_get_status (data->msg);
  retry_after = _byline_http_get_retry_after (data->msg);
  if (retry_after > 0)
    _byline_destination_defer (BYLINE_DESTINATION (self), retry_after);

  if (status >= 300 && status != data->accept_status)
    {
      g_task_return_error (task, _byline_http_error_from_response (data->msg, body));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

void
_byline_newsroom_send (BylineNewsroomDestination *self,
                       SoupMessage               *msg,
                       guint                      accept_status,
                       GCancellable              *cancellable,
                       GAsyncReadyCallback        callback,
                       gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data = g_new0 (SendData, 1);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _byline_newsroom_send);
  data->msg = g_object_ref (msg);
  data->accept_status = accept_status;
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

GBytes *
_byline_newsroom_send_finish (BylineNewsroomDestination  *self,
                              GAsyncResult               *result,
                              GError                    **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -------------------------------------------------------------- /v1/me */

static void
get_me_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  JsonArray *roles;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL || (object = parse_object (body, msg, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  identity = g_new0 (BylineIdentity, 1);
  identity->user = g_strdup (json_object_get_string_member_with_default (object, "user", ""));
  identity->display_name = g_strdup (json_object_get_string_member_with_default (object, "name",
                                                                                 identity->user));
  roles = json_object_get_array_member (object, "roles");
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      const char *role = json_array_get_string_element (roles, i);

      if (g_strcmp0 (role, "reporter") == 0)
        identity->roles |= BYLINE_ROLE_REPORTER;
      else if (g_strcmp0 (role, "editor") == 0)
        identity->roles |= BYLINE_ROLE_EDITOR;
    }
  g_task_return_pointer (task, g_steal_pointer (&identity), (GDestroyNotify) byline_identity_free);
}

void
_byline_newsroom_get_me_async (BylineNewsroomDestination *self,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) msg = _byline_newsroom_message (self, SOUP_METHOD_GET, "/v1/me");

  g_task_set_source_tag (task, _byline_newsroom_get_me_async);
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  _byline_newsroom_send (self, msg, 0, cancellable, get_me_cb, g_steal_pointer (&task));
}

BylineIdentity *
_byline_newsroom_get_me_finish (BylineNewsroomDestination  *self,
                                GAsyncResult               *result,
                                GError                    **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------ /v1/categories */

static void
list_categories_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  JsonArray *array;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL || (object = parse_object (body, msg, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_category_free);
  array = json_object_get_array_member (object, "categories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      BylineCategory *category;

      if (entry == NULL)
        continue;
      category = g_new0 (BylineCategory, 1);
      category->id = g_strdup (json_object_get_string_member_with_default (entry, "id", ""));
      category->name = g_strdup (json_object_get_string_member_with_default (entry, "name", ""));
      g_ptr_array_add (categories, category);
    }
  g_task_return_pointer (task, g_steal_pointer (&categories), (GDestroyNotify) g_ptr_array_unref);
}

void
byline_newsroom_destination_list_categories_async (BylineNewsroomDestination *self,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_list_categories_async);
  msg = _byline_newsroom_message (self, SOUP_METHOD_GET, "/v1/categories");
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  _byline_newsroom_send (self, msg, 0, cancellable, list_categories_cb, g_steal_pointer (&task));
}

GPtrArray *
byline_newsroom_destination_list_categories_finish (BylineNewsroomDestination  *self,
                                                    GAsyncResult               *result,
                                                    GError                    **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------- /v1/assets */

typedef struct
{
  GFile                  *file;
  char                   *sha256;
  char                   *media_type;
  goffset                 size;
  goffset                 sent;
  BylineSendProgressFunc  progress;
  gpointer                progress_data;
  gboolean                uploaded;
} UploadData;

static void
upload_data_free (UploadData *data)
{
  g_clear_object (&data->file);
  g_free (data->sha256);
  g_free (data->media_type);
  g_free (data);
}

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    UploadData  *data)
{
  data->sent += chunk_size;
  if (data->progress != NULL)
    data->progress (data->sent, data->size, data->progress_data);
}

static void
asset_put_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *data = g_task_get_task_data (task);
  SoupMessage *msg = g_object_get_data (G_OBJECT (task), "msg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  g_signal_handlers_disconnect_by_func (msg, wrote_body_data_cb, data);
  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* 201: stored now; 200: the server had it after all (and said so before the body). */
  data->uploaded = soup_message_get_status (msg) == SOUP_STATUS_CREATED;
  if (data->progress != NULL)
    data->progress (data->size, data->size, data->progress_data);
  g_task_return_boolean (task, TRUE);
}

static void
asset_head_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  UploadData *data = g_task_get_task_data (task);
  SoupMessage *head = g_object_get_data (G_OBJECT (task), "msg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SoupMessage) put = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;

  body = _byline_newsroom_send_finish (self, result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (soup_message_get_status (head) == SOUP_STATUS_OK)
    {
      /* Never upload a picture twice. */
      if (data->progress != NULL)
        data->progress (data->size, data->size, data->progress_data);
      g_task_return_boolean (task, TRUE);
      return;
    }

  stream = _byline_file_stream_new (data->file, &data->size, g_task_get_cancellable (task), &error);
  if (stream == NULL)
    {
      const char *phrase = byline_io_error_phrase (error);

      /* (A picture gone since it was added: in our words, not GLib's.) */
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                               _("Could not read the picture %s: %s"),
                               g_file_peek_path (data->file), phrase != NULL ? phrase : error->message);
      return;
    }

  path = g_strconcat ("/v1/assets/", data->sha256, NULL);
  put = _byline_newsroom_message (self, SOUP_METHOD_PUT, path);
  /* Streamed from the file: memory does not grow with the picture's size. */
  soup_message_set_request_body (put, data->media_type, stream, data->size);
  /* No Expect: 100-continue: libsoup 3.6 touches a freed cancellable when the
   * server answers before the body was sent (the HEAD above already found out
   * whether the picture is needed, and a wrong token). */
  g_signal_connect (put, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), data);
  g_object_set_data_full (G_OBJECT (task), "msg", g_object_ref (put), g_object_unref);
  cancellable = g_task_get_cancellable (task);
  _byline_newsroom_send (self, put, 0, cancellable, asset_put_cb, g_steal_pointer (&task));
}

void
byline_newsroom_destination_upload_asset_async (BylineNewsroomDestination *self,
                                                GFile                     *file,
                                                const char                *sha256,
                                                const char                *media_type,
                                                BylineSendProgressFunc     progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) head = NULL;
  g_autofree char *path = NULL;
  UploadData *data;

  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (sha256 != NULL && media_type != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_upload_asset_async);
  data = g_new0 (UploadData, 1);
  data->file = g_object_ref (file);
  data->sha256 = g_ascii_strdown (sha256, -1);
  data->media_type = g_strdup (media_type);
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) upload_data_free);

  path = g_strconcat ("/v1/assets/", data->sha256, NULL);
  head = _byline_newsroom_message (self, SOUP_METHOD_HEAD, path);
  g_object_set_data_full (G_OBJECT (task), "msg", g_object_ref (head), g_object_unref);
  _byline_newsroom_send (self, head, SOUP_STATUS_NOT_FOUND, cancellable, asset_head_cb,
                         g_steal_pointer (&task));
}

gboolean
byline_newsroom_destination_upload_asset_finish (BylineNewsroomDestination  *self,
                                                 GAsyncResult               *result,
                                                 gboolean                   *uploaded,
                                                 GError                    **error)
{
  UploadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (uploaded != NULL)
    *uploaded = data->uploaded;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ----------------------------------------------------------- /v1/items */

typedef struct
{
  SoupMessage *msg;
  char        *current_version;
} ItemData;

static void
item_data_free (ItemData *data)
{
  g_clear_object (&data->msg);
  g_free (data->current_version);
  g_free (data);
}

static void
put_item_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ItemData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *etag;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  etag = soup_message_headers_get_one (headers, "ETag");
  if (soup_message_get_status (data->msg) == SOUP_STATUS_PRECONDITION_FAILED)
    {
      data->current_version = g_strdup (etag);
      g_task_return_error (task, _byline_http_error_from_response (data->msg, body));
      return;
    }
  if (etag == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_SERVER,
                               _("%s stored the story without giving its version (no ETag)."),
                               g_uri_get_host (soup_message_get_uri (data->msg)));
      return;
    }
  g_task_return_pointer (task, g_strdup (etag), g_free);
}

void
byline_newsroom_destination_put_item_async (BylineNewsroomDestination *self,
                                            const char                *id,
                                            GBytes                    *item,
                                            const char                *if_match,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  SoupMessageHeaders *headers;
  ItemData *data;

  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (item != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_put_item_async);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/v1/items/", escaped, NULL);
  data = g_new0 (ItemData, 1);
  data->msg = _byline_newsroom_message (self, SOUP_METHOD_PUT, path);
  g_task_set_task_data (task, data, (GDestroyNotify) item_data_free);

  headers = soup_message_get_request_headers (data->msg);
  if (if_match == NULL)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  else
    soup_message_headers_replace (headers, "If-Match", if_match);
  soup_message_set_request_body_from_bytes (data->msg, "application/json", item);

  _byline_newsroom_send (self, data->msg, SOUP_STATUS_PRECONDITION_FAILED, cancellable,
                         put_item_cb, g_steal_pointer (&task));
}

char *
byline_newsroom_destination_put_item_finish (BylineNewsroomDestination  *self,
                                             GAsyncResult               *result,
                                             char                      **current_version,
                                             GError                    **error)
{
  ItemData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (current_version != NULL)
    *current_version = g_strdup (data->current_version);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_item_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ItemData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->current_version = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (data->msg),
                                                                  "ETag"));
  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

void
byline_newsroom_destination_get_item_async (BylineNewsroomDestination *self,
                                            const char                *id,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  ItemData *data;

  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_get_item_async);
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/v1/items/", escaped, NULL);
  data = g_new0 (ItemData, 1);
  data->msg = _byline_newsroom_message (self, SOUP_METHOD_GET, path);
  g_task_set_task_data (task, data, (GDestroyNotify) item_data_free);
  _byline_newsroom_send (self, data->msg, 0, cancellable, get_item_cb, g_steal_pointer (&task));
}

GBytes *
byline_newsroom_destination_get_item_finish (BylineNewsroomDestination  *self,
                                             GAsyncResult               *result,
                                             char                      **version,
                                             GError                    **error)
{
  ItemData *data;
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && version != NULL)
    *version = g_strdup (data->current_version);
  return bytes;
}

static GDateTime *
dup_date_member (JsonObject *object,
                 const char *name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  return value ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

static void
list_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL || (object = parse_object (body, msg, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_remote_item_free);
  array = json_object_get_array_member (object, "items");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      BylineRemoteItem *item;

      if (entry == NULL)
        continue;
      item = g_new0 (BylineRemoteItem, 1);
      item->id = g_strdup (json_object_get_string_member_with_default (entry, "id", ""));
      item->headline = g_strdup (json_object_get_string_member_with_default (entry, "headline", ""));
      byline_status_from_string (json_object_get_string_member_with_default (entry, "status", "draft"),
                                 &item->status);
      item->note = g_strdup (json_object_get_string_member_with_default (entry, "note", NULL));
      item->publish_at = dup_date_member (entry, "publish_at");
      item->updated = dup_date_member (entry, "updated");
      item->updated_by = g_strdup (json_object_get_string_member_with_default (entry, "updated_by", NULL));
      item->version = g_strdup (json_object_get_string_member_with_default (entry, "etag", NULL));
      g_ptr_array_add (items, item);
    }
  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

void
byline_newsroom_destination_list_items_async (BylineNewsroomDestination *self,
                                              int                        status,
                                              GCancellable              *cancellable,
                                              GAsyncReadyCallback        callback,
                                              gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_list_items_async);
  if (status >= 0)
    path = g_strconcat ("/v1/items?status=", byline_status_to_string (status), NULL);
  else
    path = g_strdup ("/v1/items");
  msg = _byline_newsroom_message (self, SOUP_METHOD_GET, path);
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  _byline_newsroom_send (self, msg, 0, cancellable, list_items_cb, g_steal_pointer (&task));
}

GPtrArray *
byline_newsroom_destination_list_items_finish (BylineNewsroomDestination  *self,
                                               GAsyncResult               *result,
                                               GError                    **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------- /v1/items/{id}/status */

static void
post_status_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_byline_newsroom_post_status_async (BylineNewsroomDestination *self,
                                    const char                *id,
                                    BylineStatus               status,
                                    const char                *note,
                                    GDateTime                 *publish_at,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/v1/items/", escaped, "/status", NULL);
  char *text;

  g_task_set_source_tag (task, _byline_newsroom_post_status_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, byline_status_to_string (status));
  if (note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  if (publish_at != NULL)
    {
      g_autofree char *when = g_date_time_format_iso8601 (publish_at);

      json_builder_set_member_name (builder, "publish_at");
      json_builder_add_string_value (builder, when);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));

  msg = _byline_newsroom_message (self, SOUP_METHOD_POST, path);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  _byline_newsroom_send (self, msg, 0, cancellable, post_status_cb, g_steal_pointer (&task));
}

gboolean
_byline_newsroom_post_status_finish (BylineNewsroomDestination  *self,
                                     GAsyncResult               *result,
                                     GError                    **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
