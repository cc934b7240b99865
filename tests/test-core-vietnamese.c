/* test-core-vietnamese.c — the core's error messages under a Vietnamese locale
 *
 * What the window and byline-cli show when a draft cannot be read or a server
 * cannot be reached comes from libbyline; under vi_VN.UTF-8 it is Vietnamese,
 * the file names and host names it quotes unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>

#include "byline-draft-format.h"
#include "byline-error.h"
#include "byline-files.h"
#include "byline-folder-destination.h"
#include "byline-http-private.h"
#include "publish-test-utils.h"

static GError *
parse (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_draft_format_parse (bytes, "bai-viet.json", &error);

  g_assert_null (article);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return g_steal_pointer (&error);
}

static void
test_draft_format (void)
{
  g_autoptr(GError) list = parse ("[1, 2]");
  g_autoptr(GError) other = parse ("{\"format\": \"something-else\", \"version\": \"1.0\"}");

  g_assert_error (list, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_cmpstr (list->message, ==, "bai-viet.json: không phải bản nháp Byline (không phải đối tượng JSON)");
  g_assert_error (other, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_true (g_str_has_prefix (other->message, "bai-viet.json: không phải bản nháp Byline (không có “format”: "));
}

static void
test_http (void)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", "https://toasoan.example.vn/api/stories");
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused");
  g_autoptr(GError) timed_out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
  g_autoptr(GError) error = _byline_http_error_from_transport (refused, msg);
  g_autoptr(GError) late = _byline_http_error_from_transport (timed_out, msg);

  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==,
                   "toasoan.example.vn:443 từ chối kết nối: có thể máy chủ đang ngừng hoạt động.");
  g_assert_error (late, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_cmpstr (late->message, ==, "toasoan.example.vn:443 không trả lời kịp thời.");
}

static GError *
check_folder (GFile *folder)
{
  g_autoptr(BylineDestination) share = byline_folder_destination_new ("Ổ mạng chung", folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  GError *error = NULL;

  byline_destination_check_async (share, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (share, byline_test_wait (&result), &error);
  g_assert_null (identity);
  g_test_message ("%s", error->message);
  return error;
}

/* A shared folder not there: GLib's own words are not all in Vietnamese
 * ("Error creating directory …"), ours are. */
static void
test_folder (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("byline-vi-XXXXXX", NULL);
  g_autoptr(GFile) mount_point = g_file_new_for_path (tmp);
  g_autoptr(GFile) missing = g_file_get_child (mount_point, "toa-soan");
  g_autoptr(GFile) file = g_file_get_child (mount_point, "tap-tin");
  g_autoptr(GFile) below_file = g_file_get_child (file, "toa-soan");
  g_autoptr(GError) not_there = check_folder (missing);
  g_autoptr(GError) empty = check_folder (mount_point);
  g_autoptr(GError) below = NULL;
  g_autofree char *expected = g_strdup_printf ("Không thấy thư mục %s/toa-soan: ổ mạng chứa nó đã được kết nối chưa?",
                                               tmp);

  g_assert_error (not_there, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
  g_assert_cmpstr (not_there->message, ==, expected);
  g_assert_error (empty, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM);
  g_assert_true (g_str_has_prefix (empty->message, "Thư mục "));
  g_assert_nonnull (strstr (empty->message, "không có gì của tòa soạn"));

  g_assert_true (g_file_set_contents (g_file_peek_path (file), "", 0, NULL));
  below = check_folder (below_file);
  g_assert_error (below, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_true (g_str_has_suffix (below->message, ": một tập tin nằm ở chỗ lẽ ra là thư mục trên đường dẫn"));
  g_assert_true (g_str_has_prefix (below->message, "Không mở được thư mục "));

  g_unlink (g_file_peek_path (file));
  g_rmdir (tmp);
}

/* A file not there, in Vietnamese through and through. */
static void
test_file_not_there (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/khong-co/lu-quet.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_null (bytes);
  byline_io_error_reword (&error, file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "/khong-co/lu-quet.docx: không tìm thấy");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  g_setenv ("LANGUAGE", "vi", TRUE);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    g_error ("the vi_VN.UTF-8 locale is not available (locales, locale-gen)");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/vietnamese/draft-format", test_draft_format);
  g_test_add_func ("/core/vietnamese/http", test_http);
  g_test_add_func ("/core/vietnamese/folder", test_folder);
  g_test_add_func ("/core/vietnamese/file-not-there", test_file_not_there);

  return g_test_run ();
}
