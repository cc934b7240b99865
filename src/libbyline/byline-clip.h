/* byline-clip.h — a piece of a story on the clipboard, from one Byline story
 * to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Byline's own clipboard format: the piece as a draft, with where its
 * pictures' files are. */
#define BYLINE_CLIP_MIME_TYPE "application/x-byline-piece+json"

/* The part of @article's body from block @from_block, offset @from_offset,
 * to block @to_block, offset @to_offset (in characters, a picture one: the
 * end left out),
 * as a new article: its body that part, its pictures copies of those the
 * part shows, with their files.  A part of one block's text is a paragraph,
 * to go into the line where it is pasted. */
BylineArticle *byline_clip_cut_piece   (BylineArticle  *article,
                                        guint           from_block,
                                        guint           from_offset,
                                        guint           to_block,
                                        guint           to_offset);
/* @piece in BYLINE_CLIP_MIME_TYPE. */
GBytes        *byline_clip_serialize   (BylineArticle  *piece);
/* The piece in @bytes, its pictures' files set to where the story copied
 * from keeps them (they are checked when copied, by their SHA-256).
 * BYLINE_ERROR_MALFORMED for anything else. */
BylineArticle *byline_clip_parse       (GBytes         *bytes,
                                        GError        **error);
/* @piece's text as plain text: a line a block, pictures left out. */
char          *byline_clip_dup_text    (BylineArticle  *piece);

G_END_DECLS
