/* test-ninjs-import.c — import of ninjs 1.x, 2.x and 3.x items: the IPTC
 * examples and agency-style wire copy, with remote and local pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-ninjs-private.h"

static BylineArticle *
import_data (const char *path,
             GError    **error)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (path);
  g_autofree char *full = byline_test_data_path (path);
  g_autofree char *folder_path = g_path_get_dirname (full);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *name = g_path_get_basename (path);

  return byline_ninjs_import (bytes, name, folder, error);
}

/* The pictures kept for later, as the draft format will store them. */
static JsonArray *
pending_pictures (BylineArticle *article)
{
  return byline_ninjs_dup_pending_pictures (article);
}

static char *
body_text (BylineArticle *article)
{
  return byline_body_dup_plain_text (byline_article_get_body (article));
}

typedef struct
{
  const char *path;
  int         major;
  const char *headline;
  const char *body_phrase;   /* NULL: no body */
  guint       n_blocks;
  guint       n_pictures;    /* all of them are remote in the IPTC examples */
  const char *caption;       /* the first picture's caption starts so */
  gboolean    featured;      /* the first picture is the featured one */
} IptcCase;

#define CAPTAIN "Captain of wrecked cruise ship on trial in Italy"
#define DELL "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations"
#define CONCORDIA "The Costa Concordia cruise ship lies on its side"

static const IptcCase iptc_cases[] = {
  { "ninjs/iptc/2.2/001_simple_example.json", 2, CAPTAIN, "GROSSETO, Italy (AP) -- The trial", 1, 0, NULL, FALSE },
  { "ninjs/iptc/2.2/002_renditions_example.json", 2, "", "...", 1, 0, NULL, FALSE },
  { "ninjs/iptc/2.2/003_associations_example.json", 2, DELL, "[ ... ]", 1, 2, NULL, FALSE },
  { "ninjs/iptc/2.2/004_simple_text_article.json", 2, CAPTAIN, "The sole defendant, Francesco Schettino", 4, 0, NULL, FALSE },
  { "ninjs/iptc/2.2/005_complex_text_article.json", 2, CAPTAIN, "Schettino has denied wrongdoing.", 4, 0, NULL, FALSE },
  { "ninjs/iptc/2.2/006_photo_only.json", 2, "Costa Concordia cruise ship", NULL, 0, 1, CONCORDIA, TRUE },
  { "ninjs/iptc/2.2/007_multimedia.json", 2, CAPTAIN, "His lawyer, Domenico Pepe", 4, 2, CONCORDIA, TRUE },
  { "ninjs/iptc/3.1/001_simple_example.json", 3, CAPTAIN, "GROSSETO, Italy (AP) -- The trial", 1, 0, NULL, FALSE },
  { "ninjs/iptc/3.1/002_renditions_example.json", 3, "", "...", 1, 0, NULL, FALSE },
  { "ninjs/iptc/3.1/003_associations_example.json", 3, DELL, "[ ... ]", 1, 2, NULL, FALSE },
  { "ninjs/iptc/3.1/004_simple_text_article.json", 3, CAPTAIN, "The sole defendant, Francesco Schettino", 4, 0, NULL, FALSE },
  { "ninjs/iptc/3.1/005_complex_text_article.json", 3, CAPTAIN, "Schettino has denied wrongdoing.", 4, 0, NULL, FALSE },
  { "ninjs/iptc/3.1/006_photo_only.json", 3, "Costa Concordia cruise ship", NULL, 0, 1, CONCORDIA, TRUE },
  { "ninjs/iptc/3.1/007_multimedia.json", 3, CAPTAIN, "His lawyer, Domenico Pepe", 4, 2, CONCORDIA, TRUE },
  { "ninjs/iptc/3.1/008_event.json", 3, "2023 NATO Summit Press Conference", NULL, 0, 0, NULL, FALSE },
};

static void
assert_new_draft (BylineArticle *article)
{
  g_assert_true (g_uuid_string_is_valid (byline_article_get_id (article)));
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_DRAFT);
}

