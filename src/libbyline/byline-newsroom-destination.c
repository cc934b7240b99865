/* byline-newsroom-destination.c — sending a story to our Newsroom API
 *
 * A send is: every picture (HEAD, then PUT only when missing), the item (PUT
 * with If-None-Match: * or If-Match), then its status (POST).  Each step can be
 * repeated safely, so the outbox simply starts a failed send over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article.h"
#include "byline-destination-private.h"
#include "byline-error.h"
#include "byline-http-private.h"
#include "byline-image.h"
#include "byline-image-resize.h"
#include "byline-newsroom-private.h"
#include "byline-ninjs.h"
#include "byline-review-private.h"
#include "byline-upload-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineNewsroomDestination, byline_newsroom_destination, BYLINE_TYPE_DESTINATION,
                               G_IMPLEMENT_INTERFACE (BYLINE_TYPE_REVIEW_SOURCE,
                                                      _byline_newsroom_review_iface_init))

typedef struct
{
  char              *id;
  JsonNode          *ninjs;
  char              *media_base;
  GBytes            *item;
  char              *item_version;
  char              *if_match;
  GPtrArray         *images;      /* BylineUploadImage */
  guint              next_image;
  goffset            total;
  goffset            done;
  gboolean           put_again;
  BylineSendOptions *options;
  BylineSendReceipt *receipt;
} SendData;

static void
send_data_free (SendData *data)
{
  g_free (data->id);
  g_clear_pointer (&data->ninjs, json_node_unref);
  g_free (data->media_base);
  g_clear_pointer (&data->item, g_bytes_unref);
  g_free (data->item_version);
  g_free (data->if_match);
  g_clear_pointer (&data->images, g_ptr_array_unref);
  _byline_send_options_free (data->options);
  byline_send_receipt_free (data->receipt);
  g_free (data);
}

static void upload_next_image (GTask *task);
static void put_item          (GTask *task);

static void
report_progress (SendData *data,
                 goffset   extra)
{
  if (data->options->progress != NULL)
    data->options->progress (MIN (data->done + extra, data->total), data->total,
                             data->options->user_data);
}

static void
image_progress_cb (goffset  sent,
                   goffset  total,
                   gpointer user_data)
{
  report_progress (user_data, sent);
}

static void
post_status_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!_byline_newsroom_post_status_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
put_item_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *version = NULL;
  GCancellable *cancellable;

  version = byline_newsroom_destination_put_item_finish (self, result, &current, &error);
  if (version == NULL && g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT) && current != NULL)
    {
      if (g_str_equal (current, data->item_version))
        {
          /* The server holds exactly these bytes: our own earlier write. */
          version = g_steal_pointer (&current);
          g_clear_error (&error);
        }
      else if (!data->put_again && _byline_send_options_wrote (data->options, current))
        {
          /* An earlier attempt of this send landed although its answer was
           * lost; the story changed since.  Replace our own version. */
          data->put_again = TRUE;
          g_free (data->if_match);
          data->if_match = g_steal_pointer (&current);
          put_item (g_steal_pointer (&task));
          return;
        }
    }

  if (version == NULL)
    {
      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        {
          g_free (data->receipt->remote_version);
          data->receipt->remote_version = g_steal_pointer (&current);
          g_prefix_error (&error, "“%s”: ", byline_destination_get_name (BYLINE_DESTINATION (self)));
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->receipt->remote_version = g_steal_pointer (&version);
  data->receipt->created = data->if_match == NULL;
  data->done = data->total;
  report_progress (data, 0);

  if (data->options->status == BYLINE_STATUS_DRAFT)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  _byline_newsroom_post_status_async (self, data->id, data->options->status,
                                      data->options->note, data->options->publish_at,
                                      cancellable, post_status_cb, g_steal_pointer (&task));
}

static void
put_item (GTask *task)
{
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);

  /* Recorded before the request leaves: if the answer is lost, the next
   * attempt knows this version is its own. */
  if (data->options->will_write != NULL)
    data->options->will_write (data->item_version, data->options->user_data);

  byline_newsroom_destination_put_item_async (self, data->id, data->item, data->if_match,
                                              g_task_get_cancellable (task), put_item_cb, task);
}

