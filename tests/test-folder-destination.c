/* test-folder-destination.c — sending to a folder: layout, status moves, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-destination.h"
#include "byline-folder-destination.h"
#include "byline-mounts-private.h"
#include "byline-review-private.h"
#include "publish-test-utils.h"

typedef struct
{
  GFile             *folder;
  GFile             *media;
  BylineDestination *destination;
  BylineArticle     *article;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = byline_test_make_folder ("share");
  f->media = byline_test_make_folder ("media");
  f->destination = byline_folder_destination_new ("Thư mục toà soạn", f->folder);
  /* As its account is set up: the folder is the one chosen. */
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (f->destination), TRUE);
  f->article = byline_test_make_article (f->media);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->article);
  g_clear_object (&f->destination);
  g_clear_object (&f->folder);
  g_clear_object (&f->media);
}

#define TEST(path, func) \
  g_test_add ("/folder-destination/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

typedef struct
{
  GPtrArray *written;
} Versions;

static void
will_write (const char *version,
            gpointer    user_data)
{
  g_ptr_array_add (((Versions *) user_data)->written, g_strdup (version));
}

static gboolean
send_full (Fixture             *f,
           BylineStatus         status,
           const char * const  *written_versions,
           BylineSendReceipt  **receipt,
           GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  BylineSendOptions options = { .status = status, .note = "Gửi anh Quý duyệt",
                                .written_versions = written_versions };

  byline_destination_send_async (f->destination, f->article, &options, NULL,
                                 byline_test_got_result, &result);
  return byline_destination_send_finish (f->destination, byline_test_wait (&result), receipt, error);
}

static BylineSendReceipt *
send (Fixture      *f,
      BylineStatus  status)
{
  g_autoptr(GError) error = NULL;
  BylineSendReceipt *receipt = NULL;

  g_assert_true (send_full (f, status, NULL, &receipt, &error));
  g_assert_no_error (error);
  byline_article_set_remote (f->article, "Thư mục toà soạn", receipt->remote_id, receipt->remote_version);
  return receipt;
}

static GFile *
story_file (Fixture    *f,
            const char *status,
            const char *name)
{
  return g_file_new_build_filename (g_file_peek_path (f->folder), status,
                                    byline_article_get_id (f->article), name, NULL);
}

static GBytes *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static JsonObject *
load_status (Fixture    *f,
             const char *status)
{
  g_autoptr(GFile) file = story_file (f, status, "status.json");
  g_autoptr(GBytes) bytes = load (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_submit_layout (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GFile) item = story_file (f, "submitted", "item.json");
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) expected = byline_ninjs_export_bytes (f->article, NULL);
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *version = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  BylineStatus found = BYLINE_STATUS_DRAFT;
  g_autoptr(GFile) where = NULL;

  receipt = send (f, BYLINE_STATUS_SUBMITTED);
  g_assert_true (receipt->created);
  g_assert_cmpuint (receipt->assets_uploaded, ==, 2);

  /* The item as exported, byte for byte, its version the SHA-256 of it. */
  stored = load (item);
  assert_same_bytes (stored, expected);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
  version = g_strdup_printf ("\"%s\"", sha256);
  g_assert_cmpstr (receipt->remote_version, ==, version);
  g_assert_true (g_str_has_prefix (receipt->url, "file://"));

  /* Each picture beside it, under the name the item refers to. */
  for (guint i = 0; i < byline_article_get_n_images (f->article); i++)
    {
      BylineImage *image = byline_article_get_image (f->article, i);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autoptr(GFile) copy = story_file (f, "submitted", media_path);
      g_autoptr(GBytes) copied = load (copy);
      g_autoptr(GBytes) original = load (byline_image_get_file (image));

      assert_same_bytes (copied, original);
      g_assert_nonnull (strstr (g_bytes_get_data (stored, NULL), media_path));
    }

  status = load_status (f, "submitted");
  g_assert_cmpstr (json_object_get_string_member (status, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (status, "note"), ==, "Gửi anh Quý duyệt");
  g_assert_cmpstr (json_object_get_string_member (status, "version"), ==, version);

  ids = byline_folder_destination_list (BYLINE_FOLDER_DESTINATION (f->destination),
                                        BYLINE_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, byline_article_get_id (f->article));
  where = byline_folder_destination_find (BYLINE_FOLDER_DESTINATION (f->destination),
                                          byline_article_get_id (f->article), &found);
  g_assert_nonnull (where);
  g_assert_cmpint (found, ==, BYLINE_STATUS_SUBMITTED);
}

static void
test_publish_moves (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) first = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GFile) old_dir = story_file (f, "submitted", NULL);
  g_autoptr(GFile) new_item = story_file (f, "published", "item.json");
  g_auto(GStrv) submitted = NULL;
  g_auto(GStrv) published = NULL;

  byline_article_set_lead (f->article, "Cập nhật: đã thông tuyến.");
  second = send (f, BYLINE_STATUS_PUBLISHED);
  g_assert_false (second->created);
  g_assert_cmpstr (second->remote_version, !=, first->remote_version);
  g_assert_false (g_file_query_exists (old_dir, NULL));
  g_assert_true (g_file_query_exists (new_item, NULL));

  submitted = byline_folder_destination_list (BYLINE_FOLDER_DESTINATION (f->destination),
                                              BYLINE_STATUS_SUBMITTED, NULL);
  published = byline_folder_destination_list (BYLINE_FOLDER_DESTINATION (f->destination),
                                              BYLINE_STATUS_PUBLISHED, NULL);
  g_assert_cmpuint (g_strv_length (submitted), ==, 0);
  g_assert_cmpuint (g_strv_length (published), ==, 1);
}

