/* byline-folder-destination.c
 *
 * The work runs in a thread with GIO's synchronous calls, which behave the
 * same on a local disk and on a mounted share; the article is only read on
 * the main thread, before the thread starts.
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
#include "byline-folder-destination.h"
#include "byline-folder-private.h"
#include "byline-image.h"
#include "byline-ninjs.h"
#include "byline-review-private.h"

struct _BylineFolderDestination
{
  BylineDestination  parent_instance;

  GFile             *folder;
  BylineRoles        roles;
  gboolean           is_default;
  gboolean           take;        /* made and marked if need be: the default, or just chosen */
  char              *fstab;       /* the mount tables read, for tests; NULL: the system's */
  char              *mounts;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineFolderDestination, byline_folder_destination, BYLINE_TYPE_DESTINATION,
                               G_IMPLEMENT_INTERFACE (BYLINE_TYPE_REVIEW_SOURCE,
                                                      _byline_folder_review_iface_init))

typedef struct
{
  GFile *source;
  char  *name;     /* "<sha256>.<ext>" */
} FolderImage;

typedef struct
{
  GFile             *folder;
  char              *id;
  GBytes            *item;
  char              *item_version;
  char              *if_match;
  GPtrArray         *images;
  BylineSendOptions *options;
  BylineSendReceipt *receipt;
  gboolean           conflict;
} FolderSend;

static void
folder_image_free (FolderImage *image)
{
  g_clear_object (&image->source);
  g_free (image->name);
  g_free (image);
}

static void
folder_send_free (FolderSend *data)
{
  g_clear_object (&data->folder);
  g_free (data->id);
  g_clear_pointer (&data->item, g_bytes_unref);
  g_free (data->item_version);
  g_free (data->if_match);
  g_clear_pointer (&data->images, g_ptr_array_unref);
  _byline_send_options_free (data->options);
  byline_send_receipt_free (data->receipt);
  g_free (data);
}

/* In a thread: is the newsroom's folder there, to read and write stories in? */
gboolean
_byline_folder_destination_reach (BylineFolderDestination  *self,
                                  GCancellable             *cancellable,
                                  GError                  **error)
{
  return _byline_folder_reach (self->folder, self->take, self->fstab, self->mounts, cancellable, error);
}

/* Ids become folder names: never one that leaves its folder. */
static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (*id == '\0' || *id == '.' || strchr (id, '/') != NULL || strchr (id, '\\') != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH,
                   _("“%s” cannot name a story in a folder"), id);
      return FALSE;
    }
  return TRUE;
}

static GFile *
story_folder (GFile        *folder,
              BylineStatus  status,
              const char   *id)
{
  g_autoptr(GFile) by_status = g_file_get_child (folder, byline_status_to_string (status));

  return g_file_get_child (by_status, id);
}

/* Where story @id is now, and the version of its item.json. */
static GFile *
find_story (GFile         *folder,
            const char    *id,
            BylineStatus  *status,
            char         **version,
            GCancellable  *cancellable)
{
  for (guint i = 0; i < BYLINE_FOLDER_N_STATUSES; i++)
    {
      g_autoptr(GFile) dir = story_folder (folder, _byline_folder_statuses[i], id);
      g_autoptr(GFile) item = g_file_get_child (dir, "item.json");
      g_autoptr(GBytes) bytes = g_file_load_bytes (item, cancellable, NULL, NULL);

      if (bytes == NULL)
        continue;
      if (status != NULL)
        *status = _byline_folder_statuses[i];
      if (version != NULL)
        *version = _byline_version_for_bytes (bytes);
      return g_steal_pointer (&dir);
    }
  return NULL;
}

static gboolean
delete_recursively (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, cancellable, error) && child != NULL)
        if (!delete_recursively (child, cancellable, error))
          return FALSE;
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return g_file_delete (file, cancellable, error);
}

