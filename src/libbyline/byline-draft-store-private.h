/* byline-draft-store-private.h — the draft store's files: locks, atomic writes,
 * media copies and the summary cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-draft-store.h"

G_BEGIN_DECLS

#define BYLINE_DRAFT_TRASH_NAME ".trash"

/* Pictures larger than this are refused with BYLINE_ERROR_TOO_LARGE. */
#define BYLINE_DRAFT_MEDIA_MAX_SIZE (G_GINT64_CONSTANT (256) * 1024 * 1024)

/* ------------------------------------------------------------------ byline-draft-store.c */

struct _BylineDraftStore
{
  GObject        parent_instance;

  GFile         *folder;
  char          *path;
  guint          history_limit;
  GHashTable    *watches;        /* BylineArticle → watch (byline-draft-store-autosave.c) */
  BylineArticle *saving;         /* its changes during a save are the store's own */
};

/* BYLINE_ERROR_INVALID, with a message that shows @id safely. */
gboolean  _byline_draft_check_id                    (const char        *id,
                                                     GError           **error);
char     *_byline_draft_store_dup_draft_dir         (BylineDraftStore  *self,
                                                     const char        *id);
char     *_byline_draft_store_dup_trash_dir         (BylineDraftStore  *self,
                                                     const char        *id);
/* BYLINE_ERROR_NOT_FOUND, saying whether it is in the trash; returns FALSE. */
gboolean  _byline_draft_store_set_not_found         (BylineDraftStore  *self,
                                                     const char        *id,
                                                     GError           **error);
void      _byline_draft_store_emit_autosave_failed  (BylineDraftStore  *self,
                                                     BylineArticle     *article,
                                                     const GError      *error);

/* --------------------------------------------------------- byline-draft-store-autosave.c */

void      _byline_draft_watch_free                  (gpointer           watch);
/* Called after every save: a watched article is clean again. */
void      _byline_draft_store_watch_saved           (BylineDraftStore  *self,
                                                     BylineArticle     *article);

/* ------------------------------------------------------------ byline-draft-store-files.c */

gboolean  _byline_draft_id_is_valid        (const char   *id);
gboolean  _byline_sha256_is_valid          (const char   *sha256);

/* What identifies one version of draft.json without reading it: a save renames a
 * new file into place, so the inode changes even when size and mtime do not. */
typedef struct
{
  gint64  size;
  gint64  mtime_ns;
  guint64 inode;
} BylineFileStamp;

/* FALSE with errno set when @path cannot be stat'ed. */
gboolean  _byline_file_stamp_get           (const char            *path,
                                            BylineFileStamp       *stamp);
gboolean  _byline_file_stamp_equal         (const BylineFileStamp *a,
                                            const BylineFileStamp *b);

gboolean  _byline_make_folder              (const char   *path,
                                            GError      **error);
gboolean  _byline_fsync_folder             (const char   *path,
                                            GError      **error);
/* write to a temporary file, fsync, rename over @path */
gboolean  _byline_write_file_atomic        (const char   *path,
                                            const char   *data,
                                            gsize         length,
                                            GError      **error);
/* The same without fsync, for what may be lost on a power failure but must
 * never be seen half-written: the history and the summary cache. */
gboolean  _byline_write_file_unsynced      (const char   *path,
                                            const char   *data,
                                            gsize         length,
                                            GError      **error);
gboolean  _byline_load_file                (const char   *path,
                                            GBytes      **bytes,
                                            GError      **error);
/* rename(2) that never replaces @to. */
gboolean  _byline_rename_no_replace        (const char   *from,
                                            const char   *to,
                                            GError      **error);
gboolean  _byline_remove_tree              (const char   *path,
                                            GError      **error);

/* An exclusive flock(2) on <draft_dir>/lock; returns the descriptor or -1.
 * @wait: wait a few seconds for another writer, else fail at once with
 * BYLINE_ERROR_LOCKED.  Fails with BYLINE_ERROR_CONFLICT when the folder was
 * moved (deleted) while waiting. */
int       _byline_draft_lock               (const char   *draft_dir,
                                            const char   *id,
                                            gboolean      wait,
                                            GError      **error);
void      _byline_draft_unlock             (int           fd);

/* Writers hold the lock, so a temporary file found while holding it was left
 * by a writer that died (a crash, kill -9): remove them. */
void      _byline_draft_remove_temporaries (const char   *draft_dir);

/* A picture copied into <media_dir> as a temporary file, with its hash. */
typedef struct
{
  char       *tmp_path;
  char       *sha256;
  const char *media_type;   /* only when sniffed */
  guint       width;
  guint       height;
  gboolean    converted;    /* a HEIF picture, now a JPEG (byline-image-heif.c) */
} BylineMediaCopy;

void      _byline_media_copy_clear         (BylineMediaCopy *copy);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineMediaCopy, _byline_media_copy_clear)

/* Streams @source into a temporary file in @media_dir computing its SHA-256.
 * @sniff: refuse anything that is not a JPEG, PNG, GIF or WebP picture, but
 * make a JPEG of an iPhone's HEIC or an AVIF when it can (copy->converted). */
gboolean  _byline_media_copy_in            (GFile           *source,
                                            const char      *media_dir,
                                            gboolean         sniff,
                                            BylineMediaCopy *copy,
                                            GError         **error);
