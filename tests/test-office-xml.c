/* test-office-xml.c — Word and LibreOffice documents written here as XML,
 * each about one thing the readers must get right: Word's fields (links,
 * nested, unended, at random), tracked moves and joins, where a font is
 * said (TCVN3 and VNI), a story in Unicode on a .VnTime template, groups
 * and charts, a style's hidden text.  The stories in tests/data/ are read
 * in test-office.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "office-test-utils.h"
#include "byline-article.h"
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-ninjs.h"
#include "byline-zip-private.h"

/* Word writes most links as fields: { HYPERLINK "url" } and its result.
 * Their addresses were lost.  The instruction comes in pieces (here the
 * field's name itself is cut), in any case, quoted or not, with switches;
 * the bold inside the link stays. */
static void
test_field_link (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (RUN ("Đọc thêm ")
       BEGIN INSTR (" HYPER") INSTR ("LINK \"https://baolaocai.vn/bai\" \\o \"Bài ")
       INSTR ("trước\" ")
       SEPARATE RUN ("bài ") BOLD ("trước") END
       RUN ("."))
    P (BEGIN INSTR ("hyperlink https://baolaocai.vn/tin?id=5&amp;p=2 \\m \\n \\t \"_blank\"")
       SEPARATE RUN ("Tin mới") END
       RUN (" đã đăng."))
    P (BEGIN INSTR ("  HYPERLINK “https://baolaocai.vn/c” ") SEPARATE RUN ("Bài ba") END));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đọc thêm bài trước.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK, "Đọc thêm ", "bài trước", "https://baolaocai.vn/bai");
  office_assert_span (body, 0, BYLINE_SPAN_BOLD, "Đọc thêm bài ", "trước", NULL);
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Tin mới đã đăng.");
  office_assert_span (body, 1, BYLINE_SPAN_LINK, "", "Tin mới", "https://baolaocai.vn/tin?id=5&p=2");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bài ba");
  office_assert_span (body, 2, BYLINE_SPAN_LINK, "", "Bài ba", "https://baolaocai.vn/c");
}

/* A sentence moved with Track Changes on (Word's default tracks moves):
 * its new place is read, its old one is not.  The new place was lost. */
static void
test_tracked_move (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P ("<w:moveFrom w:id=\"1\" w:author=\"Biên tập\"><w:r><w:t xml:space=\"preserve\">Trời mưa. </w:t></w:r></w:moveFrom>"
       RUN ("Chợ vẫn đông. ")
       "<w:moveTo w:id=\"2\" w:author=\"Biên tập\"><w:r><w:t>Trời mưa.</w:t></w:r></w:moveTo>"));

  office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Chợ vẫn đông. Trời mưa.");
}

/* Two paragraphs an editor joined with Track Changes on (the first one's
 * mark deleted) are one, in the second's style; a deleted mark before a
 * table joins nothing and loses nothing. */
static void
test_tracked_join (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"Biên tập\"/></w:rPr></w:pPr>" RUN ("Chợ họp từ sáng sớm,") "</w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" RUN (" đông vui.") "</w:p>"
    "<w:p><w:pPr><w:rPr><w:del w:id=\"2\" w:author=\"Biên tập\"/></w:rPr></w:pPr>" RUN ("Trước bảng.") "</w:p>"
    "<w:tbl><w:tr><w:tc>" P (RUN ("Ô bảng.")) "</w:tc></w:tr></w:tbl>");
  BylineBody *body = byline_article_get_body (article);

  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Chợ họp từ sáng sớm, đông vui.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Trước bảng.");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Ô bảng.");
}

#define TC(properties, text) "<w:tc><w:tcPr>" properties "</w:tcPr>" P (RUN (text)) "</w:tc>"
#define RESTART "<w:vMerge w:val=\"restart\"/>"
#define GOES_ON "<w:vMerge/>"

