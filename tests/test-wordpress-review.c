/* test-wordpress-review.c — the editors' desk on a real WordPress on loopback
 *
 * tests/wordpress/run-with-peer.sh starts WordPress (with Byline's plugin in
 * mu-plugins) and gives its users in $WP_PEER_CREDENTIALS.  The reporter is
 * the "author" account, the editor the "editor" one; each has a draft store
 * of their own, as on two machines, and they meet only through WordPress.
 * What reaches the site is checked through the REST API directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-diff.h"
#include "byline-draft-store.h"
#include "byline-outbox.h"
#include "byline-review.h"
#include "byline-wordpress-destination.h"
#include "publish-test-utils.h"
#include "wordpress-peer-utils.h"

#define ACCOUNT "Báo Lai Châu"
#define NOTE "Kiểm tra lại số hộ dân phải sơ tán với UBND xã."


/* ------------------------------------------------------------ the peer */

static BylineDestination *
destination_for (const char *role)
{
  g_autofree char *login = byline_test_wp_peer_login (role);
  g_autofree char *password = byline_test_wp_peer_password (role);
  g_autoptr(GError) error = NULL;
  BylineDestination *destination;

  destination = byline_wordpress_destination_new (ACCOUNT, byline_test_wp_peer_get ("BASE_URL"), login, password, &error);
  g_assert_no_error (error);
  return destination;
}

/* GET @path as @role (NULL: anonymous), or POST @json_body; the JSON answer. */
static JsonNode *
site_request (const char *role,
              const char *path,
              const char *json_body)
{
  return byline_test_wp_peer_request (role, json_body ? SOUP_METHOD_POST : SOUP_METHOD_GET, path, json_body, NULL);
}

static JsonNode *
site_get (const char *role,
          const char *path)
{
  return site_request (role, path, NULL);
}

static JsonObject *
get_post (const char *id)
{
  g_autofree char *path = g_strconcat ("/wp/v2/posts/", id, "?context=edit", NULL);
  g_autoptr(JsonNode) root = site_get ("EDITOR", path);

  return json_object_ref (json_node_get_object (root));
}

static const char *
raw (JsonObject *post,
     const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

static const char *
post_status (JsonObject *post)
{
  return json_object_get_string_member (post, "status");
}

static guint
count_posts_with_slug (const char *slug)
{
  g_autofree char *path = g_strconcat ("/wp/v2/posts?context=edit&status=any&slug=", slug, NULL);
  g_autoptr(JsonNode) root = site_get ("EDITOR", path);

  return json_array_get_length (json_node_get_array (root));
}

/* -------------------------------------------------------------- fixture */

typedef struct
{
  BylineDestination *reporter;
  BylineDestination *editor;
  BylineDraftStore  *reporter_store;
  BylineDraftStore  *editor_store;
  GFile             *media;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) reporter_folder = byline_test_make_folder ("reporter-drafts");
  g_autoptr(GFile) editor_folder = byline_test_make_folder ("editor-drafts");

  f->reporter = destination_for ("AUTHOR");
  f->editor = destination_for ("EDITOR");
  f->reporter_store = byline_draft_store_new (reporter_folder);
  f->editor_store = byline_draft_store_new (editor_folder);
  f->media = byline_test_make_folder ("photos");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->reporter);
  g_clear_object (&f->editor);
  g_clear_object (&f->reporter_store);
  g_clear_object (&f->editor_store);
  g_clear_object (&f->media);
}

#define TEST(path, func) \
  g_test_add ("/wordpress-review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ------------------------------------------------------------- helpers */

/* A reporter's draft: every field, two captioned pictures; a headline of its
 * own, so that no two tests look alike on the site. */
static char *
make_draft (BylineDraftStore *store,
            GFile            *media,
            const char       *headline)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (article, headline);
  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_article_set_publish_time (article, NULL);
  byline_article_set_editor_note (article, NULL);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);
  return g_strdup (byline_article_get_id (article));
}

static BylineArticle *
load (BylineDraftStore *store,
      const char       *id)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_draft_store_load (store, id, &error);

  g_assert_no_error (error);
  return article;
}

static void
edit (BylineDraftStore *store,
      const char       *id,
      void            (*change) (BylineArticle *article))
{
  g_autoptr(BylineArticle) article = load (store, id);
  g_autoptr(GError) error = NULL;

  change (article);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);
}

