/* test-draft-media.c — pictures in drafts: copied in by content, checked,
 * imported from files with their type and size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

#include "byline-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* @call returns TRUE and leaves the local GError *error unset; shows the
 * error's message when it does not. */
#define assert_success(call) G_STMT_START {   \
    gboolean success_ = (call);               \
    g_assert_no_error (error);                \
    g_assert_true (success_);                 \
  } G_STMT_END

static char *
draft_path (BylineDraftStore *store,
            const char       *id,
            const char       *name)
{
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (store, id);

  g_assert_nonnull (folder);
  return g_build_filename (g_file_peek_path (folder), name, NULL);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
sha256_of_file (GFile *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* ------------------------------------------------------------------ media */

static void
test_media_by_content (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(GFile) first = g_file_get_child (photos, "mot.png");
  g_autoptr(GFile) second = g_file_get_child (photos, "hai.png");
  g_autoptr(GFile) other = g_file_get_child (photos, "ba.png");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *media = NULL;
  GFile *files[] = { first, second, other };

  byline_test_write_png (first, 4, 4, 0x112233);
  byline_test_write_png (second, 4, 4, 0x112233);   /* the same bytes */
  byline_test_write_png (other, 5, 4, 0x445566);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BylineImage) image = byline_draft_store_import_image (store, article, files[i], &error);

      g_assert_no_error (error);
      byline_article_add_image (article, image);
    }
  g_assert_cmpstr (byline_image_get_sha256 (byline_article_get_image (article, 0)), ==,
                   byline_image_get_sha256 (byline_article_get_image (article, 1)));

  assert_success (byline_draft_store_save (store, article, &error));
  media = draft_path (store, byline_article_get_id (article), "media");
  g_assert_cmpuint (count_files (media), ==, 2);

  /* Another draft with the same pictures keeps its own copies. */
  copy = byline_article_new ();
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autoptr(BylineImage) image_copy = byline_image_new (byline_image_get_sha256 (image),
                                                            byline_image_get_media_type (image));

      byline_image_set_file (image_copy, files[i]);
      byline_article_add_image (copy, image_copy);
    }
  assert_success (byline_draft_store_save (store, copy, &error));
  {
    g_autofree char *copy_media = draft_path (store, byline_article_get_id (copy), "media");
    g_assert_cmpuint (count_files (copy_media), ==, 2);
  }
}

