/* byline-review-store.c — what review keeps beside a draft: the base (the
 * version last sent to or received from a destination) and a merge waiting
 * for the user, both in the Byline draft format under <draft>/remote/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-article-private.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-review-private.h"

/* Destination names are anyone's text: the file is named by a hash of it. */
static char *
remote_path (BylineDraftStore *store,
             const char       *draft_id,
             const char       *destination,
             const char       *suffix)
{
  g_autoptr(GFile) dir = byline_draft_store_get_draft_folder (store, draft_id);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, destination, -1);
  g_autofree char *name = NULL;

  if (dir == NULL)
    return NULL;
  name = g_strdup_printf ("%.16s.%s.json", hash, suffix);
  return g_build_filename (g_file_peek_path (dir), "remote", name, NULL);
}

static gboolean
write_json (const char  *path,
            JsonNode    *root,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = json_to_string (root, TRUE);

  if (!_byline_make_folder (dir, error))
    return FALSE;
  return _byline_write_file_atomic (path, text, strlen (text), error);
}

static JsonObject *
read_json (const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s: %s", path, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s is not a JSON object"), path);
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A draft kept here, its pictures pointed at the draft's media/ copies. */
static BylineArticle *
article_member (BylineDraftStore  *store,
                JsonObject        *object,
                const char        *member,
                const char        *draft_id,
                const char        *path,
                GError           **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GFile) dir = byline_draft_store_get_draft_folder (store, draft_id);
  BylineArticle *article;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  article = byline_draft_format_from_json (node, path, error);
  if (article != NULL)
    _byline_draft_attach_media (article, g_file_peek_path (dir));
  return article;
}

static gboolean
save_version (BylineDraftStore  *store,
              const char        *destination,
              BylineArticle     *article,
              const char        *version,
              const char        *which,
              GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  path = remote_path (store, byline_article_get_id (article), destination, which);
  if (path == NULL)
    return _byline_draft_check_id (byline_article_get_id (article), error);
  json_object_set_string_member (object, "destination", destination);
  if (version != NULL)
    json_object_set_string_member (object, "version", version);
  json_object_set_member (object, "draft", byline_draft_format_to_json (article));
  json_node_set_object (root, object);
  return write_json (path, root, error);
}

gboolean
byline_review_save_base (BylineDraftStore  *store,
                         const char        *destination,
                         BylineArticle     *article,
                         const char        *version,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  return save_version (store, destination, article, version, "base", error);
}

gboolean
byline_review_save_sent (BylineDraftStore  *store,
                         const char        *destination,
                         BylineArticle     *article,
                         const char        *version,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  /* Sent is also the base, until theirs comes in. */
  return save_version (store, destination, article, version, "sent", error)
      && save_version (store, destination, article, version, "base", error);
}

static BylineArticle *
load_version (BylineDraftStore  *store,
              const char        *draft_id,
              const char        *destination,
              const char        *which,
              char             **version,
              GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) object = NULL;

  if ((path = remote_path (store, draft_id, destination, which)) == NULL)
    {
      _byline_draft_check_id (draft_id, error);
      return NULL;
    }
  if ((object = read_json (path, error)) == NULL)
    return NULL;
  if (version != NULL)
    *version = g_strdup (json_object_get_string_member_with_default (object, "version", NULL));
  return article_member (store, object, "draft", draft_id, path, error);
}

BylineArticle *
byline_review_load_base (BylineDraftStore  *store,
                         const char        *draft_id,
                         const char        *destination,
                         char             **version,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  return load_version (store, draft_id, destination, "base", version, error);
}

BylineArticle *
byline_review_load_sent (BylineDraftStore  *store,
                         const char        *draft_id,
                         const char        *destination,
                         char             **version,
                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  return load_version (store, draft_id, destination, "sent", version, error);
}

/* ---------------------------------------------------------------- merge */

gboolean
_byline_review_save_merge (BylineDraftStore  *store,
                           const char        *destination,
                           BylineArticle     *base,
                           BylineArticle     *ours,
                           BylineArticle     *theirs,
                           const char        *theirs_version,
                           BylineMerge       *merge,
                           GError           **error)
{
  g_autofree char *path = remote_path (store, byline_article_get_id (ours), destination, "merge");
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonArray) choices = json_array_new ();

  json_object_set_string_member (object, "destination", destination);
  json_object_set_string_member (object, "theirs_version", theirs_version ? theirs_version : "");
  if (base != NULL)
    json_object_set_member (object, "base", byline_draft_format_to_json (base));
  else
    json_object_set_null_member (object, "base");
  json_object_set_member (object, "ours", byline_draft_format_to_json (ours));
  json_object_set_member (object, "theirs", byline_draft_format_to_json (theirs));
  for (guint i = 0; i < byline_merge_get_n_conflicts (merge); i++)
    json_array_add_string_element (choices,
                                   byline_merge_choice_to_string (byline_merge_get_conflict (merge, i)->choice));
  json_object_set_array_member (object, "choices", g_steal_pointer (&choices));
  json_node_set_object (root, object);
  return write_json (path, root, error);
}

