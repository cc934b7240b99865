/* byline-newsroom-review.c — the review queue of our Newsroom API: listing
 * stories by status and downloading one with its pictures
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
#include "byline-http-private.h"
#include "byline-newsroom-private.h"
#include "byline-review-private.h"

static JsonObject *
parse_object (GBytes     *bytes,
              const char *failure,  /* translated, what to say when it is not */
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
      && JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (root));
  g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, failure);
  return NULL;
}

static char *
item_path (const char *id,
           const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/v1/items/", escaped, suffix, NULL);
}

/* ---------------------------------------------------------------- list */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  JsonNode *items;

  body = _byline_newsroom_send_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (body == NULL || (object = parse_object (body, _("The newsroom sent a list that is not a JSON object."), &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stories = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_remote_story_free);
  items = json_object_get_member (object, "items");
  for (guint i = 0; items != NULL && JSON_NODE_HOLDS_ARRAY (items)
                    && i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonObject *entry = json_array_get_object_element (json_node_get_array (items), i);

      if (entry != NULL)
        g_ptr_array_add (stories, _byline_remote_story_from_json (entry, NULL));
    }
  g_task_return_pointer (task, g_steal_pointer (&stories), (GDestroyNotify) g_ptr_array_unref);
}

static void
newsroom_list_async (BylineReviewSource  *source,
                     BylineStatus         status,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  BylineNewsroomDestination *self = BYLINE_NEWSROOM_DESTINATION (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = g_strconcat ("/v1/items?status=", byline_status_to_string (status), NULL);
  g_autoptr(SoupMessage) msg = _byline_newsroom_message (self, SOUP_METHOD_GET, path);

  g_task_set_source_tag (task, newsroom_list_async);
  _byline_newsroom_send (self, msg, 0, cancellable, list_cb, g_steal_pointer (&task));
}

static GPtrArray *
newsroom_list_finish (BylineReviewSource  *source,
                      GAsyncResult        *result,
                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------------- fetch */

typedef struct
{
  char              *id;
  GFile             *folder;
  char              *media_prefix;
  BylineRemoteStory *story;
  GBytes            *item;
  GStrv              media;
  guint              next_media;
  SoupMessage       *msg;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->id);
  g_clear_object (&data->folder);
  g_free (data->media_prefix);
  g_clear_pointer (&data->story, byline_remote_story_free);
  g_clear_pointer (&data->item, g_bytes_unref);
  g_strfreev (data->media);
  g_clear_object (&data->msg);
  g_free (data);
}

static void fetch_next_picture (GTask *task);

static void
finish_fetch (GTask *task)
{
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = _byline_review_article_from_item (data->item, data->media_prefix, data->folder,
                                              byline_destination_get_name (BYLINE_DESTINATION (self)),
                                              data->id, data->story, &error);
  if (article == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, article, g_object_unref);
}

/* Pictures are streamed to a ".part" file and renamed when whole: memory
 * does not grow with their size, and a cut download leaves no picture. */
static void
picture_spliced_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GFile) media = g_file_get_child (data->folder, "media");
  g_autoptr(GFile) file = g_file_get_child (media, data->media[data->next_media]);
  g_autofree char *part_name = g_strconcat (data->media[data->next_media], ".part", NULL);
  g_autoptr(GFile) part = g_file_get_child (media, part_name);
  g_autoptr(GError) error = NULL;
  gssize received;

  /* A cut that libsoup takes as the end (an HTTP/1.0 answer) is one too. */
  if ((received = g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error)) < 0
      || !_byline_http_check_whole (data->msg, received, &error)
      || !g_file_move (part, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      g_file_delete (part, NULL, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && error->domain != BYLINE_ERROR)
        {
          g_autoptr(GError) wrapped = _byline_http_error_from_transport (error, data->msg);

          g_task_return_error (task, g_steal_pointer (&wrapped));
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&data->msg);
  data->next_media++;
  fetch_next_picture (g_steal_pointer (&task));
}

static void
picture_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GInputStream *in = g_object_get_data (G_OBJECT (task), "body");
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  out = g_file_replace_finish (G_FILE (source), result, &error);
  if (out == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not keep a picture: %s"),
                               error->message);
      return;
    }
  g_output_stream_splice_async (G_OUTPUT_STREAM (out), in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, picture_spliced_cb, g_steal_pointer (&task));
}

