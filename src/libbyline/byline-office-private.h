/* byline-office-private.h — what the readers of word processors' documents
 * (.docx, .odt) share: their paragraphs, read into a simple page the HTML
 * import reads, and their pictures, written where that import attaches them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "byline-types.h"
#include "byline-vn-legacy-private.h"
#include "byline-zip-private.h"

G_BEGIN_DECLS

/* Whether @bytes begin as a ZIP archive with @marker in their first 64 KiB
 * (a member's name or a stored member's text): a document of that kind,
 * even damaged further on. */
gboolean _byline_office_sniff_zip (GBytes     *bytes,
                                   const char *marker);

/* A part of a document (XML) over this is not read. */
#define BYLINE_OFFICE_MAX_PART (64 * 1024 * 1024)

typedef enum
{
  BYLINE_OFFICE_NORMAL,
  BYLINE_OFFICE_TITLE,
  BYLINE_OFFICE_SUBTITLE,
  BYLINE_OFFICE_HEADING1,
  BYLINE_OFFICE_HEADING2,
  BYLINE_OFFICE_QUOTE,
  BYLINE_OFFICE_CAPTION,
} BylineOfficeStyle;

typedef enum
{
  BYLINE_OFFICE_NO_LIST,
  BYLINE_OFFICE_BULLETED,
  BYLINE_OFFICE_NUMBERED,
} BylineOfficeList;

/* A caption longer than this (characters, spaces not counted) is text. */
#define BYLINE_OFFICE_MAX_CAPTION 300

/* A paragraph, read. */
typedef struct
{
  BylineOfficeStyle  style;
  BylineOfficeList   list;
  GString           *html;      /* its text as inline HTML */
  gsize              n_chars;   /* characters of text, spaces not counted */
  gsize              n_bold;    /* … of them in bold */
  gsize              n_italic;  /* … in italics */
  GPtrArray         *pictures;  /* char*: <img> elements, in order */
  GPtrArray         *captions;  /* char*: the pictures' own captions (HTML), or NULL */
  GPtrArray         *boxes;     /* xmlNode*: text boxes anchored in it, read after it */
  /* A numbered caption ("Hình 1: …"): where its text begins, after its
   * label, number and separator, in @html and in @n_chars. */
  gboolean           numbered;
  gboolean           after_number;  /* the separator may still come */
  gsize              number_end;
  gsize              number_chars;
  /* Where it sits in a table (the outermost: an inner table's paragraphs
   * are its cell's): the table's and the row's ids, unique in the
   * document, and its cell's column in the row, from 1; 0 outside tables. */
  guint              table;
  guint              row;
  guint              cell;
  /* Its cell merged down the rows: the merged cells' id, unique in the
   * document (0 for a cell merged down none), and whether it is one under
   * the first, whose text a data table's row repeats. */
  guint              merge;
  gboolean           continued;
  /* A data table's row made one paragraph: how many cells with text it
   * joins (byline-office-table.c); 0 otherwise. */
  guint              n_cells;
  /* The last run in an old code's font, while nothing came after it: where
   * it ends in @html, the length of its closing tags, and its formatting,
   * for a run like it to join (_byline_office_para_add_text_in()). */
  gsize              legacy_end;
  gsize              legacy_close;
  gboolean           legacy_bold;
  gboolean           legacy_italic;
  BylineVnLegacy     legacy;
} BylineOfficePara;

BylineOfficePara *_byline_office_para_new         (void);
/* @before's text and pictures at the start of @para: a paragraph whose
 * mark a tracked change deleted joins the next one, whose style it takes. */
void              _byline_office_para_join        (BylineOfficePara *para,
                                                   BylineOfficePara *before);
void              _byline_office_para_free        (BylineOfficePara *para);
void              _byline_office_para_add_text    (BylineOfficePara *para,
                                                   const char       *text,
                                                   gboolean          bold,
                                                   gboolean          italic);
/* Text in a font of the old codes (.VnTime, VNI-Times), as it is stored:
 * the import reads it as Vietnamese if the story is in those codes. */
void              _byline_office_para_add_text_in (BylineOfficePara *para,
                                                   const char       *text,
                                                   gboolean          bold,
                                                   gboolean          italic,
                                                   BylineVnLegacy    legacy);
/* @caption: inline HTML, or NULL (the paragraph under it may be one). */
void              _byline_office_para_add_picture (BylineOfficePara *para,
                                                   const char       *src,
                                                   const char       *alt,
                                                   const char       *caption);
/* A picture of the document that could not be taken, named by @label (the
 * name the word processor shows, "Picture 2", or its file's, "image3.emf"):
 * it keeps its place in the paragraph, so that its caption is the place a
 * picture added by hand goes to (byline_article_dup_missing_place()).
 * @href: where a linked one is ("https://…/lu.jpg"), or NULL; @alt: its
 * description, or NULL.  The import tells the person
 * (byline_import_read_full()). */
