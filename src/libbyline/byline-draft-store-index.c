/* byline-draft-store-index.c
 *
 * .index.json in the store's folder: every draft's summary (the fields a list
 * of drafts shows) with the stamp of the draft.json it describes, in one file.
 * Listing a year of drafts then reads one file and looks at each draft.json's
 * stamp, instead of opening a summary.json per draft: on a cold disk, two
 * thousand small files are seconds.
 *
 * Like summary.json it is only a cache, never the truth: an entry counts only
 * while its draft.json still has the entry's stamp, any other draft is
 * summarized as before, and the index is written again when it was missing,
 * unreadable, stale or named drafts that are gone.  Two programs writing it at
 * once leave one of their versions whole (a rename), and either is right
 * about every draft whose stamp it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-draft-store-private.h"

#define INDEX_NAME ".index.json"
#define INDEX_FORMAT_NAME "byline-draft-index"
#define INDEX_FORMAT_VERSION 1

void
_byline_index_entry_free (BylineIndexEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->summary, byline_draft_summary_free);
  g_free (entry);
}

BylineIndexEntry *
_byline_index_entry_new (const BylineDraftSummary *summary,
                         const BylineFileStamp    *stamp)
{
  BylineIndexEntry *entry = g_new0 (BylineIndexEntry, 1);

  entry->summary = _byline_draft_summary_copy (summary);
  entry->stamp = *stamp;
  return entry;
}

static gboolean
holds_format (JsonObject *object)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");

  return format != NULL && json_node_get_value_type (format) == G_TYPE_STRING
         && g_strcmp0 (json_node_get_string (format), INDEX_FORMAT_NAME) == 0
         && version != NULL && json_node_get_value_type (version) == G_TYPE_INT64
         && json_node_get_int (version) == INDEX_FORMAT_VERSION;
}

GHashTable *
_byline_draft_index_read (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, INDEX_NAME, NULL);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *contents = NULL;
  JsonObject *object;
  JsonArray *drafts;
  JsonNode *node;
  gsize length;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _byline_index_entry_free);
  if (!g_file_get_contents (path, &contents, &length, NULL)
      || !json_parser_load_from_data (parser, contents, length, NULL))
    return g_steal_pointer (&index);

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_steal_pointer (&index);
  object = json_node_get_object (node);
  node = json_object_get_member (object, "drafts");
  if (!holds_format (object) || node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_steal_pointer (&index);

  drafts = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (drafts); i++)
    {
      JsonNode *element = json_array_get_element (drafts, i);
      BylineIndexEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = g_new0 (BylineIndexEntry, 1);
      entry->summary = _byline_summary_read_members (json_node_get_object (element), &entry->stamp);
      if (entry->summary == NULL)
        {
          /* One bad entry is one draft summarized again, not a reason to
           * distrust the rest. */
          _byline_index_entry_free (entry);
          continue;
        }
      g_hash_table_replace (index, entry->summary->id, entry);
    }
  return g_steal_pointer (&index);
}

void
_byline_draft_index_write (const char *folder,
                           GPtrArray  *entries)
{
  g_autofree char *path = g_build_filename (folder, INDEX_NAME, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, INDEX_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, INDEX_FORMAT_VERSION);
  json_builder_set_member_name (builder, "drafts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      BylineIndexEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      _byline_summary_add_members (builder, entry->summary, &entry->stamp);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  /* A cache: not worth an fsync, and a failure only means reading the
   * summaries again next time. */
  if (!_byline_write_file_unsynced (path, data, length, &error))
    g_debug ("Could not write the drafts' index: %s", error->message);
}
