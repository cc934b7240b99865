/* test-cli.c — byline-cli as scripts use it: help, usage errors, and every
 * command on good input, with Vietnamese text byte-exact
 *
 * Runs the built program (its path in $BYLINE_CLI) in each test's private
 * XDG folders, so the store is $XDG_DATA_HOME/byline/drafts of the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

/* ---------------------------------------------------------------- help */

static const char * const command_names[] = {
  "new", "list", "show", "import", "export", "history", "restore", "delete", "undelete",
  "help", NULL
};

static void
test_help (void)
{
  g_auto(Run) tool = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_autofree char *store = store_path ();

  run_cli (&tool, "--help");
  assert_ok (&tool);
  g_assert_true (g_str_has_prefix (tool.out, "Usage:\n  byline-cli [OPTION…] COMMAND"));
  for (gsize i = 0; command_names[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", command_names[i]);
      g_assert_nonnull (strstr (tool.out, line));
    }
  g_assert_nonnull (strstr (tool.out, "--json"));
  g_assert_nonnull (strstr (tool.out, "--store=DIR"));

  run_cli (&help, "help");
  assert_ok (&help);
  g_assert_cmpstr (help.out, ==, tool.out);

  for (gsize i = 0; command_names[i] != NULL; i++)
    {
      g_auto(Run) option = { 0 };
      g_auto(Run) command = { 0 };
      g_autofree char *usage = g_strdup_printf ("Usage:\n  byline-cli %s [OPTION…]",
                                                command_names[i]);

      run_cli (&option, command_names[i], "--help");
      assert_ok (&option);
      g_assert_true (g_str_has_prefix (option.out, usage));
      g_assert_nonnull (strstr (option.out, "--json"));

      run_cli (&command, "help", command_names[i]);
      assert_ok (&command);
      g_assert_cmpstr (command.out, ==, option.out);
    }

  {
    g_auto(Run) export = { 0 };
    g_auto(Run) new = { 0 };

    run_cli (&export, "export", "-h");
    assert_ok (&export);
    g_assert_nonnull (strstr (export.out, "Usage:\n  byline-cli export [OPTION…] ID|PATH\n"));
    g_assert_nonnull (strstr (export.out, "--format=FORMAT"));
    g_assert_nonnull (strstr (export.out, "--output=FILE"));
    run_cli (&new, "new", "--help");
    g_assert_nonnull (strstr (new.out, "--headline=TEXT"));
  }

  run_cli (&version, "--version");
  assert_ok (&version);
  g_assert_cmpstr (version.out, ==, "byline-cli " PACKAGE_VERSION "\n");

  /* Help never creates the store. */
  g_assert_false (g_file_test (store, G_FILE_TEST_EXISTS));
}

/* --------------------------------------------------------------- usage */

typedef struct
{
  const char *args[6];
  const char *message;
} UsageCase;

static const UsageCase usage_cases[] = {
  { { NULL }, "byline-cli: no command given" },
  { { "frobnicate" }, "byline-cli: unknown command “frobnicate”" },
  { { "--frob", "list" }, "byline-cli: Unknown option --frob" },
  { { "list", "--frob" }, "byline-cli: Unknown option --frob" },
  { { "list", "extra" }, "byline-cli: list: unexpected argument “extra”" },
  { { "show" }, "byline-cli: show: missing argument ID|PATH" },
  { { "import" }, "byline-cli: import: missing argument FILE" },
  { { "restore", "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10" },
    "byline-cli: restore: missing argument ID VERSION" },
  { { "restore", "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10", "abc" },
    "byline-cli: “abc” is not a version number (see “byline-cli history ID”)" },
  { { "export", "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10" },
    "byline-cli: export: --format is required (ninjs, html, text or draft)" },
  { { "export", "--format", "pdf", "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10" },
    "byline-cli: unknown format “pdf”: use ninjs, html, text or draft" },
  { { "export", "--format" }, "byline-cli: Missing argument for --format" },
  { { "delete", "a", "b" }, "byline-cli: delete: unexpected argument “b”" },
  { { "help", "frobnicate" }, "byline-cli: unknown command “frobnicate”" },
};

static void
test_usage (void)
{
  g_autofree char *store = store_path ();

  for (gsize i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cliv (&run, NULL, usage_cases[i].args);
      assert_usage (&run, usage_cases[i].message);
    }
  g_assert_false (g_file_test (store, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------ new, list, show */

static void
test_new_list_show (void)
{
  g_autofree char *id = NULL;
  g_autofree char *store = store_path ();
  g_autofree char *draft_json = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *summary, *draft;
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) prefix = { 0 };
  g_auto(Run) json_new = { 0 };

  run_cli (&run, "new", "--headline", HEADLINE, "--author", "Lò Văn Dũng", "--author",
           "Quàng Thị Mai", "--category", "Xã hội", "--dateline", "Lai Châu");
  assert_ok (&run);
  id = g_strndup (run.out, strlen (run.out) - 1);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (run.out + strlen (id), ==, "\n");
  draft_json = g_build_filename (store, id, "draft.json", NULL);
  g_assert_true (g_file_test (draft_json, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* The text list: a header, then one line that ends with the headline. */
  run_cli (&run, "list");
  assert_ok (&run);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "ID "));
    g_assert_true (g_str_has_prefix (lines[1], id));
    g_assert_true (g_str_has_suffix (lines[1], "  " HEADLINE));
    g_assert_nonnull (strstr (lines[1], "  draft "));
  }
  run_clear (&run);

  /* --json: the fields scripts read. */
  run_cli (&run, "list", "--json");
  assert_ok (&run);
  list = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  summary = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (summary, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (summary, "headline"), ==, HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "draft");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (summary, "word_count")),
                   ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (summary, "revision"), >=, 1);
  {
    g_autoptr(GDateTime) modified =
      g_date_time_new_from_iso8601 (json_object_get_string_member (summary, "modified"), NULL);
    g_assert_nonnull (modified);
  }

  shown = show_json (id);
  draft = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (draft, "format"), ==, "byline-draft");
  g_assert_cmpstr (json_object_get_string_member (draft, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (draft, "category"), ==, "Xã hội");
  g_assert_cmpstr (json_object_get_string_member (draft, "dateline"), ==, "Lai Châu");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (draft, "authors"), 0),
                   ==, "Lò Văn Dũng");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (draft, "authors"), 1),
                   ==, "Quàng Thị Mai");

  run_cli (&text, "show", id);
  assert_ok (&text);
  g_assert_true (g_str_has_prefix (text.out, "Id:"));
  g_assert_nonnull (strstr (text.out, id));
  g_assert_nonnull (strstr (text.out, HEADLINE));
  g_assert_nonnull (strstr (text.out, "Lò Văn Dũng"));
  {
    g_autofree char *words = g_strdup_printf ("\nWords:        %" G_GINT64_FORMAT "\n",
                                              json_object_get_int_member (summary, "word_count"));
    g_assert_nonnull (strstr (text.out, words));
  }

  /* The first characters of an id are enough when they name one draft. */
  {
    g_autofree char *start = g_strndup (id, 8);
    run_cli (&prefix, "show", start);
    assert_ok (&prefix);
    g_assert_cmpstr (prefix.out, ==, text.out);
  }

  run_cli (&json_new, "new", "--json", "--headline", "Bản tin thứ hai");
  assert_ok (&json_new);
  {
    g_autoptr(JsonNode) root = parse_json (json_new.out);
    JsonObject *object = json_node_get_object (root);
    g_autofree char *second = g_build_filename (store,
                                                json_object_get_string_member (object, "id"),
                                                "draft.json", NULL);

    g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "id")));
    g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, "Bản tin thứ hai");
    g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_store_option (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("other-store");
  g_autofree char *other = out_path (folder, "drafts");
  g_autofree char *store = store_path ();
  g_autofree char *id = NULL;
  g_autofree char *draft_json = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) list = { 0 };

  run_cli (&run, "--store", other, "new", "--headline", HEADLINE);
  assert_ok (&run);
  id = g_strndup (run.out, strlen (run.out) - 1);
  draft_json = g_build_filename (other, id, "draft.json", NULL);
  g_assert_true (g_file_test (draft_json, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (store, G_FILE_TEST_EXISTS));

  /* After the command too. */
  run_cli (&list, "list", "--json", "--store", other);
  assert_ok (&list);
  g_assert_nonnull (strstr (list.out, id));
  g_assert_nonnull (strstr (list.out, HEADLINE));
}

