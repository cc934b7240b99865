/* test-draft-store.c — drafts on disk: round trip, summaries, history, trash,
 * conflicts, hostile ids and damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <time.h>
#include <utime.h>

#include "byline-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* @call returns TRUE and leaves the local GError *error unset; shows the
 * error's message when it does not. */
#define assert_success(call) G_STMT_START {   \
    gboolean success_ = (call);               \
    g_assert_no_error (error);                \
    g_assert_true (success_);                 \
  } G_STMT_END

static char *
draft_path (BylineDraftStore *store,
            const char       *id,
            const char       *name)
{
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (store, id);

  g_assert_nonnull (folder);
  return g_build_filename (g_file_peek_path (folder), name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_string (const char *path,
              const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static BylineArticle *
save_new_article (BylineDraftStore *store)
{
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = byline_test_make_article (photos);
  g_autoptr(GError) error = NULL;

  assert_success (byline_draft_store_save (store, article, &error));
  return g_steal_pointer (&article);
}

static char *
sha256_of_file (GFile *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* ------------------------------------------------------------ round trip */

static void
test_round_trip (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = byline_test_make_article (photos);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylineArticle) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_folder = g_build_filename (g_get_user_data_dir (), "byline", "drafts", NULL);
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  const char *id = byline_article_get_id (article);

  g_assert_cmpstr (g_file_peek_path (byline_draft_store_get_folder (store)), ==, expected_folder);
  g_assert_false (byline_draft_store_contains (store, id));
  g_assert_cmpuint (byline_article_get_revision (article), ==, 0);

  assert_success (byline_draft_store_save (store, article, &error));
  g_assert_cmpuint (byline_article_get_revision (article), ==, 1);
  g_assert_true (byline_draft_store_contains (store, id));
  /* The save is the modification time, in whole seconds. */
  g_assert_cmpint (g_date_time_to_unix (byline_article_get_modified (article)), >=,
                   g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_get_microsecond (byline_article_get_modified (article)), ==, 0);

  /* The draft no longer needs the original photos. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) original = g_file_get_child (photos, i == 0 ? "sat-lo-quoc-lo.png"
                                                                    : "luc-luong-cuu-ho.png");
      g_assert_true (g_file_delete (original, NULL, NULL));
    }

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (article, loaded);
  g_assert_cmpuint (byline_article_get_revision (loaded), ==, 1);

  for (guint i = 0; i < byline_article_get_n_images (loaded); i++)
    {
      BylineImage *image = byline_article_get_image (loaded, i);
      BylineImage *saved = byline_article_get_image (article, i);
      g_autofree char *relative = byline_image_dup_media_path (image);
      g_autofree char *expected = draft_path (store, id, relative);
      g_autofree char *sha = NULL;

      g_assert_cmpstr (g_file_peek_path (byline_image_get_file (image)), ==, expected);
      /* The saved article now points at the copies too. */
      g_assert_cmpstr (g_file_peek_path (byline_image_get_file (saved)), ==, expected);
      sha = sha256_of_file (byline_image_get_file (image));
      g_assert_cmpstr (sha, ==, byline_image_get_sha256 (image));
    }

  /* A second save needs no originals any more. */
  byline_article_set_headline (loaded, "Mường Tè: nước sông Đà dâng cao");
  assert_success (byline_draft_store_save (store, loaded, &error));
  g_assert_cmpuint (byline_article_get_revision (loaded), ==, 2);
  again = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (loaded, again);
}

static void
test_save_foreign_revision (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  /* A draft.json brought from another machine carries its own revision; its
   * pictures have no files there (remote ones): metadata only. */
  byline_article_set_revision (article, 7);
  assert_success (byline_draft_store_save (store, article, &error));
  g_assert_cmpuint (byline_article_get_revision (article), ==, 8);

  history = byline_draft_store_list_history (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (((BylineDraftVersion *) g_ptr_array_index (history, 0))->revision, ==, 8);
}

/* ---------------------------------------------------------------- listing */

static BylineDraftSummary *
find_summary (GPtrArray  *list,
              const char *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      BylineDraftSummary *summary = g_ptr_array_index (list, i);

      if (g_strcmp0 (summary->id, id) == 0)
        return summary;
    }
  return NULL;
}

static void
test_list (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) older = save_new_article (store);
  g_autoptr(BylineArticle) newer = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftSummary *summary;

  /* Modified times are whole seconds. */
  g_usleep (1100 * 1000);
  newer = save_new_article (store);
  byline_article_set_headline (newer, "Lai Châu: khánh thành cầu treo bản Phiêng");
  byline_article_set_status (newer, BYLINE_STATUS_RETURNED);
  assert_success (byline_draft_store_save (store, newer, &error));

  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  summary = g_ptr_array_index (list, 0);
  g_assert_cmpstr (summary->id, ==, byline_article_get_id (newer));
  g_assert_cmpstr (summary->headline, ==, "Lai Châu: khánh thành cầu treo bản Phiêng");
  g_assert_cmpint (summary->status, ==, BYLINE_STATUS_RETURNED);
  g_assert_cmpuint (summary->revision, ==, 2);
  g_assert_cmpuint (summary->word_count, ==, byline_article_count_words (newer));
  g_assert_true (g_date_time_equal (summary->modified, byline_article_get_modified (newer)));
  g_assert_null (summary->problem);
  summary = g_ptr_array_index (list, 1);
  g_assert_cmpstr (summary->id, ==, byline_article_get_id (older));
  g_assert_cmpstr (summary->headline, ==, byline_article_get_headline (older));
  g_assert_cmpint (summary->status, ==, BYLINE_STATUS_SUBMITTED);
}

/* The ids alone: every draft's folder, nothing that is not named as one. */
static void
test_list_ids (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) first = save_new_article (store);
  g_autoptr(BylineArticle) second = save_new_article (store);
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (store, byline_article_get_id (first));
  g_autoptr(GFile) store_folder = g_file_get_parent (folder);
  g_autoptr(GFile) stray = g_file_get_child (store_folder, "not-a-draft");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (g_file_make_directory (stray, NULL, &error));
  g_assert_no_error (error);
  ids = byline_draft_store_list_ids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) ids, byline_article_get_id (first)));
  g_assert_true (g_strv_contains ((const char * const *) ids, byline_article_get_id (second)));

  /* A store never written to has none. */
  {
    g_autoptr(GFile) nowhere = g_file_get_child (store_folder, "nowhere");
    g_autoptr(BylineDraftStore) empty = byline_draft_store_new (nowhere);
    g_auto(GStrv) none = byline_draft_store_list_ids (empty, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

/* Listing reads summary.json only: a draft.json whose body is garbage but whose
 * stamp (size, mtime, inode) is unchanged still lists from its summary. */
static void
test_list_does_not_parse (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = draft_path (store, byline_article_get_id (article), "draft.json");
  g_autofree char *garbage = NULL;
  struct stat before, after;
  struct timespec times[2];
  int fd;

  g_assert_cmpint (stat (path, &before), ==, 0);
  garbage = g_strnfill (before.st_size, '#');
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, garbage, before.st_size), ==, before.st_size);
  close (fd);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);

  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (list, 0))->headline, ==,
                   byline_article_get_headline (article));

  /* Loading does parse it. */
  loaded = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
}

