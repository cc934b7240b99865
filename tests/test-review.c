/* test-review.c — the editors' desk against the in-process reference server
 * and a folder: the queue, the whole cycle reporter → editor → reporter →
 * editor, scheduling, refusals, preflight overrides, and two people editing
 * the same story at once (merged when they can be, never silently lost)
 *
 * The reporter and the editor each have their own draft store, as on two
 * machines; they meet only through the destination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "byline-test-utils.h"
#include "byline-accounts.h"
#include "byline-destination.h"
#include "byline-folder-destination.h"
#include "byline-newsroom-destination.h"
#include "byline-review.h"
#include "byline-review-queue.h"
#include "publish-test-utils.h"

#define ACCOUNT "Báo Lai Châu"
#define NOTE "Kiểm tra lại số hộ dân phải sơ tán với UBND xã."

typedef struct
{
  BylineNewsroomServer *server;
  BylineDestination    *reporter;
  BylineDestination    *editor;
  BylineDraftStore     *reporter_store;
  BylineDraftStore     *editor_store;
  GFile                *media;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) reporter_folder = byline_test_make_folder ("reporter-drafts");
  g_autoptr(GFile) editor_folder = byline_test_make_folder ("editor-drafts");
  const char *url;

  f->server = byline_test_newsroom_server_new ();
  url = byline_newsroom_server_get_url (f->server);
  f->reporter = byline_newsroom_destination_new (ACCOUNT, url, BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  f->editor = byline_newsroom_destination_new (ACCOUNT, url, BYLINE_TEST_EDITOR_TOKEN, &error);
  g_assert_no_error (error);
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
  g_clear_object (&f->server);
  g_clear_object (&f->media);
}

#define TEST(path, func) \
  g_test_add ("/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ------------------------------------------------------------- helpers */

/* A reporter's draft, ready to go out: every field, two captioned pictures. */
static char *
make_draft (BylineDraftStore *store,
            GFile            *media)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GError) error = NULL;

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
           gboolean           override_checks,
           gboolean          *merged,
           GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  BylineReviewSendOptions options = {
    .status = status, .note = note, .publish_at = publish_at, .override_checks = override_checks,
  };

  byline_review_send_async (store, destination, id, &options, NULL, byline_test_got_result, &result);
  return byline_review_send_finish (store, byline_test_wait (&result), merged, error);
}

static void
send_ok (BylineDraftStore  *store,
         BylineDestination *destination,
         const char        *id,
         BylineStatus       status,
         const char        *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSendReceipt) receipt = send_full (store, destination, id, status, note, NULL, FALSE, NULL,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (receipt);
}

