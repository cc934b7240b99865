/* byline-html-main-text.c — where a news page's story text ends
 *
 * A story opened from a page whose <h1> is in no <article> (a saved page, a
 * link dropped on Byline) was read from its <h1> to the end of <body>:
 * related stories, comments, the footer's addresses.  Many news sites put the
 * headline above the element that holds the story's paragraphs, not in it.
 * That element is found as reading-mode tools find it: each paragraph of
 * some length counts for the element around it, and half for the one
 * around that; the element with the most text holds the story, or its parent
 * when one of its siblings holds half as much (a story cut by a photo into
 * two blocks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-html-walker-private.h"

/* A paragraph shorter than this (in characters) is a caption, a date, a
 * link: not the story's text. */
#define MIN_PARAGRAPH 25
/* The least text an element holds to be the story's: a couple of paragraphs. */
#define MIN_STORY 120
/* A sibling with this share of the story's text is more of it. */
#define SHARED 0.5

static gboolean
is_paragraph (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL
         && g_ascii_strcasecmp ((const char *) node->name, "p") == 0;
}

/* The length of @node's text, in characters, when it is a paragraph of
 * the story's length; else 0. */
static glong
paragraph_length (xmlNode *node)
{
  xmlChar *content;
  g_autofree char *text = NULL;
  glong length;

  if (!is_paragraph (node))
    return 0;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));
  xmlFree (content);
  length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong) strlen (text);
  return length >= MIN_PARAGRAPH ? length : 0;
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
    {
      add_score (data, node->parent, length);
      if (node->parent != NULL)
        add_score (data, node->parent->parent, length / 2.0);
    }
  return !is_paragraph (node);
}

/* Whether a sibling of @node holds at least half as much of the story. */
static gboolean
has_sibling_text (xmlNode *node)
{
  glong text = text_of (node);

  for (xmlNode *sibling = node->parent->children; sibling != NULL; sibling = sibling->next)
    if (sibling != node && sibling->type == XML_ELEMENT_NODE && text_of (sibling) >= SHARED * text)
      return TRUE;
  return FALSE;
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
  while (best != root && best->parent != NULL && has_sibling_text (best))
    best = best->parent;
  /* The story's text is under its headline, or holds it. */
  if (best == root || (headline != NULL && !is_inside (headline, best) && !comes_before (headline, best)))
    return NULL;
  return best;
}
