/* test-outbox.c — jobs that survive restarts, bad lines and lost answers
 *
 * Against the in-process reference server, with a network monitor the test
 * switches on and off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gunixmounts.h>

#include "byline-test-utils.h"
#include "byline-destination.h"
#include "byline-folder-destination.h"
#include "byline-newsroom-destination.h"
#include "byline-outbox.h"
#include "byline-outbox-private.h"
#include "publish-test-utils.h"
#include "test-network-monitor.h"

#define DESTINATION "Toà soạn"

/* ---------------------------------------------------------------- fixture */

typedef struct
{
  BylineNewsroomServer *server;
  BylineDraftStore     *store;
  BylineTestNetworkMonitor *monitor;
  BylineDestination    *reporter;
  BylineOutbox         *outbox;
  BylineArticle        *article;
  guint                 finished;
} Fixture;

static void
job_finished_cb (BylineOutbox    *outbox,
                 BylineOutboxJob *job,
                 Fixture         *f)
{
  f->finished++;
}

static BylineOutbox *
new_outbox (Fixture *f)
{
  BylineOutbox *outbox = byline_outbox_new (f->store, G_NETWORK_MONITOR (f->monitor));

  byline_outbox_set_backoff (outbox, 20, 200);
  byline_outbox_add_destination (outbox, f->reporter);
  g_signal_connect (outbox, "job-finished", G_CALLBACK (job_finished_cb), f);
  return outbox;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("drafts");
  g_autoptr(GFile) media = byline_test_make_folder ("media");
  g_autoptr(GError) error = NULL;

  f->server = byline_test_newsroom_server_new ();
  f->store = byline_draft_store_new (drafts);
  f->monitor = byline_test_network_monitor_new ();
  f->reporter = byline_newsroom_destination_new (DESTINATION, byline_newsroom_server_get_url (f->server),
                                                 BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  f->article = byline_test_make_article (media);
  byline_article_set_status (f->article, BYLINE_STATUS_DRAFT);
  byline_article_set_remote (f->article, "toà soạn", NULL, NULL);
  byline_draft_store_save (f->store, f->article, &error);
  g_assert_no_error (error);
  f->outbox = new_outbox (f);
}

static void
stop_and_drop (BylineOutbox **outbox)
{
  byline_outbox_stop (*outbox);
  /* A send in flight holds the outbox until it has noted its end. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (outbox);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  byline_newsroom_server_release_hung (f->server);
  if (f->outbox != NULL)
    stop_and_drop (&f->outbox);
  g_clear_object (&f->article);
  g_clear_object (&f->reporter);
  g_clear_object (&f->monitor);
  g_clear_object (&f->store);
  g_clear_object (&f->server);
}

#define TEST(path, func) \
  g_test_add ("/outbox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  BylineOutboxJob      *job;
  BylineOutboxJobState  state;
} StateWait;

static gboolean
job_in_state (gpointer data)
{
  StateWait *wait = data;

  return byline_outbox_job_get_state (wait->job) == wait->state;
}

static void
wait_for_state (BylineOutboxJob      *job,
                BylineOutboxJobState  state,
                guint                 timeout_ms)
{
  StateWait wait = { job, state };

  if (!byline_test_wait_until (job_in_state, &wait, timeout_ms))
    g_error ("The job is %s (%s), not %s",
             byline_outbox_job_state_to_string (byline_outbox_job_get_state (job)),
             byline_outbox_job_get_error_message (job) ?: "no error",
             byline_outbox_job_state_to_string (state));
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
run_for (guint ms)
{
  byline_test_wait_until (never, NULL, ms);
}

static BylineOutboxJob *
enqueue (Fixture      *f,
         BylineStatus  status)
{
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *job = byline_outbox_enqueue (f->outbox, byline_article_get_id (f->article), DESTINATION,
                                                status, "Nhờ anh xem giúp", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (job);
  return job;
}

static GFile *
outbox_file (Fixture *f)
{
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (f->store, byline_article_get_id (f->article));

  return g_file_get_child (folder, "outbox.json");
}

static char *
outbox_text (Fixture *f)
{
  g_autoptr(GFile) file = outbox_file (f);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GBytes *
expected_item (Fixture       *f,
               BylineArticle *article)
{
  g_autofree char *media_base = g_strconcat (byline_newsroom_server_get_url (f->server), "/v1/assets/", NULL);
  BylineNinjsOptions options = { .media_base = media_base };

  return byline_ninjs_export_bytes (article, &options);
}

/* The item the outbox will send: the draft as saved now. */
static GBytes *
expected_now (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) saved = byline_draft_store_load (f->store, byline_article_get_id (f->article), &error);

  g_assert_no_error (error);
  return expected_item (f, saved);
}

static void
assert_server_has (Fixture    *f,
                   const char *status,
                   GBytes     *expected)
{
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *server_status = NULL;

  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (f->article), NULL, &server_status);
  g_assert_nonnull (stored);
  g_assert_cmpstr (server_status, ==, status);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* ------------------------------------------------------------------ tests */

static void
test_backoff (void)
{
  /* Exponential, capped, with half of it random. */
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 1, 0.0), ==, 500);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 1, 0.999), >=, 990);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 3, 0.0), ==, 2000);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 3, 0.999), <=, 4000);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 30, 0.999), <=, 60000);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 30, 0.0), ==, 30000);
  g_assert_cmpuint (_byline_outbox_backoff_ms (1000, 60000, 1000, 0.5), ==, 45000);
}

