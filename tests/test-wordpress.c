/* test-wordpress.c — publishing to a real WordPress on loopback
 *
 * tests/wordpress/run-with-peer.sh starts WordPress (Debian's package, PHP's
 * built-in server, a private MariaDB) once for this program, gives the
 * credentials of its users in $WP_PEER_CREDENTIALS and stops it afterwards,
 * also when a test fails.  Every post is read back through the REST API in
 * the edit context, as an editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-utils.h"
#include "byline-accounts.h"
#include "byline-draft-store.h"
#include "byline-outbox.h"
#include "byline-wordpress-destination.h"
#include "byline-wordpress-private.h"
#include "publish-test-utils.h"
#include "wordpress-peer-utils.h"

#define DESTINATION "Báo Lai Châu"

static SoupSession *session;    /* the test's own, to look at the site */

static BylineDestination *
destination_for (const char *role,
                 const char *url)
{
  g_autofree char *login = byline_test_wp_peer_login (role);
  g_autofree char *password = byline_test_wp_peer_password (role);
  g_autoptr(GError) error = NULL;
  BylineDestination *destination;

  destination = byline_wordpress_destination_new (DESTINATION, url ? url : byline_test_wp_peer_get ("BASE_URL"),
                                                  login, password, &error);
  g_assert_no_error (error);
  return destination;
}

/* ------------------------------------------------ the site, seen directly */

static JsonNode *
site_get (const char *path)
{
  return byline_test_wp_peer_request ("EDITOR", SOUP_METHOD_GET, path, NULL, NULL);
}

static JsonObject *
get_post (const char *id)
{
  g_autofree char *path = g_strconcat ("/wp/v2/posts/", id, "?context=edit", NULL);
  g_autoptr(JsonNode) root = site_get (path);

  return json_object_ref (json_node_get_object (root));
}

static guint
count_posts_with_slug (const char *slug)
{
  g_autofree char *path = g_strconcat ("/wp/v2/posts?context=edit&status=any&slug=", slug, NULL);
  g_autoptr(JsonNode) root = site_get (path);

  return json_array_get_length (json_node_get_array (root));
}

static const char *
raw (JsonObject *post,
     const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

/* ------------------------------------------------------------- the story */

static BylineArticle *
make_story (GFile *media)
{
  BylineArticle *article = byline_test_make_article (media);
  g_autoptr(GFile) file = g_file_get_child (media, "Ảnh hội nghị.png");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(BylineImage) image = NULL;
  BylineBody *body = byline_article_get_body (article);

  byline_test_write_png (file, 40, 30, 0x6a9a3b);
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  image = byline_image_new (sha256, "image/png");
  byline_image_set_file (image, file);
  byline_image_set_filename (image, "Ảnh hội nghị.png");
  byline_image_set_size (image, 40, 30);
  byline_image_set_caption (image, "Hội nghị ứng phó thiên tai tại UBND huyện Nậm Nhùn.");
  byline_image_set_credit (image, "Ảnh: Phóng viên");
  byline_image_set_alt_text (image, "Cán bộ huyện họp quanh tấm bản đồ các điểm sạt lở.");
  byline_article_add_image (article, image);
  byline_body_insert_image (body, 1, byline_image_get_id (image));
  /* What HTML filters like to rewrite: & < > ' " in text and in the headline. */
  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ & sạt lở, chia cắt nhiều bản");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                            "Bà Lò Thị Mai (bản Huổi Lếch) kể: 'Nước lên nhanh quá' & cả nhà "
                            "phải chạy lên đồi, nơi cao hơn \"mốc báo động 3\" > 2 m.");
  return article;
}

typedef struct
{
  GPtrArray *written;
} Written;

static void
will_write_cb (const char *version,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (version));
}

