/* test-crash.c — kill -9 during saves never leaves a broken draft
 *
 * The test program runs itself as a child ("--crash-child") that loads one
 * draft and saves it in a loop, each version written so that every part of it
 * names its number: the headline, the lead, every paragraph, every caption,
 * and the pictures (a new one every fifth version, the last three kept).  The
 * parent kills the child with SIGKILL at random moments, about 200 times, and
 * after every kill loads the draft through the store and checks that it is
 * exactly the version its revision says, with every picture on disk, that the
 * listing agrees, and that every file in the history parses and is whole too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "byline-test-utils.h"

#define CHILD_FLAG     "--crash-child"
#define HISTORY_LIMIT  5
#define KILLS          200
#define TIME_BUDGET_S  50

/* ------------------------------------------------- versions that say who they are */

static guint
n_paragraphs (guint64 n)
{
  return 1 + n % 7;
}

static char *
paragraph_text (guint64 n,
                guint   k)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "Đoạn %u của phiên bản %" G_GUINT64_FORMAT ":", k, n);
  /* Lengths vary from version to version, so do file sizes. */
  for (guint i = 0; i < (n + k) % 13; i++)
    g_string_append_printf (text, " mưa lũ %" G_GUINT64_FORMAT, n);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
caption_text (guint   m,
              guint64 n)
{
  return g_strdup_printf ("Ảnh %u, phiên bản %" G_GUINT64_FORMAT, m, n);
}

/* The pictures of version @n: those added at the last three multiples of 5. */
static GArray *
wanted_pictures (guint64 n)
{
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint64 m = n - n % 5; m > 0 && wanted->len < 3; m -= 5)
    {
      guint value = m;
      g_array_prepend_val (wanted, value);
    }
  return wanted;
}

