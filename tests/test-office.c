/* test-office.c — stories written in Word (.docx, and Word 97's .doc) and
 * LibreOffice Writer (.odt), and the ZIP reader under them
 *
 * The documents in tests/data/docx/ were written by python-docx
 * (make-*.py beside them), as Word writes them: styles.xml, numbering.xml,
 * pictures in word/media/, relationships for pictures and links.  Those in
 * tests/data/odt/ are the same two converted by LibreOffice Writer 7.4
 * (soffice --convert-to odt), and one with a captioned frame; those in
 * tests/data/doc/ the same saved in Word 97's format, read here as
 * stories (their records damaged: test-office-doc.c); those in
 * tests/data/rtf/ the same saved as Rich Text by LibreOffice 7.4.  The
 * documents written as XML, each about one thing (Word's fields, tracked
 * changes, fonts), are read in test-office-xml.c; Rich Text as WordPad
 * writes it, and damaged, in test-office-rtf.c; shared helpers are in
 * office-test-utils.c.
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

/* A story set with Word's styles: Heading, List Bullet / List Number
 * (lists made by the style), Caption, Quote; a link, bold and italics, a
 * table, tracked changes, the sapo in bold, the byline as the last line. */
static void
test_styled (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (name, &error);
  BylineBody *body;
  BylineImage *image;
  const BylineSpan *spans;
  guint n_spans = 0;
  GFile *file;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lũ gây sạt lở ở Mường Tè");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Đêm 5/12, mưa lớn kéo dài gây sạt lở nhiều tuyến đường ở huyện Mường Tè. "
                   "Hàng trăm hộ dân bị cô lập.");
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "BLC");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  g_assert_null (byline_article_get_authors (article)[1]);

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 11);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                       "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
                "nặng nhất ở xã Pa Ủ. Xem thêm trên trang của tỉnh.");
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 3);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpint (spans[1].kind, ==, BYLINE_SPAN_ITALIC);
  g_assert_cmpint (spans[2].kind, ==, BYLINE_SPAN_LINK);
  g_assert_cmpstr (spans[2].href, ==, "https://baolaocai.vn/mua-lu");
  office_assert_block (body, 1, BYLINE_BLOCK_HEADING1, "Nhiều tuyến đường bị chia cắt");
  office_assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Quốc lộ 4H tại km 45");
  office_assert_block (body, 3, BYLINE_BLOCK_BULLETED_ITEM, "Tỉnh lộ 127 đoạn qua xã Kan Hồ");
  office_assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Quốc lộ 4H tại km 45");
  office_assert_block (body, 3, BYLINE_BLOCK_BULLETED_ITEM, "Tỉnh lộ 127 đoạn qua xã Kan Hồ");
  office_assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/jpeg");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), ==,
                   "Đường vào xã Pa Ủ bị sạt lở.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (article, 0)), ==, "Ảnh: Lò Văn Dũng");
  office_assert_block (body, 5, BYLINE_BLOCK_HEADING2, "Khắc phục");
  office_assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  office_assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  office_assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  office_assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  office_assert_block (body, 8, BYLINE_BLOCK_QUOTE, "Chúng tôi sẽ thông đường trong hai ngày.");
  office_assert_block (body, 9, BYLINE_BLOCK_PARAGRAPH, "Số liệu: 320 hộ bị ảnh hưởng.");
  /* The tracked deletion left out, the insertion kept. */
  office_assert_block (body, 10, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang túc trực tại các điểm sạt lở.");

  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 4)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Đường vào xã Pa Ủ bị sạt lở.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Đất đá tràn xuống quốc lộ 4H");
  /* The first picture is the featured one, as when added in the window. */
  g_assert_true (byline_image_get_featured (image));
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  /* Named after the document, not "image1.jpg" (Word) or a long number
   * (LibreOffice). */
  g_assert_cmpstr (byline_image_get_filename (image), ==, "bai-1.jpg");
  g_assert_cmpuint (byline_image_get_width (image), ==, 64);
  g_assert_cmpuint (byline_image_get_height (image), ==, 48);
  file = byline_image_get_file (image);
  g_assert_nonnull (file);
  g_assert_true (g_file_query_exists (file, NULL));
}

/* A small data table is a paragraph a row, its cells joined by " – ",
 * their bold and links kept; an empty cell keeps its place.  A table of
 * two cells of long text lays the page out: its paragraphs stay. */
