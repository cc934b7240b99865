/* byline-review.h — the editors' desk: roles, the review queue, opening a story,
 * publishing, scheduling or returning it, and sending without overwriting
 *
 * A destination with a review queue (BYLINE_DESTINATION_HAS_REVIEW_QUEUE)
 * implements BylineReviewSource: it lists its stories by status and downloads
 * one, with its pictures, as an article whose id is the remote id.  On top of
 * that, byline_review_* work with the draft store:
 *
 *  - open: the remote story becomes (or updates) a local draft linked to the
 *    remote item (remote id and version on the article), so an editor works
 *    offline like a reporter.  When the local draft changed too, the two are
 *    merged three-way (byline-merge.h) against the base;
 *  - send: publish, schedule, return (with the editor's note) or submit the
 *    local draft, never over a version someone else wrote in between: on a
 *    conflict, theirs is fetched and merged, and the merged story is sent when
 *    nothing conflicts; otherwise the send stops with BYLINE_ERROR_CONFLICT
 *    until byline_review_resolve().
 *
 * The base — the version last sent to or received from a destination — is
 * kept beside the draft (<draft>/remote/<key>.base.json, Byline draft format),
 * and so is an unresolved merge (<key>.merge.json).  Whatever loses a merge
 * stays in the draft's history: theirs is saved as a revision before the
 * merged story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-checks.h"
#include "byline-destination.h"
#include "byline-merge.h"
#include "byline-types.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------- roles */

typedef enum
{
  BYLINE_PERMISSION_SUBMIT   = 1 << 0,
  BYLINE_PERMISSION_PUBLISH  = 1 << 1,
  BYLINE_PERMISSION_SCHEDULE = 1 << 2,
  BYLINE_PERMISSION_RETURN   = 1 << 3,
  BYLINE_PERMISSION_EDIT_ANY = 1 << 4,   /* change anyone's story, published ones too */
  BYLINE_PERMISSION_REVIEW   = 1 << 5,   /* see the review queue */
} BylinePermissions;

/* A reporter submits; an editor also publishes, schedules, returns and edits
 * anyone's story. */
BylinePermissions  byline_roles_get_permissions     (BylineRoles        roles);
/* Whether @permissions allow setting @status (DRAFT: always). */
gboolean           byline_permissions_allow_status  (BylinePermissions  permissions,
                                                     BylineStatus       status);
/* "Publishing needs the editor role; your account has the reporter role." */
char              *byline_permissions_explain       (BylineRoles        roles,
                                                     BylineStatus       status);

/* ---------------------------------------------------------- the queue */

/* One story at a destination, as the queue shows it. */
typedef struct
{
  char         *remote_id;
  char         *headline;
  char         *author;       /* the byline, else who submitted it */
  char         *category;
  BylineStatus  status;
  char         *note;         /* the editor's note (never published) */
  GDateTime    *submitted;    /* when it was last submitted; NULL if never */
  char         *submitted_by;
  GDateTime    *updated;
  char         *updated_by;
  GDateTime    *publish_at;   /* SCHEDULED */
  char         *version;
  /* Filled by byline_review_list (from the story itself): */
  guint         word_count;
  guint         n_errors;     /* preflight */
  guint         n_warnings;
  char         *problem;      /* why the story itself cannot be read (damaged); NULL when it can */
  char         *errors;       /* the preflight errors' messages, a line each; NULL when none */
  gboolean      checked;      /* downloaded and checked: word_count and the counts are known */
  char         *not_checked;  /* why it could not be checked (the line dropped); NULL otherwise */
} BylineRemoteStory;

void               byline_remote_story_free    (BylineRemoteStory *story);
BylineRemoteStory *byline_remote_story_copy    (const BylineRemoteStory *story);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineRemoteStory, byline_remote_story_free)
JsonNode          *byline_remote_story_to_json (const BylineRemoteStory *story);

#define BYLINE_TYPE_REVIEW_SOURCE (byline_review_source_get_type ())

G_DECLARE_INTERFACE (BylineReviewSource, byline_review_source, BYLINE, REVIEW_SOURCE, BylineDestination)

struct _BylineReviewSourceInterface
{
  GTypeInterface parent_iface;

