/* byline-review-queue.h — the review queue as a GListModel, for the window
 *
 * Widgets bind to BylineReviewStory properties; refresh() lists the
 * destination again (byline_review_list_progressive_async): the items are
 * replaced in one items-changed as soon as the stories are listed, each
 * story then notifies "checked" once downloaded and checked, and the ones
 * gone meanwhile leave at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-review.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_REVIEW_STORY (byline_review_story_get_type ())

G_DECLARE_FINAL_TYPE (BylineReviewStory, byline_review_story, BYLINE, REVIEW_STORY, GObject)

/* Properties of the same names, read-only. */
const BylineRemoteStory *byline_review_story_get_story      (BylineReviewStory *self);
const char              *byline_review_story_get_remote_id  (BylineReviewStory *self);
const char              *byline_review_story_get_headline   (BylineReviewStory *self);
const char              *byline_review_story_get_author     (BylineReviewStory *self);
const char              *byline_review_story_get_category   (BylineReviewStory *self);
GDateTime               *byline_review_story_get_submitted  (BylineReviewStory *self);
guint                    byline_review_story_get_word_count (BylineReviewStory *self);
guint                    byline_review_story_get_n_errors   (BylineReviewStory *self);
/* Checked, or found damaged, or left unchecked with why ("checked" is notified). */
gboolean                 byline_review_story_get_checked    (BylineReviewStory *self);

#define BYLINE_TYPE_REVIEW_QUEUE (byline_review_queue_get_type ())

/* A GListModel of BylineReviewStory, newest first. */
G_DECLARE_FINAL_TYPE (BylineReviewQueue, byline_review_queue, BYLINE, REVIEW_QUEUE, GObject)

BylineReviewQueue *byline_review_queue_new            (BylineDestination  *destination,
                                                       BylineStatus        status);
BylineDestination *byline_review_queue_get_destination (BylineReviewQueue *self);
BylineStatus       byline_review_queue_get_status     (BylineReviewQueue  *self);
/* TRUE while a refresh runs ("loading" property). */
gboolean           byline_review_queue_get_loading    (BylineReviewQueue  *self);
void               byline_review_queue_refresh_async  (BylineReviewQueue  *self,
                                                       BylineCheckOptions *check_options,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean           byline_review_queue_refresh_finish (BylineReviewQueue  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

G_END_DECLS
