/* byline-wordpress-destination.c — sending a story to WordPress (docs/wordpress.md)
 *
 * The account's identity and the status of a post are here; a send, its
 * pictures and its HTML are in byline-wordpress-send.c, -media.c and
 * -content.c.  Every request runs in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-destination-private.h"
#include "byline-error.h"
#include "byline-http-private.h"
#include "byline-image-resize.h"
#include "byline-wordpress-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineWordpressDestination, byline_wordpress_destination, BYLINE_TYPE_DESTINATION,
                                G_IMPLEMENT_INTERFACE (BYLINE_TYPE_REVIEW_SOURCE,
                                                       _byline_wordpress_review_iface_init))

static void
byline_wordpress_destination_send_async (BylineDestination       *destination,
                                         BylineArticle           *article,
                                         const BylineSendOptions *options,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  _byline_wordpress_send_story_async (BYLINE_WORDPRESS_DESTINATION (destination), article, options,
                                      cancellable, callback, user_data);
}

static gboolean
byline_wordpress_destination_send_finish (BylineDestination  *destination,
                                          GAsyncResult       *result,
                                          BylineSendReceipt **receipt,
                                          GError            **error)
{
  return _byline_wordpress_send_story_finish (BYLINE_WORDPRESS_DESTINATION (destination), result,
                                              receipt, error);
}

/* ---------------------------------------------------------------- check */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWordpressMe) me = _byline_wordpress_get_me (source_object, cancellable, &error);
  BylineIdentity *identity;

  if (me == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  identity = g_new0 (BylineIdentity, 1);
  identity->user = g_strdup (me->username);
  identity->display_name = g_strdup (me->name);
  identity->role_name = g_strdup (me->role);
  if (g_strcmp0 (me->role, "editor") == 0 || g_strcmp0 (me->role, "administrator") == 0)
    identity->roles = BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR;
  else if (g_strcmp0 (me->role, "author") == 0 || g_strcmp0 (me->role, "contributor") == 0)
    identity->roles = BYLINE_ROLE_REPORTER;
  g_task_return_pointer (task, identity, (GDestroyNotify) byline_identity_free);
}

static void
byline_wordpress_destination_check_async (BylineDestination   *destination,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (destination, cancellable, callback, user_data);

  g_task_set_source_tag (task, byline_wordpress_destination_check_async);
  g_task_run_in_thread (task, check_thread);
}

