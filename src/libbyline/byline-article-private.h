/* byline-article-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"

G_BEGIN_DECLS

/* Members of the draft format this version does not know, kept for the next save. */
JsonObject *_byline_article_get_extra (BylineArticle *self);
void        _byline_article_set_extra (BylineArticle *self,
                                       JsonObject    *extra);
/* A picture of @filename added: the missing picture of that name, if any,
 * is not missing any more (byline-article-missing.c). */
gboolean    _byline_article_settle_missing_picture (BylineArticle *self,
                                                    const char    *filename);
/* byline_article_add_missing_picture_full() with where the picture was to
 * come from (@href, a linked one's address) and its description (@alt_text). */
void        _byline_article_add_missing_picture (BylineArticle *self,
                                                 const char    *name,
                                                 const char    *source,
                                                 const char    *href,
                                                 const char    *place,
                                                 const char    *alt_text);
/* ::changed, for the parts of the article kept in other files. */
void        _byline_article_emit_changed (BylineArticle *self);

/* The pictures in another order (byline-article-order.c). */
void        _byline_article_set_image_order (BylineArticle *self,
                                             GPtrArray     *order);
void        _byline_article_freeze_image_order     (BylineArticle *self,
                                                    gboolean       frozen);
gboolean    _byline_article_get_image_order_frozen (BylineArticle *self);

G_END_DECLS
