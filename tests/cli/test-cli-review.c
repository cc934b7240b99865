/* test-cli-review.c — byline-cli review and merge: a reporter and an editor,
 * each with an account and a draft store of their own, on the same
 * byline-newsroom-server process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include "cli-runner.h"
#include "publish-test-utils.h"

#define REPORTER "Phóng viên"
#define EDITOR "Biên tập"
#define NOTE "Kiểm tra lại số hộ dân phải sơ tán với UBND xã."
#define EDITED_FIRST "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp."
#define REPORTER_FIRST "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 39 hộ dân phải sơ tán khẩn cấp."
#define REPORTER_FIX "Thông tin chi tiết được cập nhật liên tục trên cổng thông tin điện tử của tỉnh."

typedef struct
{
  GSubprocess *process;
  char        *data;
  char        *url;
  char        *reporter_store;
  char        *editor_store;
} Desk;

static void
add_account (Desk       *desk,
             const char *name,
             const char *user)
{
  g_autofree char *token = token_of (desk->data, user);
  g_autofree char *input = g_strconcat (token, "\n", NULL);
  g_auto(Run) run = { 0 };

  run_cli_input (&run, input, "account", "add", name, "--kind", "newsroom", "--url", desk->url, "--user", user);
  assert_ok (&run);
}

static void
desk_init (Desk *desk)
{
  const char *program = g_getenv ("BYLINE_NEWSROOM_SERVER");
  g_autoptr(GFile) folder = byline_test_make_folder ("newsroom");
  g_autoptr(GFile) reporter = byline_test_make_folder ("reporter-drafts");
  g_autoptr(GFile) editor = byline_test_make_folder ("editor-drafts");
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (program);
  desk->data = g_file_get_path (folder);
  desk->reporter_store = g_file_get_path (reporter);
  desk->editor_store = g_file_get_path (editor);
  desk->process = byline_test_spawn_child (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program,
                                           "--port", "0", "--data", desk->data, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (desk->process));
  while (desk->url == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "Listening on "))
        desk->url = g_strdup (line + strlen ("Listening on "));
    }
  add_account (desk, REPORTER, "huong");
  add_account (desk, EDITOR, "quy");
}

static void
desk_clear (Desk *desk)
{
  if (desk->process != NULL)
    {
      g_subprocess_send_signal (desk->process, SIGTERM);
      g_subprocess_wait (desk->process, NULL, NULL);
      g_clear_object (&desk->process);
    }
  g_clear_pointer (&desk->data, g_free);
  g_clear_pointer (&desk->url, g_free);
  g_clear_pointer (&desk->reporter_store, g_free);
  g_clear_pointer (&desk->editor_store, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Desk, desk_clear)

static BylineDraftStore *
open_store (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return byline_draft_store_new (folder);
}

static char *
make_draft (Desk *desk)
{
  g_autoptr(BylineDraftStore) store = open_store (desk->reporter_store);
  g_autoptr(GFile) media = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GError) error = NULL;

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_article_set_publish_time (article, NULL);
  byline_article_set_editor_note (article, NULL);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);
  return g_strdup (byline_article_get_id (article));
}

static void
set_paragraph (const char *store_path_,
               const char *id,
               const char *start,
               const char *text)
{
  g_autoptr(BylineDraftStore) store = open_store (store_path_);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_draft_store_load (store, id, &error);
  BylineBody *body;

  g_assert_no_error (error);
  body = byline_article_get_body (article);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, i)), start))
      byline_body_set_text (body, i, text);
  byline_draft_store_save (store, article, &error);
  g_assert_no_error (error);
}

static JsonObject *
server_meta (Desk       *desk,
             const char *id)
{
  g_autofree char *name = g_strconcat (id, ".meta.json", NULL);
  g_autofree char *path = g_build_filename (desk->data, "items", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
server_item (Desk       *desk,
             const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (desk->data, "items", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Whether a saved version of the draft holds @text in its first paragraph. */
static gboolean
history_has (const char *store_path_,
             const char *id,
             const char *text)
{
  g_autoptr(BylineDraftStore) store = open_store (store_path_);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = byline_draft_store_list_history (store, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (versions, i);
      g_autoptr(BylineArticle) article = byline_draft_store_load_version (store, id, version->revision, &error);

      g_assert_no_error (error);
      if (strstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article), 0)), text))
        return TRUE;
    }
  return FALSE;
}

/* The reporter submits through the outbox, as `publish` always does. */
static void
submit (Desk       *desk,
        const char *id)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "publish", id, "--to", REPORTER, "--store", desk->reporter_store);
  assert_ok (&run);
}

static void
editor_opens (Desk       *desk,
              const char *id)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("as the draft %s.\n", id);

  run_cli (&run, "review", "open", id, "--from", EDITOR, "--store", desk->editor_store);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, expected));
}

/* --------------------------------------------------------------- tests */

