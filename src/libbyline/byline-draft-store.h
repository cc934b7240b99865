/* byline-draft-store.h — the drafts on disk: atomic saves, history, trash, autosave
 *
 * Layout under the store folder (default $XDG_DATA_HOME/byline/drafts):
 *
 *   <id>/draft.json          the current version (Byline draft v1)
 *   <id>/summary.json        headline, status, modified, word count, revision: for listing
 *   <id>/media/<sha256>.<ext> the pictures, by content
 *   <id>/history/<revision>.json  earlier versions, the last N kept
 *   <id>/lock                flock(2) target while a save is in progress
 *   .trash/<id>/             deleted drafts, until undeleted or purged
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

/* NULL: the default folder under $XDG_DATA_HOME. */
BylineDraftStore *byline_draft_store_new             (GFile             *folder);
GFile            *byline_draft_store_get_folder      (BylineDraftStore  *self);
GFile            *byline_draft_store_get_draft_folder (BylineDraftStore *self,
                                                      const char        *id);
guint             byline_draft_store_get_history_limit (BylineDraftStore *self);
void              byline_draft_store_set_history_limit (BylineDraftStore *self,
                                                      guint              limit);

/* Newest first. */
GPtrArray        *byline_draft_store_list            (BylineDraftStore  *self,
                                                      GError           **error);
gboolean          byline_draft_store_contains        (BylineDraftStore  *self,
                                                      const char        *id);
BylineArticle    *byline_draft_store_load            (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
/* Writes atomically (write, fsync, rename, fsync the folder), copies pictures in
 * by content, keeps the previous version in the history and bumps the article's
 * revision.  Fails with BYLINE_ERROR_CONFLICT, touching nothing, when the draft
 * on disk is no longer the revision @article was loaded at. */
gboolean          byline_draft_store_save            (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GError           **error);
/* Copies the picture at @file into the draft's media folder and returns a new
 * BylineImage for it (not yet added to the article). */
BylineImage      *byline_draft_store_import_image    (BylineDraftStore  *self,
                                                      BylineArticle     *article,
                                                      GFile             *file,
                                                      GError           **error);

/* Newest first. */
GPtrArray        *byline_draft_store_list_history    (BylineDraftStore  *self,
                                                      const char        *id,
                                                      GError           **error);
BylineArticle    *byline_draft_store_load_version    (BylineDraftStore  *self,
                                                      const char        *id,
                                                      guint64            revision,
                                                      GError           **error);
/* Makes an earlier version the current one (as a new revision). */
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
GPtrArray        *byline_draft_store_list_trash      (BylineDraftStore  *self,
                                                      GError           **error);

/* Autosave: saves @article @delay_ms after its last change ("changed" signal),
 * and at once from byline_draft_store_flush().  Errors are reported through the
 * store's "autosave-failed" signal; "saved" is emitted after every save. */
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
