/* byline-draft-store.c
 *
 * A draft is a folder; every file in it is replaced by rename, never written
 * in place, and a save writes them in an order that leaves something whole
 * whenever it stops: the pictures, then history/<revision>.json, then
 * draft.json, then summary.json (a cache checked against draft.json's stamp).
 * Writers of one draft take a flock on its lock file; readers need none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "byline-article.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image.h"

#define DEFAULT_HISTORY_LIMIT 30
#define TRASH_NAME ".trash"

typedef struct
{
  BylineDraftStore *self;        /* unowned: the store owns its watches */
  BylineArticle    *article;
  gulong            changed_id;
  guint             timeout_id;
  guint             delay_ms;
  gint64            dirty_since; /* monotonic µs; 0 while clean */
} Watch;

struct _BylineDraftStore
{
  GObject        parent_instance;

  GFile         *folder;
  char          *path;
  guint          history_limit;
  GHashTable    *watches;        /* BylineArticle → Watch */
  BylineArticle *saving;         /* its changes during a save are the store's own */
};

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
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_clear_signal_handler (&watch->changed_id, watch->article);
  g_clear_object (&watch->article);
  g_free (watch);
}

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
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
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

static gboolean
check_id (const char  *id,
          GError     **error)
{
  g_autofree char *shown = NULL;

  if (_byline_draft_id_is_valid (id))
    return TRUE;

  shown = id ? g_utf8_make_valid (id, MIN (strlen (id), 80)) : g_strdup ("(null)");
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               "“%s” is not a draft id (a UUID such as 6f1c2a4e-2d7b-4c55-9a61-3f0c8e2b9d10)",
               shown);
  return FALSE;
}

static char *
draft_dir_for (BylineDraftStore *self,
               const char       *id)
{
  return g_build_filename (self->path, id, NULL);
}

static char *
trash_dir_for (BylineDraftStore *self,
               const char       *id)
{
  return g_build_filename (self->path, TRASH_NAME, id, NULL);
}

static char *
history_path_for (const char *draft_dir,
                  guint64     revision)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT ".json", revision);

  return g_build_filename (draft_dir, "history", name, NULL);
}

static gboolean
draft_exists (const char *draft_dir)
{
  g_autofree char *path = g_build_filename (draft_dir, "draft.json", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
set_not_found (BylineDraftStore  *self,
               const char        *id,
               GError           **error)
{
  g_autofree char *trashed = trash_dir_for (self, id);

  if (g_file_test (trashed, G_FILE_TEST_IS_DIR))
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 "Draft %s is in the trash; undelete it first", id);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 "No draft %s in %s", id, self->path);
  return FALSE;
}

/* Points the pictures at their copies inside the draft; remote ones, which
 * have no copy, keep what they had. */
static void
attach_media (BylineArticle *article,
              const char    *draft_dir)
{
  guint n = byline_article_get_n_images (article);

  for (guint i = 0; i < n; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *relative = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      if (!_byline_sha256_is_valid (byline_image_get_sha256 (image)))
        continue;
      relative = byline_image_dup_media_path (image);
      path = g_build_filename (draft_dir, relative, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      file = g_file_new_for_path (path);
      byline_image_set_file (image, file);
    }
}

static BylineArticle *
parse_draft_file (const char  *path,
                  const char  *draft_dir,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;

  if (!_byline_load_file (path, &bytes, error))
    return NULL;
  article = byline_draft_format_parse (bytes, path, error);
  if (article == NULL)
    return NULL;

  if (g_strcmp0 (byline_article_get_id (article), id) != 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   "%s: the draft's id %s does not match its folder %s",
                   path, byline_article_get_id (article), id);
      return NULL;
    }

  attach_media (article, draft_dir);
  return g_steal_pointer (&article);
}

static BylineDraftVersion *
find_version (GPtrArray *versions,
              guint64    revision)
{
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (versions, i);

      if (version->revision == revision)
        return version;
    }
  return NULL;
}

/* The versions in history/, newest first, taken from @known when listed there
 * and read from their files otherwise. */
