/* wordpress-peer-utils.h — the real WordPress of tests/wordpress/run-with-peer.sh, seen from a test
 *
 * run-with-peer.sh starts the peer and names its credentials.env in
 * WP_PEER_CREDENTIALS: BASE_URL, and USER_<ROLE>=login:application-password
 * for ROLE in ADMINISTRATOR, EDITOR, AUTHOR and CONTRIBUTOR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Reads credentials.env; FALSE when the program runs without the peer. */
gboolean    byline_test_wp_peer_load     (void);
/* A value of credentials.env; asserts that it is there. */
const char *byline_test_wp_peer_get      (const char  *key);
char       *byline_test_wp_peer_login    (const char  *role);
char       *byline_test_wp_peer_password (const char  *role);
/* @method @path of the REST API (after /wp-json) as @role (NULL: anonymous),
 * with @json_body (may be NULL); the JSON answer.  With @status NULL the
 * answer must be a success; otherwise its status is stored there. */
JsonNode   *byline_test_wp_peer_request  (const char  *role,
                                          const char  *method,
                                          const char  *path,
                                          const char  *json_body,
                                          guint       *status);

G_END_DECLS
