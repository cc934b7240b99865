/* test-vn-legacy.c — Vietnamese typed in TCVN3 (.VnTime) and VNI (VNI-Times) fonts, to Unicode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-vn-legacy-private.h"

/* Every letter of the table, written as the two rows of a converter's
 * chart: TCVN3 above, Unicode below, letter for letter. */
static void
test_every_letter (void)
{
  static const char *rows[][2] = {
    { "µ¸¶·¹", "àáảãạ" },
    { "¨»¾¼½Æ", "ăằắẳẵặ" },
    { "©ÇÊÈÉË", "âầấẩẫậ" },
    { "®", "đ" },
    { "ÌÐÎÏÑ", "èéẻẽẹ" },
    { "ªÒÕÓÔÖ", "êềếểễệ" },
    { "×ÝØÜÞ", "ìíỉĩị" },
    { "ßãáâä", "òóỏõọ" },
    { "«åèæçé", "ôồốổỗộ" },
    { "¬êíëìî", "ơờớởỡợ" },
    { "ïóñòô", "ùúủũụ" },
    { "\xc2\xad" "õøö÷ù", "ưừứửữự" },
    { "úýûüþ", "ỳýỷỹỵ" },
    { "¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ" },
  };
  guint letters = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (rows[i][0], BYLINE_VN_LEGACY_TCVN3);

      g_assert_cmpstr (unicode, ==, rows[i][1]);
      letters += g_utf8_strlen (rows[i][1], -1);
    }
  /* 67 small letters (12 vowels with five tones, ă â ê ô ơ ư đ) and 7
   * capitals: every one Vietnamese has beyond ASCII but the capitals with
   * tones. */
  g_assert_cmpuint (letters, ==, 74);
}

/* Every letter of VNI, written as a typist's chart, a row a tone (where
 * byline-vn-legacy-vni.c has a row a vowel): VNI on the left, Unicode on
 * the right, word for word.  xvnkb's vni.h, VBKey's mdlCodeTable.bas and
 * vietnamese-conversion's charsets.ts agree on all 134. */
static void
test_every_vni_letter (void)
{
  static const char *rows[][2] = {
    { "aê aâ eâ oâ ô ö ñ", "ă â ê ô ơ ư đ" },
    { "aø aè aà eø eà ì oø oà ôø uø öø yø", "à ằ ầ è ề ì ò ồ ờ ù ừ ỳ" },
    { "aù aé aá eù eá í où oá ôù uù öù yù", "á ắ ấ é ế í ó ố ớ ú ứ ý" },
    { "aû aú aå eû eå æ oû oå ôû uû öû yû", "ả ẳ ẩ ẻ ể ỉ ỏ ổ ở ủ ử ỷ" },
    { "aõ aü aã eõ eã ó oõ oã ôõ uõ öõ yõ", "ã ẵ ẫ ẽ ễ ĩ õ ỗ ỡ ũ ữ ỹ" },
    { "aï aë aä eï eä ò oï oä ôï uï öï î", "ạ ặ ậ ẹ ệ ị ọ ộ ợ ụ ự ỵ" },
    { "AÊ AÂ EÂ OÂ Ô Ö Ñ", "Ă Â Ê Ô Ơ Ư Đ" },
    { "AØ AÈ AÀ EØ EÀ Ì OØ OÀ ÔØ UØ ÖØ YØ", "À Ằ Ầ È Ề Ì Ò Ồ Ờ Ù Ừ Ỳ" },
    { "AÙ AÉ AÁ EÙ EÁ Í OÙ OÁ ÔÙ UÙ ÖÙ YÙ", "Á Ắ Ấ É Ế Í Ó Ố Ớ Ú Ứ Ý" },
    { "AÛ AÚ AÅ EÛ EÅ Æ OÛ OÅ ÔÛ UÛ ÖÛ YÛ", "Ả Ẳ Ẩ Ẻ Ể Ỉ Ỏ Ổ Ở Ủ Ử Ỷ" },
    { "AÕ AÜ AÃ EÕ EÃ Ó OÕ OÃ ÔÕ UÕ ÖÕ YÕ", "Ã Ẵ Ẫ Ẽ Ễ Ĩ Õ Ỗ Ỡ Ũ Ữ Ỹ" },
    { "AÏ AË AÄ EÏ EÄ Ò OÏ OÄ ÔÏ UÏ ÖÏ Î", "Ạ Ặ Ậ Ẹ Ệ Ị Ọ Ộ Ợ Ụ Ự Ỵ" },
  };
  guint letters = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (rows[i][0], BYLINE_VN_LEGACY_VNI);

      g_assert_cmpstr (unicode, ==, rows[i][1]);
      for (const char *p = rows[i][1]; *p != '\0'; p = g_utf8_next_char (p))
        letters += *p != ' ';
    }
  /* 67 small letters (a ă â e ê i o ô ơ u ư y with five tones, and ă â ê
   * ô ơ ư đ) and their 67 capitals. */
  g_assert_cmpuint (letters, ==, 134);
}