static BylineSendReceipt *
send_full (BylineDraftStore  *store,
           BylineDestination *destination,
           const char        *id,
           BylineStatus       status,
           const char        *note,
           GDateTime         *publish_at,
           gboolean          *merged,
           GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  BylineReviewSendOptions options = { .status = status, .note = note, .publish_at = publish_at };

  byline_review_send_async (store, destination, id, &options, NULL, byline_test_got_result, &result);
  return byline_review_send_finish (store, byline_test_wait (&result), merged, error);
}

/* Sends and returns the post's id. */
static char *
send_ok (BylineDraftStore  *store,
         BylineDestination *destination,
         const char        *id,
         BylineStatus       status,
         const char        *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSendReceipt) receipt = send_full (store, destination, id, status, note, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  return g_strdup (receipt->remote_id);
}

static BylineReviewOpened *
open_story (BylineDraftStore  *store,
            BylineDestination *destination,
            const char        *post_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewOpened *opened;

  byline_review_open_async (store, destination, post_id, NULL, byline_test_got_result, &result);
  opened = byline_review_open_finish (store, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  return opened;
}

static GPtrArray *
list_queue (BylineDestination *destination,
            BylineStatus       status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *stories;

  byline_review_list_async (destination, status, NULL, NULL, byline_test_got_result, &result);
  stories = byline_review_list_finish (destination, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  return stories;
}

static BylineRemoteStory *
find_story (GPtrArray  *stories,
            const char *post_id)
{
  for (guint i = 0; i < stories->len; i++)
    {
      BylineRemoteStory *story = g_ptr_array_index (stories, i);

      if (g_str_equal (story->remote_id, post_id))
        return story;
    }
  return NULL;
}

static guint
find_paragraph (BylineArticle *article,
                const char    *start)
{
  BylineBody *body = byline_article_get_body (article);

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, i)), start))
      return i;
  return G_MAXUINT;
}

static const char *
paragraph (BylineArticle *article,
           const char    *start)
{
  guint index = find_paragraph (article, start);

  g_assert_cmpuint (index, !=, G_MAXUINT);
  return byline_block_get_text (byline_body_get_block (byline_article_get_body (article), index));
}

static void
set_paragraph (BylineArticle *article,
               const char    *start,
               const char    *text)
{
  guint index = find_paragraph (article, start);

  g_assert_cmpuint (index, !=, G_MAXUINT);
  byline_body_set_text (byline_article_get_body (article), index, text);
}

static gboolean
history_has_paragraph (BylineDraftStore *store,
                       const char       *id,
                       const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = byline_draft_store_list_history (store, id, &error);
  g_autofree char *start = g_utf8_substring (text, 0, 8);

  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (versions, i);
      g_autoptr(BylineArticle) article = byline_draft_store_load_version (store, id, version->revision, &error);
      guint index;

      g_assert_no_error (error);
      index = find_paragraph (article, start);
      if (index != G_MAXUINT
          && g_str_equal (byline_block_get_text (byline_body_get_block (byline_article_get_body (article), index)),
                          text))
        return TRUE;
    }
  return FALSE;
}

#define EDITOR_HEADLINE "Nậm Nhùn: sạt lở chia cắt nhiều bản sau mưa lũ"
#define EDITOR_FIRST "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến trưa 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp."
#define EDITOR_CAPTION "Sạt lở trên Quốc lộ 4H, sáng 10/8."
#define REPORTER_FIX "Thông tin chi tiết được cập nhật liên tục trên cổng thông tin điện tử của tỉnh."

static void
editor_edits (BylineArticle *article)
{
  byline_article_set_headline (article, EDITOR_HEADLINE);
  set_paragraph (article, "Theo Ban", EDITOR_FIRST);
  byline_image_set_caption (byline_article_get_image (article, 0), EDITOR_CAPTION);
}

#define CORRECTION "Di dời 41 hộ khỏi vùng nguy hiểm"

static void
editor_corrects (BylineArticle *article)
{
  set_paragraph (article, "Di dời", CORRECTION);
}

static void
reporter_fixes (BylineArticle *article)
{
  set_paragraph (article, "Thông tin chi tiết", REPORTER_FIX);
}

