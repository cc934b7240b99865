/* wordpress-peer-utils.c — the real WordPress of tests/wordpress/run-with-peer.sh, seen from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "wordpress-peer-utils.h"

static GHashTable  *peer;      /* KEY → VALUE of credentials.env */
static SoupSession *session;   /* the tests' own, to look at the site */

gboolean
byline_test_wp_peer_load (void)
{
  const char *path = g_getenv ("WP_PEER_CREDENTIALS");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (peer != NULL)
    return TRUE;
  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  peer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *equal = strchr (lines[i], '=');

      if (lines[i][0] != '#' && equal != NULL)
        g_hash_table_insert (peer, g_strndup (lines[i], equal - lines[i]), g_strdup (equal + 1));
    }
  session = soup_session_new_with_options ("timeout", 60, NULL);
  return g_hash_table_contains (peer, "BASE_URL");
}

const char *
byline_test_wp_peer_get (const char *key)
{
  const char *value;

  g_assert_nonnull (peer);
  value = g_hash_table_lookup (peer, key);
  g_assert_nonnull (value);
  return value;
}

/* "login:application-password" of USER_<ROLE> */
static const char *
pair_of (const char *role)
{
  g_autofree char *key = g_strconcat ("USER_", role, NULL);

  return byline_test_wp_peer_get (key);
}

char *
byline_test_wp_peer_login (const char *role)
{
  const char *pair = pair_of (role);

  return g_strndup (pair, strchr (pair, ':') - pair);
}

char *
byline_test_wp_peer_password (const char *role)
{
  return g_strdup (strchr (pair_of (role), ':') + 1);
}

JsonNode *
byline_test_wp_peer_request (const char *role,
                             const char *method,
                             const char *path,
                             const char *json_body,
                             guint      *status)
{
  g_autofree char *url = g_strconcat (byline_test_wp_peer_get ("BASE_URL"), "/wp-json", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (role != NULL)
    {
      const char *pair = pair_of (role);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (msg);
  else
    g_assert_cmpuint (soup_message_get_status (msg), <, 300);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}
