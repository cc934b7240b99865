/* publish-test-utils.h — what the publishing tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "newsroom-server.h"

G_BEGIN_DECLS

#define BYLINE_TEST_REPORTER_TOKEN "reporter-0c5f1e"
#define BYLINE_TEST_EDITOR_TOKEN   "editor-93ab27"

/* A GAsyncReadyCallback storing a reference to the result in *@user_data. */
void                  byline_test_got_result         (GObject       *source,
                                                      GAsyncResult  *result,
                                                      gpointer       user_data);
/* Runs the main context until *@slot holds a result; returns it (owned by *@slot). */
GAsyncResult         *byline_test_wait               (GAsyncResult **slot);
/* Runs the main context until @condition(@data) or @timeout_ms passes. */
gboolean              byline_test_wait_until         (gboolean     (*condition) (gpointer data),
                                                      gpointer       data,
                                                      guint          timeout_ms);
/* A reference server in a new temporary folder, listening on a free loopback
 * port, with a reporter (huong), an editor (quy) and two categories. */
BylineNewsroomServer *byline_test_newsroom_server_new (void);
/* A file of @size pseudo-random bytes (not a real picture: the server only
 * checks the type it is told and the hash). */
GFile                *byline_test_make_blob          (GFile         *folder,
                                                      const char    *name,
                                                      gsize          size,
                                                      char         **sha256);

/* A private D-Bus session (GTestDBus, in the environment for children too)
 * with its own gnome-keyring-daemon, HOME in a temporary folder, unlocked:
 * the tests never touch a real keyring. */
typedef struct _BylineTestKeyring BylineTestKeyring;

BylineTestKeyring    *byline_test_keyring_start      (void);
void                  byline_test_keyring_stop       (BylineTestKeyring *keyring);

/* A server or daemon a test starts, dying with the test: one left behind by
 * a failed assertion holds the test's stderr, and meson waits for it until
 * the test's time runs out.  Flags as for g_subprocess_new(). */
GSubprocess   *byline_test_spawn_child      (GSubprocessFlags   flags,
                                             GError           **error,
                                             const char        *argv0,
                                             ...) G_GNUC_NULL_TERMINATED;
/* For a launcher of one's own: g_subprocess_launcher_set_child_setup(). */
void           byline_test_die_with_parent  (gpointer           data);

G_END_DECLS