/* Merged cells a damaged file says: a cell said to go on with nothing
 * above it is a cell alone (empty at the row's start: left out); a span of
 * a million columns, or a negative one, is one place; a merge under a row
 * of fewer cells goes on; one ended by another cell in its column does
 * not; a row that skips a grid column (w:gridBefore) has its cells where
 * they are.  A layout table's merged cells are read once. */
static void
test_merged_damaged (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    "<w:tbl>"
    "<w:tr>" TC (GOES_ON, "") TC ("", "Xã") TC ("", "Số hộ") "</w:tr>"
    "<w:tr>" TC ("<w:gridSpan w:val=\"1000000\"/>", "Tổng") TC ("", "200") TC (GOES_ON, "") "</w:tr>"
    "<w:tr>" TC ("<w:gridSpan w:val=\"-5\"/>" RESTART, "Bát Xát") TC ("", "Pa Cheo") "</w:tr>"
    "<w:tr>" TC (GOES_ON, "") "</w:tr>"
    "<w:tr>" TC (GOES_ON, "") TC ("", "Trịnh Tường") TC ("", "80") "</w:tr>"
    "<w:tr>" TC ("", "Sa Pa") TC ("", "Tả Van") "</w:tr>"
    "<w:tr>" TC (GOES_ON, "") TC ("", "Lao Chải") "</w:tr>"
    "<w:tr>" TC ("", "Bắc Hà") TC (RESTART, "Bản Phố") "</w:tr>"
    "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC (GOES_ON, "") TC ("", "12") "</w:tr>"
    "</w:tbl>"
    P (RUN ("Giữa hai bảng."))
    "<w:tbl><w:tr>"
    TC (RESTART, "Ở xã Pa Cheo, nước lũ cuốn trôi 12 ngôi nhà và hàng chục héc-ta lúa sắp đến ngày thu hoạch "
                 "của đồng bào Mông.")
    TC ("", "Ở xã Trịnh Tường, đường vào trung tâm xã bị sạt lở nhiều đoạn.") "</w:tr>"
    "<w:tr>" TC (GOES_ON, "") TC ("", "Các lực lượng phải đi bộ hàng giờ để đưa hàng cứu trợ vào.") "</w:tr></w:tbl>");
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 13);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Xã – Số hộ");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Tổng – 200");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Pa Cheo");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Bát Xát");
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Trịnh Tường – 80");
  office_assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "Sa Pa – Tả Van");
  office_assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH, "Lao Chải");
  office_assert_block (body, 7, BYLINE_BLOCK_PARAGRAPH, "Bắc Hà – Bản Phố");
  office_assert_block (body, 8, BYLINE_BLOCK_PARAGRAPH, "Bản Phố – 12");
  office_assert_block (body, 9, BYLINE_BLOCK_PARAGRAPH, "Giữa hai bảng.");
  office_assert_block (body, 10, BYLINE_BLOCK_PARAGRAPH,
                       "Ở xã Pa Cheo, nước lũ cuốn trôi 12 ngôi nhà và hàng chục héc-ta lúa sắp đến ngày thu hoạch "
                       "của đồng bào Mông.");
  office_assert_block (body, 11, BYLINE_BLOCK_PARAGRAPH, "Ở xã Trịnh Tường, đường vào trung tâm xã bị sạt lở nhiều đoạn.");
  office_assert_block (body, 12, BYLINE_BLOCK_PARAGRAPH, "Các lực lượng phải đi bộ hàng giờ để đưa hàng cứu trợ vào.");
}

#undef TC
#undef RESTART
#undef GOES_ON

/* LibreOffice's merged cells a damaged file says: a covered cell with no
 * cell above it is an empty place at a row's start and none after a cell;
 * a cell spanning a million rows or columns is one; under a row of fewer
 * cells the merge goes on. */
