/* byline-review.c — the queue with its counts, opening a remote story as a
 * local draft, and sending one without overwriting anyone (see byline-review.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-article.h"
#include "byline-checks.h"
#include "byline-diff.h"
#include "byline-draft-store.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-review-private.h"

#define MAX_MERGED_SENDS 3

static BylineReviewSource *
review_source (BylineDestination  *destination,
               GError            **error)
{
  if (BYLINE_IS_REVIEW_SOURCE (destination))
    return BYLINE_REVIEW_SOURCE (destination);
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("“%s” has no review queue: it cannot list or send back stories"),
               byline_destination_get_name (destination));
  return NULL;
}

/* A folder beside the drafts for what a download brings, removed after. */
static GFile *
incoming_folder (BylineDraftStore *store,
                 const char       *id)
{
  g_autofree char *name = g_strdup_printf ("%s-%08x", id, g_random_int ());

  return g_file_new_build_filename (g_file_peek_path (byline_draft_store_get_folder (store)),
                                    ".incoming", name, NULL);
}

static void
remove_incoming (GFile *folder)
{
  g_autoptr(GError) error = NULL;

  if (folder != NULL && g_file_query_exists (folder, NULL)
      && !_byline_remove_tree (g_file_peek_path (folder), &error))
    g_warning ("Could not remove %s: %s", g_file_peek_path (folder), error->message);
}

/* The item's id at @destination: the draft's id unless the destination gave another. */
static const char *
remote_id_of (BylineArticle *article,
              const char    *destination)
{
  const char *remote_id = byline_article_get_remote_id (article, destination);

  return remote_id ? remote_id : byline_article_get_id (article);
}

/* ------------------------------------------------------------------ list */

typedef struct
{
  BylineCheckOptions      *options;
  GPtrArray               *stories;
  GArray                  *gone;       /* gboolean per story: taken off the queue meanwhile */
  guint                    next;
  BylineReviewListProgress progress;
  gpointer                 progress_data;
} ListData;

static void
list_data_free (ListData *data)
{
  g_clear_object (&data->options);
  g_clear_pointer (&data->stories, g_ptr_array_unref);
  g_clear_pointer (&data->gone, g_array_unref);
  g_free (data);
}

static void
tell_progress (ListData *data,
               guint     index)
{
  if (data->progress != NULL)
    data->progress (data->stories, index, data->progress_data);
}

static GDateTime *
story_time (const BylineRemoteStory *story)
{
  return story->submitted ? story->submitted : story->updated;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *ta = story_time (*(BylineRemoteStory **) a);
  GDateTime *tb = story_time (*(BylineRemoteStory **) b);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (tb, ta);
}

static void list_next (GTask *task);

/* An error of the story itself, not of the way to it (the network, the
 * server, the account): the others can still be listed. */
static gboolean
story_is_unreadable (const GError *error)
{
  return error->domain == BYLINE_ERROR
         && (error->code == BYLINE_ERROR_MALFORMED || error->code == BYLINE_ERROR_INVALID
             || error->code == BYLINE_ERROR_NEWER_VERSION || error->code == BYLINE_ERROR_UNSAFE_PATH
             || error->code == BYLINE_ERROR_UNSUPPORTED_FORMAT || error->code == BYLINE_ERROR_TOO_LARGE);
}

