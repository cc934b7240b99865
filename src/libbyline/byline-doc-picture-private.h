/* byline-doc-picture-private.h — the photos of a Word 97 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* byline-doc-picture.c: the JPEG or PNG of the inline picture at @offset
 * of the Data stream (its PICF and OfficeArt records; the picture itself
 * there or at its offset in the WordDocument stream), with its file
 * extension; NULL for another kind (a drawing, a WMF) or a damaged one. */
GBytes *_byline_doc_picture        (GBytes      *data,
                                    GBytes      *doc,
                                    gint64       offset,
                                    const char **extension);
/* The JPEG or PNG of the picture store's entry at @at of @stream, a
 * record that ends by @end: an OfficeArtFBSE, its BLIP after it or at its
 * offset in the WordDocument stream @doc, or a BLIP record itself. */
GBytes *_byline_doc_store_picture  (GBytes      *stream,
                                    gsize        at,
                                    gsize        end,
                                    GBytes      *doc,
                                    const char **extension);

G_END_DECLS