/* Sends @article; @written collects (and gives) the versions noted before each write. */
static gboolean
send (BylineDestination  *destination,
      BylineArticle      *article,
      BylineStatus        status,
      GPtrArray          *written,
      BylineSendReceipt **receipt,
      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_free);
  BylineSendOptions options = { .status = status };

  if (written != NULL)
    {
      for (guint i = 0; i < written->len; i++)
        g_ptr_array_add (earlier, g_strdup (g_ptr_array_index (written, i)));
      g_ptr_array_add (earlier, NULL);
      options.written_versions = (const char * const *) earlier->pdata;
      options.will_write = will_write_cb;
      options.user_data = written;
    }
  byline_destination_send_async (destination, article, &options, NULL, byline_test_got_result, &result);
  return byline_destination_send_finish (destination, byline_test_wait (&result), receipt, error);
}

static gint64
category_id (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/wp/v2/categories?search=", escaped, NULL);
  g_autoptr(JsonNode) root = site_get (path);
  JsonArray *array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (entry, "name"), name))
        return json_object_get_int_member (entry, "id");
    }
  g_assert_not_reached ();
}

/* Everything the story holds arrived, byte for byte, in the edit context. */
static void
assert_post (const char    *id,
             BylineArticle *article,
             const char    *wp_status,
             const char    *author_role)
{
  g_autoptr(JsonObject) post = get_post (id);
  g_autoptr(GHashTable) media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) _byline_wordpress_media_free);
  g_autoptr(GRegex) regex = g_regex_new ("wp-image-([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *content = NULL;
  const char *stored = raw (post, "content");
  const char * const *tag_names = byline_article_get_tags (article);
  JsonArray *categories, *tags;
  guint n_images = 0;
  gint64 first_media = 0;

  g_test_message ("post %s content:\n%s", id, stored);
  {
    g_autofree char *title = _byline_wordpress_escape (byline_article_get_headline (article));

    /* WordPress titles are HTML. */
    g_assert_cmpstr (raw (post, "title"), ==, title);
  }
  g_assert_cmpstr (raw (post, "excerpt"), ==, byline_article_get_lead (article));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, wp_status);

  /* Vietnamese text, byte for byte, in the blocks WordPress itself writes. */
  g_assert_nonnull (strstr (stored, "<!-- wp:paragraph -->\n<p><em>Theo Ban </em>Chỉ huy Phòng chống thiên tai "
                                    "huyện, đến sáng 10/8 đã có 37 <strong>hộ dân phả</strong>i sơ tán khẩn cấp.</p>\n"
                                    "<!-- /wp:paragraph -->"));
  g_assert_nonnull (strstr (stored, "<!-- wp:heading -->\n<h2>Khẩn trương khắc phục hậu quả</h2>\n<!-- /wp:heading -->"));
  g_assert_nonnull (strstr (stored, "<!-- wp:heading {\"level\":3} -->\n<h3>Các việc cần làm ngay</h3>"));
  g_assert_nonnull (strstr (stored, "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>“Chúng tôi ưu tiên bảo "
                                    "đảm an toàn tính mạng cho người dân”, ông Phạm Văn Quý cho biết.</p></blockquote>"));
  g_assert_nonnull (strstr (stored, "<ul><li>Di dời 37 hộ khỏi vùng nguy hiểm</li><li>Thông tuyến Quốc lộ 4H</li></ul>"));
  g_assert_nonnull (strstr (stored, "<ol><li>Kiểm đếm thiệt hại</li><li>Hỗ trợ lương thực</li></ol>"));
  g_assert_nonnull (strstr (stored, "<a href=\"https://laichau.gov.vn/\">"));
  g_assert_nonnull (strstr (stored, "<p>Bà Lò Thị Mai (bản Huổi Lếch) kể: 'Nước lên nhanh quá' &amp; cả nhà "
                                    "phải chạy lên đồi, nơi cao hơn &quot;mốc báo động 3&quot; &gt; 2 m.</p>"));
  {
    g_autofree char *byline = byline_article_dup_byline (article);
    g_autofree char *paragraph = g_strdup_printf ("<p class=\"byline\">%s</p>", byline);

    g_assert_nonnull (strstr (stored, paragraph));
  }

  /* Each picture: uploaded, captioned, described, in the order of the body. */
  g_regex_match (regex, stored, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *media_id = g_match_info_fetch (match, 1);
      g_autofree char *path = g_strconcat ("/wp/v2/media/", media_id, "?context=edit", NULL);
      g_autoptr(JsonNode) root = site_get (path);
      JsonObject *item = json_node_get_object (root);
      BylineImage *image = NULL;
      BylineWordpressMedia *entry;
      g_autofree char *caption = NULL;
      g_autofree char *figure = NULL;
      const char *source_url = json_object_get_string_member (item, "source_url");

      for (guint i = 0; i < byline_article_get_n_images (article) && image == NULL; i++)
        if (g_strcmp0 (byline_image_get_alt_text (byline_article_get_image (article, i)),
                       json_object_get_string_member (item, "alt_text")) == 0)
          image = byline_article_get_image (article, i);
      g_assert_nonnull (image);
      caption = g_strdup_printf ("%s <span class=\"credit\">%s</span>", byline_image_get_caption (image),
                                 byline_image_get_credit (image));
      g_assert_cmpstr (raw (item, "caption"), ==, caption);
      g_assert_cmpstr (json_object_get_string_member (item, "mime_type"), ==, "image/png");
      figure = g_strdup_printf ("<figure class=\"wp-block-image size-full\"><img src=\"%s\" alt=\"%s\" "
                                "class=\"wp-image-%s\" /><figcaption>%s</figcaption></figure>",
                                source_url, byline_image_get_alt_text (image), media_id, caption);
      g_assert_nonnull (strstr (stored, figure));
      /* An ASCII file name (WordPress refuses filename*=), with the hash that finds it again. */
      {
        g_autofree char *digits = g_strndup (byline_image_get_sha256 (image), 16);

        g_assert_nonnull (strstr (source_url, digits));
        for (const char *p = source_url; *p; p++)
          g_assert_true (g_ascii_isprint (*p));
      }
      entry = g_new0 (BylineWordpressMedia, 1);
      entry->id = g_ascii_strtoll (media_id, NULL, 10);
      entry->source_url = g_strdup (source_url);
      if (first_media == 0)
        first_media = entry->id;
      g_hash_table_insert (media, g_strdup (byline_image_get_id (image)), entry);
      n_images++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_images, ==, 3);

  /* The whole content as Byline wrote it with those pictures: nothing lost or changed. */
  content = _byline_wordpress_content (article, media);
  g_assert_cmpstr (stored, ==, content);

  /* The featured picture is the one marked so (the first). */
  {
    BylineImage *featured = byline_article_get_featured_image (article);
    BylineWordpressMedia *entry = g_hash_table_lookup (media, byline_image_get_id (featured));

    g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, entry->id);
  }

  categories = json_object_get_array_member (post, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 1);
  g_assert_cmpint (json_array_get_int_element (categories, 0), ==, category_id (byline_article_get_category (article)));

  tags = json_object_get_array_member (post, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, g_strv_length ((char **) tag_names));
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wp/v2/tags/%" G_GINT64_FORMAT, json_array_get_int_element (tags, i));
      g_autoptr(JsonNode) tag = site_get (path);

      g_assert_true (g_strv_contains (tag_names, json_object_get_string_member (json_node_get_object (tag), "name")));
    }

  {
    g_autofree char *key = g_strconcat ("ID_", author_role, NULL);

    g_assert_cmpint (json_object_get_int_member (post, "author"), ==, g_ascii_strtoll (byline_test_wp_peer_get (key), NULL, 10));
  }
}