static void
test_import_iptc (gconstpointer data)
{
  const IptcCase *c = data;
  g_autoptr(GBytes) bytes = byline_test_data_bytes (c->path);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(JsonArray) pending = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (byline_ninjs_sniff (bytes));
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpint (_byline_ninjs_detect_major (json_node_get_object (json_parser_get_root (parser))), ==, c->major);

  article = import_data (c->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==, c->headline);

  text = body_text (article);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, c->n_blocks);
  if (c->body_phrase != NULL)
    g_assert_nonnull (strstr (text, c->body_phrase));

  /* Every picture of the IPTC examples is remote: kept, with its caption */
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  pending = pending_pictures (article);
  g_assert_cmpuint (pending != NULL ? json_array_get_length (pending) : 0, ==, c->n_pictures);
  if (c->n_pictures > 0)
    {
      JsonObject *first = json_array_get_object_element (pending, 0);

      g_assert_nonnull (json_object_get_string_member_with_default (first, "uri", NULL));
      g_assert_true (json_object_get_boolean_member (first, "featured") == c->featured);
      if (c->caption != NULL)
        g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "caption"), c->caption));
    }
}

static void
test_import_iptc_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) complex = import_data ("ninjs/iptc/2.2/005_complex_text_article.json", &error);
  g_autoptr(BylineArticle) photo = NULL;
  g_autoptr(BylineArticle) multimedia = NULL;
  g_autoptr(JsonArray) pending = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2013, 7, 9, 10, 37, 0);
  const char *authors[] = { "Paulo Santalucia", "Frances d'Emilio", NULL };
  JsonObject *picture;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_dateline (complex), ==, "Grossetto, Italy");
  g_assert_cmpstr (byline_article_get_language (complex), ==, "en");
  g_assert_true (g_strv_equal (byline_article_get_authors (complex), authors));
  g_assert_true (g_date_time_equal (byline_article_get_modified (complex), expected));
  g_assert_true (g_date_time_equal (byline_article_get_created (complex), expected));
  /* the XHTML body is preferred to the plain one: one paragraph each */
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (byline_article_get_body (complex), 3)),
                   ==, BYLINE_BLOCK_PARAGRAPH);

  photo = import_data ("ninjs/iptc/3.1/006_photo_only.json", &error);
  g_assert_no_error (error);
  pending = pending_pictures (photo);
  picture = json_array_get_object_element (pending, 0);
  /* the biggest rendition, with its size; the photographer is the credit */
  g_assert_cmpstr (json_object_get_string_member (picture, "href"), ==,
                   "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg");
  g_assert_cmpint (json_object_get_int_member (picture, "width"), ==, 429);
  g_assert_cmpint (json_object_get_int_member (picture, "height"), ==, 281);
  g_assert_cmpstr (json_object_get_string_member (picture, "credit"), ==, "Paulo Santalucia");
  g_assert_cmpstr (byline_article_get_lead (photo), ==, "");
  g_clear_pointer (&pending, json_array_unref);

  multimedia = import_data ("ninjs/iptc/2.2/007_multimedia.json", &error);
  g_assert_no_error (error);
  pending = pending_pictures (multimedia);
  picture = json_array_get_object_element (pending, 1);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "portrait");
  g_assert_false (json_object_get_boolean_member (picture, "featured"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (picture, "caption"),
                                   "Francesco Schettino the captain"));
}

static void
test_import_ap_1x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_data ("ninjs/agency/ap-1x-text-photos.json", &error);
  g_autoptr(JsonArray) pending = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 7, 24, 3, 12, 45);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2024, 7, 24, 5, 48, 10);
  const char *authors[] = { "MINH NGUYEN", "SARAH COLLINS", NULL };
  const char *tags[] = { "Landslides", "Weather", NULL };
  BylineBody *body;
  const BylineBlock *block;
  const BylineSpan *spans;
  guint n_spans;
  JsonObject *picture;

  g_assert_no_error (error);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Landslides cut off mountain villages in northern Vietnam after days of rain");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "Landslides triggered by days of heavy rain"));
  g_assert_true (g_strv_equal (byline_article_get_authors (article), authors));
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "HANOI, Vietnam");
  g_assert_cmpstr (byline_article_get_language (article), ==, "en");
  g_assert_cmpstr (byline_article_get_category (article), ==, "Natural disasters");
  g_assert_true (g_strv_equal (byline_article_get_tags (article), tags));
  g_assert_true (g_date_time_equal (byline_article_get_created (article), created));
  g_assert_true (g_date_time_equal (byline_article_get_modified (article), modified));

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, 0)),
                                   "HANOI, Vietnam (EP) — Landslides"));
  block = byline_body_get_block (body, 2);
  spans = byline_block_get_spans (block, &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  block = byline_body_get_block (body, 3);
  spans = byline_block_get_spans (block, &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_LINK);
  g_assert_cmpstr (spans[0].href, ==, "https://example.gov.vn/weather");

  /* two pictures (the video and the related story are not pictures), both remote */
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  pending = pending_pictures (article);
  g_assert_cmpuint (json_array_get_length (pending), ==, 2);
  picture = json_array_get_object_element (pending, 0);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "featureimage");
  g_assert_true (json_object_get_boolean_member (picture, "featured"));
  g_assert_cmpstr (json_object_get_string_member (picture, "href"), ==,
                   "https://media.example.org/ap/0a1b2c3d4e5f/main.jpg");
  g_assert_cmpint (json_object_get_int_member (picture, "width"), ==, 5472);
  g_assert_cmpstr (json_object_get_string_member (picture, "contenttype"), ==, "image/jpeg");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (picture, "caption"), "Workers clear mud"));
  g_assert_cmpstr (json_object_get_string_member (picture, "credit"), ==, "Tran Van Hoang");
  picture = json_array_get_object_element (pending, 1);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "mediaitem1");
  g_assert_false (json_object_get_boolean_member (picture, "featured"));
}