static void
test_data_table (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  const BylineSpan *spans;
  guint n_spans = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lũ quét ở Mường Tè: thống kê thiệt hại");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Trận lũ quét"));

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 8);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Số liệu của Ủy ban nhân dân huyện:");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Xã – Số hộ – Thiệt hại");
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 3);
  for (guint i = 0; i < n_spans; i++)
    g_assert_cmpint (spans[i].kind, ==, BYLINE_SPAN_BOLD);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Pa Ủ – 120 – 3 tỷ đồng");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Mù Cả – – 1,2 tỷ đồng");
  spans = byline_block_get_spans (byline_body_get_block (body, 3), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_LINK);
  g_assert_cmpstr (spans[0].href, ==, "https://baolaocai.vn/mu-ca");
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang khắc phục hậu quả.");
  office_assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH,
                       "Ở xã Pa Ủ, nước lũ cuốn trôi 12 ngôi nhà và hàng chục héc-ta lúa sắp đến ngày thu hoạch "
                "của đồng bào dân tộc La Hủ.");
  office_assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH,
                       "Ở xã Mù Cả, đường vào trung tâm xã bị sạt lở nhiều đoạn, các lực lượng phải đi bộ "
                "hàng giờ để đưa hàng cứu trợ vào.");
  office_assert_block (body, 7, BYLINE_BLOCK_PARAGRAPH, "Huyện đề nghị tỉnh hỗ trợ khẩn cấp cho các hộ bị thiệt hại.");
}

/* A data table's merged cells (gop-o.docx, and LibreOffice's .odt, .doc
 * and .rtf of it): "Bát Xát", a link, merged down two rows, is in both,
 * link and all, so that the second row still says which district its
 * commune is in; "Tổng", merged across two columns, is one place, "200"
 * right after it.  The four formats give the same lines. */
static void
test_merged_cells (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  const BylineSpan *spans;
  guint n_spans = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lào Cai hỗ trợ các hộ bị lũ cuốn trôi nhà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Tỉnh đã chuyển tiền"));

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Số hộ được hỗ trợ, theo Sở Lao động – Thương binh và Xã hội:");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Huyện – Xã – Số hộ");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Pa Cheo – 120");
  office_assert_span (body, 2, BYLINE_SPAN_LINK, "", "Bát Xát", "https://baolaocai.vn/bat-xat");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Bát Xát – Trịnh Tường – 80");
  office_assert_span (body, 3, BYLINE_SPAN_LINK, "", "Bát Xát", "https://baolaocai.vn/bat-xat");
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Tổng – 200");
  spans = byline_block_get_spans (byline_body_get_block (body, 4), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  for (guint i = 0; i < n_spans; i++)
    g_assert_cmpint (spans[i].kind, ==, BYLINE_SPAN_BOLD);
  office_assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "Mỗi hộ được hỗ trợ 40 triệu đồng để dựng lại nhà trước mùa đông.");
}

/* A story on a template that starts with a masthead, the paper's name and
 * the issue side by side in a table: the headline is the first paragraph
 * after it, the masthead's lines come after the lead, as the text's first.
 * (The masthead's first line was the headline, the headline the lead.)  A
 * headline boxed in a one-cell table stays the headline. */
static void
test_masthead (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lũ gây sạt lở ở Bát Xát");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Đêm qua, mưa lớn gây sạt lở nhiều tuyến đường ở huyện Bát Xát.");
  body = byline_article_get_body (article);
  n = byline_body_get_n_blocks (body);
  if (strstr (data, "masthead-row") != NULL)
    {
      g_assert_cmpuint (n, ==, 3);
      office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "BÁO LÀO CAI – Thứ Hai, 7/12/2026");
    }
  else if (strstr (data, "masthead") != NULL)
    {
      /* Nothing of it lost, in its order. */
      g_assert_cmpuint (n, ==, 6);
      office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "BÁO LÀO CAI");
      office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh Lào Cai");
      office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Số 1234");
      office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Thứ Hai, 7/12/2026");
    }
  else
    g_assert_cmpuint (n, ==, 2);
  office_assert_block (body, n - 2, BYLINE_BLOCK_PARAGRAPH,
                       "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận.");
  office_assert_block (body, n - 1, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang túc trực.");
}

/* As most reporters type it: no styles at all.  The first line is the
 * headline, "(BLC) - " makes the lead, a line in italics under a picture
 * is its caption, "Bài và ảnh: …" the byline. */
