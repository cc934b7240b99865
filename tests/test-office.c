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
 * documents about Word's fields are written here, as XML, and a Rich Text
 * as WordPad writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-article.h"
#include "byline-body.h"
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-zip-private.h"

static GBytes *
load (const char *name)
{
  return byline_test_data_bytes (name);
}

static BylineArticle *
import (const char  *name,
        GError     **error)
{
  g_autoptr(GBytes) bytes = load (name);
  const char *format = NULL;
  BylineArticle *article = byline_import_read (bytes, "bai.docx", NULL, &format, error);

  if (article != NULL)
    g_assert_cmpstr (format, ==, g_str_has_suffix (name, ".odt") ? "odt"
                                 : g_str_has_suffix (name, ".doc") ? "doc"
                                 : g_str_has_suffix (name, ".rtf") ? "rtf" : "docx");
  return article;
}

static void
assert_block (BylineBody     *body,
              guint           index,
              BylineBlockKind kind,
              const char     *text)
{
  const BylineBlock *block = byline_body_get_block (body, index);

  g_assert_nonnull (block);
  g_assert_cmpint (byline_block_get_kind (block), ==, kind);
  if (text != NULL)
    g_assert_cmpstr (byline_block_get_text (block), ==, text);
}

/* A story set with Word's styles: Heading, List Bullet / List Number
 * (lists made by the style), Caption, Quote; a link, bold and italics, a
 * table, tracked changes, the sapo in bold, the byline as the last line. */
static void
test_styled (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import (name, &error);
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
                "nặng nhất ở xã Pa Ủ. Xem thêm trên trang của tỉnh.");
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 3);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpint (spans[1].kind, ==, BYLINE_SPAN_ITALIC);
  g_assert_cmpint (spans[2].kind, ==, BYLINE_SPAN_LINK);
  g_assert_cmpstr (spans[2].href, ==, "https://baolaocai.vn/mua-lu");
  assert_block (body, 1, BYLINE_BLOCK_HEADING1, "Nhiều tuyến đường bị chia cắt");
  assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Quốc lộ 4H tại km 45");
  assert_block (body, 3, BYLINE_BLOCK_BULLETED_ITEM, "Tỉnh lộ 127 đoạn qua xã Kan Hồ");
  assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Quốc lộ 4H tại km 45");
  assert_block (body, 3, BYLINE_BLOCK_BULLETED_ITEM, "Tỉnh lộ 127 đoạn qua xã Kan Hồ");
  assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/jpeg");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), ==,
                   "Đường vào xã Pa Ủ bị sạt lở.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (article, 0)), ==, "Ảnh: Lò Văn Dũng");
  assert_block (body, 5, BYLINE_BLOCK_HEADING2, "Khắc phục");
  assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  assert_block (body, 8, BYLINE_BLOCK_QUOTE, "Chúng tôi sẽ thông đường trong hai ngày.");
  assert_block (body, 9, BYLINE_BLOCK_PARAGRAPH, "Số liệu: 320 hộ bị ảnh hưởng.");
  /* The tracked deletion left out, the insertion kept. */
  assert_block (body, 10, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang túc trực tại các điểm sạt lở.");

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
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;
  const BylineSpan *spans;
  guint n_spans = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lũ quét ở Mường Tè: thống kê thiệt hại");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Trận lũ quét"));

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 8);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Số liệu của Ủy ban nhân dân huyện:");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Xã – Số hộ – Thiệt hại");
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 3);
  for (guint i = 0; i < n_spans; i++)
    g_assert_cmpint (spans[i].kind, ==, BYLINE_SPAN_BOLD);
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Pa Ủ – 120 – 3 tỷ đồng");
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Mù Cả – – 1,2 tỷ đồng");
  spans = byline_block_get_spans (byline_body_get_block (body, 3), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_LINK);
  g_assert_cmpstr (spans[0].href, ==, "https://baolaocai.vn/mu-ca");
  assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang khắc phục hậu quả.");
  assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH,
                "Ở xã Pa Ủ, nước lũ cuốn trôi 12 ngôi nhà và hàng chục héc-ta lúa sắp đến ngày thu hoạch "
                "của đồng bào dân tộc La Hủ.");
  assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH,
                "Ở xã Mù Cả, đường vào trung tâm xã bị sạt lở nhiều đoạn, các lực lượng phải đi bộ "
                "hàng giờ để đưa hàng cứu trợ vào.");
  assert_block (body, 7, BYLINE_BLOCK_PARAGRAPH, "Huyện đề nghị tỉnh hỗ trợ khẩn cấp cho các hộ bị thiệt hại.");
}

