/* test-ninjs.c — IPTC ninjs: 2.2 export against what the standard requires,
 * round trips and hostile input (import of real items: ninjs/test-ninjs-import.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "byline-test-utils.h"

/* ------------------------------------------------------------- helpers */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, name)));
  return json_object_get_object_member (object, name);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)));
  return json_object_get_array_member (object, name);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

/* Every member of @object must be one the schema lists for it
 * ("additionalProperties": false / "unevaluatedProperties": false). */
static void
assert_members_allowed (JsonObject         *object,
                        const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      g_error ("member “%s” is not allowed here by ninjs 2.2", (const char *) l->data);
}

static const char * const item_members[] = {
  "uri", "type", "representationtype", "profile", "version", "firstcreated",
  "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
  "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
  "descriptions", "bodies", "headlines", "people", "organisations", "places",
  "subjects", "events", "objects", "infosources", "title", "by", "slugline",
  "located", "renditions", "associations", "altids", "trustindicators", "standard",
  "genres", "expires", "rightsinfo", "digitalsourcetype", NULL
};
/* An association is a whole ninjs object plus its name. */
static const char * const association_members[] = {
  "name", "uri", "type", "representationtype", "profile", "version", "firstcreated",
  "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
  "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
  "descriptions", "bodies", "headlines", "people", "organisations", "places",
  "subjects", "events", "objects", "infosources", "title", "by", "slugline",
  "located", "renditions", "associations", "altids", "trustindicators", "standard",
  "genres", "expires", "rightsinfo", "digitalsourcetype", NULL
};
static const char * const text_members[] = { "role", "contenttype", "value", NULL };
static const char * const body_members[] = { "role", "contenttype", "charcount", "wordcount", "value", NULL };
static const char * const subject_members[] = {
  "name", "rel", "uri", "literal", "creator", "relevance", "confidence", NULL
};
static const char * const rendition_members[] = {
  "name", "href", "contenttype", "title", "height", "width", "sizeinbytes", "duration", "format", NULL
};

/* RFC 3339 date-time, as JSON Schema's "date-time" format means it. */
static void
assert_date_time (JsonObject *object,
                  const char *name)
{
  const char *text = member_string (object, name);

  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                                       "(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$", text, 0, 0));
}

static void
assert_text_entries (JsonArray *array,
                     const char * const *members)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      assert_members_allowed (entry, members);
      member_string (entry, "value");  /* required, a string */
    }
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

static JsonObject *
export_object (BylineArticle *article,
               JsonNode     **keep)
{
  *keep = byline_ninjs_export (article, NULL);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*keep));
  return json_node_get_object (*keep);
}

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

/* ------------------------------------------------------------- export */

