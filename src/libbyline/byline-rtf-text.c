/* byline-rtf-text.c — a Rich Text document's text: its bytes in their code
 * page, its paragraphs, its fields
 *
 * A byte of text is in the code page its font's \fcharset says (163 is
 * Windows-1258, Vietnamese, whose letters take their tone as a mark after
 * them: the text is made NFC), or the document's (\ansicpg); a font of
 * the old codes' bytes are kept as Word stores them, for the import to
 * read by the font.  Bytes are decoded a run at a time, so that a
 * double-byte code page's pairs stay together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-rtf-reader-private.h"
#include "byline-vn-legacy-private.h"

/* ---------------------------------------------------------- paragraphs */

void
_byline_rtf_flush_run (Reader *r)
{
  g_autofree char *normal = NULL;

  if (r->run->len == 0)
    return;
  /* TCVN3's ư is Word's optional hyphen; elsewhere that is nothing. */
  if (!BYLINE_VN_LEGACY_SOFT_HYPHEN_IS_LETTER (r->run_legacy))
    g_string_replace (r->run, "\u00AD", "", 0);
  /* Windows-1258 writes a letter's tone as a mark after it. */
  if (r->run_legacy == BYLINE_VN_LEGACY_NONE)
    normal = g_utf8_normalize (r->run->str, r->run->len, G_NORMALIZE_NFC);
  _byline_office_para_add_text_in (r->para, normal != NULL ? normal : r->run->str,
                                   r->run_bold, r->run_italic, r->run_legacy);
  g_string_truncate (r->run, 0);
}

static void
close_link (Reader *r)
{
  _byline_rtf_flush_run (r);
  g_string_append (r->para->html, "</a>");
  r->in_link = FALSE;
  for (int i = 0; i < r->n_fields && i < BYLINE_RTF_MAX_FIELDS; i++)
    r->fields[i].linked = FALSE;
}

BylineRtfFont *
_byline_rtf_current_font (Reader *r)
{
  int number = _byline_rtf_state (r)->font;

  return _byline_rtf_tables_font (&r->tables, number >= 0 ? number : r->deff);
}

/* Text of the story, in the group's font and emphasis. */
void
_byline_rtf_add_story_text (Reader     *r,
                const char *text)
{
  State *s = _byline_rtf_state (r);
  BylineRtfFont *font = _byline_rtf_current_font (r);
  BylineRtfStyle *style = _byline_rtf_tables_style (&r->tables, r->para_style);
  BylineVnLegacy legacy = font != NULL ? font->legacy : BYLINE_VN_LEGACY_NONE;
  /* A heading's bold, a quote's italics: the style's look, not emphasis. */
  gboolean look = style != NULL && style->style != BYLINE_OFFICE_NORMAL;
  gboolean bold = s->bold && !(look && style->bold);
  gboolean italic = s->italic && !(look && style->italic);

  if (s->hidden || s->deleted || *text == '\0')
    return;
  /* A link's text begins it: a link without text is none. */
  if (r->n_fields > 0 && r->n_fields <= BYLINE_RTF_MAX_FIELDS && r->fields[r->n_fields - 1].link != NULL && !r->in_link)
    {
      Field *field = &r->fields[r->n_fields - 1];
      g_autofree char *escaped = g_markup_escape_text (field->link, -1);

      _byline_rtf_flush_run (r);
      g_string_append_printf (r->para->html, "<a href=\"%s\">", escaped);
      g_clear_pointer (&field->link, g_free);
      field->linked = r->in_link = TRUE;
    }
  if (legacy != r->run_legacy || bold != r->run_bold || italic != r->run_italic)
    {
      _byline_rtf_flush_run (r);
      r->run_legacy = legacy;
      r->run_bold = bold;
      r->run_italic = italic;
    }
  g_string_append (r->run, text);
}

void
_byline_rtf_end_paragraph (Reader *r)
{
  BylineRtfStyle *style = _byline_rtf_tables_style (&r->tables, r->para_style);
  BylineOfficePara *para = r->para;

  _byline_rtf_flush_run (r);
  if (r->in_link)
    close_link (r);
  /* Empty paragraphs make no story: not kept, however many; but for a
   * cell's under one merged down the rows, which a data table's row fills
   * with that one's text (byline-office-table.c). */
  if (para->n_chars == 0 && para->pictures->len == 0 && !para->continued)
    {
      _byline_office_para_free (para);
      r->para = _byline_office_para_new ();
      return;
    }
  para->style = style != NULL ? style->style : BYLINE_OFFICE_NORMAL;
  para->list = r->para_ls > 0 ? _byline_rtf_tables_list (&r->tables, r->para_ls, r->para_level) : r->para_pn;
  g_ptr_array_add (r->paras, para);
  r->para = _byline_office_para_new ();
}

void
_byline_rtf_add_line_break (Reader *r)
{
  if (_byline_rtf_state (r)->hidden || _byline_rtf_state (r)->deleted)
    return;
  _byline_rtf_flush_run (r);
  g_string_append (r->para->html, "<br>");
}

/* ------------------------------------------------------------- fields */

void
_byline_rtf_field_begin (Reader *r)
{
  if (r->n_fields < BYLINE_RTF_MAX_FIELDS)
    r->fields[r->n_fields] = (Field) { g_string_new (NULL), FALSE, NULL, FALSE };
  r->n_fields++;
}

/* Its result begins: a HYPERLINK's is a link's text. */
void
_byline_rtf_field_result (Reader *r)
{
  Field *field;

  if (r->n_fields == 0 || r->n_fields > BYLINE_RTF_MAX_FIELDS)
    return;
  field = &r->fields[r->n_fields - 1];
  field->result = TRUE;
  /* Links do not nest: an inner one would end the outer. */
  if (!r->in_link)
    field->link = _byline_office_field_hyperlink (field->instruction->str);
}

