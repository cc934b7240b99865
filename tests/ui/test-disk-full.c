/* test-disk-full.c — a full disk: the draft on it stays whole, the window
 * says what happened and what to do, and saves by itself once there is room
 *
 * The test mounts a small disk of its own (a 512 KiB tmpfs) in a mount
 * namespace of its own, before anything else: as root (build-aux/dev runs
 * the tests so) or, for a developer's own account, in a user namespace.
 * Nobody else sees it, and it goes when the test ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-view.h"
#include "byline-document.h"
#include "byline-outbox.h"
#include "byline-publisher.h"
#include "byline-window-private.h"
#include "ui-window-test.h"

static char *disk;          /* where the small disk is mounted */
static char *disk_refused;  /* why there is none */

static gboolean
write_file (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* Whether a mount of ours could be seen outside: one of ours is shared. */
static gboolean
mounts_shared (void)
{
  g_autofree char *info = NULL;

  if (!g_file_get_contents ("/proc/self/mountinfo", &info, NULL, NULL))
    return TRUE;
  return strstr (info, " shared:") != NULL;
}

/* Before any thread: a mount namespace may not be entered by a process
 * that has one. */
static void
mount_small_disk (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  g_autofree char *dir = g_dir_make_tmp ("byline-disk-XXXXXX", NULL);

  if (dir == NULL)
    {
      disk_refused = g_strdup ("no temporary folder");
      return;
    }
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("%u %u 1\n", (guint) uid, (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("%u %u 1\n", (guint) gid, (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        {
          disk_refused = g_strdup_printf ("neither root nor a user namespace: %s", g_strerror (errno));
          return;
        }
      write_file ("/proc/self/setgroups", "deny");
      if (!write_file ("/proc/self/uid_map", uid_map) || !write_file ("/proc/self/gid_map", gid_map))
        {
          disk_refused = g_strdup ("the user namespace's ids could not be set");
          return;
        }
    }
  /* Nothing mounted here may reach the rest of the system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) != 0 && mounts_shared ())
    {
      disk_refused = g_strdup_printf ("the mounts are shared: %s", g_strerror (errno));
      return;
    }
  if (mount ("byline-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=512k,mode=0700") != 0)
    {
      disk_refused = g_strdup_printf ("mounting a tmpfs: %s", g_strerror (errno));
      return;
    }
  disk = g_steal_pointer (&dir);
}

static void
unmount_small_disk (void)
{
  if (disk == NULL)
    return;
  umount2 (disk, MNT_DETACH);
  g_rmdir (disk);
}

/* Fills the disk with a file but for @room bytes (tmpfs counts pages). */
static char *
fill_disk (gsize room)
{
  char *path = g_build_filename (disk, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) == 4096)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  if (room > 0)
    {
      struct stat st;

      g_assert_cmpint (fstat (fd, &st), ==, 0);
      g_assert_cmpint (ftruncate (fd, st.st_size > (off_t) room ? st.st_size - (off_t) room : 0), ==, 0);
    }
  close (fd);
  return path;
}

static GStrv
list_folder (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_strv_builder_add (names, name);
  return g_strv_builder_end (names);
}

/* The store, on a full disk: a clear error that says so, and the draft
 * already there whole, no temporary file left beside it; with room for
 * one copy of the story, the newest words before the history's copy. */
static void
test_store (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *headline = NULL;

  g_assert_null (disk_refused);
  folder = g_file_new_build_filename (disk, "store", NULL);
  store = byline_draft_store_new (folder);
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  headline = g_strdup (byline_article_get_headline (article));
  draft = byline_draft_store_get_draft_folder (store, byline_article_get_id (article));
  before = list_folder (draft);

  filler = fill_disk (0);
  byline_article_set_headline (article, "Không lưu được vì đĩa đầy");
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE);
  g_clear_error (&error);

  on_disk = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (on_disk), ==, headline);
  after = list_folder (draft);
  g_assert_cmpstrv (after, before);

  /* Room for one copy of the draft, not two: the draft has it, not the
   * history's copy of it. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_clear_pointer (&filler, g_free);
  filler = fill_disk (4096);
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  g_clear_object (&on_disk);
  on_disk = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Không lưu được vì đĩa đầy");
  {
    g_autofree char *name = g_strdup_printf ("history/%" G_GUINT64_FORMAT ".json",
                                             byline_article_get_revision (article));
    g_autoptr(GFile) entry = g_file_get_child (draft, name);

    g_assert_false (g_file_query_exists (entry, NULL));
  }

  /* Room again: saved, with its history. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  byline_article_set_headline (article, "Đã lưu lại");
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  {
    g_autofree char *name = g_strdup_printf ("history/%" G_GUINT64_FORMAT ".json",
                                             byline_article_get_revision (article));
    g_autoptr(GFile) entry = g_file_get_child (draft, name);

    g_assert_true (g_file_query_exists (entry, NULL));
  }
}

static gboolean
is_saved (gpointer data)
{
  return byline_document_get_save_state (data) == BYLINE_SAVE_STATE_SAVED;
}

static gboolean
has_failed (gpointer data)
{
  return byline_document_get_save_state (data) == BYLINE_SAVE_STATE_FAILED;
}

/* A story's window on the small disk, its headline typed and saved. */
typedef struct
{
  BylineDraftStore *store;
  BylineWindow     *window;
  BylineDocument   *document;
  GtkTextView      *headline;
  char             *id;
} Desk;

static void
desk_open (Desk       *desk,
           const char *folder_name,
           const char *headline)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (disk_refused);
  folder = g_file_new_build_filename (disk, folder_name, NULL);
  desk->store = byline_draft_store_new (folder);
  desk->window = byline_ui_test_new_window (desk->store);
  gtk_window_present (GTK_WINDOW (desk->window));
  desk->headline = byline_article_editor_get_headline_view (byline_window_get_editor (desk->window));
  desk->document = byline_window_get_document (desk->window);
  byline_article_editor_focus_headline (byline_window_get_editor (desk->window));
  byline_ui_test_type (desk->headline, headline);
  g_assert_true (byline_document_flush (desk->document, &error));
  g_assert_no_error (error);
  desk->id = g_strdup (byline_article_get_id (byline_document_get_article (desk->document)));
}

static void
desk_close (Desk *desk)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  byline_ui_test_wait (50);
  g_clear_object (&desk->store);
  g_clear_pointer (&desk->id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Desk, desk_close)

/* The headline of the draft on disk. */
static char *
headline_on_disk (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) on_disk = byline_draft_store_load (desk->store, desk->id, &error);

  g_assert_no_error (error);
  return g_strdup (byline_article_get_headline (on_disk));
}

/* The window, its disk full while the reporter types: the banner says the
 * disk is full and that the text is kept; once there is room, the story
 * is saved with no key pressed and the banner goes. */
static void
test_window (void)
{
  g_auto(Desk) desk = { 0 };
  g_autofree char *filler = NULL;
  g_autofree char *saved = NULL;
  AdwBanner *banner;

  desk_open (&desk, "window", "Lũ quét ở Mường Tè");
  banner = desk.window->banner;

  filler = fill_disk (0);
  byline_test_expect_warning ("Autosave of draft * failed: *No space left on device");
  byline_ui_test_type (desk.headline, ", 3 người mất tích");
  g_assert_true (byline_ui_test_wait_until (has_failed, desk.document, 10000));
  byline_ui_test_wait (100);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "Not saved: the disk is full. What you typed is still here, and is saved "
                   "as soon as there is room: free some space, or export the story to another disk.");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "win.retry-save");

  /* Closing asks, and offers to export the story: a new draft would go
   * to the same full disk. */
  gtk_window_close (GTK_WINDOW (desk.window));
  byline_ui_test_wait (100);
  {
    AdwDialog *alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (desk.window));

    g_assert_true (ADW_IS_ALERT_DIALOG (alert));
    g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (alert), "export"));
    g_assert_false (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (alert), "copy"));
    g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (alert)), ==, "export");
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "the disk is full"));
    adw_dialog_force_close (alert);
  }
  byline_ui_test_wait (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (desk.window)));

  /* Room again, no key pressed: saved within the retry delay. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (byline_ui_test_wait_until (is_saved, desk.document, 10000));
  byline_ui_test_wait (100);
  g_assert_false (adw_banner_get_revealed (banner));
  saved = headline_on_disk (&desk);
  g_assert_cmpstr (saved, ==, "Lũ quét ở Mường Tè, 3 người mất tích");
  /* The log said it once; the retries, quietly. */
  g_assert_cmpuint (byline_test_expect_warning (NULL), ==, 1);
}

