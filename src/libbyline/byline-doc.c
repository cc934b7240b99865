/* byline-doc.c — a story written in Word 97–2003 (.doc)
 *
 * Offices still keep and send stories in Word's old binary format.  A .doc
 * is a compound file (byline-cfb.c); its WordDocument stream starts with
 * the FIB, which says where the piece table (the Clx, in the 0Table or
 * 1Table stream) is and how many characters the main text has.  The pieces
 * are runs of that text, each stored as UTF-16 or, "compressed", as one
 * byte a character (Windows-1252).  [MS-DOC] 2.5, 2.8.35, 2.9.38.
 *
 * What is read: the main text's paragraphs (headers, footnotes and
 * comments are other texts), fields' results without their instructions,
 * a small data table's rows as paragraphs (a cell merged down the rows in
 * each, as the row's end's sprmTDefTable says), other tables' cells
 * (byline-office-table.c), HYPERLINK fields as links (their result the
 * link's text), SEQ fields as a caption's number ("Hình 1: " left out of a
 * picture's caption, byline-office.c); each character's font, bold and italics
 * (byline-doc-props.c), so that text in a font of the old codes (.VnTime,
 * VNI-Times) is read as it shows (byline-vn-legacy.c), each paragraph's style by its name
 * (Title, Heading n, Caption…), pictures that are photos (JPEG, PNG),
 * inline (byline-doc-picture.c) or floating, alone or in a group,
 * anchored in a paragraph and read after its text as the .docx reader does
 * (byline-doc-drawing.c), text boxes (a sidebar, a quote set apart: their
 * own story, after the footnotes', headers' and comments') read the same
 * way, after the paragraph they are anchored in (a chain of linked boxes
 * as one, where its first is; one holding a picture and a caption, as
 * LibreOffice saves its captioned frame, as that picture and its caption),
 * and lists (bulleted or numbered by their
 * first level).  What a tracked change deleted and hidden text are left
 * out (byline-doc-props.c: sprmCFRMarkDel, sprmCFVanish).  What is not: headers, footers, footnotes, comments and
 * the shapes and text boxes in them, drawings (lines, WordArt), shapes
 * anchored in a text box.  Then byline-office.c makes the
 * story, as for the other documents: the first paragraph is the headline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-cfb-private.h"
#include "byline-doc-picture-private.h"
#include "byline-doc-private.h"
#include "byline-doc-props-private.h"
#include "byline-error.h"
#include "byline-doc-plc-private.h"
#include "byline-le-private.h"
#include "byline-office-private.h"
#include "byline-vn-legacy-private.h"

#define FIB_IDENT        0xA5EC
#define FIB_WORD97       0x00C1
#define FLAG_ENCRYPTED   0x0100
#define FLAG_TABLE1      0x0200
#define MAX_TEXT         (16 * 1024 * 1024)   /* characters */
#define MAX_FIELD_DEPTH  32

/* FibRgLw97's longs: the stories' lengths in CPs. */
#define LW_CCP_TEXT      3
#define LW_CCP_FTN       4
#define LW_CCP_HDD       5
#define LW_CCP_ATN       7
#define LW_CCP_EDN       8
#define LW_CCP_TXBX      9

/* Windows-1252's 0x80–0x9F (0: nothing there). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

gboolean
_byline_doc_sniff (GBytes *bytes)
{
  return _byline_cfb_sniff (bytes);
}

typedef struct
{
  gunichar c;
  guint32  fc;    /* where it is stored in the WordDocument stream */
} Char;

/* The text from CP @from to @to (of any story: the main text's, the text
 * boxes'), as characters: the pieces of the Clx that hold it.  Short when
 * the pieces end before @to; NULL when the table is damaged. */
