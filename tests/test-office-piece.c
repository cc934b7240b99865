/* test-office-piece.c — a piece of a document as a word processor copies
 * it to the clipboard, pasted into a story: byline_import_read_piece().
 *
 * The pieces in tests/data/clipboard/ are what LibreOffice 7.4 put on the
 * clipboard for Ctrl+A, Ctrl+C in documents of tests/data/docx/ (see its
 * README): its OpenDocument package and its Rich Text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "office-test-utils.h"
#include "byline-article.h"
#include "byline-checks.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"

static BylineArticle *
read_piece (const char   *name,
            const char   *source,
            char       ***left_out,
            GError      **error)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes (name);

  return byline_import_read_piece (bytes, source, left_out, error);
}

/* A whole story copied: all of it is text of the body, in order, headline,
 * lead, source prefix and the name at its end too (the story being written
 * has its own); its pictures where they were, with their captions, credits
 * and alt text, their files named after the document; none featured (the
 * story has its own, or gets its first). */
static void
test_whole_story (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(BylineArticle) piece = read_piece (data, "Hoa tam giác mạch.docx", &left_out, &error);
  BylineBody *body;
  BylineImage *image;

  g_assert_no_error (error);
  g_assert_nonnull (left_out);
  g_assert_null (left_out[0]);
  g_assert_cmpstr (byline_article_get_headline (piece), ==, "");
  g_assert_cmpstr (byline_article_get_lead (piece), ==, "");
  g_assert_true (byline_article_get_authors (piece) == NULL || byline_article_get_authors (piece)[0] == NULL);

  body = byline_article_get_body (piece);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 7);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH,
                       "(BLC) - Những ngày này, các thung lũng ở Bắc Hà phủ sắc hồng của hoa tam giác mạch.");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH,
                       "Du khách đổ về xã Lùng Phình để chụp ảnh bên những cánh đồng hoa.");
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Mùa hoa kéo dài đến hết tháng 11.");
  office_assert_block (body, 5, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 6, BYLINE_BLOCK_PARAGRAPH, "Bài và ảnh: Thu Hà");

  g_assert_cmpuint (byline_article_get_n_images (piece), ==, 2);
  image = byline_article_get_image (piece, 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 3)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_filename (image), ==, "hoa-tam-giac-mach-1.jpg");
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  g_assert_cmpuint (byline_image_get_width (image), ==, 48);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Cánh đồng hoa ở Lùng Phình.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
  /* LibreOffice's Rich Text has no alt text. */
  if (g_str_has_suffix (data, ".odt"))
    g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Cánh đồng hoa tam giác mạch");
  g_assert_false (byline_image_get_featured (image));
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));

  image = byline_article_get_image (piece, 1);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 5)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/png");
  g_assert_false (byline_image_get_featured (image));
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
}

/* A few words from inside a paragraph: one paragraph, for the window to
 * put into the line where the cursor is. */
static void
test_words (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) piece = read_piece (data, "Pasted Text", NULL, &error);
  BylineBody *body;

  g_assert_no_error (error);
  body = byline_article_get_body (piece);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "tam giác mạch");
  g_assert_cmpuint (byline_article_get_n_images (piece), ==, 0);
}

/* Two pictures one under the other, the first captioned in italics with
 * its credit at the end, as in the document. */
static void
test_captions (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) piece = read_piece (data, "cho-phien.docx", NULL, &error);
  BylineBody *body;

  g_assert_no_error (error);
  body = byline_article_get_body (piece);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 7);
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 5, BYLINE_BLOCK_PARAGRAPH, "Chợ họp vào Chủ nhật hằng tuần.");
  g_assert_cmpuint (byline_article_get_n_images (piece), ==, 2);
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (piece, 0)), ==, "cho-phien-1.png");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (piece, 0)), ==,
                   "Du khách tham quan chợ phiên.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (piece, 0)), ==, "Ảnh: Thu Hà");
}

/* A story typed in TCVN3 on a .VnTime template: LibreOffice's clipboard
 * keeps the font of the text styled by hand (the heading, in .VnTimeH),
 * converted, but not the template's paragraph font, in none of its
 * formats: that text stays in the old code, and the checks say so, with
 * the fix. */
