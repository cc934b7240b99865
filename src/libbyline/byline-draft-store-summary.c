/* byline-draft-store-summary.c
 *
 * summary.json beside each draft.json: the few fields a list of drafts shows,
 * the history's versions, and the stamp (size, mtime, inode) of the draft.json
 * it describes.  It is only a cache: whenever draft.json no longer has that
 * stamp — a save killed between its two renames, another program writing
 * draft.json — the store reads draft.json again and rewrites it.
 *
 * Also here: reading a draft folder as it is now, for listing, history and
 * the conflict check of a save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "byline-article.h"
#include "byline-date-format.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image.h"

#define SUMMARY_FORMAT_NAME "byline-draft-summary"
#define SUMMARY_FORMAT_VERSION 1

void
byline_draft_summary_free (BylineDraftSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->headline);
  g_free (summary->problem);
  g_clear_pointer (&summary->modified, g_date_time_unref);
  g_clear_pointer (&summary->deleted, g_date_time_unref);
  g_free (summary);
}

void
byline_draft_version_free (BylineDraftVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->headline);
  g_clear_pointer (&version->saved, g_date_time_unref);
  g_free (version);
}

BylineDraftSummary *
_byline_draft_summary_new (BylineArticle *article)
{
  BylineDraftSummary *summary = g_new0 (BylineDraftSummary, 1);
  GDateTime *modified = byline_article_get_modified (article);

  summary->id = g_strdup (byline_article_get_id (article));
  summary->headline = g_strdup (byline_article_get_headline (article));
  summary->status = byline_article_get_status (article);
  summary->modified = modified ? g_date_time_ref (modified) : NULL;
  summary->word_count = byline_article_count_words (article);
  summary->revision = byline_article_get_revision (article);
  return summary;
}

BylineDraftSummary *
_byline_draft_summary_copy (const BylineDraftSummary *summary)
{
  BylineDraftSummary *copy = g_new0 (BylineDraftSummary, 1);

  copy->id = g_strdup (summary->id);
  copy->headline = g_strdup (summary->headline);
  copy->problem = g_strdup (summary->problem);
  copy->status = summary->status;
  copy->modified = summary->modified ? g_date_time_ref (summary->modified) : NULL;
  copy->deleted = summary->deleted ? g_date_time_ref (summary->deleted) : NULL;
  copy->word_count = summary->word_count;
  copy->revision = summary->revision;
  return copy;
}

BylineDraftVersion *
_byline_draft_version_new (BylineArticle *article,
                           GDateTime     *saved)
{
  BylineDraftVersion *version = g_new0 (BylineDraftVersion, 1);

  version->revision = byline_article_get_revision (article);
  version->saved = saved ? g_date_time_ref (saved) : NULL;
  version->headline = g_strdup (byline_article_get_headline (article));
  version->word_count = byline_article_count_words (article);
  return version;
}

BylineDraftVersion *
_byline_draft_version_copy (const BylineDraftVersion *version)
{
  BylineDraftVersion *copy = g_new0 (BylineDraftVersion, 1);

  copy->revision = version->revision;
  copy->saved = version->saved ? g_date_time_ref (version->saved) : NULL;
  copy->headline = g_strdup (version->headline);
  copy->word_count = version->word_count;
  return copy;
}

void
_byline_summary_file_free (BylineSummaryFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->summary, byline_draft_summary_free);
  g_clear_pointer (&file->history, g_ptr_array_unref);
  g_free (file);
}

/* ----------------------------------------------------------------- write */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autofree char *str = value ? byline_format_rfc3339 (value) : NULL;

  add_string (builder, name, str);
}

void
_byline_summary_add_members (JsonBuilder              *builder,
                             const BylineDraftSummary *summary,
                             const BylineFileStamp    *stamp)
{
  add_string (builder, "id", summary->id);
  add_int (builder, "revision", (gint64) summary->revision);
  add_string (builder, "headline", summary->headline);
  add_string (builder, "status", byline_status_to_string (summary->status));
  add_date_time (builder, "modified", summary->modified);
  add_int (builder, "word_count", summary->word_count);

  json_builder_set_member_name (builder, "draft_json");
  json_builder_begin_object (builder);
  add_int (builder, "size", stamp->size);
  add_int (builder, "mtime_ns", stamp->mtime_ns);
  add_int (builder, "inode", (gint64) stamp->inode);
  json_builder_end_object (builder);
}

