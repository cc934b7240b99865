/* byline-vn-legacy.c — TCVN3 (ABC) text to Unicode, and which legacy is which
 *
 * TCVN 5712:1993's third table, as the ".Vn" fonts have it: the Vietnamese
 * letters ASCII lacks take the places of Latin-1's U+00A1–U+00FE; capitals
 * with tone marks are not there, the ".Vn…H" fonts draw the small ones as
 * capitals.  A document stores the Latin-1 characters, which are mapped
 * back here.  VNI's table is in byline-vn-legacy-vni.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-vn-legacy-private.h"

#include "byline-tone.h"

#include <string.h>

/* Unicode for U+00A1 + i; 0 where TCVN3 has nothing (kept as it is). */
static const gunichar tcvn3[] = {
  /* A1 */ 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  /* Ă Â Ê Ô Ơ Ư Đ */
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111,  /* ă â ê ô ơ ư đ */
  /* AF */ 0,
  /* B0 */ 0, 0, 0, 0, 0,
  /* B5 */ 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1,                  /* à ả ã á ạ */
  /* BA */ 0,
  /* BB */ 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF,                          /* ằ ẳ ẵ ắ */
  /* BF */ 0, 0, 0, 0, 0, 0, 0,
  /* C6 */ 0x1EB7,                                                  /* ặ */
  /* C7 */ 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD,                  /* ầ ẩ ẫ ấ ậ */
  /* CC */ 0x00E8, 0,                                               /* è */
  /* CE */ 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9,                          /* ẻ ẽ é ẹ */
  /* D2 */ 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7,                  /* ề ể ễ ế ệ */
  /* D7 */ 0x00EC, 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB,         /* ì ỉ ĩ í ị */
  /* DF */ 0x00F2, 0,                                               /* ò */
  /* E1 */ 0x1ECF, 0x00F5, 0x00F3, 0x1ECD,                          /* ỏ õ ó ọ */
  /* E5 */ 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9,                  /* ồ ổ ỗ ố ộ */
  /* EA */ 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3,                  /* ờ ở ỡ ớ ợ */
  /* EF */ 0x00F9, 0,                                               /* ù */
  /* F1 */ 0x1EE7, 0x0169, 0x00FA, 0x1EE5,                          /* ủ ũ ú ụ */
  /* F5 */ 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1,                  /* ừ ử ữ ứ ự */
  /* FA */ 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5,                  /* ỳ ỷ ỹ ý ỵ */
};

G_STATIC_ASSERT (G_N_ELEMENTS (tcvn3) == 0xFE - 0xA1 + 1);

BylineVnLegacy
_byline_vn_legacy_for_font (const char *family)
{
  g_autofree char *first = NULL;
  char *comma;
  gsize n;

  if (family == NULL)
    return BYLINE_VN_LEGACY_NONE;
  /* CSS: '".VnTime", serif'; Word: ".VnTime". */
  first = g_strdup (family);
  if ((comma = strchr (first, ',')) != NULL)
    *comma = '\0';
  g_strstrip (first);
  g_strdelimit (first, "\"'", ' ');
  g_strstrip (first);
  /* "VNI-Times", "VNI-Helve-Condense": no capitals' fonts, VNI has every
   * capital. */
  if (g_ascii_strncasecmp (first, "vni-", 4) == 0)
    return BYLINE_VN_LEGACY_VNI;
  if (g_ascii_strncasecmp (first, ".vn", 3) != 0)
    return BYLINE_VN_LEGACY_NONE;
  n = strlen (first);
  /* ".VnTimeH", ".VnArial NarrowH": capitals. */
  return first[n - 1] == 'H' ? BYLINE_VN_LEGACY_TCVN3_CAPITALS : BYLINE_VN_LEGACY_TCVN3;
}

/* A letter only Unicode's Vietnamese has: ă đ ĩ ũ ơ ư and the letters with
 * tone marks of Latin Extended Additional. */