static void
test_odt_merged_damaged (void)
{
#define CELL(attributes, text) "<table:table-cell " attributes "><text:p>" text "</text:p></table:table-cell>"
#define COVERED "<table:covered-table-cell/>"
  static const char *content =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>"
    "<text:p>Tiêu đề</text:p><text:p>(BLC) - Mở đầu.</text:p><table:table>"
    "<table:table-row>" COVERED CELL ("", "Xã") COVERED CELL ("", "Số hộ") "</table:table-row>"
    "<table:table-row>" CELL ("table:number-rows-spanned=\"1000000\" table:number-columns-spanned=\"1000000\"", "Bát Xát")
    CELL ("", "Pa Cheo") "</table:table-row>"
    "<table:table-row>" COVERED "</table:table-row>"
    "<table:table-row>" COVERED CELL ("", "Trịnh Tường") COVERED "</table:table-row>"
    "</table:table><text:p>Hà Anh</text:p></office:text></office:body></office:document-content>";
#undef CELL
#undef COVERED
  g_autoptr(GBytes) bytes = byline_test_make_zip ("mimetype", "application/vnd.oasis.opendocument.text",
                                                  "content.xml", content, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.odt", NULL, NULL, &error);
  BylineBody *body;

  g_assert_no_error (error);
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Xã – Số hộ");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Pa Cheo");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bát Xát");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Trịnh Tường");
}

/* The short form, <w:fldSimple w:instr="…">, around its result. */
static void
test_field_simple (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (RUN ("Liên hệ ")
       "<w:fldSimple w:instr=\" HYPERLINK &quot;mailto:toasoan@baolaocai.vn&quot;"
       " \\o &quot;Thư&quot; \">"
       RUN ("tòa soạn") "</w:fldSimple>"
       RUN (", trang ")
       "<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \">" RUN ("2") "</w:fldSimple>"
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Liên hệ tòa soạn, trang 2.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK, "Liên hệ ", "tòa soạn", "mailto:toasoan@baolaocai.vn");
}

/* \l "bookmark": a place in the document, which the story does not have:
 * its text, no link (as <w:hyperlink w:anchor="…">).  With an address too,
 * the link is to the address. */
static void
test_field_bookmark (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (RUN ("Xem ")
       BEGIN INSTR (" HYPERLINK \\l \"_Toc1\" ") SEPARATE RUN ("mục 1") END
       RUN (" và ")
       BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/bai\" \\l \"muc-2\" ")
       SEPARATE RUN ("mục 2") END
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Xem mục 1 và mục 2.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK, "Xem mục 1 và ", "mục 2", "https://baolaocai.vn/bai");
}

/* Fields in fields: a table of contents over several paragraphs, its
 * entries links; a page number in a link's text. */
static void
test_field_nested (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (BEGIN INSTR (" TOC \\o \"1-3\" \\h \\z \\u ") SEPARATE
       BEGIN INSTR (" HYPERLINK \\l \"_Toc1\" ") SEPARATE RUN ("Mục một") END)
    P (BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/a\" ") SEPARATE RUN ("Mục hai") END)
    P (RUN ("Sau mục lục.") END)
    P (BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/b\" ") SEPARATE
       RUN ("trang ") BEGIN INSTR (" PAGE ") SEPARATE RUN ("4") END END
       RUN (" có ảnh.")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mục một");
  g_assert_cmpuint (office_count_spans (body, 0, BYLINE_SPAN_LINK), ==, 0);
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mục hai");
  office_assert_span (body, 1, BYLINE_SPAN_LINK, "", "Mục hai", "https://baolaocai.vn/a");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Sau mục lục.");
  g_assert_cmpuint (office_count_spans (body, 2, BYLINE_SPAN_LINK), ==, 0);
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "trang 4 có ảnh.");
  office_assert_span (body, 3, BYLINE_SPAN_LINK, "", "trang 4", "https://baolaocai.vn/b");
}

/* Other fields show their result, as Word shows them, never their
 * instruction: nor the result of a field inside an instruction (the
 * gender a mail merge's IF tests). */