static BylineReviewOpened *
open_story (BylineDraftStore  *store,
            BylineDestination *destination,
            const char        *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewOpened *opened;

  byline_review_open_async (store, destination, id, NULL, byline_test_got_result, &result);
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

/* The item on the server, imported, and its status resource. */
static BylineArticle *
server_story (Fixture    *f,
              const char *id,
              char      **status)
{
  g_autoptr(GBytes) bytes = byline_newsroom_server_get_item (f->server, id, NULL, status);
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_assert_nonnull (bytes);
  article = byline_ninjs_import (bytes, id, NULL, &error);
  g_assert_no_error (error);
  return article;
}

static JsonObject *
server_meta (Fixture    *f,
             const char *id)
{
  g_autofree char *name = g_strconcat (id, ".meta.json", NULL);
  g_autofree char *path = g_build_filename (g_file_peek_path (byline_newsroom_server_get_folder (f->server)),
                                            "items", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The status the server holds for @id. */
static char *
server_status (Fixture    *f,
               const char *id)
{
  g_autoptr(GBytes) bytes = NULL;
  char *status = NULL;

  bytes = byline_newsroom_server_get_item (f->server, id, NULL, &status);
  g_assert_nonnull (bytes);
  return status;
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

/* Whether any saved version of the draft has @text as the paragraph starting like it. */
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
  BylinePermissions reporter = byline_roles_get_permissions (BYLINE_ROLE_REPORTER);
  BylinePermissions editor = byline_roles_get_permissions (BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR);
  g_autofree char *why = byline_permissions_explain (BYLINE_ROLE_REPORTER, BYLINE_STATUS_PUBLISHED);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_permissions_allow_status (reporter, BYLINE_STATUS_SUBMITTED));
  g_assert_false (byline_permissions_allow_status (reporter, BYLINE_STATUS_PUBLISHED));
  g_assert_false (byline_permissions_allow_status (reporter, BYLINE_STATUS_RETURNED));
  g_assert_false (reporter & BYLINE_PERMISSION_REVIEW);
  g_assert_true (byline_permissions_allow_status (editor, BYLINE_STATUS_SCHEDULED));
  g_assert_true (editor & BYLINE_PERMISSION_EDIT_ANY);
  g_assert_cmpstr (why, ==, "Publishing needs the editor role; your account has the reporter role.");

  /* The role comes from GET /v1/me. */
  byline_destination_check_async (f->reporter, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (f->reporter, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (f->reporter)), ==, reporter);
}

static void
test_full_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) returned_queue = NULL;
  g_autoptr(BylineReviewOpened) editor_open = NULL;
  g_autoptr(BylineReviewOpened) reporter_open = NULL;
  g_autoptr(BylineReviewOpened) editor_again = NULL;
  g_autoptr(BylineArticle) published = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *status = NULL;
  g_autofree char *changes = NULL;
  BylineRemoteStory *story;

  /* The reporter submits. */
  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);

  /* The editor's queue. */
  queue = list_queue (f->editor, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (queue->len, ==, 1);
  story = g_ptr_array_index (queue, 0);
  g_assert_cmpstr (story->remote_id, ==, id);
  g_assert_cmpstr (story->headline, ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpstr (story->author, ==, "Nguyễn Thị Hương, Lò Văn Dũng");
  g_assert_cmpstr (story->category, ==, "Xã hội");
  g_assert_cmpstr (story->submitted_by, ==, "huong");
  g_assert_nonnull (story->submitted);
  g_assert_cmpuint (story->word_count, >, 50);
  g_assert_cmpuint (story->n_errors, ==, 0);

  /* The editor opens it: a local draft of the same id, with its pictures. */
  editor_open = open_story (f->editor_store, f->editor, id);
  g_assert_true (editor_open->created);
  g_assert_null (editor_open->merge);
  g_assert_cmpstr (byline_article_get_id (editor_open->article), ==, id);
  g_assert_cmpuint (byline_article_get_n_images (editor_open->article), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (editor_open->article, i);

      g_assert_nonnull (byline_image_get_file (image));
      g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
    }
  /* Named as the reporter's pictures, not by the server's SHA-256. */
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (editor_open->article, 0)), ==,
                   "sat-lo-quoc-lo.png");
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (editor_open->article, 1)), ==,
                   "luc-luong-cuu-ho.png");
  g_assert_cmpstr (byline_article_get_remote_version (editor_open->article, ACCOUNT), ==, story->version);

  /* … edits, and returns it with a note. */
  edit (f->editor_store, id, editor_edits);
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_RETURNED, NOTE);
  returned_queue = list_queue (f->reporter, BYLINE_STATUS_RETURNED);
  g_assert_cmpuint (returned_queue->len, ==, 1);

  /* The reporter sees the note and what the editor changed since submission. */
  reporter_open = open_story (f->reporter_store, f->reporter, id);
  g_assert_false (reporter_open->created);
  g_assert_cmpint (reporter_open->story->status, ==, BYLINE_STATUS_RETURNED);
  g_assert_cmpstr (reporter_open->story->note, ==, NOTE);
  g_assert_cmpstr (byline_article_get_editor_note (reporter_open->article), ==, NOTE);
  g_assert_nonnull (reporter_open->changes);
  g_assert_cmpuint (reporter_open->changes->len, ==, 3);
  changes = byline_diff_to_text (reporter_open->changes);
  g_test_message ("%s", changes);
  g_assert_nonnull (strstr (changes, "Headline, changed:\n  Nậm Nhùn: [-mưa lũ gây-] sạt [-lở,-]{+lở+} chia cắt nhiều bản {+sau mưa lũ+}\n"));
  g_assert_nonnull (strstr (changes, "đến [-sáng-]{+trưa+} 10/8 đã có [-37-]{+41+} hộ"));
  g_assert_nonnull (strstr (changes, "Picture 1, caption, changed:"));
  g_assert_cmpstr (byline_article_get_headline (reporter_open->article), ==, EDITOR_HEADLINE);

  /* … fixes and submits again. */
  edit (f->reporter_store, id, reporter_fixes);
  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);

  /* The editor takes the fix in and publishes. */
  editor_again = open_story (f->editor_store, f->editor, id);
  g_assert_null (editor_again->merge);
  g_assert_cmpstr (paragraph (editor_again->article, "Thông tin chi tiết"), ==, REPORTER_FIX);
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL);

  published = server_story (f, id, &status);
  g_assert_cmpstr (status, ==, "published");
  g_assert_cmpstr (byline_article_get_headline (published), ==, EDITOR_HEADLINE);
  g_assert_cmpstr (paragraph (published, "Theo Ban"), ==, EDITOR_FIRST);
  g_assert_cmpstr (paragraph (published, "Thông tin chi tiết"), ==, REPORTER_FIX);
  /* Its pictures are the server's (remote to this import). */
  {
    g_autoptr(JsonArray) pictures = byline_ninjs_dup_pending_pictures (published);

    g_assert_nonnull (pictures);
    g_assert_cmpuint (json_array_get_length (pictures), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pictures, 0), "caption"), ==,
                     EDITOR_CAPTION);
  }
  meta = server_meta (f, id);
  g_assert_cmpstr (json_object_get_string_member (meta, "updated_by"), ==, "quy");
  g_assert_cmpstr (json_object_get_string_member (meta, "submitted_by"), ==, "huong");
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);

  /* A published story is corrected and published again. */
  edit (f->editor_store, id, editor_corrects);
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL);
  g_clear_object (&published);
  g_clear_pointer (&status, g_free);
  published = server_story (f, id, &status);
  g_assert_cmpstr (status, ==, "published");
  g_assert_cmpstr (paragraph (published, "Di dời"), ==, CORRECTION);
}

