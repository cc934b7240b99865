/* newsroom-server.h — the reference server of the Newsroom API (docs/newsroom-api.md)
 *
 * A SoupServer on loopback keeping its data in a folder.  The tests run it in
 * process and make it misbehave on purpose (byline_newsroom_server_inject);
 * byline-newsroom-server runs it alone for a demo or a benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_FAULT_STATUS,         /* answer @status as a problem, with Retry-After if given */
  BYLINE_FAULT_HANG,           /* read the request, never answer */
  BYLINE_FAULT_RESET_IN_BODY,  /* close the connection after @after_bytes of the body */
  BYLINE_FAULT_DROP_RESPONSE,  /* do the work, then close the connection without answering */
  BYLINE_FAULT_CUT_RESPONSE,   /* answer as HTTP/1.0 with the whole length, send half the body, close */
} BylineFault;

#define BYLINE_TYPE_NEWSROOM_SERVER (byline_newsroom_server_get_type ())

G_DECLARE_FINAL_TYPE (BylineNewsroomServer, byline_newsroom_server, BYLINE, NEWSROOM_SERVER, GObject)

/* Loads users, categories, pictures and items from @data_folder (created if
 * missing).  A folder without users.json gets none: add them. */
BylineNewsroomServer *byline_newsroom_server_new          (GFile                *data_folder,
                                                           GError              **error);
/* Listens on 127.0.0.1:@port (0: any free port); with @certificate, https. */
gboolean              byline_newsroom_server_listen       (BylineNewsroomServer *self,
                                                           guint                 port,
                                                           GTlsCertificate      *certificate,
                                                           GError              **error);
/* "http://127.0.0.1:<port>" */
const char           *byline_newsroom_server_get_url      (BylineNewsroomServer *self);
SoupServer           *byline_newsroom_server_get_soup_server (BylineNewsroomServer *self);
GFile                *byline_newsroom_server_get_folder   (BylineNewsroomServer *self);

/* @roles: "reporter", "editor" or "reporter,editor".  Saved to users.json. */
void                  byline_newsroom_server_add_user     (BylineNewsroomServer *self,
                                                           const char           *token,
                                                           const char           *user,
                                                           const char           *display_name,
                                                           const char           *roles);
void                  byline_newsroom_server_add_category (BylineNewsroomServer *self,
                                                           const char           *id,
                                                           const char           *name);
void                  byline_newsroom_server_set_asset_limit (BylineNewsroomServer *self,
                                                           goffset               limit);

/* The next @times requests whose method is @method (NULL: any) and whose path
 * starts with @path_prefix misbehave as @fault says. */
void                  byline_newsroom_server_inject       (BylineNewsroomServer *self,
                                                           const char           *method,
                                                           const char           *path_prefix,
                                                           BylineFault           fault,
                                                           guint                 status,
                                                           guint                 retry_after,
                                                           goffset               after_bytes,
                                                           guint                 times);
/* Answers every request hung by BYLINE_FAULT_HANG with 503 (teardown). */
void                  byline_newsroom_server_release_hung (BylineNewsroomServer *self);

/* What happened, for assertions. */
guint                 byline_newsroom_server_count_requests (BylineNewsroomServer *self,
                                                           const char           *method,
                                                           const char           *path_prefix);
/* Requests of @method to @path_prefix that the server answered with @status
 * (a request cut off mid-way counts as 500; one dropped on purpose not at all). */
guint                 byline_newsroom_server_count_answers (BylineNewsroomServer *self,
                                                           const char           *method,
                                                           const char           *path_prefix,
                                                           guint                 status);
guint                 byline_newsroom_server_count_items  (BylineNewsroomServer *self);
guint                 byline_newsroom_server_count_assets (BylineNewsroomServer *self);
gboolean              byline_newsroom_server_has_asset    (BylineNewsroomServer *self,
                                                           const char           *sha256);
/* The stored bytes of an item, its ETag and status; NULL when absent. */
GBytes               *byline_newsroom_server_get_item     (BylineNewsroomServer *self,
                                                           const char           *id,
                                                           char                **etag,
                                                           char                **status);
/* The note that came with the item's last status change; NULL when none. */
char                 *byline_newsroom_server_dup_note     (BylineNewsroomServer *self,
                                                           const char           *id);
/* Changes an item as another client would (a new version). */
void                  byline_newsroom_server_replace_item (BylineNewsroomServer *self,
                                                           const char           *id,
                                                           GBytes               *bytes);

G_END_DECLS
