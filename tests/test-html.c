/* test-html.c — HTML5 and plain text export, sanitized HTML import and paste,
 * plain text import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libxml/HTMLparser.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "byline-test-utils.h"
#include "byline-import.h"

#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* ----------------------------------------------------------------- helpers */

static xmlDoc *
parse_exported (const char *html)
{
  xmlDoc *doc = htmlReadMemory (html, strlen (html), "export.html", "UTF-8", PARSE_OPTIONS);
  g_assert_nonnull (doc);
  return doc;
}

/* Every element named @name under @top, in document order. */
static GPtrArray *
find_all (xmlNode    *top,
          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();
  xmlNode *node = top;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0)
        g_ptr_array_add (found, node);
      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != top && node->next == NULL)
        node = node->parent;
      if (node == top)
        break;
      node = node->next;
    }
  return found;
}

static xmlNode *
find_one (xmlNode    *top,
          const char *name)
{
  g_autoptr(GPtrArray) all = find_all (top, name);
  g_assert_cmpuint (all->len, >, 0);
  return g_ptr_array_index (all, 0);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = byline_text_normalize_line ((const char *) content, -1);
  xmlFree (content);
  return text;
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static xmlNode *
first_element_child (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return child;
  return NULL;
}

static xmlNode *
last_element_child (xmlNode *node)
{
  xmlNode *last = NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      last = child;
  return last;
}

static void
assert_block (BylineBody      *body,
              guint            index,
              BylineBlockKind  kind,
              const char      *text)
{
  const BylineBlock *block;

  g_assert_cmpuint (index, <, byline_body_get_n_blocks (body));
  block = byline_body_get_block (body, index);
  g_assert_cmpstr (byline_block_kind_to_string (byline_block_get_kind (block)), ==,
                   byline_block_kind_to_string (kind));
  if (text != NULL)
    g_assert_cmpstr (byline_block_get_text (block), ==, text);
}

static void
assert_span (BylineBody     *body,
             guint           index,
             guint           start,
             guint           end,
             BylineSpanKind  kind,
             const char     *href)
{
  guint n_spans = 0;
  const BylineSpan *spans = byline_block_get_spans (byline_body_get_block (body, index), &n_spans);

  for (guint i = 0; i < n_spans; i++)
    if (spans[i].start == start && spans[i].end == end && spans[i].kind == kind
        && g_strcmp0 (spans[i].href, href) == 0)
      return;
  g_error ("block %u has no %s span [%u, %u)", index, byline_span_kind_to_string (kind), start, end);
}

static guint
count_spans (BylineBody *body,
             guint       index)
{
  guint n_spans = 0;
  byline_block_get_spans (byline_body_get_block (body, index), &n_spans);
  return n_spans;
}

/* Every text of the article, one per line, for "contains"/"lacks" checks. */
static char *
dump_text (BylineArticle *article)
{
  GString *out = g_string_new (NULL);
  BylineBody *body = byline_article_get_body (article);
  g_autofree char *byline = byline_article_dup_byline (article);

  g_string_append_printf (out, "%s\n%s\n%s\n%s\n",
                          byline_article_get_headline (article),
                          byline_article_get_lead (article),
                          byline_article_get_dateline (article) ? byline_article_get_dateline (article) : "",
                          byline);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      guint n_spans = 0;
      const BylineSpan *spans = byline_block_get_spans (block, &n_spans);

      g_string_append_printf (out, "%s\n", byline_block_get_text (block));
      for (guint k = 0; k < n_spans; k++)
        if (spans[k].href != NULL)
          g_string_append_printf (out, "href=%s\n", spans[k].href);
    }
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_string_append_printf (out, "%s\n%s\n%s\n", byline_image_get_caption (image),
                              byline_image_get_credit (image), byline_image_get_alt_text (image));
    }
  return g_string_free (out, FALSE);
}

static void
assert_valid_text (BylineArticle *article)
{
  g_autofree char *all = dump_text (article);
  g_autofree char *nfc = g_utf8_normalize (all, -1, G_NORMALIZE_NFC);

  g_assert_true (g_utf8_validate (all, -1, NULL));
  g_assert_cmpstr (all, ==, nfc);
}

static BylineArticle *
import_string (const char  *html,
               GFile       *base,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  return byline_html_import (bytes, "test.html", base, error);
}

/* A JPEG that has only what a header reader needs: SOI and a frame header. */
static void
write_jpeg_header (GFile *file,
                   guint  width,
                   guint  height)
{
  guint8 data[] = {
    0xff, 0xd8,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff,
    0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xd9,
  };
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, (const char *) data, sizeof data, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
write_text_file (GFile      *file,
                 const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static GFile *
child_path (GFile      *folder,
            const char *path)
{
  return g_file_resolve_relative_path (folder, path);
}

/* The folder a saved news page sits in: article.html and photos/. */
static GFile *
make_news_folder (void)
{
  GFile *folder = byline_test_make_folder ("news-page");
  g_autoptr(GFile) photos = g_file_get_child (folder, "photos");
  g_autoptr(GFile) first = g_file_get_child (photos, "sat-lo-quoc-lo.png");
  g_autoptr(GFile) second = g_file_get_child (photos, "luc luong cuu ho.jpg");
  g_autoptr(GFile) logo = g_file_get_child (photos, "logo.png");
  g_autoptr(GFile) notes = g_file_get_child (photos, "ghi-chu.jpg");
  g_autoptr(GFile) page = g_file_get_child (folder, "article.html");
  g_autoptr(GBytes) html = byline_test_data_bytes ("html/article.html");
  g_autoptr(GError) error = NULL;

  g_file_make_directory (photos, NULL, &error);
  g_assert_no_error (error);
  byline_test_write_png (first, 12, 8, 0x8a5a2b);
  write_jpeg_header (second, 640, 427);
  byline_test_write_png (logo, 4, 4, 0xffffff);
  write_text_file (notes, "Ghi chú của phóng viên, không phải ảnh.\n");
  g_file_replace_contents (page, g_bytes_get_data (html, NULL), g_bytes_get_size (html), NULL,
                           FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  return folder;
}

static BylineArticle *
import_news_page (GFile *folder)
{
  g_autoptr(GFile) page = g_file_get_child (folder, "article.html");
  g_autoptr(GBytes) bytes = g_file_load_bytes (page, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_assert_nonnull (bytes);
  article = byline_html_import (bytes, "article.html", folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* ------------------------------------------------------------------ export */

static void
test_export_structure (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("media");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autofree char *html = byline_html_export (article, NULL);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  xmlNode *root, *article_node, *node;
  g_autofree char *text = NULL;
  g_autofree char *attr = NULL;
  BylineImage *first = byline_article_get_image (article, 0);
  g_autofree char *src = g_strdup_printf ("media/%s.png", byline_image_get_sha256 (first));

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"));
  doc = parse_exported (html);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "html");
  attr = node_attr (root, "lang");
  g_assert_cmpstr (attr, ==, "vi");
  g_clear_pointer (&attr, g_free);

  text = node_text (find_one (root, "title"));
  g_assert_cmpstr (text, ==, byline_article_get_headline (article));
  g_clear_pointer (&text, g_free);

  article_node = find_one (root, "article");
  node = first_element_child (article_node);
  g_assert_cmpstr ((const char *) node->name, ==, "h1");
  text = node_text (node);
  g_assert_cmpstr (text, ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_clear_pointer (&text, g_free);

  paragraphs = find_all (article_node, "p");
  node = g_ptr_array_index (paragraphs, 0);
  attr = node_attr (node, "class");
  g_assert_cmpstr (attr, ==, "dateline");
  g_clear_pointer (&attr, g_free);
  node = g_ptr_array_index (paragraphs, 1);
  attr = node_attr (node, "class");
  g_assert_cmpstr (attr, ==, "lead");
  g_clear_pointer (&attr, g_free);
  text = node_text (node);
  /* The lead already starts with the prefix: not twice. */
  g_assert_cmpstr (text, ==, byline_article_get_lead (article));
  g_clear_pointer (&text, g_free);

  node = last_element_child (article_node);
  attr = node_attr (node, "class");
  g_assert_cmpstr (attr, ==, "byline");
  g_clear_pointer (&attr, g_free);
  text = node_text (node);
  g_assert_cmpstr (text, ==, "Nguyễn Thị Hương, Lò Văn Dũng");
  g_clear_pointer (&text, g_free);

  text = node_text (find_one (article_node, "h2"));
  g_assert_cmpstr (text, ==, "Khẩn trương khắc phục hậu quả");
  g_clear_pointer (&text, g_free);
  text = node_text (find_one (article_node, "h3"));
  g_assert_cmpstr (text, ==, "Các việc cần làm ngay");
  g_clear_pointer (&text, g_free);
  node = first_element_child (find_one (article_node, "blockquote"));
  g_assert_cmpstr ((const char *) node->name, ==, "p");

  /* Two bulleted items make one <ul>, two numbered ones one <ol>. */
  lists = find_all (article_node, "ul");
  g_assert_cmpuint (lists->len, ==, 1);
  items = find_all (g_ptr_array_index (lists, 0), "li");
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&lists, g_ptr_array_unref);
  g_clear_pointer (&items, g_ptr_array_unref);
  lists = find_all (article_node, "ol");
  g_assert_cmpuint (lists->len, ==, 1);
  items = find_all (g_ptr_array_index (lists, 0), "li");
  g_assert_cmpuint (items->len, ==, 2);

  {
    const BylineBlock *block = byline_body_get_block (byline_article_get_body (article), 0);
    guint n_spans = 0;
    const BylineSpan *spans = byline_block_get_spans (block, &n_spans);
    g_autofree char *bold = NULL;

    for (guint i = 0; i < n_spans; i++)
      if (spans[i].kind == BYLINE_SPAN_BOLD)
        bold = g_utf8_substring (byline_block_get_text (block), spans[i].start, spans[i].end);
    text = node_text (find_one (article_node, "strong"));
    g_assert_cmpstr (text, ==, bold);
    g_clear_pointer (&text, g_free);
  }
  text = node_text (find_one (article_node, "em"));
  g_assert_cmpstr (text, ==, "Theo Ban");
  g_clear_pointer (&text, g_free);
  node = find_one (article_node, "a");
  attr = node_attr (node, "href");
  g_assert_cmpstr (attr, ==, "https://laichau.gov.vn/");
  g_clear_pointer (&attr, g_free);

  figures = find_all (article_node, "figure");
  g_assert_cmpuint (figures->len, ==, 2);
  node = g_ptr_array_index (figures, 0);
  attr = node_attr (node, "class");
  g_assert_cmpstr (attr, ==, "featured");
  g_clear_pointer (&attr, g_free);
  node = find_one (g_ptr_array_index (figures, 0), "img");
  attr = node_attr (node, "src");
  g_assert_cmpstr (attr, ==, src);
  g_clear_pointer (&attr, g_free);
  attr = node_attr (node, "alt");
  g_assert_cmpstr (attr, ==, "Đất đá tràn xuống mặt đường, một máy xúc đang dọn.");
  g_clear_pointer (&attr, g_free);
  attr = node_attr (node, "width");
  g_assert_cmpstr (attr, ==, "12");
  g_clear_pointer (&attr, g_free);
  attr = node_attr (node, "height");
  g_assert_cmpstr (attr, ==, "8");
  g_clear_pointer (&attr, g_free);
  text = node_text (find_one (g_ptr_array_index (figures, 0), "figcaption"));
  g_assert_cmpstr (text, ==, "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng. Ảnh: Lò Văn Dũng");
  g_clear_pointer (&text, g_free);
  node = find_one (g_ptr_array_index (figures, 0), "span");
  attr = node_attr (node, "class");
  g_assert_cmpstr (attr, ==, "credit");
  g_clear_pointer (&attr, g_free);
  text = node_text (node);
  g_assert_cmpstr (text, ==, "Ảnh: Lò Văn Dũng");
  g_clear_pointer (&text, g_free);

  /* Nothing a reader does not need. */
  g_assert_null (strstr (html, "style="));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, " id="));
}

static void
test_export_fragment_and_options (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineHtmlOptions options = { .media_base = "https://cdn.baolaichau.vn/anh/", .fragment = TRUE };
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected_src = NULL;

  /* The lead without its prefix: the export adds it. */
  byline_article_set_lead (article, "Mưa lớn kéo dài.");
  html = byline_html_export (article, &options);
  g_assert_true (g_str_has_prefix (html, "<article>\n<h1>"));
  g_assert_true (g_str_has_suffix (html, "</article>\n"));
  g_assert_null (strstr (html, "<html"));
  g_assert_null (strstr (html, "<title>"));
  g_assert_nonnull (strstr (html, "<p class=\"lead\">(BLC) - Mưa lớn kéo dài.</p>"));
  expected_src = g_strdup_printf ("src=\"https://cdn.baolaichau.vn/anh/%s.png\"",
                                  byline_image_get_sha256 (byline_article_get_image (article, 0)));
  g_assert_nonnull (strstr (html, expected_src));

  body = byline_html_export_body (article, &options);
  g_assert_true (g_str_has_prefix (body, "<p><em>Theo Ban"));
  g_assert_null (strstr (body, "<article"));
  g_assert_null (strstr (body, "<h1>"));
  g_assert_null (strstr (body, "class=\"lead\""));
  g_assert_null (strstr (body, "class=\"byline\""));
  g_assert_nonnull (strstr (body, "<figure"));
}

static void
test_export_overlapping_spans (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body = byline_article_get_body (article);
  BylineHtmlOptions fragment = { .fragment = TRUE };
  g_autofree char *html = NULL;
  guint i;

  byline_article_set_headline (article, "Chồng lấn");
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "đậm nghiêng thường");
  byline_body_apply_span (body, i, 0, 11, BYLINE_SPAN_BOLD, NULL, TRUE);
  byline_body_apply_span (body, i, 4, 18, BYLINE_SPAN_ITALIC, NULL, TRUE);
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Xem trang Báo Lai Châu ngay");
  byline_body_apply_span (body, i, 4, 22, BYLINE_SPAN_LINK, "https://baolaichau.vn/?a=1&b=2", TRUE);
  byline_body_apply_span (body, i, 10, 27, BYLINE_SPAN_BOLD, NULL, TRUE);
  /* A link the model holds but no reader should get: its text stays. */
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "bấm đây");
  byline_body_apply_span (body, i, 0, 7, BYLINE_SPAN_LINK, "javascript:alert(1)", TRUE);

  html = byline_html_export_body (article, &fragment);
  g_assert_cmpstr (html, ==,
                   "<p><strong>đậm <em>nghiêng</em></strong><em> thường</em></p>\n"
                   "<p>Xem <a href=\"https://baolaichau.vn/?a=1&amp;b=2\">trang <strong>Báo Lai Châu</strong></a>"
                   "<strong> ngay</strong></p>\n"
                   "<p>bấm đây</p>\n");

  /* And the spans come back as they were. */
  g_clear_pointer (&html, g_free);
  html = byline_html_export (article, &fragment);
  back = import_string (html, NULL, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (back);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "đậm nghiêng thường");
  g_assert_cmpuint (count_spans (body, 0), ==, 2);
  assert_span (body, 0, 0, 11, BYLINE_SPAN_BOLD, NULL);
  assert_span (body, 0, 4, 18, BYLINE_SPAN_ITALIC, NULL);
  g_assert_cmpuint (count_spans (body, 1), ==, 2);
  assert_span (body, 1, 4, 22, BYLINE_SPAN_LINK, "https://baolaichau.vn/?a=1&b=2");
  assert_span (body, 1, 10, 27, BYLINE_SPAN_BOLD, NULL);
  g_assert_cmpuint (count_spans (body, 2), ==, 0);
}

static void
test_export_escaping (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *alt = NULL;
  g_autoptr(BylineImage) image = byline_image_new ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                                   "image/jpeg");
  const char *headline = "<script>alert(\"Đà Nẵng\")</script> & 'Hội An'";
  const char *para = "Giá 5 < 7 & 9 > 3, \"trích dẫn\" và 'nháy đơn' ở Đắk Lắk </p><img src=x onerror=alert(1)>";
  const char *authors[] = { "Hà <Nội>", NULL };
  BylineBody *body = byline_article_get_body (article);
  xmlNode *root;

  byline_article_set_headline (article, headline);
  byline_article_set_authors (article, authors);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, para);
  byline_image_set_caption (image, "Ảnh \"đẹp\" <b>");
  byline_image_set_alt_text (image, "\" onload=\"alert(1)");
  byline_article_add_image (article, image);
  byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (image));

  html = byline_html_export (article, NULL);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img src=x"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<Nội>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;Đà Nẵng&quot;)&lt;/script&gt; &amp; &#39;Hội An&#39;"));
  g_assert_nonnull (strstr (html, "alt=\"&quot; onload=&quot;alert(1)\""));

  /* A parser reads back exactly what the writer wrote. */
  doc = parse_exported (html);
  root = xmlDocGetRootElement (doc);
  title = node_text (find_one (root, "title"));
  g_assert_cmpstr (title, ==, headline);
  g_clear_pointer (&title, g_free);
  title = node_text (find_one (root, "h1"));
  g_assert_cmpstr (title, ==, headline);
  text = node_text (find_one (root, "p"));
  g_assert_cmpstr (text, ==, para);
  alt = node_attr (find_one (root, "img"), "alt");
  g_assert_cmpstr (alt, ==, "\" onload=\"alert(1)");
  g_assert_null (xmlHasProp (find_one (root, "img"), (const xmlChar *) "onload"));
}

