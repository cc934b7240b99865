/* test-print.c — printing a story, through the same GtkPrintOperation the
 * Print action uses, exported to PDF and read back with pdftotext/pdfinfo:
 * every part of the story is on the pages, in order, in Vietnamese, and a
 * long story breaks onto more pages.  And the preview's lead, which print
 * shares the rule of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-preview.h"
#include "byline-print.h"

static char *
spawn (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* What a reader of the page sees, with the lines joined: words, not layout. */
static char *
pdf_words (const char *pdf)
{
  g_autofree char *text = spawn ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (joined, FALSE);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = spawn ((const char *[]) { "pdfinfo", pdf, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
assert_in_order (const char         *text,
                 const char * const *parts)
{
  const char *from = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = strstr (from, parts[i]);

      if (found == NULL)
        g_error ("“%s” is not on the pages after what comes before it:\n%s", parts[i], text);
      from = found + strlen (parts[i]);
    }
}

static void
test_story_on_paper (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("print-media");
  g_autoptr(GFile) out = byline_test_make_folder ("print-out");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GFile) pdf = g_file_get_child (out, "story.pdf");
  g_autofree char *path = g_file_get_path (pdf);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int pages = 0;
  const char *parts[] = {
    "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản",
    "(BLC) - Mưa lớn kéo dài từ đêm 9/8",
    "đã có 37 hộ dân phải sơ tán khẩn cấp.",
    "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.",
    "Khẩn trương khắc phục hậu quả",
    "ông Phạm Văn Quý cho biết.",
    "Kiểm đếm thiệt hại",
    "Lực lượng cứu hộ giúp dân di dời tài sản.",
    "Hiện lực lượng chức năng vẫn đang tiếp tục khắc phục.",
    "Nguyễn Thị Hương",
    NULL
  };

  g_assert_true (byline_print_to_pdf (article, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages, >=, 1);
  g_assert_cmpint (pdf_pages (path), ==, pages);
  text = pdf_words (path);
  assert_in_order (text, parts);
  /* The lead already opens with the source prefix: it is not printed twice. */
  g_assert_null (strstr (text, "(BLC) - (BLC)"));
}

/* "Print to File" offers a file named after the story, in the folder of
 * the last one (the first time, in Documents), and never the last story's
 * own file. */
static void
test_settings_for_story (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GtkPrintSettings) last = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) first = NULL;
  g_autoptr(GtkPrintSettings) next = NULL;

  first = byline_print_settings_for (NULL, article);
  g_assert_cmpstr (gtk_print_settings_get (first, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "nam-nhun-mua-lu-gay-sat-lo-chia-cat-nhieu-ban");
  g_assert_null (gtk_print_settings_get (first, GTK_PRINT_SETTINGS_OUTPUT_URI));
  /* The first time, in Documents (or the home folder): GTK's default is
   * the folder Byline was started from. */
  g_assert_cmpstr (gtk_print_settings_get (first, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==,
                   g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL
                   ? g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) : g_get_home_dir ());

  /* As GTK keeps them after a print to a file, with the printer and paper,
   * and the story they printed. */
  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///home/pv/B%C3%A1o/lu-quet.pdf");
  gtk_print_settings_set (last, "byline-story", "an-earlier-story");
  gtk_print_settings_set_printer (last, "Print to File");
  gtk_print_settings_set_n_copies (last, 2);
  next = byline_print_settings_for (last, article);
  g_assert_null (gtk_print_settings_get (next, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_cmpstr (gtk_print_settings_get (next, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==, "/home/pv/Báo");
  g_assert_cmpstr (gtk_print_settings_get (next, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "nam-nhun-mua-lu-gay-sat-lo-chia-cat-nhieu-ban");
  g_assert_cmpstr (gtk_print_settings_get_printer (next), ==, "Print to File");
  g_assert_cmpint (gtk_print_settings_get_n_copies (next), ==, 2);
  /* The last settings themselves are left as they were. */
  g_assert_nonnull (gtk_print_settings_get (last, GTK_PRINT_SETTINGS_OUTPUT_URI));

  /* The same story again: the file chosen for it. */
  gtk_print_settings_set (last, "byline-story", byline_article_get_id (article));
  g_clear_object (&next);
  next = byline_print_settings_for (last, article);
  g_assert_cmpstr (gtk_print_settings_get (next, GTK_PRINT_SETTINGS_OUTPUT_URI), ==,
                   "file:///home/pv/B%C3%A1o/lu-quet.pdf");
}

/* The preview shows the lead as it is published: the prefix once, whether
 * the reporter typed it or not. */
static void
test_preview_lead (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("preview-media");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  GtkWidget *preview = g_object_ref_sink (byline_article_preview_new ());
  g_autofree char *typed = NULL;
  g_autofree char *added = NULL;

  byline_article_preview_set_article (BYLINE_ARTICLE_PREVIEW (preview), article);
  typed = byline_article_preview_dup_text (BYLINE_ARTICLE_PREVIEW (preview));
  g_assert_nonnull (strstr (typed, "(BLC) - Mưa lớn kéo dài"));
  g_assert_null (strstr (typed, "(BLC) - (BLC)"));

  byline_article_set_lead (article, "Mưa lớn kéo dài từ đêm 9/8.");
  byline_article_preview_set_article (BYLINE_ARTICLE_PREVIEW (preview), article);
  added = byline_article_preview_dup_text (BYLINE_ARTICLE_PREVIEW (preview));
  g_assert_nonnull (strstr (added, "(BLC) - Mưa lớn kéo dài từ đêm 9/8."));
  g_object_unref (preview);
}

/* Sixty paragraphs: several pages, as many as the operation said, and the
 * last paragraph and the byline on the last of them. */
static void
test_long_story_pages (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("print-media-long");
  g_autoptr(GFile) out = byline_test_make_folder ("print-out-long");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GFile) pdf = g_file_get_child (out, "long.pdf");
  g_autofree char *path = g_file_get_path (pdf);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body = byline_article_get_body (article);
  int pages = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *paragraph = g_strdup_printf ("Đoạn %u: lực lượng cứu hộ tiếp tục bám địa bàn, "
                                                    "hỗ trợ người dân khắc phục hậu quả mưa lũ.", i + 1);
      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, paragraph);
    }
  g_assert_true (byline_print_to_pdf (article, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages, >=, 3);
  g_assert_cmpint (pdf_pages (path), ==, pages);
  text = pdf_words (path);
  assert_in_order (text, (const char *[]) { "Đoạn 1:", "Đoạn 30:", "Đoạn 60:", "Nguyễn Thị Hương", NULL });
}

/* The pictures on paper, as pdfimages lists them: each one's pixels and the
 * resolution it is printed at. */
typedef struct
{
  int page;
  int width;
  int x_ppi;
} PdfImage;

static GArray *
pdf_images (const char *pdf)
{
  g_autofree char *list = spawn ((const char *[]) { "pdfimages", "-list", pdf, NULL });
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  GArray *images = g_array_new (FALSE, FALSE, sizeof (PdfImage));

  /* A heading, a line of dashes, then one line a picture:
   * page num type width height color comp bpc enc interp object ID x-ppi … */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();
      PdfImage image;

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len < 14 || g_strcmp0 (g_ptr_array_index (words, 2), "image") != 0)
        continue;
      image.page = atoi (g_ptr_array_index (words, 0));
      image.width = atoi (g_ptr_array_index (words, 3));
      image.x_ppi = atoi (g_ptr_array_index (words, 12));
      g_array_append_val (images, image);
    }
  return images;
}

static BylineImage *
add_picture (BylineArticle *article,
             GFile         *folder,
             const char    *name,
             guint          width,
             guint          height)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(BylineImage) image = byline_image_new (name, "image/png");

  byline_test_write_png (file, width, height, 0x8a5a2b);
  byline_image_set_size (image, width, height);
  byline_image_set_file (image, file);
  byline_image_set_caption (image, name);
  byline_article_add_image (article, image);
  byline_body_insert_image (byline_article_get_body (article), G_MAXUINT, byline_image_get_id (image));
  return image;
}