void
_byline_rtf_field_end (Reader *r)
{
  Field *field;

  if (r->n_fields == 0)
    return;
  r->n_fields--;
  if (r->n_fields >= BYLINE_RTF_MAX_FIELDS)
    return;
  field = &r->fields[r->n_fields];
  if (field->linked && r->in_link)
    close_link (r);
  /* "Hình { SEQ Hình }": a caption's number. */
  if (field->result && _byline_office_field_is_sequence (field->instruction->str))
    {
      _byline_rtf_flush_run (r);
      _byline_office_para_end_sequence (r->para);
    }
  g_string_free (field->instruction, TRUE);
  g_free (field->link);
}

/* --------------------------------------------------------------- text */

/* The code page of Windows a font's \fcharset says; 0 for the document's. */
static int
charset_codepage (int charset)
{
  static const struct { int charset, codepage; } pages[] = {
    { 0, 1252 }, { 2, 1252 }, { 77, 10000 }, { 128, 932 }, { 129, 949 }, { 130, 1361 },
    { 134, 936 }, { 136, 950 }, { 161, 1253 }, { 162, 1254 }, { 163, 1258 }, { 177, 1255 },
    { 178, 1256 }, { 186, 1257 }, { 204, 1251 }, { 222, 874 }, { 238, 1250 }, { 254, 437 },
    { 255, 850 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].charset == charset)
      return pages[i].codepage;
  return 0;
}

/* Where bytes of the text are decoded: a font of the old codes' bytes as
 * Word stores them, in Windows-1252, for the import to read by the font. */
static int
current_codepage (Reader *r)
{
  BylineRtfFont *font = _byline_rtf_current_font (r);
  int codepage = 0;

  if (font != NULL && font->legacy != BYLINE_VN_LEGACY_NONE)
    return 1252;
  if (font != NULL)
    codepage = charset_codepage (font->charset);
  return codepage != 0 ? codepage : r->codepage;
}

static char *
decode (const guint8 *bytes,
        gsize         length,
        int           codepage)
{
  g_autofree char *charset = codepage == 10000 ? g_strdup ("MACINTOSH") : g_strdup_printf ("CP%d", codepage);
  g_autoptr(GString) text = NULL;
  char *converted;

  converted = g_convert ((const char *) bytes, length, "UTF-8", charset, NULL, NULL, NULL);
  if (converted != NULL)
    return converted;
  /* A byte the code page does not have (or no such code page): each alone,
   * as Latin-1 when it is not one. */
  text = g_string_new (NULL);
  for (gsize i = 0; i < length; i++)
    {
      g_autofree char *one = g_convert ((const char *) bytes + i, 1, "UTF-8", charset, NULL, NULL, NULL);

      if (one != NULL)
        g_string_append (text, one);
      else
        g_string_append_unichar (text, bytes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_text (Reader     *r,
          const char *text)
{
  State *s = _byline_rtf_state (r);

  switch (s->dest)
    {
    case DEST_TEXT:
      _byline_rtf_add_story_text (r, text);
      break;
    case DEST_FONTTBL:
      if (r->font != NULL && !r->font->named)
        {
          _byline_rtf_name_append (r->font->name, &r->font->named, text);
          if (r->font->named)
            _byline_rtf_font_named (r->font);
        }
      break;
    case DEST_STYLE:
      if (r->style != NULL && !r->style->named)
        {
          _byline_rtf_name_append (r->style->name, &r->style->named, text);
          if (r->style->named)
            _byline_rtf_style_named (r->style);
        }
      break;
    case DEST_FLDINST:
      if (r->n_fields > 0 && r->n_fields <= BYLINE_RTF_MAX_FIELDS && r->fields[r->n_fields - 1].instruction->len < 4096)
        g_string_append (r->fields[r->n_fields - 1].instruction, text);
      break;
    case DEST_SN:
      if (r->sn->len < 64)
        g_string_append (r->sn, text);
      break;
    case DEST_SV_ALT:
      if (r->in_picture && r->picture.alt->len < 4096)
        g_string_append (r->picture.alt, text);
      break;
    default:
      break;
    }
}

/* The bytes of text read so far, decoded and added. */
void
_byline_rtf_flush_bytes (Reader *r)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) clean = NULL;

  if (r->bytes->len == 0)
    return;
  text = decode (r->bytes->data, r->bytes->len, r->bytes_codepage);
  g_byte_array_set_size (r->bytes, 0);
  /* Control characters are no text (a tab is \tab). */
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x20 && c != 0x7F)
        g_string_append_unichar (clean, c);
    }
  add_text (r, clean->str);
}

void
_byline_rtf_add_bytes (Reader       *r,
           const guint8 *bytes,
           gsize         length)
{
  int codepage = current_codepage (r);

  if (r->bytes->len > 0 && codepage != r->bytes_codepage)
    _byline_rtf_flush_bytes (r);
  r->bytes_codepage = codepage;
  g_byte_array_append (r->bytes, bytes, length);
}

void
_byline_rtf_add_unichar (Reader   *r,
             gunichar  c)
{
  char utf8[8] = { 0 };

  _byline_rtf_flush_bytes (r);
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      r->high = c;
      return;
    }
  if (c >= 0xDC00 && c <= 0xDFFF)
    c = r->high != 0 ? 0x10000 + ((r->high - 0xD800) << 10) + (c - 0xDC00) : 0xFFFD;
  r->high = 0;
  if (c < 0x20 || c == 0xFFFD || !g_unichar_validate (c))
    return;
  g_unichar_to_utf8 (c, utf8);
  add_text (r, utf8);
}