static void
test_export_fields (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("ninjs-media");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *html = NULL;
  BylineBody *body = byline_article_get_body (article);
  JsonObject *item, *standard, *headline, *lead, *main_body, *subject;
  JsonArray *subjects, *associations;
  const char * const *tags = byline_article_get_tags (article);

  item = export_object (article, &node);
  assert_members_allowed (item, item_members);

  /* uri: required, an absolute URI, stable for the draft */
  uri = g_strconcat ("urn:uuid:", byline_article_get_id (article), NULL);
  g_assert_cmpstr (member_string (item, "uri"), ==, uri);
  g_assert_true (g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL));

  standard = member_object (item, "standard");
  g_assert_cmpstr (member_string (standard, "name"), ==, "ninjs");
  g_assert_cmpstr (member_string (standard, "version"), ==, "2.2");
  g_assert_cmpstr (member_string (item, "type"), ==, "text");
  g_assert_cmpstr (member_string (item, "profile"), ==, "text-photo");
  g_assert_cmpstr (member_string (item, "pubstatus"), ==, "withheld");  /* submitted */
  g_assert_false (json_object_has_member (item, "embargoed"));

  assert_date_time (item, "firstcreated");
  assert_date_time (item, "versioncreated");
  assert_date_time (item, "contentcreated");
  g_assert_cmpstr (member_string (item, "firstcreated"), ==, "2022-08-10T21:05:00+07:00");
  g_assert_cmpstr (member_string (item, "versioncreated"), ==, "2022-08-10T21:05:00+07:00");

  g_assert_cmpstr (member_string (item, "language"), ==, "vi");
  g_assert_cmpstr (member_string (item, "by"), ==, "Nguyễn Thị Hương, Lò Văn Dũng");
  g_assert_cmpstr (member_string (item, "located"), ==, "Lai Châu");
  g_assert_cmpstr (member_string (item, "slugline"), ==, "nam-nhun-mua-lu-gay-sat-lo-chia-cat-nhieu-ban");
  g_assert_cmpstr (member_string (json_array_get_object_element (member_array (item, "infosources"), 0),
                                  "literal"), ==, "BLC");

  assert_text_entries (member_array (item, "headlines"), text_members);
  g_assert_cmpuint (json_array_get_length (member_array (item, "headlines")), ==, 1);
  headline = json_array_get_object_element (member_array (item, "headlines"), 0);
  g_assert_cmpstr (member_string (headline, "role"), ==, "main");
  g_assert_cmpstr (member_string (headline, "value"), ==, byline_article_get_headline (article));

  assert_text_entries (member_array (item, "descriptions"), text_members);
  lead = json_array_get_object_element (member_array (item, "descriptions"), 0);
  g_assert_cmpstr (member_string (lead, "role"), ==, "summary");
  g_assert_cmpstr (member_string (lead, "contenttype"), ==, "text/plain");
  g_assert_cmpstr (member_string (lead, "value"), ==, byline_article_get_lead (article));

  /* category first, then the tags in order */
  subjects = member_array (item, "subjects");
  g_assert_cmpuint (json_array_get_length (subjects), ==, 1 + g_strv_length ((GStrv) tags));
  subject = json_array_get_object_element (subjects, 0);
  assert_members_allowed (subject, subject_members);
  g_assert_cmpstr (member_string (subject, "name"), ==, "Xã hội");
  g_assert_cmpstr (member_string (subject, "rel"), ==, "category");
  g_assert_cmpstr (member_string (subject, "uri"), ==, "urn:byline:category:xa-hoi");
  g_assert_true (g_uri_is_valid (member_string (subject, "uri"), G_URI_FLAGS_NONE, NULL));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      subject = json_array_get_object_element (subjects, i + 1);
      assert_members_allowed (subject, subject_members);
      g_assert_cmpstr (member_string (subject, "name"), ==, tags[i]);
      g_assert_cmpstr (member_string (subject, "rel"), ==, "keyword");
    }

  assert_text_entries (member_array (item, "bodies"), body_members);
  main_body = json_array_get_object_element (member_array (item, "bodies"), 0);
  g_assert_cmpstr (member_string (main_body, "role"), ==, "main");
  g_assert_cmpstr (member_string (main_body, "contenttype"), ==, "text/html");
  html = byline_html_export_body (article, &(BylineHtmlOptions) { .media_base = "media/", .fragment = TRUE });
  g_assert_cmpstr (member_string (main_body, "value"), ==, html);
  g_assert_cmpint (json_object_get_int_member (main_body, "wordcount"), ==, byline_body_count_words (body));
  g_assert_cmpint (json_object_get_int_member (main_body, "charcount"), ==, byline_body_count_chars (body));

  associations = member_array (item, "associations");
  g_assert_cmpuint (json_array_get_length (associations), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      JsonObject *picture = json_array_get_object_element (associations, i);
      JsonArray *descriptions = member_array (picture, "descriptions");
      JsonObject *caption = json_array_get_object_element (descriptions, 0);
      JsonObject *alt = json_array_get_object_element (descriptions, 1);
      JsonObject *rendition;
      g_autofree char *picture_uri = g_strconcat ("urn:uuid:", byline_image_get_id (image), NULL);
      g_autofree char *href = g_strconcat ("media/", byline_image_get_sha256 (image), ".png", NULL);

      /* associations: ninjs objects with a required name and uri */
      assert_members_allowed (picture, association_members);
      g_assert_cmpstr (member_string (picture, "name"), ==, i == 0 ? "featureimage" : "image1");
      g_assert_cmpstr (member_string (picture, "uri"), ==, picture_uri);
      g_assert_cmpstr (member_string (picture, "type"), ==, "picture");
      g_assert_cmpstr (member_string (picture, "by"), ==, byline_image_get_credit (image));
      assert_text_entries (descriptions, text_members);
      g_assert_cmpstr (member_string (caption, "role"), ==, "caption");
      g_assert_cmpstr (member_string (caption, "value"), ==, byline_image_get_caption (image));
      g_assert_cmpstr (member_string (alt, "role"), ==, "alt");
      g_assert_cmpstr (member_string (alt, "value"), ==, byline_image_get_alt_text (image));

      rendition = json_array_get_object_element (member_array (picture, "renditions"), 0);
      assert_members_allowed (rendition, rendition_members);
      g_assert_cmpstr (member_string (rendition, "name"), ==, "original");
      g_assert_cmpstr (member_string (rendition, "href"), ==, href);
      g_assert_cmpstr (member_string (rendition, "contenttype"), ==, "image/png");
      g_assert_cmpint (json_object_get_int_member (rendition, "width"), ==, byline_image_get_width (image));
      g_assert_cmpint (json_object_get_int_member (rendition, "height"), ==, byline_image_get_height (image));
      /* the body's <img> points at the same file */
      g_assert_nonnull (strstr (html, href));
    }
}

