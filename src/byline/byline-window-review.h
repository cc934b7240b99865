/* byline-window-review.h — the editors' desk in the window: the review queue,
 * Publish, Schedule… and Return for a story under review, and the returned
 * story's banner with the editor's note and changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-window.h"

G_BEGIN_DECLS

/* Accounts with a review queue, once their destination said who one is. */
guint         byline_window_get_n_review_accounts (BylineWindow *self);
/* The destination the shown story is reviewed on, or NULL. */
BylineDestination *byline_window_get_review_destination (BylineWindow *self);
/* Presents the queue (win.review-queue) and returns it. */
AdwDialog    *byline_window_show_review_queue     (BylineWindow *self);
/* Presents what the other side changed (win.review-changes): the editor's
 * changes to a story returned to you, the reporter's to one you returned. */
AdwDialog    *byline_window_show_review_changes   (BylineWindow *self);
/* The header bar's Review Queue button: shown for editors. */
GtkWidget    *byline_window_get_review_button     (BylineWindow *self);
/* The story's note from the other side: returned by the editor, or sent
 * with a story you review. */
AdwBanner    *byline_window_get_review_banner     (BylineWindow *self);
GtkActionBar *byline_window_get_review_bar        (BylineWindow *self);

G_END_DECLS