static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add_hours (now, 10);
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scheduled = NULL;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, id);
  receipt = send_full (f->editor_store, f->editor, id, BYLINE_STATUS_SCHEDULED, "Lên trang nhất", when, FALSE,
                       NULL, &error);
  g_assert_no_error (error);

  meta = server_meta (f, id);
  g_assert_cmpstr (json_object_get_string_member (meta, "status"), ==, "scheduled");
  stored = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "publish_at"), NULL);
  g_assert_nonnull (stored);
  g_assert_cmpint (g_date_time_to_unix (stored), ==, g_date_time_to_unix (when));
  scheduled = list_queue (f->editor, BYLINE_STATUS_SCHEDULED);
  g_assert_cmpuint (scheduled->len, ==, 1);
  g_assert_nonnull (((BylineRemoteStory *) g_ptr_array_index (scheduled, 0))->publish_at);
}

static void
test_reporter_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  /* The role is not known yet: the server says no, in a sentence. */
  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_PUBLISHED, NULL, NULL, FALSE, NULL,
                       &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Publishing needs the editor role; your account has the reporter role.");
  status = server_status (f, id);
  g_assert_cmpstr (status, ==, "draft");
}

static void
test_preflight_override (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) refused = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  JsonObject *record;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, id);
  {
    g_autoptr(BylineArticle) article = load (f->editor_store, id);

    byline_article_set_headline (article, "");
    byline_draft_store_save (f->editor_store, article, &error);
    g_assert_no_error (error);
  }

  refused = send_full (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL, NULL, FALSE, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "blocks publishing"));
  g_clear_error (&error);
  status = server_status (f, id);
  g_assert_cmpstr (status, ==, "submitted");

  receipt = send_full (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL, NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  draft = load (f->editor_store, id);
  record = byline_review_get_override (draft);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "published");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "errors")), >=, 1);
  g_clear_pointer (&status, g_free);
  status = server_status (f, id);
  g_assert_cmpstr (status, ==, "published");
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

