/* byline-article-editor.h — headline, lead and body of one story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_EDITOR (byline_article_editor_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticleEditor, byline_article_editor, BYLINE, ARTICLE_EDITOR, GtkWidget)

BylineDocument *byline_article_editor_get_document      (BylineArticleEditor *self);
void            byline_article_editor_set_document      (BylineArticleEditor *self,
                                                         BylineDocument      *document);
GtkTextView    *byline_article_editor_get_headline_view (BylineArticleEditor *self);
GtkTextView    *byline_article_editor_get_lead_view     (BylineArticleEditor *self);
BylineBodyView *byline_article_editor_get_body_view     (BylineArticleEditor *self);
BylineFindBar  *byline_article_editor_get_find_bar      (BylineArticleEditor *self);
void            byline_article_editor_focus_headline    (BylineArticleEditor *self);
void            byline_article_editor_focus_body        (BylineArticleEditor *self);
/* Scrolls until block @index of the body is in sight. */
void            byline_article_editor_scroll_to_block   (BylineArticleEditor *self,
                                                         guint                index);
/* The text of the status area: counts and reading time. */
const char     *byline_article_editor_get_status_text   (BylineArticleEditor *self);

G_END_DECLS
