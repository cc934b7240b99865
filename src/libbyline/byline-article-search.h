/* byline-article-search.h — Find and Replace in the pictures' texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-checks.h"
#include "byline-types.h"

G_BEGIN_DECLS

/* A match in a picture's caption, credit or alt text, in characters. */
typedef struct
{
  guint       picture;   /* its index in the article's pictures */
  BylineField field;     /* BYLINE_FIELD_CAPTION, _CREDIT or _ALT_TEXT */
  guint       start;
  guint       end;
} BylinePictureMatch;

/* The matches of @regex (of byline_text_search_regex()) in the pictures'
 * captions, credits and alt texts, picture by picture in that order. */
GArray *byline_article_find_in_pictures    (BylineArticle      *self,
                                            GRegex             *regex);
guint   byline_article_count_in_pictures   (BylineArticle      *self,
                                            GRegex             *regex);
/* Replaces every match, or (with @match not NULL) the one match, if it is
 * still where it was.  The replacement takes the case of each match
 * (byline_text_match_case()) unless @query is NULL.  Returns how many. */
guint   byline_article_replace_in_pictures (BylineArticle            *self,
                                            GRegex                   *regex,
                                            const BylinePictureMatch *match,
                                            const char               *replacement,
                                            const char               *query);

/* Undoes a replace in @self: each of its headline, lead and pictures'
 * captions, credits and alt texts that is still as in @after is put back as
 * in @before (copies of the story made around the replace).  A text changed
 * since is left as it is now.  The body is not touched: its undo is the
 * editor's. */
void    byline_article_restore_texts       (BylineArticle            *self,
                                            BylineArticle            *before,
                                            BylineArticle            *after);

G_END_DECLS