static void
test_set_status (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) receipt = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(GFile) returned_item = story_file (f, "returned", "item.json");
  g_autoptr(GFile) old_dir = story_file (f, "submitted", NULL);

  byline_destination_set_status_async (f->destination, receipt->remote_id, BYLINE_STATUS_RETURNED,
                                       "Thiếu ảnh hiện trường.", NULL, NULL,
                                       byline_test_got_result, &result);
  g_assert_true (byline_destination_set_status_finish (f->destination, byline_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (returned_item, NULL));
  g_assert_false (g_file_query_exists (old_dir, NULL));
  status = load_status (f, "returned");
  g_assert_cmpstr (json_object_get_string_member (status, "status"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (status, "note"), ==, "Thiếu ảnh hiện trường.");
  g_assert_cmpstr (json_object_get_string_member (status, "version"), ==, receipt->remote_version);
}

static void
test_set_status_missing (Fixture       *f,
                         gconstpointer  data)
{
  const char *ids[] = { "khong-co", "../ngoai" };
  const int codes[] = { BYLINE_ERROR_NOT_FOUND, BYLINE_ERROR_UNSAFE_PATH };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      byline_destination_set_status_async (f->destination, ids[i], BYLINE_STATUS_PUBLISHED, NULL, NULL,
                                           NULL, byline_test_got_result, &result);
      g_assert_false (byline_destination_set_status_finish (f->destination, byline_test_wait (&result),
                                                            &error));
      g_assert_error (error, BYLINE_ERROR, codes[i]);
    }
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) first = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GFile) item = story_file (f, "submitted", "item.json");
  g_autoptr(GBytes) theirs = g_bytes_new_static ("{\"uri\": \"urn:uuid:sua\"}", 22);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, theirs);
  g_autofree char *their_version = g_strdup_printf ("\"%s\"", sha256);
  const char *written[] = { their_version, NULL };

  /* An editor on the share changes the story. */
  g_file_replace_contents (item, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_article_set_lead (f->article, "Bản của phóng viên.");

  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Thư mục toà soạn"));
  g_assert_nonnull (receipt);
  g_assert_cmpstr (receipt->remote_version, ==, their_version);
  after = load (item);
  assert_same_bytes (after, theirs);
  g_clear_error (&error);
  g_clear_pointer (&receipt, byline_send_receipt_free);

  /* Had that version been written by an earlier attempt of this send, it is ours. */
  g_assert_true (send_full (f, BYLINE_STATUS_SUBMITTED, written, &receipt, &error));
  g_assert_no_error (error);
}