/* ----------------------------------------------------------------- tests */

static void
publish_as (const char *role)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineDestination) destination = destination_for (role, NULL);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;

  g_assert_true (send (destination, article, BYLINE_STATUS_PUBLISHED, NULL, &receipt, &error));
  g_assert_no_error (error);
  g_assert_true (receipt->created);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 3);
  g_assert_nonnull (receipt->url);
  g_assert_nonnull (strstr (receipt->remote_version, "modified:"));
  assert_post (receipt->remote_id, article, "publish", role);
  slug = _byline_wordpress_slug (article);
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 1);
}

static void
test_publish_author (void)
{
  publish_as ("AUTHOR");
}

static void
test_publish_editor (void)
{
  publish_as ("EDITOR");
}

static void
test_identity (void)
{
  const char *roles[] = { "AUTHOR", "EDITOR", "CONTRIBUTOR" };
  const char *names[] = { "author", "editor", "contributor" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(BylineDestination) destination = destination_for (roles[i], NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(BylineIdentity) identity = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *login = byline_test_wp_peer_login (roles[i]);

      byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
      identity = byline_destination_check_finish (destination, byline_test_wait (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (identity->user, ==, login);
      g_assert_cmpstr (identity->role_name, ==, names[i]);
      g_assert_cmpuint (!!(identity->roles & BYLINE_ROLE_EDITOR), ==, i == 1);
    }
}

static void
test_contributor_refused (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineArticle) text_only = byline_test_make_article (NULL);
  g_autoptr(BylineDestination) destination = destination_for ("CONTRIBUTOR", NULL);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = _byline_wordpress_slug (article);

  g_assert_false (send (destination, article, BYLINE_STATUS_SUBMITTED, NULL, &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Your WordPress role (contributor) cannot upload pictures"));
  g_assert_false (byline_destination_error_is_transient (error));
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 0);
  g_clear_error (&error);

  g_assert_false (send (destination, text_only, BYLINE_STATUS_PUBLISHED, NULL, &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Your WordPress role (contributor) cannot publish"));
  g_clear_error (&error);

  /* What a contributor may do: a story without pictures, for review. */
  for (guint i = byline_article_get_n_images (text_only); i > 0; i--)
    byline_article_remove_image (text_only, byline_article_get_image (text_only, i - 1));
  g_assert_true (send (destination, text_only, BYLINE_STATUS_SUBMITTED, NULL, &receipt, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) post = get_post (receipt->remote_id);

    g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "pending");
    g_assert_cmpstr (raw (post, "title"), ==, byline_article_get_headline (text_only));
  }
}

static void
assert_wrong_password (void)
{
  g_autofree char *login = byline_test_wp_peer_login ("AUTHOR");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDestination) destination =
    byline_wordpress_destination_new (DESTINATION, byline_test_wp_peer_get ("BASE_URL"), login, "abcd efgh ijkl mnop qrst uvwx", &error);
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineIdentity) identity = NULL;

  g_assert_no_error (error);
  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_test_wait (&result), &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "Wrong user name or password"));
  g_clear_error (&error);

  g_assert_false (send (destination, article, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "Wrong user name or password"));
}