/* --------------------------------------------------------------- tests */

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BylineDestination) contributor = destination_for ("CONTRIBUTOR");
  BylineDestination *who[] = { f->reporter, f->editor, contributor };
  BylineRoles expected[] = { BYLINE_ROLE_REPORTER, BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR, BYLINE_ROLE_REPORTER };

  g_assert_true (BYLINE_IS_REVIEW_SOURCE (f->editor));
  g_assert_true (byline_destination_get_capabilities (f->editor) & BYLINE_DESTINATION_HAS_REVIEW_QUEUE);
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(BylineIdentity) identity = NULL;
      g_autoptr(GError) error = NULL;

      /* The role from users/me?context=edit. */
      byline_destination_check_async (who[i], NULL, byline_test_got_result, &result);
      identity = byline_destination_check_finish (who[i], byline_test_wait (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (identity->roles, ==, expected[i]);
      g_assert_cmpuint (byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (who[i])), ==,
                        byline_roles_get_permissions (expected[i]));
    }
}

static void
test_full_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_autofree char *post_id = NULL;
  g_autofree char *again_id = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) returned = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(BylineReviewOpened) editor_open = NULL;
  g_autoptr(BylineReviewOpened) reporter_open = NULL;
  g_autoptr(BylineReviewOpened) editor_again = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonNode) public_view = NULL;
  g_autofree char *public_path = NULL;
  BylineRemoteStory *story;
  JsonObject *meta;
  gint64 started = g_get_monotonic_time ();

  /* The reporter submits: pending. */
  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "pending");
  g_clear_pointer (&post, json_object_unref);

  /* The editor's queue: headline, author, category, time, word count. */
  queue = list_queue (f->editor, BYLINE_STATUS_SUBMITTED);
  story = find_story (queue, post_id);
  g_assert_nonnull (story);
  g_assert_cmpstr (story->headline, ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpstr (story->author, ==, "Nguyễn Thị Hương, Lò Văn Dũng");
  g_assert_cmpstr (story->category, ==, "Xã hội");
  g_assert_cmpint (story->status, ==, BYLINE_STATUS_SUBMITTED);
  g_assert_nonnull (story->submitted);
  g_assert_cmpuint (story->word_count, >, 50);
  g_assert_cmpuint (story->n_errors, ==, 0);

  /* The editor opens it: the reporter's draft id, the pictures downloaded
   * with caption, credit and alt text. */
  editor_open = open_story (f->editor_store, f->editor, post_id);
  g_assert_true (editor_open->created);
  g_assert_cmpstr (byline_article_get_id (editor_open->article), ==, id);
  g_assert_cmpstr (byline_article_get_remote_id (editor_open->article, ACCOUNT), ==, post_id);
  g_assert_cmpstr (byline_article_get_headline (editor_open->article), ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpstr (byline_article_get_dateline (editor_open->article), ==, "Lai Châu");
  g_assert_cmpstr (byline_article_get_category (editor_open->article), ==, "Xã hội");
  g_assert_cmpstr (byline_article_get_source_prefix (editor_open->article), ==, "BLC");
  g_assert_cmpuint (g_strv_length ((GStrv) byline_article_get_tags (editor_open->article)), ==, 3);
  g_assert_cmpuint (byline_article_get_n_images (editor_open->article), ==, 2);
  {
    BylineImage *first = byline_article_get_image (editor_open->article, 0);
    BylineImage *second = byline_article_get_image (editor_open->article, 1);

    g_assert_cmpstr (byline_image_get_caption (first), ==, "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.");
    g_assert_cmpstr (byline_image_get_credit (first), ==, "Ảnh: Lò Văn Dũng");
    g_assert_cmpstr (byline_image_get_alt_text (second), ==, "Bộ đội khiêng đồ đạc qua con suối đục ngầu.");
    g_assert_true (byline_image_get_featured (first));
    for (guint i = 0; i < 2; i++)
      {
        BylineImage *image = byline_article_get_image (editor_open->article, i);

        g_assert_nonnull (byline_image_get_file (image));
        g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
      }
  }
  g_assert_cmpstr (paragraph (editor_open->article, "Theo Ban"), ==,
                   "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 37 hộ dân phải sơ tán khẩn cấp.");

  /* … edits, and returns it with a note: a draft with Byline's meta. */
  edit (f->editor_store, id, editor_edits);
  again_id = send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_RETURNED, NOTE);
  g_assert_cmpstr (again_id, ==, post_id);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "draft");
  meta = json_object_get_object_member (post, "meta");
  g_assert_true (json_object_get_boolean_member (meta, "byline_returned"));
  g_assert_cmpstr (json_object_get_string_member (meta, "byline_note"), ==, NOTE);
  g_assert_cmpstr (raw (post, "title"), ==, EDITOR_HEADLINE);
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_FIRST));
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_CAPTION));
  g_clear_pointer (&post, json_object_unref);

  /* The reporter's returned stories; the note, and what the editor changed. */
  returned = list_queue (f->reporter, BYLINE_STATUS_RETURNED);
  story = find_story (returned, post_id);
  g_assert_nonnull (story);
  g_assert_cmpstr (story->note, ==, NOTE);
  reporter_open = open_story (f->reporter_store, f->reporter, post_id);
  g_assert_false (reporter_open->created);
  g_assert_cmpstr (byline_article_get_id (reporter_open->article), ==, id);
  g_assert_cmpint (reporter_open->story->status, ==, BYLINE_STATUS_RETURNED);
  g_assert_cmpstr (reporter_open->story->note, ==, NOTE);
  g_assert_cmpstr (byline_article_get_editor_note (reporter_open->article), ==, NOTE);
  g_assert_nonnull (reporter_open->changes);
  changes = byline_diff_to_text (reporter_open->changes);
  g_test_message ("%s", changes);
  g_assert_nonnull (strstr (changes, "Headline, changed:"));
  g_assert_nonnull (strstr (changes, "đến [-sáng-]{+trưa+} 10/8 đã có [-37-]{+41+} hộ"));
  g_assert_nonnull (strstr (changes, "caption, changed:"));
  g_assert_cmpstr (byline_article_get_headline (reporter_open->article), ==, EDITOR_HEADLINE);
  g_assert_cmpstr (paragraph (reporter_open->article, "Theo Ban"), ==, EDITOR_FIRST);

  /* … fixes and submits again: pending once more, the same post. */
  edit (f->reporter_store, id, reporter_fixes);
  g_clear_pointer (&again_id, g_free);
  again_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  g_assert_cmpstr (again_id, ==, post_id);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "pending");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (post, "meta"), "byline_returned"));
  /* Without a note of its own: the editor's is not carried back to them. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (post, "meta"), "byline_note"), ==, "");
  g_clear_pointer (&post, json_object_unref);
  after = list_queue (f->editor, BYLINE_STATUS_SUBMITTED);
  g_assert_null (find_story (after, post_id)->note);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The editor takes the fix in and publishes. */
  editor_again = open_story (f->editor_store, f->editor, post_id);
  g_assert_true (editor_again->merge == NULL || byline_merge_is_resolved (editor_again->merge));
  g_assert_cmpstr (paragraph (editor_again->article, "Thông tin chi tiết"), ==, REPORTER_FIX);
  g_assert_cmpstr (paragraph (editor_again->article, "Theo Ban"), ==, EDITOR_FIRST);
  g_clear_pointer (&again_id, g_free);
  again_id = send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL);
  g_assert_cmpstr (again_id, ==, post_id);

  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "publish");
  g_assert_cmpstr (raw (post, "title"), ==, EDITOR_HEADLINE);
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_FIRST));
  g_assert_nonnull (strstr (raw (post, "content"), REPORTER_FIX));
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_CAPTION));
  g_assert_cmpint (json_object_get_int_member (post, "author"), ==, g_ascii_strtoll (byline_test_wp_peer_get ("ID_AUTHOR"), NULL, 10));
  g_assert_cmpuint (count_posts_with_slug (json_object_get_string_member (post, "slug")), ==, 1);
  after = list_queue (f->editor, BYLINE_STATUS_SUBMITTED);
  g_assert_null (find_story (after, post_id));

  /* A published story is corrected and published again: the same post. */
  edit (f->editor_store, id, editor_corrects);
  g_clear_pointer (&again_id, g_free);
  again_id = send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL);
  g_assert_cmpstr (again_id, ==, post_id);
  g_clear_pointer (&post, json_object_unref);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "publish");
  g_assert_nonnull (strstr (raw (post, "content"), CORRECTION));

  /* Readers never see the editor's note. */
  public_path = g_strconcat ("/wp/v2/posts/", post_id, NULL);
  public_view = site_get (NULL, public_path);
  g_assert_null (strstr (json_to_string (public_view, FALSE), "Kiểm tra lại số hộ"));
  g_test_message ("whole cycle: %.1f s", (g_get_monotonic_time () - started) / 1e6);
}