static void
test_export_pubstatus (void)
{
  static const struct { BylineStatus status; const char *pubstatus; gboolean embargoed; } cases[] = {
    { BYLINE_STATUS_DRAFT, "withheld", FALSE },
    { BYLINE_STATUS_SUBMITTED, "withheld", FALSE },
    { BYLINE_STATUS_RETURNED, "withheld", FALSE },
    { BYLINE_STATUS_SCHEDULED, "usable", TRUE },
    { BYLINE_STATUS_PUBLISHED, "usable", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *item;

      byline_article_set_status (article, cases[i].status);
      item = export_object (article, &node);
      g_assert_cmpstr (member_string (item, "pubstatus"), ==, cases[i].pubstatus);
      g_assert_true (json_object_has_member (item, "embargoed") == cases[i].embargoed);
      if (cases[i].embargoed)
        {
          assert_date_time (item, "embargoed");
          g_assert_cmpstr (member_string (item, "embargoed"), ==, "2022-08-11T06:30:00+07:00");
        }
    }
}

static void
test_export_no_editor_note (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GBytes) bytes = NULL;
  const char *note = "Chỉ nội bộ: nguồn tin chưa kiểm chứng, KHÔNG-ĐĂNG-7f3a";

  byline_article_set_editor_note (article, note);
  for (guint status = BYLINE_STATUS_DRAFT; status <= BYLINE_STATUS_PUBLISHED; status++)
    {
      byline_article_set_status (article, status);
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = byline_ninjs_export_bytes (article, NULL);
      g_assert_false (bytes_contain (bytes, "KHÔNG-ĐĂNG-7f3a"));
      g_assert_false (bytes_contain (bytes, "nguồn tin chưa kiểm chứng"));
      g_assert_false (bytes_contain (bytes, "ednote"));
    }
}

static void
test_export_vietnamese_bytes (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GBytes) bytes = byline_ninjs_export_bytes (article, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *item, *lead;

  /* Written as UTF-8, not as \u escapes, and NFC as the model holds it */
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (bytes_contain (bytes, "\"Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản\""));
  g_assert_true (bytes_contain (bytes, "Lực lượng cứu hộ giúp dân di dời tài sản."));
  g_assert_false (bytes_contain (bytes, "\\u1"));

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  item = json_node_get_object (json_parser_get_root (parser));
  lead = json_array_get_object_element (member_array (item, "descriptions"), 0);
  g_assert_cmpstr (member_string (lead, "value"), ==, byline_article_get_lead (article));
  g_assert_cmpstr (member_string (item, "by"), ==, "Nguyễn Thị Hương, Lò Văn Dũng");
}

static void
test_export_media_base (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineNinjsOptions options = { .media_base = "https://cdn.example.vn/anh/" };
  g_autoptr(JsonNode) node = byline_ninjs_export (article, &options);
  JsonObject *item = json_node_get_object (node);
  JsonObject *picture = json_array_get_object_element (member_array (item, "associations"), 1);
  JsonObject *rendition = json_array_get_object_element (member_array (picture, "renditions"), 0);
  JsonObject *body = json_array_get_object_element (member_array (item, "bodies"), 0);
  g_autofree char *href = g_strconcat ("https://cdn.example.vn/anh/",
                                       byline_image_get_sha256 (byline_article_get_image (article, 1)),
                                       ".png", NULL);

  g_assert_cmpstr (member_string (rendition, "href"), ==, href);
  g_assert_true (g_uri_is_valid (href, G_URI_FLAGS_NONE, NULL));
  g_assert_nonnull (strstr (member_string (body, "value"), href));
}

static void
test_export_lead_prefix (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *lead;

  /* the sapo as readers see it: "(BLC) - " in front unless it is there already */
  byline_article_set_lead (article, "Mưa lớn kéo dài gây sạt lở.");
  lead = json_array_get_object_element (member_array (export_object (article, &node), "descriptions"), 0);
  g_assert_cmpstr (member_string (lead, "value"), ==, "(BLC) - Mưa lớn kéo dài gây sạt lở.");
}