static void
test_export_text (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autofree char *text = byline_text_export (article);

  g_assert_cmpstr (text, ==,
                   "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản\n"
                   "\n"
                   "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng tại nhiều xã "
                   "của huyện Nậm Nhùn, tỉnh Lai Châu.\n"
                   "\n"
                   "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 37 hộ dân "
                   "phải sơ tán khẩn cấp.\n"
                   "\n"
                   "[Ảnh: Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng. — Ảnh: Lò Văn Dũng]\n"
                   "\n"
                   "Khẩn trương khắc phục hậu quả\n"
                   "\n"
                   "Thông tin chi tiết xem tại cổng thông tin điện tử của tỉnh.\n"
                   "\n"
                   "“Chúng tôi ưu tiên bảo đảm an toàn tính mạng cho người dân”, ông Phạm Văn Quý cho biết.\n"
                   "\n"
                   "Các việc cần làm ngay\n"
                   "\n"
                   "- Di dời 37 hộ khỏi vùng nguy hiểm\n"
                   "- Thông tuyến Quốc lộ 4H\n"
                   "\n"
                   "1. Kiểm đếm thiệt hại\n"
                   "2. Hỗ trợ lương thực\n"
                   "\n"
                   "[Ảnh: Lực lượng cứu hộ giúp dân di dời tài sản. — Ảnh: Nguyễn Thị Hương]\n"
                   "\n"
                   "Hiện lực lượng chức năng vẫn đang tiếp tục khắc phục.\n"
                   "\n"
                   "Nguyễn Thị Hương, Lò Văn Dũng\n");
}

/* ------------------------------------------------------------------ import */

static void
test_import_news_page (void)
{
  g_autoptr(GFile) folder = make_news_folder ();
  g_autoptr(BylineArticle) article = import_news_page (folder);
  g_autoptr(GFile) expected_file = child_path (folder, "photos/sat-lo-quoc-lo.png");
  g_autofree char *all = NULL;
  BylineBody *body = byline_article_get_body (article);
  const char * const *authors = byline_article_get_authors (article);
  BylineImage *image;

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng "
                   "tại nhiều xã của huyện Nậm Nhùn, tỉnh Lai Châu.");
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "BLC");
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "Lai Châu");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
  g_assert_nonnull (authors);
  g_assert_cmpstr (authors[0], ==, "Nguyễn Thị Hương");
  g_assert_cmpstr (authors[1], ==, "Lò Văn Dũng");
  g_assert_null (authors[2]);

  /* Two pictures attached: the figure and the CMS-style table; not the logo
   * outside the article, not the remote one, the missing one or the text file. */
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/png");
  g_assert_cmpuint (byline_image_get_width (image), ==, 12);
  g_assert_cmpuint (byline_image_get_height (image), ==, 8);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sat-lo-quoc-lo.png");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Đất đá tràn xuống mặt đường, một máy xúc đang dọn.");
  g_assert_true (byline_image_get_featured (image));
  g_assert_true (g_file_equal (byline_image_get_file (image), expected_file));
  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (expected_file, NULL, NULL, NULL);
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    g_assert_cmpstr (byline_image_get_sha256 (image), ==, sha);
  }

  image = byline_article_get_image (article, 1);
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  g_assert_cmpuint (byline_image_get_width (image), ==, 640);
  g_assert_cmpuint (byline_image_get_height (image), ==, 427);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "luc luong cuu ho.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Lực lượng cứu hộ giúp dân di dời tài sản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Nguyễn Thị Hương");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Bộ đội khiêng đồ đạc qua con suối đục ngầu.");
  g_assert_false (byline_image_get_featured (image));

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 16);
  assert_block (body, 0, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 0)), ==,
                   byline_image_get_id (byline_article_get_image (article, 0)));
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH,
                "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 37 hộ dân "
                "phải sơ tán khẩn cấp.");
  g_assert_cmpuint (count_spans (body, 1), ==, 2);
  assert_span (body, 1, 0, 8, BYLINE_SPAN_ITALIC, NULL);
  assert_span (body, 1, 66, 75, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 2, BYLINE_BLOCK_HEADING1, "Khẩn trương khắc phục hậu quả");
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH,
                "Thông tin chi tiết xem tại cổng thông tin điện tử của tỉnh. Mọi thắc mắc xin gửi "
                "hộp thư toà soạn hoặc bấm vào đây.");
  g_assert_cmpuint (count_spans (body, 3), ==, 2);
  assert_span (body, 3, 27, 58, BYLINE_SPAN_LINK, "https://laichau.gov.vn/");
  assert_span (body, 3, 81, 97, BYLINE_SPAN_LINK, "mailto:toasoan@baolaichau.vn");
  assert_block (body, 4, BYLINE_BLOCK_QUOTE,
                "“Chúng tôi ưu tiên bảo đảm an toàn tính mạng cho người dân”, ông Phạm Văn Quý cho biết.");
  assert_block (body, 5, BYLINE_BLOCK_HEADING2, "Các việc cần làm ngay");
  assert_block (body, 6, BYLINE_BLOCK_BULLETED_ITEM, "Di dời 37 hộ khỏi vùng nguy hiểm");
  assert_block (body, 7, BYLINE_BLOCK_BULLETED_ITEM, "Thông tuyến Quốc lộ 4H");
  assert_span (body, 7, 12, 22, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 8, BYLINE_BLOCK_NUMBERED_ITEM, "Kiểm đếm thiệt hại");
  assert_block (body, 9, BYLINE_BLOCK_NUMBERED_ITEM, "Hỗ trợ lương thực");
  assert_block (body, 10, BYLINE_BLOCK_IMAGE, NULL);
  /* Pictures that were not attached keep their captions as text. */
  assert_block (body, 11, BYLINE_BLOCK_PARAGRAPH, "Bản đồ các điểm sạt lở (ảnh từ nguồn ngoài).");
  assert_block (body, 12, BYLINE_BLOCK_PARAGRAPH, "Ảnh bị thiếu tệp.");
  assert_block (body, 13, BYLINE_BLOCK_PARAGRAPH, "Tệp không phải ảnh.");
  /* <br> starts a new block. */
  assert_block (body, 14, BYLINE_BLOCK_PARAGRAPH, "Hiện lực lượng chức năng vẫn đang");
  assert_block (body, 15, BYLINE_BLOCK_PARAGRAPH, "tiếp tục khắc phục.");

  all = dump_text (article);
  g_assert_null (strstr (all, "script"));
  g_assert_null (strstr (all, "dataLayer"));
  g_assert_null (strstr (all, "KHÔNG LẤY"));
  g_assert_null (strstr (all, "Thời sự"));
  g_assert_null (strstr (all, "Chia sẻ"));
  g_assert_null (strstr (all, "Nội dung ẩn"));
  g_assert_null (strstr (all, "Đoạn văn ẩn"));
  g_assert_null (strstr (all, "bình luận"));
  g_assert_null (strstr (all, "Tin liên quan"));
  g_assert_null (strstr (all, "Tin khác"));
  g_assert_null (strstr (all, "©"));
  g_assert_null (strstr (all, "javascript"));
  g_assert_null (strstr (all, "evil"));
  g_assert_null (strstr (all, "thẻ meta"));
  assert_valid_text (article);
}