static char *
index_path (BylineDraftStore *store)
{
  return g_build_filename (g_file_peek_path (byline_draft_store_get_folder (store)), ".index.json", NULL);
}

static void
remove_index (BylineDraftStore *store)
{
  g_autofree char *path = index_path (store);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static const char *
headline_listed (GPtrArray  *list,
                 const char *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      BylineDraftSummary *summary = g_ptr_array_index (list, i);

      if (g_str_equal (summary->id, id))
        return summary->headline;
    }
  return NULL;
}

/* The store's index: one file with every draft's summary, trusted for a draft
 * only while its draft.json has the stamp the index recorded. */
static void
test_list_index (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) first = save_new_article (store);
  g_autoptr(BylineArticle) second = save_new_article (store);
  g_autoptr(BylineArticle) third = save_new_article (store);
  g_autofree char *path = index_path (store);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  /* The first listing writes it, with the three. */
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_ptr_array_unref (list);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, byline_article_get_id (first)));
  g_assert_nonnull (strstr (contents, byline_article_get_id (third)));
  g_clear_pointer (&contents, g_free);

  /* The next listings read it, not the summaries: a summary.json removed
   * is not missed (nor rebuilt). */
  {
    g_autofree char *summary_path = draft_path (store, byline_article_get_id (second), "summary.json");

    g_assert_cmpint (g_unlink (summary_path), ==, 0);
    list = byline_draft_store_list (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (headline_listed (list, byline_article_get_id (second)), ==,
                     byline_article_get_headline (second));
    g_assert_false (g_file_test (summary_path, G_FILE_TEST_EXISTS));
    g_ptr_array_unref (list);
  }

  /* A draft saved since: listed as it is now, and the index updated. */
  byline_article_set_headline (second, "Chợ phiên Tam Đường đông vui");
  assert_success (byline_draft_store_save (store, second, &error));
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (headline_listed (list, byline_article_get_id (second)), ==, "Chợ phiên Tam Đường đông vui");
  g_ptr_array_unref (list);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Chợ phiên Tam Đường đông vui"));
  g_clear_pointer (&contents, g_free);

  /* A draft deleted: gone from the listing and from the index. */
  assert_success (byline_draft_store_delete (store, byline_article_get_id (first), &error));
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_null (headline_listed (list, byline_article_get_id (first)));
  g_ptr_array_unref (list);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, byline_article_get_id (first)));
  g_clear_pointer (&contents, g_free);

  /* An unreadable index: the listing is right all the same, and the index
   * written again. */
  write_string (path, "{\"format\": \"byline-draft-index\", \"version\": 1, \"drafts\": [");
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (headline_listed (list, byline_article_get_id (third)), ==, byline_article_get_headline (third));
  g_ptr_array_unref (list);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, byline_article_get_id (third)));
}