static void
test_export_minimal (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *item = export_object (article, &node);
  static const char * const absent[] = {
    "headlines", "descriptions", "bodies", "subjects", "associations", "by", "located",
    "infosources", "slugline", "version", "embargoed", NULL
  };

  assert_members_allowed (item, item_members);
  g_assert_true (g_str_has_prefix (member_string (item, "uri"), "urn:uuid:"));
  g_assert_cmpstr (member_string (item, "profile"), ==, "text-only");
  g_assert_cmpstr (member_string (item, "pubstatus"), ==, "withheld");
  assert_date_time (item, "firstcreated");
  for (guint i = 0; absent[i] != NULL; i++)
    g_assert_false (json_object_has_member (item, absent[i]));
}

static void
test_export_picture_names (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineImage) third = byline_image_new ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                                   "image/jpeg");
  g_autoptr(JsonNode) node = NULL;
  JsonArray *associations;
  const char *names[] = { "image1", "featureimage", "image2" };

  /* the featured picture in the middle; a second "featured" one is numbered */
  byline_image_set_featured (byline_article_get_image (article, 0), FALSE);
  byline_image_set_featured (byline_article_get_image (article, 1), TRUE);
  byline_article_add_image (article, third);
  associations = member_array (export_object (article, &node), "associations");
  g_assert_cmpuint (json_array_get_length (associations), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (member_string (json_array_get_object_element (associations, i), "name"), ==, names[i]);
  g_assert_true (g_str_has_suffix (member_string (json_array_get_object_element (
    member_array (json_array_get_object_element (associations, 2), "renditions"), 0), "href"), ".jpg"));
  /* the picture's name goes as its rendition's title; one without a name has none */
  g_assert_cmpstr (member_string (json_array_get_object_element (
    member_array (json_array_get_object_element (associations, 0), "renditions"), 0), "title"), ==,
    byline_image_get_filename (byline_article_get_image (article, 0)));
  g_assert_false (json_object_has_member (json_array_get_object_element (
    member_array (json_array_get_object_element (associations, 2), "renditions"), 0), "title"));
  /* a picture without caption or alt text has no descriptions, not empty ones */
  g_assert_false (json_object_has_member (json_array_get_object_element (associations, 2), "descriptions"));
}

/* ---------------------------------------------------------- round trip */

/* Exports into @folder as item.json with the pictures in media/, as byline-cli
 * export does, then imports that folder. */