static GPtrArray *
collect_history (const char         *draft_dir,
                 const char         *id,
                 GPtrArray          *known,
                 BylineDraftVersion *latest)
{
  g_autoptr(GArray) revisions = _byline_history_revisions (draft_dir);
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_version_free);

  for (guint i = 0; i < revisions->len; i++)
    {
      guint64 revision = g_array_index (revisions, guint64, i);
      g_autofree char *path = NULL;
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GDateTime) saved = NULL;
      g_autoptr(GError) error = NULL;
      BylineDraftVersion *version;
      struct stat st;

      if (latest != NULL && latest->revision == revision)
        version = latest;
      else
        version = find_version (known, revision);
      if (version != NULL)
        {
          g_ptr_array_add (history, _byline_draft_version_copy (version));
          continue;
        }

      path = history_path_for (draft_dir, revision);
      article = parse_draft_file (path, draft_dir, id, &error);
      if (article == NULL)
        {
          g_debug ("Leaving %s out of the history: %s", path, error->message);
          continue;
        }
      if (g_stat (path, &st) == 0)
        saved = g_date_time_new_from_unix_local (st.st_mtime);
      g_ptr_array_add (history, _byline_draft_version_new (article, saved));
    }

  return history;
}

static gboolean
history_matches (GPtrArray  *history,
                 const char *draft_dir)
{
  g_autoptr(GArray) revisions = _byline_history_revisions (draft_dir);

  if (history == NULL || history->len != revisions->len)
    return FALSE;
  for (guint i = 0; i < revisions->len; i++)
    if (((BylineDraftVersion *) g_ptr_array_index (history, i))->revision
        != g_array_index (revisions, guint64, i))
      return FALSE;
  return TRUE;
}

/* What the draft is now: summary.json when it still describes draft.json,
 * else rebuilt from draft.json (and *rebuilt set). */
static BylineSummaryFile *
read_current (const char  *draft_dir,
              const char  *id,
              gboolean    *rebuilt,
              GError     **error)
{
  g_autofree char *draft_path = g_build_filename (draft_dir, "draft.json", NULL);
  g_autofree char *summary_path = g_build_filename (draft_dir, "summary.json", NULL);
  g_autoptr(BylineSummaryFile) cached = NULL;
  g_autoptr(BylineArticle) article = NULL;
  BylineSummaryFile *file;
  BylineFileStamp stamp;

  *rebuilt = FALSE;

  /* Stamp before reading: if draft.json is replaced in between, the new
   * summary carries the old stamp and is simply rebuilt again next time. */
  if (!_byline_file_stamp_get (draft_path, &stamp))
    {
      int errsv = errno;

      g_set_error (error, BYLINE_ERROR,
                   errsv == ENOENT ? BYLINE_ERROR_NOT_FOUND : BYLINE_ERROR_FAILED,
                   "Could not read “%s”: %s", draft_path, g_strerror (errsv));
      return NULL;
    }

  cached = _byline_summary_file_read (summary_path);
  if (cached != NULL
      && _byline_file_stamp_equal (&cached->stamp, &stamp)
      && g_strcmp0 (cached->summary->id, id) == 0)
    return g_steal_pointer (&cached);

  article = parse_draft_file (draft_path, draft_dir, id, error);
  if (article == NULL)
    return NULL;

  file = g_new0 (BylineSummaryFile, 1);
  file->summary = _byline_draft_summary_new (article);
  file->stamp = stamp;
  file->history = collect_history (draft_dir, id, cached ? cached->history : NULL, NULL);
  *rebuilt = TRUE;
  return file;
}

/* A reader that found summary.json stale writes the rebuilt one back, unless
 * a writer holds the draft (it will write its own). */
static void
repair_summary (const char        *draft_dir,
                const char        *id,
                BylineSummaryFile *file)
{
  g_autofree char *draft_path = g_build_filename (draft_dir, "draft.json", NULL);
  g_autofree char *summary_path = g_build_filename (draft_dir, "summary.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BylineFileStamp stamp;
  int lock;

  lock = _byline_draft_lock (draft_dir, id, FALSE, NULL);
  if (lock < 0)
    return;

  if (_byline_file_stamp_get (draft_path, &stamp) && _byline_file_stamp_equal (&stamp, &file->stamp))
    {
      bytes = _byline_summary_file_to_bytes (file);
      if (!_byline_write_file_atomic (summary_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error))
        g_debug ("Could not repair %s: %s", summary_path, error->message);
    }

  _byline_draft_unlock (lock);
}

/* ------------------------------------------------------------------- list */

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const BylineDraftSummary *sa = *(BylineDraftSummary * const *) a;
  const BylineDraftSummary *sb = *(BylineDraftSummary * const *) b;

  if (sa->modified != NULL && sb->modified != NULL)
    {
      int order = g_date_time_compare (sb->modified, sa->modified);

      if (order != 0)
        return order;
    }
  else if (sa->modified != sb->modified)
    return sa->modified == NULL ? 1 : -1;
  return g_strcmp0 (sa->id, sb->id);
}