static void
test_plain (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Khai mạc Chợ phiên Bắc Hà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Sáng 6/12"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Chợ họp vào Chủ nhật hằng tuần.");
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), ==,
                   "Du khách tham quan chợ phiên.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (article, 0)), ==, "Ảnh: Thu Hà");
  g_assert_true (byline_image_get_featured (byline_article_get_image (article, 0)));
  g_assert_false (byline_image_get_featured (byline_article_get_image (article, 1)));
  /* The second picture has no line under it that is a caption. */
  g_assert_true (byline_text_is_blank (byline_image_get_caption (byline_article_get_image (article, 1))));
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 1)), ==, "image/png");
  /* Named after the document, in order. */
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article, 0)), ==, "bai-1.png");
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article, 1)), ==, "bai-2.png");
}

/* Typed in TCVN3 with the .VnTime font (the document's), its headline in
 * .VnTimeH (capitals): read as the fonts draw it, not as Latin-1 letters
 * ("Chî phiªn B¾c Hµ").  A sentence pasted in Unicode and Times New Roman
 * is kept as it is.  The same story in Word, LibreOffice and Word 97's
 * formats, and typed in VNI with the VNI-Times font ("Chôï phieân Baéc
 * Haø"). */
static void
test_tcvn3 (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "CHỢ PHIÊN BẮC HÀ");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên Bắc Hà.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                       "Người dân các xã Lùng Phình, Tả Van Chư mang hàng xuống chợ. "
                "Giá một con ngựa bạch khoảng 25 triệu đồng.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  /* ° is no letter of TCVN3's: kept. */
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiệt độ buổi sáng chỉ còn 8°C.");
  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Phiên chợ ngựa đông vui.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
}

/* A photo set to wrap ("Square"), anchored at the start of a paragraph:
 * after that paragraph's text, the line in italics under it its caption;
 * then an inline photo, in its order.  Word 97's format keeps the first
 * as a shape, not a character of the text: it was lost. */
static void
test_floating (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Những ngày này"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                       "Du khách đổ về xã Lùng Phình để chụp ảnh bên những cánh đồng hoa.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mùa hoa kéo dài đến hết tháng 11.");
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);

  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 1)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  g_assert_cmpuint (byline_image_get_width (image), ==, 48);
  g_assert_cmpuint (byline_image_get_height (image), ==, 32);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Cánh đồng hoa ở Lùng Phình.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
  g_assert_true (byline_image_get_featured (image));
  /* LibreOffice 7.4 writes no alt text into a .doc: /office/doc/floating-alt-text. */
  if (g_str_has_suffix (data, ".docx"))
    g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Cánh đồng hoa tam giác mạch");

  image = byline_article_get_image (article, 1);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 3)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/png");
  g_assert_cmpuint (byline_image_get_width (image), ==, 40);
  g_assert_true (byline_text_is_blank (byline_image_get_caption (image)));
}

/* Pictures that cannot be taken (an EMF chart, a picture linked on the
 * web, a missing one) are left out of the story, and the import says
 * which, by the names the word processor shows: the person is told.  The
 * photo and the text around them come in. */
static void
test_left_out (gconstpointer data)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (data);
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.docx", NULL, NULL, &left_out, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/png");
  body = byline_body_dup_plain_text (byline_article_get_body (article));
  g_assert_nonnull (strstr (body, "Biểu đồ lượng mưa."));
  g_assert_nonnull (strstr (body, "Ảnh bị mất."));

  g_assert_nonnull (left_out);
  g_assert_cmpuint (g_strv_length (left_out), ==, 3);
  /* LibreOffice names its placeholders after the pictures' own names. */
  g_assert_cmpint (g_ascii_strcasecmp (left_out[0], "Picture 2"), ==, 0);
  if (!g_str_has_suffix (data, ".odt"))
    {
      g_assert_cmpint (g_ascii_strcasecmp (left_out[1], "Picture 3"), ==, 0);
      g_assert_cmpint (g_ascii_strcasecmp (left_out[2], "Picture 4"), ==, 0);
    }

  /* The draft keeps them, with the file they were to come from, for the
   * checks to name until they are added or forgotten. */
  {
    g_auto(GStrv) kept = byline_article_dup_missing_pictures (article);
    g_autofree char *source = byline_article_dup_missing_source (article);

    g_assert_cmpstrv (kept, left_out);
    g_assert_cmpstr (source, ==, "bai.docx");
  }

  /* A story with nothing left out says so with an empty list. */
  {
    g_autoptr(GBytes) plain = byline_test_data_bytes ("docx/cho-phien.docx");
    g_auto(GStrv) none = NULL;
    g_autoptr(BylineArticle) whole = byline_import_read_full (plain, "bai.docx", NULL, NULL, &none, &error);

    g_assert_no_error (error);
    g_assert_nonnull (none);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
    g_assert_null (byline_article_dup_missing_pictures (whole));
  }
}

