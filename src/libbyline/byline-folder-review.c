/* byline-folder-review.c — the review queue of a folder destination: the
 * stories under <folder>/<status>/, and one of them as a local article
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
#include "byline-files.h"
#include "byline-folder-destination.h"
#include "byline-folder-private.h"
#include "byline-review-private.h"

static BylineRemoteStory *
read_story (GFile        *dir,
            const char   *id,
            GBytes      **item_out,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GFile) item_file = g_file_get_child (dir, "item.json");
  g_autoptr(GFile) status_file = g_file_get_child (dir, "status.json");
  g_autoptr(GBytes) item = g_file_load_bytes (item_file, cancellable, NULL, error);
  g_autoptr(GBytes) status = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) item_parser = json_parser_new ();
  BylineRemoteStory *story;

  if (item == NULL)
    return NULL;
  status = g_file_load_bytes (status_file, cancellable, NULL, NULL);
  if (status != NULL
      && json_parser_load_from_data (parser, g_bytes_get_data (status, NULL), g_bytes_get_size (status), NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    story = _byline_remote_story_from_json (json_node_get_object (json_parser_get_root (parser)), id);
  else
    story = g_new0 (BylineRemoteStory, 1), story->remote_id = g_strdup (id);

  /* The version is that of the bytes as they are, whatever status.json says. */
  g_free (story->version);
  story->version = _byline_version_for_bytes (item);
  if (story->headline == NULL
      && json_parser_load_from_data (item_parser, g_bytes_get_data (item, NULL), g_bytes_get_size (item), NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (item_parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (item_parser));
      JsonNode *headlines = json_object_get_member (object, "headlines");

      if (headlines != NULL && JSON_NODE_HOLDS_ARRAY (headlines)
          && json_array_get_length (json_node_get_array (headlines)) > 0)
        story->headline = g_strdup (json_object_get_string_member_with_default (
          json_array_get_object_element (json_node_get_array (headlines), 0), "value", NULL));
    }
  if (item_out != NULL)
    *item_out = g_steal_pointer (&item);
  return story;
}

/* ---------------------------------------------------------------- list */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BylineRemoteStory *sa = *(BylineRemoteStory **) a;
  const BylineRemoteStory *sb = *(BylineRemoteStory **) b;

  if (sa->updated == NULL || sb->updated == NULL)
    return (sa->updated == NULL) - (sb->updated == NULL);
  return g_date_time_compare (sb->updated, sa->updated);
}

/* "The story 1a2b… cannot be read: you do not have permission", in our words
 * where GLib's are English. */
static char *
unreadable_message (const char   *id,
                    const GError *error)
{
  const char *phrase = byline_io_error_phrase (error);

  return g_strdup_printf (_("The story %.8s… in the newsroom's folder cannot be read: %s"), id,
                          phrase ? phrase : error->message);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BylineFolderDestination *self = source_object;
  BylineStatus status = GPOINTER_TO_INT (task_data);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = byline_folder_destination_list (self, status, &error);
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_remote_story_free);
  g_autoptr(GFile) by_status = NULL;

  if (ids == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  by_status = g_file_get_child (byline_folder_destination_get_folder (self), byline_status_to_string (status));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GFile) dir = g_file_get_child (by_status, ids[i]);
      g_autoptr(GError) read_error = NULL;
      BylineRemoteStory *story = read_story (dir, ids[i], NULL, cancellable, &read_error);

      if (story != NULL)
        g_ptr_array_add (stories, story);
      /* Moved away meanwhile: not in this queue any more.  Otherwise (a file
       * another computer wrote for its own user alone) it is listed with
       * why, rather than gone from the queue without a word. */
      else if (!g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          story = g_new0 (BylineRemoteStory, 1);
          story->remote_id = g_strdup (ids[i]);
          story->status = status;
          story->problem = unreadable_message (ids[i], read_error);
          g_ptr_array_add (stories, story);
        }
    }
  g_ptr_array_sort (stories, compare_newest_first);
  g_task_return_pointer (task, g_steal_pointer (&stories), (GDestroyNotify) g_ptr_array_unref);
}

static void
folder_list_async (BylineReviewSource  *source,
                   BylineStatus         status,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, folder_list_async);
  g_task_set_task_data (task, GINT_TO_POINTER (status), NULL);
  g_task_run_in_thread (task, list_thread);
}

static GPtrArray *
folder_list_finish (BylineReviewSource  *source,
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
  char              *name;
  gboolean           with_media;
  BylineRemoteStory *story;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->id);
  g_free (data->name);
  g_clear_pointer (&data->story, byline_remote_story_free);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BylineFolderDestination *self = source_object;
  FetchData *data = task_data;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GBytes) item = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *article;
  gboolean safe_id;

  if (!_byline_folder_destination_reach (self, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Ids become folder names: never one that leaves its folder. */
  safe_id = *data->id != '\0' && *data->id != '.' && strchr (data->id, '/') == NULL && strchr (data->id, '\\') == NULL;
  if (safe_id)
    dir = byline_folder_destination_find (self, data->id, NULL);
  /* There but not readable here: reading it says why. */
  for (guint i = 0; dir == NULL && safe_id && i < BYLINE_FOLDER_N_STATUSES; i++)
    {
      g_autoptr(GFile) by_status = g_file_get_child (byline_folder_destination_get_folder (self),
                                                     byline_status_to_string (_byline_folder_statuses[i]));
      g_autoptr(GFile) candidate = g_file_get_child (by_status, data->id);
      g_autoptr(GFile) item_file = g_file_get_child (candidate, "item.json");

      if (g_file_query_exists (item_file, cancellable))
        dir = g_steal_pointer (&candidate);
    }
  if (dir == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                               _("There is no story “%s” in the folder"), data->id);
      return;
    }
  data->story = read_story (dir, data->id, &item, cancellable, &error);
  if (data->story == NULL)
    {
      g_autofree char *message = unreadable_message (data->id, error);

      g_task_return_new_error (task, BYLINE_ERROR,
                               g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? BYLINE_ERROR_NOT_FOUND
                                                                                          : BYLINE_ERROR_FAILED,
                               "%s", message);
      return;
    }
  /* The pictures are there already, as media/<sha256>.<ext> beside item.json. */
  article = _byline_review_article_from_item (item, NULL, data->with_media ? dir : NULL, data->name,
                                              data->id, data->story, &error);
  if (article == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, article, g_object_unref);
}

static void
folder_fetch_async (BylineReviewSource  *source,
                    const char          *remote_id,
                    GFile               *folder,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  FetchData *data = g_new0 (FetchData, 1);

  g_task_set_source_tag (task, folder_fetch_async);
  data->id = g_strdup (remote_id);
  data->name = g_strdup (byline_destination_get_name (BYLINE_DESTINATION (source)));
  data->with_media = folder != NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

static BylineArticle *
folder_fetch_finish (BylineReviewSource  *source,
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
_byline_folder_review_iface_init (BylineReviewSourceInterface *iface)
{
  iface->list_async = folder_list_async;
  iface->list_finish = folder_list_finish;
  iface->fetch_async = folder_fetch_async;
  iface->fetch_finish = folder_fetch_finish;
}