/* As most reporters type it: no styles at all.  The first line is the
 * headline, "(BLC) - " makes the lead, a line in italics under a picture
 * is its caption, "Bài và ảnh: …" the byline. */
static void
test_plain (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Khai mạc Chợ phiên Bắc Hà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Sáng 6/12"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Chợ họp vào Chủ nhật hằng tuần.");
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
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "CHỢ PHIÊN BẮC HÀ");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên Bắc Hà.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                "Người dân các xã Lùng Phình, Tả Van Chư mang hàng xuống chợ. "
                "Giá một con ngựa bạch khoảng 25 triệu đồng.");
  assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  /* ° is no letter of TCVN3's: kept. */
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiệt độ buổi sáng chỉ còn 8°C.");
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
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Những ngày này"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                "Du khách đổ về xã Lùng Phình để chụp ảnh bên những cánh đồng hoa.");
  assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mùa hoa kéo dài đến hết tháng 11.");
  assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
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
  g_autoptr(GBytes) bytes = load (data);
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

  /* A story with nothing left out says so with an empty list. */
  {
    g_autoptr(GBytes) plain = load ("docx/cho-phien.docx");
    g_auto(GStrv) none = NULL;
    g_autoptr(BylineArticle) whole = byline_import_read_full (plain, "bai.docx", NULL, NULL, &none, &error);

    g_assert_no_error (error);
    g_assert_nonnull (none);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
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
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Chợ phiên Cán Cấu");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Chợ có hơn 200 gian hàng.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Người dân vẫn mang hàng xuống chợ từ sáng sớm.");
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
  g_autoptr(BylineArticle) article = import (data, &error);
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
    g_autoptr(GBytes) bytes = load (data);
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
  g_autoptr(BylineArticle) article = import (data, &error);
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Giá một con ngựa khoảng 25 triệu đồng.");
  assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 5, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH, "Bảng 1: Giá các mặt hàng");
}

/* A text box (a sidebar beside the text) keeps its words: its paragraphs
 * come after the one it is anchored in, once (Word writes each box twice,
 * for new readers and old).  They were lost. */
static void
test_text_box (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import (data, &error);
  BylineBody *body;
  guint found = 0;

  g_assert_no_error (error);
  body = byline_article_get_body (article);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Chợ mở từ 6 giờ sáng.");
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
  g_autoptr(GBytes) bytes = load ("doc/nhom-anh.doc");
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_read_full (bytes, "bai.doc", NULL, NULL, &left_out, &error);
  const char *expected[] = { "picture 3", NULL };
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Nhà sàn của người Dao đỏ ở Tả Van");
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Ngôi nhà lớn nhất bản đã hơn 100 năm tuổi.");
  assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
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
  g_autoptr(BylineArticle) article = import (data, &error);
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Du lịch");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Điểm nhấn của năm.");
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpuint (spans[0].start, ==, 0);
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Du khách đến Sa Pa đông nhất.");
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
  BylineArticle *article = import ("docx/mua-lu.docx", &error);
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
  g_autoptr(BylineArticle) article = import ("docx/stored.docx", &error);

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
  g_autoptr(GBytes) good = load ("docx/mua-lu.docx");
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
  g_autoptr(GBytes) bytes = load ("docx/mua-lu.docx");
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
  g_autoptr(GBytes) bytes = load ("docx/entities.docx");
  g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "word/document.xml"));
}

/* Documents damaged at random places (a fixed seed, so that a failure
 * comes back): each read gives a story or an error, never a crash, and a
 * story's pictures are files that exist.  The -stored copies keep their
 * members uncompressed, so that the damage reaches the XML readers. */