/* The same story in every format a word processor saves: its photo that
 * could not come keeps its place, its italic caption kept as a paragraph,
 * and a picture added with the cursor there goes there. */
static void
test_left_out_place (gconstpointer data)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, data, NULL, NULL, NULL, &error);
  const char *caption = "Nước lũ tràn qua bản. Ảnh: Hà Anh";
  g_autofree char *place = NULL;
  BylineBody *body;
  int photo;

  g_assert_no_error (error);
  body = byline_article_get_body (article);
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, caption);
  photo = byline_article_find_missing_picture (article, NULL, caption);
  g_assert_cmpint (photo, ==, 0);
  place = byline_article_dup_missing_place (article, photo);
  g_assert_cmpstr (place, ==, caption);
  g_assert_cmpint (byline_body_find_paragraph (body, place), ==, 1);
}

/* What the person reads: how many, of which file, which (three at most),
 * and why; nothing when nothing was left out. */
static void
test_describe_left_out (void)
{
  const char *one[] = { "Picture 2", NULL };
  const char *five[] = { "Picture 2", "Picture 3", "Picture 4", "Picture 5", "Picture 6", NULL };
  const char *none[] = { NULL };
  g_autofree char *said_one = byline_import_describe_left_out ("bai.docx", one);
  g_autofree char *said_five = byline_import_describe_left_out ("bai.docx", five);

  g_assert_null (byline_import_describe_left_out ("bai.docx", none));
  g_assert_null (byline_import_describe_left_out ("bai.docx", NULL));
  g_assert_cmpstr (said_one, ==, "1 picture of bai.docx was left out (Picture 2): it is missing, damaged, "
                                 "or not a JPEG, PNG, GIF or WebP picture");
  g_assert_nonnull (strstr (said_five, "5 pictures of bai.docx were left out (Picture 2, Picture 3, Picture 4, …)"));
  g_assert_null (strstr (said_five, "Picture 5"));
}

/* What the word processor does not show is not the story's: hidden text
 * (a note to the editor) and what a tracked change deleted; what it
 * inserted is.  Word 97's reader read both into the story ("đã vẫn"). */
static void
test_hidden_and_deleted (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Chợ phiên Cán Cấu");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Chợ có hơn 200 gian hàng.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Người dân vẫn mang hàng xuống chợ từ sáng sớm.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");
}

/* LibreOffice's captioned frame (Insert ▸ Caption…): the picture and
 * "Illustration 1: …" in a text box.  The caption is what follows the
 * number; the frame's description is the alt text.  Saved as .doc, the
 * frame is a text box holding the picture and the caption: they were a
 * paragraph "Illustration 1: …" above a picture with none. */
static void
test_captioned_frame (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  image = byline_article_get_image (article, 1);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Thổ cẩm của đồng bào Mông.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
  /* LibreOffice 7.4 writes no alt text into a .doc. */
  if (g_str_has_suffix (data, ".odt"))
    g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Gian hàng thổ cẩm");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 4);

  /* Nothing is left out: in a .doc, LibreOffice's frame is a { SHAPE }
   * whose result anchors the frame and then draws it again as a picture
   * for older readers, which is no second picture (it was named as one
   * left out). */
  {
    g_autoptr(GBytes) bytes = byline_test_data_bytes (data);
    g_auto(GStrv) left_out = NULL;
    g_autoptr(BylineArticle) again = byline_import_read_full (bytes, "bai", NULL, NULL, &left_out, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (left_out), ==, 0);
  }
}

/* Captions numbered by Insert Caption: "Hình 1: …", "Figure 2 – …", the
 * number a sequence field (Word's SEQ, complex or simple; LibreOffice's
 * <text:sequence>), the caption of a floating picture in a text box
 * grouped with it.  The number and its label are the document's, not the
 * story's: they were the caption's first words.  A caption numbered by
 * hand ("Ảnh 4: …", no field) is kept as typed; so is a table's caption
 * ("Bảng 1: …") under no picture. */
