/* byline-ninjs-import.c — an IPTC ninjs 1.x, 2.x or 3.x news item as a new draft
 *
 * The three generations differ in shape more than in meaning:
 *
 *   1.x  flat strings: headline, body_html / body_xhtml / body_text,
 *        description_text / description_html, byline, subject [{name, code, scheme}],
 *        associations and renditions as objects keyed by name, mimetype
 *   2.x  headlines, bodies, descriptions as [{role, contenttype, value}], by,
 *        subjects [{name, uri, rel}], associations and renditions as arrays
 *   3.x  as 2.x in camelCase: contentType, versionCreated, embargoedUntil, …
 *
 * so every lookup below accepts the 2.x and the 3.x spelling, and the 1.x members
 * are read beside them.  The version is taken from $schema, "standard" or
 * "$standard" when the item says, from its shape otherwise.
 *
 * What becomes of what (the reverse of byline-ninjs-export.c):
 *
 *   headline      the "main" headline, else the first; else the title
 *   lead          a description whose role is summary-like (summary, abstract,
 *                 lead, teaser, standfirst, sapo, intro); for an item that is
 *                 not a picture, else the first description; 1.x
 *                 description_text / description_html
 *   body          the HTML body when there is one (through byline_html_paste(),
 *                 with <figure>/<img> at the top level becoming image blocks),
 *                 else the plain-text one, one paragraph per line
 *   authors       by / byline (else AP's bylines [{by, title}]), split at ", ",
 *                 " and ", " và ", " & ", ";", without a leading "By "
 *   dateline      located;  language: language (else the default, "vi")
 *   category      the first subject with rel "category", a urn:byline:category:
 *                 uri or an IPTC Media Topic / Subject Code; else the first
 *   tags          the other subjects' names and a provider's "keywords" list
 *   times         created from firstcreated (else contentcreated, else
 *                 versioncreated), modified from versioncreated, publish time
 *                 from embargoed / embargoedUntil
 *   source prefix the first infosource given only as a literal ("BLC"), else
 *                 the one the lead starts with ("(TTXVN) - …")
 *   editor's note ednote / edNote: the provider's note to the newsroom
 *   pictures      associations of type picture or graphic (or untyped with image
 *                 renditions), and the item itself when it is a picture: caption
 *                 from a caption-like description (else the picture's headline),
 *                 alt text from a description with an alt-like role (1.x:
 *                 description_alt, or body_text as Superdesk writes it), credit from
 *                 by (else copyrightholder), featured when named featureimage,
 *                 featuremedia, mainpic, main or leadimage.
 *
 * Pictures need their bytes: a BylineImage is named by its SHA-256.  A rendition
 * whose href is a relative path (or a file: URI) is looked for under
 * @base_folder and attached through BylineImage:file when it is there (a local
 * rendition is preferred to remote ones, the biggest to smaller ones; the same
 * bytes met twice make one picture); an href
 * that leaves @base_folder — "..", an absolute path, a symlink pointing out, a
 * file: URI elsewhere — fails the whole import with BYLINE_ERROR_UNSAFE_PATH.
 * A picture whose bytes are not here (remote http(s) renditions, or a file that
 * is missing) is not invented: its caption, credit, alt text and best href are
 * kept in the draft's "pending_pictures" member, a list of objects {name, uri,
 * href, contenttype, width, height, caption, credit, alt_text, featured}, which
 * the draft format carries along untouched until something fetches them.
 *
 * The new draft has a new id and the status "draft", whatever pubstatus said.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article.h"
#include "byline-error.h"
#include "byline-ninjs-private.h"

/* Large enough for any news item with its bodies inline. */
#define NINJS_MAX_INPUT (64 * 1024 * 1024)

/* ------------------------------------------------------------ recognizing */

/* Members only a ninjs item has (any version), to tell one from other JSON. */
static const char * const ninjs_members[] = {
  "headline", "headlines", "bodies", "descriptions", "renditions", "associations",
  "versioncreated", "versionCreated", "firstcreated", "firstCreated", "pubstatus",
  "pubStatus", "byline", "by", "located", "subject", "subjects", "slugline",
  "body_html", "body_xhtml", "body_text", "description_text", "description_html",
  "embargoed", "embargoedUntil", "contentcreated", "contentCreated", "profile",
  "infosources", "infoSources", "representationtype", "representationType",
  NULL
};