static void
upload_image_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  BylineUploadImage *image = g_ptr_array_index (data->images, data->next_image);
  g_autoptr(GError) error = NULL;
  gboolean uploaded = FALSE;

  if (!byline_newsroom_destination_upload_asset_finish (BYLINE_NEWSROOM_DESTINATION (source), result,
                                                        &uploaded, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (uploaded)
    data->receipt->assets_uploaded++;
  data->done += image->size;
  data->next_image++;
  upload_next_image (g_steal_pointer (&task));
}

static void
upload_next_image (GTask *task)
{
  BylineNewsroomDestination *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  BylineUploadImage *image;

  if (data->next_image >= data->images->len)
    {
      put_item (task);
      return;
    }
  image = g_ptr_array_index (data->images, data->next_image);
  byline_newsroom_destination_upload_asset_async (self, image->file, image->sha256, image->media_type,
                                                  image_progress_cb, data,
                                                  g_task_get_cancellable (task),
                                                  upload_image_cb, task);
}

static gboolean
collect_images (SendData       *data,
                BylineArticle  *article,
                GError        **error)
{
  data->images = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_upload_image_free);

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      g_autoptr(GError) local_error = NULL;
      BylineUploadImage *upload = _byline_upload_image_new (byline_article_get_image (article, i),
                                                            &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* NULL: a picture known only by its address elsewhere. */
      if (upload != NULL)
        g_ptr_array_add (data->images, upload);
    }
  return TRUE;
}

/* The pictures are as small as they will be: the item can refer to them. */
static void
prepared_cb (GObject      *source,
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

  _byline_upload_rewrite_item (data->ninjs, data->images, data->media_base);
  data->item = _byline_upload_item_bytes (data->ninjs);
  data->item_version = _byline_version_for_bytes (data->item);
  data->total = g_bytes_get_size (data->item);
  for (guint i = 0; i < data->images->len; i++)
    data->total += ((BylineUploadImage *) g_ptr_array_index (data->images, i))->size;

  upload_next_image (g_steal_pointer (&task));
}

