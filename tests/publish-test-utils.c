/* publish-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include <libsecret/secret.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/prctl.h>
#include <string.h>

#include "publish-test-utils.h"

#define KEYRING_PASSWORD "mat-khau-thu-nghiem"

struct _BylineTestKeyring
{
  GTestDBus   *bus;
  GSubprocess *daemon;
};

void
byline_test_got_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
byline_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
byline_test_wait_until (gboolean (*condition) (gpointer data),
                        gpointer   data,
                        guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);
  /* Wakes the loop now and then for conditions no event announces. */
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_source_remove (tick);
  return condition (data);
}

BylineNewsroomServer *
byline_test_newsroom_server_new (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "newsroom-XXXXXX", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  BylineNewsroomServer *server;

  g_assert_nonnull (g_mkdtemp (path));
  folder = g_file_new_for_path (path);
  server = byline_newsroom_server_new (folder, &error);
  g_assert_no_error (error);
  byline_newsroom_server_add_user (server, BYLINE_TEST_REPORTER_TOKEN, "huong",
                                   "Nguyễn Thị Hương", "reporter");
  byline_newsroom_server_add_user (server, BYLINE_TEST_EDITOR_TOKEN, "quy",
                                   "Phạm Văn Quý", "reporter,editor");
  byline_newsroom_server_add_category (server, "xa-hoi", "Xã hội");
  byline_newsroom_server_add_category (server, "kinh-te", "Kinh tế");
  byline_newsroom_server_listen (server, 0, NULL, &error);
  g_assert_no_error (error);
  return server;
}

GFile *
byline_test_make_blob (GFile       *folder,
                       const char  *name,
                       gsize        size,
                       char       **sha256)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (size);
  guint32 block[16384];

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (gsize written = 0; written < size;)
    {
      gsize n = MIN (sizeof block, size - written);

      for (guint i = 0; i < G_N_ELEMENTS (block); i++)
        block[i] = g_rand_int (rand);
      g_output_stream_write_all (G_OUTPUT_STREAM (stream), block, n, NULL, NULL, &error);
      g_assert_no_error (error);
      g_checksum_update (checksum, (const guchar *) block, n);
      written += n;
    }
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  if (sha256 != NULL)
    *sha256 = g_strdup (g_checksum_get_string (checksum));
  return g_steal_pointer (&file);
}

/* -------------------------------------------------------------- keyring */

static gboolean
secrets_service_up (gpointer data)
{
  GDBusConnection *bus = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

BylineTestKeyring *
byline_test_keyring_start (void)
{
  BylineTestKeyring *keyring = g_new0 (BylineTestKeyring, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *home = g_dir_make_tmp ("keyring-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, ".local", "share", NULL);
  g_autofree char *runtime = g_build_filename (home, "run", NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *input;

  keyring->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (keyring->bus);
  /* After the bus is up: the launcher takes the environment as it is now. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);

  g_assert_nonnull (home);
  g_mkdir_with_parents (runtime, 0700);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, byline_test_die_with_parent, NULL, NULL);
  keyring->daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                                 "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);

  /* The password of the new login keyring, on standard input. */
  input = g_subprocess_get_stdin_pipe (keyring->daemon);
  g_output_stream_write_all (input, KEYRING_PASSWORD, strlen (KEYRING_PASSWORD), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (!byline_test_wait_until (secrets_service_up, bus, 10000))
    g_error ("gnome-keyring-daemon did not come up on the test's D-Bus session");
  return keyring;
}

void
byline_test_keyring_stop (BylineTestKeyring *keyring)
{
  /* libsecret keeps a reference to the session bus connection for good:
   * stop the bus without g_test_dbus_down(), which waits for it to go, and
   * leave the GTestDBus to the end of the process. */
  secret_service_disconnect ();
  g_subprocess_send_signal (keyring->daemon, SIGTERM);
  g_subprocess_wait (keyring->daemon, NULL, NULL);
  g_clear_object (&keyring->daemon);
  g_test_dbus_stop (keyring->bus);
  g_free (keyring);
}

void
byline_test_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocess *
byline_test_spawn_child (GSubprocessFlags   flags,
                         GError           **error,
                         const char        *argv0,
                         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) argv0);
  va_start (ap, argv0);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_subprocess_launcher_set_child_setup (launcher, byline_test_die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, error);
}