/* A status changed on its own carries its note, and a return its flag: the
 * WordPress destination dropped both (the post became a plain draft). */
static void
test_set_status_note (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Phong Thổ: chợ biên giới họp lại");
  g_autofree char *post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GPtrArray) returned = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *meta;

  byline_destination_set_status_async (f->editor, post_id, BYLINE_STATUS_RETURNED, NOTE, NULL, NULL,
                                       byline_test_got_result, &result);
  g_assert_true (byline_destination_set_status_finish (f->editor, byline_test_wait (&result), &error));
  g_assert_no_error (error);
  post = get_post (post_id);
  meta = json_object_get_object_member (post, "meta");
  g_assert_cmpstr (post_status (post), ==, "draft");
  g_assert_true (json_object_get_boolean_member (meta, "byline_returned"));
  g_assert_cmpstr (json_object_get_string_member (meta, "byline_note"), ==, NOTE);
  returned = list_queue (f->reporter, BYLINE_STATUS_RETURNED);
  g_assert_nonnull (find_story (returned, post_id));
  g_assert_cmpstr (find_story (returned, post_id)->note, ==, NOTE);
}

static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Lai Châu: khai mạc Ngày hội Văn hóa các dân tộc");
  g_autofree char *post_id = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 30);
  g_autoptr(GDateTime) when = g_date_time_add_seconds (later, -g_date_time_get_seconds (later));
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scheduled = NULL;
  g_autofree char *expected = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  BylineRemoteStory *story;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, post_id);
  receipt = send_full (f->editor_store, f->editor, id, BYLINE_STATUS_SCHEDULED, NULL, when, NULL, &error);
  g_assert_no_error (error);

  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, expected);
  scheduled = list_queue (f->editor, BYLINE_STATUS_SCHEDULED);
  story = find_story (scheduled, post_id);
  g_assert_nonnull (story);
  g_assert_nonnull (story->publish_at);
  g_assert_cmpint (g_date_time_to_unix (story->publish_at), ==, g_date_time_to_unix (when));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BylineDestination) contributor = destination_for ("CONTRIBUTOR");
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *reporter_id = NULL;
  g_autofree char *post_id = NULL;
  g_autoptr(JsonObject) post = NULL;

  /* A contributor, without pictures (it may not upload any), asks to publish. */
  while (byline_article_get_n_images (article) > 0)
    byline_article_remove_image (article, byline_article_get_image (article, 0));
  byline_article_set_headline (article, "Phong Thổ: người dân góp đất làm đường vào bản");
  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_draft_store_save (f->reporter_store, article, &error);
  g_assert_no_error (error);
  id = g_strdup (byline_article_get_id (article));
  receipt = send_full (f->reporter_store, contributor, id, BYLINE_STATUS_PUBLISHED, NULL, NULL, NULL, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, "Your WordPress role (contributor) cannot publish on “Báo Lai Châu”: "
                                       "submit the story for review instead.");
  g_clear_error (&error);
  {
    g_autoptr(BylineArticle) saved = load (f->reporter_store, id);

    g_assert_null (byline_article_get_remote_id (saved, ACCOUNT));
  }
  /* Submitting is what it may do. */
  post_id = send_ok (f->reporter_store, contributor, id, BYLINE_STATUS_SUBMITTED, NULL);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "pending");

  /* An author may not return a story either. */
  reporter_id = make_draft (f->reporter_store, f->media, "Sìn Hồ: mùa chè tuyết");
  g_free (send_ok (f->reporter_store, f->reporter, reporter_id, BYLINE_STATUS_SUBMITTED, NULL));
  receipt = send_full (f->reporter_store, f->reporter, reporter_id, BYLINE_STATUS_RETURNED, NOTE, NULL, NULL, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Your WordPress role (author) cannot return stories on “Báo Lai Châu”: "
                                       "only an editor can.");
}

