/* byline-ninjs-body.c — the body of an imported ninjs item, and HTML to text
 *
 * An HTML body goes through byline_html_paste(), which keeps only what the body
 * model has; <figure> and <img> at the top level are taken out first and become
 * image blocks when their picture is here (byline-ninjs-media.c), so that an
 * item exported by Byline comes back with its pictures where they were.  A
 * plain-text body becomes one paragraph per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-html.h"
#include "byline-image.h"
#include "byline-ninjs-private.h"
#include "byline-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlChar, xmlFree)

typedef struct
{
  BylineArticle    *article;
  BylineNinjsMedia *media;
} Body;

/* ------------------------------------------------------------------ HTML */

static htmlDocPtr
parse_html (const char *html)
{
  return htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                         | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD);
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrcasecmp (node->name, (const xmlChar *) name) == 0)
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_block_element (const xmlChar *name)
{
  static const char * const blocks[] = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "figcaption", "tr", "section", "article", "ul", "ol", "pre", NULL
  };

  for (guint i = 0; blocks[i] != NULL; i++)
    if (xmlStrcasecmp (name, (const xmlChar *) blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* @skip_class: an element with this class is left out ("credit" in a figcaption). */
static void
collect_text (xmlNode    *node,
              GString    *out,
              const char *skip_class)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        {
          g_autoptr(xmlChar) klass = xmlGetProp (node, (const xmlChar *) "class");

          if (xmlStrcasecmp (node->name, (const xmlChar *) "script") == 0
              || xmlStrcasecmp (node->name, (const xmlChar *) "style") == 0
              || (skip_class != NULL && klass != NULL
                  && xmlStrcmp (klass, (const xmlChar *) skip_class) == 0))
            continue;
          if (is_block_element (node->name))
            g_string_append_c (out, '\n');
          collect_text (node->children, out, skip_class);
          if (is_block_element (node->name))
            g_string_append_c (out, '\n');
        }
    }
}

static char *
lines_to_text (const char *text,
               gboolean    keep_lines)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = NULL;

  if (!keep_lines)
    return byline_text_normalize_line (text, -1);

  out = g_string_new (NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = byline_text_normalize_line (lines[i], -1);

      if (*line == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
_byline_ninjs_html_to_text (const char *html,
                            gboolean    keep_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  htmlDocPtr doc;

  if (html == NULL)
    return NULL;
  doc = parse_html (html);
  if (doc != NULL)
    {
      collect_text (xmlDocGetRootElement (doc), text, NULL);
      xmlFreeDoc (doc);
    }
  return lines_to_text (text->str, keep_lines);
}

/* ------------------------------------------------------------------ body */

static void
paste (Body       *b,
       GString    *chunk)
{
  BylineBody *body = byline_article_get_body (b->article);

  if (chunk->len > 0)
    byline_html_paste (body, byline_body_get_n_blocks (body), chunk->str, chunk->len);
  g_string_truncate (chunk, 0);
}

/* A top-level <figure> or <img>: an image block when its picture is here. */
static gboolean
import_figure (Body        *b,
               xmlNode     *node,
               GError     **error)
{
  xmlNode *img = xmlStrcasecmp (node->name, (const xmlChar *) "img") == 0
                 ? node : find_element (node->children, "img");
  xmlNode *figcaption = find_element (node->children, "figcaption");
  g_autoptr(xmlChar) src = NULL;
  g_autoptr(xmlChar) alt = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;
  BylineImage *image = NULL;

  if (img == NULL || (src = xmlGetProp (img, (const xmlChar *) "src")) == NULL)
    return TRUE;
  alt = xmlGetProp (img, (const xmlChar *) "alt");
  if (figcaption != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      xmlNode *credit_node = NULL;

      collect_text (figcaption->children, text, "credit");
      caption = byline_text_normalize_line (text->str, -1);
      for (xmlNode *n = figcaption->children; n != NULL; n = n->next)
        {
          g_autoptr(xmlChar) klass = n->type == XML_ELEMENT_NODE
                                      ? xmlGetProp (n, (const xmlChar *) "class") : NULL;
          if (klass != NULL && xmlStrcmp (klass, (const xmlChar *) "credit") == 0)
            credit_node = n;
        }
      if (credit_node != NULL)
        {
          g_autoptr(GString) credit_text = g_string_new (NULL);
          collect_text (credit_node->children, credit_text, NULL);
          credit = byline_text_normalize_line (credit_text->str, -1);
        }
    }

  if (!_byline_ninjs_media_add_figure (b->media, (const char *) src, caption, credit,
                                       (const char *) alt, &image, error))
    return FALSE;
  if (image != NULL)
    byline_body_insert_image (byline_article_get_body (b->article), G_MAXUINT,
                              byline_image_get_id (image));
  return TRUE;
}

static gboolean
is_figure (xmlNode *node)
{
  xmlNode *only = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (xmlStrcasecmp (node->name, (const xmlChar *) "figure") == 0
      || xmlStrcasecmp (node->name, (const xmlChar *) "img") == 0)
    return TRUE;
  /* <p><img src=…></p>, as agencies often write it */
  if (xmlStrcasecmp (node->name, (const xmlChar *) "p") != 0)
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && byline_text_is_blank ((const char *) child->content))
        continue;
      if (only != NULL || child->type != XML_ELEMENT_NODE)
        return FALSE;
      only = child;
    }
  return only != NULL && xmlStrcasecmp (only->name, (const xmlChar *) "img") == 0;
}