static GFile *
picture_file (GFile *photos,
              guint  m)
{
  g_autofree char *name = g_strdup_printf ("anh-%u.png", m);
  GFile *file = g_file_get_child (photos, name);

  /* Written aside and renamed: a child killed here must not leave half a
   * photo behind for the next one to add. */
  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *tmp_name = g_strdup_printf ("anh-%u.png.%d", m, (int) getpid ());
      g_autoptr(GFile) tmp = g_file_get_child (photos, tmp_name);

      byline_test_write_png (tmp, 2 + m % 7, 3, 0x010203 * (m & 0x3f));
      g_assert_true (g_file_move (tmp, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
  return file;
}

static char *
file_sha256 (GFile *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static guint
picture_number (BylineImage *image)
{
  guint m = 0;

  g_assert_cmpint (sscanf (byline_image_get_filename (image), "anh-%u.png", &m), ==, 1);
  return m;
}

static gboolean
array_has (GArray *array,
           guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return TRUE;
  return FALSE;
}

static void
apply_version (BylineArticle *article,
               guint64        n,
               GFile         *photos)
{
  g_autoptr(GArray) wanted = wanted_pictures (n);
  g_autofree char *headline = g_strdup_printf ("phiên bản %" G_GUINT64_FORMAT, n);
  g_autofree char *lead = g_strdup_printf ("(BLC) - Tin của phiên bản %" G_GUINT64_FORMAT ".", n);
  BylineBody *body = byline_article_get_body (article);

  byline_article_set_headline (article, headline);
  byline_article_set_lead (article, lead);

  for (guint i = byline_article_get_n_images (article); i > 0; i--)
    {
      BylineImage *image = byline_article_get_image (article, i - 1);

      if (!array_has (wanted, picture_number (image)))
        byline_article_remove_image (article, image);
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      guint m = g_array_index (wanted, guint, i);
      gboolean present = FALSE;

      for (guint j = 0; j < byline_article_get_n_images (article); j++)
        present |= picture_number (byline_article_get_image (article, j)) == m;
      if (!present)
        {
          g_autoptr(GFile) file = picture_file (photos, m);
          g_autofree char *sha = file_sha256 (file);
          g_autofree char *name = g_file_get_basename (file);
          g_autoptr(BylineImage) image = byline_image_new (sha, "image/png");

          byline_image_set_filename (image, name);
          byline_image_set_size (image, 2 + m % 7, 3);
          byline_image_set_file (image, file);
          byline_article_add_image (article, image);
        }
    }
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *caption = caption_text (picture_number (image), n);

      byline_image_set_caption (image, caption);
    }

  byline_body_clear (body);
  for (guint k = 0; k < n_paragraphs (n); k++)
    {
      g_autofree char *text = paragraph_text (n, k);

      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, text);
      if (k == 0)
        for (guint i = 0; i < byline_article_get_n_images (article); i++)
          byline_body_insert_image (body, G_MAXUINT,
                                    byline_image_get_id (byline_article_get_image (article, i)));
    }
}

/* @article must be version @n, whole: no part of it from another version, and
 * every picture it names on disk with the bytes it names. */
static void
assert_version (BylineArticle *article,
                guint64        n,
                GFile         *photos)
{
  g_autoptr(GArray) wanted = wanted_pictures (n);
  g_autofree char *headline = g_strdup_printf ("phiên bản %" G_GUINT64_FORMAT, n);
  g_autofree char *lead = g_strdup_printf ("(BLC) - Tin của phiên bản %" G_GUINT64_FORMAT ".", n);
  BylineBody *body = byline_article_get_body (article);
  guint block = 0;

  g_assert_cmpstr (byline_article_get_headline (article), ==, headline);
  g_assert_cmpstr (byline_article_get_lead (article), ==, lead);

  g_assert_cmpuint (byline_article_get_n_images (article), ==, wanted->len);
  for (guint i = 0; i < wanted->len; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      guint m = g_array_index (wanted, guint, i);
      g_autoptr(GFile) original = picture_file (photos, m);
      g_autofree char *expected_sha = file_sha256 (original);
      g_autofree char *caption = caption_text (m, n);
      g_autofree char *stored_sha = NULL;

      g_assert_cmpuint (picture_number (image), ==, m);
      g_assert_cmpstr (byline_image_get_sha256 (image), ==, expected_sha);
      g_assert_cmpstr (byline_image_get_caption (image), ==, caption);
      g_assert_nonnull (byline_image_get_file (image));
      stored_sha = file_sha256 (byline_image_get_file (image));
      g_assert_cmpstr (stored_sha, ==, expected_sha);
    }

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n_paragraphs (n) + wanted->len);
  for (guint k = 0; k < n_paragraphs (n); k++)
    {
      g_autofree char *text = paragraph_text (n, k);
      const BylineBlock *paragraph = byline_body_get_block (body, block++);

      g_assert_cmpint (byline_block_get_kind (paragraph), ==, BYLINE_BLOCK_PARAGRAPH);
      g_assert_cmpstr (byline_block_get_text (paragraph), ==, text);
      if (k == 0)
        for (guint i = 0; i < wanted->len; i++)
          {
            const BylineBlock *picture = byline_body_get_block (body, block++);

            g_assert_cmpint (byline_block_get_kind (picture), ==, BYLINE_BLOCK_IMAGE);
            g_assert_cmpstr (byline_block_get_image_id (picture), ==,
                             byline_image_get_id (byline_article_get_image (article, i)));
          }
    }
}

/* ------------------------------------------------------------------ child */

static int
child_main (const char *drafts,
            const char *photos_path,
            const char *id,
            guint       count)
{
  g_autoptr(GFile) folder = g_file_new_for_path (drafts);
  g_autoptr(GFile) photos = g_file_new_for_path (photos_path);
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  byline_draft_store_set_history_limit (store, HISTORY_LIMIT);
  article = byline_draft_store_load (store, id, &error);
  if (article == NULL)
    {
      g_printerr ("crash child: %s\n", error->message);
      return 2;
    }

  for (guint i = 0; count == 0 || i < count; i++)
    {
      apply_version (article, byline_article_get_revision (article) + 1, photos);
      if (!byline_draft_store_save (store, article, &error))
        {
          g_printerr ("crash child: %s\n", error->message);
          return 2;
        }
      /* One byte per save: the parent knows at least one happened. */
      if (write (STDOUT_FILENO, ".", 1) != 1 && count == 0)
        return 3;
    }
  return 0;
}

