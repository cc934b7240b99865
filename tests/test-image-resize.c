/* test-image-resize.c — pictures scaled down before upload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "byline-test-utils.h"
#include "byline-image-resize.h"

/* A gradient: red across, green down, blue constant; easy to check after scaling. */
static void
write_jpeg (GFile *file,
            guint  width,
            guint  height,
            guint  orientation)
{
  struct jpeg_compress_struct out;
  struct jpeg_error_mgr err;
  g_autofree guint8 *row = g_malloc ((gsize) width * 3);
  FILE *fp = fopen (g_file_peek_path (file), "wb");

  g_assert_nonnull (fp);
  out.err = jpeg_std_error (&err);
  jpeg_create_compress (&out);
  jpeg_stdio_dest (&out, fp);
  out.image_width = width;
  out.image_height = height;
  out.input_components = 3;
  out.in_color_space = JCS_RGB;
  jpeg_set_defaults (&out);
  jpeg_set_quality (&out, 92, TRUE);
  jpeg_start_compress (&out, TRUE);
  if (orientation > 1)
    {
      /* EXIF with a GPS pointer too, which must not survive the scaling. */
      const JOCTET exif[] = {
        'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
        2, 0,
        0x12, 0x01, 3, 0, 1, 0, 0, 0, (JOCTET) orientation, 0, 0, 0,
        0x25, 0x88, 4, 0, 1, 0, 0, 0, 0x26, 0, 0, 0,
        0, 0, 0, 0,
      };
      jpeg_write_marker (&out, JPEG_APP0 + 1, exif, sizeof exif);
    }
  for (guint y = 0; y < height; y++)
    {
      JSAMPROW rows[1] = { row };

      for (guint x = 0; x < width; x++)
        {
          row[x * 3] = x * 255 / (width - 1);
          row[x * 3 + 1] = y * 255 / (height - 1);
          row[x * 3 + 2] = 128;
        }
      jpeg_write_scanlines (&out, rows, 1);
    }
  jpeg_finish_compress (&out);
  jpeg_destroy_compress (&out);
  fclose (fp);
}

typedef struct
{
  guint    width, height;
  guint8  *pixels;      /* RGB */
  guint    orientation;
  gboolean has_gps;
} Decoded;

static void
decoded_clear (Decoded *d)
{
  g_free (d->pixels);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decoded, decoded_clear)

static void
decode_jpeg (GBytes  *bytes,
             Decoded *d)
{
  struct jpeg_decompress_struct in;
  struct jpeg_error_mgr err;

  in.err = jpeg_std_error (&err);
  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  jpeg_save_markers (&in, JPEG_APP0 + 1, 0xffff);
  g_assert_cmpint (jpeg_read_header (&in, TRUE), ==, JPEG_HEADER_OK);
  d->orientation = 1;
  for (jpeg_saved_marker_ptr m = in.marker_list; m != NULL; m = m->next)
    if (m->marker == JPEG_APP0 + 1 && m->data_length >= 26 && memcmp (m->data, "Exif\0\0MM", 8) == 0)
      {
        /* Our own minimal segment: one entry, the orientation. */
        g_assert_cmpuint (m->data[14] << 8 | m->data[15], ==, 1);
        g_assert_cmpuint (m->data[16] << 8 | m->data[17], ==, 0x0112);
        d->orientation = m->data[25];
      }
    else if (m->marker == JPEG_APP0 + 1 && memmem (m->data, m->data_length, "\x25\x88", 2) != NULL)
      d->has_gps = TRUE;
  in.out_color_space = JCS_RGB;
  jpeg_start_decompress (&in);
  d->width = in.output_width;
  d->height = in.output_height;
  d->pixels = g_malloc ((gsize) d->width * d->height * 3);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW rows[1] = { d->pixels + (gsize) in.output_scanline * d->width * 3 };

      jpeg_read_scanlines (&in, rows, 1);
    }
  jpeg_finish_decompress (&in);
  jpeg_destroy_decompress (&in);
}

static void
assert_near (int value,
             int expected)
{
  if (ABS (value - expected) > 6)
    g_error ("%d is not near %d", value, expected);
}

static void
test_jpeg_landscape (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "phong-canh.jpg");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Decoded) d = { 0 };
  const char *media_type = NULL;
  guint width = 0, height = 0, sniff_w = 0, sniff_h = 0;

  write_jpeg (file, 4000, 3000, 1);
  scaled = byline_image_downscale (file, "image/jpeg", 2048, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scaled);
  g_assert_cmpuint (width, ==, 2048);
  g_assert_cmpuint (height, ==, 1536);
  g_assert_true (byline_image_info_sniff (g_bytes_get_data (scaled, NULL), g_bytes_get_size (scaled),
                                          &media_type, &sniff_w, &sniff_h));
  g_assert_cmpstr (media_type, ==, "image/jpeg");
  g_assert_cmpuint (sniff_w, ==, 2048);
  g_assert_cmpuint (sniff_h, ==, 1536);

  /* The picture itself: the gradient is where it was. */
  decode_jpeg (scaled, &d);
  for (guint y = 100; y < d.height; y += 400)
    for (guint x = 100; x < d.width; x += 400)
      {
        const guint8 *p = d.pixels + ((gsize) y * d.width + x) * 3;

        assert_near (p[0], x * 255 / (d.width - 1));
        assert_near (p[1], y * 255 / (d.height - 1));
        assert_near (p[2], 128);
      }
  g_assert_cmpuint (d.orientation, ==, 1);
  /* Smaller than the original: that is the point. */
  g_assert_cmpuint (g_bytes_get_size (scaled), <, 4000u * 3000u / 10);
}