static BylineArticle *
export_and_import (BylineArticle *article,
                   GFile         *folder,
                   gboolean       with_media)
{
  g_autoptr(GBytes) bytes = byline_ninjs_export_bytes (article, NULL);
  g_autoptr(GFile) media = g_file_get_child (folder, "media");
  g_autoptr(GError) error = NULL;
  BylineArticle *copy;

  if (with_media)
    {
      g_assert_true (g_file_make_directory (media, NULL, &error));
      for (guint i = 0; i < byline_article_get_n_images (article); i++)
        {
          BylineImage *image = byline_article_get_image (article, i);
          g_autofree char *path = byline_image_dup_media_path (image);
          g_autoptr(GFile) target = g_file_resolve_relative_path (folder, path);

          g_assert_true (g_file_copy (byline_image_get_file (image), target, G_FILE_COPY_NONE,
                                      NULL, NULL, NULL, &error));
          g_assert_no_error (error);
        }
    }

  copy = byline_ninjs_import (bytes, "item.json", folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
assert_same_text (BylineArticle *a,
                  BylineArticle *b)
{
  g_autofree char *text_a = body_text (a);
  g_autofree char *text_b = body_text (b);

  g_assert_cmpstr (byline_article_get_headline (b), ==, byline_article_get_headline (a));
  g_assert_cmpstr (byline_article_get_lead (b), ==, byline_article_get_lead (a));
  g_assert_cmpstr (text_b, ==, text_a);
  g_assert_true (g_strv_equal (byline_article_get_authors (b), byline_article_get_authors (a)));
  g_assert_cmpstr (byline_article_get_dateline (b), ==, byline_article_get_dateline (a));
  g_assert_cmpstr (byline_article_get_source_prefix (b), ==, byline_article_get_source_prefix (a));
  g_assert_cmpstr (byline_article_get_category (b), ==, byline_article_get_category (a));
  g_assert_true (g_strv_equal (byline_article_get_tags (b), byline_article_get_tags (a)));
  g_assert_cmpstr (byline_article_get_language (b), ==, byline_article_get_language (a));
  g_assert_true (g_date_time_equal (byline_article_get_created (b), byline_article_get_created (a)));
  g_assert_true (g_date_time_equal (byline_article_get_modified (b), byline_article_get_modified (a)));
}

/* The text a span covers, without the white space at its ends. */
static char *
span_text (const BylineBlock *block,
           const BylineSpan  *span)
{
  const char *text = byline_block_get_text (block);
  const char *start = g_utf8_offset_to_pointer (text, span->start);
  const char *end = g_utf8_offset_to_pointer (text, span->end);

  return g_strstrip (g_strndup (start, end - start));
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("ninjs-originals");
  g_autoptr(GFile) folder = byline_test_make_folder ("ninjs-export");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(BylineArticle) copy = NULL;
  BylineBody *body, *body_copy;

  copy = export_and_import (article, folder, TRUE);
  g_assert_cmpstr (byline_article_get_id (copy), !=, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (copy), ==, BYLINE_STATUS_DRAFT);
  assert_same_text (article, copy);
  /* the editor's note was never exported, so nothing comes back */
  g_assert_cmpstr (byline_article_get_editor_note (copy), ==, "");

  g_assert_cmpuint (byline_article_get_n_images (copy), ==, byline_article_get_n_images (article));
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *a = byline_article_get_image (article, i);
      BylineImage *b = byline_article_get_image (copy, i);

      g_assert_cmpstr (byline_image_get_sha256 (b), ==, byline_image_get_sha256 (a));
      g_assert_cmpstr (byline_image_get_media_type (b), ==, byline_image_get_media_type (a));
      g_assert_cmpstr (byline_image_get_caption (b), ==, byline_image_get_caption (a));
      g_assert_cmpstr (byline_image_get_credit (b), ==, byline_image_get_credit (a));
      g_assert_cmpstr (byline_image_get_alt_text (b), ==, byline_image_get_alt_text (a));
      g_assert_true (byline_image_get_featured (b) == byline_image_get_featured (a));
      /* its own name, from its rendition's title, not its file's (the SHA-256) */
      g_assert_cmpstr (byline_image_get_filename (b), ==, byline_image_get_filename (a));
      g_assert_cmpuint (byline_image_get_width (b), ==, byline_image_get_width (a));
      g_assert_cmpuint (byline_image_get_height (b), ==, byline_image_get_height (a));
    }

  /* block by block, spans included; image blocks point at the same pictures */
  body = byline_article_get_body (article);
  body_copy = byline_article_get_body (copy);
  g_assert_cmpuint (byline_body_get_n_blocks (body_copy), ==, byline_body_get_n_blocks (body));
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *a = byline_body_get_block (body, i);
      const BylineBlock *b = byline_body_get_block (body_copy, i);
      const BylineSpan *spans_a, *spans_b;
      guint n_a, n_b;

      g_assert_cmpint (byline_block_get_kind (b), ==, byline_block_get_kind (a));
      if (byline_block_get_kind (a) == BYLINE_BLOCK_IMAGE)
        {
          BylineImage *image_a = byline_article_find_image (article, byline_block_get_image_id (a));
          BylineImage *image_b = byline_article_find_image (copy, byline_block_get_image_id (b));

          g_assert_nonnull (image_b);
          g_assert_cmpstr (byline_image_get_sha256 (image_b), ==, byline_image_get_sha256 (image_a));
          continue;
        }
      g_assert_cmpstr (byline_block_get_text (b), ==, byline_block_get_text (a));
      spans_a = byline_block_get_spans (a, &n_a);
      spans_b = byline_block_get_spans (b, &n_b);
      g_assert_cmpuint (n_b, ==, n_a);
      for (guint s = 0; s < n_a; s++)
        {
          g_autofree char *covered_a = span_text (a, &spans_a[s]);
          g_autofree char *covered_b = span_text (b, &spans_b[s]);

          /* HTML may move white space at a span's edge out of it */
          g_assert_cmpstr (covered_b, ==, covered_a);
          g_assert_cmpint (spans_b[s].kind, ==, spans_a[s].kind);
          g_assert_cmpstr (spans_b[s].href, ==, spans_a[s].href);
        }
    }

  /* and once more: export → import → export gives the same item but its ids */
  {
    g_autoptr(GFile) again = byline_test_make_folder ("ninjs-export-again");
    g_autoptr(BylineArticle) third = export_and_import (copy, again, TRUE);

    assert_same_text (article, third);
  }
}

/* A rendition's title that is no file name (a sentence, a path, a hidden
 * file) does not name the picture: its file does. */