/* Both edit at once, different paragraphs: merged, sent, nobody's lost. */
static void
test_concurrent_merged (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) on_server = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, id);
  edit (f->editor_store, id, editor_edits_later);
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_SUBMITTED, NULL);

  /* The reporter did not see that, and edits another paragraph. */
  edit (f->reporter_store, id, reporter_edits_later);
  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, FALSE, &merged,
                       &error);
  g_assert_no_error (error);
  g_assert_true (merged);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 1);

  on_server = server_story (f, id, NULL);
  g_assert_cmpstr (paragraph (on_server, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (on_server, "Kiểm đếm"), ==, REPORTER_LATER);
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (paragraph (draft, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (draft, "Kiểm đếm"), ==, REPORTER_LATER);
  g_assert_cmpstr (byline_article_get_remote_version (draft, ACCOUNT), ==, receipt->remote_version);
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

/* Both edit the same sentence: the send stops, both versions are kept, the
 * user chooses, and the choice goes out. */
static void
test_concurrent_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineSendReceipt) refused = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(BylineArticle) resolved = NULL;
  g_autoptr(BylineArticle) on_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *editor_version = NULL;
  const BylineMergeConflict *conflict;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, f->editor, id);
  edit (f->editor_store, id, editor_edits_same);
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_SUBMITTED, NULL);
  g_bytes_unref (byline_newsroom_server_get_item (f->server, id, &editor_version, NULL));

  edit (f->reporter_store, id, reporter_edits_same);
  refused = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, FALSE, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "1 change conflicts with yours"));
  g_clear_error (&error);

  /* Nothing overwritten on the server; nothing lost here. */
  on_server = server_story (f, id, NULL);
  g_assert_cmpstr (paragraph (on_server, "Theo Ban"), ==, EDITOR_SAME);
  draft = load (f->reporter_store, id);
  g_assert_cmpstr (paragraph (draft, "Theo Ban"), ==, REPORTER_SAME);
  /* The other paragraph of the reporter is in; the conflicting one waits. */
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

  /* Sending again before choosing stops again. */
  refused = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, FALSE, NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_THEIRS));
  resolved = byline_review_resolve (f->reporter_store, id, ACCOUNT, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paragraph (resolved, "Theo Ban"), ==, EDITOR_SAME);
  g_assert_cmpstr (byline_article_get_remote_version (resolved, ACCOUNT), ==, editor_version);
  g_assert_null (byline_review_load_merge (f->reporter_store, id, ACCOUNT, &error));
  g_assert_no_error (error);

  receipt = send_full (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&on_server);
  on_server = server_story (f, id, NULL);
  g_assert_cmpstr (paragraph (on_server, "Theo Ban"), ==, EDITOR_SAME);
  g_assert_cmpstr (paragraph (on_server, "Kiểm đếm"), ==, REPORTER_LATER);
}

/* The editor has unsent changes of their own when the reporter's come in:
 * opening merges them, keeping both. */
static void
test_open_merges_local_changes (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autofree char *other = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) first = NULL;
  g_autoptr(BylineReviewOpened) second = NULL;
  g_autoptr(GPtrArray) queue = NULL;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  first = open_story (f->editor_store, f->editor, id);
  edit (f->editor_store, id, editor_edits_later);

  edit (f->reporter_store, id, reporter_edits_later);
  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  /* Another story, submitted later, comes first in the queue. */
  send_ok (f->reporter_store, f->reporter, other, BYLINE_STATUS_SUBMITTED, NULL);
  queue = list_queue (f->editor, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_cmpstr (((BylineRemoteStory *) g_ptr_array_index (queue, 0))->remote_id, ==, other);
  g_assert_cmpstr (((BylineRemoteStory *) g_ptr_array_index (queue, 1))->remote_id, ==, id);

  second = open_story (f->editor_store, f->editor, id);
  g_assert_nonnull (second->merge);
  g_assert_true (byline_merge_is_resolved (second->merge));
  g_assert_cmpstr (paragraph (second->article, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (second->article, "Kiểm đếm"), ==, REPORTER_LATER);
  /* Linked to the reporter's version now: publishing replaces it. */
  send_ok (f->editor_store, f->editor, id, BYLINE_STATUS_PUBLISHED, NULL);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 0);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

/* The queue as a list model, for the window. */
static void
test_queue_model (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = make_draft (f->reporter_store, f->media);
  g_autofree char *second = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewQueue) queue = byline_review_queue_new (f->editor, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineReviewStory) top = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  guint word_count = 0, calls = 0;

  send_ok (f->reporter_store, f->reporter, first, BYLINE_STATUS_SUBMITTED, NULL);
  send_ok (f->reporter_store, f->reporter, second, BYLINE_STATUS_SUBMITTED, NULL);
  g_signal_connect (queue, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);

  byline_review_queue_refresh_async (queue, NULL, NULL, byline_test_got_result, &result);
  g_assert_true (byline_review_queue_get_loading (queue));
  byline_review_queue_refresh_finish (queue, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_false (byline_review_queue_get_loading (queue));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (queue)) == BYLINE_TYPE_REVIEW_STORY);

  top = g_list_model_get_item (G_LIST_MODEL (queue), 0);
  g_assert_cmpstr (byline_review_story_get_remote_id (top), ==, second);
  g_object_get (top, "headline", &headline, "word-count", &word_count, NULL);
  g_assert_cmpstr (headline, ==, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpuint (word_count, ==, byline_review_story_get_word_count (top));
  g_assert_cmpuint (word_count, >, 50);
  g_assert_nonnull (byline_review_story_get_submitted (top));
}