static GArray *
read_text (const guint8 *doc,
           gsize         doc_length,
           const guint8 *clx,
           gsize         clx_length,
           guint32       from,
           guint32       to)
{
  g_autoptr(GArray) text = g_array_new (FALSE, FALSE, sizeof (Char));
  gsize at = 0;
  guint32 lcb, n, cp = 0;
  const guint8 *plc;

  /* Prc (property modifiers) first, then the Pcdt. */
  while (at < clx_length && clx[at] == 0x01)
    {
      if (at + 3 > clx_length)
        return NULL;
      at += 3 + _byline_le16 (clx + at + 1);
    }
  if (at + 5 > clx_length || clx[at] != 0x02)
    return NULL;
  lcb = _byline_le32 (clx + at + 1);
  plc = clx + at + 5;
  if (lcb > clx_length - at - 5 || !_byline_doc_plc_count (lcb, 8, &n))
    return NULL;

  for (guint32 i = 0; i < n && cp < to; i++)
    {
      guint32 cp_start = _byline_doc_plc_cp (plc, i);
      guint32 cp_end = _byline_doc_plc_cp (plc, i + 1);
      const guint8 *pcd = _byline_doc_plc_entry (plc, n, i, 8);
      guint32 fc = _byline_le32 (pcd + 2);
      gboolean compressed = (fc & 0x40000000) != 0;
      guint64 offset = compressed ? (fc & 0x3FFFFFFF) / 2 : fc;
      guint32 first, last;

      /* Pieces are in order; a piece that goes back is a damaged table. */
      if (cp_start != cp || cp_end < cp_start)
        return NULL;
      cp = cp_end;
      first = MAX (cp_start, from) - cp_start;
      last = MIN (cp_end, to);
      if (last <= cp_start + first)
        continue;
      last -= cp_start;
      if (offset + (guint64) last * (compressed ? 1 : 2) > doc_length)
        return NULL;
      for (guint32 k = first; k < last; k++)
        {
          Char ch = { 0, (guint32) (offset + (compressed ? k : 2 * (guint64) k)) };

          if (compressed)
            {
              guint8 byte = doc[ch.fc];

              ch.c = byte >= 0x80 && byte < 0xA0 ? cp1252_high[byte - 0x80] : byte;
              if (ch.c == 0)
                ch.c = 0xFFFD;
            }
          else
            ch.c = _byline_le16 (doc + ch.fc);
          /* Surrogates alone are not characters; pairs are rare in a story. */
          if (ch.c >= 0xD800 && ch.c <= 0xDFFF)
            ch.c = 0xFFFD;
          g_array_append_val (text, ch);
        }
    }
  return g_steal_pointer (&text);
}

/* What the reader needs of the file besides a story's text: its pictures
 * and where to write them, its text boxes. */
typedef struct
{
  GBytes            *data;      /* the Data stream, or NULL */
  GBytes            *doc;       /* the WordDocument stream */
  BylineDocDrawing  *drawing;   /* the floating shapes */
  BylineOfficeMedia *media;
  GArray            *box_text;  /* Char: the text boxes' story, or NULL */
  GHashTable        *boxes_read; /* which text boxes are read: each once */
} Document;

/* A field: { instruction \x14 result }, as it is being read. */
typedef struct
{
  gboolean  instruction;   /* still in its instruction */
  GString  *text;          /* the instruction */
  gboolean  link;          /* it opened the paragraph's <a> */
  gboolean  shapes;        /* its result anchors shapes that were read */
} Field;

/* The paragraphs as they are being read: the one being written, the run of
 * characters written alike not yet added to it, the open fields. */
typedef struct
{
  BylineDocProps   *props;
  Document         *document;
  gboolean          in_box;   /* reading a text box: no shapes anchored in it */
  GPtrArray        *paras;
  BylineOfficePara *para;
  GString          *run;
  BylineVnLegacy    legacy;   /* the run's */
  gboolean          bold;
  gboolean          italic;
  Field             fields[MAX_FIELD_DEPTH];
  int               depth;    /* may pass MAX_FIELD_DEPTH: those are not kept */
  gboolean          in_link;  /* the paragraph's HTML has an <a> open */
  guint             n_pictures; /* met so far, for naming one left out */
  GPtrArray        *boxes;    /* BylineDocShape*: text boxes anchored in the paragraph */
  BylineOfficeTables cells;   /* where the paragraph sits in a table */
  const Char       *chars;    /* the story being read */
  guint             n_chars;
  guint             row_look; /* where the look for the next row's end starts */
} Reader;

static void read_story (Reader     *r,
                        const Char *chars,
                        guint       n_chars);