static void
list_fetch_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  BylineRemoteStory *story = g_ptr_array_index (data->stories, data->next);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  article = byline_review_source_fetch_finish (BYLINE_REVIEW_SOURCE (source), result, NULL, &error);
  if (article == NULL)
    {
      /* Taken off the queue meanwhile: it simply is not there any more. */
      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        g_array_index (data->gone, gboolean, data->next) = TRUE;
      /* One damaged story does not hide the others: it is listed with why. */
      else if (story_is_unreadable (error))
        story->problem = g_strdup (error->message);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      else
        {
          /* The way to it failed (the line, the server): the list stands;
           * this story and the rest wait for the next refresh. */
          for (guint i = data->next; i < data->stories->len; i++)
            {
              BylineRemoteStory *rest = g_ptr_array_index (data->stories, i);

              rest->not_checked = g_strdup (error->message);
              tell_progress (data, i);
            }
          data->next = data->stories->len;
          list_next (g_steal_pointer (&task));
          return;
        }
      tell_progress (data, data->next);
      data->next++;
      list_next (g_steal_pointer (&task));
      return;
    }

  story->word_count = byline_article_count_words (article);
  g_free (story->category);
  story->category = g_strdup (byline_article_get_category (article));
  if (byline_article_get_authors (article) != NULL && byline_article_get_authors (article)[0] != NULL)
    {
      g_free (story->author);
      story->author = byline_article_dup_byline (article);
    }
  if (story->headline == NULL)
    story->headline = g_strdup (byline_article_get_headline (article));
  /* The list fetches the text only: its pictures, still on the server, are
   * not missing from the story. */
  byline_article_forget_missing_pictures (article);
  findings = byline_check_article (article, data->options);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) == BYLINE_SEVERITY_ERROR)
        {
          /* What they are, for the queue to say before the story is opened. */
          char *errors = story->errors ? g_strdup_printf ("%s\n%s", story->errors, byline_finding_get_message (finding))
                                       : g_strdup (byline_finding_get_message (finding));

          g_free (story->errors);
          story->errors = errors;
          story->n_errors++;
        }
      else if (byline_finding_get_severity (finding) == BYLINE_SEVERITY_WARNING)
        story->n_warnings++;
    }
  story->checked = TRUE;
  tell_progress (data, data->next);
  data->next++;
  list_next (g_steal_pointer (&task));
}

