/* byline-newsroom-private.h — the Newsroom API's requests, for the destination
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-newsroom-destination.h"

G_BEGIN_DECLS

struct _BylineNewsroomDestination
{
  BylineDestination  parent_instance;

  char              *url;      /* without a trailing slash */
  char              *token;
  SoupSession       *session;
  guint              max_image_edge;
};

/* An authorized request to @path (relative to the base address). */
SoupMessage    *_byline_newsroom_message   (BylineNewsroomDestination  *self,
                                            const char                 *method,
                                            const char                 *path);
/* Sends @msg and reads the answer; a transport failure or an answer >= 300
 * (but @accept_status, when not 0) fails with a BYLINE_ERROR. */
void            _byline_newsroom_send      (BylineNewsroomDestination  *self,
                                            SoupMessage                *msg,
                                            guint                       accept_status,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data);
GBytes         *_byline_newsroom_send_finish (BylineNewsroomDestination *self,
                                            GAsyncResult               *result,
                                            GError                    **error);

void            _byline_newsroom_get_me_async  (BylineNewsroomDestination *self,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
BylineIdentity *_byline_newsroom_get_me_finish (BylineNewsroomDestination *self,
                                                GAsyncResult              *result,
                                                GError                   **error);

void            _byline_newsroom_post_status_async  (BylineNewsroomDestination *self,
                                                     const char                *id,
                                                     BylineStatus               status,
                                                     const char                *note,
                                                     GDateTime                 *publish_at,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
gboolean        _byline_newsroom_post_status_finish (BylineNewsroomDestination *self,
                                                     GAsyncResult              *result,
                                                     GError                   **error);

G_END_DECLS