static BylineIdentity *
byline_wordpress_destination_check_finish (BylineDestination  *destination,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ----------------------------------------------------------- set status */

typedef struct
{
  char         *remote_id;
  BylineStatus  status;
  char         *note;
  GDateTime    *publish_at;
} StatusData;

static void
status_data_free (StatusData *data)
{
  g_free (data->remote_id);
  g_free (data->note);
  g_clear_pointer (&data->publish_at, g_date_time_unref);
  g_free (data);
}

static void
set_status_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  BylineWordpressDestination *self = source_object;
  StatusData *data = task_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_uri_escape_string (data->remote_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/wp/v2/posts/", escaped, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, _byline_wordpress_status_name (data->status));
  /* The note goes with the status, as a send's does (it was dropped). */
  if (data->note != NULL || data->status != BYLINE_STATUS_DRAFT)
    {
      json_builder_set_member_name (builder, "meta");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_RETURNED);
      json_builder_add_boolean_value (builder, data->status == BYLINE_STATUS_RETURNED);
      json_builder_set_member_name (builder, BYLINE_WORDPRESS_META_NOTE);
      json_builder_add_string_value (builder, data->note ? data->note : "");
      json_builder_end_object (builder);
    }
  if (data->status == BYLINE_STATUS_SCHEDULED && data->publish_at != NULL)
    {
      g_autofree char *when = _byline_wordpress_format_gmt (data->publish_at);

      json_builder_set_member_name (builder, "date_gmt");
      json_builder_add_string_value (builder, when);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  answer = _byline_wordpress_call (self, SOUP_METHOD_POST, path, body,
                                   "Your WordPress role cannot change the status of this post.",
                                   cancellable, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
byline_wordpress_destination_set_status_async (BylineDestination   *destination,
                                               const char          *remote_id,
                                               BylineStatus         status,
                                               const char          *note,
                                               GDateTime           *publish_at,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (destination, cancellable, callback, user_data);
  StatusData *data = g_new0 (StatusData, 1);

  g_task_set_source_tag (task, byline_wordpress_destination_set_status_async);
  data->remote_id = g_strdup (remote_id);
  data->status = status;
  data->note = g_strdup (note);
  data->publish_at = publish_at ? g_date_time_ref (publish_at) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) status_data_free);
  g_task_run_in_thread (task, set_status_thread);
}

static gboolean
byline_wordpress_destination_set_status_finish (BylineDestination  *destination,
                                                GAsyncResult       *result,
                                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --------------------------------------------------------------- object */

static BylineDestinationCapabilities
byline_wordpress_destination_get_capabilities (BylineDestination *destination)
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
byline_wordpress_destination_finalize (GObject *object)
{
  BylineWordpressDestination *self = BYLINE_WORDPRESS_DESTINATION (object);

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (byline_wordpress_destination_parent_class)->finalize (object);
}

static void
byline_wordpress_destination_class_init (BylineWordpressDestinationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BylineDestinationClass *destination_class = BYLINE_DESTINATION_CLASS (klass);

  object_class->finalize = byline_wordpress_destination_finalize;

  destination_class->get_capabilities = byline_wordpress_destination_get_capabilities;
  destination_class->check_async = byline_wordpress_destination_check_async;
  destination_class->check_finish = byline_wordpress_destination_check_finish;
  destination_class->send_async = byline_wordpress_destination_send_async;
  destination_class->send_finish = byline_wordpress_destination_send_finish;
  destination_class->set_status_async = byline_wordpress_destination_set_status_async;
  destination_class->set_status_finish = byline_wordpress_destination_set_status_finish;
}

static void
byline_wordpress_destination_init (BylineWordpressDestination *self)
{
}

BylineDestination *
byline_wordpress_destination_new (const char  *name,
                                  const char  *url,
                                  const char  *user,
                                  const char  *application_password,
                                  GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  BylineWordpressDestination *self;
  const char *scheme;
  gsize length;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (application_password != NULL, NULL);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || g_uri_get_query (uri) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("“%s” is not the address of a WordPress site (http:// or https://)"), url);
      return NULL;
    }
  if (user == NULL || *user == '\0' || strchr (user, ':') != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("A WordPress account needs the user name its application password belongs to"));
      return NULL;
    }

  self = g_object_new (BYLINE_TYPE_WORDPRESS_DESTINATION, "name", name, NULL);
  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    length--;
  /* "https://site/wp-json" works as well as "https://site". */
  if (length >= 8 && strncmp (url + length - 8, "/wp-json", 8) == 0)
    length -= 8;
  self->url = g_strndup (url, length);
  self->user = g_strdup (user);
  self->password = g_strdup (application_password);
  self->session = _byline_http_session_new ();
  self->max_image_edge = BYLINE_IMAGE_DEFAULT_MAX_EDGE;
  return BYLINE_DESTINATION (self);
}

const char *
byline_wordpress_destination_get_url (BylineWordpressDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_WORDPRESS_DESTINATION (self), NULL);

  return self->url;
}

SoupSession *
byline_wordpress_destination_get_session (BylineWordpressDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_WORDPRESS_DESTINATION (self), NULL);

  return self->session;
}

guint
byline_wordpress_destination_get_max_image_edge (BylineWordpressDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_WORDPRESS_DESTINATION (self), 0);

  return self->max_image_edge;
}

void
byline_wordpress_destination_set_max_image_edge (BylineWordpressDestination *self,
                                                 guint                       max_edge)
{
  g_return_if_fail (BYLINE_IS_WORDPRESS_DESTINATION (self));

  self->max_image_edge = max_edge;
}