static void
test_enqueue_persists (Fixture       *f,
                       gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autofree char *text = outbox_text (f);
  g_autoptr(BylineOutbox) again = new_outbox (f);
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *loaded;

  /* On disk before anything is sent (the outbox was not started). */
  g_assert_nonnull (strstr (text, byline_outbox_job_get_id (job)));
  g_assert_nonnull (strstr (text, "\"queued\""));
  g_assert_nonnull (strstr (text, "Nhờ anh xem giúp"));
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, 1);

  g_assert_true (byline_outbox_load (again, &error));
  g_assert_no_error (error);
  loaded = byline_outbox_find (again, byline_outbox_job_get_id (job));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (byline_outbox_job_get_draft_id (loaded), ==, byline_article_get_id (f->article));
  g_assert_cmpstr (byline_outbox_job_get_destination (loaded), ==, DESTINATION);
  g_assert_cmpint (byline_outbox_job_get_status (loaded), ==, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpstr (byline_outbox_job_get_note (loaded), ==, "Nhờ anh xem giúp");
  g_assert_cmpint (byline_outbox_job_get_state (loaded), ==, BYLINE_OUTBOX_JOB_QUEUED);
  g_assert_cmpuint (byline_outbox_get_n_pending (again), ==, 1);
}

static void
test_sends (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GFile) file = outbox_file (f);
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  assert_server_has (f, "submitted", expected);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 1);
  g_assert_cmpfloat (byline_outbox_job_get_progress (job), ==, 1.0);
  g_assert_null (byline_outbox_job_get_error_message (job));
  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpuint (byline_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_false (g_file_query_exists (file, NULL));

  /* The draft knows where it went and at which version. */
  saved = byline_draft_store_load (f->store, byline_article_get_id (f->article), &error);
  g_assert_no_error (error);
  g_bytes_unref (byline_newsroom_server_get_item (f->server, byline_article_get_id (f->article), &etag, NULL));
  g_assert_cmpstr (byline_article_get_remote_id (saved, DESTINATION), ==, byline_article_get_id (f->article));
  g_assert_cmpstr (byline_article_get_remote_version (saved, DESTINATION), ==, etag);
  g_assert_cmpstr (byline_outbox_job_get_remote_version (job), ==, etag);
  g_assert_cmpint (byline_article_get_status (saved), ==, BYLINE_STATUS_SUBMITTED);

  byline_outbox_clear_sent (f->outbox);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, 0);
}

static void
test_second_send_updates (Fixture       *f,
                          gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_DRAFT);
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);

  /* Edited and sent again: the same item replaced (If-Match), not a new one. */
  saved = byline_draft_store_load (f->store, byline_article_get_id (f->article), &error);
  g_assert_no_error (error);
  byline_article_set_headline (saved, "Nậm Nhùn: đã thông tuyến Quốc lộ 4H");
  byline_draft_store_save (f->store, saved, &error);
  g_assert_no_error (error);
  job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);

  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 201), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 200), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 0);
}

