/* byline-story-page.h — the headline and lead above a scrolling body
 *
 * A scrollable page of two children: a header (the headline and lead) and a
 * body that is itself scrollable (the story's GtkTextView).  The page scrolls
 * as one: the header goes off the top first, then the body scrolls through
 * its own adjustment, so GtkTextView lays out and draws only the lines that
 * show, however long the story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_STORY_PAGE (byline_story_page_get_type ())

G_DECLARE_FINAL_TYPE (BylineStoryPage, byline_story_page, BYLINE, STORY_PAGE, GtkWidget)

GtkWidget *byline_story_page_new        (void);
/* In a UI file, the first <child> is the header and a GtkScrollable child the body. */
void       byline_story_page_set_header (BylineStoryPage *self,
                                         GtkWidget       *header);
void       byline_story_page_set_body   (BylineStoryPage *self,
                                         GtkWidget       *body);
/* Scrolls the page to its top, the headline in sight. */
void       byline_story_page_scroll_to_top (BylineStoryPage *self);

G_END_DECLS
