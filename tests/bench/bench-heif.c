/* bench-heif.c — adding an iPhone photo (HEIC, made a JPEG) against adding
 * a JPEG of the same 12 megapixels
 *
 * A camera-like 4032 × 3024 JPEG (bench_write_photo_jpeg()) and the same
 * picture encoded as HEIC by libheif are added to a draft, alternately,
 * RUNS times each (byline_draft_store_import_image(): copied and hashed;
 * the HEIC decoded and encoded as a JPEG too).  Reported: median times and
 * their ratio.  No goal: it says what the conversion costs, in the thread
 * that adds pictures, never the window's.
 *
 *   build-aux/dev exec _build/tests/bench/bench-heif [RUNS]
 *
 * Encoding the HEIC needs libheif's x265 plugin (libheif-plugin-x265), which
 * Byline itself does not: it only decodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "byline-draft-store.h"
#include "byline-files.h"

#ifdef HAVE_LIBHEIF
#include <jpeglib.h>
#include <libheif/heif.h>

/* @jpeg's pixels as a HEIC @heic, or FALSE when no HEVC encoder is here. */
static gboolean
write_heic (GFile *jpeg,
            GFile *heic)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  struct jpeg_decompress_struct in;
  struct jpeg_error_mgr errors;
  struct heif_context *context;
  struct heif_encoder *encoder = NULL;
  struct heif_image *image = NULL;
  uint8_t *plane;
  int stride = 0;
  gboolean ok;

  if (!g_file_load_contents (jpeg, NULL, &data, &length, NULL, NULL))
    return FALSE;
  in.err = jpeg_std_error (&errors);
  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, (const unsigned char *) data, length);
  jpeg_read_header (&in, TRUE);
  in.out_color_space = JCS_RGB;
  jpeg_start_decompress (&in);
  heif_image_create (in.output_width, in.output_height, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
  heif_image_add_plane (image, heif_channel_interleaved, in.output_width, in.output_height, 8);
  plane = heif_image_get_plane (image, heif_channel_interleaved, &stride);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW row = plane + (gsize) in.output_scanline * stride;

      jpeg_read_scanlines (&in, &row, 1);
    }
  jpeg_finish_decompress (&in);
  jpeg_destroy_decompress (&in);

  context = heif_context_alloc ();
  ok = heif_context_get_encoder_for_format (context, heif_compression_HEVC, &encoder).code == heif_error_Ok;
  if (ok)
    {
      heif_encoder_set_lossy_quality (encoder, 60);
      ok = heif_context_encode_image (context, image, encoder, NULL, NULL).code == heif_error_Ok
           && heif_context_write_to_file (context, g_file_peek_path (heic)).code == heif_error_Ok;
      heif_encoder_release (encoder);
    }
  heif_image_release (image);
  heif_context_free (context);
  return ok;
}

static double
file_mb (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) / 1e6 : 0;
}

/* Seconds to add @file to a new draft of @store. */
static double
time_import (BylineDraftStore *store,
             GFile            *file,
             const char       *want)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineImage) image = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  image = byline_draft_store_import_image (store, article, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_image_get_media_type (image), ==, want);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 7;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) jpeg = NULL;
  g_autoptr(GFile) heic = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autofree double *jpeg_times = NULL;
  g_autofree double *heic_times = NULL;
  g_autofree char *root = NULL;
  g_autoptr(GFile) drafts = NULL;
  double jpeg_median, heic_median;

  setlocale (LC_ALL, "");
  root = g_dir_make_tmp ("bench-heif-XXXXXX", NULL);
  folder = g_file_new_for_path (root);
  jpeg = g_file_get_child (folder, "DSC_0412.jpg");
  heic = g_file_get_child (folder, "IMG_0412.HEIC");
  bench_write_photo_jpeg (jpeg, 4032, 3024, 412);
  if (!write_heic (jpeg, heic))
    {
      g_printerr ("bench-heif: no HEVC encoder: install libheif-plugin-x265\n");
      return 77;
    }
  drafts = g_file_get_child (folder, "drafts");
  store = byline_draft_store_new (drafts);
  runs = MAX (runs, 1);
  jpeg_times = g_new (double, runs);
  heic_times = g_new (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      jpeg_times[i] = time_import (store, jpeg, "image/jpeg");
      heic_times[i] = time_import (store, heic, "image/jpeg");
    }
  jpeg_median = bench_median (jpeg_times, runs);
  heic_median = bench_median (heic_times, runs);
  printf ("Adding a 4032 × 3024 picture, median of %u:\n", runs);
  printf ("  JPEG (%.1f MB): %.0f ms\n", file_mb (jpeg), jpeg_median * 1000);
  printf ("  HEIC (%.1f MB), made a JPEG: %.0f ms = %.1f× the JPEG\n", file_mb (heic), heic_median * 1000,
          heic_median / jpeg_median);
  g_clear_object (&store);
  byline_file_remove_tree (folder, NULL);
  return 0;
}

#else

int
main (void)
{
  g_printerr ("bench-heif: built without libheif\n");
  return 77;
}

#endif