static guint
mutate (const char *name,
        guint       most)
{
  g_autoptr(GBytes) good = load (name);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  gsize length = g_bytes_get_size (good);
  guint read = 0, refused = 0;

  for (guint round = 0; round < 300; round++)
    {
      guint8 *bytes = g_memdup2 (g_bytes_get_data (good, NULL), length);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, most);

      for (guint i = 0; i < n; i++)
        bytes[g_rand_int_range (rand, 0, (gint32) length)] = (guint8) g_rand_int_range (rand, 0, 256);
      mutated = g_bytes_new_take (bytes, length);
      article = byline_import_read (mutated, "bai", NULL, NULL, &error);
      if (article == NULL)
        {
          g_assert_nonnull (error);
          refused++;
          continue;
        }
      read++;
      for (guint i = 0; i < byline_article_get_n_images (article); i++)
        {
          GFile *file = byline_image_get_file (byline_article_get_image (article, i));

          g_assert_true (file == NULL || g_file_query_exists (file, NULL));
        }
    }
  g_test_message ("%u read, %u refused", read, refused);
  g_assert_cmpuint (read + refused, ==, 300);
  return read;
}

static void
test_mutated (gconstpointer data)
{
  mutate (data, 8);
}

/* A binary format's every byte may be an offset or a size: many more
 * damaged at once, so that most reads are refused somewhere inside. */
static void
test_mutated_heavily (gconstpointer data)
{
  mutate (data, 400);
}

/* ------------------------------------------------------------ fields */

/* Word's runs and fields, for documents written here as XML. */
#define P(runs)        "<w:p>" runs "</w:p>"
#define RUN(text)      "<w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define BOLD(text)     "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define BEGIN          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
#define INSTR(text)    "<w:r><w:instrText xml:space=\"preserve\">" text "</w:instrText></w:r>"
#define SEPARATE       "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
#define END            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"

/* A .docx of only word/document.xml: a headline, a lead, @paragraphs and a
 * byline; its body is @paragraphs. */
static BylineArticle *
import_paragraphs (const char *paragraphs)
{
  g_autofree char *document = g_strconcat (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("Tiêu đề")) P (RUN ("(BLC) - Mở đầu.")),
    paragraphs,
    P (RUN ("Hà Anh")) "</w:body></w:document>", NULL);
  g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", document, NULL);
  g_autoptr(GError) error = NULL;
  const char *format = NULL;
  BylineArticle *article = byline_import_read (bytes, "bai.docx", NULL, &format, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "docx");
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiêu đề");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  return article;
}

static guint
count_spans (BylineBody     *body,
             guint           index,
             BylineSpanKind  kind)
{
  const BylineSpan *spans;
  guint n_spans = 0, n = 0;

  spans = byline_block_get_spans (byline_body_get_block (body, index), &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == kind)
      n++;
  return n;
}

/* Block @index has one span of @kind, over @text after @before. */
static void
assert_span (BylineBody     *body,
             guint           index,
             BylineSpanKind  kind,
             const char     *before,
             const char     *text,
             const char     *href)
{
  const BylineSpan *spans;
  guint n_spans = 0;
  guint start = g_utf8_strlen (before, -1);

  g_assert_cmpuint (count_spans (body, index, kind), ==, 1);
  spans = byline_block_get_spans (byline_body_get_block (body, index), &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == kind)
      {
        g_assert_cmpuint (spans[i].start, ==, start);
        g_assert_cmpuint (spans[i].end, ==, start + g_utf8_strlen (text, -1));
        g_assert_cmpstr (spans[i].href, ==, href);
      }
}

/* Word writes most links as fields: { HYPERLINK "url" } and its result.
 * Their addresses were lost.  The instruction comes in pieces (here the
 * field's name itself is cut), in any case, quoted or not, with switches;
 * the bold inside the link stays. */
static void
test_field_link (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đọc thêm bài trước.");
  assert_span (body, 0, BYLINE_SPAN_LINK, "Đọc thêm ", "bài trước", "https://baolaocai.vn/bai");
  assert_span (body, 0, BYLINE_SPAN_BOLD, "Đọc thêm bài ", "trước", NULL);
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Tin mới đã đăng.");
  assert_span (body, 1, BYLINE_SPAN_LINK, "", "Tin mới", "https://baolaocai.vn/tin?id=5&p=2");
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Bài ba");
  assert_span (body, 2, BYLINE_SPAN_LINK, "", "Bài ba", "https://baolaocai.vn/c");
}