static void
test_numbered_captions (gconstpointer data)
{
  static const char *captions[] = {
    "Du khách tham quan chợ phiên.", "Thổ cẩm của đồng bào Mông.", "Phiên chợ ngựa.", "Ảnh 4: Sạp hàng thổ cẩm.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Khai mạc Chợ phiên Bắc Hà");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");
  g_assert_cmpuint (byline_article_get_n_images (article), ==, G_N_ELEMENTS (captions));
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);

      g_assert_cmpuint (byline_image_get_width (image), ==, 40 + i);
      g_assert_cmpstr (byline_image_get_caption (image), ==, captions[i]);
      g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
    }

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 7);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Giá một con ngựa khoảng 25 triệu đồng.");
  office_assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 5, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH, "Bảng 1: Giá các mặt hàng");
}

/* A text box (a sidebar beside the text) keeps its words: its paragraphs
 * come after the one it is anchored in, once (Word writes each box twice,
 * for new readers and old).  They were lost. */
static void
test_text_box (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  guint found = 0;

  g_assert_no_error (error);
  body = byline_article_get_body (article);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Chợ mở từ 6 giờ sáng.");
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_strcmp0 (byline_block_get_text (byline_body_get_block (body, i)), "Chợ mở từ 6 giờ sáng.") == 0)
      found++;
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
}

/* A group of pictures floating beside a paragraph (Word: Group): each
 * photo of it, in order, after the paragraph it is anchored in, and the
 * drawing in it (an EMF) named as left out.  Word 97's format anchors the
 * group, whose children have the pictures: they were all lost. */
static void
test_doc_group (void)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("doc/nhom-anh.doc");
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.doc", NULL, NULL, &left_out, &error);
  const char *expected[] = { "picture 3", NULL };
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Nhà sàn của người Dao đỏ ở Tả Van");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Ngôi nhà lớn nhất bản đã hơn 100 năm tuổi.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/jpeg");
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 0)), ==, 48);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 1)), ==, "image/png");
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 1)), ==, 40);
  g_assert_cmpstrv (left_out, expected);
}

/* A newsroom's own template: styles named in Vietnamese ("Tít", "Sapo"),
 * a paragraph style in bold, a character style in italics, and a kicker
 * ("Du lịch") above the headline, which goes below it and its lead, not
 * lost. */
static void
test_newsroom_template (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import (data, &error);
  BylineBody *body;
  const BylineSpan *spans;
  guint n_spans = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lào Cai đón 2 triệu lượt khách");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Năm 2026, Lào Cai đón hơn 2 triệu lượt khách du lịch.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Du lịch");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Điểm nhấn của năm.");
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpuint (spans[0].start, ==, 0);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Du khách đến Sa Pa đông nhất.");
  spans = byline_block_get_spans (byline_body_get_block (body, 2), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_ITALIC);
  g_assert_cmpuint (spans[0].start, ==, g_utf8_strlen ("Du khách đến ", -1));
}

/* Saved, the draft has its pictures; the temporary folder goes with the
 * article. */
static void
test_saved_with_pictures (void)
{
  g_autoptr(GFile) store_folder = byline_test_make_folder ("docx-store");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (store_folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *id = NULL;
  BylineArticle *article = office_import ("docx/mua-lu.docx", &error);
  GFile *temporary;

  g_assert_no_error (error);
  temporary = g_file_get_parent (byline_image_get_file (byline_article_get_image (article, 0)));
  g_assert_true (g_file_query_exists (temporary, NULL));
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  id = g_strdup (byline_article_get_id (article));
  g_object_unref (article);
  g_assert_false (g_file_query_exists (temporary, NULL));
  g_object_unref (temporary);

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (loaded), ==, 1);
  folder = byline_draft_store_get_draft_folder (store, id);
  {
    g_autofree char *media = byline_image_dup_media_path (byline_article_get_image (loaded, 0));
    g_autoptr(GFile) file = g_file_resolve_relative_path (folder, media);

    g_assert_true (g_file_query_exists (file, NULL));
  }
}

/* Members stored, not deflated, as some tools write them. */
static void
test_stored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import ("docx/stored.docx", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lũ quét ở Mường Tè");
}

static GBytes *
modified (GBytes *bytes,
          gsize   length,
          gssize  at,
          guint8  value)
{
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (at >= 0)
    data[at] = value;
  return g_bytes_new_take (data, length);
}

/* A document cut short, its directory damaged, its text's compressed data
 * damaged: each a clear error, never a crash or a story of garbage. */