static void
test_media_changed_source (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(BylineArticle) article = byline_test_make_article (photos);
  g_autoptr(GFile) original = g_file_get_child (photos, "sat-lo-quoc-lo.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  /* The photo was edited after it was added: its bytes are not the ones named. */
  byline_test_write_png (original, 12, 8, 0xffffff);
  g_assert_false (byline_draft_store_save (store, article, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sat-lo-quoc-lo.png"));
  g_assert_nonnull (strstr (error->message, "changed"));

  g_assert_cmpuint (byline_article_get_revision (article), ==, 0);
  g_assert_false (byline_draft_store_contains (store, byline_article_get_id (article)));
  folder = draft_path (store, byline_article_get_id (article), "history");
  g_assert_cmpuint (count_files (folder), ==, 0);
}

/* The pictures copied ahead of the save (in a thread, for a document read
 * there): the save finds them in place; a changed one fails as the save
 * would, and no draft is made. */
static void
test_media_copied_ahead (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("photos-ahead");
  g_autoptr(BylineArticle) article = byline_test_make_article (photos);
  g_autoptr(BylineArticle) changed = NULL;
  g_autoptr(GFile) original = g_file_get_child (photos, "sat-lo-quoc-lo.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *media = draft_path (store, byline_article_get_id (article), "media");
  guint n = byline_article_get_n_images (article);

  g_assert_cmpuint (n, >, 0);
  assert_success (byline_draft_store_copy_media (store, article, &error));
  g_assert_cmpuint (count_files (media), ==, n);
  /* Not a draft yet: only its pictures are there. */
  g_assert_false (byline_draft_store_contains (store, byline_article_get_id (article)));

  /* The originals gone, the save does not need them. */
  for (guint i = 0; i < n; i++)
    g_assert_true (g_file_delete (byline_image_get_file (byline_article_get_image (article, i)), NULL, NULL));
  assert_success (byline_draft_store_save (store, article, &error));
  g_assert_cmpuint (count_files (media), ==, n);

  /* Edited since it was added: refused, as by the save. */
  changed = byline_test_make_article (photos);
  byline_test_write_png (original, 12, 8, 0xffffff);
  g_assert_false (byline_draft_store_copy_media (store, changed, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_assert_false (byline_draft_store_contains (store, byline_article_get_id (changed)));
}

static void
test_import_image (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("photos");
  g_autoptr(GFile) png = g_file_get_child (photos, "Ảnh sạt lở.png");
  g_autoptr(GFile) gif = g_file_get_child (photos, "banner.gif");
  g_autoptr(GFile) text = g_file_get_child (photos, "bai-viet.jpg");
  g_autoptr(GFile) missing = g_file_get_child (photos, "khong-co.png");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylineImage) image = NULL;
  g_autoptr(BylineImage) image_gif = NULL;
  g_autoptr(BylineImage) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *media = NULL;
  g_autofree char *expected = NULL;
  static const char gif_bytes[] = "GIF89a\x03\x00\x02\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
                                  "!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x03\x00\x02\x00"
                                  "\x00\x02\x02\x84\x51\x00;";

  byline_test_write_png (png, 20, 10, 0x8a5a2b);
  sha = sha256_of_file (png);

  image = byline_draft_store_import_image (store, article, png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_image_get_sha256 (image), ==, sha);
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/png");
  g_assert_cmpuint (byline_image_get_width (image), ==, 20);
  g_assert_cmpuint (byline_image_get_height (image), ==, 10);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "Ảnh sạt lở.png");
  media = draft_path (store, byline_article_get_id (article), "media");
  expected = g_strdup_printf ("%s/%s.png", media, sha);
  g_assert_cmpstr (g_file_peek_path (byline_image_get_file (image)), ==, expected);
  {
    g_autofree char *copied = sha256_of_file (byline_image_get_file (image));
    g_assert_cmpstr (copied, ==, sha);
  }

  g_file_replace_contents (gif, gif_bytes, sizeof gif_bytes - 1, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  image_gif = byline_draft_store_import_image (store, article, gif, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_image_get_media_type (image_gif), ==, "image/gif");
  g_assert_cmpuint (byline_image_get_width (image_gif), ==, 3);
  g_assert_cmpuint (byline_image_get_height (image_gif), ==, 2);
  g_assert_true (g_str_has_suffix (g_file_peek_path (byline_image_get_file (image_gif)), ".gif"));
  g_assert_cmpuint (count_files (media), ==, 2);

  /* A text file named like a photo is refused, and leaves nothing behind. */
  g_file_replace_contents (text, "Nậm Nhùn: mưa lũ", strlen ("Nậm Nhùn: mưa lũ"), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  refused = byline_draft_store_import_image (store, article, text, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_nonnull (strstr (error->message, "bai-viet.jpg"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (media), ==, 2);

  refused = byline_draft_store_import_image (store, article, missing, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refused = byline_draft_store_import_image (store, article, photos, &error);
  g_assert_null (refused);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (media), ==, 2);

  /* Imported pictures save and load like any other. */
  byline_image_set_caption (image, "Sạt lở trên Quốc lộ 4H.");
  byline_article_add_image (article, image);
  byline_article_add_image (article, image_gif);
  assert_success (byline_draft_store_save (store, article, &error));
  loaded = byline_draft_store_load (store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  byline_test_assert_articles_equal (article, loaded);
}

/* A picture in a format Byline does not take says which and what to do;
 * nothing is left behind.  (HEIC and AVIF: test_import_heif().) */
static void
test_import_other_formats (void)
{
  static const struct {
    const char *name;
    const char *bytes;
    gsize       length;
    const char *said;
  } cases[] = {
    { "scan.tif", "II*\0\x08\0\0\0", 8, "is a picture in TIFF" },
    { "scan.tiff", "MM\0*\0\0\0\x08", 8, "is a picture in TIFF" },
    { "paint.bmp", "BM\x36\x10\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18, "is a picture in BMP" },
    { "layout.psd", "8BPS\0\1\0\0\0\0\0\0", 12, "is a picture in Photoshop (PSD)" },
    { "note.jpg", "ftyp heic: just text", 20, "is not a JPEG, PNG, GIF or WebP picture" },
  };
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("other-formats");
  g_autoptr(BylineArticle) article = byline_article_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (photos, cases[i].name);
      g_autoptr(BylineImage) refused = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_true (g_file_replace_contents (file, cases[i].bytes, cases[i].length, NULL, FALSE,
                                              G_FILE_CREATE_NONE, NULL, NULL, NULL));
      refused = byline_draft_store_import_image (store, article, file, &error);
      g_assert_null (refused);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      if (strstr (error->message, cases[i].said) == NULL)
        g_error ("%s: “%s”", cases[i].name, error->message);
    }
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
}

/* The colour of pixel (@x, @y) of the JPEG @file, as 0xRRGGBB. */
static guint32
jpeg_pixel (GFile *file,
            guint  x,
            guint  y)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  struct jpeg_decompress_struct in;
  struct jpeg_error_mgr errors;
  g_autofree guint8 *row = NULL;
  guint32 rgb = 0;

  g_assert_true (g_file_load_contents (file, NULL, &data, &length, NULL, NULL));
  in.err = jpeg_std_error (&errors);
  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, (const unsigned char *) data, length);
  g_assert_cmpint (jpeg_read_header (&in, TRUE), ==, JPEG_HEADER_OK);
  in.out_color_space = JCS_RGB;
  jpeg_start_decompress (&in);
  row = g_malloc ((gsize) in.output_width * 3);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW rows[] = { row };

      jpeg_read_scanlines (&in, rows, 1);
      if (in.output_scanline - 1 == y)
        rgb = (guint32) row[x * 3] << 16 | (guint32) row[x * 3 + 1] << 8 | row[x * 3 + 2];
    }
  jpeg_finish_decompress (&in);
  jpeg_destroy_decompress (&in);
  return rgb;
}

/* Whether @rgb is near @want, as a lossy codec gives it back. */
static gboolean
near_colour (guint32 rgb,
             guint32 want)
{
  for (guint shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((rgb >> shift) & 0xff) - (int) ((want >> shift) & 0xff)) > 40)
      return FALSE;
  return TRUE;
}

/* An iPhone's HEIC photo and a page's AVIF picture come in as JPEGs named
 * so, turned as they are shown (a portrait photo stored on its side); a
 * damaged one says so, and nothing is left behind.  They were refused. */
static void
test_import_heif (void)
{
  static const struct {
    const char *fixture;
    const char *name;
    const char *filename;
    guint       width, height;
    guint       second_x, second_y;  /* a pixel of the blue half */
  } cases[] = {
    { "heif/flat.heic", "IMG_0412.HEIC", "IMG_0412.jpg", 60, 40, 50, 20 },
    { "heif/portrait.heic", "IMG_0413.HEIC", "IMG_0413.jpg", 40, 60, 20, 50 },
    { "heif/flat.avif", "lu-quet.avif", "lu-quet.jpg", 60, 40, 50, 20 },
  };
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autoptr(GFile) photos = byline_test_make_folder ("heif");
  g_autoptr(BylineArticle) article = byline_article_new ();

#ifndef HAVE_LIBHEIF
  g_test_fail_printf ("built without libheif: iPhone photos are refused");
  return;
#endif
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = byline_test_data_bytes (cases[i].fixture);
      g_autoptr(GFile) file = g_file_get_child (photos, cases[i].name);
      g_autoptr(BylineImage) image = NULL;
      g_autoptr(GError) error = NULL;
      guint32 first, second;

      g_test_message ("%s", cases[i].fixture);
      g_assert_true (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                              FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
      image = byline_draft_store_import_image (store, article, file, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
      g_assert_cmpstr (byline_image_get_filename (image), ==, cases[i].filename);
      g_assert_cmpuint (byline_image_get_width (image), ==, cases[i].width);
      g_assert_cmpuint (byline_image_get_height (image), ==, cases[i].height);
      g_assert_true (g_str_has_suffix (g_file_peek_path (byline_image_get_file (image)), ".jpg"));
      /* Red on its left half (on top, turned), blue on the other. */
      first = jpeg_pixel (byline_image_get_file (image), 5, 5);
      second = jpeg_pixel (byline_image_get_file (image), cases[i].second_x, cases[i].second_y);
      if (!near_colour (first, 0xcc3333) || !near_colour (second, 0x3355cc))
        g_error ("%s: #%06x and #%06x", cases[i].fixture, first, second);
    }

  /* A damaged one: its head, and nothing after. */
  {
    g_autoptr(GFile) file = g_file_get_child (photos, "IMG_0414.HEIC");
    g_autoptr(BylineImage) refused = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_replace_contents (file, "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, NULL, FALSE,
                                            G_FILE_CREATE_NONE, NULL, NULL, NULL));
    refused = byline_draft_store_import_image (store, article, file, &error);
    g_assert_null (refused);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "“IMG_0414.HEIC” could not be read as a HEIF picture"));
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/draft-media/by-content", test_media_by_content);
  g_test_add_func ("/draft-media/changed-source", test_media_changed_source);
  g_test_add_func ("/draft-media/copied-ahead", test_media_copied_ahead);
  g_test_add_func ("/draft-media/import", test_import_image);
  g_test_add_func ("/draft-media/import-other-formats", test_import_other_formats);
  g_test_add_func ("/draft-media/import-heif", test_import_heif);

  return g_test_run ();
}
