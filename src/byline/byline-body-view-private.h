/* byline-body-view-private.h — what the body view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-figure.h"

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

/* Pastes what @drop holds at the cursor as Paste would, pictures and
 * all, else its text; finishes @drop when done (byline-body-view-paste.c). */
gboolean       _byline_body_view_paste_drop          (BylineBodyView *self,
                                                      GdkDrop        *drop);

/* Whether @formats hold something byline_body_view_new_paste_formats()
 * lists but the text: Byline's own piece, a word processor's, a page
 * (their MIME types with or without parameters). */
gboolean       _byline_body_view_has_rich_format     (GdkContentFormats *formats);

/* Pastes Byline's own piece @piece (byline-clip.h) at the cursor, its
 * pictures copied into the view's draft in a thread; with @as_blocks, a
 * single paragraph too as a block of its own (byline_body_buffer_paste_blocks()). */
void           _byline_body_view_paste_own_piece     (BylineBodyView *self,
                                                      GBytes         *piece,
                                                      gboolean        as_blocks);

/* Lets a selection dragged out of a text view carry Byline's own piece and
 * a page, with the pictures, as Copy does (byline-body-view-copy.c). */
void           _byline_body_view_register_serializers (void);
/* The text buffer that @content (a text view's drag or copy, in this
 * process) holds, or NULL (byline-body-view-drop.c). */
GtkTextBuffer  *_byline_content_get_text_buffer      (GdkContentProvider *content);
/* The body view showing @buffer, or NULL when it is another text view's. */
BylineBodyView *_byline_body_view_for_buffer         (GtkTextBuffer  *buffer);

/* The selection as Byline's own piece (byline_clip_cut_piece()), or NULL
 * when nothing is selected (byline-body-view-copy.c). */
BylineArticle *_byline_body_view_dup_selection_piece (BylineBodyView *self);

/* Takes the drops GtkTextView would turn into bare text: a selection of a
 * story's body, moved or copied whole, and another program's document
 * piece or page (byline-body-view-drop.c). */
void           _byline_body_view_init_drop           (BylineBodyView *self);
/* Lets @figure be dragged by its picture, to move it in the text. */
void           _byline_body_view_add_figure_drag     (BylineBodyView *self,
                                                      BylineFigure   *figure);

/* Where something dropped at (@x, @y) goes between the lines: the block
 * before which it is put, by which half of a block it is over
 * (byline-body-view.c). */
guint          _byline_body_view_get_block_at        (BylineBodyView *self,
                                                      double          x,
                                                      double          y);
/* The paragraph at (@x, @y), or -1 when it is over no paragraph. */
int            _byline_body_view_get_paragraph_at    (BylineBodyView *self,
                                                      double          x,
                                                      double          y);
/* byline_body_view_insert_pictures_async() above block @index, dropped on
 * paragraph @within (or -1): there goes a missing picture whose caption it
 * is (byline-body-view-pictures.c). */
void           _byline_body_view_insert_pictures_within (BylineBodyView *self,
                                                         GListModel     *files,
                                                         guint           index,
                                                         int             within);
/* Shows a line where a block dragged over the text will go, before @block
 * (the number of blocks: at the end); -1 hides it. */
void           _byline_body_view_show_drop_block     (BylineBodyView *self,
                                                      int             block);
int            _byline_body_view_get_drop_block      (BylineBodyView *self);
/* A GtkDropTarget's "motion" and "leave" for a picture dragged over the
 * text: they show that line (byline-body-view-drop.c). */
GdkDragAction  _byline_body_view_on_block_motion     (GtkDropTarget  *target,
                                                      double          x,
                                                      double          y,
                                                      BylineBodyView *self);
void           _byline_body_view_on_block_leave      (GtkDropTarget  *target,
                                                      BylineBodyView *self);

/* Where a picture the story was to have goes (byline-body-view-missing.c). */
/* The paragraph @iter is in, or -1. */
int            _byline_body_view_paragraph_at        (BylineBodyBuffer  *buffer,
                                                      const GtkTextIter *iter);
/* Puts @image where paragraph @block, a missing picture's caption kept as
 * text, stands: that paragraph goes, and is its caption and credit
 * ("… Ảnh: Hà Anh", @place) unless it has some. */
void           _byline_body_view_put_in_place        (BylineBodyView *self,
                                                      BylineImage    *image,
                                                      guint           block,
                                                      const char     *place);
/* The missing picture @image stands for, or -1, and in *@block its place
 * (-1 when not in the text): by its name, by paragraph @within (or -1)
 * the insertion point is in, or the one named @missing_name (chosen for
 * it).  *@by_name: found by its file's name. */
int            _byline_body_view_find_missing        (BylineArticle  *article,
                                                      BylineImage    *image,
                                                      int             within,
                                                      const char     *missing_name,
                                                      int            *block,
                                                      gboolean       *by_name);
/* Adds @image to the story at block @block, or only puts it in the text
 * there when the story has it already (byline-body-view-pictures.c). */
void           _byline_body_view_add_image           (BylineBodyView *self,
                                                      BylineImage    *image,
                                                      guint           block);

G_END_DECLS