static void
test_same_id_elsewhere_is_conflict (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) receipt = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(GError) error = NULL;

  /* A copy of the draft that never sent anything finds a different story there. */
  byline_article_set_remote (f->article, "Thư mục toà soạn", NULL, NULL);
  byline_article_set_headline (f->article, "Một bản khác");
  g_clear_pointer (&receipt, byline_send_receipt_free);
  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
}

static void
test_resend_identical (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) first = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineSendReceipt) second = NULL;
  g_autoptr(GError) error = NULL;

  /* A retry after a crash, knowing nothing: the same bytes are no conflict. */
  byline_article_set_remote (f->article, "Thư mục toà soạn", NULL, NULL);
  g_assert_true (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (second->remote_version, ==, first->remote_version);
}

static void
test_removed_picture_pruned (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) first = send (f, BYLINE_STATUS_SUBMITTED);
  g_autoptr(BylineSendReceipt) second = NULL;
  BylineImage *image = byline_article_get_image (f->article, 1);
  g_autofree char *media_path = byline_image_dup_media_path (image);
  g_autoptr(GFile) copy = story_file (f, "submitted", media_path);

  g_assert_true (g_file_query_exists (copy, NULL));
  byline_article_remove_image (f->article, image);
  second = send (f, BYLINE_STATUS_SUBMITTED);
  g_assert_false (g_file_query_exists (copy, NULL));
}

static void
test_missing_picture (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) item = story_file (f, "submitted", "item.json");
  BylineImage *image = byline_article_get_image (f->article, 0);

  g_file_delete (byline_image_get_file (image), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, &receipt, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "copy the picture"));
  g_assert_false (byline_destination_error_is_transient (error));
  /* No item without its pictures. */
  g_assert_false (g_file_query_exists (item, NULL));
}

static void
test_will_write_first (Fixture       *f,
                       gconstpointer  data)
{
  Versions versions = { g_ptr_array_new_with_free_func (g_free) };
  BylineSendOptions options = { .status = BYLINE_STATUS_DRAFT, .will_write = will_write,
                                .user_data = &versions };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) item = story_file (f, "draft", "item.json");

  byline_destination_send_async (f->destination, f->article, &options, NULL, byline_test_got_result, &result);
  /* Told before the thread wrote anything. */
  g_assert_cmpuint (versions.written->len, ==, 1);
  g_assert_true (byline_destination_send_finish (f->destination, byline_test_wait (&result), &receipt, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (versions.written, 0), ==, receipt->remote_version);
  g_assert_true (g_file_query_exists (item, NULL));
  g_ptr_array_unref (versions.written);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_get_child (f->folder, "a-file");
  g_autoptr(GFile) under_file = g_file_get_child (file, "newsroom");
  g_autoptr(BylineDestination) bad = NULL;

  byline_destination_check_async (f->destination, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (f->destination, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->user, ==, g_get_user_name ());
  g_assert_true (identity->roles & BYLINE_ROLE_EDITOR);
  g_assert_false (byline_destination_get_capabilities (f->destination) & BYLINE_DESTINATION_NEEDS_NETWORK);

  /* A folder that cannot exist: below a plain file. */
  g_file_replace_contents (file, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  bad = byline_folder_destination_new ("x", under_file);
  g_clear_pointer (&identity, byline_identity_free);
  byline_destination_check_async (bad, NULL, byline_test_got_result, &bad_result);
  identity = byline_destination_check_finish (bad, byline_test_wait (&bad_result), &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "a-file"));
}

static guint
count_children (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  guint n = 0;

  g_assert_nonnull (children);
  while (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    n++;
  return n;
}

static BylineIdentity *
check (BylineDestination  *destination,
       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  return byline_destination_check_finish (destination, byline_test_wait (&result), error);
}

static void
assert_not_connected (const GError *error,
                      GFile        *folder)
{
  g_assert_true (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK)
                 || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM));
  g_assert_true (byline_destination_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, g_file_peek_path (folder)));
  g_assert_nonnull (strstr (error->message, "is its network drive connected?"));
}