static void
reader_init (Reader         *r,
             BylineDocProps *props,
             Document       *document,
             gboolean        in_box,
             GPtrArray      *paras)
{
  *r = (Reader) { props, document, in_box, paras, _byline_office_para_new (), g_string_new (NULL),
                  BYLINE_VN_LEGACY_NONE, FALSE, FALSE, { { 0 } }, 0, FALSE, 0, g_ptr_array_new () };
}

static void
reader_clear (Reader *r)
{
  for (int d = 0; d < r->depth && d < MAX_FIELD_DEPTH; d++)
    if (r->fields[d].text != NULL)
      g_string_free (r->fields[d].text, TRUE);
  _byline_office_para_free (r->para);
  g_string_free (r->run, TRUE);
  g_ptr_array_unref (r->boxes);
}

/* The paragraphs of the text box @shape, after those read, unless it has
 * been read: the same box anchored twice, or a damaged file's shapes all
 * naming one, is read once. */
static void
read_box (Reader               *r,
          const BylineDocShape *shape)
{
  Document *document = r->document;
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_office_para_free);
  Reader box;
  guint32 start, end;
  guint index;

  if (document->box_text == NULL || !_byline_doc_drawing_text_box (document->drawing, shape, &index, &start, &end)
      || end > document->box_text->len || g_hash_table_contains (document->boxes_read, GUINT_TO_POINTER (index)))
    return;
  g_hash_table_add (document->boxes_read, GUINT_TO_POINTER (index));
  reader_init (&box, r->props, document, TRUE, paras);
  box.n_pictures = r->n_pictures;
  read_story (&box, &g_array_index (document->box_text, Char, start), end - start);
  r->n_pictures = box.n_pictures;
  reader_clear (&box);
  /* A captioned frame (LibreOffice's, saved as .doc): its picture and
   * caption in the box. */
  _byline_office_add_box (r->paras, paras);
}

static void
flush (Reader *r)
{
  if (r->run->len == 0)
    return;
  /* TCVN3's ư is Word's optional hyphen; elsewhere that is nothing. */
  if (!BYLINE_VN_LEGACY_SOFT_HYPHEN_IS_LETTER (r->legacy))
    g_string_replace (r->run, "\u00AD", "", 0);
  _byline_office_para_add_text_in (r->para, r->run->str, r->bold, r->italic, r->legacy);
  g_string_truncate (r->run, 0);
}

/* Whether what comes is in an instruction, of the innermost field or of
 * one around it (those below @depth). */
static gboolean
in_instruction (Reader *r,
                int     depth)
{
  for (int d = 0; d < depth && d < MAX_FIELD_DEPTH; d++)
    if (r->fields[d].instruction)
      return TRUE;
  return FALSE;
}

static void
close_link (Reader *r)
{
  flush (r);
  g_string_append (r->para->html, "</a>");
  r->in_link = FALSE;
}

static void
field_begin (Reader *r)
{
  if (r->depth < MAX_FIELD_DEPTH)
    r->fields[r->depth] = (Field) { TRUE, g_string_new (NULL), FALSE, FALSE };
  r->depth++;
}

/* The instruction is over: a HYPERLINK's result is a link's text. */
static void
field_separate (Reader *r)
{
  Field *field;
  g_autofree char *target = NULL;
  g_autofree char *escaped = NULL;

  if (r->depth == 0 || r->depth > MAX_FIELD_DEPTH || !r->fields[r->depth - 1].instruction)
    return;
  field = &r->fields[r->depth - 1];
  field->instruction = FALSE;
  target = _byline_office_field_hyperlink (field->text->str);
  /* Links do not nest: an inner one would end the outer. */
  if (target == NULL || r->in_link || in_instruction (r, r->depth - 1))
    return;
  escaped = g_markup_escape_text (target, -1);
  flush (r);
  g_string_append_printf (r->para->html, "<a href=\"%s\">", escaped);
  field->link = r->in_link = TRUE;
}