static void
test_import_rendition_title (void)
{
  static const char *const not_names[] = {
    "Photo of the flood", "../../etc/passwd.png", ".png", "lũ quét.jpg\nx", "ảnh.tiếng", "a/b.png",
  };
  g_autoptr(GFile) media = byline_test_make_folder ("title-originals");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);

  for (guint i = 0; i <= G_N_ELEMENTS (not_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("title-%u", i);
      g_autoptr(GFile) folder = byline_test_make_folder (name);
      g_autoptr(BylineArticle) copy = NULL;
      const char *title = i < G_N_ELEMENTS (not_names) ? not_names[i] : "Lũ quét ở Bát Xát.jpg";
      g_autofree char *media_path = byline_image_dup_media_path (byline_article_get_image (article, 0));
      g_autofree char *media_name = g_path_get_basename (media_path);

      byline_image_set_filename (byline_article_get_image (article, 0), title);
      copy = export_and_import (article, folder, TRUE);
      if (i < G_N_ELEMENTS (not_names))
        g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (copy, 0)), ==, media_name);
      else
        g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (copy, 0)), ==, title);
    }
}

static void
test_round_trip_without_media (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("ninjs-no-media");
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) copy = export_and_import (article, folder, FALSE);
  g_autoptr(JsonArray) pending = pending_pictures (copy);
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(BylineArticle) reloaded = NULL;
  g_autoptr(JsonArray) pending_again = NULL;
  g_autoptr(GError) error = NULL;

  /* the pictures' files are not there: their metadata waits in the draft */
  assert_same_text (article, copy);
  g_assert_cmpuint (byline_article_get_n_images (copy), ==, 0);
  g_assert_nonnull (pending);
  g_assert_cmpuint (json_array_get_length (pending), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      JsonObject *picture = json_array_get_object_element (pending, i);
      g_autofree char *href = byline_image_dup_media_path (image);

      g_assert_cmpstr (json_object_get_string_member (picture, "href"), ==, href);
      g_assert_cmpstr (json_object_get_string_member (picture, "caption"), ==, byline_image_get_caption (image));
      g_assert_cmpstr (json_object_get_string_member (picture, "credit"), ==, byline_image_get_credit (image));
      g_assert_cmpstr (json_object_get_string_member (picture, "alt_text"), ==, byline_image_get_alt_text (image));
      g_assert_true (json_object_get_boolean_member (picture, "featured") == byline_image_get_featured (image));
    }

  /* a copy: changing it changes nothing in the draft */
  json_array_remove_element (pending, 0);
  {
    g_autoptr(JsonArray) again = pending_pictures (copy);
    g_assert_cmpuint (json_array_get_length (again), ==, 2);
  }
  g_assert_null (pending_pictures (article));

  /* ... and survive a save and load of the draft, as its own member */
  draft = byline_draft_format_serialize (copy);
  g_assert_nonnull (memmem (g_bytes_get_data (draft, NULL), g_bytes_get_size (draft),
                            "\"pending_pictures\"", strlen ("\"pending_pictures\"")));
  reloaded = byline_draft_format_parse (draft, "draft.json", &error);
  g_assert_no_error (error);
  pending_again = pending_pictures (reloaded);
  g_assert_nonnull (pending_again);
  g_assert_cmpuint (json_array_get_length (pending_again), ==, 2);
}

/* ------------------------------------------------------------- errors */

static void
assert_import_fails (const char  *json,
                     gssize       length,
                     GFile       *folder,
                     int          code,
                     const char  *message_pattern)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length < 0 ? strlen (json) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_ninjs_import (bytes, "wire.json", folder, &error);

  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, code);
  if (message_pattern != NULL && !g_regex_match_simple (message_pattern, error->message, 0, 0))
    g_error ("“%s” does not match “%s”", error->message, message_pattern);
}

static void
test_errors_malformed (void)
{
  g_autoptr(GBytes) truncated = byline_test_data_bytes ("ninjs/hostile/truncated.json");
  g_autoptr(GString) deep = g_string_new ("{\"uri\":\"x\",\"a\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  article = byline_ninjs_import (truncated, "truncated.json", NULL, &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_true (g_regex_match_simple ("^truncated\\.json:[0-9]+:[0-9]+: ", error->message, 0, 0));

  assert_import_fails ("{\"uri\": \"x\",\n  \"headlines\": [ }", -1, NULL, BYLINE_ERROR_MALFORMED,
                       "^wire\\.json:2:[0-9]+: ");
  assert_import_fails ("", 0, NULL, BYLINE_ERROR_MALFORMED, "^wire\\.json: ");
  assert_import_fails ("{\"uri\": \"x\", \"headline\": \"a\" \"b\"}", -1, NULL, BYLINE_ERROR_MALFORMED, "^wire\\.json:1:");

  /* nesting that would exhaust the parser's stack is refused, not followed */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  assert_import_fails (deep->str, deep->len, NULL, BYLINE_ERROR_MALFORMED, "nested more than");

  assert_import_fails ("{\"uri\": \"x\", \"headline\": \"caf\xe9\"}", -1, NULL, BYLINE_ERROR_NOT_UTF8, "^wire\\.json: ");
  assert_import_fails ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, BYLINE_ERROR_UNSUPPORTED_FORMAT, "binary");
}

