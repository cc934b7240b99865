/* byline-review-dialog.h — the review queue: stories waiting for an editor,
 * or returned to their reporter, and opening one into a local draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-review.h"
#include "byline-review-queue.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_REVIEW_DIALOG (byline_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineReviewDialog, byline_review_dialog, BYLINE, REVIEW_DIALOG, AdwDialog)

/* Lists for the accounts added with byline_review_dialog_add_account; "opened"
 * (BylineDestination *, BylineReviewOpened *) when a story is downloaded into
 * its draft in @store. */
AdwDialog         *byline_review_dialog_new          (BylineDraftStore   *store);
/* @destination is checked: its permissions say which lists it has. */
void               byline_review_dialog_add_account  (BylineReviewDialog *self,
                                                      BylineDestination  *destination);
/* Shows account @name's stories with @status (SUBMITTED or RETURNED) and lists them again. */
gboolean           byline_review_dialog_show         (BylineReviewDialog *self,
                                                      const char         *name,
                                                      BylineStatus        status);
void               byline_review_dialog_refresh      (BylineReviewDialog *self);
BylineReviewQueue *byline_review_dialog_get_queue    (BylineReviewDialog *self);
GtkListBox        *byline_review_dialog_get_list     (BylineReviewDialog *self);
/* The search of the stories listed: by headline, reporter, category, note. */
GtkEditable       *byline_review_dialog_get_search   (BylineReviewDialog *self);
/* Downloads story @remote_id of the shown account, as its row's Open does. */
void               byline_review_dialog_open_story   (BylineReviewDialog *self,
                                                      const char         *remote_id);
/* "Waiting for Review", "Returned to You": what the status list shows. */
const char        *byline_review_status_title        (BylineStatus        status);

G_END_DECLS