static void
test_retries_server_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);

  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_STATUS, 503, 0, 0, 1);
  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_STATUS, 500, 0, 0, 1);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);
  g_assert_nonnull (strstr (byline_outbox_job_get_error_message (job), "503"));
  g_assert_nonnull (byline_outbox_job_get_next_attempt (job));

  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 3);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 503), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 500), ==, 1);
  assert_server_has (f, "submitted", expected);
  /* The pictures went up once, in the first attempt. */
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "PUT", "/v1/assets/"), ==, 2);
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  gint64 start = g_get_monotonic_time ();

  byline_newsroom_server_inject (f->server, "HEAD", "/v1/assets/", BYLINE_FAULT_STATUS, 429, 1, 0, 1);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  /* The backoff alone would be 10–20 ms: the server said a second. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 2);
}

static void
test_no_retry_on_refusal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_PUBLISHED);
  g_autoptr(BylineDestination) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_FAILED, 5000);
  g_assert_cmpstr (byline_outbox_job_get_error_message (job), ==,
                   "Publishing needs the editor role; your account has the reporter role.");
  g_assert_cmpuint (f->finished, ==, 1);
  run_for (300);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 1);
  text = outbox_text (f);
  g_assert_nonnull (strstr (text, "\"failed\""));
  g_assert_nonnull (strstr (text, "editor role"));

  /* The account gets the editor's token; Retry. */
  editor = byline_newsroom_destination_new (DESTINATION, byline_newsroom_server_get_url (f->server),
                                            BYLINE_TEST_EDITOR_TOKEN, &error);
  byline_outbox_add_destination (f->outbox, editor);
  g_assert_true (byline_outbox_retry (f->outbox, byline_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  assert_server_has (f, "published", expected);
}

static void
test_wrong_token_not_retried (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BylineDestination) wrong = NULL;
  g_autoptr(BylineOutbox) again = NULL;
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *job;
  BylineOutboxJob *loaded;

  wrong = byline_newsroom_destination_new (DESTINATION, byline_newsroom_server_get_url (f->server),
                                           "sai-mat-khau", &error);
  byline_outbox_add_destination (f->outbox, wrong);
  job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_FAILED, 5000);
  g_assert_nonnull (strstr (byline_outbox_job_get_error_message (job), "Wrong token or password"));
  run_for (200);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 1);

  /* The account is what to fix, also after a restart. */
  g_assert_true (byline_outbox_job_get_account_problem (job));
  again = new_outbox (f);
  g_assert_true (byline_outbox_load (again, &error));
  g_assert_no_error (error);
  loaded = byline_outbox_find (again, byline_outbox_job_get_id (job));
  g_assert_cmpint (byline_outbox_job_get_state (loaded), ==, BYLINE_OUTBOX_JOB_FAILED);
  g_assert_true (byline_outbox_job_get_account_problem (loaded));
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  BylineOutboxJob *job;

  byline_test_network_monitor_set_online (f->monitor, FALSE);
  job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);
  g_assert_cmpstr (byline_outbox_job_get_error_message (job), ==, "Waiting for a network connection.");
  run_for (200);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 0);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 0);

  /* The line comes back: it goes by itself. */
  byline_test_network_monitor_set_online (f->monitor, TRUE);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 1);
  assert_server_has (f, "submitted", expected);
}

static void
test_offline_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) share = byline_test_make_folder ("share");
  g_autoptr(BylineDestination) folder = byline_folder_destination_new ("Thư mục", share);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) where = NULL;
  BylineOutboxJob *job;
  BylineStatus status;

  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (folder), TRUE);

  /* A local folder needs no network. */
  byline_test_network_monitor_set_online (f->monitor, FALSE);
  byline_outbox_add_destination (f->outbox, folder);
  job = byline_outbox_enqueue (f->outbox, byline_article_get_id (f->article), "Thư mục",
                               BYLINE_STATUS_SUBMITTED, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  where = byline_folder_destination_find (BYLINE_FOLDER_DESTINATION (folder),
                                          byline_article_get_id (f->article), &status);
  g_assert_nonnull (where);
  g_assert_cmpint (status, ==, BYLINE_STATUS_SUBMITTED);
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  BylineOutboxJob *job;

  byline_test_network_monitor_set_online (f->monitor, FALSE);
  job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  id = g_strdup (byline_outbox_job_get_id (job));
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);

  /* Byline quits; later it starts again, online. */
  stop_and_drop (&f->outbox);
  byline_test_network_monitor_set_online (f->monitor, TRUE);
  f->outbox = new_outbox (f);
  g_assert_true (byline_outbox_load (f->outbox, &error));
  g_assert_no_error (error);
  job = byline_outbox_find (f->outbox, id);
  g_assert_nonnull (job);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  assert_server_has (f, "submitted", expected);
}

/* After a restart the jobs are in the order they were queued (the list
 * model's "oldest first"), whatever the order of their drafts' folders. */