static gboolean
write_atomically (GFile         *file,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  /* g_file_replace writes a temporary file and renames it over the old one. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

static gboolean
copy_picture (GFile         *source,
              GFile         *target,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);
  g_autofree char *temp_name = g_strconcat (".", base, ".part", NULL);
  g_autoptr(GFile) temp = g_file_get_child (parent, temp_name);
  g_autoptr(GError) local_error = NULL;

  /* Named by content: a file that is there is the right one. */
  if (g_file_query_exists (target, cancellable))
    return TRUE;

  if (!g_file_copy (source, temp, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
    {
      /* The story's own picture gone: nothing the folder could change. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && !g_file_query_exists (source, NULL))
        {
          g_autofree char *name = g_file_get_parse_name (source);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                       _("Could not copy the picture %s: it is no longer there."), name);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return g_file_move (temp, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
}

static GBytes *
status_json (BylineStatus  status,
             const char   *note,
             GDateTime    *publish_at,
             const char   *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format_iso8601 (now);
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, byline_status_to_string (status));
  json_builder_set_member_name (builder, "note");
  if (note != NULL)
    json_builder_add_string_value (builder, note);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "publish_at");
  if (publish_at != NULL)
    {
      g_autofree char *when = g_date_time_format_iso8601 (publish_at);
      json_builder_add_string_value (builder, when);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);
  json_builder_set_member_name (builder, "updated_by");
  json_builder_add_string_value (builder, g_get_user_name ());
  if (status == BYLINE_STATUS_SUBMITTED)
    {
      json_builder_set_member_name (builder, "submitted");
      json_builder_add_string_value (builder, updated);
      json_builder_set_member_name (builder, "submitted_by");
      json_builder_add_string_value (builder, g_get_user_name ());
    }
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return g_bytes_new_take (text, strlen (text));
}

/* Removes the pictures the story no longer shows. */
static void
prune_media (GFile        *media,
             GPtrArray    *images,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (media, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      gboolean wanted = FALSE;

      for (guint i = 0; i < images->len && !wanted; i++)
        wanted = g_str_equal (((FolderImage *) g_ptr_array_index (images, i))->name, name);
      if (!wanted)
        g_file_delete (child, cancellable, NULL);
    }
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FolderSend *data = task_data;
  BylineDestination *self = source_object;
  BylineStatus old_status = BYLINE_STATUS_DRAFT;
  g_autofree char *old_version = NULL;
  g_autoptr(GFile) old_dir = NULL;
  g_autoptr(GFile) dir = story_folder (data->folder, data->options->status, data->id);
  g_autoptr(GFile) media = g_file_get_child (dir, "media");
  g_autoptr(GFile) item = g_file_get_child (dir, "item.json");
  g_autoptr(GFile) status_file = g_file_get_child (dir, "status.json");
  g_autoptr(GBytes) status_bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!_byline_folder_destination_reach (BYLINE_FOLDER_DESTINATION (self), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  old_dir = find_story (data->folder, data->id, &old_status, &old_version, cancellable);
  if (old_dir != NULL
      && g_strcmp0 (old_version, data->item_version) != 0
      && g_strcmp0 (old_version, data->if_match) != 0
      && !_byline_send_options_wrote (data->options, old_version))
    {
      data->receipt->remote_version = g_steal_pointer (&old_version);
      data->conflict = TRUE;
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                               _("“%s”: someone else changed this story in the folder since you last sent it."),
                               byline_destination_get_name (self));
      return;
    }

  if (!g_file_make_directory_with_parents (media, cancellable, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    goto failed;
  g_clear_error (&error);

  for (guint i = 0; i < data->images->len; i++)
    {
      FolderImage *image = g_ptr_array_index (data->images, i);
      g_autoptr(GFile) target = g_file_get_child (media, image->name);

      if (!copy_picture (image->source, target, cancellable, &error))
        goto failed;
    }

  /* The item last: whoever sees it sees its pictures. */
  status_bytes = status_json (data->options->status, data->options->note,
                              data->options->publish_at, data->item_version);
  if (!write_atomically (item, data->item, cancellable, &error)
      || !write_atomically (status_file, status_bytes, cancellable, &error))
    goto failed;
  prune_media (media, data->images, cancellable);

  /* A story lives under one status: drop the copy it had under another. */
  if (old_dir != NULL && old_status != data->options->status
      && !delete_recursively (old_dir, cancellable, &error))
    {
      _byline_folder_set_failure (&error, g_steal_pointer (&error), data->folder,
                                  _("The story is in the folder %s, but its earlier copy could not be removed: %s"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->receipt->remote_version = g_strdup (data->item_version);
  data->receipt->url = g_file_get_uri (dir);
  data->receipt->created = old_dir == NULL;
  data->receipt->assets_uploaded = data->images->len;
  g_task_return_boolean (task, TRUE);
  return;

failed:
  _byline_folder_set_failure (&error, g_steal_pointer (&error), data->folder,
                              _("Could not write the story into the folder %s: %s"));
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
byline_folder_destination_send_async (BylineDestination       *destination,
                                      BylineArticle           *article,
                                      const BylineSendOptions *options,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  BylineFolderDestination *self = BYLINE_FOLDER_DESTINATION (destination);
  const char *name = byline_destination_get_name (destination);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FolderSend *data = g_new0 (FolderSend, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, byline_folder_destination_send_async);
  g_task_set_task_data (task, data, (GDestroyNotify) folder_send_free);
  if (!check_id (byline_article_get_id (article), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->folder = g_object_ref (self->folder);
  data->id = g_strdup (byline_article_get_id (article));
  data->options = _byline_send_options_copy (options);
  data->item = byline_ninjs_export_bytes (article, NULL);
  data->item_version = _byline_version_for_bytes (data->item);
  if (byline_article_get_remote_id (article, name) != NULL)
    data->if_match = g_strdup (byline_article_get_remote_version (article, name));
  data->receipt = g_new0 (BylineSendReceipt, 1);
  data->receipt->remote_id = g_strdup (data->id);
  data->receipt->status = options->status;

  data->images = g_ptr_array_new_with_free_func ((GDestroyNotify) folder_image_free);
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      FolderImage *entry;

      /* A picture known only by its address elsewhere: nothing to copy. */
      if (byline_image_get_file (image) == NULL)
        continue;
      entry = g_new0 (FolderImage, 1);
      entry->source = g_object_ref (byline_image_get_file (image));
      entry->name = g_path_get_basename (media_path);
      g_ptr_array_add (data->images, entry);
    }

  if (options->will_write != NULL)
    options->will_write (data->item_version, options->user_data);
  if (options->progress != NULL)
    options->progress (0, g_bytes_get_size (data->item), options->user_data);

  g_task_run_in_thread (task, send_thread);
}

static gboolean
byline_folder_destination_send_finish (BylineDestination  *destination,
                                       GAsyncResult       *result,
                                       BylineSendReceipt **receipt,
                                       GError            **error)
{
  FolderSend *data;

  g_return_val_if_fail (g_task_is_valid (result, destination), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (receipt != NULL && data->conflict)
        *receipt = g_steal_pointer (&data->receipt);
      return FALSE;
    }
  if (data->options->progress != NULL)
    data->options->progress (g_bytes_get_size (data->item), g_bytes_get_size (data->item),
                             data->options->user_data);
  if (receipt != NULL)
    *receipt = g_steal_pointer (&data->receipt);
  return TRUE;
}

/* --------------------------------------------------------------- status */

typedef struct
{
  GFile        *folder;
  char         *id;
  BylineStatus  status;
  char         *note;
  GDateTime    *publish_at;
} FolderStatus;

static void
folder_status_free (FolderStatus *data)
{
  g_clear_object (&data->folder);
  g_free (data->id);
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
  FolderStatus *data = task_data;
  BylineStatus old_status;
  g_autofree char *version = NULL;
  g_autoptr(GFile) old_dir = NULL;
  g_autoptr(GFile) dir = story_folder (data->folder, data->status, data->id);
  g_autoptr(GFile) parent = g_file_get_parent (dir);
  g_autoptr(GFile) status_file = g_file_get_child (dir, "status.json");
  g_autoptr(GBytes) status_bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!_byline_folder_destination_reach (source_object, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  old_dir = find_story (data->folder, data->id, &old_status, &version, cancellable);
  if (old_dir == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                               _("There is no story “%s” in the folder"), data->id);
      return;
    }

  if (old_status != data->status)
    {
      if (!g_file_make_directory_with_parents (parent, cancellable, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        goto failed;
      g_clear_error (&error);
      /* A leftover of an interrupted move is older than what we move. */
      if (!delete_recursively (dir, cancellable, &error)
          || !g_file_move (old_dir, dir, G_FILE_COPY_NONE, cancellable, NULL, NULL, &error))
        goto failed;
    }

  status_bytes = status_json (data->status, data->note, data->publish_at, version);
  if (!write_atomically (status_file, status_bytes, cancellable, &error))
    goto failed;
  g_task_return_boolean (task, TRUE);
  return;

failed:
  _byline_folder_set_failure (&error, g_steal_pointer (&error), data->folder,
                              _("Could not change the story in the folder %s: %s"));
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
byline_folder_destination_set_status_async (BylineDestination   *destination,
                                            const char          *remote_id,
                                            BylineStatus         status,
                                            const char          *note,
                                            GDateTime           *publish_at,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  BylineFolderDestination *self = BYLINE_FOLDER_DESTINATION (destination);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FolderStatus *data = g_new0 (FolderStatus, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, byline_folder_destination_set_status_async);
  if (!check_id (remote_id, &error))
    {
      folder_status_free (data);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->folder = g_object_ref (self->folder);
  data->id = g_strdup (remote_id);
  data->status = status;
  data->note = g_strdup (note);
  data->publish_at = publish_at ? g_date_time_ref (publish_at) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) folder_status_free);
  g_task_run_in_thread (task, set_status_thread);
}

static gboolean
byline_folder_destination_set_status_finish (BylineDestination  *destination,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------- check */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BylineFolderDestination *self = source_object;
  g_autoptr(GFile) probe = g_file_get_child (self->folder, ".byline-check");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  BylineIdentity *identity;

  /* Able to write there is all a folder asks of anyone. */
  if (!_byline_folder_destination_reach (self, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!write_atomically (probe, bytes, cancellable, &error))
    {
      _byline_folder_set_failure (&error, g_steal_pointer (&error), self->folder,
                                  _("Could not write in the folder %s: %s"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_file_delete (probe, cancellable, NULL);

  identity = g_new0 (BylineIdentity, 1);
  identity->user = g_strdup (g_get_user_name ());
  identity->display_name = g_strdup (g_get_real_name ());
  identity->roles = self->roles;
  g_task_return_pointer (task, identity, (GDestroyNotify) byline_identity_free);
}

static void
byline_folder_destination_check_async (BylineDestination   *destination,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (destination, cancellable, callback, user_data);

  g_task_set_source_tag (task, byline_folder_destination_check_async);
  g_task_run_in_thread (task, check_thread);
}

static BylineIdentity *
byline_folder_destination_check_finish (BylineDestination  *destination,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static BylineDestinationCapabilities
byline_folder_destination_get_capabilities (BylineDestination *destination)
{
  BylineFolderDestination *self = BYLINE_FOLDER_DESTINATION (destination);
  BylineDestinationCapabilities caps = BYLINE_DESTINATION_CAN_SUBMIT
                                     | BYLINE_DESTINATION_CAN_PUBLISH
                                     | BYLINE_DESTINATION_CAN_SCHEDULE
                                     | BYLINE_DESTINATION_CAN_RETURN
                                     | BYLINE_DESTINATION_DETECTS_CONFLICTS
                                     | BYLINE_DESTINATION_HAS_REVIEW_QUEUE;

  if (!g_file_is_native (self->folder))
    caps |= BYLINE_DESTINATION_NEEDS_NETWORK;
  return caps;
}

/* --------------------------------------------------------------- object */

static void
byline_folder_destination_finalize (GObject *object)
{
  BylineFolderDestination *self = BYLINE_FOLDER_DESTINATION (object);

  g_clear_object (&self->folder);
  g_free (self->fstab);
  g_free (self->mounts);

  G_OBJECT_CLASS (byline_folder_destination_parent_class)->finalize (object);
}

static void
byline_folder_destination_class_init (BylineFolderDestinationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BylineDestinationClass *destination_class = BYLINE_DESTINATION_CLASS (klass);

  object_class->finalize = byline_folder_destination_finalize;

  destination_class->get_capabilities = byline_folder_destination_get_capabilities;
  destination_class->check_async = byline_folder_destination_check_async;
  destination_class->check_finish = byline_folder_destination_check_finish;
  destination_class->send_async = byline_folder_destination_send_async;
  destination_class->send_finish = byline_folder_destination_send_finish;
  destination_class->set_status_async = byline_folder_destination_set_status_async;
  destination_class->set_status_finish = byline_folder_destination_set_status_finish;
}

static void
byline_folder_destination_init (BylineFolderDestination *self)
{
}

BylineDestination *
byline_folder_destination_new (const char *name,
                               GFile      *folder)
{
  BylineFolderDestination *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  self = g_object_new (BYLINE_TYPE_FOLDER_DESTINATION, "name", name, NULL);
  byline_folder_destination_set_roles (self, BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR);
  self->folder = g_file_new_build_filename (g_get_user_data_dir (), "byline", "newsroom", NULL);
  /* Our own folder, made when first needed; any other must be there. */
  if (folder != NULL && !g_file_equal (folder, self->folder))
    g_set_object (&self->folder, folder);
  else
    self->is_default = self->take = TRUE;
  return BYLINE_DESTINATION (self);
}

void
byline_folder_destination_set_roles (BylineFolderDestination *self,
                                     BylineRoles              roles)
{
  g_return_if_fail (BYLINE_IS_FOLDER_DESTINATION (self));

  self->roles = roles;
  _byline_destination_set_roles (BYLINE_DESTINATION (self), roles);
}

void
_byline_folder_destination_set_mount_tables (BylineFolderDestination *self,
                                             const char              *fstab,
                                             const char              *mounts)
{
  g_return_if_fail (BYLINE_IS_FOLDER_DESTINATION (self));

  g_free (self->fstab);
  self->fstab = g_strdup (fstab);
  g_free (self->mounts);
  self->mounts = g_strdup (mounts);
}

void
byline_folder_destination_set_chosen (BylineFolderDestination *self,
                                      gboolean                 chosen)
{
  g_return_if_fail (BYLINE_IS_FOLDER_DESTINATION (self));

  self->take = self->is_default || chosen;
}

GFile *
byline_folder_destination_get_folder (BylineFolderDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_FOLDER_DESTINATION (self), NULL);

  return self->folder;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GStrv
byline_folder_destination_list (BylineFolderDestination  *self,
                                BylineStatus              status,
                                GError                  **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_val_if_fail (BYLINE_IS_FOLDER_DESTINATION (self), NULL);

  /* An empty list is for a folder with none, not for a folder not there. */
  if (!_byline_folder_destination_reach (self, NULL, error))
    return NULL;
  dir = g_file_get_child (self->folder, byline_status_to_string (status));
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      _byline_folder_set_failure (error, g_steal_pointer (&local_error), self->folder,
                                  _("Could not read the folder %s: %s"));
      return NULL;
    }
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) item = g_file_get_child (child, "item.json");

      /* Only whole stories: item.json is written last. */
      if (g_file_query_exists (item, NULL))
        g_ptr_array_add (ids, g_strdup (g_file_info_get_name (info)));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}

GFile *
byline_folder_destination_find (BylineFolderDestination *self,
                                const char              *id,
                                BylineStatus            *status)
{
  g_return_val_if_fail (BYLINE_IS_FOLDER_DESTINATION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_story (self->folder, id, status, NULL, NULL);
}