/* News sites that put the headline above the element holding the story,
 * or have no <article> at all: the story is read from its headline to the
 * end of its text, not on into related stories, comments and the footer. */
static void
test_import_story_without_article (void)
{
  /* A short story: its lead, one paragraph beside it, is not more of it. */
  static const char short_story[] =
    "<html><body><div id=menu><a href=/>Trang chủ</a></div><div class=main><h1>Lũ quét ở Bát Xát</h1>"
    "<p class=lead>(BLC) - Đêm 5/12, mưa lớn kéo dài gây lũ quét tại xã Trịnh Tường.</p>"
    "<div class=body><p>Theo huyện, 37 hộ dân đã được di dời đến nơi an toàn ngay trong đêm.</p>"
    "<p>Đường lên xã bị sạt lở ở nhiều đoạn, giao thông bị chia cắt hoàn toàn.</p></div>"
    "<div class=other><p>Tin liên quan: Mưa lớn gây sạt lở trên Quốc lộ 4D, ách tắc.</p></div></div>"
    "<div class=footer><p>Báo Lào Cai. Địa chỉ: Đại lộ Trần Hưng Đạo, phường Nam Cường.</p></div></body></html>";
  /* Paragraphs written as <div>s, as older newsroom systems write them. */
  static const char div_story[] =
    "<html><body><div id=menu><a href=/>Trang chủ</a></div><div class=main><h1>Lũ quét ở Bát Xát</h1>"
    "<div class=sapo>(BLC) - Đêm 5/12, mưa lớn kéo dài gây lũ quét tại xã Trịnh Tường.</div>"
    "<div class=news-content><div style='text-align:justify'>Theo huyện, <b>37 hộ dân</b> đã được di dời "
    "đến nơi an toàn ngay trong đêm.</div><div style='text-align:justify'>Đường lên xã bị sạt lở ở nhiều "
    "đoạn, giao thông bị chia cắt hoàn toàn.</div></div>"
    "<div class=other><div>Tin liên quan: Mưa lớn gây sạt lở trên Quốc lộ 4D, ách tắc.</div></div></div>"
    "<div class=footer><div>Báo Lào Cai. Địa chỉ: Đại lộ Trần Hưng Đạo, phường Nam Cường.</div></div>"
    "</body></html>";
  static const char *const pages[] = { "html/headline-above-story.html", "html/story-in-divs.html", NULL, NULL };
  const char *const inline_pages[] = { NULL, NULL, short_story, div_story };
  static const char *const headlines[] = {
    "Lũ quét ở Bát Xát, nhiều hộ phải di dời", "Cứu hộ giúp dân vùng lũ Bát Xát", "Lũ quét ở Bát Xát",
    "Lũ quét ở Bát Xát",
  };
  static const char *const last_paragraphs[] = {
    "Đường lên xã bị sạt lở ở nhiều đoạn, giao thông bị chia cắt hoàn toàn.",
    "Đến chiều 6/12, mực nước suối đã rút, nhưng nguy cơ sạt lở vẫn còn cao ở nhiều điểm.",
    "Đường lên xã bị sạt lở ở nhiều đoạn, giao thông bị chia cắt hoàn toàn.",
    "Đường lên xã bị sạt lở ở nhiều đoạn, giao thông bị chia cắt hoàn toàn.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) html = pages[i] != NULL ? byline_test_data_bytes (pages[i])
                                                : g_bytes_new_static (inline_pages[i], strlen (inline_pages[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_html_import (html, pages[i] ? pages[i] : "tin.html", NULL, &error);
      g_autofree char *text = NULL;
      BylineBody *body;
      guint n;

      g_assert_no_error (error);
      body = byline_article_get_body (article);
      n = byline_body_get_n_blocks (body);
      text = dump_text (article);
      g_test_message ("%s:\n%s", pages[i] ? pages[i] : "tin.html", text);
      g_assert_cmpstr (byline_article_get_headline (article), ==, headlines[i]);
      g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "BLC");
      g_assert_cmpuint (n, >=, 2);
      /* The story's text, all of it, the photo that cuts it included. */
      g_assert_nonnull (strstr (text, "37 hộ dân"));
      g_assert_nonnull (strstr (text, last_paragraphs[i]));
      /* Nothing from after it. */
      g_assert_null (strstr (text, "Tin liên quan"));
      g_assert_null (strstr (text, "Tin cùng chuyên mục"));
      g_assert_null (strstr (text, "Quốc lộ 4D"));
      g_assert_null (strstr (text, "Bạn đọc"));
      g_assert_null (strstr (text, "Địa chỉ"));
      /* Nor the menu before the headline. */
      g_assert_null (strstr (text, "Trang chủ"));
    }
}

static void
test_import_head_fallbacks (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *authors;

  /* No <h1>, no marked lead: og:title and the meta description. */
  article = import_string ("<html lang='en-GB'><head><title>Tiêu đề - Báo</title>"
                           "<meta property='og:title' content='  Tiêu   đề  '>"
                           "<meta name='description' content='Tóm tắt bài.'>"
                           "<meta name='author' content='Lò Văn Dũng, Nguyễn Thị Hương'></head>"
                           "<body><p>Đoạn một.</p></body></html>", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiêu đề");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "Tóm tắt bài.");
  g_assert_cmpstr (byline_article_get_language (article), ==, "en-GB");
  authors = byline_article_get_authors (article);
  g_assert_cmpstr (authors[0], ==, "Lò Văn Dũng");
  g_assert_cmpstr (authors[1], ==, "Nguyễn Thị Hương");
  g_clear_object (&article);

  /* <title> alone; a first paragraph credited like a lead is the lead. */
  article = import_string ("<title>Chỉ có tiêu đề</title><p>(TTXVN) – Tin từ thông tấn xã.</p>"
                           "<p>Thân bài.</p>", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Chỉ có tiêu đề");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(TTXVN) – Tin từ thông tấn xã.");
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "TTXVN");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 1);
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Thân bài.");
  g_clear_object (&article);

  /* A second <h1> is a heading of the body; h4 the second level. */
  article = import_string ("<h1>Một</h1><h1>Hai</h1><h4>Bốn</h4>", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Một");
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_HEADING1, "Hai");
  assert_block (byline_article_get_body (article), 1, BYLINE_BLOCK_HEADING2, "Bốn");
  g_clear_object (&article);

  /* Nothing to import is an error, not an empty draft. */
  article = import_string ("<html><head><script>x()</script></head><body> <!-- --> </body></html>",
                           NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_null (article);
  g_clear_error (&error);

  {
    static const guint8 png_head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
    g_autoptr(GBytes) binary = g_bytes_new_static (png_head, sizeof png_head);

    article = byline_html_import (binary, "anh.png", NULL, &error);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
    g_assert_nonnull (strstr (error->message, "anh.png"));
    g_assert_null (article);
  }
}

/* Compares what HTML can carry: not ids, times or status. */
static void
assert_same_story (BylineArticle *a,
                   BylineArticle *b)
{
  BylineBody *x = byline_article_get_body (a);
  BylineBody *y = byline_article_get_body (b);
  g_autofree char *byline_a = byline_article_dup_byline (a);
  g_autofree char *byline_b = byline_article_dup_byline (b);

  g_assert_cmpstr (byline_article_get_headline (a), ==, byline_article_get_headline (b));
  g_assert_cmpstr (byline_article_get_lead (a), ==, byline_article_get_lead (b));
  g_assert_cmpstr (byline_article_get_source_prefix (a), ==, byline_article_get_source_prefix (b));
  g_assert_cmpstr (byline_article_get_dateline (a), ==, byline_article_get_dateline (b));
  g_assert_cmpstr (byline_article_get_language (a), ==, byline_article_get_language (b));
  g_assert_cmpstr (byline_a, ==, byline_b);
  g_assert_cmpuint (byline_article_get_n_images (a), ==, byline_article_get_n_images (b));
  for (guint i = 0; i < byline_article_get_n_images (a); i++)
    {
      BylineImage *p = byline_article_get_image (a, i);
      BylineImage *q = byline_article_get_image (b, i);

      g_assert_cmpstr (byline_image_get_sha256 (p), ==, byline_image_get_sha256 (q));
      g_assert_cmpstr (byline_image_get_media_type (p), ==, byline_image_get_media_type (q));
      g_assert_cmpuint (byline_image_get_width (p), ==, byline_image_get_width (q));
      g_assert_cmpuint (byline_image_get_height (p), ==, byline_image_get_height (q));
      g_assert_cmpstr (byline_image_get_caption (p), ==, byline_image_get_caption (q));
      g_assert_cmpstr (byline_image_get_credit (p), ==, byline_image_get_credit (q));
      g_assert_cmpstr (byline_image_get_alt_text (p), ==, byline_image_get_alt_text (q));
      g_assert_cmpint (byline_image_get_featured (p), ==, byline_image_get_featured (q));
    }

  g_assert_cmpuint (byline_body_get_n_blocks (x), ==, byline_body_get_n_blocks (y));
  for (guint i = 0; i < byline_body_get_n_blocks (x); i++)
    {
      const BylineBlock *p = byline_body_get_block (x, i);
      const BylineBlock *q = byline_body_get_block (y, i);
      guint n_p = 0, n_q = 0;
      const BylineSpan *sp = byline_block_get_spans (p, &n_p);
      const BylineSpan *sq = byline_block_get_spans (q, &n_q);

      g_assert_cmpint (byline_block_get_kind (p), ==, byline_block_get_kind (q));
      g_assert_cmpstr (byline_block_get_text (p), ==, byline_block_get_text (q));
      g_assert_cmpuint (n_p, ==, n_q);
      for (guint k = 0; k < n_p; k++)
        {
          g_assert_cmpuint (sp[k].start, ==, sq[k].start);
          g_assert_cmpuint (sp[k].end, ==, sq[k].end);
          g_assert_cmpint (sp[k].kind, ==, sq[k].kind);
          g_assert_cmpstr (sp[k].href, ==, sq[k].href);
        }
      if (byline_block_get_kind (p) == BYLINE_BLOCK_IMAGE)
        g_assert_cmpint (byline_article_find_image (a, byline_block_get_image_id (p)) != NULL
                         ? (int) byline_body_find_image (x, byline_block_get_image_id (p)) : -1,
                         ==,
                         byline_article_find_image (b, byline_block_get_image_id (q)) != NULL
                         ? (int) byline_body_find_image (y, byline_block_get_image_id (q)) : -2);
    }
}

/* Writes @html into a new folder with each picture of @article under media/,
 * as a draft folder has them, and imports it from there. */
static BylineArticle *
reimport (BylineArticle *article,
          const char    *html)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("round-trip");
  g_autoptr(GFile) media = g_file_get_child (folder, "media");
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  BylineArticle *back;

  g_file_make_directory (media, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *path = byline_image_dup_media_path (image);
      g_autoptr(GFile) target = g_file_resolve_relative_path (folder, path);

      g_file_copy (byline_image_get_file (image), target, G_FILE_COPY_OVERWRITE,
                   NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  back = byline_html_import (bytes, "round-trip.html", folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) folder = make_news_folder ();
  g_autoptr(BylineArticle) first = import_news_page (folder);
  g_autoptr(BylineArticle) second = NULL;
  g_autoptr(BylineArticle) third = NULL;
  g_autofree char *html1 = byline_html_export (first, NULL);
  g_autofree char *html2 = NULL;
  g_autofree char *html3 = NULL;

  /* HTML → article → HTML → article: the same story, the same HTML. */
  second = reimport (first, html1);
  assert_same_story (first, second);
  html2 = byline_html_export (second, NULL);
  g_assert_cmpstr (html1, ==, html2);

  /* And from the model: every field HTML carries survives. */
  {
    g_autoptr(GFile) media = byline_test_make_folder ("model-media");
    g_autoptr(BylineArticle) model = byline_test_make_article (media);

    html3 = byline_html_export (model, NULL);
    third = reimport (model, html3);
    assert_same_story (model, third);
  }
}

/* ----------------------------------------------------------------- hostile */

static const char hostile_page[] =
  "<html><head><meta http-equiv='refresh' content='0;url=javascript:alert(1)'>"
  "<title>Tin <script>alert('title')</script>nóng</title>"
  "<style>@import url(javascript:alert(2)); p{background:url(evil.png)}</style></head>"
  "<body onload='alert(3)'>"
  "<h1 onmouseover='alert(4)'>Tiêu đề <img src=x onerror='alert(5)'>an toàn</h1>"
  "<p>Một <a href='javascript:alert(6)'>liên kết độc</a>, "
  "<a href=' JaVaScRiPt:alert(7)'>hoa thường</a>, "
  "<a href='java&#x09;script:alert(8)'>tab</a>, "
  "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg=='>dữ liệu</a>, "
  "<a href='vbscript:msgbox(10)'>vb</a>, "
  "<a href='/tuong-doi'>tương đối</a>, "
  "<a href='https://baolaichau.vn/' onclick='alert(11)'>an toàn</a>.</p>"
  "<script>document.write('<p>chèn</p>')</script>"
  "<script type='text/template'><p>mẫu</p></script>"
  "<noscript><p>không script</p></noscript>"
  "<template><p>template</p></template>"
  "<iframe src='https://evil.example/'><p>khung</p></iframe>"
  "<object data='evil.swf'><embed src='evil.swf'><p>đối tượng</p></object>"
  "<svg><script>alert(12)</script><text>vector</text></svg>"
  "<math><mi>toán</mi></math>"
  "<form action='https://evil.example/'><input value='ô nhập'><textarea>vùng văn bản</textarea>"
  "<select><option>lựa chọn</option></select><button>nút</button></form>"
  "<!-- bí mật trong chú thích -->"
  "<p style='display: none'>ẩn bằng CSS</p><div hidden>ẩn bằng thuộc tính</div>"
  "<p style=\"font-weight:bold\" onfocus=\"alert(13)\" class=\"x\" id=\"y\" data-z=\"w\">Đoạn cuối.</p>"
  "</body></html>";

static void
test_import_hostile (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *html = NULL;
  BylineBody *body;
  static const char *gone[] = {
    "alert", "script", "javascript", "chèn", "mẫu", "không script", "template", "khung",
    "đối tượng", "vector", "toán", "ô nhập", "vùng văn bản", "lựa chọn", "nút", "bí mật",
    "ẩn bằng", "evil", "data:", "vbscript", "refresh", "/tuong-doi",
  };

  article = import_string (hostile_page, NULL, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (article);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiêu đề an toàn");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                "Một liên kết độc, hoa thường, tab, dữ liệu, vb, tương đối, an toàn.");
  /* Only the https link is a link; the others keep their words. */
  g_assert_cmpuint (count_spans (body, 0), ==, 1);
  assert_span (body, 0, 59, 66, BYLINE_SPAN_LINK, "https://baolaichau.vn/");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Đoạn cuối.");
  assert_span (body, 1, 0, 10, BYLINE_SPAN_BOLD, NULL);

  all = dump_text (article);
  html = byline_html_export (article, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      if (strstr (all, gone[i]) != NULL || strstr (html, gone[i]) != NULL)
        g_error ("“%s” survived the import:\n%s\n%s", gone[i], all, html);
    }
  g_assert_null (strstr (html, " on"));
  g_assert_null (strstr (html, "data-"));
  g_assert_null (strstr (html, "<iframe"));
}

static void
test_import_broken_markup (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body;

  article = import_string ("<h1>Lỗi <b>đánh dấu</h1>"
                           "<p>a<p>b</p></p></p>"
                           "<p><b>đậm <i>cả hai</b> nghiêng</i> thường"
                           "<p>AT&T & Cộng sự &unknown; &lt;thẻ&gt; 5 < 6"
                           "<ul><li>một<li>hai</ul>"
                           "<table><tr><td>ô một<td>ô hai</table>"
                           "<blockquote>trích <p>đoạn</blockquote></div></span>"
                           "<p>kết thúc"
                           /* As in a browser, the rest of the page is the value. */
                           "<p title=\"chưa đóng>Còn lại</p><p>mất",
                           NULL, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (article);
  assert_valid_text (article);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Lỗi đánh dấu");
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "a");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "b");
  /* Misnested tags: the parser closes them; the spans say what a browser shows. */
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "đậm cả hai nghiêng thường");
  assert_span (body, 2, 0, 10, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "AT&T & Cộng sự &unknown; <thẻ> 5 < 6");
  assert_block (body, 4, BYLINE_BLOCK_BULLETED_ITEM, "một");
  assert_block (body, 5, BYLINE_BLOCK_BULLETED_ITEM, "hai");
  assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH, "ô một");
  assert_block (body, 7, BYLINE_BLOCK_PARAGRAPH, "ô hai");
  assert_block (body, 8, BYLINE_BLOCK_QUOTE, "trích");
  assert_block (body, 9, BYLINE_BLOCK_QUOTE, "đoạn");
  assert_block (body, 10, BYLINE_BLOCK_PARAGRAPH, "kết thúc");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 11);
}