static void
test_restart_keeps_order (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  byline_test_network_monitor_set_online (f->monitor, FALSE);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(BylineArticle) other = byline_article_new ();
      g_autofree char *headline = g_strdup_printf ("Tin số %u", i);
      BylineOutboxJob *job;

      byline_article_set_headline (other, headline);
      g_assert_true (byline_draft_store_save (f->store, other, &error));
      g_assert_no_error (error);
      job = byline_outbox_enqueue (f->outbox, byline_article_get_id (other), DESTINATION,
                                   BYLINE_STATUS_SUBMITTED, NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (byline_outbox_job_get_id (job)));
    }

  stop_and_drop (&f->outbox);
  f->outbox = new_outbox (f);
  g_assert_true (byline_outbox_load (f->outbox, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BylineOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (f->outbox), i);

      g_assert_cmpstr (byline_outbox_job_get_id (job), ==, g_ptr_array_index (ids, i));
    }
}

static void
test_lost_answer_across_restart (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);

  /* The story lands, the answer is lost; the next try is a minute away. */
  byline_outbox_set_backoff (f->outbox, 60000, 60000);
  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_DROP_RESPONSE, 0, 0, 0, 1);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  id = g_strdup (byline_outbox_job_get_id (job));
  text = outbox_text (f);
  g_assert_nonnull (strstr (text, "written_versions"));
  stop_and_drop (&f->outbox);

  /* Meanwhile the reporter corrects the headline. */
  saved = byline_draft_store_load (f->store, byline_article_get_id (f->article), &error);
  g_assert_no_error (error);
  byline_article_set_headline (saved, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt ba bản");
  byline_draft_store_save (f->store, saved, &error);
  g_assert_no_error (error);
  g_set_object (&f->article, saved);
  expected = expected_now (f);

  /* A new Byline, the line back: one story on the server, the corrected one. */
  f->outbox = new_outbox (f);
  g_assert_true (byline_outbox_load (f->outbox, &error));
  job = byline_outbox_find (f->outbox, id);
  g_assert_nonnull (job);
  g_assert_cmpint (byline_outbox_job_get_state (job), ==, BYLINE_OUTBOX_JOB_WAITING);
  byline_outbox_start (f->outbox);
  byline_test_network_monitor_set_online (f->monitor, TRUE);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  /* The create whose answer was lost, then: a 412 naming our own version,
   * recognized from outbox.json, and the replacement by the corrected story. */
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "PUT", "/v1/items/"), ==, 3);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 412), ==, 1);
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 200), ==, 1);
  assert_server_has (f, "submitted", expected);
}

