/* make-heif.c — the HEIF pictures of tests/data/heif, as an iPhone and a web
 * page give them: a 60 × 40 picture, red on its left half and blue on its
 * right, in HEVC (flat.heic), in HEVC turned a quarter clockwise as a
 * portrait photo is (portrait.heic: stored 60 × 40, shown 40 × 60, red on
 * top), and in AV1 (flat.avif).
 *
 *   cc make-heif.c -o make-heif $(pkg-config --cflags --libs libheif)
 *   ./make-heif          (needs libheif's x265 and aom encoder plugins)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libheif/heif.h>
#include <stdio.h>
#include <stdlib.h>

static void
check (struct heif_error error)
{
  if (error.code != heif_error_Ok)
    {
      fprintf (stderr, "make-heif: %s\n", error.message);
      exit (1);
    }
}

static void
write_picture (const char                 *path,
               enum heif_compression_format format,
               enum heif_orientation        orientation)
{
  struct heif_context *context = heif_context_alloc ();
  struct heif_encoder *encoder = NULL;
  struct heif_image *image = NULL;
  struct heif_encoding_options *options = heif_encoding_options_alloc ();
  int stride = 0;
  uint8_t *pixels;

  check (heif_image_create (60, 40, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image));
  check (heif_image_add_plane (image, heif_channel_interleaved, 60, 40, 8));
  pixels = heif_image_get_plane (image, heif_channel_interleaved, &stride);
  for (int y = 0; y < 40; y++)
    for (int x = 0; x < 60; x++)
      {
        uint8_t *p = pixels + y * stride + x * 3;

        p[0] = x < 30 ? 0xcc : 0x33;
        p[1] = x < 30 ? 0x33 : 0x55;
        p[2] = x < 30 ? 0x33 : 0xcc;
      }
  check (heif_context_get_encoder_for_format (context, format, &encoder));
  check (heif_encoder_set_lossy_quality (encoder, 90));
  options->image_orientation = orientation;
  check (heif_context_encode_image (context, image, encoder, options, NULL));
  check (heif_context_write_to_file (context, path));
  heif_encoding_options_free (options);
  heif_encoder_release (encoder);
  heif_image_release (image);
  heif_context_free (context);
}

int
main (void)
{
  write_picture ("flat.heic", heif_compression_HEVC, heif_orientation_normal);
  write_picture ("portrait.heic", heif_compression_HEVC, heif_orientation_rotate_90_cw);
  write_picture ("flat.avif", heif_compression_AV1, heif_orientation_normal);
  return 0;
}
