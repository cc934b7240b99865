/* byline-draft-store.c
 *
 * A draft is a folder; every file in it is replaced by rename, never written
 * in place, and a save writes them in an order that leaves something whole
 * whenever it stops: the pictures, then history/<revision>.json, then
 * draft.json, then summary.json (a cache checked against draft.json's stamp).
 * On a full disk, the newest words come first: the history entry gives its
 * room to draft.json (write_draft()).
 * Writers of one draft take a flock on its lock file; readers need none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "byline-article.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-image-heif-private.h"
#include "byline-error.h"
#include "byline-image.h"

#define DEFAULT_HISTORY_LIMIT 30

G_DEFINE_FINAL_TYPE (BylineDraftStore, byline_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_HISTORY_LIMIT,
  N_PROPS
};

enum {
  SAVED,
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
byline_draft_store_constructed (GObject *object)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = g_file_new_build_filename (g_get_user_data_dir (), "byline", "drafts", NULL);
  self->path = g_file_get_path (self->folder);
  g_assert (self->path != NULL);
}

static void
byline_draft_store_dispose (GObject *object)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  /* Dropping the store drops pending autosaves: callers flush first. */
  g_hash_table_remove_all (self->watches);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->dispose (object);
}

static void
byline_draft_store_finalize (GObject *object)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->watches, g_hash_table_unref);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->finalize (object);
}

static void
byline_draft_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER: g_value_set_object (value, self->folder); break;
    case PROP_HISTORY_LIMIT: g_value_set_uint (value, self->history_limit); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER: self->folder = g_value_dup_object (value); break;
    case PROP_HISTORY_LIMIT: byline_draft_store_set_history_limit (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_class_init (BylineDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_draft_store_constructed;
  object_class->dispose = byline_draft_store_dispose;
  object_class->finalize = byline_draft_store_finalize;
  object_class->get_property = byline_draft_store_get_property;
  object_class->set_property = byline_draft_store_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY_LIMIT] =
    g_param_spec_uint ("history-limit", NULL, NULL, 1, G_MAXUINT, DEFAULT_HISTORY_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineDraftStore::saved:
   * @article: the article, now at its new revision
   *
   * Emitted after every successful save, explicit or automatic.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);

  /**
   * BylineDraftStore::autosave-failed:
   * @article: the watched article, still dirty
   * @error: why (BYLINE_ERROR_CONFLICT when saved elsewhere meanwhile)
   */
  signals[AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, BYLINE_TYPE_ARTICLE, G_TYPE_ERROR);
}

static void
byline_draft_store_init (BylineDraftStore *self)
{
  self->history_limit = DEFAULT_HISTORY_LIMIT;
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, _byline_draft_watch_free);
}

BylineDraftStore *
byline_draft_store_new (GFile *folder)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);
  g_return_val_if_fail (folder == NULL || g_file_is_native (folder), NULL);

  return g_object_new (BYLINE_TYPE_DRAFT_STORE, "folder", folder, NULL);
}

GFile *
byline_draft_store_get_folder (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  return self->folder;
}

GFile *
byline_draft_store_get_draft_folder (BylineDraftStore *self,
                                     const char       *id)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  if (!_byline_draft_id_is_valid (id))
    return NULL;
  return g_file_get_child (self->folder, id);
}

guint
byline_draft_store_get_history_limit (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);
  return self->history_limit;
}

void
byline_draft_store_set_history_limit (BylineDraftStore *self,
                                      guint             limit)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (limit >= 1);

  if (self->history_limit != limit)
    {
      self->history_limit = limit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_LIMIT]);
    }
}

/* ---------------------------------------------------------------- helpers */

gboolean
_byline_draft_check_id (const char  *id,
                        GError     **error)
{
  g_autofree char *shown = NULL;

  if (_byline_draft_id_is_valid (id))
    return TRUE;

  /* Shown on one line, whatever bytes it holds. */
  shown = id ? g_utf8_make_valid (id, MIN (strlen (id), 80)) : g_strdup ("(null)");
  for (char *p = shown; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '?';
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("“%s” is not a draft id (a UUID such as 6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10)"),
               shown);
  return FALSE;
}

char *
_byline_draft_store_dup_draft_dir (BylineDraftStore *self,
                                   const char       *id)
{
  return g_build_filename (self->path, id, NULL);
}

char *
_byline_draft_store_dup_trash_dir (BylineDraftStore *self,
                                   const char       *id)
{
  return g_build_filename (self->path, BYLINE_DRAFT_TRASH_NAME, id, NULL);
}