typedef struct
{
  GArray *indices;     /* guint, as told */
  guint   n_listed;    /* stories in the first call */
  guint   n_checked_then;
} Progress;

static void
progress_cb (GPtrArray *stories,
             guint      index,
             gpointer   user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->indices, index);
  if (index == G_MAXUINT)
    {
      progress->n_listed = stories->len;
      for (guint i = 0; i < stories->len; i++)
        progress->n_checked_then += ((BylineRemoteStory *) g_ptr_array_index (stories, i))->checked;
    }
}

/* The queue as it comes down a slow line: listed first (nothing checked
 * yet), then each story as it is checked; the line failing at the second
 * story leaves it and the rest unchecked with why, and the queue stands
 * (it failed whole). */
static void
test_queue_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *first = make_draft (f->reporter_store, f->media);
  g_autofree char *second = make_draft (f->reporter_store, f->media);
  g_autofree char *third = make_draft (f->reporter_store, f->media);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0 };

  send_ok (f->reporter_store, f->reporter, first, BYLINE_STATUS_SUBMITTED, NULL);
  send_ok (f->reporter_store, f->reporter, second, BYLINE_STATUS_SUBMITTED, NULL);
  send_ok (f->reporter_store, f->reporter, third, BYLINE_STATUS_SUBMITTED, NULL);
  /* Newest first: third, second, first.  The line drops at the second. */
  path = g_strconcat ("/v1/items/", second, NULL);
  byline_newsroom_server_inject (f->server, "GET", path, BYLINE_FAULT_STATUS, 503, 0, 0, 10);

  byline_review_list_progressive_async (f->editor, BYLINE_STATUS_SUBMITTED, NULL, progress_cb, &progress, NULL,
                                        byline_test_got_result, &result);
  stories = byline_review_list_finish (f->editor, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 3);

  g_assert_cmpuint (progress.indices->len, ==, 4);
  g_assert_cmpuint (g_array_index (progress.indices, guint, 0), ==, G_MAXUINT);
  g_assert_cmpuint (progress.n_listed, ==, 3);
  g_assert_cmpuint (progress.n_checked_then, ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (progress.indices, guint, i + 1), ==, i);

  g_assert_cmpstr (((BylineRemoteStory *) g_ptr_array_index (stories, 0))->remote_id, ==, third);
  g_assert_true (((BylineRemoteStory *) g_ptr_array_index (stories, 0))->checked);
  g_assert_cmpuint (((BylineRemoteStory *) g_ptr_array_index (stories, 0))->word_count, >, 50);
  for (guint i = 1; i < 3; i++)
    {
      BylineRemoteStory *story = g_ptr_array_index (stories, i);

      g_test_message ("Not checked: %s", story->not_checked);
      g_assert_false (story->checked);
      g_assert_nonnull (story->not_checked);
    }
  /* Not tried again one by one: the first failure stops the checking. */
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "GET", "/v1/items/"), <=, 3);
  g_array_unref (progress.indices);
}

