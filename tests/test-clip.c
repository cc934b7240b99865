/* test-clip.c — a piece of a story on the clipboard, between Byline's stories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-clip.h"
#include "byline-error.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* "Mưa lớn kéo dài." (bold "lớn"), a heading, picture A (featured), a
 * paragraph, picture B. */
static BylineArticle *
make_story (void)
{
  BylineArticle *article = byline_article_new ();
  BylineBody *body = byline_article_get_body (article);
  const char *shas[] = { SHA_A, SHA_B };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BylineImage) image = byline_image_new (shas[i], "image/jpeg");
      g_autofree char *path = g_strdup_printf ("/srv/drafts/x/media/%s.jpg", shas[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *caption = g_strdup_printf ("Ảnh %u", i + 1);

      byline_image_set_filename (image, i == 0 ? "sat-lo.jpg" : "cau-tam.jpg");
      byline_image_set_size (image, 4000, 3000);
      byline_image_set_caption (image, caption);
      byline_image_set_credit (image, "Ảnh: Lò Văn Dũng");
      byline_image_set_alt_text (image, "Đất đá tràn xuống đường");
      byline_image_set_file (image, file);
      byline_image_set_featured (image, i == 0);
      byline_article_add_image (article, image);
    }
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài.");
  byline_body_apply_span (body, 0, 4, 7, BYLINE_SPAN_BOLD, NULL, TRUE);
  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Sạt lở");
  byline_body_insert_image (body, 2, byline_image_get_id (byline_article_get_image (article, 0)));
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  byline_body_insert_image (body, 4, byline_image_get_id (byline_article_get_image (article, 1)));
  return article;
}

/* From inside the first paragraph to inside the last: the parts of those
 * two, what is between whole (a picture with its caption and file, not
 * featured: the story pasted into has its own), the bold kept where it
 * falls; picture B, after the end, is not in it. */
static void
test_cut_across (void)
{
  g_autoptr(BylineArticle) story = make_story ();
  g_autoptr(BylineArticle) piece = byline_clip_cut_piece (story, 0, 4, 3, 8);
  BylineBody *body = byline_article_get_body (piece);
  const BylineSpan *spans;
  guint n_spans;
  BylineImage *image;
  g_autofree char *text = NULL;

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "lớn kéo dài.");
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[0].end, ==, 3);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_HEADING1);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, "Nhiều hộ");

  g_assert_cmpuint (byline_article_get_n_images (piece), ==, 1);
  image = byline_article_get_image (piece, 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 2)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_sha256 (image), ==, SHA_A);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Ảnh 1");
  g_assert_false (byline_image_get_featured (image));
  g_assert_true (byline_image_get_featured (byline_article_get_image (story, 0)));
  g_assert_nonnull (byline_image_get_file (image));

  text = byline_clip_dup_text (piece);
  g_assert_cmpstr (text, ==, "lớn kéo dài.\nSạt lở\nNhiều hộ");
  /* The story itself is as it was. */
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (story)), ==, 5);
}

/* Words of a heading: a paragraph, for the line they go in; the whole
 * heading stays one; a selection ending before a picture or starting after
 * one leaves it out; nothing selected, nothing. */
