/* test-newsroom.c — the Newsroom API client against the in-process reference server
 *
 * Every endpoint, and every way a request can fail: an answer the server is
 * made to give (401 … 503, Retry-After), a server that never answers, a line
 * cut in the middle of an upload, an answer lost after the work was done, a
 * name that does not resolve, a certificate that cannot be trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-destination.h"
#include "byline-newsroom-destination.h"
#include "publish-test-utils.h"

typedef struct
{
  BylineNewsroomServer *server;
  BylineDestination    *reporter;
  BylineDestination    *editor;
  GFile                *media;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *url;

  f->server = byline_test_newsroom_server_new ();
  url = byline_newsroom_server_get_url (f->server);
  f->reporter = byline_newsroom_destination_new ("Toà soạn", url, BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  f->editor = byline_newsroom_destination_new ("Toà soạn", url, BYLINE_TEST_EDITOR_TOKEN, &error);
  g_assert_no_error (error);
  f->media = byline_test_make_folder ("media");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  byline_newsroom_server_release_hung (f->server);
  g_clear_object (&f->reporter);
  g_clear_object (&f->editor);
  g_clear_object (&f->server);
  g_clear_object (&f->media);
}

#define TEST(path, func) \
  g_test_add ("/newsroom/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ------------------------------------------------------------- helpers */

static BylineIdentity *
check (BylineDestination  *destination,
       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  return byline_destination_check_finish (destination, byline_test_wait (&result), error);
}

typedef struct
{
  GPtrArray *versions;
  goffset    last_sent;
  goffset    last_total;
  guint      progress_calls;
} SendLog;

static void
log_will_write (const char *version,
                gpointer    user_data)
{
  SendLog *log = user_data;

  if (!g_ptr_array_find_with_equal_func (log->versions, version, g_str_equal, NULL))
    g_ptr_array_add (log->versions, g_strdup (version));
}

static void
log_progress (goffset  sent,
              goffset  total,
              gpointer user_data)
{
  SendLog *log = user_data;

  g_assert_cmpint (sent, <=, total);
  g_assert_cmpint (sent, >=, log->last_sent);
  log->last_sent = sent;
  log->last_total = total;
  log->progress_calls++;
}

static BylineSendReceipt *
send_full (BylineDestination  *destination,
           BylineArticle      *article,
           BylineStatus        status,
           SendLog            *log,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  BylineSendOptions options = { .status = status };
  BylineSendReceipt *receipt = NULL;

  if (log != NULL)
    {
      for (guint i = 0; i < log->versions->len; i++)
        g_ptr_array_add (written, g_ptr_array_index (log->versions, i));
      g_ptr_array_add (written, NULL);
      options.written_versions = (const char * const *) written->pdata;
      options.will_write = log_will_write;
      options.progress = log_progress;
      options.user_data = log;
      log->last_sent = 0;
    }
  if (status == BYLINE_STATUS_SCHEDULED)
    options.publish_at = byline_article_get_publish_time (article);

  byline_destination_send_async (destination, article, &options, NULL, byline_test_got_result, &result);
  if (!byline_destination_send_finish (destination, byline_test_wait (&result), &receipt, error))
    {
      /* A conflict comes with a receipt; nothing else does. */
      if (receipt != NULL)
        g_assert_true (g_error_matches (*error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT));
      byline_send_receipt_free (receipt);
      return NULL;
    }
  g_assert_nonnull (receipt);
  return receipt;
}

static BylineSendReceipt *
send (BylineDestination  *destination,
      BylineArticle      *article,
      BylineStatus        status,
      GError            **error)
{
  return send_full (destination, article, status, NULL, error);
}

static GBytes *
expected_item (Fixture       *f,
               BylineArticle *article)
{
  g_autofree char *media_base = g_strconcat (byline_newsroom_server_get_url (f->server),
                                             "/v1/assets/", NULL);
  BylineNinjsOptions options = { .media_base = media_base };

  return byline_ninjs_export_bytes (article, &options);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* ------------------------------------------------------------ identity */

static void
test_me_reporter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineIdentity) identity = check (f->reporter, &error);
  g_autofree char *roles = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (identity->user, ==, "huong");
  g_assert_cmpstr (identity->display_name, ==, "Nguyễn Thị Hương");
  g_assert_cmpuint (identity->roles, ==, BYLINE_ROLE_REPORTER);
  g_assert_cmpuint (byline_destination_get_roles (f->reporter), ==, BYLINE_ROLE_REPORTER);
  roles = byline_roles_to_string (identity->roles);
  g_assert_cmpstr (roles, ==, "reporter");
}