static void
test_import_deep_nesting (void)
{
  static const char *openers[] = { "<div>", "<b>", "<blockquote>", "<ul><li>", "<span><i>", "<figure>" };

  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    {
      g_autoptr(GString) html = g_string_new ("<h1>Lồng sâu</h1><p>Trước khi lồng.</p>");
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(BylineBody) pasted = byline_body_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      BylineBody *body;
      guint n;

      for (guint i = 0; i < 100000; i++)
        g_string_append (html, openers[k]);
      g_string_append (html, "Chữ ở đáy.");

      bytes = g_bytes_new (html->str, html->len);
      article = byline_html_import (bytes, "sau.html", NULL, &error);
      g_assert_no_error (error);
      body = byline_article_get_body (article);
      g_assert_cmpstr (byline_article_get_headline (article), ==, "Lồng sâu");
      g_assert_cmpuint (byline_body_get_n_blocks (body), >=, 1);
      assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Trước khi lồng.");
      assert_valid_text (article);

      n = byline_html_paste (pasted, 0, html->str, html->len);
      g_assert_cmpuint (n, ==, byline_body_get_n_blocks (pasted));
      g_assert_cmpuint (n, >=, 2);
      assert_block (pasted, 0, BYLINE_BLOCK_HEADING1, "Lồng sâu");
    }
}

static void
test_import_large_page (void)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
                                          "<title>Trang rất lớn</title></head><body><article><h1>Trang rất lớn</h1>");
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body;
  guint paragraphs = 0;
  gint64 start, elapsed;

  while (html->len < 10 * 1024 * 1024)
    {
      g_string_append_printf (html,
                              "<p>Đoạn %u: mưa lũ gây <b>sạt lở</b> tại <i>Nậm Nhùn</i>, "
                              "xem <a href=\"https://baolaichau.vn/%u\">chi tiết</a>."
                              "<script>track(%u)</script></p>\n",
                              paragraphs, paragraphs, paragraphs);
      paragraphs++;
    }
  g_string_append (html, "</article></body></html>");

  bytes = g_bytes_new (html->str, html->len);
  start = g_get_monotonic_time ();
  article = byline_html_import (bytes, "lon.html", NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("%.1f MiB, %u paragraphs imported in %.2f s",
                  html->len / 1048576.0, paragraphs, elapsed / 1e6);
  /* Generous: a few seconds on a slow machine; a quadratic walk takes minutes. */
  g_assert_cmpint (elapsed, <, 60 * G_USEC_PER_SEC);

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, paragraphs);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đoạn 0: mưa lũ gây sạt lở tại Nậm Nhùn, xem chi tiết.");
  g_assert_cmpuint (count_spans (body, paragraphs - 1), ==, 3);
  {
    g_autofree char *last = g_strdup_printf ("Đoạn %u: mưa lũ gây sạt lở tại Nậm Nhùn, xem chi tiết.",
                                             paragraphs - 1);
    g_autofree char *href = g_strdup_printf ("https://baolaichau.vn/%u", paragraphs - 1);
    guint offset = g_utf8_strlen (last, -1) - g_utf8_strlen ("chi tiết.", -1);

    assert_block (body, paragraphs - 1, BYLINE_BLOCK_PARAGRAPH, last);
    assert_span (body, paragraphs - 1, offset, offset + 8, BYLINE_SPAN_LINK, href);
  }
}

static void
test_import_too_large (void)
{
  gsize size = 64 * 1024 * 1024 + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  memset (data, 'a', size);
  memcpy (data, "<p>", 3);
  bytes = g_bytes_new_take (data, size);
  article = byline_html_import (bytes, "qua-lon.html", NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "qua-lon.html"));
  g_assert_null (article);
  g_clear_error (&error);

  article = byline_text_import (bytes, "qua-lon.txt", &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE);
  g_assert_null (article);
}

/* ---------------------------------------------------------------- charsets */

