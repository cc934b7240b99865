/* byline-rtf.c — a story saved as Rich Text (.rtf)
 *
 * WordPad saves a story as Rich Text, and Word and LibreOffice can; some
 * newsrooms' systems export it.  The file is text: groups in braces,
 * control words, text in a code page (byline-rtf-lexer.c).  A group is a
 * destination (where its text goes: the story, a table, a field's
 * instruction, a picture's data, nowhere) and carries the character
 * formatting of the group around it, changed inside it.
 *
 * What is read: the story's paragraphs (\par; a small data table's rows each
 * one, cells joined, a cell merged down the rows in each, as its row's
 * definition says, other tables' cells each one, byline-office-table.c;
 * a \line a line break), bold and italics (not a heading's bold, which is
 * its style's look), each paragraph's style by its name in the stylesheet
 * (byline-rtf-tables.c), lists (\ls, or the old \pn; bulleted unless the
 * list table says a number), the text's code page (\ansicpg, a font's
 * \fcharset: 163 is Windows-1258, Vietnamese) and Unicode (\u, its
 * fallback skipped), text in a font of the old codes (.VnTime, VNI-Times)
 * passed on as it is stored for the import to read, fields' results
 * (HYPERLINK a link, SEQ a caption's number), photos (a \pict of a JPEG
 * or PNG, the first of \shppict and \nonshppict, or a shape's picture).
 * What is not: headers, footers, footnotes, comments, the document's
 * information, hidden text and what a tracked change deleted; pictures
 * that are no photo (WMF, EMF) are named as left out.  Then
 * byline-office.c makes the story, as for the other documents.
 *
 * A damaged or cut file gives what could be read: groups nested too deep
 * are skipped, a table's entries and a picture's bytes have bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-rtf-private.h"
#include "byline-rtf-reader-private.h"

#define MAX_UC           16
#define DEFAULT_CODEPAGE 1252

gboolean
_byline_rtf_sniff (GBytes *bytes)
{
  gsize length, at = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    at = 3;
  while (at < length && g_ascii_isspace (data[at]))
    at++;
  return length - at >= 5 && memcmp (data + at, "{\\rtf", 5) == 0;
}

/* ------------------------------------------------------- destinations */

typedef struct
{
  const char  *word;
  Destination  dest;
} Known;

/* The destinations read, or read for what is in them; the others a \*
 * marks are skipped, as are these. */
static const Known known[] = {
  { "fonttbl", DEST_FONTTBL }, { "stylesheet", DEST_STYLESHEET },
  { "listtable", DEST_LISTTABLE }, { "listoverridetable", DEST_OVERRIDES },
  { "fldinst", DEST_FLDINST }, { "pict", DEST_PICT }, { "pn", DEST_PN },
  { "object", DEST_IGNORE }, { "upr", DEST_IGNORE }, { "shp", DEST_IGNORE }, { "shpinst", DEST_IGNORE },
  { "picprop", DEST_IGNORE },
  { "colortbl", DEST_SKIP }, { "info", DEST_SKIP }, { "header", DEST_SKIP }, { "headerl", DEST_SKIP },
  { "headerr", DEST_SKIP }, { "headerf", DEST_SKIP }, { "footer", DEST_SKIP }, { "footerl", DEST_SKIP },
  { "footerr", DEST_SKIP }, { "footerf", DEST_SKIP }, { "footnote", DEST_SKIP }, { "annotation", DEST_SKIP },
  { "atnid", DEST_SKIP }, { "atnauthor", DEST_SKIP }, { "pntext", DEST_SKIP }, { "listtext", DEST_SKIP },
  { "pntxta", DEST_SKIP }, { "pntxtb", DEST_SKIP }, { "nonshppict", DEST_SKIP }, { "shprslt", DEST_SKIP },
  { "txe", DEST_SKIP }, { "xe", DEST_SKIP }, { "tc", DEST_SKIP }, { "tcn", DEST_SKIP }, { "template", DEST_SKIP },
  { "revtbl", DEST_SKIP }, { "rxe", DEST_SKIP }, { "bkmkstart", DEST_SKIP }, { "bkmkend", DEST_SKIP },
  { "ftnsep", DEST_SKIP }, { "ftnsepc", DEST_SKIP }, { "aftnsep", DEST_SKIP }, { "aftnsepc", DEST_SKIP },
  { "objdata", DEST_SKIP }, { "themedata", DEST_SKIP }, { "datastore", DEST_SKIP },
  { "colorschememapping", DEST_SKIP }, { "latentstyles", DEST_SKIP }, { "xmlnstbl", DEST_SKIP },
  { "rsidtbl", DEST_SKIP }, { "generator", DEST_SKIP }, { "pgdsctbl", DEST_SKIP }, { "userprops", DEST_SKIP },
  { "filetbl", DEST_SKIP }, { "listpicture", DEST_SKIP }, { "blipuid", DEST_SKIP }, { "mmathPr", DEST_SKIP },
};