/* Renames the copy to @final_path, or drops it when that file exists already. */
gboolean  _byline_media_copy_commit        (BylineMediaCopy *copy,
                                            const char      *final_path,
                                            GError         **error);

/* -------------------------------------------------------- byline-draft-store-summary.c */

/* summary.json: what listing needs, so that listing never parses a body.  It is
 * a cache: trusted only while draft.json still has the recorded stamp. */
typedef struct
{
  BylineDraftSummary *summary;
  BylineFileStamp     stamp;     /* of draft.json when this was written */
  GPtrArray          *history;   /* BylineDraftVersion, newest first */
} BylineSummaryFile;

void                _byline_summary_file_free    (BylineSummaryFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSummaryFile, _byline_summary_file_free)

/* NULL when missing or unreadable, which only means "rebuild it". */
BylineSummaryFile  *_byline_summary_file_read    (const char        *path);
GBytes             *_byline_summary_file_to_bytes (BylineSummaryFile *file);
/* A summary's members and its draft.json's stamp, as summary.json and the
 * store's index write them, into the object being built; and read back
 * (NULL when one is missing or wrong). */
void                _byline_summary_add_members  (JsonBuilder              *builder,
                                                  const BylineDraftSummary *summary,
                                                  const BylineFileStamp    *stamp);
BylineDraftSummary *_byline_summary_read_members (JsonObject        *object,
                                                  BylineFileStamp   *stamp);

BylineDraftSummary *_byline_draft_summary_new    (BylineArticle     *article);
BylineDraftSummary *_byline_draft_summary_copy   (const BylineDraftSummary *summary);
BylineDraftVersion *_byline_draft_version_new    (BylineArticle     *article,
                                                  GDateTime         *saved);
BylineDraftVersion *_byline_draft_version_copy   (const BylineDraftVersion *version);

/* The revisions in <draft_dir>/history, newest first. */
GArray             *_byline_history_revisions    (const char        *draft_dir);

char               *_byline_draft_history_path   (const char        *draft_dir,
                                                  guint64            revision);
/* Points the pictures at their copies in media/, where there is one. */
/* byline-draft-format.c: whether @article was read from a draft of format
 * 1.0, whose pictures may have their stored size, not the one they show at
 * (asked once). */
gboolean            _byline_draft_format_take_sizes_as_stored (BylineArticle *article);
/* Its JPEGs' sizes from their files' headers (byline-draft-store-files.c):
 * for such a draft, once its pictures have their files. */
void                _byline_draft_measure_pictures (BylineArticle *article);
void                _byline_draft_attach_media   (BylineArticle     *article,
                                                  const char        *draft_dir);
/* Parses a draft.json or history file of the draft @id. */
BylineArticle      *_byline_draft_parse_file     (const char        *path,
                                                  const char        *draft_dir,
                                                  const char        *id,
                                                  GError           **error);
/* The versions in history/, newest first: from @known or @latest when listed
 * there, else read from their files. */
GPtrArray          *_byline_draft_collect_history (const char        *draft_dir,
                                                   const char        *id,
                                                   GPtrArray         *known,
                                                   BylineDraftVersion *latest);
gboolean            _byline_draft_history_matches (GPtrArray         *history,
                                                   const char        *draft_dir);
/* summary.json when it still describes draft.json, else rebuilt from draft.json
 * (*rebuilt set).  BYLINE_ERROR_NOT_FOUND without a draft.json. */
BylineSummaryFile  *_byline_draft_read_current   (const char        *draft_dir,
                                                  const char        *id,
                                                  gboolean          *rebuilt,
                                                  GError           **error);
/* Writes @file back unless a writer holds the draft. */
void                _byline_draft_repair_summary (const char        *draft_dir,
                                                  const char        *id,
                                                  BylineSummaryFile *file);
/* How _byline_draft_list_folder() reads a folder: the store's own folder
 * with REPAIR | INDEXED, the trash with DELETED. */
typedef enum
{
  BYLINE_LIST_REPAIR  = 1 << 0,  /* stale summary.json files written back */
  BYLINE_LIST_INDEXED = 1 << 1,  /* the folder's .index.json used and kept */
  BYLINE_LIST_DELETED = 1 << 2,  /* each summary's deleted: the time of its folder */
} BylineListFlags;

/* BylineDraftSummary of every draft folder in @folder, newest first (with
 * DELETED, the most recently deleted first). */
GPtrArray          *_byline_draft_list_folder    (const char        *folder,
                                                  BylineListFlags    flags,
                                                  GError           **error);

/* -------------------------------------------------------- byline-draft-store-index.c */

/* One draft in the store's .index.json: its summary and the stamp of the
 * draft.json the summary describes. */
typedef struct
{
  BylineDraftSummary *summary;
  BylineFileStamp     stamp;
} BylineIndexEntry;

BylineIndexEntry   *_byline_index_entry_new      (const BylineDraftSummary *summary,
                                                  const BylineFileStamp    *stamp);
void                _byline_index_entry_free     (BylineIndexEntry  *entry);
/* id → BylineIndexEntry; empty when there is no index or it cannot be read. */
GHashTable         *_byline_draft_index_read     (const char        *folder);
/* Replaces the index with @entries (BylineIndexEntry); failing is only logged. */
void                _byline_draft_index_write    (const char        *folder,
                                                  GPtrArray         *entries);

G_END_DECLS
