/* byline-body-view-missing.c — where a picture the story was to have goes
 *
 * A document's or a page's picture that could not come in is kept with the
 * story (byline-article-missing.c), and its caption stays in the text as a
 * paragraph: its place.  A picture added by hand, or put back in the text
 * from the pictures panel (byline-body-view-pictures.c), stands for one by
 * its name, by the paragraph the cursor is in, or by choice, and goes in
 * that place: the paragraph becomes its caption and credit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-document.h"
#include "byline-text.h"

/* The paragraph @iter is in, or -1. */
int
_byline_body_view_paragraph_at (BylineBodyBuffer  *buffer,
                                const GtkTextIter *iter)
{
  guint block, offset;

  return byline_body_buffer_locate (buffer, iter, &block, &offset) ? (int) block : -1;
}

/* Puts @image where the story's paragraph @block, its caption kept as text
 * when it could not come, stands: that paragraph goes, and is its caption
 * and credit ("… Ảnh: Hà Anh") unless it has some. */
void
_byline_body_view_put_in_place (BylineBodyView *self,
                                BylineImage    *image,
                                guint           block,
                                const char     *place)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  BylineBody *body = byline_article_get_body (byline_document_get_article (document));
  GtkTextIter start, end;

  if (byline_text_is_blank (byline_image_get_caption (image)))
    {
      g_autofree char *credit = NULL;
      g_autofree char *caption = byline_text_split_credit (place, &credit);

      byline_image_set_caption (image, caption != NULL ? caption : place);
      if (credit != NULL && byline_text_is_blank (byline_image_get_credit (image)))
        byline_image_set_credit (image, credit);
    }
  _byline_body_view_add_image (self, image, block);
  /* The paragraph, now below the figure, and its line's end. */
  if (block + 2 < byline_body_get_n_blocks (body))
    {
      byline_body_buffer_get_iter_at_block (buffer, &start, block + 1, 0);
      byline_body_buffer_get_iter_at_block (buffer, &end, block + 2, 0);
    }
  else
    {
      byline_body_buffer_get_iter_at_block (buffer, &start, block, 1);
      gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
    }
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (buffer), &start, &end);
}

/* The missing picture @image stands for (byline-article-missing.c), or -1,
 * and in *@block the paragraph it goes to, its caption kept as text, or -1
 * when that is not in the text.  With the insertion point in such a
 * paragraph (@within, or -1), a picture of any name is that paragraph's;
 * with @missing (the name of one, chosen for it), it is that one.
 * *@by_name: found by its file's name (and settled once added). */
int
_byline_body_view_find_missing (BylineArticle *article,
                                BylineImage   *image,
                                int            within,
                                const char    *missing_name,
                                int           *block,
                                gboolean      *by_name)
{
  BylineBody *body = byline_article_get_body (article);
  int missing = byline_article_find_missing_picture (article, byline_image_get_filename (image), NULL);

  *block = -1;
  *by_name = missing >= 0;
  if (missing_name != NULL)
    {
      int chosen = byline_article_find_missing_picture (article, missing_name, NULL);

      *by_name = chosen >= 0 && chosen == missing;
      missing = chosen;
    }
  else if (missing < 0 && within >= 0
           && byline_block_get_kind (byline_body_get_block (body, within)) == BYLINE_BLOCK_PARAGRAPH)
    {
      missing = byline_article_find_missing_picture (article, NULL,
                                                     byline_block_get_text (byline_body_get_block (body, within)));
      *block = missing >= 0 ? within : -1;
      return missing;
    }
  if (missing >= 0)
    *block = byline_article_find_missing_place (article, missing);
  return missing;
}
