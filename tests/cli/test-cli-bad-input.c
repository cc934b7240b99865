/* test-cli-bad-input.c — byline-cli on bad input: a clear one-line error,
 * exit 1, and nothing written or changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

/* ---------------------------------------------------------- bad input */

typedef struct
{
  const char *name;
  const char *path;     /* under tests/data/cli; NULL: a file that does not exist */
  const char *after;    /* a regex for the message after the file's name */
} BadInput;

static const BadInput bad_inputs[] = {
  { "truncated-draft", "truncated.json", ":[0-9]+:[0-9]+: .+" },
  { "binary", "binary.gz", " is a binary file, not an article .+" },
  { "picture", "picture.png", " is a picture \\(image/png\\), not an article" },
  /* A Word document cut short (a mail attachment half downloaded). */
  { "docx-damaged", "damaged.docx", " is damaged: its ZIP archive cannot be read" },
  /* A LibreOffice document with no text. */
  { "odt-empty", "writer.odt", " has no headline, lead, text or picture that Byline can read" },
  /* A word processor's document Byline does not read, or a PDF, says what
   * to do instead. */
  /* Word 97's format, its header only. */
  { "doc-damaged", "old.doc", " is damaged: its Word 97–2003 file cannot be read" },
  { "pdf", "scan.pdf", " is a document \\(PDF\\), not an article: .+copy its text into a new story" },
  /* Not UTF-8, and not the Vietnamese of before Unicode (TCVN3, Windows-1258,
   * which are read): Latin-1 French. */
  { "non-utf8", "latin1.txt",
    ":1:4: not UTF-8 text \\(byte 0xE9\\); convert it first, "
    "e\\.g\\. with “iconv -f WINDOWS-1258 -t UTF-8”" },
  { "version-99", "version-99/draft.json", ".*99\\.0.*" },
  { "version-99-folder", "version-99", "/draft\\.json.*99\\.0.*" },
  { "path-traversal", "traversal/article.html", ".+" },
  { "neither-draft-nor-ninjs", "neither.json",
    " is JSON, but neither a Byline draft nor a ninjs item" },
  { "empty", "empty.txt", " is empty" },
  /* Read, but nothing in it could be: not an empty story that looks read. */
  { "ninjs-wrong-types", "wrong-types.json", " has no headline, lead, text or picture that Byline can read" },
  { "html-no-text", "no-text.html", ": no article text found in the page" },
  { "missing", NULL, ": no such file or folder" },
};