/* Nothing is left (half-downloaded) in the store's incoming folder. */
static void
assert_nothing_incoming (BylineDraftStore *store)
{
  g_autoptr(GFile) incoming = g_file_get_child (byline_draft_store_get_folder (store), ".incoming");
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (incoming, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info = NULL;

  g_assert_true (children == NULL || (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info == NULL));
}

/* A picture that cannot be downloaded, or comes cut: nothing is opened,
 * nothing half-kept; the next try opens the story whole. */
static void
test_open_picture_fails (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineReviewOpened) failed = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GError) error = NULL;

  send_ok (f->reporter_store, f->reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  byline_newsroom_server_inject (f->server, "GET", "/v1/assets/", BYLINE_FAULT_STATUS, 503, 0, 0, 1);
  byline_review_open_async (f->editor_store, f->editor, id, NULL, byline_test_got_result, &result);
  failed = byline_review_open_finish (f->editor_store, byline_test_wait (&result), &error);
  g_assert_null (failed);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER);
  g_assert_false (byline_draft_store_contains (f->editor_store, id));
  /* The open's folder goes with it, once its result is let go. */
  g_clear_object (&result);
  assert_nothing_incoming (f->editor_store);

  /* The line drops half-way through a picture, from a server that ends
   * its answers by closing (HTTP/1.0): libsoup takes it for the end, and
   * half a photo was kept, its bottom grey. */
  byline_newsroom_server_inject (f->server, "GET", "/v1/assets/", BYLINE_FAULT_CUT_RESPONSE, 0, 0, 0, 1);
  byline_review_open_async (f->editor_store, f->editor, id, NULL, byline_test_got_result, &result);
  g_clear_error (&error);
  failed = byline_review_open_finish (f->editor_store, byline_test_wait (&result), &error);
  g_assert_null (failed);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "was lost"));
  g_assert_false (byline_draft_store_contains (f->editor_store, id));
  g_clear_object (&result);
  assert_nothing_incoming (f->editor_store);

  opened = open_story (f->editor_store, f->editor, id);
  g_assert_cmpuint (byline_article_get_n_images (opened->article), ==, 2);
}