static gboolean
draft_exists (const char *draft_dir)
{
  g_autofree char *path = g_build_filename (draft_dir, "draft.json", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
_byline_draft_store_set_not_found (BylineDraftStore  *self,
                                   const char        *id,
                                   GError           **error)
{
  g_autofree char *trashed = _byline_draft_store_dup_trash_dir (self, id);

  if (g_file_test (trashed, G_FILE_TEST_IS_DIR))
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 _("Draft %s is in the trash; undelete it first"), id);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 _("No draft %s in %s"), id, self->path);
  return FALSE;
}

void
_byline_draft_store_emit_autosave_failed (BylineDraftStore *self,
                                          BylineArticle    *article,
                                          const GError     *error)
{
  g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, article, error);
}

/* ------------------------------------------------------------------- list */

GPtrArray *
byline_draft_store_list (BylineDraftStore  *self,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _byline_draft_list_folder (self->path, BYLINE_LIST_REPAIR | BYLINE_LIST_INDEXED, error);
}

GStrv
byline_draft_store_list_ids (BylineDraftStore  *self,
                             GError           **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_open (self->path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_strv_builder_end (ids);
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, local_error->message);
      return NULL;
    }
  /* No stat per folder: a thousand of them are milliseconds here. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (_byline_draft_id_is_valid (name))
      g_strv_builder_add (ids, name);
  return g_strv_builder_end (ids);
}

gboolean
byline_draft_store_contains (BylineDraftStore *self,
                             const char       *id)
{
  g_autofree char *draft_dir = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  if (!_byline_draft_id_is_valid (id))
    return FALSE;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  return draft_exists (draft_dir);
}

/* ------------------------------------------------------------------- load */

BylineArticle *
byline_draft_store_load (BylineDraftStore  *self,
                         const char        *id,
                         GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_byline_draft_check_id (id, error))
    return NULL;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  if (!draft_exists (draft_dir))
    {
      _byline_draft_store_set_not_found (self, id, error);
      return NULL;
    }

  path = g_build_filename (draft_dir, "draft.json", NULL);
  return _byline_draft_parse_file (path, draft_dir, id, error);
}

/* ------------------------------------------------------------------- save */

/* Copies every picture missing from media/ from its file, checking that the
 * bytes are still the ones the article names. */
static gboolean
save_media (BylineArticle  *article,
            const char     *draft_dir,
            GError        **error)
{
  g_autofree char *media_dir = g_build_filename (draft_dir, "media", NULL);
  guint n = byline_article_get_n_images (article);
  gboolean copied = FALSE;

  for (guint i = 0; i < n; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      const char *sha256 = byline_image_get_sha256 (image);
      GFile *source = byline_image_get_file (image);
      g_auto(BylineMediaCopy) copy = { 0 };
      g_autofree char *relative = NULL;
      g_autofree char *path = NULL;

      if (!_byline_sha256_is_valid (sha256))
        {
          /* Without a file it is a remote picture: metadata only. */
          if (source == NULL)
            continue;
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("Picture “%s” has no valid SHA-256"), byline_image_get_filename (image));
          return FALSE;
        }

      relative = byline_image_dup_media_path (image);
      path = g_build_filename (draft_dir, relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) || source == NULL)
        continue;

      if (!_byline_make_folder (media_dir, error)
          || !_byline_media_copy_in (source, media_dir, FALSE, &copy, error))
        return FALSE;
      if (g_ascii_strcasecmp (copy.sha256, sha256) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (source);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("“%s” changed since it was added to the draft (SHA-256 %s, expected %s)"),
                       name, copy.sha256, sha256);
          return FALSE;
        }
      if (!_byline_media_copy_commit (&copy, path, error))
        return FALSE;
      copied = TRUE;
    }

  return !copied || _byline_fsync_folder (media_dir, error);
}

/* history/<revision>.json, then draft.json.  On a full disk the newest
 * words come before a copy of them: when there is room for one copy, not
 * two, the history entry gives its room to the draft (the history then
 * lacks this version, which draft.json is). */
static gboolean
write_draft (const char  *draft_path,
             const char  *history_path,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GError) history_error = NULL;
  g_autoptr(GError) draft_error = NULL;
  gboolean history;

  history = _byline_write_file_unsynced (history_path, g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), &history_error);
  if (!history && !g_error_matches (history_error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE))
    {
      g_propagate_error (error, g_steal_pointer (&history_error));
      return FALSE;
    }
  if (_byline_write_file_atomic (draft_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 &draft_error))
    return TRUE;
  if (history && g_error_matches (draft_error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE))
    {
      g_unlink (history_path);
      g_clear_error (&draft_error);
      if (_byline_write_file_atomic (draft_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     &draft_error))
        return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&draft_error));
  return FALSE;
}