static void
test_tcvn3 (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) piece = read_piece (data, "vntime.docx", NULL, &error);
  g_autoptr(BylineCheckOptions) options = byline_check_options_new ();
  g_autoptr(GListModel) findings = NULL;
  gboolean told = FALSE;
  BylineBody *body;

  g_assert_no_error (error);
  body = byline_article_get_body (piece);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "CHỢ PHIÊN BẮC HÀ");
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, 1)), "(BLC) - S¸ng 6/12"));

  findings = byline_check_article (piece, options);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      told |= g_str_equal (byline_finding_get_code (finding), "tcvn3-text");
    }
  g_assert_true (told);
}

/* A chart saved as an EMF drawing, a photo only linked and a missing one
 * (LibreOffice copies them as empty frames) are left out, and said to be:
 * the piece gives their names for the window to tell, and keeps them. */
static void
test_left_out (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(BylineArticle) piece = read_piece (data, "left-out.docx", &left_out, &error);
  g_autofree char *message = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (left_out), ==, 3);
  g_assert_cmpint (g_ascii_strcasecmp (left_out[0], "Picture 2"), ==, 0);
  g_assert_cmpuint (byline_article_get_n_images (piece), ==, 1);
  g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (piece, 0)), ==, "image/png");
  /* Kept with the piece, for the story it is pasted into to keep them
   * (with their places) until they are added by hand or forgotten. */
  {
    g_auto(GStrv) kept = byline_article_dup_missing_pictures (piece);
    g_autofree char *source = byline_article_dup_missing_source (piece);

    g_assert_cmpstrv (kept, left_out);
    g_assert_cmpstr (source, ==, "left-out.docx");
  }
  message = byline_import_describe_left_out ("left-out.docx", (const char * const *) left_out);
  g_assert_true (g_str_has_prefix (message, "3 pictures of left-out.docx were left out"));
}

/* What is not a piece of a document, and a piece with nothing in it. */
static void
test_not_a_piece (void)
{
  static const char *const others[] = {
    "<html><body><p>Mưa lớn</p></body></html>",
    "{\"format\": \"byline-draft\"}",
    "Mưa lớn",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("{\\rtf1\\ansi \\par }", strlen ("{\\rtf1\\ansi \\par }"));
  g_auto(GStrv) left_out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (others[i], strlen (others[i]));

      g_assert_null (byline_import_read_piece (bytes, "Pasted Text", &left_out, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
      g_assert_nonnull (strstr (error->message, "Pasted Text"));
      g_assert_null (left_out);
      g_clear_error (&error);
    }
  g_assert_null (byline_import_read_piece (empty, "Pasted Text", &left_out, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_null (left_out);
}

int
main (int    argc,
      char **argv)
{
  byline_test_init (&argc, &argv);

  g_test_add_data_func ("/office-piece/libreoffice/whole-story/odt", "clipboard/anh-noi.odt", test_whole_story);
  g_test_add_data_func ("/office-piece/libreoffice/whole-story/rtf", "clipboard/anh-noi.rtf", test_whole_story);
  g_test_add_data_func ("/office-piece/libreoffice/words/odt", "clipboard/words.odt", test_words);
  g_test_add_data_func ("/office-piece/libreoffice/words/rtf", "clipboard/words.rtf", test_words);
  g_test_add_data_func ("/office-piece/libreoffice/captions/odt", "clipboard/cho-phien.odt", test_captions);
  g_test_add_data_func ("/office-piece/libreoffice/captions/rtf", "clipboard/cho-phien.rtf", test_captions);
  g_test_add_data_func ("/office-piece/libreoffice/tcvn3/odt", "clipboard/vntime.odt", test_tcvn3);
  g_test_add_data_func ("/office-piece/libreoffice/tcvn3/rtf", "clipboard/vntime.rtf", test_tcvn3);
  g_test_add_data_func ("/office-piece/libreoffice/left-out/odt", "clipboard/left-out.odt", test_left_out);
  g_test_add_data_func ("/office-piece/libreoffice/left-out/rtf", "clipboard/left-out.rtf", test_left_out);
  g_test_add_func ("/office-piece/not-a-piece", test_not_a_piece);

  return g_test_run ();
}
