/* byline-vn-legacy.c — TCVN3 (ABC) text to Unicode, and which fonts are whose
 *
 * TCVN 5712:1993's third table, as the ".Vn" fonts have it: the Vietnamese
 * letters ASCII lacks take the places of Latin-1's U+00A1–U+00FE; capitals
 * with tone marks are not there, the ".Vn…H" fonts draw the small ones as
 * capitals.  A document stores the Latin-1 characters, which are mapped
 * back here.  VNI's table is in byline-vn-legacy-vni.c; what a text of no
 * font was typed in, byline-vn-legacy-detect.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-vn-legacy-private.h"

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

gunichar
_byline_vn_legacy_tcvn3_letter (gunichar c)
{
  return c >= 0xA1 && c <= 0xFE ? tcvn3[c - 0xA1] : 0;
}

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

gboolean
_byline_vn_legacy_has_unicode (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_unicode_vietnamese (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
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
  if (_byline_vn_legacy_has_unicode (text))
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

      if (_byline_vn_legacy_tcvn3_letter (c) != 0)
        c = _byline_vn_legacy_tcvn3_letter (c);
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