void              _byline_office_para_add_left_out (BylineOfficePara *para,
                                                    const char       *label,
                                                    const char       *href,
                                                    const char       *alt);

/* A sequence field ({ SEQ Figure }, <text:sequence>) has ended: the text
 * before it (its label, "Hình", "Figure"), its number and the separator
 * after it (": ", ". ", " – ") number the caption the paragraph may be.
 * Only the paragraph's first, after a label's few words at most. */
void              _byline_office_para_end_sequence (BylineOfficePara *para);
/* The paragraph as a picture's caption: its HTML without the numbering
 * "Insert Caption" gives it ("Hình 1: "); how many characters that is. */
const char       *_byline_office_para_caption      (BylineOfficePara *para);
gsize             _byline_office_para_caption_chars (BylineOfficePara *para);

/* A text box's paragraphs @box, added to @paras (stolen from @box): a
 * captioned frame's (a box holding pictures and a short text, as
 * LibreOffice's Insert Caption makes one) as one paragraph of its
 * pictures, the last captioned by that text without its number; a box
 * without pictures (a sidebar), or with more text than a caption, as they
 * are. */
void              _byline_office_add_box           (GPtrArray        *paras,
                                                    GPtrArray        *box);

/* How a table's cell is merged with others. */
typedef enum
{
  BYLINE_OFFICE_CELL_ALONE,
  BYLINE_OFFICE_CELL_FIRST,      /* the first of cells merged down the rows */
  BYLINE_OFFICE_CELL_CONTINUED,  /* one under it (its text is the first's) */
  /* Merged into the cell before it in its row, or covered by one above it
   * (LibreOffice's covered cells, the same element for both). */
  BYLINE_OFFICE_CELL_COVERED,
} BylineOfficeCellMerge;

/* A cell as its row's definition says (Word 97, Rich Text): how it is
 * merged, and where it is, its right edge, the same for the cells of a
 * column in every row. */
typedef struct
{
  BylineOfficeCellMerge merge;
  int                   place;
} BylineOfficeCellDef;

/* Cells merged down the rows open at once, and cells of a row's
 * definition, that are told apart; past them, cells are read as alone. */
#define BYLINE_OFFICE_MAX_MERGED 64

/* A reader's place in the document's tables, for marking its paragraphs:
 * a reader says where a table, a row and a cell begin (and a table ends),
 * and marks each paragraph it reads.  Only the outermost table counts. */
typedef struct
{
  guint depth;    /* tables open */
  guint table;    /* the outermost's id, 0 outside tables */
  guint row;      /* its row's id */
  guint cell;     /* its cell's column in the row, from 1 */
  guint last_id;
  guint merge;        /* the cell's merged cells' id (BylineOfficePara) */
  gboolean continued;
  int   column;       /* the next cell's grid column (.docx, .odt), from 1 */
  /* The cells merged down the rows that may go on: where, and their id. */
  struct { int place; guint id; } down[BYLINE_OFFICE_MAX_MERGED];
  guint n_down;
  /* The flat formats' row definition, and the cells of the row begun: a
   * cell's place and merge are known once its first paragraph ends. */
  BylineOfficeCellDef defs[BYLINE_OFFICE_MAX_MERGED];
  guint n_defs;
  guint n_begun;
  gboolean pending;
} BylineOfficeTables;

void _byline_office_tables_begin_table (BylineOfficeTables *tables);
void _byline_office_tables_end_table   (BylineOfficeTables *tables);
void _byline_office_tables_begin_row   (BylineOfficeTables *tables);
/* The row's first cell is @n grid columns in (.docx's gridBefore). */
void _byline_office_tables_skip_columns (BylineOfficeTables *tables,
                                         guint               n);
/* A cell, merged as @merge, @span grid columns wide (.docx's gridSpan; 1
 * for each of LibreOffice's cells and covered cells). */
void _byline_office_tables_begin_cell  (BylineOfficeTables   *tables,
                                        BylineOfficeCellMerge merge,
                                        guint                 span);
void _byline_office_tables_mark        (BylineOfficeTables *tables,
                                        BylineOfficePara   *para);
/* For the formats whose tables have no start or end of their own, only
 * paragraphs said to be in one and marks that end a cell or a row (Word
 * 97, Rich Text): @para, ending, is @in_table or not, which opens or
 * closes a table; then, once it is added, whether its mark ended a cell or
 * a row, which moves on to the next. */
void _byline_office_tables_mark_flat   (BylineOfficeTables *tables,
                                        BylineOfficePara   *para,
                                        gboolean            in_table);