/* A sentence moved with Track Changes on (Word's default tracks moves):
 * its new place is read, its old one is not.  The new place was lost. */
static void
test_tracked_move (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P ("<w:moveFrom w:id=\"1\" w:author=\"Biên tập\"><w:r><w:t xml:space=\"preserve\">Trời mưa. </w:t></w:r></w:moveFrom>"
       RUN ("Chợ vẫn đông. ")
       "<w:moveTo w:id=\"2\" w:author=\"Biên tập\"><w:r><w:t>Trời mưa.</w:t></w:r></w:moveTo>"));

  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Chợ vẫn đông. Trời mưa.");
}

/* Two paragraphs an editor joined with Track Changes on (the first one's
 * mark deleted) are one, in the second's style; a deleted mark before a
 * table joins nothing and loses nothing. */
static void
test_tracked_join (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"Biên tập\"/></w:rPr></w:pPr>" RUN ("Chợ họp từ sáng sớm,") "</w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>" RUN (" đông vui.") "</w:p>"
    "<w:p><w:pPr><w:rPr><w:del w:id=\"2\" w:author=\"Biên tập\"/></w:rPr></w:pPr>" RUN ("Trước bảng.") "</w:p>"
    "<w:tbl><w:tr><w:tc>" P (RUN ("Ô bảng.")) "</w:tc></w:tr></w:tbl>");
  BylineBody *body = byline_article_get_body (article);

  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Chợ họp từ sáng sớm, đông vui.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Trước bảng.");
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Ô bảng.");
}

/* The short form, <w:fldSimple w:instr="…">, around its result. */
static void
test_field_simple (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P (RUN ("Liên hệ ")
       "<w:fldSimple w:instr=\" HYPERLINK &quot;mailto:toasoan@baolaocai.vn&quot;"
       " \\o &quot;Thư&quot; \">"
       RUN ("tòa soạn") "</w:fldSimple>"
       RUN (", trang ")
       "<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \">" RUN ("2") "</w:fldSimple>"
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Liên hệ tòa soạn, trang 2.");
  assert_span (body, 0, BYLINE_SPAN_LINK, "Liên hệ ", "tòa soạn", "mailto:toasoan@baolaocai.vn");
}

/* \l "bookmark": a place in the document, which the story does not have:
 * its text, no link (as <w:hyperlink w:anchor="…">).  With an address too,
 * the link is to the address. */
static void
test_field_bookmark (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P (RUN ("Xem ")
       BEGIN INSTR (" HYPERLINK \\l \"_Toc1\" ") SEPARATE RUN ("mục 1") END
       RUN (" và ")
       BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/bai\" \\l \"muc-2\" ")
       SEPARATE RUN ("mục 2") END
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Xem mục 1 và mục 2.");
  assert_span (body, 0, BYLINE_SPAN_LINK, "Xem mục 1 và ", "mục 2", "https://baolaocai.vn/bai");
}

/* Fields in fields: a table of contents over several paragraphs, its
 * entries links; a page number in a link's text. */
static void
test_field_nested (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P (BEGIN INSTR (" TOC \\o \"1-3\" \\h \\z \\u ") SEPARATE
       BEGIN INSTR (" HYPERLINK \\l \"_Toc1\" ") SEPARATE RUN ("Mục một") END)
    P (BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/a\" ") SEPARATE RUN ("Mục hai") END)
    P (RUN ("Sau mục lục.") END)
    P (BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/b\" ") SEPARATE
       RUN ("trang ") BEGIN INSTR (" PAGE ") SEPARATE RUN ("4") END END
       RUN (" có ảnh.")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mục một");
  g_assert_cmpuint (count_spans (body, 0, BYLINE_SPAN_LINK), ==, 0);
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mục hai");
  assert_span (body, 1, BYLINE_SPAN_LINK, "", "Mục hai", "https://baolaocai.vn/a");
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Sau mục lục.");
  g_assert_cmpuint (count_spans (body, 2, BYLINE_SPAN_LINK), ==, 0);
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "trang 4 có ảnh.");
  assert_span (body, 3, BYLINE_SPAN_LINK, "", "trang 4", "https://baolaocai.vn/b");
}

/* Other fields show their result, as Word shows them, never their
 * instruction: nor the result of a field inside an instruction (the
 * gender a mail merge's IF tests). */
