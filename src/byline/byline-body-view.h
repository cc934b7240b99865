/* byline-body-view.h — the body of a story, as a GtkSourceView
 *
 * Shows a BylineBodyBuffer: list markers and quote bars drawn beside the text,
 * figures at their anchors, and pictures dropped or pasted in imported into
 * the draft.  The view is a scrollable (in a BylineStoryPage), so
 * GtkTextView lays out and draws only what shows of a long story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_BODY_VIEW (byline_body_view_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyView, byline_body_view, BYLINE, BODY_VIEW, GtkSourceView)

GtkWidget        *byline_body_view_new             (void);
BylineBodyBuffer *byline_body_view_get_body_buffer (BylineBodyView *self);
/* Whether the context menu's Undo and Redo can be used: the editor's. */
void              byline_body_view_set_undo_enabled (BylineBodyView *self,
                                                     gboolean        can_undo,
                                                     gboolean        can_redo);
BylineDocument   *byline_body_view_get_document    (BylineBodyView *self);
void              byline_body_view_set_document    (BylineBodyView *self,
                                                    BylineDocument *document);
/* Scrolls block @index to the middle of the view, once it is laid out. */
void              byline_body_view_scroll_to_block (BylineBodyView *self,
                                                    guint           index);
/* Scrolls @iter into the view (to its middle) unless it shows already: the
 * cursor moved while the keyboard is elsewhere, by the find bar say. */
void              byline_body_view_show_iter      (BylineBodyView    *self,
                                                   const GtkTextIter *iter);
gboolean          byline_body_view_block_in_sight  (BylineBodyView *self,
                                                     guint           index);
/* Imports the pictures into the draft and shows them before block @index
 * (-1: after the cursor's block), as one undo step.  Returns how many. */
guint             byline_body_view_insert_pictures (BylineBodyView *self,
                                                    GListModel     *files,
                                                    int             index,
                                                    GError        **error);
/* The same, the files copied and hashed in a thread (a camera's photos are
 * large); they are shown where the cursor was when they come, and a toast
 * says why any did not. */
void              byline_body_view_insert_pictures_async (BylineBodyView *self,
                                                          GListModel     *files,
                                                          int             index);
/* A whole story on the clipboard, pasted into an empty story's @field
 * (its headline): a word processor's piece opens as the document would,
 * its headline, lead, source prefix, byline and dateline to the story's
 * fields, its text and pictures into the body; a web page's piece of two
 * paragraphs or more the same way, its first paragraph the headline if it
 * has no <h1>; text of three lines or more, or two paragraphs, as a text
 * file opens; one paragraph goes into @field.  FALSE when the clipboard
 * holds none of these (byline-body-view-paste.c). */
gboolean          byline_body_view_paste_story           (BylineBodyView *self,
                                                          GtkTextView    *field);
/* What a paste or a drop on the body takes richer than text: Byline's own
 * piece, a word processor's piece, a page; with @text, text too. */
GdkContentFormats *byline_body_view_new_paste_formats    (gboolean        text);
/* The same for @drop, dropped on @field (its text goes there when it is
 * not a story); finishes @drop when done. */
gboolean          byline_body_view_drop_story            (BylineBodyView *self,
                                                          GtkTextView    *field,
                                                          GdkDrop        *drop);
/* @file, chosen for the missing picture named @missing_name
 * (byline_article_dup_missing_pictures()): as
 * byline_body_view_insert_pictures_async() adds it, in that picture's place
 * (its caption kept as text) when the text has it, else at the cursor; it
 * takes what is known of it, and it is missing no more. */
void              byline_body_view_add_missing_picture   (BylineBodyView *self,
                                                          GFile          *file,
                                                          const char     *missing_name);
/* A picture pasted, as a PNG file named @name, at the cursor: encoded,
 * copied and hashed in a thread. */
void              byline_body_view_insert_texture_async  (BylineBodyView *self,
                                                          GdkTexture     *texture,
                                                          const char     *name);
void              byline_body_view_place_image     (BylineBodyView *self,
                                                    BylineImage    *image);

G_END_DECLS
