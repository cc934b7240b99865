/* byline-doc-props-private.h — the character properties of a Word 97 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-office-private.h"

G_BEGIN_DECLS

/* What a character is written in: -1 where nothing says. */
typedef struct
{
  int    font;     /* an index of the font table */
  int    bold;
  int    italic;
  gint64 picture;  /* a picture's place in the Data stream (the run's own) */
  int    deleted;  /* a tracked change deleted it (the run's own) */
  int    hidden;   /* hidden text, not shown or printed */
} BylineDocChar;

#define BYLINE_DOC_CHAR_UNSAID { -1, -1, -1, -1, -1, -1 }

typedef struct _BylineDocProps BylineDocProps;

/* From the WordDocument stream @doc and the table stream @table, with the
 * FIB's (offset, length) pairs @fc_lcb (@n_pairs of them).  Never NULL: what
 * cannot be read says nothing. */
BylineDocProps *_byline_doc_props_new       (const guint8   *doc,
                                             gsize           doc_length,
                                             const guint8   *table,
                                             gsize           table_length,
                                             const guint8   *fc_lcb,
                                             guint           n_pairs);
void            _byline_doc_props_free      (BylineDocProps *props);
/* The properties of the character stored at @fc in the WordDocument
 * stream: its run's own, else its character style's, else its paragraph
 * style's (its font only, without @paragraph_look). */
void            _byline_doc_props_at        (BylineDocProps *props,
                                             guint32         fc,
                                             gboolean        paragraph_look,
                                             BylineDocChar  *out);
/* Whether the paragraph of the character at @fc is a list item: 0 no,
 * 1 bulleted, 2 numbered. */
int             _byline_doc_props_paragraph_list  (BylineDocProps *props,
                                                   guint32         fc);
/* The name of the style of the paragraph of the character at @fc, or NULL. */
const char     *_byline_doc_props_paragraph_style (BylineDocProps *props,
                                                   guint32         fc);
/* Whether the paragraph of the character at @fc is in a table's cell
 * (sprmPFInTable, sprmPItap), and *@row_end whether its mark ends a row
 * (sprmPFTtp). */
gboolean        _byline_doc_props_paragraph_in_table (BylineDocProps *props,
                                                      guint32         fc,
                                                      gboolean       *row_end);
/* The cells of the row whose end is the paragraph mark at @fc (its TAP's
 * sprmTDefTable), into *@cells: how many, 0 when it says none. */
guint           _byline_doc_props_row_cells  (BylineDocProps             *props,
                                              guint32                     fc,
                                              const BylineOfficeCellDef **cells);
/* The name of font @font, or NULL. */
const char     *_byline_doc_props_font_name (BylineDocProps *props,
                                             int             font);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDocProps, _byline_doc_props_free)

G_END_DECLS