/* ----------------------------------------------------------------- parent */

typedef struct
{
  char             *self_exe;
  GFile            *root;
  char             *drafts;
  char             *child_photos;
  GFile            *photos;      /* the parent's own copies, for expected hashes */
  BylineDraftStore *store;
  char             *id;
} Crash;

static char *self_exe;

static GPid
spawn_child (Crash *crash,
             guint  count,
             int   *out_fd)
{
  g_autofree char *count_str = g_strdup_printf ("%u", count);
  const char *argv[] = { crash->self_exe, CHILD_FLAG, crash->drafts, crash->child_photos,
                         crash->id, count_str, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static gboolean
is_final_name (const char *name)
{
  static const char *finals[] = { "draft.json", "summary.json", "lock", "history", "media", NULL };

  return g_strv_contains (finals, name);
}

/* Files a killed save left behind: temporary copies that are not yet renamed. */
static guint
count_temporaries (const char *draft_dir)
{
  const char *subdirs[] = { "", "history", "media" };
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (draft_dir, subdirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          gboolean final;

          if (i == 0)
            final = is_final_name (name);
          else if (i == 1)
            final = g_regex_match_simple ("^[0-9]+\\.json$", name, 0, 0);
          else
            final = g_regex_match_simple ("^[0-9a-f]{64}\\.png$", name, 0, 0);
          found += !final;
        }
    }
  return found;
}

static gint64
revision_in (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_mapped_file (parser, path, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return -1;
  object = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_int_member_with_default (object, "revision", -1);
}

/* A kill between the rename of draft.json and that of summary.json leaves a
 * summary of the previous version; the store must notice it. */
static gboolean
summary_is_stale (const char *draft_dir)
{
  g_autofree char *draft = g_build_filename (draft_dir, "draft.json", NULL);
  g_autofree char *summary = g_build_filename (draft_dir, "summary.json", NULL);

  return revision_in (draft) != revision_in (summary);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Loads the draft and everything in its history; returns its revision. */
static guint64
check_draft (Crash *crash)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history_dir = g_build_filename (crash->drafts, crash->id, "history", NULL);
  g_autoptr(GDir) dir = NULL;
  BylineDraftSummary *summary;
  guint64 revision;
  const char *name;
  guint n_files = 0;

  article = byline_draft_store_load (crash->store, crash->id, &error);
  g_assert_no_error (error);
  revision = byline_article_get_revision (article);
  assert_version (article, revision, crash->photos);

  /* The listing (summary.json, repaired if a kill left it stale) agrees. */
  list = byline_draft_store_list (crash->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = g_ptr_array_index (list, 0);
  g_assert_cmpstr (summary->id, ==, crash->id);
  g_assert_null (summary->problem);
  g_assert_cmpuint (summary->revision, ==, revision);
  g_assert_cmpstr (summary->headline, ==, byline_article_get_headline (article));

  /* Every history file is a whole version, and there are never too many. */
  dir = g_dir_open (history_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(BylineArticle) version = NULL;
      guint64 number;

      if (!g_regex_match_simple ("^[0-9]+\\.json$", name, 0, 0))
        continue;
      number = g_ascii_strtoull (name, NULL, 10);
      version = byline_draft_store_load_version (crash->store, crash->id, number, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (byline_article_get_revision (version), ==, number);
      assert_version (version, number, crash->photos);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 1);
  g_assert_cmpuint (n_files, <=, HISTORY_LIMIT);

  history = byline_draft_store_list_history (crash->store, crash->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_files);
  for (guint i = 0; i < history->len; i++)
    {
      BylineDraftVersion *entry = g_ptr_array_index (history, i);
      g_autofree char *headline = g_strdup_printf ("phiên bản %" G_GUINT64_FORMAT, entry->revision);

      g_assert_cmpstr (entry->headline, ==, headline);
    }

  return revision;
}

static void
test_kill_during_saves (void)
{
  Crash crash = { 0 };
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GFile) child_photos = NULL;
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_dir = NULL;
  gint64 deadline = g_get_monotonic_time () + TIME_BUDGET_S * G_USEC_PER_SEC;
  guint64 last_revision;
  guint kills = 0, leftovers = 0, stale = 0;
  g_autofree char *root = NULL;
  GPid pid;
  int out, status;

  crash.self_exe = self_exe;
  /* On the build folder's disk rather than a tmpfs: a real filesystem, with
   * real fsync, inode numbers and timestamp granularity. */
  root = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR")
                                                         : g_get_tmp_dir (),
                           "crash-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (root));
  crash.root = g_file_new_for_path (root);
  crash.drafts = g_build_filename (g_file_peek_path (crash.root), "drafts", NULL);
  crash.child_photos = g_build_filename (g_file_peek_path (crash.root), "photos-child", NULL);
  crash.photos = g_file_get_child (crash.root, "photos-parent");
  child_photos = g_file_new_for_path (crash.child_photos);
  g_assert_true (g_file_make_directory (child_photos, NULL, NULL));
  g_assert_true (g_file_make_directory (crash.photos, NULL, NULL));
  drafts = g_file_new_for_path (crash.drafts);
  crash.store = byline_draft_store_new (drafts);
  byline_draft_store_set_history_limit (crash.store, HISTORY_LIMIT);

  apply_version (article, 1, child_photos);
  g_assert_true (byline_draft_store_save (crash.store, article, &error));
  g_assert_no_error (error);
  crash.id = g_strdup (byline_article_get_id (article));
  draft_dir = g_build_filename (crash.drafts, crash.id, NULL);
  last_revision = check_draft (&crash);

  while (kills < KILLS && g_get_monotonic_time () < deadline)
    {
      char byte;

      pid = spawn_child (&crash, 0, &out);

      /* Mostly after a first save, sometimes anywhere from the start. */
      if (g_test_rand_int_range (0, 4) != 0)
        {
          gssize n;

          do
            n = read (out, &byte, 1);
          while (n < 0 && errno == EINTR);
          g_assert_cmpint (n, ==, 1);
          g_usleep (g_test_rand_int_range (0, 15000));
        }
      else
        g_usleep (g_test_rand_int_range (0, 30000));

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed, not failed on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);
      close (out);
      kills++;

      leftovers += count_temporaries (draft_dir) > 0;
      stale += summary_is_stale (draft_dir);
      {
        guint64 revision = check_draft (&crash);

        g_assert_cmpuint (revision, >=, last_revision);
        last_revision = revision;
      }
    }

  g_test_message ("%u kills, %" G_GUINT64_FORMAT " versions saved; kills that left temporary "
                  "files: %u, a stale summary: %u", kills, last_revision, leftovers, stale);
  g_assert_cmpuint (kills, >=, KILLS / 4);
  /* The children did save, many times (three kills in four come after one). */
  g_assert_cmpuint (last_revision, >=, kills / 2);

  /* A child that finishes its saves cleans up after the killed ones. */
  pid = spawn_child (&crash, 2, &out);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_spawn_close_pid (pid);
  close (out);
  g_assert_cmpuint (check_draft (&crash), ==, last_revision + 2);
  g_assert_cmpuint (count_temporaries (draft_dir), ==, 0);
  {
    g_autofree char *history_dir = g_build_filename (draft_dir, "history", NULL);
    g_autoptr(GDir) dir = g_dir_open (history_dir, 0, NULL);
    guint n = 0;

    while (dir != NULL && g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, HISTORY_LIMIT);
  }

  remove_tree (root);
  g_clear_object (&crash.store);
  g_clear_object (&crash.photos);
  g_clear_object (&crash.root);
  g_free (crash.drafts);
  g_free (crash.child_photos);
  g_free (crash.id);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 6 && g_str_equal (argv[1], CHILD_FLAG))
    return child_main (argv[2], argv[3], argv[4], (guint) g_ascii_strtoull (argv[5], NULL, 10));

  byline_test_init (&argc, &argv);
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  g_test_add_func ("/crash/kill-during-saves", test_kill_during_saves);

  return g_test_run ();
}