#define EDITOR_LATER "Thông tuyến Quốc lộ 4H trước ngày 12/8"
#define REPORTER_LATER "Kiểm đếm thiệt hại về nhà cửa và hoa màu"

static void
editor_edits_later (BylineArticle *article)
{
  set_paragraph (article, "Thông tuyến", EDITOR_LATER);
}

static void
reporter_edits_later (BylineArticle *article)
{
  set_paragraph (article, "Kiểm đếm", REPORTER_LATER);
}

/* Both change different paragraphs at once: merged, sent, nobody's lost. */
static void
test_concurrent_merged (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Tam Đường: mưa đá làm hư hỏng 120 ngôi nhà");
  g_autofree char *post_id = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, post_id);
  edit (f->editor_store, id, editor_edits_later);
  g_free (send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_SUBMITTED, NULL));

  /* The reporter did not see that, and changes another paragraph. */
  edit (f->reporter_store, id, reporter_edits_later);
  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, &merged, &error);
  g_assert_no_error (error);
  g_assert_true (merged);

  post = get_post (post_id);
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_LATER));
  g_assert_nonnull (strstr (raw (post, "content"), REPORTER_LATER));
  g_assert_cmpstr (post_status (post), ==, "pending");
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (paragraph (draft, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (draft, "Kiểm đếm"), ==, REPORTER_LATER);
  g_assert_cmpstr (byline_article_get_remote_version (draft, ACCOUNT), ==, receipt->remote_version);
  g_assert_cmpuint (count_posts_with_slug (json_object_get_string_member (post, "slug")), ==, 1);
}