static void
test_field_other (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Trang 3, ngày 6/12/2026.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Kính gửi ông Thào A Sử.");
  g_assert_cmpuint (count_spans (body, 0, BYLINE_SPAN_LINK), ==, 0);
  g_assert_cmpuint (count_spans (body, 1, BYLINE_SPAN_LINK), ==, 0);
}

/* Only what the HTML import takes is a link: http, https, mailto; a
 * javascript: address keeps its text. */
static void
test_field_javascript (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P (BEGIN INSTR (" HYPERLINK \"javascript:alert(1)\" ") SEPARATE RUN ("Bấm vào đây") END
       RUN (" hoặc ")
       "<w:fldSimple w:instr=\"HYPERLINK JavaScript:alert(2)\">" RUN ("đây") "</w:fldSimple>"
       RUN (" hoặc ")
       BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn\" ") SEPARATE RUN ("trang chủ") END
       RUN (".")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Bấm vào đây hoặc đây hoặc trang chủ.");
  assert_span (body, 0, BYLINE_SPAN_LINK,
               "Bấm vào đây hoặc đây hoặc ", "trang chủ", "https://baolaocai.vn");
}

/* A damaged document's fields that never end: a link to the end of its
 * paragraph, not beyond; an instruction never followed by a result keeps
 * the text after it; an end or a separator of no field is nothing. */
static void
test_field_unended (void)
{
  g_autoptr(BylineArticle) article = import_paragraphs (
    P (RUN ("Đọc ") BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/bai\" ") SEPARATE
       RUN ("bài này") RUN (" và tiếp."))
    P (RUN ("Đoạn sau."))
    P (RUN ("Mở ") BEGIN INSTR (" HYPERLINK \"https://baolaocai.vn/c\" ") RUN ("chữ giữ lại."))
    P (END SEPARATE RUN ("Đoạn cuối.")));
  BylineBody *body = byline_article_get_body (article);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đọc bài này và tiếp.");
  assert_span (body, 0, BYLINE_SPAN_LINK, "Đọc ", "bài này và tiếp.", "https://baolaocai.vn/bai");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Đoạn sau.");
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mở chữ giữ lại.");
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đoạn cuối.");
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (count_spans (body, i, BYLINE_SPAN_LINK), ==, 0);
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
      article = import_paragraphs (paragraphs->str);
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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "ĐIỆN BIÊN và ¾ ±1° Mường coop");
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
    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Sáng 6/12, nước rút dần.");
    g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  }
  {
    g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", tcvn3, "word/styles.xml", styles, NULL);
    g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.docx", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lớn ở Bát Xát");
    g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Đêm 5/12, mưa lớn kéo dài.");
    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Sáng 6/12, nước rút dần.");
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
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Chợ có hơn 200 gian hàng.");
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
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Người dân Lùng Phình");
}

/* ------------------------------------------------------------ Word 97 */

/* A .doc: its paragraphs, their styles (headings, a quote), lists
 * (bulleted, numbered), bold, italics and a link, its photo and the
 * caption under it. */
static void
test_doc_styled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import ("doc/mua-lu.doc", &error);
  BylineBody *body;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lũ gây sạt lở ở Mường Tè");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(BLC) - Đêm 5/12, mưa lớn"));
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  body = byline_article_get_body (article);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
                "nặng nhất ở xã Pa Ủ. Xem thêm trên trang của tỉnh.");
  assert_span (body, 0, BYLINE_SPAN_BOLD, "Theo Ban Chỉ huy phòng chống thiên tai huyện, ", "12 điểm", NULL);
  g_assert_cmpuint (count_spans (body, 0, BYLINE_SPAN_ITALIC), ==, 1);
  /* A HYPERLINK field. */
  assert_span (body, 0, BYLINE_SPAN_LINK,
               "Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận, "
               "nặng nhất ở xã Pa Ủ. Xem thêm trên ", "trang của tỉnh", "https://baolaocai.vn/mua-lu");
  assert_block (body, 1, BYLINE_BLOCK_HEADING1, "Nhiều tuyến đường bị chia cắt");
  /* A heading's bold is its look: no span. */
  g_assert_cmpuint (count_spans (body, 1, BYLINE_SPAN_BOLD), ==, 0);
  assert_block (body, 5, BYLINE_BLOCK_HEADING2, "Khắc phục");
  assert_block (body, 6, BYLINE_BLOCK_NUMBERED_ITEM, "Huy động máy xúc");
  assert_block (body, 7, BYLINE_BLOCK_NUMBERED_ITEM, "Đưa hàng cứu trợ vào xã");
  assert_block (body, 8, BYLINE_BLOCK_QUOTE, "Chúng tôi sẽ thông đường trong hai ngày.");
}

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
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Người dân mang hàng xuống chợ, nhiệt độ 8°C.");
  assert_span (body, 0, BYLINE_SPAN_ITALIC, "Người dân mang ", "hàng", NULL);
  assert_block (body, 1, BYLINE_BLOCK_BULLETED_ITEM, "Vải lanh");
  assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Mật ong");
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
  g_assert_cmpuint (mutate (data, 8), >, 200);
}