static void
picture_answer_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) media = g_file_get_child (data->folder, "media");
  g_autofree char *part_name = g_strconcat (data->media[data->next_media], ".part", NULL);
  g_autoptr(GFile) part = g_file_get_child (media, part_name);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint retry_after;

  in = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (in == NULL)
    {
      g_task_return_error (task, _byline_http_error_from_transport (error, data->msg));
      return;
    }
  retry_after = _byline_http_get_retry_after (data->msg);
  if (retry_after > 0)
    _byline_destination_defer (BYLINE_DESTINATION (self), retry_after);
  if (soup_message_get_status (data->msg) >= 300)
    {
      g_task_return_error (task, _byline_http_error_from_response (data->msg, NULL));
      return;
    }
  if (!g_file_make_directory_with_parents (media, cancellable, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not keep a picture: %s"),
                               error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "body", g_steal_pointer (&in), g_object_unref);
  g_file_replace_async (part, NULL, FALSE, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT, cancellable,
                        picture_opened_cb, g_steal_pointer (&task));
}

/* One at a time; a picture that is here already is not downloaded again. */
static void
fetch_next_picture (GTask *task)
{
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);

  while (data->folder != NULL && data->media[data->next_media] != NULL)
    {
      g_autofree char *path = g_strconcat ("/v1/assets/", data->media[data->next_media], NULL);
      g_autoptr(GFile) media = g_file_get_child (data->folder, "media");
      g_autoptr(GFile) file = g_file_get_child (media, data->media[data->next_media]);

      if (g_file_query_exists (file, NULL))
        {
          data->next_media++;
          continue;
        }
      g_clear_object (&data->msg);
      data->msg = _byline_newsroom_message (self, SOUP_METHOD_GET, path);
      soup_session_send_async (self->session, data->msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                               picture_answer_cb, task);
      return;
    }
  finish_fetch (task);
  g_object_unref (task);
}

static void
item_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  data->item = byline_newsroom_destination_get_item_finish (BYLINE_NEWSROOM_DESTINATION (source), result,
                                                            &version, &error);
  if (data->item == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The version of the bytes we hold, whatever the status said a moment before. */
  g_free (data->story->version);
  data->story->version = g_steal_pointer (&version);
  data->media = _byline_review_item_media (data->item, data->media_prefix);
  fetch_next_picture (g_steal_pointer (&task));
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  body = _byline_newsroom_send_finish (self, result, &error);
  if (body == NULL || (object = parse_object (body, _("The newsroom sent a status that is not a JSON object."), &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->story = _byline_remote_story_from_json (object, data->id);
  byline_newsroom_destination_get_item_async (self, data->id, cancellable, item_cb, g_steal_pointer (&task));
}

static void
newsroom_fetch_async (BylineReviewSource  *source,
                      const char          *remote_id,
                      GFile               *folder,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  BylineNewsroomDestination *self = BYLINE_NEWSROOM_DESTINATION (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = item_path (remote_id, "/status");
  g_autoptr(SoupMessage) msg = _byline_newsroom_message (self, SOUP_METHOD_GET, path);
  FetchData *data = g_new0 (FetchData, 1);

  g_task_set_source_tag (task, newsroom_fetch_async);
  data->id = g_strdup (remote_id);
  data->folder = folder ? g_object_ref (folder) : NULL;
  data->media_prefix = g_strconcat (self->url, "/v1/assets/", NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  _byline_newsroom_send (self, msg, 0, cancellable, status_cb, g_steal_pointer (&task));
}

static BylineArticle *
newsroom_fetch_finish (BylineReviewSource  *source,
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
_byline_newsroom_review_iface_init (BylineReviewSourceInterface *iface)
{
  iface->list_async = newsroom_list_async;
  iface->list_finish = newsroom_list_finish;
  iface->fetch_async = newsroom_fetch_async;
  iface->fetch_finish = newsroom_fetch_finish;
}
