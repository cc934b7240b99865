/* byline-draft-store.h — the drafts on disk: atomic saves, history, trash, autosave
 *
 * Layout under the store folder (default $XDG_DATA_HOME/byline/drafts):
 *
 *   <id>/draft.json          the current version (Byline draft v1)
 *   <id>/summary.json        headline, status, modified, word count, revision: for listing
 *   <id>/media/<sha256>.<ext> the pictures, by content
 *   <id>/history/<revision>.json  earlier versions, the last N kept
 *   <id>/lock                flock(2) target while a save is in progress
 *   .index.json              every draft's summary with its draft.json's stamp,
 *                            for listing: a cache like summary.json
 *   .trash/<id>/             deleted drafts, until undeleted or purged (the app
 *                            purges those deleted more than "trash-days" ago,
 *                            30 unless changed)
 *
 * A save writes the pictures, then history/<revision>.json, then draft.json,
 * then summary.json, each through a temporary file, fsync and rename, so that
 * a save killed at any point leaves the previous or the new version whole.
 * The history holds the current version too.  summary.json records draft.json's
 * size, mtime and inode; when they no longer match, draft.json is read again.
 *
 * Ids are UUIDs (they come from users and the command line: anything else is
 * refused with BYLINE_ERROR_INVALID).  Use the store from one thread, but for
 * byline_draft_store_import_image() and byline_draft_store_copy_media(), which
 * copy pictures (seconds for a story's photos on a slow disk) and may run in
 * another thread on an article that thread alone uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct
{
  char         *id;
  char         *headline;
  BylineStatus  status;
  GDateTime    *modified;
  guint         word_count;
  guint64       revision;
  /* NULL, or why draft.json cannot be read (the other fields but id are then
   * empty): such a draft is listed so that it can be seen and deleted. */
  char         *problem;
  /* When it was deleted: in byline_draft_store_list_trash()'s summaries only. */
  GDateTime    *deleted;
} BylineDraftSummary;

void                byline_draft_summary_free (BylineDraftSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDraftSummary, byline_draft_summary_free)

typedef struct
{
  guint64    revision;
  GDateTime *saved;
  char      *headline;
  guint      word_count;
} BylineDraftVersion;

void                byline_draft_version_free (BylineDraftVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDraftVersion, byline_draft_version_free)

#define BYLINE_TYPE_DRAFT_STORE (byline_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (BylineDraftStore, byline_draft_store, BYLINE, DRAFT_STORE, GObject)

/* NULL: the default folder, $XDG_DATA_HOME/byline/drafts.  A local folder. */
BylineDraftStore *byline_draft_store_new             (GFile             *folder);
GFile            *byline_draft_store_get_folder      (BylineDraftStore  *self);
/* <folder>/<id> (whether or not it exists); NULL when @id is not a valid id. */
GFile            *byline_draft_store_get_draft_folder (BylineDraftStore *self,
                                                      const char        *id);
guint             byline_draft_store_get_history_limit (BylineDraftStore *self);
void              byline_draft_store_set_history_limit (BylineDraftStore *self,
                                                      guint              limit);

/* BylineDraftSummary, newest first (by modified); reads summary.json, not the
 * drafts, unless one is stale. */
GPtrArray        *byline_draft_store_list            (BylineDraftStore  *self,
                                                      GError           **error);
/* The names of the drafts' folders, in no order, from the store's folder
 * alone: for what needs every draft but not its summary (the outbox at
 * start-up).  A folder may hold no draft yet (a first save that never
 * finished, which byline_draft_store_list() leaves out): ask
 * byline_draft_store_contains() where that matters. */
GStrv             byline_draft_store_list_ids        (BylineDraftStore  *self,
                                                      GError           **error);
gboolean          byline_draft_store_contains        (BylineDraftStore  *self,
                                                      const char        *id);
/* The pictures of the loaded article point at their copies in media/.
 * BYLINE_ERROR_NOT_FOUND (saying so when it is in the trash); the reader's
 * errors, naming <id>/draft.json and the position, for a damaged file. */