  void                (*list_async)   (BylineReviewSource  *self,
                                       BylineStatus         status,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  GPtrArray          *(*list_finish)  (BylineReviewSource  *self,
                                       GAsyncResult        *result,
                                       GError             **error);
  /* @media_folder: where to put the pictures (NULL: leave them out). */
  void                (*fetch_async)  (BylineReviewSource  *self,
                                       const char          *remote_id,
                                       GFile               *media_folder,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  BylineArticle      *(*fetch_finish) (BylineReviewSource  *self,
                                       GAsyncResult        *result,
                                       BylineRemoteStory  **story,
                                       GError             **error);
  /* Optional: what the account may do there; default: from its roles. */
  BylinePermissions   (*get_permissions) (BylineReviewSource *self);

  gpointer padding[6];
};

/* The stories with @status (SUBMITTED: the review queue), newest first; only
 * what the destination lists (no counts). */
void               byline_review_source_list_async   (BylineReviewSource  *self,
                                                      BylineStatus         status,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray         *byline_review_source_list_finish  (BylineReviewSource  *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* The story as an article: its id is the id of the local draft it is (for
 * the Newsroom API and a folder, @remote_id itself, which is a draft's UUID;
 * a destination with ids of its own gives a stable UUID it can find again),
 * its status and editor's note the destination's, its remote state (id,
 * version) set for the destination, its pictures' files under
 * @media_folder/media/ (NULL: the pictures are left out). */
void               byline_review_source_fetch_async  (BylineReviewSource  *self,
                                                      const char          *remote_id,
                                                      GFile               *media_folder,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
BylineArticle     *byline_review_source_fetch_finish (BylineReviewSource  *self,
                                                      GAsyncResult        *result,
                                                      BylineRemoteStory  **story,
                                                      GError             **error);
BylinePermissions  byline_review_source_get_permissions (BylineReviewSource *self);

/* -------------------------------------------------- review over the store */

/* The queue with word counts and preflight status (each story is downloaded,
 * without its pictures, and checked with @options; NULL: the defaults).  A
 * story that cannot be read (damaged, from a newer Byline) stays listed with
 * its ->problem, rather than hiding the others. */
void               byline_review_list_async     (BylineDestination    *destination,
                                                 BylineStatus          status,
                                                 BylineCheckOptions   *check_options,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray         *byline_review_list_finish    (BylineDestination    *destination,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* Called by byline_review_list_progressive_async() with the stories as far as
 * they are known: first with @index G_MAXUINT once they are listed, newest
 * first, none checked yet; then with the index of each story once checked
 * (its ->checked set, or ->problem or ->not_checked).  A story gone meanwhile
 * is not in the final result. */
typedef void (*BylineReviewListProgress) (GPtrArray *stories,
                                          guint      index,
                                          gpointer   user_data);
/* The same, said as it goes: the queue shows the stories before every one of
 * them has come down a slow line.  When a story cannot be downloaded for the
 * way to it (the line dropped), the rest are left unchecked, with why
 * (->not_checked), rather than the whole queue failing. */
void               byline_review_list_progressive_async (BylineDestination        *destination,
                                                         BylineStatus              status,
                                                         BylineCheckOptions       *check_options,
                                                         BylineReviewListProgress  progress,
                                                         gpointer                  progress_data,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);

typedef struct
{
  BylineArticle     *article;   /* the local draft as saved */
  BylineRemoteStory *story;
  /* What the destination's version changed since this side last sent it
   * (else since the base; NULL without either): for a reporter, what the
   * editor changed since submission. */
  GPtrArray         *changes;   /* BylineDiffEntry */
  BylineMerge       *merge;     /* when the local draft had changed too; else NULL */
  gboolean           created;   /* a new local draft */
} BylineReviewOpened;

void               byline_review_opened_free    (BylineReviewOpened *opened);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineReviewOpened, byline_review_opened_free)

/* Downloads @remote_id with its pictures into its local draft (created, or
 * merged with the local changes). */
void               byline_review_open_async     (BylineDraftStore     *store,
                                                 BylineDestination    *destination,
                                                 const char           *remote_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
BylineReviewOpened *byline_review_open_finish   (BylineDraftStore     *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

typedef struct
{
  BylineStatus  status;      /* SUBMITTED, PUBLISHED, SCHEDULED, RETURNED */
  const char   *note;        /* for the other side; never published */
  GDateTime    *publish_at;  /* SCHEDULED */
  /* Publish in spite of preflight errors; recorded on the story. */
  gboolean      override_checks;
  const char   *who;         /* for the record of an override; may be NULL */
  BylineCheckOptions *check_options;  /* NULL: the defaults */
} BylineReviewSendOptions;

/* Sends draft @draft_id.  Fails with BYLINE_ERROR_INVALID (nothing sent) for
 * preflight errors without override_checks, BYLINE_ERROR_FORBIDDEN for a status
 * the account's role does not allow, BYLINE_ERROR_CONFLICT when a merge needs
 * the user (byline_review_load_merge()); a destination that is not a
 * BylineReviewSource reports the conflict as it is, without merging. */
void               byline_review_send_async     (BylineDraftStore     *store,
                                                 BylineDestination    *destination,
                                                 const char           *draft_id,
                                                 const BylineReviewSendOptions *options,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* @merged: TRUE when someone else's changes were merged in before the send. */
BylineSendReceipt *byline_review_send_finish    (BylineDraftStore     *store,
                                                 GAsyncResult         *result,
                                                 gboolean             *merged,
                                                 GError              **error);

/* After a conflict: fetches the destination's version of @draft_id and merges
 * it into the draft as a send would (theirs in the history first).  The
 * draft's status and note stay.  @resolved: TRUE when nothing conflicted —
 * the draft is then linked to their version and can be sent again; FALSE
 * when byline_review_load_merge() holds conflicts for the user. */
void               byline_review_merge_remote_async  (BylineDraftStore    *store,
                                                      BylineDestination   *destination,
                                                      const char          *draft_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           byline_review_merge_remote_finish (BylineDraftStore    *store,
                                                      GAsyncResult        *result,
                                                      gboolean            *resolved,
                                                      GError             **error);

/* The base: the version last sent to or received from @destination. */
gboolean           byline_review_save_base      (BylineDraftStore     *store,
                                                 const char           *destination,
                                                 BylineArticle        *article,
                                                 const char           *version,
                                                 GError              **error);
/* NULL (no error) when there is none. */
BylineArticle     *byline_review_load_base      (BylineDraftStore     *store,
                                                 const char           *draft_id,
                                                 const char           *destination,
                                                 char                **version,
                                                 GError              **error);
/* The version this side last sent (also the base until theirs comes in):
 * what the other side's changes are shown against, as often as one opens. */
gboolean           byline_review_save_sent      (BylineDraftStore     *store,
                                                 const char           *destination,
                                                 BylineArticle        *article,
                                                 const char           *version,
                                                 GError              **error);
BylineArticle     *byline_review_load_sent      (BylineDraftStore     *store,
                                                 const char           *draft_id,
                                                 const char           *destination,
                                                 char                **version,
                                                 GError              **error);

/* The merge waiting for the user, NULL (no error) when there is none. */
BylineMerge       *byline_review_load_merge     (BylineDraftStore     *store,
                                                 const char           *draft_id,
                                                 const char           *destination,
                                                 GError              **error);
/* Saves the choices made on @merge; when every conflict is resolved, the
 * merged story becomes the draft, linked to their version, and the next send
 * replaces it.  Returns the draft as saved. */
BylineArticle     *byline_review_resolve        (BylineDraftStore     *store,
                                                 const char           *draft_id,
                                                 const char           *destination,
                                                 BylineMerge          *merge,
                                                 GError              **error);

/* Records on @article that the preflight errors @codes (a NULL-terminated
 * list of finding codes) were overridden by @who (NULL: the login name) to
 * send it as @status; saved with the article.  byline_review_send_async()
 * records its own overrides; this is for other ways of publishing. */
void               byline_review_record_override (BylineArticle        *article,
                                                  const char           *who,
                                                  BylineStatus          status,
                                                  const char * const   *codes);

/* The record of a preflight override on @article, NULL when there is none:
 * {"by": …, "at": …, "status": …, "errors": [codes]}. */
JsonObject        *byline_review_get_override   (BylineArticle        *article);

G_END_DECLS