static gboolean
is_unicode_vietnamese (gunichar c)
{
  switch (c)
    {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01A0: case 0x01A1: case 0x01AF: case 0x01B0:
      return TRUE;
    default:
      return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

char *
_byline_vn_legacy_to_unicode (const char     *text,
                              BylineVnLegacy  legacy)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (legacy == BYLINE_VN_LEGACY_NONE)
    return g_strdup (text);
  /* Unicode typed in a .VnTime-named font (an old template, on a machine
   * without the font, where it shows right): already Vietnamese. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_unicode_vietnamese (g_utf8_get_char (p)))
      return g_strdup (text);
  out = g_string_sized_new (strlen (text) + 16);
  if (legacy == BYLINE_VN_LEGACY_VNI)
    {
      _byline_vn_legacy_append_vni (out, text);
      return g_string_free (out, FALSE);
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xA1 && c <= 0xFE && tcvn3[c - 0xA1] != 0)
        c = tcvn3[c - 0xA1];
      g_string_append_unichar (out, c);
    }
  if (legacy == BYLINE_VN_LEGACY_TCVN3_CAPITALS)
    {
      char *capitals = g_utf8_strup (out->str, out->len);

      g_string_free (out, TRUE);
      return capitals;
    }
  return g_string_free (out, FALSE);
}

/* A TCVN3 letter that is no letter of Vietnamese in Unicode: à á â ã è é ê
 * ì í ò ó ô õ ù ú ý are both. */
static gboolean
is_tcvn3_only (gunichar c)
{
  static const gunichar both[] = {
    0xE0, 0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD,
  };

  if (c < 0xA1 || c > 0xFE || tcvn3[c - 0xA1] == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    if (c == both[i])
      return FALSE;
  return TRUE;
}

/* Whether @word (of @text, @length bytes), mixing ASCII letters with
 * TCVN3's own signs, is a Vietnamese syllable once converted ("Chî" is
 * "Chợ"; "Cola®", "«Cà", "5µm" are not): the evidence. */
static gboolean
word_is_tcvn3 (const char *word,
               gsize       length)
{
  g_autofree char *copy = g_strndup (word, length);
  g_autofree char *unicode = _byline_vn_legacy_to_unicode (copy, BYLINE_VN_LEGACY_TCVN3);
  const char *start = unicode;
  const char *end = unicode + strlen (unicode);

  /* Punctuation around it ("Hµ," "(Chî"), not digits ("5µm"). */
  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end)
    return FALSE;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return FALSE;
  return byline_tone_is_syllable (start, end - start);
}

gboolean
_byline_vn_legacy_looks_like_tcvn3 (const char *text)
{
  guint words = 0, evidence = 0;
  gboolean ascii = FALSE, tcvn3_only = FALSE;
  const char *word = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFF)
        return FALSE;
      /* The soft hyphen is TCVN3's ư: inside a word. */
      if (c == 0 || (g_unichar_isspace (c) && c != 0xAD))
        {
          if (word != NULL)
            {
              words++;
              evidence += ascii && tcvn3_only && word_is_tcvn3 (word, p - word);
            }
          if (c == 0)
            break;
          word = NULL;
          ascii = tcvn3_only = FALSE;
          continue;
        }
      if (word == NULL)
        word = p;
      ascii |= c < 0x80 && g_ascii_isalpha ((char) c);
      tcvn3_only |= is_tcvn3_only (c);
    }
  return evidence >= 2 || (evidence == 1 && words <= 3);
}

/* Whether @text reads as Vietnamese: some words with marks, and nearly
 * all of those Vietnamese syllables (not French or German words). */
static gboolean
reads_as_vietnamese (const char *text)
{
  guint marked = 0, syllables = 0;
  const char *word = NULL;
  gboolean ascii = TRUE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          if (word == NULL)
            {
              word = p;
              ascii = TRUE;
            }
          ascii &= c < 0x80;
          continue;
        }
      if (word != NULL && !ascii)
        {
          marked++;
          syllables += byline_tone_is_syllable (word, p - word);
        }
      word = NULL;
      if (c == 0)
        break;
    }
  return marked > 0 && syllables * 10 >= marked * 9;
}

char *
_byline_vn_legacy_decode_text (const char *data,
                               gsize       length)
{
  g_autoptr(GString) latin1 = g_string_sized_new (length + length / 4);
  g_autofree char *cp1258 = NULL;
  g_autofree char *nfc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* TCVN3: the bytes are the font's codes. */
  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (latin1, (guchar) data[i]);
  if (_byline_vn_legacy_looks_like_tcvn3 (latin1->str))
    {
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (latin1->str, BYLINE_VN_LEGACY_TCVN3);

      return g_utf8_normalize (unicode, -1, G_NORMALIZE_NFC);
    }

  /* Windows-1258: base letters and combining tone marks. */
  cp1258 = g_convert (data, length, "UTF-8", "CP1258", NULL, NULL, NULL);
  if (cp1258 == NULL)
    return NULL;
  nfc = g_utf8_normalize (cp1258, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || !reads_as_vietnamese (nfc))
    return NULL;
  return g_steal_pointer (&nfc);
}