static BylineArticle *
import_bytes (const char *data,
              gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_html_import (bytes, "ma.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  assert_valid_text (article);
  return article;
}

static char *
encode (const char *utf8,
        const char *charset,
        gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *out = g_convert (utf8, -1, charset, "UTF-8", NULL, length, &error);

  g_assert_no_error (error);
  return out;
}

static void
test_import_charsets (void)
{
  const char *vietnamese = "Tiếng Việt: Điện Biên, Lai Châu, Sơn La, Hà Giang.";

  /* Windows-1258 declared with <meta charset>: Vietnamese comes back, NFC. */
  {
    g_autofree char *body = g_strdup_printf ("<html><head><meta charset=\"windows-1258\"></head>"
                                             "<body><p>%s</p></body></html>", vietnamese);
    gsize length = 0;
    g_autofree char *data = encode (body, "WINDOWS-1258", &length);
    g_autoptr(BylineArticle) article = NULL;

    g_assert_false (g_utf8_validate (data, length, NULL));
    article = import_bytes (data, length);
    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, vietnamese);
  }

  /* Latin-1 declared the old way, with http-equiv. */
  {
    const char data[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                        "</head><body><p>Caf\xe9 \xe0 Paris, na\xefve \xa9</p></body></html>";
    g_autoptr(BylineArticle) article = import_bytes (data, sizeof data - 1);

    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Café à Paris, naïve ©");
  }

  /* Nothing declared and not UTF-8: windows-1252, as a browser reads it. */
  {
    const char data[] = "<p>Caf\xe9 \x93ngo\xe3i\x94 \x80 100</p>";
    g_autoptr(BylineArticle) article = import_bytes (data, sizeof data - 1);

    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Café “ngoãi” € 100");
  }

  /* Nothing declared, UTF-8 bytes: UTF-8, decomposed input composed to NFC. */
  {
    const char data[] = "<p>Vie\xcc\xa3\xcc\x82t Nam</p>";
    g_autoptr(BylineArticle) article = import_bytes (data, sizeof data - 1);

    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Việt Nam");
  }

  /* Declared UTF-8 but broken bytes, and a charset nobody knows: still valid text. */
  {
    const char broken[] = "<meta charset=utf-8><p>S\xe1i G\xf2n \xff\xfe\x80 \xc3</p><p>\xed\xa0\x80 h\xc3\xa0</p>";
    const char unknown[] = "<meta charset=x-khong-co><p>B\xe1nh m\xec \x81\x8d\x90</p>";
    g_autoptr(BylineArticle) first = import_bytes (broken, sizeof broken - 1);
    g_autoptr(BylineArticle) second = import_bytes (unknown, sizeof unknown - 1);

    g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (first)), >=, 1);
    g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (second)), >=, 1);
  }

  /* UTF-16 with a byte order mark, as some Windows tools save pages. */
  {
    g_autofree char *body = g_strdup_printf ("\xef\xbb\xbf<p>%s</p>", vietnamese);
    gsize length = 0;
    g_autofree char *data = encode (body, "UTF-16LE", &length);
    g_autoptr(BylineArticle) article = NULL;

    g_assert_cmpmem (data, 2, "\xff\xfe", 2);
    article = import_bytes (data, length);

    assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, vietnamese);
  }
}

/* ---------------------------------------------------------------- pictures */

static void
assert_refused (GFile      *base,
                const char *src)
{
  g_autofree char *html = g_strdup_printf ("<h1>Tiêu đề</h1><p>Đoạn trước.</p>"
                                           "<figure><img src=\"%s\"><figcaption>Chú thích</figcaption></figure>"
                                           "<p>Đoạn sau.</p>", src);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (html, base, &error);

  if (error == NULL)
    g_error ("“%s” was not refused", src);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH);
  g_assert_null (article);
  g_assert_nonnull (strstr (error->message, "test.html:1:"));
  g_assert_nonnull (strstr (error->message, "outside"));
}

static void
test_import_path_traversal (void)
{
  g_autoptr(GFile) top = byline_test_make_folder ("traversal");
  g_autoptr(GFile) base = g_file_get_child (top, "page");
  g_autoptr(GFile) photos = g_file_get_child (base, "photos");
  g_autoptr(GFile) secret = g_file_get_child (top, "secret.png");
  g_autoptr(GFile) inside = g_file_get_child (photos, "ok.png");
  g_autoptr(GFile) link = g_file_get_child (photos, "link.png");
  g_autoptr(GFile) dir_link = g_file_get_child (base, "up");
  g_autofree char *secret_uri = g_file_get_uri (secret);
  g_autofree char *secret_path = g_file_get_path (secret);
  g_autofree char *inside_uri = g_file_get_uri (inside);
  g_autofree char *inside_path = g_file_get_path (inside);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (photos, NULL, &error);
  g_assert_no_error (error);
  byline_test_write_png (secret, 3, 3, 0xff0000);
  byline_test_write_png (inside, 5, 4, 0x00ff00);
  g_file_make_symbolic_link (link, "../../secret.png", NULL, &error);
  g_assert_no_error (error);
  g_file_make_symbolic_link (dir_link, "..", NULL, &error);
  g_assert_no_error (error);

  assert_refused (base, "../../etc/passwd");
  assert_refused (base, "../secret.png");
  assert_refused (base, "photos/../../secret.png");
  assert_refused (base, "%2e%2e/secret.png");
  assert_refused (base, "/etc/passwd");
  assert_refused (base, secret_path);
  assert_refused (base, "file:///etc/passwd");
  assert_refused (base, secret_uri);
  /* Inside as written, outside once the links are followed. */
  assert_refused (base, "photos/link.png");
  assert_refused (base, "up/secret.png");

  assert_refused (base, "../khong-co.png");
  assert_refused (base, "/tmp/%2e%2e/khong-co.png");

  /* A site's own addresses, kept by a page saved as HTML only: nothing
   * there on this machine, so nothing read.  The story opens without them,
   * and names them (it was refused: "outside the folder"). */
  {
    const char *html = "<h1>Tiêu đề</h1><p>Đoạn trước.</p>"
                       "<figure><img src=\"/uploads/2026/12/cau-tam.jpg\"><figcaption>Cầu tạm</figcaption></figure>"
                       "<figure><img src=\"/Uploads/images/c%C3%A1%20c%E1%BA%A3nh.jpg?w=600\"></figure>"
                       "<p>Đoạn sau.</p>";
    const char *expected[] = { "cau-tam.jpg", "cá cảnh.jpg", NULL };
    g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
    g_autoptr(BylineArticle) article = NULL;
    g_auto(GStrv) left_out = NULL;

    article = byline_import_read_full (bytes, "test.html", base, NULL, &left_out, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
    g_assert_cmpstrv (left_out, expected);
    assert_block (byline_article_get_body (article), byline_body_get_n_blocks (byline_article_get_body (article)) - 1,
                  BYLINE_BLOCK_PARAGRAPH, "Đoạn sau.");
  }

  /* The same picture by every safe way of naming it. */
  {
    const char *refs[] = { "photos/ok.png", "./photos/ok.png", "photos/../photos/ok.png",
                           "photos/ok%2Epng?v=2#x", inside_uri, inside_path };

    for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
      {
        g_autofree char *html = g_strdup_printf ("<h1>Tiêu đề</h1><figure><img src=\"%s\" alt=\"Ảnh\">"
                                                 "<figcaption>Chú thích</figcaption></figure>", refs[i]);
        g_autoptr(BylineArticle) article = import_string (html, base, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
        g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 0)), ==, 5);
        g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), ==, "Chú thích");
        assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_IMAGE, NULL);
      }
  }
}

/* Opened or imported (byline_import_read()), a picture's credit written at
 * the end of its caption goes to the credit; a credit the page gives apart
 * is kept, and the caption with it. */
static void
test_import_credit_in_caption (void)
{
  g_autofree char *path = byline_test_data_path ("cli/story");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  const char *html =
    "<h1>Sạt lở</h1><p>Đoạn một.</p>"
    "<figure><img src=\"pictures/sat-lo.png\"><figcaption>Sạt lở trên Quốc lộ 4H. Ảnh: Hà Anh</figcaption></figure>"
    "<p>Đoạn hai.</p>"
    "<figure><img src=\"pictures/sat-lo.png\"><figcaption>Đường đã thông (Ảnh: TTXVN) "
    "<small class=\"credit\">Báo Lào Cai</small></figcaption></figure>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineImage *image;

  article = byline_import_read (bytes, "trang.html", folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  image = byline_article_get_image (article, 1);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Đường đã thông (Ảnh: TTXVN)");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Báo Lào Cai");
}

static BylineArticle *
read_string (const char *data,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_import_read (bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  return article;
}

static const char *
last_text (BylineArticle *article)
{
  BylineBody *body = byline_article_get_body (article);

  return byline_block_get_text (byline_body_get_block (body, byline_body_get_n_blocks (body) - 1));
}

/* A story typed in a word processor ends with its byline: it goes to the
 * byline, not the text, where the exports would print it a second time. */
static void
test_import_byline_paragraph (void)
{
  g_autoptr(BylineArticle) page = NULL;
  g_autoptr(BylineArticle) marked = NULL;
  g_autoptr(BylineArticle) other = NULL;
  g_autoptr(BylineArticle) text = NULL;
  g_autofree char *byline = NULL;

  page = read_string ("<h1>Lũ quét</h1><p>(BLC) - Đêm qua, lũ về.</p><p>Đoạn một.</p>"
                        "<p><b>Hà Anh - Lò Văn Dũng</b></p><p> </p>", "trang.html");
  byline = byline_article_dup_byline (page);
  g_assert_cmpstr (byline, ==, "Hà Anh, Lò Văn Dũng");
  g_assert_cmpstr (last_text (page), ==, "Đoạn một.");

  /* The page names the same author: the paragraph is dropped. */
  marked = read_string ("<h1>Lũ quét</h1><p class=\"byline\">Hà Anh</p><p>Đoạn một.</p>"
                          "<p>Bài và ảnh: Hà Anh</p>", "trang.html");
  g_assert_cmpuint (g_strv_length ((char **) byline_article_get_authors (marked)), ==, 1);
  g_assert_cmpstr (last_text (marked), ==, "Đoạn một.");

  /* Another name than the page's author is the story's own words. */
  other = read_string ("<h1>Lũ quét</h1><p class=\"byline\">Lò Dũng</p><p>Đoạn một.</p>"
                         "<p>Hà Anh</p>", "trang.html");
  g_assert_cmpstr (byline_article_get_authors (other)[0], ==, "Lò Dũng");
  g_assert_cmpstr (last_text (other), ==, "Hà Anh");

  text = read_string ("Lũ quét\n\n(BLC) - Đêm qua, lũ về.\n\nĐoạn một.\n\nHà Anh\n", "bai.txt");
  g_assert_cmpstr (byline_article_get_authors (text)[0], ==, "Hà Anh");
  g_assert_cmpstr (last_text (text), ==, "Đoạn một.");
}

static void
test_import_pictures_not_attached (void)
{
  g_autoptr(GFile) base = byline_test_make_folder ("skipped");
  g_autoptr(GFile) fifo = g_file_get_child (base, "fifo.png");
  g_autoptr(GFile) ok = g_file_get_child (base, "ok.png");
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fifo_path = g_file_get_path (fifo);
  const char *html =
    "<h1>Ảnh</h1>"
    "<figure><img src=\"https://cdn.example.vn/a.jpg\"><figcaption>Ảnh từ xa <small>Ảnh: TTXVN</small></figcaption></figure>"
    "<figure><img src=\"//cdn.example.vn/b.jpg\"><figcaption>Không giao thức</figcaption></figure>"
    "<figure><img src=\"data:image/png;base64,iVBORw0KGgo=\"><figcaption>Dữ liệu nhúng</figcaption></figure>"
    "<figure><img src=\"fifo.png\"><figcaption>Không phải tệp thường</figcaption></figure>"
    "<figure><img src=\"\"><figcaption>Không có nguồn</figcaption></figure>"
    "<p><img src=\"ok.png\" alt=\"Ảnh lẻ\"></p><p class=\"caption\">Chú thích ảnh lẻ</p>"
    "<figure><figcaption>Chú thích trước</figcaption><img data-src=\"ok.png\" src=\"data:image/gif;base64,R0lGOD\"></figure>";

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  byline_test_write_png (ok, 2, 2, 0x0000ff);

  article = import_string (html, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Ảnh từ xa Ảnh: TTXVN");
  assert_block (byline_article_get_body (article), 1, BYLINE_BLOCK_PARAGRAPH, "Không giao thức");
  assert_block (byline_article_get_body (article), 2, BYLINE_BLOCK_PARAGRAPH, "Dữ liệu nhúng");
  assert_block (byline_article_get_body (article), 3, BYLINE_BLOCK_PARAGRAPH, "Không phải tệp thường");
  assert_block (byline_article_get_body (article), 4, BYLINE_BLOCK_PARAGRAPH, "Không có nguồn");
  assert_block (byline_article_get_body (article), 5, BYLINE_BLOCK_IMAGE, NULL);
  /* A caption after a lone picture, as CMSs write it, is that picture's. */
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), ==, "Chú thích ảnh lẻ");
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (article, 0)), ==, "Ảnh lẻ");
  /* Lazy loading: the picture is in data-src; the caption may come first. */
  assert_block (byline_article_get_body (article), 6, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 7);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 1)), ==, "Chú thích trước");
  g_clear_object (&article);

  /* Without a base folder nothing local is read, and nothing is refused. */
  article = import_string ("<h1>Không có thư mục</h1><img src=\"../../etc/passwd\"><img src=\"ok.png\">",
                           NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 0);
}