/* Makes room for @revision: keeps the newest @limit - 1 versions before it.
 * Done before writing it, so that however a save ends the history never
 * holds more than @limit files. */
static void
prune_history (const char *draft_dir,
               guint       limit,
               guint64     revision)
{
  g_autoptr(GArray) revisions = _byline_history_revisions (draft_dir);
  guint kept = 0;

  for (guint i = 0; i < revisions->len; i++)
    {
      guint64 old = g_array_index (revisions, guint64, i);
      g_autofree char *path = NULL;

      /* The same revision is a version whose save was cut short: replaced. */
      if (old == revision || (old < revision && kept++ < limit - 1))
        continue;
      path = _byline_draft_history_path (draft_dir, old);
      if (g_unlink (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

static gboolean
save_locked (BylineDraftStore  *self,
             BylineArticle     *article,
             const char        *draft_dir,
             GError           **error)
{
  const char *id = byline_article_get_id (article);
  guint64 loaded_revision = byline_article_get_revision (article);
  g_autofree char *history_dir = g_build_filename (draft_dir, "history", NULL);
  g_autofree char *draft_path = g_build_filename (draft_dir, "draft.json", NULL);
  g_autofree char *summary_path = g_build_filename (draft_dir, "summary.json", NULL);
  g_autofree char *history_path = NULL;
  g_autoptr(BylineSummaryFile) disk = NULL;
  g_autoptr(BylineSummaryFile) summary = NULL;
  g_autoptr(BylineDraftVersion) version = NULL;
  g_autoptr(GDateTime) old_modified = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) summary_bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 revision;
  gboolean rebuilt;

  _byline_draft_remove_temporaries (draft_dir);

  disk = _byline_draft_read_current (draft_dir, id, &rebuilt, &local_error);
  if (disk == NULL && !g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
    {
      /* Never write over what cannot be read: it may be a newer Byline's. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Draft %s was not saved, the version on disk cannot be read: "), id);
      return FALSE;
    }
  if (disk != NULL && disk->summary->revision != loaded_revision)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   _("Draft %s was changed elsewhere: it is at revision %lu on disk, this copy "
                     "was opened at revision %lu; reopen it or save it as a new draft"),
                   id, (unsigned long) disk->summary->revision, (unsigned long) loaded_revision);
      return FALSE;
    }

  if (disk != NULL)
    revision = disk->summary->revision + 1;
  else
    {
      g_autoptr(GArray) revisions = _byline_history_revisions (draft_dir);
      guint64 newest = revisions->len > 0 ? g_array_index (revisions, guint64, 0) : 0;

      revision = MAX (loaded_revision, newest) + 1;
    }

  if (!_byline_make_folder (history_dir, error)
      || !save_media (article, draft_dir, error))
    return FALSE;

  /* Whole seconds: what the format keeps, so a reload compares equal. */
  now = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
  if (byline_article_get_modified (article) != NULL)
    old_modified = g_date_time_ref (byline_article_get_modified (article));
  byline_article_set_modified (article, now);
  byline_article_set_revision (article, revision);
  bytes = byline_draft_format_serialize (article);

  /* Only draft.json (and the pictures it names) is synced to disk before the
   * save returns: a power failure may cost the newest history entry or the
   * summary, never the draft.  A kill costs nothing: every file is renamed
   * into place whole. */
  prune_history (draft_dir, self->history_limit, revision);
  history_path = _byline_draft_history_path (draft_dir, revision);
  if (!write_draft (draft_path, history_path, bytes, error))
    {
      byline_article_set_revision (article, loaded_revision);
      if (old_modified != NULL)
        byline_article_set_modified (article, old_modified);
      return FALSE;
    }

  /* draft.json is in place: from here on the save has happened, and what
   * fails only costs the cache. */
  summary = g_new0 (BylineSummaryFile, 1);
  summary->summary = _byline_draft_summary_new (article);
  /* Counting the words of a long story twice would show in the save's time. */
  version = g_new0 (BylineDraftVersion, 1);
  version->revision = revision;
  version->saved = g_date_time_ref (now);
  version->headline = g_strdup (summary->summary->headline);
  version->word_count = summary->summary->word_count;
  summary->history = _byline_draft_collect_history (draft_dir, id, disk ? disk->history : NULL, version);
  if (_byline_file_stamp_get (draft_path, &summary->stamp))
    {
      summary_bytes = _byline_summary_file_to_bytes (summary);
      if (!_byline_write_file_unsynced (summary_path, g_bytes_get_data (summary_bytes, NULL),
                                        g_bytes_get_size (summary_bytes), &local_error))
        g_debug ("%s", local_error->message);
    }

  if (!_byline_fsync_folder (draft_dir, &local_error))
    g_warning ("Draft %s may not survive a power loss: %s", id, local_error->message);

  _byline_draft_attach_media (article, draft_dir);
  return TRUE;
}

gboolean
byline_draft_store_save (BylineDraftStore  *self,
                         BylineArticle     *article,
                         GError           **error)
{
  g_autoptr(BylineArticle) hold = NULL;
  g_autofree char *draft_dir = NULL;
  g_autofree char *trashed = NULL;
  const char *id;
  gboolean saved;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->saving == NULL, FALSE);

  hold = g_object_ref (article);
  id = byline_article_get_id (article);
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  trashed = _byline_draft_store_dup_trash_dir (self, id);

  /* Saving an opened draft that was deleted meanwhile would make two. */
  if (byline_article_get_revision (article) > 0
      && !g_file_test (draft_dir, G_FILE_TEST_EXISTS)
      && g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   _("Draft %s was moved to the trash since it was opened; "
                     "undelete it or save it as a new draft"), id);
      return FALSE;
    }

  if (!_byline_make_folder (draft_dir, error))
    return FALSE;
  lock = _byline_draft_lock (draft_dir, id, TRUE, error);
  if (lock < 0)
    return FALSE;

  self->saving = article;
  saved = save_locked (self, article, draft_dir, error);
  self->saving = NULL;
  _byline_draft_unlock (lock);

  if (!saved)
    return FALSE;

  _byline_draft_store_watch_saved (self, article);
  g_signal_emit (self, signals[SAVED], 0, article);
  return TRUE;
}

/* ---------------------------------------------------------------- history */

GPtrArray *
byline_draft_store_list_history (BylineDraftStore  *self,
                                 const char        *id,
                                 GError           **error)
{
  g_autoptr(BylineSummaryFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *draft_dir = NULL;
  GPtrArray *result;
  gboolean rebuilt;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_byline_draft_check_id (id, error))
    return NULL;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  if (!draft_exists (draft_dir))
    {
      _byline_draft_store_set_not_found (self, id, error);
      return NULL;
    }

  file = _byline_draft_read_current (draft_dir, id, &rebuilt, &local_error);
  if (file == NULL)
    {
      g_autofree char *summary_path = NULL;
      g_autoptr(BylineSummaryFile) cached = NULL;

      if (g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* draft.json cannot be read: its history is just what one needs then. */
      summary_path = g_build_filename (draft_dir, "summary.json", NULL);
      cached = _byline_summary_file_read (summary_path);
      return _byline_draft_collect_history (draft_dir, id, cached ? cached->history : NULL, NULL);
    }

  /* The summary is current, but history files may have come or gone (a save
   * killed after writing one, or someone tidying up). */
  if (!rebuilt && !_byline_draft_history_matches (file->history, draft_dir))
    {
      GPtrArray *history = _byline_draft_collect_history (draft_dir, id, file->history, NULL);

      g_ptr_array_unref (file->history);
      file->history = history;
      rebuilt = TRUE;
    }
  if (rebuilt)
    _byline_draft_repair_summary (draft_dir, id, file);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_version_free);
  for (guint i = 0; i < file->history->len; i++)
    g_ptr_array_add (result, _byline_draft_version_copy (g_ptr_array_index (file->history, i)));
  return result;
}

BylineArticle *
byline_draft_store_load_version (BylineDraftStore  *self,
                                 const char        *id,
                                 guint64            revision,
                                 GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_byline_draft_check_id (id, error))
    return NULL;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  if (!draft_exists (draft_dir))
    {
      _byline_draft_store_set_not_found (self, id, error);
      return NULL;
    }

  path = _byline_draft_history_path (draft_dir, revision);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("Draft %s has no saved version %lu (the history keeps the last %u)"),
                   id, (unsigned long) revision, self->history_limit);
      return NULL;
    }
  return _byline_draft_parse_file (path, draft_dir, id, error);
}