static void
test_field_other (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (RUN ("Trang ") BEGIN INSTR (" PAGE ") SEPARATE RUN ("3") END
       RUN (", ngày ") BEGIN INSTR (" DATE \\@ \"d/M/yyyy\" ") SEPARATE RUN ("6/12/2026") END
       BEGIN INSTR (" XE \"Sa Pa\" ") END
       RUN ("."))
    P (RUN ("Kính gửi ")
       BEGIN INSTR (" IF ") BEGIN INSTR (" MERGEFIELD GioiTinh ") SEPARATE RUN ("«GioiTinh»") END
       INSTR (" = \"Nam\" \"ông\" \"bà\" ") SEPARATE RUN ("ông") END
       RUN (" Thào A Sử.")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Trang 3, ngày 6/12/2026.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Kính gửi ông Thào A Sử.");
  g_assert_cmpuint (office_count_spans (body, 0, BYLINE_SPAN_LINK), ==, 0);
  g_assert_cmpuint (office_count_spans (body, 1, BYLINE_SPAN_LINK), ==, 0);
}

/* Only what the HTML import takes is a link: http, https, mailto; a
 * javascript: address keeps its text. */
static void
test_field_javascript (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (BEGIN INSTR (" HYPERLINK \"javascript:alert(1)\" ") SEPARATE RUN ("Bấm vào đây") END
       RUN (" hoặc ")
       "<w:fldSimple w:instr=\"HYPERLINK JavaScript:alert(2)\">" RUN ("đây") "</w:fldSimple>"
       RUN (" hoặc ")
       BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn\" ") SEPARATE RUN ("trang chủ") END
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Bấm vào đây hoặc đây hoặc trang chủ.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK,
                      "Bấm vào đây hoặc đây hoặc ", "trang chủ", "https://baolaocai.vn");
}

/* A damaged document's fields that never end: a link to the end of its
 * paragraph, not beyond; an instruction never followed by a result keeps
 * the text after it; an end or a separator of no field is nothing. */
static void
test_field_unended (void)
{
  g_autoptr(BylineArticle) article = office_import_paragraphs (
    P (RUN ("Đọc ") BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/bai\" ") SEPARATE
       RUN ("bài này") RUN (" và tiếp."))
    P (RUN ("Đoạn sau."))
    P (RUN ("Mở ") BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/c\" ") RUN ("chữ giữ lại."))
    P (END SEPARATE RUN ("Đoạn cuối.")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đọc bài này và tiếp.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK, "Đọc ", "bài này và tiếp.", "https://baolaocai.vn/bai");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Đoạn sau.");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mở chữ giữ lại.");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đoạn cuối.");
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (office_count_spans (body, i, BYLINE_SPAN_LINK), ==, 0);
}

/* Fields' parts in any order, nested or not, in documents made at random
 * (a fixed seed, so that a failure comes back): always a story, its
 * styles within its text, some of its fields links. */
static void
test_field_random (void)
{
  static const char *pieces[] = {
    BEGIN, SEPARATE, END,
    INSTR (" HYPERLINK \"https://baolaocai.vn/x\" "), INSTR (" PAGE "), INSTR ("\\l \"a\""),
    RUN ("chữ "), BOLD ("đậm "),
    "<w:fldSimple w:instr=\"HYPERLINK https://baolaocai.vn/y\">" BEGIN RUN ("đơn ")
    "</w:fldSimple>",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  guint n_links = 0;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) paragraphs = g_string_new (NULL);
      g_autoptr(BylineArticle) article = NULL;
      BylineBody *body;

      for (guint p = 0; p < 3; p++)
        {
          g_string_append (paragraphs, "<w:p>" RUN ("Câu "));
          for (guint i = 0; i < 16; i++)
            g_string_append (paragraphs, pieces[g_rand_int_range (rand, 0, (gint32) G_N_ELEMENTS (pieces))]);
          g_string_append (paragraphs, "</w:p>");
        }
      article = office_import_paragraphs (paragraphs->str);
      body = byline_article_get_body (article);
      for (guint b = 0; b < byline_body_get_n_blocks (body); b++)
        {
          const BylineBlock *block = byline_body_get_block (body, b);
          const BylineSpan *spans;
          guint n_spans = 0;
          glong length = g_utf8_strlen (byline_block_get_text (block), -1);

          spans = byline_block_get_spans (block, &n_spans);
          for (guint i = 0; i < n_spans; i++)
            {
              g_assert_cmpuint (spans[i].start, <, spans[i].end);
              g_assert_cmpuint (spans[i].end, <=, length);
              if (spans[i].kind == BYLINE_SPAN_LINK)
                {
                  g_assert_true (g_str_has_prefix (spans[i].href, "https://baolaocai.vn/"));
                  n_links++;
                }
            }
        }
    }
  g_test_message ("%u links", n_links);
  g_assert_cmpuint (n_links, >, 0);
}

