/* test-draft-format.c — Byline draft v1: round trips, forward compatibility, bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static BylineArticle *
parse_string (const char  *json,
              GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from_string (json);
  return byline_draft_format_parse (bytes, "draft.json", error);
}

static void
test_round_trip (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_set_revision (article, 12);
  first = byline_draft_format_serialize (article);
  g_assert_true (byline_draft_format_sniff (first));
  back = byline_draft_format_parse (first, "draft.json", &error);
  g_assert_no_error (error);

  byline_test_assert_articles_equal (article, back);
  g_assert_cmpuint (byline_article_get_revision (back), ==, 12);
  g_assert_cmpstr (byline_article_get_headline (back), ==,
                   "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpstr (byline_article_get_editor_note (back), ==,
                   "Kiểm tra lại số hộ bị ảnh hưởng với UBND xã.");
  g_assert_cmpstr (byline_article_get_remote_version (back, "toà soạn"), ==, "\"v7\"");
  g_assert_cmpint (g_date_time_get_utc_offset (byline_article_get_publish_time (back)) / G_TIME_SPAN_HOUR,
                   ==, 7);

  /* byte-exact: writing what was read gives the same file */
  second = byline_draft_format_serialize (back);
  g_assert_true (g_bytes_equal (first, second));

  /* times as RFC 3339 says, with the offset's colon (docs/draft-format.md) */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "\"created\" : \"2022-08-10T21:05:00+07:00\""));
}

static void
test_times_rfc3339 (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) india = g_time_zone_new_offset (5 * 3600 + 30 * 60);
  g_autoptr(GDateTime) a = g_date_time_new (utc, 2026, 12, 4, 7, 30, 0);
  g_autoptr(GDateTime) b = g_date_time_new (india, 2026, 12, 4, 13, 0, 1.25);
  g_autofree char *sa = byline_format_rfc3339 (a);
  g_autofree char *sb = byline_format_rfc3339 (b);
  g_autoptr(GDateTime) back = g_date_time_new_from_iso8601 (sb, NULL);

  g_assert_cmpstr (sa, ==, "2026-12-04T07:30:00Z");
  g_assert_cmpstr (sb, ==, "2026-12-04T13:00:01.250000+05:30");
  g_assert_true (g_date_time_equal (back, b));
}

static void
test_vietnamese_byte_exact (void)
{
  /* every tone mark on every vowel, and đ, in NFC */
  const char *text = "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đĐ "
                     "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ƠƯ";
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (article, text);
  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, text);
  bytes = byline_draft_format_serialize (article);
  back = byline_draft_format_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (back), ==, text);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (back), 0)),
                   ==, text);
  /* the file holds the characters themselves, not \u escapes */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "ỹỵ đĐ"));
}

static void
test_unknown_members_survive (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(JsonNode) root = byline_draft_format_to_json (article);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *object, *image, *block;
  JsonObject *future;

  /* what a Byline 1.3 might write */
  object = json_node_get_object (root);
  json_object_set_string_member (object, "version", "1.3");
  future = json_object_new ();
  json_object_set_string_member (future, "desk", "Thời sự");
  json_object_set_int_member (future, "priority", 2);
  json_object_set_object_member (object, "workflow", future);
  image = json_array_get_object_element (json_object_get_array_member (object, "images"), 0);
  json_object_set_string_member (image, "focal_point", "0.4,0.6");
  block = json_array_get_object_element (json_object_get_array_member (object, "body"), 0);
  json_object_set_boolean_member (block, "drop_cap", TRUE);

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  back = parse_string (json, &error);
  g_assert_no_error (error);

  resaved = byline_draft_format_serialize (back);
  json_parser_load_from_data (parser, g_bytes_get_data (resaved, NULL), g_bytes_get_size (resaved), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  future = json_object_get_object_member (object, "workflow");
  g_assert_nonnull (future);
  g_assert_cmpstr (json_object_get_string_member (future, "desk"), ==, "Thời sự");
  g_assert_cmpint (json_object_get_int_member (future, "priority"), ==, 2);
  image = json_array_get_object_element (json_object_get_array_member (object, "images"), 0);
  g_assert_cmpstr (json_object_get_string_member (image, "focal_point"), ==, "0.4,0.6");
  block = json_array_get_object_element (json_object_get_array_member (object, "body"), 0);
  g_assert_true (json_object_get_boolean_member (block, "drop_cap"));
  /* and this version writes its own version */
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "1.1");
}

static void
test_newer_major_refused (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = parse_string ("{\"format\":\"byline-draft\",\"version\":\"99.0\","
                          "\"id\":\"6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10\",\"headline\":\"X\"}",
                          &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "draft.json"));
  g_assert_nonnull (strstr (error->message, "99.0"));
}

