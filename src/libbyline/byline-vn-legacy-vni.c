/* byline-vn-legacy-vni.c — VNI (VNI Windows) text to Unicode
 *
 * The VNI fonts ("VNI-Times", "VNI-Helve"…) keep Latin-1's letters and draw
 * most of Latin-1's accented ones as marks: a Vietnamese letter is a base
 * letter and the mark after it ("aø" is "à", "aá" is "ấ"), or one of a few
 * letters of its own ("ñ" is "đ", "ô" is "ơ", "ò" is "ị").  Capitals take
 * the capital marks ("AØ" is "À"): VNI needs no capitals' fonts.
 *
 * The table agrees, letter for letter, with three converters written apart:
 * xvnkb's vni.h (Đào Hải Lâm), VBKey's mdlCodeTable.bas and
 * vietnamese-conversion's charsets.ts; tests/test-vn-legacy.c checks every
 * letter against a chart of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-vn-legacy-private.h"

typedef struct
{
  gunichar letter;
  gunichar base;   /* a letter, or the whole of it when there is no mark */
  gunichar mark;   /* the Latin-1 letter drawn as its marks; 0: none */
} Letter;

/* The small letters beyond ASCII; a capital is each of the three in
 * capitals (Latin-1 has every mark's capital). */
static const Letter letters[] = {
  /* à á ả ã ạ */
  { 0x00E0, 'a', 0xF8 }, { 0x00E1, 'a', 0xF9 }, { 0x1EA3, 'a', 0xFB }, { 0x00E3, 'a', 0xF5 }, { 0x1EA1, 'a', 0xEF },
  /* â ầ ấ ẩ ẫ ậ: "aâ aà aá aå aã aä" */
  { 0x00E2, 'a', 0xE2 }, { 0x1EA7, 'a', 0xE0 }, { 0x1EA5, 'a', 0xE1 }, { 0x1EA9, 'a', 0xE5 }, { 0x1EAB, 'a', 0xE3 },
  { 0x1EAD, 'a', 0xE4 },
  /* ă ằ ắ ẳ ẵ ặ: "aê aè aé aú aü aë" */
  { 0x0103, 'a', 0xEA }, { 0x1EB1, 'a', 0xE8 }, { 0x1EAF, 'a', 0xE9 }, { 0x1EB3, 'a', 0xFA }, { 0x1EB5, 'a', 0xFC },
  { 0x1EB7, 'a', 0xEB },
  /* è é ẻ ẽ ẹ */
  { 0x00E8, 'e', 0xF8 }, { 0x00E9, 'e', 0xF9 }, { 0x1EBB, 'e', 0xFB }, { 0x1EBD, 'e', 0xF5 }, { 0x1EB9, 'e', 0xEF },
  /* ê ề ế ể ễ ệ */
  { 0x00EA, 'e', 0xE2 }, { 0x1EC1, 'e', 0xE0 }, { 0x1EBF, 'e', 0xE1 }, { 0x1EC3, 'e', 0xE5 }, { 0x1EC5, 'e', 0xE3 },
  { 0x1EC7, 'e', 0xE4 },
  /* ì í ỉ ĩ ị: one letter each, "ì í æ ó ò" */
  { 0x00EC, 0xEC, 0 }, { 0x00ED, 0xED, 0 }, { 0x1EC9, 0xE6, 0 }, { 0x0129, 0xF3, 0 }, { 0x1ECB, 0xF2, 0 },
  /* ò ó ỏ õ ọ */
  { 0x00F2, 'o', 0xF8 }, { 0x00F3, 'o', 0xF9 }, { 0x1ECF, 'o', 0xFB }, { 0x00F5, 'o', 0xF5 }, { 0x1ECD, 'o', 0xEF },
  /* ô ồ ố ổ ỗ ộ */
  { 0x00F4, 'o', 0xE2 }, { 0x1ED3, 'o', 0xE0 }, { 0x1ED1, 'o', 0xE1 }, { 0x1ED5, 'o', 0xE5 }, { 0x1ED7, 'o', 0xE3 },
  { 0x1ED9, 'o', 0xE4 },
  /* ơ ờ ớ ở ỡ ợ: "ô", then the tones after it */
  { 0x01A1, 0xF4, 0 }, { 0x1EDD, 0xF4, 0xF8 }, { 0x1EDB, 0xF4, 0xF9 }, { 0x1EDF, 0xF4, 0xFB }, { 0x1EE1, 0xF4, 0xF5 },
  { 0x1EE3, 0xF4, 0xEF },
  /* ù ú ủ ũ ụ */
  { 0x00F9, 'u', 0xF8 }, { 0x00FA, 'u', 0xF9 }, { 0x1EE7, 'u', 0xFB }, { 0x0169, 'u', 0xF5 }, { 0x1EE5, 'u', 0xEF },
  /* ư ừ ứ ử ữ ự: "ö", then the tones */
  { 0x01B0, 0xF6, 0 }, { 0x1EEB, 0xF6, 0xF8 }, { 0x1EE9, 0xF6, 0xF9 }, { 0x1EED, 0xF6, 0xFB }, { 0x1EEF, 0xF6, 0xF5 },
  { 0x1EF1, 0xF6, 0xEF },
  /* ỳ ý ỷ ỹ, and ỵ a letter of its own, "î" */
  { 0x1EF3, 'y', 0xF8 }, { 0x00FD, 'y', 0xF9 }, { 0x1EF7, 'y', 0xFB }, { 0x1EF9, 'y', 0xF5 }, { 0x1EF5, 0xEE, 0 },
  /* đ */
  { 0x0111, 0xF1, 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (letters) == 67);

/* The letter @base and @mark (0: @base alone) write, in @base's case (a
 * capital before a small mark is still a capital); 0 when none. */
static gunichar
lookup (gunichar base,
        gunichar mark)
{
  gunichar small_base = g_unichar_tolower (base);
  gunichar small_mark = g_unichar_tolower (mark);

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (letters[i].base == small_base && letters[i].mark == small_mark)
      return base == small_base ? letters[i].letter : g_unichar_toupper (letters[i].letter);
  return 0;
}

/* The marks a VNI mark letter draws, as Unicode's combining marks in the
 * order they compose (a dot below before the circumflex or breve it goes
 * with: "ậ" is "ạ" and a circumflex); 0-terminated, NULL for no mark. */
static const gunichar *
combining_marks (gunichar mark)
{
  static const struct { gunichar mark; gunichar combining[3]; } marks[] = {
    { 0xF8, { 0x0300 } }, { 0xF9, { 0x0301 } }, { 0xFB, { 0x0309 } }, { 0xF5, { 0x0303 } }, { 0xEF, { 0x0323 } },
    { 0xE2, { 0x0302 } }, { 0xE0, { 0x0302, 0x0300 } }, { 0xE1, { 0x0302, 0x0301 } },
    { 0xE5, { 0x0302, 0x0309 } }, { 0xE3, { 0x0302, 0x0303 } }, { 0xE4, { 0x0323, 0x0302 } },
    { 0xEA, { 0x0306 } }, { 0xE8, { 0x0306, 0x0300 } }, { 0xE9, { 0x0306, 0x0301 } },
    { 0xFA, { 0x0306, 0x0309 } }, { 0xFC, { 0x0306, 0x0303 } }, { 0xEB, { 0x0323, 0x0306 } },
  };
  gunichar small = g_unichar_tolower (mark);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (marks[i].mark == small)
      return marks[i].combining;
  return NULL;
}

void
_byline_vn_legacy_append_vni (GString    *out,
                              const char *text)
{
  const char *p = text;
  const gunichar *combining;

  /* A text that starts with a mark is the rest of a letter whose base
   * ended the text before it (a page's or a paste's run cut inside a
   * letter, "chô" "ï"): the marks as combining ones, which the import
   * composes with that letter. */
  while (*p != '\0' && (combining = combining_marks (g_utf8_get_char (p))) != NULL)
    {
      for (guint i = 0; i < 2 && combining[i] != 0; i++)
        g_string_append_unichar (out, combining[i]);
      p = g_utf8_next_char (p);
    }

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      gunichar mark = g_utf8_get_char (next);
      gunichar letter;

      /* Every mark is a Latin-1 letter, after a letter. */
      if (mark >= 0xC0 && (letter = lookup (c, mark)) != 0)
        {
          g_string_append_unichar (out, letter);
          p = g_utf8_next_char (next);
          continue;
        }
      if (c >= 0xC0 && (letter = lookup (c, 0)) != 0)
        c = letter;
      g_string_append_unichar (out, c);
      p = next;
    }
}
