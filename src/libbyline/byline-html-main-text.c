/* byline-html-main-text.c — where a news page's story text ends
 *
 * A story opened from a page whose <h1> is in no <article> (a saved page, a
 * link dropped on Byline) was read from its <h1> to the end of <body>:
 * related stories, comments, the footer's addresses.  Many news sites put the
 * headline above the element that holds the story's paragraphs, not in it.
 * That element is found much as reading-mode tools find it: each paragraph
 * (a <p>, or a <div> written as one) of some length that is not mostly a
 * link counts for the element around
 * it; the element with the most holds the story, or its parent when the
 * nearest block beside it holds half as much (a story cut by a photo into
 * two blocks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-html-walker-private.h"

/* The least text an element holds to be the story's: a couple of paragraphs. */
#define MIN_STORY 120
/* A sibling with this share of the story's text is more of it. */
#define SHARED 0.5

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* A <div> written as a paragraph, as older newsroom systems write them:
 * text of its own, and no block inside it. */
static gboolean
is_div_paragraph (xmlNode *node)
{
  static const char *const blocks[] = {
    "div", "p", "ul", "ol", "table", "figure", "section", "article", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "form",
  };
  gboolean has_text = FALSE;

  if (!is_named (node, "div"))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        for (const xmlChar *c = child->content; *c != '\0' && !has_text; c++)
          has_text = !g_ascii_isspace (*c);
      for (guint i = 0; child->type == XML_ELEMENT_NODE && i < G_N_ELEMENTS (blocks); i++)
        if (is_named (child, blocks[i]))
          return FALSE;
    }
  return has_text;
}

static gboolean
is_paragraph (xmlNode *node)
{
  return is_named (node, "p") || is_div_paragraph (node);
}

static glong
text_length (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));

  xmlFree (content);
  return g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong) strlen (text);
}

static gboolean
add_link_text (xmlNode  *node,
               gpointer  data)
{
  if (!is_named (node, "a"))
    return TRUE;
  *(glong *) data += text_length (node);
  return FALSE;
}

/* The length of @node's text, in characters, when it is a paragraph of
 * the story's: long enough, not mostly links (a list of related stories);
 * else 0. */
static glong
paragraph_length (xmlNode *node)
{
  glong length, links = 0;

  if (!is_paragraph (node) || (length = text_length (node)) < BYLINE_HTML_MIN_PARAGRAPH)
    return 0;
  _byline_html_walk_elements (node, add_link_text, &links);
  return links * 2 < length ? length : 0;
}

static gboolean
add_text (xmlNode  *node,
          gpointer  data)
{
  glong *total = data;
  glong length = paragraph_length (node);

  *total += length;
  return length == 0;
}

/* The story's text in @node: its paragraphs' characters. */
static glong
text_of (xmlNode *node)
{
  glong total = 0;

  _byline_html_walk_elements (node, add_text, &total);
  return total;
}

typedef struct
{
  GHashTable *scores;      /* xmlNode → double */
  GPtrArray  *candidates;  /* their keys, in the page's order */
} Scores;

static void
add_score (Scores  *scores,
           xmlNode *node,
           double   score)
{
  double *value;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return;
  if ((value = g_hash_table_lookup (scores->scores, node)) == NULL)
    {
      value = g_new0 (double, 1);
      g_hash_table_insert (scores->scores, node, value);
      g_ptr_array_add (scores->candidates, node);
    }
  *value += score;
}

static gboolean
score_paragraph (xmlNode  *node,
                 gpointer  data)
{
  glong length = paragraph_length (node);

  if (length > 0)
    add_score (data, node->parent, length);
  return !is_paragraph (node);
}

/* The nearest element beside @node, after it or before it, with some of
 * the story's text; NULL when that is a paragraph (the lead beside a short
 * story's text) or there is none. */
static xmlNode *
block_beside (xmlNode  *node,
              gboolean  after)
{
  for (xmlNode *sibling = after ? node->next : node->prev; sibling != NULL;
       sibling = after ? sibling->next : sibling->prev)
    if (sibling->type == XML_ELEMENT_NODE && (is_paragraph (sibling) || text_of (sibling) > 0))
      return is_paragraph (sibling) ? NULL : sibling;
  return NULL;
}

/* Whether the block beside @node holds at least half as much of the story. */
static gboolean
has_more_beside (xmlNode *node)
{
  glong text = text_of (node);
  xmlNode *before = block_beside (node, FALSE);
  xmlNode *after = block_beside (node, TRUE);

  return (before != NULL && text_of (before) >= SHARED * text) || (after != NULL && text_of (after) >= SHARED * text);
}

static gboolean
is_inside (xmlNode *node,
           xmlNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* Whether @first comes before @second in the page, or holds it. */
static gboolean
comes_before (xmlNode *first,
              xmlNode *second)
{
  for (xmlNode *node = first; node != NULL;)
    {
      if (node == second)
        return TRUE;
      if (node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  return FALSE;
}

xmlNode *
_byline_html_find_story_text (xmlNode *root,
                              xmlNode *headline)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  Scores scores = { table, candidates };
  xmlNode *best = NULL;
  double best_score = 0;

  g_return_val_if_fail (root != NULL, NULL);

  _byline_html_walk_elements (root, score_paragraph, &scores);
  /* The first of equals: the page's order, not the table's. */
  for (guint i = 0; i < candidates->len; i++)
    {
      double score = *(double *) g_hash_table_lookup (table, candidates->pdata[i]);

      if (score > best_score)
        {
          best = candidates->pdata[i];
          best_score = score;
        }
    }
  if (best == NULL || text_of (best) < MIN_STORY)
    return NULL;
  while (best != root && best->parent != NULL && has_more_beside (best))
    best = best->parent;
  /* The story's text is under its headline, or holds it. */
  if (best == root || (headline != NULL && !is_inside (headline, best) && !comes_before (headline, best)))
    return NULL;
  return best;
}
