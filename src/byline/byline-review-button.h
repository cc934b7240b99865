/* byline-review-button.h — the header bar's way into the review queue, with a count
 *
 * A button with a badge: how many stories wait for review on the editor's
 * accounts.  It lists them (without downloading them) when its accounts are
 * set, every few minutes after, and when asked to (after a publish, when
 * the queue closes).  Its tooltip and accessible description say the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_REVIEW_BUTTON (byline_review_button_get_type ())

G_DECLARE_FINAL_TYPE (BylineReviewButton, byline_review_button, BYLINE, REVIEW_BUTTON, GtkButton)

/* The accounts whose stories waiting for review are counted (BylineDestination
 * and BylineReviewSource each); counted again at once. */
void        byline_review_button_set_destinations (BylineReviewButton *self,
                                                   GPtrArray          *destinations);
/* Counts again now. */
void        byline_review_button_recount          (BylineReviewButton *self);
/* @n stories wait on @destination: as a queue just listed them, without
 * asking again. */
void        byline_review_button_set_count        (BylineReviewButton *self,
                                                   BylineDestination  *destination,
                                                   guint               n);
/* The badge's text ("5"), empty when it is hidden. */
const char *byline_review_button_get_badge_text   (BylineReviewButton *self);

G_END_DECLS