static void
test_wrong_password (void)
{
  g_autofree char *plugin = g_build_filename (byline_test_wp_peer_get ("STATE_DIR"), "www", "wp-content", "mu-plugins",
                                              "byline-test-auth-errors.php", NULL);
  g_autoptr(GError) error = NULL;
  guint status = 0;
  g_autoptr(JsonNode) answer = NULL;

  /* A stock site: 401 rest_not_logged_in, as if nobody had signed in. */
  assert_wrong_password ();

  /* A site whose plugins resolve the user early: 401 incorrect_password. */
  g_file_set_contents (plugin,
                       "<?php\nadd_filter('rest_authentication_errors', function ($r) "
                       "{ wp_get_current_user(); return $r; }, 1);\n", -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *url = g_strconcat (byline_test_wp_peer_get ("BASE_URL"), "/wp-json/wp/v2/users/me", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autofree char *login = byline_test_wp_peer_login ("AUTHOR");
    g_autofree char *pair = g_strconcat (login, ":wrongwrongwrongwrong", NULL);
    g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
    g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
    g_autoptr(GBytes) body = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "incorrect_password"));
  }
  assert_wrong_password ();
  g_unlink (plugin);
  answer = byline_test_wp_peer_request ("AUTHOR", SOUP_METHOD_GET, "/wp/v2/users/me", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_unknown_category (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineDestination) destination = destination_for ("EDITOR", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = _byline_wordpress_slug (article);

  byline_article_set_category (article, "Văn hóa & Giải trí");
  g_assert_false (send (destination, article, BYLINE_STATUS_PUBLISHED, NULL, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no category “Văn hóa & Giải trí”"));
  g_assert_nonnull (strstr (error->message, "“Xã hội”"));
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 0);
}

static void
test_update (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineDestination) destination = destination_for ("AUTHOR", NULL);
  g_autoptr(BylineSendReceipt) first = NULL;
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) post = NULL;
  BylineBody *body = byline_article_get_body (article);

  g_assert_true (send (destination, article, BYLINE_STATUS_DRAFT, NULL, &first, &error));
  g_assert_no_error (error);
  byline_article_set_remote (article, DESTINATION, first->remote_id, first->remote_version);

  byline_article_set_headline (article, "Nậm Nhùn: đã thông tuyến Quốc lộ 4H sau sạt lở");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Chiều 11/8, tuyến đường đã được thông xe.");
  g_assert_true (send (destination, article, BYLINE_STATUS_SUBMITTED, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_false (second->created);
  g_assert_cmpstr (second->remote_id, ==, first->remote_id);
  g_assert_cmpstr (second->remote_version, !=, first->remote_version);
  /* The pictures were there already. */
  g_assert_cmpuint (second->assets_uploaded, ==, 0);
  assert_post (second->remote_id, article, "pending", "AUTHOR");
  post = get_post (second->remote_id);
  g_assert_nonnull (strstr (raw (post, "content"), "<p>Chiều 11/8, tuyến đường đã được thông xe.</p>"));
}

static void
test_conflict (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineDestination) destination = destination_for ("EDITOR", NULL);
  g_autoptr(BylineSendReceipt) first = NULL;
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *path = NULL;

  g_assert_true (send (destination, article, BYLINE_STATUS_SUBMITTED, NULL, &first, &error));
  g_assert_no_error (error);
  byline_article_set_remote (article, DESTINATION, first->remote_id, first->remote_version);

  /* Someone edits the post on the site, within the same second perhaps. */
  path = g_strconcat ("/wp/v2/posts/", first->remote_id, NULL);
  changed = byline_test_wp_peer_request ("ADMINISTRATOR", SOUP_METHOD_POST, path, "{\"title\":\"Tít do tổng biên tập sửa\"}", NULL);

  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, "Một đoạn mới.");
  g_assert_false (send (destination, article, BYLINE_STATUS_PUBLISHED, NULL, &second, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Tít do tổng biên tập sửa"));
  g_assert_nonnull (second);
  g_assert_cmpstr (second->remote_id, ==, first->remote_id);
  g_assert_cmpstr (second->remote_version, !=, first->remote_version);

  /* Their change stands. */
  post = get_post (first->remote_id);
  g_assert_cmpstr (raw (post, "title"), ==, "Tít do tổng biên tập sửa");
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "pending");
  g_assert_null (strstr (raw (post, "content"), "Một đoạn mới."));
}

/* ------------------------------------ an answer lost after the write landed */

typedef struct
{
  GSocketService *service;
  guint16         port;
  char           *upstream;     /* host:port of WordPress */
  const char     *match;        /* the start of the requests whose answers are swallowed */
  gint            drop;         /* answers to POST /wp-json/wp/v2/posts still to swallow */
  gint            dropped;
} Proxy;

typedef struct
{
  GIOStream *from;
  GIOStream *to;
  Proxy     *proxy;
  gint       swallow;
} Pump;

static gpointer
pump_answers (gpointer user_data)
{
  Pump *pump = user_data;
  GInputStream *in = g_io_stream_get_input_stream (pump->from);
  GOutputStream *out = g_io_stream_get_output_stream (pump->to);
  char buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      if (g_atomic_int_get (&pump->swallow))
        {
          /* WordPress answered: the post exists.  The client never hears it. */
          g_atomic_int_inc (&pump->proxy->dropped);
          break;
        }
      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
    }
  /* The other thread may be reading: shut the sockets, not the streams. */
  g_socket_shutdown (g_socket_connection_get_socket (G_SOCKET_CONNECTION (pump->to)), TRUE, TRUE, NULL);
  g_socket_shutdown (g_socket_connection_get_socket (G_SOCKET_CONNECTION (pump->from)), TRUE, TRUE, NULL);
  return NULL;
}

