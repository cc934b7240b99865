/* office-test-utils.c — what the tests of the documents' readers share
 * (test-office.c, test-office-xml.c, test-office-rtf.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "office-test-utils.h"
#include "byline-article.h"
#include "byline-image.h"
#include "byline-import.h"

BylineArticle *
office_import (const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (name);
  const char *format = NULL;
  BylineArticle *article = byline_import_read (bytes, "bai.docx", NULL, &format, error);

  if (article != NULL)
    g_assert_cmpstr (format, ==, g_str_has_suffix (name, ".odt") ? "odt"
                                 : g_str_has_suffix (name, ".doc") ? "doc"
                                 : g_str_has_suffix (name, ".rtf") ? "rtf" : "docx");
  return article;
}

void
office_assert_block (BylineBody     *body,
                     guint           index,
                     BylineBlockKind kind,
                     const char     *text)
{
  const BylineBlock *block = byline_body_get_block (body, index);

  g_assert_nonnull (block);
  g_assert_cmpint (byline_block_get_kind (block), ==, kind);
  if (text != NULL)
    g_assert_cmpstr (byline_block_get_text (block), ==, text);
}

/* Documents damaged at random places (a fixed seed, so that a failure
 * comes back): each read gives a story or an error, never a crash, and a
 * story's pictures are files that exist.  The -stored copies keep their
 * members uncompressed, so that the damage reaches the XML readers. */
guint
office_mutate (const char *name,
               guint       most)
{
  g_autoptr(GBytes) good = byline_test_data_bytes (name);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  gsize length = g_bytes_get_size (good);
  guint read = 0, refused = 0;

  for (guint round = 0; round < 300; round++)
    {
      guint8 *bytes = g_memdup2 (g_bytes_get_data (good, NULL), length);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, most);

      for (guint i = 0; i < n; i++)
        bytes[g_rand_int_range (rand, 0, (gint32) length)] = (guint8) g_rand_int_range (rand, 0, 256);
      mutated = g_bytes_new_take (bytes, length);
      article = byline_import_read (mutated, "bai", NULL, NULL, &error);
      if (article == NULL)
        {
          g_assert_nonnull (error);
          refused++;
          continue;
        }
      read++;
      for (guint i = 0; i < byline_article_get_n_images (article); i++)
        {
          GFile *file = byline_image_get_file (byline_article_get_image (article, i));

          g_assert_true (file == NULL || g_file_query_exists (file, NULL));
        }
    }
  g_test_message ("%u read, %u refused", read, refused);
  g_assert_cmpuint (read + refused, ==, 300);
  return read;
}




/* A .docx of only word/document.xml: a headline, a lead, @paragraphs and a
 * byline; its body is @paragraphs. */
BylineArticle *
office_import_paragraphs (const char *paragraphs)
{
  g_autofree char *document = g_strconcat (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    P (RUN ("Tiêu đề")) P (RUN ("(BLC) - Mở đầu.")),
    paragraphs,
    P (RUN ("Hà Anh")) "</w:body></w:document>", NULL);
  g_autoptr(GBytes) bytes = byline_test_make_zip ("word/document.xml", document, NULL);
  g_autoptr(GError) error = NULL;
  const char *format = NULL;
  BylineArticle *article = byline_import_read (bytes, "bai.docx", NULL, &format, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "docx");
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Tiêu đề");
  g_assert_cmpstr (byline_article_get_authors (article)[0], ==, "Hà Anh");
  return article;
}

guint
office_count_spans (BylineBody     *body,
                    guint           index,
                    BylineSpanKind  kind)
{
  const BylineSpan *spans;
  guint n_spans = 0, n = 0;

  spans = byline_block_get_spans (byline_body_get_block (body, index), &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == kind)
      n++;
  return n;
}

/* Block @index has one span of @kind, over @text after @before. */
void
office_assert_span (BylineBody     *body,
                    guint           index,
                    BylineSpanKind  kind,
                    const char     *before,
                    const char     *text,
                    const char     *href)
{
  const BylineSpan *spans;
  guint n_spans = 0;
  guint start = g_utf8_strlen (before, -1);

  g_assert_cmpuint (office_count_spans (body, index, kind), ==, 1);
  spans = byline_block_get_spans (byline_body_get_block (body, index), &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == kind)
      {
        g_assert_cmpuint (spans[i].start, ==, start);
        g_assert_cmpuint (spans[i].end, ==, start + g_utf8_strlen (text, -1));
        g_assert_cmpstr (spans[i].href, ==, href);
      }
}
