/* test-office-rtf.c — Rich Text as WordPad writes it, and damaged, cut
 * and hostile: what only the .rtf reader has.  The stories saved as Rich
 * Text by LibreOffice are read in test-office.c, with the other formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "office-test-utils.h"
#include "byline-article.h"
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-zip-private.h"

/* ---------------------------------------------------------- Rich Text */

/* As WordPad saves a story typed with a Vietnamese keyboard: the code page
 * Windows-1258 (\ansicpg1258, a font's \fcharset163), whose letters take
 * their tone as a mark after them; what it has not, as \u with a "?" for
 * older readers; an old list (\pn) whose bullet is text to skip.  After a
 * byte order mark and a line end: it was taken for JSON ("unexpected
 * character `{'"). */
static void
test_rtf_wordpad (void)
{
  static const char rtf[] =
    "\xEF\xBB\xBF\n"
    "{\\rtf1\\ansi\\ansicpg1258\\deff0\\nouicompat\\deflang1066"
    "{\\fonttbl{\\f0\\fnil\\fcharset163 Times New Roman;}{\\f1\\fnil\\fcharset0 Calibri;}"
    "{\\f2\\fnil\\fcharset2 Symbol;}}\r\n"
    "{\\*\\generator Riched20 10.0.19041;}\\viewkind4\\uc1 \r\n"
    "\\pard\\sa200\\sl276\\slmult1\\b\\f0\\fs28\\lang1066 Ch\\'f5\\'f2 phi\\'ean B\\'e3\\'ecc H\\'e0\\b0\\fs22\\par\r\n"
    "(BLC) - S\\'e1ng 6/12, h\\'e0ng nghi\\'ccn du kh\\'e1ch \\'f0\\'ea\\'ecn ch\\'f5\\'f2.\\par\r\n"
    "Ng\\'fd\\'f5\\'cci d\\'e2n mang \\i h\\'e0ng\\i0  xu\\'f4\\'ecng ch\\'f5\\'f2, "
    "nhi\\u7879?t \\'f0\\'f4\\'f2 8\\f1\\'b0\\f0 C.\\par\r\n"
    "\\pard{\\pntext\\f2\\'B7\\tab}{\\*\\pn\\pnlvlblt\\pnf2\\pnindent0{\\pntxtb\\'B7}}"
    "\\fi-360\\li720\\sa200\\sl276\\slmult1 Va\\'d2i lanh\\par\r\n"
    "{\\pntext\\f2\\'B7\\tab}M\\u7853?t ong\\par\r\n"
    "\\pard\\sa200\\sl276\\slmult1 B\\'e0i v\\'e0 a\\'d2nh: Thu H\\'e0\\par\r\n"
    "}\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (rtf, sizeof rtf - 1);
  g_autoptr(GError) error = NULL;
  const char *format = NULL;
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.rtf", NULL, &format, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "rtf");
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Chợ phiên Bắc Hà");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Người dân mang hàng xuống chợ, nhiệt độ 8°C.");
  office_assert_span (body, 0, BYLINE_SPAN_ITALIC, "Người dân mang ", "hàng", NULL);
  office_assert_block (body, 1, BYLINE_BLOCK_BULLETED_ITEM, "Vải lanh");
  office_assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Mật ong");
}

/* A word processor's document carries its pictures, in hex in Rich Text:
 * it may be larger than a story's text. */
static void
test_rtf_size_limit (void)
{
  g_assert_cmpuint (byline_import_size_limit ("{\\rtf1", 6), ==, BYLINE_IMPORT_MAX_DOCUMENT_SIZE);
  g_assert_cmpuint (byline_import_size_limit ("{\"a\"", 5), ==, BYLINE_IMPORT_MAX_SIZE);
}

/* Rich Text damaged: a few bytes changed still give a story, most of the
 * times (it was refused as JSON every time). */
static void
test_rtf_mutated (gconstpointer data)
{
  g_assert_cmpuint (office_mutate (data, 8), >, 200);
}

/* A Rich Text cut anywhere (a download that stopped, an attachment cut by
 * a mail system) gives the story so far, or an error, never a crash. */
static void
test_rtf_cut (gconstpointer data)
{
  g_autoptr(GBytes) whole = byline_test_data_bytes (data);
  gsize length = g_bytes_get_size (whole);
  guint read = 0, refused = 0;

  for (gsize cut = 1; cut < length; cut += 1 + length / 400)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (whole, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai", NULL, NULL, &error);

      if (article == NULL)
        {
          g_assert_nonnull (error);
          refused++;
        }
      else
        read++;
    }
  g_test_message ("%u read, %u refused", read, refused);
  g_assert_cmpuint (read, >, 0);
}

