/* byline-body-view-paste-private.h — what the body view's pastes share
 *
 * A paste reads the clipboard or a drop (byline-body-view-paste.c), a piece
 * of a document or of a web page with its pictures in a thread
 * (byline-body-view-piece.c), or a whole story into an empty one
 * (byline-body-view-story-paste.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"
#include "byline-body-view.h"

G_BEGIN_DECLS

/* Where a paste's data comes from: the clipboard, or something dropped on
 * the text.  Each step that reads it holds a reference; a drop is finished
 * when the last is done, as a copy when something went in (the program it
 * was dragged from keeps its text). */
typedef struct
{
  BylineBodyView *view;
  GdkClipboard   *clipboard;
  GdkDrop        *drop;
  gboolean        pasted;
  gboolean        as_blocks;  /* whole blocks, between two (a drag's) */
  char           *page_uri;   /* the page a browser's selection was copied from */
} BylinePaste;

/* From @drop, else from @view's clipboard. */
BylinePaste  *_byline_paste_new                    (BylineBodyView      *view,
                                                    GdkDrop             *drop);
BylinePaste  *_byline_paste_ref                    (BylinePaste         *paste);
void          _byline_paste_unref                  (BylinePaste         *paste);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePaste, _byline_paste_unref)

/* The paste's @type, read whole: a GTask whose result is the GBytes. */
void          _byline_paste_read_bytes_async       (BylinePaste         *paste,
                                                    const char          *type,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes       *_byline_paste_read_bytes_finish      (GAsyncResult        *result,
                                                    GError             **error);
/* The paste's value of @type (a file list, a picture, text); the callback
 * gets @paste, referenced, and reads it with _byline_paste_read_value_finish(). */
void          _byline_paste_read_value_async       (BylinePaste         *paste,
                                                    GType                type,
                                                    GAsyncReadyCallback  callback);
const GValue *_byline_paste_read_value_finish      (GObject             *object,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* The paste's page (its "text/html"), as _byline_paste_read_bytes_async()
 * reads it; first the page's address, into @paste's page_uri, when the
 * browser names it among @formats. */
void          _byline_paste_read_page_async        (BylinePaste         *paste,
                                                    GdkContentFormats   *formats,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);

/* The MIME type among @formats that is @type, with or without parameters
 * ("…;windows_formatname=…"), or NULL. */
const char   *_byline_paste_find_type              (GdkContentFormats   *formats,
                                                    const char          *type);
/* The clipboard's piece of a word processor's document, the richest first. */
const char   *_byline_paste_find_piece_type        (GdkContentFormats   *formats);

/* Pastes what @formats offer, the richest first; with @pieces, a word
 * processor's piece before the page it also offers.  FALSE when none is
 * something the body takes but text. */
gboolean      _byline_paste_formats                (BylinePaste         *paste,
                                                    GdkContentFormats   *formats,
                                                    gboolean             pieces);
/* Nothing richer the body can hold: the text, as GtkTextView pastes it. */
void          _byline_paste_text                   (BylinePaste         *paste);
/* A page's HTML, cleaned to the body's structure, its pictures left out. */
void          _byline_paste_page                   (BylinePaste         *paste,
                                                    GBytes              *bytes);
/* The pictures of a page's piece that the body cannot take. */
guint         _byline_paste_count_page_pictures    (GBytes              *bytes);
/* Says that @n_pictures pictures of a page were left out, if any. */
void          _byline_paste_show_pictures_left_out (BylineBodyView      *view,
                                                    guint                n_pictures);
void          _byline_paste_show_error             (BylineBodyView      *view,
                                                    const GError        *error);

/* Pastes the piece of @type, read from @paste, or @bytes when given: Byline's
 * own (@own) or a word processor's; with @whole, a whole story for an empty
 * one (byline-body-view-piece.c). */
void          _byline_paste_piece                  (BylinePaste         *paste,
                                                    GdkContentFormats   *formats,
                                                    const char          *type,
                                                    GBytes              *bytes,
                                                    gboolean             own,
                                                    gboolean             whole);
/* A piece of a web page whose pictures are the site's: read in a thread,
 * each picture downloaded, then pasted with them as a document's piece is. */
void          _byline_paste_web_piece              (BylinePaste         *paste,
                                                    GBytes              *bytes,
                                                    gboolean             whole);

/* A whole story pasted into an empty one: its headline, lead, source
 * prefix, byline and dateline, as the document would open (the story's
 * own left as they are, where it has them); the cursor goes to the body's
 * start for its text (byline-body-view-story-paste.c). */
void          _byline_paste_take_story_fields      (BylineBodyView      *view,
                                                    BylineArticle       *story);
/* The story a page's piece holds, its @n_pictures pictures left out: FALSE
 * when it is none. */
gboolean      _byline_paste_page_story             (BylinePaste         *paste,
                                                    GBytes              *bytes,
                                                    guint                n_pictures);

G_END_DECLS
