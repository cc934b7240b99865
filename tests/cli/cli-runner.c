/* cli-runner.c — runs byline-cli for the tests, and looks at the disk around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

static const char *cli_path;


/* ------------------------------------------------------------- running */

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return data != NULL ? g_strndup (data, length) : g_strdup ("");
}

void
run_cliv (Run                *run,
          const char         *input,
          const char * const *args)
{
  run_cliv_locale (run, "C.UTF-8", input, args);
}

void
run_cliv_locale (Run                *run,
                 const char         *locale,
                 const char         *input,
                 const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input ? input : "", input ? strlen (input) : 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The test's private folders are GLib's idea; the child reads them from
   * the environment. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, g_get_tmp_dir ());

  g_ptr_array_add (argv, (char *) cli_path);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  g_test_message ("byline-cli %s → %d\nstdout: %s\nstderr: %s",
                  args[0] ? args[0] : "", run->status, run->out, run->err);
}

void
assert_ok (Run *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

/* A user error: exit 1, nothing on stdout, one line on stderr. */
void
assert_failed (Run        *run,
               const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "byline-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (fragment != NULL && strstr (run->err, fragment) == NULL)
    g_error ("“%s” is not in “%s”", fragment, run->err);
}

/* A usage error: exit 2, nothing on stdout, the error and a hint. */
void
assert_usage (Run        *run,
              const char *first_line)
{
  g_auto(GStrv) lines = g_strsplit (run->err, "\n", -1);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, first_line);
  g_assert_true (g_str_has_prefix (lines[1], "Try “byline-cli "));
  g_assert_true (g_str_has_suffix (lines[1], " --help” for more information."));
  g_assert_cmpstr (lines[2], ==, "");
}

char *
new_draft (const char *headline)
{
  g_auto(Run) run = { 0 };
  g_autofree char *id = NULL;

  run_cli (&run, "new", "--headline", headline);
  assert_ok (&run);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  id = g_strndup (run.out, strlen (run.out) - 1);
  g_assert_true (g_uuid_string_is_valid (id));
  return g_steal_pointer (&id);
}

char *
import_file (const char *path)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "import", path);
  assert_ok (&run);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  run.out[strlen (run.out) - 1] = '\0';
  g_assert_true (g_uuid_string_is_valid (run.out));
  return g_steal_pointer (&run.out);
}

/* ---------------------------------------------------------------- disk */

char *
store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "byline", "drafts", NULL);
}

char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      return g_strdup_printf ("link %s", target);
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_strdup_printf ("%" G_GSIZE_FORMAT " %ld.%09ld %s", length,
                          (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                       (const guchar *) contents, length));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static void
tree_listing (GString    *out,
              const char *root,
              const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (relative, g_ptr_array_index (names, i), NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
        {
          g_string_append_printf (out, "%s/\n", child);
          tree_listing (out, root, child);
        }
      else
        {
          g_autofree char *digest = file_digest (full);
          g_string_append_printf (out, "%s %s\n", child, digest);
        }
    }
}

/* Every file under @root with its size, mtime and SHA-256. */
char *
snapshot (const char *root)
{
  GString *out = g_string_new (NULL);

  if (!g_file_test (root, G_FILE_TEST_EXISTS))
    return g_string_free (out, FALSE);
  g_string_append (out, "exists\n");
  tree_listing (out, root, "");
  return g_string_free (out, FALSE);
}

char *
list_json (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", "--json");
  assert_ok (&run);
  return g_steal_pointer (&run.out);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

JsonNode *
show_json (const char *id)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "show", "--json", id);
  assert_ok (&run);
  return parse_json (run.out);
}

char *
out_path (GFile      *folder,
          const char *name)
{
  return g_build_filename (g_file_peek_path (folder), name, NULL);
}

char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* What @path holds: every file with its size, time and checksum. */
char *
path_state (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return snapshot (path);
  return file_digest (path);
}

void
cli_runner_init (int    *argc,
                 char ***argv)
{
  byline_test_init (argc, argv);
  cli_path = g_getenv ("BYLINE_CLI");
  if (cli_path == NULL)
    g_error ("BYLINE_CLI must name the byline-cli to test");
}

/* The token of @user in the users.json of a byline-newsroom-server's @data folder. */
char *
token_of (const char *data,
          const char *user)
{
  g_autofree char *path = g_build_filename (data, "users.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *users;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  users = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "users");
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *entry = json_array_get_object_element (users, i);

      if (g_str_equal (json_object_get_string_member (entry, "user"), user))
        return g_strdup (json_object_get_string_member (entry, "token"));
    }
  g_assert_not_reached ();
}