/* A logo prints at its own size (96 pixels an inch, as a screen shows it),
 * not blown up to the column's width; a photo still fills the column. */
static void
test_pictures_at_their_size (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("print-sizes-media");
  g_autoptr(GFile) out = byline_test_make_folder ("print-sizes-out");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GFile) pdf = g_file_get_child (out, "sizes.pdf");
  g_autofree char *path = g_file_get_path (pdf);
  g_autoptr(GArray) images = NULL;
  g_autoptr(GError) error = NULL;
  PdfImage *logo, *photo;
  double logo_points, photo_points;

  byline_article_set_headline (article, "Ảnh trên giấy");
  add_picture (article, media, "logo.png", 200, 100);
  add_picture (article, media, "photo.png", 1200, 900);
  g_assert_true (byline_print_to_pdf (article, path, NULL, &error));
  g_assert_no_error (error);

  images = pdf_images (path);
  g_assert_cmpuint (images->len, ==, 2);
  logo = &g_array_index (images, PdfImage, 0);
  photo = &g_array_index (images, PdfImage, 1);
  g_assert_cmpint (logo->width, ==, 200);
  g_assert_cmpint (logo->x_ppi, >=, 95);
  g_assert_cmpint (logo->x_ppi, <=, 97);
  /* The photo: as wide as the column, far wider than the logo. */
  logo_points = logo->width * 72.0 / logo->x_ppi;
  photo_points = photo->width * 72.0 / photo->x_ppi;
  g_assert_cmpfloat (logo_points, >=, 148);
  g_assert_cmpfloat (logo_points, <=, 152);
  g_assert_cmpfloat (photo_points, >, 2.5 * logo_points);
}