/* In the C locale of a cron job, Vietnamese still comes out as it went in. */
static void
test_c_locale (void)
{
  const char *new_args[] = { "new", "--headline", HEADLINE, NULL };
  const char *list_args[] = { "list", NULL };
  const char *show_args[] = { "show", NULL, NULL };
  const char *bad_args[] = { "show", "/no/such/“bài”.html", NULL };
  g_auto(Run) created = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *id = NULL;

  run_cliv_locale (&created, "C", NULL, new_args);
  assert_ok (&created);
  id = g_strndup (created.out, strlen (created.out) - 1);

  run_cliv_locale (&listed, "C", NULL, list_args);
  assert_ok (&listed);
  g_assert_true (g_str_has_suffix (listed.out, "  " HEADLINE "\n"));

  show_args[1] = id;
  run_cliv_locale (&shown, "C", NULL, show_args);
  assert_ok (&shown);
  g_assert_nonnull (strstr (shown.out, "\n" HEADLINE "\n"));

  run_cliv_locale (&bad, "C", NULL, bad_args);
  assert_failed (&bad, NULL);
  g_assert_cmpstr (bad.err, ==, "byline-cli: /no/such/“bài”.html: no such file or folder\n");
}

/* --------------------------------------------------------------- import */

static void
test_import_html_export (void)
{
  g_autofree char *html = byline_test_data_path ("cli/story/story.html");
  g_autofree char *picture = byline_test_data_path ("cli/story/pictures/sat-lo.png");
  g_autofree char *html_before = file_digest (html);
  g_autofree char *sha = file_sha256 (picture);
  g_autofree char *media_name = g_strconcat (sha, ".png", NULL);
  g_autofree char *store = store_path ();
  g_autofree char *id = NULL;
  g_autofree char *stored_picture = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GFile) out = byline_test_make_folder ("export");
  JsonObject *draft, *image;
  JsonArray *images;

  id = import_file (html);
  g_assert_cmpstr (file_digest (html), ==, html_before);

  shown = show_json (id);
  draft = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (draft, "status"), ==, "draft");
  images = json_object_get_array_member (draft, "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_cmpstr (json_object_get_string_member (image, "sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (image, "caption"), ==, CAPTION);
  stored_picture = g_build_filename (store, id, "media", media_name, NULL);
  g_assert_cmpstr (file_sha256 (stored_picture), ==, sha);

  /* HTML to a file: self-contained, the picture in "story-media/" beside it. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *target = out_path (out, "html/story.html");
    g_autofree char *copied = out_path (out, "html/story-media");
    g_autofree char *copied_picture = g_build_filename (copied, media_name, NULL);
    g_autofree char *contents = NULL;
    g_autofree char *ref = g_strconcat ("\"story-media/", media_name, "\"", NULL);

    g_assert_cmpint (g_mkdir (out_path (out, "html"), 0755), ==, 0);
    run_cli (&run, "export", id, "--format", "html", "-o", target);
    assert_ok (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, HEADLINE));
    g_assert_nonnull (strstr (contents, PARAGRAPH_2));
    g_assert_nonnull (strstr (contents, CAPTION));
    g_assert_nonnull (strstr (contents, ref));
    g_assert_cmpstr (file_sha256 (copied_picture), ==, sha);
  }

  /* ninjs on stdout, then to a file that imports again with its picture. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) saved = { 0 };
    g_autoptr(JsonNode) item = NULL;
    g_autofree char *target = out_path (out, "item.json");
    g_autofree char *copied_picture = g_build_filename (g_file_peek_path (out), "item-media",
                                                        media_name, NULL);
    g_autofree char *again = NULL;
    g_autoptr(JsonNode) reimported = NULL;
    JsonObject *object;

    run_cli (&run, "export", "--format=ninjs", id);
    assert_ok (&run);
    item = parse_json (run.out);
    g_assert_nonnull (strstr (run.out, HEADLINE));
    g_assert_nonnull (strstr (run.out, CAPTION));
    g_assert_true (json_object_has_member (json_node_get_object (item), "associations"));

    run_cli (&saved, "export", "--format=ninjs", "--output", target, id);
    assert_ok (&saved);
    g_assert_cmpstr (file_sha256 (copied_picture), ==, sha);

    again = import_file (target);
    g_assert_cmpstr (again, !=, id);
    reimported = show_json (again);
    object = json_node_get_object (reimported);
    g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, HEADLINE);
    images = json_object_get_array_member (object, "images");
    g_assert_cmpuint (json_array_get_length (images), ==, 1);
    image = json_array_get_object_element (images, 0);
    g_assert_cmpstr (json_object_get_string_member (image, "sha256"), ==, sha);
    g_assert_cmpstr (json_object_get_string_member (image, "caption"), ==, CAPTION);
  }

  /* Text on stdout. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", id, "-f", "text");
    assert_ok (&run);
    g_assert_true (g_str_has_prefix (run.out, HEADLINE));
    g_assert_nonnull (strstr (run.out, PARAGRAPH_1));
    g_assert_nonnull (strstr (run.out, PARAGRAPH_2));
  }

  /* A draft folder, which imports as a copy with a new id. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *target = out_path (out, "copy");
    g_autofree char *target_json = g_build_filename (target, "draft.json", NULL);
    g_autofree char *target_picture = g_build_filename (target, "media", media_name, NULL);
    g_autofree char *copy = NULL;
    g_autoptr(JsonNode) copied = NULL;
    JsonObject *object;

    run_cli (&run, "export", id, "--format", "draft", "-o", target, "--json");
    assert_ok (&run);
    {
      g_autoptr(JsonNode) result = parse_json (run.out);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "output"),
                       ==, target);
    }
    g_assert_true (g_file_test (target_json, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpstr (file_sha256 (target_picture), ==, sha);

    copy = import_file (target);
    g_assert_cmpstr (copy, !=, id);
    copied = show_json (copy);
    object = json_node_get_object (copied);
    g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, copy);
    g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, HEADLINE);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "images")), ==, 1);
  }

  /* --json of import says what it found. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) result = NULL;
    JsonObject *object;

    run_cli (&run, "import", "--json", html);
    assert_ok (&run);
    result = parse_json (run.out);
    object = json_node_get_object (result);
    g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "id")));
    g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, HEADLINE);
    g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "html");
    g_assert_cmpint (json_object_get_int_member (object, "pictures"), ==, 1);
  }
}

/* export reads a file as show does: a converter, with the pictures copied
 * from beside the original; --media-base points them elsewhere instead. */
