/* byline-missing-undo.h — the missing pictures an edit took the places of,
 * in its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-body-history.h"

G_BEGIN_DECLS

/* Before an edit that may add pictures in the places of missing ones: the
 * story's missing pictures as they are (NULL when none). */
JsonArray *_byline_missing_undo_begin (BylineArticle     *article);
/* After it: those it settled come back when @history undoes the edit, and
 * go again when it does it again.  Takes @before. */
void       _byline_missing_undo_end   (BylineArticle     *article,
                                       JsonArray         *before,
                                       BylineBodyHistory *history);

G_END_DECLS