static void
field_end (Reader *r)
{
  if (r->depth == 0)
    return;
  r->depth--;
  if (r->depth >= MAX_FIELD_DEPTH)
    return;
  if (r->fields[r->depth].link && r->in_link)
    close_link (r);
  /* "Hình { SEQ Hình }": a caption's number. */
  if (!r->fields[r->depth].instruction && !in_instruction (r, r->depth)
      && _byline_office_field_is_sequence (r->fields[r->depth].text->str))
    {
      flush (r);
      _byline_office_para_end_sequence (r->para);
    }
  g_string_free (g_steal_pointer (&r->fields[r->depth].text), TRUE);
}

static void
end_paragraph (Reader *r)
{
  flush (r);
  /* A paragraph's HTML closes what it opens. */
  if (r->in_link)
    {
      close_link (r);
      for (int d = 0; d < r->depth && d < MAX_FIELD_DEPTH; d++)
        r->fields[d].link = FALSE;
    }
  BylineOfficePara *para = r->para;
  guint first;

  g_ptr_array_add (r->paras, para);
  r->para = _byline_office_para_new ();
  /* The text boxes anchored in it (a sidebar, a quote set apart) after it;
   * in a table's cell, that cell's (its table lays the page out). */
  first = r->paras->len;
  for (guint i = 0; i < r->boxes->len; i++)
    read_box (r, r->boxes->pdata[i]);
  g_ptr_array_set_size (r->boxes, 0);
  for (guint i = first; i < r->paras->len; i++)
    {
      BylineOfficePara *box = r->paras->pdata[i];

      box->table = para->table;
      box->row = para->row;
      box->cell = para->cell;
      box->merge = para->merge;
      box->continued = para->continued;
    }
}

/* The cells of the row the character @at is in, how they are merged: its
 * end's paragraph says, after them (its TAP, byline-doc-props.c), so it is
 * looked for ahead, once a row.  Each character is looked at once: the
 * next row's look starts past this row's end, and a table with no row's
 * end (a damaged file) is looked through once. */
static void
define_row (Reader *r,
            guint   at)
{
  const BylineOfficeCellDef *cells = NULL;
  guint n = 0;

  if (at < r->row_look)
    return;
  r->row_look = r->n_chars;
  for (guint i = at; i < r->n_chars; i++)
    {
      gboolean row_end = FALSE;

      if (r->chars[i].c == 0x07 && _byline_doc_props_paragraph_in_table (r->props, r->chars[i].fc, &row_end)
          && row_end)
        {
          n = _byline_doc_props_row_cells (r->props, r->chars[i].fc, &cells);
          r->row_look = i + 1;
          break;
        }
    }
  _byline_office_tables_define_row (&r->cells, cells, n);
}

/* A paragraph mark @c, the story's character @at: the paragraph ends,
 * marked with its place in a table.  Cells end with 0x07, and so do rows,
 * whose mark's paragraph is the row's end (TTP); an inner table's cells
 * end with paragraph marks, so its paragraphs are its outer cell's. */
static void
end_paragraph_at (Reader *r,
                  guint   at)
{
  gunichar c = r->chars[at].c;
  guint32 fc = r->chars[at].fc;
  gboolean row_end = FALSE;
  gboolean in_table = _byline_doc_props_paragraph_in_table (r->props, fc, &row_end);

  if (c == 0x07 || in_table)
    define_row (r, at);
  _byline_office_tables_mark_flat (&r->cells, r->para, c == 0x07 || in_table);
  end_paragraph (r);
  _byline_office_tables_next_flat (&r->cells, c == 0x07, c == 0x07 && row_end);
}

/* A picture of the text that is no photo Byline takes (a WMF, an EMF, a
 * chart) or is damaged: named by its place among the pictures. */
static void
left_out (Reader *r)
{
  g_autofree char *label = g_strdup_printf (_("picture %u"), r->n_pictures);

  _byline_office_para_add_left_out (r->para, label, NULL, NULL);
}

/* The inline picture the character at @fc stands for. */
static void
add_picture (Reader  *r,
             guint32  fc)
{
  BylineDocChar chp;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *key = NULL;
  const char *extension = NULL;
  const char *name;

  /* { SHAPE } shows a shape anchored in its result, then the same shape
   * drawn as a picture, for readers older than Word 97: read once. */
  if (r->depth > 0 && r->depth <= MAX_FIELD_DEPTH && r->fields[r->depth - 1].shapes)
    return;
  flush (r);
  _byline_doc_props_at (r->props, fc, TRUE, &chp);
  r->n_pictures++;
  image = _byline_doc_picture (r->document->data, r->document->doc, chp.picture, &extension);
  if (image == NULL)
    {
      left_out (r);
      return;
    }
  key = g_strdup_printf ("data:%" G_GINT64_FORMAT, chp.picture);
  name = _byline_office_media_add_bytes (r->document->media, key, image, extension);
  if (name != NULL)
    _byline_office_para_add_picture (r->para, name, NULL, NULL);
}