static void
test_export_path (void)
{
  g_autofree char *html = byline_test_data_path ("cli/story/story.html");
  g_autofree char *picture = byline_test_data_path ("cli/story/pictures/sat-lo.png");
  g_autofree char *sha = file_sha256 (picture);
  g_autoptr(GFile) out = byline_test_make_folder ("convert");
  g_autofree char *item = out_path (out, "item.json");
  g_autofree char *copied = g_strconcat (g_file_peek_path (out), "/item-media/", sha, ".png", NULL);
  g_autofree char *store = store_path ();
  g_auto(Run) run = { 0 };
  g_auto(Run) based = { 0 };

  run_cli (&run, "export", "--format", "ninjs", "-o", item, html);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (file_sha256 (copied), ==, sha);
  {
    g_autofree char *contents = NULL;
    g_autofree char *href = g_strconcat ("\"item-media/", sha, ".png\"", NULL);

    g_assert_true (g_file_get_contents (item, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, HEADLINE));
    g_assert_nonnull (strstr (contents, href));
  }
  /* Nothing was stored. */
  g_assert_false (g_file_test (store, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GFile) other = byline_test_make_folder ("based");
    g_autofree char *page = out_path (other, "story.html");
    g_autofree char *media = out_path (other, "story-media");
    g_autofree char *contents = NULL;
    g_autofree char *src = g_strconcat ("https://cdn.example.vn/anh/", sha, ".png", NULL);

    run_cli (&based, "export", "--format", "html", "--media-base", "https://cdn.example.vn/anh/",
             "-o", page, html);
    assert_ok (&based);
    g_assert_true (g_file_get_contents (page, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, src));
    g_assert_false (g_file_test (media, G_FILE_TEST_EXISTS));
  }
}