gboolean
_byline_review_load_merge_versions (BylineDraftStore  *store,
                                    const char        *draft_id,
                                    const char        *destination,
                                    BylineArticle    **base,
                                    BylineArticle    **ours,
                                    BylineArticle    **theirs,
                                    char             **theirs_version,
                                    GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((path = remote_path (store, draft_id, destination, "merge")) == NULL)
    return _byline_draft_check_id (draft_id, error);
  if ((object = read_json (path, &local_error)) == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                     _("There is nothing to merge in this story for “%s”"), destination);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *base = article_member (store, object, "base", draft_id, path, &local_error);
  if (local_error == NULL)
    *ours = article_member (store, object, "ours", draft_id, path, &local_error);
  if (local_error == NULL)
    *theirs = article_member (store, object, "theirs", draft_id, path, &local_error);
  if (*ours == NULL || *theirs == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s misses a version"), path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (theirs_version != NULL)
    *theirs_version = g_strdup (json_object_get_string_member_with_default (object, "theirs_version", NULL));
  return TRUE;
}

static JsonArray *
read_choices (BylineDraftStore *store,
              const char       *draft_id,
              const char       *destination)
{
  g_autofree char *path = remote_path (store, draft_id, destination, "merge");
  g_autoptr(JsonObject) object = path ? read_json (path, NULL) : NULL;
  JsonNode *node = object ? json_object_get_member (object, "choices") : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_array_ref (json_node_get_array (node)) : NULL;
}

BylineMerge *
byline_review_load_merge (BylineDraftStore  *store,
                          const char        *draft_id,
                          const char        *destination,
                          GError           **error)
{
  g_autoptr(BylineArticle) base = NULL;
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonArray) choices = NULL;
  BylineMerge *merge;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  if (!_byline_review_load_merge_versions (store, draft_id, destination, &base, &ours, &theirs, NULL,
                                           &local_error))
    {
      if (!g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  merge = byline_merge_new (base, ours, theirs);
  choices = read_choices (store, draft_id, destination);
  for (guint i = 0; choices != NULL && i < json_array_get_length (choices)
                    && i < byline_merge_get_n_conflicts (merge); i++)
    {
      BylineMergeChoice choice;

      if (byline_merge_choice_from_string (json_array_get_string_element (choices, i), &choice))
        byline_merge_resolve (merge, i, choice);
    }
  return merge;
}

void
_byline_review_forget_merge (BylineDraftStore *store,
                             const char       *draft_id,
                             const char       *destination)
{
  g_autofree char *path = remote_path (store, draft_id, destination, "merge");

  if (path != NULL)
    g_unlink (path);
}

/* ------------------------------------------------------------- override */

JsonObject *
byline_review_get_override (BylineArticle *article)
{
  JsonObject *extra;
  JsonNode *node;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  extra = _byline_article_get_extra (article);
  node = extra ? json_object_get_member (extra, "preflight_override") : NULL;
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
_byline_review_record_override (BylineArticle *article,
                                const char    *who,
                                BylineStatus   status,
                                GStrv          codes)
{
  JsonObject *extra = _byline_article_get_extra (article);
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(JsonObject) record = json_object_new ();
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  /* A copy: the extra object may be shared with copies of the article. */
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (copy, name, json_node_copy (node));
    }
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    json_array_add_string_element (errors, codes[i]);
  json_object_set_string_member (record, "by", who ? who : g_get_user_name ());
  json_object_set_string_member (record, "at", at);
  json_object_set_string_member (record, "status", byline_status_to_string (status));
  json_object_set_array_member (record, "errors", g_steal_pointer (&errors));
  json_object_set_object_member (copy, "preflight_override", g_steal_pointer (&record));
  _byline_article_set_extra (article, copy);
}

void
byline_review_record_override (BylineArticle      *article,
                               const char         *who,
                               BylineStatus        status,
                               const char * const *codes)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  _byline_review_record_override (article, who, status, (GStrv) codes);
}