static BylineDraftSummary *
summarize (const char *draft_dir,
           const char *id,
           gboolean    repair)
{
  g_autoptr(BylineSummaryFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftSummary *summary;
  gboolean rebuilt;

  file = read_current (draft_dir, id, &rebuilt, &error);
  if (file != NULL)
    {
      if (rebuilt && repair)
        repair_summary (draft_dir, id, file);
      return g_steal_pointer (&file->summary);
    }

  /* A folder without draft.json is a first save that never finished. */
  if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
    return NULL;

  /* Listed anyway, so that the draft can be seen, opened (for the error) and deleted. */
  summary = g_new0 (BylineDraftSummary, 1);
  summary->id = g_strdup (id);
  summary->problem = g_strdup (error->message);
  return summary;
}

static GPtrArray *
list_folder (const char  *folder,
             gboolean     repair,
             GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_summary_free);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&result);
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *draft_dir = NULL;
      BylineDraftSummary *summary;

      if (!_byline_draft_id_is_valid (name))
        continue;
      draft_dir = g_build_filename (folder, name, NULL);
      if (!g_file_test (draft_dir, G_FILE_TEST_IS_DIR))
        continue;
      summary = summarize (draft_dir, name, repair);
      if (summary != NULL)
        g_ptr_array_add (result, summary);
    }

  g_ptr_array_sort (result, compare_summaries);
  return g_steal_pointer (&result);
}

GPtrArray *
byline_draft_store_list (BylineDraftStore  *self,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_folder (self->path, TRUE, error);
}

GPtrArray *
byline_draft_store_list_trash (BylineDraftStore  *self,
                               GError           **error)
{
  g_autofree char *trash = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trash = g_build_filename (self->path, TRASH_NAME, NULL);
  return list_folder (trash, FALSE, error);
}

