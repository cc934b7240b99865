/* byline-article-search.c
 *
 * Find and Replace in the editor go through the headline, lead and body as
 * they are shown; a name misspelt there is misspelt in the captions and
 * credits too.  These count and replace in the pictures' texts, with the
 * same expression (byline_text_search_regex()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-image.h"
#include "byline-text-search.h"

typedef const char *(*GetText) (BylineImage *image);
typedef void (*SetText) (BylineImage *image, const char *text);

static const struct { GetText get; SetText set; } picture_texts[] = {
  { byline_image_get_caption, byline_image_set_caption },
  { byline_image_get_credit, byline_image_set_credit },
  { byline_image_get_alt_text, byline_image_set_alt_text },
};

static guint
count_matches (GRegex     *regex,
               const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  if (text == NULL || *text == '\0')
    return 0;
  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

guint
byline_article_count_in_pictures (BylineArticle *self,
                                  GRegex        *regex)
{
  guint n = 0;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  g_return_val_if_fail (regex != NULL, 0);

  for (guint i = 0; i < byline_article_get_n_images (self); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (picture_texts); k++)
      n += count_matches (regex, picture_texts[k].get (byline_article_get_image (self, i)));
  return n;
}

typedef struct
{
  const char *replacement;
  const char *query;
  guint       n;
} Replacing;

static gboolean
replace_one (const GMatchInfo *match,
             GString          *out,
             gpointer          data)
{
  Replacing *r = data;
  g_autofree char *found = g_match_info_fetch (match, 0);

  if (r->query != NULL)
    {
      g_autofree char *cased = byline_text_match_case (r->replacement, found, r->query);
      g_string_append (out, cased);
    }
  else
    g_string_append (out, r->replacement);
  r->n++;
  return FALSE;
}

guint
byline_article_replace_in_pictures (BylineArticle *self,
                                    GRegex        *regex,
                                    const char    *replacement,
                                    const char    *query)
{
  Replacing r = { replacement, query, 0 };

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  g_return_val_if_fail (regex != NULL, 0);
  g_return_val_if_fail (replacement != NULL, 0);

  for (guint i = 0; i < byline_article_get_n_images (self); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (picture_texts); k++)
      {
        BylineImage *image = byline_article_get_image (self, i);
        const char *text = picture_texts[k].get (image);
        guint before = r.n;
        g_autofree char *changed = NULL;

        if (text == NULL || *text == '\0')
          continue;
        changed = g_regex_replace_eval (regex, text, -1, 0, 0, replace_one, &r, NULL);
        if (changed != NULL && r.n > before)
          picture_texts[k].set (image, changed);
      }
  return r.n;
}
