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
typedef struct _BylineDocShape   BylineDocShape;

/* byline-doc-drawing.c: the shapes anchored in the main text, from the
 * table stream @table (its PlcfSpaMom, OfficeArtContent and PlcftxbxTxt,
 * where the FIB's (offset, length) pairs @fc_lcb say, @n_pairs of them),
 * their photos in it or in the WordDocument stream @doc.  Never NULL: what
 * cannot be read has no shapes. */
BylineDocDrawing *_byline_doc_drawing_new     (GBytes            *table,
                                               GBytes            *doc,
                                               const guint8      *fc_lcb,
                                               guint              n_pairs);
void              _byline_doc_drawing_free    (BylineDocDrawing  *drawing);
/* The shapes anchored at @cp (its character 0x08) that are pictures or
 * text boxes: the shape, or a group's, in order (BylineDocShape*); NULL
 * when none is there. */
GPtrArray        *_byline_doc_drawing_shapes  (BylineDocDrawing  *drawing,
                                               guint32            cp);
/* Whether @shape is a picture (of any kind, photo or not); else it is a
 * text box. */
gboolean          _byline_doc_shape_is_picture (const BylineDocShape *shape);
/* The JPEG or PNG of @shape, with its file extension, its @entry in the
 * picture store (the same for the same photo) and its alt text, or NULL;
 * NULL when it is no photo. */
GBytes           *_byline_doc_drawing_picture (BylineDocDrawing      *drawing,
                                               const BylineDocShape  *shape,
                                               const char           **extension,
                                               guint                 *entry,
                                               char                 **alt);
/* The text box @shape's text: the CPs from @start to @end of the text
 * boxes' story (as the file says: not checked against it), and which @box
 * it is, from 1; FALSE when it has none (a box of a chain after its
 * first, one left for reuse, one that is not there). */
gboolean          _byline_doc_drawing_text_box (BylineDocDrawing     *drawing,
                                                const BylineDocShape *shape,
                                                guint                *box,
                                                guint32              *start,
                                                guint32              *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDocDrawing, _byline_doc_drawing_free)

G_END_DECLS