static void
remount (gboolean read_only)
{
  g_assert_cmpint (mount (NULL, disk, NULL, MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0), NULL),
                   ==, 0);
}

/* The drafts folder read-only (a disk gone read-only after an error, a
 * folder of someone else's): the banner offers to export the story, as
 * trying again there would not help; writable again, it is saved. */
static void
test_read_only (void)
{
  g_auto(Desk) desk = { 0 };
  g_autofree char *saved = NULL;
  AdwBanner *banner;

  desk_open (&desk, "read-only", "Chợ phiên Bắc Hà");
  banner = desk.window->banner;

  remount (TRUE);
  byline_test_expect_warning ("Autosave of draft * failed: *Read-only file system");
  byline_ui_test_type (desk.headline, " ngày cuối năm");
  g_assert_true (byline_ui_test_wait_until (has_failed, desk.document, 10000));
  g_assert_error (byline_document_get_save_error (desk.document), BYLINE_ERROR, BYLINE_ERROR_NOT_WRITABLE);
  byline_ui_test_wait (100);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "Not saved: Byline may not write to its drafts folder. What you typed is "
                   "still here: export the story to another folder.");
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Export…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "win.export");

  remount (FALSE);
  g_assert_true (byline_ui_test_wait_until (is_saved, desk.document, 10000));
  g_assert_cmpuint (byline_test_expect_warning (NULL), ==, 1);
  saved = headline_on_disk (&desk);
  g_assert_cmpstr (saved, ==, "Chợ phiên Bắc Hà ngày cuối năm");
}