static void
test_me_editor (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineIdentity) identity = check (f->editor, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (identity->user, ==, "quy");
  g_assert_cmpuint (identity->roles, ==, BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR);
}

static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDestination) wrong = NULL;
  g_autoptr(BylineIdentity) identity = NULL;

  wrong = byline_newsroom_destination_new ("x", byline_newsroom_server_get_url (f->server),
                                           "not-a-token", &error);
  g_assert_no_error (error);
  identity = check (wrong, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "Wrong token or password"));
  g_assert_null (strstr (error->message, "not-a-token"));
  g_assert_false (byline_destination_error_is_transient (error));
}

static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  BylineCategory *category;

  byline_newsroom_destination_list_categories_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), NULL,
                                                     byline_test_got_result, &result);
  categories = byline_newsroom_destination_list_categories_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                                   byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 2);
  category = g_ptr_array_index (categories, 0);
  g_assert_cmpstr (category->id, ==, "xa-hoi");
  g_assert_cmpstr (category->name, ==, "Xã hội");
  category = g_ptr_array_index (categories, 1);
  g_assert_cmpstr (category->name, ==, "Kinh tế");
}

static void
test_invalid_url (void)
{
  const char *urls[] = { "ftp://example.org", "not a url", "http://", "https://x.example/?q=1" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineDestination) destination = byline_newsroom_destination_new ("x", urls[i], "t", &error);

      g_assert_null (destination);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
    }
}

/* ---------------------------------------------------------------- send */

static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *status = NULL;
  SendLog log = { g_ptr_array_new_with_free_func (g_free) };

  receipt = send_full (f->reporter, article, BYLINE_STATUS_SUBMITTED, &log, &error);
  g_assert_no_error (error);
  g_assert_true (receipt->created);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 2);
  g_assert_cmpstr (receipt->remote_id, ==, byline_article_get_id (article));
  g_assert_true (g_str_has_suffix (receipt->url, byline_article_get_id (article)));
  g_assert_cmpint (receipt->status, ==, BYLINE_STATUS_SUBMITTED);

  /* What arrived is byte for byte what was exported, Vietnamese included. */
  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (article), &etag, &status);
  expected = expected_item (f, article);
  assert_bytes_equal (stored, expected);
  g_assert_cmpstr (etag, ==, receipt->remote_version);
  g_assert_cmpstr (status, ==, "submitted");
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_assets (f->server), ==, 2);
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    g_assert_true (byline_newsroom_server_has_asset (f->server,
                                                     byline_image_get_sha256 (byline_article_get_image (article, i))));

  /* The outbox was told the version before the write, and progress ran to the end. */
  g_assert_cmpuint (log.versions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.versions, 0), ==, receipt->remote_version);
  g_assert_cmpuint (log.progress_calls, >, 0);
  g_assert_cmpint (log.last_sent, ==, log.last_total);
  g_ptr_array_unref (log.versions);
}

static void
test_resend_skips_pictures (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) first = NULL;
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  first = send (f->reporter, article, BYLINE_STATUS_DRAFT, &error);
  g_assert_no_error (error);
  byline_article_set_remote (article, "Toà soạn", first->remote_id, first->remote_version);
  byline_article_set_headline (article, "Nậm Nhùn: đã thông tuyến Quốc lộ 4H");

  second = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_false (second->created);
  g_assert_cmpuint (second->assets_uploaded, ==, 0);
  g_assert_cmpstr (second->remote_version, !=, first->remote_version);

  /* Each picture went up once; the second send only asked. */
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "PUT", "/v1/assets/"), ==, 2);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "HEAD", "/v1/assets/"), ==, 4);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 201), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 200), ==, 1);
  g_bytes_unref (byline_newsroom_server_get_item (f->server, byline_article_get_id (article), &etag, NULL));
  g_assert_cmpstr (etag, ==, second->remote_version);
}