static void
check_text_story (const char *id)
{
  g_autoptr(JsonNode) shown = show_json (id);
  JsonObject *draft = json_node_get_object (shown);
  JsonArray *body = json_object_get_array_member (draft, "body");

  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, HEADLINE);
  g_assert_cmpuint (json_array_get_length (body), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 0), "text"),
                   ==, PARAGRAPH_1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 1), "text"),
                   ==, PARAGRAPH_2);
}

static void
test_import_text (void)
{
  g_autofree char *path = byline_test_data_path ("cli/story.txt");
  g_autofree char *contents = NULL;
  g_autofree char *id = import_file (path);
  g_auto(Run) piped = { 0 };
  g_auto(Run) exported = { 0 };

  check_text_story (id);

  /* From standard input. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  run_cli_input (&piped, contents, "import", "-");
  assert_ok (&piped);
  piped.out[strlen (piped.out) - 1] = '\0';
  g_assert_cmpstr (piped.out, !=, id);
  check_text_story (piped.out);

  run_cli (&exported, "export", "--format", "text", id);
  assert_ok (&exported);
  g_assert_true (g_str_has_prefix (exported.out, HEADLINE "\n"));
}

/* A story written in Word, with a picture: the draft has the picture in
 * its media folder. */
static void
test_import_docx (void)
{
  g_autofree char *path = byline_test_data_path ("docx/mua-lu.docx");
  g_autofree char *id = import_file (path);
  g_autoptr(JsonNode) shown = show_json (id);
  JsonObject *draft = json_node_get_object (shown);
  JsonArray *images = json_object_get_array_member (draft, "images");
  g_autofree char *store = store_path ();
  g_autofree char *media = NULL;

  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, "Mưa lũ gây sạt lở ở Mường Tè");
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  media = g_build_filename (store, id, "media",
                            json_object_get_string_member (json_array_get_object_element (images, 0), "sha256"),
                            NULL);
  {
    g_autofree char *jpeg = g_strconcat (media, ".jpg", NULL);

    g_assert_true (g_file_test (jpeg, G_FILE_TEST_IS_REGULAR));
  }
}