static gboolean
import_html_body (Body        *b,
                  const char  *html,
                  GError     **error)
{
  g_autoptr(GString) chunk = g_string_new (NULL);
  xmlBufferPtr buffer;
  htmlDocPtr doc;
  xmlNode *body;
  gboolean ok = TRUE;

  doc = parse_html (html);
  if (doc == NULL)
    return TRUE;
  body = find_element (xmlDocGetRootElement (doc), "body");
  buffer = xmlBufferCreate ();

  for (xmlNode *node = body != NULL ? body->children : NULL; node != NULL && ok; node = node->next)
    {
      if (is_figure (node))
        {
          paste (b, chunk);
          ok = import_figure (b, node, error);
          continue;
        }
      xmlBufferEmpty (buffer);
      if (htmlNodeDump (buffer, doc, node) >= 0)
        g_string_append_len (chunk, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
    }
  if (ok)
    paste (b, chunk);

  xmlBufferFree (buffer);
  xmlFreeDoc (doc);
  return ok;
}

static void
import_text_body (Body       *b,
                  const char *text)
{
  BylineBody *body = byline_article_get_body (b->article);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = byline_text_normalize_line (lines[i], -1);

      if (*line != '\0')
        byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, line);
    }
}

gboolean
_byline_ninjs_import_body (BylineArticle     *article,
                           JsonObject        *root,
                           BylineNinjsMedia  *media,
                           GError           **error)
{
  Body b_data = { article, media };
  Body *b = &b_data;
  static const char * const main_roles[] = { "main", "body", NULL };
  JsonArray *bodies = _byline_ninjs_get_array (root, "bodies");
  const char *html = NULL, *text = NULL;
  gboolean html_is_main = FALSE, text_is_main = FALSE;
  g_autoptr(GList) names = NULL;

  for (guint i = 0; bodies != NULL && i < json_array_get_length (bodies); i++)
    {
      JsonNode *node = json_array_get_element (bodies, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *value = _byline_ninjs_get_string (entry, "value");
      const char *role = _byline_ninjs_get_string (entry, "role");
      gboolean is_main = _byline_ninjs_role_is (role, main_roles);

      if (byline_text_is_blank (value))
        continue;
      if (_byline_ninjs_is_html (_byline_ninjs_get_string2 (entry, "contenttype", "contentType"),
                                 role, value))
        {
          if (html == NULL || (is_main && !html_is_main))
            html = value, html_is_main = is_main;
        }
      else if (text == NULL || (is_main && !text_is_main))
        text = value, text_is_main = is_main;
    }

  /* 1.x: body_html, body_xhtml, body_text, or any other body_<format> */
  if (html == NULL)
    html = _byline_ninjs_get_string (root, "body_html");
  if (html == NULL)
    html = _byline_ninjs_get_string (root, "body_xhtml");
  if (text == NULL)
    text = _byline_ninjs_get_string (root, "body_text");
  names = json_object_get_members (root);
  for (GList *l = names; l != NULL && html == NULL && text == NULL; l = l->next)
    {
      const char *value = _byline_ninjs_get_string (root, l->data);

      if (!g_str_has_prefix (l->data, "body_") || byline_text_is_blank (value))
        continue;
      if (_byline_ninjs_is_html (NULL, NULL, value))
        html = value;
      else
        text = value;
    }

  if (!byline_text_is_blank (html))
    return import_html_body (b, html, error);
  if (!byline_text_is_blank (text))
    import_text_body (b, text);
  return TRUE;
}