static void
test_server_has_picture (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  BylineImage *image = byline_article_get_image (article, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean uploaded = FALSE;

  /* Someone else sent the same picture before. */
  byline_newsroom_destination_upload_asset_async (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                  byline_image_get_file (image),
                                                  byline_image_get_sha256 (image),
                                                  byline_image_get_media_type (image),
                                                  NULL, NULL, NULL, byline_test_got_result, &result);
  byline_newsroom_destination_upload_asset_finish (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                   byline_test_wait (&result), &uploaded, &error);
  g_assert_no_error (error);
  g_assert_true (uploaded);

  receipt = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "PUT", "/v1/assets/"), ==, 2);
  g_assert_cmpuint (byline_newsroom_server_count_assets (f->server), ==, 2);
}

static void
test_upload_already_there_without_head (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) blob = byline_test_make_blob (f->media, "blob.png", 300000, &sha256);
  g_autoptr(GError) error = NULL;
  gboolean uploaded = TRUE;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* The second time the HEAD is made to say "not there": the PUT then
       * learns from the server that it had the picture already (200, not 201). */
      if (round == 1)
        byline_newsroom_server_inject (f->server, "HEAD", "/v1/assets/", BYLINE_FAULT_STATUS,
                                       404, 0, 0, 1);
      byline_newsroom_destination_upload_asset_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), blob, sha256,
                                                      "image/png", NULL, NULL, NULL,
                                                      byline_test_got_result, &result);
      byline_newsroom_destination_upload_asset_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                       byline_test_wait (&result), &uploaded, &error);
      g_assert_no_error (error);
      g_assert_true (uploaded == (round == 0));
    }
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/assets/", 201), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/assets/", 200), ==, 1);
}

static void
test_publish_needs_editor (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  receipt = send (f->reporter, article, BYLINE_STATUS_PUBLISHED, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Publishing needs the editor role; your account has the reporter role.");
  g_assert_false (byline_destination_error_is_transient (error));

  /* The story itself did arrive, as a draft. */
  g_bytes_unref (byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, &status));
  g_assert_cmpstr (status, ==, "draft");
}

static void
test_publish_as_editor (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  receipt = send (f->editor, article, BYLINE_STATUS_PUBLISHED, &error);
  g_assert_no_error (error);
  g_bytes_unref (byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, &status));
  g_assert_cmpstr (status, ==, "published");
}

static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BylineRemoteItem *item;

  receipt = send (f->editor, article, BYLINE_STATUS_SCHEDULED, &error);
  g_assert_no_error (error);

  byline_newsroom_destination_list_items_async (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                BYLINE_STATUS_SCHEDULED, NULL,
                                                byline_test_got_result, &result);
  items = byline_newsroom_destination_list_items_finish (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                         byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_nonnull (item->publish_at);
  g_assert_true (g_date_time_equal (item->publish_at, byline_article_get_publish_time (article)));
}

static void
test_schedule_needs_time (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  BylineSendOptions options = { .status = BYLINE_STATUS_SCHEDULED };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_destination_send_async (f->editor, article, &options, NULL, byline_test_got_result, &result);
  g_assert_false (byline_destination_send_finish (f->editor, byline_test_wait (&result), NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 0);
}

static void
test_return_with_note (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) list_result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  BylineRemoteItem *item;

  receipt = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);

  byline_destination_set_status_async (f->editor, receipt->remote_id, BYLINE_STATUS_RETURNED,
                                       "Bổ sung ý kiến của người dân.", NULL, NULL,
                                       byline_test_got_result, &result);
  byline_destination_set_status_finish (f->editor, byline_test_wait (&result), &error);
  g_assert_no_error (error);

  byline_newsroom_destination_list_items_async (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                BYLINE_STATUS_RETURNED, NULL,
                                                byline_test_got_result, &list_result);
  items = byline_newsroom_destination_list_items_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                         byline_test_wait (&list_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->note, ==, "Bổ sung ý kiến của người dân.");
  g_assert_cmpstr (item->updated_by, ==, "quy");
  g_assert_cmpint (item->status, ==, BYLINE_STATUS_RETURNED);
}

