/* byline-draft-store-summary.c
 *
 * summary.json beside each draft.json: the few fields a list of drafts shows,
 * the history's versions, and the stamp (size, mtime, inode) of the draft.json
 * it describes.  It is only a cache: whenever draft.json no longer has that
 * stamp — a save killed between its two renames, another program writing
 * draft.json — the store reads draft.json again and rewrites it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <errno.h>
#include <stdlib.h>

#include "byline-article.h"
#include "byline-draft-store-private.h"

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
  g_autofree char *str = value ? g_date_time_format_iso8601 (value) : NULL;

  add_string (builder, name, str);
}

GBytes *
_byline_summary_file_to_bytes (BylineSummaryFile *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  BylineDraftSummary *summary = file->summary;
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  add_string (builder, "format", SUMMARY_FORMAT_NAME);
  add_int (builder, "version", SUMMARY_FORMAT_VERSION);
  add_string (builder, "id", summary->id);
  add_int (builder, "revision", (gint64) summary->revision);
  add_string (builder, "headline", summary->headline);
  add_string (builder, "status", byline_status_to_string (summary->status));
  add_date_time (builder, "modified", summary->modified);
  add_int (builder, "word_count", summary->word_count);

  json_builder_set_member_name (builder, "draft_json");
  json_builder_begin_object (builder);
  add_int (builder, "size", file->stamp.size);
  add_int (builder, "mtime_ns", file->stamp.mtime_ns);
  add_int (builder, "inode", (gint64) file->stamp.inode);
  json_builder_end_object (builder);

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

BylineSummaryFile *
_byline_summary_file_read (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BylineSummaryFile) file = g_new0 (BylineSummaryFile, 1);
  g_autofree char *contents = NULL;
  const char *format, *id, *headline, *status;
  JsonObject *object, *stamp;
  JsonArray *history;
  JsonNode *node;
  gint64 version, revision, word_count, size, mtime_ns, inode;
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

  file->summary = g_new0 (BylineDraftSummary, 1);
  if (!get_string (object, "id", &id)
      || !_byline_draft_id_is_valid (id)
      || !get_int (object, "revision", 0, &revision)
      || !get_string (object, "headline", &headline)
      || !get_string (object, "status", &status)
      || status == NULL
      || !byline_status_from_string (status, &file->summary->status)
      || !get_date_time (object, "modified", &file->summary->modified)
      || !get_int (object, "word_count", 0, &word_count)
      || word_count > G_MAXUINT)
    return NULL;
  file->summary->id = g_strdup (id);
  file->summary->headline = g_strdup (headline);
  file->summary->revision = revision;
  file->summary->word_count = word_count;

  node = json_object_get_member (object, "draft_json");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  stamp = json_node_get_object (node);
  if (!get_int (stamp, "size", 0, &size)
      || !get_int (stamp, "mtime_ns", G_MININT64, &mtime_ns)
      || !get_int (stamp, "inode", G_MININT64, &inode))
    return NULL;
  file->stamp.size = size;
  file->stamp.mtime_ns = mtime_ns;
  file->stamp.inode = (guint64) inode;

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