BylineArticle    *byline_draft_store_load            (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
/* Writes atomically (write, fsync, rename, fsync the folder), copies pictures in
 * by content from BylineImage:file (checking their SHA-256) and points the
 * images at the copies, keeps the version in the history, sets the article's
 * modified time to now and bumps its revision.  Fails with
 * BYLINE_ERROR_CONFLICT, touching nothing, when the draft on disk is no longer
 * the revision @article was loaded at (or was moved to the trash), and with the
 * reader's error when the draft on disk cannot be read (a newer Byline's, a
 * damaged file): it is never overwritten.  Pictures without a file or a
 * SHA-256 (remote ones) are kept as metadata. */
gboolean          byline_draft_store_save            (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GError           **error);
/* Copies the picture at @file into the draft's media folder and returns a new
 * BylineImage for it (not yet added to the article): type and size from its
 * header, filename the original's, file the copy.  Anything but a JPEG, PNG,
 * GIF or WebP fails with BYLINE_ERROR_UNSUPPORTED_FORMAT, over 256 MiB with
 * BYLINE_ERROR_TOO_LARGE. */
BylineImage      *byline_draft_store_import_image    (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GFile             *file,
                                                      GError           **error);

/* Copies the pictures of @article that its draft's media folder lacks, as
 * byline_draft_store_save() would, so that the save finds them in place:
 * for an article read in a thread (a Word document and its photos), which
 * does not yet need to be a draft.  Fails as the save would for a picture
 * whose file changed or cannot be read. */
gboolean          byline_draft_store_copy_media      (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GError           **error);

/* BylineDraftVersion, newest first; the current version is the first.  Also
 * when draft.json itself cannot be read: then the history is what one needs. */
GPtrArray        *byline_draft_store_list_history    (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
BylineArticle    *byline_draft_store_load_version    (BylineDraftStore  *self,
                                                      const char        *id,
                                                      guint64            revision,
                                                      GError           **error);
/* Makes an earlier version the current one (as a new revision) and returns it
 * as saved.  An article opened before then gets BYLINE_ERROR_CONFLICT on save.
 * A current draft.json that cannot be read (damaged; not a newer Byline's) is
 * kept beside it as draft.json.damaged-<time>. */
BylineArticle    *byline_draft_store_restore         (BylineDraftStore  *self,
                                                      const char        *id,
                                                      guint64            revision,
                                                      GError           **error);

gboolean          byline_draft_store_delete          (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
gboolean          byline_draft_store_undelete        (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
/* BylineDraftSummary of the drafts in the trash, the most recently deleted first. */
GPtrArray        *byline_draft_store_list_trash      (BylineDraftStore  *self,
                                                      GError           **error);
/* Removes a draft from the trash for good. */
gboolean          byline_draft_store_purge           (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
/* Removes for good the drafts deleted more than @older_than ago, and returns
 * how many.  One that cannot be removed is left, with the first error. */
guint             byline_draft_store_purge_trash     (BylineDraftStore  *self,
                                                      GTimeSpan          older_than,
                                                      GError           **error);
/* Removes every draft in the trash for good, and returns how many.  One that
 * cannot be removed is left, with the first error; the others still go. */
guint             byline_draft_store_empty_trash     (BylineDraftStore  *self,
                                                      GError           **error);

/* Autosave: saves @article @delay_ms after its last change ("changed" signal),
 * at the latest 10 × @delay_ms after the first unsaved one, and at once from
 * byline_draft_store_flush().  Errors are reported through the store's
 * "autosave-failed" signal; "saved" is emitted after every save.  The store
 * keeps a reference to @article until unwatch, which saves nothing: flush
 * first.  Watching again only changes the delay. */
void              byline_draft_store_watch           (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      guint              delay_ms);
void              byline_draft_store_unwatch         (BylineDraftStore  *self,
                                                      BylineArticle     *article);
gboolean          byline_draft_store_flush           (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GError           **error);
gboolean          byline_draft_store_is_dirty        (BylineDraftStore  *self,
                                                      BylineArticle     *article);

G_END_DECLS
