/* test-cli-publish.c — byline-cli account, publish and outbox against a real server process
 *
 * byline-newsroom-server runs as its own process (its path in
 * $BYLINE_NEWSROOM_SERVER), so that it can be stopped in the middle of a
 * publish and started again; the keyring is a private gnome-keyring-daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include "cli-runner.h"
#include "publish-test-utils.h"
#include "byline-review.h"

#define ACCOUNT "Toà soạn"

typedef struct
{
  GSubprocess *process;
  char        *data;
  char        *url;
  char        *port;
  char        *token;
  char        *editor_token;
} Server;

static void
server_start (Server     *server,
              const char *port)
{
  const char *program = g_getenv ("BYLINE_NEWSROOM_SERVER");
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (program);
  server->process = byline_test_spawn_child (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program,
                                             "--port", port, "--data", server->data, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "Listening on "))
        {
          g_free (server->url);
          server->url = g_strdup (line + strlen ("Listening on "));
          g_free (server->port);
          server->port = g_strdup (strrchr (server->url, ':') + 1);
          return;
        }
    }
}

static void
server_stop (Server *server)
{
  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

static void
server_init (Server *server)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("newsroom");

  server->data = g_file_get_path (folder);
  server_start (server, "0");
  server->token = token_of (server->data, "huong");
  server->editor_token = token_of (server->data, "quy");
}

static void
server_clear (Server *server)
{
  server_stop (server);
  g_clear_pointer (&server->data, g_free);
  g_clear_pointer (&server->url, g_free);
  g_clear_pointer (&server->port, g_free);
  g_clear_pointer (&server->token, g_free);
  g_clear_pointer (&server->editor_token, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Server, server_clear)

static void
assert_no_secret (Run        *run,
                  const char *secret)
{
  g_assert_null (strstr (run->out, secret));
  g_assert_null (strstr (run->err, secret));
}

static void
add_account (Server     *server,
             const char *token)
{
  g_autofree char *input = g_strconcat (token, "\n", NULL);
  g_auto(Run) run = { 0 };

  run_cli_input (&run, input, "account", "add", ACCOUNT, "--kind", "newsroom",
                 "--url", server->url, "--user", "huong");
  assert_ok (&run);
  assert_no_secret (&run, token);
}

/* A draft with two captioned pictures, saved in the store byline-cli uses. */
static BylineArticle *
make_draft (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GError) error = NULL;

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);
  return byline_draft_store_load (store, byline_article_get_id (article), &error);
}

static guint
count_items (Server *server)
{
  g_autofree char *path = g_build_filename (server->data, "items", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".meta.json"))
      count++;
  return count;
}

static void
assert_item (Server        *server,
             BylineArticle *sent,
             const char    *status)
{
  g_autofree char *name = g_strconcat (byline_article_get_id (sent), ".json", NULL);
  g_autofree char *path = g_build_filename (server->data, "items", name, NULL);
  g_autofree char *meta_name = g_strconcat (byline_article_get_id (sent), ".meta.json", NULL);
  g_autofree char *meta_path = g_build_filename (server->data, "items", meta_name, NULL);
  g_autofree char *media_base = g_strconcat (server->url, "/v1/assets/", NULL);
  BylineNinjsOptions options = { .media_base = media_base };
  g_autoptr(GBytes) expected = byline_ninjs_export_bytes (sent, &options);
  g_autoptr(JsonNode) meta = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *meta_text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_file_get_contents (meta_path, &meta_text, NULL, NULL));
  meta = parse_json (meta_text);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (meta), "status"), ==, status);
  for (guint i = 0; i < byline_article_get_n_images (sent); i++)
    {
      g_autofree char *asset = g_build_filename (server->data, "assets",
                                                 byline_image_get_sha256 (byline_article_get_image (sent, i)),
                                                 NULL);
      g_assert_true (g_file_test (asset, G_FILE_TEST_IS_REGULAR));
    }
}

/* --------------------------------------------------------------- tests */