GBytes *
_byline_summary_file_to_bytes (BylineSummaryFile *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  add_string (builder, "format", SUMMARY_FORMAT_NAME);
  add_int (builder, "version", SUMMARY_FORMAT_VERSION);
  _byline_summary_add_members (builder, file->summary, &file->stamp);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; file->history != NULL && i < file->history->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (file->history, i);

      json_builder_begin_object (builder);
      add_int (builder, "revision", (gint64) version->revision);
      add_date_time (builder, "saved", version->saved);
      add_string (builder, "headline", version->headline);
      add_int (builder, "word_count", version->word_count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* ------------------------------------------------------------------ read */

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64      min,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return *value >= min;
}

/* NULL for a JSON null; FALSE for anything else that is not a string. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_date_time (JsonObject  *object,
               const char  *name,
               GDateTime  **value)
{
  const char *str;

  *value = NULL;
  if (!get_string (object, name, &str))
    return FALSE;
  if (str == NULL)
    return TRUE;
  *value = g_date_time_new_from_iso8601 (str, NULL);
  return *value != NULL;
}

static BylineDraftVersion *
read_version (JsonNode *node)
{
  g_autoptr(BylineDraftVersion) version = g_new0 (BylineDraftVersion, 1);
  const char *headline;
  JsonObject *object;
  gint64 revision, word_count;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!get_int (object, "revision", 1, &revision)
      || !get_int (object, "word_count", 0, &word_count)
      || word_count > G_MAXUINT
      || !get_string (object, "headline", &headline)
      || !get_date_time (object, "saved", &version->saved))
    return NULL;

  version->revision = revision;
  version->word_count = word_count;
  version->headline = g_strdup (headline);
  return g_steal_pointer (&version);
}

BylineDraftSummary *
_byline_summary_read_members (JsonObject      *object,
                              BylineFileStamp *stamp)
{
  g_autoptr(BylineDraftSummary) summary = g_new0 (BylineDraftSummary, 1);
  const char *id, *headline, *status;
  gint64 revision, word_count, size, mtime_ns, inode;
  JsonObject *draft_json;
  JsonNode *node;

  if (!get_string (object, "id", &id)
      || !_byline_draft_id_is_valid (id)
      || !get_int (object, "revision", 0, &revision)
      || !get_string (object, "headline", &headline)
      || !get_string (object, "status", &status)
      || status == NULL
      || !byline_status_from_string (status, &summary->status)
      || !get_date_time (object, "modified", &summary->modified)
      || !get_int (object, "word_count", 0, &word_count)
      || word_count > G_MAXUINT)
    return NULL;
  summary->id = g_strdup (id);
  summary->headline = g_strdup (headline);
  summary->revision = revision;
  summary->word_count = word_count;

  node = json_object_get_member (object, "draft_json");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  draft_json = json_node_get_object (node);
  if (!get_int (draft_json, "size", 0, &size)
      || !get_int (draft_json, "mtime_ns", G_MININT64, &mtime_ns)
      || !get_int (draft_json, "inode", G_MININT64, &inode))
    return NULL;
  stamp->size = size;
  stamp->mtime_ns = mtime_ns;
  stamp->inode = (guint64) inode;
  return g_steal_pointer (&summary);
}

BylineSummaryFile *
_byline_summary_file_read (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BylineSummaryFile) file = g_new0 (BylineSummaryFile, 1);
  g_autofree char *contents = NULL;
  const char *format;
  JsonObject *object;
  JsonArray *history;
  JsonNode *node;
  gint64 version;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL)
      || !json_parser_load_from_data (parser, contents, length, NULL))
    return NULL;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);

  if (!get_string (object, "format", &format)
      || g_strcmp0 (format, SUMMARY_FORMAT_NAME) != 0
      || !get_int (object, "version", 0, &version)
      || version != SUMMARY_FORMAT_VERSION)
    return NULL;

  file->summary = _byline_summary_read_members (object, &file->stamp);
  if (file->summary == NULL)
    return NULL;

  node = json_object_get_member (object, "history");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  history = json_node_get_array (node);
  file->history = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_version_free);
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      BylineDraftVersion *entry = read_version (json_array_get_element (history, i));

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (file->history, entry);
    }

  return g_steal_pointer (&file);
}

/* -------------------------------------------------------------- history */

static int
compare_revisions_newest_first (gconstpointer a,
                                gconstpointer b)
{
  guint64 ra = *(const guint64 *) a;
  guint64 rb = *(const guint64 *) b;

  return ra < rb ? 1 : ra > rb ? -1 : 0;
}

GArray *
_byline_history_revisions (const char *draft_dir)
{
  g_autofree char *folder = g_build_filename (draft_dir, "history", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GArray *revisions = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *end = NULL;
      guint64 revision;

      /* Only "<digits>.json": temporary files end otherwise. */
      if (!g_ascii_isdigit (name[0]))
        continue;
      errno = 0;
      revision = g_ascii_strtoull (name, &end, 10);
      if (errno != 0 || revision == 0 || g_strcmp0 (end, ".json") != 0)
        continue;
      g_array_append_val (revisions, revision);
    }

  g_array_sort (revisions, compare_revisions_newest_first);
  return revisions;
}

/* ------------------------------------------------------ the draft as it is */

char *
_byline_draft_history_path (const char *draft_dir,
                            guint64     revision)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT ".json", revision);

  return g_build_filename (draft_dir, "history", name, NULL);
}

/* Points the pictures at their copies inside the draft; remote ones, which
 * have no copy, keep what they had. */
