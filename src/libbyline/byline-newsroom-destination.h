/* byline-newsroom-destination.h — a client of our Newsroom API (docs/newsroom-api.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "byline-destination.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
} BylineCategory;

void byline_category_free (BylineCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCategory, byline_category_free)

/* One entry of the review queue. */
typedef struct
{
  char         *id;
  char         *headline;
  BylineStatus  status;
  char         *note;
  GDateTime    *publish_at;
  GDateTime    *updated;
  char         *updated_by;
  char         *version;
} BylineRemoteItem;

void byline_remote_item_free (BylineRemoteItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineRemoteItem, byline_remote_item_free)

#define BYLINE_TYPE_NEWSROOM_DESTINATION (byline_newsroom_destination_get_type ())

G_DECLARE_FINAL_TYPE (BylineNewsroomDestination, byline_newsroom_destination,
                      BYLINE, NEWSROOM_DESTINATION, BylineDestination)

/* @url: the API's base address ("https://toasoan.example/api"); @token: the
 * secret, kept in memory only.  Returns NULL with BYLINE_ERROR_INVALID for an
 * address that is not http(s). */
BylineDestination *byline_newsroom_destination_new          (const char  *name,
                                                             const char  *url,
                                                             const char  *token,
                                                             GError     **error);
const char        *byline_newsroom_destination_get_url      (BylineNewsroomDestination *self);
/* Pictures longer than this (px) are scaled down before upload; 0: never.
 * Default BYLINE_IMAGE_DEFAULT_MAX_EDGE (2048). */
guint              byline_newsroom_destination_get_max_image_edge (BylineNewsroomDestination *self);
void               byline_newsroom_destination_set_max_image_edge (BylineNewsroomDestination *self,
                                                                   guint                      max_edge);
/* The session every request goes through (its "timeout" may be changed). */
SoupSession       *byline_newsroom_destination_get_session  (BylineNewsroomDestination *self);

void       byline_newsroom_destination_list_categories_async  (BylineNewsroomDestination  *self,
                                                               GCancellable               *cancellable,
                                                               GAsyncReadyCallback         callback,
                                                               gpointer                    user_data);
/* BylineCategory elements. */
GPtrArray *byline_newsroom_destination_list_categories_finish (BylineNewsroomDestination  *self,
                                                               GAsyncResult               *result,
                                                               GError                    **error);

/* HEAD, then PUT streaming @file when the server does not have it. */
void       byline_newsroom_destination_upload_asset_async     (BylineNewsroomDestination  *self,
                                                               GFile                      *file,
                                                               const char                 *sha256,
                                                               const char                 *media_type,
                                                               BylineSendProgressFunc      progress,
                                                               gpointer                    progress_data,
                                                               GCancellable               *cancellable,
                                                               GAsyncReadyCallback         callback,
                                                               gpointer                    user_data);
/* @uploaded: FALSE when the server already had the picture. */
gboolean   byline_newsroom_destination_upload_asset_finish    (BylineNewsroomDestination  *self,
                                                               GAsyncResult               *result,
                                                               gboolean                   *uploaded,
                                                               GError                    **error);

/* @if_match NULL creates (If-None-Match: *); otherwise replaces that version. */
void       byline_newsroom_destination_put_item_async         (BylineNewsroomDestination  *self,
                                                               const char                 *id,
                                                               GBytes                     *item,
                                                               const char                 *if_match,
                                                               GCancellable               *cancellable,
                                                               GAsyncReadyCallback         callback,
                                                               gpointer                    user_data);
/* The new version.  On BYLINE_ERROR_CONFLICT, @current_version (may be NULL)
 * receives the server's version (NULL when the item does not exist). */
char      *byline_newsroom_destination_put_item_finish        (BylineNewsroomDestination  *self,
                                                               GAsyncResult               *result,
                                                               char                      **current_version,
                                                               GError                    **error);

void       byline_newsroom_destination_get_item_async         (BylineNewsroomDestination  *self,
                                                               const char                 *id,
                                                               GCancellable               *cancellable,
                                                               GAsyncReadyCallback         callback,
                                                               gpointer                    user_data);
/* The item's bytes exactly as the server holds them. */
GBytes    *byline_newsroom_destination_get_item_finish        (BylineNewsroomDestination  *self,
                                                               GAsyncResult               *result,
                                                               char                      **version,
                                                               GError                    **error);

/* @status: the review queue's status, or -1 for every item. */
void       byline_newsroom_destination_list_items_async       (BylineNewsroomDestination  *self,
                                                               int                         status,
                                                               GCancellable               *cancellable,
                                                               GAsyncReadyCallback         callback,
                                                               gpointer                    user_data);
/* BylineRemoteItem elements, most recently changed first. */
GPtrArray *byline_newsroom_destination_list_items_finish      (BylineNewsroomDestination  *self,
                                                               GAsyncResult               *result,
                                                               GError                    **error);

G_END_DECLS
