/* byline-body-view-private.h — what the body view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-body-view.h"

G_BEGIN_DECLS

/* Pastes what the clipboard holds that is not plain text (picture files, a
 * picture, a piece of a word processor's document, a web page) into the
 * view's story: TRUE when it does, FALSE to let GtkTextView paste the text
 * (byline-body-view-paste.c). */
gboolean _byline_body_view_paste_clipboard (BylineBodyView *self);

/* Puts the selection on the clipboard as Byline's own piece (its pictures
 * with it, for another story), a page and text; with @cut, then deletes
 * it.  FALSE when nothing is selected (byline-body-view-copy.c). */
gboolean _byline_body_view_copy_clipboard  (BylineBodyView *self,
                                            gboolean        cut);

G_END_DECLS