/* A word that begins a destination, or begins reading the story again in
 * one whose text is ignored: TRUE when @word is one. */
static gboolean
begin_destination (Reader     *r,
                   const char *word)
{
  State *s = _byline_rtf_state (r);
  Destination outer = s->dest == DEST_IGNORE ? s->outer : s->dest;

  if (strcmp (word, "field") == 0)
    {
      _byline_rtf_field_begin (r);
      s->field = TRUE;
      return TRUE;
    }
  if (strcmp (word, "fldrslt") == 0)
    {
      if (s->dest == DEST_TEXT)
        _byline_rtf_field_result (r);
      return TRUE;
    }
  /* What a \shp's, an \object's, a \upr's group holds that is the story:
   * the text box's text, the object's picture, the Unicode text. */
  if (strcmp (word, "shptxt") == 0 || strcmp (word, "result") == 0 || strcmp (word, "ud") == 0
      || strcmp (word, "shppict") == 0)
    {
      s->dest = outer;
      return TRUE;
    }
  if (strcmp (word, "sp") == 0)
    {
      g_string_truncate (r->sn, 0);
      return TRUE;
    }
  if (strcmp (word, "sn") == 0)
    {
      s->dest = DEST_SN;
      return TRUE;
    }
  if (strcmp (word, "sv") == 0)
    {
      /* A shape's picture, its description; no other property. */
      if (g_str_equal (r->sn->str, "pib") || g_str_equal (r->sn->str, "fillBlip"))
        s->dest = DEST_IGNORE;
      else if (g_str_equal (r->sn->str, "wzDescription"))
        s->dest = DEST_SV_ALT;
      else
        s->dest = DEST_SKIP;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (word, known[i].word) == 0)
      {
        Destination dest = known[i].dest;

        /* One picture at a time; what is in a picture is no picture. */
        if (dest == DEST_PICT && r->in_picture)
          dest = DEST_SKIP;
        s->outer = outer;
        s->dest = dest;
        s->starts = TRUE;
        if (dest == DEST_PICT)
          _byline_rtf_picture_begin (r);
        if (strcmp (word, "shp") == 0)
          s->shape = (int) r->shape_pictures->len;
        return TRUE;
      }
  return FALSE;
}

static void
group_open (Reader *r)
{
  State *s;

  if (r->depth == BYLINE_RTF_MAX_DEPTH || r->overflow > 0)
    {
      r->overflow++;
      return;
    }
  if (r->depth == 0)
    r->states[0] = (State) { DEST_TEXT, DEST_TEXT, FALSE, FALSE, -1, FALSE, FALSE, FALSE, FALSE, -1, 1 };
  else
    {
      r->states[r->depth] = r->states[r->depth - 1];
      r->states[r->depth].starts = FALSE;
      r->states[r->depth].field = FALSE;
      r->states[r->depth].shape = -1;
    }
  r->depth++;
  s = _byline_rtf_state (r);

  /* A table's entry is its group. */
  switch (s->dest)
    {
    case DEST_STYLESHEET:
      g_clear_pointer (&r->style, _byline_rtf_style_free);
      r->style = _byline_rtf_style_new ();
      r->style_number = 0;
      s->dest = DEST_STYLE;
      s->starts = TRUE;
      break;
    case DEST_LISTTABLE:
      g_clear_pointer (&r->list, g_free);
      r->list = g_new0 (BylineRtfList, 1);
      s->dest = DEST_LIST;
      s->starts = TRUE;
      break;
    case DEST_LIST:
      if (r->list != NULL && r->list->n_levels < BYLINE_RTF_MAX_LEVELS)
        r->list->nfc[r->list->n_levels++] = 0;
      s->dest = DEST_LISTLEVEL;
      break;
    case DEST_OVERRIDES:
      r->override_ls = r->override_id = 0;
      s->dest = DEST_OVERRIDE;
      s->starts = TRUE;
      break;
    default:
      break;
    }
}