static void
test_words (void)
{
  struct {
    const char     *font;
    const char     *text;
    const char     *unicode;
  } cases[] = {
    { ".VnTime", "Chî phiªn B¾c Hµ", "Chợ phiên Bắc Hà" },
    { ".VnTime", "(BLC) - S¸ng 6/12, hµng ngh×n du kh¸ch ®Õn chî.", "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ." },
    { ".VnArial", "M­êng Kh­¬ng", "Mường Khương" },
    /* Capitals: every letter, ASCII too, as the font draws it. */
    { ".VnTimeH", "Chî phiªn B¾c Hµ", "CHỢ PHIÊN BẮC HÀ" },
    { "\".VnArial NarrowH\", sans-serif", "§iÖn biªn", "ĐIỆN BIÊN" },
    /* Unicode typed in a .Vn font (a document half converted) is left:
     * none of its letters is in the table's range. */
    { ".VnTime", "Lào Cai", "Lào Cai" },
    /* Nor are Unicode's Latin-1 letters, in text that has Unicode's own
     * Vietnamese letters (an old .VnTime template, Unicode typed in it). */
    { ".VnTime", "Sáng nay người dân đến chợ", "Sáng nay người dân đến chợ" },
    { ".VnTimeH", "Chợ phiên", "Chợ phiên" },
    /* VNI: a letter and the mark after it, or a letter of its own. */
    { "VNI-Times", "Chôï phieân Baéc Haø", "Chợ phiên Bắc Hà" },
    { "VNI-Times", "(BLC) - Saùng 6/12, haøng nghìn du khaùch ñeán chôï.", "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ." },
    { "'VNI-Helve', sans-serif", "Ngöôøi daân Möôøng Khöông", "Người dân Mường Khương" },
    { "VNI-Times", "CHÔÏ PHIEÂN BAÉC HAØ, ÑIEÄN BIEÂN", "CHỢ PHIÊN BẮC HÀ, ĐIỆN BIÊN" },
    /* A capital before a small mark (Word's "Capitalize Each Word", or a
     * typist's shift) is still that capital. */
    { "VNI-Times", "Aûnh: Thu Haø", "Ảnh: Thu Hà" },
    /* A mark after no letter of its (°, "5ø") is left as it is. */
    { "VNI-Times", "25°C, 5ø, ø", "25°C, 5ø, ø" },
    /* Unicode typed in a VNI font is left. */
    { "VNI-Times", "Sáng nay người dân đến chợ", "Sáng nay người dân đến chợ" },
    /* Not a TCVN3 font: nothing changes. */
    { "Times New Roman", "B¾c Hµ 25°C ±1", "B¾c Hµ 25°C ±1" },
    { NULL, "¾", "¾" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BylineVnLegacy legacy = _byline_vn_legacy_for_font (cases[i].font);
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (cases[i].text, legacy);

      g_assert_cmpstr (unicode, ==, cases[i].unicode);
    }
}

static void
test_fonts (void)
{
  g_assert_cmpint (_byline_vn_legacy_for_font (".VnTime"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_for_font (".vntime"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_for_font ("'.VnBook-Antiqua', serif"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_for_font (".VnTimeH"), ==, BYLINE_VN_LEGACY_TCVN3_CAPITALS);
  g_assert_cmpint (_byline_vn_legacy_for_font (" \".VnCentury SchoolbookH\""), ==, BYLINE_VN_LEGACY_TCVN3_CAPITALS);
  g_assert_cmpint (_byline_vn_legacy_for_font ("Times New Roman, .VnTime"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_for_font ("VNI-Times"), ==, BYLINE_VN_LEGACY_VNI);
  g_assert_cmpint (_byline_vn_legacy_for_font ("\"VNI-Helve-Condense\", sans-serif"), ==, BYLINE_VN_LEGACY_VNI);
  g_assert_cmpint (_byline_vn_legacy_for_font ("vni-aptima"), ==, BYLINE_VN_LEGACY_VNI);
  /* VNI has every capital: its display fonts are no capitals' fonts. */
  g_assert_cmpint (_byline_vn_legacy_for_font ("VNI-HLThuphap"), ==, BYLINE_VN_LEGACY_VNI);
  g_assert_cmpint (_byline_vn_legacy_for_font ("VNI-Top"), ==, BYLINE_VN_LEGACY_VNI);
  g_assert_cmpint (_byline_vn_legacy_for_font ("VNI"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_for_font ("Vnixyz Sans"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_for_font (""), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_for_font (".Vn"), ==, BYLINE_VN_LEGACY_TCVN3);
}

/* Text whose font is not known: TCVN3 only when it cannot be Vietnamese
 * in Unicode and mixes ASCII letters with TCVN3's own signs. */
static void
test_looks_like (void)
{
  g_assert_cmpint (_byline_vn_legacy_detect ("Chî phiªn B¾c Hµ"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_detect ("¶nh: Thu Hµ"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_detect ("M\xc2\xad" "êng Kh\xc2\xad" "¬ng"), ==, BYLINE_VN_LEGACY_TCVN3);
  g_assert_cmpint (_byline_vn_legacy_detect ("Thu Hµ"), ==, BYLINE_VN_LEGACY_TCVN3);
  /* Unicode Vietnamese (ư, ạ… beyond Latin-1), and Latin-1 of other uses. */
  g_assert_cmpint (_byline_vn_legacy_detect ("Chợ phiên Bắc Hà"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Tấm bạt 3×4m"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Copyright © AFP 2022, Café Paris"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Nhiệt độ 25°C"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Cà phê"), ==, BYLINE_VN_LEGACY_NONE);
  /* à é ô… are letters of both: no evidence alone. */
  g_assert_cmpint (_byline_vn_legacy_detect ("mét cã"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("½ cup of milk, 3 × 4 in a long English sentence here"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect (""), ==, BYLINE_VN_LEGACY_NONE);
  /* Latin-1 signs beside letters that are no TCVN3: French quotes, marks,
   * units, fractions (in text with only Latin-1's Vietnamese letters). */
  g_assert_cmpint (_byline_vn_legacy_detect ("«Cà phê» và «bánh mì»"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Coca-Cola® và Pepsi®"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("5µm, 1½kg, 4K×2"), ==, BYLINE_VN_LEGACY_NONE);
  g_assert_cmpint (_byline_vn_legacy_detect ("Màn hình 4K×2"), ==, BYLINE_VN_LEGACY_NONE);
  /* Punctuation around TCVN3 words is still TCVN3. */
  g_assert_cmpint (_byline_vn_legacy_detect ("(Chî phiªn), B¾c Hµ."), ==, BYLINE_VN_LEGACY_TCVN3);
}

/* Text whose font is not known, typed in VNI: words that are Vietnamese
 * only once converted; not French, German or Spanish, whose letters are
 * VNI's marks too, nor Unicode Vietnamese with only Latin-1's letters. */
static void
test_looks_like_vni (void)
{
  static const char *vni[] = {
    "Chôï phieân Baéc Haø",
    "(BLC) - Saùng 6/12, haøng nghìn du khaùch ñeán chôï.",
    "Ngöôøi daân Möôøng Khöông mang haøng xuoáng chôï",
    "CHÔÏ PHIEÂN BAÉC HAØ",
    "AÛnh: Thu Haø",
    "Thu Haø",
    /* Unicode's quotes and dashes, as Word writes them in any font. */
    "\u201CToång thoáng Donald Trump vaø Elon Musk\u201D \u2013 hoïp baùo",
  };
  static const char *not_vni[] = {
    "Café", "naïve", "«Cà phê»", "Noël", "Zürich",
    "Un café crème à la française, s'il vous plaît",
    "Où est la gare ? Où sont les toilettes ?",
    /* "coût", "goût" would be "cỏt", "gỏt": no syllable ends in t with
     * that tone. */
    "Le coût du goût",
    "Ein Bier in Köln, Müller und Böll",
    "El niño y el año de España",
    "Søren Kierkegaard i Århus",
    /* Unicode Vietnamese with only Latin-1's letters: Vietnamese as it is. */
    "Tôi là người Hà Nội",
    "Cà phê, hoà bình, khoá cửa",
    "Tôi hỏi cô",
    /* Words that are VNI, beside more that are not. */
    "Laïc, Loïc : des prénoms, écrits à la française, évidemment.",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vni); i++)
    g_assert_cmpint (_byline_vn_legacy_detect (vni[i]), ==, BYLINE_VN_LEGACY_VNI);
  for (guint i = 0; i < G_N_ELEMENTS (not_vni); i++)
    g_assert_cmpint (_byline_vn_legacy_detect (not_vni[i]), ==, BYLINE_VN_LEGACY_NONE);
  /* One word of three, "thạ", but "boxe" is no Vietnamese.  (TCVN3 reads
   * "thaï" as "thaù" and, one word of three, takes it.) */
  g_assert_cmpint (_byline_vn_legacy_detect ("La boxe thaï"), !=, BYLINE_VN_LEGACY_VNI);
  /* TCVN3 stays TCVN3, though its ¾ and µ are Latin-1 letters too. */
  g_assert_cmpint (_byline_vn_legacy_detect ("Chî phiªn B¾c Hµ, ®i chî"), ==, BYLINE_VN_LEGACY_TCVN3);
}

/* Bytes that are not UTF-8: TCVN3 (a .VnTime document saved as text), VNI
 * (a VNI-Times one, with Windows-1252's quotes), Windows-1258 (combining
 * tone marks after the letters), or none. */
static void
test_decode_text (void)
{
  static const char tcvn3[] = "Ch\xee phi\xaan B\xbe" "c H\xb5\n\nNg\xad\xeai d\xa9n mang h\xb5ng.";
  static const char cp1258[] = "M\xfd" "a l\xf5\xecn k\xe9o d\xe0i \xf5\xd2 Lai Ch\xe2u";
  static const char vni[] = "Ch\xf4\xef phie\xe2n Ba\xe9" "c Ha\xf8\r\n\r\nNg\xf6\xf4\xf8i da\xe2n \x93ra\xe1t \xf1o\xe2ng\x94.";
  static const char latin1[] = "Caf\xe9 cr\xe8me \xe0 la fran\xe7" "aise";
  static const char german[] = "Gr\xfc\xdf" "e aus K\xf6ln, M\xfcller und B\xf6ll";
  g_autofree char *from_tcvn3 = _byline_vn_legacy_decode_text (tcvn3, strlen (tcvn3));
  g_autofree char *from_cp1258 = _byline_vn_legacy_decode_text (cp1258, strlen (cp1258));
  g_autofree char *from_vni = _byline_vn_legacy_decode_text (vni, strlen (vni));
  g_autofree char *from_latin1 = _byline_vn_legacy_decode_text (latin1, strlen (latin1));
  g_autofree char *from_german = _byline_vn_legacy_decode_text (german, strlen (german));

  g_assert_cmpstr (from_tcvn3, ==, "Chợ phiên Bắc Hà\n\nNgười dân mang hàng.");
  g_assert_cmpstr (from_cp1258, ==, "Mưa lớn kéo dài ở Lai Châu");
  g_assert_cmpstr (from_vni, ==, "Chợ phiên Bắc Hà\r\n\r\nNgười dân “rất đông”.");
  g_assert_null (from_latin1);
  g_assert_null (from_german);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/vn-legacy/every-letter", test_every_letter);
  g_test_add_func ("/vn-legacy/every-vni-letter", test_every_vni_letter);
  g_test_add_func ("/vn-legacy/words", test_words);
  g_test_add_func ("/vn-legacy/fonts", test_fonts);
  g_test_add_func ("/vn-legacy/looks-like", test_looks_like);
  g_test_add_func ("/vn-legacy/looks-like-vni", test_looks_like_vni);
  g_test_add_func ("/vn-legacy/decode-text", test_decode_text);
  return g_test_run ();
}