static void
list_next (GTask *task)
{
  BylineReviewSource *source = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  BylineRemoteStory *story;

  if (data->next >= data->stories->len)
    {
      for (guint i = data->stories->len; i > 0; i--)
        if (g_array_index (data->gone, gboolean, i - 1))
          g_ptr_array_remove_index (data->stories, i - 1);
      g_task_return_pointer (task, g_ptr_array_ref (data->stories), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  story = g_ptr_array_index (data->stories, data->next);
  /* The source could not read it to list it: it would not read it now. */
  if (story->problem != NULL)
    {
      tell_progress (data, data->next);
      data->next++;
      list_next (task);
      return;
    }
  byline_review_source_fetch_async (source, story->remote_id, NULL, g_task_get_cancellable (task),
                                    list_fetch_cb, task);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->stories = byline_review_source_list_finish (BYLINE_REVIEW_SOURCE (source), result, &error);
  if (data->stories == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A refresh asked again meanwhile: this list is not shown. */
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Newest first from the start: the list is shown before it is checked. */
  g_ptr_array_sort (data->stories, compare_newest_first);
  data->gone = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (data->gone, data->stories->len);
  tell_progress (data, G_MAXUINT);
  list_next (g_steal_pointer (&task));
}

void
byline_review_list_async (BylineDestination   *destination,
                          BylineStatus         status,
                          BylineCheckOptions  *check_options,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  byline_review_list_progressive_async (destination, status, check_options, NULL, NULL, cancellable, callback,
                                        user_data);
}

void
byline_review_list_progressive_async (BylineDestination        *destination,
                                      BylineStatus              status,
                                      BylineCheckOptions       *check_options,
                                      BylineReviewListProgress  progress,
                                      gpointer                  progress_data,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewSource *source;
  ListData *data;

  g_return_if_fail (BYLINE_IS_DESTINATION (destination));
  g_return_if_fail (check_options == NULL || BYLINE_IS_CHECK_OPTIONS (check_options));

  task = g_task_new (destination, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_review_list_async);
  if ((source = review_source (destination, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (ListData, 1);
  data->options = check_options ? g_object_ref (check_options) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  byline_review_source_list_async (source, status, cancellable, list_cb, g_steal_pointer (&task));
}

GPtrArray *
byline_review_list_finish (BylineDestination  *destination,
                           GAsyncResult       *result,
                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, destination), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------- taking theirs in */

/* Puts @theirs (a download of @story) into the store: as a new draft, or over
 * the local draft @ours — theirs saved first as a revision of the history,
 * then the three-way merge against the base.  Returns the draft as saved;
 * @merge_out receives the merge when there was one. */
static BylineArticle *
take_theirs (BylineDraftStore         *store,
             const char               *destination,
             BylineArticle            *ours,
             BylineArticle            *theirs,
             const BylineRemoteStory  *story,
             BylineMerge             **merge_out,
             GError                  **error)
{
  g_autoptr(BylineArticle) base = NULL;
  g_autoptr(BylineArticle) history = NULL;
  g_autoptr(BylineArticle) merged = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(GPtrArray) ours_changes = NULL;
  const char *id = byline_article_get_id (theirs);

  if (ours == NULL)
    {
      if (!byline_draft_store_save (store, theirs, error)
          || !byline_review_save_base (store, destination, theirs, story->version, error))
        return NULL;
      return g_object_ref (theirs);
    }

  base = byline_review_load_base (store, id, destination, NULL, error);
  if (base == NULL && error != NULL && *error != NULL)
    return NULL;

  /* Nothing of ours to keep: theirs is the draft now. */
  ours_changes = base ? byline_article_diff (base, ours) : NULL;
  if (ours_changes != NULL && ours_changes->len == 0)
    {
      byline_article_set_revision (theirs, byline_article_get_revision (ours));
      if (!byline_draft_store_save (store, theirs, error)
          || !byline_review_save_base (store, destination, theirs, story->version, error))
        return NULL;
      _byline_review_forget_merge (store, id, destination);
      return g_object_ref (theirs);
    }

  merge = byline_merge_new (base, ours, theirs);

  /* Theirs in the history first: whatever the merge keeps, it is not lost. */
  history = byline_article_copy (theirs);
  byline_article_set_revision (history, byline_article_get_revision (ours));
  if (!byline_draft_store_save (store, history, error))
    return NULL;

  merged = byline_merge_dup_result (merge);
  byline_article_set_revision (merged, byline_article_get_revision (history));
  byline_article_set_status (merged, story->status);
  byline_article_set_editor_note (merged, story->note);
  if (byline_merge_is_resolved (merge))
    byline_article_set_remote (merged, destination, story->remote_id ? story->remote_id : id, story->version);
  if (!byline_draft_store_save (store, merged, error))
    return NULL;

  if (byline_merge_is_resolved (merge))
    {
      if (!byline_review_save_base (store, destination, theirs, story->version, error))
        return NULL;
      _byline_review_forget_merge (store, id, destination);
    }
  else if (!_byline_review_save_merge (store, destination, base, ours, theirs, story->version, merge, error))
    return NULL;

  if (merge_out != NULL)
    *merge_out = g_steal_pointer (&merge);
  return g_steal_pointer (&merged);
}

/* ------------------------------------------------------------------ open */

void
byline_review_opened_free (BylineReviewOpened *opened)
{
  if (opened == NULL)
    return;
  g_clear_object (&opened->article);
  g_clear_pointer (&opened->story, byline_remote_story_free);
  g_clear_pointer (&opened->changes, g_ptr_array_unref);
  g_clear_object (&opened->merge);
  g_free (opened);
}

typedef struct
{
  BylineDraftStore *store;
  char             *id;
  GFile            *incoming;
} OpenData;

static void
open_data_free (OpenData *data)
{
  remove_incoming (data->incoming);
  g_clear_object (&data->incoming);
  g_clear_object (&data->store);
  g_free (data->id);
  g_free (data);
}

static void
open_fetch_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  const char *destination = byline_destination_get_name (BYLINE_DESTINATION (source));
  g_autoptr(BylineReviewOpened) opened = g_new0 (BylineReviewOpened, 1);
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) base = NULL;
  g_autoptr(GError) error = NULL;

  theirs = byline_review_source_fetch_finish (BYLINE_REVIEW_SOURCE (source), result, &opened->story, &error);
  if (theirs == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The source says which draft the item is (here: the same id). */
  g_free (data->id);
  data->id = g_strdup (byline_article_get_id (theirs));
  if (byline_draft_store_contains (data->store, data->id))
    {
      ours = byline_draft_store_load (data->store, data->id, &error);
      if (ours == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      base = byline_review_load_base (data->store, data->id, destination, NULL, &error);
      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  opened->created = ours == NULL;
  if (ours != NULL)
    {
      g_autoptr(BylineArticle) sent = byline_review_load_sent (data->store, data->id, destination, NULL, NULL);

      if (sent != NULL || base != NULL)
        opened->changes = byline_article_diff (sent ? sent : base, theirs);
    }

  if (ours != NULL && g_strcmp0 (byline_article_get_remote_version (ours, destination),
                                 opened->story->version) == 0)
    {
      /* We hold their version already: only the status and the note may be new. */
      byline_article_set_status (ours, opened->story->status);
      byline_article_set_editor_note (ours, opened->story->note);
      if (!byline_draft_store_save (data->store, ours, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      opened->article = g_steal_pointer (&ours);
    }
  else
    {
      opened->article = take_theirs (data->store, destination, ours, theirs, opened->story,
                                     &opened->merge, &error);
      if (opened->article == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&opened), (GDestroyNotify) byline_review_opened_free);
}

void
byline_review_open_async (BylineDraftStore    *store,
                          BylineDestination   *destination,
                          const char          *remote_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewSource *source;
  OpenData *data;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (store));
  g_return_if_fail (BYLINE_IS_DESTINATION (destination));
  g_return_if_fail (remote_id != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_review_open_async);
  if ((source = review_source (destination, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (OpenData, 1);
  data->store = g_object_ref (store);
  data->id = g_strdup (remote_id);
  data->incoming = incoming_folder (store, "open");
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  byline_review_source_fetch_async (source, remote_id, data->incoming, cancellable, open_fetch_cb,
                                    g_steal_pointer (&task));
}

BylineReviewOpened *
byline_review_open_finish (BylineDraftStore  *store,
                           GAsyncResult      *result,
                           GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ send */

typedef struct
{
  BylineDraftStore   *store;
  BylineDestination  *destination;
  char               *id;
  BylineStatus        status;
  char               *note;
  GDateTime          *publish_at;
  BylineArticle      *article;    /* what is being sent */
  GFile              *incoming;
  guint               attempts;
  gboolean            merged;
} SendData;

static void
send_data_free (SendData *data)
{
  remove_incoming (data->incoming);
  g_clear_object (&data->incoming);
  g_clear_object (&data->store);
  g_clear_object (&data->destination);
  g_free (data->id);
  g_free (data->note);
  g_clear_pointer (&data->publish_at, g_date_time_unref);
  g_clear_object (&data->article);
  g_free (data);
}

static void send_article (GTask *task);

static void
conflict_fetch_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  const char *destination = byline_destination_get_name (data->destination);
  g_autoptr(BylineRemoteStory) story = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) merged = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  theirs = byline_review_source_fetch_finish (BYLINE_REVIEW_SOURCE (source), result, &story, &error);
  if (theirs == NULL
      || (ours = byline_draft_store_load (data->store, data->id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  merged = take_theirs (data->store, destination, ours, theirs, story, &merge, &error);
  if (merged == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (merge != NULL && !byline_merge_is_resolved (merge))
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Someone else changed this story on “%s” meanwhile, and %u change "
                                            "conflicts with yours: choose which to keep (both versions are kept "
                                            "in the history)",
                                            "Someone else changed this story on “%s” meanwhile, and %u changes "
                                            "conflict with yours: choose which to keep (both versions are kept "
                                            "in the history)",
                                            byline_merge_get_n_conflicts (merge)),
                               destination, byline_merge_get_n_conflicts (merge));
      return;
    }
  /* Their changes and ours together: send that, against their version. */
  data->merged = TRUE;
  byline_article_set_status (merged, byline_article_get_status (data->article));
  g_set_object (&data->article, merged);
  send_article (g_steal_pointer (&task));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  const char *destination = byline_destination_get_name (data->destination);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (!byline_destination_send_finish (data->destination, result, &receipt, &error))
    {
      /* Without a way to fetch theirs (a destination that lists nothing), the
       * conflict is the user's, as the outbox reports it. */
      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT) && data->attempts < MAX_MERGED_SENDS
          && BYLINE_IS_REVIEW_SOURCE (data->destination))
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          g_clear_object (&data->incoming);
          data->incoming = incoming_folder (data->store, data->id);
          byline_review_source_fetch_async (BYLINE_REVIEW_SOURCE (data->destination),
                                            remote_id_of (data->article, destination), data->incoming,
                                            cancellable, conflict_fetch_cb, g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* What went out is the base from now on, and the draft knows its version. */
  byline_article_set_remote (data->article, destination, receipt->remote_id, receipt->remote_version);
  byline_article_set_status (data->article, data->status);
  if (!byline_review_save_sent (data->store, destination, data->article, receipt->remote_version, &error))
    g_warning ("Sent, but could not keep the version sent: %s", error->message);
  g_clear_error (&error);
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_clear_error (&error);
      saved = byline_draft_store_load (data->store, data->id, &error);
      if (saved == NULL)
        break;
      byline_article_set_remote (saved, destination, receipt->remote_id, receipt->remote_version);
      byline_article_set_status (saved, data->status);
      if (data->note != NULL)
        byline_article_set_editor_note (saved, data->note);
      if (byline_draft_store_save (data->store, saved, &error))
        break;
      g_clear_object (&saved);
    }
  if (error != NULL)
    g_warning ("Sent, but could not note it in the draft: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&receipt), (GDestroyNotify) byline_send_receipt_free);
}

static void
send_article (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  BylineSendOptions options = {
    .status = data->status,
    .note = data->note,
    .publish_at = data->publish_at,
  };

  data->attempts++;
  byline_destination_send_async (data->destination, data->article, &options, g_task_get_cancellable (task),
                                 sent_cb, task);
}

static gboolean
check_before_publishing (BylineDraftStore              *store,
                         BylineArticle                 *article,
                         const BylineReviewSendOptions *options,
                         GError                       **error)
{
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(BylineFinding) first = NULL;
  guint n;

  if (options->status != BYLINE_STATUS_PUBLISHED && options->status != BYLINE_STATUS_SCHEDULED)
    return TRUE;
  findings = byline_check_article (article, options->check_options);
  if (!byline_findings_have_errors (findings))
    return TRUE;

  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) != BYLINE_SEVERITY_ERROR)
        continue;
      if (first == NULL)
        first = g_object_ref (finding);
      g_ptr_array_add (codes, (gpointer) byline_finding_get_code (finding));
    }
  if (!options->override_checks)
    {
      g_autofree char *where = byline_finding_dup_location (first, article);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The story has %u error that blocks publishing (%s: %s); fix it, or override the "
                                "checks",
                                "The story has %u errors that block publishing (first, %s: %s); fix them, or "
                                "override the checks",
                                codes->len),
                   codes->len, where, byline_finding_get_message (first));
      return FALSE;
    }
  g_ptr_array_add (codes, NULL);
  _byline_review_record_override (article, options->who, options->status, (GStrv) codes->pdata);
  return byline_draft_store_save (store, article, error);
}

void
byline_review_send_async (BylineDraftStore              *store,
                          BylineDestination             *destination,
                          const char                    *draft_id,
                          const BylineReviewSendOptions *options,
                          GCancellable                  *cancellable,
                          GAsyncReadyCallback            callback,
                          gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  BylineRoles roles;
  SendData *data;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (store));
  g_return_if_fail (BYLINE_IS_DESTINATION (destination));
  g_return_if_fail (draft_id != NULL);
  g_return_if_fail (options != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_review_send_async);

  /* When the role is known, say so before anything is sent; the server
   * stays the authority either way. */
  roles = byline_destination_get_roles (destination);
  if (roles != BYLINE_ROLE_NONE
      && !byline_permissions_allow_status (BYLINE_IS_REVIEW_SOURCE (destination)
                                           ? byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (destination))
                                           : byline_roles_get_permissions (roles),
                                           options->status))
    {
      g_autofree char *why = byline_permissions_explain (roles, options->status);

      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN, "%s", why);
      return;
    }

  if ((article = byline_draft_store_load (store, draft_id, &error)) == NULL
      || !check_before_publishing (store, article, options, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SendData, 1);
  data->store = g_object_ref (store);
  data->destination = g_object_ref (destination);
  data->id = g_strdup (draft_id);
  data->status = options->status;
  data->note = g_strdup (options->note);
  data->publish_at = options->publish_at ? g_date_time_ref (options->publish_at) : NULL;
  data->article = g_steal_pointer (&article);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);
  send_article (g_steal_pointer (&task));
}

BylineSendReceipt *
byline_review_send_finish (BylineDraftStore  *store,
                           GAsyncResult      *result,
                           gboolean          *merged,
                           GError           **error)
{
  SendData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (merged != NULL)
    *merged = data != NULL && data->merged;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------- merge remote */

typedef struct
{
  BylineDraftStore *store;
  char             *id;
  GFile            *incoming;
  gboolean          resolved;
} MergeData;

static void
merge_data_free (MergeData *data)
{
  remove_incoming (data->incoming);
  g_clear_object (&data->incoming);
  g_clear_object (&data->store);
  g_free (data->id);
  g_free (data);
}

static void
merge_fetch_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MergeData *data = g_task_get_task_data (task);
  const char *destination = byline_destination_get_name (BYLINE_DESTINATION (source));
  g_autoptr(BylineRemoteStory) story = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) merged = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  theirs = byline_review_source_fetch_finish (BYLINE_REVIEW_SOURCE (source), result, &story, &error);
  if (theirs == NULL
      || (ours = byline_draft_store_load (data->store, data->id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* What we were sending stays ours: only the text is merged. */
  story->status = byline_article_get_status (ours);
  g_free (story->note);
  story->note = g_strdup (byline_article_get_editor_note (ours));
  merged = take_theirs (data->store, destination, ours, theirs, story, &merge, &error);
  if (merged == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->resolved = merge == NULL || byline_merge_is_resolved (merge);
  g_task_return_boolean (task, TRUE);
}

void
byline_review_merge_remote_async (BylineDraftStore    *store,
                                  BylineDestination   *destination,
                                  const char          *draft_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  BylineReviewSource *source;
  MergeData *data;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (store));
  g_return_if_fail (BYLINE_IS_DESTINATION (destination));
  g_return_if_fail (draft_id != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_review_merge_remote_async);
  if ((source = review_source (destination, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if ((draft = byline_draft_store_load (store, draft_id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (MergeData, 1);
  data->store = g_object_ref (store);
  data->id = g_strdup (draft_id);
  data->incoming = incoming_folder (store, draft_id);
  g_task_set_task_data (task, data, (GDestroyNotify) merge_data_free);
  byline_review_source_fetch_async (source, remote_id_of (draft, byline_destination_get_name (destination)),
                                    data->incoming, cancellable, merge_fetch_cb, g_steal_pointer (&task));
}

gboolean
byline_review_merge_remote_finish (BylineDraftStore  *store,
                                   GAsyncResult      *result,
                                   gboolean          *resolved,
                                   GError           **error)
{
  MergeData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (resolved != NULL)
    *resolved = data != NULL && data->resolved;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --------------------------------------------------------------- resolve */

BylineArticle *
byline_review_resolve (BylineDraftStore  *store,
                       const char        *draft_id,
                       const char        *destination,
                       BylineMerge       *merge,
                       GError           **error)
{
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(BylineArticle) merged = NULL;
  g_autoptr(BylineArticle) base = NULL;
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (BYLINE_IS_MERGE (merge), NULL);

  if (!_byline_review_load_merge_versions (store, draft_id, destination, &base, &ours, &theirs, &version, error))
    return NULL;
  if ((draft = byline_draft_store_load (store, draft_id, error)) == NULL)
    return NULL;

  merged = byline_merge_dup_result (merge);
  byline_article_set_revision (merged, byline_article_get_revision (draft));
  byline_article_set_status (merged, byline_article_get_status (draft));
  byline_article_set_editor_note (merged, byline_article_get_editor_note (draft));

  if (!byline_merge_is_resolved (merge))
    {
      /* The choices so far: the draft shows them, the merge remembers them. */
      if (!byline_draft_store_save (store, merged, error)
          || !_byline_review_save_merge (store, destination, base, ours, theirs, version, merge, error))
        return NULL;
      return g_steal_pointer (&merged);
    }

  /* Settled: the next send replaces their version, which is the base now. */
  /* Their id there: the draft's own for the Newsroom API, a post's number for WordPress. */
  byline_article_set_remote (merged, destination,
                             byline_article_get_remote_id (theirs, destination)
                             ? byline_article_get_remote_id (theirs, destination) : draft_id,
                             version);
  if (!byline_draft_store_save (store, merged, error)
      || !byline_review_save_base (store, destination, theirs, version, error))
    return NULL;
  _byline_review_forget_merge (store, draft_id, destination);
  return g_steal_pointer (&merged);
}
