/* test-accounts.c — accounts in a key file, secrets only in a (private) keyring
 *
 * The test runs its own D-Bus session (GTestDBus) and its own
 * gnome-keyring-daemon in it, with HOME in a temporary folder, so that it
 * never touches a real keyring and needs nobody to unlock one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-accounts.h"
#include "byline-newsroom-destination.h"
#include "byline-folder-destination.h"
#include "byline-wordpress-destination.h"
#include "publish-test-utils.h"

#define TOKEN            BYLINE_TEST_REPORTER_TOKEN

/* ------------------------------------------------------------- helpers */

static gboolean
save (BylineAccounts  *accounts,
      BylineAccount   *account,
      const char      *secret,
      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_accounts_save_async (accounts, account, secret, NULL, byline_test_got_result, &result);
  return byline_accounts_save_finish (accounts, byline_test_wait (&result), error);
}

static gboolean
remove_account (BylineAccounts  *accounts,
                const char      *name,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_accounts_remove_async (accounts, name, NULL, byline_test_got_result, &result);
  return byline_accounts_remove_finish (accounts, byline_test_wait (&result), error);
}

static BylineDestination *
create_destination (BylineAccounts  *accounts,
                    const char      *name,
                    GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_accounts_create_destination_async (accounts, name, NULL, byline_test_got_result, &result);
  return byline_accounts_create_destination_finish (accounts, byline_test_wait (&result), error);
}

static gboolean
has_secret (BylineAccounts *accounts,
            const char     *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;

  byline_accounts_has_secret_async (accounts, name, NULL, byline_test_got_result, &result);
  found = byline_accounts_has_secret_finish (accounts, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  return found;
}

/* No file under the test's HOME holds @secret, except the keyring's own
 * (which the daemon keeps elsewhere, encrypted). */
static void
assert_secret_nowhere (const char *folder,
                       const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_secret_nowhere (path, secret);
      else if (g_file_get_contents (path, &contents, &length, NULL)
               && g_strstr_len (contents, length, secret) != NULL)
        g_error ("%s holds the secret", path);
    }
}

static char *
ini_text (BylineAccounts *accounts)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (byline_accounts_get_file (accounts), NULL, &contents, NULL, NULL, NULL));
  return contents;
}

/* --------------------------------------------------------------- tests */

