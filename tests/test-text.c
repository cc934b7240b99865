/* test-text.c — normalization, slugs and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

static void
test_normalize_nfc (void)
{
  /* "Hoà" typed as o + combining grave by some input methods */
  g_autofree char *nfc = byline_text_normalize ("Ho\xcc\x80" "a ba\xcc\xa3" "n", -1);

  g_assert_cmpstr (nfc, ==, "Hòa bạn");
  g_assert_true (g_utf8_validate (nfc, -1, NULL));
}

static void
test_normalize_invalid_and_control (void)
{
  g_autofree char *fixed = byline_text_normalize ("a\xff" "b\x01" "c\r\nd\xef\xbb\xbf" "e", -1);

  g_assert_true (g_utf8_validate (fixed, -1, NULL));
  g_assert_cmpstr (fixed, ==, "a\xef\xbf\xbd" "bc\nde");
}

static void
test_normalize_line (void)
{
  g_autofree char *line = byline_text_normalize_line ("  Lai\tChâu \n\n ngày\xc2\xa0mưa  ", -1);
  g_autofree char *empty = byline_text_normalize_line (NULL, -1);

  g_assert_cmpstr (line, ==, "Lai Châu ngày mưa");
  g_assert_cmpstr (empty, ==, "");
}

/* Text that is clean already comes back as it is (the fast path); text next
 * to the fast path's edges is still normalized. */