/* The newsroom's folder is a network drive's mount point, and the drive is
 * not connected: the folder is an empty one of this computer.  A story
 * written there would reach no editor. */
static void
test_drive_not_connected (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) mark = g_file_get_child (f->folder, ".byline-newsroom");
  g_autoptr(BylineDestination) chosen = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  g_clear_object (&f->destination);
  f->destination = byline_folder_destination_new ("Ổ mạng chung", f->folder);

  /* Nothing written, and the outbox will try again. */
  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  assert_not_connected (error, f->folder);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM);
  g_assert_nonnull (strstr (error->message, "nothing of the newsroom’s in it"));
  g_assert_cmpuint (count_children (f->folder), ==, 0);
  g_clear_error (&error);

  /* An editor's queue is not empty: it cannot be read. */
  ids = byline_folder_destination_list (BYLINE_FOLDER_DESTINATION (f->destination), BYLINE_STATUS_SUBMITTED,
                                        &error);
  g_assert_null (ids);
  assert_not_connected (error, f->folder);
  g_clear_error (&error);

  /* Nor is it taken by the check the window makes when it starts. */
  identity = check (f->destination, &error);
  g_assert_null (identity);
  assert_not_connected (error, f->folder);
  g_assert_cmpuint (count_children (f->folder), ==, 0);
  g_clear_error (&error);

  /* The folder set up, as the account's check does when it is saved: it is
   * marked, and what the drive has when connected. */
  chosen = byline_folder_destination_new ("Ổ mạng chung", f->folder);
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (chosen), TRUE);
  identity = check (chosen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity);
  g_assert_true (g_file_query_exists (mark, NULL));
  g_assert_true (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A folder missing altogether: not made where it was, but waited for. */
static void
test_folder_not_there (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_get_child (f->folder, "toa-soan");
  g_autoptr(BylineDestination) chosen = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->destination);
  f->destination = byline_folder_destination_new ("Ổ mạng chung", missing);
  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  assert_not_connected (error, missing);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (error->message, "The folder "));
  g_assert_false (g_file_query_exists (missing, NULL));
  g_clear_error (&error);
  identity = check (f->destination, &error);
  g_assert_null (identity);
  assert_not_connected (error, missing);
  g_assert_false (g_file_query_exists (missing, NULL));
  g_clear_error (&error);

  /* Typed by hand while setting up the account: made then. */
  chosen = byline_folder_destination_new ("Ổ mạng chung", missing);
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (chosen), TRUE);
  identity = check (chosen, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (missing, NULL));
  g_assert_true (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A folder that had stories before folders were marked is the newsroom's. */
static void
test_stories_before_the_mark (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) submitted = g_file_get_child (f->folder, "submitted");
  g_autoptr(GFile) mark = g_file_get_child (f->folder, ".byline-newsroom");
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->destination);
  f->destination = byline_folder_destination_new ("Thư mục toà soạn", f->folder);
  g_assert_true (g_file_make_directory (submitted, NULL, &error));
  g_assert_true (send_full (f, BYLINE_STATUS_PUBLISHED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (mark, NULL));
}

static char *
write_table (GFile      *folder,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (folder), name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_steal_pointer (&path);
}