static void
test_account (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) no_kind = { 0 };
  g_auto(Run) removed = { 0 };
  g_auto(Run) check_removed = { 0 };
  g_autofree char *ini = NULL;
  g_autofree char *ini_path = g_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *entry;

  server_init (&server);
  add_account (&server, server.token);

  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, "[" ACCOUNT "]"));
  g_assert_null (strstr (ini, server.token));

  run_cli (&list, "account", "list");
  assert_ok (&list);
  g_assert_nonnull (strstr (list.out, ACCOUNT));
  g_assert_nonnull (strstr (list.out, "kept"));
  assert_no_secret (&list, server.token);

  run_cli (&json, "account", "list", "--json");
  assert_ok (&json);
  node = parse_json (json.out);
  entry = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, ACCOUNT);
  g_assert_true (json_object_get_boolean_member (entry, "secret_kept"));

  run_cli (&check, "account", "test", ACCOUNT);
  assert_ok (&check);
  g_assert_cmpstr (check.out, ==, "“" ACCOUNT "”: signed in as Nguyễn Thị Hương (huong), role: reporter.\n");

  /* The secret never comes from the command line; none given is an error. */
  run_cli_input (&empty, "", "account", "add", "Khác", "--kind", "newsroom", "--url", server.url);
  assert_failed (&empty, "No token or password for “Khác”");
  run_cli (&no_kind, "account", "add", "Khác", "--url", server.url);
  assert_usage (&no_kind, "byline-cli: account add: --kind and --url are required");

  run_cli (&removed, "account", "remove", ACCOUNT);
  assert_ok (&removed);
  run_cli (&check_removed, "account", "test", ACCOUNT);
  assert_failed (&check_removed, "There is no account");
}

/* A folder account: its folder is taken when it is added (made, and marked
 * as the newsroom's), so that a send later goes there; a folder that cannot
 * be is said at once. */
static void
test_folder_account (void)
{
  g_autoptr(GFile) share = byline_test_make_folder ("share");
  g_autoptr(GFile) under = g_file_get_child (share, "toa-soan");
  g_autoptr(GFile) mark = g_file_get_child (under, ".byline-newsroom");
  g_autoptr(GFile) file = g_file_get_child (share, "tap-tin");
  g_autoptr(GFile) below_file = g_file_get_child (file, "toa-soan");
  g_autoptr(BylineArticle) draft = make_draft ();
  g_autofree char *item = NULL;
  g_auto(Run) add = { 0 };
  g_auto(Run) publish = { 0 };
  g_auto(Run) bad = { 0 };

  run_cli (&add, "account", "add", "Ổ mạng", "--kind", "folder", "--url", g_file_peek_path (under));
  assert_ok (&add);
  g_assert_true (g_file_query_exists (mark, NULL));
  run_cli (&publish, "publish", byline_article_get_id (draft), "--to", "Ổ mạng", "--override");
  assert_ok (&publish);
  item = g_build_filename (g_file_peek_path (under), "submitted", byline_article_get_id (draft), "item.json", NULL);
  g_assert_true (g_file_test (item, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_set_contents (g_file_peek_path (file), "", 0, NULL));
  run_cli (&bad, "account", "add", "Hỏng", "--kind", "folder", "--url", g_file_peek_path (below_file));
  assert_failed (&bad, "The account “Hỏng” is kept, but its folder cannot be used: ");
}

static void
test_secret_from_environment (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) check = { 0 };

  server_init (&server);
  g_setenv ("BYLINE_SECRET", server.editor_token, TRUE);
  run_cli (&add, "account", "add", ACCOUNT, "--kind", "newsroom", "--url", server.url);
  g_unsetenv ("BYLINE_SECRET");
  assert_ok (&add);
  run_cli (&check, "account", "test", ACCOUNT);
  assert_ok (&check);
  g_assert_nonnull (strstr (check.out, "Phạm Văn Quý"));
  g_assert_nonnull (strstr (check.out, "editor"));
}

static void
test_publish (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) publish = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) scheduled = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_autoptr(BylineArticle) draft = NULL;
  g_autofree char *expected = NULL;

  server_init (&server);
  add_account (&server, server.token);
  draft = make_draft ();

  run_cli (&publish, "publish", byline_article_get_id (draft), "--to", ACCOUNT);
  assert_ok (&publish);
  expected = g_strdup_printf ("Sent “%s” to “" ACCOUNT "” as submitted.\n", byline_article_get_headline (draft));
  g_assert_cmpstr (publish.out, ==, expected);
  assert_item (&server, draft, "submitted");
  g_assert_cmpuint (count_items (&server), ==, 1);

  /* A reporter cannot publish: said plainly, and nothing waits in the outbox
   * but the refused job. */
  run_cli (&refused, "publish", byline_article_get_id (draft), "--to", ACCOUNT, "--status", "published");
  assert_failed (&refused, "Publishing needs the editor role; your account has the reporter role.");
  run_cli (&list, "outbox", "list");
  assert_ok (&list);
  g_assert_nonnull (strstr (list.out, "failed"));
  g_assert_cmpuint (count_items (&server), ==, 1);

  /* A time as --help writes it (no seconds) is a time; scheduling is then
   * refused for the role, not for the way the time was written. */
  run_cli (&scheduled, "publish", byline_article_get_id (draft), "--to", ACCOUNT,
           "--status", "scheduled", "--at", "2030-08-11T06:30+07:00");
  assert_failed (&scheduled, "editor role");
  run_cli (&bad_time, "publish", byline_article_get_id (draft), "--to", ACCOUNT,
           "--status", "scheduled", "--at", "11/08/2030 06:30");
  assert_usage (&bad_time, "byline-cli: publish: “11/08/2030 06:30” is not a date and time like 2025-08-11T06:30+07:00");
}