static gboolean
proxy_run_cb (GThreadedSocketService *service,
              GSocketConnection      *client,
              GObject                *source,
              gpointer                user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = g_socket_client_connect_to_host (connector, proxy->upstream, 80,
                                                                           NULL, NULL);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (client));
  GOutputStream *out;
  Pump pump = { 0 };
  GThread *thread;
  char buffer[16384];
  gboolean first = TRUE;
  gssize n;

  if (upstream == NULL)
    return TRUE;
  out = g_io_stream_get_output_stream (G_IO_STREAM (upstream));
  pump.from = G_IO_STREAM (upstream);
  pump.to = G_IO_STREAM (client);
  pump.proxy = proxy;
  thread = g_thread_new ("proxy", pump_answers, &pump);
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      if (first && (gsize) n > strlen (proxy->match) && strncmp (buffer, proxy->match, strlen (proxy->match)) == 0
          && g_atomic_int_add (&proxy->drop, -1) > 0)
        g_atomic_int_set (&pump.swallow, TRUE);
      first = FALSE;
      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
    }
  g_socket_shutdown (g_socket_connection_get_socket (upstream), FALSE, TRUE, NULL);
  g_thread_join (thread);
  return TRUE;
}

static void
proxy_start (Proxy *proxy)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  proxy->upstream = g_strdup (byline_test_wp_peer_get ("BASE_URL") + strlen ("http://"));
  if (proxy->match == NULL)
    proxy->match = "POST /wp-json/wp/v2/posts?";
  proxy->service = g_threaded_socket_service_new (8);
  g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (proxy->service, "run", G_CALLBACK (proxy_run_cb), proxy);
  g_socket_service_start (proxy->service);
}