/* Restoring is how one recovers from a draft.json that cannot be read: it is
 * moved aside (draft.json.damaged-<time>), not overwritten.  One written by a
 * newer Byline is left alone. */
static gboolean
set_damaged_aside (const char  *draft_dir,
                   const char  *id,
                   GError     **error)
{
  g_autofree char *draft_path = g_build_filename (draft_dir, "draft.json", NULL);
  g_autofree char *name = g_strdup_printf ("draft.json.damaged-%" G_GINT64_FORMAT, g_get_real_time ());
  g_autofree char *aside = g_build_filename (draft_dir, name, NULL);
  gboolean moved;
  int lock;

  lock = _byline_draft_lock (draft_dir, id, TRUE, error);
  if (lock < 0)
    return FALSE;
  moved = _byline_rename_no_replace (draft_path, aside, error);
  _byline_draft_unlock (lock);
  if (moved)
    g_debug ("Draft %s could not be read; it was kept as %s", id, aside);
  return moved;
}

BylineArticle *
byline_draft_store_restore (BylineDraftStore  *self,
                            const char        *id,
                            guint64            revision,
                            GError           **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineSummaryFile) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *draft_dir = NULL;
  gboolean rebuilt;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article = byline_draft_store_load_version (self, id, revision, error);
  if (article == NULL)
    return NULL;

  /* Saved on top of the current revision; a save by someone else in
   * between still fails as a conflict. */
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  current = _byline_draft_read_current (draft_dir, id, &rebuilt, &local_error);
  if (current != NULL)
    byline_article_set_revision (article, current->summary->revision);
  else if (g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION)
           || !set_damaged_aside (draft_dir, id, error))
    {
      if (local_error != NULL && (error == NULL || *error == NULL))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!byline_draft_store_save (self, article, error))
    return NULL;
  return g_steal_pointer (&article);
}

