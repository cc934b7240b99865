/* export-ninjs-samples.c — writes ninjs exports of a few different drafts into a
 * folder, for validate-ninjs.py to check against the official IPTC 2.2 schema
 *
 * Usage: export-ninjs-samples OUTPUT-FOLDER DATA-FOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include <locale.h>
#include <string.h>

#include "byline-test-utils.h"

static void
write_export (const char    *folder,
              const char    *name,
              BylineArticle *article,
              const char    *media_base)
{
  BylineNinjsOptions options = { .media_base = media_base };
  g_autoptr(GBytes) bytes = byline_ninjs_export_bytes (article, &options);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
}

static BylineArticle *
import_file (const char *path,
             GFile      *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  BylineArticle *article;

  if (mapped == NULL)
    g_error ("%s", error->message);
  bytes = g_mapped_file_get_bytes (mapped);
  article = byline_ninjs_import (bytes, path, folder, &error);
  if (article == NULL)
    g_error ("%s", error->message);
  return article;
}

/* A page as a reporter saves it from the newsroom's CMS: captioned figures with
 * local pictures, a heading, a quote, lists, links. */
static BylineArticle *
import_web_page (GFile *folder)
{
  static const char page[] =
    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin</title>"
    "<script>alert(1)</script></head><body><article>"
    "<h1>Mường Tè: khắc phục hậu quả lũ quét</h1>"
    "<p class=\"lead\">(BLC) - Chính quyền huyện đã hỗ trợ các hộ bị thiệt hại.</p>"
    "<p>Sáng 11/9, <b>lực lượng vũ trang</b> đã giúp dân dọn bùn đất.</p>"
    "<figure><img src=\"anh/don-bun.png\" alt=\"Bộ đội xúc bùn trong sân nhà dân.\">"
    "<figcaption>Dọn bùn đất tại bản Pa Vệ Sử. <span class=\"credit\">Ảnh: Lò Văn Dũng</span>"
    "</figcaption></figure>"
    "<h2>Hỗ trợ kịp thời</h2><blockquote><p>“Bà con yên tâm”, ông Pọ nói.</p></blockquote>"
    "<ul><li>Gạo</li><li>Nước sạch</li></ul>"
    "<p>Xem thêm tại <a href=\"https://laichau.gov.vn/\" onclick=\"x()\">cổng thông tin</a>.</p>"
    "<figure><img src=\"anh/cho-o-tam.png\" alt=\"\"><figcaption>Chỗ ở tạm.</figcaption></figure>"
    "</article></body></html>";
  g_autoptr(GFile) pictures = g_file_get_child (folder, "anh");
  g_autoptr(GFile) first = g_file_get_child (pictures, "don-bun.png");
  g_autoptr(GFile) second = g_file_get_child (pictures, "cho-o-tam.png");
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_file_make_directory (pictures, NULL, NULL);
  byline_test_write_png (first, 9, 6, 0x705030);
  byline_test_write_png (second, 6, 6, 0x305070);
  article = byline_html_import (bytes, "trang.html", folder, &error);
  if (article == NULL)
    g_error ("%s", error->message);
  if (byline_article_get_n_images (article) != 2)
    g_error ("the web page should have given 2 pictures, not %u", byline_article_get_n_images (article));
  return article;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) scratch = NULL;
  g_autoptr(GFile) media = NULL;
  g_autoptr(BylineArticle) full = NULL;
  g_autoptr(BylineArticle) empty = NULL;
  g_autoptr(BylineArticle) scheduled = NULL;
  g_autoptr(BylineArticle) web = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = g_date_time_new (utc, 2024, 9, 10, 23, 59, 30.25);
  const char *out, *data;
  static const char * const wire[] = {
    "ninjs/agency/ap-1x-text-photos.json", "ninjs/agency/reuters-1x-xhtml.json",
    "ninjs/agency/superdesk-1x-featuremedia.json",
    "ninjs/agency/vna-2x/item.json", "ninjs/agency/3x-local/item.json",
    "ninjs/iptc/3.1/007_multimedia.json", "ninjs/iptc/2.2/006_photo_only.json",
  };

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      g_printerr ("Usage: %s OUTPUT-FOLDER DATA-FOLDER\n", argv[0]);
      return 2;
    }
  out = argv[1];
  data = argv[2];
  scratch = g_file_new_build_filename (out, "scratch", NULL);
  g_file_make_directory_with_parents (scratch, NULL, NULL);
  media = g_file_get_child (scratch, "media");
  g_file_make_directory (media, NULL, NULL);

  /* every field set, two pictures, Vietnamese, an editor's note */
  full = byline_test_make_article (media);
  write_export (out, "full-submitted.json", full, NULL);
  byline_article_set_status (full, BYLINE_STATUS_PUBLISHED);
  byline_article_set_revision (full, 7);
  write_export (out, "full-published-cdn.json", full, "https://cdn.example.vn/media/");

  /* nothing set at all */
  empty = byline_article_new ();
  write_export (out, "empty.json", empty, NULL);

  /* scheduled in UTC with fractional seconds; no category, pictures without text */
  scheduled = byline_test_make_article (NULL);
  byline_article_set_status (scheduled, BYLINE_STATUS_SCHEDULED);
  byline_article_set_publish_time (scheduled, at);
  byline_article_set_created (scheduled, at);
  byline_article_set_category (scheduled, NULL);
  byline_article_set_source_prefix (scheduled, NULL);
  for (guint i = 0; i < byline_article_get_n_images (scheduled); i++)
    {
      BylineImage *image = byline_article_get_image (scheduled, i);
      byline_image_set_caption (image, NULL);
      byline_image_set_alt_text (image, NULL);
      byline_image_set_credit (image, NULL);
      byline_image_set_featured (image, FALSE);
    }
  write_export (out, "scheduled-utc.json", scheduled, NULL);

  /* an HTML page with captioned figures, imported */
  web = import_web_page (scratch);
  write_export (out, "from-html.json", web, NULL);

  /* wire copy of every generation, imported then exported */
  for (guint i = 0; i < G_N_ELEMENTS (wire); i++)
    {
      g_autofree char *path = g_build_filename (data, wire[i], NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(BylineArticle) article = import_file (path, folder);
      g_autofree char *name = g_strdup_printf ("wire-%u.json", i);

      write_export (out, name, article, NULL);
    }

  return 0;
}