/* A floating picture, or one of a group: after its paragraph's text, as
 * every picture of a paragraph. */
static void
add_floating_picture (Reader               *r,
                      const BylineDocShape *shape)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *key = NULL;
  g_autofree char *alt = NULL;
  const char *extension = NULL;
  const char *name;
  guint entry = 0;

  r->n_pictures++;
  image = _byline_doc_drawing_picture (r->document->drawing, shape, &extension, &entry, &alt);
  if (image == NULL)
    {
      left_out (r);
      return;
    }
  key = g_strdup_printf ("store:%u", entry);
  name = _byline_office_media_add_bytes (r->document->media, key, image, extension);
  if (name != NULL)
    _byline_office_para_add_picture (r->para, name, alt, NULL);
}

/* The shapes anchored at @cp: pictures, a group's each, text boxes read
 * after the paragraph.  Shapes anchored in a text box are not its own
 * (their CPs are the main text's): not read. */
static void
add_shapes (Reader  *r,
            guint32  cp)
{
  GPtrArray *shapes;

  if (r->in_box || (shapes = _byline_doc_drawing_shapes (r->document->drawing, cp)) == NULL)
    return;
  if (shapes->len > 0 && r->depth > 0 && r->depth <= MAX_FIELD_DEPTH)
    r->fields[r->depth - 1].shapes = TRUE;
  for (guint i = 0; i < shapes->len; i++)
    if (_byline_doc_shape_is_picture (shapes->pdata[i]))
      add_floating_picture (r, shapes->pdata[i]);
    else
      g_ptr_array_add (r->boxes, shapes->pdata[i]);
}

/* Whether the character stored at @fc was deleted by a tracked change or
 * is hidden. */
static gboolean
is_left_out (Reader  *r,
             guint32  fc)
{
  BylineDocChar chp;

  _byline_doc_props_at (r->props, fc, FALSE, &chp);
  return chp.deleted || chp.hidden;
}

/* @c, stored at @fc, in its font, bold and italics. */
static void
add_char (Reader   *r,
          gunichar  c,
          guint32   fc)
{
  static const BylineOfficeList lists[] = {
    BYLINE_OFFICE_NO_LIST, BYLINE_OFFICE_BULLETED, BYLINE_OFFICE_NUMBERED,
  };
  BylineDocChar chp;
  BylineVnLegacy legacy;

  /* The paragraph's style and list, from its first character. */
  if (r->para->n_chars == 0 && r->run->len == 0)
    {
      r->para->style = _byline_office_style_from_name (_byline_doc_props_paragraph_style (r->props, fc));
      r->para->list = lists[_byline_doc_props_paragraph_list (r->props, fc)];
    }
  _byline_doc_props_at (r->props, fc, r->para->style == BYLINE_OFFICE_NORMAL, &chp);
  legacy = _byline_vn_legacy_for_font (_byline_doc_props_font_name (r->props, chp.font));
  if (legacy != r->legacy || (chp.bold == 1) != r->bold || (chp.italic == 1) != r->italic)
    {
      flush (r);
      r->legacy = legacy;
      r->bold = chp.bold == 1;
      r->italic = chp.italic == 1;
    }
  g_string_append_unichar (r->run, c);
}

/* The paragraphs of a story's @chars (the main text's, a text box's), added
 * to the reader's: fields' instructions left out, Word's special
 * characters made text or dropped, each character in its font.  The
 * character at @chars[i] is at CP i: stories but the main text have no
 * shapes. */