static void
assert_message (Run        *run,
                const char *path,
                const char *after)
{
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strconcat ("^byline-cli: ", escaped, after, "\n$", NULL);

  assert_failed (run, path);
  if (!g_regex_match_simple (pattern, run->err, G_REGEX_DOLLAR_ENDONLY, 0))
    g_error ("“%s” does not match “%s”", run->err, pattern);
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *relative = g_build_filename ("cli", bad->path ? bad->path : "no-such-story.html",
                                                NULL);
  g_autofree char *path = byline_test_data_path (relative);
  g_autofree char *store = store_path ();
  g_autofree char *keep = new_draft (HEADLINE);
  /* Listed first, so that the store's listing index is there before. */
  g_autofree char *list_before = list_json ();
  g_autofree char *tree_before = snapshot (store);
  g_autofree char *input_before = bad->path ? path_state (path) : NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) export = { 0 };

  run_cli (&import, "import", path);
  assert_message (&import, path, bad->after);

  /* show and export read a path the same way, and fail the same way. */
  run_cli (&show, "show", path);
  assert_message (&show, path, bad->after);
  run_cli (&export, "export", "--format", "html", path);
  g_assert_cmpstr (export.err, ==, show.err);
  g_assert_cmpint (export.status, ==, 1);

  g_assert_cmpstr (snapshot (store), ==, tree_before);
  g_assert_cmpstr (list_json (), ==, list_before);
  if (bad->path != NULL)
    g_assert_cmpstr (path_state (path), ==, input_before);
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Every command that takes an id, with one that is not in the store. */
static void
test_unknown_id (void)
{
  g_autofree char *keep = new_draft (HEADLINE);
  g_autofree char *store = store_path ();
  /* Listed first, so that the store's listing index is there before. */
  g_autofree char *listed = list_json ();
  g_autofree char *before = snapshot (store);
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *expected = g_strdup_printf ("byline-cli: no draft “%s” in %s\n", unknown, store);
  g_autofree char *expected_trash = g_strdup_printf ("byline-cli: no deleted draft “%s” in the "
                                                     "trash of %s\n", unknown, store);
  const char *commands[][5] = {
    { "history", unknown },
    { "restore", unknown, "1" },
    { "delete", unknown },
    { "show", "--revision", "1", unknown },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cliv (&run, NULL, commands[i]);
      assert_failed (&run, NULL);
      g_assert_cmpstr (run.err, ==, expected);
    }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "undelete", unknown);
    assert_failed (&run, NULL);
    g_assert_cmpstr (run.err, ==, expected_trash);
  }

  /* show and export take a path too, and say so. */
  {
    g_auto(Run) show = { 0 };
    g_auto(Run) export = { 0 };
    g_autofree char *both = g_strdup_printf ("byline-cli: no draft “%s” in %s, and no file by "
                                             "that name\n", unknown, store);

    run_cli (&show, "show", unknown);
    assert_failed (&show, NULL);
    g_assert_cmpstr (show.err, ==, both);
    run_cli (&export, "export", "--format", "ninjs", unknown);
    assert_failed (&export, NULL);
    g_assert_cmpstr (export.err, ==, both);
  }

  /* Something that cannot be an id is never looked up as a path in the store. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "delete", "../../etc");
    assert_failed (&run, NULL);
    g_assert_cmpstr (run.err, ==, "byline-cli: “../../etc” is not a draft id\n");
  }

  g_assert_cmpstr (snapshot (store), ==, before);
}

/* An export that fails leaves no file, half-written or not. */
static void
test_export_failure (void)
{
  g_autofree char *html = byline_test_data_path ("cli/story/story.html");
  g_autofree char *picture = byline_test_data_path ("cli/story/pictures/sat-lo.png");
  g_autofree char *sha = file_sha256 (picture);
  g_autofree char *media_name = g_strconcat (sha, ".png", NULL);
  g_autofree char *store = store_path ();
  g_autofree char *id = import_file (html);
  g_autoptr(GFile) out = byline_test_make_folder ("failed-export");
  g_autofree char *target = out_path (out, "story.html");
  g_autofree char *stored_picture = g_build_filename (store, id, "media", media_name, NULL);

  /* Into a folder that does not exist. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *nowhere = out_path (out, "no/such/folder/story.html");

    run_cli (&run, "export", id, "--format", "text", "-o", nowhere);
    assert_failed (&run, nowhere);
    g_assert_cmpstr (snapshot (g_file_peek_path (out)), ==, "exists\n");
  }

  /* Into a folder that is not empty, for a draft. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *busy = out_path (out, "busy");
    g_autofree char *inside = out_path (out, "busy/notes.txt");
    g_autofree char *before = NULL;

    g_assert_cmpint (g_mkdir (busy, 0755), ==, 0);
    g_assert_true (g_file_set_contents (inside, "ghi chú", -1, NULL));
    before = snapshot (g_file_peek_path (out));
    run_cli (&run, "export", id, "--format", "draft", "-o", busy);
    assert_failed (&run, busy);
    g_assert_cmpstr (snapshot (g_file_peek_path (out)), ==, before);
    g_assert_cmpint (g_remove (inside), ==, 0);
    g_assert_cmpint (g_rmdir (busy), ==, 0);
  }

  /* A picture of the draft has gone missing: neither the page nor the media
   * folder appears, and an older page by that name stays as it was. */
  g_assert_cmpint (g_remove (stored_picture), ==, 0);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", id, "--format", "html", "-o", target);
    assert_failed (&run, "picture “sat-lo.png” of the article is missing: ");
    assert_failed (&run, stored_picture);
    g_assert_cmpstr (snapshot (g_file_peek_path (out)), ==, "exists\n");
  }
  g_assert_true (g_file_set_contents (target, "trang cũ", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    g_autofree char *before = snapshot (g_file_peek_path (out));

    run_cli (&run, "export", id, "--format", "ninjs", "-o", target);
    assert_failed (&run, NULL);
    g_assert_cmpstr (snapshot (g_file_peek_path (out)), ==, before);
  }
}

/* A Word document over 64 MiB (its photos) is not refused for its size, as
 * a text would be: it is read (here it is damaged, and says so); a text of
 * the same size is refused. */
static void
test_large_document (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("large");
  g_autoptr(GFile) docx = g_file_get_child (folder, "anh-lon.docx");
  g_autoptr(GFile) text = g_file_get_child (folder, "dai.txt");
  g_autofree char *docx_path = g_file_get_path (docx);
  g_autofree char *text_path = g_file_get_path (text);
  gsize size = 70 * 1024 * 1024;
  g_autofree guint8 *data = g_malloc0 (size);
  g_auto(Run) document = { 0 };
  g_auto(Run) long_text = { 0 };

  memcpy (data, "PK\003\004", 4);
  memcpy (data + 30, "word/document.xml", strlen ("word/document.xml"));
  g_assert_true (g_file_replace_contents (docx, (const char *) data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  memset (data, 'a', size);
  g_assert_true (g_file_replace_contents (text, (const char *) data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));

  run_cli (&document, "import", docx_path);
  assert_failed (&document, docx_path);
  g_assert_nonnull (strstr (document.err, "is damaged"));
  g_assert_null (strstr (document.err, "larger than"));
  run_cli (&long_text, "import", text_path);
  assert_failed (&long_text, text_path);
  g_assert_nonnull (strstr (long_text.err, "is larger than 64 MiB"));
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strconcat ("/cli/bad-input/", bad_inputs[i].name, NULL);
      g_test_add_data_func (name, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/cli/unknown-id", test_unknown_id);
  g_test_add_func ("/cli/export-failure", test_export_failure);
  g_test_add_func ("/cli/large-document", test_large_document);

  return g_test_run ();
}
