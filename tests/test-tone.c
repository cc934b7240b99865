/* test-tone.c — tone-mark placement: syllable analysis, styles, conversion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

static char *
nfd (const char *s)
{
  return g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
}

static void
test_classify_styles (void)
{
  /* The syllables the two styles disagree on: open oa, oe, uy. */
  static const char * const classic[] = {
    "hòa", "thủy", "khỏe", "hóa", "ủy", "Hòa", "HÒA", "tùy", "lũy", "Thúy", "xòe", "họa", "òa",
  };
  static const char * const modern[] = {
    "hoà", "thuỷ", "khoẻ", "hoá", "uỷ", "Hoà", "HOÀ", "tuỳ", "luỹ", "Thuý", "xoè", "hoạ", "oà",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (classic); i++)
    {
      g_autofree char *decomposed = nfd (classic[i]);

      g_test_message ("classic: %s", classic[i]);
      g_assert_cmpint (byline_tone_classify (classic[i], -1), ==, BYLINE_TONE_PLACEMENT_CLASSIC);
      g_assert_cmpint (byline_tone_classify (decomposed, -1), ==, BYLINE_TONE_PLACEMENT_CLASSIC);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (modern); i++)
    {
      g_autofree char *decomposed = nfd (modern[i]);

      g_test_message ("modern: %s", modern[i]);
      g_assert_cmpint (byline_tone_classify (modern[i], -1), ==, BYLINE_TONE_PLACEMENT_MODERN);
      g_assert_cmpint (byline_tone_classify (decomposed, -1), ==, BYLINE_TONE_PLACEMENT_MODERN);
    }
}

