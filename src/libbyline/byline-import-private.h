/* byline-import-private.h — what the readers tell byline_import_read_full()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-types.h"

G_BEGIN_DECLS

/* A picture the file has that the reader could not take into @article
 * (missing, damaged, on the web, or a drawing or format Byline does not
 * take), named by @label as the person may find it ("image3.emf"): kept on
 * the article until byline_import_read_full() hands the list over. */
void _byline_import_left_out (BylineArticle *article,
                              const char    *label);
/* The same, with where it was to come from (@href: a linked picture's
 * address, or NULL) and its description (@alt, or NULL). */
void _byline_import_left_out_full (BylineArticle *article,
                                   const char    *label,
                                   const char    *href,
                                   const char    *alt);
/* The text that stands in the body where the picture last left out was:
 * its caption, kept as a paragraph. */
void           _byline_import_left_out_place (BylineArticle *article,
                                              const char    *place);
/* Keeps the pictures left out of @article with it, with their places, as
 * from @source (byline_article_add_missing_picture_full()); returns their
 * labels, taken off it. */
char         **_byline_import_keep_left_out  (BylineArticle *article,
                                              const char    *source);
/* The labels _byline_import_left_out() kept on @article, taken off it. */
char         **_byline_import_steal_left_out (BylineArticle *article);
/* Takes @article (a piece read for a paste) and finishes it as
 * byline_import_read_piece() does: its left-out pictures kept with it as
 * from @source, and their labels into *@left_out; credits out of its
 * captions.  NULL with an error when it holds nothing. */
BylineArticle *_byline_import_finish_piece (BylineArticle   *article,
                                            const char      *display,
                                            const char      *source,
                                            char          ***left_out,
                                            GError         **error);

G_END_DECLS