static void
test_cut_within (void)
{
  g_autoptr(BylineArticle) story = make_story ();
  g_autoptr(BylineArticle) words = byline_clip_cut_piece (story, 1, 0, 1, 3);
  g_autoptr(BylineArticle) heading = byline_clip_cut_piece (story, 1, 0, 1, 6);
  g_autoptr(BylineArticle) before = byline_clip_cut_piece (story, 1, 0, 2, 0);
  g_autoptr(BylineArticle) after = byline_clip_cut_piece (story, 2, 1, 3, 4);
  g_autoptr(BylineArticle) figure = byline_clip_cut_piece (story, 2, 0, 2, 1);
  g_autoptr(BylineArticle) empty = byline_clip_cut_piece (story, 3, 2, 3, 2);
  g_autoptr(BylineArticle) beyond = byline_clip_cut_piece (story, 9, 0, 12, 0);
  g_autoptr(BylineArticle) lines = byline_clip_cut_piece (story, 0, 0, 2, 0);

  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (words)), ==, 1);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (byline_article_get_body (words), 0)), ==,
                   BYLINE_BLOCK_PARAGRAPH);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (words), 0)), ==, "Sạt");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (byline_article_get_body (heading), 0)), ==,
                   BYLINE_BLOCK_HEADING1);

  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (before)), ==, 1);
  g_assert_cmpuint (byline_article_get_n_images (before), ==, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (after)), ==, 1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (after), 0)), ==, "Nhiề");
  g_assert_cmpuint (byline_article_get_n_images (after), ==, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (figure)), ==, 1);
  g_assert_cmpuint (byline_article_get_n_images (figure), ==, 1);

  /* Whole lines selected end at the next line's start, which is not in it. */
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (lines)), ==, 2);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (byline_article_get_body (lines), 1)), ==,
                   BYLINE_BLOCK_HEADING1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (lines), 1)), ==, "Sạt lở");

  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (empty)), ==, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (beyond)), ==, 0);
}

/* On the clipboard and back: the same body, the pictures with their
 * captions, credits, alt text, names and the paths of their files. */
static void
test_round_trip (void)
{
  g_autoptr(BylineArticle) story = make_story ();
  g_autoptr(BylineArticle) piece = byline_clip_cut_piece (story, 0, 0, 4, 1);
  g_autoptr(GBytes) bytes = byline_clip_serialize (piece);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) back = byline_clip_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (byline_body_equal (byline_article_get_body (back), byline_article_get_body (piece)));
  g_assert_cmpuint (byline_article_get_n_images (back), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (back, i);
      BylineImage *original = byline_article_get_image (story, i);
      g_autofree char *path = g_file_get_path (byline_image_get_file (image));
      g_autofree char *want = g_file_get_path (byline_image_get_file (original));

      g_assert_cmpstr (byline_image_get_id (image), ==, byline_image_get_id (original));
      g_assert_cmpstr (byline_image_get_filename (image), ==, byline_image_get_filename (original));
      g_assert_cmpstr (byline_image_get_caption (image), ==, byline_image_get_caption (original));
      g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
      g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Đất đá tràn xuống đường");
      g_assert_cmpstr (path, ==, want);
    }
}

/* Not Byline's piece, or a piece whose files are not absolute paths. */
static void
test_parse_bad (void)
{
  static const char *const bad[] = {
    "", "[]", "{\"draft\": 3}", "{\"files\": {}}", "<html>", "{\"draft\": {\"format\": \"byline-draft\", \"version\": \"99.0\"}}",
  };
  g_autoptr(BylineArticle) story = make_story ();
  g_autoptr(BylineArticle) piece = byline_clip_cut_piece (story, 2, 0, 2, 1);
  g_autoptr(GBytes) bytes = byline_clip_serialize (piece);
  g_autoptr(GString) relative = NULL;
  g_autoptr(GBytes) relative_bytes = NULL;
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new_static (bad[i], strlen (bad[i]));

      g_assert_null (byline_clip_parse (b, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == BYLINE_ERROR);
      g_clear_error (&error);
    }

  /* Nothing at all, as a program that offers the type and writes nothing. */
  {
    g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);

    g_assert_null (byline_clip_parse (nothing, &error));
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
    g_clear_error (&error);
  }

  relative = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (relative, "/srv/drafts/x/media/", "media/", 0), ==, 1);
  relative_bytes = g_bytes_new (relative->str, relative->len);
  back = byline_clip_parse (relative_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_n_images (back), ==, 1);
  g_assert_null (byline_image_get_file (byline_article_get_image (back, 0)));
}

int
main (int    argc,
      char **argv)
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/clip/cut-across", test_cut_across);
  g_test_add_func ("/clip/cut-within", test_cut_within);
  g_test_add_func ("/clip/round-trip", test_round_trip);
  g_test_add_func ("/clip/parse-bad", test_parse_bad);

  return g_test_run ();
}