static void
test_cycle (void)
{
  g_auto(Desk) desk = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) list_json = { 0 };
  g_auto(Run) returned = { 0 };
  g_auto(Run) seen = { 0 };
  g_auto(Run) resubmit = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) published = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *short_id = NULL;
  g_autofree char *item = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) meta = NULL;
  JsonObject *story;

  desk_init (&desk);
  id = make_draft (&desk);
  short_id = g_strndup (id, 8);
  submit (&desk, id);

  run_cli (&list, "review", "list", "--from", EDITOR, "--store", desk.editor_store);
  assert_ok (&list);
  g_assert_true (g_str_has_prefix (list.out, short_id));
  g_assert_nonnull (strstr (list.out, "ready"));
  g_assert_nonnull (strstr (list.out, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản\n"));
  run_cli (&list_json, "review", "list", "--from", EDITOR, "--json");
  assert_ok (&list_json);
  node = parse_json (list_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  story = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (story, "author"), ==, "Nguyễn Thị Hương, Lò Văn Dũng");
  g_assert_cmpstr (json_object_get_string_member (story, "submitted_by"), ==, "huong");
  g_assert_cmpint (json_object_get_int_member (story, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (story, "word_count"), >, 50);

  editor_opens (&desk, id);
  set_paragraph (desk.editor_store, id, "Theo Ban", EDITED_FIRST);
  run_cli (&returned, "review", "return", id, "--to", EDITOR, "--note", NOTE, "--store", desk.editor_store);
  assert_ok (&returned);
  g_assert_nonnull (strstr (returned.out, "” to “" EDITOR "” as returned.\n"));

  /* The reporter sees the note and the editor's change. */
  run_cli (&seen, "review", "open", id, "--from", REPORTER, "--store", desk.reporter_store);
  assert_ok (&seen);
  g_assert_nonnull (strstr (seen.out, "(returned)"));
  g_assert_nonnull (strstr (seen.out, "Note: " NOTE "\n"));
  g_assert_nonnull (strstr (seen.out, "Changed on “" REPORTER "” since your version:\n\n"
                                      "Body, paragraph 1, changed:\n"
                                      "  Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có "
                                      "[-37-]{+41+} hộ dân phải sơ tán khẩn cấp.\n"));

  /* Opening again shows the same: the changes since the reporter's submission. */
  {
    g_auto(Run) twice = { 0 };

    run_cli (&twice, "review", "open", id, "--from", REPORTER, "--store", desk.reporter_store);
    assert_ok (&twice);
    g_assert_nonnull (strstr (twice.out, "[-37-]{+41+}"));
  }

  /* … fixes, and submits again through the outbox. */
  set_paragraph (desk.reporter_store, id, "Thông tin chi tiết", REPORTER_FIX);
  run_cli (&resubmit, "publish", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_ok (&resubmit);

  /* A reporter cannot publish: the server's sentence. */
  run_cli (&refused, "review", "publish", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_failed (&refused, "Publishing needs the editor role; your account has the reporter role.");

  editor_opens (&desk, id);
  run_cli (&published, "review", "publish", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_ok (&published);
  g_assert_nonnull (strstr (published.out, "as published.\n"));

  meta = server_meta (&desk, id);
  g_assert_cmpstr (json_object_get_string_member (meta, "status"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (meta, "updated_by"), ==, "quy");
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "41 hộ dân"));
  g_assert_nonnull (strstr (item, "cập nhật liên tục"));

  /* Nothing of either is left in an outbox. */
  run_cli (&again, "outbox", "list", "--store", desk.reporter_store);
  assert_ok (&again);
  g_assert_cmpstr (again.out, ==, "");
}

static void
test_schedule (void)
{
  g_auto(Desk) desk = { 0 };
  g_auto(Run) scheduled = { 0 };
  g_auto(Run) no_time = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GDateTime) when = NULL;

  desk_init (&desk);
  id = make_draft (&desk);
  submit (&desk, id);
  editor_opens (&desk, id);

  run_cli (&no_time, "review", "schedule", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_usage (&no_time, "byline-cli: review schedule: --at TIME is required, like 2025-08-11T06:30+07:00");
  run_cli (&scheduled, "review", "schedule", id, "--to", EDITOR, "--at", "2030-08-11T06:30+07:00",
           "--store", desk.editor_store);
  assert_ok (&scheduled);
  g_assert_true (g_str_has_prefix (scheduled.out, "Scheduled “"));

  meta = server_meta (&desk, id);
  g_assert_cmpstr (json_object_get_string_member (meta, "status"), ==, "scheduled");
  when = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "publish_at"), NULL);
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_to_unix (when), ==, 1912635000);
}

/* Both edit the same sentence at once: the second send stops, `merge` shows
 * both versions and settles it, and the choice goes out. */
static void
test_conflict (void)
{
  g_auto(Desk) desk = { 0 };
  g_auto(Run) editor_send = { 0 };
  g_auto(Run) stopped = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) settled = { 0 };
  g_auto(Run) sent = { 0 };
  g_auto(Run) history = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *item = NULL;

  desk_init (&desk);
  id = make_draft (&desk);
  submit (&desk, id);
  editor_opens (&desk, id);
  set_paragraph (desk.editor_store, id, "Theo Ban", EDITED_FIRST);
  run_cli (&editor_send, "review", "submit", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_ok (&editor_send);

  set_paragraph (desk.reporter_store, id, "Theo Ban", REPORTER_FIRST);
  run_cli (&stopped, "review", "submit", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_failed (&stopped, "Not sent: Someone else changed this story on “" REPORTER "” meanwhile, and 1 change "
                           "conflicts with yours");
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "41 hộ dân"));
  g_assert_null (strstr (item, "39 hộ dân"));

  run_cli (&shown, "merge", id, "--from", REPORTER, "--store", desk.reporter_store);
  assert_ok (&shown);
  g_assert_nonnull (strstr (shown.out, "1. Body, paragraph 1 (unresolved)\n"
                                       "   yours:  " REPORTER_FIRST "\n"
                                       "   theirs: " EDITED_FIRST "\n"));

  run_cli (&settled, "merge", id, "--from", REPORTER, "--take", "1=ours", "--store", desk.reporter_store);
  assert_ok (&settled);
  g_assert_nonnull (strstr (settled.out, "Merged: "));

  run_cli (&sent, "review", "submit", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_ok (&sent);
  g_clear_pointer (&item, g_free);
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "39 hộ dân"));

  /* The editor's version is in the reporter's history all the same. */
  run_cli (&history, "history", id, "--store", desk.reporter_store);
  assert_ok (&history);
  g_assert_true (history_has (desk.reporter_store, id, "41 hộ dân"));
  g_assert_true (history_has (desk.reporter_store, id, "39 hộ dân"));
}