#define SITE_HEADLINE "Tam Đường: mưa đá làm hư hỏng hơn 120 ngôi nhà"

/* The editor changes the headline in wp-admin (here: the REST API as the
 * block editor uses it), not through Byline; the reporter, unaware, changes a
 * paragraph and sends: WordPress' own edit is noticed and merged in. */
static void
test_concurrent_site_edit (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Tam Đường: mưa đá làm hư hỏng 120 ngôi nhà");
  g_autofree char *post_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  post = get_post (post_id);
  before = g_strdup (raw (post, "content"));
  g_clear_pointer (&post, json_object_unref);
  path = g_strconcat ("/wp/v2/posts/", post_id, NULL);
  answer = site_request ("EDITOR", path, "{\"title\": \"" SITE_HEADLINE "\"}");

  edit (f->reporter_store, id, reporter_edits_later);
  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, &merged, &error);
  g_assert_no_error (error);
  g_assert_true (merged);

  post = get_post (post_id);
  g_assert_cmpstr (raw (post, "title"), ==, SITE_HEADLINE);
  g_assert_nonnull (strstr (raw (post, "content"), REPORTER_LATER));
  /* The rest of the content, pictures included, as it was. */
  g_assert_cmpuint (strlen (raw (post, "content")), ==, strlen (before) + strlen (REPORTER_LATER) - strlen ("Kiểm đếm thiệt hại"));
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (byline_article_get_headline (draft), ==, SITE_HEADLINE);
  g_assert_cmpstr (paragraph (draft, "Kiểm đếm"), ==, REPORTER_LATER);
}

static gboolean
job_settled (gpointer data)
{
  BylineOutboxJobState state = byline_outbox_job_get_state (data);

  return state == BYLINE_OUTBOX_JOB_SENT || state == BYLINE_OUTBOX_JOB_FAILED;
}

/* The same as the window sends, through the outbox: on WordPress' conflict
 * the job merges the editor's changes in and sends again by itself. */
static void
test_outbox_merges (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Nậm Nhùn: bàn giao nhà tạm cho 12 hộ");
  g_autofree char *post_id = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *job;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, post_id);
  edit (f->editor_store, id, editor_edits_later);
  g_free (send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_SUBMITTED, NULL));

  edit (f->reporter_store, id, reporter_edits_later);
  outbox = byline_outbox_new (f->reporter_store, NULL);
  byline_outbox_set_backoff (outbox, 100, 400);
  byline_outbox_add_destination (outbox, f->reporter);
  g_assert_true (byline_outbox_load (outbox, &error));
  job = byline_outbox_enqueue (outbox, id, ACCOUNT, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_outbox_start (outbox);
  g_assert_true (byline_test_wait_until (job_settled, job, 120000));
  byline_outbox_stop (outbox);
  g_assert_cmpstr (byline_outbox_job_get_error_message (job), ==, NULL);
  g_assert_cmpint (byline_outbox_job_get_state (job), ==, BYLINE_OUTBOX_JOB_SENT);
  g_assert_cmpstr (byline_outbox_job_get_remote_id (job), ==, post_id);

  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "pending");
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_LATER));
  g_assert_nonnull (strstr (raw (post, "content"), REPORTER_LATER));
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (paragraph (draft, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (draft, "Kiểm đếm"), ==, REPORTER_LATER);
}

