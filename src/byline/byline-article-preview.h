/* byline-article-preview.h — a story as it will look published, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_PREVIEW (byline_article_preview_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticlePreview, byline_article_preview, BYLINE, ARTICLE_PREVIEW, GtkWidget)

GtkWidget     *byline_article_preview_new         (void);
void           byline_article_preview_set_article (BylineArticlePreview *self,
                                                   BylineArticle        *article);
BylineArticle *byline_article_preview_get_article (BylineArticlePreview *self);
/* All the text shown, for tests and screen readers. */
char          *byline_article_preview_dup_text    (BylineArticlePreview *self);

/* The date line of a published story: "Thứ tư, 10/08/2022 - 21:05 (GMT+7)". */
char          *byline_article_dup_date_line       (BylineArticle        *article);

G_END_DECLS