static void
test_damaged (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("docx/mua-lu.docx");
  gsize length = g_bytes_get_size (good);
  gssize directory = byline_test_find_bytes (good, "PK\001\002", 4, FALSE);
  gssize document = byline_test_find_bytes (good, "word/document.xml", strlen ("word/document.xml"), FALSE);
  struct { const char *what; GBytes *bytes; } cases[] = {
    { "cut short", modified (good, length / 2, -1, 0) },
    { "no end record", modified (good, length - 10, -1, 0) },
    { "directory damaged", modified (good, length, directory, 'X') },
    /* The local header of document.xml is the first "word/document.xml":
     * damage the first bytes of its deflated data. */
    { "data damaged", modified (good, length, document + strlen ("word/document.xml") + 2, 0xff) },
  };

  g_assert_cmpint (directory, >, 0);
  g_assert_cmpint (document, >, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = cases[i].bytes;
      g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

      g_test_message ("%s: %s", cases[i].what, error != NULL ? error->message : "(no error)");
      g_assert_null (article);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "bai.docx is damaged"));
    }
}

/* The ZIP reader alone: a member too large for what the caller takes, and
 * one that is not there. */
static void
test_zip_limits (void)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("docx/mua-lu.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineZip) zip = byline_zip_open (bytes, "bai.docx", &error);
  g_autoptr(GBytes) part = NULL;

  g_assert_no_error (error);
  g_assert_true (byline_zip_contains (zip, "word/document.xml"));
  part = byline_zip_read (zip, "word/document.xml", 100, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE);
  g_assert_null (part);
  g_clear_error (&error);
  part = byline_zip_read (zip, "word/nothing.xml", G_MAXSIZE, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  part = byline_zip_read (zip, "word/document.xml", G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (part), >, 5);
  g_assert_cmpmem (g_bytes_get_data (part, NULL), 5, "<?xml", 5);
}

/* A document type with entities of its own (entities.docx: a small
 * "billion laughs"): Word never writes one; refused before anything is
 * expanded into the story. */
static void
test_entities_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("docx/entities.docx");
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "word/document.xml"));
}

static void
test_mutated (gconstpointer data)
{
  office_mutate (data, 8);
}

/* A binary format's every byte may be an offset or a size: many more
 * damaged at once, so that most reads are refused somewhere inside. */
static void
test_mutated_heavily (gconstpointer data)
{
  office_mutate (data, 400);
}

/* A word processor's document carries its pictures: it may be larger than
 * a story's text. */
static void
test_size_limit (void)
{
  g_assert_cmpuint (byline_import_size_limit ("PK\003\004", 4), ==, BYLINE_IMPORT_MAX_DOCUMENT_SIZE);
  g_assert_cmpuint (byline_import_size_limit ("<htm", 4), ==, BYLINE_IMPORT_MAX_SIZE);
  g_assert_cmpuint (byline_import_size_limit ("PK", 2), ==, BYLINE_IMPORT_MAX_SIZE);
  g_assert_cmpuint (BYLINE_IMPORT_MAX_DOCUMENT_SIZE, >, BYLINE_IMPORT_MAX_SIZE);
}

/* ------------------------------------------------------------ Word 97 */

/* A .doc: its paragraphs, their styles (headings, a quote), lists
 * (bulleted, numbered), bold, italics and a link, its photo and the
 * caption under it. */