/* ------------------------------------------------------------------ trash */

/* ----------------------------------------------------------------- images */

BylineImage *
byline_draft_store_import_image (BylineDraftStore  *self,
                                 BylineArticle     *article,
                                 GFile             *file,
                                 GError           **error)
{
  g_auto(BylineMediaCopy) copy = { 0 };
  g_autofree char *draft_dir = NULL;
  g_autofree char *media_dir = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GFile) media_file = NULL;
  BylineImage *image;
  gboolean ok;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  draft_dir = _byline_draft_store_dup_draft_dir (self, byline_article_get_id (article));
  media_dir = g_build_filename (draft_dir, "media", NULL);
  if (!_byline_make_folder (media_dir, error))
    return NULL;

  lock = _byline_draft_lock (draft_dir, byline_article_get_id (article), TRUE, error);
  if (lock < 0)
    return NULL;
  ok = _byline_media_copy_in (file, media_dir, TRUE, &copy, error);
  if (ok)
    {
      name = g_strdup_printf ("%s.%s", copy.sha256, byline_media_type_to_extension (copy.media_type));
      final_path = g_build_filename (media_dir, name, NULL);
      ok = _byline_media_copy_commit (&copy, final_path, error)
           && _byline_fsync_folder (media_dir, error);
    }
  _byline_draft_unlock (lock);
  if (!ok)
    return NULL;

  basename = g_file_get_basename (file);
  display_name = g_filename_display_name (basename);
  /* "IMG_0412.HEIC", now a JPEG: "IMG_0412.jpg". */
  if (copy.converted)
    {
      g_autofree char *converted = display_name;

      display_name = _byline_image_heif_jpeg_name (converted);
    }
  media_file = g_file_new_for_path (final_path);

  image = byline_image_new (copy.sha256, copy.media_type);
  byline_image_set_filename (image, display_name);
  byline_image_set_size (image, copy.width, copy.height);
  byline_image_set_file (image, media_file);
  return image;
}

gboolean
byline_draft_store_copy_media (BylineDraftStore  *self,
                               BylineArticle     *article,
                               GError           **error)
{
  g_autofree char *draft_dir = NULL;
  gboolean ok;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  draft_dir = _byline_draft_store_dup_draft_dir (self, byline_article_get_id (article));
  if (!_byline_make_folder (draft_dir, error))
    return FALSE;
  /* A save of the same draft from the main thread waits for the copies. */
  lock = _byline_draft_lock (draft_dir, byline_article_get_id (article), TRUE, error);
  if (lock < 0)
    return FALSE;
  ok = save_media (article, draft_dir, error);
  _byline_draft_unlock (lock);
  return ok;
}

/* --------------------------------------------------------------- autosave */