static void
test_errors_not_ninjs (void)
{
  g_autoptr(GBytes) package = byline_test_data_bytes ("ninjs/hostile/not-ninjs.json");
  g_autoptr(GBytes) list = byline_test_data_bytes ("ninjs/hostile/list.json");
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GBytes) draft = byline_draft_format_serialize (article);
  GBytes *inputs[] = { package, list, draft };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) imported = byline_ninjs_import (inputs[i], "input.json", NULL, &error);

      g_assert_null (imported);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
      g_assert_true (g_str_has_prefix (error->message, "input.json: "));
      g_assert_false (byline_ninjs_sniff (inputs[i]));
    }

  assert_import_fails ("42", -1, NULL, BYLINE_ERROR_UNSUPPORTED_FORMAT, "not a ninjs news item");
  assert_import_fails ("\"uri\"", -1, NULL, BYLINE_ERROR_UNSUPPORTED_FORMAT, NULL);
  assert_import_fails ("{\"uri\": \"https://example.org/\", \"name\": \"x\"}", -1, NULL,
                       BYLINE_ERROR_UNSUPPORTED_FORMAT, NULL);
}

static void
test_errors_unsafe_paths (void)
{
  static const char * const files[] = {
    "ninjs/hostile/dotdot.json", "ninjs/hostile/absolute.json", "ninjs/hostile/file-uri.json",
    "ninjs/hostile/encoded.json", "ninjs/hostile/body-img.json", "ninjs/hostile/dotdot-1x.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = import_data (files[i], &error);
      g_autoptr(GBytes) bytes = byline_test_data_bytes (files[i]);
      g_autoptr(BylineArticle) without_folder = NULL;
      g_autofree char *name = g_path_get_basename (files[i]);

      g_assert_null (article);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH);
      g_assert_true (g_str_has_prefix (error->message, name));
      g_assert_nonnull (strstr (error->message, "outside the item’s folder"));
      g_clear_error (&error);

      /* without a folder, a path that climbs out is just as unsafe */
      without_folder = byline_ninjs_import (bytes, "x.json", NULL, &error);
      if (strstr (files[i], "dotdot") != NULL || strstr (files[i], "encoded") != NULL
          || strstr (files[i], "absolute") != NULL || strstr (files[i], "body-img") != NULL)
        {
          g_assert_null (without_folder);
          g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSAFE_PATH);
        }
    }
}

static char *
item_with_picture (const char *href)
{
  return g_strdup_printf ("{\"uri\": \"urn:x\", \"headlines\": [{\"value\": \"Tin\"}],"
                          " \"associations\": [{\"name\": \"featureimage\", \"uri\": \"urn:y\","
                          " \"type\": \"picture\", \"renditions\": [{\"name\": \"original\","
                          " \"href\": \"%s\", \"contenttype\": \"image/png\"}]}]}", href);
}