static void
proxy_stop (Proxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_clear_pointer (&proxy->upstream, g_free);
}

static void
test_lost_answer (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autofree char *url = NULL;
  g_autofree char *slug = _byline_wordpress_slug (article);
  Proxy proxy = { 0 };

  proxy_start (&proxy);
  url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);
  destination = destination_for ("AUTHOR", url);
  g_atomic_int_set (&proxy.drop, 1);

  /* The post is created; the connection drops before its answer. */
  g_assert_false (send (destination, article, BYLINE_STATUS_PUBLISHED, written, &receipt, &error));
  g_test_message ("the first attempt: %s", error ? error->message : "(no error)");
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_true (byline_destination_error_is_transient (error));
  g_assert_cmpint (g_atomic_int_get (&proxy.dropped), ==, 1);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 1);
  g_clear_error (&error);

  /* The story changed meanwhile; the retry finds its own post. */
  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH,
                            "Cập nhật lúc 17 giờ: không có thương vong.");
  g_assert_true (send (destination, article, BYLINE_STATUS_PUBLISHED, written, &receipt, &error));
  g_assert_no_error (error);
  g_assert_false (receipt->created);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 0);
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 1);
  assert_post (receipt->remote_id, article, "publish", "AUTHOR");
  proxy_stop (&proxy);
}

/* An update whose answer is lost: the retry knows the text as its own and
 * does not call it someone else's change. */