/* The lines of page @page (from 1) as pdftotext lays them out. */
static GStrv
pdf_page_lines (const char *pdf,
                int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *text = spawn ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8",
                                                    "-f", number, "-l", number, pdf, "-", NULL });
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) all = g_strsplit (text, "\n", -1);

  for (guint i = 0; all[i] != NULL; i++)
    if (*g_strstrip (all[i]) != '\0' && strcmp (all[i], "\f") != 0)
      g_strv_builder_add (lines, all[i]);
  return g_strv_builder_end (lines);
}

/* Whether @line holds the word @word (words are separated by spaces). */
static gboolean
line_has_word (const char *line,
               const char *word)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  return g_strv_contains ((const char * const *) words, word);
}

/* How many of @lines hold a word of paragraph @paragraph ("p7w…"). */
static guint
count_paragraph_lines (GStrv lines,
                       guint paragraph)
{
  g_autofree char *prefix = g_strdup_printf ("p%uw", paragraph);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (g_str_has_prefix (words[j], prefix))
          {
            count++;
            break;
          }
    }
  return count;
}

static void
check_pages_break_well (guint32 seed)
{
  g_autoptr(GFile) media = byline_test_make_folder ("print-breaks-media");
  g_autoptr(GFile) out = byline_test_make_folder ("print-breaks-out");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GFile) pdf = g_file_get_child (out, "breaks.pdf");
  g_autofree char *path = g_file_get_path (pdf);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) images = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) picture_blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  BylineBody *body = byline_article_get_body (article);
  guint n_blocks = 160, split = 0, headings = 0;
  g_autofree guint *lines_on = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* When it was printed, to the day (the minute may turn meanwhile). */
  g_autofree char *printed = g_date_time_format (now, "Printed %B %-d, %Y, ");
  int n_pages = 0;

  byline_article_set_headline (article, "Bản in thử: lũ quét ở Bát Xát");
  for (guint j = 0; j < n_blocks; j++)
    {
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind == 0 && j > 0)
        {
          g_autofree char *name = g_strdup_printf ("c%u.png", j);
          BylineImage *image = add_picture (article, media, name, 400 + 40 * g_rand_int_range (rand, 0, 20),
                                            300 + 30 * g_rand_int_range (rand, 0, 20));

          byline_image_set_caption (image, name);
          g_array_append_val (picture_blocks, j);
        }
      else if (kind == 1)
        {
          g_autofree char *heading = g_strdup_printf ("Mục h%u", j);

          byline_body_append_block (body, BYLINE_BLOCK_HEADING1, heading);
        }
      else
        {
          g_autoptr(GString) paragraph = g_string_new (NULL);
          guint n_words = g_rand_int_range (rand, 4, 90);

          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (paragraph, "%sp%uw%u", w ? " " : "", j, w);
          byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, paragraph->str);
        }
    }
  g_assert_true (byline_print_to_pdf (article, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >=, 8);
  g_assert_cmpint (pdf_pages (path), ==, n_pages);
  for (int page = 1; page <= n_pages; page++)
    g_ptr_array_add (pages, pdf_page_lines (path, page));

  /* How many lines of each paragraph each page holds. */
  lines_on = g_new0 (guint, n_pages * n_blocks);
  for (int page = 1; page <= n_pages; page++)
    for (guint j = 0; j < n_blocks; j++)
      lines_on[(page - 1) * n_blocks + j] = count_paragraph_lines (g_ptr_array_index (pages, page - 1), j);

  for (int page = 1; page <= n_pages; page++)
    {
      GStrv lines = g_ptr_array_index (pages, page - 1);
      guint n_lines = g_strv_length (lines);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", page, n_pages);
      const char *foot;

      /* The foot is the page's last line: the headline, then the number. */
      g_assert_cmpuint (n_lines, >=, 2);
      foot = lines[n_lines - 1];
      g_assert_true (g_str_has_prefix (foot, "Bản in thử: lũ quét ở Bát Xát"));
      g_assert_true (g_str_has_suffix (foot, number));
      g_assert_nonnull (strstr (foot, printed));

      for (guint j = 0; j < n_blocks; j++)
        {
          guint here = lines_on[(page - 1) * n_blocks + j];
          guint next = page < n_pages ? lines_on[page * n_blocks + j] : 0;
          g_autofree char *heading = g_strdup_printf ("h%u", j);

          /* A paragraph on two pages has at least two lines on each. */
          if (here > 0 && next > 0)
            {
              split++;
              if (here < 2 || next < 2)
                g_error ("paragraph %u breaks %u lines on page %d, %u on page %d",
                         j, here, page, next, page + 1);
            }
          /* A heading is not the page's last line, and what follows it
           * starts on its page: two lines of a paragraph, or all of it. */
          for (guint i = 0; i < n_lines; i++)
            if (line_has_word (lines[i], heading))
              {
                guint total = 0;

                if (i + 2 >= n_lines)
                  g_error ("heading %u is the last line of page %d", j, page);
                for (int k = 0; k < n_pages; k++)
                  total += lines_on[k * n_blocks + j + 1];
                if (lines_on[(page - 1) * n_blocks + j + 1] < MIN (total, 2))
                  g_error ("heading %u is on page %d, apart from the paragraph under it", j, page);
                headings++;
              }
        }
    }
  /* The story does break in paragraphs and has headings, so the rules
   * above were tried. */
  g_assert_cmpuint (split, >=, 3);
  g_assert_cmpuint (headings, >=, 3);

  /* Each picture's caption is on the page pdfimages puts the picture on. */
  images = pdf_images (path);
  g_assert_cmpuint (images->len, ==, picture_blocks->len);
  for (guint i = 0; i < images->len; i++)
    {
      guint j = g_array_index (picture_blocks, guint, i);
      int page = g_array_index (images, PdfImage, i).page;
      GStrv lines = g_ptr_array_index (pages, page - 1);
      g_autofree char *caption = g_strdup_printf ("c%u.png", j);
      gboolean found = FALSE;

      for (guint k = 0; lines[k] != NULL; k++)
        found |= line_has_word (lines[k], caption);
      if (!found)
        g_error ("the caption of picture %s is not on its page, %d", caption, page);
    }
}

/* A proof of many pages breaks as a typesetter would: no paragraph leaves
 * one line alone at a page's foot or head, a heading is never the last
 * line of a page and goes with the start of what follows it, a picture's
 * caption is on the picture's page, and every page says under its text
 * the story's headline, when it was printed and "Page N of M".  The story is made of blocks of
 * many lengths so that the pages break at every kind of place. */
static void
test_pages_break_well (void)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    check_pages_break_well (seed);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/print/story-on-paper", test_story_on_paper);
  g_test_add_func ("/ui/print/long-story-pages", test_long_story_pages);
  g_test_add_func ("/ui/print/pictures-at-their-size", test_pictures_at_their_size);
  g_test_add_func ("/ui/print/pages-break-well", test_pages_break_well);
  g_test_add_func ("/ui/print/preview-lead", test_preview_lead);
  g_test_add_func ("/ui/print/settings-for-story", test_settings_for_story);
  return g_test_run ();
}