/* What no word processor writes, made to do harm: groups nested a million
 * deep, a \bin longer than the file, a \u of a surrogate alone, a \uc
 * skipping a million bytes, a parameter of many digits, a field in a
 * field in a field… deeper than kept, and a font table of a million
 * entries.  The text around them is read. */
static void
test_rtf_hostile (void)
{
  const char *cases[] = {
    "{\\rtf1 T\\u-10179 ti\\u55357\\u56832\\'e0\\par (BLC) - M\\u-1\\'3f\\'\\par}",
    "{\\rtf1\\uc1000000 T\\u7891 ti\\par (BLC) - M\\par}",
    "{\\rtf1\\f99999999999999999999 T\\u99999999999999 ti\\par (BLC) - M\\par\\bin999999999 }",
  };
  g_autoptr(GString) deep = g_string_new ("{\\rtf1 Ti\\par (BLC) - M\\par ");
  g_autoptr(GString) fields = g_string_new ("{\\rtf1 Ti\\par (BLC) - M");
  g_autoptr(GString) fonts = g_string_new ("{\\rtf1{\\fonttbl");

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '{');
  g_string_append (deep, "\\pict\\pngblip 89504e47");
  for (guint i = 0; i < 1000; i++)
    g_string_append (fields, "{\\field{\\*\\fldinst HYPERLINK \"https://a.vn\"}{\\fldrslt x");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (fonts, "{\\f%u .VnTime;}", i);
  g_string_append (fonts, "}\\f5 Ti\\par (BLC) - M\\par}");

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 3; i++)
    {
      const char *text = i < G_N_ELEMENTS (cases) ? cases[i] : i == G_N_ELEMENTS (cases) ? deep->str
                         : i == G_N_ELEMENTS (cases) + 1 ? fields->str : fonts->str;
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.rtf", NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (byline_article_get_headline (article));
      g_assert_true (g_str_has_prefix (byline_article_get_headline (article), "T"));
    }
}

/* Merged cells a damaged row definition says: a cell said to go on with
 * nothing above it is a cell alone, one merged into the cell before it at
 * a row's start too; any right edge, however far, is a place; a row of a
 * hundred cells merged down has its first 64 told apart, the others read
 * as cells alone. */
static void
test_rtf_merged_damaged (void)
{
  g_autoptr(GString) rtf = g_string_new (
    "{\\rtf1 Ti\\par (BLC) - M\\par\n"
    "\\trowd\\clvmrg\\cellx1000\\cellx2000\\cellx3000\\intbl\\cell Xa\\cell So ho\\cell\\row\n"
    "\\trowd\\clvmgf\\cellx1000\\clmrg\\cellx-5\\cellx99999999999\\intbl Bat Xat\\cell\\cell Pa Cheo\\cell\\row\n"
    "\\trowd\\clvmrg\\cellx1000\\intbl\\cell\\row\n"
    "\\trowd\\clmrg\\cellx500\\cellx2000\\intbl\\cell Trinh Tuong\\cell\\row\n");
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BylineBody *body;

  for (guint row = 0; row < 2; row++)
    {
      g_string_append (rtf, "\\trowd");
      for (guint i = 1; i <= 100; i++)
        g_string_append_printf (rtf, "%s\\cellx%u", row == 0 ? "\\clvmgf" : "\\clvmrg", i * 100);
      g_string_append (rtf, "\\intbl");
      for (guint i = 1; i <= 100; i++)
        g_string_append (rtf, row == 0 ? " c\\cell" : "\\cell");
      g_string_append (rtf, "\\row\n");
    }
  g_string_append (rtf, "\\pard Ha Anh\\par}");
  for (guint i = 0; i < 64; i++)
    g_string_append (wide, i == 0 ? "c" : " – c");

  bytes = g_bytes_new (rtf->str, rtf->len);
  article = byline_import_read (bytes, "bai.rtf", NULL, NULL, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Xa – So ho");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Bat Xat – Pa Cheo");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bat Xat");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Trinh Tuong");
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, 4)), wide->str));
  g_assert_cmpuint (g_utf8_strlen (byline_block_get_text (byline_body_get_block (body, 4)), -1), ==,
                    100 + 99 * 3);
  office_assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, wide->str);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/office/rtf/wordpad", test_rtf_wordpad);
  g_test_add_func ("/office/rtf/size-limit", test_rtf_size_limit);
  g_test_add_data_func ("/office/rtf/mutated", "rtf/mua-lu.rtf", test_rtf_mutated);
  g_test_add_data_func ("/office/rtf/cut", "rtf/mua-lu.rtf", test_rtf_cut);
  g_test_add_func ("/office/rtf/hostile", test_rtf_hostile);
  g_test_add_func ("/office/rtf/merged-damaged", test_rtf_merged_damaged);
  return g_test_run ();
}