static void
test_import_reuters_1x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_data ("ninjs/agency/reuters-1x-xhtml.json", &error);
  g_autoptr(JsonArray) pending = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 9, 8, 9, 47, 2);
  const char *authors[] = { "Khanh Vu", "Phuong Nguyen", NULL };
  const char *tags[] = { "Vietnam", "Disasters / Accidents", NULL };
  BylineBody *body;

  g_assert_no_error (error);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Typhoon Yagi weakens after battering northern Vietnam; 4 dead");
  g_assert_true (g_strv_equal (byline_article_get_authors (article), authors));
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "HANOI");
  /* the subject with an IPTC Subject Code is the category */
  g_assert_cmpstr (byline_article_get_category (article), ==, "Weather");
  g_assert_true (g_strv_equal (byline_article_get_tags (article), tags));
  g_assert_cmpstr (byline_article_get_lead (article), ==, "");
  g_assert_true (g_date_time_equal (byline_article_get_created (article), created));

  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==,
                   "More than 50,000 people were evacuated from coastal areas before the storm made landfall on Saturday.");

  pending = pending_pictures (article);
  g_assert_cmpuint (json_array_get_length (pending), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pending, 0), "href"), ==,
                   "https://pictures.example.net/RC2YU9A7QWXY/base.jpg");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pending, 0), "credit"), ==,
                   "THINH NGUYEN");
}

static void
test_import_superdesk_1x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_data ("ninjs/agency/superdesk-1x-featuremedia.json", &error);
  g_autoptr(JsonArray) pending = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 10, 2, 3, 21, 7);
  const char *authors[] = { "Tom Walker", NULL };
  const char *tags[] = { "weather", "cyclone", "Queensland", NULL };
  BylineBody *body;
  JsonObject *picture;

  /* no "uri" (Superdesk writes "guid"), but a headline and a body */
  g_assert_no_error (error);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Cyclone warning issued for far north Queensland coast");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "A cyclone watch is in place"));
  g_assert_true (g_strv_equal (byline_article_get_authors (article), authors));
  /* the subject of the "category" scheme; keywords after the other subjects */
  g_assert_cmpstr (byline_article_get_category (article), ==, "Australian General News");
  g_assert_true (g_strv_equal (byline_article_get_tags (article), tags));
  /* "+0000" offsets as Superdesk writes them */
  g_assert_true (g_date_time_equal (byline_article_get_created (article), created));

  /* the paragraph that only held a remote <img> is not text */
  body = byline_article_get_body (article);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, 2)), "Emergency services"));

  pending = pending_pictures (article);
  g_assert_cmpuint (json_array_get_length (pending), ==, 2);
  picture = json_array_get_object_element (pending, 0);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "featuremedia");
  g_assert_true (json_object_get_boolean_member (picture, "featured"));
  g_assert_cmpstr (json_object_get_string_member (picture, "href"), ==,
                   "https://images.sd.example.com.au/2024/10/2c7a90e1-original.jpg");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (picture, "caption"), "Storm clouds gather"));
  g_assert_cmpstr (json_object_get_string_member (picture, "alt_text"), ==, "Dark storm clouds over the Cairns esplanade");
  g_assert_cmpstr (json_object_get_string_member (picture, "credit"), ==, "JANE DOE");
  picture = json_array_get_object_element (pending, 1);
  g_assert_cmpstr (json_object_get_string_member (picture, "href"), ==,
                   "https://images.sd.example.com.au/2024/10/cyclone-satellite.jpg");
  g_assert_cmpstr (json_object_get_string_member (picture, "alt_text"), ==, "Satellite image of the tropical low");
  g_assert_false (json_object_get_boolean_member (picture, "featured"));
}