static gboolean
toast_says_disk_full (gpointer data)
{
  return byline_ui_test_find_label (data, "The disk is full: free some space, then try again.") != NULL;
}

/* Pictures added on a full disk: none comes half-copied into the story,
 * and the toast says the disk is full, not a temporary file's name. */
static void
test_pictures (void)
{
  g_auto(Desk) desk = { 0 };
  g_autoptr(GFile) photo = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *filler = NULL;
  g_autofree char *outside = g_dir_make_tmp ("byline-photos-XXXXXX", NULL);

  desk_open (&desk, "pictures", "Ảnh lũ quét");

  /* A photo on another disk; none left on this one. */
  photo = g_file_new_build_filename (outside, "lu-quet.png", NULL);
  byline_test_write_png (photo, 600, 400, 0x8a5a2b);
  g_list_store_append (files, photo);
  filler = fill_disk (0);
  byline_body_view_insert_pictures_async (byline_article_editor_get_body_view (byline_window_get_editor (desk.window)),
                                          G_LIST_MODEL (files), -1);
  g_assert_true (byline_ui_test_wait_until (toast_says_disk_full, desk.window, 10000));
  g_assert_cmpuint (byline_article_get_n_images (byline_document_get_article (desk.document)), ==, 0);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_unlink (g_file_peek_path (photo));
  g_rmdir (outside);
}

static gboolean
toast_says_not_sent (gpointer data)
{
  return g_strcmp0 (byline_ui_test_toast_title (data),
                    "Could not send: The disk is full: free some space, then try again.") == 0;
}

static gboolean
has_job (gpointer data)
{
  return g_list_model_get_n_items (data) == 1;
}

static gboolean
has_destination (gpointer data)
{
  g_autofree char *destination = byline_publisher_dup_default_destination (data);

  return destination != NULL;
}

/* Sent while the disk is full: the outbox sends the draft as saved, and it
 * cannot be saved.  The window says why, nothing is queued, and the story
 * stays as typed; with room again, it goes. */
static void
test_send (void)
{
  g_auto(Desk) desk = { 0 };
  g_autoptr(BylinePublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = NULL;
  GListModel *outbox;

  desk_open (&desk, "send", "Lũ quét ở Mường Tè");
  publisher = byline_publisher_new (desk.store, NULL, NULL);
  g_assert_true (byline_publisher_start (publisher, &error));
  g_assert_no_error (error);
  byline_window_set_publisher (desk.window, publisher);
  outbox = G_LIST_MODEL (byline_publisher_get_outbox (publisher));
  /* The folder account every computer has, once it is written. */
  g_assert_true (byline_ui_test_wait_until (has_destination, publisher, 10000));

  filler = fill_disk (0);
  byline_test_expect_warning ("Autosave of draft * failed: *No space left on device");
  byline_ui_test_type (desk.headline, ", 3 người mất tích");
  g_assert_true (byline_ui_test_wait_until (has_failed, desk.document, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.window), "win.send", "s", "submitted"));
  g_assert_true (byline_ui_test_wait_until (toast_says_not_sent, desk.window, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (outbox), ==, 0);
  g_assert_cmpstr (byline_article_get_headline (byline_document_get_article (desk.document)), ==,
                   "Lũ quét ở Mường Tè, 3 người mất tích");

  /* Room again: saved, and sent as it now is. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (byline_ui_test_wait_until (is_saved, desk.document, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.window), "win.send", "s", "submitted"));
  g_assert_true (byline_ui_test_wait_until (has_job, outbox, 5000));
  byline_publisher_stop (publisher);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  mount_small_disk ();
  byline_test_catch_warnings ();
  /* A retry every second, not every ten. */
  g_setenv ("BYLINE_SAVE_RETRY_DELAY", "1", TRUE);
  byline_ui_test_init (&argc, &argv);
  if (disk_refused != NULL)
    g_test_message ("No small disk could be mounted: %s", disk_refused);

  g_test_add_func ("/ui/disk-full/store", test_store);
  g_test_add_func ("/ui/disk-full/window", test_window);
  g_test_add_func ("/ui/disk-full/read-only", test_read_only);
  g_test_add_func ("/ui/disk-full/pictures", test_pictures);
  g_test_add_func ("/ui/disk-full/send", test_send);

  status = g_test_run ();
  unmount_small_disk ();
  return status;
}