static void
test_update_lost_answer (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineDestination) direct = destination_for ("AUTHOR", NULL);
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineSendReceipt) first = NULL;
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *url = NULL;
  g_autofree char *match = NULL;
  Proxy proxy = { 0 };

  g_assert_true (send (direct, article, BYLINE_STATUS_SUBMITTED, NULL, &first, &error));
  g_assert_no_error (error);
  byline_article_set_remote (article, DESTINATION, first->remote_id, first->remote_version);

  match = g_strconcat ("POST /wp-json/wp/v2/posts/", first->remote_id, "?", NULL);
  proxy.match = match;
  proxy_start (&proxy);
  url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);
  destination = destination_for ("AUTHOR", url);
  g_atomic_int_set (&proxy.drop, 1);

  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, "Bản cập nhật thứ nhất.");
  g_assert_false (send (destination, article, BYLINE_STATUS_SUBMITTED, written, &second, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_cmpint (g_atomic_int_get (&proxy.dropped), ==, 1);
  g_clear_error (&error);
  post = get_post (first->remote_id);
  g_assert_nonnull (strstr (raw (post, "content"), "Bản cập nhật thứ nhất."));

  /* The draft still holds the version before the lost write. */
  g_assert_true (send (destination, article, BYLINE_STATUS_SUBMITTED, written, &second, &error));
  g_assert_no_error (error);
  g_assert_false (second->created);
  g_assert_cmpstr (second->remote_id, ==, first->remote_id);
  assert_post (second->remote_id, article, "pending", "AUTHOR");
  proxy_stop (&proxy);
}

static gboolean
job_settled (gpointer data)
{
  BylineOutboxJobState state = byline_outbox_job_get_state (data);

  return state == BYLINE_OUTBOX_JOB_SENT || state == BYLINE_OUTBOX_JOB_FAILED;
}

/* The same through the outbox, as the window and byline-cli send: the job
 * retries by itself and the draft learns where its story went. */
static void
test_outbox_lost_answer (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("drafts");
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *slug = _byline_wordpress_slug (article);
  BylineOutboxJob *job;
  Proxy proxy = { 0 };

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);

  proxy_start (&proxy);
  url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);
  destination = destination_for ("EDITOR", url);
  outbox = byline_outbox_new (store, NULL);
  byline_outbox_set_backoff (outbox, 100, 400);
  byline_outbox_add_destination (outbox, destination);
  g_assert_true (byline_outbox_load (outbox, &error));
  g_assert_no_error (error);
  job = byline_outbox_enqueue (outbox, byline_article_get_id (article), DESTINATION, BYLINE_STATUS_PUBLISHED,
                               NULL, NULL, &error);
  g_assert_no_error (error);

  g_atomic_int_set (&proxy.drop, 1);
  byline_outbox_start (outbox);
  g_assert_true (byline_test_wait_until (job_settled, job, 120000));
  byline_outbox_stop (outbox);
  g_assert_cmpstr (byline_outbox_job_get_error_message (job), ==, NULL);
  g_assert_cmpint (byline_outbox_job_get_state (job), ==, BYLINE_OUTBOX_JOB_SENT);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&proxy.dropped), ==, 1);
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 1);

  saved = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_remote_id (saved, DESTINATION), ==, byline_outbox_job_get_remote_id (job));
  g_assert_cmpint (byline_article_get_status (saved), ==, BYLINE_STATUS_PUBLISHED);
  assert_post (byline_article_get_remote_id (saved, DESTINATION), article, "publish", "EDITOR");
  proxy_stop (&proxy);
}

static void
test_scheduled (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineDestination) destination = destination_for ("EDITOR", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr(GTimeZone) hanoi = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *expected = NULL;
  BylineSendOptions options = { .status = BYLINE_STATUS_SCHEDULED };

  /* 06:30 in Hà Nội, in two days: 23:30 UTC the day before. */
  when = g_date_time_new (hanoi, g_date_time_get_year (later), g_date_time_get_month (later),
                          g_date_time_get_day_of_month (later), 6, 30, 0);
  options.publish_at = when;
  byline_destination_send_async (destination, article, &options, NULL, byline_test_got_result, &result);
  g_assert_true (byline_destination_send_finish (destination, byline_test_wait (&result), &receipt, &error));
  g_assert_no_error (error);

  post = get_post (receipt->remote_id);
  utc = g_date_time_to_utc (when);
  expected = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, expected);
  assert_post (receipt->remote_id, article, "future", "EDITOR");
}

