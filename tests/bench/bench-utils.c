/* bench-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

#include "bench-utils.h"

static const char *syllables[] = {
  "mưa", "lũ", "sạt", "lở", "đất", "bản", "xã", "huyện", "Nậm", "Nhùn", "người", "dân",
  "cứu", "hộ", "đường", "quốc", "lộ", "thiệt", "hại", "tài", "sản", "khắc", "phục",
  "hậu", "quả", "chính", "quyền", "địa", "phương", "lực", "lượng", "chức", "năng",
  "Lai", "Châu", "tỉnh", "miền", "núi", "suối", "nước", "dâng", "cao", "sơ", "tán",
};

void
bench_write_photo_jpeg (GFile   *file,
                        guint    width,
                        guint    height,
                        guint32  seed)
{
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr jerr;
  unsigned char *out = NULL;
  unsigned long out_size = 0;
  g_autofree guchar *row = g_malloc (width * 3);
  guint32 state = seed * 2654435761u + 1;
  g_autoptr(GError) error = NULL;

  cinfo.err = jpeg_std_error (&jerr);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, &out, &out_size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, 85, TRUE);
  jpeg_start_compress (&cinfo, TRUE);

  while (cinfo.next_scanline < height)
    {
      guint y = cinfo.next_scanline;
      JSAMPROW rows[1] = { row };

      for (guint x = 0; x < width; x++)
        {
          int noise;

          /* xorshift32: sensor noise, so that the picture compresses like a photo */
          state ^= state << 13;
          state ^= state >> 17;
          state ^= state << 5;
          noise = (int) (state & 31) - 16;
          row[3 * x + 0] = CLAMP ((int) (x * 200 / width) + (int) (seed * 37 % 56) + noise, 0, 255);
          row[3 * x + 1] = CLAMP ((int) (y * 180 / height) + 40 + noise, 0, 255);
          row[3 * x + 2] = CLAMP ((int) ((x + y) * 120 / (width + height)) + 90 - noise, 0, 255);
        }
      jpeg_write_scanlines (&cinfo, rows, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);

  g_file_replace_contents (file, (const char *) out, out_size, NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  free (out);
}

BylineArticle *
bench_make_long_article (GFile         *photos,
                         BenchPictures  pictures)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  BylineBody *body = byline_article_get_body (article);
  GRand *rand = g_rand_new_with_seed (20221008);
  gboolean camera = pictures == BENCH_PICTURES_CAMERA_JPEG;
  guint words = 0, image = 0;

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  byline_article_set_lead (article, "(BLC) - Mưa lớn kéo dài đã gây sạt lở nghiêm trọng.");

  while (words < BENCH_N_WORDS)
    {
      GString *para = g_string_new (NULL);
      guint n = 40 + g_rand_int_range (rand, 0, 40);
      guint index;

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
        }
      g_string_append_c (para, '.');
      words += n;
      index = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, para->str);
      byline_body_apply_span (body, index, 4, 12, BYLINE_SPAN_BOLD, NULL, TRUE);
      g_string_free (para, TRUE);

      if (image < BENCH_N_IMAGES && words * BENCH_N_IMAGES / BENCH_N_WORDS > image)
        {
          g_autofree char *name = g_strdup_printf (camera ? "anh-%03u.jpg" : "anh-%03u.png", image);
          g_autoptr(GFile) file = g_file_get_child (photos, name);
          g_autoptr(BylineImage) picture = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *sha = NULL;
          g_autofree char *caption = g_strdup_printf ("Ảnh %u: lực lượng cứu hộ tại hiện trường.", image + 1);
          guint width = camera ? 4000 : 64, height = camera ? 3000 : 48;

          if (camera)
            bench_write_photo_jpeg (file, width, height, image);
          else
            byline_test_write_png (file, width, height, 0x102030 + image * 997);
          bytes = g_file_load_bytes (file, NULL, NULL, NULL);
          sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
          picture = byline_image_new (sha, camera ? "image/jpeg" : "image/png");
          byline_image_set_file (picture, file);
          byline_image_set_filename (picture, name);
          byline_image_set_size (picture, width, height);
          byline_image_set_caption (picture, caption);
          byline_image_set_credit (picture, "Ảnh: Lò Văn Dũng");
          byline_image_set_alt_text (picture, "Bộ đội giúp dân di dời.");
          byline_article_add_image (article, picture);
          byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (picture));
          image++;
        }
    }
  g_rand_free (rand);
  return g_steal_pointer (&article);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

double
bench_percentile (double *values,
                  guint   n,
                  double  fraction)
{
  guint rank;

  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  /* nearest rank */
  rank = (guint) (fraction * n + 0.999999);
  return values[CLAMP (rank, 1, n) - 1];
}

double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
