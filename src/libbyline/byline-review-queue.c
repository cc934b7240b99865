/* byline-review-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-review-queue.h"

/* ---------------------------------------------------------------- story */

struct _BylineReviewStory
{
  GObject            parent_instance;
  BylineRemoteStory *story;
};

G_DEFINE_FINAL_TYPE (BylineReviewStory, byline_review_story, G_TYPE_OBJECT)

enum {
  STORY_PROP_0,
  STORY_PROP_REMOTE_ID,
  STORY_PROP_HEADLINE,
  STORY_PROP_AUTHOR,
  STORY_PROP_CATEGORY,
  STORY_PROP_STATUS,
  STORY_PROP_NOTE,
  STORY_PROP_SUBMITTED,
  STORY_PROP_WORD_COUNT,
  STORY_PROP_N_ERRORS,
  STORY_PROP_N_WARNINGS,
  STORY_PROP_CHECKED,
  N_STORY_PROPS
};

static GParamSpec *story_properties[N_STORY_PROPS];

static void
byline_review_story_finalize (GObject *object)
{
  BylineReviewStory *self = BYLINE_REVIEW_STORY (object);

  g_clear_pointer (&self->story, byline_remote_story_free);

  G_OBJECT_CLASS (byline_review_story_parent_class)->finalize (object);
}

static void
byline_review_story_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineRemoteStory *story = BYLINE_REVIEW_STORY (object)->story;

  switch (prop_id)
    {
    case STORY_PROP_REMOTE_ID: g_value_set_string (value, story->remote_id); break;
    case STORY_PROP_HEADLINE: g_value_set_string (value, story->headline); break;
    case STORY_PROP_AUTHOR: g_value_set_string (value, story->author); break;
    case STORY_PROP_CATEGORY: g_value_set_string (value, story->category); break;
    case STORY_PROP_STATUS: g_value_set_string (value, byline_status_to_string (story->status)); break;
    case STORY_PROP_NOTE: g_value_set_string (value, story->note); break;
    case STORY_PROP_SUBMITTED:
      g_value_set_boxed (value, story->submitted ? story->submitted : story->updated);
      break;
    case STORY_PROP_WORD_COUNT: g_value_set_uint (value, story->word_count); break;
    case STORY_PROP_N_ERRORS: g_value_set_uint (value, story->n_errors); break;
    case STORY_PROP_N_WARNINGS: g_value_set_uint (value, story->n_warnings); break;
    case STORY_PROP_CHECKED: g_value_set_boolean (value, byline_review_story_get_checked (BYLINE_REVIEW_STORY (object))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_review_story_class_init (BylineReviewStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_review_story_finalize;
  object_class->get_property = byline_review_story_get_property;

  story_properties[STORY_PROP_REMOTE_ID] = g_param_spec_string ("remote-id", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  story_properties[STORY_PROP_SUBMITTED] = g_param_spec_boxed ("submitted", NULL, NULL, G_TYPE_DATE_TIME, flags);
  story_properties[STORY_PROP_WORD_COUNT] = g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  story_properties[STORY_PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, flags);
  story_properties[STORY_PROP_N_WARNINGS] = g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, flags);
  story_properties[STORY_PROP_CHECKED] = g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                                                               flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_STORY_PROPS, story_properties);
}

static void
byline_review_story_init (BylineReviewStory *self)
{
}

static BylineReviewStory *
review_story_new (const BylineRemoteStory *story)
{
  BylineReviewStory *self = g_object_new (BYLINE_TYPE_REVIEW_STORY, NULL);

  self->story = byline_remote_story_copy (story);
  return self;
}

const BylineRemoteStory *
byline_review_story_get_story (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story;
}

const char *
byline_review_story_get_remote_id (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story->remote_id;
}

const char *
byline_review_story_get_headline (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story->headline;
}

const char *
byline_review_story_get_author (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story->author;
}

const char *
byline_review_story_get_category (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story->category;
}

GDateTime *
byline_review_story_get_submitted (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), NULL);
  return self->story->submitted ? self->story->submitted : self->story->updated;
}

guint
byline_review_story_get_word_count (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), 0);
  return self->story->word_count;
}

guint
byline_review_story_get_n_errors (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), 0);
  return self->story->n_errors;
}

gboolean
byline_review_story_get_checked (BylineReviewStory *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_STORY (self), FALSE);
  return self->story->checked || self->story->problem != NULL || self->story->not_checked != NULL;
}

/* The story as checked since it was listed. */
static void
review_story_update (BylineReviewStory       *self,
                     const BylineRemoteStory *story)
{
  byline_remote_story_free (self->story);
  self->story = byline_remote_story_copy (story);
  g_object_notify_by_pspec (G_OBJECT (self), story_properties[STORY_PROP_CHECKED]);
}