/* Text saved before Unicode: Windows-1258 (Notepad's "ANSI" on a
 * Vietnamese Windows), TCVN3 (a .VnTime document saved as text) and VNI
 * (a VNI-Times one, with Windows-1252's quotes) are read as Vietnamese. */
static void
test_import_legacy_text (void)
{
  struct {
    const char *path;
    const char *headline;
    const char *text;
  } cases[] = {
    { "cli/windows-1258.txt", "Tin nhanh", "Mưa lớn kéo dài ở Lai Châu" },
    { "cli/tcvn3.txt", "Chợ phiên Bắc Hà", "Người dân mang hàng xuống chợ." },
    { "cli/vni.txt", "Chợ phiên Bắc Hà", "Người dân mang hàng xuống chợ, “rất đông vui”." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = byline_test_data_path (cases[i].path);
      g_autofree char *id = import_file (path);
      g_autoptr(JsonNode) shown = show_json (id);
      JsonObject *draft = json_node_get_object (shown);
      g_autofree char *body = json_to_string (json_object_get_member (draft, "body"), FALSE);

      g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, cases[i].headline);
      if (strstr (body, cases[i].text) == NULL && strstr (json_object_get_string_member (draft, "lead"), cases[i].text) == NULL)
        g_error ("%s: “%s” is not in the story", cases[i].path, cases[i].text);
    }
}

