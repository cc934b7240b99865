/* byline-ninjs-fields.c — reading the text members of a ninjs item
 *
 * Lenient by design: wire copy comes from many systems, so a member of an
 * unexpected type is read as absent rather than failing the import, and every
 * lookup accepts the 2.x and the 3.x spelling.  The mapping is described at the
 * top of byline-ninjs-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-article.h"
#include "byline-html-private.h"
#include "byline-ninjs-private.h"
#include "byline-text.h"

/* ------------------------------------------------------------- JSON access */

const char *
_byline_ninjs_get_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node;

  if (object == NULL || name == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The 2.x spelling, else the 3.x one ("versioncreated", "versionCreated"). */
const char *
_byline_ninjs_get_string2 (JsonObject *object,
                           const char *name2,
                           const char *name3)
{
  const char *value = _byline_ninjs_get_string (object, name2);

  return value != NULL ? value : _byline_ninjs_get_string (object, name3);
}

JsonArray *
_byline_ninjs_get_array (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_byline_ninjs_get_object (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
_byline_ninjs_get_uint (JsonObject *object,
                        const char *name,
                        guint      *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  double number;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    number = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    number = json_node_get_double (node);
  else
    return FALSE;
  if (!(number >= 1 && number <= G_MAXINT32))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

gboolean
_byline_ninjs_role_is (const char         *role,
                       const char * const *roles)
{
  if (role == NULL)
    return FALSE;
  /* "drol:summary", "http://cv.iptc.org/newscodes/descriptionrole/summary" */
  for (const char *p = role; *p; p++)
    if (*p == ':' || *p == '/')
      role = p + 1;
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_ascii_strcasecmp (role, roles[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_byline_ninjs_is_html (const char *content_type,
                       const char *role,
                       const char *value)
{
  static const char * const html_roles[] = { "richtext", "html", "xhtml", NULL };

  if (content_type != NULL)
    return strstr (content_type, "html") != NULL || strstr (content_type, "xml") != NULL;
  if (_byline_ninjs_role_is (role, html_roles))
    return TRUE;
  while (value != NULL && g_ascii_isspace (*value))
    value++;
  return value != NULL && *value == '<';
}

/* ---------------------------------------------------------- text members */

/* The best {role, contenttype, value} of @array for @roles (NULL: any role),
 * plain text before HTML unless @prefer_html.  Returns its value, converted to
 * plain text when needed (a newly allocated string), or NULL. */
char *
_byline_ninjs_pick_text (JsonArray          *array,
                         const char * const *roles,
                         gboolean            allow_no_role,
                         gboolean            keep_lines)
{
  const char *plain = NULL, *html = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      const char *role, *type, *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      role = _byline_ninjs_get_string (entry, "role");
      type = _byline_ninjs_get_string2 (entry, "contenttype", "contentType");
      value = _byline_ninjs_get_string (entry, "value");
      if (byline_text_is_blank (value))
        continue;
      if (!(roles == NULL || _byline_ninjs_role_is (role, roles)
            || (allow_no_role && role == NULL)))
        continue;
      if (_byline_ninjs_is_html (type, role, value))
        html = html != NULL ? html : value;
      else
        plain = plain != NULL ? plain : value;
    }

  if (plain != NULL)
    return keep_lines ? byline_text_normalize (plain, -1) : byline_text_normalize_line (plain, -1);
  if (html != NULL)
    return _byline_ninjs_html_to_text (html, keep_lines);
  return NULL;
}

static char *
pick_headline (JsonObject *root)
{
  static const char * const main_roles[] = { "main", "headline", NULL };
  JsonArray *headlines = _byline_ninjs_get_array (root, "headlines");
  const char *headline = _byline_ninjs_get_string (root, "headline");
  char *text;

  if (!byline_text_is_blank (headline))
    return byline_text_normalize_line (headline, -1);
  text = _byline_ninjs_pick_text (headlines, main_roles, FALSE, FALSE);
  if (text == NULL)
    text = _byline_ninjs_pick_text (headlines, NULL, TRUE, FALSE);
  if (text == NULL && !byline_text_is_blank (_byline_ninjs_get_string (root, "title")))
    text = byline_text_normalize_line (_byline_ninjs_get_string (root, "title"), -1);
  return text;
}

static const char * const summary_roles[] = {
  "summary", "abstract", "lead", "teaser", "standfirst", "sapo", "intro", NULL
};

static char *
pick_lead (JsonObject *root,
           gboolean    is_picture)
{
  JsonArray *descriptions = _byline_ninjs_get_array (root, "descriptions");
  const char *text;
  char *lead;

  lead = _byline_ninjs_pick_text (descriptions, summary_roles, FALSE, TRUE);
  if (lead != NULL || is_picture)
    return lead;
  lead = _byline_ninjs_pick_text (descriptions, NULL, TRUE, TRUE);
  if (lead != NULL)
    return lead;

  /* 1.x */
  if ((text = _byline_ninjs_get_string (root, "description_summary")) != NULL
      || (text = _byline_ninjs_get_string (root, "description_text")) != NULL)
    return byline_text_normalize (text, -1);
  if ((text = _byline_ninjs_get_string (root, "description_html")) != NULL
      || (text = _byline_ninjs_get_string (root, "description_xhtml")) != NULL)
    return _byline_ninjs_html_to_text (text, TRUE);
  return NULL;
}

/* "By MARIA CHENG and FRANK JORDANS" → { "MARIA CHENG", "FRANK JORDANS" } */
static GStrv
split_byline (const char *by)
{
  static const char * const separators[] = { ", ", " and ", " và ", " & ", ";", NULL };
  g_autofree char *line = byline_text_normalize_line (by, -1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GString) marked = NULL;
  g_auto(GStrv) parts = NULL;

  /* normalized text holds no control characters: \x1f marks the cuts */
  marked = g_string_new (g_ascii_strncasecmp (line, "by ", 3) == 0 ? line + 3 : line);
  for (guint i = 0; separators[i] != NULL; i++)
    g_string_replace (marked, separators[i], "\x1f", 0);

  parts = g_strsplit (marked->str, "\x1f", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (names, parts[i]);
    }
  return g_strv_builder_end (names);
}

/* AP writes "bylines": [{"by": "By JAMEY KEATEN", "title": "Associated Press"}]. */
static GStrv
read_bylines (JsonArray *bylines)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; bylines != NULL && i < json_array_get_length (bylines); i++)
    {
      JsonNode *node = json_array_get_element (bylines, i);
      const char *by = JSON_NODE_HOLDS_OBJECT (node)
                       ? _byline_ninjs_get_string (json_node_get_object (node), "by") : NULL;
      g_auto(GStrv) split = NULL;

      if (byline_text_is_blank (by))
        continue;
      split = split_byline (by);
      g_strv_builder_addv (names, (const char **) split);
    }
  return g_strv_builder_end (names);
}

static GDateTime *
parse_date_time (JsonObject *root,
                 const char *name2,
                 const char *name3)
{
  const char *text = _byline_ninjs_get_string2 (root, name2, name3);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL)
    return NULL;
  /* A time without an offset is taken as UTC, the usual wire convention. */
  return g_date_time_new_from_iso8601 (text, utc);
}

static void
import_times (BylineArticle *article,
              JsonObject    *root)
{
  g_autoptr(GDateTime) first = parse_date_time (root, "firstcreated", "firstCreated");
  g_autoptr(GDateTime) content = parse_date_time (root, "contentcreated", "contentCreated");
  g_autoptr(GDateTime) version = parse_date_time (root, "versioncreated", "versionCreated");
  g_autoptr(GDateTime) embargo = parse_date_time (root, "embargoed", "embargoedUntil");
  GDateTime *created = first != NULL ? first : content != NULL ? content : version;
  GDateTime *modified = version != NULL ? version : created;

  if (created != NULL)
    byline_article_set_created (article, created);
  if (modified != NULL)
    byline_article_set_modified (article, modified);
  if (embargo != NULL)
    byline_article_set_publish_time (article, embargo);
}

static gboolean
is_category_subject (JsonObject *subject)
{
  const char *rel = _byline_ninjs_get_string (subject, "rel");
  const char *uri = _byline_ninjs_get_string (subject, "uri");
  const char *scheme = _byline_ninjs_get_string (subject, "scheme");
  const char *code = _byline_ninjs_get_string (subject, "code");
  static const char * const category_rels[] = { "category", "section", "department", NULL };

  if (_byline_ninjs_role_is (rel, category_rels))
    return TRUE;
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? uri : scheme;

      if (id != NULL && (g_str_has_prefix (id, "urn:byline:category:")
                         || strstr (id, "newscodes/mediatopic") != NULL
                         || strstr (id, "newscodes/subjectcode") != NULL
                         || strstr (id, "category") != NULL))
        return TRUE;
    }
  return code != NULL && (g_str_has_prefix (code, "medtop:") || g_str_has_prefix (code, "subj:"));
}

static void
import_subjects (BylineArticle *article,
                 JsonObject    *root)
{
  JsonArray *subjects = _byline_ninjs_get_array (root, "subjects");
  JsonArray *keywords = _byline_ninjs_get_array (root, "keywords");
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tag_list = NULL;
  JsonObject *category = NULL;

  if (subjects == NULL)
    subjects = _byline_ninjs_get_array (root, "subject");

  for (guint pass = 0; pass < 2 && category == NULL; pass++)
    for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
      {
        JsonNode *node = json_array_get_element (subjects, i);
        JsonObject *subject = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        static const char * const tag_rels[] = { "keyword", "tag", NULL };

        if (byline_text_is_blank (_byline_ninjs_get_string (subject, "name")))
          continue;
        /* Second pass: no subject looks like a category, take the first that
         * is not explicitly a keyword. */
        if ((pass == 0 && is_category_subject (subject))
            || (pass == 1 && !_byline_ninjs_role_is (_byline_ninjs_get_string (subject, "rel"), tag_rels)))
          {
            category = subject;
            break;
          }
      }

  if (category != NULL)
    byline_article_set_category (article, _byline_ninjs_get_string (category, "name"));

  for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
    {
      JsonNode *node = json_array_get_element (subjects, i);
      JsonObject *subject = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = _byline_ninjs_get_string (subject, "name");

      if (subject != NULL && subject != category && !byline_text_is_blank (name))
        g_strv_builder_add (tags, name);
    }
  for (guint i = 0; keywords != NULL && i < json_array_get_length (keywords); i++)
    {
      JsonNode *node = json_array_get_element (keywords, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (tags, json_node_get_string (node));
    }

  tag_list = g_strv_builder_end (tags);
  byline_article_set_tags (article, (const char * const *) tag_list);
}

static void
import_source_prefix (BylineArticle *article,
                      JsonObject    *root)
{
  JsonArray *sources = _byline_ninjs_get_array (root, "infosources");
  g_autofree char *from_lead = NULL;

  if (sources == NULL)
    sources = _byline_ninjs_get_array (root, "infoSources");
  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonNode *node = json_array_get_element (sources, i);
      JsonObject *source = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *literal = _byline_ninjs_get_string (source, "literal");

      if (!byline_text_is_blank (literal) && _byline_ninjs_get_string (source, "name") == NULL)
        {
          byline_article_set_source_prefix (article, literal);
          return;
        }
    }

  from_lead = _byline_parse_source_prefix (byline_article_get_lead (article));
  if (from_lead != NULL)
    byline_article_set_source_prefix (article, from_lead);
}

void
_byline_ninjs_import_fields (BylineArticle *article,
                    JsonObject    *root,
                    gboolean       is_picture)
{
  g_autofree char *headline = pick_headline (root);
  g_autofree char *lead = pick_lead (root, is_picture);
  const char *by = _byline_ninjs_get_string2 (root, "by", "byline");
  const char *located = _byline_ninjs_get_string (root, "located");
  const char *language = _byline_ninjs_get_string (root, "language");
  const char *ednote = _byline_ninjs_get_string2 (root, "ednote", "edNote");

  if (headline != NULL)
    byline_article_set_headline (article, headline);
  if (lead != NULL)
    byline_article_set_lead (article, lead);
  if (!byline_text_is_blank (by))
    {
      g_auto(GStrv) authors = split_byline (by);
      byline_article_set_authors (article, (const char * const *) authors);
    }
  else if (_byline_ninjs_get_array (root, "bylines") != NULL)
    {
      g_auto(GStrv) authors = read_bylines (_byline_ninjs_get_array (root, "bylines"));
      byline_article_set_authors (article, (const char * const *) authors);
    }
  if (!byline_text_is_blank (located))
    byline_article_set_dateline (article, located);
  if (!byline_text_is_blank (language))
    byline_article_set_language (article, language);
  /* The provider's note to the newsroom is what the editor's note is for. */
  if (!byline_text_is_blank (ednote))
    byline_article_set_editor_note (article, ednote);

  import_subjects (article, root);
  import_times (article, root);
  import_source_prefix (article, root);
}

