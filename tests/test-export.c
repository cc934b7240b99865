/* test-export.c — a story out to a file with its pictures (byline-export.c):
 * where the pictures go, what the file refers to, nothing left behind by a
 * failure, nothing replaced by an export into a folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"

static guint
count_children (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) info = NULL;
  guint n = 0;

  if (children == NULL)
    return 0;
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      n++;
      g_clear_object (&info);
    }
  return n;
}

static char *
load_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_formats (void)
{
  BylineExportFormat format;

  g_assert_true (byline_export_format_from_string ("HTML", &format));
  g_assert_cmpint (format, ==, BYLINE_EXPORT_HTML);
  g_assert_true (byline_export_format_from_string ("ninjs", &format));
  g_assert_cmpstr (byline_export_format_extension (format), ==, "json");
  g_assert_cmpstr (byline_export_format_to_string (BYLINE_EXPORT_TEXT), ==, "text");
  g_assert_false (byline_export_format_from_string ("pdf", &format));
  g_assert_false (byline_export_format_from_string (NULL, &format));
}

/* "<name>.html" refers to "<name>-media/<sha256>.png", and they are there. */
static void
test_pictures_beside (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-pictures");
  g_autoptr(GFile) out = byline_test_make_folder ("export-beside");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GFile) file = g_file_get_child (out, "nam-nhun.html");
  g_autoptr(GFile) pictures = g_file_get_child (out, "nam-nhun-media");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_assert_true (byline_export_write (article, NULL, BYLINE_EXPORT_HTML, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_children (out), ==, 2);
  g_assert_cmpuint (count_children (pictures), ==, 2);
  html = load_text (file);
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *name = g_strdup_printf ("%s.png", byline_image_get_sha256 (image));
      g_autofree char *href = g_strdup_printf ("\"nam-nhun-media/%s\"", name);
      g_autoptr(GFile) copy = g_file_get_child (pictures, name);

      g_assert_nonnull (strstr (html, href));
      g_assert_true (g_file_query_exists (copy, NULL));
    }

  /* Plain text has no pictures to take along. */
  {
    g_autoptr(GFile) text = g_file_get_child (out, "nam-nhun.txt");

    g_assert_true (byline_export_write (article, NULL, BYLINE_EXPORT_TEXT, text, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_children (out), ==, 3);
  }

  /* With a media base, the file refers there and nothing is copied. */
  {
    g_autoptr(GFile) other = byline_test_make_folder ("export-based");
    g_autoptr(GFile) json = g_file_get_child (other, "item.json");
    g_autofree char *text = NULL;

    g_assert_true (byline_export_write (article, NULL, BYLINE_EXPORT_NINJS, json,
                                        "https://cdn.baolaichau.vn/anh/", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_children (other), ==, 1);
    text = load_text (json);
    g_assert_nonnull (strstr (text, "https://cdn.baolaichau.vn/anh/"));
  }
}

/* A picture gone from the disk: an error naming it, no page, no pictures'
 * folder, and an earlier export of the same name as it was. */
static void
test_failure_leaves_nothing (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-missing");
  g_autoptr(GFile) out = byline_test_make_folder ("export-failed");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GFile) file = g_file_get_child (out, "story.html");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_replace_contents (file, "<p>earlier</p>", 14, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  before = load_text (file);

  /* The first picture copies, the second is not there. */
  g_assert_true (g_file_delete (byline_image_get_file (byline_article_get_image (article, 1)), NULL, &error));
  g_assert_no_error (error);

  g_assert_false (byline_export_write (article, NULL, BYLINE_EXPORT_HTML, file, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "luc-luong-cuu-ho.png"));
  g_assert_cmpuint (count_children (out), ==, 1);
  after = load_text (file);
  g_assert_cmpstr (after, ==, before);

  /* A picture with no file at all, and no store to look in. */
  g_clear_error (&error);
  byline_image_set_file (byline_article_get_image (article, 1), NULL);
  g_assert_false (byline_export_write (article, NULL, BYLINE_EXPORT_NINJS, file, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_children (out), ==, 1);
}

/* A saved draft's pictures are found in the store when the article lost
 * track of them (a draft read from its JSON alone). */
static void
test_pictures_from_store (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-store-media");
  g_autoptr(GFile) drafts = byline_test_make_folder ("export-store");
  g_autoptr(GFile) out = byline_test_make_folder ("export-from-store");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GFile) file = g_file_get_child (out, "story.json");
  g_autoptr(GFile) pictures = g_file_get_child (out, "story-media");
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    byline_image_set_file (byline_article_get_image (article, i), NULL);
  g_assert_true (byline_export_write (article, store, BYLINE_EXPORT_NINJS, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_children (pictures), ==, 2);
}

/* Exports into one folder take free names and replace nothing. */
static void
test_free_file (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-free-media");
  g_autoptr(GFile) out = byline_test_make_folder ("export-free");
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  const char *expected[] = { "story.html", "story-2.html", "story-4.html" };
  g_autoptr(GFile) taken = g_file_get_child (out, "story-3-media");
  g_autoptr(GError) error = NULL;

  /* A pictures' folder alone holds its name too. */
  g_assert_true (g_file_make_directory (taken, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GFile) file = byline_export_free_file (out, "story.html");
      g_autofree char *name = g_file_get_basename (file);

      g_assert_cmpstr (name, ==, expected[i]);
      g_assert_true (byline_export_write (article, NULL, BYLINE_EXPORT_HTML, file, NULL, &error));
      g_assert_no_error (error);
    }
  /* Three pages, their three pictures' folders, and the one made above. */
  g_assert_cmpuint (count_children (out), ==, 7);

  {
    g_autoptr(GFile) file = byline_export_free_file (out, "README");
    g_autofree char *name = g_file_get_basename (file);

    g_assert_cmpstr (name, ==, "README");
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/pictures-beside", test_pictures_beside);
  g_test_add_func ("/export/failure-leaves-nothing", test_failure_leaves_nothing);
  g_test_add_func ("/export/pictures-from-store", test_pictures_from_store);
  g_test_add_func ("/export/free-file", test_free_file);

  return g_test_run ();
}