static void
test_classify_neutral (void)
{
  /* One place whatever the style: a final consonant, qu and gi, a vowel with its
   * own mark, three vowels, the other pairs, no mark at all. */
  static const char * const neutral[] = {
    "hoàng", "toán", "khoảng", "hoạch", "huỳnh", "khoét", "quý", "quỳ", "quả", "quốc", "quyết",
    "giá", "già", "giữa", "giường", "gì", "gìn", "mùa", "của", "mía", "núi", "tàu", "cái",
    "ngoài", "khoái", "ngoáy", "khuỷu", "thuế", "huệ", "thuở", "người", "được", "hoặc",
    "tuần", "chuyển", "Nguyễn", "nghiêng", "yêu", "ý", "hoa", "Huy", "khuya", "Đà", "ĐỒNG",
    "Nậm", "Nhùn", "kỹ", "kĩ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (neutral); i++)
    {
      g_autofree char *decomposed = nfd (neutral[i]);

      g_test_message ("neutral: %s", neutral[i]);
      g_assert_cmpint (byline_tone_classify (neutral[i], -1), ==, BYLINE_TONE_PLACEMENT_NEUTRAL);
      g_assert_cmpint (byline_tone_classify (decomposed, -1), ==, BYLINE_TONE_PLACEMENT_NEUTRAL);
      g_assert_true (byline_tone_is_syllable (neutral[i], -1));
    }
}

static void
test_classify_misplaced (void)
{
  static const char * const misplaced[] = {
    "hòang", "qúy", "ngòai", "gìa", "mưá", "thủơ", "tóan", "hủynh",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (misplaced); i++)
    {
      g_test_message ("misplaced: %s", misplaced[i]);
      g_assert_cmpint (byline_tone_classify (misplaced[i], -1), ==, BYLINE_TONE_PLACEMENT_MISPLACED);
    }
}

static void
test_classify_not_vietnamese (void)
{
  static const char * const others[] = {
    "Facebook", "UBND", "online", "Boeing", "xyz", "show", "COVID", "Hanoi", "nghiêngg",
    "hoàà", "hóà", "ǹ", "Москва", "東京",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_test_message ("not a syllable: %s", others[i]);
      g_assert_cmpint (byline_tone_classify (others[i], -1), ==, BYLINE_TONE_PLACEMENT_NONE);
      g_assert_false (byline_tone_is_syllable (others[i], -1));
    }
  /* @length is honoured */
  g_assert_cmpint (byline_tone_classify ("hòa bình", strlen ("hòa")), ==, BYLINE_TONE_PLACEMENT_CLASSIC);
}

static void
test_place (void)
{
  static const struct { const char *in; BylineToneStyle style; const char *out; } cases[] = {
    { "hòa", BYLINE_TONE_STYLE_MODERN, "hoà" },
    { "hoà", BYLINE_TONE_STYLE_CLASSIC, "hòa" },
    { "hòa", BYLINE_TONE_STYLE_CLASSIC, "hòa" },
    { "hòa", BYLINE_TONE_STYLE_ANY, "hòa" },
    { "hoà", BYLINE_TONE_STYLE_ANY, "hoà" },
    { "Thủy", BYLINE_TONE_STYLE_MODERN, "Thuỷ" },
    { "HOÀ", BYLINE_TONE_STYLE_CLASSIC, "HÒA" },
    { "Khỏe", BYLINE_TONE_STYLE_MODERN, "Khoẻ" },
    { "ủy", BYLINE_TONE_STYLE_MODERN, "uỷ" },
    { "Ủy", BYLINE_TONE_STYLE_MODERN, "Uỷ" },
    { "họa", BYLINE_TONE_STYLE_MODERN, "hoạ" },
    { "hòang", BYLINE_TONE_STYLE_ANY, "hoàng" },
    { "hòang", BYLINE_TONE_STYLE_CLASSIC, "hoàng" },
    { "qúy", BYLINE_TONE_STYLE_MODERN, "quý" },
    { "gìa", BYLINE_TONE_STYLE_CLASSIC, "già" },
    { "ngòai", BYLINE_TONE_STYLE_MODERN, "ngoài" },
    { "mưá", BYLINE_TONE_STYLE_ANY, "mứa" },
    { "nguòi", BYLINE_TONE_STYLE_ANY, "nguòi" },   /* "uoi" without horns is no rhyme */
    { "hoàng", BYLINE_TONE_STYLE_CLASSIC, "hoàng" },
    { "Đồng", BYLINE_TONE_STYLE_MODERN, "Đồng" },
    { "Facebook", BYLINE_TONE_STYLE_MODERN, "Facebook" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *placed = byline_tone_place (cases[i].in, -1, cases[i].style);
      g_autofree char *decomposed = nfd (cases[i].in);
      g_autofree char *placed_nfd = byline_tone_place (decomposed, -1, cases[i].style);

      g_test_message ("%s → %s", cases[i].in, cases[i].out);
      g_assert_cmpstr (placed, ==, cases[i].out);
      /* NFD in, NFC out */
      g_assert_cmpstr (placed_nfd, ==, cases[i].out);
    }
}

static void
test_convert (void)
{
  const char *classic = "Ông Thủy ở xã Hòa Bình nói: “Sức khỏe của bà con là trên hết”, "
                        "ủy ban đã họp tại hoàng thành; quý vị giữ gìn hòa khí.";
  const char *modern = "Ông Thuỷ ở xã Hoà Bình nói: “Sức khoẻ của bà con là trên hết”, "
                       "uỷ ban đã họp tại hoàng thành; quý vị giữ gìn hoà khí.";
  g_autofree char *to_modern = byline_tone_convert (classic, BYLINE_TONE_STYLE_MODERN);
  g_autofree char *to_classic = byline_tone_convert (modern, BYLINE_TONE_STYLE_CLASSIC);
  g_autofree char *same = byline_tone_convert (classic, BYLINE_TONE_STYLE_CLASSIC);
  g_autofree char *any = byline_tone_convert (classic, BYLINE_TONE_STYLE_ANY);
  g_autofree char *fixed = byline_tone_convert ("Bà Hòang ở ngòai sân", BYLINE_TONE_STYLE_ANY);
  g_autofree char *link = byline_tone_convert ("Xem https://hòa.vn/thủy hoặc hòa", BYLINE_TONE_STYLE_MODERN);

  g_assert_cmpstr (to_modern, ==, modern);
  g_assert_cmpstr (to_classic, ==, classic);
  g_assert_cmpstr (same, ==, classic);
  g_assert_cmpstr (any, ==, classic);
  g_assert_cmpint (g_utf8_strlen (to_modern, -1), ==, g_utf8_strlen (classic, -1));
  g_assert_cmpstr (fixed, ==, "Bà Hoàng ở ngoài sân");
  /* Web addresses are left alone. */
  g_assert_cmpstr (link, ==, "Xem https://hòa.vn/thủy hoặc hoà");
}

static void
test_scan_and_count (void)
{
  const char *text = "Ông Thủy ở Hòa Bình, bà Thuý ở hòang thành";
  g_autoptr(GArray) found = byline_tone_scan (text);
  BylineToneCounts counts;
  const BylineToneSyllable *s;

  g_assert_cmpuint (found->len, ==, 4);
  s = &g_array_index (found, BylineToneSyllable, 0);
  g_assert_cmpuint (s->start, ==, 4);
  g_assert_cmpuint (s->end, ==, 8);
  g_assert_cmpint (s->placement, ==, BYLINE_TONE_PLACEMENT_CLASSIC);
  s = &g_array_index (found, BylineToneSyllable, 1);
  g_assert_cmpuint (s->start, ==, 11);
  g_assert_cmpuint (s->end, ==, 14);
  g_assert_cmpint (s->placement, ==, BYLINE_TONE_PLACEMENT_CLASSIC);
  s = &g_array_index (found, BylineToneSyllable, 2);
  g_assert_cmpuint (s->start, ==, 24);
  g_assert_cmpint (s->placement, ==, BYLINE_TONE_PLACEMENT_MODERN);
  s = &g_array_index (found, BylineToneSyllable, 3);
  g_assert_cmpuint (s->start, ==, 31);
  g_assert_cmpuint (s->end, ==, 36);
  g_assert_cmpint (s->placement, ==, BYLINE_TONE_PLACEMENT_MISPLACED);

  byline_tone_count (text, &counts);
  g_assert_cmpuint (counts.classic, ==, 2);
  g_assert_cmpuint (counts.modern, ==, 1);
  g_assert_cmpuint (counts.misplaced, ==, 1);
  g_assert_cmpint (byline_tone_detect (text), ==, BYLINE_TONE_STYLE_CLASSIC);
  g_assert_true (byline_tone_is_mixed (text));
}

static void
test_detect_consistent (void)
{
  /* A whole paragraph in one style is not mixed; one without any style-dependent
   * syllable has no style. */
  const char *classic = "Thủy điện Hòa Bình bảo đảm an toàn, sức khỏe người dân được ưu tiên.";
  const char *modern = "Thuỷ điện Hoà Bình bảo đảm an toàn, sức khoẻ người dân được ưu tiên.";
  const char *neither = "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng tại Nậm Nhùn.";
  g_autoptr(GArray) none = NULL;

  g_assert_false (byline_tone_is_mixed (classic));
  g_assert_false (byline_tone_is_mixed (modern));
  g_assert_false (byline_tone_is_mixed (neither));
  g_assert_cmpint (byline_tone_detect (classic), ==, BYLINE_TONE_STYLE_CLASSIC);
  g_assert_cmpint (byline_tone_detect (modern), ==, BYLINE_TONE_STYLE_MODERN);
  g_assert_cmpint (byline_tone_detect (neither), ==, BYLINE_TONE_STYLE_ANY);
  g_assert_cmpint (byline_tone_detect ("hòa hoà"), ==, BYLINE_TONE_STYLE_ANY);
  none = byline_tone_scan (neither);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_style_strings (void)
{
  BylineToneStyle style = BYLINE_TONE_STYLE_ANY;

  g_assert_cmpstr (byline_tone_style_to_string (BYLINE_TONE_STYLE_CLASSIC), ==, "classic");
  g_assert_cmpstr (byline_tone_style_to_string (BYLINE_TONE_STYLE_MODERN), ==, "modern");
  g_assert_true (byline_tone_style_from_string ("modern", &style));
  g_assert_cmpint (style, ==, BYLINE_TONE_STYLE_MODERN);
  g_assert_true (byline_tone_style_from_string ("Classic", &style));
  g_assert_cmpint (style, ==, BYLINE_TONE_STYLE_CLASSIC);
  g_assert_false (byline_tone_style_from_string ("old", &style));
  g_assert_false (byline_tone_style_from_string (NULL, &style));
  g_assert_true (G_TYPE_IS_ENUM (BYLINE_TYPE_TONE_STYLE));
}

static void
test_slug (void)
{
  /* The slug lives in byline-text.c; the Vietnamese cases belong here too. */
  static const struct { const char *in, *out; } cases[] = {
    { "Nậm Nhùn", "nam-nhun" },
    { "Đường Điện Biên Phủ", "duong-dien-bien-phu" },
    { "Thủy điện Hoà Bình: “xả lũ”", "thuy-dien-hoa-binh-xa-lu" },
    { "ĐỒNG THÁP", "dong-thap" },
    { "Quốc lộ 4H", "quoc-lo-4h" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = byline_text_slugify (cases[i].in);
      g_autofree char *decomposed = nfd (cases[i].in);
      g_autofree char *slug_nfd = byline_text_slugify (decomposed);

      g_assert_cmpstr (slug, ==, cases[i].out);
      g_assert_cmpstr (slug_nfd, ==, cases[i].out);
    }
}

/* Words typed with the input method off: what Telex would have typed, and
 * nothing for words that have none of its letter keys. */
static void
test_from_telex (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "nuwowcs", "nước" },
    { "leen", "lên" },
    { "ddaays", "đấy" },
    { "truwowngf", "trường" },
    { "vaanf", "vần" },
    { "thuowr", "thuở" },
    { "Nuwowcs", "Nước" },
    { "DDAAYS", "ĐẤY" },
    { "Ddeem", "Đêm" },
    /* No letter key: a tone key alone is no evidence ("this", "of"). */
    { "this", NULL },
    { "of", NULL },
    { "hoaf", NULL },
    { "nhanh", NULL },
    /* Letter keys, but not a syllable once typed. */
    { "Facebook", NULL },
    { "download", NULL },
    /* Not plain letters. */
    { "COVID-19", NULL },
    { "nước", NULL },
    { "a", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *typed = byline_tone_from_telex (cases[i].in, -1, BYLINE_TONE_STYLE_MODERN);

      g_test_message ("%s → %s", cases[i].in, typed);
      g_assert_cmpstr (typed, ==, cases[i].out);
    }

  /* The mark where the style wants it. */
  {
    g_autofree char *modern = byline_tone_from_telex ("ddoaj", -1, BYLINE_TONE_STYLE_MODERN);
    g_autofree char *classic = byline_tone_from_telex ("ddoaj", -1, BYLINE_TONE_STYLE_CLASSIC);

    g_assert_cmpstr (modern, ==, "đoạ");
    g_assert_cmpstr (classic, ==, "đọa");
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/tone/classify/styles", test_classify_styles);
  g_test_add_func ("/tone/classify/neutral", test_classify_neutral);
  g_test_add_func ("/tone/classify/misplaced", test_classify_misplaced);
  g_test_add_func ("/tone/classify/not-vietnamese", test_classify_not_vietnamese);
  g_test_add_func ("/tone/place", test_place);
  g_test_add_func ("/tone/convert", test_convert);
  g_test_add_func ("/tone/scan", test_scan_and_count);
  g_test_add_func ("/tone/detect", test_detect_consistent);
  g_test_add_func ("/tone/style-strings", test_style_strings);
  g_test_add_func ("/tone/slug", test_slug);
  g_test_add_func ("/tone/from-telex", test_from_telex);

  return g_test_run ();
}