/* ---------------------------------------------------------------- queue */

struct _BylineReviewQueue
{
  GObject            parent_instance;
  BylineDestination *destination;
  BylineStatus       status;
  GPtrArray         *stories;   /* BylineReviewStory */
  guint              loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineReviewQueue, byline_review_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
byline_review_queue_get_item_type (GListModel *model)
{
  return BYLINE_TYPE_REVIEW_STORY;
}

static guint
byline_review_queue_get_n_items (GListModel *model)
{
  return BYLINE_REVIEW_QUEUE (model)->stories->len;
}

static gpointer
byline_review_queue_get_item (GListModel *model,
                              guint       position)
{
  BylineReviewQueue *self = BYLINE_REVIEW_QUEUE (model);

  if (position >= self->stories->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->stories, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = byline_review_queue_get_item_type;
  iface->get_n_items = byline_review_queue_get_n_items;
  iface->get_item = byline_review_queue_get_item;
}

static void
byline_review_queue_finalize (GObject *object)
{
  BylineReviewQueue *self = BYLINE_REVIEW_QUEUE (object);

  g_clear_object (&self->destination);
  g_clear_pointer (&self->stories, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_review_queue_parent_class)->finalize (object);
}

static void
byline_review_queue_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, byline_review_queue_get_loading (BYLINE_REVIEW_QUEUE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_review_queue_class_init (BylineReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_review_queue_finalize;
  object_class->get_property = byline_review_queue_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_review_queue_init (BylineReviewQueue *self)
{
  self->stories = g_ptr_array_new_with_free_func (g_object_unref);
}

BylineReviewQueue *
byline_review_queue_new (BylineDestination *destination,
                         BylineStatus       status)
{
  BylineReviewQueue *self;

  g_return_val_if_fail (BYLINE_IS_DESTINATION (destination), NULL);

  self = g_object_new (BYLINE_TYPE_REVIEW_QUEUE, NULL);
  self->destination = g_object_ref (destination);
  self->status = status;
  return self;
}

BylineDestination *
byline_review_queue_get_destination (BylineReviewQueue *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_QUEUE (self), NULL);
  return self->destination;
}

BylineStatus
byline_review_queue_get_status (BylineReviewQueue *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_QUEUE (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

gboolean
byline_review_queue_get_loading (BylineReviewQueue *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_QUEUE (self), FALSE);
  return self->loading > 0;
}

static void
set_loading (BylineReviewQueue *self,
             gboolean           loading)
{
  gboolean was = self->loading > 0;

  self->loading += loading ? 1 : -1;
  if (was != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_progress (GPtrArray *stories,
             guint      index,
             gpointer   user_data)
{
  BylineReviewQueue *self = user_data;

  if (index == G_MAXUINT)
    {
      guint removed = self->stories->len;

      g_ptr_array_set_size (self->stories, 0);
      for (guint i = 0; i < stories->len; i++)
        g_ptr_array_add (self->stories, review_story_new (g_ptr_array_index (stories, i)));
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->stories->len);
      return;
    }
  if (index < self->stories->len
      && g_strcmp0 (byline_review_story_get_remote_id (g_ptr_array_index (self->stories, index)),
                    ((BylineRemoteStory *) g_ptr_array_index (stories, index))->remote_id) == 0)
    review_story_update (g_ptr_array_index (self->stories, index), g_ptr_array_index (stories, index));
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineReviewQueue *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  set_loading (self, FALSE);
  stories = byline_review_list_finish (BYLINE_DESTINATION (source), result, &error);
  if (stories == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The stories gone while the others were checked leave; the rest stay as
   * shown (a row the keyboard is on keeps it). */
  for (guint i = 0; i < stories->len; i++)
    g_hash_table_add (kept, ((BylineRemoteStory *) g_ptr_array_index (stories, i))->remote_id);
  for (guint i = self->stories->len; i > 0; i--)
    if (!g_hash_table_contains (kept, byline_review_story_get_remote_id (g_ptr_array_index (self->stories, i - 1))))
      {
        g_ptr_array_remove_index (self->stories, i - 1);
        g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
      }
  g_task_return_boolean (task, TRUE);
}

void
byline_review_queue_refresh_async (BylineReviewQueue   *self,
                                   BylineCheckOptions  *check_options,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_REVIEW_QUEUE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_review_queue_refresh_async);
  set_loading (self, TRUE);
  /* The task holds the queue for as long as the list can report to it. */
  byline_review_list_progressive_async (self->destination, self->status, check_options, on_progress, self,
                                        cancellable, listed_cb, g_steal_pointer (&task));
}

gboolean
byline_review_queue_refresh_finish (BylineReviewQueue  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