static void
test_import_ninjs (void)
{
  g_autofree char *path = byline_test_data_path ("cli/item-ninjs1.json");
  g_autofree char *id = import_file (path);
  g_autoptr(JsonNode) shown = show_json (id);
  JsonObject *draft = json_node_get_object (shown);
  g_autofree char *body = json_to_string (json_object_get_member (draft, "body"), FALSE);

  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, HEADLINE);
  g_assert_nonnull (strstr (body, PARAGRAPH_2));
}

/* Pictures of an item that are elsewhere (IPTC's example: two remote
 * photos) are named by `show`, with their captions, until fetched. */
static void
test_show_pending_pictures (void)
{
  g_autofree char *path = byline_test_data_path ("ninjs/iptc/2.2/007_multimedia.json");
  g_autofree char *id = import_file (path);
  g_autoptr(JsonNode) shown = show_json (id);
  JsonArray *pending = json_object_get_array_member (json_node_get_object (shown), "pending_pictures");
  g_auto(Run) text = { 0 };

  g_assert_cmpuint (json_array_get_length (pending), ==, 2);
  run_cli (&text, "show", id);
  assert_ok (&text);
  g_assert_nonnull (strstr (text.out, "2 pictures not in the story:\n"));
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *picture = json_array_get_object_element (pending, i);
      g_autofree char *line = g_strdup_printf ("  – %s: %s\n",
                                               json_object_get_string_member (picture, "href"),
                                               json_object_get_string_member (picture, "caption"));

      g_assert_true (g_str_has_prefix (json_object_get_string_member (picture, "href"), "http"));
      g_assert_nonnull (strstr (text.out, line));
    }
}

/* An opened document's pictures that could not come in are kept in the
 * draft and listed by their names, with the file, and a linked one's
 * address. */
static void
test_show_left_out_pictures (void)
{
  g_autofree char *path = byline_test_data_path ("docx/left-out.docx");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *pending;
  g_auto(Run) imported = { 0 };
  g_auto(Run) text = { 0 };

  run_cli (&imported, "import", path);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.err, "left-out.docx were left out (Picture 2, Picture 3, Picture 4)"));
  id = g_strndup (imported.out, strlen (imported.out) - 1);
  shown = show_json (id);
  pending = json_object_get_array_member (json_node_get_object (shown), "pending_pictures");
  g_assert_cmpuint (json_array_get_length (pending), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pending, 0), "source"),
                   ==, "left-out.docx");
  run_cli (&text, "show", id);
  assert_ok (&text);
  g_assert_nonnull (strstr (text.out, "3 pictures not in the story:\n  – Picture 2 (left-out.docx)\n"));
  /* A linked one, with where it was to come from. */
  g_assert_nonnull (strstr (text.out, "  – Picture 3 (left-out.docx): https://laocai.gov.vn/anh/lu-quet.jpg\n"));
}