static void
test_errors_local_files (void)
{
  g_autoptr(GFile) outside = byline_test_make_folder ("ninjs-outside");
  g_autoptr(GFile) folder = byline_test_make_folder ("ninjs-item");
  g_autoptr(GFile) secret = g_file_get_child (outside, "secret.png");
  g_autoptr(GFile) picture = g_file_get_child (folder, "photo.png");
  g_autoptr(GFile) notes = g_file_get_child (folder, "notes.png");
  g_autoptr(GFile) link = g_file_get_child (folder, "link.png");
  g_autoptr(GFile) dir_link = g_file_get_child (folder, "shared");
  g_autofree char *secret_path = g_file_get_path (secret);
  g_autofree char *outside_path = g_file_get_path (outside);
  g_autofree char *photo_uri = g_file_get_uri (picture);
  g_autofree char *secret_uri = g_file_get_uri (secret);
  g_autoptr(GError) error = NULL;

  byline_test_write_png (secret, 4, 4, 0xff0000);
  byline_test_write_png (picture, 5, 3, 0x00ff00);
  g_file_replace_contents (notes, "not a picture", 13, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_make_symbolic_link (link, secret_path, NULL, &error));
  g_assert_true (g_file_make_symbolic_link (dir_link, outside_path, NULL, &error));
  g_assert_no_error (error);

  /* symlinks that lead out of the folder, to a file or through a folder */
  {
    g_autofree char *json = item_with_picture ("link.png");
    assert_import_fails (json, -1, folder, BYLINE_ERROR_UNSAFE_PATH, "“featureimage”.*link\\.png");
  }
  {
    g_autofree char *json = item_with_picture ("shared/secret.png");
    assert_import_fails (json, -1, folder, BYLINE_ERROR_UNSAFE_PATH, NULL);
  }
  {
    g_autofree char *json = item_with_picture (secret_uri);
    assert_import_fails (json, -1, folder, BYLINE_ERROR_UNSAFE_PATH, NULL);
  }
  /* a local file that is no picture */
  {
    g_autofree char *json = item_with_picture ("notes.png");
    assert_import_fails (json, -1, folder, BYLINE_ERROR_UNSUPPORTED_FORMAT, "notes\\.png");
  }
  /* a folder or a named pipe in its place: refused, without blocking on the pipe */
  {
    g_autofree char *pipe_path = g_build_filename (g_file_peek_path (folder), "pipe.png", NULL);
    g_autofree char *dir_path = g_build_filename (g_file_peek_path (folder), "folder.png", NULL);
    g_autofree char *json_pipe = item_with_picture ("pipe.png");
    g_autofree char *json_dir = item_with_picture ("folder.png");

    g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
    g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
    assert_import_fails (json_pipe, -1, folder, BYLINE_ERROR_UNSUPPORTED_FORMAT, "not a regular file");
    assert_import_fails (json_dir, -1, folder, BYLINE_ERROR_UNSUPPORTED_FORMAT, "not a regular file");
  }
  /* inside the folder: relative, percent-encoded, "./", or a file: URI */
  {
    const char *hrefs[] = { "photo.png", "./photo%2Epng", "sub/../photo.png", photo_uri };

    for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
      {
        g_autofree char *json = item_with_picture (hrefs[i]);
        g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
        g_autoptr(BylineArticle) article = byline_ninjs_import (bytes, "wire.json", folder, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
        g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article, 0)), ==, 5);
        g_assert_true (byline_image_get_featured (byline_article_get_image (article, 0)));
      }
  }
  /* missing inside the folder: imported, the picture kept as pending */
  {
    g_autofree char *json = item_with_picture ("gone.png");
    g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
    g_autoptr(BylineArticle) article = byline_ninjs_import (bytes, "wire.json", folder, &error);
    g_autoptr(JsonArray) pending = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
    pending = pending_pictures (article);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pending, 0), "href"), ==, "gone.png");
  }
}

static void
test_sniff (void)
{
  static const char * const no[] = {
    "", "   ", "<!DOCTYPE html><html><body><p>{\"uri\": 1}</p></body></html>",
    "Tiêu đề\n\nĐoạn một.", "[{\"uri\": \"x\", \"headline\": \"y\"}]", "{\"uri\": \"x\"", "{}",
  };
  static const char *yes = "\xef\xbb\xbf  {\"uri\": \"x\", \"headline\": \"y\", \"body_text\": \"z\"}";

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (no[i], strlen (no[i]));
      g_assert_false (byline_ninjs_sniff (bytes));
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (yes, strlen (yes));
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineArticle) article = byline_ninjs_import (bytes, "bom.json", NULL, &error);

    g_assert_true (byline_ninjs_sniff (bytes));
    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (article), ==, "y");
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/ninjs/export/fields", test_export_fields);
  g_test_add_func ("/ninjs/export/pubstatus", test_export_pubstatus);
  g_test_add_func ("/ninjs/export/no-editor-note", test_export_no_editor_note);
  g_test_add_func ("/ninjs/export/vietnamese-bytes", test_export_vietnamese_bytes);
  g_test_add_func ("/ninjs/export/media-base", test_export_media_base);
  g_test_add_func ("/ninjs/export/lead-prefix", test_export_lead_prefix);
  g_test_add_func ("/ninjs/export/minimal", test_export_minimal);
  g_test_add_func ("/ninjs/export/picture-names", test_export_picture_names);
  g_test_add_func ("/ninjs/round-trip/with-media", test_round_trip);
  g_test_add_func ("/ninjs/round-trip/without-media", test_round_trip_without_media);
  g_test_add_func ("/ninjs/import/rendition-title", test_import_rendition_title);
  g_test_add_func ("/ninjs/errors/malformed", test_errors_malformed);
  g_test_add_func ("/ninjs/errors/not-ninjs", test_errors_not_ninjs);
  g_test_add_func ("/ninjs/errors/unsafe-paths", test_errors_unsafe_paths);
  g_test_add_func ("/ninjs/errors/local-files", test_errors_local_files);
  g_test_add_func ("/ninjs/sniff", test_sniff);

  return g_test_run ();
}