/* Members that only 3.x spells so. */
static const char * const ninjs3_members[] = {
  "versionCreated", "firstCreated", "contentCreated", "pubStatus", "embargoedUntil",
  "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "altIds",
  "infoSources", "trustIndicators", "representationType", "digitalSourceType",
  "rightsInfo", "eventDetails", "plannedCoverage",
  NULL
};

static const char * const ninjs1_members[] = {
  "headline", "byline", "subject", "mimetype", "person", "place", "organisation",
  "event", "object", "genre", "infosource", "trustindicator", "$standard",
  "charcount", "wordcount",
  NULL
};

static int
major_from_string (const char *text)
{
  const char *p;

  if (text == NULL)
    return 0;
  /* "2.2", "ninjs-schema_3.1.json#", "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json" */
  p = strstr (text, "ninjs-schema_");
  if (p != NULL)
    text = p + strlen ("ninjs-schema_");
  else if (strstr (text, "ninjs") != NULL || strchr (text, '/') != NULL)
    return 0;
  if (text[0] >= '1' && text[0] <= '9' && (text[1] == '.' || text[1] == '\0'))
    return text[0] - '0';
  return 0;
}

static gboolean
has_prefixed_member (JsonObject *object,
                     const char *prefix)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (g_str_has_prefix (l->data, prefix) && strlen (l->data) > strlen (prefix))
      return TRUE;
  return FALSE;
}

static gboolean
entries_use_member (JsonObject *object,
                    const char *array_name,
                    const char *member)
{
  JsonArray *array = _byline_ninjs_get_array (object, array_name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && json_object_has_member (json_node_get_object (node), member))
        return TRUE;
    }
  return FALSE;
}

/* 1, 2 or 3 from what the item says about itself, else from its shape. */
int
_byline_ninjs_detect_major (JsonObject *root)
{
  JsonObject *standard;
  int major;

  major = major_from_string (_byline_ninjs_get_string (root, "$schema"));
  if (major == 0 && (standard = _byline_ninjs_get_object (root, "standard")) != NULL)
    {
      major = major_from_string (_byline_ninjs_get_string (standard, "version"));
      if (major == 0)
        major = major_from_string (_byline_ninjs_get_string (standard, "schema"));
    }
  if (major == 0 && (standard = _byline_ninjs_get_object (root, "$standard")) != NULL)
    {
      major = major_from_string (_byline_ninjs_get_string (standard, "version"));
      if (major == 0)
        major = major_from_string (_byline_ninjs_get_string (standard, "schema"));
    }
  if (major >= 1 && major <= 3)
    return major;

  for (guint i = 0; ninjs1_members[i] != NULL; i++)
    if (json_object_has_member (root, ninjs1_members[i]))
      return 1;
  if (has_prefixed_member (root, "body_") || has_prefixed_member (root, "description_")
      || _byline_ninjs_get_object (root, "associations") != NULL
      || _byline_ninjs_get_object (root, "renditions") != NULL)
    return 1;

  for (guint i = 0; ninjs3_members[i] != NULL; i++)
    if (json_object_has_member (root, ninjs3_members[i]))
      return 3;
  if (entries_use_member (root, "headlines", "contentType")
      || entries_use_member (root, "bodies", "contentType")
      || entries_use_member (root, "descriptions", "contentType")
      || entries_use_member (root, "renditions", "contentType")
      || entries_use_member (root, "renditions", "sizeInBytes"))
    return 3;

  return 2;
}

static gboolean
says_it_is_ninjs (JsonObject *root)
{
  const char *schema = _byline_ninjs_get_string (root, "$schema");
  JsonObject *standard = _byline_ninjs_get_object (root, "standard");

  if (standard == NULL)
    standard = _byline_ninjs_get_object (root, "$standard");
  return (schema != NULL && strstr (schema, "ninjs") != NULL)
         || (standard != NULL
             && g_strcmp0 (_byline_ninjs_get_string (standard, "name"), "ninjs") == 0);
}