static void
byline_newsroom_destination_send_async (BylineDestination       *destination,
                                        BylineArticle           *article,
                                        const BylineSendOptions *options,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  BylineNewsroomDestination *self = BYLINE_NEWSROOM_DESTINATION (destination);
  const char *name = byline_destination_get_name (destination);
  g_autofree char *media_base = g_strconcat (self->url, "/v1/assets/", NULL);
  BylineNinjsOptions ninjs = { .media_base = media_base };
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SendData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_newsroom_destination_send_async);

  data = g_new0 (SendData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);
  data->id = g_strdup (byline_article_get_id (article));
  data->options = _byline_send_options_copy (options);
  data->media_base = g_strdup (media_base);
  data->ninjs = byline_ninjs_export (article, &ninjs);
  if (byline_article_get_remote_id (article, name) != NULL)
    data->if_match = g_strdup (byline_article_get_remote_version (article, name));
  data->receipt = g_new0 (BylineSendReceipt, 1);
  data->receipt->remote_id = g_strdup (data->id);
  data->receipt->url = g_strconcat (self->url, "/v1/items/", data->id, NULL);
  data->receipt->status = options->status;

  if (!collect_images (data, article, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Scaling a large photo takes a moment: in a thread. */
  _byline_upload_prepare_async (data->images, self->max_image_edge, cancellable,
                                prepared_cb, g_steal_pointer (&task));
}

static gboolean
byline_newsroom_destination_send_finish (BylineDestination  *destination,
                                         GAsyncResult       *result,
                                         BylineSendReceipt **receipt,
                                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  SendData *data;

  g_return_val_if_fail (g_task_is_valid (result, destination), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      if (receipt != NULL && g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        *receipt = g_steal_pointer (&data->receipt);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (receipt != NULL)
    *receipt = g_steal_pointer (&data->receipt);
  return TRUE;
}

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  BylineIdentity *identity;

  identity = _byline_newsroom_get_me_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error);
  if (identity == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, identity, (GDestroyNotify) byline_identity_free);
}

static void
byline_newsroom_destination_check_async (BylineDestination   *destination,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (destination, cancellable, callback, user_data);

  g_task_set_source_tag (task, byline_newsroom_destination_check_async);
  _byline_newsroom_get_me_async (BYLINE_NEWSROOM_DESTINATION (destination), cancellable,
                                 check_cb, g_steal_pointer (&task));
}

static BylineIdentity *
byline_newsroom_destination_check_finish (BylineDestination  *destination,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
set_status_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!_byline_newsroom_post_status_finish (BYLINE_NEWSROOM_DESTINATION (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
byline_newsroom_destination_set_status_async (BylineDestination   *destination,
                                              const char          *remote_id,
                                              BylineStatus         status,
                                              const char          *note,
                                              GDateTime           *publish_at,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (destination, cancellable, callback, user_data);

  g_task_set_source_tag (task, byline_newsroom_destination_set_status_async);
  _byline_newsroom_post_status_async (BYLINE_NEWSROOM_DESTINATION (destination), remote_id, status,
                                      note, publish_at, cancellable, set_status_cb,
                                      g_steal_pointer (&task));
}

static gboolean
byline_newsroom_destination_set_status_finish (BylineDestination  *destination,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static BylineDestinationCapabilities
byline_newsroom_destination_get_capabilities (BylineDestination *destination)
{
  return BYLINE_DESTINATION_CAN_SUBMIT
       | BYLINE_DESTINATION_CAN_PUBLISH
       | BYLINE_DESTINATION_CAN_SCHEDULE
       | BYLINE_DESTINATION_CAN_RETURN
       | BYLINE_DESTINATION_DETECTS_CONFLICTS
       | BYLINE_DESTINATION_NEEDS_NETWORK
       | BYLINE_DESTINATION_HAS_REVIEW_QUEUE;
}

static void
byline_newsroom_destination_finalize (GObject *object)
{
  BylineNewsroomDestination *self = BYLINE_NEWSROOM_DESTINATION (object);

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (byline_newsroom_destination_parent_class)->finalize (object);
}

static void
byline_newsroom_destination_class_init (BylineNewsroomDestinationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BylineDestinationClass *destination_class = BYLINE_DESTINATION_CLASS (klass);

  object_class->finalize = byline_newsroom_destination_finalize;

  destination_class->get_capabilities = byline_newsroom_destination_get_capabilities;
  destination_class->check_async = byline_newsroom_destination_check_async;
  destination_class->check_finish = byline_newsroom_destination_check_finish;
  destination_class->send_async = byline_newsroom_destination_send_async;
  destination_class->send_finish = byline_newsroom_destination_send_finish;
  destination_class->set_status_async = byline_newsroom_destination_set_status_async;
  destination_class->set_status_finish = byline_newsroom_destination_set_status_finish;
}

static void
byline_newsroom_destination_init (BylineNewsroomDestination *self)
{
}

BylineDestination *
byline_newsroom_destination_new (const char  *name,
                                 const char  *url,
                                 const char  *token,
                                 GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  BylineNewsroomDestination *self;
  const char *scheme;
  gsize length;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || g_uri_get_query (uri) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("“%s” is not the address of a newsroom (http:// or https://)"), url);
      return NULL;
    }

  self = g_object_new (BYLINE_TYPE_NEWSROOM_DESTINATION, "name", name, NULL);
  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    length--;
  self->url = g_strndup (url, length);
  self->token = g_strdup (token);
  self->session = _byline_http_session_new ();
  self->max_image_edge = BYLINE_IMAGE_DEFAULT_MAX_EDGE;
  return BYLINE_DESTINATION (self);
}

const char *
byline_newsroom_destination_get_url (BylineNewsroomDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self), NULL);

  return self->url;
}

SoupSession *
byline_newsroom_destination_get_session (BylineNewsroomDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self), NULL);

  return self->session;
}

guint
byline_newsroom_destination_get_max_image_edge (BylineNewsroomDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self), 0);

  return self->max_image_edge;
}

void
byline_newsroom_destination_set_max_image_edge (BylineNewsroomDestination *self,
                                                guint                      max_edge)
{
  g_return_if_fail (BYLINE_IS_NEWSROOM_DESTINATION (self));

  self->max_image_edge = max_edge;
}