/* A Rich Text cut anywhere (a download that stopped, an attachment cut by
 * a mail system) gives the story so far, or an error, never a crash. */
static void
test_rtf_cut (gconstpointer data)
{
  g_autoptr(GBytes) whole = load (data);
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

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_data_func ("/office/docx/styled", "docx/mua-lu.docx", test_styled);
  g_test_add_data_func ("/office/docx/plain", "docx/cho-phien.docx", test_plain);
  g_test_add_data_func ("/office/docx/data-table", "docx/bang-so-lieu.docx", test_data_table);
  g_test_add_data_func ("/office/odt/data-table", "odt/bang-so-lieu.odt", test_data_table);
  g_test_add_data_func ("/office/docx/tcvn3", "docx/vntime.docx", test_tcvn3);
  g_test_add_data_func ("/office/odt/tcvn3", "odt/vntime.odt", test_tcvn3);
  g_test_add_data_func ("/office/docx/floating", "docx/anh-noi.docx", test_floating);
  g_test_add_data_func ("/office/docx/hidden-and-deleted", "docx/an-chu.docx", test_hidden_and_deleted);
  g_test_add_data_func ("/office/odt/hidden-and-deleted", "odt/an-chu.odt", test_hidden_and_deleted);
  g_test_add_data_func ("/office/doc/hidden-and-deleted", "doc/an-chu.doc", test_hidden_and_deleted);
  g_test_add_func ("/office/odt/hidden-style", test_odt_hidden_style);
  g_test_add_data_func ("/office/docx/left-out", "docx/left-out.docx", test_left_out);
  g_test_add_data_func ("/office/odt/left-out", "odt/left-out.odt", test_left_out);
  g_test_add_data_func ("/office/doc/left-out", "doc/left-out.doc", test_left_out);
  g_test_add_func ("/office/describe-left-out", test_describe_left_out);
  g_test_add_func ("/office/docx/group-and-chart", test_group_and_chart);
  g_test_add_func ("/office/odt/chart", test_odt_chart);
  g_test_add_func ("/office/docx/tcvn3-styles", test_tcvn3_styles);
  g_test_add_func ("/office/docx/tcvn3-unicode-story", test_tcvn3_unicode_story);
  g_test_add_data_func ("/office/docx/vni", "docx/vni-times.docx", test_tcvn3);
  g_test_add_data_func ("/office/odt/vni", "odt/vni-times.odt", test_tcvn3);
  g_test_add_data_func ("/office/doc/vni", "doc/vni-times.doc", test_tcvn3);
  g_test_add_data_func ("/office/doc/vni-soft-hyphen", "doc/vni-soft-hyphen.doc", test_tcvn3);
  g_test_add_func ("/office/docx/vni-soft-hyphen", test_vni_soft_hyphen);
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
  g_test_add_func ("/office/rtf/wordpad", test_rtf_wordpad);
  g_test_add_func ("/office/rtf/size-limit", test_rtf_size_limit);
  g_test_add_data_func ("/office/rtf/mutated", "rtf/mua-lu.rtf", test_rtf_mutated);
  g_test_add_data_func ("/office/rtf/cut", "rtf/mua-lu.rtf", test_rtf_cut);
  g_test_add_func ("/office/rtf/hostile", test_rtf_hostile);

  return g_test_run ();
}
