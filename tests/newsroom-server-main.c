/* newsroom-server-main.c — byline-newsroom-server: the reference server on its own
 *
 *   byline-newsroom-server --port 8080 --data /tmp/newsroom
 *
 * For a demo (point Byline at http://127.0.0.1:8080) and for the upload
 * benchmark.  A new data folder gets a reporter and an editor with random
 * tokens, which are in <data>/users.json (never printed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Newsroom-Server"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "newsroom-server.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static char *
random_token (void)
{
  g_autoptr(GString) token = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (token, "%08x", g_random_int ());
  return g_string_free (g_steal_pointer (&token), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) users = NULL;
  g_autoptr(BylineNewsroomServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;
  gint64 asset_limit = 0;
  int port = 0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free port)", "PORT" },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data, "Folder for users, pictures and stories", "DIR" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &cert_file, "Serve https with this PEM certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, "… and this PEM private key", "FILE" },
    { "asset-limit", 0, 0, G_OPTION_ARG_INT64, &asset_limit, "Largest picture taken, in bytes", "BYTES" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— the reference server of the Byline Newsroom API");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("byline-newsroom-server: %s\n", error->message);
      return 2;
    }
  if (data == NULL)
    {
      g_printerr ("byline-newsroom-server: --data DIR is required\n");
      return 2;
    }

  folder = g_file_new_for_commandline_arg (data);
  users = g_file_get_child (folder, "users.json");
  server = byline_newsroom_server_new (folder, &error);
  if (server == NULL)
    {
      g_printerr ("byline-newsroom-server: %s\n", error->message);
      return 1;
    }
  if (!g_file_query_exists (users, NULL))
    {
      g_autofree char *reporter = random_token ();
      g_autofree char *editor = random_token ();

      byline_newsroom_server_add_user (server, reporter, "huong", "Nguyễn Thị Hương", "reporter");
      byline_newsroom_server_add_user (server, editor, "quy", "Phạm Văn Quý", "reporter,editor");
      byline_newsroom_server_add_category (server, "thoi-su", "Thời sự");
      byline_newsroom_server_add_category (server, "xa-hoi", "Xã hội");
      byline_newsroom_server_add_category (server, "kinh-te", "Kinh tế");
      g_print ("New newsroom: a reporter and an editor, their tokens in %s\n", g_file_peek_path (users));
    }
  if (asset_limit > 0)
    byline_newsroom_server_set_asset_limit (server, asset_limit);
  if (cert_file != NULL)
    {
      certificate = g_tls_certificate_new_from_files (cert_file, key_file ? key_file : cert_file, &error);
      if (certificate == NULL)
        {
          g_printerr ("byline-newsroom-server: %s\n", error->message);
          return 1;
        }
    }

  if (!byline_newsroom_server_listen (server, port, certificate, &error))
    {
      g_printerr ("byline-newsroom-server: %s\n", error->message);
      return 1;
    }
  g_print ("Listening on %s\n", byline_newsroom_server_get_url (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
