/* byline-article-search.c
 *
 * Find and Replace in the editor go through the headline, lead and body as
 * they are shown; a name misspelt there is misspelt in the captions and
 * credits too.  These find and replace in the pictures' texts, with the
 * same expression (byline_text_search_regex()), and undo a replace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-article-search.h"
#include "byline-image.h"
#include "byline-text-search.h"

typedef const char *(*GetText) (BylineImage *image);
typedef void (*SetText) (BylineImage *image, const char *text);

static const struct { BylineField field; GetText get; SetText set; } picture_texts[] = {
  { BYLINE_FIELD_CAPTION, byline_image_get_caption, byline_image_set_caption },
  { BYLINE_FIELD_CREDIT, byline_image_get_credit, byline_image_set_credit },
  { BYLINE_FIELD_ALT_TEXT, byline_image_get_alt_text, byline_image_set_alt_text },
};

GArray *
byline_article_find_in_pictures (BylineArticle *self,
                                 GRegex        *regex)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (BylinePictureMatch));

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), matches);
  g_return_val_if_fail (regex != NULL, matches);

  for (guint i = 0; i < byline_article_get_n_images (self); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (picture_texts); k++)
      {
        const char *text = picture_texts[k].get (byline_article_get_image (self, i));
        g_autoptr(GMatchInfo) info = NULL;

        if (text == NULL || *text == '\0')
          continue;
        for (g_regex_match (regex, text, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
          {
            BylinePictureMatch match = { i, picture_texts[k].field, 0, 0 };
            int from, to;

            g_match_info_fetch_pos (info, 0, &from, &to);
            match.start = g_utf8_pointer_to_offset (text, text + from);
            match.end = g_utf8_pointer_to_offset (text, text + to);
            g_array_append_val (matches, match);
          }
      }
  return matches;
}

guint
byline_article_count_in_pictures (BylineArticle *self,
                                  GRegex        *regex)
{
  g_autoptr(GArray) matches = byline_article_find_in_pictures (self, regex);

  return matches->len;
}

typedef struct
{
  const char *text;
  const char *replacement;
  const char *query;
  int         only;     /* the byte offset of the one match to replace, or -1 */
  guint       n;
} Replacing;

static gboolean
replace_one (const GMatchInfo *info,
             GString          *out,
             gpointer          data)
{
  Replacing *r = data;
  g_autofree char *found = g_match_info_fetch (info, 0);
  int from, to;

  g_match_info_fetch_pos (info, 0, &from, &to);
  if (r->only >= 0 && from != r->only)
    {
      g_string_append (out, found);
      return FALSE;
    }
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
byline_article_replace_in_pictures (BylineArticle            *self,
                                    GRegex                   *regex,
                                    const BylinePictureMatch *match,
                                    const char               *replacement,
                                    const char               *query)
{
  Replacing r = { NULL, replacement, query, -1, 0 };

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
        if (match != NULL)
          {
            if (match->picture != i || match->field != picture_texts[k].field
                || match->end > (guint) g_utf8_strlen (text, -1))
              continue;
            r.only = g_utf8_offset_to_pointer (text, match->start) - text;
          }
        changed = g_regex_replace_eval (regex, text, -1, 0, 0, replace_one, &r, NULL);
        if (changed != NULL && r.n > before)
          picture_texts[k].set (image, changed);
      }
  return r.n;
}

void
byline_article_restore_texts (BylineArticle *self,
                              BylineArticle *before,
                              BylineArticle *after)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (before));
  g_return_if_fail (BYLINE_IS_ARTICLE (after));

  if (g_strcmp0 (byline_article_get_headline (self), byline_article_get_headline (after)) == 0)
    byline_article_set_headline (self, byline_article_get_headline (before));
  if (g_strcmp0 (byline_article_get_lead (self), byline_article_get_lead (after)) == 0)
    byline_article_set_lead (self, byline_article_get_lead (before));
  for (guint i = 0; i < byline_article_get_n_images (after); i++)
    {
      const char *id = byline_image_get_id (byline_article_get_image (after, i));
      BylineImage *now = byline_article_find_image (self, id);
      BylineImage *was = byline_article_find_image (before, id);
      BylineImage *left = byline_article_get_image (after, i);

      if (now == NULL || was == NULL)
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (picture_texts); k++)
        if (g_strcmp0 (picture_texts[k].get (now), picture_texts[k].get (left)) == 0)
          picture_texts[k].set (now, picture_texts[k].get (was));
    }
}
