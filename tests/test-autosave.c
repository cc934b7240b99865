/* test-autosave.c — the draft store saves a watched article after a pause in
 * its changes, reports what fails, and flushes on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* @call returns TRUE and leaves the local GError *error unset; shows the
 * error's message when it does not. */
#define assert_success(call) G_STMT_START {   \
    gboolean success_ = (call);               \
    g_assert_no_error (error);                \
    g_assert_true (success_);                 \
  } G_STMT_END

static BylineArticle *
save_new_article (BylineDraftStore *store)
{
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = byline_test_make_article (photos);
  g_autoptr(GError) error = NULL;

  assert_success (byline_draft_store_save (store, article, &error));
  return g_steal_pointer (&article);
}

/* --------------------------------------------------------------- autosave */

typedef struct
{
  guint   saved;
  guint   failed;
  GError *error;
} AutosaveLog;

static void
on_saved (BylineDraftStore *store,
          BylineArticle    *article,
          AutosaveLog      *log)
{
  log->saved++;
}

static void
on_failed (BylineDraftStore *store,
           BylineArticle    *article,
           const GError     *error,
           AutosaveLog      *log)
{
  log->failed++;
  g_clear_error (&log->error);
  log->error = g_error_copy (error);
}

static void
run_until (guint *counter,
           guint  value,
           guint  timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while ((counter == NULL || *counter < value) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_autosave (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylineArticle) other = NULL;
  g_autoptr(GError) error = NULL;
  AutosaveLog log = { 0 };
  BylineBody *body = byline_article_get_body (article);
  const char *id = byline_article_get_id (article);

  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &log);
  g_signal_connect (store, "autosave-failed", G_CALLBACK (on_failed), &log);

  byline_draft_store_watch (store, article, 100);
  g_assert_false (byline_draft_store_is_dirty (store, article));

  /* Several edits of every kind: one save, after the last. */
  byline_article_set_headline (article, "Nậm Nhùn: đã thông tuyến Quốc lộ 4H");
  byline_body_insert_text (body, 0, 0, "Cập nhật: ");
  byline_image_set_caption (byline_article_get_image (article, 1), "Bộ đội giúp dân.");
  byline_article_set_lead (article, "(BLC) - Sáng 11/8, tuyến đường đã thông.");
  g_assert_true (byline_draft_store_is_dirty (store, article));
  g_assert_cmpuint (log.saved, ==, 0);

  run_until (&log.saved, 1, 5000);
  g_assert_cmpuint (log.saved, ==, 1);
  run_until (NULL, 0, 400);
  g_assert_cmpuint (log.saved, ==, 1);
  g_assert_false (byline_draft_store_is_dirty (store, article));
  g_assert_cmpuint (byline_article_get_revision (article), ==, 2);

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (article, loaded);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (loaded, 1)), ==,
                   "Bộ đội giúp dân.");

  /* flush saves at once, and only when there is something to save. */
  byline_article_set_category (article, "Thời sự");
  assert_success (byline_draft_store_flush (store, article, &error));
  g_assert_cmpuint (log.saved, ==, 2);
  assert_success (byline_draft_store_flush (store, article, &error));
  g_assert_cmpuint (log.saved, ==, 2);
  run_until (NULL, 0, 300);
  g_assert_cmpuint (log.saved, ==, 2);

  /* Someone else saves: the autosave reports the conflict and stays dirty. */
  other = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_article_set_headline (other, "Bản khác");
  assert_success (byline_draft_store_save (store, other, &error));
  g_assert_cmpuint (log.saved, ==, 3);
  byline_article_set_headline (article, "Bản của tôi");
  run_until (&log.failed, 1, 5000);
  g_assert_cmpuint (log.failed, ==, 1);
  g_assert_error (log.error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_true (byline_draft_store_is_dirty (store, article));

  /* Unwatched: changes are not saved. */
  byline_draft_store_unwatch (store, article);
  g_assert_false (byline_draft_store_is_dirty (store, article));
  byline_article_set_headline (article, "Không lưu");
  run_until (NULL, 0, 300);
  g_assert_cmpuint (log.saved, ==, 3);
  g_assert_cmpuint (log.failed, ==, 1);

  g_clear_error (&log.error);
}

static gboolean
type_a_letter (gpointer data)
{
  BylineArticle *article = data;
  BylineBody *body = byline_article_get_body (article);

  byline_body_insert_text (body, 0, 0, "a");
  return G_SOURCE_CONTINUE;
}

/* Typing without pause must not put the save off for ever. */
static void
test_autosave_max_wait (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  AutosaveLog log = { 0 };
  guint typing;

  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &log);
  byline_draft_store_watch (store, article, 50);
  typing = g_timeout_add (10, type_a_letter, article);
  run_until (NULL, 0, 1200);
  g_source_remove (typing);
  g_assert_cmpuint (log.saved, >=, 1);
  byline_draft_store_unwatch (store, article);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/autosave/debounce", test_autosave);
  g_test_add_func ("/autosave/max-wait", test_autosave_max_wait);

  return g_test_run ();
}