static void
test_import_ap_bylines (void)
{
  static const char json[] =
    "{\"uri\": \"http://ninjs.example.org/ap/1\", \"headline\": \"Talks resume\","
    " \"bylines\": [{\"by\": \"By JAMEY KEATEN and MARIA CHENG\", \"title\": \"Associated Press\"},"
    " {\"by\": \"LE THI MAI\"}], \"body_text\": \"GENEVA (AP) \\u2014 Talks resumed.\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_ninjs_import (bytes, "ap.json", NULL, &error);
  const char *authors[] = { "JAMEY KEATEN", "MARIA CHENG", "LE THI MAI", NULL };

  g_assert_no_error (error);
  g_assert_true (g_strv_equal (byline_article_get_authors (article), authors));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article), 0)), ==,
                   "GENEVA (AP) — Talks resumed.");
}

static char *
file_sha256 (const char *data_path)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (data_path);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
test_import_local_2x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_data ("ninjs/agency/vna-2x/item.json", &error);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) created = g_date_time_new (zone, 2024, 9, 10, 7, 15, 0);
  g_autofree char *sha_first = file_sha256 ("ninjs/agency/vna-2x/media/lu-quet-muong-te.png");
  g_autofree char *sha_second = file_sha256 ("ninjs/agency/vna-2x/media/di-doi-dan.png");
  g_autofree char *expected_path = byline_test_data_path ("ninjs/agency/vna-2x/media/lu-quet-muong-te.png");
  g_autofree char *image_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonArray) pending = NULL;
  const char *authors[] = { "Quý Trung", "Nguyễn Oanh", NULL };
  const char *tags[] = { "lũ quét", "Mường Tè", "phòng chống thiên tai", NULL };
  static const BylineBlockKind kinds[] = {
    BYLINE_BLOCK_PARAGRAPH, BYLINE_BLOCK_IMAGE, BYLINE_BLOCK_HEADING1, BYLINE_BLOCK_PARAGRAPH,
    BYLINE_BLOCK_QUOTE, BYLINE_BLOCK_BULLETED_ITEM, BYLINE_BLOCK_BULLETED_ITEM, BYLINE_BLOCK_PARAGRAPH,
  };
  BylineImage *first, *second;
  BylineBody *body;

  g_assert_no_error (error);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Lũ quét tại Mường Tè, hàng chục hộ dân phải di dời khẩn cấp");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article), "(TTXVN) - Mưa lớn kéo dài"));
  g_assert_cmpstr (byline_article_get_source_prefix (article), ==, "TTXVN");
  g_assert_true (g_strv_equal (byline_article_get_authors (article), authors));
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "Lai Châu");
  g_assert_cmpstr (byline_article_get_category (article), ==, "Thời sự");
  g_assert_true (g_strv_equal (byline_article_get_tags (article), tags));
  g_assert_true (g_date_time_equal (byline_article_get_created (article), created));
  g_assert_cmpint (g_date_time_get_utc_offset (byline_article_get_created (article)), ==, 7 * G_TIME_SPAN_HOUR);

  /* both pictures are in the item's folder: attached, with their metadata */
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  g_assert_null ((pending = pending_pictures (article)));
  first = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_sha256 (first), ==, sha_first);
  g_assert_cmpstr (byline_image_get_media_type (first), ==, "image/png");
  g_assert_cmpstr (byline_image_get_filename (first), ==, "lu-quet-muong-te.png");
  g_assert_cmpuint (byline_image_get_width (first), ==, 16);
  g_assert_cmpuint (byline_image_get_height (first), ==, 10);
  g_assert_true (byline_image_get_featured (first));
  g_assert_cmpstr (byline_image_get_caption (first), ==, "Lũ quét tràn qua bản Pa Vệ Sử sáng 10/9.");
  g_assert_cmpstr (byline_image_get_alt_text (first), ==, "Dòng nước đục tràn qua ruộng lúa ven suối.");
  g_assert_cmpstr (byline_image_get_credit (first), ==, "Ảnh: Quý Trung/TTXVN");
  image_path = g_file_get_path (byline_image_get_file (first));
  g_assert_cmpstr (image_path, ==, expected_path);
  second = byline_article_get_image (article, 1);
  g_assert_cmpstr (byline_image_get_sha256 (second), ==, sha_second);
  g_assert_false (byline_image_get_featured (second));
  g_assert_cmpstr (byline_image_get_caption (second), ==, "Bộ đội Biên phòng giúp người dân chuyển đồ đạc đến nơi ở tạm.");
  g_assert_cmpstr (byline_image_get_alt_text (second), ==, "");

  /* the HTML body (not the shorter plain one), its figure an image block */
  body = byline_article_get_body (article);
  text = body_text (article);
  g_assert_nonnull (strstr (text, "làm sập 3 nhà"));
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, i)), ==, kinds[i]);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 1)), ==, byline_image_get_id (first));
}

