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

G_END_DECLS