static void
test_review_queue (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BylineArticle) first = byline_test_make_article (f->media);
  g_autoptr(BylineArticle) second = byline_test_make_article (f->media);
  g_autoptr(BylineArticle) draft = byline_test_make_article (f->media);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) get_result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  BylineRemoteItem *item;

  byline_article_set_headline (second, "Lai Châu: khẩn trương khắc phục hậu quả mưa lũ");
  byline_send_receipt_free (send (f->reporter, first, BYLINE_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  byline_send_receipt_free (send (f->reporter, second, BYLINE_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  byline_send_receipt_free (send (f->reporter, draft, BYLINE_STATUS_DRAFT, &error));
  g_assert_no_error (error);

  byline_newsroom_destination_list_items_async (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                BYLINE_STATUS_SUBMITTED, NULL,
                                                byline_test_got_result, &result);
  items = byline_newsroom_destination_list_items_finish (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                         byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);   /* the most recent first */
  g_assert_cmpstr (item->id, ==, byline_article_get_id (second));
  g_assert_cmpstr (item->headline, ==, "Lai Châu: khẩn trương khắc phục hậu quả mưa lũ");
  g_assert_cmpstr (item->updated_by, ==, "huong");
  g_assert_nonnull (item->updated);

  byline_newsroom_destination_get_item_async (BYLINE_NEWSROOM_DESTINATION (f->editor), item->id, NULL,
                                              byline_test_got_result, &get_result);
  bytes = byline_newsroom_destination_get_item_finish (BYLINE_NEWSROOM_DESTINATION (f->editor),
                                                       byline_test_wait (&get_result), &version, &error);
  g_assert_no_error (error);
  expected = expected_item (f, second);
  assert_bytes_equal (bytes, expected);
  g_assert_cmpstr (version, ==, item->version);
}

/* ------------------------------------------------------------ conflicts */

static void
test_conflict_on_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) first = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autofree char *their_etag = NULL;
  BylineSendOptions options = { .status = BYLINE_STATUS_SUBMITTED };
  const char *edited = "{\"uri\": \"urn:uuid:x\", \"headline\": \"Biên tập viên đã sửa\"}";

  first = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  byline_article_set_remote (article, "Toà soạn", first->remote_id, first->remote_version);

  /* An editor changes the story on the server meanwhile. */
  theirs = g_bytes_new_static (edited, strlen (edited));
  byline_newsroom_server_replace_item (f->server, first->remote_id, theirs);
  byline_article_set_lead (article, "Tin cập nhật.");

  byline_destination_send_async (f->reporter, article, &options, NULL, byline_test_got_result, &result);
  g_assert_false (byline_destination_send_finish (f->reporter, byline_test_wait (&result), &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Toà soạn"));
  g_assert_nonnull (strstr (error->message, "Someone else changed this story"));

  /* The receipt carries the server's current version; nothing was overwritten. */
  g_bytes_unref (byline_newsroom_server_get_item (f->server, first->remote_id, &their_etag, NULL));
  g_assert_nonnull (receipt);
  g_assert_cmpstr (receipt->remote_version, ==, their_etag);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 1);
}

static void
test_conflict_on_create (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = send (f->editor, article, BYLINE_STATUS_DRAFT, &error);
  g_assert_no_error (error);

  /* Another copy of the draft (same id), different text, sent as new. */
  copy = byline_article_copy (article);
  byline_article_set_headline (copy, "Một tiêu đề khác");
  g_clear_pointer (&receipt, byline_send_receipt_free);
  receipt = send (f->reporter, copy, BYLINE_STATUS_DRAFT, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
}

static void
test_lost_answer_no_duplicate (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  SendLog log = { g_ptr_array_new_with_free_func (g_free) };

  /* The item is stored, then the connection drops before the answer. */
  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_DROP_RESPONSE, 0, 0, 0, 1);
  receipt = send_full (f->reporter, article, BYLINE_STATUS_SUBMITTED, &log, &error);
  g_assert_null (receipt);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_true (byline_destination_error_is_transient (error));
  g_clear_error (&error);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);

  /* The retry knows nothing from the first answer, yet creates nothing new. */
  receipt = send_full (f->reporter, article, BYLINE_STATUS_SUBMITTED, &log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, &status);
  expected = expected_item (f, article);
  assert_bytes_equal (stored, expected);
  g_assert_cmpstr (status, ==, "submitted");
  g_ptr_array_unref (log.versions);
}

static void
test_lost_answer_then_edited (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  SendLog log = { g_ptr_array_new_with_free_func (g_free) };

  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_DROP_RESPONSE, 0, 0, 0, 1);
  receipt = send_full (f->reporter, article, BYLINE_STATUS_SUBMITTED, &log, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_clear_error (&error);

  /* The reporter fixes a word before the retry: the retry recognizes the
   * version on the server as its own and replaces it, instead of a conflict. */
  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt ba bản");
  receipt = send_full (f->reporter, article, BYLINE_STATUS_SUBMITTED, &log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 1);
  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, NULL);
  expected = expected_item (f, article);
  assert_bytes_equal (stored, expected);
  g_ptr_array_unref (log.versions);
}

