/* bench-upload.c — uploading a 50 MB picture: Byline (libsoup, streamed) against curl
 *
 * Both upload the same file to the same reference server
 * (byline-newsroom-server, another process on loopback), alternately, several
 * times; the picture is removed from the server between runs so that every
 * run uploads it whole.  Reported: median times, throughput, the ratio, and
 * how much this process's resident memory grew during each Byline upload
 * (peak RSS, reset through /proc/self/clear_refs before each run).
 *
 * Goals (issue 4): throughput ≥ 0.8 × curl; RSS growth ≤ 16 MB.
 *
 *   build-aux/dev benchmark upload
 *   build-aux/dev exec bench-upload _build/tests/byline-newsroom-server [MB] [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byline-test-utils.h"
#include "byline-newsroom-destination.h"
#include "publish-test-utils.h"

static gint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Linux: writing 5 to clear_refs resets VmHWM, the peak RSS.  In place: a
 * file in /proc cannot be replaced by a rename. */
static gboolean
reset_peak_rss (void)
{
  FILE *fp = fopen ("/proc/self/clear_refs", "w");
  gboolean done;

  if (fp == NULL)
    return FALSE;
  done = fputs ("5", fp) >= 0;
  return fclose (fp) == 0 && done;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static char *
start_server (const char   *program,
              const char   *data,
              GSubprocess **server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;

  *server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "--port", "0", "--data", data, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (*server));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("%s ended without listening", program);
      if (g_str_has_prefix (line, "Listening on "))
        return g_strdup (line + strlen ("Listening on "));
    }
}

static char *
read_token (const char *data)
{
  g_autofree char *path = g_build_filename (data, "users.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *users;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  users = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "users");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (users, 0), "token"));
}

static void
forget_asset (const char *data,
              const char *sha256)
{
  g_autofree char *path = g_build_filename (data, "assets", sha256, NULL);
  g_autofree char *type = g_strconcat (path, ".type", NULL);

  g_unlink (path);
  g_unlink (type);
}

static double
upload_with_byline (BylineDestination *destination,
                    GFile             *file,
                    const char        *sha256,
                    gint64            *rss_growth_kib)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean uploaded = FALSE;
  gint64 before, start, elapsed;

  if (!reset_peak_rss ())
    g_error ("Cannot reset the peak RSS (/proc/self/clear_refs)");
  before = read_status_kib ("VmRSS:");
  start = g_get_monotonic_time ();
  byline_newsroom_destination_upload_asset_async (BYLINE_NEWSROOM_DESTINATION (destination), file, sha256,
                                                  "image/jpeg", NULL, NULL, NULL,
                                                  byline_test_got_result, &result);
  byline_newsroom_destination_upload_asset_finish (BYLINE_NEWSROOM_DESTINATION (destination),
                                                   byline_test_wait (&result), &uploaded, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_true (uploaded);
  *rss_growth_kib = read_status_kib ("VmHWM:") - before;
  return elapsed / 1000.0;
}

static double
upload_with_curl (const char *url,
                  const char *token,
                  GFile      *file,
                  const char *sha256)
{
  g_autofree char *address = g_strconcat (url, "/v1/assets/", sha256, NULL);
  g_autofree char *authorization = g_strconcat ("Authorization: Bearer ", token, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
    "-T", g_file_peek_path (file), "-H", "Content-Type: image/jpeg", "-H", "Expect:",
    "-H", authorization, address, NULL
  };
  int status;
  gint64 start = g_get_monotonic_time (), elapsed;

  /* The token goes on curl's command line only in this benchmark, against a
   * throwaway server whose tokens were made for this run. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || g_strcmp0 (out, "201") != 0)
    g_error ("curl did not upload (HTTP %s)", out);
  return elapsed / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *server_program = argc > 1 ? argv[1] : "byline-newsroom-server";
  guint megabytes = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 50;
  guint runs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 5;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) blob = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GArray) byline_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) curl_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sha256 = NULL;
  gint64 max_growth = 0;
  double b, c, ratio, mb;
  gboolean ok;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  folder = byline_test_make_folder ("bench-upload");
  data = g_build_filename (g_file_peek_path (folder), "server", NULL);
  url = start_server (server_program, data, &server);
  token = read_token (data);
  blob = byline_test_make_blob (folder, "anh-lon.jpg", (gsize) megabytes * 1024 * 1024, &sha256);
  destination = byline_newsroom_destination_new ("bench", url, token, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < runs; i++)
    {
      gint64 growth = 0;
      double ms;

      forget_asset (data, sha256);
      ms = upload_with_byline (destination, blob, sha256, &growth);
      g_array_append_val (byline_ms, ms);
      max_growth = MAX (max_growth, growth);

      forget_asset (data, sha256);
      ms = upload_with_curl (url, token, blob, sha256);
      g_array_append_val (curl_ms, ms);
    }

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);

  mb = megabytes * 1024.0 * 1024.0 / 1e6;
  b = median (byline_ms);
  c = median (curl_ms);
  ratio = c / b;
  g_print ("upload of %u MiB to byline-newsroom-server on loopback, median of %u runs each\n", megabytes, runs);
  g_print ("%-26s %9s %10s\n", "client", "ms", "MB/s");
  g_print ("%-26s %9.1f %10.1f\n", "Byline (libsoup, stream)", b, mb / (b / 1000.0));
  g_print ("%-26s %9.1f %10.1f\n", "curl -T", c, mb / (c / 1000.0));
  g_print ("throughput ratio Byline/curl: %.2f (goal ≥ 0.80)\n", ratio);
  g_print ("RSS growth during a Byline upload, worst of %u: %.1f MiB (goal ≤ 16 MiB)\n",
           runs, max_growth / 1024.0);

  ok = ratio >= 0.8 && max_growth <= 16 * 1024;
  g_print ("goals: %s\n", ok ? "met" : "MISSED");
  return ok ? 0 : 1;
}