static void
read_story (Reader     *r,
            const Char *chars,
            guint       n_chars)
{
  r->chars = chars;
  r->n_chars = n_chars;
  r->row_look = 0;
  for (guint i = 0; i < n_chars; i++)
    {
      const Char *ch = &chars[i];
      gunichar c = ch->c;

      switch (c)
        {
        case 0x13:   /* a field begins: its instruction */
          field_begin (r);
          continue;
        case 0x14:   /* its result */
          field_separate (r);
          continue;
        case 0x15:   /* it ends */
          field_end (r);
          continue;
        default:
          break;
        }
      if (in_instruction (r, r->depth))
        {
          /* The innermost field's own instruction: what it is. */
          if (r->depth <= MAX_FIELD_DEPTH && r->fields[r->depth - 1].instruction && c >= 0x20)
            g_string_append_unichar (r->fields[r->depth - 1].text, c);
          continue;
        }
      /* What a tracked change deleted, and hidden text, are not the
       * story's; a paragraph mark deleted joins its paragraph to the next. */
      if (is_left_out (r, ch->fc))
        continue;

      switch (c)
        {
        case 0x0D:   /* paragraph */
        case 0x07:   /* table cell, row */
        case 0x0C:   /* page or section break */
        case 0x0E:   /* column break */
          end_paragraph_at (r, i);
          break;
        case 0x0B:   /* line break */
          flush (r);
          g_string_append (r->para->html, "<br>");
          break;
        case 0x01:   /* an inline picture */
          add_picture (r, ch->fc);
          break;
        case 0x08:   /* a floating shape's anchor: the text's CP */
          add_shapes (r, i);
          break;
        case 0x09:
          add_char (r, ' ', ch->fc);
          break;
        case 0x1E:   /* non-breaking hyphen */
          add_char (r, '-', ch->fc);
          break;
        case 0x1F:   /* optional hyphen: TCVN3's ư, else nothing (flush) */
          add_char (r, 0xAD, ch->fc);
          break;
        default:
          /* Notes' anchors, the other controls: dropped. */
          if (c >= 0x20 && c != 0xFFFD)
            add_char (r, c, ch->fc);
          break;
        }
    }
  /* The story's last paragraph, if its mark is not there. */
  if (r->para->html->len > 0 || r->run->len > 0 || r->para->pictures->len > 0 || r->boxes->len > 0)
    end_paragraph (r);
}

/* The paragraphs of the main text @text, the text boxes' after those they
 * are anchored in. */
static GPtrArray *
read_paragraphs (GArray         *text,
                 BylineDocProps *props,
                 Document       *document)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_office_para_free);
  Reader r;

  reader_init (&r, props, document, FALSE, paras);
  read_story (&r, (const Char *) text->data, text->len);
  reader_clear (&r);
  return paras;
}

/* The text boxes' story, the CPs after the main text, the footnotes, the
 * headers, the comments and the endnotes ([MS-DOC] 2.3.1; @lw: FibRgLw97's
 * longs, NULL when it is too short), or NULL when there is none or it
 * cannot be read. */