static void
test_import_local_3x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_data ("ninjs/agency/3x-local/item.json", &error);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) embargo = g_date_time_new (zone, 2024, 9, 9, 18, 0, 0);
  g_autoptr(GDateTime) modified = g_date_time_new (zone, 2024, 9, 9, 14, 45, 30);
  g_autoptr(JsonArray) pending = NULL;
  const char *tags[] = { "giao thông", NULL };
  BylineImage *image;
  JsonObject *remote;

  g_assert_no_error (error);
  assert_new_draft (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Sập cầu Phong Châu, nhiều phương tiện rơi xuống sông Hồng");
  /* an HTML summary, one line per paragraph */
  g_assert_cmpstr (byline_article_get_lead (article), ==,
                   "Khoảng 10 giờ sáng 9/9, cầu Phong Châu bắc qua sông Hồng bị sập hai nhịp.\n"
                   "Lực lượng cứu hộ đang tìm kiếm người mất tích.");
  g_assert_true (g_date_time_equal (byline_article_get_publish_time (article), embargo));
  g_assert_true (g_date_time_equal (byline_article_get_modified (article), modified));
  g_assert_cmpstr (byline_article_get_editor_note (article), ==, "Không đăng trước 18 giờ.");
  g_assert_cmpstr (byline_article_get_category (article), ==, "Tai nạn và thảm họa");
  g_assert_true (g_strv_equal (byline_article_get_tags (article), tags));
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 3);

  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  image = byline_article_get_image (article, 0);
  g_assert_true (byline_image_get_featured (image));
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Hiện trường vụ sập cầu Phong Châu chiều 9/9.");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Hai nhịp cầu thép gãy đổ xuống lòng sông.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hoàng Hà");
  g_assert_cmpuint (byline_image_get_width (image), ==, 20);

  pending = pending_pictures (article);
  g_assert_cmpuint (json_array_get_length (pending), ==, 1);
  remote = json_array_get_object_element (pending, 0);
  g_assert_cmpstr (json_object_get_string_member (remote, "href"), ==, "https://cdn.news.example.vn/anh/cuu-ho-1200.jpg");
  g_assert_cmpstr (json_object_get_string_member (remote, "caption"), ==,
                   "Lực lượng cứu hộ tìm kiếm người mất tích trên sông Hồng.");
  g_assert_cmpstr (json_object_get_string_member (remote, "credit"), ==, "Ảnh: Minh Thu");
}

