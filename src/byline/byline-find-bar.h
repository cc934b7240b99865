/* byline-find-bar.h — find and replace in the headline, lead, body and pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_FIND_BAR (byline_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylineFindBar, byline_find_bar, BYLINE, FIND_BAR, GtkWidget)

/* A text to search, after those added before (headline, lead, body); its
 * buffer is a GtkSourceBuffer.  The last one is searched first. */
void     byline_find_bar_add_view     (BylineFindBar *self,
                                       GtkTextView   *view);
/* The story whose pictures' captions, credits and alt texts Find goes
 * through after the body, and Replace and Replace All too (NULL: none).
 * A match there is shown by ::show-picture-match. */
void     byline_find_bar_set_article  (BylineFindBar *self,
                                       BylineArticle *article);
/* Shows the bar, with the replace row when @replace, and focuses its entry. */
void     byline_find_bar_reveal       (BylineFindBar *self,
                                       gboolean       replace);
void     byline_find_bar_dismiss      (BylineFindBar *self);
gboolean byline_find_bar_get_revealed (BylineFindBar *self);
gboolean byline_find_bar_can_undo_replace_all (BylineFindBar *self);
gboolean byline_find_bar_undo_replace_all     (BylineFindBar *self);
gboolean byline_find_bar_can_redo_replace_all (BylineFindBar *self);
gboolean byline_find_bar_redo_replace_all     (BylineFindBar *self);
void     byline_find_bar_move         (BylineFindBar *self,
                                       gboolean       forward);

G_END_DECLS