/* The folder destination: roles from the account, the same queue and cycle. */
static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) shared = byline_test_make_folder ("newsroom-share");
  g_autoptr(BylineDestination) reporter = byline_folder_destination_new (ACCOUNT, shared);
  g_autoptr(BylineDestination) editor = byline_folder_destination_new (ACCOUNT, shared);
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(BylineReviewOpened) editor_open = NULL;
  g_autoptr(BylineReviewOpened) reporter_open = NULL;
  g_autoptr(BylineSendReceipt) refused = NULL;
  g_autoptr(GError) error = NULL;
  BylineStatus status;
  g_autoptr(GFile) where = NULL;

  /* The reporter set the account up; the editor finds the folder so. */
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (reporter), TRUE);
  byline_folder_destination_set_roles (BYLINE_FOLDER_DESTINATION (reporter), BYLINE_ROLE_REPORTER);
  g_assert_cmpuint (byline_destination_get_roles (reporter), ==, BYLINE_ROLE_REPORTER);

  send_ok (f->reporter_store, reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  /* A folder cannot refuse: the role does, before anything is written. */
  refused = send_full (f->reporter_store, reporter, id, BYLINE_STATUS_PUBLISHED, NULL, NULL, FALSE, NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Publishing needs the editor role; your account has the reporter role.");
  g_clear_error (&error);

  queue = list_queue (editor, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpstr (((BylineRemoteStory *) g_ptr_array_index (queue, 0))->remote_id, ==, id);
  g_assert_cmpstr (((BylineRemoteStory *) g_ptr_array_index (queue, 0))->category, ==, "Xã hội");

  editor_open = open_story (f->editor_store, editor, id);
  g_assert_cmpuint (byline_article_get_n_images (editor_open->article), ==, 2);
  g_assert_nonnull (byline_image_get_file (byline_article_get_image (editor_open->article, 0)));
  edit (f->editor_store, id, editor_edits);
  send_ok (f->editor_store, editor, id, BYLINE_STATUS_RETURNED, NOTE);

  /* A name that would leave the folder is no story. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(BylineArticle) outside = NULL;
    g_autofree char *sneaky = g_strconcat ("../returned/", id, NULL);

    byline_review_source_fetch_async (BYLINE_REVIEW_SOURCE (editor), sneaky, NULL, NULL,
                                      byline_test_got_result, &result);
    outside = byline_review_source_fetch_finish (BYLINE_REVIEW_SOURCE (editor), byline_test_wait (&result), NULL,
                                                 &error);
    g_assert_null (outside);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  where = byline_folder_destination_find (BYLINE_FOLDER_DESTINATION (editor), id, &status);
  g_assert_nonnull (where);
  g_assert_cmpint (status, ==, BYLINE_STATUS_RETURNED);

  reporter_open = open_story (f->reporter_store, reporter, id);
  g_assert_cmpstr (reporter_open->story->note, ==, NOTE);
  g_assert_nonnull (reporter_open->changes);
  g_assert_cmpuint (reporter_open->changes->len, ==, 3);
  g_assert_cmpstr (byline_article_get_headline (reporter_open->article), ==, EDITOR_HEADLINE);
}

static void
remove_byline (BylineArticle *article)
{
  byline_article_set_authors (article, NULL);
}

/* Two stories submitted to a newsroom folder: *@good (without a byline, an
 * error for the queue to name), and *@other, whose item.json is returned for
 * the test to spoil. */
static char *
submit_two (Fixture            *f,
            BylineDestination  *reporter,
            GFile              *shared,
            char              **good,
            char              **other)
{
  *good = make_draft (f->reporter_store, f->media);
  *other = make_draft (f->reporter_store, f->media);
  edit (f->reporter_store, *good, remove_byline);
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (reporter), TRUE);
  send_ok (f->reporter_store, reporter, *good, BYLINE_STATUS_SUBMITTED, NULL);
  send_ok (f->reporter_store, reporter, *other, BYLINE_STATUS_SUBMITTED, NULL);
  return g_build_filename (g_file_peek_path (shared), "submitted", *other, "item.json", NULL);
}

/* A story damaged in the shared folder (a copy cut short on a network
 * drive) is listed with why, and does not hide the others: the queue of a
 * whole newsroom failed with "… sent a story that is not JSON". */
static void
test_folder_damaged_story (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) shared = byline_test_make_folder ("newsroom-share");
  g_autoptr(BylineDestination) reporter = byline_folder_destination_new (ACCOUNT, shared);
  g_autoptr(BylineDestination) editor = byline_folder_destination_new (ACCOUNT, shared);
  g_autofree char *good = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *item = submit_two (f, reporter, shared, &good, &damaged);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (item, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (item, contents, length / 3, NULL));

  queue = list_queue (editor, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (queue->len, ==, 2);
  for (guint i = 0; i < queue->len; i++)
    {
      BylineRemoteStory *story = g_ptr_array_index (queue, i);

      if (g_str_equal (story->remote_id, good))
        {
          g_assert_null (story->problem);
          g_assert_cmpstr (story->category, ==, "Xã hội");
          g_assert_cmpuint (story->word_count, >, 100);
          /* The errors, by name, for the queue to say before it is opened. */
          g_assert_cmpuint (story->n_errors, ==, 1);
          g_assert_cmpstr (story->errors, ==, "The story has no byline");
        }
      else
        {
          g_assert_cmpstr (story->remote_id, ==, damaged);
          g_test_message ("The damaged story: %s", story->problem);
          g_assert_cmpstr (story->problem, ==, "The story on “" ACCOUNT "” is damaged (it is not JSON): ask its "
                                               "reporter to send it again");
          g_assert_cmpuint (story->n_errors, ==, 0);
        }
    }

  /* Opening it says the same, and is not tried again as a server's failure would be. */
  byline_review_open_async (f->editor_store, editor, damaged, NULL, byline_test_got_result, &result);
  opened = byline_review_open_finish (f->editor_store, byline_test_wait (&result), &error);
  g_assert_null (opened);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
}

/* A story the folder holds but this computer cannot read (its file was
 * written for another user alone; here a folder where item.json should be,
 * since the tests run as root) is listed with why: it left the queue
 * without a word. */
static void
test_folder_unreadable_story (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) shared = byline_test_make_folder ("newsroom-share");
  g_autoptr(BylineDestination) reporter = byline_folder_destination_new (ACCOUNT, shared);
  g_autoptr(BylineDestination) editor = byline_folder_destination_new (ACCOUNT, shared);
  g_autofree char *good = NULL;
  g_autofree char *unreadable = NULL;
  g_autofree char *item = submit_two (f, reporter, shared, &good, &unreadable);
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (item), ==, 0);
  g_assert_cmpint (g_mkdir (item, 0700), ==, 0);

  queue = list_queue (editor, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (queue->len, ==, 2);
  prefix = g_strdup_printf ("The story %.8s… in the newsroom's folder cannot be read: ", unreadable);
  for (guint i = 0; i < queue->len; i++)
    {
      BylineRemoteStory *story = g_ptr_array_index (queue, i);

      if (g_str_equal (story->remote_id, good))
        g_assert_null (story->problem);
      else
        {
          g_test_message ("The unreadable story: %s", story->problem);
          g_assert_cmpstr (story->remote_id, ==, unreadable);
          g_assert_true (g_str_has_prefix (story->problem, prefix));
        }
    }

  byline_review_open_async (f->editor_store, editor, unreadable, NULL, byline_test_got_result, &result);
  opened = byline_review_open_finish (f->editor_store, byline_test_wait (&result), &error);
  g_assert_null (opened);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* Two people changing the same story in a shared folder: merged too. */
static void
test_folder_concurrent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) shared = byline_test_make_folder ("newsroom-share");
  g_autoptr(BylineDestination) reporter = byline_folder_destination_new (ACCOUNT, shared);
  g_autoptr(BylineDestination) editor = byline_folder_destination_new (ACCOUNT, shared);
  g_autofree char *id = make_draft (f->reporter_store, f->media);
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(BylineReviewOpened) seen = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (reporter), TRUE);
  send_ok (f->reporter_store, reporter, id, BYLINE_STATUS_SUBMITTED, NULL);
  opened = open_story (f->editor_store, editor, id);
  edit (f->editor_store, id, editor_edits_later);
  send_ok (f->editor_store, editor, id, BYLINE_STATUS_SUBMITTED, NULL);

  edit (f->reporter_store, id, reporter_edits_later);
  receipt = send_full (f->reporter_store, reporter, id, BYLINE_STATUS_SUBMITTED, NULL, NULL, FALSE, &merged, &error);
  g_assert_no_error (error);
  g_assert_true (merged);

  seen = open_story (f->editor_store, editor, id);
  g_assert_cmpstr (paragraph (seen->article, "Thông tuyến"), ==, EDITOR_LATER);
  g_assert_cmpstr (paragraph (seen->article, "Kiểm đếm"), ==, REPORTER_LATER);
}