static void
test_import_versions (void)
{
  static const struct { const char *path; int major; } cases[] = {
    { "ninjs/agency/ap-1x-text-photos.json", 1 },
    { "ninjs/agency/reuters-1x-xhtml.json", 1 },
    { "ninjs/agency/superdesk-1x-featuremedia.json", 1 },
    { "ninjs/agency/vna-2x/item.json", 2 },
    { "ninjs/agency/3x-local/item.json", 3 },
  };
  static const struct { const char *json; int major; } shapes[] = {
    { "{\"uri\":\"a\",\"$schema\":\"http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json#\"}", 1 },
    { "{\"uri\":\"a\",\"standard\":{\"name\":\"ninjs\",\"version\":\"2.1\"}}", 2 },
    { "{\"uri\":\"a\",\"standard\":{\"name\":\"ninjs\",\"schema\":\"http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json\"}}", 3 },
    { "{\"uri\":\"a\",\"body_text\":\"x\"}", 1 },
    { "{\"uri\":\"a\",\"headlines\":[{\"value\":\"x\"}]}", 2 },
    { "{\"uri\":\"a\",\"headlines\":[{\"contentType\":\"text/plain\",\"value\":\"x\"}]}", 3 },
    { "{\"uri\":\"a\",\"pubStatus\":\"usable\"}", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases) + G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      int expected;

      if (i < G_N_ELEMENTS (cases))
        bytes = byline_test_data_bytes (cases[i].path), expected = cases[i].major;
      else
        {
          const char *json = shapes[i - G_N_ELEMENTS (cases)].json;
          bytes = g_bytes_new_static (json, strlen (json));
          expected = shapes[i - G_N_ELEMENTS (cases)].major;
        }
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_assert_true (_byline_ninjs_is_item (json_node_get_object (json_parser_get_root (parser))));
      g_assert_cmpint (_byline_ninjs_detect_major (json_node_get_object (json_parser_get_root (parser))), ==, expected);
      g_assert_true (byline_ninjs_sniff (bytes));
    }
}

/* Wire copy comes from many systems: a member of an unexpected type must read as
 * absent, never crash the import.  Every value of every item is replaced, one at
 * a time, by values of each other JSON type. */
static void
replace_each (JsonNode   *root,
              JsonNode   *node,
              GBytes     *original,
              const char *path,
              guint      *n_imports)
{
  static const char * const replacements[] = { "42", "-1.5e300", "null", "true", "\"\"", "[]", "{}", "[{}]" };

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      /* setting a member frees its old name: keep copies */
      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (names, g_strdup (l->data));

      for (guint n = 0; n < names->len; n++)
        {
          const char *name = g_ptr_array_index (names, n);
          g_autoptr(JsonNode) saved = json_node_copy (json_object_get_member (object, name));

          for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
            {
              g_autoptr(JsonGenerator) generator = json_generator_new ();
              g_autoptr(GError) error = NULL;
              g_autoptr(BylineArticle) article = NULL;
              g_autoptr(GBytes) bytes = NULL;
              char *data;
              gsize length;

              json_object_set_member (object, name, json_from_string (replacements[r], NULL));
              json_generator_set_root (generator, root);
              data = json_generator_to_data (generator, &length);
              bytes = g_bytes_new_take (data, length);
              article = byline_ninjs_import (bytes, path, NULL, &error);
              g_assert_true ((article != NULL) != (error != NULL));
              if (error != NULL)
                g_assert_true (error->domain == BYLINE_ERROR);
              (*n_imports)++;
            }
          json_object_set_member (object, name, json_node_copy (saved));
          replace_each (root, json_object_get_member (object, name), original, path, n_imports);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        replace_each (root, json_array_get_element (array, i), original, path, n_imports);
    }
}

static void
test_import_wrong_types (void)
{
  static const char * const paths[] = {
    "ninjs/agency/ap-1x-text-photos.json", "ninjs/agency/3x-local/item.json",
    "ninjs/iptc/2.2/007_multimedia.json",
  };
  guint n_imports = 0;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GBytes) bytes = byline_test_data_bytes (paths[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      root = json_parser_get_root (parser);
      replace_each (root, root, bytes, paths[i], &n_imports);
    }
  /* every member of three items, eight times over */
  g_assert_cmpuint (n_imports, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (iptc_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ninjs/import/iptc/%s", iptc_cases[i].path + strlen ("ninjs/iptc/"));
      g_test_add_data_func (path, &iptc_cases[i], test_import_iptc);
    }
  g_test_add_func ("/ninjs/import/iptc-details", test_import_iptc_details);
  g_test_add_func ("/ninjs/import/ap-1x", test_import_ap_1x);
  g_test_add_func ("/ninjs/import/reuters-1x", test_import_reuters_1x);
  g_test_add_func ("/ninjs/import/superdesk-1x", test_import_superdesk_1x);
  g_test_add_func ("/ninjs/import/ap-bylines", test_import_ap_bylines);
  g_test_add_func ("/ninjs/import/local-2x", test_import_local_2x);
  g_test_add_func ("/ninjs/import/local-3x", test_import_local_3x);
  g_test_add_func ("/ninjs/import/versions", test_import_versions);
  g_test_add_func ("/ninjs/import/wrong-types", test_import_wrong_types);

  return g_test_run ();
}