static void
test_cut_in_upload (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) expected = expected_now (f);
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);

  /* The line drops in the middle of the first picture, and stays down a while. */
  byline_outbox_set_backoff (f->outbox, 60000, 60000);
  byline_newsroom_server_inject (f->server, "PUT", "/v1/assets/", BYLINE_FAULT_RESET_IN_BODY, 0, 0, 1, 1);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 0);
  byline_test_network_monitor_set_online (f->monitor, FALSE);
  run_for (100);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 1);

  byline_test_network_monitor_set_online (f->monitor, TRUE);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 2);
  assert_server_has (f, "submitted", expected);
  g_assert_cmpuint (byline_newsroom_server_count_assets (f->server), ==, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GFile) file = outbox_file (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (byline_outbox_cancel (f->outbox, byline_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, 0);
  byline_outbox_start (f->outbox);
  run_for (100);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 0);

  g_assert_false (byline_outbox_cancel (f->outbox, "khong-co", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
}

static void
test_cancel_while_sending (Fixture       *f,
                           gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineOutboxJob) held = g_object_ref (job);
  g_autoptr(GFile) file = outbox_file (f);
  g_autoptr(GError) error = NULL;

  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_HANG, 0, 0, 0, 1);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENDING, 5000);
  run_for (100);
  g_assert_true (byline_outbox_cancel (f->outbox, byline_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  run_for (100);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_cmpint (byline_outbox_job_get_state (held), ==, BYLINE_OUTBOX_JOB_SENDING);
}

static void
test_enqueue_twice (Fixture       *f,
                    gconstpointer  data)
{
  BylineOutboxJob *first = enqueue (f, BYLINE_STATUS_DRAFT);
  BylineOutboxJob *second = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GError) error = NULL;

  g_assert_true (first == second);
  g_assert_cmpint (byline_outbox_job_get_status (first), ==, BYLINE_STATUS_SUBMITTED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, 1);

  g_assert_null (byline_outbox_enqueue (f->outbox, "khong-co-ban-nhap", DESTINATION,
                                        BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (byline_outbox_enqueue (f->outbox, byline_article_get_id (f->article), DESTINATION,
                                        BYLINE_STATUS_SCHEDULED, NULL, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
}

static void
test_deleted_draft (Fixture       *f,
                    gconstpointer  data)
{
  BylineOutboxJob *job = enqueue (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GError) error = NULL;

  byline_draft_store_delete (f->store, byline_article_get_id (f->article), &error);
  g_assert_no_error (error);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_FAILED, 5000);
  g_assert_true (g_str_has_prefix (byline_outbox_job_get_error_message (job), "The draft is gone"));
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/"), ==, 0);
}

/* A shared folder whose network drive is not connected: the story waits,
 * and goes by itself once the drive is back: at once when it is mounted. */
static void
test_folder_drive_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) mount_point = byline_test_make_folder ("mnt");
  g_autoptr(BylineDestination) share = byline_folder_destination_new ("Ổ mạng chung", mount_point);
  g_autoptr(GFile) mark = g_file_get_child (mount_point, ".byline-newsroom");
  g_autoptr(GUnixMountMonitor) mounts = g_unix_mount_monitor_get ();
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *job;

  /* Tries a minute apart: only the drive's mount can make it go sooner. */
  byline_outbox_set_backoff (f->outbox, 60 * 1000, 60 * 1000);
  byline_outbox_add_destination (f->outbox, share);
  job = byline_outbox_enqueue (f->outbox, byline_article_get_id (f->article), "Ổ mạng chung",
                               BYLINE_STATUS_SUBMITTED, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_outbox_start (f->outbox);
  wait_for_state (job, BYLINE_OUTBOX_JOB_WAITING, 5000);
  g_assert_nonnull (strstr (byline_outbox_job_get_error_message (job), "is its network drive connected?"));
  g_assert_null (byline_folder_destination_find (BYLINE_FOLDER_DESTINATION (share),
                                                 byline_article_get_id (f->article), NULL));

  /* Connected: the newsroom's folder, marked when it was set up, is there,
   * and the system says a drive was mounted. */
  g_file_replace_contents (mark, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  run_for (200);
  g_assert_cmpint (byline_outbox_job_get_state (job), ==, BYLINE_OUTBOX_JOB_WAITING);
  g_signal_emit_by_name (mounts, "mounts-changed");
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), ==, 2);
  g_assert_nonnull (byline_folder_destination_find (BYLINE_FOLDER_DESTINATION (share),
                                                    byline_article_get_id (f->article), NULL));
}

static void
test_unknown_destination_waits (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BylineOutboxJob *job = byline_outbox_enqueue (f->outbox, byline_article_get_id (f->article), "Chưa có",
                                                BYLINE_STATUS_SUBMITTED, NULL, NULL, &error);
  g_autoptr(GFile) share = byline_test_make_folder ("share");
  g_autoptr(BylineDestination) later = byline_folder_destination_new ("Chưa có", share);

  g_assert_no_error (error);
  byline_outbox_start (f->outbox);
  run_for (100);
  g_assert_cmpint (byline_outbox_job_get_state (job), ==, BYLINE_OUTBOX_JOB_QUEUED);

  /* The account is set up: the job goes. */
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (later), TRUE);
  byline_outbox_add_destination (f->outbox, later);
  wait_for_state (job, BYLINE_OUTBOX_JOB_SENT, 5000);
}

static void
test_damaged_outbox_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = outbox_file (f);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, "{ \"format\": ", 12, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_test_expect_warning ("Skipping an outbox: *outbox.json*");
  g_assert_true (byline_outbox_load (f->outbox, &error));
  g_assert_cmpuint (byline_test_expect_warning (NULL), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->outbox)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_catch_warnings ();
  byline_test_init (&argc, &argv);

  g_test_add_func ("/outbox/backoff", test_backoff);
  TEST ("enqueue-persists", test_enqueue_persists);
  TEST ("sends", test_sends);
  TEST ("second-send-updates", test_second_send_updates);
  TEST ("retries-server-errors", test_retries_server_errors);
  TEST ("retry-after", test_retry_after);
  TEST ("no-retry-on-refusal", test_no_retry_on_refusal);
  TEST ("wrong-token-not-retried", test_wrong_token_not_retried);
  TEST ("offline", test_offline);
  TEST ("offline-folder", test_offline_folder);
  TEST ("folder-drive-back", test_folder_drive_back);
  TEST ("restart", test_restart);
  TEST ("restart-keeps-order", test_restart_keeps_order);
  TEST ("lost-answer-across-restart", test_lost_answer_across_restart);
  TEST ("cut-in-upload", test_cut_in_upload);
  TEST ("cancel", test_cancel);
  TEST ("cancel-while-sending", test_cancel_while_sending);
  TEST ("enqueue-twice", test_enqueue_twice);
  TEST ("deleted-draft", test_deleted_draft);
  TEST ("unknown-destination-waits", test_unknown_destination_waits);
  TEST ("damaged-outbox-file", test_damaged_outbox_file);

  return g_test_run ();
}