static void
test_stale_summary (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) elsewhere = byline_article_copy (article);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  g_autofree char *path = draft_path (store, id, "draft.json");
  g_autofree char *summary_path = draft_path (store, id, "summary.json");
  g_autofree char *summary = NULL;

  /* draft.json replaced without its summary: a save killed between the two,
   * or another program. */
  byline_article_set_headline (elsewhere, "Tin nóng: Phong Thổ có mưa đá");
  byline_article_set_revision (elsewhere, 5);
  bytes = byline_draft_format_serialize (elsewhere);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  /* The conflict check trusts draft.json, not the stale summary (which still
   * says revision 1, the revision @article was saved at). */
  byline_article_set_headline (article, "Bản của tôi");
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "revision 5"));
  g_clear_error (&error);

  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (list, 0))->headline, ==,
                   "Tin nóng: Phong Thổ có mưa đá");
  g_assert_cmpuint (((BylineDraftSummary *) g_ptr_array_index (list, 0))->revision, ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* ... and the summary was repaired. */
  g_file_get_contents (summary_path, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "Tin nóng: Phong Thổ có mưa đá"));

  /* Replaced by a file of the same size and mtime: the inode tells. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *tmp = g_strconcat (path, ".new", NULL);
    char *accent;
    struct stat st;
    struct timespec times[2];

    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    accent = strstr (contents, "mưa đá");
    g_assert_nonnull (accent);
    memcpy (accent, "mưa đà", strlen ("mưa đà"));   /* á and à: two bytes each */
    write_string (tmp, contents);
    g_assert_cmpint (stat (path, &st), ==, 0);
    times[0] = st.st_atim;
    times[1] = st.st_mtim;
    g_assert_cmpint (utimensat (AT_FDCWD, tmp, times, 0), ==, 0);
    g_assert_cmpint (g_rename (tmp, path), ==, 0);

    list = byline_draft_store_list (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (list, 0))->headline, ==,
                     "Tin nóng: Phong Thổ có mưa đà");
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* A missing or broken summary is rebuilt too, when the listing has to look
   * at it (the store's index, which spares it that, is gone as well). */
  g_assert_cmpint (g_unlink (summary_path), ==, 0);
  remove_index (store);
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_file_test (summary_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&list, g_ptr_array_unref);

  write_string (summary_path, "{\"format\": \"byline-draft-summary\", \"version\": 1, \"id\": 3");
  remove_index (store);
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (list, 0))->headline, ==,
                   "Tin nóng: Phong Thổ có mưa đà");
}

