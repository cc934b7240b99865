/* test-check-cli.c — `byline-cli check`: run as a script runs it
 *
 * The program comes from $BYLINE_CLI.  It runs with the test's private XDG
 * folders, a store of its own (--store) and /usr/share among the system data
 * folders, where enchant finds the hunspell dictionary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sys/wait.h>

#include "byline-test-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_check (Run                *run,
           const char         *store,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  /* The test's private folders, which the environment does not name. */
  env = g_environ_setenv (env, "HOME", g_get_home_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("BYLINE_CLI"));
  g_ptr_array_add (argv, (gpointer) "--store");
  g_ptr_array_add (argv, (gpointer) store);
  g_ptr_array_add (argv, (gpointer) "check");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\n%s%s", run->status, run->out, run->err);
}

#define check(run, store, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    run_check ((run), (store), args_); \
  } G_STMT_END

static char *
write_file (GFile      *folder,
            const char *name,
            const char *contents)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_file_get_path (file);
}

static char *
store_folder (BylineDraftStore **store_out)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("check-cli-store");

  if (store_out != NULL)
    *store_out = byline_draft_store_new (folder);
  return g_file_get_path (folder);
}

static gboolean
has_code (JsonNode   *root,
          const char *code)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (root), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, i), "code"), code))
      return TRUE;
  return FALSE;
}

/* A text file as reporters send them: decomposed letters from a PDF, a doubled
 * word, a slip among right spellings, two tone styles, a quote left open, and
 * neither byline nor category. */
static const char *slips =
  "Nậm Nhùn: mưa lũ gây sạt lở\n"
  "\n"
  "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở tại nhiều xã. Sạt lở làm hư hỏng 5 ngôi nhà.\n"
  "\n"
  "Lực lượng chức năng cảnh báo nguy cơ sạt lỡ trên các các tuyến đường; thủy điện Hòa Bình "
  "và hồ thuỷ lợi đều xả lũ. “Chúng tôi đã sẵn sàng, ông Quý nói.\n";

static void
test_file_with_slips (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("check-cli");
  g_autofree char *nfd = g_utf8_normalize (slips, -1, G_NORMALIZE_NFD);
  g_autofree char *path = write_file (folder, "bai-viet.txt", nfd);
  g_autofree char *store = store_folder (NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  check (&run, store, path);
  /* No byline, no category: errors, so exit 1 and one line on stderr. */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "must be fixed before publishing"));
  g_assert_null (strchr (strchr (run.err, '\n') + 1, '\n'));
  g_assert_nonnull (strstr (run.out, "[missing-byline]"));
  g_assert_nonnull (strstr (run.out, "[not-nfc]"));
  g_assert_nonnull (strstr (run.out, "bai-viet.txt:1:2"));
  g_assert_nonnull (strstr (run.out, "[doubled-word]"));
  g_assert_nonnull (strstr (run.out, "“các các” → “các”"));
  g_assert_nonnull (strstr (run.out, "[inconsistent-spelling]"));
  g_assert_nonnull (strstr (run.out, "“sạt lỡ” → “sạt lở”"));
  g_assert_nonnull (strstr (run.out, "[mixed-tone-style]"));
  g_assert_nonnull (strstr (run.out, "[unbalanced-quote]"));
  /* The slip "sạt lỡ" is made of right syllables: spelling has nothing to say. */
  g_assert_null (strstr (run.out, "[spelling]"));
  g_assert_null (strstr (run.out, "[spelling-unavailable]"));

  check (&json, store, "--json", path);
  g_assert_cmpint (json.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 2);
  g_assert_true (has_code (json_parser_get_root (parser), "not-nfc"));
  g_assert_true (has_code (json_parser_get_root (parser), "inconsistent-spelling"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "source"), "bai-viet.txt"));
}

/* A Word document is checked as the story it holds: its bytes are a ZIP
 * archive, not text ("byte 5 is not UTF-8 text" was an error). */