/* Which drive of the system's table a folder is on, when it is not mounted. */
static void
test_unmounted_drive (void)
{
  g_autoptr(GFile) tables = byline_test_make_folder ("tables");
  g_autofree char *fstab = write_table (tables, "fstab",
                                        "/dev/sda1 / ext4 defaults 0 1\n"
                                        "//may-chu/toasoan /mnt/toa-soan cifs noauto,user 0 0\n");
  g_autofree char *bare = write_table (tables, "mounts", "/dev/sda1 / ext4 rw 0 0\n");
  g_autofree char *with_share = write_table (tables, "mounts-share",
                                             "/dev/sda1 / ext4 rw 0 0\n"
                                             "//may-chu/toasoan /mnt/toa-soan cifs rw 0 0\n");
  g_autofree char *below = _byline_unmounted_drive_of ("/mnt/toa-soan/bai-gui", fstab, bare);
  g_autofree char *at = _byline_unmounted_drive_of ("/mnt/toa-soan", fstab, bare);
  g_autofree char *home = _byline_unmounted_drive_of ("/home/huong/toa-soan", fstab, bare);
  g_autofree char *connected = _byline_unmounted_drive_of ("/mnt/toa-soan/bai-gui", fstab, with_share);

  g_assert_cmpstr (below, ==, "/mnt/toa-soan");
  g_assert_cmpstr (at, ==, "/mnt/toa-soan");
  g_assert_null (home);
  g_assert_null (connected);
}

/* A folder on a drive of the system's table that is not mounted is not
 * reached, even marked (the mount point's own, local, folder was marked
 * once), even chosen: saving the account then would take the local disk. */
static void
test_drive_in_table_not_mounted (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GFile) tables = byline_test_make_folder ("tables");
  g_autofree char *fstab_text = g_strdup_printf ("/dev/sda1 / ext4 defaults 0 1\n"
                                                 "//may-chu/toasoan %s cifs noauto 0 0\n",
                                                 g_file_peek_path (f->folder));
  g_autofree char *fstab = write_table (tables, "fstab", fstab_text);
  g_autofree char *mounts = write_table (tables, "mounts", "/dev/sda1 / ext4 rw 0 0\n");
  g_autoptr(GFile) mark = g_file_get_child (f->folder, ".byline-newsroom");
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (mark, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  _byline_folder_destination_set_mount_tables (BYLINE_FOLDER_DESTINATION (f->destination), fstab, mounts);

  g_assert_false (send_full (f, BYLINE_STATUS_SUBMITTED, NULL, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "which is not connected"));
  g_assert_cmpuint (count_children (f->folder), ==, 1);
  g_clear_error (&error);
  identity = check (f->destination, &error);
  g_assert_null (identity);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
}

static void
test_default_folder (void)
{
  g_autoptr(BylineDestination) destination = byline_folder_destination_new ("x", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "byline", "newsroom", NULL);
  GFile *folder = byline_folder_destination_get_folder (BYLINE_FOLDER_DESTINATION (destination));
  /* The default account names it by its path. */
  g_autoptr(GFile) named = g_file_new_for_path (expected);
  g_autoptr(BylineDestination) account = byline_folder_destination_new ("Thư mục toà soạn", named);
  g_autoptr(GFile) mark = g_file_get_child (named, ".byline-newsroom");
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (g_file_peek_path (folder), ==, expected);

  /* Our own folder: made when first needed. */
  g_assert_false (g_file_query_exists (named, NULL));
  identity = check (account, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity);
  g_assert_true (g_file_query_exists (mark, NULL));
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  TEST ("submit-layout", test_submit_layout);
  TEST ("publish-moves", test_publish_moves);
  TEST ("set-status", test_set_status);
  TEST ("set-status-missing", test_set_status_missing);
  TEST ("conflict", test_conflict);
  TEST ("same-id-elsewhere", test_same_id_elsewhere_is_conflict);
  TEST ("resend-identical", test_resend_identical);
  TEST ("removed-picture-pruned", test_removed_picture_pruned);
  TEST ("missing-picture", test_missing_picture);
  TEST ("will-write-first", test_will_write_first);
  TEST ("check", test_check);
  TEST ("drive-not-connected", test_drive_not_connected);
  TEST ("folder-not-there", test_folder_not_there);
  TEST ("stories-before-the-mark", test_stories_before_the_mark);
  TEST ("drive-in-table-not-mounted", test_drive_in_table_not_mounted);
  g_test_add_func ("/folder-destination/unmounted-drive", test_unmounted_drive);
  g_test_add_func ("/folder-destination/default-folder", test_default_folder);

  return g_test_run ();
}