/* The preflight checks before publishing: an error blocks it, nothing is
 * sent; --override sends it and records the decision on the story. */
static void
test_checks_block_publishing (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) blocked = { 0 };
  g_auto(Run) overridden = { 0 };
  g_autofree char *path = store_path ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineArticle) draft = make_draft ();
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record;

  server_init (&server);
  add_account (&server, server.editor_token);
  byline_article_set_category (draft, NULL);
  g_assert_true (byline_draft_store_save (store, draft, &error));
  g_assert_no_error (error);

  run_cli (&blocked, "publish", byline_article_get_id (draft), "--to", ACCOUNT, "--status", "published");
  assert_failed (&blocked, "1 error blocks publishing");
  g_assert_nonnull (strstr (blocked.err, "--override"));
  g_assert_cmpuint (count_items (&server), ==, 0);

  run_cli (&overridden, "publish", byline_article_get_id (draft), "--to", ACCOUNT, "--status", "published",
           "--override");
  assert_ok (&overridden);
  g_assert_cmpuint (count_items (&server), ==, 1);
  saved = byline_draft_store_load (store, byline_article_get_id (draft), &error);
  g_assert_no_error (error);
  record = byline_review_get_override (saved);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "errors"), 0), ==,
                   "missing-category");
}

static void
test_server_down_then_back (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) publish = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) retry = { 0 };
  g_auto(Run) after = { 0 };
  g_autoptr(BylineArticle) draft = NULL;
  g_autofree char *port = NULL;

  server_init (&server);
  add_account (&server, server.token);
  draft = make_draft ();

  /* The line is down while publishing. */
  port = g_strdup (server.port);
  server_stop (&server);
  run_cli (&publish, "publish", byline_article_get_id (draft), "--to", ACCOUNT, "--wait", "2");
  assert_failed (&publish, "Not sent yet");
  g_assert_nonnull (strstr (publish.err, "outbox retry"));
  run_cli (&list, "outbox");
  assert_ok (&list);
  g_assert_nonnull (strstr (list.out, "waiting"));

  /* Back: the job goes, once. */
  server_start (&server, port);
  run_cli (&retry, "outbox", "retry");
  assert_ok (&retry);
  g_assert_nonnull (strstr (retry.out, "sent"));
  assert_item (&server, draft, "submitted");
  g_assert_cmpuint (count_items (&server), ==, 1);
  run_cli (&after, "outbox", "list");
  assert_ok (&after);
  g_assert_cmpstr (after.out, ==, "");
}

static void
test_queue_and_cancel (void)
{
  g_auto(Server) server = { 0 };
  g_auto(Run) queue = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) cancel = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autoptr(BylineArticle) draft = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *prefix = NULL;

  server_init (&server);
  add_account (&server, server.token);
  draft = make_draft ();

  run_cli (&queue, "publish", byline_article_get_id (draft), "--to", ACCOUNT, "--wait", "0");
  assert_ok (&queue);
  g_assert_true (g_str_has_prefix (queue.out, "Queued for “" ACCOUNT "”: job "));

  run_cli (&list, "outbox", "list", "--json");
  assert_ok (&list);
  node = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  prefix = g_strndup (json_object_get_string_member (json_array_get_object_element (json_node_get_array (node), 0),
                                                     "job"), 8);

  run_cli (&cancel, "outbox", "cancel", prefix);
  assert_ok (&cancel);
  run_cli (&after, "outbox", "list");
  assert_ok (&after);
  g_assert_cmpstr (after.out, ==, "");
  g_assert_cmpuint (count_items (&server), ==, 0);

  run_cli (&unknown, "outbox", "cancel", "abcd1234");
  assert_failed (&unknown, "There is no job");
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("BYLINE_SECRET");
  cli_runner_init (&argc, &argv);
  keyring = byline_test_keyring_start ();

  g_test_add_func ("/cli-publish/account", test_account);
  g_test_add_func ("/cli-publish/secret-from-environment", test_secret_from_environment);
  g_test_add_func ("/cli-publish/folder-account", test_folder_account);
  g_test_add_func ("/cli-publish/publish", test_publish);
  g_test_add_func ("/cli-publish/checks-block-publishing", test_checks_block_publishing);
  g_test_add_func ("/cli-publish/server-down-then-back", test_server_down_then_back);
  g_test_add_func ("/cli-publish/queue-and-cancel", test_queue_and_cancel);

  status = g_test_run ();
  byline_test_keyring_stop (keyring);
  return status;
}