void
_byline_draft_attach_media (BylineArticle *article,
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

BylineArticle *
_byline_draft_parse_file (const char  *path,
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
                   _("%s: the draft’s id %s does not match its folder %s"),
                   path, byline_article_get_id (article), id);
      return NULL;
    }

  _byline_draft_attach_media (article, draft_dir);
  if (_byline_draft_format_take_sizes_as_stored (article))
    _byline_draft_measure_pictures (article);
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
GPtrArray *
_byline_draft_collect_history (const char         *draft_dir,
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

      path = _byline_draft_history_path (draft_dir, revision);
      article = _byline_draft_parse_file (path, draft_dir, id, &error);
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

gboolean
_byline_draft_history_matches (GPtrArray  *history,
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
BylineSummaryFile *
_byline_draft_read_current (const char  *draft_dir,
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
                   _("Could not read “%s”: %s"), draft_path, g_strerror (errsv));
      return NULL;
    }

  cached = _byline_summary_file_read (summary_path);
  if (cached != NULL
      && _byline_file_stamp_equal (&cached->stamp, &stamp)
      && g_strcmp0 (cached->summary->id, id) == 0)
    return g_steal_pointer (&cached);

  article = _byline_draft_parse_file (draft_path, draft_dir, id, error);
  if (article == NULL)
    return NULL;

  file = g_new0 (BylineSummaryFile, 1);
  file->summary = _byline_draft_summary_new (article);
  file->stamp = stamp;
  file->history = _byline_draft_collect_history (draft_dir, id, cached ? cached->history : NULL, NULL);
  *rebuilt = TRUE;
  return file;
}

/* A reader that found summary.json stale writes the rebuilt one back, unless
 * a writer holds the draft (it will write its own). */
void
_byline_draft_repair_summary (const char        *draft_dir,
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
      if (!_byline_write_file_unsynced (summary_path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), &error))
        g_debug ("Could not repair %s: %s", summary_path, error->message);
    }

  _byline_draft_unlock (lock);
}

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

/* The trash's order: the most recently deleted first. */
static int
compare_deleted (gconstpointer a,
                 gconstpointer b)
{
  const BylineDraftSummary *sa = *(BylineDraftSummary * const *) a;
  const BylineDraftSummary *sb = *(BylineDraftSummary * const *) b;

  if (sa->deleted == NULL || sb->deleted == NULL)
    return (sa->deleted == NULL) - (sb->deleted == NULL);
  return g_date_time_compare (sb->deleted, sa->deleted);
}

/* The draft's summary; *@stamp set (for the index) unless it has a problem. */
static BylineDraftSummary *
summarize (const char      *draft_dir,
           const char      *id,
           gboolean         repair,
           BylineFileStamp *stamp)
{
  g_autoptr(BylineSummaryFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftSummary *summary;
  gboolean rebuilt;

  file = _byline_draft_read_current (draft_dir, id, &rebuilt, &error);
  if (file != NULL)
    {
      if (rebuilt && repair)
        _byline_draft_repair_summary (draft_dir, id, file);
      *stamp = file->stamp;
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

GPtrArray *
_byline_draft_list_folder (const char       *folder,
                           BylineListFlags   flags,
                           GError          **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) indexed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean index_stale = FALSE;
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

  if (flags & BYLINE_LIST_INDEXED)
    {
      index = _byline_draft_index_read (folder);
      indexed = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_index_entry_free);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *draft_dir = NULL;
      BylineDraftSummary *summary;
      BylineFileStamp stamp;

      if (!_byline_draft_id_is_valid (name))
        continue;
      draft_dir = g_build_filename (folder, name, NULL);
      if (index != NULL)
        {
          g_autofree char *draft_path = g_build_filename (draft_dir, "draft.json", NULL);
          BylineIndexEntry *entry = NULL;

          if (g_hash_table_steal_extended (index, name, NULL, (gpointer *) &entry)
              && _byline_file_stamp_get (draft_path, &stamp)
              && _byline_file_stamp_equal (&stamp, &entry->stamp))
            {
              g_ptr_array_add (result, _byline_draft_summary_copy (entry->summary));
              g_ptr_array_add (indexed, entry);
              continue;
            }
          index_stale |= entry != NULL;
          _byline_index_entry_free (entry);
        }
      if (!g_file_test (draft_dir, G_FILE_TEST_IS_DIR))
        continue;
      summary = summarize (draft_dir, name, (flags & BYLINE_LIST_REPAIR) != 0, &stamp);
      if (summary == NULL)
        continue;
      g_ptr_array_add (result, summary);
      /* In the trash, the folder's time is the deletion's. */
      if (flags & BYLINE_LIST_DELETED)
        {
          GStatBuf st;

          if (g_stat (draft_dir, &st) == 0)
            summary->deleted = g_date_time_new_from_unix_local (st.st_mtime);
        }
      /* (A draft that cannot be read is not indexed: it is looked at each time.) */
      if (indexed != NULL && summary->problem == NULL)
        {
          g_ptr_array_add (indexed, _byline_index_entry_new (summary, &stamp));
          index_stale = TRUE;
        }
    }

  /* What is left in the index are drafts that are gone. */
  if (index != NULL && (index_stale || g_hash_table_size (index) > 0))
    _byline_draft_index_write (folder, indexed);

  g_ptr_array_sort (result, (flags & BYLINE_LIST_DELETED) ? compare_deleted : compare_summaries);
  return g_steal_pointer (&result);
}