static GArray *
read_box_text (const guint8 *doc,
               gsize         doc_length,
               const guint8 *clx,
               gsize         clx_length,
               const guint8 *lw)
{
  static const guint before[] = { LW_CCP_TEXT, LW_CCP_FTN, LW_CCP_HDD, LW_CCP_ATN, LW_CCP_EDN };
  guint64 start = 0;
  guint32 length;

  if (lw == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    start += _byline_le32 (lw + before[i] * 4);
  length = _byline_le32 (lw + LW_CCP_TXBX * 4);
  if (length == 0 || length > MAX_TEXT || start + length > G_MAXUINT32)
    return NULL;
  return read_text (doc, doc_length, clx, clx_length, (guint32) start, (guint32) (start + length));
}

BylineArticle *
_byline_doc_import (GBytes      *bytes,
                    const char  *display,
                    GError     **error)
{
  g_autoptr(BylineCfb) cfb = NULL;
  g_autoptr(GBytes) doc_bytes = NULL;
  g_autoptr(GBytes) table_bytes = NULL;
  g_autoptr(GArray) text = NULL;
  g_autoptr(GArray) box_text = NULL;
  g_autoptr(BylineDocProps) props = NULL;
  g_autoptr(BylineDocDrawing) drawing = NULL;
  g_autoptr(GBytes) data_bytes = NULL;
  g_autoptr(GPtrArray) paras = NULL;
  g_autoptr(BylineOfficeMedia) media = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *doc, *table;
  gsize doc_length, table_length;
  guint16 flags;
  guint32 n_chars, fc_clx, lcb_clx;
  gsize at, n_lw, lw, pairs;
  guint n_pairs;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  cfb = _byline_cfb_open (bytes, display, error);
  if (cfb == NULL)
    return NULL;
  doc_bytes = _byline_cfb_read (cfb, "WordDocument", &local_error);
  if (doc_bytes == NULL)
    {
      if (!g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Excel's and PowerPoint's old files are compound files too. */
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is an Office file of the old kind but not a Word document"), display);
      return NULL;
    }
  doc = g_bytes_get_data (doc_bytes, &doc_length);

  /* The FIB: FibBase (32 bytes), then counted arrays of shorts, longs and
   * (offset, length) pairs. */
  if (doc_length < 34 || _byline_le16 (doc) != FIB_IDENT)
    return _byline_cfb_damaged (error, display);
  if (_byline_le16 (doc + 2) < FIB_WORD97)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s was saved by a Word older than Word 97, which Byline does not read: open it in "
                     "Word or LibreOffice and save it as a Word document (.docx)"), display);
      return NULL;
    }
  flags = _byline_le16 (doc + 10);
  if (flags & FLAG_ENCRYPTED)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is protected by a password: open it in Word or LibreOffice and save it without one"),
                   display);
      return NULL;
    }
  at = 32;
  at += 2 + (gsize) _byline_le16 (doc + at) * 2;                     /* fibRgW */
  if (at + 2 > doc_length)
    return _byline_cfb_damaged (error, display);
  n_lw = _byline_le16 (doc + at);
  at += 2;
  if (n_lw < 4 || at + n_lw * 4 + 2 > doc_length)
    return _byline_cfb_damaged (error, display);
  lw = at;
  n_chars = _byline_le32 (doc + at + 3 * 4);                          /* ccpText */
  /* Then the lengths of the other stories, up to the text boxes'. */
  if (n_lw < LW_CCP_TXBX + 1)
    lw = 0;
  at += n_lw * 4;
  if (_byline_le16 (doc + at) < 34 || at + 2 + 34 * 8 > doc_length)  /* fcClx is the 34th pair */
    return _byline_cfb_damaged (error, display);
  n_pairs = _byline_le16 (doc + at);
  at += 2;
  if (at + (gsize) n_pairs * 8 > doc_length)
    return _byline_cfb_damaged (error, display);
  pairs = at;
  fc_clx = _byline_le32 (doc + at + 33 * 8);
  lcb_clx = _byline_le32 (doc + at + 33 * 8 + 4);

  /* Without its table stream the text cannot be found: damaged. */
  table_bytes = _byline_cfb_read (cfb, flags & FLAG_TABLE1 ? "1Table" : "0Table", NULL);
  if (table_bytes == NULL)
    return _byline_cfb_damaged (error, display);
  table = g_bytes_get_data (table_bytes, &table_length);
  if (n_chars > MAX_TEXT || (guint64) fc_clx + lcb_clx > table_length)
    return _byline_cfb_damaged (error, display);
  text = read_text (doc, doc_length, table + fc_clx, lcb_clx, 0, n_chars);
  if (text == NULL)
    return _byline_cfb_damaged (error, display);

  props = _byline_doc_props_new (doc, doc_length, table, table_length, doc + pairs, n_pairs);
  media = _byline_office_media_new (NULL, display);
  data_bytes = _byline_cfb_read (cfb, "Data", NULL);
  drawing = _byline_doc_drawing_new (table_bytes, doc_bytes, doc + pairs, n_pairs);
  box_text = read_box_text (doc, doc_length, table + fc_clx, lcb_clx, lw != 0 ? doc + lw : NULL);
  {
    g_autoptr(GHashTable) boxes_read = g_hash_table_new (g_direct_hash, g_direct_equal);
    Document document = { data_bytes, doc_bytes, drawing, media, box_text, boxes_read };

    paras = read_paragraphs (text, props, &document);
  }
  return _byline_office_import (paras, media, display, error);
}