/* The pictures of a page that are not attached are named for the person
 * (byline_import_read_full()): on the web, missing, not a file, not a
 * picture, or in the page itself; a lazy page's tiny placeholder and an
 * <img> with no source are no pictures and are not named. */
static void
test_import_left_out (void)
{
  g_autoptr(GFile) base = byline_test_make_folder ("left-out");
  g_autoptr(GFile) fifo = g_file_get_child (base, "fifo.png");
  g_autoptr(GFile) ok = g_file_get_child (base, "ok.png");
  g_autoptr(GFile) chart = g_file_get_child (base, "bieu-do.emf");
  g_autofree char *fifo_path = g_file_get_path (fifo);
  g_autofree char *inline_picture = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "a.jpg", "b.jpg", "a picture in the page", "fifo.png", "mất ảnh.jpg", "bieu-do.emf", NULL };

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  byline_test_write_png (ok, 2, 2, 0x0000ff);
  g_assert_true (g_file_replace_contents (chart, "\x01\x00\x00\x00 EMF", 9, NULL, FALSE, 0, NULL, NULL, NULL));
  inline_picture = g_strnfill (400, 'A');
  html = g_strdup_printf ("<h1>Ảnh</h1>"
                          "<img src=\"https://cdn.example.vn/anh/a.jpg?w=600\">"
                          "<img src=\"//cdn.example.vn/b.jpg\">"
                          "<img src=\"data:image/gif;base64,R0lGOD\">"
                          "<img src=\"data:image/jpeg;base64,/9j/%s\">"
                          "<img src=\"fifo.png\">"
                          "<img src=\"\">"
                          "<img src=\"m%%E1%%BA%%A5t%%20%%E1%%BA%%A3nh.jpg\">"
                          "<img src=\"bieu-do.emf\">"
                          "<img src=\"ok.png\"><p>Hết.</p>", inline_picture);
  bytes = g_bytes_new (html, strlen (html));
  article = byline_import_read_full (bytes, "trang.html", base, NULL, &left_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  g_assert_nonnull (left_out);
  g_assert_cmpstrv (left_out, expected);
}

/* A saved page's iPhone photo (HEIC) and AVIF picture come in as JPEGs,
 * named so, kept through the draft's save; the folder of the JPEGs goes
 * with the article.  They were left out. */
static void
test_import_heif (void)
{
  g_autoptr(GFile) base = byline_test_make_folder ("heif-page");
  g_autoptr(GFile) pictures = g_file_get_child (base, "anh");
  const char *html = "<h1>Lũ quét ở Bát Xát</h1><p>Đêm 5/12, mưa lớn gây lũ quét.</p>"
                     "<figure><img src=\"anh/IMG_0413.HEIC\" alt=\"Nhà sàn\"><figcaption>Nước tràn qua bản."
                     "</figcaption></figure><p><img src=\"anh/lu.avif\"></p>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GFile) converted = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  BylineImage *photo;

  g_assert_true (g_file_make_directory (pictures, NULL, NULL));
  for (const char **pair = (const char *[]) { "heif/portrait.heic", "IMG_0413.HEIC", "heif/flat.avif", "lu.avif",
                                              NULL }; *pair != NULL; pair += 2)
    {
      g_autoptr(GBytes) data = byline_test_data_bytes (pair[0]);
      g_autoptr(GFile) file = g_file_get_child (pictures, pair[1]);

      g_assert_true (g_file_replace_contents (file, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL,
                                              FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
    }
  article = byline_import_read_full (bytes, "trang.html", base, NULL, &left_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (left_out), ==, 0);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  photo = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_media_type (photo), ==, "image/jpeg");
  g_assert_cmpstr (byline_image_get_filename (photo), ==, "IMG_0413.jpg");
  g_assert_cmpuint (byline_image_get_width (photo), ==, 40);
  g_assert_cmpuint (byline_image_get_height (photo), ==, 60);
  g_assert_cmpstr (byline_image_get_caption (photo), ==, "Nước tràn qua bản.");
  g_assert_cmpstr (byline_image_get_alt_text (photo), ==, "Nhà sàn");
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article, 1)), ==, "lu.jpg");
  converted = g_object_ref (byline_image_get_file (photo));
  g_assert_true (g_file_query_exists (converted, NULL));

  /* Saved: the draft holds the JPEGs. */
  store = byline_draft_store_new (NULL);
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  loaded = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_file_peek_path (byline_image_get_file (byline_article_get_image (loaded, 0))),
                                   ".jpg"));
  g_assert_cmpstr (byline_image_get_sha256 (byline_article_get_image (loaded, 0)), ==, byline_image_get_sha256 (photo));

  g_clear_object (&article);
  g_assert_false (g_file_query_exists (converted, NULL));
}

/* A photo of a saved page that did not come, in a <figure> with its
 * caption: the caption stays as a paragraph where the photo was, and the
 * draft keeps that place with the missing picture, and its description for
 * readers who cannot see it, through a save, until the photo saved by hand
 * is added. */
static void
test_import_left_out_place (void)
{
  g_autoptr(GFile) base = byline_test_make_folder ("left-out-place");
  const char *html = "<h1>Lũ quét ở Bát Xát</h1><p>Đêm 5/12, mưa lớn gây lũ quét.</p>"
                     "<figure><img src=\"anh/lu-quet.jpg\" alt=\"Nước  ngập nửa \n nhà sàn\">"
                     "<figcaption>Nước lũ tràn qua bản.  <em>Ảnh: Hà Anh</em></figcaption></figure>"
                     "<figure><img src=\"https://cdn.example.vn/sat-lo.jpg\"></figure>"
                     "<p>Nhiều hộ dân phải di dời.</p>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) reloaded = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(BylineImage) added = byline_image_new ("ab", "image/jpeg");
  g_autoptr(BylineImage) other = byline_image_new ("cd", "image/jpeg");
  g_autofree char *place = NULL;
  g_autofree char *none = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body;
  int lu_quet;

  article = byline_import_read_full (bytes, "trang.html", base, NULL, &left_out, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==, "Nước lũ tràn qua bản. Ảnh: Hà Anh");

  draft = byline_draft_format_serialize (article);
  reloaded = byline_draft_format_parse (draft, "draft.json", &error);
  g_assert_no_error (error);
  lu_quet = byline_article_find_missing_picture (reloaded, "LU-QUET.JPG", NULL);
  g_assert_cmpint (lu_quet, ==, 0);
  place = byline_article_dup_missing_place (reloaded, lu_quet);
  g_assert_cmpstr (place, ==, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  /* Its place, as it was or changed a little since, names it too. */
  g_assert_cmpint (byline_article_find_missing_picture (reloaded, "khac.jpg", place), ==, 0);
  g_assert_cmpint (byline_article_find_missing_picture (reloaded, NULL, "Nước lũ tràn qua bản Mường Hum. Ảnh: Hà Anh"),
                   ==, 0);
  g_assert_cmpint (byline_article_find_missing_picture (reloaded, NULL, "Nhiều hộ dân phải di dời."), ==, -1);
  g_assert_cmpint (byline_article_find_missing_picture (reloaded, "khac.jpg", NULL), ==, -1);
  /* A picture with no caption has no place; it goes where it is put. */
  none = byline_article_dup_missing_place (reloaded, byline_article_find_missing_picture (reloaded, "sat-lo.jpg",
                                                                                          NULL));
  g_assert_null (none);
  g_assert_null (byline_article_dup_missing_place (reloaded, 7));

  /* The photo added takes its description, unless it has one. */
  byline_article_describe_as_missing (reloaded, lu_quet, added);
  g_assert_cmpstr (byline_image_get_alt_text (added), ==, "Nước ngập nửa nhà sàn");
  byline_image_set_alt_text (other, "Sạt lở");
  byline_article_describe_as_missing (reloaded, lu_quet, other);
  g_assert_cmpstr (byline_image_get_alt_text (other), ==, "Sạt lở");

  /* Added, they are not missing any more, nor have a place. */
  byline_image_set_filename (added, "lu-quet.jpg");
  byline_article_add_image (reloaded, added);
  byline_image_set_filename (other, "sat-lo.jpg");
  byline_article_add_image (reloaded, other);
  g_assert_cmpint (byline_article_find_missing_picture (reloaded, "lu-quet.jpg", NULL), ==, -1);
  g_assert_null (byline_article_dup_missing_pictures (reloaded));
}

/* ------------------------------------------------------------------- paste */

static void
test_paste_google_docs (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-3c1f2e7a-7fff-1234\">"
    "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\">"
    "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;"
    "font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;"
    "white-space:pre;white-space:pre-wrap;\">Người dân </span>"
    "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;font-style:normal;\">đã sơ tán</span>"
    "<span style=\"font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:italic;\"> kịp thời</span>"
    "<span style=\"font-size:11pt;font-weight:400;\">.</span></p>"
    "<br>"
    "<h2 dir=\"ltr\" style=\"line-height:1.38;\"><span style=\"font-size:16pt;font-weight:400;\">Khắc phục</span></h2>"
    "<ul style=\"margin-top:0;margin-bottom:0;padding-inline-start:48px;\">"
    "<li dir=\"ltr\" style=\"list-style-type:disc;\" aria-level=\"1\"><p dir=\"ltr\" role=\"presentation\">"
    "<span style=\"font-weight:400;\">Dọn đường</span></p></li>"
    "<li dir=\"ltr\" style=\"list-style-type:disc;\" aria-level=\"1\"><p dir=\"ltr\" role=\"presentation\">"
    "<span style=\"font-weight:400;\">Cấp nước</span></p></li></ul>"
    "<p dir=\"ltr\"><a href=\"https://www.google.com/url?q=https://baolaichau.vn/&amp;sa=D\" style=\"text-decoration:none;\">"
    "<span style=\"color:#1155cc;font-weight:400;text-decoration:underline;\">Báo Lai Châu</span></a></p>"
    "</b>";
  guint n;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Có sẵn.");
  n = byline_html_paste (body, 0, html, -1);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Người dân đã sơ tán kịp thời.");
  /* The wrapper <b style="font-weight:normal"> is not bold. */
  g_assert_cmpuint (count_spans (body, 0), ==, 2);
  assert_span (body, 0, 10, 19, BYLINE_SPAN_BOLD, NULL);
  /* The space is in the italic span in the source, so it is here. */
  assert_span (body, 0, 19, 28, BYLINE_SPAN_ITALIC, NULL);
  assert_block (body, 1, BYLINE_BLOCK_HEADING1, "Khắc phục");
  g_assert_cmpuint (count_spans (body, 1), ==, 0);
  assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Dọn đường");
  assert_block (body, 3, BYLINE_BLOCK_BULLETED_ITEM, "Cấp nước");
  assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Báo Lai Châu");
  assert_span (body, 4, 0, 12, BYLINE_SPAN_LINK, "https://www.google.com/url?q=https://baolaichau.vn/&sa=D");
  assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "Có sẵn.");
}