/* ---------------------------------------------------------------- history */

static void
test_history (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) version = NULL;
  g_autoptr(BylineArticle) restored = NULL;
  g_autoptr(BylineArticle) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history_dir = NULL;
  const char *id = byline_article_get_id (article);

  g_assert_cmpuint (byline_draft_store_get_history_limit (store), ==, 30);
  byline_draft_store_set_history_limit (store, 3);

  for (guint n = 1; n <= 5; n++)
    {
      g_autofree char *headline = g_strdup_printf ("Phiên bản %u", n);

      byline_article_set_headline (article, headline);
      assert_success (byline_draft_store_save (store, article, &error));
    }

  history_dir = draft_path (store, id, "history");
  g_assert_cmpuint (count_files (history_dir), ==, 3);

  history = byline_draft_store_list_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BylineDraftVersion *entry = g_ptr_array_index (history, i);
      g_autofree char *headline = g_strdup_printf ("Phiên bản %u", 5 - i);

      g_assert_cmpuint (entry->revision, ==, 5 - i);
      g_assert_cmpstr (entry->headline, ==, headline);
      g_assert_nonnull (entry->saved);
      g_assert_cmpuint (entry->word_count, ==, byline_article_count_words (article));
    }
  g_clear_pointer (&history, g_ptr_array_unref);

  version = byline_draft_store_load_version (store, id, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (version), ==, "Phiên bản 4");
  g_assert_cmpuint (byline_article_get_revision (version), ==, 4);
  g_clear_object (&version);

  version = byline_draft_store_load_version (store, id, 1, &error);
  g_assert_null (version);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  restored = byline_draft_store_restore (store, id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (restored), ==, "Phiên bản 3");
  g_assert_cmpuint (byline_article_get_revision (restored), ==, 6);
  current = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (restored, current);

  history = byline_draft_store_list_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpuint (((BylineDraftVersion *) g_ptr_array_index (history, 0))->revision, ==, 6);
  g_assert_cmpstr (((BylineDraftVersion *) g_ptr_array_index (history, 0))->headline, ==, "Phiên bản 3");
  g_assert_cmpuint (((BylineDraftVersion *) g_ptr_array_index (history, 2))->revision, ==, 4);

  /* The copy still open at revision 5 was overtaken by the restore. */
  byline_article_set_headline (article, "Phiên bản 6");
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
}

/* ------------------------------------------------------------------ trash */

static void
set_age (const char *path,
         guint       days)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - (time_t) days * 24 * 3600;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* The trash empties itself of what was deleted long ago: a draft deleted 31
 * days ago goes, one deleted now stays, even when it was last changed long
 * before (deleting is what counts). */