#define EDITOR_SAME "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp."
#define REPORTER_SAME "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 39 hộ dân phải sơ tán khẩn cấp."

static void
editor_edits_same (BylineArticle *article)
{
  set_paragraph (article, "Theo Ban", EDITOR_SAME);
}

static void
reporter_edits_same (BylineArticle *article)
{
  set_paragraph (article, "Theo Ban", REPORTER_SAME);
  set_paragraph (article, "Kiểm đếm", REPORTER_LATER);
}

/* Both change the same sentence: nothing is written over, both versions are
 * kept, the reporter chooses, and the choice goes out. */
static void
test_concurrent_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Mường Tè: sạt lở vùi lấp 2 km đường vào xã Pa Ủ");
  g_autofree char *post_id = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) refused = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(BylineArticle) resolved = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  const BylineMergeConflict *conflict;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, post_id);
  edit (f->editor_store, id, editor_edits_same);
  g_free (send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_SUBMITTED, NULL));

  edit (f->reporter_store, id, reporter_edits_same);
  refused = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1 change conflicts with yours"));
  g_clear_error (&error);

  /* Nothing overwritten on the site, nothing lost here. */
  post = get_post (post_id);
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_SAME));
  g_assert_null (strstr (raw (post, "content"), REPORTER_SAME));
  g_clear_pointer (&post, json_object_unref);
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (paragraph (draft, "Theo Ban"), ==, REPORTER_SAME);
  g_assert_cmpstr (paragraph (draft, "Kiểm đếm"), ==, REPORTER_LATER);
  g_assert_true (history_has_paragraph (f->reporter_store, id, EDITOR_SAME));
  g_assert_true (history_has_paragraph (f->reporter_store, id, REPORTER_SAME));

  merge = byline_review_load_merge (f->reporter_store, id, ACCOUNT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 1);
  conflict = byline_merge_get_conflict (merge, 0);
  g_assert_cmpstr (conflict->ours_text, ==, REPORTER_SAME);
  g_assert_cmpstr (conflict->theirs_text, ==, EDITOR_SAME);

  /* The reporter takes the editor's sentence; the send goes through. */
  g_assert_true (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_THEIRS));
  resolved = byline_review_resolve (f->reporter_store, id, ACCOUNT, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_remote_id (resolved, ACCOUNT), ==, post_id);
  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  post = get_post (post_id);
  g_assert_nonnull (strstr (raw (post, "content"), EDITOR_SAME));
  g_assert_nonnull (strstr (raw (post, "content"), REPORTER_LATER));
}

/* A site without Byline's plugin (WP_PEER_BYLINE_PLUGIN=0): submitting,
 * opening and publishing work; returning is refused before anything is
 * written, in a sentence that says what is missing. */
static void
test_without_plugin (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Tân Uyên: đường về bản Nà Ún đã thông");
  g_autofree char *post_id = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  post = get_post (post_id);
  g_assert_false (json_object_has_member (json_object_get_object_member (post, "meta"), "byline_note"));
  g_clear_pointer (&post, json_object_unref);

  opened = open_story (f->editor_store, f->editor, post_id);
  g_assert_cmpuint (byline_article_get_n_images (opened->article), ==, 2);
  receipt = send_full (f->editor_store, f->editor, byline_article_get_id (opened->article), BYLINE_STATUS_RETURNED,
                       NOTE, NULL, NULL, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Báo Lai Châu” cannot keep the editor's note: returning a story needs the "
                                       "Byline plugin on the WordPress site (see docs/wordpress.md).");
  g_clear_error (&error);
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "pending");
  g_clear_pointer (&post, json_object_unref);

  g_free (send_ok (f->editor_store, f->editor, byline_article_get_id (opened->article), BYLINE_STATUS_PUBLISHED,
                   NULL));
  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "publish");
}

/* A post written in wp-admin, not by Byline, with pictures from elsewhere
 * and a relative address: it opens (twice as the same draft), its text in
 * the body, nothing fetched from elsewhere, nothing read here. */