static void
test_paste_libreoffice (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<html><head>"
    "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"/><title></title>"
    "<meta name=\"generator\" content=\"LibreOffice 7.4.7.2 (Linux)\"/>"
    "<style type=\"text/css\">@page { size: 21cm 29.7cm; margin: 2cm } "
    "p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }</style></head>"
    "<body lang=\"vi-VN\" link=\"#000080\" vlink=\"#800000\" dir=\"ltr\">"
    "<p class=\"western\" align=\"justify\" style=\"line-height: 100%; margin-bottom: 0cm\">"
    "<font face=\"Times New Roman, serif\"><font size=\"3\" style=\"font-size: 13pt\">Mưa "
    "<b>lớn</b> kéo <i>dài</i>,&nbsp;&nbsp;\n  nhiều   bản bị chia cắt.</font></font></p>"
    "<ol><li><p class=\"western\" style=\"margin-bottom: 0cm\">Một</p></li>"
    "<li><p class=\"western\" style=\"margin-bottom: 0cm\"><span style=\"font-weight: bold\">Hai</span></p></li></ol>"
    "<h2 class=\"western\">Tiêu đề phụ</h2>"
    "<p class=\"western\"><img src=\"file:///home/pv/anh.jpg\" name=\"Image1\" align=\"left\" width=\"300\"/>"
    "<br/></p></body></html>";
  guint n;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Đầu.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Cuối.");
  n = byline_html_paste (body, 1, html, strlen (html));
  g_assert_cmpuint (n, ==, 4);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đầu.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài, nhiều bản bị chia cắt.");
  assert_span (body, 1, 4, 7, BYLINE_SPAN_BOLD, NULL);
  assert_span (body, 1, 12, 15, BYLINE_SPAN_ITALIC, NULL);
  assert_block (body, 2, BYLINE_BLOCK_NUMBERED_ITEM, "Một");
  assert_block (body, 3, BYLINE_BLOCK_NUMBERED_ITEM, "Hai");
  assert_span (body, 3, 0, 3, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 4, BYLINE_BLOCK_HEADING1, "Tiêu đề phụ");
  assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "Cuối.");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
}

/* Pasted from LibreOffice, a document typed in TCVN3: the font of its
 * paragraphs is in the style sheet, a run in another font inline. */
static void
test_paste_tcvn3 (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"/>"
    "<style type=\"text/css\">@page { size: 21cm 29.7cm }"
    " p { line-height: 115%; margin-bottom: 0.25cm } /* { } */"
    " p.western { font-family: \".VnTime\", serif; font-size: 14pt }</style></head>"
    "<body lang=\"en-US\"><p class=\"western\">Ng\xc2\xad" "êi d©n <b>mang</b> hµng "
    "<font face=\"Times New Roman, serif\">(25°C ¾)</font> xuèng chî.</p>"
    "<p class=\"western\"><font face=\".VnTimeH, serif\">chî phiªn</font></p>"
    "<p>B¾c Hµ</p></body></html>";
  guint n;

  n = byline_html_paste (body, 0, html, -1);
  g_assert_cmpuint (n, ==, 3);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Người dân mang hàng (25°C ¾) xuống chợ.");
  assert_span (body, 0, 10, 14, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "CHỢ PHIÊN");
  /* A paragraph of no class, in the sheet's plain p: not TCVN3. */
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "B¾c Hµ");
}

/* Pasted from a document on an old template, whose font is .VnTime but
 * whose text is Unicode: nothing is converted, also not "Sáng" alone in
 * bold, which is the same letters in both codes (it read "Sỏng"). */
static void
test_paste_tcvn3_unicode (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<html><head><style type=\"text/css\">p.western { font-family: \".VnTime\", serif }</style></head>"
    "<body><p class=\"western\"><b>Sáng</b> 6/12, nước rút dần.</p>"
    "<p class=\"western\">Hà Anh</p></body></html>";

  g_assert_cmpuint (byline_html_paste (body, 0, html, -1), ==, 2);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Sáng 6/12, nước rút dần.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Hà Anh");
}

/* Pasted from LibreOffice, a document typed in VNI: the font of its
 * paragraphs in the style sheet, of a run inline (font-family, <font
 * face>); a letter and its mark ("a&oslash;") are one letter. */
static void
test_paste_vni (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"/>"
    "<style type=\"text/css\">p { margin-bottom: 0.25cm }"
    " p.western { font-family: \"VNI-Times\", serif; font-size: 14pt }</style></head>"
    "<body lang=\"en-US\"><p class=\"western\">Ngöôøi daân <b>mang</b> ha&oslash;ng "
    "<font face=\"Times New Roman, serif\">(25°C, Café)</font> xuoáng chôï.</p>"
    "<p><span style=\"font-family: 'VNI-Helve', sans-serif\">CHÔÏ PHIEÂN</span> "
    "<font face=\"VNI-Times\">Baéc Haø</font></p>"
    "<p>Baéc Haø</p></body></html>";
  guint n;

  n = byline_html_paste (body, 0, html, -1);
  g_assert_cmpuint (n, ==, 3);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Người dân mang hàng (25°C, Café) xuống chợ.");
  assert_span (body, 0, 10, 14, BYLINE_SPAN_BOLD, NULL);
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "CHỢ PHIÊN Bắc Hà");
  /* A paragraph of no class, in the sheet's plain p: not VNI. */
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Baéc Haø");
}

/* A VNI letter cut between two runs ("chô" "ï", "Ca" "à"): one letter,
 * also one with two marks ("ầ", "ậ", "ặ"), in the style of the run it
 * began in. */
