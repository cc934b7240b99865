/* byline-doc-picture-private.h — the photos of a Word 97 text, inline
 * (byline-doc-picture.c) and floating (byline-doc-drawing.c)
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

typedef struct _BylineDocDrawing BylineDocDrawing;

/* byline-doc-drawing.c: the shapes anchored in the main text, from the
 * table stream @table (its PlcfSpaMom and OfficeArtContent, where the FIB's
 * (offset, length) pairs @fc_lcb say, @n_pairs of them), their photos in
 * it or in the WordDocument stream @doc.  Never NULL: what cannot be read
 * has no shapes. */
BylineDocDrawing *_byline_doc_drawing_new     (GBytes            *table,
                                               GBytes            *doc,
                                               const guint8      *fc_lcb,
                                               guint              n_pairs);
void              _byline_doc_drawing_free    (BylineDocDrawing  *drawing);
/* Whether the shape anchored at @cp is a picture (of any kind, photo or
 * not; not a text box or a drawing). */
gboolean          _byline_doc_drawing_has_picture (BylineDocDrawing *drawing,
                                                   guint32           cp);
/* The JPEG or PNG of the shape anchored at @cp (its character 0x08), with
 * its file extension, its @entry in the picture store (the same for the
 * same photo) and its alt text, or NULL; NULL when no photo is there. */
GBytes           *_byline_doc_drawing_picture (BylineDocDrawing  *drawing,
                                               guint32            cp,
                                               const char       **extension,
                                               guint             *entry,
                                               char             **alt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDocDrawing, _byline_doc_drawing_free)

G_END_DECLS