static void
test_purge_trash (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("purge-store");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) old = save_new_article (store);
  g_autoptr(BylineArticle) recent = save_new_article (store);
  g_autoptr(BylineArticle) kept = save_new_article (store);
  g_autofree char *recent_dir = draft_path (store, byline_article_get_id (recent), "");
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_trashed = NULL;

  /* Written long ago, deleted now. */
  set_age (recent_dir, 90);
  assert_success (byline_draft_store_delete (store, byline_article_get_id (old), &error));
  assert_success (byline_draft_store_delete (store, byline_article_get_id (recent), &error));
  old_trashed = g_build_filename (g_file_peek_path (folder), ".trash", byline_article_get_id (old), NULL);
  g_assert_true (g_file_test (old_trashed, G_FILE_TEST_IS_DIR));
  set_age (old_trashed, 31);

  g_assert_cmpuint (byline_draft_store_purge_trash (store, 30 * G_TIME_SPAN_DAY, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_trashed, G_FILE_TEST_EXISTS));
  trash = byline_draft_store_list_trash (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (trash, 0))->id, ==, byline_article_get_id (recent));
  /* Listed with when it was deleted (now), not when it was written. */
  {
    GDateTime *deleted = ((BylineDraftSummary *) g_ptr_array_index (trash, 0))->deleted;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_nonnull (deleted);
    g_assert_cmpint (g_date_time_difference (now, deleted), <, 60 * G_TIME_SPAN_SECOND);
  }
  /* What is not in the trash is not touched. */
  g_assert_true (byline_draft_store_contains (store, byline_article_get_id (kept)));
  assert_success (byline_draft_store_undelete (store, byline_article_get_id (recent), &error));

  /* Nothing left to purge; and a store with no trash has none. */
  g_assert_cmpuint (byline_draft_store_purge_trash (store, 30 * G_TIME_SPAN_DAY, &error), ==, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) empty_folder = byline_test_make_folder ("purge-empty");
    g_autoptr(BylineDraftStore) empty = byline_draft_store_new (empty_folder);

    g_assert_cmpuint (byline_draft_store_purge_trash (empty, 0, &error), ==, 0);
    g_assert_no_error (error);
  }
}

/* Emptying the trash removes every draft in it, whatever its time (a folder
 * may be dated in the future by a clock that was wrong), and nothing else. */