static void
test_missing_assets (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *item = g_strdup_printf ("{\"uri\": \"urn:uuid:1\", \"associations\": {\"image1\": "
                                           "{\"renditions\": {\"original\": {\"href\": \"%s/v1/assets/%s.jpg\"}}}}}",
                                           byline_newsroom_server_get_url (f->server),
                                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_autoptr(GBytes) bytes = g_bytes_new (item, strlen (item));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *current = NULL;

  byline_newsroom_destination_put_item_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), "a-1", bytes, NULL,
                                              NULL, byline_test_got_result, &result);
  version = byline_newsroom_destination_put_item_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                         byline_test_wait (&result), &current, &error);
  g_assert_null (version);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "upload them first"));
  g_assert_null (current);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 0);
}

static void
test_invalid_item (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("[1, 2]", 6);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  byline_newsroom_destination_put_item_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), "a-1", bytes, NULL,
                                              NULL, byline_test_got_result, &result);
  version = byline_newsroom_destination_put_item_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                         byline_test_wait (&result), NULL, &error);
  g_assert_null (version);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ninjs"));
}

static void
test_get_missing_item (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) status_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  byline_newsroom_destination_get_item_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), "khong-co", NULL,
                                              byline_test_got_result, &result);
  bytes = byline_newsroom_destination_get_item_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                       byline_test_wait (&result), NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  byline_destination_set_status_async (f->reporter, "khong-co", BYLINE_STATUS_SUBMITTED, NULL, NULL, NULL,
                                       byline_test_got_result, &status_result);
  g_assert_false (byline_destination_set_status_finish (f->reporter, byline_test_wait (&status_result), &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
}

/* -------------------------------------------------------------- pictures */

static void
upload (Fixture     *f,
        GFile       *file,
        const char  *sha256,
        gboolean    *uploaded,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_newsroom_destination_upload_asset_async (BYLINE_NEWSROOM_DESTINATION (f->reporter), file, sha256,
                                                  "image/jpeg", NULL, NULL, NULL,
                                                  byline_test_got_result, &result);
  byline_newsroom_destination_upload_asset_finish (BYLINE_NEWSROOM_DESTINATION (f->reporter),
                                                   byline_test_wait (&result), uploaded, error);
}

static guint
count_files (GFile      *folder,
             const char *child)
{
  g_autoptr(GFile) dir = g_file_get_child (folder, child);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, "standard::name", 0, NULL, NULL);
  guint count = 0;

  while (children != NULL && g_file_enumerator_next_file (children, NULL, NULL) != NULL)
    count++;
  return count;
}

static void
test_picture_too_large (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) blob = byline_test_make_blob (f->media, "big.jpg", 200000, &sha256);
  g_autoptr(GError) error = NULL;

  byline_newsroom_server_set_asset_limit (f->server, 100000);
  upload (f, blob, sha256, NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than this server takes"));
  g_assert_false (byline_destination_error_is_transient (error));
  g_assert_false (byline_newsroom_server_has_asset (f->server, sha256));
}

/* A picture gone from the disk since it was added (on a stick pulled out):
 * the message names it and says so, not in GLib's words. */