gboolean
byline_draft_store_contains (BylineDraftStore *self,
                             const char       *id)
{
  g_autofree char *draft_dir = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  if (!_byline_draft_id_is_valid (id))
    return FALSE;
  draft_dir = draft_dir_for (self, id);
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

  if (!check_id (id, error))
    return NULL;
  draft_dir = draft_dir_for (self, id);
  if (!draft_exists (draft_dir))
    {
      set_not_found (self, id, error);
      return NULL;
    }

  path = g_build_filename (draft_dir, "draft.json", NULL);
  return parse_draft_file (path, draft_dir, id, error);
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
                       "Picture “%s” has no valid SHA-256", byline_image_get_filename (image));
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
                       "“%s” changed since it was added to the draft (SHA-256 %s, expected %s)",
                       name, copy.sha256, sha256);
          return FALSE;
        }
      if (!_byline_media_copy_commit (&copy, path, error))
        return FALSE;
      copied = TRUE;
    }

  return !copied || _byline_fsync_folder (media_dir, error);
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
      path = history_path_for (draft_dir, old);
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

  disk = read_current (draft_dir, id, &rebuilt, &local_error);
  if (disk == NULL && !g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
    {
      /* Never write over what cannot be read: it may be a newer Byline's. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "Draft %s was not saved, the version on disk cannot be read: ", id);
      return FALSE;
    }
  if (disk != NULL && disk->summary->revision != loaded_revision)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   "Draft %s was changed elsewhere: it is at revision %" G_GUINT64_FORMAT
                   " on disk, this copy was opened at revision %" G_GUINT64_FORMAT
                   "; reopen it or save it as a new draft",
                   id, disk->summary->revision, loaded_revision);
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

  prune_history (draft_dir, self->history_limit, revision);
  history_path = history_path_for (draft_dir, revision);
  if (!_byline_write_file_atomic (history_path, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), error)
      || !_byline_fsync_folder (history_dir, error)
      || !_byline_write_file_atomic (draft_path, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), error))
    {
      byline_article_set_revision (article, loaded_revision);
      if (old_modified != NULL)
        byline_article_set_modified (article, old_modified);
      return FALSE;
    }

  /* draft.json is in place: from here on the save has happened, and what
   * fails only costs the cache. */
  version = _byline_draft_version_new (article, now);
  summary = g_new0 (BylineSummaryFile, 1);
  summary->summary = _byline_draft_summary_new (article);
  summary->history = collect_history (draft_dir, id, disk ? disk->history : NULL, version);
  if (_byline_file_stamp_get (draft_path, &summary->stamp))
    {
      summary_bytes = _byline_summary_file_to_bytes (summary);
      if (!_byline_write_file_atomic (summary_path, g_bytes_get_data (summary_bytes, NULL),
                                      g_bytes_get_size (summary_bytes), &local_error))
        g_debug ("%s", local_error->message);
    }

  if (!_byline_fsync_folder (draft_dir, &local_error))
    g_warning ("Draft %s may not survive a power loss: %s", id, local_error->message);

  attach_media (article, draft_dir);
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
  Watch *watch;
  gboolean saved;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->saving == NULL, FALSE);

  hold = g_object_ref (article);
  id = byline_article_get_id (article);
  draft_dir = draft_dir_for (self, id);
  trashed = trash_dir_for (self, id);

  /* Saving an opened draft that was deleted meanwhile would make two. */
  if (byline_article_get_revision (article) > 0
      && !g_file_test (draft_dir, G_FILE_TEST_EXISTS)
      && g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   "Draft %s was moved to the trash since it was opened; "
                   "undelete it or save it as a new draft", id);
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

  watch = g_hash_table_lookup (self->watches, article);
  if (watch != NULL)
    {
      g_clear_handle_id (&watch->timeout_id, g_source_remove);
      watch->dirty_since = 0;
    }
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
  g_autofree char *draft_dir = NULL;
  GPtrArray *result;
  gboolean rebuilt;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;
  draft_dir = draft_dir_for (self, id);
  if (!draft_exists (draft_dir))
    {
      set_not_found (self, id, error);
      return NULL;
    }

  file = read_current (draft_dir, id, &rebuilt, error);
  if (file == NULL)
    return NULL;

  /* The summary is current, but history files may have come or gone (a save
   * killed after writing one, or someone tidying up). */
  if (!rebuilt && !history_matches (file->history, draft_dir))
    {
      GPtrArray *history = collect_history (draft_dir, id, file->history, NULL);

      g_ptr_array_unref (file->history);
      file->history = history;
      rebuilt = TRUE;
    }
  if (rebuilt)
    repair_summary (draft_dir, id, file);

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

  if (!check_id (id, error))
    return NULL;
  draft_dir = draft_dir_for (self, id);
  if (!draft_exists (draft_dir))
    {
      set_not_found (self, id, error);
      return NULL;
    }

  path = history_path_for (draft_dir, revision);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   "Draft %s has no saved version %" G_GUINT64_FORMAT
                   " (the history keeps the last %u)", id, revision, self->history_limit);
      return NULL;
    }
  return parse_draft_file (path, draft_dir, id, error);
}

BylineArticle *
byline_draft_store_restore (BylineDraftStore  *self,
                            const char        *id,
                            guint64            revision,
                            GError           **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineSummaryFile) current = NULL;
  g_autofree char *draft_dir = NULL;
  gboolean rebuilt;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article = byline_draft_store_load_version (self, id, revision, error);
  if (article == NULL)
    return NULL;

  /* Saved on top of the current revision; a save by someone else in
   * between still fails as a conflict. */
  draft_dir = draft_dir_for (self, id);
  current = read_current (draft_dir, id, &rebuilt, error);
  if (current == NULL)
    return NULL;
  byline_article_set_revision (article, current->summary->revision);

  if (!byline_draft_store_save (self, article, error))
    return NULL;
  return g_steal_pointer (&article);
}

/* ------------------------------------------------------------------ trash */

