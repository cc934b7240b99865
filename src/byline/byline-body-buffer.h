/* byline-body-buffer.h — a source buffer that mirrors a BylineBody
 *
 * Line i of the buffer shows block i of the body: a text block as its text
 * with tags for its kind and spans, an image block as one child anchor.  The
 * body is the truth: an edit typed into the buffer is turned into edits of the
 * body, and the buffer only ever changes by following the body's signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-app-types.h"
#include "byline-body-history.h"
#include "byline-source-buffer.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_BODY_BUFFER (byline_body_buffer_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyBuffer, byline_body_buffer, BYLINE, BODY_BUFFER, BylineSourceBuffer)

BylineBodyBuffer  *byline_body_buffer_new               (void);
BylineBody        *byline_body_buffer_get_body          (BylineBodyBuffer  *self);
/* Shows @body (NULL: nothing) and forgets the undo history. */
void               byline_body_buffer_set_body          (BylineBodyBuffer  *self,
                                                         BylineBody        *body);
BylineBodyHistory *byline_body_buffer_get_history       (BylineBodyBuffer  *self);
gboolean           byline_body_buffer_get_complete      (BylineBodyBuffer  *self);
gboolean           byline_body_buffer_reach_block       (BylineBodyBuffer  *self,
                                                         GtkTextIter       *iter,
                                                         guint              block,
                                                         guint              offset);
void               byline_body_buffer_show_all          (BylineBodyBuffer  *self);

/* The block and character offset in it of @iter; FALSE when the body is empty. */
gboolean           byline_body_buffer_locate            (BylineBodyBuffer  *self,
                                                         const GtkTextIter *iter,
                                                         guint             *block,
                                                         guint             *offset);
gboolean           byline_body_buffer_locate_cursor     (BylineBodyBuffer  *self,
                                                         guint             *block,
                                                         guint             *offset);
/* Where (@block, @offset) is; a block not shown yet is the buffer's end.  To
 * go there: byline_body_buffer_reach_block(). */
void               byline_body_buffer_get_iter_at_block (BylineBodyBuffer  *self,
                                                         GtkTextIter       *iter,
                                                         guint              block,
                                                         guint              offset);
/* The picture shown at @anchor, or NULL. */
const char        *byline_body_buffer_get_anchor_image_id (GtkTextChildAnchor *anchor);
/* The block showing the first figure of @image_id, or -1. */
int                byline_body_buffer_find_image        (BylineBodyBuffer  *self,
                                                         const char        *image_id);

/* Editing commands, each one undo step, over the selection or at the cursor. */
void               byline_body_buffer_begin_edit        (BylineBodyBuffer  *self,
                                                         BylineEditKind     kind);
void               byline_body_buffer_end_edit          (BylineBodyBuffer  *self);
void               byline_body_buffer_toggle_span       (BylineBodyBuffer  *self,
                                                         BylineSpanKind     kind);
/* Makes the selection a link to @href, or with NULL removes links from it. */
void               byline_body_buffer_set_link          (BylineBodyBuffer  *self,
                                                         const char        *href);
/* The href of the link at the cursor, or NULL. */
char              *byline_body_buffer_dup_link_at_cursor (BylineBodyBuffer *self);
gboolean           byline_body_buffer_has_span_at_cursor (BylineBodyBuffer *self,
                                                         BylineSpanKind     kind);
void               byline_body_buffer_set_block_kind    (BylineBodyBuffer  *self,
                                                         BylineBlockKind    kind);
/* The blocks the selection touches, or the cursor's block. */
void               byline_body_buffer_get_selected_blocks (BylineBodyBuffer *self,
                                                         guint             *first,
                                                         guint             *last);
/* Moves blocks @first to @last before block @to (the number of blocks: to
 * the end), their pictures and styles with them, one undo step; FALSE when
 * they would not move. */
gboolean           byline_body_buffer_move_blocks       (BylineBodyBuffer  *self,
                                                         guint              first,
                                                         guint              last,
                                                         guint              to);
/* The blocks of the selection (or the cursor's) one block up or down, the
 * selection or cursor kept on them; FALSE at the story's start or end. */
gboolean           byline_body_buffer_move_selected_blocks (BylineBodyBuffer *self,
                                                         gboolean          down);
/* The kind of the text block at the cursor (paragraph when it is a figure). */
BylineBlockKind    byline_body_buffer_get_cursor_kind   (BylineBodyBuffer  *self);
/* The block after the cursor's, where a new picture goes. */
guint              byline_body_buffer_get_insert_block  (BylineBodyBuffer  *self);
/* Adds the picture @image_id of a pasted body as block @index of the
 * buffer's body (with its entry in the article); FALSE when it has none. */
typedef gboolean (*BylineBodyBufferImageFunc) (const char *image_id,
                                               guint       index,
                                               gpointer    user_data);
/* Pastes the blocks of @pasted at the cursor, as one undo step: a single
 * paragraph into the line, else as blocks of their own, each picture through
 * @add_image (without it, pictures are left out).  Returns the blocks
 * added. */
guint              byline_body_buffer_paste_body        (BylineBodyBuffer          *self,
                                                         BylineBody                *pasted,
                                                         BylineBodyBufferImageFunc  add_image,
                                                         gpointer                   user_data);
/* The same, a single paragraph too as a block of its own (whole paragraphs
 * dragged between two): at a block's start, before it; else after it. */
guint              byline_body_buffer_paste_blocks      (BylineBodyBuffer          *self,
                                                         BylineBody                *pasted,
                                                         BylineBodyBufferImageFunc  add_image,
                                                         gpointer                   user_data);
/* Pastes HTML at the cursor through the core's cleaner; returns the blocks
 * added, and in *@n_pictures (optional) the page's pictures left out. */
guint              byline_body_buffer_paste_html        (BylineBodyBuffer  *self,
                                                         const char        *html,
                                                         guint             *n_pictures);
gboolean           byline_body_buffer_undo              (BylineBodyBuffer  *self);
gboolean           byline_body_buffer_redo              (BylineBodyBuffer  *self);

G_END_DECLS