/* The group @s has closed (@whole), or the file ended in it. */
static void
group_end (Reader   *r,
           State    *s,
           gboolean  whole)
{
  if (s->field)
    _byline_rtf_field_end (r);
  if (s->shape >= 0)
    _byline_rtf_shape_end (r, (guint) s->shape);
  if (!s->starts)
    return;
  switch (s->dest)
    {
    case DEST_PICT:
      _byline_rtf_picture_end (r, whole);
      break;
    case DEST_STYLE:
      if (r->style != NULL && !r->style->named)
        _byline_rtf_style_named (r->style);
      if (r->style != NULL)
        _byline_rtf_tables_add_style (&r->tables, r->style_number, g_steal_pointer (&r->style));
      break;
    case DEST_LIST:
      if (r->list != NULL)
        _byline_rtf_tables_add_list (&r->tables, g_steal_pointer (&r->list));
      break;
    case DEST_OVERRIDE:
      if (r->override_ls > 0)
        _byline_rtf_tables_add_override (&r->tables, r->override_ls, r->override_id);
      break;
    case DEST_FONTTBL:
      if (r->font != NULL && !r->font->named)
        _byline_rtf_font_named (r->font);
      r->font = NULL;
      break;
    default:
      break;
    }
}

static void
group_close (Reader *r)
{
  if (r->overflow > 0)
    {
      r->overflow--;
      return;
    }
  if (r->depth == 0)
    return;
  group_end (r, _byline_rtf_state (r), TRUE);
  r->depth--;
  if (r->depth == 0)
    r->done = TRUE;
}

/* ------------------------------------------------------ control words */

static gboolean
on (const BylineRtfToken *token)
{
  return !token->has_param || token->param != 0;
}