/* Where the font is said: the document's defaults, a character style (and
 * the style it is based on), a run's own; a run in another font keeps its
 * Latin-1 letters. */
static void
test_tcvn3_styles (void)
{
#define FONTS(name)  "<w:rFonts w:ascii=\"" name "\" w:hAnsi=\"" name "\"/>"
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>" FONTS (".VnTime") "</w:rPr></w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"character\" w:styleId=\"Hoa\"><w:rPr>" FONTS (".VnArialH") "</w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"HoaDam\"><w:basedOn w:val=\"Hoa\"/><w:rPr><w:b/></w:rPr></w:style>"
    "</w:styles>";
  static const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("TiÕng h¸t")) P (RUN ("(BLC) - Më ®Çu."))
    P ("<w:r><w:rPr><w:rStyle w:val=\"HoaDam\"/></w:rPr><w:t>§iÖn Biªn</w:t></w:r>"
       "<w:r><w:t xml:space=\"preserve\"> vµ </w:t></w:r>"
       "<w:r><w:rPr>" FONTS ("Arial") "</w:rPr><w:t>¾ ±1°</w:t></w:r>"
       /* Word keeps TCVN3's ư (the soft hyphen's code) as a soft hyphen. */
       "<w:r><w:t xml:space=\"preserve\"> M</w:t><w:softHyphen/><w:t>êng</w:t></w:r>"
       "<w:r><w:rPr>" FONTS ("Arial") "</w:rPr><w:t xml:space=\"preserve\"> co</w:t><w:softHyphen/><w:t>op</w:t></w:r>")
    P (RUN ("Hµ Anh")) "</w:body></w:document>";
#undef FONTS
  g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", document, "word/styles.xml", styles, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiếng hát");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Mở đầu.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  body = byline_article_get_body (article);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "ĐIỆN BIÊN và ¾ ±1° Mường coop");
}

/* An old template's Normal font is .VnTime, and the story in it was typed
 * in Unicode (on a machine without the font, where it shows right).  Runs
 * with Unicode's own letters were left alone already; a run whose letters
 * are the same in both codes ("Sáng" in bold, "Hà Anh") was converted
 * ("Sỏng").  The story as a whole is Unicode: nothing of it is converted.
 * A story in TCVN3 is converted as before, its short runs too. */
static void
test_tcvn3_unicode_story (void)
{
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/>"
    "</w:rPr></w:rPrDefault></w:docDefaults></w:styles>";
  static const char *unicode =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("Mưa lớn ở Bát Xát")) P (RUN ("(BLC) - Đêm 5/12, mưa lớn kéo dài."))
    P ("<w:r><w:rPr><w:b/></w:rPr><w:t>Sáng</w:t></w:r>"
       "<w:r><w:t xml:space=\"preserve\"> 6/12, nước rút dần.</w:t></w:r>")
    P (RUN ("Hà Anh")) "</w:body></w:document>";
  static const char *tcvn3 =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("M\u00ADa l\u00EDn \u00EB B\u00B8t X\u00B8t")) P (RUN ("(BLC) - \u00A7\u00AAm 5/12, m\u00ADa l\u00EDn k\u00D0o d\u00B5i."))
    P ("<w:r><w:rPr><w:b/></w:rPr><w:t>S\u00B8ng</w:t></w:r>"
       "<w:r><w:t xml:space=\"preserve\"> 6/12, n\u00AD\u00EDc r\u00F3t d\u00C7n.</w:t></w:r>")
    P (RUN ("H\u00B5 Anh")) "</w:body></w:document>";
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", unicode, "word/styles.xml", styles, NULL);
    g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lớn ở Bát Xát");
    office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Sáng 6/12, nước rút dần.");
    g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  }
  {
    g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", tcvn3, "word/styles.xml", styles, NULL);
    g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lớn ở Bát Xát");
    g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Đêm 5/12, mưa lớn kéo dài.");
    office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Sáng 6/12, nước rút dần.");
    g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  }
}

