/* byline-replace-all-undo.h — what Replace All changed, to undo and redo whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-article.h"
#include "byline-body-buffer.h"

G_BEGIN_DECLS

typedef struct _BylineReplaceAllUndo BylineReplaceAllUndo;

/* @article as Replace All left it, @before a copy from before it; @body the
 * body's buffer when the body had matches (its step is undone with it). */
BylineReplaceAllUndo *byline_replace_all_undo_new       (BylineArticle        *article,
                                                         BylineArticle        *before,
                                                         BylineBodyBuffer     *body);
BylineReplaceAllUndo *byline_replace_all_undo_ref       (BylineReplaceAllUndo *self);
void                  byline_replace_all_undo_unref     (BylineReplaceAllUndo *self);
/* @toast's button undoes it; the toast goes when it is undone otherwise. */
void                  byline_replace_all_undo_set_toast (BylineReplaceAllUndo *self,
                                                         AdwToast             *toast);
gboolean              byline_replace_all_undo_is_done   (BylineReplaceAllUndo *self);
/* Once: a second undo before a redo does nothing. */
void                  byline_replace_all_undo_undo      (BylineReplaceAllUndo *self);
void                  byline_replace_all_undo_redo      (BylineReplaceAllUndo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineReplaceAllUndo, byline_replace_all_undo_unref)

G_END_DECLS