static void
test_word_document (void)
{
  g_autofree char *path = byline_test_data_path ("docx/mua-lu.docx");
  g_autofree char *store = store_folder (NULL);
  g_auto(Run) run = { 0 };

  check (&run, store, path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "[missing-category]"));
  g_assert_null (strstr (run.out, "[not-utf8]"));
  g_assert_null (strstr (run.out, "[not-nfc]"));
  /* The byline, the lead's source and the pictures' credits came across. */
  g_assert_null (strstr (run.out, "[missing-byline]"));
  g_assert_null (strstr (run.out, "[missing-credit]"));
  g_assert_null (strstr (run.out, "[missing-lead]"));
}

static void
test_draft_in_store (void)
{
  g_autoptr(BylineDraftStore) draft_store = NULL;
  g_autofree char *store = store_folder (&draft_store);
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) misspelled = { 0 };
  g_auto(Run) unknown = { 0 };

  /* No publication time: the clock of the test does not matter. */
  byline_article_set_publish_time (article, NULL);
  g_assert_true (byline_draft_store_save (draft_store, article, &error));
  g_assert_no_error (error);

  check (&run, store, "--source-prefix", "BLC", byline_article_get_id (article));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "no problems found\n"));

  byline_body_set_text (byline_article_get_body (article), 0,
                        "Theo Ban Chỉ huy, đã có 37 hộ dân phải sơ tán, nguời dân được hỗ trợ.");
  g_assert_true (byline_draft_store_save (draft_store, article, &error));
  g_assert_no_error (error);
  check (&misspelled, store, byline_article_get_id (article));
  /* A warning only: exit 0 */
  g_assert_cmpint (misspelled.status, ==, 0);
  g_assert_nonnull (strstr (misspelled.out, "warning: Body, block 1, characters 48–52: “nguời” is not in the dictionary [spelling]"));

  check (&unknown, store, "0123abcd");
  g_assert_cmpint (unknown.status, ==, 1);
}

static void
test_archive_and_house_list (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("check-cli-archive");
  g_autoptr(BylineDraftStore) draft_store = NULL;
  g_autofree char *store = store_folder (&draft_store);
  g_autofree char *house = byline_test_data_path ("vi/house-list.txt");
  g_autofree char *path = write_file (folder, "tin.txt",
                                      "Mưa lũ ở Nậm Nhun\n\nBà con chia sẽ khó khăn sau trận lũ.\n");
  g_autoptr(GError) error = NULL;
  g_auto(Run) alone = { 0 };
  g_auto(Run) archived = { 0 };
  g_auto(Run) no_archive = { 0 };
  g_auto(Run) bad = { 0 };

  /* Within the story "Nậm Nhun" is consistent: nothing to say. */
  check (&alone, store, "--no-spelling", path);
  g_assert_null (strstr (alone.out, "[inconsistent-spelling]"));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BylineArticle) article = byline_test_make_article (NULL);

      g_assert_true (byline_draft_store_save (draft_store, article, &error));
      g_assert_no_error (error);
    }
  check (&archived, store, "--house-list", house, path);
  g_assert_nonnull (strstr (archived.out, "“Nậm Nhun” → “Nậm Nhùn”"));
  g_assert_nonnull (strstr (archived.out, "[inconsistent-spelling]"));
  g_assert_nonnull (strstr (archived.out, "[house-style]"));
  g_assert_nonnull (strstr (archived.out, "“chia sẽ” → “chia sẻ”"));

  check (&no_archive, store, "--no-archive", path);
  g_assert_null (strstr (no_archive.out, "[inconsistent-spelling]"));

  check (&bad, store, "--tone-style", "old", path);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--tone-style"));
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_assert_nonnull (g_getenv ("BYLINE_CLI"));
  g_test_add_func ("/check-cli/file-with-slips", test_file_with_slips);
  g_test_add_func ("/check-cli/draft-in-store", test_draft_in_store);
  g_test_add_func ("/check-cli/word-document", test_word_document);
  g_test_add_func ("/check-cli/archive-and-house-list", test_archive_and_house_list);

  return g_test_run ();
}