/* A group of two photos is two pictures (the second was lost), and a chart
 * Word draws itself, with no picture of it, is named as left out. */
static void
test_group_and_chart (void)
{
#define NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " \
           "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
           "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " \
           "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""
#define PIC(rid) "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" \
                 "<pic:blipFill><a:blip r:embed=\"" rid "\"/></pic:blipFill></pic:pic>"
  static const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " NS "><w:body>"
    P (RUN ("Tiêu đề")) P (RUN ("(BLC) - Mở đầu."))
    "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Group 1\"/><a:graphic>"
    "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\"><wpg:wgp "
    "xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\">" PIC ("rId1") PIC ("rId2")
    "</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    P (RUN ("Đoạn giữa."))
    "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"3\" name=\"Chart 3\"/><a:graphic>"
    "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rId3\"/>"
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    P (RUN ("Hà Anh")) "</w:body></w:document>";
  static const char *rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"image\" Target=\"media/a.gif\"/>"
    "<Relationship Id=\"rId2\" Type=\"image\" Target=\"media/b.gif\"/>"
    "<Relationship Id=\"rId3\" Type=\"chart\" Target=\"charts/chart1.xml\"/></Relationships>";
#undef NS
#undef PIC
  g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", document,
                                                  "word/_rels/document.xml.rels", rels,
                                                  "word/media/a.gif", "GIF89a\x20\x01\x01\x01\x80\x01",
                                                  "word/media/b.gif", "GIF89a\x40\x01\x01\x01\x80\x02", NULL);
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.docx", NULL, NULL, &left_out, &error);
  const char *expected[] = { "Chart 3", NULL };

  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 0)), ==, 288);
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 1)), ==, 320);
  g_assert_cmpstrv (left_out, expected);
}

/* A chart in a LibreOffice document with no picture of it to show is
 * named as left out. */