static void
test_paste_vni_split (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  const char *html =
    "<p><span style=\"font-family:'VNI-Times'\">Chô</span><span style=\"font-family:'VNI-Times'\">"
    "&iuml; phie&acirc;n Ba&eacute;c Ha</span><span style=\"font-family:'VNI-Times'\">&oslash;: "
    "ca</span><span style=\"font-family:'VNI-Times'\">&agrave;u tho&acirc;n, ma</span>"
    "<b style=\"font-family:'VNI-Times'\">&auml;t, ma</b><span style=\"font-family:'VNI-Times'\">&euml;t.</span></p>";

  g_assert_cmpuint (byline_html_paste (body, 0, html, -1), ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Chợ phiên Bắc Hà: cầu thôn, mật, mặt.");
}

/* A page Word saved (File ▸ Save As ▸ Web Page) from a story typed in
 * TCVN3: its Normal style's font in the sheet, for three elements; a run's
 * own inline. */
static void
test_import_tcvn3_word_page (void)
{
  const char *html =
    "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
    "<style><!--\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0in; font-size:14.0pt;"
    " font-family:\".VnTime\";}\n h1 {font-family:\".VnTimeH\"}\n"
    "@page WordSection1 {size:8.5in 11.0in;}\n--></style></head>"
    "<body lang=EN-US><div class=WordSection1>"
    "<h1>Chî phiªn B¾c Hµ</h1>"
    "<p class=MsoNormal>(BLC) - S¸ng 6/12, hµng ngh×n du kh¸ch ®Õn chî phiªn.</p>"
    "<p class=MsoNormal>Gi¸ mét con ngùa <span style='font-family:\"Times New Roman\",serif'>25 triệu đồng</span>.</p>"
    "<p class=MsoNormal><b>Thu Hµ</b></p></div></body></html>";
  g_autoptr(BylineArticle) article = read_string (html, "cho-phien.htm");

  g_assert_cmpstr (byline_article_get_headline (article), ==, "CHỢ PHIÊN BẮC HÀ");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên.");
  assert_block (byline_article_get_body (article), 0, BYLINE_BLOCK_PARAGRAPH, "Giá một con ngựa 25 triệu đồng.");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Thu Hà");
}

static void
test_paste_browser (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  guint n;

  /* Chrome: a <meta charset> and inline styles on every span. */
  n = byline_html_paste (body, 0,
                         "<meta charset='utf-8'><span style=\"color: rgb(34, 34, 34); font-family: Arial; "
                         "font-size: 16px; font-weight: 700;\">Đậm</span><span style=\"color: rgb(34, 34, 34);\"> "
                         "thường </span><em style=\"font-style: normal\">không nghiêng</em> "
                         "<a href=\"https://baolaichau.vn/tin\" style=\"color: blue;\" onclick=\"x()\">liên kết</a>"
                         "<img src=\"https://baolaichau.vn/a.jpg\" alt=\"ảnh\"><script>alert(1)</script>",
                         -1);
  g_assert_cmpuint (n, ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Đậm thường không nghiêng liên kết");
  g_assert_cmpuint (count_spans (body, 0), ==, 2);
  assert_span (body, 0, 0, 3, BYLINE_SPAN_BOLD, NULL);
  assert_span (body, 0, 25, 33, BYLINE_SPAN_LINK, "https://baolaichau.vn/tin");

  /* Firefox offers text/html as UTF-16 with a byte order mark. */
  {
    gsize length = 0;
    g_autofree char *utf16 = encode ("\xef\xbb\xbf<p>Tiếng <b>Việt</b></p>", "UTF-16BE", &length);

    g_assert_cmpmem (utf16, 2, "\xfe\xff", 2);

    n = byline_html_paste (body, G_MAXUINT, utf16, length);
    g_assert_cmpuint (n, ==, 1);
    assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Tiếng Việt");
    assert_span (body, 1, 6, 10, BYLINE_SPAN_BOLD, NULL);
  }

  /* Word: list bullets typed as text, <o:p>, conditional comments. */
  n = byline_html_paste (body, G_MAXUINT,
                         "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>"
                         "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                         "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·"
                         "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span>"
                         "<![endif]>Mục một<o:p></o:p></p>"
                         "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
                         "<p class=MsoNormal>Đoạn <o:p>&nbsp;</o:p></p></body></html>",
                         -1);
  g_assert_cmpuint (n, ==, 2);
  assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mục một");
  assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đoạn");

  /* Nothing worth pasting inserts nothing. */
  g_assert_cmpuint (byline_html_paste (body, 0, "<script>alert(1)</script><style>p{}</style>", -1), ==, 0);
  g_assert_cmpuint (byline_html_paste (body, 0, "", 0), ==, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
}

/* -------------------------------------------------------------------- text */

static BylineArticle *
text_import_string (const char  *text,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  return byline_text_import (bytes, "bai.txt", error);
}

static void
test_text_import (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body;

  article = text_import_string ("\xef\xbb\xbf\r\n  Nậm Nhùn: mưa lũ gây sạt lở  \r\n\r\n"
                                "(BLC) - Mưa lớn kéo dài từ đêm 9/8\r\nđã gây sạt lở.\r\n\r\n\r\n"
                                "Theo Ban Chỉ huy, đến sáng 10/8 đã có\n37 hộ dân phải sơ tán.\n\n"
                                "- Di dời 37 hộ\n- Thông tuyến Quốc lộ 4H\n\n"
                                "1. Kiểm đếm thiệt hại\n2) Hỗ trợ lương thực\n\n"
                                "- không phải danh sách\nvì dòng này\n",
                                -1, &error);
  g_assert_no_error (error);
  body = byline_article_get_body (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Nậm Nhùn: mưa lũ gây sạt lở");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở.");
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "BLC");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Theo Ban Chỉ huy, đến sáng 10/8 đã có 37 hộ dân phải sơ tán.");
  assert_block (body, 1, BYLINE_BLOCK_BULLETED_ITEM, "Di dời 37 hộ");
  assert_block (body, 2, BYLINE_BLOCK_BULLETED_ITEM, "Thông tuyến Quốc lộ 4H");
  assert_block (body, 3, BYLINE_BLOCK_NUMBERED_ITEM, "Kiểm đếm thiệt hại");
  assert_block (body, 4, BYLINE_BLOCK_NUMBERED_ITEM, "Hỗ trợ lương thực");
  assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "- không phải danh sách vì dòng này");
  g_clear_object (&article);

  /* Only a paragraph right after the headline can be the lead. */
  article = text_import_string ("Tiêu đề\n\nĐoạn đầu.\n\n(BLC) - không phải sapo.\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_lead (article), ==, "");
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 2);
  g_clear_object (&article);

  /* Decomposed input is stored NFC. */
  article = text_import_string ("Vie\xcc\xa3\xcc\x82t Nam\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Việt Nam");
  g_clear_object (&article);

  /* Not UTF-8: the line and the byte offset of the first bad byte. */
  article = text_import_string ("Tiêu đề\nCaf\xe9\n", -1, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "bai.txt:2:"));
  g_assert_nonnull (strstr (error->message, "offset 15"));
  g_assert_nonnull (strstr (error->message, "0xE9"));
  g_assert_null (article);
  g_clear_error (&error);

  /* Binary, even if the rest is text. */
  {
    static const char binary[] = "Tiêu đề\n\0\x01\x02";
    article = text_import_string (binary, sizeof binary - 1, &error);
  }
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_null (article);
  g_clear_error (&error);

  article = text_import_string (" \n\t\r\n \n", -1, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_null (article);
}

static void
test_text_round_trip (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = byline_text_export (article);
  g_autofree char *again = NULL;
  BylineBody *body;

  bytes = g_bytes_new (text, strlen (text));
  back = byline_text_import (bytes, "bai.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (back), ==, byline_article_get_headline (article));
  g_assert_cmpstr (byline_article_get_lead (back), ==, byline_article_get_lead (article));
  g_assert_cmpstr (byline_article_get_source_prefix (back), ==, "BLC");
  body = byline_article_get_body (back);
  assert_block (body, 6, BYLINE_BLOCK_BULLETED_ITEM, "Di dời 37 hộ khỏi vùng nguy hiểm");
  assert_block (body, 9, BYLINE_BLOCK_NUMBERED_ITEM, "Hỗ trợ lương thực");

  /* Plain text has no pictures or headings, so a second trip changes nothing. */
  again = byline_text_export (back);
  g_assert_cmpstr (again, ==, text);
}

static void
test_sniff (void)
{
  static const struct { const char *data; gboolean html; } cases[] = {
    { "<!DOCTYPE html><html><body></body></html>", TRUE },
    { "\xef\xbb\xbf\n  <html lang=\"vi\">", TRUE },
    { "<p>Đoạn văn</p>", TRUE },
    { "<!-- saved from url=(0014)about:internet -->\n<html>", TRUE },
    { "<DIV CLASS=x>", TRUE },
    { "<meta charset=utf-8><b>x</b>", TRUE },
    { "Tiêu đề\n\nĐoạn có thẻ <p> ở giữa.", FALSE },
    { "<Tin nóng> Mưa lũ ở Lai Châu", FALSE },
    { "{\"uri\": \"x\", \"body_html\": \"<p>x</p>\"}", FALSE },
    { "", FALSE },
    { "   ", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));
      if (byline_html_sniff (bytes) != cases[i].html)
        g_error ("sniff(“%s”) should be %d", cases[i].data, cases[i].html);
    }
}

/* A story copied whole from a chat (a line a paragraph) or a mail (blank
 * lines between paragraphs, lines wrapped) pasted where a new story
 * starts: a story; a headline of a line or two is not one. */
static void
test_text_pasted_story (void)
{
  static const char chat[] =
    "Lũ quét ở Bát Xát\r\n"
    "(BLC) - Đêm 5/12, mưa lớn gây lũ quét tại xã Trịnh Tường.\r\n"
    "Nhiều hộ dân phải di dời khẩn cấp.\r\n"
    "Lực lượng chức năng đang khắc phục.\r\n"
    "Hà Anh\r\n";
  static const char mail[] =
    "Lũ quét ở Bát Xát\n\n"
    "(BLC) - Đêm 5/12, mưa lớn gây lũ quét\ntại xã Trịnh Tường.\n\n"
    "Nhiều hộ dân phải\ndi dời khẩn cấp.\n\n";
  static const char * const not_stories[] = {
    "Lũ quét ở Bát Xát",
    "Lũ quét ở Bát Xát,\nnhiều hộ dân bị cô lập\n",
    "\n\nLũ quét ở Bát Xát\nnhiều hộ dân bị cô lập\n\n\n",
    "Lũ quét ở Bát Xát\n\n",
    "",
    " \n \n",
  };
  g_autofree char *prepared = byline_text_prepare_pasted_story (chat);
  g_autofree char *prepared_mail = byline_text_prepare_pasted_story (mail);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) story = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body;

  g_assert_nonnull (prepared);
  bytes = g_bytes_new (prepared, strlen (prepared));
  story = byline_import_read_full (bytes, "Pasted Text", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (story), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpstr (byline_article_get_lead (story), ==, "(BLC) - Đêm 5/12, mưa lớn gây lũ quét tại xã Trịnh Tường.");
  g_assert_cmpstr (byline_article_get_source_prefix (story), ==, "BLC");
  body = byline_article_get_body (story);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ dân phải di dời khẩn cấp.");
  assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Lực lượng chức năng đang khắc phục.");
  g_assert_cmpstrv (byline_article_get_authors (story), ((const char *[]) { "Hà Anh", NULL }));
  g_clear_object (&story);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A mail's wrapped lines are joined again. */
  g_assert_nonnull (prepared_mail);
  bytes = g_bytes_new (prepared_mail, strlen (prepared_mail));
  story = byline_import_read_full (bytes, "Pasted Text", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_lead (story), ==, "(BLC) - Đêm 5/12, mưa lớn gây lũ quét tại xã Trịnh Tường.");
  body = byline_article_get_body (story);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ dân phải di dời khẩn cấp.");

  for (guint i = 0; i < G_N_ELEMENTS (not_stories); i++)
    {
      g_autofree char *none = byline_text_prepare_pasted_story (not_stories[i]);

      if (none != NULL)
        g_error ("“%s” taken for a story", not_stories[i]);
    }
}

/* A story selected on a page and pasted whole: its <h1> the headline, else
 * its first paragraph; a credited paragraph after it the lead. */
static void
test_import_selection (void)
{
  static const char with_h1[] = "<p>Xã hội</p><h1>Sạt lở ở Nậm Nhùn</h1><p>(BLC) - Mưa lớn.</p><p>Thân bài.</p>"
                                "<p style='text-align:right'><strong>Thu Hà</strong></p>";
  static const char without[] = "<p><b>Sạt lở ở Nậm Nhùn</b></p><p>(BLC) - Mưa lớn.</p><p>Thân bài.</p>"
                                "<p><b>Thu Hà</b></p>";
  const char *pages[] = { with_h1, without };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (pages[i], strlen (pages[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) story = byline_html_import_selection (bytes, &error);
      BylineBody *body;

      g_assert_no_error (error);
      g_assert_cmpstr (byline_article_get_headline (story), ==, "Sạt lở ở Nậm Nhùn");
      g_assert_cmpstr (byline_article_get_lead (story), ==, "(BLC) - Mưa lớn.");
      g_assert_cmpstr (byline_article_get_source_prefix (story), ==, "BLC");
      body = byline_article_get_body (story);
      g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
      g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Thân bài.");
      /* The reporter's name closing it is its byline. */
      g_assert_nonnull (byline_article_get_authors (story));
      g_assert_cmpstr (byline_article_get_authors (story)[0], ==, "Thu Hà");
    }

  /* A page's import keeps its rule: no <h1>, no <title>, no headline. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (without, strlen (without));
    g_autoptr(BylineArticle) page = byline_html_import (bytes, "trang.html", NULL, NULL);

    g_assert_cmpstr (byline_article_get_headline (page), ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/html/export/structure", test_export_structure);
  g_test_add_func ("/html/export/fragment-and-options", test_export_fragment_and_options);
  g_test_add_func ("/html/export/overlapping-spans", test_export_overlapping_spans);
  g_test_add_func ("/html/export/escaping", test_export_escaping);
  g_test_add_func ("/html/export/text", test_export_text);
  g_test_add_func ("/html/import/news-page", test_import_news_page);
  g_test_add_func ("/html/import/heif", test_import_heif);
  g_test_add_func ("/html/import/selection", test_import_selection);
  g_test_add_func ("/html/import/head-fallbacks", test_import_head_fallbacks);
  g_test_add_func ("/html/import/story-without-article", test_import_story_without_article);
  g_test_add_func ("/html/import/round-trip", test_round_trip);
  g_test_add_func ("/html/import/hostile", test_import_hostile);
  g_test_add_func ("/html/import/broken-markup", test_import_broken_markup);
  g_test_add_func ("/html/import/deep-nesting", test_import_deep_nesting);
  g_test_add_func ("/html/import/large-page", test_import_large_page);
  g_test_add_func ("/html/import/too-large", test_import_too_large);
  g_test_add_func ("/html/import/charsets", test_import_charsets);
  g_test_add_func ("/html/import/path-traversal", test_import_path_traversal);
  g_test_add_func ("/html/import/pictures-not-attached", test_import_pictures_not_attached);
  g_test_add_func ("/html/import/left-out", test_import_left_out);
  g_test_add_func ("/html/import/left-out-place", test_import_left_out_place);
  g_test_add_func ("/html/import/credit-in-caption", test_import_credit_in_caption);
  g_test_add_func ("/html/import/byline-paragraph", test_import_byline_paragraph);
  g_test_add_func ("/html/paste/google-docs", test_paste_google_docs);
  g_test_add_func ("/html/paste/libreoffice", test_paste_libreoffice);
  g_test_add_func ("/html/paste/tcvn3", test_paste_tcvn3);
  g_test_add_func ("/html/paste/tcvn3-unicode", test_paste_tcvn3_unicode);
  g_test_add_func ("/html/paste/vni", test_paste_vni);
  g_test_add_func ("/html/paste/vni-split", test_paste_vni_split);
  g_test_add_func ("/html/import/tcvn3-word-page", test_import_tcvn3_word_page);
  g_test_add_func ("/html/paste/browser", test_paste_browser);
  g_test_add_func ("/text/import", test_text_import);
  g_test_add_func ("/text/round-trip", test_text_round_trip);
  g_test_add_func ("/text/pasted-story", test_text_pasted_story);
  g_test_add_func ("/html/sniff", test_sniff);

  return g_test_run ();
}