static void
test_jpeg_keeps_orientation_only (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "doc.jpg");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Decoded) before = { 0 };
  g_auto(Decoded) d = { 0 };
  guint width = 0, height = 0;

  /* A phone photo held upright: stored 4000×3000, to be turned a quarter. */
  write_jpeg (file, 4000, 3000, 6);
  original = g_file_load_bytes (file, NULL, NULL, &error);
  decode_jpeg (original, &before);
  g_assert_true (before.has_gps);
  g_assert_cmpuint (before.orientation, ==, 1);  /* little-endian there: not our segment */

  scaled = byline_image_downscale (file, "image/jpeg", 1000, &width, &height, &error);
  g_assert_no_error (error);
  /* Stored 1000×750, shown upright: the size it shows at. */
  g_assert_cmpuint (width, ==, 750);
  g_assert_cmpuint (height, ==, 1000);
  decode_jpeg (scaled, &d);
  g_assert_cmpuint (d.width, ==, 1000);
  g_assert_cmpuint (d.height, ==, 750);
  g_assert_cmpuint (d.orientation, ==, 6);
  g_assert_false (d.has_gps);
}

static void
test_portrait (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "doc.jpg");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  guint width = 0, height = 0;

  write_jpeg (file, 1200, 5000, 1);
  scaled = byline_image_downscale (file, "image/jpeg", 2048, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 492);
  g_assert_cmpuint (height, ==, 2048);
}

static void
test_small_untouched (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) jpeg = g_file_get_child (folder, "nho.jpg");
  g_autoptr(GFile) png = g_file_get_child (folder, "nho.png");
  g_autoptr(GError) error = NULL;
  guint width = 0;

  write_jpeg (jpeg, 2048, 1000, 1);
  byline_test_write_png (png, 300, 200, 0x336699);
  g_assert_null (byline_image_downscale (jpeg, "image/jpeg", 2048, &width, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (byline_image_downscale (png, "image/png", 2048, &width, NULL, &error));
  g_assert_no_error (error);
  /* Kinds left as they are, whatever their size. */
  g_assert_null (byline_image_downscale (jpeg, "image/gif", 100, &width, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 0);
}

static void
test_png (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "bieu-do.png");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  png_image image = { .version = PNG_IMAGE_VERSION };
  g_autofree guint8 *pixels = NULL;
  guint width = 0, height = 0;

  byline_test_write_png (file, 3000, 1000, 0x8a5a2b);
  scaled = byline_image_downscale (file, "image/png", 2048, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scaled);
  g_assert_cmpuint (width, ==, 2048);
  g_assert_cmpuint (height, ==, 683);

  g_assert_true (png_image_begin_read_from_memory (&image, g_bytes_get_data (scaled, NULL),
                                                   g_bytes_get_size (scaled)));
  g_assert_cmpuint (image.width, ==, 2048);
  g_assert_cmpuint (image.height, ==, 683);
  image.format = PNG_FORMAT_RGB;
  pixels = g_malloc (PNG_IMAGE_SIZE (image));
  g_assert_true (png_image_finish_read (&image, NULL, pixels, 0, NULL));
  /* An average of one colour is that colour, exactly: PNG is lossless. */
  for (gsize i = 0; i < (gsize) image.width * image.height; i++)
    if (pixels[i * 3] != 0x8a || pixels[i * 3 + 1] != 0x5a || pixels[i * 3 + 2] != 0x2b)
      g_error ("pixel %" G_GSIZE_FORMAT " changed colour", i);
}

static void
test_damaged (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "hong.jpg");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  const char junk[] = "\xff\xd8\xff\xe0 this is not really a JPEG at all";

  g_file_replace_contents (file, junk, sizeof junk, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  scaled = byline_image_downscale (file, "image/jpeg", 100, NULL, NULL, &error);
  g_assert_null (scaled);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "hong.jpg"));
  g_clear_error (&error);

  g_file_replace_contents (file, "\x89PNG\r\n\x1a\nxx", 10, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  scaled = byline_image_downscale (file, "image/png", 100, NULL, NULL, &error);
  g_assert_null (scaled);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
}

static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

static void
test_memory_stays_small (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("resize");
  g_autoptr(GFile) file = g_file_get_child (folder, "lon.jpg");
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  guint width = 0, height = 0;
  gint64 before, peak;

  /* 48 megapixels: 144 MB decoded whole. */
  write_jpeg (file, 8000, 6000, 1);
  /* Resets the peak RSS (Linux), in place: /proc files cannot be renamed over. */
  {
    FILE *fp = fopen ("/proc/self/clear_refs", "w");

    g_assert_nonnull (fp);
    g_assert_cmpint (fputs ("5", fp), >=, 0);
    g_assert_cmpint (fclose (fp), ==, 0);
  }
  before = status_kib ("VmRSS:");
  scaled = byline_image_downscale (file, "image/jpeg", 2048, &width, &height, &error);
  peak = status_kib ("VmHWM:");
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 2048);
  g_test_message ("peak RSS growth while scaling 8000×6000: %" G_GINT64_FORMAT " KiB", peak - before);
  g_assert_cmpint (peak - before, <, 16 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/image-resize/jpeg-landscape", test_jpeg_landscape);
  g_test_add_func ("/image-resize/jpeg-keeps-orientation-only", test_jpeg_keeps_orientation_only);
  g_test_add_func ("/image-resize/portrait", test_portrait);
  g_test_add_func ("/image-resize/small-untouched", test_small_untouched);
  g_test_add_func ("/image-resize/png", test_png);
  g_test_add_func ("/image-resize/damaged", test_damaged);
  g_test_add_func ("/image-resize/memory-stays-small", test_memory_stays_small);

  return g_test_run ();
}