static void
test_foreign_post (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(BylineReviewOpened) first = NULL;
  g_autoptr(BylineReviewOpened) second = NULL;
  g_autofree char *post_id = NULL;

  answer = site_request ("AUTHOR", "/wp/v2/posts",
                         "{\"status\": \"pending\", \"title\": \"Bài viết trong wp-admin\", "
                         "\"content\": \"<!-- wp:paragraph -->\\n<p>Đoạn văn viết thẳng trên trang.</p>\\n"
                         "<!-- /wp:paragraph -->\\n\\n<figure class=\\\"wp-block-image\\\">"
                         "<img src=\\\"../../../../etc/passwd\\\" alt=\\\"\\\"/></figure>\\n\\n"
                         "<figure class=\\\"wp-block-image\\\"><img src=\\\"http://203.0.113.9/anh.png\\\" "
                         "alt=\\\"\\\"/></figure>\"}");
  post_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (answer), "id"));

  first = open_story (f->editor_store, f->editor, post_id);
  g_assert_true (first->created);
  g_assert_true (g_uuid_string_is_valid (byline_article_get_id (first->article)));
  g_assert_cmpstr (byline_article_get_headline (first->article), ==, "Bài viết trong wp-admin");
  g_assert_cmpstr (paragraph (first->article, "Đoạn văn"), ==, "Đoạn văn viết thẳng trên trang.");
  g_assert_cmpuint (byline_article_get_n_images (first->article), ==, 0);
  second = open_story (f->editor_store, f->editor, post_id);
  g_assert_false (second->created);
  g_assert_cmpstr (byline_article_get_id (second->article), ==, byline_article_get_id (first->article));
}

/* ------------------------------------------------------------ byline-cli */

static void
run_cli (char **out,
         int   *status,
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
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  g_test_message ("byline-cli %s %s → %d: %s", (const char *) g_ptr_array_index (args, 1),
                  (const char *) g_ptr_array_index (args, 2), *status, *out);
}

/* The editor at a terminal: review list, open and publish against WordPress. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media, "Than Uyên: vụ lúa mùa được mùa lớn");
  g_autofree char *post_id = NULL;
  g_autofree char *login = byline_test_wp_peer_login ("EDITOR");
  g_autofree char *password = byline_test_wp_peer_password ("EDITOR");
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  post_id = send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);

  /* The account, its password on stdin. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("BYLINE_CLI"), "account", "add", ACCOUNT,
                                         "--kind", "wordpress", "--url", byline_test_wp_peer_get ("BASE_URL"), "--user", login,
                                         NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_clear_pointer (&out, g_free);

  run_cli (&out, &status, "review", "list", "--from", ACCOUNT, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Than Uyên: vụ lúa mùa được mùa lớn"));
  g_assert_nonnull (strstr (out, post_id));
  g_assert_null (strstr (out, password));
  g_clear_pointer (&out, g_free);

  run_cli (&out, &status, "review", "open", post_id, "--from", ACCOUNT, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, id));
  g_clear_pointer (&out, g_free);

  run_cli (&out, &status, "review", "publish", id, "--to", ACCOUNT, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  post = get_post (post_id);
  g_assert_cmpstr (post_status (post), ==, "publish");
  g_assert_cmpstr (raw (post, "title"), ==, "Than Uyên: vụ lúa mùa được mùa lớn");

  run_cli (&out, &status, "account", "remove", ACCOUNT, NULL);
  g_assert_cmpint (status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_init (&argc, &argv);
  g_assert_true (byline_test_wp_peer_load ());
  keyring = byline_test_keyring_start ();

  /* The same program against a stock site (meson test wordpress-review-no-plugin). */
  if (g_strcmp0 (g_getenv ("WP_PEER_BYLINE_PLUGIN"), "0") == 0)
    {
      TEST ("without-plugin", test_without_plugin);
      goto run;
    }
  TEST ("roles", test_roles);
  TEST ("full-cycle", test_full_cycle);
  TEST ("schedule", test_schedule);
  TEST ("set-status-note", test_set_status_note);
  TEST ("refused", test_refused);
  TEST ("concurrent-merged", test_concurrent_merged);
  TEST ("concurrent-conflict", test_concurrent_conflict);
  TEST ("concurrent-site-edit", test_concurrent_site_edit);
  TEST ("outbox-merges", test_outbox_merges);
  TEST ("foreign-post", test_foreign_post);
  TEST ("cli", test_cli);

run:
  status = g_test_run ();
  byline_test_keyring_stop (keyring);
  return status;
}