static void
test_picture_gone (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) blob = byline_test_make_blob (f->media, "IMG_2041.jpg", 20000, &sha256);
  g_autofree char *says = g_strdup_printf ("Could not read the picture %s: it is not there",
                                          g_file_peek_path (blob));
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_delete (blob, NULL, NULL));
  upload (f, blob, sha256, NULL, &error);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, says);
  g_assert_false (byline_destination_error_is_transient (error));
  g_assert_false (byline_newsroom_server_has_asset (f->server, sha256));
}

static void
test_picture_hash_mismatch (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GFile) blob = byline_test_make_blob (f->media, "a.jpg", 5000, &sha256);
  g_autoptr(GFile) wrong = byline_test_make_blob (f->media, "b.jpg", 6000, &other);
  g_autoptr(GError) error = NULL;

  /* The bytes of one file under the name of another: damaged on the way. */
  upload (f, wrong, sha256, NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
  g_assert_false (byline_newsroom_server_has_asset (f->server, sha256));
  g_assert_false (byline_newsroom_server_has_asset (f->server, other));
  g_assert_cmpuint (count_files (byline_newsroom_server_get_folder (f->server), "tmp"), ==, 0);
}

static void
test_reset_during_upload (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) blob = byline_test_make_blob (f->media, "big.jpg", 4 * 1024 * 1024, &sha256);
  g_autoptr(GError) error = NULL;
  gboolean uploaded = FALSE;

  byline_newsroom_server_inject (f->server, "PUT", "/v1/assets/", BYLINE_FAULT_RESET_IN_BODY,
                                 0, 0, 512 * 1024, 1);
  upload (f, blob, sha256, NULL, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_true (byline_destination_error_is_transient (error));
  g_assert_false (byline_newsroom_server_has_asset (f->server, sha256));
  g_clear_error (&error);

  /* Nothing half-written is left; the next attempt simply starts over. */
  upload (f, blob, sha256, &uploaded, &error);
  g_assert_no_error (error);
  g_assert_true (uploaded);
  g_assert_true (byline_newsroom_server_has_asset (f->server, sha256));
  g_assert_cmpuint (count_files (byline_newsroom_server_get_folder (f->server), "tmp"), ==, 0);
}


static BylineImage *
add_big_picture (Fixture       *f,
                 BylineArticle *article)
{
  g_autoptr(GFile) file = g_file_get_child (f->media, "toan-canh.png");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  BylineImage *image;

  byline_test_write_png (file, 3000, 2000, 0x4a7a2b);
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  image = byline_image_new (sha256, "image/png");
  byline_image_set_file (image, file);
  byline_image_set_size (image, 3000, 2000);
  byline_image_set_caption (image, "Toàn cảnh khu vực sạt lở nhìn từ trên cao.");
  byline_article_add_image (article, image);
  return image;
}

/* The object with an "href" and this width, anywhere in @node. */
static JsonObject *
find_rendition (JsonNode *node,
                gint64    width)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = find_rendition (json_array_get_element (array, i), width);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      if (json_object_has_member (object, "href")
          && json_object_get_int_member_with_default (object, "width", 0) == width)
        return object;
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        {
          JsonObject *found = find_rendition (member, width);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static void
test_pictures_scaled_down (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineImage) big = add_big_picture (f, article);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineSendReceipt) again = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) cache = g_file_new_build_filename (g_get_user_cache_dir (), "byline", NULL);
  g_autofree char *original_sha = g_strdup (byline_image_get_sha256 (big));
  g_autofree char *scaled_sha = NULL;
  g_autofree char *item_text = NULL;
  const char *href = NULL;
  JsonObject *rendition = NULL;

  receipt = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 3);
  g_assert_false (byline_newsroom_server_has_asset (f->server, original_sha));

  /* The item refers to the smaller copy, with its size. */
  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, NULL);
  json_parser_load_from_data (parser, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), &error);
  g_assert_no_error (error);
  rendition = find_rendition (json_parser_get_root (parser), 2048);
  g_assert_nonnull (rendition);
  g_assert_cmpint (json_object_get_int_member (rendition, "height"), ==, 1365);
  href = json_object_get_string_member (rendition, "href");
  g_assert_null (strstr (href, original_sha));
  scaled_sha = g_strndup (strstr (href, "/v1/assets/") + strlen ("/v1/assets/"), 64);
  g_assert_true (byline_newsroom_server_has_asset (f->server, scaled_sha));
  g_assert_cmpuint (byline_newsroom_server_count_assets (f->server), ==, 3);

  /* The draft keeps its original; the scaled copy was temporary. */
  original = g_file_load_bytes (byline_image_get_file (big), NULL, NULL, &error);
  g_assert_no_error (error);
  item_text = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  g_assert_cmpstr (item_text, ==, original_sha);
  g_assert_cmpuint (count_files (cache, "uploads"), ==, 0);

  /* Scaling is the same every time: the next send uploads nothing. */
  byline_article_set_remote (article, "Toà soạn", receipt->remote_id, receipt->remote_version);
  again = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->assets_uploaded, ==, 0);
  g_assert_cmpstr (again->remote_version, ==, receipt->remote_version);
}