static void
test_add_newsroom (void)
{
  g_autoptr(BylineNewsroomServer) server = byline_test_newsroom_server_new ();
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(BylineAccounts) again = byline_accounts_new (NULL);
  g_autoptr(BylineAccount) account = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_path = g_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);
  BylineAccount *loaded;

  g_assert_cmpstr (g_file_peek_path (byline_accounts_get_file (accounts)), ==, expected_path);
  g_assert_true (byline_accounts_load (accounts, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);

  account = byline_account_new ("Toà soạn Lai Châu", BYLINE_ACCOUNT_NEWSROOM,
                                byline_newsroom_server_get_url (server), "huong");
  g_assert_true (save (accounts, account, TOKEN, &error));
  g_assert_no_error (error);

  /* The file has everything but the secret. */
  text = ini_text (accounts);
  g_assert_nonnull (strstr (text, "[Toà soạn Lai Châu]"));
  g_assert_nonnull (strstr (text, "kind=newsroom"));
  g_assert_nonnull (strstr (text, "user=huong"));
  g_assert_null (strstr (text, TOKEN));
  assert_secret_nowhere (g_get_home_dir (), TOKEN);
  assert_secret_nowhere (g_get_user_config_dir (), TOKEN);
  g_assert_true (has_secret (accounts, "Toà soạn Lai Châu"));

  /* Read back by another instance; the destination works with the kept token. */
  g_assert_true (byline_accounts_load (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  loaded = byline_accounts_lookup (again, "Toà soạn Lai Châu");
  g_assert_nonnull (loaded);
  g_assert_cmpint (byline_account_get_kind (loaded), ==, BYLINE_ACCOUNT_NEWSROOM);
  g_assert_cmpstr (byline_account_get_url (loaded), ==, byline_newsroom_server_get_url (server));
  g_assert_cmpstr (byline_account_get_user (loaded), ==, "huong");

  destination = create_destination (again, "Toà soạn Lai Châu", &error);
  g_assert_no_error (error);
  g_assert_true (BYLINE_IS_NEWSROOM_DESTINATION (destination));
  g_assert_cmpstr (byline_destination_get_name (destination), ==, "Toà soạn Lai Châu");
  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->display_name, ==, "Nguyễn Thị Hương");

  g_assert_true (remove_account (again, "Toà soạn Lai Châu", &error));
}

static void
test_edit_keeps_or_replaces_secret (void)
{
  g_autoptr(BylineNewsroomServer) server = byline_test_newsroom_server_new ();
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(BylineAccount) first = NULL;
  g_autoptr(BylineAccount) moved = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_url = g_strdup_printf ("%s/cu", byline_newsroom_server_get_url (server));

  first = byline_account_new ("Toà soạn", BYLINE_ACCOUNT_NEWSROOM, old_url, "huong");
  g_assert_true (save (accounts, first, "sai-token-cu", &error));

  /* A new address, the secret untouched (NULL)… */
  moved = byline_account_new ("Toà soạn", BYLINE_ACCOUNT_NEWSROOM, byline_newsroom_server_get_url (server), "huong");
  g_assert_true (save (accounts, moved, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 1);
  destination = create_destination (accounts, "Toà soạn", &error);
  byline_destination_check_async (destination, NULL, byline_test_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_test_wait (&result), &error);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_AUTH);
  g_clear_error (&error);
  g_clear_object (&destination);

  /* … then the right token. */
  g_assert_true (save (accounts, moved, TOKEN, &error));
  destination = create_destination (accounts, "Toà soạn", &error);
  byline_destination_check_async (destination, NULL, byline_test_got_result, &result2);
  identity = byline_destination_check_finish (destination, byline_test_wait (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->user, ==, "huong");

  g_assert_true (remove_account (accounts, "Toà soạn", &error));
}

static void
test_remove (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(BylineAccount) account = byline_account_new ("Tạm", BYLINE_ACCOUNT_NEWSROOM,
                                                         "https://toasoan.example", "quy");
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (save (accounts, account, "bi-mat", &error));
  g_assert_true (has_secret (accounts, "Tạm"));
  g_assert_true (remove_account (accounts, "Tạm", &error));
  g_assert_no_error (error);
  g_assert_null (byline_accounts_lookup (accounts, "Tạm"));
  text = ini_text (accounts);
  g_assert_null (strstr (text, "Tạm"));

  /* Gone from the keyring too: adding it back without a secret is refused. */
  g_assert_false (save (accounts, account, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (remove_account (accounts, "Tạm", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  destination = create_destination (accounts, "Tạm", &error);
  g_assert_null (destination);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
}

static void
test_secret_missing_from_keyring (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) error = NULL;
  const char *ini = "[Khác máy]\nkind=newsroom\nurl=https://toasoan.example\nuser=huong\n";

  /* accounts.ini copied from another computer, without its keyring. */
  parent = g_file_get_parent (byline_accounts_get_file (accounts));
  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (byline_accounts_get_file (accounts), ini, strlen (ini), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_accounts_load (accounts, &error));
  g_assert_false (has_secret (accounts, "Khác máy"));

  destination = create_destination (accounts, "Khác máy", &error);
  g_assert_null (destination);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "No token or password is kept for “Khác máy”"));
}

static void
test_folder_account (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(GFile) share = byline_test_make_folder ("share");
  g_autoptr(BylineAccount) account = byline_account_new ("Thư mục chung", BYLINE_ACCOUNT_FOLDER,
                                                         g_file_peek_path (share), NULL);
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (byline_account_needs_secret (account));
  g_assert_true (save (accounts, account, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_secret (accounts, "Thư mục chung"));
  destination = create_destination (accounts, "Thư mục chung", &error);
  g_assert_no_error (error);
  g_assert_true (BYLINE_IS_FOLDER_DESTINATION (destination));
  g_assert_true (g_file_equal (byline_folder_destination_get_folder (BYLINE_FOLDER_DESTINATION (destination)),
                               share));
}

static void
test_invalid (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  struct {
    const char        *name;
    BylineAccountKind  kind;
    const char        *url;
    const char        *secret;
  } cases[] = {
    { "", BYLINE_ACCOUNT_NEWSROOM, "https://x.example", "t" },
    { "Có [ngoặc]", BYLINE_ACCOUNT_NEWSROOM, "https://x.example", "t" },
    { "FTP", BYLINE_ACCOUNT_NEWSROOM, "ftp://x.example", "t" },
    { "Không có mật khẩu", BYLINE_ACCOUNT_NEWSROOM, "https://x.example", NULL },
    { "Mật khẩu rỗng", BYLINE_ACCOUNT_WORDPRESS, "https://x.example", "" },
    { "Không thư mục", BYLINE_ACCOUNT_FOLDER, "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineAccount) account = byline_account_new (cases[i].name, cases[i].kind, cases[i].url, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (save (accounts, account, cases[i].secret, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  g_assert_false (g_file_query_exists (byline_accounts_get_file (accounts), NULL));
}

static void
test_wordpress_destination (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(BylineAccount) account = byline_account_new ("Báo điện tử", BYLINE_ACCOUNT_WORDPRESS,
                                                         "https://baodientu.example/", "bientap");
  g_autoptr(BylineAccount) no_user = byline_account_new ("Không người dùng", BYLINE_ACCOUNT_WORDPRESS,
                                                         "https://baodientu.example", NULL);
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;

  /* Application passwords belong to a user: Basic authentication needs both. */
  g_assert_false (save (accounts, no_user, "abcd efgh ijkl mnop qrst uvwx", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (save (accounts, account, "abcd efgh ijkl mnop qrst uvwx", &error));
  destination = create_destination (accounts, "Báo điện tử", &error);
  g_assert_no_error (error);
  g_assert_true (BYLINE_IS_WORDPRESS_DESTINATION (destination));
  g_assert_cmpstr (byline_destination_get_name (destination), ==, "Báo điện tử");
  g_assert_cmpstr (byline_wordpress_destination_get_url (BYLINE_WORDPRESS_DESTINATION (destination)), ==,
                   "https://baodientu.example");
  g_assert_true (byline_destination_get_capabilities (destination) & BYLINE_DESTINATION_CAN_PUBLISH);
  g_assert_true (byline_destination_get_capabilities (destination) & BYLINE_DESTINATION_DETECTS_CONFLICTS);
  g_assert_true (remove_account (accounts, "Báo điện tử", &error));
}

static void
test_damaged_file (void)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(GFile) parent = g_file_get_parent (byline_accounts_get_file (accounts));
  g_autoptr(GError) error = NULL;
  const char *ini = "[Thiếu loại]\nurl=https://x.example\n";

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (byline_accounts_get_file (accounts), ini, strlen (ini), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (byline_accounts_load (accounts, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Thiếu loại"));
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_init (&argc, &argv);

  keyring = byline_test_keyring_start ();

  g_test_add_func ("/accounts/add-newsroom", test_add_newsroom);
  g_test_add_func ("/accounts/edit-keeps-or-replaces-secret", test_edit_keeps_or_replaces_secret);
  g_test_add_func ("/accounts/remove", test_remove);
  g_test_add_func ("/accounts/secret-missing-from-keyring", test_secret_missing_from_keyring);
  g_test_add_func ("/accounts/folder", test_folder_account);
  g_test_add_func ("/accounts/invalid", test_invalid);
  g_test_add_func ("/accounts/wordpress", test_wordpress_destination);
  g_test_add_func ("/accounts/damaged-file", test_damaged_file);

  status = g_test_run ();

  byline_test_keyring_stop (keyring);
  return status;
}