/* A word of a table's entry: TRUE when it was one. */
static gboolean
table_word (Reader               *r,
            const BylineRtfToken *token)
{
  State *s = _byline_rtf_state (r);
  const char *word = token->word;
  int param = token->has_param ? token->param : 0;

  switch (s->dest)
    {
    case DEST_FONTTBL:
      /* Entries in groups or not, the \fN begins one. */
      if (strcmp (word, "f") == 0)
        {
          if (r->font != NULL && !r->font->named)
            _byline_rtf_font_named (r->font);
          r->font = _byline_rtf_tables_add_font (&r->tables, param);
        }
      else if (strcmp (word, "fcharset") == 0 && r->font != NULL)
        r->font->charset = param;
      return TRUE;
    case DEST_STYLE:
      if (r->style == NULL)
        return TRUE;
      /* Without it, the entry is \s0's. */
      if (strcmp (word, "s") == 0)
        r->style_number = param;
      else if (strcmp (word, "b") == 0)
        r->style->bold = on (token);
      else if (strcmp (word, "i") == 0)
        r->style->italic = on (token);
      return TRUE;
    case DEST_LIST:
      if (strcmp (word, "listid") == 0 && r->list != NULL)
        r->list->id = param;
      return TRUE;
    case DEST_LISTLEVEL:
      if ((strcmp (word, "levelnfc") == 0 || strcmp (word, "levelnfcn") == 0)
          && r->list != NULL && r->list->n_levels > 0)
        r->list->nfc[r->list->n_levels - 1] = param;
      return TRUE;
    case DEST_OVERRIDE:
      if (strcmp (word, "listid") == 0)
        r->override_id = param;
      else if (strcmp (word, "ls") == 0)
        r->override_ls = param;
      return TRUE;
    case DEST_PN:
      if (strcmp (word, "pnlvlblt") == 0)
        r->para_pn = BYLINE_OFFICE_BULLETED;
      else if (strcmp (word, "pnlvlbody") == 0 || (g_str_has_prefix (word, "pnlvl") && token->has_param))
        r->para_pn = BYLINE_OFFICE_NUMBERED;
      return TRUE;
    case DEST_PICT:
      if (strcmp (word, "jpegblip") == 0 || strcmp (word, "pngblip") == 0)
        r->picture.photo = TRUE;
      else if (g_str_has_suffix (word, "blip") || strcmp (word, "wmetafile") == 0 || strcmp (word, "macpict") == 0
               || strcmp (word, "pmmetafile") == 0 || strcmp (word, "dibitmap") == 0
               || strcmp (word, "wbitmap") == 0)
        r->picture.photo = FALSE;
      return TRUE;
    case DEST_TEXT:
    case DEST_IGNORE:
    case DEST_FLDINST:
    case DEST_SN:
    case DEST_SV_ALT:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Characters a word stands for. */
static gunichar
word_char (const char *word)
{
  static const struct { const char *word; gunichar c; } chars[] = {
    { "emdash", 0x2014 }, { "endash", 0x2013 }, { "bullet", 0x2022 }, { "lquote", 0x2018 },
    { "rquote", 0x2019 }, { "ldblquote", 0x201C }, { "rdblquote", 0x201D }, { "emspace", 0x2003 },
    { "enspace", 0x2002 }, { "qmspace", 0x2005 }, { "zwj", 0x200D }, { "zwnj", 0x200C },
    { "tab", ' ' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    if (strcmp (word, chars[i].word) == 0)
      return chars[i].c;
  return 0;
}

static void
plain (Reader *r)
{
  State *s = _byline_rtf_state (r);

  s->bold = s->italic = s->hidden = s->deleted = FALSE;
  s->font = -1;
}

/* A table has no beginning or end of its own: its paragraphs are \intbl,
 * each cell ends with \cell, each row with \row.  An inner table's
 * (\itap2, \nestcell, \nestrow) are its outer cell's. */
static void
end_paragraph (Reader     *r,
               const char *word)
{
  gboolean cell = strcmp (word, "cell") == 0, row = strcmp (word, "row") == 0;
  gboolean nested = strcmp (word, "nestcell") == 0 || strcmp (word, "nestrow") == 0;

  _byline_office_tables_mark_flat (&r->cells, r->para, cell || row || nested || r->para_in_table);
  _byline_rtf_end_paragraph (r);
  _byline_office_tables_next_flat (&r->cells, cell, row);
}

/* A word of a row's definition: TRUE when it was one.  \trowd begins it;
 * each cell's words end with its \cellxN, its right edge, which is where
 * its column is: cells merged down the rows (\clvmgf, the first; \clvmrg,
 * each under it) have the same.  \clmrg merges a cell into the one before
 * it (\clmgf); LibreOffice and Word write one wide cell instead. */
static gboolean
row_definition (Reader     *r,
                const char *word,
                int         param)
{
  if (strcmp (word, "trowd") == 0)
    {
      _byline_office_tables_define_row (&r->cells, NULL, 0);
      r->cell_merge = BYLINE_OFFICE_CELL_ALONE;
    }
  else if (strcmp (word, "clvmgf") == 0 && r->cell_merge == BYLINE_OFFICE_CELL_ALONE)
    r->cell_merge = BYLINE_OFFICE_CELL_FIRST;
  else if (strcmp (word, "clvmrg") == 0 && r->cell_merge != BYLINE_OFFICE_CELL_COVERED)
    r->cell_merge = BYLINE_OFFICE_CELL_CONTINUED;
  else if (strcmp (word, "clmrg") == 0)
    r->cell_merge = BYLINE_OFFICE_CELL_COVERED;
  else if (strcmp (word, "cellx") == 0)
    {
      _byline_office_tables_define_cell (&r->cells, r->cell_merge, param);
      r->cell_merge = BYLINE_OFFICE_CELL_ALONE;
    }
  else
    return FALSE;
  return TRUE;
}

static void
control_word (Reader               *r,
              const BylineRtfToken *token)
{
  State *s = _byline_rtf_state (r);
  const char *word = token->word;
  int param = token->has_param ? token->param : 0;
  gunichar c;

  if (table_word (r, token))
    return;
  if (strcmp (word, "u") == 0 && token->has_param)
    {
      _byline_rtf_add_unichar (r, param < 0 ? (gunichar) (param + 65536) : (gunichar) param);
      r->skip = (guint) s->uc;
    }
  else if (strcmp (word, "uc") == 0)
    s->uc = CLAMP (param, 0, MAX_UC);
  else if (strcmp (word, "b") == 0)
    s->bold = on (token);
  else if (strcmp (word, "i") == 0)
    s->italic = on (token);
  else if (strcmp (word, "v") == 0)
    s->hidden = on (token);
  else if (strcmp (word, "deleted") == 0)
    s->deleted = on (token);
  else if (strcmp (word, "plain") == 0)
    plain (r);
  else if (strcmp (word, "f") == 0)
    s->font = MAX (param, 0);
  else if (strcmp (word, "pard") == 0)
    {
      r->para_style = r->para_ls = r->para_level = 0;
      r->para_pn = BYLINE_OFFICE_NO_LIST;
      r->para_in_table = FALSE;
    }
  else if (row_definition (r, word, param))
    return;
  else if (strcmp (word, "intbl") == 0)
    r->para_in_table = TRUE;
  else if (strcmp (word, "itap") == 0)
    r->para_in_table = param > 0;
  else if (strcmp (word, "s") == 0)
    r->para_style = param;
  else if (strcmp (word, "ls") == 0)
    r->para_ls = param;
  else if (strcmp (word, "ilvl") == 0)
    r->para_level = param;
  else if (strcmp (word, "ansicpg") == 0 && param > 0)
    r->codepage = param;
  else if (strcmp (word, "deff") == 0)
    r->deff = param;
  else if (s->dest != DEST_TEXT)
    return;
  /* What only the story's text has. */
  else if (strcmp (word, "par") == 0 || strcmp (word, "cell") == 0 || strcmp (word, "nestcell") == 0
           || strcmp (word, "row") == 0 || strcmp (word, "nestrow") == 0 || strcmp (word, "page") == 0
           || strcmp (word, "sect") == 0 || strcmp (word, "column") == 0)
    {
      /* A paragraph mark deleted or hidden joins its paragraph to the next. */
      if (!s->hidden && !s->deleted)
        end_paragraph (r, word);
    }
  else if (strcmp (word, "line") == 0)
    _byline_rtf_add_line_break (r);
  else if ((c = word_char (word)) != 0)
    _byline_rtf_add_unichar (r, c);
}

static void
control_symbol (Reader *r,
                char    symbol)
{
  switch (symbol)
    {
    case '\\':
    case '{':
    case '}':
      _byline_rtf_add_bytes (r, (const guint8 *) &symbol, 1);
      break;
    case '~':
      _byline_rtf_add_unichar (r, 0x00A0);
      break;
    case '-':
      _byline_rtf_add_unichar (r, 0x00AD);
      break;
    case '_':
      _byline_rtf_add_unichar (r, '-');
      break;
    default:
      break;
    }
}

/* ------------------------------------------------------------ reading */

/* After a \u, its fallback: so many bytes, symbols or words; a group's
 * brace ends it.  TRUE when @token is all skipped. */
static gboolean
skip_fallback (Reader         *r,
               BylineRtfToken *token)
{
  gsize n;

  if (r->skip == 0)
    return FALSE;
  switch (token->kind)
    {
    case BYLINE_RTF_OPEN:
    case BYLINE_RTF_CLOSE:
    case BYLINE_RTF_END:
      r->skip = 0;
      return FALSE;
    case BYLINE_RTF_TEXT:
      n = MIN (r->skip, token->length);
      r->skip -= n;
      token->data += n;
      token->length -= n;
      return token->length == 0;
    default:
      r->skip--;
      return TRUE;
    }
}

static void
read_token (Reader         *r,
            BylineRtfToken *token)
{
  gboolean star = r->star;

  if (skip_fallback (r, token))
    return;
  if (token->kind != BYLINE_RTF_TEXT && token->kind != BYLINE_RTF_BYTE)
    _byline_rtf_flush_bytes (r);
  r->star = FALSE;

  if (token->kind == BYLINE_RTF_OPEN)
    {
      group_open (r);
      return;
    }
  if (token->kind == BYLINE_RTF_CLOSE)
    {
      group_close (r);
      return;
    }
  if (r->depth == 0 || r->overflow > 0 || _byline_rtf_state (r)->dest == DEST_SKIP)
    return;

  switch (token->kind)
    {
    case BYLINE_RTF_WORD:
      if (begin_destination (r, token->word))
        break;
      /* \*: a destination a reader that does not know it skips. */
      if (star)
        _byline_rtf_state (r)->dest = DEST_SKIP;
      else
        control_word (r, token);
      break;
    case BYLINE_RTF_SYMBOL:
      if (token->word[0] == '*')
        r->star = TRUE;
      else
        control_symbol (r, token->word[0]);
      break;
    case BYLINE_RTF_BYTE:
      if (_byline_rtf_state (r)->dest != DEST_PICT)
        _byline_rtf_add_bytes (r, &token->byte, 1);
      break;
    case BYLINE_RTF_TEXT:
      if (_byline_rtf_state (r)->dest == DEST_PICT)
        _byline_rtf_picture_data (r, token->data, token->length, TRUE);
      else
        _byline_rtf_add_bytes (r, token->data, token->length);
      break;
    case BYLINE_RTF_BINARY:
      if (_byline_rtf_state (r)->dest == DEST_PICT)
        _byline_rtf_picture_data (r, token->data, token->length, FALSE);
      break;
    default:
      break;
    }
}

static void
reader_init (Reader       *r,
             const guint8 *data,
             gsize         length,
             const char   *display)
{
  memset (r, 0, sizeof *r);
  _byline_rtf_lexer_init (&r->lexer, data, length);
  _byline_rtf_tables_init (&r->tables);
  r->media = _byline_office_media_new (NULL, display);
  r->codepage = DEFAULT_CODEPAGE;
  r->bytes = g_byte_array_new ();
  r->sn = g_string_new (NULL);
  r->shape_pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_rtf_shape_picture_free);
  r->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_office_para_free);
  r->para = _byline_office_para_new ();
  r->run = g_string_new (NULL);
}

static void
reader_clear (Reader *r)
{
  while (r->n_fields > 0)
    _byline_rtf_field_end (r);
  if (r->in_picture)
    _byline_rtf_picture_end (r, FALSE);
  g_clear_pointer (&r->list, g_free);
  g_clear_pointer (&r->style, _byline_rtf_style_free);
  _byline_rtf_tables_clear (&r->tables);
  g_clear_pointer (&r->media, _byline_office_media_free);
  g_byte_array_unref (r->bytes);
  g_string_free (r->sn, TRUE);
  g_ptr_array_unref (r->shape_pictures);
  g_clear_pointer (&r->paras, g_ptr_array_unref);
  _byline_office_para_free (r->para);
  g_string_free (r->run, TRUE);
}

static BylineArticle *
read_rtf (GBytes      *bytes,
          const char  *display,
          gboolean     piece,
          GError     **error)
{
  Reader r;
  BylineRtfToken token;
  BylineArticle *article;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  reader_init (&r, data, length, display);
  do
    {
      _byline_rtf_lexer_next (&r.lexer, &token);
      read_token (&r, &token);
    }
  while (token.kind != BYLINE_RTF_END && !r.done);

  /* A cut file: what its open groups held so far. */
  _byline_rtf_flush_bytes (&r);
  for (; r.depth > 0; r.depth--)
    group_end (&r, _byline_rtf_state (&r), FALSE);
  _byline_rtf_end_paragraph (&r);

  if (piece)
    article = _byline_office_import_piece (r.paras, r.media, display, error);
  else
    article = _byline_office_import (r.paras, r.media, display, error);
  reader_clear (&r);
  return article;
}

BylineArticle *
_byline_rtf_import (GBytes      *bytes,
                    const char  *display,
                    GError     **error)
{
  return read_rtf (bytes, display, FALSE, error);
}

BylineArticle *
_byline_rtf_import_piece (GBytes      *bytes,
                          const char  *display,
                          GError     **error)
{
  return read_rtf (bytes, display, TRUE, error);
}