static void
test_pictures_full_size (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (f->media);
  g_autoptr(BylineImage) big = add_big_picture (f, article);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;

  byline_newsroom_destination_set_max_image_edge (BYLINE_NEWSROOM_DESTINATION (f->reporter), 0);
  receipt = send (f->reporter, article, BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_true (byline_newsroom_server_has_asset (f->server, byline_image_get_sha256 (big)));
  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (article), NULL, NULL);
  expected = expected_item (f, article);
  assert_bytes_equal (stored, expected);
}

/* ------------------------------------------------------ failing answers */

typedef struct
{
  guint        status;
  guint        retry_after;
  int          code;
  gboolean     transient;
  const char  *words;
} StatusCase;

static const StatusCase status_cases[] = {
  { 400, 0, BYLINE_ERROR_INVALID, FALSE, "bad day" },
  { 401, 0, BYLINE_ERROR_AUTH, FALSE, "Wrong token or password" },
  { 403, 0, BYLINE_ERROR_FORBIDDEN, FALSE, "bad day" },
  { 404, 0, BYLINE_ERROR_NOT_FOUND, FALSE, "bad day" },
  { 408, 0, BYLINE_ERROR_SERVER, TRUE, "busy" },
  { 409, 0, BYLINE_ERROR_CONFLICT, FALSE, "bad day" },
  { 412, 0, BYLINE_ERROR_CONFLICT, FALSE, "bad day" },
  { 413, 0, BYLINE_ERROR_TOO_LARGE, FALSE, "bad day" },
  { 422, 0, BYLINE_ERROR_INVALID, FALSE, "bad day" },
  { 429, 7, BYLINE_ERROR_SERVER, TRUE, "asks to wait 7 seconds" },
  { 500, 0, BYLINE_ERROR_SERVER, TRUE, "500" },
  { 502, 0, BYLINE_ERROR_SERVER, TRUE, "502" },
  { 503, 30, BYLINE_ERROR_SERVER, TRUE, "503" },
};

