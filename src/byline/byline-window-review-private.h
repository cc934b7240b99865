/* byline-window-review-private.h — what the review parts of the window share
 *
 * byline-window-review.c checks the accounts and shows the review state;
 * byline-window-review-send.c sends a story under review (publish,
 * schedule, return).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-document.h"
#include "byline-merge.h"
#include "byline-review.h"
#include "byline-window-private.h"
#include "byline-window-review.h"

G_BEGIN_DECLS

typedef struct
{
  GHashTable   *destinations;   /* account name → checked BylineDestination with a review queue */
  GCancellable *cancellable;    /* the checks of the current account list */
  GHashTable   *changes;        /* draft id → GPtrArray of BylineDiffEntry, from the last open */
  gboolean      sending;
  char         *sent_key;       /* "draft id\nversion" of the last sent_here() answer */
  gboolean      sent;
} BylineWindowReview;

BylineWindowReview *_byline_window_get_review        (BylineWindow      *self);
/* The review bar, the banner and the actions, as the story and the account say. */
void                _byline_window_update_review     (BylineWindow      *self);
/* Both versions of each conflicting place, to choose from. */
void                _byline_window_show_merge        (BylineWindow      *self,
                                                      const char        *draft_id,
                                                      const char        *destination,
                                                      BylineMerge       *merge);
/* win.review-publish, win.review-schedule and win.review-return. */
void                _byline_window_class_init_review_send (GtkWidgetClass *widget_class);

static inline BylineArticle *
_byline_window_review_article (BylineWindow *self)
{
  return self->document ? byline_document_get_article (self->document) : NULL;
}

G_END_DECLS
