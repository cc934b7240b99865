/* byline-upload.c — preparing the pictures of a send
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-error.h"
#include "byline-image.h"
#include "byline-image-resize.h"
#include "byline-upload-private.h"

BylineUploadImage *
_byline_upload_image_new (BylineImage  *image,
                          GError      **error)
{
  GFile *file = byline_image_get_file (image);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  BylineUploadImage *upload;

  if (file == NULL)
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("The picture “%s” of this story is missing from the draft: %s"),
                   byline_image_get_filename (image) ? byline_image_get_filename (image)
                                                     : byline_image_get_sha256 (image),
                   local_error->message);
      return NULL;
    }

  upload = g_new0 (BylineUploadImage, 1);
  upload->file = g_object_ref (file);
  upload->sha256 = g_strdup (byline_image_get_sha256 (image));
  upload->original_sha256 = g_strdup (upload->sha256);
  upload->media_type = g_strdup (byline_image_get_media_type (image));
  upload->size = g_file_info_get_size (info);
  upload->width = byline_image_get_width (image);
  upload->height = byline_image_get_height (image);
  return upload;
}

void
_byline_upload_image_free (BylineUploadImage *image)
{
  if (image == NULL)
    return;
  if (image->scaled)
    g_file_delete (image->file, NULL, NULL);
  g_clear_object (&image->file);
  g_free (image->sha256);
  g_free (image->original_sha256);
  g_free (image->media_type);
  g_free (image);
}

/* ------------------------------------------------------------- prepare */

typedef struct
{
  GPtrArray *images;
  guint      max_edge;
} Prepare;

static void
prepare_free (Prepare *prepare)
{
  g_ptr_array_unref (prepare->images);
  g_free (prepare);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Prepare *prepare = task_data;
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "byline", "uploads", NULL);

  for (guint i = 0; i < prepare->images->len; i++)
    {
      BylineUploadImage *image = g_ptr_array_index (prepare->images, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) scaled = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      guint width = 0, height = 0;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (prepare->max_edge == 0 || image->scaled)
        continue;
      scaled = byline_image_downscale (image->file, image->media_type, prepare->max_edge,
                                       &width, &height, &error);
      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (scaled == NULL)
        continue;

      /* A temporary copy named by its content, removed when the send ends. */
      name = g_strdup_printf ("%s-%u-%u", image->original_sha256, prepare->max_edge, g_random_int ());
      path = g_build_filename (folder, name, NULL);
      if (g_mkdir_with_parents (folder, 0700) != 0
          || !g_file_set_contents_full (path, g_bytes_get_data (scaled, NULL), g_bytes_get_size (scaled),
                                        G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                                   _("Could not keep the scaled picture in %s: %s"), folder,
                                   error ? error->message : g_strerror (errno));
          return;
        }

      g_clear_object (&image->file);
      image->file = g_file_new_for_path (path);
      g_free (image->sha256);
      image->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, scaled);
      image->size = g_bytes_get_size (scaled);
      image->width = width;
      image->height = height;
      image->scaled = TRUE;
    }
  g_task_return_boolean (task, TRUE);
}

void
_byline_upload_prepare_async (GPtrArray           *images,
                              guint                max_edge,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Prepare *prepare = g_new0 (Prepare, 1);

  g_task_set_source_tag (task, _byline_upload_prepare_async);
  prepare->images = g_ptr_array_ref (images);
  prepare->max_edge = max_edge;
  g_task_set_task_data (task, prepare, (GDestroyNotify) prepare_free);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
_byline_upload_prepare_finish (GAsyncResult  *result,
                               GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  /* The pictures let go here, not when the worker thread drops its
   * reference to the task (after this, at a moment of its own): the last
   * reference to a scaled copy removes its temporary file, which must be
   * gone when the send is over. */
  g_task_set_task_data (G_TASK (result), NULL, NULL);
  return ok;
}

/* -------------------------------------------------------------- the item */

static void
rewrite_renditions (JsonNode   *node,
                    GPtrArray  *images,
                    const char *media_base)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        rewrite_renditions (json_array_get_element (array, i), images, media_base);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  {
    JsonObject *object = json_node_get_object (node);
    const char *href = json_object_get_string_member_with_default (object, "href", NULL);
    JsonObjectIter iter;
    const char *name;
    JsonNode *member;

    for (guint i = 0; href != NULL && i < images->len; i++)
      {
        BylineUploadImage *image = g_ptr_array_index (images, i);
        g_autofree char *prefix = NULL;
        g_autofree char *replaced = NULL;

        if (!image->scaled)
          continue;
        prefix = g_strconcat (media_base, image->original_sha256, NULL);
        if (!g_str_has_prefix (href, prefix))
          continue;
        replaced = g_strconcat (media_base, image->sha256, href + strlen (prefix), NULL);
        json_object_set_string_member (object, "href", replaced);
        json_object_set_int_member (object, "width", image->width);
        json_object_set_int_member (object, "height", image->height);
        break;
      }

    json_object_iter_init (&iter, object);
    while (json_object_iter_next (&iter, &name, &member))
      rewrite_renditions (member, images, media_base);
  }
}

void
_byline_upload_rewrite_item (JsonNode   *item,
                             GPtrArray  *images,
                             const char *media_base)
{
  rewrite_renditions (item, images, media_base);
}

GBytes *
_byline_upload_item_bytes (JsonNode *item)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *data;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, item);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}