static void
test_status (gconstpointer data)
{
  const StatusCase *c = data;
  g_autoptr(BylineNewsroomServer) server = byline_test_newsroom_server_new ();
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_monotonic_time ();

  destination = byline_newsroom_destination_new ("x", byline_newsroom_server_get_url (server),
                                                 BYLINE_TEST_REPORTER_TOKEN, &error);
  byline_newsroom_server_inject (server, "GET", "/v1/me", BYLINE_FAULT_STATUS, c->status,
                                 c->retry_after, 0, 1);
  identity = check (destination, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, c->code);
  g_assert_true (byline_destination_error_is_transient (error) == c->transient);
  if (strstr (error->message, c->words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, c->words);

  if (c->retry_after > 0)
    {
      gint64 not_before = byline_destination_get_not_before (destination);

      g_assert_cmpint (not_before, >=, before + (c->retry_after - 1) * G_USEC_PER_SEC);
      g_assert_cmpint (not_before, <=, g_get_monotonic_time () + c->retry_after * G_USEC_PER_SEC);
    }
  else
    g_assert_cmpint (byline_destination_get_not_before (destination), ==, 0);

  /* Only that one request failed. */
  g_clear_pointer (&identity, byline_identity_free);
  g_clear_error (&error);
  identity = check (destination, &error);
  g_assert_no_error (error);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  gint64 start = g_get_monotonic_time ();

  g_object_set (byline_newsroom_destination_get_session (BYLINE_NEWSROOM_DESTINATION (f->reporter)),
                "timeout", 1, NULL);
  byline_newsroom_server_inject (f->server, "GET", "/v1/me", BYLINE_FAULT_HANG, 0, 0, 0, 1);
  identity = check (f->reporter, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "did not answer in time"));
  g_assert_true (byline_destination_error_is_transient (error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_dns_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;

  destination = byline_newsroom_destination_new ("x", "http://toasoan.invalid", "t", &error);
  g_assert_no_error (error);
  identity = check (destination, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "Could not find the server toasoan.invalid"));
  g_assert_true (byline_destination_error_is_transient (error));
}

static void
test_connection_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago and is closed again. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  destination = byline_newsroom_destination_new ("x", url, "t", &error);
  identity = check (destination, &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_true (byline_destination_error_is_transient (error));
}

static void
test_untrusted_certificate (void)
{
  g_autofree char *pem = byline_test_data_path ("self-signed.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(GFile) folder = byline_test_make_folder ("tls-newsroom");
  g_autoptr(BylineNewsroomServer) server = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;

  g_assert_no_error (error);
  server = byline_newsroom_server_new (folder, &error);
  g_assert_no_error (error);
  byline_newsroom_server_add_user (server, "t", "huong", "Hương", "reporter");
  byline_newsroom_server_listen (server, 0, certificate, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (byline_newsroom_server_get_url (server), "https://"));

  destination = byline_newsroom_destination_new ("x", byline_newsroom_server_get_url (server), "t", &error);
  identity = check (destination, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "cannot be trusted"));
  g_assert_false (byline_destination_error_is_transient (error));
  /* Refused before anything was said: the server never saw a request. */
  g_assert_cmpuint (byline_newsroom_server_count_requests (server, NULL, "/"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Hermetic: the machine's proxy settings (GSettings schemas are hidden from
   * the isolated test folders anyway) play no part on loopback. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_init (&argc, &argv);

  TEST ("me/reporter", test_me_reporter);
  TEST ("me/editor", test_me_editor);
  TEST ("me/wrong-token", test_wrong_token);
  TEST ("categories", test_categories);
  g_test_add_func ("/newsroom/invalid-url", test_invalid_url);

  TEST ("send/submit", test_submit);
  TEST ("send/resend-skips-pictures", test_resend_skips_pictures);
  TEST ("send/server-has-picture", test_server_has_picture);
  TEST ("send/already-there-without-head", test_upload_already_there_without_head);
  TEST ("send/publish-needs-editor", test_publish_needs_editor);
  TEST ("send/publish-as-editor", test_publish_as_editor);
  TEST ("send/schedule", test_schedule);
  TEST ("send/schedule-needs-time", test_schedule_needs_time);
  TEST ("status/return-with-note", test_return_with_note);
  TEST ("review-queue", test_review_queue);

  TEST ("conflict/update", test_conflict_on_update);
  TEST ("conflict/create", test_conflict_on_create);
  TEST ("lost-answer/no-duplicate", test_lost_answer_no_duplicate);
  TEST ("lost-answer/then-edited", test_lost_answer_then_edited);
  TEST ("item/missing-assets", test_missing_assets);
  TEST ("item/invalid", test_invalid_item);
  TEST ("item/missing", test_get_missing_item);

  TEST ("picture/too-large", test_picture_too_large);
  TEST ("picture/hash-mismatch", test_picture_hash_mismatch);
  TEST ("picture/gone", test_picture_gone);
  TEST ("picture/reset-during-upload", test_reset_during_upload);
  TEST ("picture/scaled-down", test_pictures_scaled_down);
  TEST ("picture/full-size", test_pictures_full_size);

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/newsroom/answer/%u", status_cases[i].status);

      g_test_add_data_func (path, &status_cases[i], test_status);
    }
  TEST ("failure/timeout", test_timeout);
  g_test_add_func ("/newsroom/failure/dns", test_dns_failure);
  g_test_add_func ("/newsroom/failure/connection-refused", test_connection_refused);
  g_test_add_func ("/newsroom/failure/untrusted-certificate", test_untrusted_certificate);

  return g_test_run ();
}
