/* byline-review-private.h — what the review sources share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-folder-destination.h"
#include "byline-review.h"

G_BEGIN_DECLS

/* A story's status resource (the Newsroom API's, the folder's status.json):
 * status, note, publish_at, updated, updated_by, submitted, submitted_by,
 * etag or version, headline.  @remote_id when the object has no "id". */
BylineRemoteStory *_byline_remote_story_from_json (JsonObject        *object,
                                                   const char        *remote_id);

/* A ninjs item a destination holds as the article of a local draft: the id is
 * @remote_id, the pictures keep the ids of their "urn:uuid:" uris, status and
 * editor's note come from @story, and the remote state of @destination is
 * (remote_id, story->version).  Pictures whose href starts with @media_prefix
 * (NULL: none) are looked for as "media/<name>" under @base_folder. */
BylineArticle     *_byline_review_article_from_item (GBytes            *item,
                                                     const char        *media_prefix,
                                                     GFile             *base_folder,
                                                     const char        *destination,
                                                     const char        *remote_id,
                                                     const BylineRemoteStory *story,
                                                     GError           **error);

/* The "<sha256>.<ext>" names of the pictures an item refers to with hrefs
 * starting with @media_prefix. */
GStrv              _byline_review_item_media      (GBytes            *item,
                                                   const char        *media_prefix);

/* Implementations, installed by the destinations' type definitions. */
void               _byline_newsroom_review_iface_init (BylineReviewSourceInterface *iface);
void               _byline_folder_review_iface_init   (BylineReviewSourceInterface *iface);
/* In a thread: the folder destination's folder is there and the newsroom's. */
gboolean           _byline_folder_destination_reach   (BylineFolderDestination     *self,
                                                       GCancellable                *cancellable,
                                                       GError                     **error);
/* The mount tables its checks read (fstab, mounts), for tests: NULL, the system's. */
void               _byline_folder_destination_set_mount_tables (BylineFolderDestination *self,
                                                                const char              *fstab,
                                                                const char              *mounts);

G_END_DECLS

G_BEGIN_DECLS

/* byline-review-store.c */
gboolean           _byline_review_save_merge      (BylineDraftStore  *store,
                                                   const char        *destination,
                                                   BylineArticle     *base,
                                                   BylineArticle     *ours,
                                                   BylineArticle     *theirs,
                                                   const char        *theirs_version,
                                                   BylineMerge       *merge,
                                                   GError           **error);
/* The versions of the merge waiting for the user; BYLINE_ERROR_NOT_FOUND
 * when there is none. */
gboolean           _byline_review_load_merge_versions (BylineDraftStore *store,
                                                   const char        *draft_id,
                                                   const char        *destination,
                                                   BylineArticle    **base,
                                                   BylineArticle    **ours,
                                                   BylineArticle    **theirs,
                                                   char             **theirs_version,
                                                   GError           **error);
void               _byline_review_forget_merge    (BylineDraftStore  *store,
                                                   const char        *draft_id,
                                                   const char        *destination);
/* Records on @article that preflight errors @codes were overridden by @who. */
void               _byline_review_record_override (BylineArticle     *article,
                                                   const char        *who,
                                                   BylineStatus       status,
                                                   GStrv              codes);

G_END_DECLS
