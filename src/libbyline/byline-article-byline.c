/* byline-article-byline.c
 *
 * Reporters who learned in a word processor end a story with their name, as
 * the paper prints it: "Hà Anh" after the last paragraph.  In Byline that is
 * the story's byline field, which the exports print at the end: left in the
 * text it would be published twice, and the story would have no byline for
 * the destinations.  Import moves it; the checks offer to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-body.h"
#include "byline-text.h"

static gboolean
is_blank_block (const BylineBlock *block)
{
  return byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE
         && byline_text_is_blank (byline_block_get_text (block));
}

/* The article keeps no blank name (byline_article_set_authors()). */
static gboolean
has_authors (BylineArticle *self)
{
  const char * const *authors = byline_article_get_authors (self);

  return authors != NULL && authors[0] != NULL;
}

/* The same names, whatever their case. */
static gboolean
same_authors (const char * const *a,
              const char * const *b)
{
  guint n = a != NULL ? g_strv_length ((char **) a) : 0;

  if (b == NULL || g_strv_length ((char **) b) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *fa = g_utf8_casefold (a[i], -1);
      g_autofree char *fb = g_utf8_casefold (b[i], -1);

      if (!g_str_equal (g_strstrip (fa), g_strstrip (fb)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_dateline (BylineArticle *self,
             const char    *text)
{
  const char *dateline = byline_article_get_dateline (self);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (byline_text_is_blank (dateline))
    return FALSE;
  a = g_utf8_casefold (dateline, -1);
  b = g_utf8_casefold (text, -1);
  return g_str_equal (g_strstrip (a), g_strstrip (b));
}

int
byline_article_find_byline_paragraph (BylineArticle   *self,
                                      char          ***authors)
{
  BylineBody *body;
  const BylineBlock *last = NULL;
  g_auto(GStrv) found = NULL;
  int index = -1;
  gboolean text_before = FALSE;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), -1);

  if (authors != NULL)
    *authors = NULL;
  body = byline_article_get_body (self);
  for (int i = (int) byline_body_get_n_blocks (body) - 1; i >= 0; i--)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (is_blank_block (block))
        continue;
      if (last == NULL)
        {
          last = block;
          index = i;
        }
      else if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
        {
          text_before = TRUE;
          break;
        }
    }
  /* A story's last paragraph, after text of its own. */
  if (last == NULL || !text_before || byline_block_get_kind (last) != BYLINE_BLOCK_PARAGRAPH)
    return -1;
  /* "Mường Tè" alone is the story's place, not its author. */
  if (is_dateline (self, byline_block_get_text (last)))
    return -1;
  found = byline_text_parse_byline (byline_block_get_text (last));
  if (found == NULL)
    return -1;
  if (has_authors (self)
      && !same_authors (byline_article_get_authors (self), (const char * const *) found))
    return -1;
  if (authors != NULL)
    *authors = g_steal_pointer (&found);
  return index;
}

gboolean
byline_article_take_byline_paragraph (BylineArticle *self)
{
  g_auto(GStrv) authors = NULL;
  int index = byline_article_find_byline_paragraph (self, &authors);

  if (index < 0)
    return FALSE;
  if (!has_authors (self))
    byline_article_set_authors (self, (const char * const *) authors);
  byline_body_remove_block (byline_article_get_body (self), index);
  return TRUE;
}
