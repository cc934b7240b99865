/* byline-missing-undo.h — missing pictures taken off the list, to give back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-body-history.h"

G_BEGIN_DECLS

/* The missing pictures a change took off @article's list, found by
 * comparing the list @before it (byline_ninjs_dup_pending_pictures()) with
 * the list now.  NULL when it took none. */
typedef struct _BylineMissingTaken BylineMissingTaken;

BylineMissingTaken *_byline_missing_taken_new      (BylineArticle      *article,
                                                    JsonArray          *before);
void                _byline_missing_taken_free     (BylineMissingTaken *self);
BylineArticle      *_byline_missing_taken_get_article (BylineMissingTaken *self);
guint               _byline_missing_taken_get_n    (BylineMissingTaken *self);
/* Each back where it was among the others. */
void                _byline_missing_taken_put_back (BylineMissingTaken *self);
/* Off the list again, found by their contents. */
void                _byline_missing_taken_take_again (BylineMissingTaken *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineMissingTaken, _byline_missing_taken_free)

/* After an edit that may have put pictures in the places of missing ones,
 * given the list @before it (taken): those it settled come back when
 * @history undoes the edit, and go again when it does it again. */
void       _byline_missing_taken_attach (BylineArticle     *article,
                                         JsonArray         *before,
                                         BylineBodyHistory *history);

G_END_DECLS