static void
test_normalize_fast_path_edges (void)
{
  static const struct { const char *in, *out, *line; } cases[] = {
    /* clean: as it is */
    { "Nậm Nhùn – “mưa lũ” 180 mm, 5.000 đ… ₫", "Nậm Nhùn – “mưa lũ” 180 mm, 5.000 đ… ₫", NULL },
    { "a\tb\nc", "a\tb\nc", "a b c" },
    { "", "", "" },
    /* a precomposed letter then a combining circumflex: ạ + ̂ = ậ */
    { "t\xe1\xba\xa1\xcc\x82t", "t\xe1\xba\xad" "t", NULL },
    /* singletons NFC replaces: ANGSTROM SIGN, EN QUAD */
    { "1 \xe2\x84\xab", "1 \xc3\x85", NULL },
    { "a\xe2\x80\x80" "b", "a\xe2\x80\x82" "b", "a b" },
    /* a lone CR, a NUL inside the length, a zero-width space */
    { "a\rb", "a\nb", "a b" },
    { "a\xe2\x80\x8b" "b", "ab", "ab" },
    /* spaces the line form folds */
    { " a  b ", " a  b ", "a b" },
    { "a\xc2\xa0" "b", "a\xc2\xa0" "b", "a b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = byline_text_normalize (cases[i].in, -1);
      g_autofree char *line = byline_text_normalize_line (cases[i].in, -1);
      g_autofree char *again = byline_text_normalize (text, -1);

      g_assert_cmpstr (text, ==, cases[i].out);
      g_assert_cmpstr (line, ==, cases[i].line ? cases[i].line : cases[i].out);
      g_assert_cmpstr (again, ==, text);
    }

  {
    /* An explicit length: what lies past it is not read; a NUL inside is
     * invalid text, replaced as other invalid bytes are. */
    g_autofree char *cut = byline_text_normalize ("Lai Châu và Lào Cai", 9);
    g_autofree char *nul = byline_text_normalize ("a\0b", 3);

    g_assert_cmpstr (cut, ==, "Lai Châu");
    g_assert_cmpstr (nul, ==, "a\xef\xbf\xbd" "b");
  }
}

static void
test_slugify (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Nậm Nhùn", "nam-nhun" },
    { "Đường đến Điện Biên", "duong-den-dien-bien" },
    { "  Mưa lũ: 37 hộ phải sơ tán!  ", "mua-lu-37-ho-phai-so-tan" },
    { "Ho\xcc\x80" "a Bình", "hoa-binh" },
    { "—", "" },
    { "COVID-19 tại Lai Châu", "covid-19-tai-lai-chau" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = byline_text_slugify (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }
}

static void
test_count_words (void)
{
  g_assert_cmpuint (byline_text_count_words (""), ==, 0);
  g_assert_cmpuint (byline_text_count_words (NULL), ==, 0);
  g_assert_cmpuint (byline_text_count_words ("Mưa lũ gây sạt lở"), ==, 5);
  g_assert_cmpuint (byline_text_count_words ("(BLC) - Sáng 10/8, COVID-19 giảm."), ==, 5);
  g_assert_cmpuint (byline_text_count_words ("  —  \n "), ==, 0);
  g_assert_cmpuint (byline_text_reading_minutes (0, 200), ==, 0);
  g_assert_cmpuint (byline_text_reading_minutes (10, 200), ==, 1);
  g_assert_cmpuint (byline_text_reading_minutes (1000, 200), ==, 5);
  g_assert_true (byline_text_is_blank (" \n\t"));
  g_assert_false (byline_text_is_blank (" đ "));
}

static void
test_prefix_lead (void)
{
  g_autofree char *added = byline_text_prefix_lead ("Mưa lớn kéo dài.", "BLC");
  g_autofree char *kept = byline_text_prefix_lead ("(BLC) - Mưa lớn kéo dài.", "BLC");
  g_autofree char *other = byline_text_prefix_lead ("(TTXVN) - Mưa lớn.", "BLC");
  g_autofree char *none = byline_text_prefix_lead ("Mưa lớn.", "  ");
  g_autofree char *empty = byline_text_prefix_lead ("", "BLC");

  g_assert_cmpstr (added, ==, "(BLC) - Mưa lớn kéo dài.");
  g_assert_cmpstr (kept, ==, "(BLC) - Mưa lớn kéo dài.");
  g_assert_cmpstr (other, ==, "(BLC) - (TTXVN) - Mưa lớn.");
  g_assert_cmpstr (none, ==, "Mưa lớn.");
  g_assert_cmpstr (empty, ==, "");
}

/* Whether @pattern finds @text, and exactly @found in it. */
static void
assert_finds (const char *query,
              const char *text,
              const char *found,
              gboolean    caseless)
{
  g_autofree char *pattern = byline_text_search_pattern (query);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new (pattern, caseless ? G_REGEX_CASELESS : 0, 0, &error);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_no_error (error);
  if (found == NULL)
    {
      g_assert_false (g_regex_match (regex, text, 0, &match));
      return;
    }
  g_assert_true (g_regex_match (regex, text, 0, &match));
  {
    g_autofree char *what = g_match_info_fetch (match, 0);
    g_assert_cmpstr (what, ==, found);
  }
}

/* Bare letters find their marked forms; marked letters only themselves. */
static void
test_search_pattern (void)
{
  g_autofree char *empty = byline_text_search_pattern ("");

  g_assert_cmpstr (empty, ==, "");

  assert_finds ("sat lo", "Mưa gây sạt lở ở Bát Xát", "sạt lở", TRUE);
  assert_finds ("sat lo", "Sát lò gạch", "Sát lò", TRUE);
  assert_finds ("sat lo", "Sát lò gạch", NULL, FALSE);
  assert_finds ("SAT", "bị sạt", "sạt", TRUE);
  assert_finds ("bat xat", "huyện Bát Xát", "Bát Xát", TRUE);
  assert_finds ("ky", "kỹ thuật", "kỹ", FALSE);
  assert_finds ("uong", "đường", "ường", FALSE);
  /* đ has no decomposition: it is a d all the same. */
  assert_finds ("do thi", "Đô thị", "Đô thị", TRUE);
  assert_finds ("do", "Đô thị", NULL, FALSE);
  assert_finds ("Do", "Đô thị", "Đô", FALSE);
  /* A letter typed with its mark finds only that letter. */
  assert_finds ("sạt", "sát nhà, sạt đồi", "sạt", FALSE);
  assert_finds ("sạt", "sát nhà", NULL, TRUE);
  /* A query typed decomposed is the same query. */
  assert_finds ("sa\xcc\xa3t", "sát nhà, sạt đồi", "sạt", FALSE);
  /* Text with its marks as combining characters: they are part of the match. */
  assert_finds ("sat lo", "bị sa\xcc\xa3t lo\xcc\x9b\xcc\x89 nặng", "sa\xcc\xa3t lo\xcc\x9b\xcc\x89", FALSE);
  /* Everything else is literal. */
  assert_finds ("(BLC) - 1.000", "(BLC) - 1.000 hộ", "(BLC) - 1.000", FALSE);
  assert_finds ("(BLC) - 1.000", "(BLC) - 1x000 hộ", NULL, FALSE);
  assert_finds ("a+b*[c]\\", "x a+b*[c]\\ y", "a+b*[c]\\", FALSE);
}

/* A credit at the end of a caption, as Vietnamese papers write it; taken
 * out with its marker, as credit fields hold it ("Ảnh: Lò Văn Dũng"). */
static void
test_split_credit (void)
{
  static const struct { const char *in, *caption, *credit; } cases[] = {
    { "Người dân dọn bùn. Ảnh: Hà Anh", "Người dân dọn bùn.", "Ảnh: Hà Anh" },
    { "Người dân dọn bùn (Ảnh: TTXVN)", "Người dân dọn bùn", "Ảnh: TTXVN" },
    { "Người dân dọn bùn. (Ảnh: TTXVN).", "Người dân dọn bùn.", "Ảnh: TTXVN" },
    { "Người dân dọn bùn - Ảnh: Hà Anh/Báo Lào Cai", "Người dân dọn bùn", "Ảnh: Hà Anh/Báo Lào Cai" },
    { "Người dân dọn bùn – ảnh: hà anh", "Người dân dọn bùn", "ảnh: hà anh" },
    /* The last one counts; "Ảnh một:" is the caption's own words. */
    { "Ảnh một: người dân dọn bùn. Ảnh: Hà Anh.", "Ảnh một: người dân dọn bùn.", "Ảnh: Hà Anh" },
    { "Lũ về nhanh! Photo: Reuters", "Lũ về nhanh!", "Photo: Reuters" },
    /* Not a credit at the end of a caption: left alone. */
    { "Ảnh: Hà Anh", NULL, NULL },
    { "Người dân dọn bùn.", NULL, NULL },
    { "Ảnh chụp lúc 5 giờ: nước dâng cao.", NULL, NULL },
    { "Nước dâng. Ảnh: Hà Anh. Lực lượng cứu hộ có mặt.", NULL, NULL },
    { "Nước dâng. Ảnh: một bức ảnh do người dân địa phương chụp trong đêm qua khi nước lên rất nhanh", NULL, NULL },
    { "", NULL, NULL },
    { NULL, NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Set to NULL when there is none: a value to see it set. */
      char *credit = (char *) "x";
      g_autofree char *caption = byline_text_split_credit (cases[i].in, &credit);
      g_autofree char *owned = credit;

      g_test_message ("%s", cases[i].in ? cases[i].in : "(null)");
      g_assert_cmpstr (caption, ==, cases[i].caption);
      g_assert_cmpstr (credit, ==, cases[i].credit);
    }
}

/* Replace All with "Match Case" off keeps the case the text has. */
static void
test_match_case (void)
{
  static const struct { const char *replacement, *match, *query, *result; } cases[] = {
    { "lũ ống", "Lũ quét", "lũ quét", "Lũ ống" },
    { "lũ ống", "lũ quét", "lũ quét", "lũ ống" },
    { "lũ ống", "LŨ QUÉT", "lũ quét", "LŨ ỐNG" },
    { "Lũ ống", "lũ quét", "Lũ quét", "lũ ống" },
    { "Lũ ống", "Lũ quét", "Lũ quét", "Lũ ống" },
    { "đường", "Đường", "duong", "Đường" },
    /* As typed. */
    { "UBND", "ubnd", "ubnd", "UBND" },
    { "Hà Nội", "ha noi", "ha noi", "Hà Nội" },
    { "Hà Nội", "ha noi", "Ha noi", "Hà Nội" },
    { "Lũ ống", "lũ quét", "lũ quét", "Lũ ống" },
    { "ủy ban nhân dân", "UBND", "ubnd", "Ủy ban nhân dân" },
    { "123", "Lũ", "lũ", "123" },
    { "", "Lũ", "lũ", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = byline_text_match_case (cases[i].replacement, cases[i].match, cases[i].query);

      g_test_message ("%s / %s / %s", cases[i].replacement, cases[i].match, cases[i].query);
      g_assert_cmpstr (result, ==, cases[i].result);
    }
}

/* The byline a reporter types at the end of the text. */
static void
test_parse_byline (void)
{
  static const struct { const char *in, *authors; } cases[] = {
    { "Hà Anh", "Hà Anh" },
    { "  Lò Văn Dũng", "Lò Văn Dũng" },
    { "Hà Anh - Lò Văn Dũng", "Hà Anh|Lò Văn Dũng" },
    { "Hà Anh, Lò Dũng và Thu Hà", "Hà Anh|Lò Dũng|Thu Hà" },
    { "Hà Anh/Lò Dũng", "Hà Anh|Lò Dũng" },
    { "Bài và ảnh: Lò Văn Dũng", "Lò Văn Dũng" },
    { "BÀI, ẢNH: Hà Anh", "Hà Anh" },
    { "Tin: Nhóm PV", "Nhóm PV" },
    { "PV", "PV" },
    { "By Jane Doe", "Jane Doe" },
    /* Sentences, headings and endings are not bylines. */
    { "Đoạn hai", NULL },
    { "Hà Anh.", NULL },
    { "Hết", NULL },
    { "Anh", NULL },
    { "(Còn nữa)", NULL },
    { "Ảnh: Hà Anh", NULL },
    { "Theo Hà Anh", NULL },
    { "Hà Anh 2024", NULL },
    { "Hà ANh", NULL },
    { "Một Hai Ba Bốn Năm Sáu", NULL },
    { "A, B, C, D, E", NULL },
    { "Hà Anh, Lò Dũng, Thu Hà, Minh Khai, Văn Nam", NULL },
    { "Hà Anh -", NULL },
    /* Places are written as names are. */
    { "Huyện Mường Tè", NULL },
    { "Bản Lầy, Mường Tè", NULL },
    { "TP Lào Cai", NULL },
    { "Hồ Văn Nam", "Hồ Văn Nam" },
    { "", NULL },
    { NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) authors = byline_text_parse_byline (cases[i].in);
      g_autofree char *joined = authors != NULL ? g_strjoinv ("|", authors) : NULL;

      g_test_message ("%s", cases[i].in ? cases[i].in : "(null)");
      g_assert_cmpstr (joined, ==, cases[i].authors);
    }
}

/* How alike two captions are: by their words, whatever the case, the
 * punctuation, the spaces or how the letters are composed. */
static void
test_likeness (void)
{
  g_assert_cmpuint (byline_text_likeness ("Nước lũ tràn qua bản.", "nước  LŨ tràn qua bản"), ==, 100);
  /* "ũ" as u and a combining tilde, as some keyboards type it. */
  g_assert_cmpuint (byline_text_likeness ("Nước lũ", "Nước lu\xcc\x83"), ==, 100);
  g_assert_cmpuint (byline_text_likeness ("Nước lũ tràn qua bản.", "Nước lũ tràn qua bản Mường Hum"), ==, 71);
  g_assert_cmpuint (byline_text_likeness ("lũ lũ lũ lũ", "lũ quét qua bản"), ==, 25);
  g_assert_cmpuint (byline_text_likeness ("Nước lũ", "Mưa to"), ==, 0);
  g_assert_cmpuint (byline_text_likeness ("", "Mưa to"), ==, 0);
  g_assert_cmpuint (byline_text_likeness (NULL, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/text/prefix-lead", test_prefix_lead);
  g_test_add_func ("/text/normalize/invalid-and-control", test_normalize_invalid_and_control);
  g_test_add_func ("/text/normalize/line", test_normalize_line);
  g_test_add_func ("/text/normalize/fast-path-edges", test_normalize_fast_path_edges);
  g_test_add_func ("/text/slugify", test_slugify);
  g_test_add_func ("/text/count-words", test_count_words);
  g_test_add_func ("/text/search-pattern", test_search_pattern);
  g_test_add_func ("/text/split-credit", test_split_credit);
  g_test_add_func ("/text/parse-byline", test_parse_byline);
  g_test_add_func ("/text/match-case", test_match_case);
  g_test_add_func ("/text/likeness", test_likeness);

  return g_test_run ();
}