static void
test_doc_styled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = office_import ("doc/mua-lu.doc", &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lũ gây sạt lở ở Mường Tè");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Đêm 5/12, mưa lớn"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  body = byline_article_get_body (article);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                       "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
                "nặng nhất ở xã Pa Ủ. Xem thêm trên trang của tỉnh.");
  office_assert_span (body, 0, BYLINE_SPAN_BOLD, "Theo Ban Chỉ huy phòng chống thiên tai huyện, ", "12 điểm", NULL);
  g_assert_cmpuint (office_count_spans (body, 0, BYLINE_SPAN_ITALIC), ==, 1);
  /* A HYPERLINK field. */
  office_assert_span (body, 0, BYLINE_SPAN_LINK,
                      "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
               "nặng nhất ở xã Pa Ủ. Xem thêm trên ", "trang của tỉnh", "https://baolaocai.vn/mua-lu");
  office_assert_block (body, 1, BYLINE_BLOCK_HEADING1, "Nhiều tuyến đường bị chia cắt");
  /* A heading's bold is its look: no span. */
  g_assert_cmpuint (office_count_spans (body, 1, BYLINE_SPAN_BOLD), ==, 0);
  office_assert_block (body, 5, BYLINE_BLOCK_HEADING2, "Khắc phục");
  office_assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  office_assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  office_assert_block (body, 8, BYLINE_BLOCK_QUOTE, "Chúng tôi sẽ thông đường trong hai ngày.");
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_data_func ("/office/docx/styled", "docx/mua-lu.docx", test_styled);
  g_test_add_data_func ("/office/docx/plain", "docx/cho-phien.docx", test_plain);
  g_test_add_data_func ("/office/docx/data-table", "docx/bang-so-lieu.docx", test_data_table);
  g_test_add_data_func ("/office/docx/masthead", "docx/masthead.docx", test_masthead);
  g_test_add_data_func ("/office/docx/masthead-row", "docx/masthead-row.docx", test_masthead);
  g_test_add_data_func ("/office/docx/boxed-title", "docx/boxed-title.docx", test_masthead);
  g_test_add_data_func ("/office/odt/masthead", "odt/masthead.odt", test_masthead);
  g_test_add_data_func ("/office/odt/masthead-row", "odt/masthead-row.odt", test_masthead);
  g_test_add_data_func ("/office/odt/boxed-title", "odt/boxed-title.odt", test_masthead);
  g_test_add_data_func ("/office/doc/masthead", "doc/masthead.doc", test_masthead);
  g_test_add_data_func ("/office/doc/masthead-row", "doc/masthead-row.doc", test_masthead);
  g_test_add_data_func ("/office/doc/boxed-title", "doc/boxed-title.doc", test_masthead);
  g_test_add_data_func ("/office/rtf/masthead", "rtf/masthead.rtf", test_masthead);
  g_test_add_data_func ("/office/rtf/masthead-row", "rtf/masthead-row.rtf", test_masthead);
  g_test_add_data_func ("/office/rtf/boxed-title", "rtf/boxed-title.rtf", test_masthead);
  g_test_add_data_func ("/office/odt/data-table", "odt/bang-so-lieu.odt", test_data_table);
  g_test_add_data_func ("/office/docx/merged-cells", "docx/gop-o.docx", test_merged_cells);
  g_test_add_data_func ("/office/odt/merged-cells", "odt/gop-o.odt", test_merged_cells);
  g_test_add_data_func ("/office/doc/merged-cells", "doc/gop-o.doc", test_merged_cells);
  g_test_add_data_func ("/office/rtf/merged-cells", "rtf/gop-o.rtf", test_merged_cells);
  g_test_add_data_func ("/office/docx/tcvn3", "docx/vntime.docx", test_tcvn3);
  g_test_add_data_func ("/office/odt/tcvn3", "odt/vntime.odt", test_tcvn3);
  g_test_add_data_func ("/office/docx/floating", "docx/anh-noi.docx", test_floating);
  g_test_add_data_func ("/office/docx/hidden-and-deleted", "docx/an-chu.docx", test_hidden_and_deleted);
  g_test_add_data_func ("/office/odt/hidden-and-deleted", "odt/an-chu.odt", test_hidden_and_deleted);
  g_test_add_data_func ("/office/doc/hidden-and-deleted", "doc/an-chu.doc", test_hidden_and_deleted);
  g_test_add_data_func ("/office/docx/left-out", "docx/left-out.docx", test_left_out);
  g_test_add_data_func ("/office/odt/left-out", "odt/left-out.odt", test_left_out);
  g_test_add_data_func ("/office/docx/left-out-place", "docx/cho-anh.docx", test_left_out_place);
  g_test_add_data_func ("/office/odt/left-out-place", "odt/cho-anh.odt", test_left_out_place);
  g_test_add_data_func ("/office/doc/left-out-place", "doc/cho-anh.doc", test_left_out_place);
  g_test_add_data_func ("/office/rtf/left-out-place", "rtf/cho-anh.rtf", test_left_out_place);
  g_test_add_data_func ("/office/doc/left-out", "doc/left-out.doc", test_left_out);
  g_test_add_func ("/office/describe-left-out", test_describe_left_out);
  g_test_add_data_func ("/office/docx/vni", "docx/vni-times.docx", test_tcvn3);
  g_test_add_data_func ("/office/docx/vni-split", "docx/vni-split.docx", test_tcvn3);
  g_test_add_data_func ("/office/odt/vni", "odt/vni-times.odt", test_tcvn3);
  g_test_add_data_func ("/office/doc/vni", "doc/vni-times.doc", test_tcvn3);
  g_test_add_data_func ("/office/doc/vni-soft-hyphen", "doc/vni-soft-hyphen.doc", test_tcvn3);
  g_test_add_data_func ("/office/odt/styled", "odt/mua-lu.odt", test_styled);
  g_test_add_data_func ("/office/odt/plain", "odt/cho-phien.odt", test_plain);
  g_test_add_data_func ("/office/odt/captioned-frame", "odt/chu-thich.odt", test_captioned_frame);
  g_test_add_data_func ("/office/doc/captioned-frame", "doc/chu-thich.doc", test_captioned_frame);
  g_test_add_data_func ("/office/docx/numbered-captions", "docx/so-hinh.docx", test_numbered_captions);
  g_test_add_data_func ("/office/odt/numbered-captions", "odt/so-hinh.odt", test_numbered_captions);
  g_test_add_data_func ("/office/doc/numbered-captions", "doc/so-hinh.doc", test_numbered_captions);
  g_test_add_data_func ("/office/docx/text-box", "docx/hop-chu.docx", test_text_box);
  g_test_add_data_func ("/office/docx/newsroom-template", "docx/mau-toa-soan.docx", test_newsroom_template);
  g_test_add_data_func ("/office/odt/newsroom-template", "odt/mau-toa-soan.odt", test_newsroom_template);
  g_test_add_data_func ("/office/odt/text-box", "odt/hop-chu.odt", test_text_box);
  g_test_add_data_func ("/office/doc/text-box", "doc/hop-chu.doc", test_text_box);
  g_test_add_func ("/office/doc/group", test_doc_group);
  g_test_add_func ("/office/docx/saved-with-pictures", test_saved_with_pictures);
  g_test_add_func ("/office/docx/stored", test_stored);
  g_test_add_func ("/office/docx/damaged", test_damaged);
  g_test_add_func ("/office/docx/zip-limits", test_zip_limits);
  g_test_add_func ("/office/size-limit", test_size_limit);
  g_test_add_func ("/office/docx/entities-refused", test_entities_refused);
  g_test_add_func ("/office/doc/styled", test_doc_styled);
  g_test_add_data_func ("/office/doc/tcvn3", "doc/vntime.doc", test_tcvn3);
  g_test_add_data_func ("/office/doc/plain", "doc/cho-phien.doc", test_plain);
  g_test_add_data_func ("/office/doc/data-table", "doc/bang-so-lieu.doc", test_data_table);
  g_test_add_data_func ("/office/doc/floating", "doc/anh-noi.doc", test_floating);
  g_test_add_data_func ("/office/doc/mutated", "doc/mua-lu.doc", test_mutated);
  g_test_add_data_func ("/office/doc/mutated-tcvn3", "doc/vntime.doc", test_mutated);
  g_test_add_data_func ("/office/doc/mutated-heavily", "doc/cho-phien.doc", test_mutated_heavily);
  g_test_add_data_func ("/office/docx/mutated", "docx/mua-lu.docx", test_mutated);
  g_test_add_data_func ("/office/docx/mutated-xml", "docx/mua-lu-stored.docx", test_mutated);
  g_test_add_data_func ("/office/odt/mutated", "odt/mua-lu.odt", test_mutated);
  g_test_add_data_func ("/office/odt/mutated-xml", "odt/mua-lu-stored.odt", test_mutated);

  g_test_add_data_func ("/office/rtf/styled", "rtf/mua-lu.rtf", test_styled);
  g_test_add_data_func ("/office/rtf/plain", "rtf/cho-phien.rtf", test_plain);
  g_test_add_data_func ("/office/rtf/data-table", "rtf/bang-so-lieu.rtf", test_data_table);
  g_test_add_data_func ("/office/rtf/tcvn3", "rtf/vntime.rtf", test_tcvn3);
  g_test_add_data_func ("/office/rtf/vni", "rtf/vni-times.rtf", test_tcvn3);
  g_test_add_data_func ("/office/rtf/floating", "rtf/anh-noi.rtf", test_floating);
  g_test_add_data_func ("/office/rtf/left-out", "rtf/left-out.rtf", test_left_out);
  g_test_add_data_func ("/office/rtf/hidden-and-deleted", "rtf/an-chu.rtf", test_hidden_and_deleted);

  return g_test_run ();
}