static void
test_malformed_positions (void)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = parse_string ("{\n  \"format\": \"byline-draft\",\n  \"version\": \"1.0\",\n"
                          "  \"headline\": \"Mưa lũ\"\n  \"lead\": \"\"\n}", &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  /* "draft.json:LINE:COLUMN: ..." */
  if (!g_regex_match_simple ("^draft\\.json:[45]:[0-9]+: ", error->message, 0, 0))
    g_error ("no position in “%s”", error->message);
}

typedef struct {
  const char  *name;
  const char  *json;
  BylineError  code;
  const char  *mentions;
} BadCase;

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = parse_string (c->json, &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_ERROR, (int) c->code);
  g_assert_nonnull (strstr (error->message, "draft.json"));
  if (c->mentions != NULL && strstr (error->message, c->mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, c->mentions);
}

#define HEAD "\"format\":\"byline-draft\",\"version\":\"1.0\",\"id\":\"6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10\""

static const BadCase bad_cases[] = {
  { "empty", "", BYLINE_ERROR_MALFORMED, "empty" },
  { "not-object", "[1,2]", BYLINE_ERROR_UNSUPPORTED_FORMAT, NULL },
  { "other-format", "{\"format\":\"ninjs\"}", BYLINE_ERROR_UNSUPPORTED_FORMAT, NULL },
  { "no-version", "{\"format\":\"byline-draft\"}", BYLINE_ERROR_INVALID, "version" },
  { "bad-id", "{\"format\":\"byline-draft\",\"version\":\"1.0\",\"id\":\"../../etc\"}", BYLINE_ERROR_INVALID, "id" },
  { "headline-type", "{" HEAD ",\"headline\":42}", BYLINE_ERROR_INVALID, "headline" },
  { "bad-status", "{" HEAD ",\"status\":\"archived\"}", BYLINE_ERROR_INVALID, "archived" },
  { "bad-date", "{" HEAD ",\"created\":\"hôm qua\"}", BYLINE_ERROR_INVALID, "created" },
  { "tags-type", "{" HEAD ",\"tags\":[1]}", BYLINE_ERROR_INVALID, "tags" },
  { "image-hash", "{" HEAD ",\"images\":[{\"id\":\"a\",\"sha256\":\"xyz\"}]}", BYLINE_ERROR_INVALID, "sha256" },
  { "dangling-image", "{" HEAD ",\"body\":[{\"type\":\"image\",\"image\":\"nope\"}]}", BYLINE_ERROR_INVALID, "block 1" },
  { "span-range", "{" HEAD ",\"body\":[{\"type\":\"paragraph\",\"text\":\"ab\",\"spans\":[{\"start\":0,\"end\":9,\"style\":\"bold\"}]}]}", BYLINE_ERROR_INVALID, "end" },
  { "link-no-href", "{" HEAD ",\"body\":[{\"type\":\"paragraph\",\"text\":\"ab\",\"spans\":[{\"start\":0,\"end\":1,\"style\":\"link\"}]}]}", BYLINE_ERROR_INVALID, "href" },
};

static void
test_binary_and_encoding (void)
{
  static const guint8 binary[] = { 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const char latin1[] = "{\"format\":\"byline-draft\",\"headline\":\"M\xfb" "a l\xfc\"}";
  g_autoptr(GBytes) b1 = g_bytes_new_static (binary, sizeof binary);
  g_autoptr(GBytes) b2 = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) a1 = NULL;
  g_autoptr(BylineArticle) a2 = NULL;

  a1 = byline_draft_format_parse (b1, "photo.png", &error);
  g_assert_null (a1);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_clear_error (&error);

  a2 = byline_draft_format_parse (b2, "old.json", &error);
  g_assert_null (a2);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "offset 38"));
}

static void
test_minimal_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = parse_string ("{" HEAD "}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_id (article), ==, "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/draft-format/round-trip", test_round_trip);
  g_test_add_func ("/draft-format/times-rfc3339", test_times_rfc3339);
  g_test_add_func ("/draft-format/vietnamese-byte-exact", test_vietnamese_byte_exact);
  g_test_add_func ("/draft-format/unknown-members-survive", test_unknown_members_survive);
  g_test_add_func ("/draft-format/newer-major-refused", test_newer_major_refused);
  g_test_add_func ("/draft-format/malformed-positions", test_malformed_positions);
  g_test_add_func ("/draft-format/binary-and-encoding", test_binary_and_encoding);
  g_test_add_func ("/draft-format/minimal", test_minimal_draft);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/draft-format/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