static void
test_import_draft (void)
{
  g_autofree char *folder = byline_test_data_path ("cli/draft");
  g_autofree char *file = byline_test_data_path ("cli/draft/draft.json");
  g_autofree char *before = file_digest (file);
  g_autofree char *id = import_file (folder);
  g_autofree char *again = import_file (file);
  g_autoptr(JsonNode) shown = show_json (id);
  JsonObject *draft = json_node_get_object (shown);
  g_auto(Run) run = { 0 };

  /* A copy: a new id each time, the rest as it was. */
  g_assert_cmpstr (id, !=, "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10");
  g_assert_cmpstr (again, !=, "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10");
  g_assert_cmpstr (again, !=, id);
  g_assert_cmpstr (json_object_get_string_member (draft, "headline"), ==, HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (draft, "lead"), ==,
                   "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở tại nhiều xã.");
  g_assert_cmpstr (json_object_get_string_member (draft, "dateline"), ==, "Lai Châu");
  {
    g_autoptr(GDateTime) created =
      g_date_time_new_from_iso8601 (json_object_get_string_member (draft, "created"), NULL);
    g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 ("2022-08-10T21:05:00+07:00", NULL);

    g_assert_nonnull (created);
    g_assert_true (g_date_time_equal (created, expected));
    g_assert_cmpint (g_date_time_get_utc_offset (created), ==, 7 * G_TIME_SPAN_HOUR);
  }
  g_assert_cmpstr (file_digest (file), ==, before);

  /* show PATH reads a draft without storing it. */
  run_cli (&run, "show", "--json", folder);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10\""));
  {
    g_autofree char *stored = list_json ();
    g_assert_null (strstr (stored, "6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10"));
  }
}

/* ----------------------------------------------------- history, restore */

static void
test_history_restore (void)
{
  g_autofree char *id = new_draft ("Bản 1");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *object;
  JsonArray *versions;
  gint64 first = -1, current;
  g_auto(Run) run = { 0 };

  /* Two more saves, as the app makes them. */
  for (int i = 2; i <= 3; i++)
    {
      g_autoptr(BylineArticle) article = byline_draft_store_load (store, id, &error);
      g_autofree char *headline = g_strdup_printf ("Bản %d", i);

      g_assert_no_error (error);
      byline_article_set_headline (article, headline);
      byline_draft_store_save (store, article, &error);
      g_assert_no_error (error);
    }

  run_cli (&run, "history", id);
  assert_ok (&run);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    /* A header, then the versions newest first, "*" on the current one. */
    g_assert_cmpuint (g_strv_length (lines), ==, 5);
    g_assert_true (g_str_has_prefix (lines[0], "   VERSION  SAVED "));
    g_assert_true (g_str_has_prefix (lines[1], "* "));
    g_assert_true (g_str_has_suffix (lines[1], "  Bản 3"));
    g_assert_true (g_str_has_prefix (lines[2], "  "));
    g_assert_true (g_str_has_suffix (lines[2], "  Bản 2"));
    g_assert_true (g_str_has_suffix (lines[3], "  Bản 1"));
    g_assert_cmpstr (lines[4], ==, "");
  }
  run_clear (&run);

  run_cli (&run, "history", "--json", id);
  assert_ok (&run);
  history = parse_json (run.out);
  object = json_node_get_object (history);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  current = json_object_get_int_member (object, "revision");
  versions = json_object_get_array_member (object, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 3);
  for (guint i = 0; i < json_array_get_length (versions); i++)
    {
      JsonObject *version = json_array_get_object_element (versions, i);
      g_autoptr(GDateTime) saved =
        g_date_time_new_from_iso8601 (json_object_get_string_member (version, "saved"), NULL);

      g_assert_nonnull (saved);
      g_assert_true (json_object_has_member (version, "word_count"));
      if (i == 0)
        g_assert_cmpint (json_object_get_int_member (version, "revision"), ==, current);
      else
        g_assert_cmpint (json_object_get_int_member (version, "revision"), <, current);
      if (g_str_equal (json_object_get_string_member (version, "headline"), "Bản 1"))
        first = json_object_get_int_member (version, "revision");
    }
  g_assert_cmpint (first, >, 0);
  run_clear (&run);

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, first);
    g_autofree char *expected = NULL;

    run_cli (&run, "restore", id, number);
    assert_ok (&run);
    expected = g_strdup_printf ("Restored version %" G_GINT64_FORMAT " of %s as revision %"
                                G_GINT64_FORMAT ".\n", first, id, current + 1);
    g_assert_cmpstr (run.out, ==, expected);
  }
  shown = show_json (id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "headline"),
                   ==, "Bản 1");
  run_clear (&run);

  /* An old version by number, without restoring it. */
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, current);
    g_autoptr(JsonNode) old = NULL;

    run_cli (&run, "show", "--json", "--revision", number, id);
    assert_ok (&run);
    old = parse_json (run.out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (old), "headline"),
                     ==, "Bản 3");
  }
  run_clear (&run);

  /* A version that never was: nothing changes. */
  {
    g_autofree char *store_folder = store_path ();
    g_autofree char *before = snapshot (store_folder);

    run_cli (&run, "restore", id, "9999");
    assert_failed (&run, NULL);
    g_assert_cmpstr (snapshot (store_folder), ==, before);
  }
}