static void
test_odt_chart (void)
{
  static const char *content =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><office:text>"
    "<text:p>Tiêu đề</text:p><text:p>(BLC) - Mở đầu.</text:p>"
    "<text:p>Lượng mưa:<draw:frame draw:name=\"Object 1\" text:anchor-type=\"as-char\">"
    "<draw:object xlink:href=\"./Object 1\"/></draw:frame></text:p>"
    "<text:p>Hà Anh</text:p></office:text></office:body></office:document-content>";
  g_autoptr(GBytes) bytes = byline_test_make_zip ("mimetype", "application/vnd.oasis.opendocument.text",
                                                  "content.xml", content, NULL);
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.odt", NULL, NULL, &left_out, &error);
  const char *expected[] = { "Object 1", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiêu đề");
  g_assert_cmpstrv (left_out, expected);
}

/* Pictures of a document that could not come (a photo only linked on the
 * web, a chart) keep their places: their captions, kept as paragraphs, with
 * the linked photo's file and its description.  A picture added later by
 * the linked file's name goes there. */
static void
test_left_out_places (void)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("docx/cho-anh.docx");
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.docx", NULL, NULL, &left_out, &error);
  const char *expected[] = { "Picture 2", "Chart 3", NULL };
  g_autoptr(BylineImage) photo = byline_image_new ("ab", "image/jpeg");
  g_autofree char *photo_place = NULL;
  g_autofree char *chart_place = NULL;
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstrv (left_out, expected);
  body = byline_article_get_body (article);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ dân phải di dời tài sản trong đêm.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mưa kéo dài ba ngày, có nơi trên 300 mm.");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Lượng mưa ở Bát Xát.");

  /* Word's name for the photo, or its linked file's. */
  g_assert_cmpint (byline_article_find_missing_picture (article, "Picture 2", NULL), ==, 0);
  g_assert_cmpint (byline_article_find_missing_picture (article, "Lu-Quet.jpg", NULL), ==, 0);
  photo_place = byline_article_dup_missing_place (article, 0);
  g_assert_cmpstr (photo_place, ==, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  g_assert_cmpint (byline_body_find_paragraph (body, photo_place), ==, 1);
  chart_place = byline_article_dup_missing_place (article, 1);
  g_assert_cmpstr (chart_place, ==, "Lượng mưa ở Bát Xát.");
  g_assert_cmpint (byline_article_find_missing_picture (article, "bieu-do.png", "Lượng mưa ở Bát Xát."), ==, 1);
  byline_article_describe_as_missing (article, 0, photo);
  g_assert_cmpstr (byline_image_get_alt_text (photo), ==, "Nước ngập nửa nhà sàn");
  /* The photo is linked, the chart drawn by Word. */
  {
    g_autofree char *link = byline_article_dup_missing_link (article, 0);
    g_autofree char *none = byline_article_dup_missing_link (article, 1);

    g_assert_cmpstr (link, ==, "https://laocai.gov.vn/anh/lu-quet.jpg");
    g_assert_null (none);
    g_assert_null (byline_article_dup_missing_link (article, 2));
  }

  /* Forgotten, then given back where it was, with all it had. */
  {
    g_autoptr(JsonArray) pending = byline_ninjs_dup_pending_pictures (article);
    g_autoptr(JsonNode) taken = json_node_copy (json_array_get_element (pending, 0));
    g_auto(GStrv) left = NULL;
    g_autofree char *again = NULL;

    byline_article_settle_missing_picture (article, 0);
    left = byline_article_dup_missing_pictures (article);
    g_assert_cmpstrv (left, ((const char *[]) { "Chart 3", NULL }));
    byline_article_put_back_missing_picture (article, 0, taken);
    g_clear_pointer (&left, g_strfreev);
    left = byline_article_dup_missing_pictures (article);
    g_assert_cmpstrv (left, expected);
    again = byline_article_dup_missing_place (article, 0);
    g_assert_cmpstr (again, ==, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
    g_assert_cmpint (byline_article_find_missing_picture (article, "lu-quet.jpg", NULL), ==, 0);
  }

  /* The chart settled by its place, the photo by its file's name. */
  byline_article_settle_missing_picture (article, 1);
  byline_image_set_filename (photo, "lu-quet.jpg");
  byline_article_add_image (article, photo);
  g_assert_null (byline_article_dup_missing_pictures (article));
}

/* The same in a LibreOffice document: a linked photo, its caption in
 * italics under it. */
static void
test_odt_left_out_place (void)
{
  static const char *content =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
    "<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-style=\"italic\"/></style:style></office:automatic-styles>"
    "<office:body><office:text>"
    "<text:p>Lũ quét ở Bát Xát</text:p><text:p>(BLC) - Đêm 5/12, lũ quét qua Trịnh Tường.</text:p>"
    "<text:p><draw:frame draw:name=\"Ảnh 1\" text:anchor-type=\"as-char\">"
    "<draw:image xlink:href=\"../Ảnh/lu-quet.jpg\"/><svg:desc>Nước ngập nửa nhà sàn</svg:desc></draw:frame></text:p>"
    "<text:p text:style-name=\"P1\">Nước lũ tràn qua bản.</text:p>"
    "<text:p>Hà Anh</text:p></office:text></office:body></office:document-content>";
  g_autoptr(GBytes) bytes = byline_test_make_zip ("mimetype", "application/vnd.oasis.opendocument.text",
                                                  "content.xml", content, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.odt", NULL, NULL, NULL, &error);
  g_autofree char *place = NULL;

  g_assert_no_error (error);
  office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Nước lũ tràn qua bản.");
  g_assert_cmpint (byline_article_find_missing_picture (article, "lu-quet.jpg", NULL), ==, 0);
  place = byline_article_dup_missing_place (article, 0);
  g_assert_cmpstr (place, ==, "Nước lũ tràn qua bản.");
}

/* Hidden by a named style the span's own derives from (a template's
 * "Ghi chú" style, hidden): not the story's either. */
static void
test_odt_hidden_style (void)
{
#define NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
           "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
           "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles " NS "><office:styles>"
    "<style:style style:name=\"Ghi_20_ch_c3_ba_\" style:display-name=\"Ghi chú\" style:family=\"text\">"
    "<style:text-properties text:display=\"none\"/></style:style></office:styles></office:document-styles>";
  static const char *content =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " NS ">"
    "<office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\" "
    "style:parent-style-name=\"Ghi_20_ch_c3_ba_\"><style:text-properties fo:font-weight=\"bold\"/>"
    "</style:style></office:automatic-styles><office:body><office:text>"
    "<text:p>Tiêu đề</text:p><text:p>(BLC) - Mở đầu.</text:p>"
    "<text:p>Chợ có hơn 200<text:span text:style-name=\"T1\"> (ghi chú: kiểm tra lại)</text:span> gian hàng.</text:p>"
    "<text:p>Hà Anh</text:p></office:text></office:body></office:document-content>";
#undef NS
  g_autoptr(GBytes) bytes = byline_test_make_zip ("mimetype", "application/vnd.oasis.opendocument.text",
                                                  "content.xml", content, "styles.xml", styles, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.odt", NULL, NULL, &error);

  g_assert_no_error (error);
  office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Chợ có hơn 200 gian hàng.");
}

/* VNI has no letter at the soft hyphen's code: an optional hyphen in a
 * VNI-Times word is nothing, as in any other font. */
static void
test_vni_soft_hyphen (void)
{
  static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"VNI-Times\" w:hAnsi=\"VNI-Times\"/>"
    "</w:rPr></w:rPrDefault></w:docDefaults></w:styles>";
  static const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("Tieáng haùt")) P (RUN ("(BLC) - Môû ñaàu."))
    P ("<w:r><w:t>Ngöôøi daân Luøng Phì</w:t><w:softHyphen/><w:t>nh</w:t></w:r>")
    P (RUN ("Haø Anh")) "</w:body></w:document>";
  g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", document, "word/styles.xml", styles, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiếng hát");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Mở đầu.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  office_assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Người dân Lùng Phình");
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/office/odt/hidden-style", test_odt_hidden_style);
  g_test_add_func ("/office/docx/group-and-chart", test_group_and_chart);
  g_test_add_func ("/office/odt/chart", test_odt_chart);
  g_test_add_func ("/office/docx/left-out-places", test_left_out_places);
  g_test_add_func ("/office/odt/left-out-place", test_odt_left_out_place);
  g_test_add_func ("/office/docx/merged-damaged", test_merged_damaged);
  g_test_add_func ("/office/odt/merged-damaged", test_odt_merged_damaged);
  g_test_add_func ("/office/docx/tcvn3-styles", test_tcvn3_styles);
  g_test_add_func ("/office/docx/tcvn3-unicode-story", test_tcvn3_unicode_story);
  g_test_add_func ("/office/docx/vni-soft-hyphen", test_vni_soft_hyphen);
  g_test_add_func ("/office/docx/field-link", test_field_link);
  g_test_add_func ("/office/docx/tracked-move", test_tracked_move);
  g_test_add_func ("/office/docx/tracked-join", test_tracked_join);
  g_test_add_func ("/office/docx/field-simple", test_field_simple);
  g_test_add_func ("/office/docx/field-bookmark", test_field_bookmark);
  g_test_add_func ("/office/docx/field-nested", test_field_nested);
  g_test_add_func ("/office/docx/field-other", test_field_other);
  g_test_add_func ("/office/docx/field-javascript", test_field_javascript);
  g_test_add_func ("/office/docx/field-unended", test_field_unended);
  g_test_add_func ("/office/docx/field-random", test_field_random);
  return g_test_run ();
}