static void
test_untrusted_certificate (void)
{
  g_autofree char *pem = byline_test_data_path ("self-signed.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  destination = byline_wordpress_destination_new (DESTINATION, url, "reporter", "abcd efgh", &error);
  g_assert_no_error (error);
  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_test_wait (&result), &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "cannot be trusted"));
  g_assert_false (byline_destination_error_is_transient (error));
}

/* ------------------------------------------------------------ byline-cli */

static void
run_cli (const char  *input,
         char       **out,
         int         *status,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("BYLINE_CLI"));
  g_assert_nonnull (g_ptr_array_index (args, 0));
  va_start (ap, status);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  /* The test's private folders, which GLib keeps apart from the environment. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  g_test_message ("byline-cli %s → %d: %s", (const char *) g_ptr_array_index (args, 1), *status, *out);
}

static void
test_cli_publish (void)
{
  g_autofree char *drafts = g_build_filename (g_get_user_data_dir (), "byline", "drafts", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (drafts);
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) article = make_story (media);
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = byline_test_wp_peer_password ("AUTHOR");
  g_autofree char *login = byline_test_wp_peer_login ("AUTHOR");
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *slug = NULL;
  int status;

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);

  run_cli (input, &out, &status, "account", "add", DESTINATION, "--kind", "wordpress",
           "--url", byline_test_wp_peer_get ("BASE_URL"), "--user", login, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, password));
  g_clear_pointer (&out, g_free);

  run_cli (NULL, &out, &status, "account", "test", DESTINATION, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "(reporter)"));
  g_assert_nonnull (strstr (out, "there: author"));
  g_clear_pointer (&out, g_free);

  run_cli (NULL, &out, &status, "publish", byline_article_get_id (article), "--to", DESTINATION,
           "--status", "published", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, password));
  g_clear_pointer (&out, g_free);

  /* The draft knows where it went; the post is there once, as sent. */
  saved = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_nonnull (byline_article_get_remote_id (saved, DESTINATION));
  slug = _byline_wordpress_slug (article);
  g_assert_cmpuint (count_posts_with_slug (slug), ==, 1);
  assert_post (byline_article_get_remote_id (saved, DESTINATION), article, "publish", "AUTHOR");

  run_cli (NULL, &out, &status, "account", "remove", DESTINATION, NULL);
  g_assert_cmpint (status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  int status;

  /* Hermetic: the machine's proxy settings (GSettings schemas are hidden from
   * the tests) never come between the tests and the loopback site. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_init (&argc, &argv);
  g_assert_true (byline_test_wp_peer_load ());
  session = soup_session_new_with_options ("timeout", 60, NULL);
  keyring = byline_test_keyring_start ();

  g_test_add_func ("/wordpress/identity", test_identity);
  g_test_add_func ("/wordpress/publish-as-author", test_publish_author);
  g_test_add_func ("/wordpress/publish-as-editor", test_publish_editor);
  g_test_add_func ("/wordpress/contributor-refused", test_contributor_refused);
  g_test_add_func ("/wordpress/wrong-password", test_wrong_password);
  g_test_add_func ("/wordpress/unknown-category", test_unknown_category);
  g_test_add_func ("/wordpress/update", test_update);
  g_test_add_func ("/wordpress/conflict", test_conflict);
  g_test_add_func ("/wordpress/lost-answer-no-duplicate", test_lost_answer);
  g_test_add_func ("/wordpress/update-lost-answer", test_update_lost_answer);
  g_test_add_func ("/wordpress/outbox-lost-answer-no-duplicate", test_outbox_lost_answer);
  g_test_add_func ("/wordpress/scheduled", test_scheduled);
  g_test_add_func ("/wordpress/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/wordpress/cli-publish", test_cli_publish);

  status = g_test_run ();
  byline_test_keyring_stop (keyring);
  g_clear_object (&session);
  return status;
}