gboolean
_byline_ninjs_is_item (JsonObject *root)
{
  gboolean has_headline, has_body;

  if (says_it_is_ninjs (root))
    return TRUE;
  if (_byline_ninjs_get_string (root, "format") != NULL)
    return FALSE;  /* a Byline draft or another self-describing document */

  if (_byline_ninjs_get_string (root, "uri") != NULL)
    {
      for (guint i = 0; ninjs_members[i] != NULL; i++)
        if (json_object_has_member (root, ninjs_members[i]))
          return TRUE;
      if (has_prefixed_member (root, "body_") || has_prefixed_member (root, "description_"))
        return TRUE;
      return FALSE;
    }

  /* "uri" is required by every version, but feeds are not always strict. */
  has_headline = _byline_ninjs_get_string (root, "headline") != NULL
                 || _byline_ninjs_get_array (root, "headlines") != NULL;
  has_body = has_prefixed_member (root, "body_")
             || _byline_ninjs_get_array (root, "bodies") != NULL;
  return has_headline && has_body;
}

/* ------------------------------------------------------------------ input */

static gboolean
check_bytes (GBytes      *bytes,
             const char  *source,
             GError     **error)
{
  const char *data, *bad;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s: the file is empty"), source);
      return FALSE;
    }
  if (length > NINJS_MAX_INPUT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s: larger than %d MiB, too large for a news item"),
                   source, NINJS_MAX_INPUT / (1024 * 1024));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: not a ninjs news item (binary data)"), source);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                   _("%s: not UTF-8 text (invalid byte at offset %lu)"),
                   source, (unsigned long) (bad - data));
      return FALSE;
    }
  return TRUE;
}

/* json-glib descends recursively; refuse what would exhaust the stack before
 * handing it over.  No news item nests deeper than a few levels. */
#define NINJS_MAX_DEPTH 256

static gboolean
check_depth (const char  *data,
             gsize        length,
             const char  *source,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0, line = 1, column = 1;

  for (gsize i = 0; i < length; i++, column++)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          column = 0;
        }
      if (in_string)
        {
          if (c == '\\')
            i++, column++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > NINJS_MAX_DEPTH)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                           _("%s:%u:%u: nested more than %d levels deep"),
                           source, line, column, NINJS_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static JsonNode *
parse (GBytes      *bytes,
       const char  *source,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *data, *message;
  gsize length;

  if (!check_bytes (bytes, source, error))
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  /* A byte order mark is no reason to refuse an agency's file. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  if (!check_depth (data, length, source, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      message = local_error->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s:%s", source, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s: no JSON value"), source);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* ------------------------------------------------------------------ entry */

BylineArticle *
byline_ninjs_import (GBytes      *bytes,
                     const char  *source_name,
                     GFile       *base_folder,
                     GError     **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(BylineNinjsMedia) media = NULL;
  JsonObject *root;
  const char *type;
  gboolean is_picture;
  int major;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (base_folder == NULL || G_IS_FILE (base_folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source_name == NULL)
    source_name = "<ninjs>";

  root_node = parse (bytes, source_name, error);
  if (root_node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node)
      || !_byline_ninjs_is_item (json_node_get_object (root_node)))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   JSON_NODE_HOLDS_ARRAY (root_node)
                   ? _("%s: a list, not one ninjs news item")
                   : _("%s: JSON, but not a ninjs news item (no “uri” with headlines, bodies or other ninjs members)"),
                   source_name);
      return NULL;
    }

  root = json_node_get_object (root_node);
  major = _byline_ninjs_detect_major (root);
  type = _byline_ninjs_get_string (root, "type");
  is_picture = g_strcmp0 (type, "picture") == 0 || g_strcmp0 (type, "graphic") == 0;

  g_debug ("%s: ninjs %d.x item", source_name, major);

  article = byline_article_new ();
  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  _byline_ninjs_import_fields (article, root, is_picture);

  media = _byline_ninjs_media_new (article, source_name, base_folder, error);
  if (media == NULL
      || !_byline_ninjs_media_import_pictures (media, root, error)
      || !_byline_ninjs_import_body (article, root, media, error))
    return NULL;
  _byline_ninjs_media_finish (media);

  return g_steal_pointer (&article);
}

gboolean
byline_ninjs_sniff (GBytes *bytes)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length, i = 0;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  /* Cheap refusal of everything that is not a JSON object. */
  if (i >= length || data[i] != '{')
    return FALSE;

  root = parse (bytes, "<sniff>", NULL);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root)
         && _byline_ninjs_is_item (json_node_get_object (root));
}