gboolean
byline_draft_store_delete (BylineDraftStore  *self,
                           const char        *id,
                           GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trashed = NULL;
  gboolean moved;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;
  draft_dir = draft_dir_for (self, id);
  trash = g_build_filename (self->path, TRASH_NAME, NULL);
  trashed = trash_dir_for (self, id);

  if (!g_file_test (draft_dir, G_FILE_TEST_IS_DIR))
    return set_not_found (self, id, error);
  if (g_file_test (trashed, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   "Another copy of draft %s is already in the trash (%s)", id, trashed);
      return FALSE;
    }
  if (!_byline_make_folder (trash, error))
    return FALSE;

  /* Under the lock, so that no save is halfway through the folder. */
  lock = _byline_draft_lock (draft_dir, id, TRUE, error);
  if (lock < 0)
    return FALSE;
  moved = _byline_rename_no_replace (draft_dir, trashed, error);
  _byline_draft_unlock (lock);

  return moved
         && _byline_fsync_folder (self->path, error)
         && _byline_fsync_folder (trash, error);
}

gboolean
byline_draft_store_undelete (BylineDraftStore  *self,
                             const char        *id,
                             GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trashed = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;
  draft_dir = draft_dir_for (self, id);
  trash = g_build_filename (self->path, TRASH_NAME, NULL);
  trashed = trash_dir_for (self, id);

  if (!g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   "Draft %s is not in the trash", id);
      return FALSE;
    }
  if (g_file_test (draft_dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   "Draft %s cannot be undeleted: a draft with that id exists (%s)",
                   id, draft_dir);
      return FALSE;
    }

  return _byline_rename_no_replace (trashed, draft_dir, error)
         && _byline_fsync_folder (trash, error)
         && _byline_fsync_folder (self->path, error);
}

gboolean
byline_draft_store_purge (BylineDraftStore  *self,
                          const char        *id,
                          GError           **error)
{
  g_autofree char *trashed = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;
  trashed = trash_dir_for (self, id);
  if (!g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   "Draft %s is not in the trash", id);
      return FALSE;
    }
  return _byline_remove_tree (trashed, error);
}

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

  draft_dir = draft_dir_for (self, byline_article_get_id (article));
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
  media_file = g_file_new_for_path (final_path);

  image = byline_image_new (copy.sha256, copy.media_type);
  byline_image_set_filename (image, display_name);
  byline_image_set_size (image, copy.width, copy.height);
  byline_image_set_file (image, media_file);
  return image;
}

/* --------------------------------------------------------------- autosave */

static gboolean
on_autosave_timeout (gpointer data)
{
  Watch *watch = data;
  g_autoptr(BylineDraftStore) self = g_object_ref (watch->self);
  g_autoptr(BylineArticle) article = g_object_ref (watch->article);
  g_autoptr(GError) error = NULL;

  watch->timeout_id = 0;
  /* The watch may be gone after this: handlers of ::saved may unwatch. */
  if (!byline_draft_store_save (self, article, &error))
    g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, article, error);
  return G_SOURCE_REMOVE;
}

static void
on_article_changed (BylineArticle *article,
                    Watch         *watch)
{
  gint64 now;

  if (watch->self->saving == article)
    return;

  now = g_get_monotonic_time ();
  if (watch->dirty_since == 0)
    watch->dirty_since = now;

  /* Debounce, but do not let non-stop typing put the save off for ever. */
  if (watch->timeout_id != 0
      && now - watch->dirty_since >= (gint64) watch->delay_ms * 10 * 1000)
    return;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (watch->delay_ms, on_autosave_timeout, watch);
}

void
byline_draft_store_watch (BylineDraftStore *self,
                          BylineArticle    *article,
                          guint             delay_ms)
{
  Watch *watch;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  watch = g_hash_table_lookup (self->watches, article);
  if (watch != NULL)
    {
      watch->delay_ms = delay_ms;
      return;
    }

  watch = g_new0 (Watch, 1);
  watch->self = self;
  watch->article = g_object_ref (article);
  watch->delay_ms = delay_ms;
  watch->changed_id = g_signal_connect (article, "changed", G_CALLBACK (on_article_changed), watch);
  g_hash_table_insert (self->watches, article, watch);
}

void
byline_draft_store_unwatch (BylineDraftStore *self,
                            BylineArticle    *article)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  g_hash_table_remove (self->watches, article);
}

gboolean
byline_draft_store_flush (BylineDraftStore  *self,
                          BylineArticle     *article,
                          GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!byline_draft_store_is_dirty (self, article))
    return TRUE;
  return byline_draft_store_save (self, article, error);
}

gboolean
byline_draft_store_is_dirty (BylineDraftStore *self,
                             BylineArticle    *article)
{
  Watch *watch;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  watch = g_hash_table_lookup (self->watches, article);
  return watch != NULL && watch->dirty_since != 0;
}