/* A folder account's role is a setting of the account. */
static void
test_folder_role_setting (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) config = byline_test_make_folder ("config");
  g_autoptr(GFile) file = g_file_get_child (config, "accounts.ini");
  g_autoptr(GFile) shared = byline_test_make_folder ("share");
  g_autofree char *ini = g_strdup_printf ("[Phóng viên]\nkind=folder\nurl=%s\nrole=reporter\n\n"
                                          "[Biên tập]\nkind=folder\nurl=%s\n",
                                          g_file_peek_path (shared), g_file_peek_path (shared));
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (file);
  g_autoptr(BylineDestination) reporter = NULL;
  g_autoptr(BylineDestination) editor = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, ini, strlen (ini), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_accounts_load (accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_account_get_roles (byline_accounts_lookup (accounts, "Phóng viên")), ==,
                    BYLINE_ROLE_REPORTER);

  byline_accounts_create_destination_async (accounts, "Phóng viên", NULL, byline_test_got_result, &first);
  reporter = byline_accounts_create_destination_finish (accounts, byline_test_wait (&first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_destination_get_roles (reporter), ==, BYLINE_ROLE_REPORTER);
  g_assert_false (byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (reporter)) & BYLINE_PERMISSION_PUBLISH);

  byline_accounts_create_destination_async (accounts, "Biên tập", NULL, byline_test_got_result, &second);
  editor = byline_accounts_create_destination_finish (accounts, byline_test_wait (&second), &error);
  g_assert_no_error (error);
  g_assert_true (byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (editor)) & BYLINE_PERMISSION_PUBLISH);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  TEST ("roles", test_roles);
  TEST ("full-cycle", test_full_cycle);
  TEST ("schedule", test_schedule);
  TEST ("reporter-refused", test_reporter_refused);
  TEST ("preflight-override", test_preflight_override);
  TEST ("concurrent-merged", test_concurrent_merged);
  TEST ("concurrent-conflict", test_concurrent_conflict);
  TEST ("open-merges-local-changes", test_open_merges_local_changes);
  TEST ("open-picture-fails", test_open_picture_fails);
  TEST ("queue-model", test_queue_model);
  TEST ("folder", test_folder);
  TEST ("folder-concurrent", test_folder_concurrent);
  TEST ("folder-damaged-story", test_folder_damaged_story);
  TEST ("queue-progress", test_queue_progress);
  TEST ("folder-unreadable-story", test_folder_unreadable_story);
  TEST ("folder-role-setting", test_folder_role_setting);

  return g_test_run ();
}
