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

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/text/normalize/invalid-and-control", test_normalize_invalid_and_control);
  g_test_add_func ("/text/normalize/line", test_normalize_line);
  g_test_add_func ("/text/slugify", test_slugify);
  g_test_add_func ("/text/count-words", test_count_words);

  return g_test_run ();
}