void _byline_office_tables_next_flat   (BylineOfficeTables *tables,
                                        gboolean            cell_end,
                                        gboolean            row_end);
/* The flat formats' rows' definitions, which say how their cells are
 * merged: the row's cells, in order, before their paragraphs end (a Rich
 * Text \trowd then each \cellx; Word 97's, read ahead from the row's
 * end).  A definition holds for the rows after it until another. */
void _byline_office_tables_define_row  (BylineOfficeTables        *tables,
                                        const BylineOfficeCellDef *defs,
                                        guint                      n_defs);
void _byline_office_tables_define_cell (BylineOfficeTables   *tables,
                                        BylineOfficeCellMerge merge,
                                        int                   place);

/* A data table's cell has at most this much text (characters, spaces not
 * counted). */
#define BYLINE_OFFICE_MAX_TABLE_CELL 80

/* Each data table in @paras (owning them) becomes one paragraph a row,
 * its cells' text joined by " – "; a layout table stays its cells'
 * paragraphs (byline-office-table.c). */
void _byline_office_merge_tables (GPtrArray *paras);

/* The style a paragraph style's name says ("Heading 1", "Heading_20_1",
 * "Title", "Quotations", "Caption"…: the built-in styles, which the files
 * name in English whatever the language of the program; and a Vietnamese
 * newsroom's template's own: "Tít", "Sapo", "Chú thích ảnh"). */
BylineOfficeStyle _byline_office_style_from_name  (const char       *name);

/* The address of a Word field's instruction ({ HYPERLINK "url" \o "…" }),
 * as given; NULL for other fields and for a place in the document alone
 * (\l "bookmark").  Both Word readers' fields. */
char             *_byline_office_field_hyperlink  (const char       *instruction);
/* Whether a Word field's instruction is a sequence's ({ SEQ Figure \* ARABIC }):
 * the number "Insert Caption" gives a caption. */
gboolean          _byline_office_field_is_sequence (const char      *instruction);

/* The temporary folder for a document's pictures. */
typedef struct _BylineOfficeMedia BylineOfficeMedia;

/* @display: the document's name, which the pictures' names follow. */
BylineOfficeMedia *_byline_office_media_new       (BylineZip         *zip,
                                                   const char        *display);
void               _byline_office_media_free      (BylineOfficeMedia *media);
/* Writes the archive's @member to the folder (once) and adds it to @para
 * with @alt.  When it is not in the archive, cannot be read or is no
 * picture Byline takes (an EMF), it is left out in its place, named @label,
 * the name the word processor shows ("Picture 2"), or if NULL its file's. */
void               _byline_office_add_member      (BylineOfficeMedia *media,
                                                   BylineOfficePara  *para,
                                                   const char        *member,
                                                   const char        *label,
                                                   const char        *alt);
/* Writes the picture @bytes to the folder (once per @key) with @extension;
 * returns its file name there, or NULL when it cannot be written. */
const char        *_byline_office_media_add_bytes (BylineOfficeMedia *media,
                                                   const char        *key,
                                                   GBytes            *bytes,
                                                   const char        *extension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineOfficeMedia, _byline_office_media_free)

/* The story in @paras (BylineOfficePara*), through the HTML import: the
 * headline is the first paragraph, or the Title above it; the lead the next
 * in the Subtitle style or all in bold (else the import's "(BLC) - " rule);
 * a picture's caption the paragraph under it in the Caption style or all in
 * italics.  The pictures' folder goes with the article, removed when it is
 * finalized (the store has copied them by then). */
BylineArticle     *_byline_office_import          (GPtrArray         *paras,
                                                   BylineOfficeMedia *media,
                                                   const char        *display,
                                                   GError           **error);
/* The same for a piece of a document pasted: all of it is the body, in
 * order (no headline, lead or featured picture is taken out of it). */
BylineArticle     *_byline_office_import_piece    (GPtrArray         *paras,
                                                   BylineOfficeMedia *media,
                                                   const char        *display,
                                                   GError           **error);

/* XML: elements and attributes by their local names, whatever their
 * namespaces. */
gboolean  _byline_xml_is        (xmlNode    *node,
                                 const char *name);
xmlNode  *_byline_xml_child     (xmlNode    *node,
                                 const char *name);
char     *_byline_xml_attr      (xmlNode    *node,
                                 const char *name);
/* The archive's XML part @name; NULL when it is absent and not @required,
 * or with BYLINE_ERROR_MALFORMED when it does not parse or has a document
 * type of its own (entities made to be expanded a billion times: no word
 * processor writes one). */
xmlDoc   *_byline_office_read_xml (BylineZip   *zip,
                                   const char  *display,
                                   const char  *name,
                                   gboolean     required,
                                   GError     **error);

G_END_DECLS