/* Different paragraphs at once: merged without asking. */
static void
test_merged (void)
{
  g_auto(Desk) desk = { 0 };
  g_auto(Run) editor_send = { 0 };
  g_auto(Run) sent = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *item = NULL;

  desk_init (&desk);
  id = make_draft (&desk);
  submit (&desk, id);
  editor_opens (&desk, id);
  set_paragraph (desk.editor_store, id, "Theo Ban", EDITED_FIRST);
  run_cli (&editor_send, "review", "submit", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_ok (&editor_send);

  set_paragraph (desk.reporter_store, id, "Thông tin chi tiết", REPORTER_FIX);
  run_cli (&sent, "review", "submit", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_ok (&sent);
  g_assert_true (g_str_has_prefix (sent.out, "Someone else had changed it meanwhile; their changes were merged "
                                             "with yours.\n"));
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "41 hộ dân"));
  g_assert_nonnull (strstr (item, "cập nhật liên tục"));
}

/* The same through the outbox (`publish`): merged when it can be; a real
 * conflict waits in the outbox until `merge` settles it, then `outbox retry`. */
static void
test_outbox_merges (void)
{
  g_auto(Desk) desk = { 0 };
  g_auto(Run) editor_send = { 0 };
  g_auto(Run) merged = { 0 };
  g_auto(Run) editor_again = { 0 };
  g_auto(Run) stopped = { 0 };
  g_auto(Run) settled = { 0 };
  g_auto(Run) retried = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *item = NULL;

  desk_init (&desk);
  id = make_draft (&desk);
  submit (&desk, id);
  editor_opens (&desk, id);
  set_paragraph (desk.editor_store, id, "Theo Ban", EDITED_FIRST);
  run_cli (&editor_send, "review", "submit", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_ok (&editor_send);

  /* Another paragraph: merged by the outbox and sent. */
  set_paragraph (desk.reporter_store, id, "Thông tin chi tiết", REPORTER_FIX);
  run_cli (&merged, "publish", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_ok (&merged);
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "41 hộ dân"));
  g_assert_nonnull (strstr (item, "cập nhật liên tục"));

  /* The same sentence: the job fails with the conflict, nothing is overwritten. */
  editor_opens (&desk, id);
  set_paragraph (desk.editor_store, id, "Theo Ban", REPORTER_FIRST);
  run_cli (&editor_again, "review", "submit", id, "--to", EDITOR, "--store", desk.editor_store);
  assert_ok (&editor_again);
  set_paragraph (desk.reporter_store, id, "Theo Ban", EDITED_FIRST "..");
  run_cli (&stopped, "publish", id, "--to", REPORTER, "--store", desk.reporter_store);
  assert_failed (&stopped, "conflict with yours");
  g_clear_pointer (&item, g_free);
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "39 hộ dân"));

  run_cli (&settled, "merge", id, "--from", REPORTER, "--all", "ours", "--store", desk.reporter_store);
  assert_ok (&settled);
  run_cli (&retried, "outbox", "retry", "--store", desk.reporter_store);
  assert_ok (&retried);
  g_clear_pointer (&item, g_free);
  item = server_item (&desk, id);
  g_assert_nonnull (strstr (item, "41 hộ dân phải sơ tán khẩn cấp..."));
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

  g_test_add_func ("/cli-review/cycle", test_cycle);
  g_test_add_func ("/cli-review/schedule", test_schedule);
  g_test_add_func ("/cli-review/conflict", test_conflict);
  g_test_add_func ("/cli-review/merged", test_merged);
  g_test_add_func ("/cli-review/outbox-merges", test_outbox_merges);

  status = g_test_run ();
  byline_test_keyring_stop (keyring);
  return status;
}