static void
test_empty_trash (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("empty-trash-store");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) a = save_new_article (store);
  g_autoptr(BylineArticle) b = save_new_article (store);
  g_autoptr(BylineArticle) kept = save_new_article (store);
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b_trashed = NULL;
  struct utimbuf times;

  assert_success (byline_draft_store_delete (store, byline_article_get_id (a), &error));
  assert_success (byline_draft_store_delete (store, byline_article_get_id (b), &error));
  b_trashed = g_build_filename (g_file_peek_path (folder), ".trash", byline_article_get_id (b), NULL);
  times.actime = times.modtime = time (NULL) + 3 * 24 * 3600;
  g_assert_cmpint (g_utime (b_trashed, &times), ==, 0);
  /* (Too new for any purge by age.) */
  g_assert_cmpuint (byline_draft_store_purge_trash (store, 0, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (g_file_test (b_trashed, G_FILE_TEST_IS_DIR));

  g_assert_cmpuint (byline_draft_store_empty_trash (store, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (g_file_test (b_trashed, G_FILE_TEST_EXISTS));
  trash = byline_draft_store_list_trash (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 0);
  g_assert_true (byline_draft_store_contains (store, byline_article_get_id (kept)));
  g_assert_cmpuint (byline_draft_store_empty_trash (store, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_trash (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  g_autofree char *draft_dir = draft_path (store, id, "");

  assert_success (byline_draft_store_delete (store, id, &error));
  g_assert_false (byline_draft_store_contains (store, id));
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = byline_draft_store_list_trash (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BylineDraftSummary *) g_ptr_array_index (list, 0))->headline, ==,
                   byline_article_get_headline (article));
  g_clear_pointer (&list, g_ptr_array_unref);

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "trash"));
  g_clear_error (&error);

  /* The copy that was open does not bring it back behind the trash's back. */
  byline_article_set_headline (article, "Sửa sau khi xoá");
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (g_file_test (draft_dir, G_FILE_TEST_EXISTS));

  g_assert_false (byline_draft_store_delete (store, id, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undelete refuses to replace a draft of the same id. */
  g_assert_cmpint (g_mkdir (draft_dir, 0755), ==, 0);
  g_assert_false (byline_draft_store_undelete (store, id, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (draft_dir), ==, 0);

  assert_success (byline_draft_store_undelete (store, id, &error));
  loaded = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==,
                   "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  g_assert_cmpuint (byline_article_get_revision (loaded), ==, 1);

  g_assert_false (byline_draft_store_undelete (store, id, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Purged: gone for good. */
  assert_success (byline_draft_store_delete (store, id, &error));
  assert_success (byline_draft_store_purge (store, id, &error));
  list = byline_draft_store_list_trash (store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (byline_draft_store_undelete (store, id, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
}

/* --------------------------------------------------------------- conflict */

static void
test_conflict (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineDraftStore) other_store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) first = NULL;
  g_autoptr(BylineArticle) second = NULL;
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  g_autofree char *path = draft_path (store, id, "draft.json");
  g_autofree char *history_dir = draft_path (store, id, "history");

  /* Two windows, or two programs, open the same draft. */
  first = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  second = byline_draft_store_load (other_store, id, &error);
  g_assert_no_error (error);

  byline_article_set_headline (first, "Bản của biên tập viên");
  assert_success (byline_draft_store_save (store, first, &error));
  before = read_bytes (path);

  byline_article_set_headline (second, "Bản của phóng viên");
  g_assert_false (byline_draft_store_save (other_store, second, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, id));
  g_assert_nonnull (strstr (error->message, "revision 2"));
  g_clear_error (&error);

  /* Nothing was touched: the first save is on disk, whole. */
  g_assert_cmpuint (byline_article_get_revision (second), ==, 1);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (history_dir), ==, 2);
  on_disk = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (first, on_disk);
}

/* Saves of one draft take turns: a save waits for one in progress. */
static gpointer
release_lock_later (gpointer data)
{
  g_usleep (300 * 1000);
  close (GPOINTER_TO_INT (data));
  return NULL;
}

static void
test_lock_waits (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_path = draft_path (store, byline_article_get_id (article), "lock");
  GThread *thread;
  gint64 start;
  int fd;

  fd = open (lock_path, O_RDWR);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  thread = g_thread_new ("unlock", release_lock_later, GINT_TO_POINTER (fd));

  start = g_get_monotonic_time ();
  byline_article_set_headline (article, "Chờ đến lượt");
  assert_success (byline_draft_store_save (store, article, &error));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_thread_join (thread);
}

/* ------------------------------------------------------- hostile ids, files */

static void
test_invalid_ids (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_strdup (g_file_peek_path (byline_draft_store_get_folder (store)));
  g_autofree char *junk_dir = g_build_filename (root, "khong-phai-ban-thao", NULL);
  g_autofree char *junk_file = g_build_filename (root, "ghi-chu.txt", NULL);
  g_autofree char *empty_draft = g_build_filename (root, "0b7e5c1e-9a3f-4d2b-8c61-5f0e9d2a7b31", NULL);
  static const char *ids[] = {
    "", ".", "..", "../..", ".trash", "a/b", "/etc/passwd", "../etc",
    "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d1",
    "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10/..",
    "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10\n",
    "\xff\xfe\x2f",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *id = ids[i];
      g_autoptr(BylineArticle) loaded = NULL;
      g_autoptr(GPtrArray) history = NULL;

      g_test_message ("id %u", i);
      g_assert_false (byline_draft_store_contains (store, id));
      g_assert_null (byline_draft_store_get_draft_folder (store, id));

      loaded = byline_draft_store_load (store, id, &error);
      g_assert_null (loaded);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);

      loaded = byline_draft_store_load_version (store, id, 1, &error);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
      loaded = byline_draft_store_restore (store, id, 1, &error);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
      history = byline_draft_store_list_history (store, id, &error);
      g_assert_null (history);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (byline_draft_store_delete (store, id, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (byline_draft_store_undelete (store, id, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (byline_draft_store_purge (store, id, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* The store is still whole, and listing skips what is not a draft. */
  g_assert_true (byline_draft_store_contains (store, byline_article_get_id (article)));
  g_assert_cmpint (g_mkdir (junk_dir, 0755), ==, 0);
  write_string (junk_file, "không phải bản thảo");
  g_assert_cmpint (g_mkdir (empty_draft, 0755), ==, 0);
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_false (byline_draft_store_contains (store, "0b7e5c1e-9a3f-4d2b-8c61-5f0e9d2a7b31"));
}

static void
test_corrupt_draft (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  g_autofree char *path = draft_path (store, id, "draft.json");
  g_autofree char *truncated = NULL;
  BylineDraftSummary *summary;

  /* Cut in the middle, as a non-atomic writer would leave it. */
  saved = read_bytes (path);
  truncated = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved) / 2);
  write_string (path, truncated);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = read_bytes (path);

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Saving never writes over what cannot be read. */
  byline_article_set_headline (article, "Ghi đè?");
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (saved, after));

  /* Its history still lists and loads: the way back. */
  {
    g_autoptr(GPtrArray) history = byline_draft_store_list_history (store, id, &error);
    g_autoptr(BylineArticle) version = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpuint (((BylineDraftVersion *) g_ptr_array_index (history, 0))->revision, ==, 1);
    version = byline_draft_store_load_version (store, id, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (version), ==,
                     "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  }

  /* Listed, with the reason, so that it can be deleted. */
  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = find_summary (list, id);
  g_assert_nonnull (summary);
  g_assert_null (summary->headline);
  g_assert_nonnull (summary->problem);
  g_assert_nonnull (strstr (summary->problem, "draft.json"));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (saved, after));

  /* Restoring a version recovers, keeping the damaged file aside. */
  {
    g_autoptr(BylineArticle) restored = byline_draft_store_restore (store, id, 1, &error);
    g_autoptr(BylineArticle) current = NULL;
    g_autoptr(GPtrArray) after_restore = NULL;
    g_autoptr(GDir) dir = NULL;
    g_autofree char *draft_dir = draft_path (store, id, "");
    const char *name;
    gboolean kept = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (byline_article_get_revision (restored), ==, 2);
    current = byline_draft_store_load (store, id, &error);
    g_assert_no_error (error);
    byline_test_assert_articles_equal (restored, current);

    dir = g_dir_open (draft_dir, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "draft.json.damaged-"))
        {
          g_autofree char *aside = g_build_filename (draft_dir, name, NULL);
          g_autoptr(GBytes) kept_bytes = read_bytes (aside);

          g_assert_true (g_bytes_equal (kept_bytes, saved));
          kept = TRUE;
        }
    g_assert_true (kept);

    after_restore = byline_draft_store_list (store, &error);
    g_assert_no_error (error);
    g_assert_null (((BylineDraftSummary *) g_ptr_array_index (after_restore, 0))->problem);
  }

  assert_success (byline_draft_store_delete (store, id, &error));
}

/* draft.json with its version and its one picture's size set to these. */
static void
rewrite_draft (const char *path,
               const char *version,
               guint       width,
               guint       height)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *image;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "version", version);
  image = json_array_get_object_element (json_object_get_array_member (root, "images"), 0);
  json_object_set_int_member (image, "width", width);
  json_object_set_int_member (image, "height", height);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  write_string (path, text);
}

static void
assert_picture_size (BylineDraftStore *store,
                     const char       *id,
                     guint             width,
                     guint             height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) loaded = byline_draft_store_load (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (loaded, 0)), ==, width);
  g_assert_cmpuint (byline_image_get_height (byline_article_get_image (loaded, 0)), ==, height);
}

/* A phone's upright photo (stored 400 × 300, EXIF Orientation 6) in a
 * draft of format 1.0, which recorded its stored size: loaded, it has the
 * size it shows at, and keeps it when saved (as 1.1).  A 1.0 draft saved
 * with the right size keeps it; a 1.1 draft is taken as it says. */
static void
test_old_picture_sizes (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GFile) folder = byline_test_make_folder ("turned");
  g_autoptr(GFile) photo = g_file_get_child (folder, "dung.jpg");
  g_autoptr(GByteArray) jpeg = byline_test_jpeg_oriented (400, 300, 6, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BylineImage) image = NULL;
  const char *id = byline_article_get_id (article);

  g_file_replace_contents (photo, (const char *) jpeg->data, jpeg->len, NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  image = byline_draft_store_import_image (store, article, photo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_image_get_width (image), ==, 300);
  g_assert_cmpuint (byline_image_get_height (image), ==, 400);
  byline_article_add_image (article, image);
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  path = draft_path (store, id, "draft.json");

  rewrite_draft (path, "1.0", 400, 300);
  assert_picture_size (store, id, 300, 400);
  /* The same draft imported from its folder (byline-cli import, File ▸ Open). */
  {
    g_autoptr(GFile) folder_of_draft = byline_draft_store_get_draft_folder (store, id);
    g_autoptr(GBytes) bytes = read_bytes (path);
    g_autoptr(BylineArticle) imported = byline_import_read (bytes, "draft.json", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (byline_import_attach_draft_media (imported, folder_of_draft, "draft.json", TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (byline_image_get_width (byline_article_get_image (imported, 0)), ==, 300);
    g_assert_cmpuint (byline_image_get_height (byline_article_get_image (imported, 0)), ==, 400);
  }
  {
    g_autoptr(BylineArticle) loaded = byline_draft_store_load (store, id, &error);

    g_assert_true (byline_draft_store_save (store, loaded, &error));
    g_assert_no_error (error);
  }
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"1.1\""));
  assert_picture_size (store, id, 300, 400);

  rewrite_draft (path, "1.0", 300, 400);
  assert_picture_size (store, id, 300, 400);

  rewrite_draft (path, "1.1", 400, 300);
  assert_picture_size (store, id, 400, 300);
}

static void
test_newer_version (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  g_autofree char *path = draft_path (store, id, "draft.json");
  g_autofree char *contents = NULL;
  char *version;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  version = strstr (contents, "\"1.1\"");
  g_assert_nonnull (version);
  version[1] = '2';
  write_string (path, contents);
  before = read_bytes (path);

  loaded = byline_draft_store_load (store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Nor does restoring an older version replace it. */
  g_assert_null (byline_draft_store_restore (store, id, 1, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A save killed halfway leaves temporary files; they never show, and the next
 * save clears them away (but nothing else). */
static void
test_leftover_temporaries (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = save_new_article (store);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (article);
  const char *leftovers[] = {
    "draft.json.Ab12Cd", "summary.json.XyZ123", "history/2.json.QwErTy", "media/import.a1B2c3",
  };
  g_autofree char *note = draft_path (store, id, "ghi-chu.txt");

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = draft_path (store, id, leftovers[i]);
      write_string (path, "{ \"format\": \"byline-dr");
    }
  write_string (note, "của phóng viên");

  list = byline_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (((BylineDraftSummary *) g_ptr_array_index (list, 0))->problem);
  history = byline_draft_store_list_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  loaded = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);

  assert_success (byline_draft_store_save (store, loaded, &error));
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = draft_path (store, id, leftovers[i]);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (note, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/draft-store/round-trip", test_round_trip);
  g_test_add_func ("/draft-store/save-foreign-revision", test_save_foreign_revision);
  g_test_add_func ("/draft-store/list", test_list);
  g_test_add_func ("/draft-store/list-ids", test_list_ids);
  g_test_add_func ("/draft-store/list/does-not-parse", test_list_does_not_parse);
  g_test_add_func ("/draft-store/list/stale-summary", test_stale_summary);
  g_test_add_func ("/draft-store/list/index", test_list_index);
  g_test_add_func ("/draft-store/history", test_history);
  g_test_add_func ("/draft-store/trash", test_trash);
  g_test_add_func ("/draft-store/purge-trash", test_purge_trash);
  g_test_add_func ("/draft-store/empty-trash", test_empty_trash);
  g_test_add_func ("/draft-store/conflict", test_conflict);
  g_test_add_func ("/draft-store/lock-waits", test_lock_waits);
  g_test_add_func ("/draft-store/invalid-ids", test_invalid_ids);
  g_test_add_func ("/draft-store/corrupt", test_corrupt_draft);
  g_test_add_func ("/draft-store/newer-version", test_newer_version);
  g_test_add_func ("/draft-store/old-picture-sizes", test_old_picture_sizes);
  g_test_add_func ("/draft-store/leftover-temporaries", test_leftover_temporaries);

  return g_test_run ();
}