/* ---------------------------------------------------- delete, undelete */

static void
test_delete_undelete (void)
{
  g_autofree char *id = new_draft (HEADLINE);
  g_autofree char *keep = new_draft ("Bài khác");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "delete", id);
  assert_ok (&run);
  expected = g_strdup_printf ("Moved %s to the trash; “byline-cli undelete %s” brings it back.\n",
                              id, id);
  g_assert_cmpstr (run.out, ==, expected);
  run_clear (&run);

  {
    g_autofree char *listed = list_json ();
    g_assert_null (strstr (listed, id));
    g_assert_nonnull (strstr (listed, keep));
  }
  /* The table says when it was deleted, not when it was written. */
  run_cli (&run, "list", "--trash");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "DELETED"));
  g_assert_null (strstr (run.out, "MODIFIED"));
  g_assert_nonnull (strstr (run.out, id));
  run_clear (&run);

  run_cli (&run, "list", "--trash", "--json");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, id));
  g_assert_nonnull (strstr (run.out, HEADLINE));
  g_assert_null (strstr (run.out, keep));
  /* With when it was deleted: now. */
  {
    g_autoptr(JsonNode) listed = parse_json (run.out);
    JsonObject *deleted_one = json_array_get_object_element (json_node_get_array (listed), 0);
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (json_object_get_string_member (deleted_one,
                                                                                             "deleted"), NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_nonnull (when);
    g_assert_cmpint (g_date_time_difference (now, when), <, 60 * G_TIME_SPAN_SECOND);
  }
  run_clear (&run);

  run_cli (&run, "show", id);
  assert_failed (&run, id);
  run_clear (&run);

  run_cli (&run, "undelete", "--json", id);
  assert_ok (&run);
  {
    g_autoptr(JsonNode) result = parse_json (run.out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "id"), ==, id);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (result), "undeleted"));
  }
  run_clear (&run);
  {
    g_autoptr(JsonNode) shown = show_json (id);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "headline"),
                     ==, HEADLINE);
  }
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/new-list-show", test_new_list_show);
  g_test_add_func ("/cli/store-option", test_store_option);
  g_test_add_func ("/cli/c-locale", test_c_locale);
  g_test_add_func ("/cli/import/html-export", test_import_html_export);
  g_test_add_func ("/cli/import/text", test_import_text);
  g_test_add_func ("/cli/export-path", test_export_path);
  g_test_add_func ("/cli/import/ninjs", test_import_ninjs);
  g_test_add_func ("/cli/import/docx", test_import_docx);
  g_test_add_func ("/cli/import/legacy-text", test_import_legacy_text);
  g_test_add_func ("/cli/import/draft", test_import_draft);
  g_test_add_func ("/cli/show/pending-pictures", test_show_pending_pictures);
  g_test_add_func ("/cli/show/left-out-pictures", test_show_left_out_pictures);
  g_test_add_func ("/cli/history-restore", test_history_restore);
  g_test_add_func ("/cli/delete-undelete", test_delete_undelete);

  return g_test_run ();
}
